//! Opening and logging in, sans-IO: the AUTHORIZATION state of RFC 1939 §4
//! and §7 as a state machine that never touches a socket.
//!
//! [`Login`] is made from the account's [`Config`] and whether the
//! connection is already encrypted. The driver (the client) asks
//! [`Login::next_action`] what to do, does it, and reports back:
//!
//! ```text
//! Send(cmd)  → write cmd.encode(), log cmd.redacted()      → next_action
//! Receive    → read one line (terminator stripped)          → receive(line)
//! StartTls   → drop unread bytes, TLS handshake              → tls_started()
//! Report(s)  → show the progress step                       → next_action
//! Opened     → greeting and CAPA known; stop, or authenticate() → next_action
//! Done(o)    → logged in with o.mechanism
//! ```
//!
//! The steps: the greeting (RFC 1939 §4, with its APOP timestamp), `CAPA`
//! (RFC 2449 §5; `-ERR` means an RFC 1939 server), then `STLS` when the
//! account wants it (RFC 2595 §4). STLS is fail-closed: not offered or
//! refused, the machine says `QUIT` and fails before any credential. After
//! the upgrade CAPA is asked again, since the pre-TLS answer may have been
//! forged. Then authentication with the mechanism [`auth::choose`] picks:
//! `USER`/`PASS` and `APOP` (RFC 1939 §7), or SASL `AUTH` (RFC 5034) with
//! PLAIN (RFC 4616), LOGIN, CRAM-MD5 (RFC 2195), and the OAuth 2.0
//! mechanisms XOAUTH2 and OAUTHBEARER (RFC 7628). Those send the token as
//! the `AUTH` line's initial response (Google's form) or after an empty `+`
//! (Microsoft's two-step form), as the account says. A `+` challenge after
//! the token is the server's JSON error (RFC 7628 §3.2.2): it is answered
//! with `%x01` (OAUTHBEARER) or an empty line (XOAUTH2), and the final
//! `-ERR` becomes [`Error::SignInExpired`] naming the error's `status`.
//!
//! A `-ERR` is turned into a typed error by its response code (RFC 2449
//! `IN-USE`, `LOGIN-DELAY`; RFC 3206 `SYS/TEMP`, `SYS/PERM`, `AUTH`);
//! without one it is a failed login. Every refusal of an authentication
//! command goes through one place ([`Login`]'s `refused`), which is where
//! falling back to the next mechanism belongs. A SASL exchange answers `+`
//! challenges one at a time through the mechanism's `Sasl` step, is
//! bounded, and is cancelled with `*` when the server asks more than the
//! mechanism has to say. Credentials are sent only as [`Command`]s whose
//! log form is redacted.

mod replies;

use std::collections::VecDeque;

use crate::pop3::auth::{self, Mechanism};
use crate::pop3::capa::Capabilities;
use crate::pop3::command::{Command, is_safe_argument};
use crate::pop3::config::{AuthMethod, Config, OAuthMechanism, Security};
use crate::pop3::error::{Error, Violation};
use crate::pop3::response::{
    AuthReply, Greeting, Status, parse_auth_reply, parse_greeting, parse_status,
};
use crate::pop3::sasl::{Credentials, Sasl};
use crate::pop3::step::Step;
use crate::secret::Secret;

/// Most bytes of capability lines accepted from one `CAPA` reply.
pub const CAPA_MAX: u64 = 64 * 1024;

/// Most server replies read in one SASL exchange.
const SASL_MAX_REPLIES: usize = 8;

/// What the driver should do next.
#[derive(Debug)]
pub enum Action {
    /// The server hung up right after refusing a mechanism: open a new
    /// connection with the same settings, then call [`Login::reconnected`]
    /// and ask again. The machine goes through the greeting, `CAPA` and
    /// `STLS` again and continues with the next mechanism on its own.
    Reconnect,
    /// Send this command (its bytes: [`Command::encode`]; its log form:
    /// [`Command::redacted`]), then ask again.
    Send(Command),
    /// Read one line from the server and pass it, without its terminator,
    /// to [`Login::receive`].
    Receive,
    /// The server accepted `STLS`: discard every byte received but not yet
    /// read (RFC 2595 §4), perform the TLS handshake, then call
    /// [`Login::tls_started`].
    StartTls,
    /// Progress to show, then ask again.
    Report(Step),
    /// The greeting and capabilities are known ([`Login::greeting`],
    /// [`Login::capabilities`]) and no credential has been sent. Stop here,
    /// or call [`Login::authenticate`] and ask again.
    Opened,
    /// Logged in: the session is in the TRANSACTION state.
    Done(LoginOutcome),
}

/// The result of a successful login.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginOutcome {
    /// The mechanism that logged in.
    pub mechanism: Mechanism,
    /// The capabilities (after STLS, the ones announced over TLS).
    pub capabilities: Capabilities,
    /// Whether the connection is encrypted.
    pub encrypted: bool,
}

#[derive(Debug)]
enum State {
    /// Nothing read yet.
    Start,
    /// Waiting for the greeting.
    Greeting,
    /// `CAPA` sent, waiting for its status line.
    CapaStatus,
    /// Reading the capability lines.
    CapaLines { caps: Capabilities, bytes: u64 },
    /// `STLS` sent.
    StlsReply,
    /// Waiting for the driver's TLS handshake.
    Handshake,
    /// Greeting and capabilities known; waiting for `authenticate`.
    Opened,
    /// `USER` sent.
    UserSent,
    /// `PASS` sent.
    PassSent,
    /// `APOP` sent.
    ApopSent,
    /// In a SASL exchange; `replies` server replies read so far.
    Sasl {
        sasl: Sasl,
        mechanism: Mechanism,
        replies: usize,
    },
    /// An OAuth error challenge answered; fails with
    /// [`Error::SignInExpired`] (or the coded refusal) once the server's
    /// final reply arrives. `status` is the error's `status`.
    SaslOAuthRejected { status: String },
    /// `*` sent to cancel a SASL exchange; fails with `detail` once answered.
    SaslCancelled { detail: Violation },
    /// `QUIT` sent after a refusal; fails with the error once answered.
    Closing(Error),
    /// Fails with the error once the queued commands are sent.
    Failing(Error),
    /// Logged in.
    Done(Mechanism),
    /// Waiting for the driver to open a new connection.
    Reconnect,
    /// An error was returned; nothing more to do.
    Failed,
}

/// The login state machine; see the module documentation.
#[derive(Debug)]
pub struct Login {
    security: Security,
    method: AuthMethod,
    allow_plaintext_password: bool,
    oauth_mechanism: OAuthMechanism,
    oauth_initial_response: bool,
    /// Server host and port, for OAUTHBEARER's `host` and `port` keys.
    host: String,
    port: u16,
    creds: Credentials,
    encrypted: bool,
    state: State,
    queue: VecDeque<Action>,
    greeting: Option<Greeting>,
    caps: Capabilities,
    /// The command whose reply is awaited, for errors (credentials redacted).
    during: String,
    /// Mechanisms begun, in order; the last is the one in progress.
    tried: Vec<Mechanism>,
    /// A credential (not just a mechanism name) was refused.
    credential_refused: bool,
    /// The mechanism in progress was begun right after a refusal on this
    /// connection, so a hang-up now means "reconnect and go on".
    after_refusal: bool,
    /// After a reconnection: authenticate on without stopping at `Opened`.
    resume: bool,
    /// The text of the last refusal, for the error when nothing is left.
    last_refusal: String,
}

impl Login {
    /// A machine for the account `cfg` over a connection that is already
    /// encrypted (implicit TLS) or not.
    pub fn new(cfg: &Config, encrypted: bool) -> Self {
        Login {
            security: cfg.security,
            method: cfg.auth,
            allow_plaintext_password: cfg.allow_plaintext_password,
            oauth_mechanism: cfg.oauth_mechanism,
            oauth_initial_response: cfg.oauth_initial_response,
            host: cfg.host.clone(),
            port: cfg.port,
            creds: Credentials {
                username: cfg.username.clone(),
                password: cfg.password.clone(),
            },
            encrypted,
            state: State::Start,
            queue: VecDeque::new(),
            greeting: None,
            caps: Capabilities::default(),
            during: crate::t!("pop3-during-greeting"),
            tried: Vec::new(),
            credential_refused: false,
            after_refusal: false,
            resume: false,
            last_refusal: String::new(),
        }
    }

    /// The mechanisms begun so far, in order (the last one is in progress
    /// or logged in).
    pub fn tried(&self) -> &[Mechanism] {
        &self.tried
    }

    /// The server greeting, once read.
    pub fn greeting(&self) -> Option<&Greeting> {
        self.greeting.as_ref()
    }

    /// The capabilities known so far (default until `CAPA` is answered).
    pub fn capabilities(&self) -> &Capabilities {
        &self.caps
    }

    /// Whether the connection is encrypted, as far as the machine knows.
    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    /// What is being waited for, for I/O errors: the greeting or the last
    /// command sent (credentials redacted).
    pub fn during(&self) -> &str {
        &self.during
    }

    /// The next thing for the driver to do.
    pub fn next_action(&mut self) -> Result<Action, Error> {
        if let Some(action) = self.queue.pop_front() {
            if let Action::Send(cmd) = &action
                && !matches!(cmd, Command::SaslResponse(_))
            {
                self.during = cmd.redacted();
            }
            return Ok(action);
        }
        match std::mem::replace(&mut self.state, State::Failed) {
            State::Start if self.security == Security::Tls && !self.encrypted => Err(Error::Tls {
                detail: crate::t!("pop3-not-encrypted"),
            }),
            State::Start => {
                self.state = State::Greeting;
                Ok(Action::Receive)
            }
            State::Handshake => {
                self.state = State::Handshake;
                Ok(Action::StartTls)
            }
            State::Opened => {
                self.state = State::Opened;
                Ok(Action::Opened)
            }
            State::Done(mechanism) => {
                self.state = State::Done(mechanism);
                Ok(Action::Done(LoginOutcome {
                    mechanism,
                    capabilities: self.caps.clone(),
                    encrypted: self.encrypted,
                }))
            }
            State::Reconnect => {
                self.state = State::Reconnect;
                Ok(Action::Reconnect)
            }
            State::Failing(error) => Err(error),
            State::Failed => Err(Error::Broken),
            waiting => {
                self.state = waiting;
                Ok(Action::Receive)
            }
        }
    }

    /// Tells the machine that sending or reading failed with `error`.
    /// `Ok`: the machine goes on (its next action is [`Action::Reconnect`]):
    /// the server hung up right after refusing the previous mechanism,
    /// before answering the next one. `Err`: the error to return. While
    /// saying goodbye after a refusal, the refusal is what matters: the
    /// `QUIT` is a courtesy, so its failure is dropped here.
    pub fn interrupted(&mut self, error: Error) -> Result<(), Error> {
        let hung_up = matches!(error, Error::ConnectionClosed { .. } | Error::Io { .. });
        match std::mem::replace(&mut self.state, State::Failed) {
            State::Closing(reason) => Err(reason),
            State::UserSent | State::ApopSent | State::Sasl { replies: 0, .. }
                if hung_up && self.after_refusal =>
            {
                // The mechanism in progress never got an answer: try it again.
                self.tried.pop();
                self.queue.clear();
                self.state = State::Reconnect;
                Ok(())
            }
            _ => Err(error),
        }
    }

    /// Tells the machine a new connection is open after
    /// [`Action::Reconnect`] (`encrypted`: implicit TLS is up).
    pub fn reconnected(&mut self, encrypted: bool) -> Result<(), Error> {
        match std::mem::replace(&mut self.state, State::Failed) {
            State::Reconnect => {
                self.encrypted = encrypted;
                self.queue.clear();
                self.greeting = None;
                self.caps = Capabilities::default();
                self.during = crate::t!("pop3-during-greeting");
                self.after_refusal = false;
                self.resume = true;
                self.state = State::Start;
                Ok(())
            }
            other => Err(self.misuse(other, &crate::t!("pop3-state-no-reconnect"))),
        }
    }

    /// Feeds one server line (terminator stripped) after [`Action::Receive`].
    pub fn receive(&mut self, line: &[u8]) -> Result<(), Error> {
        match std::mem::replace(&mut self.state, State::Failed) {
            State::Greeting => self.on_greeting(line),
            State::CapaStatus => {
                let status = self.status(line)?;
                if status.ok {
                    self.state = State::CapaLines {
                        caps: Capabilities {
                            capa_supported: true,
                            ..Capabilities::default()
                        },
                        bytes: 0,
                    };
                    Ok(())
                } else {
                    self.capabilities_known(Capabilities::default());
                    Ok(())
                }
            }
            State::CapaLines { caps, bytes } => self.on_capa_line(caps, bytes, line),
            State::StlsReply => {
                let status = self.status(line)?;
                if status.ok {
                    self.state = State::Handshake;
                } else {
                    self.close(Error::StlsRefused {
                        server_text: status.text,
                    });
                }
                Ok(())
            }
            State::UserSent => {
                let status = self.status(line)?;
                if !status.ok {
                    // RFC 1939 §7: -ERR to USER is "never heard of mailbox name".
                    return self.refused(&status, true);
                }
                self.send(Command::Pass(self.creds.password.clone()));
                self.state = State::PassSent;
                Ok(())
            }
            State::PassSent => self.on_final(line, Mechanism::User),
            State::ApopSent => self.on_final(line, Mechanism::Apop),
            State::Sasl {
                sasl,
                mechanism,
                replies,
            } => self.on_sasl(sasl, mechanism, replies, line),
            State::SaslOAuthRejected { status } => self.on_oauth_final(&status, line),
            State::SaslCancelled { detail } => {
                self.status(line)?;
                Err(Error::Protocol {
                    command: self.during.clone(),
                    detail,
                })
            }
            // The goodbye's answer does not matter, whatever it is.
            State::Closing(error) => Err(error),
            other => Err(self.misuse(other, &crate::t!("pop3-state-no-reply"))),
        }
    }

    /// Tells the machine the TLS handshake after `STLS` succeeded.
    pub fn tls_started(&mut self) -> Result<(), Error> {
        match std::mem::replace(&mut self.state, State::Failed) {
            State::Handshake => {
                self.encrypted = true;
                self.send(Command::Capa);
                self.state = State::CapaStatus;
                Ok(())
            }
            other => Err(self.misuse(other, &crate::t!("pop3-state-no-handshake"))),
        }
    }

    /// Starts authenticating, after [`Action::Opened`]. Never lets a
    /// password go over an unencrypted connection unless the account allows
    /// it. An error here sent nothing: the machine stays opened.
    pub fn authenticate(&mut self) -> Result<(), Error> {
        if !matches!(self.state, State::Opened) {
            return Err(Error::WrongState {
                command: crate::t!("pop3-during-login"),
                detail: crate::t!("pop3-state-not-ready"),
            });
        }
        if !is_safe_argument(&self.creds.username)
            || !is_safe_argument(self.creds.password.expose())
        {
            return Err(Error::InvalidConfig {
                detail: crate::t!("pop3-unsafe-credentials"),
            });
        }
        let mechanism = auth::choose(
            self.method,
            self.oauth_mechanism,
            &self.caps,
            self.has_timestamp(),
            self.encrypted,
            self.allow_plaintext_password,
        )?;
        self.begin(mechanism);
        Ok(())
    }
}

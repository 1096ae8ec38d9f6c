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

use std::collections::VecDeque;

use crate::pop3::auth::{self, Mechanism};
use crate::pop3::capa::Capabilities;
use crate::pop3::command::{Command, is_safe_argument};
use crate::pop3::config::{AuthMethod, Config, OAuthMechanism, Security};
use crate::pop3::error::{Error, Violation};
use crate::pop3::response::{
    AuthReply, Greeting, ParseError, Status, parse_auth_reply, parse_greeting, parse_status,
};
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

/// The client side of one SASL mechanism (RFC 5034 §4): the `AUTH`
/// command and the answer to each `+` challenge.
#[derive(Debug)]
enum Sasl {
    /// PLAIN: the message, sent as initial response when it fits.
    Plain { message: String, in_command: bool },
    /// LOGIN: the user name, then the password.
    Login,
    /// CRAM-MD5: one answer to the challenge.
    CramMd5,
    /// XOAUTH2 or OAUTHBEARER: the token message, in the `AUTH` line or
    /// after the server's empty `+`.
    OAuth { message: String, in_command: bool },
}

impl Sasl {
    /// The `AUTH` command that starts the exchange.
    fn command(&self, mechanism: Mechanism) -> Command {
        let initial = match self {
            Sasl::Plain {
                message,
                in_command: true,
            }
            | Sasl::OAuth {
                message,
                in_command: true,
            } => Some(Secret::new(message.clone())),
            _ => None,
        };
        Command::Auth {
            mechanism: mechanism.name().into(),
            initial,
        }
    }

    /// The answer to challenge number `step`; `None` when the mechanism
    /// has nothing more to say.
    fn respond(
        &self,
        creds: &Credentials,
        challenge: &str,
        step: usize,
    ) -> Option<Result<String, ParseError>> {
        match self {
            Sasl::Plain {
                message,
                in_command,
            } => (step == 0 && !in_command).then(|| Ok(message.clone())),
            Sasl::Login => match step {
                0 => Some(Ok(auth::login_response(&creds.username))),
                1 => Some(Ok(auth::login_response(creds.password.expose()))),
                _ => None,
            },
            Sasl::CramMd5 => (step == 0).then(|| {
                auth::cram_md5_response(&creds.username, creds.password.expose(), challenge)
            }),
            Sasl::OAuth {
                message,
                in_command,
            } => (step == 0 && !in_command && challenge.is_empty()).then(|| Ok(message.clone())),
        }
    }

    /// Whether `challenge` (the `step`th) is an OAuth mechanism's error
    /// report rather than a request for the token.
    fn is_oauth_error(&self, challenge: &str, step: usize) -> bool {
        match self {
            Sasl::OAuth { in_command, .. } => *in_command || step > 0 || !challenge.is_empty(),
            _ => false,
        }
    }
}

#[derive(Debug)]
struct Credentials {
    username: String,
    password: Secret,
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
            during: "greeting".to_string(),
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
                detail: "the connection is not encrypted".to_string(),
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
                self.during = "greeting".to_string();
                self.after_refusal = false;
                self.resume = true;
                self.state = State::Start;
                Ok(())
            }
            other => Err(self.misuse(other, "no reconnection was asked for")),
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
            other => Err(self.misuse(other, "no reply was expected")),
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
            other => Err(self.misuse(other, "no TLS handshake was asked for")),
        }
    }

    /// Starts authenticating, after [`Action::Opened`]. Never lets a
    /// password go over an unencrypted connection unless the account allows
    /// it. An error here sent nothing: the machine stays opened.
    pub fn authenticate(&mut self) -> Result<(), Error> {
        if !matches!(self.state, State::Opened) {
            return Err(Error::WrongState {
                command: "login".to_string(),
                detail: "the session is not ready to log in".to_string(),
            });
        }
        if !is_safe_argument(&self.creds.username)
            || !is_safe_argument(self.creds.password.expose())
        {
            return Err(Error::InvalidConfig {
                detail: "the user name or password contains a line break or NUL".to_string(),
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

    fn has_timestamp(&self) -> bool {
        self.greeting
            .as_ref()
            .is_some_and(|g| g.apop_timestamp.is_some())
    }

    /// The next acceptable mechanism not tried yet; `Ok(None)` when none is
    /// left. When only mechanisms that would send the password in clear are
    /// left (and the account does not allow that), says so.
    fn next_mechanism(&self) -> Result<Option<Mechanism>, Error> {
        let untried = |all: Vec<Mechanism>| all.into_iter().find(|m| !self.tried.contains(m));
        let acceptable = auth::candidates(
            self.method,
            self.oauth_mechanism,
            &self.caps,
            self.has_timestamp(),
            self.encrypted,
            self.allow_plaintext_password,
        );
        let tried = auth::names(&self.tried);
        match acceptable {
            Ok(all) => {
                if let Some(m) = untried(all) {
                    return Ok(Some(m));
                }
            }
            Err(Error::PlaintextRefused { mechanism, .. }) => {
                return Err(Error::PlaintextRefused { mechanism, tried });
            }
            Err(e) => return Err(e),
        }
        let password_ok = self.encrypted || self.allow_plaintext_password;
        if self.method == AuthMethod::Auto && !password_ok {
            let unsafe_left =
                auth::candidates(
                    self.method,
                    self.oauth_mechanism,
                    &self.caps,
                    self.has_timestamp(),
                    true,
                    true,
                )
                    .ok()
                    .and_then(untried);
            if let Some(m) = unsafe_left {
                return Err(Error::PlaintextRefused {
                    mechanism: m.name().to_string(),
                    tried,
                });
            }
        }
        Ok(None)
    }

    /// The error once no mechanism is left: the password is blamed only
    /// when a credential was refused.
    fn exhausted(&self) -> Error {
        let tried = auth::names(&self.tried);
        let server_text = self.last_refusal.clone();
        if self.credential_refused {
            Error::AuthFailed { server_text, tried }
        } else {
            Error::MechanismsRefused { tried, server_text }
        }
    }

    fn begin(&mut self, mechanism: Mechanism) {
        self.tried.push(mechanism);
        let user = self.creds.username.clone();
        let secret = self.creds.password.clone();
        let password = secret.expose();
        let sasl = match mechanism {
            Mechanism::User => {
                self.send(Command::User(user));
                self.state = State::UserSent;
                return;
            }
            Mechanism::Apop => {
                let timestamp = self
                    .greeting
                    .as_ref()
                    .and_then(|g| g.apop_timestamp.clone())
                    .unwrap_or_default();
                let digest = Secret::new(auth::apop_digest(&timestamp, password));
                self.send(Command::Apop { user, digest });
                self.state = State::ApopSent;
                return;
            }
            Mechanism::Plain => {
                let message = auth::plain_initial_response(&user, password);
                // "AUTH PLAIN " + message + CRLF must fit RFC 5034's 255 octets.
                let in_command = message.len() + 12 <= 255;
                Sasl::Plain {
                    message,
                    in_command,
                }
            }
            Mechanism::Login => Sasl::Login,
            Mechanism::CramMd5 => Sasl::CramMd5,
            Mechanism::XOAuth2 => Sasl::OAuth {
                message: auth::xoauth2_response(&user, password),
                in_command: self.oauth_initial_response,
            },
            Mechanism::OAuthBearer => Sasl::OAuth {
                message: auth::oauthbearer_response(&user, &self.host, self.port, password),
                in_command: self.oauth_initial_response,
            },
        };
        self.send(sasl.command(mechanism));
        self.state = State::Sasl {
            sasl,
            mechanism,
            replies: 0,
        };
    }

    fn send(&mut self, cmd: Command) {
        self.queue.push_back(Action::Send(cmd));
    }

    /// Says `QUIT`, then fails with `error` whatever the answer.
    fn close(&mut self, error: Error) {
        self.send(Command::Quit);
        self.state = State::Closing(error);
    }

    fn status(&self, line: &[u8]) -> Result<Status, Error> {
        parse_status(line).map_err(|e| Error::parse(&self.during, e))
    }

    /// A refused authentication command; `credential_sent`: the refused
    /// command (or an earlier one of this mechanism) carried a credential.
    ///
    /// Mechanism fallback happens here. A refusal with a response code
    /// that is not about credentials (`IN-USE`, `LOGIN-DELAY`, `SYS/*`)
    /// ends the login. Otherwise "automatic" tries the next acceptable
    /// mechanism when the refused one sent no credential (the server
    /// refused the mechanism itself at `AUTH`), or was APOP (servers
    /// announce a timestamp for users without an APOP secret). The password
    /// is blamed only when a credential was refused.
    fn refused(&mut self, status: &Status, credential_sent: bool) -> Result<(), Error> {
        let error = Error::refusal(&self.during, status, self.caps.login_delay, true);
        if !matches!(error, Error::AuthFailed { .. }) {
            return Err(error);
        }
        self.credential_refused |= credential_sent;
        self.last_refusal = status.text.clone();
        let current = self.tried.last().copied();
        let may_fall_back = self.method == AuthMethod::Auto
            && (!credential_sent || current == Some(Mechanism::Apop));
        if may_fall_back && let Some(next) = self.next_mechanism()? {
            self.after_refusal = true;
            self.begin(next);
            return Ok(());
        }
        Err(self.exhausted())
    }

    /// The server's final reply after an OAuth error challenge.
    fn on_oauth_final(&mut self, status_text: &str, line: &[u8]) -> Result<(), Error> {
        let status = self.status(line)?;
        if status.ok {
            // The token was refused; a server that then says +OK is broken.
            return Err(Error::Protocol {
                command: self.during.clone(),
                detail: Violation::SaslUnfinished,
            });
        }
        Err(self.token_refused(status_text.to_string(), &status))
    }

    /// A refused OAuth token: a plain authentication failure means the
    /// sign-in has expired; coded refusals (`SYS/TEMP`, `IN-USE`…) stay.
    fn token_refused(&self, oauth_status: String, status: &Status) -> Error {
        match Error::refusal(&self.during, status, self.caps.login_delay, true) {
            Error::AuthFailed { server_text, .. } => Error::SignInExpired {
                status: oauth_status,
                server_text,
            },
            other => other,
        }
    }

    fn misuse(&mut self, state: State, detail: &str) -> Error {
        self.state = state;
        Error::WrongState {
            command: "login".to_string(),
            detail: detail.to_string(),
        }
    }

    fn on_greeting(&mut self, line: &[u8]) -> Result<(), Error> {
        let status = self.status(line)?;
        if !status.ok {
            return Err(Error::refusal("greeting", &status, None, false));
        }
        let greeting = parse_greeting(&status);
        self.queue.push_back(Action::Report(Step::Greeting {
            text: greeting.text.clone(),
        }));
        self.greeting = Some(greeting);
        self.send(Command::Capa);
        self.state = State::CapaStatus;
        Ok(())
    }

    fn on_capa_line(
        &mut self,
        mut caps: Capabilities,
        bytes: u64,
        line: &[u8],
    ) -> Result<(), Error> {
        if line == b"." {
            self.capabilities_known(caps);
            return Ok(());
        }
        let line = line.strip_prefix(b".").unwrap_or(line);
        let bytes = bytes + line.len() as u64 + 2;
        if bytes > CAPA_MAX {
            return Err(Error::MessageTooLarge {
                msg: 0,
                limit: CAPA_MAX,
            });
        }
        caps.add_line(line);
        self.state = State::CapaLines { caps, bytes };
        Ok(())
    }

    fn capabilities_known(&mut self, caps: Capabilities) {
        let stls = caps.stls;
        self.caps = caps;
        if self.security == Security::StartTls && !self.encrypted {
            if stls {
                self.send(Command::Stls);
                self.state = State::StlsReply;
            } else {
                self.close(Error::StlsUnavailable);
            }
            return;
        }
        self.queue
            .push_back(Action::Report(Step::Capabilities(self.caps.clone())));
        if !std::mem::take(&mut self.resume) {
            self.state = State::Opened;
            return;
        }
        match self.next_mechanism() {
            Ok(Some(next)) => self.begin(next),
            Ok(None) => self.close(self.exhausted()),
            Err(e) => self.close(e),
        }
    }

    fn on_final(&mut self, line: &[u8], mechanism: Mechanism) -> Result<(), Error> {
        let status = self.status(line)?;
        if !status.ok {
            return self.refused(&status, true);
        }
        self.state = State::Done(mechanism);
        Ok(())
    }

    fn on_sasl(
        &mut self,
        sasl: Sasl,
        mechanism: Mechanism,
        replies: usize,
        line: &[u8],
    ) -> Result<(), Error> {
        let reply = parse_auth_reply(line).map_err(|e| Error::parse(&self.during, e))?;
        let challenge = match reply {
            AuthReply::Done(status) if status.ok => {
                self.state = State::Done(mechanism);
                return Ok(());
            }
            AuthReply::Done(status) if mechanism.is_oauth() => {
                return Err(self.token_refused(String::new(), &status));
            }
            AuthReply::Done(status) => {
                let initial = matches!(
                    sasl,
                    Sasl::Plain {
                        in_command: true,
                        ..
                    }
                );
                return self.refused(&status, replies > 0 || initial);
            }
            AuthReply::Continue(challenge) => challenge,
        };
        if sasl.is_oauth_error(&challenge, replies) {
            // RFC 7628 §3.2.3: answer the error so the server sends its -ERR.
            let status = auth::oauth_error_status(&challenge).unwrap_or_default();
            self.send(Command::SaslResponse(Secret::new(
                auth::oauth_abort_response(mechanism),
            )));
            self.state = State::SaslOAuthRejected { status };
            return Ok(());
        }
        match sasl.respond(&self.creds, &challenge, replies) {
            Some(Ok(answer)) => {
                self.send(Command::SaslResponse(Secret::new(answer)));
                self.state = if replies + 1 >= SASL_MAX_REPLIES {
                    State::Failing(Error::Protocol {
                        command: self.during.clone(),
                        detail: Violation::SaslUnfinished,
                    })
                } else {
                    State::Sasl {
                        sasl,
                        mechanism,
                        replies: replies + 1,
                    }
                };
            }
            other => {
                // RFC 5034 §4: "*" cancels the exchange; the server answers -ERR.
                self.send(Command::SaslResponse(Secret::new("*")));
                let detail = match other {
                    Some(Err(e)) => Violation::Parse(e),
                    _ => Violation::ExtraChallenge,
                };
                self.state = State::SaslCancelled { detail };
            }
        }
        Ok(())
    }
}

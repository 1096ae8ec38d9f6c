//! A POP3 session (RFC 1939) over any [`Transport`].
//!
//! [`Client::connect`] opens the connection (TLS or STLS per the account),
//! reads the greeting and asks `CAPA` (RFC 2449). [`Client::login`]
//! authenticates with the chosen mechanism (see [`crate::pop3::auth`]);
//! then the transaction commands are available. Both run the sans-IO
//! [`Login`] machine through the driver; the client only keeps the session
//! state and does the transaction commands (pipelined ones in `pipeline`). [`Client::quit`] is the only
//! way DELEs take effect (RFC 1939 §6: UPDATE state).
//!
//! STLS is fail-closed: if the account wants STLS and the server does not
//! offer it or refuses it, the session ends before any credential is sent,
//! and bytes buffered before the handshake are discarded (RFC 2595 §4).
//!
//! Errors that leave the stream in an unknown state mark the session broken;
//! a server's `-ERR` to an ordinary command does not.

use std::time::Instant;

use crate::pop3::auth::Mechanism;
use crate::pop3::capa::Capabilities;
use crate::pop3::cert::CertInfo;
use crate::pop3::command::Command;
use crate::pop3::config::Config;
use crate::pop3::conn::Conn;
use crate::pop3::driver::{self, Stop};
use crate::pop3::error::{Error, SinkError, Violation};
use crate::pop3::listing::{
    ListingChecker, ListingError, Uidl, parse_scan, parse_stat, parse_unique_id,
};
use crate::pop3::log::{Direction, ProtocolLog};
use crate::pop3::login::Login;
use crate::pop3::pipeline::{self, BodyLimits};
use crate::pop3::response::{Greeting, MultilineDecoder, STATUS_LINE_MAX, Status, trim_eol};
pub use crate::pop3::step::Step;
use crate::pop3::transport::{TcpTransport, Transport};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before login.
    Authorization,
    /// After login.
    Transaction,
}

/// A POP3 session, before or after login.
pub struct Client {
    conn: Conn,
    cfg: Config,
    login: Login,
    caps: Capabilities,
    greeting: Greeting,
    state: State,
    mechanism: Option<Mechanism>,
    last_activity: Instant,
}

impl Client {
    /// Connects over TCP (TLS or STLS per the account), reads the greeting
    /// and the capabilities. Does not log in.
    pub fn connect(cfg: &Config) -> Result<Client, Error> {
        Client::connect_with(cfg, &mut ProtocolLog::new(), &mut |_| {})
    }

    /// Like [`Client::connect`], reporting each step to `on_step`. The
    /// protocol log is written to `log` (and moved into the client on
    /// success), so it can be shown even when connecting fails.
    pub fn connect_with(
        cfg: &Config,
        log: &mut ProtocolLog,
        on_step: &mut dyn FnMut(&Step),
    ) -> Result<Client, Error> {
        log.push(
            Direction::Note,
            format!(
                "connecting to {}:{} ({:?})", // not translated: the protocol log
                cfg.host, cfg.port, cfg.security
            ),
        );
        let transport = match TcpTransport::connect(cfg, on_step) {
            Ok(t) => t,
            Err(e) => {
                log.push(Direction::Note, e.to_string());
                return Err(e);
            }
        };
        if let Some(cert) = transport.certificate() {
            log.push(
                Direction::Note,
                format!(
                    "TLS up; certificate {} SHA-256 {}", // not translated: the protocol log
                    cert.subject, cert.sha256
                ),
            );
        }
        Client::from_transport(Box::new(transport), cfg, log, on_step)
    }

    /// Starts a session over an already connected transport: greeting,
    /// CAPA, and the STLS upgrade when the account asks for it.
    pub fn from_transport(
        transport: Box<dyn Transport>,
        cfg: &Config,
        log: &mut ProtocolLog,
        on_step: &mut dyn FnMut(&Step),
    ) -> Result<Client, Error> {
        let encrypted = transport.is_encrypted();
        let mut conn = Conn::new(transport, std::mem::take(log));
        let mut login = Login::new(cfg, encrypted);
        let opened = driver::run(&mut conn, &mut login, on_step).and_then(|stop| match stop {
            Stop::Opened => Ok(login.greeting().cloned()),
            Stop::Done(_) | Stop::Reconnect => Err(Error::WrongState {
                command: crate::t!("pop3-during-login"),
                detail: crate::t!("pop3-state-early-login"),
            }),
        });
        match opened {
            Ok(Some(greeting)) => Ok(Client {
                conn,
                cfg: cfg.clone(),
                caps: login.capabilities().clone(),
                login,
                greeting,
                state: State::Authorization,
                mechanism: None,
                last_activity: Instant::now(),
            }),
            Ok(None) => Err(Error::WrongState {
                command: crate::t!("pop3-during-login"),
                detail: crate::t!("pop3-state-no-greeting"),
            }),
            Err(e) => {
                conn.log.push(Direction::Note, e.to_string());
                *log = conn.log;
                Err(e)
            }
        }
    }

    /// Authenticates with the account's method. Never sends a password over
    /// an unencrypted connection unless the account allows it.
    pub fn login(&mut self) -> Result<(), Error> {
        self.check_usable(&crate::t!("pop3-during-login"), false)?;
        // Errors here (settings, mechanism choice) sent nothing: still usable.
        self.login.authenticate()?;
        loop {
            let r = driver::run(&mut self.conn, &mut self.login, &mut |_| {});
            match self.guard(r)? {
                Stop::Done(outcome) => {
                    self.state = State::Transaction;
                    self.mechanism = Some(outcome.mechanism);
                    self.caps = outcome.capabilities;
                    if let Some(greeting) = self.login.greeting() {
                        self.greeting = greeting.clone();
                    }
                    return Ok(());
                }
                Stop::Reconnect => self.reconnect()?,
                Stop::Opened => {
                    return Err(Error::WrongState {
                        command: crate::t!("pop3-during-login"),
                        detail: crate::t!("pop3-state-not-started"),
                    });
                }
            }
        }
    }

    /// Opens a new connection with the same settings after the server hung
    /// up on a refused mechanism; the login machine carries on over it.
    /// Bounded: the machine asks only after a refusal, and each refusal
    /// uses up a mechanism.
    fn reconnect(&mut self) -> Result<(), Error> {
        let mut log = std::mem::take(&mut self.conn.log);
        log.push(
            Direction::Note,
            "the server hung up after refusing a sign-in method; connecting again".to_string(), // not translated: the protocol log
        );
        let transport = match TcpTransport::connect(&self.cfg, &mut |_| {}) {
            Ok(t) => t,
            Err(e) => {
                log.push(Direction::Note, e.to_string());
                self.conn.log = log;
                self.conn.broken = true;
                return Err(e);
            }
        };
        let encrypted = transport.is_encrypted();
        self.conn = Conn::new(Box::new(transport), log);
        self.login.reconnected(encrypted)
    }

    /// The verified server certificate, when the connection uses TLS.
    pub fn certificate(&self) -> Option<&CertInfo> {
        self.conn.transport().and_then(|t| t.certificate())
    }

    /// Whether the connection is encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.conn.transport().is_some_and(|t| t.is_encrypted())
    }

    /// The server's capabilities (after STLS, the ones announced over TLS).
    pub fn capabilities(&self) -> &Capabilities {
        &self.caps
    }

    /// The server greeting.
    pub fn greeting(&self) -> &Greeting {
        &self.greeting
    }

    /// The mechanism used to log in, once logged in.
    pub fn mechanism(&self) -> Option<Mechanism> {
        self.mechanism
    }

    /// The redacted protocol log so far.
    pub fn log(&self) -> &ProtocolLog {
        &self.conn.log
    }

    /// Takes the protocol log, leaving an empty one.
    pub fn take_log(&mut self) -> ProtocolLog {
        std::mem::take(&mut self.conn.log)
    }

    fn check_usable(&self, command: &str, transaction: bool) -> Result<(), Error> {
        if self.conn.broken {
            return Err(Error::Broken);
        }
        let wanted = if transaction {
            State::Transaction
        } else {
            State::Authorization
        };
        if self.state != wanted {
            return Err(Error::WrongState {
                command: command.to_string(),
                detail: if transaction {
                    crate::t!("pop3-not-logged-in")
                } else {
                    crate::t!("pop3-already-logged-in")
                },
            });
        }
        Ok(())
    }

    /// Marks the session broken on errors that desynchronise the stream.
    fn guard<T>(&mut self, r: Result<T, Error>) -> Result<T, Error> {
        self.last_activity = Instant::now();
        if let Err(e) = &r
            && !e.is_recoverable()
        {
            self.conn.broken = true;
            self.conn.log.push(Direction::Note, e.to_string());
        }
        r
    }

    /// Sends one command and reads its status line; `-ERR` becomes an error.
    fn simple(&mut self, cmd: Command) -> Result<Status, Error> {
        let name = cmd.redacted();
        self.conn.send(&[cmd])?;
        let status = self.conn.read_status(&name)?;
        if status.ok {
            Ok(status)
        } else {
            Err(Error::refusal(&name, &status, self.caps.login_delay, false))
        }
    }

    /// `STAT`: message count and total size.
    pub fn stat(&mut self) -> Result<(u32, u64), Error> {
        self.check_usable("STAT", true)?;
        let r = self
            .simple(Command::Stat)
            .and_then(|s| parse_stat(&s.text).map_err(|e| Error::parse("STAT", e)));
        self.guard(r)
    }

    /// `LIST`: every message's number and size.
    pub fn list(&mut self) -> Result<Vec<(u32, u64)>, Error> {
        self.check_usable("LIST", true)?;
        let r = self.listing(Command::List(None), &mut |line| {
            parse_scan(line)
                .map(|(n, s)| (n, s, None))
                .map_err(|e| Error::parse("LIST", e))
        });
        let r = r.map(|v| v.into_iter().map(|(n, s, _)| (n, s)).collect());
        self.guard(r)
    }

    /// `LIST msg`: one message's size.
    pub fn list_one(&mut self, msg: u32) -> Result<u64, Error> {
        self.check_usable("LIST", true)?;
        let cmd = Command::List(Some(msg));
        let name = cmd.redacted();
        let r = self
            .simple(cmd)
            .and_then(|s| parse_scan(s.text.as_bytes()).map_err(|e| Error::parse(&name, e)))
            .map(|(_, size)| size);
        self.guard(r)
    }

    /// `UIDL`: every message's unique-id, validated (RFC 1939 §7). A
    /// unique-id listed twice is returned twice, as listed (the sync tells
    /// such messages apart). [`Error::UidlUnsupported`] if the server
    /// refuses UIDL.
    pub fn uidl(&mut self) -> Result<Vec<(u32, Uidl)>, Error> {
        self.check_usable("UIDL", true)?;
        let r = self.listing(Command::Uidl(None), &mut |line| {
            parse_unique_id(line)
                .map(|(n, u)| (n, 0, Some(u)))
                .map_err(|e| Error::InvalidUidl { detail: e.into() })
        });
        let r = match r {
            Err(Error::Rejected { .. }) => Err(Error::UidlUnsupported),
            other => other,
        };
        let r = r.map(|v| {
            v.into_iter()
                .filter_map(|(n, _, u)| u.map(|u| (n, u)))
                .collect()
        });
        self.guard(r)
    }

    /// `UIDL msg`: one message's unique-id.
    pub fn uidl_one(&mut self, msg: u32) -> Result<Uidl, Error> {
        self.check_usable("UIDL", true)?;
        let r = self.simple(Command::Uidl(Some(msg))).and_then(|s| {
            parse_unique_id(s.text.as_bytes())
                .map(|(_, u)| u)
                .map_err(|e| Error::InvalidUidl { detail: e.into() })
        });
        self.guard(r)
    }

    #[allow(clippy::type_complexity)]
    fn listing(
        &mut self,
        cmd: Command,
        parse: &mut dyn FnMut(&[u8]) -> Result<(u32, u64, Option<Uidl>), Error>,
    ) -> Result<Vec<(u32, u64, Option<Uidl>)>, Error> {
        let name = cmd.redacted();
        self.simple(cmd)?;
        let limit = self.cfg.max_listing;
        let mut checker = ListingChecker::new(limit);
        let mut entries = Vec::new();
        let mut failure: Option<Error> = None;
        let mut decoder = MultilineDecoder::new(STATUS_LINE_MAX, u64::MAX);
        self.conn
            .read_multiline(&mut decoder, &name, 0, &mut |line| {
                if failure.is_some() {
                    return;
                }
                let entry = match parse(trim_eol(line)) {
                    Ok(e) => e,
                    Err(e) => {
                        failure = Some(e);
                        return;
                    }
                };
                match checker.check(entry.0) {
                    Ok(()) => entries.push(entry),
                    Err(ListingError::TooMany) => {
                        failure = Some(Error::TooManyMessages {
                            command: name.clone(),
                            limit,
                        })
                    }
                    Err(ListingError::DuplicateNumber(n)) => {
                        failure = Some(Error::Protocol {
                            command: name.clone(),
                            detail: Violation::DuplicateNumber(n),
                        })
                    }
                }
            })?;
        self.conn
            .log
            .push(Direction::Server, format!("[{} entries]", entries.len())); // not translated: the protocol log
        match failure {
            Some(e) => Err(e),
            None => Ok(entries),
        }
    }

    /// Reads a message body after its `+OK` line, within the account's limits.
    fn read_body(&mut self, msg: u32, during: &str) -> Result<Vec<u8>, Error> {
        let limits = self.body_limits();
        self.conn
            .read_body(msg, during, limits.max_line, limits.max_total)
    }

    fn body_limits(&self) -> BodyLimits {
        BodyLimits {
            max_line: self.cfg.max_content_line,
            max_total: self.cfg.max_message_size,
        }
    }

    fn window(&self) -> usize {
        pipeline::window(self.pipelining(), self.cfg.pipeline_window)
    }

    /// `TOP msg lines`: the headers and the first `lines` body lines.
    pub fn top(&mut self, msg: u32, lines: u32) -> Result<Vec<u8>, Error> {
        self.check_usable("TOP", true)?;
        let cmd = Command::Top(msg, lines);
        let name = cmd.redacted();
        let r = self.simple(cmd).and_then(|_| self.read_body(msg, &name));
        self.guard(r)
    }

    /// `RETR msg`: the whole message, exactly as sent minus dot-stuffing.
    pub fn retr(&mut self, msg: u32) -> Result<Vec<u8>, Error> {
        self.check_usable("RETR", true)?;
        let cmd = Command::Retr(msg);
        let name = cmd.redacted();
        let r = self.simple(cmd).and_then(|_| self.read_body(msg, &name));
        self.guard(r)
    }

    /// Whether pipelined windows are used (advertised and not turned off).
    pub fn pipelining(&self) -> bool {
        self.cfg.pipelining && self.caps.pipelining
    }

    /// Turns pipelining off (or back on, if the server advertises it).
    pub fn set_pipelining(&mut self, on: bool) {
        self.cfg.pipelining = on;
    }

    /// Retrieves `msgs` in order, calling `sink` once per message as it
    /// completes. Pipelined in bounded windows when the server advertises
    /// PIPELINING, lock-step otherwise. An error from `sink` stops sending,
    /// drains the replies already requested, and returns [`Error::Sink`];
    /// the session stays usable.
    pub fn retr_many(
        &mut self,
        msgs: &[u32],
        sink: &mut dyn FnMut(u32, Vec<u8>) -> Result<(), SinkError>,
    ) -> Result<(), Error> {
        self.check_usable("RETR", true)?;
        let (window, limits) = (self.window(), self.body_limits());
        let r = pipeline::retr_many(&mut self.conn, msgs, window, limits, sink);
        self.guard(r)
    }

    /// Marks `msgs` deleted (pipelined when possible). They are removed only
    /// when [`Client::quit`] succeeds. Returns the first refusal, if any,
    /// after all replies were read.
    pub fn dele_many(&mut self, msgs: &[u32]) -> Result<(), Error> {
        self.check_usable("DELE", true)?;
        let window = self.window();
        let r = pipeline::dele_many(&mut self.conn, msgs, window);
        self.guard(r)
    }

    /// `DELE msg`: marks one message deleted.
    pub fn dele(&mut self, msg: u32) -> Result<(), Error> {
        self.check_usable("DELE", true)?;
        let r = self.simple(Command::Dele(msg)).map(|_| ());
        self.guard(r)
    }

    /// `RSET`: unmarks all messages marked deleted.
    pub fn rset(&mut self) -> Result<(), Error> {
        self.check_usable("RSET", true)?;
        let r = self.simple(Command::Rset).map(|_| ());
        self.guard(r)
    }

    /// `NOOP`.
    pub fn noop(&mut self) -> Result<(), Error> {
        self.check_usable("NOOP", true)?;
        let r = self.simple(Command::Noop).map(|_| ());
        self.guard(r)
    }

    /// Sends NOOP if the session has been idle for the account's keep-alive
    /// interval; returns whether it did.
    pub fn keep_alive(&mut self) -> Result<bool, Error> {
        if self.last_activity.elapsed() < self.cfg.keepalive_interval {
            return Ok(false);
        }
        self.noop().map(|()| true)
    }

    /// `QUIT`: ends the session; in the transaction state the server now
    /// removes messages marked deleted. `Ok` only when it answers `+OK`.
    pub fn quit(self) -> Result<(), Error> {
        self.quit_with_log().0
    }

    /// `QUIT` on an error path: waits only
    /// [`crate::account::limits::QUIT_TIMEOUT`] for the answer, since the
    /// session has failed already. Returns the protocol log and the result.
    pub fn quit_after_error(mut self) -> (Result<(), Error>, ProtocolLog) {
        self.conn.quit_timeout();
        self.quit_with_log()
    }

    /// Like [`Client::quit`], but returns the protocol log along with the result.
    pub fn quit_with_log(mut self) -> (Result<(), Error>, ProtocolLog) {
        let r = if self.conn.broken {
            Err(Error::Broken)
        } else {
            let r = self.simple(Command::Quit).map(|_| ());
            self.guard(r)
        };
        (r, self.take_log())
    }
}

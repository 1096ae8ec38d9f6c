//! Errors of the POP3 layer, typed so the UI can explain each one.
//!
//! Server refusals carry the RFC 2449 / RFC 3206 response code when the
//! server sent one (`IN-USE`, `LOGIN-DELAY`, `SYS/TEMP`, `SYS/PERM`, `AUTH`);
//! protocol violations carry the command that was being answered.
//! [`Error::user_message`] gives a sentence and a suggestion for people.
//! [`Violation`] says, as a value, what a broken reply did wrong; parse
//! failures of the sans-IO parsers ([`ParseError`]) are one kind of it.

use std::io;

use crate::pop3::response::{ParseError, RespCode, Status};

/// How a server broke the protocol (the detail of [`Error::Protocol`] and
/// [`Error::InvalidUidl`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Violation {
    /// A reply could not be parsed.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// A listing named the same message number twice.
    #[error("{}", crate::t!("error-pop3-listed-twice", msg = _0.to_string()))]
    DuplicateNumber(u32),
    /// The server sent a SASL challenge after the mechanism had said all it has.
    #[error("{}", crate::t!("error-pop3-sasl-extra"))]
    ExtraChallenge,
    /// The SASL exchange went on longer than any mechanism needs.
    #[error("{}", crate::t!("error-pop3-sasl-endless"))]
    SaslUnfinished,
}

/// An error from a sink that receives downloaded messages
/// ([`crate::pop3::Client::retr_many`]). It stops the download cleanly.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SinkError(Box<dyn std::error::Error + Send + Sync + 'static>);

impl SinkError {
    /// Wraps any error (or a message) as a sink error.
    pub fn new(error: impl Into<Box<dyn std::error::Error + Send + Sync + 'static>>) -> Self {
        SinkError(error.into())
    }

    /// The wrapped error.
    pub fn into_inner(self) -> Box<dyn std::error::Error + Send + Sync + 'static> {
        self.0
    }
}

/// Everything that can go wrong in a POP3 session.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The account settings cannot be used (e.g. a malformed pinned fingerprint).
    #[error("{}", crate::t!("error-pop3-settings", detail = detail))]
    InvalidConfig {
        /// What is wrong.
        detail: String,
    },
    /// The host name could not be resolved.
    #[error("{}", crate::t!("error-pop3-resolve", host = host, error = source.to_string()))]
    Resolve {
        /// Host name.
        host: String,
        /// Resolver error.
        source: io::Error,
    },
    /// No TCP connection could be made.
    #[error("{}", crate::t!("error-pop3-connect", addr = addr, error = source.to_string()))]
    Connect {
        /// Address (or host:port) tried last.
        addr: String,
        /// Socket error.
        source: io::Error,
    },
    /// The server did not answer in time.
    #[error("{}", crate::t!("error-pop3-timeout", during = during))]
    Timeout {
        /// What was being waited for.
        during: String,
    },
    /// Another socket error.
    #[error("{}", crate::t!("error-pop3-network", during = during, error = source.to_string()))]
    Io {
        /// What was being done.
        during: String,
        /// Socket error.
        source: io::Error,
    },
    /// The server closed the connection.
    #[error("{}", crate::t!("error-pop3-closed", during = during))]
    ConnectionClosed {
        /// What was being done.
        during: String,
    },
    /// The TLS handshake failed for a reason other than trust.
    #[error("{}", crate::t!("error-pop3-tls", detail = detail))]
    Tls {
        /// Library error text.
        detail: String,
    },
    /// The server's certificate is not trusted (or does not match the pin).
    #[error("{}", crate::t!("error-pop3-untrusted", subject = subject, issuer = issuer, sha256 = sha256, reason = reason))]
    CertificateUntrusted {
        /// Certificate subject, e.g. `CN=mail.example.org`.
        subject: String,
        /// Certificate issuer.
        issuer: String,
        /// SHA-256 fingerprint of the DER certificate, lowercase hex.
        sha256: String,
        /// End of validity, `YYYY-MM-DD HH:MM:SS UTC`.
        not_after: String,
        /// Why it was refused.
        reason: String,
    },
    /// The certificate is valid, or might be, but for other names than the
    /// host the account connects to. Pinning is not suggested: the server
    /// name is what is wrong, or someone is in between.
    #[error("{}", crate::t!("error-pop3-wrong-host", names = format!("{names:?}"), host = host, sha256 = sha256, reason = reason))]
    CertificateNameMismatch {
        /// The host name (or address) in the account.
        host: String,
        /// The names the certificate is for (subjectAltName).
        names: Vec<String>,
        /// SHA-256 fingerprint of the DER certificate, lowercase hex.
        sha256: String,
        /// The TLS library's reason.
        reason: String,
    },
    /// STLS is required but the server does not offer it.
    #[error("{}", crate::t!("error-pop3-no-stls"))]
    StlsUnavailable,
    /// The server refused the STLS command.
    #[error("{}", crate::t!("error-pop3-stls-refused", server_text = server_text))]
    StlsRefused {
        /// The server's reply text.
        server_text: String,
    },
    /// Sending the password unencrypted is not allowed for this account.
    #[error("{}", crate::t!("error-pop3-plaintext", mechanism = mechanism))]
    PlaintextRefused {
        /// The mechanism that would have sent it.
        mechanism: String,
        /// The mechanisms already tried and refused (`CRAM-MD5, APOP`), or empty.
        tried: String,
    },
    /// The chosen (or any acceptable) authentication mechanism is not offered.
    #[error("{}", crate::t!("error-pop3-no-mechanism", mechanism = mechanism))]
    MechanismUnavailable {
        /// The mechanism wanted.
        mechanism: String,
        /// The account uses "automatic" (so suggesting it would be wrong).
        automatic: bool,
        /// What "automatic" would use instead, when that is at least as
        /// safe on this connection; `None`: nothing safe to suggest.
        alternative: Option<String>,
    },
    /// The server refused every mechanism tried at the `AUTH`/`USER`
    /// command itself, before any credential was sent.
    #[error("{}", crate::t!("error-pop3-all-refused", tried = tried, server_text = server_text))]
    MechanismsRefused {
        /// The mechanisms tried (`CRAM-MD5, PLAIN`).
        tried: String,
        /// The server's last reply text.
        server_text: String,
    },
    /// The server rejected the credentials.
    #[error("{}", crate::t!("error-pop3-login", server_text = server_text))]
    AuthFailed {
        /// The server's reply text.
        server_text: String,
        /// The mechanisms tried, in order (`APOP, PLAIN`).
        tried: String,
    },
    /// The server refused the OAuth 2.0 access token (XOAUTH2/OAUTHBEARER):
    /// the sign-in has expired or was withdrawn, and the user must sign in
    /// again (after one silent refresh has been tried).
    #[error("{}", crate::t!("error-pop3-expired", status = status, server_text = server_text))]
    SignInExpired {
        /// The `status` of the server's JSON error (RFC 7628 §3.2.2), e.g.
        /// `invalid_token`; empty when it sent none.
        status: String,
        /// The server's final reply text.
        server_text: String,
    },
    /// The mailbox is locked by another session (`[IN-USE]`).
    #[error("{}", crate::t!("error-pop3-in-use", server_text = server_text))]
    InUse {
        /// The server's reply text.
        server_text: String,
    },
    /// Logged in too soon after the last login (`[LOGIN-DELAY]`).
    #[error("{}", crate::t!("error-pop3-too-soon", server_text = server_text))]
    LoginDelay {
        /// The server's reply text.
        server_text: String,
        /// The minimum delay the server advertised in CAPA, if any.
        seconds: Option<u64>,
    },
    /// A temporary server problem (`[SYS/TEMP]`).
    #[error("{}", crate::t!("error-pop3-temporary", command = command, server_text = server_text))]
    SysTemp {
        /// Command refused.
        command: String,
        /// The server's reply text.
        server_text: String,
    },
    /// A permanent server problem (`[SYS/PERM]`).
    #[error("{}", crate::t!("error-pop3-permanent", command = command, server_text = server_text))]
    SysPerm {
        /// Command refused.
        command: String,
        /// The server's reply text.
        server_text: String,
    },
    /// The server answered `-ERR` to a command.
    #[error("{}", crate::t!("error-pop3-refused", command = command, server_text = server_text))]
    Rejected {
        /// Command refused (credentials redacted).
        command: String,
        /// The server's reply text.
        server_text: String,
    },
    /// The server does not support UIDL.
    #[error("{}", crate::t!("error-pop3-no-uidl"))]
    UidlUnsupported,
    /// The server's reply broke the protocol.
    #[error("{}", crate::t!("error-pop3-protocol", command = command, detail = detail.to_string()))]
    Protocol {
        /// Command being answered (credentials redacted).
        command: String,
        /// What was wrong.
        detail: Violation,
    },
    /// A line exceeded the limit.
    #[error("{}", crate::t!("error-pop3-line-too-long", command = command, limit = limit.to_string()))]
    LineTooLong {
        /// Command being answered.
        command: String,
        /// The limit in bytes.
        limit: usize,
    },
    /// A message exceeded the account's size limit.
    #[error("{}", crate::t!("error-pop3-message-too-large", msg = msg.to_string(), limit = limit.to_string()))]
    MessageTooLarge {
        /// Message number.
        msg: u32,
        /// The limit in bytes.
        limit: u64,
    },
    /// A listing had more entries than allowed.
    #[error("{}", crate::t!("error-pop3-too-many", command = command, limit = limit.to_string()))]
    TooManyMessages {
        /// Command being answered.
        command: String,
        /// The limit.
        limit: usize,
    },
    /// A UIDL entry was invalid (RFC 1939: 1–70 printable characters) or duplicated.
    #[error("{}", crate::t!("error-pop3-bad-uidl", detail = detail.to_string()))]
    InvalidUidl {
        /// What was wrong.
        detail: Violation,
    },
    /// A command was used in the wrong session state.
    #[error("{}", crate::t!("error-pop3-not-now", command = command, detail = detail))]
    WrongState {
        /// Command attempted.
        command: String,
        /// Why not.
        detail: String,
    },
    /// An earlier error left the connection unusable.
    #[error("{}", crate::t!("error-pop3-unusable"))]
    Broken,
    /// The message sink failed; the download stopped.
    #[error("{}", crate::t!("error-pop3-store", msg = msg.to_string(), error = source.to_string()))]
    Sink {
        /// Message number.
        msg: u32,
        /// The sink's error.
        source: SinkError,
    },
}

impl Error {
    /// Maps a `-ERR` reply to `command` to the error the UI explains, by its
    /// response code (RFC 2449 §8, RFC 3206). `auth`: the command carried
    /// credentials, so a refusal without a code is a failed login.
    pub fn refusal(command: &str, status: &Status, login_delay: Option<u64>, auth: bool) -> Error {
        let server_text = status.text.clone();
        match &status.code {
            Some(RespCode::InUse) => Error::InUse { server_text },
            Some(RespCode::LoginDelay) => Error::LoginDelay {
                server_text,
                seconds: login_delay,
            },
            Some(RespCode::SysTemp) => Error::SysTemp {
                command: command.to_string(),
                server_text,
            },
            Some(RespCode::SysPerm) => Error::SysPerm {
                command: command.to_string(),
                server_text,
            },
            _ if auth => Error::AuthFailed {
                server_text,
                tried: String::new(),
            },
            _ => Error::Rejected {
                command: command.to_string(),
                server_text,
            },
        }
    }

    /// A reply to `command` that could not be parsed.
    pub fn parse(command: &str, error: ParseError) -> Error {
        Error::Protocol {
            command: command.to_string(),
            detail: Violation::Parse(error),
        }
    }

    /// A sentence for people, with a suggestion where one helps, in the
    /// current language; the server's and the system's own words go in
    /// as they are.
    pub fn user_message(&self) -> String {
        use crate::t;
        use Error::*;
        match self {
            InvalidConfig { detail } => t!("pop3-say-settings", detail = detail),
            Resolve { host, .. } => t!("pop3-say-resolve", host = host),
            Connect { addr, source } => {
                t!("pop3-say-connect", addr = addr, error = source.to_string())
            }
            Timeout { during } => t!("pop3-say-timeout", during = during),
            Io { during, source } => {
                t!(
                    "pop3-say-network",
                    during = during,
                    error = source.to_string()
                )
            }
            ConnectionClosed { during } => t!("pop3-say-closed", during = during),
            Tls { detail } => t!("pop3-say-tls", detail = detail),
            CertificateUntrusted {
                subject,
                sha256,
                reason,
                ..
            } => t!(
                "pop3-say-untrusted",
                subject = subject,
                reason = reason,
                sha256 = sha256
            ),
            CertificateNameMismatch { host, names, .. } => t!(
                "pop3-say-wrong-host",
                names = names
                    .iter()
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
                    .join(", "),
                host = host
            ),
            StlsUnavailable => t!("pop3-say-no-stls"),
            StlsRefused { server_text } => t!("pop3-say-stls-refused", server_text = server_text),
            PlaintextRefused { mechanism, tried } if tried.is_empty() => {
                t!("pop3-say-plaintext", mechanism = mechanism)
            }
            PlaintextRefused { mechanism, tried } => t!(
                "pop3-say-plaintext-next",
                tried = tried,
                mechanism = mechanism
            ),
            MechanismUnavailable {
                automatic: true, ..
            } => t!("pop3-say-no-method"),
            MechanismUnavailable {
                mechanism,
                alternative: Some(alt),
                ..
            } => t!(
                "pop3-say-no-mechanism-auto",
                mechanism = mechanism,
                alternative = alt
            ),
            MechanismUnavailable {
                mechanism,
                alternative: None,
                ..
            } => t!("pop3-say-no-mechanism", mechanism = mechanism),
            MechanismsRefused { tried, server_text } => t!(
                "pop3-say-all-refused",
                tried = tried,
                server_text = server_text
            ),
            AuthFailed { server_text, tried } if tried.is_empty() => {
                t!("pop3-say-login", server_text = server_text)
            }
            AuthFailed { server_text, tried } => t!(
                "pop3-say-login-tried",
                server_text = server_text,
                tried = tried
            ),
            SignInExpired { .. } => t!("pop3-say-expired"),
            InUse { .. } => t!("pop3-say-in-use"),
            LoginDelay {
                seconds: Some(s), ..
            } => t!("pop3-say-too-soon", seconds = *s),
            LoginDelay { seconds: None, .. } => t!("pop3-say-too-soon-unknown"),
            SysTemp { server_text, .. } => t!("pop3-say-temporary", server_text = server_text),
            SysPerm { server_text, .. } => t!("pop3-say-permanent", server_text = server_text),
            Rejected {
                command,
                server_text,
            } => t!(
                "pop3-say-refused",
                command = command,
                server_text = server_text
            ),
            UidlUnsupported => t!("pop3-say-no-uidl"),
            Protocol { command, detail } => t!(
                "pop3-say-protocol",
                command = command,
                detail = detail.to_string()
            ),
            LineTooLong { command, limit } => t!(
                "pop3-say-line-too-long",
                limit = limit.to_string(),
                command = command
            ),
            MessageTooLarge { msg, limit } => t!(
                "pop3-say-message-too-large",
                msg = msg.to_string(),
                limit = limit.to_string()
            ),
            TooManyMessages { limit, .. } => t!("pop3-say-too-many", limit = limit.to_string()),
            InvalidUidl { detail } => t!("pop3-say-bad-uidl", detail = detail.to_string()),
            WrongState { command, detail } => {
                t!("pop3-say-not-now", command = command, detail = detail)
            }
            Broken => t!("pop3-say-unusable"),
            Sink { msg, source } => t!(
                "pop3-say-store",
                msg = msg.to_string(),
                error = source.to_string()
            ),
        }
    }

    /// Whether the session can continue after this error (the server simply
    /// refused a command); otherwise the connection must be dropped.
    pub fn is_recoverable(&self) -> bool {
        matches!(
            self,
            Error::Rejected { .. }
                | Error::Sink { .. }
                | Error::UidlUnsupported
                | Error::WrongState { .. }
        )
    }
}

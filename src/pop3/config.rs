//! Per-account connection settings for a POP3 session.
//!
//! Defaults follow RFC 8314: implicit TLS on port 995. STLS (RFC 2595) uses
//! port 110; plain connections are possible only when chosen explicitly, and a
//! password is sent over one only when [`Config::allow_plaintext_password`]
//! says so in so many words.

use std::path::PathBuf;
use std::time::Duration;

use crate::secret::Secret;

/// How the connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Security {
    /// Implicit TLS from the first byte (RFC 8314, port 995). The default.
    #[default]
    Tls,
    /// Plain connection upgraded with `STLS` (RFC 2595, port 110). Fails
    /// closed when the server does not offer or refuses STLS.
    StartTls,
    /// No encryption at all. Only when the account explicitly allows it.
    Plain,
}

impl Security {
    /// The well-known port for this mode: 995 for TLS, 110 otherwise.
    pub fn default_port(self) -> u16 {
        match self {
            Security::Tls => 995,
            Security::StartTls | Security::Plain => 110,
        }
    }
}

/// Which authentication method to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthMethod {
    /// The strongest method the server offers that is allowed over this
    /// connection's security (see [`crate::pop3::auth::choose`]).
    #[default]
    Auto,
    /// `USER` / `PASS` (RFC 1939).
    User,
    /// `APOP` (RFC 1939 §7): an MD5 digest of the greeting timestamp.
    Apop,
    /// SASL `PLAIN` (RFC 4616) through `AUTH` (RFC 5034).
    Plain,
    /// SASL `LOGIN` (draft-murchison-sasl-login) through `AUTH`.
    Login,
    /// SASL `CRAM-MD5` (RFC 2195) through `AUTH`.
    CramMd5,
}

/// Everything needed to open and log in a POP3 session for one account.
#[derive(Debug, Clone)]
pub struct Config {
    /// Server host name or IP address; also the name the certificate must match.
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// How the connection is secured.
    pub security: Security,
    /// Allow sending the password itself (USER/PASS, PLAIN, LOGIN) over an
    /// unencrypted connection. Off by default.
    pub allow_plaintext_password: bool,
    /// Authentication method.
    pub auth: AuthMethod,
    /// Login name.
    pub username: String,
    /// Password; never logged.
    pub password: Secret,
    /// An extra trusted CA certificate (PEM), e.g. for a self-hosted server.
    pub ca_file: Option<PathBuf>,
    /// A pinned SHA-256 fingerprint of the server certificate (hex, colons
    /// optional). When set, a certificate with this fingerprint is accepted
    /// even if self-signed, and any other certificate is refused.
    pub pinned_sha256: Option<String>,
    /// Timeout for establishing the TCP connection (per address).
    pub connect_timeout: Duration,
    /// Timeout for each read and write on the socket.
    pub read_timeout: Duration,
    /// Largest message accepted from RETR/TOP, in bytes.
    pub max_message_size: u64,
    /// Largest number of entries accepted in a LIST or UIDL listing.
    pub max_listing: usize,
    /// Longest message content line accepted, in bytes.
    pub max_content_line: usize,
    /// Use PIPELINING when the server advertises it.
    pub pipelining: bool,
    /// How many commands may be outstanding at once when pipelining.
    pub pipeline_window: usize,
    /// Idle time after which [`crate::pop3::Client::keep_alive`] sends NOOP.
    pub keepalive_interval: Duration,
}

impl Config {
    /// A configuration with safe defaults: implicit TLS on port 995,
    /// automatic authentication, no plaintext passwords.
    pub fn new(host: impl Into<String>, username: impl Into<String>, password: Secret) -> Self {
        Config {
            host: host.into(),
            port: Security::Tls.default_port(),
            security: Security::Tls,
            allow_plaintext_password: false,
            auth: AuthMethod::Auto,
            username: username.into(),
            password,
            ca_file: None,
            pinned_sha256: None,
            connect_timeout: Duration::from_secs(15),
            read_timeout: Duration::from_secs(60),
            max_message_size: 100 * 1024 * 1024,
            max_listing: 1_000_000,
            max_content_line: 1024 * 1024,
            pipelining: true,
            pipeline_window: 64,
            keepalive_interval: Duration::from_secs(120),
        }
    }

    /// Sets the security mode and its well-known port.
    pub fn with_security(mut self, security: Security) -> Self {
        self.security = security;
        self.port = security.default_port();
        self
    }
}

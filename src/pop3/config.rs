//! Per-account connection settings for a POP3 session.
//!
//! Defaults follow RFC 8314: implicit TLS on port 995. STLS (RFC 2595) uses
//! port 110; plain connections are possible only when chosen explicitly, and a
//! password is sent over one only when [`Config::allow_plaintext_password`]
//! says so in so many words.

use std::path::PathBuf;
use std::time::Duration;

use crate::account::limits;
pub use crate::account::{AuthMethod, OAuthMechanism, Security};
use crate::secret::Secret;

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
    /// The SASL mechanism for [`AuthMethod::OAuth2`].
    pub oauth_mechanism: OAuthMechanism,
    /// For [`AuthMethod::OAuth2`]: send the token as the `AUTH` line's
    /// initial response (Google's form) rather than after an empty `+`
    /// challenge (the two-step form Microsoft documents; RFC 5034 §4).
    pub oauth_initial_response: bool,
    /// Login name.
    pub username: String,
    /// Password, or for [`AuthMethod::OAuth2`] the access token; never logged.
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
            oauth_mechanism: OAuthMechanism::XOAuth2,
            oauth_initial_response: false,
            username: username.into(),
            password,
            ca_file: None,
            pinned_sha256: None,
            connect_timeout: limits::CONNECT_TIMEOUT,
            read_timeout: limits::READ_TIMEOUT,
            max_message_size: limits::MAX_MESSAGE_SIZE,
            max_listing: limits::MAX_LISTING,
            max_content_line: limits::MAX_CONTENT_LINE,
            pipelining: true,
            pipeline_window: limits::PIPELINE_WINDOW,
            keepalive_interval: limits::KEEPALIVE_INTERVAL,
        }
    }

    /// Sets the security mode and its well-known port.
    pub fn with_security(mut self, security: Security) -> Self {
        self.security = security;
        self.port = security.default_port();
        self
    }
}

//! The account model: one definition of an account's settings — connection
//! security, authentication method, server policy, size limit, schedule — used
//! by `pop3`, `store`, `sync`, `ui` and `cli` alike, so no layer keeps a copy
//! and no mapping between copies can drift. [`limits`] holds the safety
//! bounds every layer shares; [`oauth`] the OAuth 2.0 provider settings.
//!
//! A leaf: imports nothing of ours.

pub mod limits;
pub mod oauth;

pub use oauth::{OAuthProvider, OAuthSettings};

use std::path::PathBuf;

/// How a connection to a POP3 server is secured.
///
/// Defaults follow RFC 8314: implicit TLS on port 995. STLS (RFC 2595) uses
/// port 110 and fails closed when the server does not offer or refuses it; a
/// plain connection is used only when chosen explicitly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// Implicit TLS from the first byte (RFC 8314, port 995). The default.
    #[default]
    Tls,
    /// Plain connection upgraded with `STLS` (RFC 2595, port 110).
    StartTls,
    /// No encryption at all. Only when the account explicitly allows it.
    Plain,
}

impl Security {
    /// Name stored and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Tls => "tls",
            Self::StartTls => "starttls",
            Self::Plain => "plain",
        }
    }

    /// Parses a stored or typed name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "tls" => Self::Tls,
            "starttls" => Self::StartTls,
            "plain" => Self::Plain,
            _ => return None,
        })
    }

    /// The conventional port for this mode.
    pub fn default_port(self) -> u16 {
        match self {
            Self::Tls => 995,
            Self::StartTls | Self::Plain => 110,
        }
    }
}

/// How popmail logs in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthMethod {
    /// The strongest method the server offers that is allowed over this
    /// connection's security (see `crate::pop3::auth::choose`).
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
    /// An OAuth 2.0 access token (RFC 6749) through SASL `XOAUTH2` or
    /// `OAUTHBEARER` (RFC 7628); which one is [`OAuthMechanism`]. Never
    /// chosen by [`AuthMethod::Auto`]: it needs a sign-in first.
    #[serde(rename = "oauth2")]
    OAuth2,
}

impl AuthMethod {
    /// Name stored and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::User => "user",
            Self::Apop => "apop",
            Self::Plain => "plain",
            Self::Login => "login",
            Self::CramMd5 => "cram-md5",
            Self::OAuth2 => "oauth2",
        }
    }

    /// Parses a stored or typed name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "auto" => Self::Auto,
            "user" => Self::User,
            "apop" => Self::Apop,
            "plain" => Self::Plain,
            "login" => Self::Login,
            "cram-md5" => Self::CramMd5,
            "oauth2" => Self::OAuth2,
            _ => return None,
        })
    }
}

/// The SASL mechanism that carries an OAuth 2.0 access token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OAuthMechanism {
    /// `XOAUTH2` (Google's and Microsoft's documented form):
    /// `user=…^Aauth=Bearer …^A^A`. The default: every large provider takes it.
    #[default]
    XOAuth2,
    /// `OAUTHBEARER` (RFC 7628 §3.1), with the GS2 header and host/port.
    OAuthBearer,
}

impl OAuthMechanism {
    /// Name stored and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::XOAuth2 => "xoauth2",
            Self::OAuthBearer => "oauthbearer",
        }
    }

    /// Parses a stored or typed name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "xoauth2" => Self::XOAuth2,
            "oauthbearer" => Self::OAuthBearer,
            _ => return None,
        })
    }
}

/// What happens to a message on the server after it is downloaded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub enum Policy {
    /// Delete it from the server after download.
    #[default]
    Delete,
    /// Keep a copy on the server.
    Keep,
    /// Keep a copy for this many days, then delete it.
    KeepDays(u32),
}

/// Every setting of an account (never the password).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct AccountSettings {
    /// Unique display name.
    pub name: String,
    /// The user's address at this account.
    pub email: String,
    /// Server host name.
    pub host: String,
    /// Server port.
    pub port: u16,
    /// Connection security.
    pub security: Security,
    /// The user said in so many words that the password may travel unencrypted.
    pub allow_plaintext_password: bool,
    /// Login name.
    pub username: String,
    /// Authentication method.
    pub auth: AuthMethod,
    /// Extra trusted CA certificate (PEM).
    pub ca_file: Option<PathBuf>,
    /// Pinned SHA-256 fingerprint of the server certificate (hex).
    pub pinned_sha256: Option<String>,
    /// Server-side policy.
    pub policy: Policy,
    /// Delete from the server when deleted here.
    pub delete_when_deleted_here: bool,
    /// Download only headers above this size (KiB).
    pub max_size_kb: Option<u32>,
    /// Check every N minutes.
    pub check_interval_min: Option<u32>,
    /// Check when popmail starts.
    pub check_at_startup: bool,
    /// Included in "sync all" and periodic checks.
    pub enabled: bool,
    /// The OAuth 2.0 provider settings, for [`AuthMethod::OAuth2`].
    pub oauth: Option<OAuthSettings>,
}

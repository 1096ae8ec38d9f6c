//! OAuth 2.0 sign-in for mail providers (RFC 6749), the only place in the
//! crate that will speak HTTP.
//!
//! Built so far: [`provider`], the resolved endpoints, scope and client of an
//! account's [`crate::account::OAuthSettings`] — the provider presets
//! (Google, Microsoft with an editable tenant, Yahoo, AOL, Fastmail), the
//! `https://`-only rule for endpoints (plain `http://` only on loopback, as
//! RFC 8252 §8.3 allows for the redirect and tests need for a mock), and the
//! client ID and secret taken from the settings or the environment.
//!
//! The flows, each cancellable through the [`crate::worker::Cancel`] of its
//! [`HttpClient`]:
//! - [`browser`]: authorization code + PKCE (RFC 7636) in the system browser
//!   with a loopback redirect on 127.0.0.1 (RFC 8252 §7.3);
//! - [`device`]: the device authorization grant (RFC 8628), where the
//!   provider allows it for mail;
//! - [`tokens::refresh`]: the refresh grant (RFC 6749 §6), rotation kept.
//!
//! [`http`] is the one HTTP client: native-tls, size and time limits, no
//! redirects followed.
//!
//! For settings discovery (`crate::discovery`, which owns the logic) this
//! module also holds the network ends: [`HttpClient::get`] for autoconfig
//! files and [`dns`] for SRV records (RFC 6186), since only `oauth` and
//! `pop3` may open sockets.
//!
//! Imports only `account`, `secret` and `worker`.

pub mod browser;
pub mod device;
pub mod dns;
pub mod http;
pub mod provider;
pub mod tokens;

pub use browser::{Browser, SystemBrowser};
pub use device::DeviceCode;
pub use http::HttpClient;
pub use provider::{Endpoints, SIGN_IN_HOSTS, check_endpoint, is_loopback, resolve};
pub use tokens::{Tokens, refresh};

/// Which part of a sign-in's settings an error is about; named for people in
/// their language by [`Part::name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The authorization endpoint (RFC 6749 §3.1).
    AuthorizationEndpoint,
    /// The token endpoint (RFC 6749 §3.2).
    TokenEndpoint,
    /// The device authorization endpoint (RFC 8628 §3.1).
    DeviceEndpoint,
    /// The scope (RFC 6749 §3.3).
    Scope,
    /// A document fetched over HTTP (settings discovery).
    Document,
}

impl Part {
    /// The part in words, in the current language.
    pub fn name(self) -> String {
        match self {
            Part::AuthorizationEndpoint => crate::t!("oauth-part-authorize"),
            Part::TokenEndpoint => crate::t!("oauth-part-token"),
            Part::DeviceEndpoint => crate::t!("oauth-part-device"),
            Part::Scope => crate::t!("oauth-part-scope"),
            Part::Document => crate::t!("oauth-part-document"),
        }
    }
}

/// Everything that can go wrong while preparing or performing a sign-in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// An endpoint is not a usable URL.
    #[error("{}", crate::t!("error-oauth-bad-url", what = what.name(), url = url, reason = reason))]
    BadUrl {
        /// Which endpoint.
        what: Part,
        /// The address as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// An endpoint would send secrets without encryption.
    #[error("{}", crate::t!("error-oauth-not-https", what = what.name(), url = url))]
    NotHttps {
        /// Which endpoint.
        what: Part,
        /// The address as given.
        url: String,
    },
    /// A custom provider lacks an endpoint or scope that has no preset.
    #[error("{}", crate::t!("error-oauth-missing", what = what.name()))]
    Missing {
        /// What is missing.
        what: Part,
    },
    /// No client ID in the settings or the environment.
    #[error("{}", crate::t!("error-oauth-no-client-id", provider = provider.to_string(), env = env.to_string()))]
    NoClientId {
        /// The provider's name.
        provider: &'static str,
        /// The environment variable that would also do.
        env: String,
    },
    /// The settings name a client secret variable that is not set.
    #[error("{}", crate::t!("error-oauth-no-secret", var = var))]
    NoClientSecret {
        /// The variable's name.
        var: String,
    },
    /// The sign-in service could not be reached or answered badly at the
    /// HTTP level.
    #[error("{}", crate::t!("error-oauth-unreachable", detail = detail))]
    Http {
        /// What failed.
        detail: String,
    },
    /// The service's answer is not what OAuth 2.0 prescribes.
    #[error("{}", crate::t!("error-oauth-bad-answer", detail = detail))]
    BadAnswer {
        /// What is wrong with it.
        detail: String,
    },
    /// The provider (or the person) refused the sign-in.
    #[error("{}", crate::t!("error-oauth-refused", detail = detail))]
    Refused {
        /// The provider's error code and description.
        detail: String,
    },
    /// The refresh token or code is no longer valid: revoked, expired, or
    /// replaced. Only a new sign-in helps.
    #[error("{}", crate::t!("error-oauth-expired", detail = detail))]
    SignInAgain {
        /// The provider's error code and description.
        detail: String,
    },
    /// The device code expired before the person signed in.
    #[error("{}", crate::t!("error-oauth-code-expired"))]
    CodeExpired,
    /// The provider does not offer sign-in with a device code for mail.
    #[error("{}", crate::t!("error-oauth-no-device", provider = provider.to_string()))]
    NoDeviceFlow {
        /// The provider's name.
        provider: &'static str,
    },
    /// The loopback listener for the browser's answer failed.
    #[error("{}", crate::t!("error-oauth-loopback", detail = detail))]
    Loopback {
        /// What failed.
        detail: String,
    },
    /// No answer came from the browser in time.
    #[error("{}", crate::t!("error-oauth-browser-timeout", minutes = *minutes))]
    TimedOut {
        /// How long popmail waited.
        minutes: u64,
    },
    /// The sign-in was cancelled.
    #[error("{}", crate::t!("error-oauth-cancelled"))]
    Cancelled,
}

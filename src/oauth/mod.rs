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
//! Still to come (see issue #12): the PKCE authorization code flow with a
//! loopback redirect (RFC 7636, RFC 8252 §7.3), the device authorization
//! grant (RFC 8628), token refresh, and the HTTP client with its size and
//! time limits.
//!
//! Imports only `account` and `secret`.

pub mod provider;

pub use provider::{Endpoints, check_endpoint, resolve};

/// Everything that can go wrong while preparing or performing a sign-in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// An endpoint is not a usable URL.
    #[error("the {what} address “{url}” is not a valid URL ({reason})")]
    BadUrl {
        /// Which endpoint.
        what: &'static str,
        /// The address as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// An endpoint would send secrets without encryption.
    #[error(
        "the {what} address “{url}” must start with https:// (plain http:// is allowed only on this computer)"
    )]
    NotHttps {
        /// Which endpoint.
        what: &'static str,
        /// The address as given.
        url: String,
    },
    /// A custom provider lacks an endpoint or scope that has no preset.
    #[error("the {what} is not set; a custom provider needs it")]
    Missing {
        /// What is missing.
        what: &'static str,
    },
    /// No client ID in the settings or the environment.
    #[error(
        "no client ID for {provider}: register popmail with the provider and give the ID with --client-id or in {env}"
    )]
    NoClientId {
        /// The provider's name.
        provider: &'static str,
        /// The environment variable that would also do.
        env: String,
    },
    /// The settings name a client secret variable that is not set.
    #[error("the environment variable {var} (the client secret) is not set")]
    NoClientSecret {
        /// The variable's name.
        var: String,
    },
}

//! The OAuth 2.0 settings of an account (RFC 6749): which provider, which
//! registered client, which endpoints and scope, and which SASL mechanism
//! carries the token. One definition, used by `oauth`, `pop3` (through
//! [`super::OAuthMechanism`]), `store` and `cli`.
//!
//! popmail ships no other application's client ID: the client ID comes from
//! these settings or from the environment (`POPMAIL_<PROVIDER>_CLIENT_ID`),
//! and a client secret only ever from an environment variable named here.

use super::OAuthMechanism;

/// An identity provider with built-in endpoints, or one set by hand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OAuthProvider {
    /// Google (Gmail).
    Google,
    /// Microsoft (Outlook.com, Microsoft 365).
    Microsoft,
    /// Yahoo Mail.
    Yahoo,
    /// AOL Mail.
    Aol,
    /// Fastmail.
    Fastmail,
    /// Endpoints and scope given in the settings.
    #[default]
    Custom,
}

impl OAuthProvider {
    /// Every provider, in the order shown to people.
    pub const ALL: [OAuthProvider; 6] = [
        Self::Google,
        Self::Microsoft,
        Self::Yahoo,
        Self::Aol,
        Self::Fastmail,
        Self::Custom,
    ];

    /// Name stored and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Google => "google",
            Self::Microsoft => "microsoft",
            Self::Yahoo => "yahoo",
            Self::Aol => "aol",
            Self::Fastmail => "fastmail",
            Self::Custom => "custom",
        }
    }

    /// Parses a stored or typed name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The environment variable that may hold this provider's client ID.
    pub fn client_id_env(self) -> String {
        format!("POPMAIL_{}_CLIENT_ID", self.as_str().to_ascii_uppercase())
    }
}

/// An account's OAuth 2.0 settings. Empty fields take the provider's preset
/// (see `crate::oauth::provider`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct OAuthSettings {
    /// The identity provider.
    pub provider: OAuthProvider,
    /// The registered client ID; `None` reads [`OAuthProvider::client_id_env`].
    pub client_id: Option<String>,
    /// The name of the environment variable holding the client secret, for
    /// providers that require one (never the secret itself).
    pub client_secret_env: Option<String>,
    /// Microsoft's tenant (`common` when `None`).
    pub tenant: Option<String>,
    /// Authorization endpoint (RFC 6749 §3.1), overriding the preset.
    pub authorize_url: Option<String>,
    /// Token endpoint (RFC 6749 §3.2), overriding the preset.
    pub token_url: Option<String>,
    /// Device authorization endpoint (RFC 8628 §3.1), overriding the preset.
    pub device_url: Option<String>,
    /// Scope (space-separated), overriding the preset.
    pub scope: Option<String>,
    /// The SASL mechanism, overriding the preset.
    pub mechanism: Option<OAuthMechanism>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn provider_names_round_trip() {
        for p in OAuthProvider::ALL {
            assert_eq!(OAuthProvider::parse(p.as_str()), Some(p));
        }
        assert_eq!(OAuthProvider::parse("icloud"), None);
        assert_eq!(
            OAuthProvider::Microsoft.client_id_env(),
            "POPMAIL_MICROSOFT_CLIENT_ID"
        );
    }
}

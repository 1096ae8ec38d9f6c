//! Provider presets and the resolution of an account's OAuth settings into
//! the endpoints, scope, client and SASL mechanism a sign-in uses.
//!
//! Presets, from each provider's documentation (and cross-checked with
//! Thunderbird's `OAuth2Providers`):
//! - Google: `accounts.google.com/o/oauth2/v2/auth`, `oauth2.googleapis.com/
//!   token`, no device endpoint (Google's device flow, RFC 8628, refuses
//!   the mail scope, so Google always signs in through the browser), scope `https://mail.google.com/`, XOAUTH2 as the AUTH line's initial
//!   response.
//! - Microsoft identity platform v2.0 under a tenant (`common` unless set):
//!   `…/oauth2/v2.0/authorize`, `/token`, `/devicecode`, scope
//!   `https://outlook.office.com/POP.AccessAsUser.All offline_access`,
//!   XOAUTH2 in two steps (`AUTH XOAUTH2`, `+`, token) as Microsoft documents.
//! - Yahoo and AOL: `api.login.{yahoo,aol}.com/oauth2/request_auth` and
//!   `/get_token`, scope `mail-r`, no device endpoint.
//! - Fastmail: `api.fastmail.com/oauth/authorize` and `/oauth/refresh`,
//!   scope `https://www.fastmail.com/dev/protocol-pop`, no device endpoint.
//!
//! Endpoints must be `https://`; `http://` is accepted only for a loopback
//! host (`127.0.0.1`, `[::1]`, `localhost`), per RFC 8252 §8.3.

use std::net::IpAddr;

use crate::account::{OAuthMechanism, OAuthProvider, OAuthSettings};
use crate::oauth::{Error, Part};
use crate::secret::Secret;

/// Built-in values of one provider.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Preset {
    authorize: String,
    token: String,
    device: Option<String>,
    scope: &'static str,
    mechanism: OAuthMechanism,
    initial_response: bool,
}

fn preset(provider: OAuthProvider, tenant: &str) -> Option<Preset> {
    let ms = |path: &str| format!("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/{path}");
    Some(match provider {
        OAuthProvider::Google => Preset {
            authorize: "https://accounts.google.com/o/oauth2/v2/auth".into(),
            token: "https://oauth2.googleapis.com/token".into(),
            // Google's device endpoint refuses https://mail.google.com/.
            device: None,
            scope: "https://mail.google.com/",
            mechanism: OAuthMechanism::XOAuth2,
            initial_response: true,
        },
        OAuthProvider::Microsoft => Preset {
            authorize: ms("authorize"),
            token: ms("token"),
            device: Some(ms("devicecode")),
            scope: "https://outlook.office.com/POP.AccessAsUser.All offline_access", // not translated: an OAuth scope
            mechanism: OAuthMechanism::XOAuth2,
            initial_response: false,
        },
        OAuthProvider::Yahoo | OAuthProvider::Aol => {
            let host = if provider == OAuthProvider::Yahoo {
                "api.login.yahoo.com"
            } else {
                "api.login.aol.com"
            };
            Preset {
                authorize: format!("https://{host}/oauth2/request_auth"),
                token: format!("https://{host}/oauth2/get_token"),
                device: None,
                scope: "mail-r",
                mechanism: OAuthMechanism::XOAuth2,
                initial_response: false,
            }
        }
        OAuthProvider::Fastmail => Preset {
            authorize: "https://api.fastmail.com/oauth/authorize".into(),
            token: "https://api.fastmail.com/oauth/refresh".into(),
            device: None,
            scope: "https://www.fastmail.com/dev/protocol-pop",
            mechanism: OAuthMechanism::XOAuth2,
            initial_response: false,
        },
        OAuthProvider::Custom => return None,
    })
}

/// Everything a sign-in needs, resolved from an account's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// Authorization endpoint (checked).
    pub authorize: url::Url,
    /// Token endpoint (checked).
    pub token: url::Url,
    /// Device authorization endpoint, when the provider has one (checked).
    pub device: Option<url::Url>,
    /// Scope to ask for.
    pub scope: String,
    /// The SASL mechanism that carries the token.
    pub mechanism: OAuthMechanism,
    /// Whether the token goes in the `AUTH` line (see
    /// `crate::pop3::Config::oauth_initial_response`).
    pub initial_response: bool,
    /// The registered client ID.
    pub client_id: String,
    /// The client secret, when the settings name a variable holding one.
    pub client_secret: Option<Secret>,
}

/// The hosts of the presets' sign-in pages: the only hosts outside a mail
/// provider's own domain that a discovery redirect may lead to.
pub const SIGN_IN_HOSTS: [&str; 5] = [
    "accounts.google.com",
    "login.microsoftonline.com",
    "api.login.yahoo.com",
    "api.login.aol.com",
    "api.fastmail.com",
];

/// Whether `host` (as in a URL) names this computer.
pub fn is_loopback(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        url::Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
    }
}

/// Parses an endpoint address and checks it is `https://`, or `http://`
/// on loopback. `what` names the endpoint in the error.
pub fn check_endpoint(what: Part, address: &str) -> Result<url::Url, Error> {
    let bad = |reason: String| Error::BadUrl {
        what,
        url: address.to_string(),
        reason,
    };
    let url = url::Url::parse(address.trim()).map_err(|e| bad(e.to_string()))?;
    let host = url
        .host()
        .ok_or_else(|| bad(crate::t!("oauth-url-no-host")))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad(crate::t!("oauth-url-credentials")));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&host) => Ok(url),
        _ => Err(Error::NotHttps {
            what,
            url: address.to_string(),
        }),
    }
}

/// Resolves `settings` against the provider's preset. `env` reads an
/// environment variable (injectable for tests; `std::env::var(..).ok()`
/// otherwise).
pub fn resolve(
    settings: &OAuthSettings,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Endpoints, Error> {
    let tenant = settings.tenant.as_deref().unwrap_or("common");
    let preset = preset(settings.provider, tenant);
    let pick = |own: &Option<String>, preset: Option<String>, what: Part| match own
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or(preset)
    {
        Some(a) => check_endpoint(what, &a),
        None => Err(Error::Missing { what }),
    };
    let authorize = pick(
        &settings.authorize_url,
        preset.as_ref().map(|p| p.authorize.clone()),
        Part::AuthorizationEndpoint,
    )?;
    let token = pick(
        &settings.token_url,
        preset.as_ref().map(|p| p.token.clone()),
        Part::TokenEndpoint,
    )?;
    let device = match settings
        .device_url
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| preset.as_ref().and_then(|p| p.device.clone()))
    {
        Some(a) => Some(check_endpoint(Part::DeviceEndpoint, &a)?),
        None => None,
    };
    let scope = settings
        .scope
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| preset.as_ref().map(|p| p.scope.to_string()))
        .ok_or(Error::Missing { what: Part::Scope })?;
    let client_id = settings
        .client_id
        .clone()
        .or_else(|| env(&settings.provider.client_id_env()))
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| Error::NoClientId {
            provider: settings.provider.as_str(),
            env: settings.provider.client_id_env(),
        })?;
    let client_secret = match &settings.client_secret_env {
        Some(var) => Some(Secret::new(
            env(var).ok_or_else(|| Error::NoClientSecret { var: var.clone() })?,
        )),
        None => None,
    };
    Ok(Endpoints {
        authorize,
        token,
        device,
        scope,
        mechanism: settings
            .mechanism
            .or(preset.as_ref().map(|p| p.mechanism))
            .unwrap_or_default(),
        initial_response: preset.as_ref().is_some_and(|p| p.initial_response),
        client_id,
        client_secret,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn with_id(provider: OAuthProvider) -> OAuthSettings {
        OAuthSettings {
            provider,
            client_id: Some("my-app".into()),
            ..Default::default()
        }
    }

    #[test]
    fn presets_resolve() {
        let g = resolve(&with_id(OAuthProvider::Google), &no_env).unwrap();
        assert_eq!(g.scope, "https://mail.google.com/");
        assert!(g.initial_response);
        assert!(g.device.is_none(), "Google's device flow refuses mail");
        let m = resolve(&with_id(OAuthProvider::Microsoft), &no_env).unwrap();
        assert_eq!(
            m.token.as_str(),
            "https://login.microsoftonline.com/common/oauth2/v2.0/token"
        );
        assert_eq!(
            m.scope,
            "https://outlook.office.com/POP.AccessAsUser.All offline_access"
        );
        assert!(!m.initial_response);
        let mut tenant = with_id(OAuthProvider::Microsoft);
        tenant.tenant = Some("contoso.onmicrosoft.com".into());
        let t = resolve(&tenant, &no_env).unwrap();
        assert!(t.authorize.as_str().contains("/contoso.onmicrosoft.com/"));
        for p in [
            OAuthProvider::Yahoo,
            OAuthProvider::Aol,
            OAuthProvider::Fastmail,
        ] {
            let e = resolve(&with_id(p), &no_env).unwrap();
            assert!(e.device.is_none(), "{p:?}");
            assert_eq!(e.authorize.scheme(), "https");
        }
    }

    #[test]
    fn client_id_and_secret_come_from_settings_or_environment() {
        let bare = OAuthSettings {
            provider: OAuthProvider::Google,
            ..Default::default()
        };
        assert!(matches!(
            resolve(&bare, &no_env),
            Err(Error::NoClientId { .. })
        ));
        let env = |k: &str| match k {
            "POPMAIL_GOOGLE_CLIENT_ID" => Some("from-env".to_string()),
            "MY_SECRET" => Some("s3cret".to_string()),
            _ => None,
        };
        let mut s = bare.clone();
        s.client_secret_env = Some("MY_SECRET".into());
        let e = resolve(&s, &env).unwrap();
        assert_eq!(e.client_id, "from-env");
        assert_eq!(e.client_secret.unwrap().expose(), "s3cret");
        s.client_secret_env = Some("UNSET".into());
        assert_eq!(
            resolve(&s, &env),
            Err(Error::NoClientSecret {
                var: "UNSET".into()
            })
        );
        // The secret never shows in Debug output.
        let shown = format!("{:?}", resolve(&with_id(OAuthProvider::Google), &env));
        assert!(!shown.contains("s3cret"));
    }

    #[test]
    fn custom_needs_everything_and_https() {
        let mut c = with_id(OAuthProvider::Custom);
        assert_eq!(
            resolve(&c, &no_env),
            Err(Error::Missing {
                what: Part::AuthorizationEndpoint
            })
        );
        c.authorize_url = Some("https://idp.example/auth".into());
        c.token_url = Some("http://idp.example/token".into());
        c.scope = Some("pop".into());
        assert!(matches!(resolve(&c, &no_env), Err(Error::NotHttps { .. })));
        c.token_url = Some("http://127.0.0.1:8080/token".into());
        let e = resolve(&c, &no_env).unwrap();
        assert_eq!(e.mechanism, OAuthMechanism::XOAuth2);
        assert!(e.device.is_none());
    }

    #[test]
    fn endpoint_rule() {
        for ok in [
            "https://idp.example/x",
            "http://127.0.0.1:1/t",
            "http://[::1]:2/t",
            "http://localhost/t",
        ] {
            assert!(check_endpoint(Part::TokenEndpoint, ok).is_ok(), "{ok}");
        }
        for (bad, not_https) in [
            ("http://idp.example/t", true),
            ("http://127.0.0.1.evil.example/t", true),
            ("ftp://idp.example/t", true),
            ("file:///etc/passwd", false),
            ("https://user:pw@idp.example/t", false),
            ("not a url", false),
        ] {
            let e = check_endpoint(Part::TokenEndpoint, bad).unwrap_err();
            assert_eq!(
                matches!(e, Error::NotHttps { .. }),
                not_https,
                "{bad}: {e:?}"
            );
        }
    }
}

//! Authentication mechanisms and their sans-IO pieces.
//!
//! - `USER`/`PASS` and `APOP` from RFC 1939 §7. The APOP digest is
//!   MD5(timestamp ‖ password) in lowercase hex.
//! - SASL through `AUTH` (RFC 5034): `PLAIN` (RFC 4616, sent as an initial
//!   response), `LOGIN` (user name and password each answering a `+`
//!   challenge) and `CRAM-MD5` (RFC 2195: `user SP hex(HMAC-MD5(password,
//!   challenge))`).
//! - OAuth 2.0 bearer tokens (RFC 6750) through `AUTH`: `XOAUTH2` (the form
//!   Google and Microsoft document: `user=U^Aauth=Bearer T^A^A`) and
//!   `OAUTHBEARER` (RFC 7628 §3.1: GS2 header `n,a=U,` then `host`, `port`
//!   and `auth` key/values). A rejected token gets a `+` challenge carrying
//!   a JSON error (RFC 7628 §3.2.2); [`oauth_error_status`] reads it and
//!   [`oauth_abort_response`] is the answer that ends the exchange.
//!
//! [`choose`] implements "automatic": the strongest mechanism the server
//! offers, in the order CRAM-MD5, APOP, PLAIN, LOGIN, USER. Over an
//! unencrypted connection, mechanisms that send the password itself are
//! allowed only when the account allows plaintext passwords.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use md5::{Digest, Md5};

use crate::pop3::capa::Capabilities;
use crate::pop3::config::{AuthMethod, OAuthMechanism};
use crate::pop3::error::Error;
use crate::pop3::response::{ParseError, Syntax};

/// A concrete authentication mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mechanism {
    /// `USER`/`PASS`.
    User,
    /// `APOP`.
    Apop,
    /// SASL `PLAIN`.
    Plain,
    /// SASL `LOGIN`.
    Login,
    /// SASL `CRAM-MD5`.
    CramMd5,
    /// SASL `XOAUTH2` (an OAuth 2.0 access token).
    XOAuth2,
    /// SASL `OAUTHBEARER` (RFC 7628).
    OAuthBearer,
}

impl Mechanism {
    /// The mechanism's name as shown to people and used in `AUTH`.
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::User => "USER",
            Mechanism::Apop => "APOP",
            Mechanism::Plain => "PLAIN",
            Mechanism::Login => "LOGIN",
            Mechanism::CramMd5 => "CRAM-MD5",
            Mechanism::XOAuth2 => "XOAUTH2",
            Mechanism::OAuthBearer => "OAUTHBEARER",
        }
    }

    /// Whether the password itself crosses the wire (so needs encryption).
    /// A bearer token is as good as a password to whoever reads it
    /// (RFC 6750 §5.3), so the OAuth mechanisms count too.
    pub fn sends_password(self) -> bool {
        matches!(
            self,
            Mechanism::User
                | Mechanism::Plain
                | Mechanism::Login
                | Mechanism::XOAuth2
                | Mechanism::OAuthBearer
        )
    }

    /// Whether this mechanism carries an OAuth 2.0 access token.
    pub fn is_oauth(self) -> bool {
        matches!(self, Mechanism::XOAuth2 | Mechanism::OAuthBearer)
    }

    fn offered(self, caps: &Capabilities, has_timestamp: bool) -> bool {
        match self {
            Mechanism::User => caps.user_allowed(),
            Mechanism::Apop => has_timestamp,
            Mechanism::Plain
            | Mechanism::Login
            | Mechanism::CramMd5
            | Mechanism::XOAuth2
            | Mechanism::OAuthBearer => caps.has_sasl(self.name()),
        }
    }
}

/// The order "automatic" tries mechanisms in: strongest first.
const AUTO_ORDER: [Mechanism; 5] = [
    Mechanism::CramMd5,
    Mechanism::Apop,
    Mechanism::Plain,
    Mechanism::Login,
    Mechanism::User,
];

/// Picks the mechanism for `method`, checking that the server offers it and
/// that it may be used over this connection. For [`AuthMethod::OAuth2`] the
/// mechanism is `oauth` (the account's [`OAuthMechanism`]).
pub fn choose(
    method: AuthMethod,
    oauth: OAuthMechanism,
    caps: &Capabilities,
    has_timestamp: bool,
    encrypted: bool,
    allow_plaintext_password: bool,
) -> Result<Mechanism, Error> {
    let acceptable = candidates(
        method,
        oauth,
        caps,
        has_timestamp,
        encrypted,
        allow_plaintext_password,
    )?;
    acceptable
        .first()
        .copied()
        .ok_or_else(|| Error::MechanismUnavailable {
            mechanism: crate::t!("pop3-any-mechanism"),
            automatic: true,
            alternative: None,
        })
}

/// Every mechanism `method` may use with this server over this connection,
/// in the order to try them: for "automatic" the offered ones that keep the
/// password safe (strongest first), else just the one chosen. Never
/// empty on success.
pub fn candidates(
    method: AuthMethod,
    oauth: OAuthMechanism,
    caps: &Capabilities,
    has_timestamp: bool,
    encrypted: bool,
    allow_plaintext_password: bool,
) -> Result<Vec<Mechanism>, Error> {
    let password_ok = encrypted || allow_plaintext_password;
    let wanted = match method {
        AuthMethod::User => Mechanism::User,
        AuthMethod::Apop => Mechanism::Apop,
        AuthMethod::Plain => Mechanism::Plain,
        AuthMethod::Login => Mechanism::Login,
        AuthMethod::CramMd5 => Mechanism::CramMd5,
        AuthMethod::OAuth2 => match oauth {
            OAuthMechanism::XOAuth2 => Mechanism::XOAuth2,
            OAuthMechanism::OAuthBearer => Mechanism::OAuthBearer,
        },
        AuthMethod::Auto => {
            let offered: Vec<Mechanism> = AUTO_ORDER
                .into_iter()
                .filter(|m| m.offered(caps, has_timestamp))
                .collect();
            let acceptable: Vec<Mechanism> = offered
                .iter()
                .copied()
                .filter(|m| password_ok || !m.sends_password())
                .collect();
            if !acceptable.is_empty() {
                return Ok(acceptable);
            }
            return Err(match offered.first() {
                Some(m) => Error::PlaintextRefused {
                    mechanism: m.name().to_string(),
                    tried: String::new(),
                },
                None => Error::MechanismUnavailable {
                    mechanism: crate::t!("pop3-any-mechanism"),
                    automatic: true,
                    alternative: None,
                },
            });
        }
    };
    if !wanted.offered(caps, has_timestamp) {
        return Err(Error::MechanismUnavailable {
            mechanism: wanted.name().to_string(),
            automatic: false,
            alternative: safe_alternative(wanted, caps, has_timestamp, encrypted)
                .map(|m| m.name().to_string()),
        });
    }
    if wanted.sends_password() && !password_ok {
        return Err(Error::PlaintextRefused {
            mechanism: wanted.name().to_string(),
            tried: String::new(),
        });
    }
    Ok(vec![wanted])
}

/// The mechanism "automatic" would use instead of `wanted`, if it is at
/// least as safe on this connection: a suggestion must never lower the
/// account's security. Over an unencrypted connection, a mechanism that
/// sends the password itself is never suggested in place of one that does
/// not, even when the account allows plaintext passwords.
pub fn safe_alternative(
    wanted: Mechanism,
    caps: &Capabilities,
    has_timestamp: bool,
    encrypted: bool,
) -> Option<Mechanism> {
    AUTO_ORDER.into_iter().find(|m| {
        *m != wanted
            && m.offered(caps, has_timestamp)
            && (encrypted || wanted.sends_password() || !m.sends_password())
    })
}

/// The names of `mechanisms`, for people: `CRAM-MD5, APOP`.
pub fn names(mechanisms: &[Mechanism]) -> String {
    mechanisms
        .iter()
        .map(|m| m.name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The APOP digest: lowercase hex MD5 of the timestamp (with its angle
/// brackets) followed by the password.
pub fn apop_digest(timestamp: &str, password: &str) -> String {
    let mut h = Md5::new();
    h.update(timestamp.as_bytes());
    h.update(password.as_bytes());
    hex(&h.finalize())
}

/// The SASL PLAIN message (empty authorization identity), base64.
pub fn plain_initial_response(user: &str, password: &str) -> String {
    let mut msg = Vec::with_capacity(user.len() + password.len() + 2);
    msg.push(0);
    msg.extend_from_slice(user.as_bytes());
    msg.push(0);
    msg.extend_from_slice(password.as_bytes());
    BASE64.encode(msg)
}

/// Base64 of `value`, as used by the LOGIN mechanism's two answers.
pub fn login_response(value: &str) -> String {
    BASE64.encode(value.as_bytes())
}

/// The CRAM-MD5 answer to a base64 `challenge`: base64 of
/// `user SP hex(HMAC-MD5(password, challenge))`.
pub fn cram_md5_response(
    user: &str,
    password: &str,
    challenge_b64: &str,
) -> Result<String, ParseError> {
    let bad = |detail: String| ParseError::invalid(Syntax::SaslChallenge, detail);
    let challenge = BASE64
        .decode(challenge_b64.trim())
        .map_err(|e| bad(crate::t!("pop3-parse-cram-base64", error = e.to_string())))?;
    if challenge.is_empty() {
        return Err(bad(crate::t!("pop3-parse-cram-empty")));
    }
    let mut mac = <Hmac<Md5> as KeyInit>::new_from_slice(password.as_bytes())
        .map_err(|e| bad(format!("HMAC key: {e}")))?;
    mac.update(&challenge);
    let digest = hex(&mac.finalize().into_bytes());
    Ok(BASE64.encode(format!("{user} {digest}")))
}

/// The `XOAUTH2` message, base64: `user=U^Aauth=Bearer T^A^A`.
pub fn xoauth2_response(user: &str, token: &str) -> String {
    BASE64.encode(format!("user={user}\x01auth=Bearer {token}\x01\x01"))
}

/// The `OAUTHBEARER` client response (RFC 7628 §3.1), base64: the GS2
/// header naming `user` as authorization identity (`,` and `=` escaped as
/// RFC 5801 §4 says), then `host`, `port` and `auth` key/values.
pub fn oauthbearer_response(user: &str, host: &str, port: u16, token: &str) -> String {
    let saslname = user.replace('=', "=3D").replace(',', "=2C");
    BASE64.encode(format!(
        "n,a={saslname},\x01host={host}\x01port={port}\x01auth=Bearer {token}\x01\x01"
    ))
}

/// The answer to an OAuth error challenge that ends the exchange so the
/// server sends its final `-ERR`: for `OAUTHBEARER` the single byte `%x01`
/// (RFC 7628 §3.2.3, `AQ==`), for `XOAUTH2` an empty line.
pub fn oauth_abort_response(mechanism: Mechanism) -> &'static str {
    match mechanism {
        Mechanism::OAuthBearer => "AQ==",
        _ => "",
    }
}

/// Most bytes of an OAuth error challenge that are decoded.
const OAUTH_ERROR_MAX: usize = 4096;

/// The `status` of an OAuth error challenge (RFC 7628 §3.2.2: base64 of a
/// JSON object such as `{"status":"invalid_token"}`), in plain text. A
/// challenge that is not base64 JSON with a string `status` gives `None`:
/// the caller still ends the exchange, it just has no detail to show.
pub fn oauth_error_status(challenge_b64: &str) -> Option<String> {
    let challenge = challenge_b64.trim();
    if challenge.is_empty() || challenge.len() > OAUTH_ERROR_MAX {
        return None;
    }
    // Not base64 or not JSON: no detail to show; the caller still ends the
    // exchange and reports the expired sign-in.
    let json = BASE64.decode(challenge).ok()?;
    let value: serde_json::Value = serde_json::from_slice(&json).ok()?;
    let status = match value.get("status")? {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    // Shown to people: printable ASCII only, and short.
    Some(
        status
            .chars()
            .filter(|c| c.is_ascii_graphic() || *c == ' ')
            .take(64)
            .collect(),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn rfc1939_apop_example() {
        assert_eq!(
            apop_digest("<1896.697170952@dbc.mtview.ca.us>", "tanstaaf"),
            "c4c9334bac560ecc979e58001b3e22fb"
        );
    }

    #[test]
    fn rfc2195_cram_md5_example() {
        let challenge = BASE64.encode("<1896.697170952@postoffice.reston.mci.net>");
        let resp = cram_md5_response("tim", "tanstaaftanstaaf", &challenge).unwrap();
        let decoded = String::from_utf8(BASE64.decode(resp).unwrap()).unwrap();
        assert_eq!(decoded, "tim b913a602c7eda7a495b4e6e7334d3890");
    }

    #[test]
    fn plain_response() {
        assert_eq!(
            plain_initial_response("tim", "tanstaaf"),
            BASE64.encode("\0tim\0tanstaaf")
        );
    }

    #[test]
    fn auto_respects_plaintext_rule() {
        let caps = Capabilities {
            capa_supported: true,
            user: true,
            sasl: vec!["PLAIN".into()],
            ..Default::default()
        };
        assert_eq!(
            choose(
                AuthMethod::Auto,
                OAuthMechanism::XOAuth2,
                &caps,
                false,
                true,
                false
            )
            .unwrap(),
            Mechanism::Plain
        );
        assert!(matches!(
            choose(
                AuthMethod::Auto,
                OAuthMechanism::XOAuth2,
                &caps,
                false,
                false,
                false
            ),
            Err(Error::PlaintextRefused { .. })
        ));
        assert_eq!(
            choose(
                AuthMethod::Auto,
                OAuthMechanism::XOAuth2,
                &caps,
                true,
                false,
                false
            )
            .unwrap(),
            Mechanism::Apop
        );
        assert!(matches!(
            choose(
                AuthMethod::CramMd5,
                OAuthMechanism::XOAuth2,
                &caps,
                false,
                true,
                false
            ),
            Err(Error::MechanismUnavailable { .. })
        ));
    }

    #[test]
    fn xoauth2_message_is_googles_form() {
        // developers.google.com/gmail/imap/xoauth2-protocol
        let r = xoauth2_response(
            "someuser@example.com",
            "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg",
        );
        assert_eq!(
            BASE64.decode(r).unwrap(),
            b"user=someuser@example.com\x01auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg\x01\x01"
        );
    }

    #[test]
    fn oauthbearer_message_is_rfc7628_example() {
        // RFC 7628 §4.1, with the user escaped per RFC 5801 §4.
        let r = oauthbearer_response(
            "user@example.com",
            "server.example.com",
            143,
            "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==",
        );
        assert_eq!(
            BASE64.decode(r).unwrap(),
            b"n,a=user@example.com,\x01host=server.example.com\x01port=143\x01auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01"
        );
        let odd = BASE64
            .decode(oauthbearer_response("a,b=c", "h", 1, "t"))
            .unwrap();
        assert!(odd.starts_with(b"n,a=a=2Cb=3Dc,\x01"));
    }

    #[test]
    fn oauth_error_challenge_is_read() {
        // RFC 7628 §4.3's failure challenge.
        let c = BASE64.encode(r#"{"status":"invalid_token","scope":"example_scope","openid-configuration":"https://example.com/.well-known/openid-configuration"}"#);
        assert_eq!(oauth_error_status(&c).as_deref(), Some("invalid_token"));
        assert_eq!(
            oauth_error_status(&BASE64.encode(r#"{"status":"401"}"#)).as_deref(),
            Some("401")
        );
        assert_eq!(oauth_error_status("not base64!"), None);
        assert_eq!(oauth_error_status(&BASE64.encode("[1,2]")), None);
        assert_eq!(oauth_abort_response(Mechanism::OAuthBearer), "AQ==");
        assert_eq!(oauth_abort_response(Mechanism::XOAuth2), "");
    }

    #[test]
    fn oauth2_is_never_automatic_and_needs_encryption() {
        let caps = Capabilities {
            capa_supported: true,
            sasl: vec!["XOAUTH2".into(), "OAUTHBEARER".into()],
            ..Default::default()
        };
        assert!(matches!(
            choose(
                AuthMethod::Auto,
                OAuthMechanism::XOAuth2,
                &caps,
                false,
                true,
                false
            ),
            Err(Error::MechanismUnavailable { .. })
        ));
        assert_eq!(
            choose(
                AuthMethod::OAuth2,
                OAuthMechanism::OAuthBearer,
                &caps,
                false,
                true,
                false
            )
            .unwrap(),
            Mechanism::OAuthBearer
        );
        assert!(matches!(
            choose(
                AuthMethod::OAuth2,
                OAuthMechanism::XOAuth2,
                &caps,
                false,
                false,
                false
            ),
            Err(Error::PlaintextRefused { .. })
        ));
    }
}

//! Tokens (RFC 6749 §5.1) and the exchanges every flow shares: building the
//! `oauth2` client from resolved [`Endpoints`], turning a token answer into
//! [`Tokens`], refreshing (RFC 6749 §6, with the rotation of the refresh
//! token that RFC 9700 §4.14 recommends and Microsoft does), and turning
//! the provider's error codes (RFC 6749 §5.2) into sentences.
//!
//! The access token lives in memory only; the refresh token is handed to
//! `crate::credentials` by the caller.

use std::time::{Duration, SystemTime};

use oauth2::basic::{BasicClient, BasicErrorResponse, BasicErrorResponseType, BasicTokenResponse};
use oauth2::{
    AuthType, AuthUrl, ClientId, ClientSecret, DeviceAuthorizationUrl, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, ErrorResponse, RefreshToken, RequestTokenError, TokenResponse,
    TokenUrl,
};

use super::http::{HttpClient, HttpError};
use super::{Endpoints, Error};
use crate::secret::Secret;

/// How long before its expiry an access token is refreshed: a sync started
/// on a token that dies mid-login would fail for nothing.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(120);

/// The tokens of one sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokens {
    /// The access token (kept in memory only).
    pub access: Secret,
    /// The refresh token, when the provider gave one (stored where
    /// passwords go).
    pub refresh: Option<Secret>,
    /// When the access token stops working, when the provider said.
    pub expires_at: Option<SystemTime>,
}

impl Tokens {
    /// Whether the access token should be refreshed before use at `now`
    /// (expired, or within [`REFRESH_MARGIN`] of it).
    pub fn needs_refresh(&self, now: SystemTime) -> bool {
        self.expires_at.is_some_and(|at| now + REFRESH_MARGIN >= at)
    }

    fn from_answer(answer: &BasicTokenResponse, previous_refresh: Option<&Secret>) -> Self {
        Tokens {
            access: Secret::new(answer.access_token().secret().clone()),
            // A provider that does not rotate keeps the old refresh token
            // valid (RFC 6749 §6: "MAY issue a new refresh token").
            refresh: answer
                .refresh_token()
                .map(|r| Secret::new(r.secret().clone()))
                .or_else(|| previous_refresh.cloned()),
            expires_at: answer.expires_in().map(|d| SystemTime::now() + d),
        }
    }
}

/// The `oauth2` client of one account.
pub(crate) type Client =
    BasicClient<EndpointMaybeSet, EndpointMaybeSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

/// Builds the `oauth2` client for `endpoints`. The client ID (and secret,
/// when there is one) go in the request body, which every provider accepts
/// from installed applications (RFC 6749 §2.3.1).
pub(crate) fn client(endpoints: &Endpoints) -> Client {
    let mut c = BasicClient::new(ClientId::new(endpoints.client_id.clone()))
        .set_auth_type(AuthType::RequestBody)
        .set_auth_uri_option(Some(AuthUrl::from_url(endpoints.authorize.clone())))
        .set_device_authorization_url_option(
            endpoints
                .device
                .clone()
                .map(DeviceAuthorizationUrl::from_url),
        )
        .set_token_uri(TokenUrl::from_url(endpoints.token.clone()));
    if let Some(secret) = &endpoints.client_secret {
        c = c.set_client_secret(ClientSecret::new(secret.expose().to_string()));
    }
    c
}

/// Turns an `oauth2` request failure into an [`Error`] in words.
pub(crate) fn request_error<T: ErrorResponse + 'static>(
    e: RequestTokenError<HttpError, T>,
    server: impl FnOnce(&T) -> Error,
) -> Error {
    match e {
        RequestTokenError::ServerResponse(r) => server(&r),
        RequestTokenError::Request(HttpError::Cancelled) => Error::Cancelled,
        RequestTokenError::Request(e) => Error::Http {
            detail: e.to_string(),
        },
        RequestTokenError::Parse(e, _) => Error::BadAnswer {
            detail: e.to_string(),
        },
        RequestTokenError::Other(detail) => Error::BadAnswer { detail },
    }
}

/// The sentence for a standard error answer of the token endpoint.
pub(crate) fn token_error(r: &BasicErrorResponse) -> Error {
    let detail = describe(r.error().as_ref(), r.error_description());
    match r.error() {
        // RFC 6749 §5.2: the grant (code or refresh token) is invalid,
        // expired or revoked: only a new sign-in helps.
        BasicErrorResponseType::InvalidGrant => Error::SignInAgain { detail },
        _ => Error::Refused { detail },
    }
}

/// The sentence for an error answer to a code exchange: a refused code
/// (wrong PKCE verifier, reused or expired code) means this sign-in failed,
/// not that an earlier one was withdrawn.
pub(crate) fn code_error(r: &BasicErrorResponse) -> Error {
    Error::Refused {
        detail: describe(r.error().as_ref(), r.error_description()),
    }
}

/// `code: description`, the description cut to a readable length.
pub(crate) fn describe(code: &str, description: Option<&String>) -> String {
    match description {
        Some(d) if !d.trim().is_empty() => {
            let d: String = d.chars().take(300).collect();
            format!("{code}: {d}")
        }
        _ => code.to_string(),
    }
}

/// Exchanges `refresh` for new tokens (RFC 6749 §6). A refused refresh
/// token (revoked, expired) gives [`Error::SignInAgain`].
pub fn refresh(
    endpoints: &Endpoints,
    refresh: &Secret,
    http: &HttpClient,
) -> Result<Tokens, Error> {
    let token = RefreshToken::new(refresh.expose().to_string());
    let answer = client(endpoints)
        .exchange_refresh_token(&token)
        .request(http)
        .map_err(|e| request_error(e, token_error))?;
    Ok(Tokens::from_answer(&answer, Some(refresh)))
}

/// Turns a token answer of a first sign-in into [`Tokens`].
pub(crate) fn first_tokens(answer: &BasicTokenResponse) -> Tokens {
    Tokens::from_answer(answer, None)
}

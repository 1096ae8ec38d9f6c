//! The device authorization grant (RFC 8628): popmail asks the device
//! endpoint for a user code (§3.1–3.2), shows it with the verification URL,
//! and polls the token endpoint at the interval the provider asks (§3.4–3.5,
//! `slow_down` honoured by the `oauth2` crate) until the person has signed
//! in elsewhere, refused, or the code expired — or [`Cancel`] is raised.
//!
//! Only where the provider allows it for mail: Microsoft does; Google's
//! device flow refuses the mail scope, so Google has no device endpoint in
//! its preset (see `provider`).

use std::time::{Duration, Instant};

use oauth2::{DeviceCodeErrorResponseType, Scope, StandardDeviceAuthorizationResponse};

use super::http::HttpClient;
use super::tokens::{self, Tokens};
use super::{Endpoints, Error};

/// What the person must do, shown while popmail polls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceCode {
    /// The code to type.
    pub user_code: String,
    /// Where to type it.
    pub verification_uri: String,
    /// The same with the code filled in, when the provider gives one.
    pub verification_uri_complete: Option<String>,
    /// How long the code is valid.
    pub expires_in: Duration,
}

/// Signs in with a device code. `show` is called once with the code to
/// show; cancelling the client's [`crate::worker::Cancel`] ends the wait.
pub fn sign_in(
    endpoints: &Endpoints,
    provider: &'static str,
    show: &mut dyn FnMut(&DeviceCode),
    http: &HttpClient,
) -> Result<Tokens, Error> {
    if endpoints.device.is_none() {
        return Err(Error::NoDeviceFlow { provider });
    }
    let client = tokens::client(endpoints);
    let details: StandardDeviceAuthorizationResponse = client
        .exchange_device_code()
        .map_err(|_| Error::NoDeviceFlow { provider })?
        .add_scopes(
            endpoints
                .scope
                .split_whitespace()
                .map(|s| Scope::new(s.to_string())),
        )
        .request(http)
        .map_err(|e| tokens::request_error(e, tokens::token_error))?;
    show(&DeviceCode {
        user_code: details.user_code().secret().clone(),
        verification_uri: details.verification_uri().to_string(),
        verification_uri_complete: details
            .verification_uri_complete()
            .map(|u| u.secret().clone()),
        expires_in: details.expires_in(),
    });
    let cancel = http.cancel().clone();
    if cancel.is_cancelled() {
        return Err(Error::Cancelled);
    }
    // Sleeps in short steps so a cancel is seen at once.
    let sleep = |d: Duration| {
        let until = Instant::now() + d;
        while Instant::now() < until && !cancel.is_cancelled() {
            std::thread::sleep(Duration::from_millis(50).min(until - Instant::now()));
        }
    };
    // The crate's polling loop retries failed requests until the code
    // expires; a cancel makes its clock jump past the expiry so it stops at
    // once, and the outcome is then reported as cancelled.
    let clock_cancel = http.cancel().clone();
    let clock = move || {
        let now = chrono::Utc::now();
        if clock_cancel.is_cancelled() {
            chrono::DateTime::<chrono::Utc>::MAX_UTC
        } else {
            now
        }
    };
    let answer = client
        .exchange_device_access_token(&details)
        .set_time_fn(clock)
        .request(http, sleep, None);
    if cancel.is_cancelled() {
        return Err(Error::Cancelled);
    }
    let answer = answer.map_err(|e| {
        tokens::request_error(e, |r| {
            let detail = tokens::describe(r.error().as_ref(), r.error_description());
            match r.error() {
                DeviceCodeErrorResponseType::AccessDenied => Error::Refused { detail },
                DeviceCodeErrorResponseType::ExpiredToken => Error::CodeExpired,
                _ => Error::Refused { detail },
            }
        })
    })?;
    Ok(tokens::first_tokens(&answer))
}

//! The crate's one HTTP client: synchronous, on native-tls (like POP3), with
//! limits on every answer. It speaks to OAuth 2.0 endpoints only (RFC 6749
//! §3.2 token endpoint, RFC 8628 §3.1 device endpoint), so:
//! - every answer is hostile input: at most [`MAX_BODY`] bytes of body and
//!   [`MAX_HEADERS`] of headers, and the whole exchange within
//!   [`TIMEOUT`];
//! - no redirect is followed (RFC 6749 does not use redirects for POSTs to
//!   the token endpoint, and following one could send a code or a refresh
//!   token to another host or over plain `http://`): a 3xx answer is an
//!   error in words;
//! - a raised [`Cancel`] stops the next request before it is sent.
//!
//! It plugs into the `oauth2` crate as its [`oauth2::SyncHttpClient`].
//!
//! [`HttpClient::get`] fetches a document for settings discovery (the
//! autoconfig file, `crate::discovery`): `https://` only (`http://` only on
//! loopback, for tests, as [`super::provider::check_endpoint`] allows), a
//! body limit and a time limit per call, and redirects followed by hand, at
//! most [`MAX_REDIRECTS`], each checked: never down to `http://`, and only to
//! hosts the caller's rule accepts (RFC 9110 §15.4 leaves that to the client).

use std::time::Duration;

use ureq::tls::{RootCerts, TlsConfig, TlsProvider};

use crate::worker::Cancel;

/// Largest answer body read from an endpoint: token answers are a few
/// hundred bytes; 256 KiB leaves room and stops a flood.
pub const MAX_BODY: u64 = 256 * 1024;
/// Largest header block read.
pub const MAX_HEADERS: usize = 32 * 1024;
/// Longest one request may take, connection and answer included.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Most redirects [`HttpClient::get`] follows.
pub const MAX_REDIRECTS: usize = 5;

/// Why one HTTP exchange failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// The sign-in was cancelled before this request.
    #[error("{}", crate::t!("error-http-cancelled"))]
    Cancelled,
    /// The endpoint answered with a redirect, which is never followed.
    #[error("{}", crate::t!("error-http-redirect", status = status.to_string()))]
    Redirect {
        /// The HTTP status.
        status: u16,
    },
    /// The connection, TLS, timeout or size limit failed.
    #[error("{0}")]
    Transport(String),
    /// The answer was larger than the caller's limit.
    #[error("{}", crate::t!("error-http-too-large", limit = limit.to_string()))]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// The server answered with a status other than 200.
    #[error("{}", crate::t!("error-http-status", status = status.to_string()))]
    Status {
        /// The HTTP status.
        status: u16,
    },
    /// An address (asked for, or a redirect's target) is refused.
    #[error("{}", crate::t!("error-http-refused-url", url = url, reason = reason.to_string()))]
    Refused {
        /// The address.
        url: String,
        /// Why.
        reason: String,
    },
}

/// Limits of one [`HttpClient::get`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GetLimits {
    /// Largest body accepted, in bytes.
    pub max_body: u64,
    /// Longest the whole call may take, redirects included.
    pub timeout: Duration,
}

/// The synchronous HTTP client of [`crate::oauth`].
#[derive(Clone)]
pub struct HttpClient {
    agent: ureq::Agent,
    cancel: Cancel,
}

impl std::fmt::Debug for HttpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HttpClient")
    }
}

impl HttpClient {
    /// A client whose requests stop once `cancel` is raised.
    pub fn new(cancel: Cancel) -> Self {
        let tls = TlsConfig::builder()
            .provider(TlsProvider::NativeTls)
            .root_certs(RootCerts::PlatformVerifier)
            .build();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_global(Some(TIMEOUT))
            .max_response_header_size(MAX_HEADERS)
            .tls_config(tls)
            .user_agent(concat!("popmail/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        HttpClient { agent, cancel }
    }

    /// The cancel flag this client checks.
    pub fn cancel(&self) -> &Cancel {
        &self.cancel
    }

    /// GETs `url` within `limits`, following at most [`MAX_REDIRECTS`]
    /// redirects. Every address must be `https://` (or `http://` on
    /// loopback), and a redirect's target must also pass `may_follow`, which
    /// says why not in words. Only a 200 answer's body is returned.
    pub fn get(
        &self,
        url: &str,
        limits: GetLimits,
        may_follow: &dyn Fn(&url::Url) -> Result<(), String>,
    ) -> Result<Vec<u8>, HttpError> {
        let started = std::time::Instant::now();
        let mut current = checked_url(url)?;
        for _ in 0..=MAX_REDIRECTS {
            if self.cancel.is_cancelled() {
                return Err(HttpError::Cancelled);
            }
            let left = limits
                .timeout
                .checked_sub(started.elapsed())
                .filter(|d| !d.is_zero())
                .ok_or_else(|| {
                    HttpError::Transport(crate::t!(
                        "oauth-http-timeout",
                        seconds = limits.timeout.as_secs()
                    ))
                })?;
            let response = self
                .agent
                .get(current.as_str())
                .config()
                .timeout_global(Some(left))
                .build()
                .call()
                .map_err(|e| HttpError::Transport(e.to_string()))?;
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .ok_or(HttpError::Redirect {
                        status: status.as_u16(),
                    })?;
                let next = current.join(location).map_err(|e| HttpError::Refused {
                    url: location.to_string(),
                    reason: crate::t!("oauth-http-bad-location", error = e.to_string()),
                })?;
                let next = checked_url(next.as_str())?;
                may_follow(&next).map_err(|reason| HttpError::Refused {
                    url: next.to_string(),
                    reason,
                })?;
                current = next;
                continue;
            }
            if status.as_u16() != 200 {
                return Err(HttpError::Status {
                    status: status.as_u16(),
                });
            }
            let bytes = response
                .into_body()
                .into_with_config()
                .limit(limits.max_body)
                .read_to_vec()
                .map_err(|e| match e {
                    ureq::Error::BodyExceedsLimit(_) => HttpError::TooLarge {
                        limit: limits.max_body,
                    },
                    other => HttpError::Transport(other.to_string()),
                })?;
            if self.cancel.is_cancelled() {
                return Err(HttpError::Cancelled);
            }
            return Ok(bytes);
        }
        Err(HttpError::Transport(crate::t!(
            "oauth-http-redirects",
            count = MAX_REDIRECTS
        )))
    }
}

/// Parses `url` and checks it may be fetched: `https://`, or `http://` on
/// loopback; no user name or password in it.
fn checked_url(url: &str) -> Result<url::Url, HttpError> {
    super::provider::check_endpoint(super::Part::Document, url).map_err(|e| HttpError::Refused {
        url: url.to_string(),
        reason: match e {
            super::Error::NotHttps { .. } => {
                crate::t!("oauth-http-not-https")
            }
            other => other.to_string(),
        },
    })
}

impl oauth2::SyncHttpClient for HttpClient {
    type Error = HttpError;

    fn call(&self, request: oauth2::HttpRequest) -> Result<oauth2::HttpResponse, HttpError> {
        if self.cancel.is_cancelled() {
            return Err(HttpError::Cancelled);
        }
        let response = self
            .agent
            .run(request)
            .map_err(|e| HttpError::Transport(e.to_string()))?;
        let status = response.status();
        if status.is_redirection() {
            return Err(HttpError::Redirect {
                status: status.as_u16(),
            });
        }
        let (parts, body) = response.into_parts();
        let bytes = body
            .into_with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(|e| HttpError::Transport(e.to_string()))?;
        if self.cancel.is_cancelled() {
            return Err(HttpError::Cancelled);
        }
        Ok(oauth2::HttpResponse::from_parts(parts, bytes))
    }
}

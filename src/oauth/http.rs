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

/// Why one HTTP exchange failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    /// The sign-in was cancelled before this request.
    #[error("cancelled")]
    Cancelled,
    /// The endpoint answered with a redirect, which is never followed.
    #[error("the server answered with a redirect (HTTP {status}), which popmail does not follow")]
    Redirect {
        /// The HTTP status.
        status: u16,
    },
    /// The connection, TLS, timeout or size limit failed.
    #[error("{0}")]
    Transport(String),
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

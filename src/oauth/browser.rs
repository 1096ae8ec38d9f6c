//! The authorization code grant with PKCE (RFC 6749 §4.1, RFC 7636 S256) in
//! the system browser, answered on a loopback redirect (RFC 8252 §7.3):
//! popmail listens on `127.0.0.1` on a free port, opens the authorization
//! URL in the browser, waits for the one request that carries the `code`
//! and the matching `state` (RFC 6749 §10.12), shows "You can close this
//! tab", and exchanges the code with the PKCE verifier.
//!
//! The browser sits behind [`Browser`] so tests can play it by following
//! the URL. The wait ends on the answer, on [`Cancel`], or after
//! [`WAIT`]. Requests on the loopback are hostile input: at most
//! [`MAX_REQUEST`] bytes, read within a few seconds.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::time::{Duration, Instant};

use oauth2::{AuthorizationCode, CsrfToken, PkceCodeChallenge, RedirectUrl, Scope};

use super::http::HttpClient;
use super::tokens::{self, Tokens};
use super::{Endpoints, Error};
use crate::worker::Cancel;

/// How long popmail waits for the browser's answer.
pub const WAIT: Duration = Duration::from_secs(10 * 60);
/// Largest request read on the loopback (the request line and headers).
pub const MAX_REQUEST: usize = 16 * 1024;
const POLL: Duration = Duration::from_millis(50);
const READ_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens a URL for the person to sign in.
pub trait Browser {
    /// Shows `url` to the person (opens it in their browser).
    fn open(&self, url: &str) -> Result<(), String>;
}

/// The system's web browser (the `webbrowser` crate).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemBrowser;

impl Browser for SystemBrowser {
    fn open(&self, url: &str) -> Result<(), String> {
        webbrowser::open(url).map_err(|e| e.to_string())
    }
}

/// What the sign-in tells its caller while it waits.
pub trait Progress {
    /// The authorization URL, also shown to the person in case the browser
    /// did not open (`opened` says whether it did).
    fn waiting_for_browser(&mut self, url: &str, opened: bool);
}

impl<F: FnMut(&str, bool)> Progress for F {
    fn waiting_for_browser(&mut self, url: &str, opened: bool) {
        self(url, opened)
    }
}

/// Signs in through the browser and returns the tokens.
pub fn sign_in(
    endpoints: &Endpoints,
    browser: &dyn Browser,
    progress: &mut dyn Progress,
    http: &HttpClient,
) -> Result<Tokens, Error> {
    sign_in_within(endpoints, browser, progress, http, WAIT)
}

/// [`sign_in`] with a chosen wait (tests).
pub fn sign_in_within(
    endpoints: &Endpoints,
    browser: &dyn Browser,
    progress: &mut dyn Progress,
    http: &HttpClient,
    wait: Duration,
) -> Result<Tokens, Error> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).map_err(loopback_error)?;
    let port = listener.local_addr().map_err(loopback_error)?.port();
    let redirect = format!("http://127.0.0.1:{port}/");
    let redirect = RedirectUrl::new(redirect).map_err(|e| Error::BadAnswer {
        detail: e.to_string(),
    })?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let client = tokens::client(endpoints).set_redirect_uri(redirect);
    let (url, state) = client
        .authorize_url(CsrfToken::new_random)
        .map_err(|e| Error::BadAnswer {
            detail: e.to_string(),
        })?
        .add_scopes(
            endpoints
                .scope
                .split_whitespace()
                .map(|s| Scope::new(s.to_string())),
        )
        .set_pkce_challenge(challenge)
        .url();
    let opened = browser.open(url.as_str()).is_ok();
    progress.waiting_for_browser(url.as_str(), opened);
    let code = wait_for_code(&listener, state.secret(), http.cancel(), wait)?;
    let answer = client
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(verifier)
        .request(http)
        .map_err(|e| tokens::request_error(e, tokens::code_error))?;
    Ok(tokens::first_tokens(&answer))
}

fn loopback_error(e: std::io::Error) -> Error {
    Error::Loopback {
        detail: e.to_string(),
    }
}

/// Accepts requests on `listener` until one carries the answer for `state`.
fn wait_for_code(
    listener: &TcpListener,
    state: &str,
    cancel: &Cancel,
    wait: Duration,
) -> Result<String, Error> {
    listener.set_nonblocking(true).map_err(loopback_error)?;
    let deadline = Instant::now() + wait;
    loop {
        if cancel.is_cancelled() {
            return Err(Error::Cancelled);
        }
        if Instant::now() >= deadline {
            return Err(Error::TimedOut {
                minutes: wait.as_secs().div_ceil(60),
            });
        }
        match listener.accept() {
            Ok((stream, _)) => {
                if let Some(answer) = answer_one(stream, state) {
                    return answer;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => std::thread::sleep(POLL),
            Err(e) => return Err(loopback_error(e)),
        }
    }
}

/// Reads one request and answers it. `None` when it was not the redirect
/// (another path, a wrong `state`, garbage): the wait goes on.
fn answer_one(mut stream: TcpStream, state: &str) -> Option<Result<String, Error>> {
    // A stream that cannot be set up is one failed request; keep waiting.
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(READ_TIMEOUT)).ok()?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < MAX_REQUEST {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(chunk.get(..n).unwrap_or_default()),
        }
    }
    let head = String::from_utf8_lossy(&buf);
    let target = head
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("GET "))
        .and_then(|l| l.split(' ').next())
        .unwrap_or("");
    let parsed = url::Url::parse("http://127.0.0.1").ok()?.join(target).ok();
    let pairs: Vec<(String, String)> = parsed
        .filter(|u| u.path() == "/")
        .map(|u| u.query_pairs().into_owned().collect())
        .unwrap_or_default();
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    if get("state").as_deref() != Some(state) {
        respond(&mut stream, NOT_FOUND, &crate::t!("oauth-page-not-ours"));
        return None;
    }
    if let Some(code) = get("code") {
        respond(&mut stream, OK, &crate::t!("oauth-page-signed-in"));
        return Some(Ok(code));
    }
    let error = get("error").unwrap_or_else(|| "no code".to_string()); // not translated: stands for the provider's error code
    respond(&mut stream, OK, &crate::t!("oauth-page-failed"));
    Some(Err(Error::Refused {
        detail: tokens::describe(&error, get("error_description").as_ref()),
    }))
}

/// HTTP status lines (RFC 9110 §15).
const OK: &str = "200 OK"; // not translated: HTTP
const NOT_FOUND: &str = "404 Not Found"; // not translated: HTTP

/// A page of one sentence, in the language the sentence is in.
fn respond(stream: &mut TcpStream, status: &str, text: &str) {
    let lang = crate::i18n::current().code();
    let head = format!("<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">"); // not translated: HTML
    let body = format!("{head}<title>popmail</title></head><body><p>{text}</p></body></html>");
    let reply = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", // not translated: HTTP
        body.len()
    );
    // The sign-in outcome does not depend on the browser reading the page.
    let _ = stream.write_all(reply.as_bytes()); // the browser may have gone
}

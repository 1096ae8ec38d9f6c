//! A mock OAuth 2.0 identity provider on 127.0.0.1 for the sign-in tests.
//!
//! Endpoints (HTTP/1.1, one request per connection):
//! - `GET /authorize` (RFC 6749 §4.1.1, RFC 7636 S256 only): redirects to
//!   the loopback `redirect_uri` with a `code` and the `state`;
//! - `POST /token` (RFC 6749 §4.1.3, §6; RFC 8628 §3.4): checks the PKCE
//!   verifier and the redirect URI of a code, issues access tokens with an
//!   injectable lifetime, and rotates refresh tokens (the old one dies);
//! - `POST /device` (RFC 8628 §3.1): a device code, approved by the test
//!   ([`Idp::approve`]) playing the person;
//! - `POST /introspect` (RFC 7662), which Dovecot's oauth2 passdb asks:
//!   `active` and `username`.
//!
//! The test injects expiry ([`Idp::expire_access_tokens`]) and revocation
//! ([`Idp::revoke_refresh_tokens`]), and plays the browser with
//! [`TestBrowser`], which follows the authorization URL and its redirect.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

pub const CLIENT_ID: &str = "popmail-test-client";

struct CodeGrant {
    challenge: String,
    redirect_uri: String,
    user: String,
}

struct Access {
    user: String,
    expires: Instant,
}

#[derive(Default)]
struct State {
    /// Who signs in at the authorize and device endpoints.
    user: String,
    access_ttl: Duration,
    codes: HashMap<String, CodeGrant>,
    access: HashMap<String, Access>,
    refresh: HashMap<String, String>,
    /// device_code → (user_code, approved by).
    devices: HashMap<String, (String, Option<String>)>,
    counter: u64,
    refreshes: u64,
    introspections: u64,
    refused_introspections: u64,
    token_requests: Vec<String>,
}

impl State {
    fn next(&mut self, kind: &str) -> String {
        self.counter += 1;
        format!("{kind}-{}-{:016x}", self.counter, rand_u64())
    }

    fn issue(&mut self, user: &str) -> serde_json::Value {
        let access = self.next("at");
        let refresh = self.next("rt");
        self.access.insert(
            access.clone(),
            Access {
                user: user.to_string(),
                expires: Instant::now() + self.access_ttl,
            },
        );
        self.refresh.insert(refresh.clone(), user.to_string());
        serde_json::json!({
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": self.access_ttl.as_secs(),
            "refresh_token": refresh,
        })
    }
}

fn rand_u64() -> u64 {
    let mut b = [0u8; 8];
    getrandom::fill(&mut b).unwrap();
    u64::from_le_bytes(b)
}

pub struct Idp {
    port: u16,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Idp {
    /// Starts the provider; `user` is who signs in.
    pub fn start(user: &str) -> Idp {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let state = Arc::new(Mutex::new(State {
            user: user.to_string(),
            access_ttl: Duration::from_secs(3600),
            ..Default::default()
        }));
        let stop = Arc::new(AtomicBool::new(false));
        let (s, st) = (Arc::clone(&state), Arc::clone(&stop));
        let thread = std::thread::Builder::new()
            .name("mock-idp".into())
            .spawn(move || {
                while !st.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let s = Arc::clone(&s);
                            std::thread::Builder::new()
                                .name("mock-idp-conn".into())
                                .spawn(move || serve(stream, &s))
                                .unwrap();
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(10)),
                    }
                }
            })
            .unwrap();
        Idp {
            port,
            state,
            stop,
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The account settings of a custom provider at this IdP.
    pub fn settings(&self, device: bool) -> popmail::account::OAuthSettings {
        popmail::account::OAuthSettings {
            provider: popmail::account::OAuthProvider::Custom,
            client_id: Some(CLIENT_ID.into()),
            authorize_url: Some(self.url("/authorize")),
            token_url: Some(self.url("/token")),
            device_url: device.then(|| self.url("/device")),
            scope: Some("pop offline_access".into()),
            ..Default::default()
        }
    }

    pub fn endpoints(&self, device: bool) -> popmail::oauth::Endpoints {
        popmail::oauth::resolve(&self.settings(device), &|_| None).unwrap()
    }

    /// Changes who signs in next.
    pub fn set_user(&self, user: &str) {
        self.state.lock().unwrap().user = user.to_string();
    }

    /// Lifetime of access tokens issued from now on.
    pub fn set_access_ttl(&self, ttl: Duration) {
        self.state.lock().unwrap().access_ttl = ttl;
    }

    /// Makes every access token issued so far invalid (expired).
    pub fn expire_access_tokens(&self) {
        let mut s = self.state.lock().unwrap();
        for a in s.access.values_mut() {
            a.expires = Instant::now();
        }
    }

    /// Revokes the refresh tokens of `user`.
    pub fn revoke_refresh_tokens(&self, user: &str) {
        self.state.lock().unwrap().refresh.retain(|_, u| u != user);
    }

    /// Plays the person approving `user_code` (RFC 8628 §3.3).
    pub fn approve(&self, user_code: &str) -> bool {
        let mut s = self.state.lock().unwrap();
        let user = s.user.clone();
        let mut found = false;
        for (code, approved) in s.devices.values_mut() {
            if code == user_code {
                *approved = Some(user.clone());
                found = true;
            }
        }
        found
    }

    /// How many refresh grants succeeded.
    pub fn refreshes(&self) -> u64 {
        self.state.lock().unwrap().refreshes
    }

    /// (introspections answered, of which refused).
    pub fn introspections(&self) -> (u64, u64) {
        let s = self.state.lock().unwrap();
        (s.introspections, s.refused_introspections)
    }

    /// The grant types asked of the token endpoint, in order.
    pub fn token_requests(&self) -> Vec<String> {
        self.state.lock().unwrap().token_requests.clone()
    }

    /// Every access and refresh token it issued (to check they leak
    /// nowhere).
    pub fn issued_tokens(&self) -> Vec<String> {
        let s = self.state.lock().unwrap();
        s.access.keys().chain(s.refresh.keys()).cloned().collect()
    }
}

impl Drop for Idp {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

struct Request {
    method: String,
    path: String,
    query: HashMap<String, String>,
    form: HashMap<String, String>,
    close: bool,
}

fn pairs(s: &str) -> HashMap<String, String> {
    url::form_urlencoded::parse(s.as_bytes())
        .into_owned()
        .collect()
}

/// Reads the next request on a persistent connection; `buf` keeps bytes
/// read past it (Dovecot's HTTP client reuses and pipelines connections).
fn read_request(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<Request> {
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 || buf.len() > 64 * 1024 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let mut lines = head.lines();
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let target = first.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let length = header("content-length")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(0);
    let close = header("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[head_end..head_end + length]).to_string();
    buf.drain(..head_end + length);
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    Some(Request {
        method,
        path: path.to_string(),
        query: pairs(query),
        form: pairs(&body),
        close,
    })
}

fn reply(stream: &mut TcpStream, status: &str, extra: &str, body: &str) {
    let r = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\n{extra}\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(r.as_bytes());
}

fn json(stream: &mut TcpStream, status: &str, v: serde_json::Value) {
    reply(
        stream,
        status,
        "Content-Type: application/json\r\nCache-Control: no-store\r\n",
        &v.to_string(),
    );
}

fn oauth_error(stream: &mut TcpStream, error: &str, description: &str) {
    json(
        stream,
        "400 Bad Request",
        serde_json::json!({"error": error, "error_description": description}),
    );
}

/// Serves requests on one connection until the client closes it or asks
/// to.
fn serve(mut stream: TcpStream, state: &Mutex<State>) {
    if stream.set_nonblocking(false).is_err()
        || stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .is_err()
    {
        return;
    }
    let mut buf = Vec::new();
    while let Some(req) = read_request(&mut stream, &mut buf) {
        serve_one(&mut stream, &req, state);
        if req.close {
            break;
        }
    }
}

fn serve_one(stream: &mut TcpStream, req: &Request, state: &Mutex<State>) {
    let mut s = state.lock().unwrap();
    match (req.method.as_str(), req.path.as_str()) {
        ("GET", "/authorize") => {
            let q = &req.query;
            let get = |k: &str| q.get(k).cloned().unwrap_or_default();
            if get("response_type") != "code"
                || get("client_id") != CLIENT_ID
                || get("code_challenge_method") != "S256"
                || get("code_challenge").is_empty()
            {
                reply(stream, "400 Bad Request", "", "bad authorization request");
                return;
            }
            let code = s.next("code");
            let user = s.user.clone();
            s.codes.insert(
                code.clone(),
                CodeGrant {
                    challenge: get("code_challenge"),
                    redirect_uri: get("redirect_uri"),
                    user,
                },
            );
            let mut to = url::Url::parse(&get("redirect_uri")).unwrap();
            to.query_pairs_mut()
                .append_pair("code", &code)
                .append_pair("state", &get("state"));
            reply(stream, "302 Found", &format!("Location: {to}\r\n"), "");
        }
        ("POST", "/device") => {
            if req.form.get("client_id").map(String::as_str) != Some(CLIENT_ID) {
                return oauth_error(stream, "invalid_client", "unknown client");
            }
            let device = s.next("dc");
            s.counter += 1;
            let user_code = format!("WDJB-{:04}", s.counter % 10000);
            s.devices.insert(device.clone(), (user_code.clone(), None));
            let port = stream.local_addr().unwrap().port();
            json(
                stream,
                "200 OK",
                serde_json::json!({
                    "device_code": device,
                    "user_code": user_code,
                    "verification_uri": format!("http://127.0.0.1:{port}/activate"),
                    "expires_in": 300,
                    "interval": 1,
                }),
            );
        }
        ("POST", "/token") => {
            let f = &req.form;
            let get = |k: &str| f.get(k).cloned().unwrap_or_default();
            let grant = get("grant_type");
            s.token_requests.push(grant.clone());
            if get("client_id") != CLIENT_ID {
                return oauth_error(stream, "invalid_client", "unknown client");
            }
            match grant.as_str() {
                "authorization_code" => {
                    let Some(g) = s.codes.remove(&get("code")) else {
                        return oauth_error(stream, "invalid_grant", "unknown code");
                    };
                    let hashed = URL_SAFE_NO_PAD.encode(Sha256::digest(get("code_verifier")));
                    if hashed != g.challenge {
                        return oauth_error(stream, "invalid_grant", "PKCE verifier mismatch");
                    }
                    if get("redirect_uri") != g.redirect_uri {
                        return oauth_error(stream, "invalid_grant", "redirect_uri mismatch");
                    }
                    let body = s.issue(&g.user);
                    json(stream, "200 OK", body);
                }
                "refresh_token" => {
                    // Rotation: the old refresh token dies with its use.
                    let Some(user) = s.refresh.remove(&get("refresh_token")) else {
                        return oauth_error(
                            stream,
                            "invalid_grant",
                            "refresh token revoked or unknown",
                        );
                    };
                    s.refreshes += 1;
                    let body = s.issue(&user);
                    json(stream, "200 OK", body);
                }
                "urn:ietf:params:oauth:grant-type:device_code" => {
                    let code = get("device_code");
                    match s.devices.get(&code).cloned() {
                        None => oauth_error(stream, "expired_token", "unknown device code"),
                        Some((_, None)) => oauth_error(stream, "authorization_pending", "waiting"),
                        Some((_, Some(user))) => {
                            s.devices.remove(&code);
                            let body = s.issue(&user);
                            json(stream, "200 OK", body);
                        }
                    }
                }
                _ => oauth_error(stream, "unsupported_grant_type", &grant),
            }
        }
        ("POST", "/introspect") | ("GET", "/introspect") => {
            let token = req
                .form
                .get("token")
                .or_else(|| req.query.get("token"))
                .cloned()
                .unwrap_or_default();
            s.introspections += 1;
            let live = s
                .access
                .get(&token)
                .filter(|a| a.expires > Instant::now())
                .map(|a| a.user.clone());
            let body = match live {
                Some(user) => serde_json::json!({"active": true, "username": user}),
                None => {
                    s.refused_introspections += 1;
                    serde_json::json!({"active": false})
                }
            };
            json(stream, "200 OK", body);
        }
        _ => reply(stream, "404 Not Found", "", "not found"),
    }
}

/// A minimal HTTP GET over std (the test's browser): status, Location,
/// body.
pub fn http_get(url: &str) -> Result<(u16, Option<String>, String), String> {
    let u = url::Url::parse(url).map_err(|e| e.to_string())?;
    let addr = format!(
        "{}:{}",
        u.host_str().ok_or("no host")?,
        u.port_or_known_default().ok_or("no port")?
    );
    let mut s = TcpStream::connect(&addr).map_err(|e| format!("{addr}: {e}"))?;
    s.set_read_timeout(Some(Duration::from_secs(20)))
        .map_err(|e| e.to_string())?;
    let target = match u.query() {
        Some(q) => format!("{}?{q}", u.path()),
        None => u.path().to_string(),
    };
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut out = String::new();
    s.read_to_string(&mut out).map_err(|e| e.to_string())?;
    let (head, body) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("bad answer: {head}"))?;
    let location = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.eq_ignore_ascii_case("location"))
        .map(|(_, v)| v.trim().to_string());
    Ok((status, location, body.to_string()))
}

/// Plays the browser: follows the authorization URL (optionally changed
/// first by `tamper`) and its redirect to popmail's loopback, on a thread,
/// and keeps the page the loopback showed.
#[derive(Clone, Default)]
pub struct TestBrowser {
    pub landing: Arc<Mutex<Option<Result<String, String>>>>,
    pub opened: Arc<Mutex<Vec<String>>>,
    pub tamper: Option<fn(String) -> String>,
}

impl popmail::oauth::Browser for TestBrowser {
    fn open(&self, url: &str) -> Result<(), String> {
        self.opened.lock().unwrap().push(url.to_string());
        let url = match self.tamper {
            Some(f) => f(url.to_string()),
            None => url.to_string(),
        };
        let landing = Arc::clone(&self.landing);
        std::thread::Builder::new()
            .name("test-browser".into())
            .spawn(move || {
                let got = (|| {
                    let (status, location, body) = http_get(&url)?;
                    let to = location.ok_or(format!("no redirect ({status}): {body}"))?;
                    let (_, _, page) = http_get(&to)?;
                    Ok(page)
                })();
                *landing.lock().unwrap() = Some(got);
            })
            .unwrap();
        Ok(())
    }
}

/// Waits up to 20 s for `f` to give `Some`.
pub fn wait_for<T>(mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(Instant::now() < deadline, "timed out waiting");
        std::thread::sleep(Duration::from_millis(20));
    }
}

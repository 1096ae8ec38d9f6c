//! The OAuth 2.0 flows of `popmail::oauth` against the mock identity
//! provider (`support::idp`) and a real Dovecot 2.3 with an oauth2 passdb
//! asking the mock's introspection endpoint (RFC 7662): the browser flow
//! with PKCE and a loopback redirect (RFC 7636, RFC 8252), the device grant
//! (RFC 8628) and its cancel, refresh with rotation, a revoked refresh token,
//! a tampered PKCE challenge refused, and Dovecot taking the token through
//! XOAUTH2 (both forms) and OAUTHBEARER and refusing a dead one in words.

use std::time::{Duration, SystemTime};

use popmail::oauth::{self, Error, HttpClient, Tokens};
use popmail::pop3::{AuthMethod, Client, Config, OAuthMechanism, ProtocolLog};
use popmail::secret::Secret;
use popmail::worker::Cancel;

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::idp::{Idp, TestBrowser, wait_for};

const USER: &str = "alice";

fn spawn<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> std::thread::JoinHandle<T> {
    std::thread::Builder::new()
        .name("oauth-test".into())
        .spawn(f)
        .unwrap()
}

fn browser_sign_in(idp: &Idp, browser: &TestBrowser) -> Result<Tokens, Error> {
    let mut shown = Vec::new();
    let got = oauth::browser::sign_in_within(
        &idp.endpoints(false),
        browser,
        &mut |url: &str, opened: bool| shown.push((url.to_string(), opened)),
        &HttpClient::new(Cancel::new()),
        Duration::from_secs(20),
    );
    assert_eq!(shown.len(), 1, "the URL is shown once: {shown:?}");
    assert!(shown[0].1, "the test browser opened");
    got
}

#[test]
fn oauth_browser_flow_with_pkce_and_loopback() {
    let idp = Idp::start(USER);
    let browser = TestBrowser::default();
    let tokens = browser_sign_in(&idp, &browser).unwrap();
    assert!(tokens.access.expose().starts_with("at-"));
    assert!(tokens.refresh.as_ref().unwrap().expose().starts_with("rt-"));
    assert!(!tokens.needs_refresh(SystemTime::now()));
    let url = browser.opened.lock().unwrap()[0].clone();
    for part in [
        "code_challenge_method=S256",
        "redirect_uri=http%3A%2F%2F127.0.0.1%3A",
        "scope=pop+offline_access",
        "state=",
    ] {
        assert!(url.contains(part), "{part} in {url}");
    }
    let page = wait_for(|| browser.landing.lock().unwrap().clone()).unwrap();
    assert!(page.contains("You can close this tab"), "{page}");
    assert!(format!("{tokens:?}").contains("***"));
    assert!(!format!("{tokens:?}").contains(tokens.access.expose()));
}

#[test]
fn oauth_wrong_pkce_verifier_is_refused() {
    let idp = Idp::start(USER);
    // Someone swaps the challenge on the way to the provider: popmail's
    // verifier no longer matches, and the provider refuses the code.
    let browser = TestBrowser {
        tamper: Some(|url| {
            let mut u = url::Url::parse(&url).unwrap();
            let pairs: Vec<(String, String)> = u
                .query_pairs()
                .into_owned()
                .map(|(k, v)| {
                    if k == "code_challenge" {
                        (k, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".to_string())
                    } else {
                        (k, v)
                    }
                })
                .collect();
            u.query_pairs_mut().clear().extend_pairs(pairs);
            u.to_string()
        }),
        ..Default::default()
    };
    let err = browser_sign_in(&idp, &browser).unwrap_err();
    assert!(
        matches!(&err, Error::Refused { detail } if detail.contains("PKCE")),
        "{err:?}"
    );
    assert!(
        err.to_string().starts_with("the sign-in was refused"),
        "{err}"
    );
}

#[test]
fn oauth_browser_flow_cancel_and_stray_requests() {
    let idp = Idp::start(USER);
    struct Nobody;
    impl oauth::Browser for Nobody {
        fn open(&self, url: &str) -> Result<(), String> {
            // A stray request and one with a wrong state do not end the
            // wait; they are answered 404.
            let redirect = url::Url::parse(url)
                .unwrap()
                .query_pairs()
                .find(|(k, _)| k == "redirect_uri")
                .unwrap()
                .1
                .to_string();
            let r = redirect.clone();
            spawn(move || {
                let (s1, _, _) = crate::support::idp::http_get(&format!("{r}favicon.ico")).unwrap();
                let (s2, _, _) =
                    crate::support::idp::http_get(&format!("{r}?code=x&state=forged")).unwrap();
                assert_eq!((s1, s2), (404, 404));
            });
            Err("no browser here".into())
        }
    }
    let cancel = Cancel::new();
    let c = cancel.clone();
    let mut opened = None;
    let t = spawn(move || {
        std::thread::sleep(Duration::from_millis(800));
        c.cancel();
    });
    let err = oauth::browser::sign_in_within(
        &idp.endpoints(false),
        &Nobody,
        &mut |_: &str, o: bool| opened = Some(o),
        &HttpClient::new(cancel),
        Duration::from_secs(20),
    )
    .unwrap_err();
    t.join().unwrap();
    assert_eq!(err, Error::Cancelled);
    assert_eq!(opened, Some(false), "the caller is told to show the URL");
    assert_eq!(idp.token_requests(), Vec::<String>::new());
}

#[test]
fn oauth_device_flow_then_refresh_rotates_then_revoked() {
    let idp = Idp::start(USER);
    let http = HttpClient::new(Cancel::new());
    let endpoints = idp.endpoints(true);
    let mut shown = Vec::new();
    let tokens = oauth::device::sign_in(
        &endpoints,
        "custom",
        &mut |code| {
            shown.push(code.clone());
            assert!(idp.approve(&code.user_code));
        },
        &http,
    )
    .unwrap();
    assert_eq!(shown.len(), 1);
    assert!(shown[0].verification_uri.ends_with("/activate"));
    assert!(tokens.access.expose().starts_with("at-"));
    let first_refresh = tokens.refresh.clone().unwrap();
    let again = oauth::refresh(&endpoints, &first_refresh, &http).unwrap();
    assert_ne!(again.access, tokens.access);
    assert_ne!(again.refresh.as_ref().unwrap(), &first_refresh, "rotated");
    // The old refresh token died with its use.
    let err = oauth::refresh(&endpoints, &first_refresh, &http).unwrap_err();
    assert!(matches!(err, Error::SignInAgain { .. }), "{err:?}");
    assert!(err.to_string().contains("sign in again"), "{err}");
    idp.revoke_refresh_tokens(USER);
    let err = oauth::refresh(&endpoints, again.refresh.as_ref().unwrap(), &http).unwrap_err();
    assert!(matches!(err, Error::SignInAgain { .. }), "{err:?}");
    assert_eq!(idp.refreshes(), 1);
}

#[test]
fn oauth_device_flow_cancel_and_not_offered() {
    let idp = Idp::start(USER);
    let cancel = Cancel::new();
    let http = HttpClient::new(cancel.clone());
    let started = std::time::Instant::now();
    let err = oauth::device::sign_in(
        &idp.endpoints(true),
        "custom",
        // Nobody approves; the person cancels instead.
        &mut |_| cancel.cancel(),
        &http,
    )
    .unwrap_err();
    assert_eq!(err, Error::Cancelled);
    assert!(started.elapsed() < Duration::from_secs(5));
    // Cancelled while polling (interval 1 s).
    let cancel = Cancel::new();
    let c = cancel.clone();
    let started = std::time::Instant::now();
    let err = oauth::device::sign_in(
        &idp.endpoints(true),
        "custom",
        &mut |_| {
            let c = c.clone();
            spawn(move || {
                std::thread::sleep(Duration::from_millis(1500));
                c.cancel();
            });
        },
        &HttpClient::new(cancel),
    )
    .unwrap_err();
    assert_eq!(err, Error::Cancelled);
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(1500) && took < Duration::from_secs(5),
        "{took:?}"
    );
    assert!(
        idp.token_requests()
            .iter()
            .any(|g| g.ends_with("device_code")),
        "it polled before the cancel"
    );
    let err = oauth::device::sign_in(
        &idp.endpoints(false),
        "google",
        &mut |_| panic!("no code to show"),
        &HttpClient::new(Cancel::new()),
    )
    .unwrap_err();
    assert_eq!(err, Error::NoDeviceFlow { provider: "google" });
    assert!(err.to_string().contains("sign in with the browser"));
}

#[test]
fn oauth_http_client_refuses_redirects_and_floods() {
    // A token endpoint that redirects (to plain http elsewhere) or answers
    // with an endless body gives an error in words, never a token sent on.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    spawn(move || {
        use std::io::{Read, Write};
        for (i, s) in listener.incoming().enumerate() {
            let mut s = s.unwrap();
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf);
            if i == 0 {
                let _ = s.write_all(
                    b"HTTP/1.1 307 Temporary Redirect\r\nLocation: http://example.org/steal\r\nContent-Length: 0\r\n\r\n",
                );
            } else {
                let _ = s.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n",
                );
                let chunk = vec![b' '; 64 * 1024];
                for _ in 0..100 {
                    if s.write_all(&chunk).is_err() {
                        break;
                    }
                }
            }
        }
    });
    let settings = popmail::account::OAuthSettings {
        client_id: Some("x".into()),
        authorize_url: Some(format!("http://127.0.0.1:{port}/a")),
        token_url: Some(format!("http://127.0.0.1:{port}/t")),
        scope: Some("pop".into()),
        ..Default::default()
    };
    let endpoints = oauth::resolve(&settings, &|_| None).unwrap();
    let http = HttpClient::new(Cancel::new());
    let err = oauth::refresh(&endpoints, &Secret::new("rt"), &http).unwrap_err();
    assert!(
        matches!(&err, Error::Http { detail } if detail.contains("redirect")),
        "{err:?}"
    );
    let err = oauth::refresh(&endpoints, &Secret::new("rt"), &http).unwrap_err();
    assert!(matches!(&err, Error::Http { .. }), "{err:?}");
}

fn oauth_dovecot(idp: &Idp, users: &[&str]) -> Dovecot {
    Dovecot::start(&DovecotOptions {
        users: users
            .iter()
            .map(|u| (u.to_string(), String::new()))
            .collect(),
        oauth2_introspection: Some(idp.url("/introspect")),
        ..DovecotOptions::default()
    })
}

fn token_config(d: &Dovecot, token: &Secret, mechanism: OAuthMechanism, ir: bool) -> Config {
    let mut cfg = Config::new("127.0.0.1", USER, token.clone());
    cfg.port = d.tls_port();
    cfg.ca_file = Some(d.ca_pem_path());
    cfg.auth = AuthMethod::OAuth2;
    cfg.oauth_mechanism = mechanism;
    cfg.oauth_initial_response = ir;
    cfg.read_timeout = Duration::from_secs(10);
    cfg
}

#[test]
fn oauth_dovecot_takes_the_token_and_refuses_a_dead_one() {
    let idp = Idp::start(USER);
    let d = oauth_dovecot(&idp, &[USER]);
    d.add_message(
        USER,
        b"From: a@example.org\r\nSubject: hi\r\n\r\nHello.\r\n",
    );
    let tokens = browser_sign_in(&idp, &TestBrowser::default()).unwrap();
    for (mechanism, ir) in [
        (OAuthMechanism::XOAuth2, true),
        (OAuthMechanism::XOAuth2, false),
        (OAuthMechanism::OAuthBearer, true),
    ] {
        let cfg = token_config(&d, &tokens.access, mechanism, ir);
        let mut log = ProtocolLog::new();
        let mut c = Client::connect_with(&cfg, &mut log, &mut |_| {})
            .unwrap_or_else(|e| panic!("{mechanism:?}/{ir}: {e}\n{}", d.log_text()));
        c.login()
            .unwrap_or_else(|e| panic!("{mechanism:?}/{ir}: {e}\n{}", d.log_text()));
        assert_eq!(c.stat().unwrap().0, 1);
        let (quit, log2) = c.quit_with_log();
        quit.unwrap();
        let shown = format!("{}{}", log.to_text(), log2.to_text());
        assert!(shown.contains("AUTH"), "{shown}");
        assert!(!shown.contains(tokens.access.expose()), "token in the log");
    }
    assert!(idp.introspections().0 >= 3);
    idp.expire_access_tokens();
    for (mechanism, ir) in [
        (OAuthMechanism::XOAuth2, true),
        (OAuthMechanism::XOAuth2, false),
        (OAuthMechanism::OAuthBearer, true),
    ] {
        let mut cfg = token_config(&d, &tokens.access, mechanism, ir);
        cfg.read_timeout = Duration::from_secs(20);
        let mut log = ProtocolLog::new();
        let mut c = Client::connect_with(&cfg, &mut log, &mut |_| {}).unwrap();
        let started = std::time::Instant::now();
        let err = c.login().unwrap_err();
        assert!(
            matches!(err, popmail::pop3::Error::SignInExpired { .. }),
            "{mechanism:?}/{ir}: {err:?}\n{}\n{}",
            c.log().to_text(),
            d.log_text()
        );
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{mechanism:?}/{ir}: no auth penalty"
        );
    }
    assert!(idp.introspections().1 >= 1);
}

//! SASL XOAUTH2 and OAUTHBEARER (RFC 7628) in the login state machine,
//! against `C:` / `S:` transcripts (no transport), and Microsoft's two-step
//! XOAUTH2 (`AUTH XOAUTH2`, empty `+`, then the token) over a real loopback
//! socket through `pop3::Client`.
//!
//! Covers Google's form (the token as the `AUTH` line's initial response),
//! the two-step form, OAUTHBEARER's GS2 header and host/port keys, the
//! rejected-token path (a `+` JSON error challenge answered with `AQ==` or
//! an empty line, then `-ERR` → `Error::SignInExpired` in words), coded
//! refusals staying what they are, OAuth never being chosen automatically
//! nor sent unencrypted, and the protocol log never showing a SASL payload.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use popmail::pop3::{
    Action, AuthMethod, Client, Config, Error, Login, Mechanism, OAuthMechanism, Security,
};
use popmail::secret::Secret;

const TOKEN: &str = "ya29.a0-TOKEN-never-shown";

fn config(mechanism: OAuthMechanism, initial_response: bool) -> Config {
    let mut cfg = Config::new("pop.example.org", "alice@example.org", Secret::new(TOKEN));
    cfg.auth = AuthMethod::OAuth2;
    cfg.oauth_mechanism = mechanism;
    cfg.oauth_initial_response = initial_response;
    cfg
}

fn b64(s: &str) -> String {
    BASE64.encode(s)
}

fn xoauth2() -> String {
    b64(&format!(
        "user=alice@example.org\x01auth=Bearer {TOKEN}\x01\x01"
    ))
}

fn oauthbearer() -> String {
    b64(&format!(
        "n,a=alice@example.org,\x01host=pop.example.org\x01port=995\x01auth=Bearer {TOKEN}\x01\x01"
    ))
}

fn error_challenge() -> String {
    b64(r#"{"status":"invalid_token","schemes":"bearer","scope":"https://mail.google.com/"}"#)
}

/// Replays `transcript` (`C:` lines must match what the machine sends
/// byte for byte, `S:` lines are fed to it) over an encrypted connection
/// and returns the outcome and the log form of every command sent.
fn replay(transcript: &str, cfg: &Config) -> (Result<Mechanism, Error>, Vec<String>) {
    let mut lines = transcript
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (kind, text) = l.split_at(2);
            (
                kind.to_string(),
                text.strip_prefix(' ').unwrap_or(text).to_string(),
            )
        });
    let mut machine = Login::new(cfg, true);
    let mut log = Vec::new();
    let end = loop {
        match machine.next_action() {
            Err(e) => break Err(e),
            Ok(Action::Send(cmd)) => {
                let mut wire = Vec::new();
                cmd.encode(&mut wire);
                let (kind, text) = lines.next().expect("transcript ended; machine sends");
                assert_eq!(kind, "C:", "machine sent {:?}", cmd.redacted());
                assert_eq!(String::from_utf8_lossy(&wire), format!("{text}\r\n"));
                log.push(cmd.redacted());
            }
            Ok(Action::Receive) => {
                let (kind, text) = lines.next().expect("transcript ended; machine reads");
                assert_eq!(
                    kind, "S:",
                    "machine waits for the server, transcript has {text:?}"
                );
                if let Err(e) = machine.receive(text.as_bytes()) {
                    break Err(e);
                }
            }
            Ok(Action::Opened) => {
                if let Err(e) = machine.authenticate() {
                    break Err(e);
                }
            }
            Ok(Action::Done(outcome)) => break Ok(outcome.mechanism),
            Ok(Action::Report(_)) => {}
            Ok(Action::StartTls) => panic!("no STLS in these transcripts"),
            Ok(Action::Reconnect) => panic!("no reconnect in these transcripts"),
        }
    };
    let rest: Vec<_> = lines.collect();
    assert!(rest.is_empty(), "transcript not finished: {rest:?}");
    for l in &log {
        assert!(!l.contains(TOKEN), "token in the log: {l}");
        assert!(!l.contains(&xoauth2()) && !l.contains(&oauthbearer()));
    }
    (end, log)
}

const CAPA: &str = "
    S: +OK ready
    C: CAPA
    S: +OK
    S: USER
    S: SASL PLAIN XOAUTH2 OAUTHBEARER
    S: .
";

#[test]
fn oauth_sasl_xoauth2_google_initial_response() {
    let t = format!("{CAPA} C: AUTH XOAUTH2 {} \n S: +OK welcome", xoauth2());
    let (end, log) = replay(&t, &config(OAuthMechanism::XOAuth2, true));
    assert_eq!(end.unwrap(), Mechanism::XOAuth2);
    assert_eq!(log, ["CAPA", "AUTH XOAUTH2 ***"]);
}

#[test]
fn oauth_sasl_xoauth2_microsoft_two_step() {
    let t = format!(
        "{CAPA} C: AUTH XOAUTH2 \n S: + \n C: {} \n S: +OK User successfully authenticated.",
        xoauth2()
    );
    let (end, log) = replay(&t, &config(OAuthMechanism::XOAuth2, false));
    assert_eq!(end.unwrap(), Mechanism::XOAuth2);
    assert_eq!(log, ["CAPA", "AUTH XOAUTH2", "***"]);
}

#[test]
fn oauth_sasl_oauthbearer_both_forms() {
    let t = format!("{CAPA} C: AUTH OAUTHBEARER {} \n S: +OK", oauthbearer());
    let (end, _) = replay(&t, &config(OAuthMechanism::OAuthBearer, true));
    assert_eq!(end.unwrap(), Mechanism::OAuthBearer);
    let t = format!(
        "{CAPA} C: AUTH OAUTHBEARER \n S: + \n C: {} \n S: +OK",
        oauthbearer()
    );
    let (end, log) = replay(&t, &config(OAuthMechanism::OAuthBearer, false));
    assert_eq!(end.unwrap(), Mechanism::OAuthBearer);
    assert_eq!(log, ["CAPA", "AUTH OAUTHBEARER", "***"]);
}

fn assert_expired(end: Result<Mechanism, Error>, status: &str) {
    match end {
        Err(e @ Error::SignInExpired { .. }) => {
            let Error::SignInExpired { status: s, .. } = &e else {
                unreachable!()
            };
            assert_eq!(s, status);
            let words = e.user_message();
            assert!(
                words.contains("sign-in has expired; sign in again"),
                "{words}"
            );
            assert!(!words.contains(&error_challenge()), "base64 shown: {words}");
            assert!(e.to_string().contains("sign in again"));
        }
        other => panic!("expected SignInExpired, got {other:?}"),
    }
}

#[test]
fn oauth_sasl_oauthbearer_bad_token_answers_aq() {
    // RFC 7628 §3.2.2/§3.2.3: the error challenge is answered with %x01.
    let t = format!(
        "{CAPA} C: AUTH OAUTHBEARER {} \n S: + {} \n C: AQ== \n S: -ERR [AUTH] Authentication failed",
        oauthbearer(),
        error_challenge()
    );
    let (end, log) = replay(&t, &config(OAuthMechanism::OAuthBearer, true));
    assert_expired(end, "invalid_token");
    assert_eq!(log, ["CAPA", "AUTH OAUTHBEARER ***", "***"]);
}

#[test]
fn oauth_sasl_xoauth2_bad_token_answers_empty_line() {
    // Two-step: the empty `+` asks for the token; the JSON one reports an error.
    let t = format!(
        "{CAPA} C: AUTH XOAUTH2 \n S: + \n C: {} \n S: + {} \n C: \n S: -ERR Authentication failed.",
        xoauth2(),
        error_challenge()
    );
    let (end, _) = replay(&t, &config(OAuthMechanism::XOAuth2, false));
    assert_expired(end, "invalid_token");
    // Google's form, and a server that sends no usable JSON.
    let t = format!(
        "{CAPA} C: AUTH XOAUTH2 {} \n S: + bm90IGpzb24= \n C: \n S: -ERR no",
        xoauth2()
    );
    let (end, _) = replay(&t, &config(OAuthMechanism::XOAuth2, true));
    assert_expired(end, "");
}

#[test]
fn oauth_sasl_plain_refusal_and_coded_refusal() {
    // A plain -ERR to the token: the sign-in has expired.
    let t = format!(
        "{CAPA} C: AUTH XOAUTH2 {} \n S: -ERR [AUTH] invalid credentials",
        xoauth2()
    );
    let (end, _) = replay(&t, &config(OAuthMechanism::XOAuth2, true));
    assert_expired(end, "");
    // A temporary server problem is not an expired sign-in.
    let t = format!(
        "{CAPA} C: AUTH XOAUTH2 {} \n S: + {} \n C: \n S: -ERR [SYS/TEMP] try later",
        xoauth2(),
        error_challenge()
    );
    let (end, _) = replay(&t, &config(OAuthMechanism::XOAuth2, true));
    assert!(matches!(end, Err(Error::SysTemp { .. })), "{end:?}");
    // A server that says +OK after refusing the token is broken.
    let t = format!(
        "{CAPA} C: AUTH XOAUTH2 {} \n S: + {} \n C: \n S: +OK",
        xoauth2(),
        error_challenge()
    );
    let (end, _) = replay(&t, &config(OAuthMechanism::XOAuth2, true));
    assert!(matches!(end, Err(Error::Protocol { .. })), "{end:?}");
}

#[test]
fn oauth_sasl_needs_offer_and_encryption() {
    // Not offered: nothing is sent.
    let t = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: SASL PLAIN
        S: .
    ";
    let (end, log) = replay(t, &config(OAuthMechanism::XOAuth2, true));
    assert!(
        matches!(end, Err(Error::MechanismUnavailable { .. })),
        "{end:?}"
    );
    assert_eq!(log, ["CAPA"]);
    // Automatic never picks an OAuth mechanism (it has no token).
    let mut cfg = config(OAuthMechanism::XOAuth2, true);
    cfg.auth = AuthMethod::Auto;
    let t = format!(
        "{CAPA} C: AUTH PLAIN {} \n S: +OK",
        b64(&format!("\0alice@example.org\0{TOKEN}"))
    );
    let (end, _) = replay(&t, &cfg);
    assert_eq!(end.unwrap(), Mechanism::Plain);
    // Over an unencrypted connection a bearer token is not sent.
    let mut cfg = config(OAuthMechanism::OAuthBearer, true);
    cfg.security = Security::Plain;
    let mut machine = Login::new(&cfg, false);
    let mut script = ["+OK ready", "+OK", "SASL OAUTHBEARER", "."].into_iter();
    let err = loop {
        match machine.next_action().unwrap() {
            Action::Receive => machine.receive(script.next().unwrap().as_bytes()).unwrap(),
            Action::Opened => break machine.authenticate().unwrap_err(),
            Action::Send(_) | Action::Report(_) => {}
            other => panic!("unexpected {other:?}"),
        }
    };
    assert!(matches!(err, Error::PlaintextRefused { .. }), "{err:?}");
}

/// A loopback server playing Microsoft's documented POP3 XOAUTH2 exchange
/// (learn.microsoft.com, "Authenticate an IMAP, POP or SMTP connection
/// using OAuth"): `AUTH XOAUTH2`, `+ `, the token, `+OK`. Returns the port
/// and a handle yielding the lines it received.
fn microsoft_server(accept: bool) -> (u16, std::thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::Builder::new()
        .name("microsoft-pop3".into())
        .spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut out = stream.try_clone().unwrap();
            let mut reader = BufReader::new(stream);
            let mut received = Vec::new();
            out.write_all(b"+OK The Microsoft Exchange POP3 service is ready.\r\n")
                .unwrap();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    break;
                }
                let line = line.trim_end_matches(['\r', '\n']).to_string();
                let reply: &[u8] = match line.as_str() {
                    "CAPA" => b"+OK\r\nTOP\r\nUIDL\r\nSASL PLAIN XOAUTH2\r\nUSER\r\n.\r\n",
                    "AUTH XOAUTH2" => b"+ \r\n",
                    "STAT" => b"+OK 0 0\r\n",
                    "QUIT" => b"+OK Microsoft Exchange Server POP3 server signing off.\r\n",
                    l if l == xoauth2() && accept => b"+OK User successfully authenticated.\r\n",
                    l if l == xoauth2() => {
                        b"-ERR Authentication failure: unknown user name or bad password.\r\n"
                    }
                    _ => b"-ERR Protocol error.\r\n",
                };
                received.push(line.clone());
                out.write_all(reply).unwrap();
                if line == "QUIT" {
                    break;
                }
            }
            received
        })
        .unwrap();
    (port, handle)
}

fn socket_config(port: u16) -> Config {
    let mut cfg = config(OAuthMechanism::XOAuth2, false);
    cfg.host = "127.0.0.1".into();
    cfg.port = port;
    cfg.security = Security::Plain;
    // Plain TCP on loopback only because this is a test server.
    cfg.allow_plaintext_password = true;
    cfg.read_timeout = Duration::from_secs(5);
    cfg
}

#[test]
fn oauth_sasl_microsoft_two_step_over_socket() {
    let (port, server) = microsoft_server(true);
    let mut client = Client::connect(&socket_config(port)).unwrap();
    client.login().unwrap();
    assert_eq!(client.mechanism(), Some(Mechanism::XOAuth2));
    assert_eq!(client.stat().unwrap(), (0, 0));
    let log = client.log().to_text();
    client.quit().unwrap();
    let received = server.join().unwrap();
    assert_eq!(
        received,
        ["CAPA", "AUTH XOAUTH2", &xoauth2(), "STAT", "QUIT"]
    );
    assert!(log.contains("C: AUTH XOAUTH2"), "{log}");
    assert!(!log.contains(TOKEN) && !log.contains(&xoauth2()), "{log}");
}

#[test]
fn oauth_sasl_microsoft_refusal_over_socket() {
    let (port, server) = microsoft_server(false);
    let mut client = Client::connect(&socket_config(port)).unwrap();
    let err = client.login().unwrap_err();
    assert!(matches!(err, Error::SignInExpired { .. }), "{err:?}");
    assert!(err.user_message().contains("sign in again"));
    let log = client.log().to_text();
    assert!(!log.contains(TOKEN) && !log.contains(&xoauth2()), "{log}");
    drop(client);
    server.join().unwrap();
}

/// `--auth oauth2` without a provider is refused in words (a password is
/// never sent as a token) and stores nothing.
#[test]
fn oauth_sasl_cli_refuses_oauth2_without_provider() {
    let data = crate::support::store::DataDir::new();
    let out = crate::support::popmail_binary()
        .arg("--data-dir")
        .arg(data.path())
        .args([
            "account",
            "add",
            "gmail",
            "--host",
            "pop.gmail.com",
            "--user",
        ])
        .args([
            "alice@gmail.com",
            "--password-env",
            "TEST_PW",
            "--auth",
            "oauth2",
        ])
        .env("POPMAIL_NO_KEYCHAIN", "1")
        .env("TEST_PW", "pw")
        .env_remove("POPMAIL_DATA_DIR")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--auth oauth2 needs --oauth-provider"),
        "{err}"
    );
    let list = data.popmail(&["account", "list"]);
    assert!(list.status.success());
    assert!(!String::from_utf8_lossy(&list.stdout).contains("gmail"));
}

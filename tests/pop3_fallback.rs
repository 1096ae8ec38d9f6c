//! Mechanism fallback in the sans-IO login machine (issue 11), against
//! `C:` / `S:` transcripts (`!!`: the server hangs up; `~~`: the driver
//! connects again), plus the suggestions the errors make.
//!
//! - A mechanism refused at `AUTH` before any credential was sent (RFC 5034
//!   §4 lets a server refuse a mechanism): "automatic" tries the next one,
//!   reconnecting when the server hung up; the password is blamed only when
//!   a credential was refused, and the error names the methods tried.
//! - APOP refused with "automatic" (RFC 1939 §7): over TLS the next method;
//!   without TLS never one that sends the password in clear, unless allowed.
//! - Suggestions never lower the account's security.

use popmail::pop3::auth::{cram_md5_response, plain_initial_response};
use popmail::pop3::{AuthMethod, Error, Mechanism, Security};

use crate::pop3_login::{CAPA_ALL, End, config, error, mechanism, replay, tls_login};

fn plain() -> String {
    plain_initial_response("alice", "s3cret pw")
}

#[test]
fn fallback_mechanism_refused_at_auth_tries_the_next() {
    let t = format!(
        "{CAPA_ALL}
        C: AUTH CRAM-MD5
        S: -ERR Unsupported authentication mechanism
        C: AUTH PLAIN {}
        S: +OK logged in
        ",
        plain()
    );
    let r = tls_login(&t, AuthMethod::Auto);
    assert_eq!(mechanism(&r), Mechanism::Plain);
    assert_eq!(r.machine.tried(), [Mechanism::CramMd5, Mechanism::Plain]);
    assert_eq!(r.log, ["CAPA", "AUTH CRAM-MD5", "AUTH PLAIN ***"]);
}

#[test]
fn fallback_mechanism_refused_then_hang_up_reconnects() {
    let t = format!(
        "{CAPA_ALL}
        C: AUTH CRAM-MD5
        S: -ERR no such mechanism
        C: AUTH PLAIN {p}
        !!
        ~~
        {CAPA_ALL}
        C: AUTH PLAIN {p}
        S: +OK logged in
        ",
        p = plain()
    );
    let r = tls_login(&t, AuthMethod::Auto);
    assert_eq!(mechanism(&r), Mechanism::Plain);
    assert_eq!(r.machine.tried(), [Mechanism::CramMd5, Mechanism::Plain]);

    // A server that hangs up on the retry too: the error, not a loop.
    let t = format!(
        "{CAPA_ALL}
        C: AUTH CRAM-MD5
        S: -ERR no such mechanism
        C: AUTH PLAIN {p}
        !!
        ~~
        {CAPA_ALL}
        C: AUTH PLAIN {p}
        !!
        ",
        p = plain()
    );
    let e = error(tls_login(&t, AuthMethod::Auto));
    assert!(matches!(e, Error::ConnectionClosed { .. }), "{e:?}");
}

#[test]
fn fallback_blames_the_password_only_for_a_refused_credential() {
    // CRAM-MD5 refused at AUTH, then PLAIN's credential (initial response)
    // refused: a password problem, naming both methods.
    let t = format!(
        "{CAPA_ALL}
        C: AUTH CRAM-MD5
        S: -ERR mechanism disabled
        C: AUTH PLAIN {}
        S: -ERR [AUTH] Authentication failed
        ",
        plain()
    );
    let e = error(tls_login(&t, AuthMethod::Auto));
    assert!(
        matches!(&e, Error::AuthFailed { tried, .. } if tried == "CRAM-MD5, PLAIN"),
        "{e:?}"
    );
    assert!(e.user_message().contains("tried CRAM-MD5, PLAIN"));

    // Every mechanism refused at AUTH, none with a credential: not the password.
    let t = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: SASL CRAM-MD5 LOGIN
        S: .
        C: AUTH CRAM-MD5
        S: -ERR nope
        C: AUTH LOGIN
        S: -ERR nope either
    ";
    let e = error(tls_login(t, AuthMethod::Auto));
    assert!(
        matches!(&e, Error::MechanismsRefused { tried, server_text }
            if tried == "CRAM-MD5, LOGIN" && server_text == "nope either"),
        "{e:?}"
    );
    let text = e.user_message();
    assert!(text.contains("CRAM-MD5, LOGIN") && !text.contains("password (“"));

    // A chosen method refused at AUTH: no fallback, and not the password.
    let t = format!("{CAPA_ALL}\nC: AUTH CRAM-MD5\nS: -ERR not here\n");
    let e = error(tls_login(&t, AuthMethod::CramMd5));
    assert!(matches!(&e, Error::MechanismsRefused { tried, .. } if tried == "CRAM-MD5"));
}

#[test]
fn fallback_stops_after_a_refused_challenge_answer_or_a_code() {
    // CRAM-MD5's answer (a credential) refused: the password, no more tries.
    let challenge = "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+";
    let answer = cram_md5_response("alice", "s3cret pw", challenge).unwrap();
    let t = format!("{CAPA_ALL}\nC: AUTH CRAM-MD5\nS: + {challenge}\nC: {answer}\nS: -ERR bad\n");
    let e = error(tls_login(&t, AuthMethod::Auto));
    assert!(matches!(&e, Error::AuthFailed { tried, .. } if tried == "CRAM-MD5"));

    // A response code that is not about credentials ends the login.
    let t = format!("{CAPA_ALL}\nC: AUTH CRAM-MD5\nS: -ERR [IN-USE] locked\n");
    assert!(matches!(
        error(tls_login(&t, AuthMethod::Auto)),
        Error::InUse { .. }
    ));
}

fn apop_greeting() -> (&'static str, String) {
    let digest = popmail::pop3::auth::apop_digest("<7.8@host>", "s3cret pw");
    ("S: +OK Dovecot ready. <7.8@host>", digest)
}

#[test]
fn fallback_apop_refused_over_tls_uses_the_next_method() {
    let (greeting, digest) = apop_greeting();
    let t = format!(
        "{greeting}
        C: CAPA
        S: +OK
        S: USER
        S: SASL PLAIN
        S: .
        C: APOP alice {digest}
        S: -ERR [AUTH] Authentication failed.
        C: AUTH PLAIN {}
        S: +OK Logged in.
        ",
        plain()
    );
    let r = tls_login(&t, AuthMethod::Auto);
    assert_eq!(mechanism(&r), Mechanism::Plain);
    assert_eq!(r.machine.tried(), [Mechanism::Apop, Mechanism::Plain]);
}

#[test]
fn fallback_apop_refused_without_tls_never_sends_the_password_in_clear() {
    let (greeting, digest) = apop_greeting();
    let t = format!(
        "{greeting}
        C: CAPA
        S: +OK
        S: USER
        S: SASL PLAIN
        S: .
        C: APOP alice {digest}
        S: -ERR [AUTH] Authentication failed.
        "
    );
    let r = replay(&t, &config(Security::Plain, AuthMethod::Auto), false, true);
    assert_eq!(r.log, ["CAPA", "APOP alice ***"]);
    let e = error(r);
    assert!(
        matches!(&e, Error::PlaintextRefused { mechanism, tried }
            if mechanism == "PLAIN" && tried == "APOP"),
        "{e:?}"
    );
    assert!(e.user_message().contains("refused APOP"));

    // Allowed by the user: the next method.
    let t = format!("{t}\nC: AUTH PLAIN {}\nS: +OK\n", plain());
    let mut cfg = config(Security::Plain, AuthMethod::Auto);
    cfg.allow_plaintext_password = true;
    let r = replay(&t, &cfg, false, true);
    assert!(matches!(r.end, End::Done(_)));
    assert_eq!(mechanism(&r), Mechanism::Plain);

    // Without CAPA, USER/PASS is assumed: still never in clear.
    let t = format!("{greeting}\nC: CAPA\nS: -ERR no CAPA\nC: APOP alice {digest}\nS: -ERR bad\n");
    let r = replay(&t, &config(Security::Plain, AuthMethod::Auto), false, true);
    let e = error(r);
    assert!(matches!(e, Error::PlaintextRefused { .. }), "{e:?}");
}

#[test]
fn suggestions_never_weaken_security() {
    // --auth cram-md5 on a plain connection, server offers USER and PLAIN
    // only: "automatic" would send the password in clear if allowed, so it
    // is not suggested, even when plaintext is allowed.
    let t = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: USER
        S: SASL PLAIN
        S: .
    ";
    let mut cfg = config(Security::Plain, AuthMethod::CramMd5);
    cfg.allow_plaintext_password = true;
    let e = error(replay(t, &cfg, false, true));
    let text = e.user_message();
    assert!(!text.contains("automatic"), "{text}");
    assert!(text.contains("Use TLS"), "{text}");

    // Over TLS the same suggestion is safe, and says what it would use.
    let e = error(tls_login(t, AuthMethod::CramMd5));
    assert!(e.user_message().contains("(it would use PLAIN)"));

    // Only GSSAPI / NTLM offered and the account is already automatic.
    let t = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: SASL GSSAPI NTLM
        S: .
    ";
    let e = error(tls_login(t, AuthMethod::Auto));
    let text = e.user_message();
    assert!(!text.contains("Choose “automatic”"), "{text}");
    assert!(
        text.contains("no sign-in method popmail supports"),
        "{text}"
    );
}

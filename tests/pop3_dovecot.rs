//! Interop with a real POP3 server: Dovecot (`dovecot-pop3d`) started from a
//! temporary config on 127.0.0.1 by `support::dovecot`. Covers implicit TLS,
//! STLS, USER/PASS, APOP, SASL PLAIN/LOGIN/CRAM-MD5, CAPA, UIDL, TOP, RETR,
//! DELE, RSET, QUIT; that DELEs take effect only after QUIT; certificate
//! verification (missing CA fails, pinned fingerprint succeeds); and that a
//! STLS-required account fails before sending credentials when the server
//! has no STLS; and that a certificate for another name (Dovecot on
//! 127.0.0.2, certificate for `localhost`) fails clearly before anything is
//! sent. These tests FAIL (never skip) without Dovecot installed.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use popmail::pop3::{AuthMethod, Client, Config, Error, Mechanism, ProtocolLog, Security, Step};
use popmail::secret::Secret;

use crate::support::dovecot::{Dovecot, DovecotOptions};

fn message(i: usize, extra: &str) -> Vec<u8> {
    format!("From: a@example.org\r\nTo: alice@example.org\r\nSubject: message {i}\r\n\r\nHello {i}.\r\n.leading dot\r\n{extra}\r\n")
        .into_bytes()
}

fn dovecot_with(n: usize) -> Dovecot {
    let d = Dovecot::start(&DovecotOptions::default());
    for i in 1..=n {
        d.add_message("alice", &message(i, ""));
    }
    d
}

fn tls_config(d: &Dovecot, auth: AuthMethod) -> Config {
    let mut cfg = Config::new("127.0.0.1", "alice", Secret::new("alice-pw"));
    cfg.port = d.tls_port();
    cfg.ca_file = Some(d.ca_pem_path());
    cfg.auth = auth;
    cfg.read_timeout = Duration::from_secs(10);
    cfg
}

#[test]
fn implicit_tls_full_session() {
    let d = dovecot_with(3);
    let cfg = tls_config(&d, AuthMethod::Auto);
    let mut steps = Vec::new();
    let mut log = ProtocolLog::new();
    let mut c =
        Client::connect_with(&cfg, &mut log, &mut |s| steps.push(format!("{s:?}"))).unwrap();
    assert!(
        steps.iter().any(|s| s.starts_with("TlsEstablished")),
        "{steps:?}"
    );
    let cert = c.certificate().unwrap().clone();
    assert_eq!(cert.sha256, d.server_sha256());
    assert!(cert.subject.contains("CN=localhost"), "{}", cert.subject);
    assert!(cert.issuer.contains("popmail test CA"), "{}", cert.issuer);
    let caps = c.capabilities().clone();
    assert!(
        caps.top && caps.uidl && caps.user && caps.pipelining && caps.resp_codes,
        "{caps:?}"
    );
    assert!(caps.has_sasl("PLAIN") && caps.has_sasl("CRAM-MD5"));
    assert!(!caps.stls, "STLS is not offered inside TLS");
    c.login().unwrap();
    assert_eq!(
        c.mechanism(),
        Some(Mechanism::CramMd5),
        "auto picks the strongest"
    );
    let (count, size) = c.stat().unwrap();
    assert_eq!(count, 3);
    let list = c.list().unwrap();
    assert_eq!(list.iter().map(|(_, s)| s).sum::<u64>(), size);
    let uidl = c.uidl().unwrap();
    assert_eq!(uidl.len(), 3);
    assert_eq!(c.uidl_one(2).unwrap(), uidl[1].1);
    assert_eq!(
        c.retr(1).unwrap(),
        message(1, ""),
        "bytes exactly as stored"
    );
    let top = c.top(2, 0).unwrap();
    assert!(
        top.ends_with(b"Subject: message 2\r\n\r\n"),
        "{}",
        String::from_utf8_lossy(&top)
    );
    c.noop().unwrap();
    c.quit().unwrap();
}

#[test]
fn every_authentication_mechanism() {
    let d = dovecot_with(1);
    for (auth, mech) in [
        (AuthMethod::User, Mechanism::User),
        (AuthMethod::Apop, Mechanism::Apop),
        (AuthMethod::Plain, Mechanism::Plain),
        (AuthMethod::Login, Mechanism::Login),
        (AuthMethod::CramMd5, Mechanism::CramMd5),
    ] {
        let mut c = Client::connect(&tls_config(&d, auth)).unwrap();
        c.login()
            .unwrap_or_else(|e| panic!("{mech:?}: {e:?}\n{}", d.log_text()));
        assert_eq!(c.mechanism(), Some(mech));
        assert_eq!(c.stat().unwrap().0, 1);
        let log = c.log().to_text();
        assert!(!log.contains("alice-pw"), "password in log: {log}");
        c.quit().unwrap();

        let mut cfg = tls_config(&d, auth);
        cfg.password = Secret::new("wrong");
        let mut c = Client::connect(&cfg).unwrap();
        let err = c.login().unwrap_err();
        assert!(matches!(err, Error::AuthFailed { .. }), "{mech:?}: {err:?}");
    }
}

#[test]
fn stls_upgrade() {
    let d = dovecot_with(2);
    let mut cfg = tls_config(&d, AuthMethod::Plain);
    cfg.security = Security::StartTls;
    cfg.port = d.plain_port();
    let mut c = Client::connect(&cfg).unwrap();
    assert!(c.is_encrypted());
    assert_eq!(c.certificate().unwrap().sha256, d.server_sha256());
    c.login().unwrap();
    assert_eq!(c.uidl().unwrap().len(), 2);
    c.quit().unwrap();
}

#[test]
fn dele_takes_effect_only_after_quit() {
    let d = dovecot_with(4);
    let cfg = tls_config(&d, AuthMethod::User);

    // DELE then drop the connection without QUIT: nothing is removed.
    let mut c = Client::connect(&cfg).unwrap();
    c.login().unwrap();
    c.dele_many(&[1, 2]).unwrap();
    drop(c);
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(d.message_count("alice"), 4);

    // DELE then RSET then QUIT: nothing is removed.
    let mut c = Client::connect(&cfg).unwrap();
    c.login().unwrap();
    assert_eq!(c.stat().unwrap().0, 4);
    c.dele(1).unwrap();
    assert_eq!(c.stat().unwrap().0, 3, "marked deleted inside the session");
    c.rset().unwrap();
    c.quit().unwrap();
    assert_eq!(d.message_count("alice"), 4);

    // DELE then QUIT: removed.
    let mut c = Client::connect(&cfg).unwrap();
    c.login().unwrap();
    c.dele_many(&[1, 2, 3]).unwrap();
    assert_eq!(d.message_count("alice"), 4, "not yet");
    c.quit().unwrap();
    assert_eq!(d.message_count("alice"), 1);
}

#[test]
fn pipelined_and_lock_step_retrieval_agree() {
    let d = Dovecot::start(&DovecotOptions::default());
    let mut expected = Vec::new();
    for i in 1..=40 {
        let m = message(i, &"x".repeat(i * 997 % 20_000));
        d.add_message("alice", &m);
        expected.push(m);
    }
    for pipelining in [true, false] {
        let mut cfg = tls_config(&d, AuthMethod::User);
        cfg.pipelining = pipelining;
        cfg.pipeline_window = 8;
        let mut c = Client::connect(&cfg).unwrap();
        c.login().unwrap();
        assert_eq!(c.pipelining(), pipelining);
        let msgs: Vec<u32> = (1..=40).collect();
        let mut got = Vec::new();
        c.retr_many(&msgs, &mut |n, body| {
            got.push((n, body));
            Ok(())
        })
        .unwrap();
        let numbers: Vec<u32> = got.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, msgs);
        let bodies: Vec<Vec<u8>> = got.into_iter().map(|(_, b)| b).collect();
        assert_eq!(bodies, expected);
        c.quit().unwrap();
    }
}

#[test]
fn certificate_without_ca_fails_and_pin_succeeds() {
    let d = dovecot_with(1);
    let mut cfg = tls_config(&d, AuthMethod::User);
    cfg.ca_file = None;
    let err = Client::connect(&cfg).err().unwrap();
    match &err {
        Error::CertificateUntrusted {
            subject,
            sha256,
            not_after,
            ..
        } => {
            assert!(subject.contains("localhost"), "{subject}");
            assert!(
                not_after.ends_with("UTC") && not_after.len() > 12,
                "{not_after}"
            );
            assert_eq!(*sha256, d.server_sha256());
        }
        other => panic!("expected CertificateUntrusted, got {other:?}"),
    }
    assert!(err.user_message().contains(&d.server_sha256()));

    // The same through STLS.
    let mut stls = cfg.clone();
    stls.security = Security::StartTls;
    stls.port = d.plain_port();
    assert!(matches!(
        Client::connect(&stls),
        Err(Error::CertificateUntrusted { .. })
    ));

    // Pinning the fingerprint (in openssl's colon form) is accepted.
    let colons: Vec<String> = d
        .server_sha256()
        .as_bytes()
        .chunks(2)
        .map(|c| String::from_utf8_lossy(c).to_uppercase())
        .collect();
    cfg.pinned_sha256 = Some(colons.join(":"));
    let mut c = Client::connect(&cfg).unwrap();
    c.login().unwrap();
    c.quit().unwrap();

    // A wrong pin is refused even with the right CA.
    let mut cfg = tls_config(&d, AuthMethod::User);
    cfg.pinned_sha256 = Some("00".repeat(32));
    assert!(matches!(
        Client::connect(&cfg),
        Err(Error::CertificateUntrusted { .. })
    ));
}

#[test]
fn certificate_verifies_by_dns_name_and_by_ip() {
    // The certificate's subjectAltName lists DNS:localhost and IP:127.0.0.1;
    // both forms of the host setting must verify.
    let d = dovecot_with(0);
    let mut cfg = tls_config(&d, AuthMethod::User);
    cfg.host = "localhost".into();
    Client::connect(&cfg).unwrap().quit().unwrap();
    cfg.host = "127.0.0.1".into();
    Client::connect(&cfg).unwrap().quit().unwrap();
}

#[test]
fn stls_required_without_server_tls_sends_no_credentials() {
    let d = Dovecot::start(&DovecotOptions {
        tls: false,
        ..DovecotOptions::default()
    });
    let mut cfg = Config::new("127.0.0.1", "alice", Secret::new("alice-pw"))
        .with_security(Security::StartTls);
    cfg.port = d.plain_port();
    let mut log = ProtocolLog::new();
    let err = Client::connect_with(&cfg, &mut log, &mut |_| {})
        .err()
        .unwrap();
    assert!(matches!(err, Error::StlsUnavailable), "{err:?}");
    let text = log.to_text();
    assert!(text.contains("C: CAPA"), "{text}");
    for cmd in ["C: USER", "C: PASS", "C: AUTH", "C: APOP"] {
        assert!(!text.contains(cmd), "{cmd} sent: {text}");
    }

    // Plain mode without permission refuses to send the password…
    let mut cfg = cfg.with_security(Security::Plain);
    cfg.port = d.plain_port();
    cfg.auth = AuthMethod::User;
    let mut c = Client::connect(&cfg).unwrap();
    assert!(matches!(c.login(), Err(Error::PlaintextRefused { .. })));
    // …but CRAM-MD5 never sends it, so automatic picks that.
    cfg.auth = AuthMethod::Auto;
    let mut c = Client::connect(&cfg).unwrap();
    c.login().unwrap();
    assert_eq!(c.mechanism(), Some(Mechanism::CramMd5));
    c.quit().unwrap();
}

#[test]
fn steps_are_reported_in_order() {
    let d = dovecot_with(0);
    let cfg = tls_config(&d, AuthMethod::User);
    let mut steps = Vec::new();
    let c = Client::connect_with(&cfg, &mut ProtocolLog::new(), &mut |s| {
        steps.push(match s {
            Step::Resolved { .. } => "resolved",
            Step::Connected { .. } => "connected",
            Step::TlsEstablished { .. } => "tls",
            Step::Greeting { .. } => "greeting",
            Step::Capabilities(_) => "capabilities",
        })
    })
    .unwrap();
    assert_eq!(
        steps,
        ["resolved", "connected", "tls", "greeting", "capabilities"]
    );
    c.quit().unwrap();
}

#[test]
fn tls_hostname_mismatch_fails_clearly_and_sends_nothing() {
    // Issue 11: Dovecot on 127.0.0.2 with a certificate for `localhost`
    // only, signed by a CA the account trusts. Connecting by 127.0.0.2 must
    // fail on the name, over implicit TLS and over STLS, before any
    // credential is sent.
    let d = Dovecot::start(&DovecotOptions {
        address: "127.0.0.2",
        cert_san: "DNS:localhost",
        ..DovecotOptions::default()
    });
    let mut cfg = tls_config(&d, AuthMethod::Auto);
    cfg.host = "127.0.0.2".into();
    let mut stls = cfg.clone();
    stls.security = Security::StartTls;
    stls.port = d.plain_port();
    for cfg in [cfg, stls] {
        let mut log = ProtocolLog::new();
        let err = match Client::connect_with(&cfg, &mut log, &mut |_| {}) {
            Ok(mut c) => {
                let login = c.login();
                panic!(
                    "{:?}: connected despite the mismatch ({login:?})",
                    cfg.security
                )
            }
            Err(e) => e,
        };
        let message = err.user_message();
        assert!(
            matches!(err, Error::CertificateNameMismatch { .. }),
            "{err:?}"
        );
        assert!(!message.contains("pinning"), "no weaker way out: {message}");
        assert!(
            message.contains("127.0.0.2") && message.contains("localhost"),
            "{:?}: the message names both names: {message}",
            cfg.security
        );
        let sent = log.to_text();
        assert!(
            ["C: USER", "C: PASS", "C: AUTH", "C: APOP"]
                .iter()
                .all(|c| !sent.contains(c)),
            "{sent}"
        );
    }
    let server_log = d.log_text();
    assert!(
        !server_log.contains("alice"),
        "the server saw no user name: {server_log}"
    );
}

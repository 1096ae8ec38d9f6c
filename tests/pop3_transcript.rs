//! POP3 client against byte transcripts (`C:` / `S:` lines).
//!
//! A transcript is replayed by an in-memory [`Transport`]: every byte the
//! client writes must match the next `C:` line exactly, and the client may
//! only read `S:` bytes once it has sent everything before them (as a real
//! server would). `S|` is a server line ending in a bare LF, `--TLS` marks
//! the STLS handshake. Covers the RFC 1939 §10 example session, every
//! command, the SASL mechanisms (RFC 5034) and the error paths.

#![allow(clippy::unwrap_used)]

/// A predicate on an error, for tables of expected failures.
type ErrorCheck = fn(&Error) -> bool;

use std::io::{self, Read, Write};
use std::sync::{Arc, Mutex};

use popmail::pop3::{
    AuthMethod, CertInfo, Client, Config, Error, Mechanism, ProtocolLog, Security, SinkError,
    Transport,
};
use popmail::secret::Secret;

#[derive(Debug)]
enum Event {
    Client(Vec<u8>),
    Server(Vec<u8>),
    Tls,
}

#[derive(Debug, Default)]
struct Shared {
    events: Vec<Event>,
    index: usize,
    offset: usize,
    written: Vec<u8>,
}

/// An in-memory transport replaying a transcript.
struct Script {
    shared: Arc<Mutex<Shared>>,
    encrypted: bool,
}

/// The test's handle on a running transcript.
struct Handle(Arc<Mutex<Shared>>);

impl Handle {
    fn assert_finished(&self) {
        let s = self.0.lock().unwrap();
        assert_eq!(
            s.index,
            s.events.len(),
            "transcript not finished; stopped before {:?}",
            s.events.get(s.index).map(show)
        );
    }
    fn written(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap().written).into_owned()
    }
}

fn show(e: &Event) -> String {
    match e {
        Event::Client(b) => format!("C: {}", String::from_utf8_lossy(b)),
        Event::Server(b) => format!("S: {}", String::from_utf8_lossy(b)),
        Event::Tls => "--TLS".into(),
    }
}

fn parse(transcript: &str) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    for line in transcript.lines() {
        let line = line.trim_start();
        if line.is_empty() {
            continue;
        }
        let (kind, text) = line.split_at(2);
        let text = text.strip_prefix(' ').unwrap_or(text);
        let event = match kind {
            "C:" => Event::Client(format!("{text}\r\n").into_bytes()),
            "S:" => Event::Server(format!("{text}\r\n").into_bytes()),
            "S|" => Event::Server(format!("{text}\n").into_bytes()),
            "--" => Event::Tls,
            _ => panic!("bad transcript line {line:?}"),
        };
        match (events.last_mut(), event) {
            (Some(Event::Client(a)), Event::Client(b))
            | (Some(Event::Server(a)), Event::Server(b)) => a.extend(b),
            (_, e) => events.push(e),
        }
    }
    events
}

fn script(transcript: &str, encrypted: bool) -> (Box<dyn Transport>, Handle) {
    let shared = Arc::new(Mutex::new(Shared {
        events: parse(transcript),
        ..Default::default()
    }));
    (
        Box::new(Script {
            shared: shared.clone(),
            encrypted,
        }),
        Handle(shared),
    )
}

impl Read for Script {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let mut s = self.shared.lock().unwrap();
        let (index, offset) = (s.index, s.offset);
        match s.events.get(index) {
            None => Ok(0),
            Some(Event::Server(bytes)) => {
                let rest = &bytes[offset..];
                let n = rest.len().min(buf.len());
                buf[..n].copy_from_slice(&rest[..n]);
                let done = n == rest.len();
                if done {
                    s.index += 1;
                    s.offset = 0;
                } else {
                    s.offset += n;
                }
                Ok(n)
            }
            Some(other) => panic!(
                "client waits for the server, but the transcript expects {}",
                show(other)
            ),
        }
    }
}

impl Write for Script {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut s = self.shared.lock().unwrap();
        s.written.extend_from_slice(buf);
        for &b in buf {
            let (index, offset) = (s.index, s.offset);
            let Some(Event::Client(expected)) = s.events.get(index) else {
                panic!(
                    "client sent {:?} but the transcript expects {:?}",
                    String::from_utf8_lossy(buf),
                    s.events.get(index).map(show)
                );
            };
            assert_eq!(
                expected[offset] as char,
                b as char,
                "client sent {:?}, transcript expects {:?}",
                String::from_utf8_lossy(buf),
                String::from_utf8_lossy(expected)
            );
            if offset + 1 == expected.len() {
                s.index += 1;
                s.offset = 0;
            } else {
                s.offset += 1;
            }
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Transport for Script {
    fn is_encrypted(&self) -> bool {
        self.encrypted
    }
    fn certificate(&self) -> Option<&CertInfo> {
        None
    }
    fn start_tls(self: Box<Self>) -> Result<Box<dyn Transport>, Error> {
        {
            let mut s = self.shared.lock().unwrap();
            let index = s.index;
            assert!(
                matches!(s.events.get(index), Some(Event::Tls)),
                "unexpected TLS handshake"
            );
            s.index += 1;
        }
        Ok(Box::new(Script {
            shared: self.shared,
            encrypted: true,
        }))
    }
}

fn config(security: Security, auth: AuthMethod) -> Config {
    let mut cfg =
        Config::new("pop.example.org", "alice", Secret::new("s3cret pw")).with_security(security);
    cfg.auth = auth;
    cfg
}

fn start(transcript: &str, cfg: &Config) -> (Result<Client, Error>, Handle, ProtocolLog) {
    let encrypted = cfg.security == Security::Tls;
    let (t, handle) = script(transcript, encrypted);
    let mut log = ProtocolLog::new();
    let client = Client::from_transport(t, cfg, &mut log, &mut |_| {});
    (client, handle, log)
}

const CAPA_TLS: &str = "
    S: +OK ready
    C: CAPA
    S: +OK Capability list follows
    S: TOP
    S: UIDL
    S: USER
    S: RESP-CODES
    S: SASL PLAIN LOGIN
    S: .
";

/// Greeting and CAPA, then USER/PASS login, then `rest`.
fn logged_in(rest: &str) -> (Client, Handle) {
    let transcript =
        format!("{CAPA_TLS}\nC: USER alice\nS: +OK\nC: PASS s3cret pw\nS: +OK logged in\n{rest}");
    let cfg = config(Security::Tls, AuthMethod::User);
    let (client, handle, _) = start(&transcript, &cfg);
    let mut client = client.unwrap();
    client.login().unwrap();
    (client, handle)
}

#[test]
fn rfc1939_example_session() {
    // RFC 1939 §10, with the CAPA probe (refused by this RFC 1939 server).
    let transcript = "
        S: +OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>
        C: CAPA
        S: -ERR unknown command
        C: APOP mrose c4c9334bac560ecc979e58001b3e22fb
        S: +OK mrose's maildrop has 2 messages (320 octets)
        C: STAT
        S: +OK 2 320
        C: LIST
        S: +OK 2 messages (320 octets)
        S: 1 120
        S: 2 200
        S: .
        C: RETR 1
        S: +OK 120 octets
        S: Subject: one
        S:
        S: body one
        S: .
        C: DELE 1
        S: +OK message 1 deleted
        C: RETR 2
        S: +OK 200 octets
        S: Subject: two
        S:
        S: ..dot line
        S: .
        C: DELE 2
        S: +OK message 2 deleted
        C: QUIT
        S: +OK dewey POP3 server signing off (maildrop empty)
    ";
    let mut cfg = Config::new("dbc.mtview.ca.us", "mrose", Secret::new("tanstaaf"))
        .with_security(Security::Plain);
    cfg.auth = AuthMethod::Apop;
    let (client, handle, _) = start(transcript, &cfg);
    let mut c = client.unwrap();
    assert!(!c.capabilities().capa_supported);
    c.login().unwrap();
    assert_eq!(c.mechanism(), Some(Mechanism::Apop));
    assert_eq!(c.stat().unwrap(), (2, 320));
    assert_eq!(c.list().unwrap(), vec![(1, 120), (2, 200)]);
    assert_eq!(c.retr(1).unwrap(), b"Subject: one\r\n\r\nbody one\r\n");
    c.dele(1).unwrap();
    assert_eq!(c.retr(2).unwrap(), b"Subject: two\r\n\r\n.dot line\r\n");
    c.dele(2).unwrap();
    c.quit().unwrap();
    handle.assert_finished();
}

#[test]
fn auto_over_plain_connection_picks_apop_and_never_sends_password() {
    let transcript = "
        S: +OK hi <1.2@host>
        C: CAPA
        S: +OK
        S: USER
        S: .
        C: APOP alice d1b7a3bb58b8dcf1c29f47e4c7c1c0a3
        S: -ERR [AUTH] nope
    ";
    let digest = popmail::pop3::auth::apop_digest("<1.2@host>", "s3cret pw");
    let transcript = transcript.replace("d1b7a3bb58b8dcf1c29f47e4c7c1c0a3", &digest);
    let (client, handle, _) = start(&transcript, &config(Security::Plain, AuthMethod::Auto));
    let mut c = client.unwrap();
    // APOP refused: USER/PASS is left, but would send the password in clear.
    assert!(matches!(
        c.login(),
        Err(Error::PlaintextRefused { mechanism, tried }) if mechanism == "USER" && tried == "APOP"
    ));
    handle.assert_finished();
    assert!(!handle.written().contains("s3cret"));
    assert!(!c.log().to_text().contains(&digest));
}

#[test]
fn every_transaction_command() {
    let (mut c, handle) = logged_in(
        "
        C: UIDL
        S: +OK
        S: 1 whqtswO00WBw418f9t5JxYwZ
        S: 2 QhdPYR:00WBw1Ph7x7
        S: .
        C: UIDL 2
        S: +OK 2 QhdPYR:00WBw1Ph7x7
        C: LIST 1
        S: +OK 1 120
        C: TOP 1 0
        S: +OK
        S: Subject: x
        S:
        S: .
        C: NOOP
        S: +OK
        C: DELE 1
        S: +OK
        C: RSET
        S: +OK maildrop has 2 messages
        C: QUIT
        S: +OK bye
    ",
    );
    let ids = c.uidl().unwrap();
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[0].0, 1);
    assert_eq!(ids[0].1.as_str(), "whqtswO00WBw418f9t5JxYwZ");
    assert_eq!(c.uidl_one(2).unwrap().as_str(), "QhdPYR:00WBw1Ph7x7");
    assert_eq!(c.list_one(1).unwrap(), 120);
    assert_eq!(c.top(1, 0).unwrap(), b"Subject: x\r\n\r\n");
    c.noop().unwrap();
    c.dele(1).unwrap();
    c.rset().unwrap();
    c.quit().unwrap();
    handle.assert_finished();
}

#[test]
fn sasl_plain_uses_initial_response_and_is_redacted() {
    let b64 = popmail::pop3::auth::plain_initial_response("alice", "s3cret pw");
    let transcript = format!("{CAPA_TLS}\nC: AUTH PLAIN {b64}\nS: +OK welcome\n");
    let (client, handle, _) = start(&transcript, &config(Security::Tls, AuthMethod::Auto));
    let mut c = client.unwrap();
    c.login().unwrap();
    assert_eq!(c.mechanism(), Some(Mechanism::Plain));
    handle.assert_finished();
    let log = c.log().to_text();
    assert!(log.contains("AUTH PLAIN ***"), "{log}");
    assert!(!log.contains(&b64) && !log.contains("s3cret"));
}

#[test]
fn sasl_login_answers_two_challenges() {
    let transcript = format!(
        "{CAPA_TLS}
        C: AUTH LOGIN
        S: + VXNlcm5hbWU6
        C: YWxpY2U=
        S: + UGFzc3dvcmQ6
        C: czNjcmV0IHB3
        S: +OK
        "
    );
    let (client, handle, _) = start(&transcript, &config(Security::Tls, AuthMethod::Login));
    let mut c = client.unwrap();
    c.login().unwrap();
    handle.assert_finished();
    assert!(!c.log().to_text().contains("czNjcmV0IHB3"));
}

#[test]
fn sasl_cram_md5_rfc2195_example() {
    let transcript = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: SASL CRAM-MD5
        S: .
        C: AUTH CRAM-MD5
        S: + PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+
        C: dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw
        S: +OK CRAM authentication successful
    ";
    let mut cfg =
        Config::new("h", "tim", Secret::new("tanstaaftanstaaf")).with_security(Security::Plain);
    cfg.auth = AuthMethod::Auto;
    let (client, handle, _) = start(transcript, &cfg);
    let mut c = client.unwrap();
    c.login().unwrap();
    assert_eq!(c.mechanism(), Some(Mechanism::CramMd5));
    handle.assert_finished();
}

#[test]
fn sasl_extra_challenge_is_cancelled() {
    let transcript = format!(
        "{CAPA_TLS}
        C: AUTH PLAIN {}
        S: + more
        C: *
        S: -ERR cancelled
        ",
        popmail::pop3::auth::plain_initial_response("alice", "s3cret pw")
    );
    let (client, handle, _) = start(&transcript, &config(Security::Tls, AuthMethod::Plain));
    let mut c = client.unwrap();
    assert!(matches!(c.login(), Err(Error::Protocol { .. })));
    handle.assert_finished();
}

#[test]
fn stls_upgrade_discards_injected_bytes_and_rereads_capa() {
    let transcript = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: STLS
        S: .
        C: STLS
        S: +OK begin TLS
        S: +OK injected before the handshake
        --TLS
        C: CAPA
        S: +OK
        S: USER
        S: .
        C: USER alice
        S: +OK
        C: PASS s3cret pw
        S: +OK
    ";
    let (client, handle, _) = start(transcript, &config(Security::StartTls, AuthMethod::Auto));
    let mut c = client.unwrap();
    assert!(c.is_encrypted());
    assert!(c.capabilities().user && !c.capabilities().stls);
    c.login().unwrap();
    handle.assert_finished();
    assert!(
        c.log().to_text().contains("discarded 35 bytes"),
        "{}",
        c.log().to_text()
    );
}

#[test]
fn stls_not_offered_fails_closed() {
    let transcript = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: USER
        S: .
        C: QUIT
        S: +OK
    ";
    let (client, handle, log) = start(transcript, &config(Security::StartTls, AuthMethod::User));
    assert!(matches!(client, Err(Error::StlsUnavailable)));
    handle.assert_finished();
    assert!(!handle.written().contains("USER") && !handle.written().contains("PASS"));
    assert!(log.to_text().contains("CAPA"), "log survives the failure");
}

#[test]
fn stls_refused_fails_closed() {
    let transcript = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: STLS
        S: .
        C: STLS
        S: -ERR [SYS/TEMP] no TLS today
        C: QUIT
        S: +OK
    ";
    let (client, handle, _) = start(transcript, &config(Security::StartTls, AuthMethod::User));
    assert!(
        matches!(client, Err(Error::StlsRefused { server_text }) if server_text == "no TLS today")
    );
    handle.assert_finished();
}

#[test]
fn plaintext_password_refused_unless_allowed() {
    let transcript = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: USER
        S: .
    ";
    let (client, handle, _) = start(transcript, &config(Security::Plain, AuthMethod::User));
    let mut c = client.unwrap();
    assert!(matches!(c.login(), Err(Error::PlaintextRefused { .. })));
    handle.assert_finished();
    assert_eq!(handle.written(), "CAPA\r\n");

    let transcript = format!("{transcript}\nC: USER alice\nS: +OK\nC: PASS s3cret pw\nS: +OK\n");
    let mut cfg = config(Security::Plain, AuthMethod::Auto);
    cfg.allow_plaintext_password = true;
    let (client, handle, _) = start(&transcript, &cfg);
    client.unwrap().login().unwrap();
    handle.assert_finished();
}

#[test]
fn response_codes_become_typed_errors() {
    let cases: [(&str, ErrorCheck); 6] = [
        ("-ERR [IN-USE] locked", |e| matches!(e, Error::InUse { .. })),
        ("-ERR [LOGIN-DELAY] wait", |e| {
            matches!(
                e,
                Error::LoginDelay {
                    seconds: Some(900),
                    ..
                }
            )
        }),
        ("-ERR [SYS/TEMP] disk", |e| {
            matches!(e, Error::SysTemp { .. })
        }),
        ("-ERR [SYS/PERM] gone", |e| {
            matches!(e, Error::SysPerm { .. })
        }),
        ("-ERR [AUTH] bad password", |e| {
            matches!(e, Error::AuthFailed { .. })
        }),
        ("-ERR no", |e| matches!(e, Error::AuthFailed { .. })),
    ];
    for (reply, check) in cases {
        let transcript = format!(
            "S: +OK\nC: CAPA\nS: +OK\nS: USER\nS: LOGIN-DELAY 900\nS: .\nC: USER alice\nS: +OK\nC: PASS s3cret pw\nS: {reply}\n"
        );
        let (client, handle, _) = start(&transcript, &config(Security::Tls, AuthMethod::User));
        let err = client.unwrap().login().unwrap_err();
        assert!(check(&err), "{reply} gave {err:?}");
        assert!(!err.user_message().is_empty());
        handle.assert_finished();
    }
    let (client, _, _) = start(
        "S: -ERR [SYS/TEMP] overloaded",
        &config(Security::Tls, AuthMethod::User),
    );
    assert!(matches!(client, Err(Error::SysTemp { .. })));
}

#[test]
fn err_to_a_command_keeps_session_usable() {
    let (mut c, handle) = logged_in(
        "
        C: RETR 9
        S: -ERR no such message
        C: DELE 9
        S: -ERR no such message
        C: NOOP
        S: +OK
        C: QUIT
        S: -ERR [SYS/TEMP] could not delete
    ",
    );
    assert!(matches!(c.retr(9), Err(Error::Rejected { command, .. }) if command == "RETR 9"));
    assert!(matches!(c.dele(9), Err(Error::Rejected { .. })));
    c.noop().unwrap();
    assert!(matches!(c.quit(), Err(Error::SysTemp { .. })));
    handle.assert_finished();
}

#[test]
fn bodies_are_exact_bytes_minus_stuffing() {
    let (mut c, handle) = logged_in(
        "
        C: RETR 1
        S: +OK
        S| bare lf line
        S: crlf line
        S: ..
        S: ...two
        S| .
        C: RETR 2
        S: +OK
        S: .
    ",
    );
    assert_eq!(
        c.retr(1).unwrap(),
        b"bare lf line\ncrlf line\r\n.\r\n..two\r\n"
    );
    assert_eq!(c.retr(2).unwrap(), b"");
    handle.assert_finished();
}

#[test]
fn invalid_and_duplicate_uidls() {
    let long = "x".repeat(71);
    for bad in [format!("1 {long}"), "0 abc".to_string(), "one".to_string()] {
        let (mut c, handle) = logged_in(&format!("C: UIDL\nS: +OK\nS: {bad}\nS: .\n"));
        let err = c.uidl().unwrap_err();
        assert!(matches!(err, Error::InvalidUidl { .. }), "{bad}: {err:?}");
        handle.assert_finished();
    }
    let (mut c, _) = logged_in("C: UIDL\nS: -ERR not supported\n");
    assert!(matches!(c.uidl(), Err(Error::UidlUnsupported)));
    // Issue 11: a repeated unique-id is passed on as listed, not refused.
    let (mut c, handle) = logged_in("C: UIDL\nS: +OK\nS: 1 abc\nS: 2 abc\nS: .\n");
    let listed: Vec<(u32, String)> = c
        .uidl()
        .unwrap()
        .into_iter()
        .map(|(n, u)| (n, u.to_string()))
        .collect();
    assert_eq!(listed, [(1, "abc".to_string()), (2, "abc".to_string())]);
    handle.assert_finished();
}

#[test]
fn malformed_replies_are_protocol_errors() {
    let (mut c, _) = logged_in("C: STAT\nS: HELLO there\n");
    assert!(matches!(c.stat(), Err(Error::Protocol { command, .. }) if command == "STAT"));
    assert!(
        matches!(c.noop(), Err(Error::Broken)),
        "a desynchronised session refuses further use"
    );

    let (mut c, _) = logged_in("C: STAT\nS: +OK lots\n");
    assert!(matches!(c.stat(), Err(Error::Protocol { .. })));

    let (mut c, _) = logged_in("C: LIST\nS: +OK\nS: 1 100\nS: 1 200\nS: .\n");
    assert!(matches!(c.list(), Err(Error::Protocol { .. })));

    let long = "A".repeat(5000);
    let (mut c, _) = logged_in(&format!("C: NOOP\nS: +OK {long}\n"));
    assert!(matches!(c.noop(), Err(Error::LineTooLong { .. })));
}

#[test]
fn size_and_listing_limits() {
    let transcript = format!(
        "{CAPA_TLS}\nC: USER alice\nS: +OK\nC: PASS s3cret pw\nS: +OK\nC: RETR 1\nS: +OK\nS: 0123456789\nS: 0123456789\nS: .\n"
    );
    let mut cfg = config(Security::Tls, AuthMethod::User);
    cfg.max_message_size = 15;
    let (client, _, _) = start(&transcript, &cfg);
    let mut c = client.unwrap();
    c.login().unwrap();
    assert!(matches!(
        c.retr(1),
        Err(Error::MessageTooLarge { msg: 1, limit: 15 })
    ));

    let transcript = format!(
        "{CAPA_TLS}\nC: USER alice\nS: +OK\nC: PASS s3cret pw\nS: +OK\nC: LIST\nS: +OK\nS: 1 1\nS: 2 1\nS: 3 1\nS: .\n"
    );
    let mut cfg = config(Security::Tls, AuthMethod::User);
    cfg.max_listing = 2;
    let (client, _, _) = start(&transcript, &cfg);
    let mut c = client.unwrap();
    c.login().unwrap();
    assert!(matches!(
        c.list(),
        Err(Error::TooManyMessages { limit: 2, .. })
    ));
}

#[test]
fn connection_closed_mid_body() {
    let (mut c, _) = logged_in("C: RETR 1\nS: +OK\nS: half a message\n");
    assert!(matches!(c.retr(1), Err(Error::ConnectionClosed { .. })));
}

#[test]
fn commands_in_the_wrong_state() {
    let (client, _, _) = start(CAPA_TLS, &config(Security::Tls, AuthMethod::User));
    let mut c = client.unwrap();
    assert!(matches!(c.stat(), Err(Error::WrongState { .. })));
}

const CAPA_PIPE: &str = "
    S: +OK ready
    C: CAPA
    S: +OK
    S: USER
    S: PIPELINING
    S: .
    C: USER alice
    S: +OK
    C: PASS s3cret pw
    S: +OK
";

fn msg_reply(n: u32) -> String {
    format!("S: +OK\nS: message {n}\nS: .\n")
}

fn pipelined(rest: &str, window: usize) -> (Client, Handle) {
    let mut cfg = config(Security::Tls, AuthMethod::User);
    cfg.pipeline_window = window;
    let (client, handle, _) = start(&format!("{CAPA_PIPE}{rest}"), &cfg);
    let mut c = client.unwrap();
    c.login().unwrap();
    (c, handle)
}

#[test]
fn retr_many_pipelines_in_bounded_windows() {
    let r = msg_reply;
    let transcript = format!(
        "C: RETR 1\nC: RETR 2\nC: RETR 3\nC: RETR 4\n{}{}C: RETR 5\nC: RETR 6\n{}{}{}{}C: DELE 1\nC: DELE 2\nS: +OK\nS: +OK\n",
        r(1),
        r(2),
        r(3),
        r(4),
        r(5),
        r(6)
    );
    let (mut c, handle) = pipelined(&transcript, 4);
    let mut got = Vec::new();
    c.retr_many(&[1, 2, 3, 4, 5, 6], &mut |n, body| {
        got.push((n, body));
        Ok(())
    })
    .unwrap();
    assert_eq!(got.len(), 6);
    assert_eq!(got[5], (6, b"message 6\r\n".to_vec()));
    c.dele_many(&[1, 2]).unwrap();
    handle.assert_finished();
}

#[test]
fn retr_many_lock_step_without_pipelining() {
    let transcript = format!("C: RETR 1\n{}C: RETR 2\n{}", msg_reply(1), msg_reply(2));
    let (mut c, handle) = pipelined(&transcript, 4);
    c.set_pipelining(false);
    let mut count = 0;
    c.retr_many(&[1, 2], &mut |_, _| {
        count += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(count, 2);
    handle.assert_finished();
}

#[test]
fn sink_error_stops_cleanly() {
    let transcript = format!(
        "C: RETR 1\nC: RETR 2\nC: RETR 3\nC: RETR 4\n{}{}{}{}C: NOOP\nS: +OK\n",
        msg_reply(1),
        msg_reply(2),
        msg_reply(3),
        msg_reply(4)
    );
    let (mut c, handle) = pipelined(&transcript, 4);
    let mut seen = Vec::new();
    let err = c
        .retr_many(&[1, 2, 3, 4, 5, 6], &mut |n, _| {
            seen.push(n);
            if n == 2 {
                Err(SinkError::new("disk full"))
            } else {
                Ok(())
            }
        })
        .unwrap_err();
    assert!(matches!(err, Error::Sink { msg: 2, .. }));
    assert_eq!(seen, vec![1, 2]);
    c.noop().unwrap();
    handle.assert_finished();
}

#[test]
fn dele_many_reports_first_refusal_after_draining() {
    let (mut c, handle) = pipelined(
        "C: DELE 1\nC: DELE 2\nC: DELE 3\nS: +OK\nS: -ERR gone\nS: +OK\nC: NOOP\nS: +OK\n",
        8,
    );
    assert!(
        matches!(c.dele_many(&[1, 2, 3]), Err(Error::Rejected { command, .. }) if command == "DELE 2")
    );
    c.noop().unwrap();
    handle.assert_finished();
}

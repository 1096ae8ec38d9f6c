//! The sans-IO login state machine (`pop3::Login`) against `C:` / `S:`
//! transcripts, with no `Transport` at all.
//!
//! The replay feeds each `S:` line to the machine and checks that every
//! command it yields encodes to exactly the next `C:` line; `--TLS` marks the
//! STLS handshake (RFC 2595). Covers USER/PASS and APOP (RFC 1939), SASL
//! PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195) through AUTH (RFC 5034),
//! the automatic choice, the fail-closed STLS paths, refusals and malformed
//! greetings.

use popmail::pop3::{
    Action, AuthMethod, Config, Error, Login, LoginOutcome, Mechanism, Security, Step,
};
use popmail::secret::Secret;

#[derive(Debug, PartialEq, Eq)]
enum Line {
    Client(String),
    Server(String),
    Tls,
    /// `!!`: the server hangs up instead of answering.
    HangUp,
    /// `~~`: the driver opens a new connection.
    Reconnect,
}

fn parse(transcript: &str) -> Vec<Line> {
    transcript
        .lines()
        .map(str::trim_start)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (kind, text) = l.split_at(2);
            let text = text.strip_prefix(' ').unwrap_or(text).to_string();
            match kind {
                "C:" => Line::Client(text),
                "S:" => Line::Server(text),
                "--" => Line::Tls,
                "!!" => Line::HangUp,
                "~~" => Line::Reconnect,
                _ => panic!("bad transcript line {l:?}"),
            }
        })
        .collect()
}

/// A predicate on an error, for tables of expected failures.
type ErrorCheck = fn(&Error) -> bool;

/// How a replay ended.
#[derive(Debug)]
pub(crate) enum End {
    /// Stopped at `Opened` (only when not asked to authenticate).
    Opened,
    /// Logged in.
    Done(LoginOutcome),
    /// The machine failed.
    Failed(Error),
}

/// What a replay saw.
pub(crate) struct Replay {
    pub(crate) end: End,
    /// The log form of each command sent.
    pub(crate) log: Vec<String>,
    /// The progress steps reported.
    pub(crate) steps: Vec<Step>,
    pub(crate) machine: Login,
}

/// Replays `transcript` against a machine for `cfg`; the whole transcript
/// must be used. With `authenticate`, goes on past `Opened`.
pub(crate) fn replay(
    transcript: &str,
    cfg: &Config,
    encrypted: bool,
    authenticate: bool,
) -> Replay {
    let mut lines = parse(transcript).into_iter();
    let mut machine = Login::new(cfg, encrypted);
    let mut log = Vec::new();
    let mut steps = Vec::new();
    let end = loop {
        let action = match machine.next_action() {
            Ok(a) => a,
            Err(e) => break End::Failed(e),
        };
        match action {
            Action::Send(cmd) => {
                let mut wire = Vec::new();
                cmd.encode(&mut wire);
                let expected = match lines.next() {
                    Some(Line::Client(text)) => format!("{text}\r\n"),
                    other => panic!(
                        "machine sent {:?}, transcript has {other:?}",
                        cmd.redacted()
                    ),
                };
                assert_eq!(String::from_utf8_lossy(&wire), expected);
                log.push(cmd.redacted());
            }
            Action::Receive => match lines.next() {
                Some(Line::Server(text)) => {
                    if let Err(e) = machine.receive(text.as_bytes()) {
                        break End::Failed(e);
                    }
                }
                Some(Line::HangUp) => {
                    let closed = Error::ConnectionClosed {
                        during: machine.during().to_string(),
                    };
                    if let Err(e) = machine.interrupted(closed) {
                        break End::Failed(e);
                    }
                }
                other => panic!("machine waits for the server, transcript has {other:?}"),
            },
            Action::Reconnect => {
                assert_eq!(
                    lines.next(),
                    Some(Line::Reconnect),
                    "unexpected reconnection"
                );
                machine.reconnected(encrypted).unwrap();
            }
            Action::StartTls => {
                assert_eq!(lines.next(), Some(Line::Tls), "unexpected TLS handshake");
                machine.tls_started().unwrap();
            }
            Action::Report(step) => steps.push(step),
            Action::Opened if authenticate => {
                if let Err(e) = machine.authenticate() {
                    break End::Failed(e);
                }
            }
            Action::Opened => break End::Opened,
            Action::Done(outcome) => break End::Done(outcome),
        }
    };
    let rest: Vec<Line> = lines.collect();
    assert!(rest.is_empty(), "transcript not finished: {rest:?}");
    Replay {
        end,
        log,
        steps,
        machine,
    }
}

/// The machine's next action, skipping progress reports.
fn next_io(machine: &mut Login) -> Action {
    loop {
        match machine.next_action().unwrap() {
            Action::Report(_) => {}
            other => return other,
        }
    }
}

pub(crate) fn config(security: Security, auth: AuthMethod) -> Config {
    let mut cfg =
        Config::new("pop.example.org", "alice", Secret::new("s3cret pw")).with_security(security);
    cfg.auth = auth;
    cfg
}

/// Replays with authentication over an encrypted (implicit TLS) connection.
pub(crate) fn tls_login(transcript: &str, auth: AuthMethod) -> Replay {
    replay(transcript, &config(Security::Tls, auth), true, true)
}

pub(crate) fn mechanism(r: &Replay) -> Mechanism {
    match &r.end {
        End::Done(outcome) => outcome.mechanism,
        other => panic!("expected a login, got {other:?}"),
    }
}

pub(crate) fn error(r: Replay) -> Error {
    match r.end {
        End::Failed(e) => e,
        other => panic!("expected an error, got {other:?}"),
    }
}

pub(crate) const CAPA_ALL: &str = "
    S: +OK ready
    C: CAPA
    S: +OK Capability list follows
    S: USER
    S: SASL PLAIN LOGIN CRAM-MD5
    S: .
";

#[test]
fn login_user_pass() {
    let t = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: USER
        S: LOGIN-DELAY 900
        S: .
        C: USER alice
        S: +OK
        C: PASS s3cret pw
        S: +OK logged in
    ";
    let r = tls_login(t, AuthMethod::User);
    assert_eq!(mechanism(&r), Mechanism::User);
    assert_eq!(r.log, ["CAPA", "USER alice", "PASS ***"]);
    let End::Done(outcome) = &r.end else {
        unreachable!()
    };
    assert_eq!(outcome.capabilities.login_delay, Some(900));
    assert!(outcome.encrypted);
}

#[test]
fn login_apop_rfc1939_example() {
    // RFC 1939 §7 and §10; this server does not know CAPA.
    let t = "
        S: +OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>
        C: CAPA
        S: -ERR unknown command
        C: APOP mrose c4c9334bac560ecc979e58001b3e22fb
        S: +OK mrose's maildrop has 2 messages (320 octets)
    ";
    let mut cfg = Config::new("h", "mrose", Secret::new("tanstaaf")).with_security(Security::Plain);
    cfg.auth = AuthMethod::Apop;
    let r = replay(t, &cfg, false, true);
    assert_eq!(mechanism(&r), Mechanism::Apop);
    assert!(!r.machine.capabilities().capa_supported);
    assert_eq!(
        r.machine.greeting().unwrap().apop_timestamp.as_deref(),
        Some("<1896.697170952@dbc.mtview.ca.us>")
    );
    assert_eq!(r.log[1], "APOP mrose ***");
}

#[test]
fn login_sasl_plain_initial_response() {
    let b64 = popmail::pop3::auth::plain_initial_response("alice", "s3cret pw");
    let t = format!("{CAPA_ALL}\nC: AUTH PLAIN {b64}\nS: +OK welcome\n");
    let r = tls_login(&t, AuthMethod::Plain);
    assert_eq!(mechanism(&r), Mechanism::Plain);
    assert_eq!(r.log[1], "AUTH PLAIN ***");
}

#[test]
fn login_sasl_login_two_challenges() {
    let t = format!(
        "{CAPA_ALL}
        C: AUTH LOGIN
        S: + VXNlcm5hbWU6
        C: YWxpY2U=
        S: + UGFzc3dvcmQ6
        C: czNjcmV0IHB3
        S: +OK
        "
    );
    let r = tls_login(&t, AuthMethod::Login);
    assert_eq!(mechanism(&r), Mechanism::Login);
    assert_eq!(r.log, ["CAPA", "AUTH LOGIN", "***", "***"]);
}

#[test]
fn login_cram_md5_rfc2195_example() {
    let t = "
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
    cfg.auth = AuthMethod::CramMd5;
    let r = replay(t, &cfg, false, true);
    assert_eq!(mechanism(&r), Mechanism::CramMd5);
}

#[test]
fn login_sasl_bad_or_extra_challenge_is_cancelled() {
    let t = format!(
        "{CAPA_ALL}
        C: AUTH CRAM-MD5
        S: + not*base64
        "
    );
    let r = tls_login(&t, AuthMethod::CramMd5);
    assert!(
        matches!(error(r), Error::Protocol { .. }),
        "a challenge that is not base64 breaks the protocol"
    );

    let t = format!(
        "{CAPA_ALL}
        C: AUTH CRAM-MD5
        S: + 
        C: *
        S: -ERR cancelled
        "
    );
    let r = tls_login(&t, AuthMethod::CramMd5);
    assert!(matches!(
        error(r),
        Error::Protocol { command, .. } if command == "AUTH CRAM-MD5"
    ));

    let t = format!(
        "{CAPA_ALL}
        C: AUTH LOGIN
        S: + VXNlcm5hbWU6
        C: YWxpY2U=
        S: + UGFzc3dvcmQ6
        C: czNjcmV0IHB3
        S: + bW9yZT8=
        C: *
        S: -ERR cancelled
        "
    );
    let r = tls_login(&t, AuthMethod::Login);
    assert!(matches!(
        error(r),
        Error::Protocol {
            detail: popmail::pop3::Violation::ExtraChallenge,
            ..
        }
    ));
}

#[test]
fn login_stls_upgrade_rereads_capa() {
    let t = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: STLS
        S: SASL PLAIN
        S: .
        C: STLS
        S: +OK begin TLS
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
    let r = replay(
        t,
        &config(Security::StartTls, AuthMethod::Auto),
        false,
        true,
    );
    assert_eq!(
        mechanism(&r),
        Mechanism::User,
        "the capabilities read over TLS replace the ones read before it"
    );
    assert!(r.machine.is_encrypted());
    let reported: Vec<_> = r
        .steps
        .iter()
        .filter_map(|s| match s {
            Step::Capabilities(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(reported.len(), 1, "only the capabilities over TLS count");
    assert!(reported[0].user && !reported[0].stls);
}

#[test]
fn login_stls_required_but_not_offered_fails_before_credentials() {
    let t = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: USER
        S: .
        C: QUIT
        S: +OK
    ";
    let cfg = config(Security::StartTls, AuthMethod::User);
    let r = replay(t, &cfg, false, true);
    assert_eq!(r.log, ["CAPA", "QUIT"]);
    assert!(matches!(error(r), Error::StlsUnavailable));

    // The goodbye is a courtesy: if it cannot be read, the reason stays.
    let t = "
        S: +OK ready
        C: CAPA
        S: -ERR what
        C: QUIT
    ";
    let mut machine = Login::new(&cfg, false);
    for line in parse(t) {
        match (next_io(&mut machine), line) {
            (Action::Receive, Line::Server(s)) => machine.receive(s.as_bytes()).unwrap(),
            (Action::Send(_), Line::Client(_)) => {}
            (a, l) => panic!("{a:?} against {l:?}"),
        }
    }
    assert!(matches!(next_io(&mut machine), Action::Receive));
    let e = machine.interrupted(Error::ConnectionClosed {
        during: "QUIT".into(),
    });
    assert!(matches!(e, Err(Error::StlsUnavailable)), "{e:?}");
}

#[test]
fn login_stls_refused_says_quit() {
    let t = "
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
    let r = replay(
        t,
        &config(Security::StartTls, AuthMethod::User),
        false,
        true,
    );
    assert!(
        matches!(error(r), Error::StlsRefused { server_text } if server_text == "no TLS today")
    );
}

#[test]
fn login_implicit_tls_required_but_not_encrypted() {
    let r = replay("", &config(Security::Tls, AuthMethod::User), false, true);
    assert!(matches!(error(r), Error::Tls { .. }));
}

#[test]
fn login_auto_choice() {
    // Encrypted: the strongest offered mechanism.
    let t = format!("{CAPA_ALL}\nC: AUTH CRAM-MD5\n");
    let mut machine = Login::new(&config(Security::Tls, AuthMethod::Auto), true);
    let mut lines = parse(&t).into_iter();
    loop {
        match machine.next_action().unwrap() {
            Action::Receive => match lines.next() {
                Some(Line::Server(s)) => machine.receive(s.as_bytes()).unwrap(),
                other => panic!("{other:?}"),
            },
            Action::Send(cmd) => {
                assert_eq!(lines.next(), Some(Line::Client(cmd.redacted())));
                if lines.as_slice().is_empty() {
                    break;
                }
            }
            Action::Opened => machine.authenticate().unwrap(),
            Action::Report(_) => {}
            other => panic!("{other:?}"),
        }
    }

    // Unencrypted, without an APOP timestamp: PLAIN, LOGIN and USER would
    // send the password, so nothing is sent.
    let t = "
        S: +OK ready
        C: CAPA
        S: +OK
        S: USER
        S: SASL PLAIN LOGIN
        S: .
    ";
    let r = replay(t, &config(Security::Plain, AuthMethod::Auto), false, true);
    assert_eq!(r.log, ["CAPA"]);
    assert!(matches!(error(r), Error::PlaintextRefused { .. }));

    // Unencrypted with a timestamp: APOP.
    let digest = popmail::pop3::auth::apop_digest("<1.2@host>", "s3cret pw");
    let t = format!(
        "S: +OK hi <1.2@host>\nC: CAPA\nS: +OK\nS: USER\nS: .\nC: APOP alice {digest}\nS: +OK\n"
    );
    let r = replay(&t, &config(Security::Plain, AuthMethod::Auto), false, true);
    assert_eq!(mechanism(&r), Mechanism::Apop);
}

#[test]
fn login_opened_sends_no_credentials_until_asked() {
    let r = replay(
        CAPA_ALL,
        &config(Security::Tls, AuthMethod::Auto),
        true,
        false,
    );
    assert!(matches!(r.end, End::Opened));
    assert_eq!(r.log, ["CAPA"]);
    assert!(matches!(
        r.steps.as_slice(),
        [Step::Greeting { .. }, Step::Capabilities(_)]
    ));
}

#[test]
fn login_err_on_pass() {
    let cases: [(&str, ErrorCheck); 3] = [
        (
            "-ERR [AUTH] bad password",
            |e| matches!(e, Error::AuthFailed { server_text, .. } if server_text == "bad password"),
        ),
        ("-ERR no", |e| matches!(e, Error::AuthFailed { .. })),
        ("-ERR [IN-USE] locked", |e| matches!(e, Error::InUse { .. })),
    ];
    for (reply, check) in cases {
        let t = format!("{CAPA_ALL}\nC: USER alice\nS: +OK\nC: PASS s3cret pw\nS: {reply}\n");
        let e = error(tls_login(&t, AuthMethod::User));
        assert!(check(&e), "{reply} gave {e:?}");
    }
    let t = format!("{CAPA_ALL}\nC: USER alice\nS: -ERR [SYS/PERM] no such user\n");
    let e = error(tls_login(&t, AuthMethod::User));
    assert!(
        matches!(e, Error::SysPerm { command, .. } if command == "USER alice"),
        "refused at USER: PASS is never sent"
    );
}

#[test]
fn login_malformed_greeting() {
    let r = tls_login("S: HELLO there", AuthMethod::User);
    assert!(matches!(
        error(r),
        Error::Protocol {
            command,
            detail: popmail::pop3::Violation::Parse(popmail::pop3::ParseError {
                what: popmail::pop3::Syntax::StatusLine,
                ..
            }),
        } if command == "greeting"
    ));
    let r = tls_login("S: -ERR [SYS/TEMP] overloaded", AuthMethod::User);
    assert!(matches!(error(r), Error::SysTemp { .. }));
    let r = tls_login("S: +OK ready\nC: CAPA\nS: ?? what\n", AuthMethod::User);
    assert!(matches!(error(r), Error::Protocol { command, .. } if command == "CAPA"));
}

#[test]
fn login_unsafe_credentials_send_nothing() {
    let mut cfg = config(Security::Tls, AuthMethod::User);
    cfg.password = Secret::new("pw\r\nDELE 1");
    let r = replay(CAPA_ALL, &cfg, true, true);
    assert_eq!(r.log, ["CAPA"]);
    assert!(matches!(error(r), Error::InvalidConfig { .. }));
}

//! Settings discovery, steps 3 and 4, and the worker: DNS SRV records
//! (RFC 6186) from a local DNS stub through the real UDP resolver, and the
//! guess-and-probe (`pop.`, `pop3.`, `mail.` on 995, then 110 with STLS)
//! against a real Dovecot on 127.0.0.1 through the real POP3 probe; the
//! discovery worker's progress, result and cancel.

use std::net::{TcpListener, UdpSocket};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use popmail::account::Security;
use popmail::discovery::guess::Target;
use popmail::discovery::{
    self, AuthChoice, Discoverer, DiscoveryEvent, Error, Pop3Prober, Prober, Source, SystemResolver,
};
use popmail::oauth::HttpClient;
use popmail::worker::{Cancel, no_repaint};

use crate::support::discovery::DnsStub;
use crate::support::dovecot::{Dovecot, DovecotOptions};

/// A port where nothing listens.
fn closed_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn resolver(stub: &DnsStub) -> SystemResolver {
    SystemResolver {
        servers: vec![stub.addr()],
        timeout: Duration::from_secs(2),
    }
}

/// Records the probes; every one fails.
#[derive(Default)]
struct Refuse(Mutex<Vec<String>>);

impl Prober for Refuse {
    fn probe(&self, host: &str, port: u16, _: Security, _: &Cancel) -> Result<(), String> {
        self.0.lock().unwrap().push(format!("{host}:{port}"));
        Err("connection refused".into())
    }
}

fn discoverer(resolver: SystemResolver, prober: Arc<dyn Prober>) -> Discoverer {
    let cancel = Cancel::new();
    Discoverer {
        http: HttpClient::new(cancel.clone()),
        autoconfig_urls: Arc::new(|_| Vec::new()),
        resolver: Arc::new(resolver),
        prober,
        cancel,
    }
}

#[test]
fn discovery_srv_pop3s_record_wins_by_priority() {
    let stub = DnsStub::start();
    stub.srv("_pop3s._tcp.srv.test", 20, 0, 995, "backup.srv.test");
    stub.srv("_pop3s._tcp.srv.test", 10, 5, 1995, "Mail.Srv.Test");
    stub.srv("_pop3._tcp.srv.test", 0, 0, 110, "plain.srv.test");
    let prober = Arc::new(Refuse::default());
    let f = discoverer(resolver(&stub), prober.clone())
        .find("bo@srv.test", &mut |_| {})
        .unwrap();
    assert_eq!(
        (f.host.as_str(), f.port, f.security),
        ("mail.srv.test", 1995, Security::Tls)
    );
    assert_eq!(
        f.source,
        Source::Srv {
            record: "_pop3s._tcp.srv.test".into()
        }
    );
    assert!(
        f.describe()
            .contains("found in the DNS SRV record _pop3s._tcp.srv.test")
    );
    assert_eq!(f.username, "bo@srv.test");
    assert!(f.notes[0].contains("user name is a guess"));
    assert!(
        prober.0.lock().unwrap().is_empty(),
        "probed although SRV answered"
    );
    assert_eq!(stub.questions(), 1);
}

#[test]
fn discovery_srv_pop3_record_means_stls_and_outside_hosts_are_noted() {
    let stub = DnsStub::start();
    stub.srv("_pop3._tcp.srv.test", 0, 0, 110, "pop.hoster.example");
    let f = discoverer(resolver(&stub), Arc::new(Refuse::default()))
        .find("bo@srv.test", &mut |_| {})
        .unwrap();
    assert_eq!(
        (f.host.as_str(), f.port, f.security),
        ("pop.hoster.example", 110, Security::StartTls)
    );
    assert!(
        f.notes.iter().any(|n| n.contains("outside srv.test")),
        "{:?}",
        f.notes
    );
    assert_eq!(stub.questions(), 2);
}

#[test]
fn discovery_srv_dot_target_and_silence_fall_through_to_guessing() {
    let stub = DnsStub::start();
    stub.srv("_pop3s._tcp.srv.test", 0, 0, 0, ".");
    let prober = Arc::new(Refuse::default());
    let e = discoverer(resolver(&stub), prober.clone())
        .find("bo@srv.test", &mut |_| {})
        .unwrap_err();
    let Error::NotFound { tried, .. } = e else {
        panic!()
    };
    assert!(
        tried
            .iter()
            .any(|t| t.contains("_pop3s._tcp.srv.test: no record")),
        "{tried:?}"
    );
    assert_eq!(
        *prober.0.lock().unwrap(),
        [
            "pop.srv.test:995",
            "pop3.srv.test:995",
            "mail.srv.test:995",
            "pop.srv.test:110",
            "pop3.srv.test:110",
            "mail.srv.test:110",
        ]
    );

    // A name server that never answers: a timeout in words, then the guesses.
    let silent = UdpSocket::bind("127.0.0.1:0").unwrap();
    let r = SystemResolver {
        servers: vec![silent.local_addr().unwrap()],
        timeout: Duration::from_millis(300),
    };
    let e = discoverer(r, Arc::new(Refuse::default()))
        .find("bo@srv.test", &mut |_| {})
        .unwrap_err();
    assert!(e.to_string().contains("no answer within 300 ms"), "{e}");
}

/// Sends `NAME:PORT` guesses where `map` says, anything else to a closed port.
fn target(map: Vec<(&'static str, u16, u16)>) -> Target {
    let closed = closed_port();
    Arc::new(move |host: &str, port: u16| {
        let to = map
            .iter()
            .find(|(h, p, _)| *h == host && *p == port)
            .map_or(closed, |(_, _, to)| *to);
        ("localhost".to_string(), to)
    })
}

#[test]
fn discovery_srv_guess_and_probe_against_dovecot() {
    let d = Dovecot::start(&DovecotOptions::default());
    let stub = DnsStub::start();
    // Implicit TLS on pop3.guess.test.
    let prober = Pop3Prober {
        ca_file: Some(d.ca_pem_path()),
        target: Some(target(vec![("pop3.guess.test", 995, d.tls_port())])),
    };
    let mut progress = Vec::new();
    let f = discoverer(resolver(&stub), Arc::new(prober))
        .find("alice@guess.test", &mut |l| progress.push(l))
        .unwrap();
    assert_eq!(
        (f.host.as_str(), f.port, f.security),
        ("pop3.guess.test", 995, Security::Tls)
    );
    assert_eq!(f.source, Source::Guess);
    assert_eq!(f.auth, vec![AuthChoice::Password]);
    assert!(
        f.skipped
            .iter()
            .any(|s| s.starts_with("pop.guess.test:995:")),
        "{:?}",
        f.skipped
    );
    assert!(
        progress.iter().any(|p| p == "Trying pop.guess.test:995…"),
        "{progress:?}"
    );

    // Only STLS on port 110 of mail.guess.test.
    let prober = Pop3Prober {
        ca_file: Some(d.ca_pem_path()),
        target: Some(target(vec![("mail.guess.test", 110, d.plain_port())])),
    };
    let f = discoverer(resolver(&stub), Arc::new(prober))
        .find("alice@guess.test", &mut |_| {})
        .unwrap();
    assert_eq!(
        (f.host.as_str(), f.port, f.security),
        ("mail.guess.test", 110, Security::StartTls)
    );

    // A server whose certificate is not trusted is not taken.
    let prober = Pop3Prober {
        ca_file: None,
        target: Some(target(vec![("pop.guess.test", 995, d.tls_port())])),
    };
    let e = discoverer(resolver(&stub), Arc::new(prober))
        .find("alice@guess.test", &mut |_| {})
        .unwrap_err();
    let Error::NotFound { tried, .. } = e else {
        panic!()
    };
    assert!(
        tried
            .iter()
            .any(|t| t.starts_with("pop.guess.test:995:") && t.contains("certificate")),
        "{tried:?}"
    );
}

/// A prober that waits until cancelled.
struct Hang;

impl Prober for Hang {
    fn probe(&self, _: &str, _: u16, _: Security, cancel: &Cancel) -> Result<(), String> {
        while !cancel.is_cancelled() {
            std::thread::sleep(Duration::from_millis(5));
        }
        Err("cancelled".into())
    }
}

#[test]
fn discovery_srv_worker_reports_progress_and_cancels() {
    let stub = DnsStub::start();
    let r = resolver(&stub);
    let make: discovery::MakeDiscoverer = Arc::new(move |cancel: Cancel| Discoverer {
        http: HttpClient::new(cancel.clone()),
        autoconfig_urls: Arc::new(|_| Vec::new()),
        resolver: Arc::new(r.clone()),
        prober: Arc::new(Hang),
        cancel,
    });
    let worker = discovery::spawn("bo@slow.test".into(), make.clone(), no_repaint()).unwrap();
    let mut events = Vec::new();
    loop {
        let e = worker
            .events()
            .recv_timeout(Duration::from_secs(20))
            .unwrap();
        if matches!(&e, DiscoveryEvent::Progress(p) if p.starts_with("Trying")) {
            worker.cancel();
        }
        let stop = matches!(e, DiscoveryEvent::Stopped(_));
        events.push(e);
        if stop {
            break;
        }
    }
    assert!(
        matches!(&events[0], DiscoveryEvent::Progress(p) if p.contains("list of providers")),
        "{events:?}"
    );
    assert!(
        events.contains(&DiscoveryEvent::Done(Err(Error::Cancelled))),
        "{events:?}"
    );
    assert_eq!(
        events.last(),
        Some(&DiscoveryEvent::Stopped(
            "finding settings was cancelled".into()
        ))
    );

    // A table answer through the worker.
    let worker = discovery::spawn("x@gmx.de".into(), make, no_repaint()).unwrap();
    let found = loop {
        match worker
            .events()
            .recv_timeout(Duration::from_secs(20))
            .unwrap()
        {
            DiscoveryEvent::Done(r) => break r.unwrap(),
            DiscoveryEvent::Progress(_) => {}
            DiscoveryEvent::Stopped(s) => panic!("{s}"),
        }
    };
    assert_eq!(found.host, "pop.gmx.net");
}

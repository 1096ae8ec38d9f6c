//! Settings discovery, step 2: the provider's autoconfig file
//! (`config-v1.1.xml`, Thunderbird's public format) from a local HTTP
//! server: the fixtures in tests/data/autoconfig written from the format,
//! the second address when the first fails, and hostile answers — a 50 MB
//! flood, an entity bomb, an undeclared entity, wrong types, a redirect to
//! plain http or out of the domain, not XML at all — each a clear error,
//! and discovery going on to the next step.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use popmail::account::Security;
use popmail::discovery::autoconfig::{self, AutoAuth, AutoconfigError};
use popmail::discovery::{AuthChoice, Discoverer, Error, Prober, Source, SrvResolver};
use popmail::oauth::HttpClient;
use popmail::oauth::dns::SrvRecord;
use popmail::oauth::http::HttpError;
use popmail::worker::Cancel;

use crate::support::discovery::{Answer, FixtureServer};

const EMAIL: &str = "ann@example.test";

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/autoconfig")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Nothing;

impl SrvResolver for Nothing {
    fn srv(&self, _: &str, _: &Cancel) -> Result<Vec<SrvRecord>, String> {
        Ok(Vec::new())
    }
}

impl Prober for Nothing {
    fn probe(&self, _: &str, _: u16, _: Security, _: &Cancel) -> Result<(), String> {
        Err("connection refused".into())
    }
}

/// A discoverer whose autoconfig addresses are on `server`:
/// `/auto/DOMAIN` then `/well-known/DOMAIN`.
fn discoverer(server: &FixtureServer) -> Discoverer {
    let base = server.url("");
    let cancel = Cancel::new();
    Discoverer {
        http: HttpClient::new(cancel.clone()),
        autoconfig_urls: Arc::new(move |domain| {
            vec![
                format!("{base}/auto/{domain}"),
                format!("{base}/well-known/{domain}"),
            ]
        }),
        resolver: Arc::new(Nothing),
        prober: Arc::new(Nothing),
        cancel,
    }
}

fn fetch(server: &FixtureServer, path: &str) -> Result<autoconfig::Autoconfig, AutoconfigError> {
    autoconfig::fetch(&HttpClient::new(Cancel::new()), &server.url(path), EMAIL)
}

#[test]
fn discovery_autoconfig_fixture_fills_the_settings() {
    let server = FixtureServer::start();
    server.route(
        "/auto/example.test",
        Answer::Body(fixture("example-pop3.xml")),
    );
    let mut progress = Vec::new();
    let f = discoverer(&server)
        .find(EMAIL, &mut |l| progress.push(l))
        .unwrap();
    // Implicit TLS is preferred over the STLS entry listed first.
    assert_eq!(
        (f.host.as_str(), f.port, f.security),
        ("pop.example.test", 995, Security::Tls)
    );
    assert_eq!(f.username, EMAIL);
    assert_eq!(f.provider.as_deref(), Some("Example Mail & Co"));
    assert_eq!(
        f.source,
        Source::Autoconfig {
            url: server.url("/auto/example.test")
        }
    );
    assert_eq!(f.auth, vec![AuthChoice::Password]);
    assert!(
        f.notes
            .iter()
            .any(|n| n == "Turn on POP3 in the web settings first."),
        "{:?}",
        f.notes
    );
    assert!(
        !f.notes.iter().any(|n| n.contains("zuerst")),
        "non-English instruction kept"
    );
    assert!(
        f.notes.iter().any(|n| n.contains("OAuth2")),
        "{:?}",
        f.notes
    );
    assert!(f.describe().contains(&format!(
        "the provider's autoconfig file at {}",
        server.url("/auto/example.test")
    )));
    assert!(
        progress.iter().any(|p| p.contains("/auto/example.test")),
        "{progress:?}"
    );
    assert_eq!(
        f.skipped,
        vec!["popmail's built-in list: example.test is not in it".to_string()]
    );

    // The parser alone: both POP3 entries, placeholders replaced, IMAP ignored.
    let parsed = autoconfig::parse(&fixture("example-pop3.xml"), EMAIL).unwrap();
    assert_eq!(parsed.servers.len(), 2);
    let stls = &parsed.servers[0];
    assert_eq!(
        (stls.host.as_str(), stls.port, stls.security),
        ("pop110.example.test", 110, Security::StartTls)
    );
    assert_eq!(stls.username, "ann");
    assert_eq!(stls.auth, vec![AutoAuth::Password]);
    assert_eq!(
        parsed.servers[1].auth,
        vec![AutoAuth::Password, AutoAuth::OAuth2]
    );
}

#[test]
fn discovery_autoconfig_second_address_when_the_first_fails() {
    let server = FixtureServer::start();
    server.route("/auto/example.test", Answer::Status(500));
    server.route(
        "/well-known/example.test",
        Answer::Body(fixture("example-pop3.xml")),
    );
    let f = discoverer(&server).find(EMAIL, &mut |_| {}).unwrap();
    assert_eq!(
        f.source,
        Source::Autoconfig {
            url: server.url("/well-known/example.test")
        }
    );
    assert!(
        f.skipped.iter().any(|s| s.contains("HTTP 500")),
        "{:?}",
        f.skipped
    );
    assert_eq!(
        server.asked(),
        vec!["/auto/example.test", "/well-known/example.test"]
    );
}

#[test]
fn discovery_autoconfig_imap_only_goes_on_and_says_what_was_tried() {
    let server = FixtureServer::start();
    server.route("/auto/example.test", Answer::Body(fixture("imap-only.xml")));
    let e = discoverer(&server).find(EMAIL, &mut |_| {}).unwrap_err();
    let Error::NotFound { domain, tried } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(domain, "example.test");
    let all = tried.join("\n");
    assert!(all.contains("lists no POP3 server"), "{all}");
    assert!(all.contains("HTTP 404"), "{all}");
    assert!(all.contains("_pop3s._tcp.example.test: no record"), "{all}");
    assert!(
        all.contains("pop.example.test:995: connection refused"),
        "{all}"
    );
    assert!(
        all.contains("mail.example.test:110: connection refused"),
        "{all}"
    );
    assert!(e.to_string().contains("enter the server by hand"));
}

#[test]
fn discovery_autoconfig_hostile_flood_is_cut_off() {
    let server = FixtureServer::start();
    server.route("/flood", Answer::Flood(50 * 1024 * 1024));
    let started = Instant::now();
    let e = fetch(&server, "/flood").unwrap_err();
    assert!(
        matches!(&e, AutoconfigError::Fetch { source: HttpError::TooLarge { limit }, .. } if *limit == autoconfig::MAX_FILE),
        "{e:?}"
    );
    assert!(e.to_string().contains("larger than 262144 bytes"), "{e}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
}

/// A fixture, the error it must give, and words the message must hold.
type Case = (&'static str, fn(&AutoconfigError) -> bool, &'static str);

#[test]
fn discovery_autoconfig_hostile_xml_gives_clear_errors() {
    let cases: [Case; 8] = [
        (
            "entity-bomb.xml",
            |e| matches!(e, AutoconfigError::Dtd),
            "declares a DTD",
        ),
        (
            "undeclared-entity.xml",
            |e| matches!(e, AutoconfigError::Entity { name } if name == "xxe"),
            "undeclared entity “&xxe;”",
        ),
        (
            "wrong-port.xml",
            |e| matches!(e, AutoconfigError::BadValue { field: "port", .. }),
            "bad port: “nine-nine-five” (expected a number from 1 to 65535)",
        ),
        (
            "port-out-of-range.xml",
            |e| matches!(e, AutoconfigError::BadValue { field: "port", .. }),
            "bad port: “70000”",
        ),
        (
            "bad-socket-type.xml",
            |e| {
                matches!(
                    e,
                    AutoconfigError::BadValue {
                        field: "socketType",
                        ..
                    }
                )
            },
            "expected SSL, STARTTLS or plain",
        ),
        (
            "bad-hostname.xml",
            |e| {
                matches!(
                    e,
                    AutoconfigError::BadValue {
                        field: "hostname",
                        ..
                    }
                )
            },
            "not a host name",
        ),
        (
            "not-autoconfig.html",
            |e| matches!(e, AutoconfigError::NotAutoconfig { .. }),
            "root element is <html>",
        ),
        (
            "imap-only.xml",
            |e| matches!(e, AutoconfigError::NoPop3),
            "lists no POP3 server",
        ),
    ];
    let server = FixtureServer::start();
    for (name, is, words) in cases {
        server.route(&format!("/{name}"), Answer::Body(fixture(name)));
        let started = Instant::now();
        let e = fetch(&server, &format!("/{name}")).unwrap_err();
        assert!(is(&e), "{name}: {e:?}");
        assert!(e.to_string().contains(words), "{name}: {e}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{name}: took {:?}",
            started.elapsed()
        );
    }
    // Not XML at all, and an empty root.
    for (body, words) in [
        (&b"\x00\xff\xfe garbage <<"[..], "not"),
        (b"<clientConfig><emailProvider>", "not well-formed XML"),
        (b"<clientConfig/>", "lists no POP3 server"),
        (b"", "not an autoconfig file"),
    ] {
        let e = autoconfig::parse(body, EMAIL).unwrap_err();
        assert!(e.to_string().contains(words), "{body:?}: {e}");
    }
}

#[test]
fn discovery_autoconfig_hostile_redirects_are_refused() {
    let server = FixtureServer::start();
    server.route("/good", Answer::Body(fixture("example-pop3.xml")));
    // Down to plain http on another host.
    server.route(
        "/to-http",
        Answer::Redirect("http://autoconfig.example.test/mail/config-v1.1.xml".into()),
    );
    let e = fetch(&server, "/to-http").unwrap_err();
    assert!(
        matches!(
            &e,
            AutoconfigError::Fetch {
                source: HttpError::Refused { .. },
                ..
            }
        ),
        "{e:?}"
    );
    assert!(
        e.to_string()
            .contains("not https:// (popmail never goes down to plain http)"),
        "{e}"
    );
    // Out of the provider's domain.
    server.route(
        "/away",
        Answer::Redirect("https://config.evil.test/x.xml".into()),
    );
    let e = fetch(&server, "/away").unwrap_err();
    assert!(
        e.to_string()
            .contains("refused to go to https://config.evil.test/x.xml: it leaves example.test"),
        "{e}"
    );
    // A loop ends.
    server.route("/loop", Answer::Redirect("/loop".into()));
    let e = fetch(&server, "/loop").unwrap_err();
    assert!(e.to_string().contains("more than 5 redirects"), "{e}");
    // Within the same server: followed.
    server.route("/moved", Answer::Redirect("/good".into()));
    let ok = fetch(&server, "/moved").unwrap();
    assert_eq!(ok.servers[1].host, "pop.example.test");
    // And the address asked for must itself be https (or loopback http).
    let e = autoconfig::fetch(
        &HttpClient::new(Cancel::new()),
        "http://example.test/x",
        EMAIL,
    )
    .unwrap_err();
    assert!(e.to_string().contains("not https://"), "{e}");
}

#[test]
fn discovery_autoconfig_every_truncation_is_an_error_not_a_panic() {
    let whole = fixture("example-pop3.xml");
    for n in 0..whole.len() {
        // Any result is fine; a panic fails the test.
        let r = autoconfig::parse(&whole[..n], EMAIL);
        if let Ok(c) = r {
            assert!(
                c.servers
                    .iter()
                    .all(|s| autoconfig::valid_host(&s.host) && s.port > 0)
            );
        }
    }
}

#[test]
fn discovery_autoconfig_cancel_stops_before_asking() {
    let server = FixtureServer::start();
    server.route(
        "/auto/example.test",
        Answer::Body(fixture("example-pop3.xml")),
    );
    let d = discoverer(&server);
    d.cancel.cancel();
    assert_eq!(d.find(EMAIL, &mut |_| {}).unwrap_err(), Error::Cancelled);
    assert!(server.asked().is_empty(), "{:?}", server.asked());
}

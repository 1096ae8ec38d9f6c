//! Settings discovery, step 1: popmail's built-in table of the large
//! providers — servers, sign-in choices, the notes in words, iCloud's "no
//! POP3" — answered without touching the network (the other steps are
//! replaced by recorders that fail the test if asked); and the CLI's
//! `account add NAME --email ADDR [--yes]`.

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use popmail::account::{OAuthProvider, Security};
use popmail::discovery::{AuthChoice, Discoverer, Error, Found, Prober, Source, SrvResolver};
use popmail::oauth::HttpClient;
use popmail::oauth::dns::SrvRecord;
use popmail::worker::Cancel;

use crate::support::store::DataDir;

/// Counts every question the later steps get.
#[derive(Default)]
struct Counter(AtomicUsize);

impl SrvResolver for Counter {
    fn srv(&self, _: &str, _: &Cancel) -> Result<Vec<SrvRecord>, String> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Err("no network in this test".into())
    }
}

impl Prober for Counter {
    fn probe(&self, _: &str, _: u16, _: Security, _: &Cancel) -> Result<(), String> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Err("no network in this test".into())
    }
}

fn offline() -> (Discoverer, Arc<Counter>, Arc<AtomicUsize>) {
    let counter = Arc::new(Counter::default());
    let urls = Arc::new(AtomicUsize::new(0));
    let u = Arc::clone(&urls);
    let cancel = Cancel::new();
    let d = Discoverer {
        http: HttpClient::new(cancel.clone()),
        autoconfig_urls: Arc::new(move |_| {
            u.fetch_add(1, Ordering::SeqCst);
            Vec::new()
        }),
        resolver: counter.clone(),
        prober: counter.clone(),
        cancel,
    };
    (d, counter, urls)
}

fn find(address: &str) -> Result<Found, Error> {
    let (d, counter, urls) = offline();
    let mut progress = Vec::new();
    let r = d.find(address, &mut |l| progress.push(l));
    if r.is_ok() || matches!(r, Err(Error::NoPop3 { .. })) {
        assert_eq!(
            counter.0.load(Ordering::SeqCst),
            0,
            "{address}: asked the network"
        );
        assert_eq!(
            urls.load(Ordering::SeqCst),
            0,
            "{address}: asked for autoconfig"
        );
    }
    assert!(progress[0].contains("list of providers"), "{progress:?}");
    r
}

#[test]
fn discovery_table_gmail_has_its_notes_and_oauth_first() {
    for address in ["someone@gmail.com", "Someone@GoogleMail.com"] {
        let f = find(address).unwrap();
        assert_eq!(f.host, "pop.gmail.com");
        assert_eq!((f.port, f.security), (995, Security::Tls));
        assert_eq!(f.source, Source::Table { provider: "Gmail" });
        assert_eq!(f.auth[0], AuthChoice::OAuth2(OAuthProvider::Google));
        assert!(
            matches!(f.auth[1], AuthChoice::AppPassword { link } if link.contains("apppasswords"))
        );
        let notes = f.notes.join("\n");
        assert!(
            notes.contains("Turn on POP in Gmail's settings > Forwarding and POP/IMAP"),
            "{notes}"
        );
        assert!(
            notes.contains("about 250 messages per session; popmail keeps going"),
            "{notes}"
        );
        assert!(
            notes.contains("“recent:”") && notes.contains("30 days"),
            "{notes}"
        );
        assert!(
            f.describe()
                .contains("found in popmail's built-in list (Gmail)")
        );
    }
    assert_eq!(
        find("someone@googlemail.com").unwrap().username,
        "someone@googlemail.com"
    );
}

#[test]
fn discovery_table_microsoft_accepts_only_oauth() {
    for address in [
        "a@outlook.com",
        "a@hotmail.com",
        "a@live.com",
        "a@msn.com",
        "a@hotmail.co.uk",
    ] {
        let f = find(address).unwrap();
        assert_eq!(f.host, "outlook.office365.com", "{address}");
        assert_eq!(f.auth, vec![AuthChoice::OAuth2(OAuthProvider::Microsoft)]);
        assert!(f.notes[0].contains("only OAuth2"), "{:?}", f.notes);
    }
    let m365 = find("it@contoso.onmicrosoft.com").unwrap();
    assert_eq!(m365.provider.as_deref(), Some("Microsoft 365"));
    assert_eq!(m365.host, "outlook.office365.com");
    // A domain merely ending in the same letters is not Microsoft's.
    assert!(matches!(
        find("a@evilonmicrosoft.com"),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn discovery_table_app_password_providers_link_their_page() {
    let cases = [
        (
            "a@yahoo.com",
            "pop.mail.yahoo.com",
            "login.yahoo.com/account/security/app-passwords",
            "Yahoo needs an app password",
        ),
        (
            "a@yahoo.co.uk",
            "pop.mail.yahoo.com",
            "login.yahoo.com",
            "Yahoo needs an app password",
        ),
        (
            "a@yahoo.de",
            "pop.mail.yahoo.com",
            "login.yahoo.com",
            "Yahoo needs an app password",
        ),
        (
            "a@aol.com",
            "pop.aol.com",
            "login.aol.com",
            "AOL needs an app password",
        ),
        (
            "a@fastmail.com",
            "pop.fastmail.com",
            "fastmail.com",
            "app password",
        ),
        (
            "a@yandex.ru",
            "pop.yandex.com",
            "id.yandex.com",
            "app password",
        ),
        (
            "a@mail.ru",
            "pop.mail.ru",
            "account.mail.ru",
            "external applications",
        ),
        (
            "a@zoho.com",
            "pop.zoho.com",
            "accounts.zoho.com",
            "POP access",
        ),
        ("a@zoho.eu", "pop.zoho.eu", "accounts.zoho.eu", "POP access"),
    ];
    for (address, host, link_part, note) in cases {
        let f = find(address).unwrap();
        assert_eq!(f.host, host, "{address}");
        let link = f
            .auth
            .iter()
            .find_map(|a| match a {
                AuthChoice::AppPassword { link } => Some(*link),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{address}: no app password choice"));
        assert!(
            link.starts_with("https://") && link.contains(link_part),
            "{address}: {link}"
        );
        assert!(f.notes.join(" ").contains(note), "{address}: {:?}", f.notes);
    }
}

#[test]
fn discovery_table_gmx_and_web_de_need_pop_switched_on() {
    for (address, host) in [
        ("a@gmx.de", "pop.gmx.net"),
        ("a@gmx.net", "pop.gmx.net"),
        ("a@gmx.at", "pop.gmx.net"),
        ("a@gmx.ch", "pop.gmx.net"),
        ("a@gmx.com", "pop.gmx.com"),
        ("a@gmx.co.uk", "pop.gmx.com"),
        ("a@gmx.fr", "pop.gmx.com"),
    ] {
        let f = find(address).unwrap();
        assert_eq!(f.host, host, "{address}");
        assert!(
            f.notes[0].starts_with("GMX: enable POP3 in the web settings"),
            "{:?}",
            f.notes
        );
        assert_eq!(f.auth, vec![AuthChoice::Password]);
    }
    let w = find("a@web.de").unwrap();
    assert_eq!(w.host, "pop3.web.de");
    assert!(w.notes[0].contains("enable POP3"));
}

#[test]
fn discovery_table_icloud_says_there_is_no_pop3() {
    for address in ["a@icloud.com", "a@me.com", "a@mac.com"] {
        let e = find(address).unwrap_err();
        assert!(
            matches!(
                e,
                Error::NoPop3 {
                    provider: "iCloud Mail",
                    ..
                }
            ),
            "{e:?}"
        );
        let text = e.to_string();
        assert!(
            text.contains("iCloud Mail has no POP3 service") && text.contains("only IMAP"),
            "{text}"
        );
    }
}

#[test]
fn discovery_table_bad_addresses_are_refused_in_words() {
    for bad in [
        "",
        "nobody",
        "@example.com",
        "a@",
        "a@nodot",
        "a b@example.com",
        "a@exa mple.com",
    ] {
        let (d, _, _) = offline();
        let e = d.find(bad, &mut |_| {}).unwrap_err();
        assert!(matches!(e, Error::BadAddress { .. }), "{bad:?}: {e:?}");
        assert!(e.to_string().contains("is not an email address"), "{e}");
    }
}

fn popmail(data: &DataDir) -> Command {
    let mut c = crate::support::popmail_binary();
    c.arg("--data-dir")
        .arg(data.path())
        .env("POPMAIL_NO_KEYCHAIN", "1")
        .env_remove("POPMAIL_DATA_DIR");
    c
}

#[test]
fn discovery_table_cli_account_add_email_yes() {
    let data = DataDir::new();
    let out = popmail(&data)
        .args([
            "account",
            "add",
            "g",
            "--email",
            "someone@gmail.com",
            "--yes",
            "--password-env",
            "PW",
        ])
        .env("PW", "app-password-1234")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("POP3 server pop.gmail.com:995 (tls)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("found in popmail's built-in list (Gmail)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("note: Turn on POP in Gmail's settings"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "will use: App password (make one at https://myaccount.google.com/apppasswords)"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("added account \"g\" (pop.gmail.com:995, tls)"),
        "{stdout}"
    );
    assert!(!stdout.contains("app-password-1234") && !stderr.contains("app-password-1234"));

    let list = popmail(&data)
        .args(["account", "list", "--json"])
        .output()
        .unwrap();
    let accounts: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let s = &accounts[0];
    assert_eq!(s["host"], "pop.gmail.com", "{accounts}");
    assert_eq!(s["port"], 995);
    assert_eq!(s["username"], "someone@gmail.com");
    assert_eq!(s["email"], "someone@gmail.com");
    assert_eq!(s["security"], "tls");
}

#[test]
fn discovery_table_cli_asks_first_and_refuses_icloud() {
    let data = DataDir::new();
    // Without --yes and without a terminal: nothing is added.
    let out = popmail(&data)
        .args([
            "account",
            "add",
            "y",
            "--email",
            "a@yahoo.com",
            "--password-env",
            "PW",
        ])
        .env("PW", "pw")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stdout.contains("pop.mail.yahoo.com") && stdout.contains("Yahoo needs an app password"),
        "{stdout}"
    );
    assert!(stderr.contains("add --yes"), "{stderr}");
    let list = popmail(&data).args(["account", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&list.stdout).trim().is_empty());

    let out = popmail(&data)
        .args([
            "account",
            "add",
            "i",
            "--email",
            "a@icloud.com",
            "--yes",
            "--password-env",
            "PW",
        ])
        .env("PW", "pw")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("iCloud Mail has no POP3 service"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    // An explicit --host skips discovery: the old way still works.
    let out = popmail(&data)
        .args([
            "account",
            "add",
            "h",
            "--email",
            "a@icloud.com",
            "--host",
            "pop.example.test",
            "--user",
            "a",
            "--password-env",
            "PW",
        ])
        .env("PW", "pw")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("found in"));
}

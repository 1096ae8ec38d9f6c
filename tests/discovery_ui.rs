//! "Find settings" in the account form, driving the real window by its
//! labels (egui_kittest): a Gmail address fills the form from the built-in
//! table with its notes and sign-in choices (Sign in with Google, App
//! password with its link) and a choice switches the form; an address of a
//! local test domain is found through its autoconfig file on a local HTTP
//! server; iCloud says it has no POP3 and the form stays editable; a slow
//! search shows its progress and can be cancelled.

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use popmail::account::Security;
use popmail::discovery::{Discoverer, MakeDiscoverer, Prober, SrvResolver};
use popmail::oauth::HttpClient;
use popmail::oauth::dns::SrvRecord;
use popmail::ui::App;
use popmail::worker::Cancel;

use crate::support::discovery::{Answer, FixtureServer};
use crate::support::ui::*;

struct Local;

impl SrvResolver for Local {
    fn srv(&self, _: &str, _: &Cancel) -> Result<Vec<SrvRecord>, String> {
        Ok(Vec::new())
    }
}

/// Waits for cancel when `hang`, else refuses.
struct Probe {
    hang: bool,
}

impl Prober for Probe {
    fn probe(&self, _: &str, _: u16, _: Security, cancel: &Cancel) -> Result<(), String> {
        while self.hang && !cancel.is_cancelled() {
            std::thread::sleep(Duration::from_millis(5));
        }
        Err("connection refused".into())
    }
}

/// Discovery with autoconfig on `base` (`/auto/DOMAIN`), no DNS, and a
/// prober that hangs or refuses.
fn local(base: String, hang: bool) -> MakeDiscoverer {
    Arc::new(move |cancel: Cancel| {
        let base = base.clone();
        Discoverer {
            http: HttpClient::new(cancel.clone()),
            autoconfig_urls: Arc::new(move |d| vec![format!("{base}/auto/{d}")]),
            resolver: Arc::new(Local),
            prober: Arc::new(Probe { hang }),
            cancel,
        }
    })
}

fn field<'a>(h: &'a Harness<'static, App>, label: &'static str) -> egui_kittest::Node<'a> {
    h.get_by(move |n| n.role() == Role::TextInput && n.label().as_deref() == Some(label))
}

fn has_field(h: &Harness<'static, App>, label: &'static str) -> bool {
    h.query_by(move |n| {
        matches!(n.role(), Role::TextInput | Role::PasswordInput)
            && n.label().as_deref() == Some(label)
    })
    .is_some()
}

fn set(h: &mut Harness<'static, App>, label: &'static str, text: &str) {
    field(h, label).set_text_value_accesskit(text);
    h.run_steps(3);
}

fn value(h: &Harness<'static, App>, label: &'static str) -> String {
    field(h, label).value().unwrap_or_default()
}

fn press(h: &mut Harness<'static, App>, label: &str) {
    h.get_by_label(label).click_accesskit();
    h.run_steps(3);
}

fn wait_for_label(h: &mut Harness<'static, App>, part: &str) {
    let start = Instant::now();
    while !has_label_containing(h, part) {
        if start.elapsed() > Duration::from_secs(30) {
            let shown: Vec<String> = h
                .query_all_by_label_contains(" ")
                .filter_map(|n| n.accesskit_node().label())
                .collect();
            panic!("timed out waiting for “{part}”; on screen: {shown:#?}");
        }
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run_steps(2);
}

fn open_form(h: &mut Harness<'static, App>) {
    settle(h);
    press(h, "Add a POP3 account…");
}

#[test]
fn discovery_ui_find_settings_fills_the_form_from_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let server = FixtureServer::start();
    let mut h = harness(dir.path(), false);
    h.state_mut().set_keychain(false);
    h.state_mut().set_discoverer(local(server.url(""), false));
    open_form(&mut h);
    assert!(
        h.get_by_label("Find settings")
            .accesskit_node()
            .is_disabled()
    );
    set(&mut h, "Email address", "someone@gmail.com");
    press(&mut h, "Find settings");
    wait_for_label(&mut h, "Found in popmail's built-in list (Gmail).");
    assert_eq!(value(&h, "Server"), "pop.gmail.com");
    assert_eq!(value(&h, "Port"), "995");
    assert_eq!(value(&h, "User name"), "someone@gmail.com");
    assert_eq!(value(&h, "Account name"), "Gmail");
    assert!(has_label_containing(
        &h,
        "Turn on POP in Gmail's settings > Forwarding and POP/IMAP"
    ));
    assert!(has_label_containing(&h, "about 250 messages per session"));
    assert!(has_label_containing(&h, "“recent:”"));
    // The best choice is applied: OAuth with Google.
    assert!(has_label_containing(&h, "Sign in with Google"));
    assert!(h.query_by_label("Make an app password").is_some());
    assert!(
        !has_field(&h, "Password"),
        "a password field with OAuth chosen"
    );
    // Choosing the app password switches the form to a password.
    press(&mut h, "App password");
    h.run_steps(3);
    assert!(
        has_field(&h, "Password"),
        "no password field after choosing the app password"
    );
    assert!(
        server.asked().is_empty(),
        "the table answer asked the network"
    );
}

#[test]
fn discovery_ui_autoconfig_error_and_cancel() {
    let dir = tempfile::tempdir().unwrap();
    let server = FixtureServer::start();
    let xml = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/autoconfig/example-pop3.xml"),
    )
    .unwrap();
    server.route("/auto/example.test", Answer::Body(xml));
    let mut h = harness(dir.path(), false);
    h.state_mut().set_keychain(false);
    h.state_mut().set_discoverer(local(server.url(""), false));
    open_form(&mut h);

    set(&mut h, "Email address", "ann@example.test");
    press(&mut h, "Find settings");
    wait_for_label(&mut h, "Found in the provider's autoconfig file at");
    assert_eq!(value(&h, "Server"), "pop.example.test");
    assert_eq!(value(&h, "User name"), "ann@example.test");
    assert!(has_label_containing(
        &h,
        "Turn on POP3 in the web settings first."
    ));

    // iCloud: no POP3, said in words; the form keeps what it had.
    set(&mut h, "Email address", "ann@icloud.com");
    press(&mut h, "Find settings");
    wait_for_label(&mut h, "iCloud Mail has no POP3 service");
    assert_eq!(value(&h, "Server"), "pop.example.test");
    set(&mut h, "Server", "pop.typed.test");
    assert_eq!(value(&h, "Server"), "pop.typed.test");

    // A slow search shows what it does and stops on Cancel.
    h.state_mut().set_discoverer(local(server.url(""), true));
    set(&mut h, "Email address", "ann@slow.test");
    press(&mut h, "Find settings");
    wait_for_label(&mut h, "Trying pop.slow.test:995…");
    press(&mut h, "Cancel search");
    wait_for_label(&mut h, "Finding settings was cancelled.");
    assert!(
        !h.get_by_label("Find settings")
            .accesskit_node()
            .is_disabled()
    );
}

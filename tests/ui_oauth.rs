//! OAuth 2.0 sign-in in the settings dialog, driving the real window by its
//! labels (egui_kittest) with the real sync worker, the mock identity
//! provider (`support::idp`) and Dovecot's oauth2 passdb: a new account of a
//! custom provider (the advanced section) signs in through the browser (the
//! test plays it through `App::set_browser`), is saved with its refresh
//! token, and syncs; a sign-in can be cancelled while it waits; after the
//! provider revokes the sign-in, the sync error offers "Sign in again" in
//! the status bar, which signs in again and syncs.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use popmail::ui::App;

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::idp::{CLIENT_ID, Idp, TestBrowser};
use crate::support::ui::*;

/// Answers "Choose…" with the test CA.
struct Picker(PathBuf);

impl popmail::ui::FilePicker for Picker {
    fn save_file(&mut self, _suggested: &str) -> Option<PathBuf> {
        None
    }
    fn pick_folder(&mut self) -> Option<PathBuf> {
        None
    }
    fn pick_file(&mut self, _title: &str, _extensions: &[&str]) -> Option<PathBuf> {
        Some(self.0.clone())
    }
}

/// The test's browser: follows the sign-in page like a person who signs in
/// at once, or (with `follow` off) only notes it, like one who has not yet.
#[derive(Clone, Default)]
struct PlayedBrowser {
    follow: Arc<AtomicBool>,
    inner: TestBrowser,
}

impl popmail::oauth::Browser for PlayedBrowser {
    fn open(&self, url: &str) -> Result<(), String> {
        if self.follow.load(Ordering::SeqCst) {
            self.inner.open(url)
        } else {
            self.inner.opened.lock().unwrap().push(url.to_string());
            Ok(())
        }
    }
}

fn press(h: &mut Harness<'static, App>, label: &str) {
    h.get_by_label(label).click_accesskit();
    settle(h);
}

fn set(h: &mut Harness<'static, App>, label: &'static str, text: &str) {
    h.get_by(move |n| n.role() == Role::TextInput && n.label().as_deref() == Some(label))
        .set_text_value_accesskit(text);
    settle(h);
}

/// Opens the combo box labelled `combo` and picks `choice`.
fn choose(h: &mut Harness<'static, App>, combo: &'static str, choice: &str) {
    h.get_by(move |n| n.role() == Role::ComboBox && n.label().as_deref() == Some(combo))
        .click_accesskit();
    h.run_steps(2);
    h.get_by_label(choice).click_accesskit();
    settle(h);
}

/// Steps until a label containing `part` shows (panics after 60 s).
fn wait_for_label(h: &mut Harness<'static, App>, part: &str) {
    let start = Instant::now();
    while !has_label_containing(h, part) {
        if start.elapsed() > Duration::from_secs(60) {
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

#[test]
fn ui_oauth_sign_in_in_the_dialog_syncs_and_sign_in_again_after_revocation() {
    let idp = Idp::start("alice");
    let d = Dovecot::start(&DovecotOptions {
        users: vec![("alice".into(), String::new())],
        oauth2_introspection: Some(idp.url("/introspect")),
        ..DovecotOptions::default()
    });
    d.add_message(
        "alice",
        &message(0, "Bob <bob@example.org>", "hello oauth", "Hi.", ""),
    );
    let dir = tempfile::tempdir().unwrap();
    let browser = PlayedBrowser::default();
    let mut h = harness(dir.path(), false);
    h.state_mut().set_keychain(false);
    h.state_mut()
        .set_file_picker(Box::new(Picker(d.ca_pem_path())));
    h.state_mut().set_browser(Arc::new(browser.clone()));
    settle(&mut h);

    press(&mut h, "Add a POP3 account…");
    set(&mut h, "Account name", "Work");
    set(&mut h, "Email address", "alice@example.org");
    set(&mut h, "Server", "127.0.0.1");
    set(&mut h, "Port", &d.tls_port().to_string());
    set(&mut h, "User name", "alice");
    press(&mut h, "Choose…");
    choose(
        &mut h,
        "Authentication",
        "Sign in with Google, Microsoft, Yahoo, AOL, Fastmail… (OAuth 2.0)",
    );
    assert!(
        !has_label(&h, "Password"),
        "a sign-in account has no password field"
    );
    assert!(has_label(&h, "Sign in with Google"), "Google first");
    choose(&mut h, "Provider", "another provider");
    assert!(
        has_label_containing(&h, "The authorization endpoint is not set"),
        "a custom provider without endpoints is explained"
    );
    set(&mut h, "Client ID", CLIENT_ID);
    set(&mut h, "Authorization URL", &idp.url("/authorize"));
    set(&mut h, "Token URL", &idp.url("/token"));
    set(&mut h, "Scope", "pop offline_access");
    assert!(
        has_label_containing(&h, "Sign in with the provider before saving."),
        "a new account must sign in first"
    );

    // The person does not answer in the browser: waiting, then Cancel.
    press(&mut h, "Sign in with another provider");
    wait_for_label(&mut h, "Waiting for you to sign in in your browser…");
    assert_eq!(browser.inner.opened.lock().unwrap().len(), 1);
    press(&mut h, "Cancel sign-in");
    wait_for_label(&mut h, "The sign-in was cancelled.");
    assert!(has_label(&h, "Account name"), "the form stays editable");

    // Now they sign in.
    browser.follow.store(true, Ordering::SeqCst);
    press(&mut h, "Sign in with another provider");
    wait_for_label(&mut h, "✔ Signed in with another provider as alice.");
    let landing = browser.inner.landing.lock().unwrap().clone();
    assert!(
        landing.is_some_and(|p| p.is_ok_and(|p| p.contains("You can close this tab"))),
        "the browser landed on the closing page"
    );
    press(&mut h, "Save");
    assert!(!has_label(&h, "New account"), "Save closes the form");
    wait_until(&mut h, "the new account's mail", |app| app.list_len() == 1);
    let store = reopen(dir.path());
    let account = store.account_by_name("Work").unwrap();
    assert_eq!(account.settings.auth, popmail::account::AuthMethod::OAuth2);
    assert_eq!(account.settings.oauth, Some(idp.settings(false)));
    assert!(
        popmail::credentials::load_refresh_token(&store, account.id)
            .unwrap()
            .is_some(),
        "the refresh token was kept"
    );
    assert_eq!(
        idp.refreshes(),
        0,
        "the sync used the sign-in's access token"
    );

    // The provider withdraws the sign-in: the next sync needs a new one.
    idp.revoke_refresh_tokens("alice");
    idp.expire_access_tokens();
    d.add_message(
        "alice",
        &message(1, "Bob <bob@example.org>", "after sign-in", "Hi.", ""),
    );
    click(&mut h, "⟳ Sync");
    wait_until(&mut h, "the sync to fail", |app| {
        !app.syncing() && app.last_sync_error().is_some()
    });
    wait_for_label(&mut h, "Sign in again: \"Work\"");
    assert!(
        has_label(&h, "Sign in again"),
        "the button is in the status bar"
    );
    assert_eq!(
        popmail::credentials::load_refresh_token(&store, account.id).unwrap(),
        None,
        "the refused refresh token is forgotten"
    );

    click(&mut h, "Sign in again");
    wait_for_label(&mut h, "✔ Signed in with another provider as alice.");
    press(&mut h, "Save");
    wait_until(&mut h, "the mail after signing in again", |app| {
        app.list_len() == 2
    });
    assert!(
        popmail::credentials::load_refresh_token(&store, account.id)
            .unwrap()
            .is_some()
    );
    wait_for_label(&mut h, "Work: 1 downloaded");
    assert!(!has_label(&h, "Sign in again"), "the error is gone");
}

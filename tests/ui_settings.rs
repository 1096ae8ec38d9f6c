//! The settings dialog, driving the real window by its labels (egui_kittest)
//! with the real sync worker against a real Dovecot: adding an account and
//! testing its connection step by step (an untrusted certificate pinned on
//! the way), a wrong password, STARTTLS not offered, form validation, a policy
//! change that the next sync follows (with the clean-up preview), removing an
//! account while keeping its mail, the Preferences tab's backup, and the way
//! in from a failing account's error window.
//!
//! Passwords never touch a real keychain: `App::set_keychain(false)` makes the
//! dialog keep them in the store, and they are read back with
//! `credentials::load` (which falls back to the store).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use popmail::account::{Policy, Security};
use popmail::store::{AccountId, Store};
use popmail::ui::App;

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::sync::dovecot_settings;
use crate::support::ui::*;

/// Answers file dialogs without showing any.
struct Picker {
    /// What "Choose…" (open a file) returns.
    file: Option<PathBuf>,
    /// Where "Save…" puts files.
    dir: PathBuf,
}

impl popmail::ui::FilePicker for Picker {
    fn save_file(&mut self, suggested: &str) -> Option<PathBuf> {
        Some(self.dir.join(suggested))
    }
    fn pick_folder(&mut self) -> Option<PathBuf> {
        Some(self.dir.clone())
    }
    fn pick_file(&mut self, _title: &str, _extensions: &[&str]) -> Option<PathBuf> {
        self.file.clone()
    }
}

/// The window over `dir`, passwords kept out of the keychain.
fn window(dir: &std::path::Path, picker: Picker) -> Harness<'static, App> {
    let mut h = harness(dir, false);
    h.state_mut().set_keychain(false);
    h.state_mut().set_file_picker(Box::new(picker));
    settle(&mut h);
    h
}

fn no_picker() -> Picker {
    Picker {
        file: None,
        dir: std::env::temp_dir(),
    }
}

/// Clicks a widget through AccessKit (it may be scrolled out of view).
fn press(h: &mut Harness<'static, App>, label: &str) {
    h.get_by_label(label).click_accesskit();
    settle(h);
}

/// The text field labelled `label`.
fn field<'h>(h: &'h Harness<'static, App>, label: &'static str) -> egui_kittest::Node<'h> {
    h.get_by(move |n| {
        matches!(n.role(), Role::TextInput | Role::PasswordInput)
            && n.label().as_deref() == Some(label)
    })
}

/// Replaces the text of the field labelled `label`.
fn set(h: &mut Harness<'static, App>, label: &'static str, text: &str) {
    field(h, label).set_text_value_accesskit(text);
    settle(h);
}

/// The text of the field labelled `label`.
fn value(h: &Harness<'static, App>, label: &'static str) -> String {
    field(h, label).value().unwrap_or_default()
}

fn disabled(h: &Harness<'static, App>, label: &str) -> bool {
    h.get_by_label(label).accesskit_node().is_disabled()
}

/// Steps until a label containing `part` shows (panics after 60 s with what is on screen).
fn wait_for_label(h: &mut Harness<'static, App>, part: &str) {
    let start = Instant::now();
    loop {
        h.step();
        if has_label_containing(h, part) {
            h.run_steps(2);
            return;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let steps: Vec<String> = h
                .query_all_by_label_contains(" — ")
                .filter_map(|n| n.accesskit_node().label())
                .collect();
            panic!("timed out waiting for “{part}”; on screen: {steps:#?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The vertical position of the first label containing `part`.
fn y_of(h: &Harness<'static, App>, part: &str) -> f32 {
    h.get_by_label_contains(part).rect().min.y
}

/// Fills the new-account form for `alice` on `port`.
fn fill_alice(h: &mut Harness<'static, App>, name: &'static str, port: u16, password: &str) {
    set(h, "Account name", name);
    set(h, "Email address", "alice@example.org");
    set(h, "Server", "127.0.0.1");
    set(h, "Port", &port.to_string());
    set(h, "User name", "alice");
    set(h, "Password", password);
}

fn store_of(dir: &std::path::Path) -> Store {
    reopen(dir)
}

#[test]
fn add_an_account_then_test_connection_step_by_step_pinning_the_certificate() {
    let d = Dovecot::start(&DovecotOptions::default());
    for i in 0..2 {
        d.add_message(
            "alice",
            &message(i, "Bob <bob@example.org>", &format!("hello {i}"), "Hi.", ""),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(dir.path(), no_picker());
    press(&mut h, "Add a POP3 account…");
    assert!(
        has_label(&h, "New account"),
        "the welcome page opens the form"
    );
    assert!(
        has_label_containing(&h, "No system keychain is available"),
        "the dialog says where the password goes"
    );
    fill_alice(&mut h, "Dove", d.tls_port(), "alice-pw");

    // No CA file: the test CA is not trusted, so the TLS step fails and
    // offers to pin the certificate.
    press(&mut h, "Test connection");
    wait_for_label(&mut h, "✖ TLS — ");
    assert!(has_label_containing(&h, "is not trusted"));
    let grouped = d
        .server_sha256()
        .as_bytes()
        .chunks(2)
        .map(|c| String::from_utf8_lossy(c).to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(":");
    assert!(
        has_label(&h, &grouped),
        "the certificate's SHA-256 fingerprint is shown"
    );
    assert!(!has_label_containing(&h, "✔ Login"), "no login was tried");
    press(&mut h, "Trust this certificate (pin its fingerprint)");
    assert!(has_label(&h, "Remove pin"), "the pin is in the form");

    press(&mut h, "Test connection");
    wait_for_label(&mut h, "✔ Mailbox — 2 messages");
    let order = [
        "✔ Resolve — ",
        "✔ Connect — connected to 127.0.0.1",
        "✔ TLS — TLS — certificate",
        "✔ Greeting — ",
        "✔ Capabilities — sign-in: ",
        "✔ Login — signed in as alice",
        "✔ Mailbox — 2 messages",
    ];
    let ys: Vec<f32> = order.iter().map(|s| y_of(&h, s)).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "steps in order: {ys:?}");
    assert!(has_label(&h, "The connection works."));
    assert!(
        !has_label_containing(&h, "alice-pw"),
        "the password is never on screen"
    );

    press(&mut h, "Save");
    assert!(!has_label(&h, "New account"), "Save closes the form");
    let store = store_of(dir.path());
    let account = store.account_by_name("Dove").unwrap();
    assert_eq!(account.settings.port, d.tls_port());
    assert_eq!(account.settings.security, Security::Tls);
    assert_eq!(
        account.settings.pinned_sha256.as_deref(),
        Some(d.server_sha256().as_str())
    );
    let pw = popmail::credentials::load(&store, account.id)
        .unwrap()
        .unwrap();
    assert_eq!(pw.expose(), "alice-pw");
    assert_eq!(
        store.stored_password(account.id).unwrap().as_deref(),
        Some("alice-pw"),
        "without a keychain the password is in the store"
    );
    // A new account is checked at once.
    wait_until(&mut h, "the new account's mail", |app| app.list_len() == 2);
}

#[test]
fn a_wrong_password_shows_the_authentication_error() {
    let d = Dovecot::start(&DovecotOptions::default());
    let dir = tempfile::tempdir().unwrap();
    let picker = Picker {
        file: Some(d.ca_pem_path()),
        dir: dir.path().to_path_buf(),
    };
    let mut h = window(dir.path(), picker);
    press(&mut h, "Add a POP3 account…");
    fill_alice(&mut h, "Dove", d.tls_port(), "not-the-password");
    press(&mut h, "Choose…");
    assert!(
        has_label(&h, &d.ca_pem_path().display().to_string()),
        "the chosen CA file is shown"
    );
    press(&mut h, "Test connection");
    wait_for_label(&mut h, "✖ Login — ");
    assert!(has_label_containing(&h, "✔ TLS — "), "the CA file is used");
    assert!(
        has_label_containing(&h, "The server rejected the user name or password"),
        "the failure is in words"
    );
    assert!(has_label_containing(
        &h,
        "Check them in the account settings"
    ));
    assert!(!has_label_containing(&h, "not-the-password"));
    assert!(!has_label(&h, "The connection works."));
}

#[test]
fn starttls_not_offered_is_explained() {
    let d = Dovecot::start(&DovecotOptions {
        tls: false,
        ..DovecotOptions::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(dir.path(), no_picker());
    press(&mut h, "Add a POP3 account…");
    press(&mut h, "STARTTLS");
    assert_eq!(value(&h, "Port"), "110", "STARTTLS fills in its port");
    fill_alice(&mut h, "Plain", d.plain_port(), "alice-pw");
    press(&mut h, "Test connection");
    wait_for_label(&mut h, "✖ TLS — ");
    assert!(
        has_label_containing(
            &h,
            "The server does not offer an encrypted connection (STLS), so no password was sent."
        ),
        "STARTTLS not offered is explained"
    );
    assert!(!has_label_containing(&h, "Login — "), "no login was tried");
}

#[test]
fn invalid_fields_block_save_with_the_right_messages() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = window(dir.path(), no_picker());
    click(&mut h, "File");
    click(&mut h, "Add a POP3 account…");
    assert_eq!(value(&h, "Port"), "995", "TLS on 995 by default");
    assert!(disabled(&h, "Save"), "an empty form cannot be saved");
    assert!(
        !has_label_containing(&h, "⚠ "),
        "untouched fields are not flagged yet"
    );
    fill_alice(&mut h, "Work", 995, "pw");
    assert!(has_label(
        &h,
        "⚠ Another account is already called “Work”. Choose another name."
    ));
    set(&mut h, "Server", "");
    assert!(has_label(
        &h,
        "⚠ Enter the server name, e.g. pop.example.org."
    ));
    set(&mut h, "Port", "70000");
    assert!(has_label(
        &h,
        "⚠ The port must be a number from 1 to 65535."
    ));
    press(&mut h, "Keep a copy for");
    set(&mut h, "days", "0");
    assert!(has_label(&h, "⚠ Enter a number of days, 1 or more."));
    press(&mut h, "None");
    assert_eq!(value(&h, "Port"), "70000", "a typed port stays");
    assert!(has_label(
        &h,
        "⚠ Without encryption, tick the box above to confirm, or choose TLS."
    ));
    assert!(disabled(&h, "Save"));
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    assert_eq!(
        reopen(dir.path()).accounts().unwrap().len(),
        1,
        "Enter does not save an invalid form"
    );

    set(&mut h, "Account name", "Second");
    set(&mut h, "Server", "pop.example.org");
    set(&mut h, "Port", "1110");
    set(&mut h, "days", "30");
    press(&mut h, "I understand my password is sent unencrypted");
    assert!(!has_label_containing(&h, "⚠ "), "every problem is fixed");
    assert!(!disabled(&h, "Save"));
    h.key_press(egui::Key::Enter);
    settle(&mut h);
    let s = reopen(dir.path())
        .account_by_name("Second")
        .unwrap()
        .settings;
    assert_eq!(
        (s.port, s.security, s.allow_plaintext_password, s.policy),
        (1110, Security::Plain, true, Policy::KeepDays(30)),
        "Enter saves a valid form"
    );
}

#[test]
fn escape_and_cancel_discard_changes() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = window(dir.path(), no_picker());
    click(&mut h, "File");
    click(&mut h, "Account settings…");
    press(&mut h, "Work — user@127.0.0.1:9");
    press(&mut h, "Edit…");
    set(&mut h, "Server", "changed.example.org");
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(has_label(&h, "Add…"), "Esc goes back to the list");
    press(&mut h, "Edit…");
    assert_eq!(value(&h, "Server"), "127.0.0.1");
    set(&mut h, "Server", "changed.example.org");
    press(&mut h, "Cancel");
    assert_eq!(
        reopen(dir.path())
            .account_by_name("Work")
            .unwrap()
            .settings
            .host,
        "127.0.0.1",
        "nothing was saved"
    );
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(!has_label(&h, "Add…"), "Esc on the list closes the dialog");
}

fn seeded_dovecot(n: usize) -> Dovecot {
    let d = Dovecot::start(&DovecotOptions::default());
    for i in 0..n {
        d.add_message(
            "alice",
            &message(i, "Bob <bob@example.org>", &format!("note {i}"), "Hi.", ""),
        );
    }
    d
}

/// Waits until the server holds `n` messages for alice.
fn wait_server_count(h: &mut Harness<'static, App>, d: &Dovecot, n: usize) {
    let start = Instant::now();
    while d.message_count("alice") != n {
        h.step();
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the server still holds {} messages, not {n}; last error: {:?}",
            d.message_count("alice"),
            h.state().last_sync_error()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_policy_change_is_saved_and_the_next_sync_follows_it() {
    let d = seeded_dovecot(3);
    let dir = tempfile::tempdir().unwrap();
    let id: AccountId = {
        let mut store = reopen(dir.path());
        let mut s = dovecot_settings(&d, "Dove", Policy::Keep);
        s.email = "alice@example.org".into();
        crate::support::sync::add_account(&mut store, &s, "alice-pw").id
    };
    let mut h = window(dir.path(), no_picker());
    click(&mut h, "⟳ Sync");
    wait_until(&mut h, "the first sync", |app| app.list_len() == 3);
    assert_eq!(d.message_count("alice"), 3, "Keep leaves the server alone");

    click(&mut h, "File");
    click(&mut h, "Account settings…");
    press(&mut h, &format!("Dove — alice@127.0.0.1:{}", d.tls_port()));
    press(&mut h, "Edit…");
    press(&mut h, "Delete from the server after download");
    press(&mut h, "Save");
    assert!(has_label(&h, "✔ Saved “Dove”."));
    assert_eq!(
        reopen(dir.path()).account(id).unwrap().settings.policy,
        Policy::Delete,
        "the policy is in the store"
    );

    press(&mut h, "Edit…");
    press(&mut h, "Preview server clean-up");
    wait_for_label(&mut h, "The next sync would delete 3 messages");
    assert!(has_label_containing(&h, "3 messages are there now."));
    assert_eq!(d.message_count("alice"), 3, "a preview deletes nothing");
    press(&mut h, "Cancel");
    press(&mut h, "Close");

    click(&mut h, "⟳ Sync");
    wait_server_count(&mut h, &d, 0);
    settle(&mut h);
    assert_eq!(h.state().list_len(), 3, "the mail stays here");
}

#[test]
fn remove_keeps_the_mail_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let fx = sample(dir.path());
    let before = reopen(dir.path()).folders().unwrap();
    let inbox_total = before.iter().find(|f| f.id == fx.inbox).unwrap().total;
    assert!(inbox_total > 0);
    let mut h = window(dir.path(), no_picker());
    click(&mut h, "File");
    click(&mut h, "Account settings…");
    press(&mut h, "Work — user@127.0.0.1:9");
    press(&mut h, "Remove…");
    assert!(has_label(&h, "Remove “Work”?"));
    assert!(has_label_containing(
        &h,
        "Nothing is deleted on the server."
    ));
    press(&mut h, "Remove account");
    // The write thread moves the mail in batches; the dialog says when it is done.
    wait_for_label(&mut h, "✔ Removed “Work”.");
    let store = reopen(dir.path());
    assert!(store.accounts().unwrap().is_empty(), "the account is gone");
    let kept = store
        .folders()
        .unwrap()
        .into_iter()
        .find(|f| f.name == "Work (removed account)")
        .expect("the kept mail's folder");
    assert_eq!(kept.total, inbox_total, "every message is kept");
    assert!(has_label(
        &h,
        "✔ Removed “Work”. Its mail is in the folder “Work (removed account)”."
    ));
    press(&mut h, "Close");
    assert!(
        has_label_containing(&h, "Work (removed account)"),
        "the folder pane shows the kept mail"
    );
}

#[test]
fn preferences_tab_changes_the_theme_and_backs_up_the_store() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let out = tempfile::tempdir().unwrap();
    let mut h = window(
        dir.path(),
        Picker {
            file: None,
            dir: out.path().to_path_buf(),
        },
    );
    click(&mut h, "File");
    click(&mut h, "Preferences…");
    assert!(
        has_label(&h, &dir.path().display().to_string()),
        "the data folder is shown"
    );
    assert!(has_label(&h, "Notify me when new mail arrives"));
    press(&mut h, "Dark");
    assert_eq!(
        h.state_mut().prefs_mut().theme,
        popmail::ui::prefs::ThemeChoice::Dark
    );
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::Dark,
        "the theme follows at once"
    );
    press(&mut h, "Back up now…");
    wait_for_label(&mut h, "✔ Backup saved to");
    let mut files: Vec<PathBuf> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    // The store and its search index (issue 17), side by side.
    assert_eq!(files.len(), 2, "the store and its index: {files:?}");
    assert_eq!(
        files[0],
        popmail::store::index_path(&files[1]),
        "the index file belongs to the store's copy: {files:?}"
    );
    files.swap(0, 1);
    // The copy of an encrypted store (the encrypted pass) has its key.
    let key = store_config(dir.path()).key().cloned();
    let copy = Store::open(&popmail::store::StoreConfig::new(&files[0]).with_key(key)).unwrap();
    assert_eq!(
        copy.accounts().unwrap().len(),
        1,
        "the copy is a working store"
    );
}

#[test]
fn a_failing_accounts_error_window_opens_its_settings() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = reopen(dir.path());
        let a = store
            .add_account(&account_settings("Broken", port))
            .unwrap();
        store.set_stored_password(a.id, Some("pw")).unwrap();
    }
    let mut h = window(dir.path(), no_picker());
    click(&mut h, "⟳ Sync");
    wait_until(&mut h, "the sync to fail", |app| {
        !app.syncing() && app.last_sync_error().is_some()
    });
    h.run_steps(3);
    click(&mut h, "Details…");
    press(&mut h, "Open account settings");
    assert!(has_label(&h, "Edit account “Broken”"));
    assert_eq!(value(&h, "Port"), port.to_string());
}

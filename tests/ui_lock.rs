//! The lock screen of an encrypted store, driven headless (egui_kittest):
//! the window starts locked and shows none of the folder names or subjects;
//! a wrong passphrase says so and changes no byte of the store or key file;
//! the right one opens the mail; Ctrl+L and File → Lock drop it again.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use popmail::keys::KEY_FILE;
use popmail::store::{Flags, FolderRole, NewMessage};
use popmail::ui::App;

use crate::support::store::{DataDir, TEST_PASSPHRASE};
use crate::support::ui::*;

/// What must never be on the lock screen.
const SECRET: &[&str] = &["Secretfolder", "Zebrasubject", "Okapisender"];

fn encrypted_with_mail() -> DataDir {
    let data = DataDir::encrypted();
    let mut store = data.store();
    let folder = store
        .create_folder("Secretfolder", None, FolderRole::User)
        .unwrap();
    let batch: Vec<_> = (0..3)
        .map(|i| {
            NewMessage::prepare(
                message(
                    i,
                    "Okapisender <o@example.org>",
                    "Zebrasubject",
                    "hidden",
                    "",
                ),
                folder,
                Flags::default(),
            )
        })
        .collect();
    store.insert_batch(&batch).unwrap();
    data
}

fn shows_no_mail(h: &Harness<'static, App>) {
    assert!(h.state().is_locked(), "the window is locked");
    assert!(has_label(h, "The mail store is locked"));
    for s in SECRET {
        assert!(!has_label_containing(h, s), "the lock screen shows {s:?}");
    }
}

fn files(data: &DataDir) -> Vec<Vec<u8>> {
    [data.store_path(), data.path().join(KEY_FILE)]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

#[test]
fn ui_lock_start_locked_wrong_passphrase_unlock_and_lock_again() {
    let data = encrypted_with_mail();
    let mut h = harness_raw(data.path(), false);
    h.run_steps(3);
    shows_no_mail(&h);

    let before = files(&data);
    unlock_with(&mut h, "not the passphrase");
    shows_no_mail(&h);
    assert!(
        has_label_containing(&h, "wrong passphrase"),
        "a wrong passphrase says so"
    );
    assert_eq!(files(&data), before, "a wrong passphrase changes no byte");

    unlock_with(&mut h, TEST_PASSPHRASE);
    settle(&mut h);
    assert!(!h.state().is_locked());
    assert!(
        has_label(&h, "Secretfolder"),
        "the mail is shown once unlocked"
    );
    click_folder(&mut h, "Secretfolder");
    assert!(has_label_containing(&h, "Zebrasubject"));

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run_steps(3);
    shows_no_mail(&h);

    unlock_with(&mut h, TEST_PASSPHRASE);
    settle(&mut h);
    assert!(!h.state().is_locked());
    click(&mut h, "File");
    // The menu entry's label carries its shortcut.
    h.get_all_by_label_contains("Ctrl+L")
        .next()
        .expect("File → Lock")
        .click();
    h.run_steps(3);
    shows_no_mail(&h);
}

#[test]
fn ui_lock_recovery_key_field_refuses_what_is_not_a_key() {
    let data = encrypted_with_mail();
    let mut h = harness_raw(data.path(), false);
    h.run_steps(3);
    click(&mut h, "Use the recovery key instead");
    unlock_with(&mut h, "1234");
    shows_no_mail(&h);
    assert!(has_label_containing(&h, "not a recovery key"));
}

#[test]
fn ui_lock_plaintext_store_opens_without_a_lock_screen() {
    let data = DataDir::plaintext();
    drop(data.store());
    let mut h = harness_raw(data.path(), false);
    settle(&mut h);
    assert!(!h.state().is_locked());
    assert!(!has_label(&h, "The mail store is locked"));
    assert!(
        has_label(&h, "Add a POP3 account…"),
        "the empty store's welcome page is shown"
    );
}

#[test]
fn ui_lock_idle_minutes_lock_on_an_injected_clock_and_input_resets_them() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI64, Ordering};
    let data = encrypted_with_mail();
    let mut h = harness_raw(data.path(), false);
    let now = Arc::new(AtomicI64::new(1_000_000));
    let c = Arc::clone(&now);
    h.state_mut()
        .set_clock(Box::new(move || c.load(Ordering::SeqCst)));
    h.state_mut().prefs_mut().lock_after_minutes = 5;
    h.run_steps(2);
    unlock_with(&mut h, TEST_PASSPHRASE);
    settle(&mut h);
    assert!(!h.state().is_locked());

    now.fetch_add(4 * 60, Ordering::SeqCst);
    h.run_steps(2);
    assert!(!h.state().is_locked(), "4 idle minutes of 5: still open");
    // Input (a key) starts the count again.
    h.key_press(egui::Key::Escape);
    h.run_steps(1);
    now.fetch_add(4 * 60, Ordering::SeqCst);
    h.run_steps(2);
    assert!(!h.state().is_locked(), "input reset the idle time");
    now.fetch_add(60, Ordering::SeqCst);
    h.run_steps(2);
    shows_no_mail(&h);
}

/// An encrypted store with mail and an account on the demo POP3 server
/// behind a slow proxy (each KiB delayed by `delay`), and the window over it
/// with "Keep syncing while locked" set to `keep`, unlocked, syncing.
fn syncing_then_locked(
    keep: bool,
    delay: std::time::Duration,
) -> (DataDir, popmail::demo::DemoServer, Harness<'static, App>) {
    let data = encrypted_with_mail();
    let server = popmail::demo::DemoServer::start().unwrap();
    let port = slow_proxy(server.port(), delay);
    {
        let mut store = data.store();
        let mut settings = account_settings("Home", port);
        settings.username = popmail::demo::DemoServer::USER.into();
        let account = store.add_account(&settings).unwrap();
        store
            .set_stored_password(account.id, Some(popmail::demo::DemoServer::PASSWORD))
            .unwrap();
    }
    // The demo mail has scripts egui's bundled fonts lack.
    let mut h = harness_raw_any_script(popmail::ui::RunOptions {
        data_dir: data.path().to_path_buf(),
        demo: false,
        store_page_limit: None,
        ..Default::default()
    });
    h.state_mut().prefs_mut().sync_while_locked = keep;
    h.run_steps(2);
    unlock_with(&mut h, TEST_PASSPHRASE);
    settle(&mut h);
    click(&mut h, "⟳ Sync");
    wait_until(&mut h, "the sync to start", App::syncing);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run_steps(3);
    shows_no_mail(&h);
    (data, server, h)
}

/// Messages stored in the Inbox of the account "Home".
fn home_inbox(data: &DataDir) -> u64 {
    let store = data.store();
    let account = store
        .accounts()
        .unwrap()
        .into_iter()
        .find(|a| a.settings.name == "Home")
        .unwrap();
    store
        .count(popmail::store::Scope::Folder(account.inbox))
        .unwrap()
}

#[test]
fn ui_lock_keeps_syncing_while_locked_when_the_preference_says_so() {
    let (data, _server, mut h) = syncing_then_locked(true, std::time::Duration::from_millis(25));
    assert!(has_label_containing(
        &h,
        "Syncing continues while the mail store is locked"
    ));
    let n = popmail::demo::sample_messages().len() as u64;
    let start = std::time::Instant::now();
    while home_inbox(&data) < n {
        h.step();
        assert!(h.state().is_locked(), "still locked");
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "the sync did not go on behind the lock screen"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    shows_no_mail(&h);
    // Its notification names no account, sender or subject while locked.
    wait_until(&mut h, "the sync's notification", |app| {
        !app.notes_sent().is_empty()
    });
    let notes = h.state().notes_sent().to_vec();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].summary.ends_with("new messages"), "{notes:?}");
    assert_eq!(notes[0].body, "", "no senders or subjects while locked");
    unlock_with(&mut h, TEST_PASSPHRASE);
    settle(&mut h);
    assert!(!h.state().is_locked());
    assert!(
        has_label_containing(&h, "Welcome to popmail"),
        "the mail synced while locked is listed after unlocking"
    );
}

#[test]
fn ui_lock_pauses_syncing_while_locked_by_default() {
    let (data, _server, mut h) = syncing_then_locked(false, std::time::Duration::from_millis(150));
    assert!(has_label_containing(
        &h,
        "Syncing is paused while the mail store is locked"
    ));
    // The message in flight may still land; after that nothing more does.
    std::thread::sleep(std::time::Duration::from_secs(3));
    h.run_steps(2);
    let paused = home_inbox(&data);
    std::thread::sleep(std::time::Duration::from_secs(4));
    h.run_steps(2);
    assert_eq!(home_inbox(&data), paused, "nothing synced while locked");
    assert!(
        paused < popmail::demo::sample_messages().len() as u64,
        "the sync was stopped part way"
    );
    shows_no_mail(&h);
}

/// What eframe would write to its storage file (a RON file in the platform
/// data directory), kept in memory.
#[derive(Default)]
struct SavedState(std::collections::BTreeMap<String, String>);

impl eframe::Storage for SavedState {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_string(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn ui_lock_saved_window_state_holds_no_mail_text() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    click_row(&mut h, "Alice Example", "Quarterly report");
    click(&mut h, "Everywhere");
    let input = h.get_by_role(egui::Role::TextInput);
    input.focus();
    input.type_text("milestones");
    settle(&mut h);
    assert!(has_label_containing(&h, "result for “milestones”"));
    // Both halves of what eframe persists: the app's values and egui's memory.
    let mut saved = SavedState::default();
    eframe::App::save(h.state_mut(), &mut saved);
    let memory = h.ctx.memory(|m| ron::to_string(m).unwrap());
    let all = format!("{:?}\n{memory}", saved.0);
    assert!(
        all.contains("lock_after_minutes"),
        "the preferences are saved: {all}"
    );
    for text in [
        "Quarterly",
        "quarterly numbers",
        "milestones",
        "Alice",
        "alice@example.org",
        "Lunch on Friday",
        "Project plan",
    ] {
        assert!(!all.contains(text), "{text:?} is in the saved window state");
    }
}

//! The lock screen of an encrypted store, driven headless (egui_kittest):
//! the window starts locked and shows none of the folder names or subjects;
//! a wrong passphrase says so and changes no byte of the store or key file;
//! the right one opens the mail; Ctrl+L and File → Lock drop it again.

use egui::Role;
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

fn unlock_with(h: &mut Harness<'static, App>, typed: &str) {
    h.get_by(|n| matches!(n.role(), Role::TextInput | Role::PasswordInput))
        .set_text_value_accesskit(typed);
    h.run_steps(2);
    h.get_by_label("Unlock").click_accesskit();
    h.run_steps(3);
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

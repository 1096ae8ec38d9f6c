//! Preferences → Security driven headless (egui_kittest) through the real
//! dialog and the real job worker: encrypting from the window, then Lock and
//! unlock with the new passphrase (and the recovery key shown once opens the
//! key file); a cancelled conversion leaves the store byte-identical; a
//! passphrase change takes effect at the next unlock; decrypting removes the
//! key file.

use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use popmail::keys::{Header, KEY_FILE, Kind, WrapKey};
use popmail::store::{Store, StoreConfig};
use popmail::ui::App;

use crate::support::store::{DataDir, TEST_PASSPHRASE, fill_folder, simple_message};
use crate::support::ui::*;

const NEW_PASS: &str = "new window passphrase 7";

fn with_mail(data: &DataDir, n: usize) {
    let mut store = data.store();
    let messages: Vec<_> = (0..n)
        .map(|i| {
            simple_message(
                &format!("Tapirsubject {i}"),
                "Ibex <ibex@example.org>",
                &"lorem ipsum dolor sit amet ".repeat(40),
            )
        })
        .collect();
    fill_folder(&mut store, "Vaultfolder", &messages);
}

fn open_security(h: &mut Harness<'static, App>) {
    h.get_by_label("File").click();
    h.run_steps(2);
    if h.query_by_label("Security…").is_none() {
        let labels: Vec<String> = h
            .query_all_by(|_| true)
            .filter_map(|n| n.accesskit_node().label())
            .collect();
        panic!("no Security… in the File menu; on screen: {labels:?}");
    }
    h.get_by_label("Security…").click();
    h.run_steps(3);
    assert!(has_label_containing(h, "This mail store:"));
}

fn type_into(h: &mut Harness<'static, App>, label: &str, text: &str) {
    h.get_by(|n| n.role() == Role::TextInput && n.label().as_deref() == Some(label))
        .set_text_value_accesskit(text);
    h.run_steps(2);
}

fn type_new_passphrase(h: &mut Harness<'static, App>, pass: &str) {
    type_into(h, "New passphrase", pass);
    type_into(h, "The same again", pass);
}

fn wait_converted(h: &mut Harness<'static, App>) {
    wait_until(h, "the conversion to end", |app| !app.converting());
    settle(h);
}

fn lock(h: &mut Harness<'static, App>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run_steps(3);
    assert!(h.state().is_locked());
}

/// The recovery key on screen: eight groups of eight hex digits.
fn shown_recovery_key(h: &Harness<'static, App>) -> String {
    h.query_all_by(|n| {
        n.label().or_else(|| n.value()).is_some_and(|l| {
            l.len() == 71
                && l.split('-').count() == 8
                && l.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
        })
    })
    .next()
    .and_then(|n| {
        let node = n.accesskit_node();
        node.label().or_else(|| node.value())
    })
    .unwrap_or_else(|| {
        let labels: Vec<String> = h
            .query_all_by(|_| true)
            .filter_map(|n| {
                let node = n.accesskit_node();
                node.label().or_else(|| node.value())
            })
            .collect();
        panic!("the recovery key is not shown; on screen: {labels:?}")
    })
}

#[test]
fn ui_security_encrypt_from_the_window_then_lock_and_unlock_with_the_new_passphrase() {
    let data = DataDir::plaintext();
    with_mail(&data, 5);
    let before = data.store().content_digest().unwrap();
    let mut h = harness_raw(data.path(), false);
    settle(&mut h);
    open_security(&mut h);
    assert!(has_label_containing(&h, "This mail store: Not encrypted"));
    // The preference says what keeping the sync costs, and sets it.
    assert!(has_label_containing(
        &h,
        "The key then stays in memory while locked"
    ));
    click(&mut h, "Keep syncing while locked");
    assert!(h.state_mut().prefs_mut().sync_while_locked);
    click(&mut h, "Keep syncing while locked");
    assert!(!h.state_mut().prefs_mut().sync_while_locked);
    // Two different passphrases: refused, nothing written.
    type_into(&mut h, "New passphrase", NEW_PASS);
    type_into(&mut h, "The same again", "something else");
    h.get_by_label("Encrypt the mail store").click();
    h.run_steps(2);
    assert!(has_label_containing(&h, "the two passphrases differ"));
    assert!(!data.path().join(KEY_FILE).exists());

    type_new_passphrase(&mut h, NEW_PASS);
    h.get_by_label("Encrypt the mail store").click();
    h.run_steps(1);
    wait_converted(&mut h);
    assert!(popmail::store::is_encrypted(&data.store_path()).unwrap());
    // The recovery key is shown once, and it opens the key file.
    let recovery = shown_recovery_key(&h);
    let kpath = data.path().join(KEY_FILE);
    let header = Header::load(&kpath).unwrap();
    let rec = WrapKey::from_hex(&recovery).expect("a recovery key");
    let key = header.unlock_with(Kind::Recovery, &rec, &kpath).unwrap();
    let store = Store::open(&StoreConfig::new(data.store_path()).with_key(Some(key))).unwrap();
    assert_eq!(store.content_digest().unwrap(), before, "every row kept");
    drop(store);
    h.get_by_label("I have written it down").click();
    h.run_steps(3);
    assert!(!has_label_containing(&h, &recovery), "shown only once");
    assert!(has_label_containing(
        &h,
        "This mail store: Encrypted with a passphrase"
    ));
    assert!(
        has_label_containing(&h, "cannot promise"),
        "the erasure notice"
    );
    // The window works on the encrypted store at once.
    assert!(!h.state().is_locked());
    assert!(has_label_containing(&h, "Vaultfolder"));

    lock(&mut h);
    assert!(!has_label_containing(&h, "Vaultfolder"));
    assert!(
        has_label_containing(&h, "Syncing is paused while the mail store is locked"),
        "the lock screen says syncing stopped"
    );
    assert!(
        h.state().data_dir().is_none(),
        "no session: no sync, no key"
    );
    unlock_with(&mut h, NEW_PASS);
    settle(&mut h);
    assert!(!h.state().is_locked());
    click_folder(&mut h, "Vaultfolder");
    assert!(has_label_containing(&h, "Tapirsubject 3"));
}

#[test]
fn ui_security_cancel_leaves_the_store_as_it_was() {
    let data = DataDir::plaintext();
    // Enough mail that the copy takes many frames.
    with_mail(&data, 4000);
    let mut h = harness_raw(data.path(), false);
    settle(&mut h);
    open_security(&mut h);
    type_new_passphrase(&mut h, NEW_PASS);
    h.get_by_label("Encrypt the mail store").click();
    h.run_steps(1);
    assert!(h.state().converting(), "the conversion runs");
    h.run_steps(1);
    assert!(has_label_containing(&h, "Encrypting the mail store"));
    h.get_by_label("Cancel").click();
    wait_converted(&mut h);
    assert!(has_label_containing(
        &h,
        "Cancelled: the mail store is unchanged"
    ));
    assert!(!popmail::store::is_encrypted(&data.store_path()).unwrap());
    assert!(
        !data.path().join(KEY_FILE).exists(),
        "the new key file is gone"
    );
    let names: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".new") || n.ends_with(".convert"))
        .collect();
    assert!(names.is_empty(), "left behind: {names:?}");
    assert!(
        has_label_containing(&h, "Vaultfolder"),
        "the store is open again"
    );
    drop(h);
    let store = Store::open(&StoreConfig::in_dir(data.path())).unwrap();
    store.integrity_check().unwrap();
}

#[test]
fn ui_security_change_passphrase_then_decrypt() {
    let data = DataDir::encrypted();
    with_mail(&data, 5);
    let mut h = harness_raw(data.path(), false);
    h.run_steps(3);
    unlock_with(&mut h, TEST_PASSPHRASE);
    settle(&mut h);
    let store_before = std::fs::read(data.store_path()).unwrap().len();
    open_security(&mut h);
    assert!(has_label_containing(
        &h,
        "This mail store: Encrypted with a passphrase"
    ));
    // No system keychain in this process: the switch to it is offered, disabled.
    assert!(
        h.get_by_label("Unlock by the system keychain instead")
            .accesskit_node()
            .is_disabled(),
        "no keychain here, so the switch cannot be chosen"
    );
    type_new_passphrase(&mut h, NEW_PASS);
    h.get_by_label("Change the passphrase").click();
    h.run_steps(2);
    assert!(has_label_containing(&h, "The passphrase was changed."));
    assert_eq!(
        std::fs::read(data.store_path()).unwrap().len(),
        store_before,
        "the mail is not rewritten"
    );

    lock(&mut h);
    unlock_with(&mut h, TEST_PASSPHRASE);
    assert!(h.state().is_locked(), "the old passphrase no longer opens");
    assert!(has_label_containing(&h, "wrong passphrase"));
    // The rate limit makes the next try wait; clear its state as time would.
    std::fs::remove_file(data.path().join(popmail::keys::ATTEMPTS_FILE)).unwrap();
    unlock_with(&mut h, NEW_PASS);
    settle(&mut h);
    assert!(!h.state().is_locked(), "the new passphrase opens");

    open_security(&mut h);
    h.get_by_label("Store the mail unencrypted on this disk")
        .click();
    h.run_steps(2);
    h.get_by_label("Decrypt the mail store").click();
    h.run_steps(1);
    wait_converted(&mut h);
    assert!(!popmail::store::is_encrypted(&data.store_path()).unwrap());
    assert!(
        !data.path().join(KEY_FILE).exists(),
        "the key file is removed"
    );
    assert!(has_label_containing(&h, "no longer encrypted"));
    assert!(has_label_containing(&h, "Vaultfolder"));
}

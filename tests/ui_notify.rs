//! The window's new-mail notifications, driven headless (egui_kittest): a
//! sync in the window hands one note per account sync that brought news
//! (junk not counted, senders and subjects listed as the preference says),
//! Preferences says when no notification service answers, and the demo
//! never notifies. (The D-Bus side, to a fake notification server on a
//! private bus, is tested through `popmail sync --notify` in `notify_cli`.)

use popmail::account::Policy;
use popmail::store::Store;

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::notifications::news_and_junk;
use crate::support::sync::{add_account, dovecot_settings};
use crate::support::ui::*;

fn synced_window(
    details: bool,
) -> (
    Dovecot,
    tempfile::TempDir,
    egui_kittest::Harness<'static, popmail::ui::App>,
) {
    let d = Dovecot::start(&DovecotOptions::default());
    news_and_junk(&d);
    let dir = tempfile::tempdir().unwrap();
    add_account(
        &mut Store::open(&store_config(dir.path())).unwrap(),
        &dovecot_settings(&d, "Work", Policy::Keep),
        "alice-pw",
    );
    let mut h = harness(dir.path(), false);
    h.state_mut().prefs_mut().notify_details = details;
    settle(&mut h);
    click(&mut h, "⟳ Sync");
    wait_until(&mut h, "the sync and its notification", |app| {
        !app.syncing() && !app.notes_sent().is_empty()
    });
    settle(&mut h);
    (d, dir, h)
}

#[test]
fn ui_notify_one_note_per_sync_without_junk_and_preferences_say_why_none_shows() {
    let (_d, _dir, mut h) = synced_window(true);
    let notes = h.state().notes_sent().to_vec();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].summary, "2 new messages in Work");
    assert!(notes[0].body.contains("Alice Example: Quarterly report"));
    assert!(notes[0].body.contains("Bob: Lunch on Friday?"));
    assert!(!notes[0].body.contains("Cheap pills"), "junk is not news");

    click(&mut h, "File");
    click(&mut h, "Preferences…");
    assert!(has_label(&h, "Notify me when new mail arrives"));
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        // No session bus in this process: said in Preferences, no dialog.
        let start = std::time::Instant::now();
        while !has_label_containing(&h, "Notifications cannot be shown here") {
            h.step();
            assert!(
                start.elapsed() < std::time::Duration::from_secs(10),
                "Preferences does not say that no notification service answered"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    } else {
        // A desktop session's bus: the note was shown, so nothing is said.
        assert!(!has_label_containing(
            &h,
            "Notifications cannot be shown here"
        ));
    }
    assert!(!h.state().has_dialog(), "never an error dialog for it");
}

#[test]
fn ui_notify_count_only_when_senders_and_subjects_are_off() {
    let (_d, _dir, h) = synced_window(false);
    let notes = h.state().notes_sent();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].summary, "2 new messages in Work");
    assert_eq!(notes[0].body, "");
}

#[test]
fn ui_notify_the_demo_never_notifies() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_any_script(dir.path(), false);
    settle(&mut h);
    click(&mut h, "Try the demo");
    let n = popmail::demo::sample_messages().len() as u64;
    wait_until(&mut h, "the demo mail", |app| app.list_len() == n);
    settle(&mut h);
    assert!(
        h.state().notes_sent().is_empty(),
        "{:?}",
        h.state().notes_sent()
    );
}

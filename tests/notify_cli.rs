//! New-mail notifications through the real binary (`popmail sync --notify`)
//! to a fake notification server on a private D-Bus session bus: one
//! notification per account sync that brought mail, counting only mail the
//! user hears about (not what was filed as junk), with the first senders and
//! subjects only when asked; none when nothing is new; and no notification
//! service is one line on stderr, never a failure.

use popmail::account::Policy;

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::notifications::{NotificationServer, news_and_junk};
use crate::support::store::DataDir;
use crate::support::sync::{add_account, dovecot_settings};

/// Dovecot with two good messages and one the provider flagged as spam, and
/// a data folder with an account "Work" on it.
fn mailbox() -> (Dovecot, DataDir) {
    let d = Dovecot::start(&DovecotOptions::default());
    news_and_junk(&d);
    let data = DataDir::new();
    add_account(
        &mut data.store(),
        &dovecot_settings(&d, "Work", Policy::Keep),
        "alice-pw",
    );
    (d, data)
}

fn sync(data: &DataDir, bus: &str, args: &[&str]) -> std::process::Output {
    let out = data
        .command()
        .arg("sync")
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .output()
        .expect("run popmail sync");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn notify_cli_one_notification_with_senders_and_subjects_not_for_junk() {
    let server = NotificationServer::start();
    let (_d, data) = mailbox();
    sync(
        &data,
        server.bus().address(),
        &["--notify", "--notify-details"],
    );
    let got = server.wait_for(1);
    assert_eq!(got.len(), 1, "one notification for the account: {got:?}");
    let n = &got[0];
    assert_eq!(n.app_name, "popmail");
    assert_eq!(n.summary, "2 new messages in Work", "junk is not counted");
    assert!(n.body.contains("Alice Example: Quarterly report"), "{n:?}");
    assert!(n.body.contains("Bob: Lunch on Friday?"), "{n:?}");
    assert!(!n.body.contains("Cheap pills"), "nothing about junk: {n:?}");
    assert!(n.actions.is_empty(), "no window to raise from the CLI");

    // Nothing new: no notification.
    sync(&data, server.bus().address(), &["--notify"]);
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(server.received().len(), 1, "no news, no notification");
}

#[test]
fn notify_cli_count_only_unless_details_are_asked_for() {
    let server = NotificationServer::start();
    let (_d, data) = mailbox();
    sync(&data, server.bus().address(), &["--notify"]);
    let got = server.wait_for(1);
    assert_eq!(got[0].summary, "2 new messages in Work");
    assert_eq!(got[0].body, "", "no senders or subjects: {:?}", got[0]);
}

#[test]
fn notify_cli_without_a_notification_service_says_so_and_still_succeeds() {
    let (_d, data) = mailbox();
    let dir = tempfile::tempdir().unwrap();
    let nowhere = format!("unix:path={}", dir.path().join("no-bus").display());
    let out = sync(&data, &nowhere, &["--notify"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.matches("notifications: no desktop notification service answered")
            .count(),
        1,
        "said once: {err}"
    );
    assert_eq!(
        data.store()
            .count(popmail::store::Scope::UnifiedInbox)
            .unwrap(),
        2
    );
}

//! The reader window with the real sync worker: progress while the demo POP3
//! server is synced, a failing account's error in words with its protocol
//! log, and the welcome page's demo from an empty store to listed mail.

use egui_kittest::kittest::Queryable as _;
use popmail::demo::DemoServer;
use popmail::store::Store;

use crate::support::ui::*;

fn account_with_password(
    data_dir: &std::path::Path,
    name: &str,
    port: u16,
    user: &str,
    password: &str,
) {
    let mut store = Store::open(&store_config(data_dir)).unwrap();
    let mut settings = account_settings(name, port);
    settings.username = user.into();
    let account = store.add_account(&settings).unwrap();
    store
        .set_stored_password(account.id, Some(password))
        .unwrap();
}

#[test]
fn syncing_the_demo_server_shows_progress_then_the_messages() {
    let server = DemoServer::start().unwrap();
    // Slow the replies down so the sync spans many frames.
    let port = slow_proxy(server.port(), std::time::Duration::from_millis(25));
    let dir = tempfile::tempdir().unwrap();
    account_with_password(
        dir.path(),
        "Home",
        port,
        DemoServer::USER,
        DemoServer::PASSWORD,
    );
    let mut h = harness_any_script(dir.path(), false);
    settle(&mut h);
    click(&mut h, "⟳ Sync");
    let n = popmail::demo::sample_messages().len();
    let progress = format!(" of {n} messages, ");
    let (mut saw_progress, mut saw_stop) = (false, false);
    let start = std::time::Instant::now();
    loop {
        h.step();
        saw_progress |= has_label_containing(&h, &progress);
        saw_stop |= has_label(&h, "⏹ Stop");
        if has_label_containing(&h, &format!("Home: {n} downloaded")) {
            break;
        }
        assert!(start.elapsed().as_secs() < 60, "the sync did not finish");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        saw_progress,
        "the status bar showed message and byte counts while syncing"
    );
    assert!(saw_stop, "a running sync can be stopped");
    assert!(
        has_label_containing(&h, &format!("{n} new messages")),
        "the new-mail count is shown"
    );
    settle(&mut h);
    assert_eq!(h.state().list_len(), n as u64, "every message is listed");
}

#[test]
fn a_failing_account_shows_its_error_and_protocol_log() {
    // A port nobody listens on: bind, note it, close.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let dir = tempfile::tempdir().unwrap();
    crate::support::ui::sample(dir.path());
    account_with_password(dir.path(), "Broken", port, "user", "secret-password");
    let mut h = harness_any_script(dir.path(), false);
    settle(&mut h);
    h.get_by_label("Sync").click();
    settle(&mut h);
    click(&mut h, "Sync Broken");
    wait_until(&mut h, "the sync to fail", |app| {
        !app.syncing() && app.last_sync_error().is_some()
    });
    h.run_steps(3);
    let error = h.state().last_sync_error().unwrap();
    assert!(
        has_label_containing(&h, &format!("⚠ Broken: {error}")),
        "the error is in the status bar"
    );
    click(&mut h, "Details…");
    assert!(has_label(&h, "Protocol log (passwords removed):"));
    assert!(
        !has_label_containing(&h, "secret-password"),
        "no password anywhere on screen"
    );
}

#[test]
fn welcome_page_demo_lists_the_sample_mail() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_any_script(dir.path(), false);
    settle(&mut h);
    click(&mut h, "Try the demo");
    let n = popmail::demo::sample_messages().len() as u64;
    wait_until(&mut h, "the demo mail", |app| app.list_len() == n);
    settle(&mut h);
    assert!(
        has_label_containing(&h, "Welcome to popmail — "),
        "the first demo message is listed"
    );
    assert_eq!(
        h.state().data_dir(),
        Some(popmail::paths::demo_data_dir(dir.path()).as_path()),
        "the demo has its own data folder"
    );
    assert!(
        !dir.path().join(popmail::paths::STORE_FILE).exists() || {
            let s = reopen(dir.path());
            s.accounts().unwrap().is_empty()
        },
        "the user's own store gets no demo account"
    );
}

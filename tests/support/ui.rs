//! Building stores for the window's tests and benchmark with the real store
//! API: an account, its Inbox with a handful of varied messages (plain, HTML
//! with a link, an attachment, a reply), a user folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use popmail::account::{AccountSettings, Policy, Security};
use popmail::keys::{DataKey, Header, KEY_FILE};
use popmail::secret::Secret;
use popmail::store::{Flags, FolderId, FolderRole, NewMessage, Store, StoreConfig};

use super::store::{TEST_PASSPHRASE, encrypted_pass};

/// What a sample store holds.
pub struct Fixture {
    /// The data directory (the store is `popmail.sqlite3` in it).
    pub data_dir: PathBuf,
    /// The account's Inbox.
    pub inbox: FolderId,
    /// The user folder "Projects".
    pub projects: FolderId,
    /// The local Trash.
    pub trash: FolderId,
    /// The local Archive.
    pub archive: FolderId,
}

/// A small RFC 5322 message.
pub fn message(n: usize, from: &str, subject: &str, body: &str, extra: &str) -> Vec<u8> {
    let day = 1 + n % 28;
    format!(
        "From: {from}\r\nTo: Me <me@example.org>\r\nSubject: {subject}\r\n\
         Date: Mon, {day:02} Jan 2024 10:{:02}:00 +0000\r\nMessage-ID: <m{n}@example.org>\r\n{extra}\r\n{body}\r\n",
        n % 60
    )
    .into_bytes()
}

/// An HTML message with a link.
pub fn html_message(n: usize) -> Vec<u8> {
    message(
        n,
        "News <news@example.com>",
        "Weekly newsletter",
        "<html><body><p>Hello <b>reader</b>.</p><ul><li>First item</li><li>Second item</li></ul>\
         <p>Read more at <a href=\"https://example.com/read\">our site</a>.</p>\
         <img src=\"https://tracker.example.com/pixel.gif\"></body></html>",
        "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n",
    )
}

/// A message with a text part and an attachment.
pub fn attachment_message(n: usize, file: &str, mime: &str) -> Vec<u8> {
    let body = format!(
        "--XYZ\r\nContent-Type: text/plain\r\n\r\nThe file is attached.\r\n\
         --XYZ\r\nContent-Type: {mime}; name=\"{file}\"\r\nContent-Disposition: attachment; filename=\"{file}\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\naGVsbG8gYXR0YWNobWVudA==\r\n--XYZ--"
    );
    message(
        n,
        "Carol <carol@example.net>",
        &format!("Files: {file}"),
        &body,
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XYZ\"\r\n",
    )
}

/// Settings of an account on 127.0.0.1:`port` (plain, keep on server).
pub fn account_settings(name: &str, port: u16) -> AccountSettings {
    AccountSettings {
        name: name.into(),
        email: format!("{}@example.org", name.to_lowercase()),
        host: "127.0.0.1".into(),
        port,
        security: Security::Plain,
        allow_plaintext_password: true,
        username: "user".into(),
        policy: Policy::Keep,
        enabled: true,
        ..AccountSettings::default()
    }
}

/// A data directory with one account ("Work") and a few messages.
pub fn sample(dir: &Path) -> Fixture {
    let data_dir = dir.to_path_buf();
    let mut store = Store::open(&store_config(dir)).expect("store");
    let account = store
        .add_account(&account_settings("Work", 9))
        .expect("account");
    let inbox = account.inbox;
    let projects = store
        .create_folder("Projects", None, FolderRole::User)
        .expect("folder");
    let raw = vec![
        (
            message(
                1,
                "Alice Example <alice@example.org>",
                "Quarterly report",
                "The quarterly numbers are in.\r\nSee https://example.org/q3 for details.",
                "",
            ),
            Flags::default(),
        ),
        (
            message(
                2,
                "Bob <bob@example.org>",
                "Lunch on Friday?",
                "Shall we meet at noon?",
                "",
            ),
            Flags::SEEN,
        ),
        (
            message(
                3,
                "Alice Example <alice@example.org>",
                "Re: Quarterly report",
                "Thanks, looks good.",
                "In-Reply-To: <m1@example.org>\r\nReferences: <m1@example.org>\r\n",
            ),
            Flags::default(),
        ),
        (html_message(4), Flags::default()),
        (
            attachment_message(5, "notes.txt", "text/plain"),
            Flags::default(),
        ),
        (
            attachment_message(6, "setup.exe", "application/octet-stream"),
            Flags::default(),
        ),
    ];
    let batch: Vec<NewMessage> = raw
        .into_iter()
        .map(|(bytes, flags)| {
            NewMessage::prepare(bytes, inbox, flags).from_account(account.id, None)
        })
        .collect();
    store.insert_batch(&batch).expect("insert");
    let other = vec![NewMessage::prepare(
        message(
            7,
            "Dave <dave@example.org>",
            "Project plan",
            "Milestones attached below.",
            "",
        ),
        projects,
        Flags::SEEN,
    )];
    store.insert_batch(&other).expect("insert");
    // Searchable before the window opens (the index is written apart).
    assert!(store.wait_for_index(|_| true).expect("index"));
    Fixture {
        data_dir,
        inbox,
        projects,
        trash: store.special_folder(FolderRole::Trash).expect("trash"),
        archive: store.special_folder(FolderRole::Archive).expect("archive"),
    }
}

/// The real window over `data_dir`, headless (egui_kittest), 1280×800;
/// in the encrypted pass, unlocked with [`TEST_PASSPHRASE`].
pub fn harness(data_dir: &Path, demo: bool) -> egui_kittest::Harness<'static, popmail::ui::App> {
    let mut h = harness_raw(data_dir, demo);
    unlock_if_locked(&mut h);
    h
}

/// Like [`harness`], left as it starts (locked, for an encrypted store).
pub fn harness_raw(
    data_dir: &Path,
    demo: bool,
) -> egui_kittest::Harness<'static, popmail::ui::App> {
    let opts = popmail::ui::RunOptions {
        data_dir: data_dir.to_path_buf(),
        demo,
        store_page_limit: None,
        ..Default::default()
    };
    egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(20)
        .build_eframe(move |cc| popmail::ui::App::from_creation(cc, opts))
}

/// Like [`harness`], for mail in scripts egui's bundled fonts lack (the demo
/// mail has Chinese and Japanese): missing glyphs draw as boxes instead of failing.
pub fn harness_any_script(
    data_dir: &Path,
    demo: bool,
) -> egui_kittest::Harness<'static, popmail::ui::App> {
    harness_with(popmail::ui::RunOptions {
        data_dir: data_dir.to_path_buf(),
        demo,
        store_page_limit: None,
        ..Default::default()
    })
}

/// Like [`harness_any_script`], with every run option given.
pub fn harness_with(
    opts: popmail::ui::RunOptions,
) -> egui_kittest::Harness<'static, popmail::ui::App> {
    let mut h = harness_raw_any_script(opts);
    unlock_if_locked(&mut h);
    h
}

/// Like [`harness_with`], left as it starts (locked, for an encrypted store).
pub fn harness_raw_any_script(
    opts: popmail::ui::RunOptions,
) -> egui_kittest::Harness<'static, popmail::ui::App> {
    egui_kittest::Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(20)
        .allow_missing_glyphs()
        .build_eframe(move |cc| popmail::ui::App::from_creation(cc, opts))
}

/// Steps frames until the background threads are idle, then lets the UI settle.
pub fn settle(h: &mut egui_kittest::Harness<'static, popmail::ui::App>) {
    wait_until(h, "the background work to finish", |app| !app.busy());
    // Spinners keep asking for frames; a bounded settle is enough.
    let _ = h.run_ok();
    h.run_steps(2);
}

/// Steps frames until `done` holds (panics after 30 s, naming `what`).
pub fn wait_until(
    h: &mut egui_kittest::Harness<'static, popmail::ui::App>,
    what: &str,
    mut done: impl FnMut(&popmail::ui::App) -> bool,
) {
    let start = std::time::Instant::now();
    loop {
        h.step();
        if done(h.state()) {
            return;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// Whether a node (one or more) with exactly this label exists.
pub fn has_label(h: &egui_kittest::Harness<'static, popmail::ui::App>, label: &str) -> bool {
    use egui_kittest::kittest::Queryable as _;
    h.query_all_by_label(label).next().is_some()
}

/// Whether a node whose label contains `part` exists.
pub fn has_label_containing(
    h: &egui_kittest::Harness<'static, popmail::ui::App>,
    part: &str,
) -> bool {
    use egui_kittest::kittest::Queryable as _;
    h.query_all_by_label_contains(part).next().is_some()
}

/// Clicks the folder entry called `name` (not the toolbar title of the same name).
pub fn click_folder(h: &mut egui_kittest::Harness<'static, popmail::ui::App>, name: &str) {
    use egui_kittest::kittest::{NodeT as _, Queryable as _};
    let nodes = h.get_all_by_label(name).collect::<Vec<_>>();
    let node = nodes
        .into_iter()
        .find(|n| n.accesskit_node().role() != egui::Role::Label)
        .unwrap_or_else(|| panic!("no folder entry called {name}"));
    node.click();
    settle(h);
}

/// Clicks the list row of `sender — subject`.
pub fn click_row(
    h: &mut egui_kittest::Harness<'static, popmail::ui::App>,
    sender: &str,
    subject: &str,
) {
    use egui_kittest::kittest::Queryable as _;
    h.get_by_label(&format!("{sender} — {subject}")).click();
    settle(h);
}

/// Clicks the button (or other widget) with exactly this label.
pub fn click(h: &mut egui_kittest::Harness<'static, popmail::ui::App>, label: &str) {
    use egui_kittest::kittest::Queryable as _;
    h.get_by_label(label).click();
    settle(h);
}

/// The store of a data directory, opened fresh (to check what the window wrote).
pub fn reopen(data_dir: &Path) -> Store {
    Store::open(&store_config(data_dir)).expect("store")
}

/// The configuration that opens the store of `data_dir`. In the encrypted
/// pass (`POPMAIL_TEST_ENCRYPTED=1`) a new store gets a fresh key wrapped by
/// [`TEST_PASSPHRASE`] in its key file, and an encrypted one is unlocked
/// with it; a plaintext store that exists stays plaintext.
pub fn store_config(data_dir: &Path) -> StoreConfig {
    let config = StoreConfig::in_dir(data_dir);
    let path = config.path().to_path_buf();
    let exists = std::fs::metadata(&path).is_ok_and(|m| m.len() > 0);
    if !encrypted_pass() || (exists && !popmail::store::is_encrypted(&path).expect("header")) {
        return config;
    }
    let kpath = data_dir.join(KEY_FILE);
    let pass = Secret::new(TEST_PASSPHRASE);
    let key = if kpath.exists() {
        Header::load(&kpath)
            .expect("key file")
            .unlock_passphrase(&pass, &kpath)
            .expect("unlock")
    } else {
        let key = DataKey::generate().expect("key");
        let mut header = Header::default();
        header.wrap_passphrase(&key, &pass).expect("wrap");
        header.save(&kpath).expect("save the key file");
        key
    };
    config.with_key(Some(key))
}

/// Types `typed` into the lock screen, clicks Unlock and waits for the
/// passphrase check (which runs off the UI thread).
pub fn unlock_with(h: &mut egui_kittest::Harness<'static, popmail::ui::App>, typed: &str) {
    use egui_kittest::kittest::Queryable as _;
    h.get_by(|n| matches!(n.role(), egui::Role::TextInput | egui::Role::PasswordInput))
        .set_text_value_accesskit(typed);
    h.run_steps(2);
    // In the test thread's language (the Indonesian window tests unlock too).
    h.get_by_label(&popmail::t!("lock-unlock"))
        .click_accesskit();
    h.run_steps(2);
    wait_until(h, "the passphrase check", |app| !app.unlocking());
    h.run_steps(3);
}

/// In the encrypted pass, types [`TEST_PASSPHRASE`] into the lock screen
/// when the window shows it.
pub fn unlock_if_locked(h: &mut egui_kittest::Harness<'static, popmail::ui::App>) {
    if !encrypted_pass() {
        return;
    }
    h.run_steps(2);
    if !h.state().is_locked() {
        return;
    }
    unlock_with(h, TEST_PASSPHRASE);
    assert!(
        !h.state().is_locked(),
        "the test passphrase did not unlock the window"
    );
}

/// A TCP proxy on 127.0.0.1 that passes the server's bytes on in chunks of
/// at most 1 KiB, each delayed by `delay`, so a local sync lasts long enough
/// to watch its progress even when a loaded machine renders frames slowly.
/// Its threads end with the test process.
pub fn slow_proxy(target_port: u16, delay: std::time::Duration) -> u16 {
    use std::io::{Read as _, Write as _};
    use std::net::{TcpListener, TcpStream};
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
    let port = listener.local_addr().expect("addr").port();
    std::thread::Builder::new()
        .name("test-slow-proxy".into())
        .spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(server) = TcpStream::connect(("127.0.0.1", target_port)) else {
                    continue;
                };
                let pump =
                    |mut from: TcpStream, mut to: TcpStream, delay: Option<std::time::Duration>| {
                        move || {
                            let mut buf = [0u8; 1024];
                            while let Ok(n) = from.read(&mut buf) {
                                if n == 0 {
                                    break;
                                }
                                if let Some(d) = delay {
                                    std::thread::sleep(d);
                                }
                                if to.write_all(&buf[..n]).is_err() {
                                    break;
                                }
                            }
                            let _ = to.shutdown(std::net::Shutdown::Write);
                        }
                    };
                let (c2, s2) = (
                    client.try_clone().expect("clone"),
                    server.try_clone().expect("clone"),
                );
                let _ = std::thread::Builder::new()
                    .name("test-proxy-up".into())
                    .spawn(pump(client, server, None));
                let _ = std::thread::Builder::new()
                    .name("test-proxy-down".into())
                    .spawn(pump(s2, c2, Some(delay)));
            }
        })
        .expect("proxy thread");
    port
}

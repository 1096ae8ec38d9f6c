//! Building stores for the window's tests and benchmark with the real store
//! API: an account, its Inbox with a handful of varied messages (plain, HTML
//! with a link, an attachment, a reply), a user folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use popmail::store::{
    AccountSettings, Flags, FolderId, FolderRole, NewMessage, Policy, Security, Store,
};

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
    let mut store = Store::open(&data_dir.join(popmail::paths::STORE_FILE)).expect("store");
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
    Fixture {
        data_dir,
        inbox,
        projects,
        trash: store.special_folder(FolderRole::Trash).expect("trash"),
        archive: store.special_folder(FolderRole::Archive).expect("archive"),
    }
}

//! Shared helpers of the `crypt_*` tests: a store with messages, flags and
//! ledger rows full of unique words, the binary with a clean environment,
//! and opening an encrypted data folder with its passphrase.

use std::path::Path;
use std::process::{Command, Output};

use popmail::account::AccountSettings;
use popmail::keys::{Header, KEY_FILE};
use popmail::secret::Secret;
use popmail::store::{Flags, FolderRole, NewDownload, NewMessage, Store, StoreConfig};

use crate::support::store::DataDir;

/// Words that appear only in the test messages (subjects, bodies, addresses,
/// attachment names): none may be found in an encrypted data folder.
pub const UNIQUE: &[&str] = &[
    "wombatsubject",
    "echidnabody",
    "numbatsender",
    "quollattachment",
];

/// A message full of unique words.
pub fn message(i: usize) -> Vec<u8> {
    format!(
        "From: numbatsender{i}@example.org\r\nTo: me@example.org\r\n\
         Subject: wombatsubject {i}\r\nMessage-ID: <crypt{i}@example.org>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nechidnabody {i} {}\r\n\
         --b\r\nContent-Type: application/octet-stream\r\n\
         Content-Disposition: attachment; filename=\"quollattachment{i}.bin\"\r\n\r\nAAAA\r\n--b--\r\n",
        "filler ".repeat(200)
    )
    .into_bytes()
}

/// Fills the plaintext store of `data`: `n` messages in a folder (every
/// third one seen), and `n` downloads with ledger rows in an account.
pub fn fill(data: &DataDir, n: usize) {
    let mut store = data.store();
    let folder = store
        .create_folder("Cryptfolder", None, FolderRole::User)
        .unwrap();
    let batch: Vec<_> = (0..n)
        .map(|i| {
            let flags = Flags::default().with(Flags::SEEN, i % 3 == 0);
            NewMessage::prepare(message(i), folder, flags)
        })
        .collect();
    store.insert_batch(&batch).unwrap();
    let account = store
        .add_account(&AccountSettings {
            name: "cryptacct".into(),
            host: "pop.example.org".into(),
            port: 995,
            username: "me".into(),
            enabled: true,
            ..AccountSettings::default()
        })
        .unwrap();
    let downloads: Vec<_> = (n..2 * n)
        .map(|i| NewDownload {
            uidl: format!("uidl-{i}"),
            server_size: 100,
            header_key: None,
            message: NewMessage::prepare(message(i), account.inbox, Flags::default())
                .from_account(account.id, Some(format!("uidl-{i}"))),
        })
        .collect();
    store
        .record_downloads(account.id, &downloads, 1_700_000_000)
        .unwrap();
}

/// The binary on `data`, with no passphrase, failpoint or keychain in its environment.
pub fn popmail(data: &DataDir) -> Command {
    let mut c = crate::support::popmail_binary();
    c.arg("--data-dir")
        .arg(data.path())
        .env("POPMAIL_NO_KEYCHAIN", "1")
        .env_remove("POPMAIL_DATA_DIR")
        .env_remove("POPMAIL_FAILPOINT")
        .env_remove("POPMAIL_PASSPHRASE")
        .env_remove("POPMAIL_PASSPHRASE_FILE")
        .env_remove("POPMAIL_NEW_PASSPHRASE")
        .env_remove("POPMAIL_NEW_PASSPHRASE_FILE")
        .stdin(std::process::Stdio::null());
    c
}

/// Opens the store of `data`, with `pass` when it is encrypted.
pub fn open(data: &DataDir, pass: &str) -> Store {
    let path = data.store_path();
    popmail::store::recover_conversion(&path).unwrap();
    let config = StoreConfig::new(&path);
    if popmail::store::is_encrypted(&path).unwrap() {
        let kpath = data.path().join(KEY_FILE);
        let key = Header::load(&kpath)
            .unwrap()
            .unlock_passphrase(&Secret::new(pass), &kpath)
            .unwrap();
        Store::open(&config.with_key(Some(key))).unwrap()
    } else {
        Store::open(&config).unwrap()
    }
}

/// Files under `dir` (recursively) holding any of [`UNIQUE`], with the word.
pub fn plaintext_hits(dir: &Path) -> Vec<String> {
    hits_of(dir, UNIQUE)
}

/// Files under `dir` (recursively) holding any of `words`, with the word:
/// every byte of every file is searched.
pub fn hits_of(dir: &Path, words: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let bytes = std::fs::read(&p).unwrap();
            for w in words {
                if bytes.windows(w.len()).any(|x| x == w.as_bytes()) {
                    hits.push(format!("{} holds {w}", p.display()));
                }
            }
        }
    }
    hits
}

#[test]
fn crypt_suite_switch_decides_whether_test_stores_are_encrypted() {
    let data = DataDir::new();
    assert_eq!(
        popmail::store::is_encrypted(&data.store_path()).unwrap(),
        crate::support::store::encrypted_pass(),
        "POPMAIL_TEST_ENCRYPTED=1 must give encrypted stores, and only then"
    );
    assert!(!DataDir::plaintext().store_path().exists());
}

/// An output in words, for assertion messages.
pub fn text(o: &Output) -> String {
    format!(
        "status {:?}\nstdout: {}\nstderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Asserts the command succeeded.
pub fn ok(o: Output) -> Output {
    assert!(o.status.success(), "{}", text(&o));
    o
}

/// Asserts the command failed with a clear error (exit 1) saying `says`.
pub fn fails(o: Output, says: &str) -> Output {
    assert_eq!(
        o.status.code(),
        Some(1),
        "a clear error, no panic: {}",
        text(&o)
    );
    assert!(
        String::from_utf8_lossy(&o.stderr).contains(says),
        "expected {says:?}: {}",
        text(&o)
    );
    o
}

/// Every file of the data folder with its bytes (the rate limiter's aside).
pub fn snapshot(data: &DataDir) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.ends_with(popmail::keys::ATTEMPTS_FILE))
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    v.sort();
    v
}

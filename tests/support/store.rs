//! Temporary data folders with a real store, and running the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use popmail::keys::{DataKey, Header, KEY_FILE};
use popmail::secret::Secret;
use popmail::store::{Flags, FolderId, FolderRole, MessageId, NewMessage, Store, StoreConfig};

/// The environment switch of the encrypted pass of the suite: with
/// `POPMAIL_TEST_ENCRYPTED=1`, every [`DataDir::new`] holds an encrypted
/// store (a fresh data key, wrapped by [`TEST_PASSPHRASE`] in the key file).
pub const ENCRYPTED_SWITCH: &str = "POPMAIL_TEST_ENCRYPTED";

/// The passphrase of the stores of the encrypted pass.
pub const TEST_PASSPHRASE: &str = "test suite passphrase";

/// Whether this run is the encrypted pass.
pub fn encrypted_pass() -> bool {
    std::env::var(ENCRYPTED_SWITCH).is_ok_and(|v| v == "1")
}

/// A temporary data folder, removed on drop.
pub struct DataDir {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
    /// The data key, in the encrypted pass.
    key: Option<DataKey>,
}

impl DataDir {
    /// A fresh data folder: empty, or in the encrypted pass holding an empty
    /// encrypted store and its key file.
    pub fn new() -> Self {
        if encrypted_pass() {
            Self::encrypted()
        } else {
            Self::plaintext()
        }
    }

    /// A fresh, empty data folder, whatever the pass.
    pub fn plaintext() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
            key: None,
        }
    }

    /// A data folder holding an empty store encrypted with a fresh key,
    /// wrapped in the key file by [`TEST_PASSPHRASE`].
    pub fn encrypted() -> Self {
        let key = DataKey::generate().expect("data key");
        let mut header = Header::default();
        header
            .wrap_passphrase(&key, &Secret::new(TEST_PASSPHRASE))
            .expect("wrap the key");
        let data = Self {
            dir: tempfile::tempdir().expect("temp dir"),
            key: Some(key),
        };
        header
            .save(&data.path().join(KEY_FILE))
            .expect("save the key file");
        // Created now, so that the binary finds an encrypted store too.
        drop(data.store());
        data
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The store file inside it.
    pub fn store_path(&self) -> PathBuf {
        self.dir.path().join(popmail::paths::STORE_FILE)
    }

    /// The configuration that opens the store (with its key, if encrypted).
    pub fn config(&self) -> StoreConfig {
        StoreConfig::new(self.store_path()).with_key(self.key.clone())
    }

    /// Whether the store was made encrypted.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// Opens (creating) the store.
    pub fn store(&self) -> Store {
        Store::open(&self.config()).expect("open store")
    }

    /// The binary with `--data-dir` this folder (and, when the store is
    /// encrypted, its passphrase in the environment).
    pub fn command(&self) -> Command {
        let mut c = super::popmail_binary();
        c.arg("--data-dir")
            .arg(self.path())
            .env_remove("POPMAIL_DATA_DIR");
        if self.is_encrypted() {
            c.env("POPMAIL_PASSPHRASE", TEST_PASSPHRASE)
                .env("POPMAIL_NO_KEYCHAIN", "1");
        }
        c
    }

    /// Runs the popmail binary with `--data-dir` this folder.
    pub fn popmail(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("run popmail")
    }
}

/// Stores `messages` in a new local folder `name`; returns the folder and ids.
pub fn fill_folder(
    store: &mut Store,
    name: &str,
    messages: &[Vec<u8>],
) -> (FolderId, Vec<MessageId>) {
    let folder = store
        .create_folder(name, None, FolderRole::User)
        .expect("create folder");
    let batch: Vec<_> = messages
        .iter()
        .map(|m| NewMessage::prepare(m.clone(), folder, Flags::default()))
        .collect();
    let ids = store
        .insert_batch(&batch)
        .expect("insert")
        .into_iter()
        .map(|i| i.id())
        .collect();
    // Searchable before the caller goes on (the index is written apart).
    assert!(store.wait_for_index(|_| true).expect("index"));
    (folder, ids)
}

/// A small plain message.
pub fn simple_message(subject: &str, from: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: me@example.org\r\nSubject: {subject}\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\
         Message-ID: <{}@test>\r\n\r\n{body}\r\n",
        subject.replace(' ', ".")
    )
    .into_bytes()
}

/// Every stored message of a folder (raw bytes), sorted.
pub fn stored_sorted(store: &Store, folder: FolderId) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = store
        .sorted_ids(
            popmail::store::Scope::Folder(folder),
            popmail::store::Sort::default(),
        )
        .expect("list folder")
        .into_iter()
        .map(|id| store.raw(id).expect("raw message"))
        .collect();
    out.sort();
    out
}

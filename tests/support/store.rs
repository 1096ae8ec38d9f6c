//! Temporary data folders with a real store, and running the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use popmail::store::{Flags, FolderId, FolderRole, MessageId, NewMessage, Store};

/// A temporary data folder, removed on drop.
pub struct DataDir {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
}

impl DataDir {
    /// A fresh, empty data folder.
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The store file inside it.
    pub fn store_path(&self) -> PathBuf {
        self.dir.path().join(popmail::paths::STORE_FILE)
    }

    /// Opens (creating) the store.
    pub fn store(&self) -> Store {
        Store::open(&popmail::store::StoreConfig::new(self.store_path())).expect("open store")
    }

    /// Runs the popmail binary with `--data-dir` this folder.
    pub fn popmail(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_popmail"))
            .arg("--data-dir")
            .arg(self.path())
            .args(args)
            .env_remove("POPMAIL_DATA_DIR")
            .output()
            .expect("run popmail")
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

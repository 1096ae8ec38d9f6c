//! Converting the store between plaintext and encrypted, crash-safely.
//!
//! The new file is written beside the old one with SQLCipher's
//! `sqlcipher_export()` into a database attached with the target key
//! (`ATTACH … KEY "x'…'"`, or `KEY ''` for plaintext; SQLCipher API docs,
//! "sqlcipher_export"), fsynced, and then renamed over the old file, which
//! POSIX `rename(2)` does atomically. A small journal beside the store
//! (`popmail.sqlite3.convert`, written atomically) says how far it got:
//!
//! - `copying`: the new file may be partial. Recovery removes it; the old
//!   store stands (rolled back).
//! - `ready`: the new file is complete and durable, the old store closed
//!   and checkpointed. Recovery finishes the swap (removes the old WAL/SHM,
//!   renames, fsyncs the folder).
//!
//! [`Store::open`] runs [`recover_conversion`] first, so after an interruption
//! at any moment the next open sees exactly one complete store, and no
//! plaintext copy stays beside an encrypted store. The index file
//! (`super::index`) is removed at the swap and rebuilt under the new key. A filesystem cannot
//! promise that the old file's blocks are erased: callers tell the user.
//!
//! Fault points for the kill test ([`crate::failpoint`]): `convert-journal`, `convert-copying`, `convert-copied`,
//! `convert-ready`, `convert-wal-removed`, `convert-renamed`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{Context, DataKey, Error, Result, Store, StoreConfig};
use crate::failpoint::hit as failpoint;
use crate::keys;

/// Which way a conversion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConvertDirection {
    /// Plaintext to encrypted.
    Encrypt,
    /// Encrypted to plaintext.
    Decrypt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum State {
    Copying,
    Ready,
}

#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    direction: ConvertDirection,
    state: State,
}

/// A progress callback: `(bytes written, bytes expected)`; `false` cancels.
pub type ConvertProgress = Box<dyn FnMut(u64, u64) -> bool + Send>;

/// How long a conversion waits for other connections to close before it
/// says the store is open elsewhere.
const CLAIM_WAIT: Duration = Duration::from_secs(2);

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

fn journal_path(store: &Path) -> PathBuf {
    sibling(store, ".convert")
}

fn new_path(store: &Path) -> PathBuf {
    sibling(store, ".new")
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(path)(e)),
    }
}

fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn write_journal(store: &Path, journal: &Journal) -> Result<()> {
    let json = serde_json::to_vec(journal).map_err(|e| Error::Conversion(e.to_string()))?;
    keys::write_atomically(&journal_path(store), &json)
        .map_err(|e| Error::Conversion(e.to_string()))
}

/// Finishes or rolls back a conversion interrupted before its end; returns
/// the direction of the one it dealt with (`None`: there was none). Run by
/// [`Store::open`] before it opens the file.
pub fn recover_conversion(store: &Path) -> Result<Option<ConvertDirection>> {
    let jpath = journal_path(store);
    let bytes = match std::fs::read(&jpath) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(&jpath)(e)),
    };
    // The journal is written atomically, so it is whole or absent; a file
    // that does not parse was not written by us and is treated as "copying"
    // (the safe direction: the old store is complete until "ready").
    let journal: Journal = serde_json::from_slice(&bytes).unwrap_or(Journal {
        direction: ConvertDirection::Encrypt,
        state: State::Copying,
    });
    match journal.state {
        State::Copying => roll_back(store)?,
        State::Ready => swap_in(store)?,
    }
    Ok(Some(journal.direction))
}

fn roll_back(store: &Path) -> Result<()> {
    let new = new_path(store);
    remove_if_present(&new)?;
    remove_if_present(&sibling(&new, "-journal"))?;
    remove_if_present(&journal_path(store))?;
    keys::sync_dir(dir_of(store)).map_err(io(store))
}

/// The new file is complete and durable and the old store closed: replace it.
fn swap_in(store: &Path) -> Result<()> {
    let new = new_path(store);
    if new.exists() {
        // The old store was checkpointed and closed before "ready"; its WAL
        // and SHM must not be applied to the new file.
        remove_if_present(&sibling(store, "-wal"))?;
        remove_if_present(&sibling(store, "-shm"))?;
        failpoint("convert-wal-removed");
        std::fs::rename(&new, store).map_err(io(store))?;
        keys::sync_dir(dir_of(store)).map_err(io(store))?;
        failpoint("convert-renamed");
    }
    // The index file is still under the old key (or none): it is derived
    // data, rebuilt under the new one at the next open. (Left behind by a
    // crash, it fails to open with the new key and is removed then.)
    super::index::remove_index_files(store)?;
    remove_if_present(&journal_path(store))?;
    keys::sync_dir(dir_of(store)).map_err(io(store))
}

impl Store {
    /// Converts this store to `target` (a key: encrypted; `None`: plaintext)
    /// and returns the configuration that opens the result. No other
    /// connection may be open. `progress` is called while the copy is
    /// written; returning `false` cancels, leaving the store as it was.
    pub fn convert(
        self,
        target: Option<DataKey>,
        progress: ConvertProgress,
    ) -> Result<StoreConfig> {
        let path = self.config.path().to_path_buf();
        let direction = match (self.config.key(), &target) {
            (None, Some(_)) => ConvertDirection::Encrypt,
            (Some(_), None) => ConvertDirection::Decrypt,
            (None, None) => return Err(Error::Invalid("the mail store is not encrypted".into())),
            (Some(_), Some(_)) => {
                return Err(Error::Invalid("the mail store is already encrypted".into()));
            }
        };
        // The indexer holds a connection to the store: stop it first (it is
        // joined here when this is the process's last store connection).
        let mut this = self;
        this.indexer = None;
        this.claim_sole_connection()?;
        let new = new_path(&path);
        roll_back(&path)?;
        write_journal(
            &path,
            &Journal {
                direction,
                state: State::Copying,
            },
        )?;
        failpoint("convert-journal");
        let outcome = this.export_to(&new, target.as_ref(), progress);
        if let Err(e) = outcome {
            roll_back(&path)?;
            return Err(e);
        }
        // `self` (the only connection) is closed now: the WAL is checkpointed away.
        std::fs::File::open(&new)
            .and_then(|f| f.sync_all())
            .map_err(io(&new))?;
        failpoint("convert-copied");
        write_journal(
            &path,
            &Journal {
                direction,
                state: State::Ready,
            },
        )?;
        failpoint("convert-ready");
        swap_in(&path)?;
        Ok(StoreConfig::new(path).with_key(target))
    }

    /// Makes sure no other connection (of this process or another) has the
    /// store open, and keeps new ones out until this one is closed: a
    /// conversion copies what it sees and then replaces the file, so a
    /// write made elsewhere meanwhile would be lost.
    ///
    /// Every connection in WAL mode holds a shared lock on the file while it
    /// is open, and leaving WAL mode needs the only one (SQLite, "Write-Ahead
    /// Logging", §"Persistence of WAL mode" and `PRAGMA journal_mode`). In
    /// exclusive locking mode the lock, once taken, is kept.
    fn claim_sole_connection(&self) -> Result<()> {
        let conn = &self.conn;
        conn.busy_timeout(Duration::ZERO)
            .ctx("preparing the conversion")?;
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")
            .ctx("preparing the conversion")?;
        // Connections that are closing (the window's threads end on their
        // own once their session is dropped) get a moment to go.
        let deadline = Instant::now() + CLAIM_WAIT;
        let sole = loop {
            let mode: rusqlite::Result<String> =
                conn.query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0));
            if mode.is_ok_and(|m| m.eq_ignore_ascii_case("delete")) {
                break true;
            }
            if Instant::now() >= deadline {
                break false;
            }
            std::thread::sleep(Duration::from_millis(25));
        };
        match sole {
            true => Ok(()),
            false => Err(Error::Conflict(
                "the mail store is open elsewhere (the popmail window, a sync or another \
                 popmail command): close the others and try again; nothing was changed"
                    .into(),
            )),
        }
    }

    fn export_to(
        self,
        new: &Path,
        target: Option<&DataKey>,
        progress: ConvertProgress,
    ) -> Result<()> {
        let conn = &self.conn;
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .ctx("checkpointing before the conversion")?;
        let total = std::fs::metadata(self.config.path()).map_or(0, |m| m.len());
        let cancelled = Arc::new(Mutex::new(false));
        let handler = {
            let cancelled = Arc::clone(&cancelled);
            let new = new.to_path_buf();
            let mut progress = progress;
            let mut last = Instant::now();
            let mut first = true;
            move || {
                if !first && last.elapsed() < Duration::from_millis(100) {
                    return false;
                }
                first = false;
                last = Instant::now();
                let done = std::fs::metadata(&new).map_or(0, |m| m.len());
                let go_on = progress(done.min(total), total);
                if !go_on && let Ok(mut c) = cancelled.lock() {
                    *c = true;
                }
                !go_on
            }
        };
        // The connection was opened without CREATE: make the (owner-only)
        // file first; an empty file is an empty database.
        super::create_private_file(new).map_err(io(new))?;
        let key_sql = target.map(|k| k.sql_literal());
        let key_text = key_sql.as_ref().map_or("", |k| k.as_str());
        conn.execute(
            "ATTACH DATABASE ?1 AS popmail_new KEY ?2",
            rusqlite::params![new.to_string_lossy(), key_text],
        )
        .ctx("creating the converted file")?;
        if target.is_some() {
            // Before the new file's first page is written: see CIPHER_PAGE_SIZE.
            conn.pragma_update(
                Some("popmail_new"),
                "cipher_page_size",
                super::CIPHER_PAGE_SIZE,
            )
            .ctx("setting the encrypted page size")?;
        }
        failpoint("convert-copying");
        // Installed after the ATTACH, so a cancel interrupts only the copy
        // (and is reported as one).
        conn.progress_handler(1000, Some(handler))
            .ctx("watching the conversion")?;
        let result = (|| {
            if target.is_none() {
                conn.pragma_update(Some("popmail_new"), "page_size", 16_384)
                    .ctx("setting the page size")?;
            }
            conn.query_row("SELECT sqlcipher_export('popmail_new')", [], |_| Ok(()))
                .ctx("copying the store")?;
            let version = self.schema_version()?;
            conn.pragma_update(Some("popmail_new"), "user_version", version)
                .ctx("copying the schema version")?;
            Ok(())
        })();
        let none: Option<fn() -> bool> = None;
        // Removing the handler cannot fail on an open connection; a failure
        // would only mean the connection is closing anyway.
        let _ = conn.progress_handler(0, none); // infallible on an open connection
        let detached = conn
            .execute("DETACH DATABASE popmail_new", [])
            .ctx("closing the converted file");
        if cancelled.lock().map(|c| *c).unwrap_or(false) {
            return Err(Error::Conversion(
                "the conversion was cancelled; the mail store is unchanged".into(),
            ));
        }
        result?;
        detached?;
        drop(self);
        Ok(())
    }

    /// `PRAGMA cipher_integrity_check` (SQLCipher's per-page HMAC check) on
    /// an encrypted store: `Ok(())` when every page verifies. A plaintext
    /// store has nothing to check.
    pub fn cipher_integrity_check(&self) -> Result<()> {
        if self.config.key().is_none() {
            return Ok(());
        }
        let mut stmt = self
            .conn
            .prepare("PRAGMA cipher_integrity_check")
            .ctx("checking page MACs")?;
        let problems: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .ctx("checking page MACs")?
            .collect::<rusqlite::Result<_>>()
            .ctx("checking page MACs")?;
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(format!(
                "cipher integrity check: {}",
                problems.join("; ")
            )))
        }
    }

    /// A SHA-256 over every message (id, folder, flags, stored bytes), folder
    /// and ledger row, in a fixed order: equal digests mean a conversion
    /// (or a backup) kept every one of them.
    pub fn content_digest(&self) -> Result<[u8; 32]> {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for sql in [
            "SELECT m.id, m.folder_id, m.flags, b.raw FROM messages m \
             JOIN message_bodies b ON b.message_id = m.id ORDER BY m.id",
            "SELECT id, name, parent_id, account_id FROM folders ORDER BY id",
            "SELECT * FROM uidl_ledger ORDER BY account_id, uidl",
        ] {
            let mut stmt = self.conn.prepare(sql).ctx("digesting the store")?;
            let n = stmt.column_count();
            let mut rows = stmt.query([]).ctx("digesting the store")?;
            while let Some(row) = rows.next().ctx("digesting the store")? {
                for i in 0..n {
                    let v = row.get_ref(i).ctx("digesting the store")?;
                    h.update(format!("{:?}|", v.data_type()).as_bytes());
                    match v {
                        rusqlite::types::ValueRef::Null => {}
                        rusqlite::types::ValueRef::Integer(x) => h.update(x.to_le_bytes()),
                        rusqlite::types::ValueRef::Real(x) => h.update(x.to_le_bytes()),
                        rusqlite::types::ValueRef::Text(b) | rusqlite::types::ValueRef::Blob(b) => {
                            h.update((b.len() as u64).to_le_bytes());
                            h.update(b);
                        }
                    }
                }
            }
            h.update(b"#");
        }
        Ok(h.finalize().into())
    }

    /// Whether this connection was opened with a key.
    pub fn is_encrypted(&self) -> bool {
        self.config.key().is_some()
    }
}

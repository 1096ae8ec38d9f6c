//! The full-text index file: FTS5 (SQLite, "FTS5 Extension") in its own
//! database beside the store, `NAME.index.sqlite3` next to `NAME.sqlite3`,
//! so the store's writer never tokenises: the [`indexer`](super::indexer)
//! thread fills it on its own connection, and WAL gives each file its own
//! writer (SQLite, "Write-Ahead Logging").
//!
//! Layout of the index file (its own `user_version`, [`INDEX_VERSION`]):
//! - `fts`: contentless FTS5 table (`content=''`, `contentless_delete=1`),
//!   rowid = the store's `messages.id`; subject, sender, recipients and at
//!   most [`INDEX_TEXT_CAP`] bytes of body text;
//! - `state`: one row, the **watermark** (every message id up to it has been
//!   indexed, or did not exist) and the `store_id` of the store it belongs to.
//!
//! Why a watermark is enough: the store hands out message ids above every id
//! it ever stored or deleted (`store_meta.id_floor`, migration 0005), inside
//! the write transaction, so ids become visible in increasing order. The
//! indexer commits a batch of documents and the new watermark in one
//! transaction of the index file: a crash loses the batch and its watermark
//! together, and the next pass redoes it. Deleted messages are queued in the
//! store (`index_deletes`, by trigger) and forgotten by the indexer; search
//! joins every hit back to `messages`, so a deleted message never appears.
//!
//! The index is derived data: a file that does not open with the store's key
//! (a conversion was interrupted after the store was renamed), has another
//! layout, belongs to another store, or is ahead of the store (a store
//! restored from an older backup) is emptied or recreated and rebuilt from
//! the stored bytes. Encrypted stores get an encrypted index under the same
//! data key and page size.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use super::{
    BUSY_TIMEOUT, CIPHER_PAGE_SIZE, Context, Error, Inserted, NewMessage, Result, Store,
    StoreConfig, apply_key, create_private_file,
};

/// The layout version of the index file this build writes.
pub const INDEX_VERSION: i64 = 2;

/// Most bytes of body text indexed per message (64 KiB, cut at a character
/// boundary): words past it are not found by search. The README says so.
pub const INDEX_TEXT_CAP: usize = 64 * 1024;

/// The index file's schema. FTS5 settings carried over from the in-file
/// index (migration 0001, measured there with `scripts/bench store`; not yet
/// re-measured in this file): merge 16 segments at a time instead of 4,
/// 16 KB leaf pages to match the database pages, and a 64 MiB pending-term
/// hash so a batch is flushed as one segment.
const SCHEMA: &str = "
CREATE VIRTUAL TABLE fts USING fts5 (
    subject, sender, recipients, body,
    content = '', contentless_delete = 1, detail = column,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO fts (fts, rank) VALUES ('automerge', 16);
INSERT INTO fts (fts, rank) VALUES ('pgsz', 16000);
INSERT INTO fts (fts, rank) VALUES ('hashsize', 67108864);
CREATE TABLE state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    store_id   BLOB,
    watermark  INTEGER NOT NULL
);
INSERT INTO state (id, store_id, watermark) VALUES (1, NULL, 0);
PRAGMA user_version = 2;
";

/// The index file of the store at `store`: `NAME.index.sqlite3`.
pub fn index_path(store: &Path) -> PathBuf {
    store.with_extension("index.sqlite3")
}

/// The index file and the two files SQLite keeps beside it in WAL mode.
pub(crate) fn index_files(store: &Path) -> [PathBuf; 3] {
    let main = index_path(store);
    let with = |suffix: &str| {
        let mut s = main.as_os_str().to_os_string();
        s.push(suffix);
        PathBuf::from(s)
    };
    [with("-wal"), with("-shm"), main]
}

/// Removes the index file (it is rebuilt from the store).
pub(crate) fn remove_index_files(store: &Path) -> Result<()> {
    for file in index_files(store) {
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(Error::Io { path: file, source }),
        }
    }
    Ok(())
}

/// One message as the index sees it.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    /// The store's message id (the FTS rowid).
    pub id: i64,
    pub subject: String,
    pub sender: String,
    pub recipients: String,
    /// Body text, at most [`INDEX_TEXT_CAP`] bytes.
    pub body: String,
}

impl Doc {
    /// The document of a message just stored under `id`.
    pub(crate) fn of(id: i64, m: &NewMessage) -> Doc {
        let e = m.envelope();
        Doc {
            id,
            subject: e.subject.clone(),
            sender: format!("{} {}", e.from_name, e.from_addr),
            recipients: format!("{} {}", e.to, e.cc),
            body: capped(m.body_text()).to_string(),
        }
    }

    /// Bytes of text held (for the indexer's memory budget).
    pub(crate) fn weight(&self) -> usize {
        self.subject.len() + self.sender.len() + self.recipients.len() + self.body.len() + 64
    }
}

/// `text` cut to at most [`INDEX_TEXT_CAP`] bytes at a character boundary.
pub(crate) fn capped(text: &str) -> &str {
    let mut cut = text.len().min(INDEX_TEXT_CAP);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.get(..cut).unwrap_or_default()
}

/// Opens the index file of `config`'s store, creating it when missing and
/// recreating it when it does not open with the store's key or has another
/// layout (it is derived data).
pub(crate) fn open_index(config: &StoreConfig) -> Result<Connection> {
    match try_open(config) {
        Ok(conn) => Ok(conn),
        Err(Unusable::Error(e)) => Err(e),
        Err(Unusable::Rebuild) => {
            remove_index_files(config.path())?;
            try_open(config).map_err(|e| match e {
                Unusable::Error(e) => e,
                Unusable::Rebuild => Error::Invalid(format!(
                    "the search index {} cannot be created",
                    index_path(config.path()).display()
                )),
            })
        }
    }
}

enum Unusable {
    /// The file is not ours to read: remove it and start again.
    Rebuild,
    /// Opening failed for another reason (disk, permissions).
    Error(Error),
}

impl From<Error> for Unusable {
    fn from(e: Error) -> Self {
        Unusable::Error(e)
    }
}

fn try_open(config: &StoreConfig) -> Result<Connection, Unusable> {
    let path = index_path(config.path());
    if !path.exists() {
        create_private_file(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
    }
    let conn = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .ctx("opening the search index")?;
    let page_size = config.key().map(|_| CIPHER_PAGE_SIZE);
    apply_key(&conn, config.key(), page_size)?;
    let version = match conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)) {
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            return Err(Unusable::Rebuild);
        }
        other => other.ctx("reading the search index")?,
    };
    if version != 0 && version != INDEX_VERSION {
        return Err(Unusable::Rebuild);
    }
    conn.busy_timeout(BUSY_TIMEOUT)
        .ctx("setting the busy timeout")?;
    if version == 0 && config.key().is_none() {
        conn.pragma_update(None, "page_size", 16_384)
            .ctx("setting the page size")?;
    }
    conn.pragma_update(None, "journal_mode", "WAL")
        .ctx("enabling WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .ctx("setting synchronous")?;
    conn.pragma_update(None, "temp_store", "MEMORY")
        .ctx("keeping temporary data in memory")?;
    // As the store's: an encrypted index decrypts every page it reads again.
    conn.pragma_update(None, "cache_size", -65_536)
        .ctx("setting the cache size")?;
    if version == 0 {
        // Another connection may be creating it too: decide under the lock.
        let tx = rusqlite::Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)
            .ctx("creating the search index")?;
        let now: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ctx("creating the search index")?;
        if now == 0 {
            tx.execute_batch(SCHEMA).ctx("creating the search index")?;
        }
        tx.commit().ctx("creating the search index")?;
    }
    conn.set_prepared_statement_cache_capacity(16);
    Ok(conn)
}

/// The watermark: every message id up to it is indexed (or never existed).
pub(crate) fn watermark(index: &Connection) -> Result<i64> {
    index
        .prepare_cached("SELECT watermark FROM state WHERE id = 1")
        .and_then(|mut s| s.query_row([], |r| r.get(0)))
        .ctx("reading the search index's watermark")
}

/// Makes the index fit the store it is opened with: a fresh index is given
/// the store's id; an index of another store, or one that claims ids the
/// store never gave out, is emptied (and rebuilt by the indexer).
pub(crate) fn reconcile(store: &Connection, index: &Connection) -> Result<()> {
    let (store_id, top): (Vec<u8>, i64) = store
        .query_row(
            "SELECT store_id, max(id_floor, coalesce((SELECT max(id) FROM messages), 0)) \
             FROM store_meta WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ctx("reading the store's identity")?;
    let (owner, mark): (Option<Vec<u8>>, i64) = index
        .query_row(
            "SELECT store_id, watermark FROM state WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ctx("reading the search index's state")?;
    if owner.as_deref() == Some(&store_id[..]) && mark <= top {
        return Ok(());
    }
    let tx = rusqlite::Transaction::new_unchecked(index, TransactionBehavior::Immediate)
        .ctx("resetting the search index")?;
    let again: Option<Vec<u8>> = tx
        .query_row("SELECT store_id FROM state WHERE id = 1", [], |r| r.get(0))
        .optional()
        .ctx("resetting the search index")?
        .flatten();
    if again.as_deref() != Some(&store_id[..]) || mark > top {
        if owner.is_some() {
            tx.execute("INSERT INTO fts (fts) VALUES ('delete-all')", [])
                .ctx("emptying the search index")?;
        }
        tx.execute(
            "UPDATE state SET store_id = ?1, watermark = 0 WHERE id = 1",
            [&store_id],
        )
        .ctx("resetting the search index")?;
    }
    tx.commit().ctx("resetting the search index")
}

/// How long [`Store::wait_for_index`] lets the indexer fail without
/// progress before it gives up with the indexer's error.
const STUCK_AFTER: std::time::Duration = std::time::Duration::from_secs(30);

impl Store {
    /// Hands the text of messages just committed to the indexer (`inserted`
    /// is what [`Store::insert_batch`] returned for `batch`, in order).
    pub(crate) fn hand_over<'a>(
        &self,
        batch: impl Iterator<Item = &'a NewMessage>,
        inserted: &[Inserted],
    ) {
        if let Some(indexer) = &self.indexer {
            let docs = batch
                .zip(inserted)
                .filter_map(|(m, i)| match i {
                    Inserted::New(id) => Some(Doc::of(id.0, m)),
                    Inserted::Duplicate(_) => None,
                })
                .collect();
            indexer.hand_over(docs);
        }
    }

    /// The index's watermark: every message stored with an id up to it is
    /// searchable (a later one may be too; see [`Store::index_backlog`]).
    pub fn indexed_through(&self) -> Result<super::MessageId> {
        watermark(&self.index).map(super::MessageId)
    }

    /// What the index still has to do: messages stored and not yet
    /// searchable, plus deleted messages it has not yet forgotten (search
    /// already hides those).
    pub fn index_backlog(&self) -> Result<u64> {
        let mark = watermark(&self.index)?;
        let (new, deleted): (i64, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM messages WHERE id > ?1), \
                 (SELECT count(*) FROM index_deletes)",
                [mark],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ctx("measuring the search index's backlog")?;
        Ok(new.saturating_add(deleted).max(0).unsigned_abs())
    }

    /// Waits until everything stored is searchable, calling `progress(left)`
    /// every 20 ms while it is not; `progress` returning
    /// `false` stops waiting (`Ok(false)`: the index catches up later, at
    /// the next start at the latest). Fails when the indexer has stopped or
    /// keeps failing without progress.
    pub fn wait_for_index(&self, mut progress: impl FnMut(u64) -> bool) -> Result<bool> {
        let mut best = u64::MAX;
        let mut since = std::time::Instant::now();
        loop {
            let left = self.index_backlog()?;
            if left == 0 {
                return Ok(true);
            }
            if left < best {
                best = left;
                since = std::time::Instant::now();
            }
            if !progress(left) {
                return Ok(false);
            }
            let Some(indexer) = &self.indexer else {
                return Err(Error::Invalid("the search indexer is not running".into()));
            };
            if indexer.is_finished() {
                let why = indexer
                    .stop_reason()
                    .unwrap_or_else(|| "the search indexer stopped".into());
                return Err(Error::Invalid(why));
            }
            if since.elapsed() > STUCK_AFTER {
                let why = indexer
                    .last_error()
                    .unwrap_or_else(|| "it makes no progress".into());
                return Err(Error::Invalid(format!(
                    "the search index cannot catch up: {why}"
                )));
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

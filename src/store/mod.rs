//! The local store: one SQLite file holding every message exactly as it was
//! downloaded or imported, with its flags, folders and the ledger of POP3
//! UIDLs, and beside it a second file with the full-text index (FTS5),
//! written by its own thread ([`index`], [`indexer`]; issue 17).
//!
//! This is the only module that writes SQL. Layout:
//! - `open` (this file): the file, connection pragmas, migrations;
//! - [`types`]: ids, flags, folders, accounts, list rows;
//! - `accounts`, `folders`, `messages` (insert, list, read), `actions`
//!   (flags, move, trash, expunge), `search`, `ledger`, `backup`;
//! - `index` (the index file) and `indexer` (the thread that fills it).
//!
//! Every connection runs in WAL mode with `foreign_keys=ON` and a busy
//! timeout, so the UI reads while a worker writes. Ordinary commits use
//! `synchronous=NORMAL`; a commit that a later server-side DELE depends on goes
//! through [`Store::durable`], which commits with `synchronous=FULL`.
//!
//! The schema lives in `migrations/NNNN_name/up.sql`, embedded at build time
//! and applied in one transaction; the version is `PRAGMA user_version`. A
//! database written by a newer popmail is refused before anything touches it.
//!
//! **Encryption** (`convert`, and `open` here): SQLite is built as SQLCipher
//! (rusqlite's `bundled-sqlcipher-vendored-openssl`; FTS5 included). A
//! [`StoreConfig`] with a [`DataKey`] gives SQLCipher that key as a raw key
//! (`PRAGMA key = "x'…'"`, before any other statement, on every connection),
//! so pages, the ledger and the WAL are all encrypted (AES-256,
//! HMAC per page: SQLCipher 4 defaults) and no key derivation runs at open.
//! Whether a file is encrypted is read from its first 16 bytes (a plaintext
//! SQLite file starts with `SQLite format 3\0`): see [`is_encrypted`]. The
//! index file is keyed the same way, with the same page size.

mod accounts;
mod actions;
mod backup;
mod convert;
mod export;
mod folders;
pub mod index;
mod indexer;
mod junk;
mod ledger;
mod messages;
mod rules;
mod search;
pub mod types;
mod ui_queries;

pub use convert::{ConvertDirection, recover_conversion};
pub use export::ExportItem;
pub use index::{INDEX_TEXT_CAP, index_path};
pub use junk::{JUNK_FOLDER, TrainItem, TrainOutcome};
pub use ledger::{LedgerEntry, NewDownload};
pub use messages::{Dedupe, Inserted, NewMessage};
pub use rules::ServerMark;
pub use types::*;
pub use ui_queries::ThreadItem;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction};
use zeroize::Zeroizing;

pub use crate::keys::DataKey;
use rusqlite_migration::{M, Migrations};

/// The schema migrations, oldest first. Never edit a released one: add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_initial/up.sql"),
    include_str!("../../migrations/0002_oauth/up.sql"),
    include_str!("../../migrations/0003_rules_junk/up.sql"),
    include_str!("../../migrations/0004_junk_expiry/up.sql"),
    include_str!("../../migrations/0005_index_file/up.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a connection waits for another's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite reported an error.
    #[error("{}", crate::t!("error-store-database", context = *context, error = source.to_string()))]
    Sqlite {
        /// What the store was doing.
        context: &'static str,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// Opening or creating the file failed.
    #[error("{}", crate::t!("error-store-open", path = path.display().to_string(), error = source.to_string()))]
    Io {
        /// The database file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The database was written by a newer popmail.
    #[error("{}", crate::t!("error-store-newer", path = path.display().to_string(), found = found.to_string(), known = known.to_string()))]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// Applying the schema migrations failed.
    #[error("{}", crate::t!("error-store-upgrade", path = path.display().to_string(), detail = detail))]
    Migration {
        /// The database file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// The store is encrypted and no key was given.
    #[error("{}", crate::t!("error-store-locked", path = path.display().to_string()))]
    Locked {
        /// The database file.
        path: PathBuf,
    },
    /// The key given does not open the store (or the file is not a database).
    #[error("{}", crate::t!("error-store-wrong-key", path = path.display().to_string()))]
    WrongKey {
        /// The database file.
        path: PathBuf,
    },
    /// A conversion between plaintext and encrypted failed or was cancelled;
    /// the store is as it was before.
    #[error("{0}")]
    Conversion(String),
    /// A named thing does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The request conflicts with what is stored (e.g. a duplicate name).
    #[error("{0}")]
    Conflict(String),
    /// The request is not valid.
    #[error("{0}")]
    Invalid(String),
    /// The store could not grow (SQLite `SQLITE_FULL`): the disk is full, or
    /// the store reached its page limit. The write was rolled back whole.
    #[error("{}", crate::t!("error-store-full", context = *context))]
    Full {
        /// What the store was doing.
        context: &'static str,
    },
}

impl Error {
    /// Whether the store failed because it could not grow (disk full).
    pub fn is_full(&self) -> bool {
        matches!(self, Error::Full { .. })
    }
}

/// Result type of the store.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Adds context to rusqlite errors.
pub(crate) trait Context<T> {
    fn ctx(self, context: &'static str) -> Result<T>;
}

impl<T> Context<T> for rusqlite::Result<T> {
    fn ctx(self, context: &'static str) -> Result<T> {
        self.map_err(|source| {
            if source.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
                Error::Full { context }
            } else {
                Error::Sqlite { context, source }
            }
        })
    }
}

/// Where a store lives and what opens it: the one value every caller — the
/// CLI, the window, each worker and job — hands to [`Store::open`], so a
/// worker is given a `StoreConfig` and never a bare path. It also holds the
/// data key of an encrypted store (zeroized when the last copy is dropped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreConfig {
    path: PathBuf,
    /// Test hook: `PRAGMA max_page_count` for every connection, so tests can
    /// make the store "full" without filling a disk.
    max_pages: Option<u64>,
    /// The data key of an encrypted store.
    key: Option<std::sync::Arc<DataKey>>,
    /// SQLCipher's page size for an encrypted file, once [`Store::open`]
    /// has found it (`None`: try [`CIPHER_PAGE_SIZE`], then the legacy 4096).
    cipher_page_size: Option<u32>,
}

impl StoreConfig {
    /// The plaintext store in the file at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        StoreConfig {
            path: path.into(),
            max_pages: None,
            key: None,
            cipher_page_size: None,
        }
    }

    /// The same store opened with `key` (an encrypted store), or as plaintext (`None`).
    pub fn with_key(mut self, key: Option<DataKey>) -> Self {
        self.key = key.map(std::sync::Arc::new);
        self.cipher_page_size = None;
        self
    }

    /// The page size SQLCipher uses for this encrypted store, when known.
    pub fn cipher_page_size(&self) -> Option<u32> {
        self.cipher_page_size
    }

    /// The data key, when the store is encrypted.
    pub fn key(&self) -> Option<&DataKey> {
        self.key.as_deref()
    }

    /// The store of a data directory (`DIR/popmail.sqlite3`).
    pub fn in_dir(data_dir: &Path) -> Self {
        Self::new(data_dir.join(crate::paths::STORE_FILE))
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Test hook: caps the database at `pages` pages (SQLite `max_page_count`,
    /// never below its current size) on every connection opened with this
    /// config, so a write past it fails as on a full disk.
    #[doc(hidden)]
    #[must_use]
    pub fn with_max_page_count(mut self, pages: u64) -> Self {
        self.max_pages = Some(pages);
        self
    }
}

/// A connection to the store (and to its index file). Each thread opens its own.
pub struct Store {
    conn: Connection,
    config: StoreConfig,
    /// The index file, for search (the indexer writes it on its own connection).
    index: Connection,
    /// The store's indexer, shared with the other connections of this process.
    indexer: Option<std::sync::Arc<indexer::Indexer>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.config.path)
            .finish()
    }
}

/// Initialises SQLite once, on one thread, before any store connection.
///
/// SQLCipher registers its functions (`sqlcipher_export`, used by the
/// conversion) as an auto-extension from `SQLITE_EXTRA_INIT`, which
/// `sqlite3_initialize` runs only after it has marked SQLite initialised and
/// released its mutex: a connection another thread opens in that window lacks
/// them. Opening a throwaway in-memory connection inside a `Once` closes the
/// window for every connection the program opens afterwards.
pub(crate) fn init_sqlite() {
    static INIT: std::sync::Once = std::sync::Once::new();
    INIT.call_once(|| {
        // Only the initialisation matters; an error here shows up again, in
        // words, when the real store is opened.
        let _ = Connection::open_in_memory(); // see above
    });
}

impl Store {
    /// Opens (creating if needed, owner-only) and migrates the store, opens
    /// (or creates, or repairs) its index file, and starts the store's
    /// indexer unless one of this process is already running.
    pub fn open(config: &StoreConfig) -> Result<Store> {
        let (conn, config) = open_connection(config)?;
        let index = index::open_index(&config)?;
        index::reconcile(&conn, &index)?;
        let indexer = Some(indexer::start(&config)?);
        Ok(Store {
            conn,
            config,
            index,
            indexer,
        })
    }
}

/// Opens (creating if needed, owner-only) and migrates the store file: one
/// connection, with the pragmas every connection uses, and the config with
/// the page size found. [`Store::open`] and the indexer's own connection.
pub(crate) fn open_connection(config: &StoreConfig) -> Result<(Connection, StoreConfig)> {
    init_sqlite();
    let path = config.path();
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    // An interrupted conversion is finished or rolled back first, so
    // there is exactly one store file.
    recover_conversion(path)?;
    if !path.exists() {
        create_private_file(path).map_err(io)?;
    }
    let (mut conn, found, page_size) = connect(config)?;
    let mut config = config.clone();
    config.cipher_page_size = page_size;
    if found > SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    conn.busy_timeout(BUSY_TIMEOUT)
        .ctx("setting the busy timeout")?;
    if found == 0 && config.key().is_none() {
        // (An encrypted file's page size is SQLCipher's: see `connect`.)
        // A new file: large pages suit a store of 2–50 KB blobs (fewer
        // overflow pages per message). Only effective before any table exists.
        conn.pragma_update(None, "page_size", 16_384)
            .ctx("setting the page size")?;
    }
    conn.pragma_update(None, "journal_mode", "WAL")
        .ctx("enabling WAL")?;
    if let Some(pages) = config.max_pages {
        conn.pragma_update(
            None,
            "max_page_count",
            i64::try_from(pages).unwrap_or(i64::MAX),
        )
        .ctx("limiting the store size")?;
    }
    conn.pragma_update(None, "synchronous", "NORMAL")
        .ctx("setting synchronous")?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .ctx("enabling foreign keys")?;
    conn.pragma_update(None, "temp_store", "MEMORY")
        .ctx("keeping temporary data in memory")?;
    conn.pragma_update(None, "cache_size", -65_536)
        .ctx("setting the cache size")?;
    migrations()
        .to_latest(&mut conn)
        .map_err(|e| Error::Migration {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok((conn, config))
}

impl Store {
    /// Opens the store at `path` and migrates it only up to `version`
    /// (for tests of the upgrade path).
    #[doc(hidden)]
    pub fn create_at_version(path: &Path, version: usize) -> Result<()> {
        init_sqlite();
        let mut conn = Connection::open(path).ctx("opening the database")?;
        migrations()
            .to_version(&mut conn, version)
            .map_err(|e| Error::Migration {
                path: path.to_path_buf(),
                detail: e.to_string(),
            })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        self.config.path()
    }

    /// How this store was opened: what a worker needs to open its own
    /// connection to it.
    pub fn config(&self) -> &StoreConfig {
        &self.config
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ctx("reading the schema version")
    }

    /// Starts a write transaction. IMMEDIATE takes the write lock at once
    /// (waiting up to the busy timeout), so a transaction that reads before
    /// it writes can never fail with "database is locked" when another
    /// connection committed in between.
    pub(crate) fn write_tx(&mut self) -> rusqlite::Result<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
    }

    /// Runs `f` in a transaction committed with `synchronous=FULL`, so that
    /// when this returns `Ok` the data survives a crash or power loss.
    pub fn durable<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.conn
            .pragma_update(None, "synchronous", "FULL")
            .ctx("setting synchronous=FULL")?;
        let result = (|| {
            let tx = self.write_tx().ctx("starting a durable transaction")?;
            let value = f(&tx)?;
            tx.commit().ctx("committing durably")?;
            Ok(value)
        })();
        let restore = self
            .conn
            .pragma_update(None, "synchronous", "NORMAL")
            .ctx("setting synchronous");
        let value = result?;
        restore?;
        Ok(value)
    }

    /// `PRAGMA integrity_check`: `Ok(())` when the file is sound.
    pub fn integrity_check(&self) -> Result<()> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .ctx("checking integrity")?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(Error::Invalid(format!("integrity check: {verdict}")))
        }
    }
}

/// SQLCipher's page size for new encrypted stores. SQLCipher's default
/// (4096) made an encrypted store of 2–50 KB messages spend most of its time
/// on overflow pages, each with its own IV, HMAC and decryption; 16 KiB pages
/// match the plaintext store's `page_size` (SQLCipher API, `cipher_page_size`).
pub const CIPHER_PAGE_SIZE: u32 = 16_384;

/// The page size of encrypted stores written before [`CIPHER_PAGE_SIZE`]
/// (SQLCipher's default); such stores still open.
pub const LEGACY_CIPHER_PAGE_SIZE: u32 = 4_096;

/// Opens a connection to `config`'s file and reads its schema version. For an
/// encrypted store whose page size is not yet known, tries
/// [`CIPHER_PAGE_SIZE`] and then [`LEGACY_CIPHER_PAGE_SIZE`]: with the wrong
/// page size the first page's HMAC fails exactly as with a wrong key.
/// Returns the connection, the version and the page size that worked.
fn connect(config: &StoreConfig) -> Result<(Connection, i64, Option<u32>)> {
    let path = config.path();
    let sizes: &[u32] = match (config.key(), config.cipher_page_size) {
        (None, _) => &[0],
        (Some(_), Some(known)) => &[known][..],
        (Some(_), None) => &[CIPHER_PAGE_SIZE, LEGACY_CIPHER_PAGE_SIZE],
    };
    let mut last = None;
    for &size in sizes {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ctx("opening the database")?;
        let page_size = config.key().map(|_| size);
        apply_key(&conn, config.key(), page_size)?;
        // Check the version before anything writes: a newer file stays byte-identical.
        match conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)) {
            Ok(found) => return Ok((conn, found, page_size)),
            Err(e) => last = Some(not_a_db(e, path, config.key().is_some())),
        }
    }
    Err(last.unwrap_or_else(|| Error::Invalid("no page size to try".into())))
}

/// Gives SQLCipher the raw data key and its page size; must precede every
/// other statement. `page_size` is `None` for SQLCipher's default.
pub(crate) fn apply_key(
    conn: &Connection,
    key: Option<&DataKey>,
    page_size: Option<u32>,
) -> Result<()> {
    if let Some(key) = key {
        let sql = Zeroizing::new(format!("PRAGMA key = \"{}\";", key.sql_literal().as_str()));
        conn.execute_batch(&sql).ctx("giving the key")?;
        if let Some(size) = page_size {
            conn.pragma_update(None, "cipher_page_size", size)
                .ctx("setting the encrypted page size")?;
        }
    }
    Ok(())
}

/// SQLCipher reports a wrong key (or an encrypted file opened without one)
/// as "file is not a database" at the first read.
fn not_a_db(e: rusqlite::Error, path: &Path, keyed: bool) -> Error {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) {
        if keyed {
            Error::WrongKey {
                path: path.to_path_buf(),
            }
        } else {
            Error::Locked {
                path: path.to_path_buf(),
            }
        }
    } else {
        Error::Sqlite {
            context: "reading the schema version",
            source: e,
        }
    }
}

/// Whether the store file at `path` is encrypted: it exists, is not empty,
/// and does not start with SQLite's plaintext magic. A missing or empty file
/// is not encrypted.
pub fn is_encrypted(path: &Path) -> Result<bool> {
    use std::io::Read as _;
    let mut head = [0u8; 16];
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(Error::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let n = f.read(&mut head).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(n > 0 && head[..n.min(16)] != b"SQLite format 3\0"[..n.min(16)])
}

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

/// Seconds since the Unix epoch, now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod crypt_tests;
#[cfg(test)]
mod index_tests;
#[cfg(test)]
mod tests;

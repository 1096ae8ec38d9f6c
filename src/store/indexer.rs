//! The indexer: one background thread per open store (a
//! [`crate::worker::Worker`] named `popmail-index`) that keeps the index file
//! ([`super::index`]) up with the store, on its own two connections.
//!
//! Each pass forgets deleted messages (the store's `index_deletes` queue),
//! then indexes the next [`PASS_BATCH`] message ids above the watermark and
//! moves the watermark in the same transaction of the index file. A pass is
//! thus idempotent, and after a crash (kill -9 included) the first pass of
//! the next run catches up from the watermark: the store is the truth, the
//! index follows it.
//!
//! Writers hand over the text they already parsed ([`Command::Docs`], after
//! their commit): the indexer uses it when it reaches those ids and parses
//! the stored bytes (`mail::parse`) only for ids it was not given (catch-up,
//! other processes). The hand-over is bounded ([`CACHE_BYTES`]); past it the
//! indexer parses. Without hand-overs it looks for new mail every [`POLL`].
//!
//! Every [`super::Store`] of a file shares that file's indexer (a registry of
//! weak handles keyed by path); the last store dropped stops it, waiting for
//! the batch in flight. Two processes may each run one: each pass reads the
//! watermark under the index file's write lock, so nothing is indexed twice.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError, Weak};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::index::{self, Doc, capped};
use super::{Context, Result, StoreConfig};
use crate::mail;
use crate::worker::{Cancel, Inbox, Next, Outbox, Spawn, StopEvent, Worker};

/// Messages indexed per transaction of the index file: the insert batch of
/// `scripts/bench store`. Not yet tuned by measurement (issue 17).
pub const PASS_BATCH: usize = 1_000;

/// How often the indexer looks for mail stored without a hand-over (other
/// processes, deletions).
pub const POLL: Duration = Duration::from_millis(250);

/// Most bytes of handed-over text held while the indexer is behind.
const CACHE_BYTES: usize = 256 << 20;

/// What a writer tells the indexer.
pub(crate) enum Command {
    /// Messages just committed, with their text.
    Docs(Vec<Doc>),
}

/// The indexer's only event: why it stopped.
#[derive(Debug)]
pub(crate) struct Stopped(pub String);

impl StopEvent for Stopped {
    fn stopped(reason: String) -> Self {
        Stopped(reason)
    }
}

/// A running indexer, shared by every store connection of one file.
pub(crate) struct Indexer {
    worker: Worker<Command, Stopped>,
    error: Arc<Mutex<Option<String>>>,
}

impl Indexer {
    /// Hands over the text of messages just committed.
    pub(crate) fn hand_over(&self, docs: Vec<Doc>) {
        if !docs.is_empty() {
            // A stopped indexer (it says why in `last_error`) cannot take
            // them; the next one parses the stored bytes instead.
            let _ = self.worker.send(Command::Docs(docs)); // see above
        }
    }

    /// The error of the last pass, while it keeps failing.
    pub(crate) fn last_error(&self) -> Option<String> {
        self.error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Whether the thread has ended (it only ends when asked to, or on a panic).
    pub(crate) fn is_finished(&self) -> bool {
        self.worker.is_finished()
    }

    /// Why the thread ended, once it has.
    pub(crate) fn stop_reason(&self) -> Option<String> {
        self.worker.try_recv().map(|s| s.0)
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        self.worker.shutdown();
    }
}

type Registry = Mutex<HashMap<PathBuf, Weak<Indexer>>>;

fn registry() -> &'static Registry {
    static REGISTRY: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(Registry::default)
}

/// The indexer of `config`'s store: the running one, or a new one.
pub(crate) fn start(config: &StoreConfig) -> Result<Arc<Indexer>> {
    let mut map = registry().lock().unwrap_or_else(PoisonError::into_inner);
    map.retain(|_, w| w.strong_count() > 0);
    if let Some(running) = map.get(config.path()).and_then(Weak::upgrade)
        && !running.is_finished()
    {
        return Ok(running);
    }
    let error = Arc::new(Mutex::new(None));
    let body = {
        let config = config.clone();
        let error = Arc::clone(&error);
        move |inbox: Inbox<Command>, outbox: Outbox<Stopped>| run(&config, &inbox, &outbox, &error)
    };
    let worker =
        Worker::spawn(Spawn::named("popmail-index"), body).map_err(|source| super::Error::Io {
            path: index::index_path(config.path()),
            source,
        })?;
    let indexer = Arc::new(Indexer { worker, error });
    map.insert(config.path().to_path_buf(), Arc::downgrade(&indexer));
    Ok(indexer)
}

/// Handed-over documents by id, within a memory budget.
#[derive(Default)]
struct Cache {
    docs: BTreeMap<i64, Doc>,
    bytes: usize,
}

impl Cache {
    fn take(&mut self, command: Command) {
        let Command::Docs(docs) = command;
        for doc in docs {
            let w = doc.weight();
            if self.bytes + w > CACHE_BYTES {
                continue; // parsed from the store when its turn comes
            }
            self.bytes += w;
            if let Some(old) = self.docs.insert(doc.id, doc) {
                self.bytes -= old.weight();
            }
        }
    }

    fn remove(&mut self, id: i64) -> Option<Doc> {
        let doc = self.docs.remove(&id)?;
        self.bytes -= doc.weight();
        Some(doc)
    }

    /// Drops documents at or below the watermark (already indexed, or of
    /// messages deleted before their turn).
    fn forget_through(&mut self, mark: i64) {
        let keep = self.docs.split_off(&(mark.saturating_add(1)));
        for doc in std::mem::replace(&mut self.docs, keep).into_values() {
            self.bytes -= doc.weight();
        }
    }
}

/// The thread's body: passes until caught up, then waits for a hand-over or
/// the poll interval; a failing pass is retried after the interval, its
/// error kept for [`Indexer::last_error`].
fn run(
    config: &StoreConfig,
    inbox: &Inbox<Command>,
    outbox: &Outbox<Stopped>,
    error: &Mutex<Option<String>>,
) -> String {
    let stopped = || "the search indexer stopped".to_string();
    let mut cache = Cache::default();
    let mut conns: Option<(Connection, Connection)> = None;
    let mut idle = false;
    loop {
        loop {
            match inbox.try_recv() {
                Ok(Some(c)) => {
                    cache.take(c);
                    outbox.done(1);
                }
                Ok(None) => break,
                Err(_) => return stopped(),
            }
        }
        if inbox.cancel().is_cancelled() {
            return stopped();
        }
        if idle {
            match inbox.recv_timeout(POLL) {
                Next::Command(c) => {
                    cache.take(c);
                    outbox.done(1);
                }
                Next::Timeout => {}
                Next::Closed => return stopped(),
            }
        }
        let outcome = match &mut conns {
            Some(c) => pass(c, &mut cache, inbox.cancel()),
            None => open(config).and_then(|c| pass(conns.insert(c), &mut cache, inbox.cancel())),
        };
        let mut last = error.lock().unwrap_or_else(PoisonError::into_inner);
        match outcome {
            Ok(more) => {
                idle = !more;
                *last = None;
            }
            Err(e) => {
                // Reopen next time (the disk may have been full, a file
                // replaced); the store itself is untouched by a failed pass.
                conns = None;
                idle = true;
                *last = Some(e.to_string());
            }
        }
    }
}

/// The indexer's connections: (store, index).
fn open(config: &StoreConfig) -> Result<(Connection, Connection)> {
    let store = super::open_connection(config)?.0;
    let index = index::open_index(config)?;
    index::reconcile(&store, &index)?;
    Ok((store, index))
}

/// One pass: forget a batch of deleted messages, index a batch of new ones.
/// `Ok(true)` when there is more to do.
fn pass(conns: &mut (Connection, Connection), cache: &mut Cache, cancel: &Cancel) -> Result<bool> {
    let (store, index) = conns;
    let more_deleted = forget_deleted(store, index)?;
    if cancel.is_cancelled() {
        return Ok(true);
    }
    let more_new = index_new(store, index, cache)?;
    Ok(more_deleted || more_new)
}

/// Removes queued deleted messages from the index, then from the queue.
fn forget_deleted(store: &Connection, index: &Connection) -> Result<bool> {
    let ids: Vec<i64> = store
        .prepare_cached("SELECT id FROM index_deletes ORDER BY id LIMIT ?1")
        .and_then(|mut s| {
            s.query_map([PASS_BATCH as i64], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .ctx("reading deleted messages")?;
    if ids.is_empty() {
        return Ok(false);
    }
    let tx = rusqlite::Transaction::new_unchecked(index, TransactionBehavior::Immediate)
        .ctx("forgetting deleted messages")?;
    {
        let mark = index::watermark(&tx)?;
        let mut delete = tx
            .prepare_cached("DELETE FROM fts WHERE rowid = ?1")
            .ctx("forgetting deleted messages")?;
        for &id in ids.iter().filter(|&&id| id <= mark) {
            delete.execute([id]).ctx("forgetting a deleted message")?;
        }
    }
    tx.commit().ctx("forgetting deleted messages")?;
    let tx = rusqlite::Transaction::new_unchecked(store, TransactionBehavior::Immediate)
        .ctx("clearing the deletion queue")?;
    {
        let mut done = tx
            .prepare_cached("DELETE FROM index_deletes WHERE id = ?1")
            .ctx("clearing the deletion queue")?;
        for id in &ids {
            done.execute([id]).ctx("clearing the deletion queue")?;
        }
    }
    tx.commit().ctx("clearing the deletion queue")?;
    Ok(ids.len() == PASS_BATCH)
}

/// Indexes the next batch of messages above the watermark.
fn index_new(store: &Connection, index: &Connection, cache: &mut Cache) -> Result<bool> {
    let mark = index::watermark(index)?;
    let ids: Vec<i64> = store
        .prepare_cached("SELECT id FROM messages WHERE id > ?1 ORDER BY id LIMIT ?2")
        .and_then(|mut s| {
            s.query_map(params![mark, PASS_BATCH as i64], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()
        })
        .ctx("finding messages to index")?;
    let Some(&last) = ids.last() else {
        cache.forget_through(mark);
        return Ok(false);
    };
    let mut docs = Vec::with_capacity(ids.len());
    for &id in &ids {
        if let Some(doc) = cache.remove(id) {
            docs.push(doc);
        } else if let Some(doc) = read_doc(store, id)? {
            docs.push(doc);
        }
    }
    let tx = rusqlite::Transaction::new_unchecked(index, TransactionBehavior::Immediate)
        .ctx("indexing messages")?;
    {
        // Another process's indexer may have moved it meanwhile.
        let now = index::watermark(&tx)?;
        let mut insert = tx
            .prepare_cached(
                "INSERT INTO fts (rowid, subject, sender, recipients, body) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .ctx("indexing messages")?;
        for d in docs.iter().filter(|d| d.id > now) {
            insert
                .execute(params![d.id, d.subject, d.sender, d.recipients, d.body])
                .ctx("indexing a message")?;
        }
        tx.execute(
            "UPDATE state SET watermark = max(watermark, ?1) WHERE id = 1",
            [last],
        )
        .ctx("moving the index watermark")?;
    }
    tx.commit().ctx("indexing messages")?;
    cache.forget_through(last);
    Ok(ids.len() == PASS_BATCH)
}

/// The document of a stored message, parsed from its bytes.
fn read_doc(store: &Connection, id: i64) -> Result<Option<Doc>> {
    let row = store
        .prepare_cached(
            "SELECT m.subject, m.from_name, m.from_addr, m.to_addrs, m.cc_addrs, b.raw \
             FROM messages m JOIN message_bodies b ON b.message_id = m.id WHERE m.id = ?1",
        )
        .and_then(|mut s| {
            s.query_row([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Vec<u8>>(5)?,
                ))
            })
            .optional()
        })
        .ctx("reading a message to index")?;
    Ok(row.map(|(subject, from_name, from_addr, to, cc, raw)| {
        let parsed = mail::parse(&raw);
        Doc {
            id,
            subject,
            sender: format!("{from_name} {from_addr}"),
            recipients: format!("{to} {cc}"),
            body: capped(&parsed.index_text).to_string(),
        }
    }))
}

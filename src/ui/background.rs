//! The window's two background threads, each with its own store connection
//! (SQLite WAL lets them read and write while the UI thread reads):
//! - `popmail-ui-read` answers reads that grow with folder size or message
//!   size. When several requests of one kind queue up, only the newest runs;
//!   the UI also drops answers whose generation is stale.
//! - `popmail-ui-rows` reads the list rows on screen (and a screen around),
//!   so scrolling never waits on the disk;
//! - `popmail-ui-write` runs writes in order (moves, Trash, restore, delete
//!   for good, emptying a folder, saving attachments). The store commits them
//!   in batches, so the UI's own small writes are never starved.
//!
//!   It also removes accounts (moving or deleting their mail in batches,
//!   with progress).
//!
//! All three are [`crate::worker::Worker`]s: they call `request_repaint` after
//! each answer, so the UI drains them with `try_recv` on its next frame, and
//! their last answer, [`Done::Stopped`], says why a thread ended.

use std::path::PathBuf;
use std::sync::Arc;

use super::conversations;
use crate::mail::{self, MessageView};
use crate::store::{
    AccountId, Flags, FolderId, FolderRole, MessageId, MessageRow, Scope, Sort, Store,
};
use crate::worker::{Inbox, Outbox, Repaint, Spawn, StopEvent};

/// Most search hits shown.
pub const SEARCH_LIMIT: usize = 500;

/// A scope's full list order: ids, and for conversations which rows are replies.
pub type Order = (Arc<Vec<MessageId>>, Option<Arc<Vec<bool>>>);

/// A request to a background thread.
#[derive(Debug)]
pub enum Job {
    /// The full order of a scope (for scrolling anywhere).
    LoadOrder {
        /// Generation, echoed back.
        generation: u64,
        /// Which messages.
        scope: Scope,
        /// Sort order (conversations: only its direction).
        sort: Sort,
        /// Group by conversation.
        conversations: bool,
    },
    /// Full-text search.
    Search {
        /// Generation, echoed back.
        generation: u64,
        /// What the user typed.
        query: String,
        /// Only this folder, or everywhere.
        folder: Option<FolderId>,
    },
    /// Read and parse one message for the reader.
    Open {
        /// Generation, echoed back.
        generation: u64,
        /// The message.
        id: MessageId,
    },
    /// The list rows of these messages.
    Rows {
        /// Generation, echoed back.
        generation: u64,
        /// The messages.
        ids: Vec<MessageId>,
    },
    /// The first rows of a scope and its count, before its full order
    /// has loaded (one index range scan).
    Page {
        /// Generation, echoed back.
        generation: u64,
        /// Which messages.
        scope: Scope,
        /// Sort order.
        sort: Sort,
        /// First row.
        start: u64,
        /// Rows at most.
        limit: u64,
    },
    /// A write.
    Write(Write),
}

impl Job {
    fn kind(&self) -> u8 {
        match self {
            Job::LoadOrder { .. } => 0,
            Job::Search { .. } => 1,
            Job::Open { .. } => 2,
            Job::Rows { .. } => 3,
            Job::Write(_) => 4,
            Job::Page { .. } => 5,
        }
    }
}

/// A write the user asked for.
#[derive(Debug, Clone)]
pub enum Write {
    /// Move to a folder.
    Move(Vec<MessageId>, FolderId),
    /// Move each message back where it was (undo of a move).
    MoveBack(Vec<(MessageId, FolderId)>),
    /// Move to the Trash.
    Trash(Vec<MessageId>),
    /// Move out of the Trash.
    Restore(Vec<MessageId>),
    /// Delete for good.
    Expunge(Vec<MessageId>),
    /// Delete everything in a folder for good (emptying the Trash).
    Empty(FolderId),
    /// Save attachments: (message, part path, destination file).
    Save(MessageId, Vec<(String, PathBuf)>),
    /// Set or clear a flag on many messages.
    Flag(Vec<MessageId>, Flags, bool),
    /// Remove an account, keeping its mail in a local folder or deleting it.
    RemoveAccount {
        /// The account.
        id: AccountId,
        /// Keep its mail.
        keep: bool,
    },
}

impl Write {
    /// The messages a move, Trash, restore or delete takes away (`None`:
    /// another kind of write).
    pub fn messages(&self) -> Option<&[MessageId]> {
        match self {
            Write::Move(ids, _) | Write::Trash(ids) | Write::Restore(ids) | Write::Expunge(ids) => {
                Some(ids)
            }
            _ => None,
        }
    }
}

/// How to undo a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undo {
    /// Move messages back to these folders.
    MoveBack(Vec<(MessageId, FolderId)>),
    /// Restore messages from the Trash.
    Restore(Vec<MessageId>),
    /// Put messages back in the Trash.
    Trash(Vec<MessageId>),
}

/// A parsed message for the reader.
#[derive(Debug)]
pub struct Opened {
    /// Its list row.
    pub row: MessageRow,
    /// The stored bytes.
    pub raw: Arc<Vec<u8>>,
    /// The parsed view.
    pub view: MessageView,
}

/// An answer from a background thread.
#[derive(Debug)]
pub enum Done {
    /// Answer to [`Job::LoadOrder`].
    Order {
        /// The request's generation.
        generation: u64,
        /// The ids in list order, and for conversations which are replies.
        result: Result<Order, String>,
    },
    /// Answer to [`Job::Search`].
    Search {
        /// The request's generation.
        generation: u64,
        /// The hits, best first.
        result: Result<Vec<MessageRow>, String>,
    },
    /// Answer to [`Job::Open`].
    Opened {
        /// The request's generation.
        generation: u64,
        /// It, parsed.
        result: Result<Box<Opened>, String>,
    },
    /// Answer to [`Job::Rows`].
    Rows {
        /// The request's generation.
        generation: u64,
        /// The rows (missing ids skipped).
        result: Result<Vec<MessageRow>, String>,
    },
    /// Answer to [`Job::Page`].
    Page {
        /// The request's generation.
        generation: u64,
        /// The first row asked for.
        start: u64,
        /// The scope's count and the rows.
        result: Result<(u64, Vec<MessageRow>), String>,
    },
    /// How far a long write is (removing an account): messages done, in all.
    Progress(u64, u64),
    /// An account was removed.
    RemovedAccount {
        /// The account.
        id: AccountId,
        /// The folder its mail was kept in, if kept.
        result: Result<Option<FolderId>, String>,
    },
    /// The thread stopped; its last answer.
    Stopped(String),
    /// A write finished.
    Wrote {
        /// What was asked.
        write: Box<Write>,
        /// How many messages or files it touched, and how to undo it.
        result: Result<(usize, Option<Undo>), String>,
    },
}

impl StopEvent for Done {
    fn stopped(reason: String) -> Self {
        Done::Stopped(reason)
    }
}

/// A background thread of the window, on the crate's one worker shape.
pub struct Background {
    worker: crate::worker::Worker<Job, Done>,
}

impl Background {
    /// Starts the thread `name` with its own connection to the store.
    /// With `coalesce`, of several queued jobs of one kind only the newest runs.
    pub fn spawn(
        name: &'static str,
        config: crate::store::StoreConfig,
        repaint: Repaint,
        coalesce: bool,
    ) -> Result<Background, super::Error> {
        let worker = crate::worker::Worker::spawn(
            Spawn::named(name).repaint(repaint),
            move |inbox, outbox| serve(&config, &inbox, &outbox, coalesce),
        )
        .map_err(|source| super::Error::Thread { name, source })?;
        Ok(Background { worker })
    }

    /// Queues a job.
    pub fn send(&self, job: Job) {
        // A stopped thread has already said why in its last answer
        // (`Done::Stopped`), which the window shows; there is no one else to tell.
        let _ = self.worker.send(job); // closed: Done::Stopped said why
    }

    /// The next answer, if any (never blocks).
    pub fn try_recv(&self) -> Option<Done> {
        self.worker.try_recv()
    }

    /// Whether jobs are queued or running, or answers unread.
    pub fn busy(&self) -> bool {
        self.worker.busy()
    }
}

/// The thread's body: serves jobs until the window drops its handle.
fn serve(
    config: &crate::store::StoreConfig,
    inbox: &Inbox<Job>,
    outbox: &Outbox<Done>,
    coalesce: bool,
) -> String {
    let mut store = Store::open(config).map_err(|e| e.to_string());
    while let Some(first) = inbox.recv() {
        let mut batch = vec![first];
        // `Err(Closed)`: the window has gone; the jobs already taken still run.
        while let Ok(Some(job)) = inbox.try_recv() {
            batch.push(job);
        }
        let run = if coalesce {
            let before = batch.len();
            let kept = newest_of_each_kind(batch);
            outbox.done(before - kept.len());
            kept
        } else {
            batch
        };
        for job in run {
            let answer = match &mut store {
                Ok(store) => answer(store, job, outbox),
                Err(e) => failed(job, e),
            };
            // The answer is in the channel before the job counts as done,
            // so `busy()` never reads false with an answer unseen.
            let gone = outbox.send(answer).is_err();
            outbox.done(1);
            if gone {
                return "the window closed".into(); // not translated: a worker's stop reason, after the window is gone
            }
        }
    }
    "the window closed".into() // not translated: a worker's stop reason, after the window is gone
}

fn newest_of_each_kind(batch: Vec<Job>) -> Vec<Job> {
    let mut keep: Vec<Job> = Vec::new();
    for job in batch.into_iter().rev() {
        if !keep.iter().any(|k| k.kind() == job.kind()) {
            keep.push(job);
        }
    }
    keep.reverse();
    keep
}

fn failed(job: Job, why: &str) -> Done {
    let result = Err(why.to_string());
    match job {
        Job::LoadOrder { generation, .. } => Done::Order {
            generation,
            result: Err(why.into()),
        },
        Job::Search { generation, .. } => Done::Search {
            generation,
            result: Err(why.into()),
        },
        Job::Open { generation, .. } => Done::Opened {
            generation,
            result: Err(why.into()),
        },
        Job::Rows { generation, .. } => Done::Rows {
            generation,
            result: Err(why.into()),
        },
        Job::Page {
            generation, start, ..
        } => Done::Page {
            generation,
            start,
            result: Err(why.into()),
        },
        Job::Write(Write::RemoveAccount { id, .. }) => Done::RemovedAccount {
            id,
            result: Err(why.into()),
        },
        Job::Write(write) => Done::Wrote {
            write: Box::new(write),
            result,
        },
    }
}

fn answer(store: &mut Store, job: Job, outbox: &Outbox<Done>) -> Done {
    match job {
        Job::LoadOrder {
            generation,
            scope,
            sort,
            conversations,
        } => {
            let result = if conversations {
                store.thread_items(scope).map(|items| {
                    let c = conversations::group(items, sort.descending);
                    (Arc::new(c.ids), Some(Arc::new(c.reply)))
                })
            } else {
                store
                    .sorted_ids(scope, sort)
                    .map(|ids| (Arc::new(ids), None))
            };
            Done::Order {
                generation,
                result: result.map_err(|e| e.to_string()),
            }
        }
        Job::Search {
            generation,
            query,
            folder,
        } => {
            let result = store
                .search(&query, folder, SEARCH_LIMIT)
                .and_then(|ids| store.rows(&ids))
                .map_err(|e| e.to_string());
            Done::Search { generation, result }
        }
        Job::Open { generation, id } => {
            let result = (|| {
                let row = store.row(id)?;
                let raw = store.raw(id)?;
                let view = mail::view(&raw);
                Ok::<_, crate::store::Error>(Box::new(Opened {
                    row,
                    raw: Arc::new(raw),
                    view,
                }))
            })()
            .map_err(|e| e.to_string());
            Done::Opened { generation, result }
        }
        Job::Rows { generation, ids } => {
            let result = store.rows(&ids).map_err(|e| e.to_string());
            Done::Rows { generation, result }
        }
        Job::Page {
            generation,
            scope,
            sort,
            start,
            limit,
        } => {
            let result = store
                .count(scope)
                .and_then(|n| Ok((n, store.page(scope, sort, start, limit)?)))
                .map_err(|e| e.to_string());
            Done::Page {
                generation,
                start,
                result,
            }
        }
        Job::Write(Write::RemoveAccount { id, keep }) => {
            let batch = crate::account::limits::DELETE_BATCH;
            let result = store
                .remove_account_batched(id, keep, batch, |done, total| {
                    // Progress is advisory; a closed window stops at the end of the job.
                    let _ = outbox.send(Done::Progress(done, total)); // advisory
                })
                .map_err(|e| e.to_string());
            Done::RemovedAccount { id, result }
        }
        Job::Write(write) => {
            let result = run_write(store, &write).map_err(|e| e.to_string());
            Done::Wrote {
                write: Box::new(write),
                result,
            }
        }
    }
}

/// Origins of messages, for undoing a move.
fn origins(store: &Store, ids: &[MessageId]) -> crate::store::Result<Vec<(MessageId, FolderId)>> {
    Ok(store
        .rows(ids)?
        .into_iter()
        .map(|r| (r.id, r.folder))
        .collect())
}

fn run_write(store: &mut Store, write: &Write) -> crate::store::Result<(usize, Option<Undo>)> {
    match write {
        Write::Move(ids, to) => {
            let back: Vec<_> = origins(store, ids)?
                .into_iter()
                .filter(|(_, f)| f != to)
                .collect();
            store.move_messages(ids, *to)?;
            Ok((ids.len(), Some(Undo::MoveBack(back))))
        }
        Write::MoveBack(pairs) => {
            let mut by_folder: std::collections::BTreeMap<FolderId, Vec<MessageId>> =
                std::collections::BTreeMap::new();
            for (id, f) in pairs {
                by_folder.entry(*f).or_default().push(*id);
            }
            for (f, ids) in &by_folder {
                match store.folder(*f) {
                    Ok(_) => store.move_messages(ids, *f)?,
                    // A folder deleted since cannot take them back; skip it.
                    Err(crate::store::Error::NotFound(_)) => {}
                    Err(e) => return Err(e),
                }
            }
            Ok((pairs.len(), None))
        }
        Write::Trash(ids) => {
            let trash = store.special_folder(FolderRole::Trash)?;
            let moved: Vec<MessageId> = origins(store, ids)?
                .into_iter()
                .filter(|(_, f)| *f != trash)
                .map(|(id, _)| id)
                .collect();
            store.trash(ids)?;
            Ok((moved.len(), Some(Undo::Restore(moved))))
        }
        Write::Restore(ids) => {
            store.restore(ids)?;
            Ok((ids.len(), Some(Undo::Trash(ids.clone()))))
        }
        Write::Expunge(ids) => Ok((store.expunge(ids)?, None)),
        Write::Empty(folder) => {
            let mut total = 0;
            loop {
                let ids = store.folder_ids(*folder, crate::account::limits::DELETE_BATCH)?;
                if ids.is_empty() {
                    break;
                }
                total += store.expunge(&ids)?;
            }
            Ok((total, None))
        }
        Write::Flag(ids, flag, on) => {
            store.set_flag(ids, *flag, *on)?;
            Ok((ids.len(), None))
        }
        // Answered as `Done::RemovedAccount` by `answer`.
        Write::RemoveAccount { .. } => Ok((0, None)),
        Write::Save(id, parts) => {
            let raw = store.raw(*id)?;
            for (part, dest) in parts {
                let bytes = mail::attachment_bytes(&raw, part)
                    .map_err(|e| crate::store::Error::Invalid(e.to_string()))?;
                write_new_file(dest, &bytes).map_err(|e| {
                    crate::store::Error::Invalid(crate::t!(
                        "window-cannot-save",
                        path = dest.display().to_string(),
                        error = e.to_string()
                    ))
                })?;
            }
            Ok((parts.len(), None))
        }
    }
}

/// Writes a file; when it exists it is replaced only because the user said so
/// (the UI asks before it sends the job).
fn write_new_file(dest: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut f = std::fs::File::create(dest)?;
    f.write_all(bytes)?;
    f.sync_all()
}

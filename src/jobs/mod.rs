//! The job worker: long jobs that move mail between the store and mailbox files —
//! import, export, backup and conversion (encryption on or off) — and the
//! mail-wide ones of rules and junk (running the rules over a folder or a
//! selection, junk marks that train the filter), off the UI thread.
//!
//! The jobs themselves are plain functions ([`import::import`], [`export::export`],
//! [`backup`]) that take a [`Control`] for progress and cancellation; the command
//! line calls them directly (with an `indicatif` bar and Ctrl+C), and the window
//! talks to them through [`JobWorker`]: a named thread that takes
//! [`JobCommand`]s and answers with [`JobEvent`]s over crossbeam channels,
//! calling a repaint callback after each event.
//!
//! Consistency: an import commits in batches (one transaction each, about a
//! thousand messages or 8 MiB), so a cancelled or failed import keeps the
//! batches committed before it and never a half-written message. A cancelled
//! export removes what it created (an mbox is written to a temporary file and
//! renamed only when complete).

pub mod convert;
pub mod export;
pub mod import;
pub mod junk;
pub mod rules;
mod worker;

use std::path::{Path, PathBuf};

pub use convert::{convert, erasure_notice};
pub use export::{ExportRequest, ExportSource, ExportSummary, export};
pub use import::{ImportRequest, ImportSummary, Target, import};
pub use junk::{MarkSummary, mark_junk};
pub use rules::{RulesScope, RunRequest, RunSummary, run_rules};
pub use worker::{JobCommand, JobEvent, JobKind, JobSummary, JobWorker, spawn};

use crate::store::{self, Store};

pub use crate::worker::PROGRESS_INTERVAL;

/// Errors of a job, each a sentence a user understands.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store refused an operation.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// Reading or writing a mailbox file failed.
    #[error(transparent)]
    Mailbox(#[from] crate::mailbox::Error),
    /// The job was cancelled.
    #[error("{}", crate::t!("error-jobs-cancelled"))]
    Cancelled,
    /// A background thread could not be started or died.
    #[error("{}", crate::t!("error-jobs-thread", name = *_0))]
    Thread(&'static str),
    /// The request makes no sense (e.g. an export to an import-only format).
    #[error("{0}")]
    Invalid(String),
    /// An import stopped part way because the store refused a write (for
    /// example a full disk): every batch before it is stored whole, the
    /// failing batch not at all, and nothing is retried.
    #[error("{}", crate::t!("error-jobs-import-stopped", count = *imported, read = crate::fmt::size(*bytes_read), total = crate::fmt::size(*total_bytes), source = source.to_string()))]
    ImportStopped {
        /// Messages stored before the failure.
        imported: u64,
        /// Input bytes read up to the last stored batch.
        bytes_read: u64,
        /// Input bytes in all.
        total_bytes: u64,
        /// Why the store refused.
        source: store::Error,
    },
}

/// Result type of jobs.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How far a job has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Messages done (imported, skipped as duplicates, or exported).
    pub messages: u64,
    /// Messages in all, when known in advance (exports).
    pub total_messages: Option<u64>,
    /// Bytes done (of input for imports, of output for exports).
    pub bytes: u64,
    /// Bytes in all, when known (imports; backups count database pages as bytes).
    pub total_bytes: Option<u64>,
    /// After an import: messages stored and not yet searchable, while the
    /// job waits for the search index to catch up (`None`: not waiting).
    pub indexing: Option<u64>,
}

/// What a job reports to and asks of its caller.
pub trait Control {
    /// Called at most every [`PROGRESS_INTERVAL`] and once at the end.
    fn progress(&mut self, progress: &Progress);
    /// Polled between batches; returning true stops the job cleanly.
    fn cancelled(&mut self) -> bool;
}

/// A [`Control`] that reports nothing and never cancels.
pub struct Quiet;

impl Control for Quiet {
    fn progress(&mut self, _: &Progress) {}
    fn cancelled(&mut self) -> bool {
        false
    }
}

/// Copies the store to `to` (which must not exist) with SQLite's online backup.
pub fn backup(store: &Store, to: &Path, ctl: &mut dyn Control) -> Result<PathBuf> {
    let mut cancelled = false;
    store.backup_to(to, |done, total| {
        ctl.progress(&Progress {
            messages: 0,
            total_messages: None,
            bytes: done,
            total_bytes: Some(total),
            indexing: None,
        });
        cancelled = ctl.cancelled();
        !cancelled
    })?;
    if cancelled {
        return Err(Error::Cancelled);
    }
    Ok(to.to_path_buf())
}

/// Converts format flags to store flags.
pub fn to_store_flags(f: crate::mailbox::Flags) -> store::Flags {
    let mut out = store::Flags::default();
    for (on, bit) in [
        (f.seen, store::Flags::SEEN),
        (f.flagged, store::Flags::FLAGGED),
        (f.answered, store::Flags::ANSWERED),
        (f.trashed, store::Flags::DELETED),
        (f.draft, store::Flags::DRAFT),
    ] {
        out = out.with(bit, on);
    }
    out
}

/// Converts store flags to format flags.
pub fn from_store_flags(f: store::Flags) -> crate::mailbox::Flags {
    crate::mailbox::Flags {
        seen: f.contains(store::Flags::SEEN),
        flagged: f.contains(store::Flags::FLAGGED),
        answered: f.contains(store::Flags::ANSWERED),
        trashed: f.contains(store::Flags::DELETED),
        draft: f.contains(store::Flags::DRAFT),
    }
}

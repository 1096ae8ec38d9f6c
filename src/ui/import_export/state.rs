//! What the import and export panel remembers between frames: the job on
//! the worker and how the last one ended.

use std::path::PathBuf;
use std::time::Instant;

use crate::jobs::{ExportSummary, ImportSummary, JobKind, Progress};

/// The job on the worker.
#[derive(Debug, Clone)]
pub struct Running {
    /// Import or export.
    pub kind: JobKind,
    /// What is being imported (the path) or exported (the folder's name).
    pub what: String,
    /// The export's destination.
    pub dest: Option<PathBuf>,
    /// The latest progress.
    pub progress: Progress,
    /// When it started (for the rate).
    pub started: Instant,
    /// Cancel was asked.
    pub cancelling: bool,
}

/// How the last job ended, for the summary window.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// An import finished (or was cancelled part-way: see `cancelled`).
    Imported {
        /// The path imported.
        path: String,
        /// The folder it went into.
        root: String,
        /// The counts.
        summary: ImportSummary,
    },
    /// An export finished.
    Exported {
        /// What was exported.
        what: String,
        /// Where to.
        dest: PathBuf,
        /// The counts.
        summary: ExportSummary,
    },
    /// An export was cancelled and its files removed.
    ExportCancelled,
    /// A job failed.
    Failed {
        /// Import or export.
        kind: JobKind,
        /// Why, in a sentence.
        message: String,
    },
}

//! The job worker: one job at a time, commands in, events out, on the
//! crate's one worker shape ([`crate::worker`]).

use std::path::PathBuf;

use super::{
    Control, Error, ExportRequest, ExportSummary, ImportRequest, ImportSummary, MarkSummary,
    Progress, RunRequest, RunSummary, backup, convert, export, import, mark_junk, run_rules,
};
use crate::keys::DataKey;
use crate::store::MessageId;
use crate::store::{Store, StoreConfig};
use crate::worker::{Cancel, Outbox, Repaint, Spawn, StopEvent, Worker};

/// What the window asks the job worker to do.
#[derive(Debug, Clone)]
pub enum JobCommand {
    /// Import mail.
    Import(ImportRequest),
    /// Export mail.
    Export(ExportRequest),
    /// Copy the store to a new file.
    Backup {
        /// The file to create.
        to: PathBuf,
    },
    /// Turn encryption on (`Some(key)`; write the key header first) or off
    /// (`None`). The worker's own connection is closed for it; the window's
    /// connections must be closed too.
    Convert {
        /// The new data key, or `None` for plaintext.
        target: Option<DataKey>,
    },
    /// Run the rules over a folder or a selection.
    RunRules(RunRequest),
    /// Mark messages junk (`junk`) or not junk, training the filter.
    MarkJunk {
        /// The messages.
        ids: Vec<MessageId>,
        /// Junk or not junk.
        junk: bool,
    },
}

impl JobCommand {
    /// Which kind of job this is.
    pub fn kind(&self) -> JobKind {
        match self {
            JobCommand::Import(_) => JobKind::Import,
            JobCommand::Export(_) => JobKind::Export,
            JobCommand::Backup { .. } => JobKind::Backup,
            JobCommand::Convert { .. } => JobKind::Convert,
            JobCommand::RunRules(_) => JobKind::Rules,
            JobCommand::MarkJunk { .. } => JobKind::Junk,
        }
    }
}

/// Which kind of job an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// An import.
    Import,
    /// An export.
    Export,
    /// A backup.
    Backup,
    /// A conversion (encryption on or off).
    Convert,
    /// A run of the rules.
    Rules,
    /// Junk or not-junk marks.
    Junk,
}

/// How a job ended.
#[derive(Debug, Clone)]
pub enum JobSummary {
    /// An import's counts (also after a cancel: `cancelled` is set).
    Import(ImportSummary),
    /// An export's counts.
    Export(ExportSummary),
    /// The backup file written.
    Backup(PathBuf),
    /// The store was converted; this opens it from now on.
    Converted(StoreConfig),
    /// A run of the rules (also after a cancel: `cancelled` is set).
    Rules(RunSummary),
    /// Junk marks.
    Junk(MarkSummary),
}

/// What the job worker reports.
#[derive(Debug, Clone)]
pub enum JobEvent {
    /// A job began.
    Started(JobKind),
    /// How far it is.
    Progress(Progress),
    /// It finished (for imports, possibly cancelled part-way: see the summary).
    Finished(JobSummary),
    /// It was cancelled; nothing half-written remains.
    Cancelled(JobKind),
    /// It failed; the sentence says why.
    Failed(String),
    /// The worker stopped; the last event.
    Stopped {
        /// Why.
        reason: String,
    },
}

/// The job worker: one job at a time on the thread `popmail-jobs`, with its
/// own store connection (opened at the first job).
pub type JobWorker = Worker<JobCommand, JobEvent>;

impl StopEvent for JobEvent {
    fn stopped(reason: String) -> Self {
        JobEvent::Stopped { reason }
    }
}

/// Starts the job worker on `store`; `repaint` is called after every event.
/// Cancel the running job with [`Worker::cancel`] (committed batches stay);
/// dropping the handle stops the thread after the job in flight.
pub fn spawn(store: StoreConfig, repaint: Repaint) -> std::io::Result<JobWorker> {
    Worker::spawn(
        Spawn::named("popmail-jobs").repaint(repaint),
        move |inbox, outbox| {
            let mut store = store;
            let mut store_conn: Option<Store> = None;
            while let Some(cmd) = inbox.recv() {
                let mut ctl = Ctl {
                    outbox: &outbox,
                    cancel: inbox.cancel(),
                };
                ctl.run(&mut store, &mut store_conn, cmd);
                inbox.cancel().reset();
                outbox.done(1);
            }
            crate::t!("jobs-worker-shut-down")
        },
    )
}

struct Ctl<'a> {
    outbox: &'a Outbox<JobEvent>,
    cancel: &'a Cancel,
}

impl Ctl<'_> {
    fn send(&self, e: JobEvent) {
        // The job still finishes its batch so the store stays whole.
        let _ = self.outbox.send(e); // closed: the owner is gone
    }

    fn run(&mut self, config: &mut StoreConfig, conn: &mut Option<Store>, cmd: JobCommand) {
        let kind = cmd.kind();
        if let JobCommand::Convert { target } = cmd {
            self.convert(config, conn, target);
            return;
        }
        let st = match conn {
            Some(s) => s,
            None => match Store::open(config) {
                Ok(s) => conn.insert(s),
                Err(e) => {
                    self.send(JobEvent::Failed(e.to_string()));
                    return;
                }
            },
        };
        self.send(JobEvent::Started(kind));
        let result = match cmd {
            JobCommand::Import(req) => import(st, &req, self).map(JobSummary::Import),
            JobCommand::Export(req) => export(st, &req, self).map(JobSummary::Export),
            JobCommand::Backup { to } => backup(st, &to, self).map(JobSummary::Backup),
            JobCommand::RunRules(req) => run_rules(st, &req, self).map(JobSummary::Rules),
            JobCommand::MarkJunk { ids, junk } => {
                mark_junk(st, &ids, junk, self).map(JobSummary::Junk)
            }
            JobCommand::Convert { .. } => return,
        };
        match result {
            Ok(s) => self.send(JobEvent::Finished(s)),
            Err(Error::Cancelled) => self.send(JobEvent::Cancelled(kind)),
            Err(e) => self.send(JobEvent::Failed(e.to_string())),
        }
    }
}

impl Ctl<'_> {
    /// Converts with the worker's own connection closed; on success the
    /// worker opens the converted store from then on.
    fn convert(&self, config: &mut StoreConfig, conn: &mut Option<Store>, target: Option<DataKey>) {
        let st = match conn.take() {
            Some(s) => s,
            None => match Store::open(config) {
                Ok(s) => s,
                Err(e) => {
                    self.send(JobEvent::Failed(e.to_string()));
                    return;
                }
            },
        };
        self.send(JobEvent::Started(JobKind::Convert));
        let owned = OwnedCtl {
            outbox: self.outbox.clone(),
            cancel: self.cancel.clone(),
        };
        match convert(st, target, owned) {
            Ok(new) => {
                *config = new.clone();
                self.send(JobEvent::Finished(JobSummary::Converted(new)));
            }
            Err(Error::Cancelled) => self.send(JobEvent::Cancelled(JobKind::Convert)),
            Err(e) => self.send(JobEvent::Failed(e.to_string())),
        }
    }
}

/// A [`Control`] that owns its channel ends, for the conversion (whose
/// progress callback runs inside SQLite and must be `'static`).
struct OwnedCtl {
    outbox: Outbox<JobEvent>,
    cancel: Cancel,
}

impl Control for OwnedCtl {
    fn progress(&mut self, p: &Progress) {
        // A closed channel means the owner is gone; the conversion still
        // ends in one complete store.
        let _ = self.outbox.send(JobEvent::Progress(*p)); // closed: owner gone
    }

    fn cancelled(&mut self) -> bool {
        self.cancel.is_cancelled()
    }
}

impl Control for Ctl<'_> {
    fn progress(&mut self, p: &Progress) {
        // The jobs already throttle to PROGRESS_INTERVAL (and always send the last one).
        self.send(JobEvent::Progress(*p));
    }

    fn cancelled(&mut self) -> bool {
        self.cancel.is_cancelled()
    }
}

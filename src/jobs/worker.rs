//! The job worker thread: one job at a time, commands in, events out.

use std::collections::VecDeque;
use std::path::PathBuf;

use crossbeam_channel::{Receiver, Sender, TryRecvError, unbounded};

use super::{
    Control, Error, ExportRequest, ExportSummary, ImportRequest, ImportSummary, Progress, backup,
    export, import,
};
use crate::store::Store;

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
    /// Stop the running job cleanly (committed batches stay).
    Cancel,
    /// Cancel the running job and stop the worker.
    Shutdown,
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

/// The job worker.
pub struct JobWorker;

impl JobWorker {
    /// Starts the worker thread on the store at `store_path` (opened at the first
    /// job). `repaint` is called after every event.
    pub fn spawn(
        store_path: PathBuf,
        repaint: Box<dyn Fn() + Send>,
    ) -> std::io::Result<(Sender<JobCommand>, Receiver<JobEvent>)> {
        let (cmd_tx, cmd_rx) = unbounded();
        let (ev_tx, ev_rx) = unbounded();
        std::thread::Builder::new()
            .name("popmail-jobs".into())
            .spawn(move || {
                let mut w = Worker {
                    commands: cmd_rx,
                    events: ev_tx,
                    repaint,
                    queue: VecDeque::new(),
                    cancel: false,
                    shutdown: false,
                };
                let reason = w.run(&store_path);
                w.send(JobEvent::Stopped { reason });
            })?;
        Ok((cmd_tx, ev_rx))
    }
}

struct Worker {
    commands: Receiver<JobCommand>,
    events: Sender<JobEvent>,
    repaint: Box<dyn Fn() + Send>,
    queue: VecDeque<JobCommand>,
    cancel: bool,
    shutdown: bool,
}

impl Worker {
    fn send(&self, e: JobEvent) {
        let _ = self.events.send(e);
        (self.repaint)();
    }

    fn run(&mut self, store_path: &std::path::Path) -> String {
        let mut store: Option<Store> = None;
        loop {
            let cmd = match self.queue.pop_front() {
                Some(c) => c,
                None => match self.commands.recv() {
                    Ok(c) => c,
                    Err(_) => return "the window closed".into(),
                },
            };
            if self.shutdown || matches!(cmd, JobCommand::Shutdown) {
                return "shut down".into();
            }
            let kind = match &cmd {
                JobCommand::Import(_) => JobKind::Import,
                JobCommand::Export(_) => JobKind::Export,
                JobCommand::Backup { .. } => JobKind::Backup,
                JobCommand::Cancel | JobCommand::Shutdown => continue,
            };
            let st = match store.as_mut() {
                Some(s) => s,
                None => match Store::open(store_path) {
                    Ok(s) => store.insert(s),
                    Err(e) => {
                        self.send(JobEvent::Failed(e.to_string()));
                        continue;
                    }
                },
            };
            self.cancel = false;
            self.send(JobEvent::Started(kind));
            let result = match cmd {
                JobCommand::Import(req) => import(st, &req, self).map(JobSummary::Import),
                JobCommand::Export(req) => export(st, &req, self).map(JobSummary::Export),
                JobCommand::Backup { to } => backup(st, &to, self).map(JobSummary::Backup),
                JobCommand::Cancel | JobCommand::Shutdown => continue,
            };
            match result {
                Ok(s) => self.send(JobEvent::Finished(s)),
                Err(Error::Cancelled) => self.send(JobEvent::Cancelled(kind)),
                Err(e) => self.send(JobEvent::Failed(e.to_string())),
            }
            if self.shutdown {
                return "shut down".into();
            }
        }
    }
}

impl Control for Worker {
    fn progress(&mut self, p: &Progress) {
        // The jobs already throttle to PROGRESS_INTERVAL (and always send the last one).
        self.send(JobEvent::Progress(*p));
    }

    fn cancelled(&mut self) -> bool {
        loop {
            match self.commands.try_recv() {
                Ok(JobCommand::Cancel) => self.cancel = true,
                Ok(JobCommand::Shutdown) => {
                    self.cancel = true;
                    self.shutdown = true;
                }
                Ok(other) => self.queue.push_back(other),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.cancel = true;
                    self.shutdown = true;
                    break;
                }
            }
        }
        self.cancel
    }
}

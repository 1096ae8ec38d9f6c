//! Import and export from the window: File → Import… / Export…, a folder's
//! "Export…", the message list's "Export selected…", the welcome page's
//! "Import a mailbox…", and files or folders dropped on the window.
//!
//! The formats are those of [`crate::mailbox`]: mbox (RFC 4155; mboxrd by
//! default, mboxo on request), Maildir (D. J. Bernstein's spec with Maildir++
//! subfolders), and one RFC 5322 message per `.eml` file; a directory may also
//! be Thunderbird's "Local Folders". The jobs themselves are
//! [`crate::jobs::import`] and [`crate::jobs::export`], run on the session's
//! one job worker ([`crate::jobs::JobWorker`], the named thread
//! `popmail-jobs` with its own store connection, shared with the backup).
//!
//! The UI thread never waits on a job: it sends a [`JobCommand`], and each
//! frame drains the [`JobEvent`]s with `try_recv` (the worker wakes the window
//! with `request_repaint`). While a job runs, a bar above the status bar shows
//! its progress (messages, bytes, rate) with a Cancel button; afterwards a
//! summary window lists what was imported, skipped as duplicates, the damaged
//! regions with file and byte offset, and the reader's notes — or says in a
//! sentence why the job failed. An export never replaces an existing file or
//! writes into an existing directory without a confirmation.
//!
//! Files: `mod` (state, requests, job events), `setup` (the import and export
//! dialogs), `report` (the progress bar and the summary windows).

mod report;
mod setup;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::app::App;
use crate::jobs::{
    ExportRequest, ExportSource, ExportSummary, ImportRequest, ImportSummary, JobCommand, JobEvent,
    JobKind, JobSummary, Progress, Target,
};
use crate::mailbox::Format;
use crate::store::{FolderId, MessageId, Scope};

pub use setup::{ExportSetup, ExportWhat, ImportSetup, ImportTarget};

/// What the user asked of import and export (menus, context menus, drops).
#[derive(Debug, Clone)]
pub enum Request {
    /// Open the import dialog, with a path already chosen (a drop) or not.
    Import(Option<PathBuf>),
    /// Open the export dialog for a folder (`None`: the folder on screen).
    ExportFolder(Option<FolderId>),
    /// Open the export dialog for these messages.
    ExportMessages(Vec<MessageId>),
}

/// The dialog of this module on screen.
#[derive(Debug, Clone)]
enum Setup {
    /// Choose what to import, its format and where it goes.
    Import(ImportSetup),
    /// Choose what to export, the format and the destination.
    Export(ExportSetup),
    /// The destination exists: replace it / write into it?
    Overwrite(ExportSetup, Vec<PathBuf>),
}

/// What a dialog asks the app to do.
#[derive(Debug, Clone)]
enum Action {
    /// Pick a file to import.
    PickImportFile,
    /// Pick a folder to import.
    PickImportFolder,
    /// Pick where to export to.
    PickExportDest,
    /// Start the import as set up.
    StartImport,
    /// Start the export as set up (`true`: replacing was confirmed).
    StartExport(bool),
    /// Back from the overwrite question to the export dialog.
    BackToExport,
    /// Close the dialog.
    CloseSetup,
    /// Cancel the running job.
    CancelJob,
    /// Close the summary window.
    CloseResult,
}

/// The job on the worker.
#[derive(Debug, Clone)]
struct Running {
    /// Import or export.
    kind: JobKind,
    /// What is being imported (the path) or exported (the folder's name).
    what: String,
    /// The export's destination.
    dest: Option<PathBuf>,
    /// The latest progress.
    progress: Progress,
    /// When it started (for the rate).
    started: Instant,
    /// Cancel was asked.
    cancelling: bool,
}

/// How the last job ended, for the summary window.
#[derive(Debug, Clone)]
enum Outcome {
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

/// Import and export state of the window.
#[derive(Default)]
pub struct ImportExport {
    running: Option<Running>,
    setup: Option<Setup>,
    outcome: Option<Outcome>,
    /// Dropped paths waiting for the import dialog.
    drops: VecDeque<PathBuf>,
    /// When the folder pane was last refreshed during an import (egui time).
    refreshed_at: f64,
}

impl ImportExport {
    /// Whether a job runs on the worker.
    pub fn running(&self) -> bool {
        self.running.is_some()
    }

    /// Whether an import or export dialog is open (keys then do not act on mail).
    pub fn modal(&self) -> bool {
        self.setup.is_some()
    }
}

/// The name a folder is exported under.
fn export_name(text: &str, format: Format) -> String {
    let base = crate::mailbox::names::safe_component(text);
    match format {
        Format::Maildir | Format::Eml => base,
        _ => format!("{base}.mbox"),
    }
}

/// What an export would create at the top level (checked before writing).
fn export_tops(setup: &ExportSetup, dest: &Path) -> Vec<PathBuf> {
    let mut tops = vec![dest.to_path_buf()];
    let mbox = !matches!(setup.format, Format::Maildir | Format::Eml);
    if mbox && setup.subfolders && matches!(setup.what, ExportWhat::Folder(_)) {
        let mut name = dest.file_name().unwrap_or_default().to_os_string();
        name.push(".sbd");
        tops.push(dest.with_file_name(name));
    }
    tops
}

impl App {
    /// Opens the import or export dialog.
    pub(super) fn import_export(&mut self, req: Request) {
        if self.session.is_none() {
            return;
        }
        self.jobs.setup = Some(match req {
            Request::Import(path) => Setup::Import(ImportSetup::new(path)),
            Request::ExportFolder(folder) => {
                let shown = match self.list.scope {
                    Some(Scope::Folder(f)) => Some(f),
                    _ => None,
                };
                let Some(f) = folder
                    .or(shown)
                    .or_else(|| {
                        self.folders
                            .folders
                            .iter()
                            .find(|f| f.total > 0)
                            .map(|f| f.id)
                    })
                    .or_else(|| self.folders.folders.first().map(|f| f.id))
                else {
                    return;
                };
                Setup::Export(ExportSetup::new(ExportWhat::Folder(f)))
            }
            Request::ExportMessages(ids) if ids.is_empty() => return,
            Request::ExportMessages(ids) => {
                Setup::Export(ExportSetup::new(ExportWhat::Messages(ids)))
            }
        });
    }

    /// Once per frame, before the central panel: job events, dropped files,
    /// the progress bar, the dialogs and the summary window.
    pub(super) fn import_export_frame(&mut self, ui: &mut egui::Ui) {
        self.take_drops();
        let ctx = ui.ctx().clone();
        let mut actions = Vec::new();
        if let Some(r) = &self.jobs.running {
            report::progress_panel(ui, r, &mut actions);
        }
        report::drop_hint(&ctx, self.jobs.running.is_some());
        // One job at a time: a backup running keeps imports and exports waiting.
        let busy =
            self.jobs.running.is_some() || self.session.as_ref().is_some_and(|s| s.jobs.busy());
        let folders = self.folders.folders.clone();
        if let Some(s) = &mut self.jobs.setup {
            match s {
                Setup::Import(i) => setup::import_ui(&ctx, i, &folders, busy, &mut actions),
                Setup::Export(e) => setup::export_ui(&ctx, e, &folders, busy, &mut actions),
                Setup::Overwrite(e, paths) => {
                    setup::overwrite_ui(&ctx, e.format, paths, &mut actions);
                }
            }
        }
        if let Some(o) = &self.jobs.outcome {
            report::outcome_ui(&ctx, o, &mut actions);
        }
        for a in actions {
            self.import_export_action(a);
        }
        if self.jobs.setup.is_none()
            && let Some(next) = self.jobs.drops.pop_front()
        {
            self.import_export(Request::Import(Some(next)));
        }
    }

    fn take_drops(&mut self) {
        let dropped: Vec<PathBuf> = self.ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if self.session.is_some() {
            self.jobs.drops.extend(dropped);
        }
    }

    fn import_export_action(&mut self, a: Action) {
        match a {
            Action::PickImportFile | Action::PickImportFolder => {
                let picked = if matches!(a, Action::PickImportFile) {
                    self.picker.open_file()
                } else {
                    self.picker.open_folder()
                };
                if let (Some(p), Some(Setup::Import(i))) = (picked, &mut self.jobs.setup) {
                    i.path = Some(p);
                }
            }
            Action::PickExportDest => {
                let Some(Setup::Export(e)) = &self.jobs.setup else {
                    return;
                };
                let name = match &e.what {
                    ExportWhat::Folder(_) => self.export_what_name(&e.what),
                    ExportWhat::Messages(_) => "Selected messages".into(),
                };
                let name = export_name(&name, e.format);
                if let (Some(p), Some(Setup::Export(e))) =
                    (self.picker.save_file(&name), &mut self.jobs.setup)
                {
                    e.dest = Some(p);
                }
            }
            Action::StartImport => {
                if let Some(Setup::Import(i)) = self.jobs.setup.take() {
                    self.start_import(i);
                }
            }
            Action::StartExport(force) => match self.jobs.setup.take() {
                Some(Setup::Export(e) | Setup::Overwrite(e, _)) => self.start_export(e, force),
                other => self.jobs.setup = other,
            },
            Action::BackToExport => {
                if let Some(Setup::Overwrite(e, _)) = self.jobs.setup.take() {
                    self.jobs.setup = Some(Setup::Export(e));
                }
            }
            Action::CloseSetup => self.jobs.setup = None,
            Action::CancelJob => {
                if let (Some(r), Some(s)) = (&mut self.jobs.running, &self.session) {
                    r.cancelling = true;
                    s.jobs.cancel();
                }
            }
            Action::CloseResult => self.jobs.outcome = None,
        }
    }

    /// The name of the folder an export covers (empty for chosen messages).
    fn export_what_name(&self, what: &ExportWhat) -> String {
        match what {
            ExportWhat::Folder(f) => self
                .folders
                .get(*f)
                .map_or_else(|| "Folder".into(), |f| f.name.clone()),
            ExportWhat::Messages(_) => String::new(),
        }
    }

    fn send_job(&mut self, cmd: JobCommand, running: Running) {
        let kind = running.kind;
        let sent = match &self.session {
            Some(s) => s
                .jobs
                .send(cmd)
                .map_err(|_| "the job worker has stopped".to_string()),
            None => Err("no mail store is open".into()),
        };
        match sent {
            Ok(()) => {
                self.jobs.outcome = None;
                self.jobs.running = Some(running);
            }
            Err(message) => {
                self.jobs.outcome = Some(Outcome::Failed { kind, message });
            }
        }
    }

    fn start_import(&mut self, setup: ImportSetup) {
        let Some(path) = setup.path else { return };
        let target = match setup.target {
            ImportTarget::New => Target::New,
            ImportTarget::Existing(Some(f)) => Target::Id(f),
            ImportTarget::Existing(None) => Target::New,
        };
        let running = Running {
            kind: JobKind::Import,
            what: path.display().to_string(),
            dest: None,
            progress: Progress::default(),
            started: Instant::now(),
            cancelling: false,
        };
        let req = ImportRequest::new(path, setup.format, target);
        self.send_job(JobCommand::Import(req), running);
    }

    fn start_export(&mut self, setup: ExportSetup, force: bool) {
        let Some(dest) = setup.dest.clone() else {
            self.jobs.setup = Some(Setup::Export(setup));
            return;
        };
        let existing: Vec<PathBuf> = export_tops(&setup, &dest)
            .into_iter()
            .filter(|p| p.symlink_metadata().is_ok())
            .collect();
        if !force && !existing.is_empty() {
            self.jobs.setup = Some(Setup::Overwrite(setup, existing));
            return;
        }
        let source = match &setup.what {
            ExportWhat::Folder(folder) => ExportSource::Folder {
                folder: *folder,
                subfolders: setup.subfolders,
            },
            ExportWhat::Messages(ids) => ExportSource::Messages(ids.clone()),
        };
        let running = Running {
            kind: JobKind::Export,
            what: self.export_what_name(&setup.what),
            dest: Some(dest.clone()),
            progress: Progress::default(),
            started: Instant::now(),
            cancelling: false,
        };
        let req = ExportRequest {
            source,
            dest,
            format: setup.format,
            force,
        };
        self.send_job(JobCommand::Export(req), running);
    }

    /// Takes in an event of the job worker (not the backup's).
    pub(super) fn on_job_event(&mut self, e: JobEvent) {
        let now = self.ctx.input(|i| i.time);
        match e {
            JobEvent::Started(_) => {}
            JobEvent::Progress(p) => {
                let importing = if let Some(r) = &mut self.jobs.running {
                    r.progress = p;
                    r.kind == JobKind::Import
                } else {
                    false
                };
                // New folders and growing counts show while an import runs.
                if importing && now - self.jobs.refreshed_at >= 1.0 {
                    self.jobs.refreshed_at = now;
                    self.refresh_folders();
                }
            }
            JobEvent::Finished(summary) => {
                let running = self.jobs.running.take();
                let what = running.as_ref().map(|r| r.what.clone()).unwrap_or_default();
                self.jobs.outcome = match summary {
                    JobSummary::Import(s) => {
                        self.refresh_folders();
                        let root = s
                            .root
                            .and_then(|id| self.folders.get(id).map(|f| (id, f.qualified_name())));
                        if let Some((id, _)) = root
                            && !s.cancelled
                        {
                            self.apply(super::actions::Intent::ShowScope(Scope::Folder(id)));
                        } else {
                            self.reload_list();
                        }
                        Some(Outcome::Imported {
                            path: what,
                            root: root.map(|r| r.1).unwrap_or_default(),
                            summary: s,
                        })
                    }
                    JobSummary::Export(s) => Some(Outcome::Exported {
                        what,
                        dest: running.and_then(|r| r.dest).unwrap_or_default(),
                        summary: s,
                    }),
                    // The window does not start backups.
                    JobSummary::Backup(_) => None,
                };
            }
            JobEvent::Cancelled(kind) => {
                self.jobs.running = None;
                self.jobs.outcome = Some(match kind {
                    JobKind::Export => Outcome::ExportCancelled,
                    kind => Outcome::Failed {
                        kind,
                        message: "cancelled".into(),
                    },
                });
                self.refresh_folders();
                self.reload_list();
            }
            JobEvent::Failed(message) => {
                let kind = self.jobs.running.take().map_or(JobKind::Import, |r| r.kind);
                self.jobs.outcome = Some(Outcome::Failed { kind, message });
                self.refresh_folders();
                self.reload_list();
            }
            JobEvent::Stopped { reason } => {
                let message = format!("the job worker stopped: {reason}");
                match self.jobs.running.take() {
                    Some(r) => {
                        self.jobs.outcome = Some(Outcome::Failed {
                            kind: r.kind,
                            message,
                        });
                    }
                    // Nothing ran, but later jobs cannot: say so.
                    None => self.error = Some(message),
                }
            }
        }
    }
}

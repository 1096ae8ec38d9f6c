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
//! The panel owns its state ([`ImportExport`]); it draws from what the app
//! hands it and pushes [`Intent::ImportExport`] steps, which the app gives
//! back to [`ImportExport::act`]; follow-ups for the rest of the window
//! (refresh the folders, show the imported folder) come back as intents.
//!
//! Files: `mod` (the panel: steps and job events), `state` (the running job
//! and the last outcome), `setup` (the import and export dialogs), `report`
//! (the progress bar and the summary windows).

mod report;
mod setup;
mod state;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::Instant;

use self::state::{Outcome, Running};
use super::intents::{Intent, Transfer};
use super::picker::FilePicker;
use crate::jobs::{
    ExportRequest, ExportSource, ImportRequest, JobCommand, JobEvent, JobKind, JobSummary,
    JobWorker, Progress, Target,
};
use crate::mailbox::Format;
use crate::store::{Folder, Scope};
use crate::t;

pub use setup::{ExportSetup, ExportWhat, ImportSetup, ImportTarget};

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

/// What the panel reads from the window while it acts: small, borrowed.
pub struct TransferCx<'a> {
    /// The session's job worker (`None`: no store is open).
    pub jobs: Option<&'a JobWorker>,
    /// Every folder.
    pub folders: &'a [Folder],
    /// What the list shows.
    pub scope: Option<Scope>,
    /// The file dialogs.
    pub picker: &'a mut dyn FilePicker,
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
    if format.is_mbox() {
        format!("{base}.mbox")
    } else {
        base
    }
}

/// What an export would create at the top level (checked before writing).
fn export_tops(setup: &ExportSetup, dest: &Path) -> Vec<PathBuf> {
    let mut tops = vec![dest.to_path_buf()];
    let mbox = setup.format.is_mbox();
    if mbox && setup.subfolders && matches!(setup.what, ExportWhat::Folder(_)) {
        let mut name = dest.file_name().unwrap_or_default().to_os_string();
        name.push(".sbd");
        tops.push(dest.with_file_name(name));
    }
    tops
}

impl ImportExport {
    /// Once per frame, before the central panel: dropped files, the progress
    /// bar, the dialogs and the summary window. `open`: a store is open.
    pub fn ui(&mut self, ui: &mut egui::Ui, folders: &[Folder], open: bool, out: &mut Vec<Intent>) {
        let ctx = ui.ctx().clone();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if open {
            self.drops.extend(dropped);
        }
        if let Some(r) = &self.running {
            report::progress_panel(ui, r, out);
        }
        report::drop_hint(&ctx, self.running.is_some());
        let busy = self.running.is_some();
        if let Some(s) = &mut self.setup {
            match s {
                Setup::Import(i) => setup::import_ui(&ctx, i, folders, busy, out),
                Setup::Export(e) => setup::export_ui(&ctx, e, folders, busy, out),
                Setup::Overwrite(e, paths) => setup::overwrite_ui(&ctx, e.format, paths, out),
            }
        }
        if let Some(o) = &self.outcome {
            report::outcome_ui(&ctx, o, out);
        }
        if self.setup.is_none()
            && let Some(next) = self.drops.pop_front()
        {
            out.push(Intent::ImportExport(Transfer::Import(Some(next))));
        }
    }

    /// Carries out one step the user asked for.
    pub fn act(&mut self, step: Transfer, cx: &mut TransferCx<'_>) {
        match step {
            Transfer::Import(path) if cx.jobs.is_some() => {
                self.setup = Some(Setup::Import(ImportSetup::new(path)));
            }
            Transfer::ExportFolder(folder) if cx.jobs.is_some() => {
                let shown = match cx.scope {
                    Some(Scope::Folder(f)) => Some(f),
                    _ => None,
                };
                let Some(f) = folder
                    .or(shown)
                    .or_else(|| cx.folders.iter().find(|f| f.total > 0).map(|f| f.id))
                    .or_else(|| cx.folders.first().map(|f| f.id))
                else {
                    return;
                };
                self.setup = Some(Setup::Export(ExportSetup::new(ExportWhat::Folder(f))));
            }
            Transfer::ExportMessages(ids) if cx.jobs.is_some() && !ids.is_empty() => {
                self.setup = Some(Setup::Export(ExportSetup::new(ExportWhat::Messages(ids))));
            }
            Transfer::Import(_) | Transfer::ExportFolder(_) | Transfer::ExportMessages(_) => {}
            Transfer::PickImportFile | Transfer::PickImportFolder => {
                let picked = if step == Transfer::PickImportFile {
                    cx.picker.open_file()
                } else {
                    cx.picker.open_folder()
                };
                if let (Some(p), Some(Setup::Import(i))) = (picked, &mut self.setup) {
                    i.path = Some(p);
                }
            }
            Transfer::PickExportDest => {
                let Some(Setup::Export(e)) = &self.setup else {
                    return;
                };
                let name = match &e.what {
                    ExportWhat::Folder(_) => export_what_name(&e.what, cx.folders),
                    ExportWhat::Messages(_) => t!("import-export-file-selected"),
                };
                let name = export_name(&name, e.format);
                if let (Some(p), Some(Setup::Export(e))) =
                    (cx.picker.save_file(&name), &mut self.setup)
                {
                    e.dest = Some(p);
                }
            }
            Transfer::StartImport => {
                if let Some(Setup::Import(i)) = self.setup.take() {
                    self.start_import(i, cx.jobs);
                }
            }
            Transfer::StartExport(force) => match self.setup.take() {
                Some(Setup::Export(e) | Setup::Overwrite(e, _)) => {
                    self.start_export(e, force, cx);
                }
                other => self.setup = other,
            },
            Transfer::BackToExport => {
                if let Some(Setup::Overwrite(e, _)) = self.setup.take() {
                    self.setup = Some(Setup::Export(e));
                }
            }
            Transfer::CloseSetup => self.setup = None,
            Transfer::CancelJob => {
                if let (Some(r), Some(jobs)) = (&mut self.running, cx.jobs) {
                    r.cancelling = true;
                    jobs.cancel();
                }
            }
            Transfer::CloseResult => self.outcome = None,
        }
    }

    fn send_job(&mut self, jobs: Option<&JobWorker>, cmd: JobCommand, running: Running) {
        let kind = running.kind;
        let sent = match jobs {
            Some(j) => j
                .send(cmd)
                .map_err(|_| t!("settings-backup-worker-stopped")),
            None => Err(t!("import-no-store")),
        };
        match sent {
            Ok(()) => {
                self.outcome = None;
                self.running = Some(running);
            }
            Err(message) => self.outcome = Some(Outcome::Failed { kind, message }),
        }
    }

    fn start_import(&mut self, setup: ImportSetup, jobs: Option<&JobWorker>) {
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
        let mut req = ImportRequest::new(path, setup.format, target);
        req.rules = setup.rules;
        self.send_job(jobs, JobCommand::Import(req), running);
    }

    fn start_export(&mut self, setup: ExportSetup, force: bool, cx: &TransferCx<'_>) {
        let Some(dest) = setup.dest.clone() else {
            self.setup = Some(Setup::Export(setup));
            return;
        };
        let existing: Vec<PathBuf> = export_tops(&setup, &dest)
            .into_iter()
            .filter(|p| p.symlink_metadata().is_ok())
            .collect();
        if !force && !existing.is_empty() {
            self.setup = Some(Setup::Overwrite(setup, existing));
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
            what: export_what_name(&setup.what, cx.folders),
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
        self.send_job(cx.jobs, JobCommand::Export(req), running);
    }

    /// Takes in an event of the job worker (not the backup's). `folders` are
    /// read after the job's last commit; `now` is egui time. What the rest
    /// of the window should do about it comes back as intents.
    pub fn on_job_event(
        &mut self,
        e: JobEvent,
        folders: &[Folder],
        now: f64,
        out: &mut Vec<Intent>,
    ) {
        match e {
            JobEvent::Started(_) => {}
            JobEvent::Progress(p) => {
                let importing = if let Some(r) = &mut self.running {
                    r.progress = p;
                    r.kind == JobKind::Import
                } else {
                    false
                };
                // New folders and growing counts show while an import runs.
                if importing && now - self.refreshed_at >= 1.0 {
                    self.refreshed_at = now;
                    out.push(Intent::RefreshFolders);
                }
            }
            JobEvent::Finished(summary) => {
                let running = self.running.take();
                let what = running.as_ref().map(|r| r.what.clone()).unwrap_or_default();
                self.outcome = match summary {
                    JobSummary::Import(s) => {
                        let root = s.root.and_then(|id| {
                            folders
                                .iter()
                                .find(|f| f.id == id)
                                .map(|f| (id, f.qualified_name()))
                        });
                        out.push(Intent::RefreshFolders);
                        match &root {
                            Some((id, _)) if !s.cancelled => {
                                out.push(Intent::ShowScope(Scope::Folder(*id)));
                            }
                            _ => out.push(Intent::ReloadList),
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
                    // Backups, rule runs and junk marks are the settings
                    // dialog's, conversions the security preferences'; they
                    // never reach here.
                    JobSummary::Backup(_)
                    | JobSummary::Converted(_)
                    | JobSummary::Rules(_)
                    | JobSummary::Junk(_) => None,
                };
            }
            JobEvent::Cancelled(kind) => {
                self.running = None;
                self.outcome = Some(match kind {
                    JobKind::Export => Outcome::ExportCancelled,
                    kind => Outcome::Failed {
                        kind,
                        message: t!("import-cancelled-short"),
                    },
                });
                out.extend([Intent::RefreshFolders, Intent::ReloadList]);
            }
            JobEvent::Failed(message) => {
                let kind = self.running.take().map_or(JobKind::Import, |r| r.kind);
                self.outcome = Some(Outcome::Failed { kind, message });
                out.extend([Intent::RefreshFolders, Intent::ReloadList]);
            }
            JobEvent::Stopped { reason } => {
                let message = t!(
                    "settings-backup-worker-stopped-why",
                    reason = reason.as_str()
                );
                match self.running.take() {
                    Some(r) => {
                        self.outcome = Some(Outcome::Failed {
                            kind: r.kind,
                            message,
                        });
                    }
                    // Nothing ran, but later jobs cannot: say so.
                    None => out.push(Intent::ShowError(message)),
                }
            }
        }
    }
}

/// The name of the folder an export covers (empty for chosen messages).
fn export_what_name(what: &ExportWhat, folders: &[Folder]) -> String {
    match what {
        ExportWhat::Folder(f) => folders
            .iter()
            .find(|x| x.id == *f)
            .map_or_else(|| t!("import-export-file-folder"), |f| f.name.clone()),
        ExportWhat::Messages(_) => String::new(),
    }
}

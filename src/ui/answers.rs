//! Taking in what the workers said since the last frame: the read, rows and
//! write threads' answers, the job worker's events and the sync worker's
//! events, each handed to the panel that owns what it changes. What must
//! follow at the window's level (refresh the folders, reload the list, open
//! a message, show an error) comes back as [`Intent`]s for the app to apply.

use super::background::Done;
use super::dialogs::{Dialog, Dialogs};
use super::folders::FolderPane;
use super::import_export::ImportExport;
use super::intents::Intent;
use super::message_list::MessageList;
use super::notifications::Notifications;
use super::prefs::Prefs;
use super::reader::Reader;
use super::search::Search;
use super::session::{Drained, Session};
use super::settings::Settings;
use super::status_bar::SyncStatus;
use crate::jobs::JobEvent;
use crate::sync::Event;

/// The panels that listen to the workers, borrowed for one frame.
pub struct Listeners<'a> {
    /// The open data directory.
    pub session: &'a Session,
    /// Accounts and folders.
    pub folders: &'a mut FolderPane,
    /// The message list.
    pub list: &'a mut MessageList,
    /// The search results.
    pub search: &'a mut Search,
    /// The reader.
    pub reader: &'a mut Reader,
    /// The status bar (sync states, write notices and undo).
    pub status: &'a mut SyncStatus,
    /// The settings dialog (account removal, backup, diagnosis).
    pub settings: &'a mut Settings,
    /// Import and export.
    pub jobs: &'a mut ImportExport,
    /// The dialog on screen.
    pub dialogs: &'a mut Dialogs,
    /// New-mail notifications.
    pub notes: &'a mut Notifications,
    /// The preferences (notifications on, with senders and subjects).
    pub prefs: &'a Prefs,
    /// The window's context (the notifier wakes it).
    pub ctx: &'a egui::Context,
}

impl Listeners<'_> {
    /// Hands every answer and event to its panel; `now` is egui's clock.
    pub fn take(&mut self, drained: Drained, now: f64, out: &mut Vec<Intent>) {
        for d in drained.answers {
            if let Some(d) = self.list.on_done(d) {
                self.answer(d, now, out);
            }
        }
        for e in drained.jobs {
            self.job_event(e, now, out);
        }
        for e in drained.sync {
            self.sync_event(e, out);
        }
    }

    fn answer(&mut self, d: Done, now: f64, out: &mut Vec<Intent>) {
        match d {
            Done::Search { generation, result } => self.search.on_result(generation, result),
            Done::Opened {
                generation, result, ..
            } => self.reader.on_opened(generation, result, now),
            Done::Wrote { write, result } => {
                if let (super::background::Write::Flag(ids, ..), Ok(_)) = (&*write, &result) {
                    // Only these rows change.
                    self.list.forget(ids);
                }
                let effect = self
                    .status
                    .notices
                    .on_wrote(&write, result, &self.folders.folders);
                if let Some(d) = effect.dialog {
                    self.dialogs.show(d);
                }
                out.extend(effect.error.map(Intent::ShowError));
                out.extend(effect.refresh.then_some(Intent::RefreshFolders));
                out.extend(effect.reload.then_some(Intent::ReloadList));
            }
            Done::Progress(done, total) => self.settings.on_remove_progress(done, total),
            Done::RemovedAccount { id, result } => {
                self.settings.on_removed(self.session, id, result);
                out.push(Intent::AccountsChanged);
            }
            Done::Stopped(reason) => out.push(Intent::ShowError(crate::t!(
                "window-thread-stopped",
                reason = reason
            ))),
            // The list's answers, taken by `MessageList::on_done`.
            Done::Order { .. } | Done::Rows { .. } | Done::Page { .. } => {}
        }
    }

    fn job_event(&mut self, e: JobEvent, now: f64, out: &mut Vec<Intent>) {
        // One job at a time: a running backup's, rules run's or junk mark's
        // events are the settings dialog's.
        if self.settings.on_job_event(&e, out) {
            return;
        }
        if matches!(e, JobEvent::Finished(_)) {
            // The summary names the folder the import created: read it first.
            if let Err(e) = self.folders.refresh(&self.session.store) {
                out.push(Intent::ShowError(e));
            }
        }
        self.jobs.on_job_event(e, &self.folders.folders, now, out);
    }

    fn sync_event(&mut self, e: Event, out: &mut Vec<Intent>) {
        self.status.on_event(&e);
        self.settings.on_sync_event(&e);
        if self.session.demo.is_none() {
            self.notes
                .on_sync_event(self.ctx, &e, Some(&self.session.store), self.prefs);
        }
        match e {
            Event::NewMail { .. } => {
                out.extend([Intent::RefreshFolders, Intent::ReloadList]);
            }
            Event::Finished { .. } => {
                out.extend([Intent::RefreshFolders, Intent::ReloadList]);
                // "Move junk older than N days to the Trash" (off by default),
                // through the write thread like any move, with its undo.
                let store = &self.session.store;
                match (
                    store.junk_expired(crate::store::now()),
                    store.special_folder(crate::store::FolderRole::Trash),
                ) {
                    (Ok(ids), Ok(trash)) if !ids.is_empty() => out.push(Intent::Move(ids, trash)),
                    (Err(e), _) | (_, Err(e)) => out.push(Intent::ShowError(e.to_string())),
                    _ => {}
                }
            }
            Event::FullFetched { old, new } => match new {
                Ok(id) => {
                    out.extend([Intent::RefreshFolders, Intent::ReloadList]);
                    if self.reader.id == Some(old) {
                        out.push(Intent::Open(id));
                    }
                }
                Err(e) => self
                    .dialogs
                    .show(Dialog::Message(crate::t!("window-download-failed"), e)),
            },
            _ => {}
        }
    }
}

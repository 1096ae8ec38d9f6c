//! The eframe application: its state, the frame layout (menu and toolbar,
//! status bar, folders, list, reader, dialogs), draining the workers' answers
//! and the sync worker's events with `try_recv` at the start of every frame,
//! the keyboard, and applying what the panels ask for ([`Intent`]).
//!
//! `App::apply` is the one place that routes intents: each is carried out by
//! the panel that owns the state it changes (the status bar words a write
//! and keeps its undo, the reader plans saving attachments, the dialogs panel
//! picks the dialog an intent asks for); App sends the resulting jobs to the
//! workers. Flags show their new state at once, moved messages leave the
//! screen at once, and the write thread's answer refreshes counts and the list.

use egui::Ui;

use super::answers::Listeners;
use super::background::{Job, Write};
use super::context::View;
use super::dialogs::{Dialog, Dialogs};
use super::folders::FolderPane;
use super::intents::{Intent, SaveRequest, Transfer};
use super::layout::{self, Panes};
use super::message_list::MessageList;
use super::messages::Messages;
use super::picker::{FilePicker, RfdPicker};
use super::prefs::Prefs;
use super::reader::{ReadTimer, Reader, SaveOutcome};
use super::search::Search;
use super::session::{self, Session};
use super::status_bar::SyncStatus;
use super::{RunOptions, keys, lock, menus, toolbar, welcome};

mod handoff;
mod locking;
mod probes;
mod security;
use crate::store::{Flags, FolderRole, MessageId, Scope};
use crate::sync::Command;

/// The reader window.
pub struct App {
    opts: RunOptions,
    prefs: Prefs,
    applied: Option<Prefs>,
    session: Option<Session>,
    /// The lock screen, while an encrypted store is locked (then `session` is `None`).
    lock: Option<lock::LockScreen>,
    /// When the user last did something, for the idle lock.
    idle: lock::Idle,
    open_error: Option<String>,
    demo_error: Option<String>,
    folders: FolderPane,
    list: MessageList,
    reader: Reader,
    search: Search,
    status: SyncStatus,
    dialogs: Dialogs,
    picker: Box<dyn FilePicker>,
    ctx: egui::Context,
    error: Option<String>,
    jobs: super::import_export::ImportExport,
    settings: super::settings::Settings,
    /// Preferences → Security, and a conversion in flight.
    security: super::security::Security,
    /// New-mail notifications.
    notes: super::notifications::Notifications,
    /// The hand-off service of the first window of this data folder.
    instance: Option<super::instance::Instance>,
    /// Files to open, waiting for a store (or for the import dialog).
    handed: Vec<std::path::PathBuf>,
}

impl App {
    /// The window's app, from eframe's creation context.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, opts: RunOptions) -> App {
        super::fonts::install_fallbacks(&cc.egui_ctx);
        App::new(&cc.egui_ctx, cc.storage, opts)
    }

    /// The app over the data directory of `opts` (headless use: tests, benchmarks).
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        opts: RunOptions,
    ) -> App {
        let prefs = Prefs::load(storage);
        prefs.apply_language();
        let mut app = App {
            applied: None,
            session: None,
            lock: None,
            idle: lock::Idle::default(),
            open_error: None,
            demo_error: None,
            folders: FolderPane::default(),
            list: MessageList::in_order(prefs.sort, prefs.conversations),
            reader: Reader::default(),
            search: Search::default(),
            status: SyncStatus::default(),
            dialogs: Dialogs::default(),
            picker: Box::new(RfdPicker),
            ctx: ctx.clone(),
            error: None,
            jobs: Default::default(),
            settings: super::settings::Settings::default(),
            security: Default::default(),
            notes: Default::default(),
            instance: None,
            handed: opts.open.clone(),
            opts: opts.clone(),
            prefs,
        };
        if opts.demo {
            app.start_demo();
        } else {
            match lock::open_or_lock(&opts, ctx) {
                Ok(lock::Opened::Session(s)) => app.use_session(*s),
                Ok(lock::Opened::Locked(l)) => app.lock = Some(l),
                Err(e) => app.open_error = Some(e.to_string()),
            }
        }
        app
    }

    fn use_session(&mut self, session: Session) {
        self.session = Some(session);
        self.list = MessageList::in_order(self.prefs.sort, self.prefs.conversations);
        self.reader.clear();
        self.search.clear();
        self.status = SyncStatus::default();
        self.refresh_folders();
        let last = self.prefs.last_scope;
        let scope = last.filter(|s| self.folders.role_of(*s).is_some());
        self.apply(Intent::ShowScope(scope.unwrap_or(Scope::UnifiedInbox)));
    }

    /// Re-reads folders and accounts (small tables).
    fn refresh_folders(&mut self) {
        let Some(s) = &self.session else { return };
        if let Err(e) = self.folders.refresh(&s.store) {
            self.error = Some(e);
        }
    }

    /// Whether the welcome page takes the window.
    fn show_welcome(&self) -> bool {
        self.session.is_some() && self.folders.is_empty() && !self.search.is_active()
    }

    fn send_read(&self, job: Job) {
        if let Some(s) = &self.session {
            s.read.send(job);
        }
    }

    fn send_write(&self, job: Job) {
        if let Some(s) = &self.session {
            s.write.send(job);
        }
    }

    fn send_write_opt(&self, job: Option<Job>) {
        if let Some(job) = job {
            self.send_write(job);
        }
    }

    /// Takes in everything the workers said since the last frame.
    fn drain(&mut self) {
        let now = self.ctx.input(|i| i.time);
        let Some(session) = &self.session else { return };
        let mut listeners = Listeners {
            session,
            folders: &mut self.folders,
            list: &mut self.list,
            search: &mut self.search,
            reader: &mut self.reader,
            status: &mut self.status,
            settings: &mut self.settings,
            jobs: &mut self.jobs,
            dialogs: &mut self.dialogs,
            notes: &mut self.notes,
            prefs: &self.prefs,
            ctx: &self.ctx,
        };
        let mut out = Vec::new();
        listeners.take(session.drain(), now, &mut out);
        for intent in out {
            self.apply(intent);
        }
    }

    fn reload_list(&mut self) {
        if let Some(s) = &self.session
            && self.list.scope.is_some()
        {
            let job = self.list.reload();
            s.read.send(job);
        }
    }

    /// Marks the open message read once it has been shown long enough.
    fn mark_read_timer(&mut self) {
        let now = self.ctx.input(|i| i.time);
        let delay = f64::from(self.prefs.mark_read_delay_secs);
        match self.reader.read_timer(now, delay) {
            ReadTimer::Mark(id) => self.apply(Intent::SetFlag(vec![id], Flags::SEEN, true)),
            ReadTimer::Wait(secs) => self
                .ctx
                .request_repaint_after(std::time::Duration::from_secs_f64(secs)),
            ReadTimer::Idle => {}
        }
    }

    /// One frame of the whole window (what `eframe::App::ui` calls).
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        if self.applied.as_ref() != Some(&self.prefs) {
            self.prefs.sanitise();
            self.prefs.apply(ui.ctx());
            self.applied = Some(self.prefs.clone());
        }
        self.watch_idle(ui.ctx());
        self.notes.poll(&self.ctx);
        self.take_handed_files();
        if self.settings.notify_unavailable.as_deref() != self.notes.unavailable() {
            self.settings.notify_unavailable = self.notes.unavailable().map(str::to_string);
        }
        if self.lock.is_some() {
            self.lock_ui(ui);
            return;
        }
        if self.security.converting() {
            self.conversion_frame(ui);
            return;
        }
        self.drain();
        self.mark_read_timer();
        let mut out = Vec::new();
        let modal = self.dialogs.is_open()
            || self.jobs.modal()
            || self.settings.is_open()
            || self.security.is_open();
        keys::keys(
            &self.ctx,
            modal,
            &mut self.list,
            &self.search,
            &self.reader,
            &mut out,
        );
        let now = crate::store::now();

        let can_sync = self.session.as_ref().is_some_and(Session::can_sync);
        let sync_off = self.session.as_ref().and_then(Session::sync_unavailable);
        let welcome = self.show_welcome();
        let selection = self.selection();
        let view = View {
            folders: &self.folders.folders,
            accounts: &self.folders.accounts,
            scope: self.list.scope,
            role: self.current_role(),
            selection: &selection,
            undo: self.status.notices.undo_label(),
            in_demo: self.session.as_ref().is_some_and(|s| s.demo.is_some()),
            syncing: self.status.any_syncing(),
            sync_off: sync_off.as_deref(),
            prefs: &self.prefs,
        };
        let title = self
            .list
            .scope
            .map(|s| self.folders.scope_name(s))
            .unwrap_or_default();
        let count = (!self.search.is_active()).then(|| self.list.len());
        egui::Panel::top("menu-bar").show(ui, |ui| {
            menus::menu_bar_ui(ui, &view, &mut out);
            if let Some(s) = &self.session
                && !welcome
                && let Some(job) =
                    toolbar::toolbar_ui(ui, &view, &title, count, &mut self.search, &mut out)
            {
                s.read.send(job);
            }
        });
        if self.session.is_none() {
            egui::CentralPanel::default().show(ui, |ui| {
                welcome::no_store_ui(ui, self.open_error.as_deref())
            });
            self.finish(out);
            return;
        }
        let big_load = self.list.loading() && self.list.len() > 50_000;
        let busy = self.session.as_ref().and_then(|s| s.busy_text(big_load));
        let demo = self.session.as_ref().and_then(|s| s.demo.as_ref());
        let demo = demo.map(|d| crate::t!("window-demo-status", port = d.port.to_string()));
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            let accounts = &self.folders.accounts;
            let (sync_off, busy) = (sync_off.as_deref(), busy.as_deref());
            self.status
                .ui(ui, accounts, sync_off, busy, demo.as_deref(), &mut out);
        });
        let open = self.session.is_some();
        self.jobs.ui(ui, &self.folders.folders, open, &mut out);
        if welcome {
            egui::CentralPanel::default().show(ui, |ui| {
                welcome::welcome_ui(ui, self.demo_error.as_deref(), &mut out);
            });
            self.finish(out);
            return;
        }
        let panes = Panes {
            folders: &mut self.folders,
            list: &mut self.list,
            reader: &mut self.reader,
            search: &mut self.search,
            status: &self.status,
            prefs: &mut self.prefs,
        };
        let error = self.error.as_deref();
        let rows = layout::mail_panes_ui(ui, panes, error, can_sync, now, &mut out);
        if let (Some(s), Some(job)) = (&self.session, rows) {
            s.rows.send(job);
        }
        self.finish(out);
    }

    fn finish(&mut self, mut out: Vec<Intent>) {
        let session = self.session.as_ref();
        let picker = self.picker.as_mut();
        (self.settings).ui(&self.ctx, session, &self.prefs, picker, &mut out);
        self.dialogs.ui(&self.ctx, &self.folders.folders, &mut out);
        self.security_ui();
        for intent in out {
            self.apply(intent);
        }
        if self.busy() || self.status.any_syncing() {
            // Answers wake us up; this only keeps spinners turning.
            self.ctx
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
    }

    /// Folders and the list catch up after accounts were added, changed or removed.
    fn accounts_changed(&mut self) {
        self.refresh_folders();
        if self.scope_gone() {
            self.apply(Intent::ShowScope(Scope::UnifiedInbox));
        } else {
            self.reload_list();
        }
    }

    /// Whether the folder shown no longer exists.
    fn scope_gone(&self) -> bool {
        matches!(self.list.scope, Some(Scope::Folder(f)) if self.folders.get(f).is_none())
    }

    /// The messages an action applies to (see [`keys::selection`]).
    fn selection(&self) -> Vec<MessageId> {
        keys::selection(&self.list, &self.search, &self.reader)
    }

    /// The role of the folder shown.
    fn current_role(&self) -> Option<FolderRole> {
        self.folders.role_of(self.list.scope?)
    }

    /// Carries out one intent: routes it to the panel that owns what it
    /// changes, and sends the jobs that follow to the workers.
    fn apply(&mut self, intent: Intent) {
        if let Some(d) = Dialogs::ask_for(&intent, &self.folders.folders) {
            self.dialogs.show(d);
            return;
        }
        match intent {
            Intent::ShowScope(scope) => {
                self.search.clear();
                if let Some(s) = &self.session {
                    s.read.send(self.list.set_scope(scope));
                }
                self.prefs.last_scope = Some(scope);
            }
            Intent::Open(id) => {
                if let Some(job) = self.messages().open(id) {
                    self.send_read(job);
                }
            }
            Intent::Sort(key) => {
                self.prefs.sort_by(key);
                self.reorder();
            }
            Intent::SearchEverywhere(on) => self.prefs.search_everywhere = on,
            Intent::SetPrefs(prefs) => {
                let reorder = prefs.conversations != self.list.conversations;
                self.prefs = *prefs;
                if reorder {
                    self.reorder();
                }
            }
            Intent::SetConversations(on) => {
                self.prefs.conversations = on;
                self.reorder();
            }
            Intent::SetFlag(ids, flag, on) => {
                let job = self.messages().set_flag(ids, flag, on);
                self.send_write_opt(job);
            }
            Intent::ToggleFlag(ids, flag) => {
                let job = self.messages().toggle_flag(ids, flag);
                self.send_write_opt(job);
            }
            Intent::Archive(ids) => match self.folders.special(FolderRole::Archive) {
                Some(archive) => self.write(Write::Move(ids, archive)),
                None => self.error = Some(crate::t!("window-no-archive")),
            },
            Intent::Move(ids, to) => match self.folders.get(to) {
                Some(f) if f.role == FolderRole::Trash => self.write(Write::Trash(ids)),
                _ => self.write(Write::Move(ids, to)),
            },
            // Deleting in the Trash means for good: ask.
            Intent::Trash(ids) if self.current_role() == Some(FolderRole::Trash) => {
                self.dialogs.show(Dialog::Expunge(ids));
            }
            Intent::Trash(ids) => self.write(Write::Trash(ids)),
            Intent::Restore(ids) => self.write(Write::Restore(ids)),
            Intent::Expunge(ids) => self.write(Write::Expunge(ids)),
            Intent::Empty(f) => self.write(Write::Empty(f)),
            Intent::Undo => {
                if let Some(w) = self.status.notices.take_undo() {
                    self.send_write(Job::Write(w));
                }
            }
            i @ (Intent::CreateFolder(..)
            | Intent::DoRenameFolder(..)
            | Intent::DeleteFolder(_)) => {
                let Some(s) = &self.session else { return };
                let deleted = matches!(i, Intent::DeleteFolder(_));
                if let Some(d) = FolderPane::change(&s.store, i) {
                    self.dialogs.show(d);
                }
                self.refresh_folders();
                if deleted && self.scope_gone() {
                    self.apply(Intent::ShowScope(Scope::UnifiedInbox));
                }
            }
            Intent::SyncAll => self.sync(Command::SyncAll),
            Intent::SyncAccount(a) => self.sync(Command::SyncAccount(a)),
            Intent::CancelSync => self.sync(Command::Cancel(None)),
            Intent::FetchFull(id) => self.sync(Command::FetchFull(id)),
            Intent::OpenLink(url) => self.ctx.open_url(egui::OpenUrl::new_tab(url)),
            Intent::Save(req) => self.save(req, false),
            Intent::SaveConfirmed(req) => self.save(req, true),
            Intent::SaveTo(i, path) => {
                if let Some(w) = self.reader.save_to(vec![(i, path)]) {
                    self.send_write(Job::Write(w));
                }
            }
            Intent::ViewSource => {
                if let Some(d) = self.reader.source() {
                    self.dialogs.show(d);
                }
            }
            Intent::StartDemo => self.start_demo(),
            Intent::ImportMailbox => self.apply(Intent::ImportExport(Transfer::Import(None))),
            Intent::ImportExport(step) => {
                let mut cx = super::import_export::TransferCx {
                    jobs: self.session.as_ref().map(|s| &s.jobs),
                    folders: &self.folders.folders,
                    scope: self.list.scope,
                    picker: self.picker.as_mut(),
                };
                self.jobs.act(step, &mut cx);
            }
            i @ (Intent::AddAccount
            | Intent::Preferences
            | Intent::Settings(_)
            | Intent::SaveAccount(_)
            | Intent::RemoveAccount { .. }
            | Intent::SaveRules(_)
            | Intent::RunRules(_)
            | Intent::MarkJunk(..)) => {
                if self.settings.act(i, self.session.as_mut()) {
                    self.accounts_changed();
                }
            }
            Intent::FocusSearch => self.search.focus = true,
            Intent::ClearSearch => self.search.clear(),
            Intent::DismissError => self.error = None,
            Intent::ShowError(e) => self.error = Some(e),
            Intent::RefreshFolders => self.refresh_folders(),
            Intent::AccountsChanged => self.accounts_changed(),
            Intent::ReloadList => self.reload_list(),
            Intent::Quit => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Intent::Lock => self.lock_now(),
            Intent::Security => self.security.show(),
            // The rest ask first; `Dialogs::ask_for` took them, or there
            // was nothing to ask about.
            Intent::AskMove(_)
            | Intent::AskExpunge(_)
            | Intent::AskEmpty(_)
            | Intent::NewFolder
            | Intent::NewSubfolder(_)
            | Intent::RenameFolder(_)
            | Intent::AskDeleteFolder(_)
            | Intent::AskOpenLink(_) => {}
        }
    }

    fn reorder(&mut self) {
        let (sort, conversations) = (self.prefs.sort, self.prefs.conversations);
        if let Some(s) = &self.session
            && let Some(job) = self.list.set_order(sort, conversations)
        {
            s.read.send(job);
        }
    }

    fn sync(&mut self, c: Command) {
        let sent = self.session.as_ref().map(|s| s.sync(c));
        match sent {
            Some(Ok(())) => {}
            Some(Err(why)) => self.error = why,
            None => self.error = Some(crate::t!("window-no-store-open")),
        }
    }

    /// The message panels, together.
    fn messages(&mut self) -> Messages<'_> {
        Messages {
            list: &mut self.list,
            search: &mut self.search,
            reader: &mut self.reader,
        }
    }

    /// Takes moved or deleted messages off the screen now and sends the
    /// write; the write thread catches up.
    fn write(&mut self, w: Write) {
        let mut messages = Messages {
            list: &mut self.list,
            search: &mut self.search,
            reader: &mut self.reader,
        };
        let job = messages.write(w, &self.folders);
        self.send_write_opt(job);
    }

    fn save(&mut self, req: SaveRequest, confirmed: bool) {
        match self.reader.save(req, confirmed, self.picker.as_mut()) {
            Some(SaveOutcome::Ask(d)) => self.dialogs.show(d),
            Some(SaveOutcome::Write(w)) => self.send_write(Job::Write(w)),
            None => {}
        }
    }

    /// Switches to the demo: its own data directory, server and account.
    fn start_demo(&mut self) {
        // Close the current session first: one data directory at a time.
        self.session = None;
        let (session, demo_error) = session::switch_to_demo(&self.opts, &self.ctx);
        self.demo_error = demo_error;
        if let Some(s) = session {
            self.use_session(s);
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.last_scope = self.list.scope;
        self.prefs.save(storage);
    }
}

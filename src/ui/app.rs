//! The eframe application: its state, the frame layout (menu and toolbar,
//! status bar, folders, list, reader, dialogs), draining the workers' answers
//! and the sync worker's events with `try_recv` at the start of every frame,
//! and the keyboard.

mod actions;

use egui::Ui;

use super::background::{Done, Job, Undo};
use super::context::View;
use super::dialogs::{self, Dialog};
use super::folders::FolderPane;
use super::intents::Intent;
use super::message_list::MessageList;
use super::picker::{FilePicker, RfdPicker};
use super::prefs::{Prefs, ReaderPosition};
use super::reader::Reader;
use super::search::Search;
use super::session::{self, Session};
use super::status_bar::SyncStatus;
use super::{RunOptions, keys, list_paint, menus, toolbar, welcome};
use crate::store::{Flags, Scope};

/// The reader window.
pub struct App {
    opts: RunOptions,
    prefs: Prefs,
    applied: Option<Prefs>,
    session: Option<Session>,
    open_error: Option<String>,
    demo_error: Option<String>,
    folders: FolderPane,
    list: MessageList,
    reader: Reader,
    search: Search,
    status: SyncStatus,
    dialog: Option<Dialog>,
    undo: Option<(String, Undo)>,
    notice: Option<String>,
    picker: Box<dyn FilePicker>,
    ctx: egui::Context,
    error: Option<String>,
    jobs: super::import_export::ImportExport,
    settings: super::settings::Settings,
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
        let mut app = App {
            prefs,
            applied: None,
            session: None,
            open_error: None,
            demo_error: None,
            folders: FolderPane::default(),
            list: MessageList::default(),
            reader: Reader::default(),
            search: Search::default(),
            status: SyncStatus::default(),
            dialog: None,
            undo: None,
            notice: None,
            picker: Box::new(RfdPicker),
            ctx: ctx.clone(),
            error: None,
            jobs: Default::default(),
            settings: super::settings::Settings::default(),
            opts: opts.clone(),
        };
        app.list.sort = app.prefs.sort;
        app.list.conversations = app.prefs.conversations;
        if opts.demo {
            app.start_demo();
        } else {
            let opened = session::data_dir_for(&opts).and_then(|dir| Session::open(dir, ctx));
            match opened {
                Ok(s) => app.use_session(s),
                Err(e) => app.open_error = Some(e.to_string()),
            }
        }
        app
    }

    /// Replaces the file dialogs (tests).
    pub fn set_file_picker(&mut self, picker: Box<dyn FilePicker>) {
        self.picker = picker;
    }

    /// Keeps passwords typed in the settings dialog out of the OS keychain
    /// (tests): they go to the store, and the dialog says so.
    pub fn set_keychain(&mut self, on: bool) {
        self.settings.set_keychain(on);
    }

    /// The preferences (tests set the mark-read delay, benchmarks the sort).
    pub fn prefs_mut(&mut self) -> &mut Prefs {
        &mut self.prefs
    }

    /// Whether background work is queued or running (tests wait for it).
    pub fn busy(&self) -> bool {
        self.session.as_ref().is_some_and(Session::busy)
            || self.list.loading()
            || self.jobs.running()
    }

    /// Whether the sync worker reports a sync in progress.
    pub fn syncing(&self) -> bool {
        self.status.any_syncing()
    }

    /// The last sync error shown in the status bar, if any account failed.
    pub fn last_sync_error(&self) -> Option<String> {
        self.status.accounts.values().find_map(|s| match s {
            super::status_bar::AccountSync::Failed { message, .. } => Some(message.clone()),
            _ => None,
        })
    }

    /// The data directory in use.
    pub fn data_dir(&self) -> Option<&std::path::Path> {
        self.session.as_ref().map(|s| s.data_dir.as_path())
    }

    /// Number of rows in the message list.
    pub fn list_len(&self) -> u64 {
        self.list.len()
    }

    /// Rows on screen whose data has not arrived yet (benchmarks).
    pub fn list_rows_missing(&self) -> u64 {
        self.list.missing_on_screen()
    }

    /// Shows a scope (benchmarks; users click the folder pane).
    pub fn show_scope(&mut self, scope: Scope) {
        self.apply(Intent::ShowScope(scope));
    }

    /// Scrolls the message list to a fraction of its length (benchmarks).
    pub fn scroll_list_to(&mut self, fraction: f64) {
        self.list.scroll_to_fraction(fraction);
    }

    /// Sorts by a column as a header click does (benchmarks).
    pub fn click_sort(&mut self, key: crate::store::SortKey) {
        self.apply(Intent::Sort(key));
    }

    fn use_session(&mut self, session: Session) {
        self.session = Some(session);
        self.list = MessageList::default();
        self.list.sort = self.prefs.sort;
        self.list.conversations = self.prefs.conversations;
        self.reader.clear();
        self.search.clear();
        self.status = SyncStatus::default();
        self.undo = None;
        self.notice = None;
        self.refresh_folders();
        let scope = self
            .prefs
            .last_scope
            .filter(|s| match s {
                Scope::Folder(f) => self.folders.get(*f).is_some(),
                Scope::UnifiedInbox => true,
            })
            .unwrap_or(Scope::UnifiedInbox);
        self.apply(Intent::ShowScope(scope));
    }

    /// Re-reads folders and accounts (small tables).
    fn refresh_folders(&mut self) {
        let Some(s) = &self.session else { return };
        match (s.store.folders(), s.store.accounts()) {
            (Ok(f), Ok(a)) => {
                self.folders.folders = f;
                self.folders.accounts = a;
            }
            (Err(e), _) | (_, Err(e)) => self.error = Some(e.to_string()),
        }
    }

    /// An empty store: no account, no mail.
    fn is_empty_store(&self) -> bool {
        self.folders.accounts.is_empty() && self.folders.folders.iter().all(|f| f.total == 0)
    }

    /// Whether the welcome page takes the window.
    fn show_welcome(&self) -> bool {
        self.session.is_some() && self.is_empty_store() && !self.search.is_active()
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

    /// Takes in everything the workers said since the last frame.
    fn drain(&mut self) {
        let now = self.ctx.input(|i| i.time);
        let mut answers = Vec::new();
        let mut events = Vec::new();
        let mut job_events = Vec::new();
        if let Some(s) = &self.session {
            while let Some(e) = s.jobs.try_recv() {
                job_events.push(e);
            }
            while let Some(d) = s.read.try_recv() {
                answers.push(d);
            }
            while let Some(d) = s.rows.try_recv() {
                answers.push(d);
            }
            while let Some(d) = s.write.try_recv() {
                answers.push(d);
            }
            if let Some(sync) = &s.sync {
                while let Some(e) = sync.try_recv() {
                    events.push(e);
                }
            }
        }
        for d in answers {
            match d {
                Done::Order { generation, result } => self.list.on_order(generation, result),
                Done::Search { generation, result } => self.search.on_result(generation, result),
                Done::Opened {
                    generation, result, ..
                } => self.reader.on_opened(generation, result, now),
                Done::Rows { generation, result } => self.list.on_rows(generation, result),
                Done::Page {
                    generation,
                    start,
                    result,
                } => self.list.on_page(generation, start, result),
                Done::Wrote { write, result } => self.on_wrote(*write, result),
                Done::Progress(done, total) => self.settings.on_remove_progress(done, total),
                Done::RemovedAccount { id, result } => {
                    if let Some(s) = &self.session {
                        self.settings.on_removed(s, id, result);
                    }
                    self.accounts_changed();
                }
                Done::Stopped(reason) => {
                    self.error = Some(format!("A background thread stopped: {reason}"));
                }
            }
        }
        let mut out = Vec::new();
        for e in job_events {
            // One job at a time: a running backup's events are the backup's.
            if self.settings.on_job_event(&e) {
                continue;
            }
            if matches!(e, crate::jobs::JobEvent::Finished(_)) {
                // The summary names the folder the import created.
                self.refresh_folders();
            }
            self.jobs
                .on_job_event(e, &self.folders.folders, now, &mut out);
        }
        for intent in out {
            self.apply(intent);
        }
        for e in events {
            self.on_sync_event(e);
        }
    }

    fn on_sync_event(&mut self, e: crate::sync::Event) {
        use crate::sync::Event;
        self.status.on_event(&e);
        self.settings.on_sync_event(&e);
        match e {
            Event::NewMail { .. } | Event::Finished { .. } => {
                self.refresh_folders();
                self.reload_list();
            }
            Event::FullFetched { old, new } => match new {
                Ok(id) => {
                    self.refresh_folders();
                    self.reload_list();
                    if self.reader.id == Some(old) {
                        self.apply(Intent::Open(id));
                    }
                }
                Err(e) => {
                    self.dialog = Some(Dialog::Message("Download failed".into(), e));
                }
            },
            _ => {}
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
        let Some(opened) = &self.reader.opened else {
            return;
        };
        if self.reader.marked {
            return;
        }
        let Some(at) = self.reader.shown_at else {
            return;
        };
        let now = self.ctx.input(|i| i.time);
        let delay = f64::from(self.prefs.mark_read_delay_secs);
        if now - at >= delay {
            self.reader.marked = true;
            let id = opened.row.id;
            self.apply(Intent::SetFlag(vec![id], Flags::SEEN, true));
        } else {
            self.ctx
                .request_repaint_after(std::time::Duration::from_secs_f64(delay - (now - at)));
        }
    }

    /// One frame of the whole window (what `eframe::App::ui` calls).
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        if self.applied.as_ref() != Some(&self.prefs) {
            self.prefs.sanitise();
            self.prefs.apply(ui.ctx());
            self.applied = Some(self.prefs.clone());
        }
        self.drain();
        self.mark_read_timer();
        let mut out = Vec::new();
        let modal = self.dialog.is_some() || self.jobs.modal() || self.settings.is_open();
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
            undo: self.undo.as_ref().map(|(what, _)| what.as_str()),
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
                let e = self
                    .open_error
                    .clone()
                    .unwrap_or_else(|| "no data directory".into());
                ui.heading("popmail cannot open its mail store");
                ui.label(e);
            });
            self.finish(out);
            return;
        }
        let busy = self.busy_text();
        let notice = match (
            &self.notice,
            self.session.as_ref().and_then(|s| s.demo.as_ref()),
        ) {
            (Some(n), _) => Some(n.clone()),
            (None, Some(d)) => Some(format!("Demo: mail server on 127.0.0.1:{}", d.port)),
            (None, None) => None,
        };
        let can_undo = self.undo.is_some();
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            let accounts = self.folders.accounts.clone();
            self.status.ui(
                ui,
                &accounts,
                sync_off.as_deref(),
                busy.as_deref(),
                notice.as_deref(),
                can_undo,
                &mut out,
            );
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
        egui::Panel::left("folders")
            .resizable(true)
            .default_size(210.0)
            .min_size(140.0)
            .show(ui, |ui| {
                let status = &self.status;
                self.folders
                    .ui(ui, self.list.scope, &|a| status.syncing(a), &mut out);
            });
        let reader_panel = match self.prefs.reader_position {
            // The list keeps room for its columns however the window shrinks.
            ReaderPosition::Right => {
                let w = ui.available_width();
                egui::Panel::right("reader")
                    .default_size(w * 0.42)
                    .max_size((w - 380.0).max(200.0))
            }
            ReaderPosition::Bottom => {
                let h = ui.available_height();
                egui::Panel::bottom("reader-bottom")
                    .default_size(h * 0.5)
                    .max_size((h - 150.0).max(120.0))
            }
        };
        reader_panel.resizable(true).min_size(120.0).show(ui, |ui| {
            self.reader.ui(ui, can_sync, &mut out);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(e) = &self.error {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {e}"));
                    if ui.small_button("Dismiss").clicked() {
                        out.push(Intent::DismissError);
                    }
                });
            }
            if self.search.is_active() {
                let folders = &self.folders;
                self.search.results_ui(
                    ui,
                    &|f| {
                        folders
                            .get(f)
                            .map_or_else(String::new, |f| f.qualified_name())
                    },
                    now,
                    &mut out,
                );
            } else if let Some(s) = &self.session
                && let Some(job) =
                    list_paint::list_ui(&mut self.list, ui, &mut self.prefs.columns, now, &mut out)
            {
                s.rows.send(job);
            }
        });
        self.finish(out);
    }

    fn finish(&mut self, mut out: Vec<Intent>) {
        self.settings_ui(&mut out);
        let folders = self.folders.folders.clone();
        dialogs::dialog_ui(&self.ctx, &mut self.dialog, &folders, &mut out);
        for intent in out {
            self.apply(intent);
        }
        if self.busy() || self.status.any_syncing() {
            // Answers wake us up; this only keeps spinners turning.
            self.ctx
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
    }

    /// Opens the settings dialog.
    fn open_settings(&mut self, what: super::intents::Open) {
        let store = self.session.as_ref().map(|s| &s.store);
        self.settings.open(what, store);
    }

    /// Folders and the list catch up after accounts were added, changed or removed.
    fn accounts_changed(&mut self) {
        self.refresh_folders();
        match self.list.scope {
            Some(Scope::Folder(f)) if self.folders.get(f).is_none() => {
                self.apply(Intent::ShowScope(Scope::UnifiedInbox));
            }
            _ => self.reload_list(),
        }
    }

    /// Draws the settings dialog; what it asks for is applied with the rest.
    fn settings_ui(&mut self, out: &mut Vec<Intent>) {
        let ctx = self.ctx.clone();
        self.settings.ui(
            &ctx,
            self.session.as_ref(),
            &self.prefs,
            self.picker.as_mut(),
            out,
        );
        if self.settings.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        }
    }

    fn busy_text(&self) -> Option<String> {
        let s = self.session.as_ref()?;
        if s.write.busy() {
            Some("Working…".into())
        } else if self.list.loading() && self.list.len() > 50_000 {
            Some("Loading the folder…".into())
        } else {
            None
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

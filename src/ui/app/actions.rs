//! How the app carries out what the user asks for ([`Intent`]). The panels
//! only report intents; `App::apply` is the one place that changes the
//! store, talks to the workers and opens dialogs. Every write goes to the
//! write thread; flags show their new state at once, moved messages leave
//! the list at once, and the answer refreshes counts and the list.

use std::path::PathBuf;

use super::App;
use crate::store::{Flags, FolderId, FolderRole, MessageId, Scope, SortKey};
use crate::sync::Command;
use crate::ui::attachments::{is_dangerous, safe_file_name, unique_path};
use crate::ui::background::{Job, Undo, Write};
use crate::ui::dialogs::Dialog;
use crate::ui::intents::{Intent, SaveRequest, Transfer};
use crate::ui::session;

impl App {
    /// The messages an action applies to (see [`crate::ui::keys::selection`]).
    pub(super) fn selection(&self) -> Vec<MessageId> {
        crate::ui::keys::selection(&self.list, &self.search, &self.reader)
    }

    /// The role of the folder shown.
    pub(super) fn current_role(&self) -> Option<FolderRole> {
        match self.list.scope? {
            Scope::Folder(f) => self.folders.get(f).map(|f| f.role),
            Scope::UnifiedInbox => Some(FolderRole::Inbox),
        }
    }

    fn flags_of(&self, id: MessageId) -> Option<Flags> {
        if let Some(o) = &self.reader.opened
            && o.row.id == id
        {
            return Some(o.row.flags);
        }
        self.list.cached(id).map(|r| r.flags).or_else(|| {
            self.search
                .hits
                .iter()
                .find(|h| h.id == id)
                .map(|h| h.flags)
        })
    }

    /// Carries out one intent.
    pub(super) fn apply(&mut self, intent: Intent) {
        match intent {
            Intent::ShowScope(scope) => {
                self.search.clear();
                if let Some(s) = &self.session {
                    let job = self.list.set_scope(scope);
                    s.read.send(job);
                }
                self.prefs.last_scope = Some(scope);
            }
            Intent::Open(id) => {
                if self.reader.id != Some(id) || self.reader.opened.is_none() {
                    let generation = self.reader.open(id);
                    self.send_read(Job::Open { generation, id });
                }
                if !self.search.is_active() && !self.list.is_selected(id) {
                    self.list.select_id(id);
                }
            }
            Intent::Sort(key) => {
                let mut sort = self.prefs.sort;
                if sort.key == key && !self.prefs.conversations {
                    sort.descending = !sort.descending;
                } else {
                    sort.key = key;
                    sort.descending = matches!(key, SortKey::Date | SortKey::Size);
                }
                self.prefs.sort = sort;
                self.prefs.conversations = false;
                self.reorder();
            }
            Intent::SearchEverywhere(on) => self.prefs.search_everywhere = on,
            Intent::SetPrefs(prefs) => {
                let conversations = prefs.conversations;
                self.prefs = *prefs;
                if conversations != self.list.conversations {
                    self.reorder();
                }
            }
            Intent::SetConversations(on) => {
                self.prefs.conversations = on;
                self.reorder();
            }
            Intent::SetFlag(ids, flag, on) => self.set_flag(ids, flag, on),
            Intent::ToggleFlag(ids, flag) => {
                let all = ids
                    .iter()
                    .all(|id| self.flags_of(*id).is_some_and(|f| f.contains(flag)));
                self.set_flag(ids, flag, !all);
            }
            Intent::Archive(ids) => match self.special(FolderRole::Archive) {
                Some(archive) => self.write(Write::Move(ids, archive)),
                None => self.error = Some("there is no Archive folder".into()),
            },
            Intent::AskMove(ids) if !ids.is_empty() => self.dialog = Some(Dialog::MoveTo(ids)),
            Intent::Move(ids, to) => {
                if self
                    .folders
                    .get(to)
                    .is_some_and(|f| f.role == FolderRole::Trash)
                {
                    self.write(Write::Trash(ids));
                } else {
                    self.write(Write::Move(ids, to));
                }
            }
            Intent::Trash(ids) => {
                if self.current_role() == Some(FolderRole::Trash) {
                    // Deleting in the Trash means for good: ask.
                    self.dialog = Some(Dialog::Expunge(ids));
                } else {
                    self.write(Write::Trash(ids));
                }
            }
            Intent::Restore(ids) => self.write(Write::Restore(ids)),
            Intent::AskExpunge(ids) if !ids.is_empty() => self.dialog = Some(Dialog::Expunge(ids)),
            Intent::Expunge(ids) => self.write(Write::Expunge(ids)),
            Intent::AskEmpty(f) => {
                let n = self.folders.get(f).map_or(0, |f| f.total);
                self.dialog = Some(Dialog::Empty(f, n));
            }
            Intent::Empty(f) => self.write(Write::Empty(f)),
            Intent::Undo => {
                if let Some((_, undo)) = self.undo.take() {
                    self.notice = None;
                    let w = match undo {
                        Undo::MoveBack(pairs) => Write::MoveBack(pairs),
                        Undo::Restore(ids) => Write::Restore(ids),
                        Undo::Trash(ids) => Write::Trash(ids),
                    };
                    self.send_write(Job::Write(w));
                }
            }
            Intent::NewFolder => self.dialog = Some(Dialog::NewFolder(None, String::new())),
            Intent::NewSubfolder(p) => {
                self.dialog = Some(Dialog::NewFolder(Some(p), String::new()))
            }
            Intent::RenameFolder(id) => {
                let name = self
                    .folders
                    .get(id)
                    .map(|f| f.name.clone())
                    .unwrap_or_default();
                self.dialog = Some(Dialog::Rename(id, name));
            }
            Intent::AskDeleteFolder(id) => {
                let name = self
                    .folders
                    .get(id)
                    .map(|f| f.name.clone())
                    .unwrap_or_default();
                self.dialog = Some(Dialog::DeleteFolder(id, name));
            }
            Intent::CreateFolder(parent, name) => {
                self.folder_op(|s| s.create_folder(&name, parent, FolderRole::User).map(drop))
            }
            Intent::DoRenameFolder(id, name) => self.folder_op(|s| s.rename_folder(id, &name)),
            Intent::DeleteFolder(id) => {
                self.folder_op(|s| s.delete_folder(id));
                if self.list.scope == Some(Scope::Folder(id)) && self.folders.get(id).is_none() {
                    self.apply(Intent::ShowScope(Scope::UnifiedInbox));
                }
            }
            Intent::SyncAll => self.sync(Command::SyncAll),
            Intent::SyncAccount(a) => self.sync(Command::SyncAccount(a)),
            Intent::CancelSync => self.sync(Command::Cancel(None)),
            Intent::FetchFull(id) => self.sync(Command::FetchFull(id)),
            Intent::AskOpenLink(url) => self.dialog = Some(Dialog::OpenLink(url)),
            Intent::OpenLink(url) => self.ctx.open_url(egui::OpenUrl::new_tab(url)),
            Intent::Save(req) => self.save(req, false),
            Intent::SaveConfirmed(req) => self.save(req, true),
            Intent::SaveTo(i, path) => self.save_to(vec![(i, path)]),
            Intent::ViewSource => {
                if let Some(o) = &self.reader.opened {
                    self.dialog = Some(Dialog::Source(o.row.subject.clone(), o.raw.clone()));
                }
            }
            Intent::StartDemo => self.start_demo(),
            Intent::AddAccount => self.open_settings(crate::ui::intents::Open::NewAccount),
            Intent::ImportMailbox => self.apply(Intent::ImportExport(Transfer::Import(None))),
            Intent::ImportExport(step) => {
                let mut cx = crate::ui::import_export::TransferCx {
                    jobs: self.session.as_ref().map(|s| &s.jobs),
                    folders: &self.folders.folders,
                    scope: self.list.scope,
                    picker: self.picker.as_mut(),
                };
                self.jobs.act(step, &mut cx);
            }
            Intent::Preferences => self.open_settings(crate::ui::intents::Open::Preferences),
            Intent::Settings(what) => self.open_settings(what),
            Intent::SaveAccount(save) => {
                if let Some(s) = &mut self.session
                    && self.settings.save(s, *save)
                {
                    self.accounts_changed();
                }
            }
            Intent::RemoveAccount { id, keep } => {
                if let Some(s) = &self.session {
                    // Stop syncing it, then move or delete its mail on the write
                    // thread in batches; `Done::RemovedAccount` answers.
                    s.sync_send(Command::Cancel(Some(id)));
                    s.write.send(Job::Write(Write::RemoveAccount { id, keep }));
                }
            }
            Intent::FocusSearch => self.search.focus = true,
            Intent::ClearSearch => self.search.clear(),
            Intent::DismissError => self.error = None,
            Intent::ShowError(e) => self.error = Some(e),
            Intent::RefreshFolders => self.refresh_folders(),
            Intent::ReloadList => self.reload_list(),
            Intent::Quit => self.ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Intent::AskMove(_) | Intent::AskExpunge(_) => {}
        }
    }

    fn special(&self, role: FolderRole) -> Option<FolderId> {
        self.folders
            .folders
            .iter()
            .find(|f| f.role == role && f.account.is_none())
            .map(|f| f.id)
    }

    fn reorder(&mut self) {
        if let Some(s) = &self.session
            && let Some(job) = self
                .list
                .set_order(self.prefs.sort, self.prefs.conversations)
        {
            s.read.send(job);
        }
    }

    fn sync(&mut self, c: Command) {
        match &self.session {
            Some(s) if s.can_sync() => s.sync_send(c),
            Some(s) => self.error = s.sync_unavailable(),
            None => self.error = Some("no mail store is open".into()),
        }
    }

    /// Shows the new flags at once and writes them on the write thread (a
    /// commit can wait on a WAL checkpoint; the frame must not).
    fn set_flag(&mut self, ids: Vec<MessageId>, flag: Flags, on: bool) {
        if ids.is_empty() {
            return;
        }
        self.list.patch_flags(&ids, flag, on);
        if let Some(o) = &mut self.reader.opened
            && ids.contains(&o.row.id)
        {
            o.row.flags = o.row.flags.with(flag, on);
            if flag == Flags::SEEN {
                self.reader.marked = true;
            }
        }
        for h in &mut self.search.hits {
            if ids.contains(&h.id) {
                h.flags = h.flags.with(flag, on);
            }
        }
        self.send_write(Job::Write(Write::Flag(ids, flag, on)));
    }

    fn write(&mut self, w: Write) {
        let ids: Vec<MessageId> = match &w {
            Write::Move(ids, _) | Write::Trash(ids) | Write::Restore(ids) | Write::Expunge(ids) => {
                ids.clone()
            }
            _ => Vec::new(),
        };
        if matches!(
            w,
            Write::Move(..) | Write::Trash(_) | Write::Restore(_) | Write::Expunge(_)
        ) && ids.is_empty()
        {
            return;
        }
        // Take them off the screen now; the write thread catches up.
        if !ids.is_empty() {
            let leaves = match (&w, self.list.scope) {
                (Write::Move(_, to), Some(Scope::Folder(cur))) => *to != cur,
                (Write::Move(_, to), Some(Scope::UnifiedInbox)) => self
                    .folders
                    .get(*to)
                    .is_none_or(|f| f.role != FolderRole::Inbox),
                _ => true,
            };
            if leaves {
                self.list.remove(&ids);
                self.search.forget(&ids);
                if self.reader.id.is_some_and(|r| ids.contains(&r)) {
                    self.reader.clear();
                }
            }
        }
        self.send_write(Job::Write(w));
    }

    /// A write finished: refresh counts and the list, remember how to undo.
    pub(super) fn on_wrote(&mut self, w: Write, result: Result<(usize, Option<Undo>), String>) {
        let (n, undo) = match result {
            Ok(r) => r,
            Err(e) => {
                self.error = Some(e);
                self.refresh_folders();
                self.reload_list();
                return;
            }
        };
        let count = |n: usize| crate::fmt::count(n as u64, "message", "messages");
        let what = match &w {
            Write::Move(_, to) => {
                let name = self
                    .folders
                    .get(*to)
                    .map(|f| f.name.clone())
                    .unwrap_or_default();
                Some((
                    format!("move to {name}"),
                    format!("Moved {} to {name}.", count(n)),
                ))
            }
            Write::Trash(_) => Some((
                "delete".to_string(),
                format!("Moved {} to the Trash.", count(n)),
            )),
            Write::Restore(_) => Some(("restore".to_string(), format!("Restored {}.", count(n)))),
            Write::Expunge(_) | Write::Empty(_) => {
                self.notice = None;
                self.undo = None;
                self.dialog = Some(Dialog::Message(
                    "Deleted".into(),
                    format!("Deleted {} for good.", count(n)),
                ));
                None
            }
            Write::Save(..) => {
                self.dialog = Some(Dialog::Message(
                    "Saved".into(),
                    format!("Saved {}.", crate::fmt::count(n as u64, "file", "files")),
                ));
                None
            }
            // Answered as `Done::RemovedAccount`, not here.
            Write::MoveBack(_) | Write::RemoveAccount { .. } => None,
            Write::Flag(ids, ..) => {
                // Only the counts and these rows change: no list reload.
                self.list.forget(ids);
                self.refresh_folders();
                return;
            }
        };
        if let (Some((label, text)), Some(undo)) = (what, undo) {
            self.undo = Some((label, undo));
            self.notice = Some(text);
        }
        if matches!(w, Write::MoveBack(_)) {
            self.notice = None;
        }
        if !matches!(w, Write::Save(..)) {
            self.refresh_folders();
            self.reload_list();
        }
    }

    fn folder_op(&mut self, f: impl FnOnce(&crate::store::Store) -> crate::store::Result<()>) {
        let Some(s) = &self.session else { return };
        if let Err(e) = f(&s.store) {
            self.dialog = Some(Dialog::Message("Folder".into(), e.to_string()));
        }
        self.refresh_folders();
    }

    fn save(&mut self, req: SaveRequest, confirmed: bool) {
        let Some(o) = &self.reader.opened else { return };
        let list = &o.view.attachments;
        let chosen: Vec<usize> = match req {
            SaveRequest::One(i) => vec![i],
            SaveRequest::All => (0..list.len()).collect(),
        };
        if !confirmed {
            let risky: Vec<&str> = chosen
                .iter()
                .filter_map(|i| list.get(*i))
                .filter(|a| is_dangerous(&a.name, &a.mime))
                .map(|a| a.name.as_str())
                .collect();
            if !risky.is_empty() {
                self.dialog = Some(Dialog::Dangerous(req, risky.join(", ")));
                return;
            }
        }
        match req {
            SaveRequest::One(i) => {
                let Some(a) = list.get(i) else { return };
                let Some(path) = self.picker.save_file(&safe_file_name(&a.name)) else {
                    return;
                };
                if path.exists() {
                    self.dialog = Some(Dialog::Overwrite(i, path));
                } else {
                    self.save_to(vec![(i, path)]);
                }
            }
            SaveRequest::All => {
                let Some(dir) = self.picker.pick_folder() else {
                    return;
                };
                let mut taken: Vec<PathBuf> = Vec::new();
                let mut plan = Vec::new();
                for (i, a) in list.iter().enumerate() {
                    let name = safe_file_name(&a.name);
                    let mut path = unique_path(&dir, &name);
                    let mut n = 2;
                    while taken.contains(&path) {
                        path = unique_path(&dir, &format!("{n}-{name}"));
                        n += 1;
                    }
                    taken.push(path.clone());
                    plan.push((i, path));
                }
                self.save_to(plan);
            }
        }
    }

    fn save_to(&mut self, plan: Vec<(usize, PathBuf)>) {
        let Some(o) = &self.reader.opened else { return };
        let parts = plan
            .into_iter()
            .filter_map(|(i, p)| o.view.attachments.get(i).map(|a| (a.part_path.clone(), p)))
            .collect();
        let id = o.row.id;
        self.send_write(Job::Write(Write::Save(id, parts)));
    }

    /// Switches to the demo: its own data directory, server and account.
    pub(super) fn start_demo(&mut self) {
        // Close the current session first: one data directory at a time.
        self.session = None;
        match session::open_demo(&self.opts.data_dir, &self.ctx) {
            Ok(s) => {
                self.demo_error = None;
                self.use_session(s);
            }
            Err(e) => {
                self.demo_error = Some(e);
                if !self.opts.demo
                    && let Ok(s) = session::data_dir_for(&self.opts)
                        .map_err(|e| e.to_string())
                        .and_then(|d| {
                            session::Session::open(d, &self.ctx).map_err(|e| e.to_string())
                        })
                {
                    self.use_session(s);
                }
            }
        }
    }
}

//! The folder pane: the unified Inbox, each account with its Inbox, then the
//! local folders (Archive, Trash, user and imported folders, nested by
//! parent). Unread counts on the right. Messages dragged from the list drop
//! on a folder to move there; a folder's context menu renames or deletes it.
//! The special folders (Inbox, Trash, Archive, Junk) are shown in the
//! user's language (`super::folder_names`); the store keeps their stored names.

use std::collections::HashMap;

use egui::{Align, Layout, RichText, Sense, Ui};

use super::dialogs::Dialog;
use super::folder_names::{display_name, qualified_display_name};
use super::intents::{DragMessages, Intent, Transfer};
use crate::store::{Account, AccountId, Folder, FolderId, FolderRole, Scope, Store};
use crate::t;

/// The folder pane.
#[derive(Default)]
pub struct FolderPane {
    /// Every folder, as the store lists them.
    pub folders: Vec<Folder>,
    /// Every account.
    pub accounts: Vec<Account>,
}

impl FolderPane {
    /// The folder with this id.
    pub fn get(&self, id: FolderId) -> Option<&Folder> {
        self.folders.iter().find(|f| f.id == id)
    }

    /// Re-reads folders and accounts (small tables).
    pub fn refresh(&mut self, store: &Store) -> Result<(), String> {
        match (store.folders(), store.accounts()) {
            (Ok(f), Ok(a)) => {
                self.folders = f;
                self.accounts = a;
                Ok(())
            }
            (Err(e), _) | (_, Err(e)) => Err(e.to_string()),
        }
    }

    /// Creates, renames or deletes a folder in the store; a failure comes
    /// back as a dialog. Other intents are left alone. Re-reading the
    /// folders is left to the caller.
    pub fn change(store: &Store, intent: Intent) -> Option<Dialog> {
        let done = match intent {
            Intent::CreateFolder(parent, name) => store
                .create_folder(&name, parent, FolderRole::User)
                .map(drop),
            Intent::DoRenameFolder(id, name) => store.rename_folder(id, &name),
            Intent::DeleteFolder(id) => store.delete_folder(id),
            _ => return None,
        };
        let e = done.err()?;
        Some(Dialog::Message(
            t!("window-folder-error-title"),
            e.to_string(),
        ))
    }

    /// The local (not per-account) folder with this role.
    pub fn special(&self, role: FolderRole) -> Option<FolderId> {
        self.folders
            .iter()
            .find(|f| f.role == role && f.account.is_none())
            .map(|f| f.id)
    }

    /// The role of the folder a scope shows (the unified Inbox counts as an
    /// Inbox).
    pub fn role_of(&self, scope: Scope) -> Option<FolderRole> {
        match scope {
            Scope::Folder(f) => self.get(f).map(|f| f.role),
            Scope::UnifiedInbox => Some(FolderRole::Inbox),
        }
    }

    /// An empty store: no account, no mail.
    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty() && self.folders.iter().all(|f| f.total == 0)
    }

    /// What a scope is called in titles.
    pub fn scope_name(&self, scope: Scope) -> String {
        match scope {
            Scope::UnifiedInbox => t!("window-folder-all-inboxes"),
            Scope::Folder(id) => self.get(id).map_or_else(String::new, |f| match f.role {
                FolderRole::Inbox => qualified_display_name(f),
                _ => display_name(f),
            }),
        }
    }

    /// Unread messages across every Inbox.
    pub fn unified_unread(&self) -> u64 {
        self.folders
            .iter()
            .filter(|f| f.role == FolderRole::Inbox)
            .map(|f| f.unread)
            .sum()
    }

    /// The pane.
    pub fn ui(
        &self,
        ui: &mut Ui,
        current: Option<Scope>,
        syncing: &dyn Fn(AccountId) -> bool,
        out: &mut Vec<Intent>,
    ) {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.add_space(4.0);
                self.entry(
                    ui,
                    &t!("window-folder-all-inboxes"),
                    None,
                    Scope::UnifiedInbox,
                    self.unified_unread(),
                    0,
                    current,
                    out,
                );
                ui.add_space(6.0);
                for account in &self.accounts {
                    let name = &account.settings.name;
                    let busy = syncing(account.id);
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(name).strong().small());
                        if busy {
                            ui.add(egui::Spinner::new().size(10.0));
                        }
                    });
                    if let Some(inbox) = self.get(account.inbox) {
                        self.entry(
                            ui,
                            &display_name(inbox),
                            Some(inbox),
                            Scope::Folder(inbox.id),
                            inbox.unread,
                            1,
                            current,
                            out,
                        );
                    }
                    // Any other folders an account owns.
                    for f in self
                        .folders
                        .iter()
                        .filter(|f| f.account == Some(account.id) && f.id != account.inbox)
                    {
                        self.entry(
                            ui,
                            &display_name(f),
                            Some(f),
                            Scope::Folder(f.id),
                            f.unread,
                            1,
                            current,
                            out,
                        );
                    }
                    ui.add_space(6.0);
                }
                ui.label(RichText::new(t!("window-local-folders")).strong().small());
                let local: Vec<&Folder> = self
                    .folders
                    .iter()
                    .filter(|f| f.account.is_none())
                    .collect();
                let mut children: HashMap<Option<FolderId>, Vec<&Folder>> = HashMap::new();
                for f in &local {
                    children.entry(f.parent).or_default().push(f);
                }
                self.tree(ui, &children, None, 1, current, out);
                ui.add_space(8.0);
                if ui.button(t!("window-new-folder")).clicked() {
                    out.push(Intent::NewFolder);
                }
            });
    }

    #[allow(clippy::too_many_arguments)]
    fn tree(
        &self,
        ui: &mut Ui,
        children: &HashMap<Option<FolderId>, Vec<&Folder>>,
        parent: Option<FolderId>,
        depth: usize,
        current: Option<Scope>,
        out: &mut Vec<Intent>,
    ) {
        let Some(list) = children.get(&parent) else {
            return;
        };
        for f in list {
            self.entry(
                ui,
                &display_name(f),
                Some(f),
                Scope::Folder(f.id),
                f.unread,
                depth,
                current,
                out,
            );
            if depth < 12 {
                self.tree(ui, children, Some(f.id), depth + 1, current, out);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn entry(
        &self,
        ui: &mut Ui,
        name: &str,
        folder: Option<&Folder>,
        scope: Scope,
        unread: u64,
        depth: usize,
        current: Option<Scope>,
        out: &mut Vec<Intent>,
    ) {
        let selected = current == Some(scope);
        #[allow(clippy::cast_precision_loss)]
        let indent = 10.0 * depth as f32;
        let row = ui.horizontal(|ui| {
            ui.add_space(indent);
            let icon = match folder.map(|f| f.role) {
                None | Some(FolderRole::Inbox) => "📥",
                Some(FolderRole::Trash) => "🗑",
                Some(FolderRole::Archive) => "🗄",
                Some(FolderRole::User | FolderRole::Imported) => "📁",
            };
            ui.label(icon);
            let text = if unread > 0 {
                RichText::new(name).strong()
            } else {
                RichText::new(name)
            };
            let r = ui.selectable_label(selected, text);
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if unread > 0 {
                    ui.label(RichText::new(unread.to_string()).strong());
                }
            });
            r
        });
        let r = row.inner;
        if r.clicked() {
            out.push(Intent::ShowScope(scope));
        }
        let Some(folder) = folder else { return };
        // Drop target: highlight while messages hover, move on release.
        let drop_rect = row.response.rect;
        let drop = ui.interact(
            drop_rect,
            ui.scope_id().with(("drop", folder.id)),
            Sense::hover(),
        );
        if drop.dnd_hover_payload::<DragMessages>().is_some() {
            ui.painter().rect_stroke(
                drop_rect,
                3.0,
                ui.visuals().selection.stroke,
                egui::StrokeKind::Inside,
            );
        }
        if let Some(payload) = drop
            .dnd_release_payload::<DragMessages>()
            .or_else(|| r.dnd_release_payload::<DragMessages>())
        {
            let ids = payload.0.clone();
            out.push(match folder.role {
                FolderRole::Trash => Intent::Trash(ids),
                FolderRole::Inbox => Intent::Move(ids, folder.id),
                _ => Intent::Move(ids, folder.id),
            });
        }
        let editable = matches!(folder.role, FolderRole::User | FolderRole::Imported);
        let id = folder.id;
        let is_trash = folder.role == FolderRole::Trash;
        r.context_menu(|ui| {
            if ui.button(t!("window-new-subfolder")).clicked() {
                out.push(Intent::NewSubfolder(id));
            }
            if ui
                .add_enabled(editable, egui::Button::new(t!("window-rename")))
                .clicked()
            {
                out.push(Intent::RenameFolder(id));
            }
            if ui
                .add_enabled(editable, egui::Button::new(t!("window-delete-folder")))
                .clicked()
            {
                out.push(Intent::AskDeleteFolder(id));
            }
            if ui.button(t!("window-export")).clicked() {
                out.push(Intent::ImportExport(Transfer::ExportFolder(Some(id))));
            }
            if ui.button(t!("window-run-rules-folder")).clicked() {
                out.push(Intent::RunRules(crate::jobs::RulesScope::Folder(id)));
            }
            if is_trash && ui.button(t!("window-empty-trash")).clicked() {
                out.push(Intent::AskEmpty(id));
            }
        });
    }
}

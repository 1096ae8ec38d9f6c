//! Modal dialogs: confirmations (delete for good, empty the Trash, delete a
//! folder, open a link, save a risky file, replace a file), folder names,
//! "Move to…" and messages (account settings and preferences live in the
//! settings dialog, `super::settings`; import and export in `super::import_export`).
//! [`Dialogs`] owns the dialog on screen and decides which dialog an
//! "ask first" intent opens ([`Dialogs::ask_for`]).

use egui::{Id, Key, Modal, RichText, Ui};

use super::intents::{Intent, SaveRequest};
use crate::store::{Folder, FolderId, MessageId};
use crate::t;

/// The dialog on screen.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// Delete these for good?
    Expunge(Vec<MessageId>),
    /// Empty this folder (the Trash) for good?
    Empty(FolderId, u64),
    /// Name a new folder (under a parent).
    NewFolder(Option<FolderId>, String),
    /// Rename a folder.
    Rename(FolderId, String),
    /// Delete this folder?
    DeleteFolder(FolderId, String),
    /// Choose a folder to move to.
    MoveTo(Vec<MessageId>),
    /// Open this link in the browser?
    OpenLink(String),
    /// Save a program or script?
    Dangerous(SaveRequest, String),
    /// Replace an existing file?
    Overwrite(usize, std::path::PathBuf),
    /// Something the user should know.
    Message(String, String),
    /// The message source.
    Source(String, std::sync::Arc<Vec<u8>>),
}

/// The dialogs panel: at most one dialog at a time.
#[derive(Debug, Default)]
pub struct Dialogs {
    shown: Option<Dialog>,
}

impl Dialogs {
    /// The dialog an "ask first" intent opens (`None`: the intent opens none,
    /// or has nothing to ask about).
    pub fn ask_for(intent: &Intent, folders: &[Folder]) -> Option<Dialog> {
        let folder = |id: FolderId| folders.iter().find(|f| f.id == id);
        let name = |id: FolderId| folder(id).map(|f| f.name.clone()).unwrap_or_default();
        Some(match intent {
            Intent::AskMove(ids) if !ids.is_empty() => Dialog::MoveTo(ids.clone()),
            Intent::AskExpunge(ids) if !ids.is_empty() => Dialog::Expunge(ids.clone()),
            Intent::AskEmpty(f) => Dialog::Empty(*f, folder(*f).map_or(0, |f| f.total)),
            Intent::NewFolder => Dialog::NewFolder(None, String::new()),
            Intent::NewSubfolder(p) => Dialog::NewFolder(Some(*p), String::new()),
            Intent::RenameFolder(id) => Dialog::Rename(*id, name(*id)),
            Intent::AskDeleteFolder(id) => Dialog::DeleteFolder(*id, name(*id)),
            Intent::AskOpenLink(url) => Dialog::OpenLink(url.clone()),
            _ => return None,
        })
    }

    /// Shows a dialog (in place of the one on screen).
    pub fn show(&mut self, dialog: Dialog) {
        self.shown = Some(dialog);
    }

    /// Whether a dialog is on screen.
    pub fn is_open(&self) -> bool {
        self.shown.is_some()
    }

    /// Draws the dialog on screen, if any.
    pub fn ui(&mut self, ctx: &egui::Context, folders: &[Folder], out: &mut Vec<Intent>) {
        dialog_ui(ctx, &mut self.shown, folders, out);
    }
}

/// Shows `dialog`; sets it to `None` when it closes.
pub fn dialog_ui(
    ctx: &egui::Context,
    dialog: &mut Option<Dialog>,
    folders: &[Folder],
    out: &mut Vec<Intent>,
) {
    let Some(d) = dialog.as_mut() else { return };
    if let Dialog::Source(title, raw) = d {
        let mut open = true;
        let title = title.clone();
        let raw = raw.clone();
        egui::Window::new(t!("window-source-title", title = title))
            .id(Id::unique("source-window"))
            .open(&mut open)
            .default_size([720.0, 480.0])
            .show(ctx, |ui| source_ui(ui, &raw));
        if !open {
            *dialog = None;
        }
        return;
    }
    let mut close = false;
    let modal = Modal::new(Id::unique("popmail-dialog")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        close = body(ui, d, folders, out);
    });
    if close || modal.should_close() {
        *dialog = None;
    }
}

/// Returns whether the dialog is done.
fn body(ui: &mut Ui, d: &mut Dialog, folders: &[Folder], out: &mut Vec<Intent>) -> bool {
    let enter = ui.input(|i| i.key_pressed(Key::Enter));
    match d {
        Dialog::Expunge(ids) => {
            ui.heading(t!("window-expunge-title"));
            ui.label(t!("window-expunge-text", count = ids.len()));
            let action = t!("window-expunge-confirm");
            confirm_row(ui, &action, || Intent::Expunge(ids.clone()), out)
        }
        Dialog::Empty(folder, n) => {
            ui.heading(t!("window-empty-title"));
            ui.label(t!("window-empty-text", count = *n));
            let action = t!("window-empty-confirm");
            confirm_row(ui, &action, || Intent::Empty(*folder), out)
        }
        Dialog::NewFolder(parent, name) => {
            ui.heading(t!("window-new-folder-title"));
            let r =
                ui.add(egui::TextEdit::singleline(name).hint_text(t!("window-folder-name-hint")));
            r.request_focus();
            let n = name.clone();
            let p = *parent;
            let action = t!("window-create");
            let done = confirm_row(ui, &action, || Intent::CreateFolder(p, n), out);
            if enter && !name.trim().is_empty() {
                out.push(Intent::CreateFolder(p, name.clone()));
                return true;
            }
            done
        }
        Dialog::Rename(id, name) => {
            ui.heading(t!("window-rename-title"));
            let r = ui.add(egui::TextEdit::singleline(name).hint_text(t!("window-new-name-hint")));
            r.request_focus();
            let (i, n) = (*id, name.clone());
            let action = t!("window-rename-confirm");
            let done = confirm_row(ui, &action, || Intent::DoRenameFolder(i, n), out);
            if enter && !name.trim().is_empty() {
                out.push(Intent::DoRenameFolder(i, name.clone()));
                return true;
            }
            done
        }
        Dialog::DeleteFolder(id, name) => {
            ui.heading(t!("window-delete-folder-title"));
            ui.label(t!("window-delete-folder-text", name = name.as_str()));
            let action = t!("window-delete-folder");
            confirm_row(ui, &action, || Intent::DeleteFolder(*id), out)
        }
        Dialog::MoveTo(ids) => {
            ui.heading(t!("window-move-to"));
            let mut done = false;
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    for f in folders
                        .iter()
                        .filter(|f| f.role != crate::store::FolderRole::Inbox)
                    {
                        if ui
                            .button(format!("📁 {}", super::folder_names::display_name(f)))
                            .clicked()
                        {
                            out.push(Intent::Move(ids.clone(), f.id));
                            done = true;
                        }
                    }
                });
            done | ui.button(t!("common-cancel")).clicked()
        }
        Dialog::OpenLink(url) => {
            ui.heading(t!("window-open-link-title"));
            ui.label(t!("window-open-link-where"));
            ui.add(egui::Label::new(RichText::new(url.as_str()).monospace().strong()).wrap());
            ui.label(t!("window-open-link-warning"));
            let action = t!("window-open-in-browser");
            confirm_row(ui, &action, || Intent::OpenLink(url.clone()), out)
        }
        Dialog::Dangerous(req, name) => {
            ui.heading(format!("⚠ {}", t!("window-dangerous-title")));
            ui.add(egui::Label::new(t!("window-dangerous-save", name = name.as_str())).wrap());
            let r = req.clone();
            let action = t!("window-save-anyway");
            confirm_row(ui, &action, || Intent::SaveConfirmed(r), out)
        }
        Dialog::Overwrite(index, path) => {
            ui.heading(t!("window-overwrite-title"));
            ui.label(t!(
                "window-overwrite-text",
                path = path.display().to_string()
            ));
            let (i, p) = (*index, path.clone());
            let action = t!("window-replace");
            confirm_row(ui, &action, || Intent::SaveTo(i, p), out)
        }
        Dialog::Message(title, text) => {
            ui.heading(title.as_str());
            ui.add(egui::Label::new(text.as_str()).wrap());
            ui.add_space(6.0);
            ui.button(t!("common-ok")).clicked() || enter
        }
        Dialog::Source(..) => true,
    }
}

fn confirm_row(
    ui: &mut Ui,
    action: &str,
    intent: impl FnOnce() -> Intent,
    out: &mut Vec<Intent>,
) -> bool {
    ui.add_space(8.0);
    let mut done = false;
    ui.horizontal(|ui| {
        if ui.button(action).clicked() {
            out.push(intent());
            done = true;
        }
        if ui.button(t!("common-cancel")).clicked() {
            done = true;
        }
    });
    done
}

/// Raw source, line by line (only the lines on screen are laid out).
fn source_ui(ui: &mut Ui, raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    let lines: Vec<&str> = text.lines().collect();
    let h = ui.text_style_height(&egui::TextStyle::Monospace);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show_rows(ui, h, lines.len(), |ui, range| {
            for line in lines.get(range).unwrap_or_default() {
                ui.label(RichText::new(*line).monospace());
            }
        });
}

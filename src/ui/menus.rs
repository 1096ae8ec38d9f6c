//! The menu bar (File, Message, View, Sync — each item shows its shortcut;
//! File → Rules… opens Settings → Rules, Message → Junk / Not junk train
//! the junk filter).
//! It draws from the frame's [`View`] and pushes intents; the View menu
//! edits a copy of the preferences and hands it back as
//! [`Intent::SetPrefs`].

use egui::{Button, Ui};

use super::context::View;
use super::intents::{Intent, Transfer};
use super::prefs::{ReaderPosition, ThemeChoice};
use crate::store::{Flags, FolderRole};

/// The menu bar.
pub fn menu_bar_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Intent>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(view, ui, out));
        ui.menu_button("Message", |ui| message_menu(view, ui, out));
        ui.menu_button("View", |ui| view_menu(view, ui, out));
        ui.menu_button("Sync", |ui| sync_menu(view, ui, out));
    });
}

fn item(ui: &mut Ui, text: &str, shortcut: &str, enabled: bool) -> bool {
    let b = if shortcut.is_empty() {
        Button::new(text)
    } else {
        Button::new(text).shortcut_text(shortcut)
    };
    let clicked = ui.add_enabled(enabled, b).clicked();
    if clicked {
        ui.close();
    }
    clicked
}

fn file_menu(view: &View<'_>, ui: &mut Ui, out: &mut Vec<Intent>) {
    if item(ui, "Add a POP3 account…", "", true) {
        out.push(Intent::AddAccount);
    }
    if item(ui, "Account settings…", "", true) {
        out.push(Intent::Settings(super::intents::Open::Accounts));
    }
    if item(ui, "Import…", "", true) {
        out.push(Intent::ImportMailbox);
    }
    if item(ui, "Export…", "", !view.folders.is_empty()) {
        out.push(Intent::ImportExport(Transfer::ExportFolder(None)));
    }
    if item(ui, "Try the demo", "", !view.in_demo) {
        out.push(Intent::StartDemo);
    }
    ui.separator();
    if item(ui, "Preferences…", "", true) {
        out.push(Intent::Preferences);
    }
    if item(ui, "Rules…", "", true) {
        let folder = match view.scope {
            Some(crate::store::Scope::Folder(f)) => Some(f),
            _ => None,
        };
        let message = view.selection.first().copied();
        out.push(Intent::Settings(super::intents::Open::Rules {
            message,
            folder,
        }));
    }
    if item(ui, "Security…", "", !view.in_demo) {
        out.push(Intent::Security);
    }
    if item(ui, "Lock", "Ctrl+L", !view.in_demo) {
        out.push(Intent::Lock);
    }
    ui.separator();
    if item(ui, "Quit", "Ctrl+Q", true) {
        out.push(Intent::Quit);
    }
}

fn message_menu(view: &View<'_>, ui: &mut Ui, out: &mut Vec<Intent>) {
    let sel = view.selection.to_vec();
    let any = !sel.is_empty();
    if item(ui, "Open", "Enter", any)
        && let Some(id) = sel.first()
    {
        out.push(Intent::Open(*id));
    }
    if item(ui, "Mark read / unread", "R", any) {
        out.push(Intent::ToggleFlag(sel.clone(), Flags::SEEN));
    }
    if item(ui, "Star / unstar", "S", any) {
        out.push(Intent::ToggleFlag(sel.clone(), Flags::FLAGGED));
    }
    if item(ui, "Archive", "A", any) {
        out.push(Intent::Archive(sel.clone()));
    }
    if item(ui, "Move to…", "", any) {
        out.push(Intent::AskMove(sel.clone()));
    }
    if item(ui, "Junk", "J", any) {
        out.push(Intent::MarkJunk(sel.clone(), true));
    }
    if item(ui, "Not junk", "Shift+J", any) {
        out.push(Intent::MarkJunk(sel.clone(), false));
    }
    ui.separator();
    if item(ui, "Delete", "Del", any) {
        out.push(Intent::Trash(sel.clone()));
    }
    if item(ui, "Delete for good…", "Shift+Del", any) {
        out.push(Intent::AskExpunge(sel.clone()));
    }
    let in_trash = view.role == Some(FolderRole::Trash);
    if item(ui, "Restore from Trash", "", any && in_trash) {
        out.push(Intent::Restore(sel));
    }
    ui.separator();
    let undo = view.undo.map(|what| format!("Undo {what}"));
    if item(
        ui,
        undo.as_deref().unwrap_or("Undo"),
        "Ctrl+Z",
        undo.is_some(),
    ) {
        out.push(Intent::Undo);
    }
    let trash = view.special(FolderRole::Trash);
    if item(ui, "Empty Trash…", "", trash.is_some_and(|t| t.total > 0))
        && let Some(t) = trash
    {
        out.push(Intent::AskEmpty(t.id));
    }
    ui.separator();
    if item(ui, "Search", "Ctrl+F", true) {
        out.push(Intent::FocusSearch);
    }
}

fn view_menu(view: &View<'_>, ui: &mut Ui, out: &mut Vec<Intent>) {
    let mut copy = view.prefs.clone();
    let prefs = &mut copy;
    ui.checkbox(&mut prefs.conversations, "Conversations");
    ui.separator();
    ui.radio_value(
        &mut prefs.reader_position,
        ReaderPosition::Right,
        "Reader on the right",
    );
    ui.radio_value(
        &mut prefs.reader_position,
        ReaderPosition::Bottom,
        "Reader below the list",
    );
    ui.separator();
    ui.radio_value(
        &mut prefs.theme,
        ThemeChoice::System,
        "Theme: follow the system",
    );
    ui.radio_value(&mut prefs.theme, ThemeChoice::Light, "Theme: light");
    ui.radio_value(&mut prefs.theme, ThemeChoice::Dark, "Theme: dark");
    ui.separator();
    if ui.button("Larger text").clicked() {
        prefs.font_size += 1.0;
    }
    if ui.button("Smaller text").clicked() {
        prefs.font_size -= 1.0;
    }
    if copy != *view.prefs {
        out.push(Intent::SetPrefs(Box::new(copy)));
    }
}

fn sync_menu(view: &View<'_>, ui: &mut Ui, out: &mut Vec<Intent>) {
    let can_sync = view.sync_off.is_none();
    if item(
        ui,
        "Sync all accounts",
        "F5",
        can_sync && !view.accounts.is_empty(),
    ) {
        out.push(Intent::SyncAll);
    }
    for a in view.accounts {
        if item(ui, &format!("Sync {}", a.settings.name), "", can_sync) {
            out.push(Intent::SyncAccount(a.id));
        }
    }
    ui.separator();
    if item(ui, "Stop syncing", "", can_sync && view.syncing) {
        out.push(Intent::CancelSync);
    }
    if let Some(why) = view.sync_off {
        ui.weak(why);
    }
}

//! The menu bar (File, Message, View, Sync — each item shows its shortcut)
//! and the toolbar under it: the folder's name, the conversation toggle and
//! the search box.

use egui::{Button, RichText, Ui};

use super::actions::Intent;
use super::app::App;
use super::import_export::Request;
use super::prefs::{ReaderPosition, ThemeChoice};
use crate::store::{Flags, FolderRole, Scope};

/// Menu bar and toolbar.
/// `sync_off` says why syncing is unavailable (`None`: it is available).
pub fn menu_bar_ui(app: &mut App, ui: &mut Ui, sync_off: Option<&str>, out: &mut Vec<Intent>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(app, ui, out));
        ui.menu_button("Message", |ui| message_menu(app, ui, out));
        ui.menu_button("View", |ui| view_menu(app, ui));
        ui.menu_button("Sync", |ui| sync_menu(app, ui, sync_off, out));
    });
    if app.session.is_none() || app.show_welcome() {
        return;
    }
    ui.horizontal(|ui| {
        let title = app
            .list
            .scope
            .map(|s| app.folders.scope_name(s))
            .unwrap_or_default();
        ui.label(RichText::new(title).heading());
        if !app.search.is_active() {
            ui.weak(crate::fmt::count(app.list.len(), "message", "messages"));
        }
        ui.add_space(16.0);
        let mut conv = app.prefs.conversations;
        if ui
            .toggle_value(&mut conv, "Conversations")
            .on_hover_text("Group replies under the message they answer")
            .changed()
        {
            out.push(Intent::SetConversations(conv));
        }
        ui.separator();
        let folder = match app.list.scope {
            Some(Scope::Folder(f)) => Some(f),
            _ => None,
        };
        let mut everywhere = app.prefs.search_everywhere;
        if let Some(job) = app.search.box_ui(ui, &mut everywhere, folder, out) {
            app.send_read(job);
        }
        app.prefs.search_everywhere = everywhere;
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

fn file_menu(app: &App, ui: &mut Ui, out: &mut Vec<Intent>) {
    if item(ui, "Add a POP3 account…", "", true) {
        out.push(Intent::AddAccount);
    }
    if item(ui, "Account settings…", "", true) {
        out.push(Intent::Settings(super::settings::Open::Accounts));
    }
    if item(ui, "Import…", "", true) {
        out.push(Intent::ImportMailbox);
    }
    if item(ui, "Export…", "", !app.folders.folders.is_empty()) {
        out.push(Intent::ImportExport(Request::ExportFolder(None)));
    }
    let in_demo = app.session.as_ref().is_some_and(|s| s.demo.is_some());
    if item(ui, "Try the demo", "", !in_demo) {
        out.push(Intent::StartDemo);
    }
    ui.separator();
    if item(ui, "Preferences…", "", true) {
        out.push(Intent::Preferences);
    }
    ui.separator();
    if item(ui, "Quit", "Ctrl+Q", true) {
        out.push(Intent::Quit);
    }
}

fn message_menu(app: &App, ui: &mut Ui, out: &mut Vec<Intent>) {
    let sel = app.selection();
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
    ui.separator();
    if item(ui, "Delete", "Del", any) {
        out.push(Intent::Trash(sel.clone()));
    }
    if item(ui, "Delete for good…", "Shift+Del", any) {
        out.push(Intent::AskExpunge(sel.clone()));
    }
    let in_trash = app.current_role() == Some(FolderRole::Trash);
    if item(ui, "Restore from Trash", "", any && in_trash) {
        out.push(Intent::Restore(sel));
    }
    ui.separator();
    let undo = app.undo.as_ref().map(|(what, _)| format!("Undo {what}"));
    if item(
        ui,
        undo.as_deref().unwrap_or("Undo"),
        "Ctrl+Z",
        undo.is_some(),
    ) {
        out.push(Intent::Undo);
    }
    let trash = app
        .folders
        .folders
        .iter()
        .find(|f| f.role == FolderRole::Trash && f.account.is_none());
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

fn view_menu(app: &mut App, ui: &mut Ui) {
    let prefs = &mut app.prefs;
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
}

fn sync_menu(app: &App, ui: &mut Ui, sync_off: Option<&str>, out: &mut Vec<Intent>) {
    let can_sync = sync_off.is_none();
    if item(
        ui,
        "Sync all accounts",
        "F5",
        can_sync && !app.folders.accounts.is_empty(),
    ) {
        out.push(Intent::SyncAll);
    }
    for a in &app.folders.accounts {
        if item(ui, &format!("Sync {}", a.settings.name), "", can_sync) {
            out.push(Intent::SyncAccount(a.id));
        }
    }
    ui.separator();
    if item(ui, "Stop syncing", "", can_sync && app.status.any_syncing()) {
        out.push(Intent::CancelSync);
    }
    if let Some(why) = sync_off {
        ui.weak(why);
    }
}

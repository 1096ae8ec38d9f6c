//! The menu bar (File, Message, View, Sync — each item shows its shortcut;
//! File → Rules… opens Settings → Rules, Message → Junk / Not junk train
//! the junk filter).
//! It draws from the frame's [`View`] and pushes intents; the View menu
//! edits a copy of the preferences and hands it back as
//! [`Intent::SetPrefs`].

use egui::{Button, Ui};

use super::context::View;
use super::intents::{Intent, Transfer};
use super::keys::names;
use super::prefs::{ReaderPosition, ThemeChoice};
use crate::store::{Flags, FolderRole};
use crate::t;

/// The menu bar.
pub fn menu_bar_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Intent>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t!("window-menu-file"), |ui| file_menu(view, ui, out));
        ui.menu_button(t!("window-menu-message"), |ui| message_menu(view, ui, out));
        ui.menu_button(t!("window-menu-view"), |ui| view_menu(view, ui, out));
        ui.menu_button(t!("window-menu-sync"), |ui| sync_menu(view, ui, out));
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
    if item(ui, &t!("window-add-account"), "", true) {
        out.push(Intent::AddAccount);
    }
    if item(ui, &t!("window-account-settings"), "", true) {
        out.push(Intent::Settings(super::intents::Open::Accounts));
    }
    if item(ui, &t!("window-import"), "", true) {
        out.push(Intent::ImportMailbox);
    }
    if item(ui, &t!("window-export"), "", !view.folders.is_empty()) {
        out.push(Intent::ImportExport(Transfer::ExportFolder(None)));
    }
    if item(ui, &t!("window-try-demo"), "", !view.in_demo) {
        out.push(Intent::StartDemo);
    }
    ui.separator();
    if item(ui, &t!("window-preferences"), "", true) {
        out.push(Intent::Preferences);
    }
    if item(ui, &t!("window-rules"), "", true) {
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
    if item(ui, &t!("window-security"), "", !view.in_demo) {
        out.push(Intent::Security);
    }
    if item(ui, &t!("window-lock"), names::LOCK, !view.in_demo) {
        out.push(Intent::Lock);
    }
    ui.separator();
    if item(ui, &t!("window-quit"), names::QUIT, true) {
        out.push(Intent::Quit);
    }
}

fn message_menu(view: &View<'_>, ui: &mut Ui, out: &mut Vec<Intent>) {
    let sel = view.selection.to_vec();
    let any = !sel.is_empty();
    if item(ui, &t!("window-open"), names::OPEN, any)
        && let Some(id) = sel.first()
    {
        out.push(Intent::Open(*id));
    }
    if item(ui, &t!("window-toggle-read"), "R", any) {
        out.push(Intent::ToggleFlag(sel.clone(), Flags::SEEN));
    }
    if item(ui, &t!("window-toggle-star"), "S", any) {
        out.push(Intent::ToggleFlag(sel.clone(), Flags::FLAGGED));
    }
    if item(ui, &t!("window-archive"), "A", any) {
        out.push(Intent::Archive(sel.clone()));
    }
    if item(ui, &t!("window-move-to"), "", any) {
        out.push(Intent::AskMove(sel.clone()));
    }
    if item(ui, &t!("window-junk"), "J", any) {
        out.push(Intent::MarkJunk(sel.clone(), true));
    }
    if item(ui, &t!("window-not-junk"), names::NOT_JUNK, any) {
        out.push(Intent::MarkJunk(sel.clone(), false));
    }
    ui.separator();
    if item(ui, &t!("common-delete"), names::DELETE, any) {
        out.push(Intent::Trash(sel.clone()));
    }
    if item(ui, &t!("window-delete-for-good"), names::EXPUNGE, any) {
        out.push(Intent::AskExpunge(sel.clone()));
    }
    let in_trash = view.role == Some(FolderRole::Trash);
    if item(ui, &t!("window-restore"), "", any && in_trash) {
        out.push(Intent::Restore(sel));
    }
    ui.separator();
    let undo = view.undo.map(|what| t!("window-undo-what", what = what));
    let label = undo.clone().unwrap_or_else(|| t!("window-undo"));
    if item(ui, &label, names::UNDO, undo.is_some()) {
        out.push(Intent::Undo);
    }
    let trash = view.special(FolderRole::Trash);
    if item(
        ui,
        &t!("window-empty-trash"),
        "",
        trash.is_some_and(|t| t.total > 0),
    ) && let Some(t) = trash
    {
        out.push(Intent::AskEmpty(t.id));
    }
    ui.separator();
    if item(ui, &t!("window-search"), names::SEARCH, true) {
        out.push(Intent::FocusSearch);
    }
}

fn view_menu(view: &View<'_>, ui: &mut Ui, out: &mut Vec<Intent>) {
    let mut copy = view.prefs.clone();
    let prefs = &mut copy;
    ui.checkbox(&mut prefs.conversations, t!("window-conversations"));
    ui.separator();
    ui.radio_value(
        &mut prefs.reader_position,
        ReaderPosition::Right,
        t!("window-reader-right"),
    );
    ui.radio_value(
        &mut prefs.reader_position,
        ReaderPosition::Bottom,
        t!("window-reader-bottom"),
    );
    ui.separator();
    ui.radio_value(
        &mut prefs.theme,
        ThemeChoice::System,
        t!("window-theme-system"),
    );
    ui.radio_value(
        &mut prefs.theme,
        ThemeChoice::Light,
        t!("window-theme-light"),
    );
    ui.radio_value(&mut prefs.theme, ThemeChoice::Dark, t!("window-theme-dark"));
    ui.separator();
    if ui.button(t!("window-text-larger")).clicked() {
        prefs.font_size += 1.0;
    }
    if ui.button(t!("window-text-smaller")).clicked() {
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
        &t!("window-sync-all"),
        "F5",
        can_sync && !view.accounts.is_empty(),
    ) {
        out.push(Intent::SyncAll);
    }
    for a in view.accounts {
        if item(
            ui,
            &t!("window-sync-account", name = &a.settings.name),
            "",
            can_sync,
        ) {
            out.push(Intent::SyncAccount(a.id));
        }
    }
    ui.separator();
    if item(ui, &t!("window-sync-stop"), "", can_sync && view.syncing) {
        out.push(Intent::CancelSync);
    }
    if let Some(why) = view.sync_off {
        ui.weak(why);
    }
}

//! The right-click menu of a message-list row: read/unread, star, junk and
//! not junk, run the rules on the selection, move, archive, delete, export.
//! Each entry pushes an [`Intent`] for the app and closes the menu.

use egui::Ui;

use super::intents::{Intent, Transfer};
use super::keys::names;
use crate::store::{Flags, MessageId, MessageRow};
use crate::t;

/// The right-click menu of a row; `ids` is the selection it acts on.
pub fn row_menu_ui(ui: &mut Ui, ids: Vec<MessageId>, row: &MessageRow, out: &mut Vec<Intent>) {
    let read = row.flags.contains(Flags::SEEN);
    let starred = row.flags.contains(Flags::FLAGGED);
    let mut push = |i: Intent, ui: &mut Ui| {
        out.push(i);
        ui.close();
    };
    if ui
        .add(
            egui::Button::new(if read {
                t!("window-mark-unread")
            } else {
                t!("window-mark-read")
            })
            .shortcut_text("R"),
        )
        .clicked()
    {
        push(Intent::SetFlag(ids.clone(), Flags::SEEN, !read), ui);
    }
    if ui
        .add(
            egui::Button::new(if starred {
                t!("window-unstar")
            } else {
                t!("window-star")
            })
            .shortcut_text("S"),
        )
        .clicked()
    {
        push(Intent::SetFlag(ids.clone(), Flags::FLAGGED, !starred), ui);
    }
    if ui
        .add(egui::Button::new(t!("window-archive")).shortcut_text("A"))
        .clicked()
    {
        push(Intent::Archive(ids.clone()), ui);
    }
    if ui.button(t!("window-move-to")).clicked() {
        push(Intent::AskMove(ids.clone()), ui);
    }
    ui.separator();
    if ui
        .add(egui::Button::new(t!("window-junk")).shortcut_text("J"))
        .clicked()
    {
        push(Intent::MarkJunk(ids.clone(), true), ui);
    }
    if ui
        .add(egui::Button::new(t!("window-not-junk")).shortcut_text(names::NOT_JUNK))
        .clicked()
    {
        push(Intent::MarkJunk(ids.clone(), false), ui);
    }
    if ui.button(t!("window-run-rules-selection")).clicked() {
        let scope = crate::jobs::RulesScope::Messages(ids.clone());
        push(Intent::RunRules(scope), ui);
    }
    ui.separator();
    if ui.button(t!("window-export-selected")).clicked() {
        let what = Transfer::ExportMessages(ids.clone());
        push(Intent::ImportExport(what), ui);
    }
    ui.separator();
    if ui
        .add(egui::Button::new(t!("common-delete")).shortcut_text(names::DELETE))
        .clicked()
    {
        push(Intent::Trash(ids.clone()), ui);
    }
    if ui
        .add(egui::Button::new(t!("window-delete-for-good")).shortcut_text(names::EXPUNGE))
        .clicked()
    {
        push(Intent::AskExpunge(ids), ui);
    }
}

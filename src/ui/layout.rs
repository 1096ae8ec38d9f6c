//! The three mail panes of the window — folders on the left, the reader on
//! the right or below, and in the centre the error line over the message list
//! or the search results — laid out from the panels themselves. Each pane
//! draws from its own state and pushes [`Intent`]s; the only job a pane can
//! ask for here (the list rows on screen) is handed back to be sent.

use egui::Ui;

use super::background::Job;
use super::folders::FolderPane;
use super::intents::Intent;
use super::list_paint;
use super::message_list::MessageList;
use super::prefs::Prefs;
use super::reader::Reader;
use super::search::Search;
use super::status_bar::{self, SyncStatus};

/// The panels the mail panes draw, borrowed for one frame.
pub struct Panes<'a> {
    /// Accounts and folders.
    pub folders: &'a mut FolderPane,
    /// The message list.
    pub list: &'a mut MessageList,
    /// The reader.
    pub reader: &'a mut Reader,
    /// The search box's results.
    pub search: &'a mut Search,
    /// Which accounts are syncing (the folder pane shows it).
    pub status: &'a SyncStatus,
    /// Layout and column preferences.
    pub prefs: &'a mut Prefs,
}

/// Draws the folder pane, the reader and the centre; returns the rows job
/// the list asks for, if any.
pub fn mail_panes_ui(
    ui: &mut Ui,
    p: Panes<'_>,
    error: Option<&str>,
    can_sync: bool,
    now: i64,
    out: &mut Vec<Intent>,
) -> Option<Job> {
    egui::Panel::left("folders")
        .resizable(true)
        .default_size(210.0)
        .min_size(140.0)
        .show(ui, |ui| {
            let status = p.status;
            p.folders.ui(ui, p.list.scope, &|a| status.syncing(a), out);
        });
    let reader_panel = p.prefs.reader_position.panel(ui);
    reader_panel.resizable(true).min_size(120.0).show(ui, |ui| {
        p.reader.ui(ui, can_sync, out);
    });
    egui::CentralPanel::default()
        .show(ui, |ui| {
            status_bar::error_line_ui(ui, error, out);
            if p.search.is_active() {
                let folders = &*p.folders;
                let name = |f| {
                    folders
                        .get(f)
                        .map_or_else(String::new, super::folder_names::qualified_display_name)
                };
                p.search.results_ui(ui, &name, now, out);
                None
            } else {
                list_paint::list_ui(p.list, ui, &mut p.prefs.columns, now, out)
            }
        })
        .inner
}

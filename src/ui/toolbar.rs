//! The toolbar under the menu bar: the folder's name and count, the
//! conversation toggle, Junk / Not junk for the selection, and the search box. Draws from the frame's [`View`];
//! the search box is the search panel's own.

use egui::{RichText, Ui};

use super::background::Job;
use super::context::View;
use super::intents::Intent;
use super::search::Search;
use crate::store::Scope;
use crate::t;

/// The toolbar. `count` is the list's length (`None` while searching).
/// Returns the search to run on the read thread, when the query changed.
pub fn toolbar_ui(
    ui: &mut Ui,
    view: &View<'_>,
    title: &str,
    count: Option<u64>,
    search: &mut Search,
    out: &mut Vec<Intent>,
) -> Option<Job> {
    // Wrapped: in a narrow window the search box goes to a second row
    // instead of off the edge.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(title).heading());
        if let Some(n) = count {
            ui.weak(crate::fmt::messages(n));
        }
        ui.add_space(16.0);
        let mut conv = view.prefs.conversations;
        if ui
            .toggle_value(&mut conv, t!("window-conversations"))
            .on_hover_text(t!("window-conversations-hint"))
            .changed()
        {
            out.push(Intent::SetConversations(conv));
        }
        ui.separator();
        let any = !view.selection.is_empty();
        if ui
            .add_enabled(any, egui::Button::new(t!("window-mark-junk")))
            .on_hover_text(t!("window-mark-junk-hint"))
            .clicked()
        {
            out.push(Intent::MarkJunk(view.selection.to_vec(), true));
        }
        if ui
            .add_enabled(any, egui::Button::new(t!("window-not-junk")))
            .on_hover_text(t!("window-not-junk-hint"))
            .clicked()
        {
            out.push(Intent::MarkJunk(view.selection.to_vec(), false));
        }
        ui.separator();
        let folder = match view.scope {
            Some(Scope::Folder(f)) => Some(f),
            _ => None,
        };
        let mut everywhere = view.prefs.search_everywhere;
        let job = search.box_ui(ui, &mut everywhere, folder, out);
        if everywhere != view.prefs.search_everywhere {
            out.push(Intent::SearchEverywhere(everywhere));
        }
        job
    })
    .inner
}

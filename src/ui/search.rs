//! Full-text search: the box in the toolbar and the list of hits that takes
//! the message list's place while a search is active. The query runs on the
//! read thread (FTS5 with BM25 ranking, see `store::search`); answers to an
//! older query are dropped. Esc clears the search.

use egui::{Key, RichText, Ui};

use super::background::Job;
use super::intents::Intent;
use crate::fmt as format;
use crate::store::{FolderId, MessageId, MessageRow};
use crate::t;

/// Search state.
#[derive(Default)]
pub struct Search {
    /// What is typed.
    pub text: String,
    /// The query the hits answer (empty: no search).
    pub active: String,
    /// The hits, best first.
    pub hits: Vec<MessageRow>,
    /// A query is running.
    pub running: bool,
    /// Why the last search failed.
    pub error: Option<String>,
    generation: u64,
    /// The hit shown in the reader.
    pub chosen: Option<MessageId>,
    /// Give the box keyboard focus next frame.
    pub focus: bool,
}

impl Search {
    /// Whether hits replace the message list.
    pub fn is_active(&self) -> bool {
        !self.active.is_empty()
    }

    /// Starts a search for the typed text.
    pub fn start(&mut self, folder: Option<FolderId>) -> Option<Job> {
        let query = self.text.trim().to_string();
        if query.is_empty() {
            self.clear();
            return None;
        }
        self.generation += 1;
        self.active = query.clone();
        self.running = true;
        self.error = None;
        Some(Job::Search {
            generation: self.generation,
            query,
            folder,
        })
    }

    /// The answer arrived.
    pub fn on_result(&mut self, generation: u64, result: Result<Vec<MessageRow>, String>) {
        if generation != self.generation {
            return;
        }
        self.running = false;
        match result {
            Ok(hits) => self.hits = hits,
            Err(e) => self.error = Some(e),
        }
    }

    /// Ends the search.
    pub fn clear(&mut self) {
        self.generation += 1;
        self.text.clear();
        self.active.clear();
        self.hits.clear();
        self.running = false;
        self.error = None;
        self.chosen = None;
    }

    /// Drops hits for messages that are gone or moved.
    pub fn forget(&mut self, ids: &[MessageId]) {
        self.hits.retain(|h| !ids.contains(&h.id));
    }

    /// Shows new flags on the hits before the store has them.
    pub fn patch_flags(&mut self, ids: &[MessageId], flag: crate::store::Flags, on: bool) {
        for h in &mut self.hits {
            if ids.contains(&h.id) {
                h.flags = h.flags.with(flag, on);
            }
        }
    }

    /// The flags of `id`, if it is a hit.
    pub fn flags_of(&self, id: MessageId) -> Option<crate::store::Flags> {
        self.hits.iter().find(|h| h.id == id).map(|h| h.flags)
    }

    /// The search box; returns a job when the query changed.
    pub fn box_ui(
        &mut self,
        ui: &mut Ui,
        everywhere: &mut bool,
        folder: Option<FolderId>,
        out: &mut Vec<Intent>,
    ) -> Option<Job> {
        let edit = egui::TextEdit::singleline(&mut self.text)
            .hint_text(t!("window-search-hint"))
            .desired_width(260.0);
        let resp = ui.add(edit);
        let resp = resp.on_hover_text(t!("window-search-hover"));
        if self.focus {
            resp.request_focus();
            self.focus = false;
        }
        let mut job = None;
        if resp.changed() {
            job = self.start(if *everywhere { None } else { folder });
        }
        if (resp.has_focus() || resp.lost_focus()) && ui.input(|i| i.key_pressed(Key::Escape)) {
            out.push(Intent::ClearSearch);
            resp.surrender_focus();
        }
        let scope_changed = ui
            .selectable_value(everywhere, false, t!("window-search-this-folder"))
            .on_hover_text(t!("window-search-this-folder-hint"))
            .changed()
            | ui.selectable_value(everywhere, true, t!("window-search-everywhere"))
                .on_hover_text(t!("window-search-everywhere-hint"))
                .changed();
        if scope_changed && self.is_active() {
            job = self.start(if *everywhere { None } else { folder });
        }
        if self.is_active()
            && ui
                .button(format!("✖ {}", t!("window-search-clear")))
                .clicked()
        {
            out.push(Intent::ClearSearch);
        }
        job
    }

    /// The hits, in place of the message list.
    pub fn results_ui(
        &mut self,
        ui: &mut Ui,
        folder_name: &dyn Fn(FolderId) -> String,
        now: i64,
        out: &mut Vec<Intent>,
    ) {
        ui.horizontal(|ui| {
            let n = self.hits.len() as u64;
            let text = if self.running {
                t!("window-search-running", query = &self.active)
            } else {
                t!("window-search-results", count = n, query = &self.active)
            };
            ui.label(RichText::new(text).strong());
            if n as usize >= super::background::SEARCH_LIMIT {
                ui.weak(t!("window-search-best-only"));
            }
        });
        if let Some(e) = &self.error {
            ui.colored_label(
                ui.visuals().error_fg_color,
                t!("window-search-failed", error = e),
            );
        }
        ui.separator();
        let row_h = ui.text_style_height(&egui::TextStyle::Body) * 2.4;
        let hits = &self.hits;
        let chosen = &mut self.chosen;
        egui::ScrollArea::vertical()
            .id_salt("search-hits")
            .auto_shrink([false, false])
            .show_rows(ui, row_h, hits.len(), |ui, range| {
                for hit in hits.get(range).unwrap_or_default() {
                    let subject = if hit.subject.is_empty() {
                        t!("window-no-subject")
                    } else {
                        hit.subject.clone()
                    };
                    let text = format!(
                        "{subject}\n{} · {} · {}",
                        hit.sender(),
                        folder_name(hit.folder),
                        format::list_date(hit.date, now)
                    );
                    let selected = *chosen == Some(hit.id);
                    let r = ui.add_sized(
                        [ui.available_width(), row_h - 4.0],
                        egui::Button::selectable(selected, text),
                    );
                    if r.clicked() {
                        *chosen = Some(hit.id);
                        out.push(Intent::Open(hit.id));
                    }
                }
            });
    }
}

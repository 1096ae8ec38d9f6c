//! Plain text bodies without structure (no flowed paragraphs, or longer
//! than [`super::SHOWN_TEXT`]): one galley kept while the width stays the
//! same, URLs underlined and clickable through the confirm, a list of the
//! links for keyboards and screen readers, and "show everything" for long
//! bodies.

use std::ops::Range;
use std::sync::Arc;

use egui::{Galley, Sense, Ui};

use super::SHOWN_TEXT;
use super::parts::body_job;
use crate::store::MessageId;
use crate::ui::background::Opened;
use crate::ui::intents::Intent;

/// The laid-out body, kept while the width stays the same.
pub(super) struct Body {
    job_for: (MessageId, bool, u32),
    text: String,
    links: Vec<(Range<usize>, String)>,
    galley: Option<(f32, Arc<Galley>)>,
}

pub(super) fn body_ui(
    ui: &mut Ui,
    opened: &Opened,
    body_slot: &mut Option<Body>,
    show_everything: &mut bool,
    out: &mut Vec<Intent>,
) {
    {
        let dark = ui.visuals().dark_mode;
        let font = egui::TextStyle::Body.resolve(ui.style());
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let key = (opened.row.id, dark, (font.size * 10.0) as u32);
        let long = opened.view.body.len() > SHOWN_TEXT && !*show_everything;
        if body_slot.as_ref().is_none_or(|b| b.job_for != key) {
            let mut text = opened.view.body.clone();
            if long {
                let mut cut = SHOWN_TEXT;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
            }
            let links = crate::ui::links::find_links(&text)
                .into_iter()
                .map(|r| {
                    let url = text.get(r.clone()).unwrap_or_default().to_string();
                    (r, url)
                })
                .collect();
            *body_slot = Some(Body {
                job_for: key,
                text,
                links,
                galley: None,
            });
        }
        let Some(body) = body_slot else { return };
        let width = ui.available_width().max(100.0);
        if body
            .galley
            .as_ref()
            .is_none_or(|(w, _)| (*w - width).abs() > 0.5)
        {
            let job = body_job(&body.text, &body.links, ui, width);
            body.galley = Some((width, ui.fonts_mut(|f| f.layout_job(job))));
        }
        let Some((_, galley)) = &body.galley else {
            return;
        };
        let resp = ui.add(
            egui::Label::new(Arc::clone(galley))
                .selectable(true)
                .sense(Sense::click()),
        );
        let link_at = |pos: Option<egui::Pos2>| -> Option<&String> {
            let p = pos? - resp.rect.min;
            let c = galley.cursor_from_pos(p).index.0;
            let byte = body
                .text
                .char_indices()
                .nth(c)
                .map_or(body.text.len(), |(b, _)| b);
            body.links
                .iter()
                .find(|(r, _)| r.contains(&byte))
                .map(|(_, u)| u)
        };
        if let Some(url) = link_at(resp.hover_pos()) {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            resp.clone()
                .on_hover_text(format!("{url}\n{}", crate::t!("reader-link-click-hint")));
        }
        if resp.clicked()
            && let Some(url) = link_at(resp.interact_pointer_pos())
        {
            out.push(Intent::AskOpenLink(url.clone()));
        }
        // Links also as buttons, for keyboards and screen readers.
        if !body.links.is_empty() {
            ui.add_space(8.0);
            egui::CollapsingHeader::new(crate::t!("reader-links", count = body.links.len())).show(
                ui,
                |ui| {
                    for (_, url) in body.links.iter().take(200) {
                        if ui
                            .link(url)
                            .on_hover_text(crate::t!("reader-link-hint"))
                            .clicked()
                        {
                            out.push(Intent::AskOpenLink(url.clone()));
                        }
                    }
                },
            );
        }
        if long {
            ui.add_space(6.0);
            if ui.button(crate::t!("reader-show-everything")).clicked() {
                *show_everything = true;
            }
        }
        if opened.view.truncated {
            ui.weak(crate::t!(
                "reader-text-cut",
                size = crate::fmt::size(crate::mail::MAX_VIEW_TEXT as u64)
            ));
        }
    }
}

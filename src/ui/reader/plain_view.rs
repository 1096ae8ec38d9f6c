//! Plain text bodies with structure: `format=flowed` paragraphs reflowed to
//! the pane (RFC 3676, via [`crate::mail::flowed`]), quote levels with
//! coloured bars, long quote chains collapsed behind "Show quoted text", and
//! the signature dimmed. URLs and addresses are links through the confirm.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, Sense, Ui};

use super::html_view::quote_colour;
use crate::mail::flowed::PlainParagraph;
use crate::ui::intents::Intent;

/// Quote chains this deep or deeper start collapsed.
pub(super) const COLLAPSE_DEPTH: usize = 3;
/// Width of one quote level's indent.
const BAR_STEP: f32 = 8.0;

/// Draws the paragraphs. Quoted text at level 2 and deeper is hidden while
/// `show_quoted` is false and the chain is at least [`COLLAPSE_DEPTH`] deep.
pub(super) fn plain_ui(
    ui: &mut Ui,
    paragraphs: &[PlainParagraph],
    show_quoted: &mut bool,
    out: &mut Vec<Intent>,
) {
    let deepest = paragraphs.iter().map(|p| p.quote).max().unwrap_or(0);
    let collapse = deepest >= COLLAPSE_DEPTH && !*show_quoted;
    let mut hidden_note_shown = false;
    for p in paragraphs {
        if collapse && p.quote >= 2 {
            if !hidden_note_shown {
                hidden_note_shown = true;
                if ui
                    .button(crate::t!("reader-show-quoted", levels = deepest))
                    .clicked()
                {
                    *show_quoted = true;
                }
            }
            continue;
        }
        paragraph_ui(ui, p, out);
    }
    if deepest >= COLLAPSE_DEPTH
        && *show_quoted
        && ui.button(crate::t!("reader-hide-quoted")).clicked()
    {
        *show_quoted = false;
    }
}

fn paragraph_ui(ui: &mut Ui, p: &PlainParagraph, out: &mut Vec<Intent>) {
    let indent = BAR_STEP * p.quote as f32;
    let colour = if p.signature {
        ui.visuals().weak_text_color()
    } else if p.quote > 0 {
        quote_colour(p.quote).lerp_to_gamma(ui.visuals().text_color(), 0.5)
    } else {
        ui.visuals().text_color()
    };
    let text = if p.text.is_empty() {
        " "
    } else {
        p.text.as_str()
    };
    let width = (ui.available_width() - indent).max(50.0);
    let links = crate::ui::links::find_links(text);
    let mut job = job(ui, text, &links, colour, width);
    // Right-to-left paragraphs are right-aligned (their order is kept).
    let rtl = crate::ui::fonts::right_to_left(text);
    if rtl {
        job.halign = egui::Align::RIGHT;
    }
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let left = ui.max_rect().left();
    let label = egui::Label::new(Arc::clone(&galley))
        .selectable(true)
        .sense(Sense::click());
    let resp = if rtl {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
            ui.add(label)
        })
        .inner
    } else {
        ui.horizontal(|ui| {
            ui.add_space(indent);
            ui.add(label)
        })
        .inner
    };
    let origin = if rtl {
        resp.rect.right_top()
    } else {
        resp.rect.min
    };
    for level in 1..=p.quote {
        let x = left + BAR_STEP * (level as f32 - 1.0) + 2.0;
        ui.painter().vline(
            x,
            resp.rect.y_range(),
            egui::Stroke::new(2.0, quote_colour(level)),
        );
    }
    if links.is_empty() {
        return;
    }
    let link_at = |pos: Option<egui::Pos2>| -> Option<&str> {
        let rel = pos? - origin;
        let c = galley.cursor_from_pos(rel).index.0;
        let byte = text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
        links
            .iter()
            .find(|r| r.contains(&byte))
            .and_then(|r| text.get(r.clone()))
    };
    if let Some(url) = link_at(resp.hover_pos()) {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        resp.clone()
            .on_hover_text(format!("{url}\n{}", crate::t!("reader-link-open-hint")));
    }
    if resp.clicked()
        && let Some(url) = link_at(resp.interact_pointer_pos())
    {
        out.push(Intent::AskOpenLink(url.to_string()));
    }
}

fn job(
    ui: &Ui,
    text: &str,
    links: &[std::ops::Range<usize>],
    colour: Color32,
    width: f32,
) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: colour,
        ..Default::default()
    };
    let link_colour = ui.visuals().hyperlink_color;
    let link = TextFormat {
        font_id: font,
        color: link_colour,
        underline: egui::Stroke::new(1.0, link_colour),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let mut at = 0;
    for r in links {
        if r.start > at {
            job.append(
                text.get(at..r.start).unwrap_or_default(),
                0.0,
                plain.clone(),
            );
        }
        job.append(text.get(r.clone()).unwrap_or_default(), 0.0, link.clone());
        at = r.end;
    }
    job.append(text.get(at..).unwrap_or_default(), 0.0, plain);
    job
}

//! Small pieces of the reader pane: a header row, an information banner,
//! the attachment list with its Save buttons, and the layout of plain body
//! text with its links underlined.

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{RichText, Ui};

use super::super::attachments::is_dangerous;
use super::super::background::Opened;
use super::super::intents::{Intent, SaveRequest};
use crate::fmt as format;
use crate::t;

pub(super) fn header_row(ui: &mut Ui, name: &str, value: &str) {
    ui.label(RichText::new(format!("{name}:")).weak());
    ui.add(egui::Label::new(value).wrap().selectable(true));
    ui.end_row();
}

pub(super) fn banner(ui: &mut Ui, text: &str, add: impl FnOnce(&mut Ui)) {
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(4.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(format!("ℹ {text}")).wrap());
            add(ui);
        });
}

/// What a click in the attachment list asks the reader.
pub(super) enum Action {
    /// Open attachment `i` with the system's application.
    Open(usize),
    /// Preview attachment `i` in the reader.
    Preview(usize),
}

/// The attachment list; returns what was clicked ("Open", "Preview").
pub(super) fn attachments_ui(
    ui: &mut Ui,
    opened: &Opened,
    status: Option<&Result<String, String>>,
    out: &mut Vec<Intent>,
) -> Option<Action> {
    let mut open = None;
    let list = &opened.view.attachments;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "📎 {}",
                t!("reader-attachments", count = list.len())
            ))
            .strong(),
        );
        if list.len() > 1 && ui.button(t!("reader-save-all")).clicked() {
            out.push(Intent::Save(SaveRequest::All));
        }
    });
    egui::Grid::new("reader-attachments")
        .num_columns(6)
        .spacing([12.0, 2.0])
        .show(ui, |ui| {
            for (i, a) in list.iter().enumerate() {
                let danger = is_dangerous(&a.name, &a.mime);
                let name = if danger {
                    format!("⚠ {}", a.name)
                } else {
                    a.name.clone()
                };
                ui.label(name);
                ui.weak(&a.mime);
                ui.weak(format::size(a.size));
                let o = ui
                    .button(t!("reader-open"))
                    .on_hover_text(t!("reader-open-hint", name = &a.name));
                if o.clicked() {
                    open = Some(Action::Open(i));
                }
                if super::viewer::can_preview(&a.mime) {
                    let p = ui
                        .button(t!("reader-preview"))
                        .on_hover_text(t!("reader-preview-hint", name = &a.name));
                    if p.clicked() {
                        open = Some(Action::Preview(i));
                    }
                } else {
                    ui.label("");
                }
                let b = ui
                    .button(t!("reader-save"))
                    .on_hover_text(t!("reader-save-hint", name = &a.name));
                if b.clicked() {
                    out.push(Intent::Save(SaveRequest::One(i)));
                }
                ui.end_row();
            }
        });
    match status {
        Some(Ok(s)) => {
            ui.weak(s);
        }
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        None => {}
    }
    open
}

/// The warning before opening a program, script or macro document (the
/// words of the save warning): `Some(true)` open anyway, `Some(false)`
/// cancelled, `None` not answered yet.
pub(super) fn confirm_open(ctx: &egui::Context, name: &str) -> Option<bool> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("reader-confirm-open")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(format!("⚠ {}", t!("window-dangerous-title")));
        ui.add(egui::Label::new(t!("reader-dangerous-open", name = name)).wrap());
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui.button(t!("common-cancel")).clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                answer = Some(false);
            }
            if ui.button(t!("reader-open-anyway")).clicked() {
                answer = Some(true);
            }
        });
    });
    answer
}

pub(super) fn body_job(
    text: &str,
    links: &[(Range<usize>, String)],
    ui: &Ui,
    width: f32,
) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat {
        font_id: font.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let link = TextFormat {
        font_id: font,
        color: ui.visuals().hyperlink_color,
        underline: egui::Stroke::new(1.0, ui.visuals().hyperlink_color),
        ..Default::default()
    };
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping {
            max_width: width,
            ..Default::default()
        },
        ..Default::default()
    };
    let mut at = 0;
    for (r, _) in links {
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

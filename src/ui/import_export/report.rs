//! What the window shows of a job: the progress bar above the status bar
//! (messages, bytes, rate, Cancel), the hint while files are dragged over the
//! window, and the summary window afterwards (counts, duplicates, damaged
//! regions with file and byte offset, notes) or the sentence saying why it failed.

use egui::{Id, RichText, Ui};

use super::state::{Outcome, Running};
use crate::fmt as format;
use crate::jobs::JobKind;
use crate::ui::intents::{Intent, Transfer};

/// The file name of a path as text, or the whole path if it has none.
fn short(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

#[allow(clippy::cast_precision_loss)]
fn per_second(n: u64, secs: f64) -> f64 {
    n as f64 / secs.max(1e-3)
}

/// The line the progress bar shows.
fn progress_text(r: &Running) -> String {
    let p = &r.progress;
    let secs = r.started.elapsed().as_secs_f64();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rate = format::size(per_second(p.bytes, secs) as u64);
    match r.kind {
        JobKind::Import if p.total_bytes.is_none() => {
            format!("Importing {}: starting…", short(&r.what))
        }
        JobKind::Import => format!(
            "Importing {}: {}, {} of {} ({rate}/s)",
            short(&r.what),
            format::count(p.messages, "message", "messages"),
            format::size(p.bytes),
            format::size(p.total_bytes.unwrap_or(0)),
        ),
        _ => format!(
            "Exporting {}: {} of {} messages, {} ({rate}/s)",
            if r.what.is_empty() {
                "selected messages"
            } else {
                &r.what
            },
            p.messages,
            p.total_messages.unwrap_or(0),
            format::size(p.bytes),
        ),
    }
}

/// How far the job is, 0–1.
#[allow(clippy::cast_precision_loss)]
fn fraction(r: &Running) -> f32 {
    let p = &r.progress;
    let f = match (p.total_bytes, p.total_messages) {
        (Some(t), _) if t > 0 => p.bytes as f64 / t as f64,
        (_, Some(t)) if t > 0 => p.messages as f64 / t as f64,
        _ => 0.0,
    };
    #[allow(clippy::cast_possible_truncation)]
    let f = f.clamp(0.0, 1.0) as f32;
    f
}

/// The bar above the status bar while a job runs.
pub fn progress_panel(ui: &mut Ui, r: &Running, out: &mut Vec<Intent>) {
    egui::Panel::bottom("job-progress").show(ui, |ui| {
        ui.horizontal(|ui| {
            let text = progress_text(r);
            ui.spinner();
            ui.add(
                egui::ProgressBar::new(fraction(r))
                    .desired_width(160.0)
                    .desired_height(12.0),
            )
            .on_hover_text(&text);
            ui.add(egui::Label::new(text).truncate());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let label = match r.kind {
                    JobKind::Import => "⏹ Cancel import",
                    _ => "⏹ Cancel export",
                };
                if r.cancelling {
                    ui.weak("Cancelling…");
                } else if ui
                    .button(label)
                    .on_hover_text(
                        "Stop cleanly: what is already imported stays; a partial export is removed",
                    )
                    .clicked()
                {
                    out.push(Intent::ImportExport(Transfer::CancelJob));
                }
            });
        });
    });
}

/// While files are dragged over the window: where they go.
pub fn drop_hint(ctx: &egui::Context, busy: bool) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        Id::unique("import-drop-hint"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    let text = if busy {
        "Drop to import (after the running job)"
    } else {
        "Drop to import this mailbox"
    };
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(22.0),
        egui::Color32::WHITE,
    );
}

fn wrap(ui: &mut Ui, text: impl Into<egui::WidgetText>) {
    ui.add(egui::Label::new(text).wrap());
}

/// Capitalises the first letter of a sentence.
fn sentence(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn title(o: &Outcome) -> &'static str {
    match o {
        Outcome::Imported { summary, .. } if summary.cancelled => "Import cancelled",
        Outcome::Imported { .. } => "Import finished",
        Outcome::Exported { .. } => "Export finished",
        Outcome::ExportCancelled => "Export cancelled",
        Outcome::Failed {
            kind: JobKind::Export,
            ..
        } => "Export failed",
        Outcome::Failed { .. } => "Import failed",
    }
}

/// The summary window of the last job.
pub fn outcome_ui(ctx: &egui::Context, o: &Outcome, out: &mut Vec<Intent>) {
    let mut open = true;
    let max_h = (ctx.content_rect().height() - 60.0).max(200.0);
    egui::Window::new(title(o))
        .id(Id::unique("import-export-summary"))
        .open(&mut open)
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .default_width(560.0)
        .max_width((ctx.content_rect().width() - 40.0).max(300.0))
        .max_height(max_h)
        .show(ctx, |ui| {
            body(ui, o, max_h);
            ui.add_space(8.0);
            if ui.button("Close").clicked() {
                out.push(Intent::ImportExport(Transfer::CloseResult));
            }
        });
    if !open {
        out.push(Intent::ImportExport(Transfer::CloseResult));
    }
}

fn body(ui: &mut Ui, o: &Outcome, max_h: f32) {
    match o {
        Outcome::Imported {
            path,
            root,
            summary: s,
        } => {
            let n = format::count(s.imported, "message", "messages");
            if s.cancelled {
                wrap(
                    ui,
                    RichText::new(format!(
                        "The import was cancelled. The {n} imported before are kept in “{root}”; \
                         importing the same file again adds only the rest."
                    ))
                    .strong(),
                );
            } else {
                wrap(
                    ui,
                    RichText::new(format!("Imported {n} into “{root}”.")).strong(),
                );
            }
            wrap(
                ui,
                format!(
                    "Read {} from {path}: {} in {:.1} s ({:.0} messages/s).",
                    format::count(s.folders, "folder", "folders"),
                    format::size(s.bytes),
                    s.elapsed.as_secs_f64(),
                    per_second(s.imported + s.duplicates, s.elapsed.as_secs_f64()),
                ),
            );
            wrap(
                ui,
                format!(
                    "{} skipped as duplicates (already in the folder).",
                    s.duplicates
                ),
            );
            if s.kept_damaged_count > 0 {
                wrap(
                    ui,
                    RichText::new(format!(
                        "{} kept as “{}” (stored byte for byte, flagged as damaged).",
                        format::count(s.kept_damaged_count, "damaged region", "damaged regions"),
                        crate::mail::UNPARSEABLE_SUBJECT
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
            }
            let damaged = format!(
                "{} skipped.",
                format::count(s.damaged_count, "damaged region", "damaged regions")
            );
            if s.damaged_count == 0 {
                wrap(ui, damaged);
            } else {
                wrap(ui, RichText::new(damaged).color(ui.visuals().warn_fg_color));
            }
            if let Some(r) = &s.rules {
                wrap(ui, format!("Rules: {}", r.sentence()));
            }
            let has_lists =
                !s.damaged.is_empty() || !s.kept_damaged.is_empty() || !s.notes.is_empty();
            if has_lists {
                ui.add_space(4.0);
                egui::ScrollArea::vertical()
                    .max_height((max_h - 200.0).max(100.0))
                    .auto_shrink([false, true])
                    .show(ui, |ui| lists_ui(ui, s));
            }
        }
        Outcome::Exported {
            what,
            dest,
            summary: s,
        } => {
            wrap(
                ui,
                RichText::new(format!(
                    "Exported {}{} to {}.",
                    format::count(s.messages, "message", "messages"),
                    if what.is_empty() {
                        String::new()
                    } else {
                        format!(" from {what}")
                    },
                    dest.display()
                ))
                .strong(),
            );
            wrap(
                ui,
                format!(
                    "{}, {} in {:.1} s.",
                    format::count(s.folders, "folder", "folders"),
                    format::size(s.bytes),
                    s.elapsed.as_secs_f64()
                ),
            );
            if !s.written.is_empty() {
                ui.label("Written:");
                for p in &s.written {
                    wrap(ui, RichText::new(p.display().to_string()).monospace());
                }
            }
        }
        Outcome::ExportCancelled => wrap(
            ui,
            "The export was cancelled. What it had written was removed; the mail in popmail \
             is unchanged.",
        ),
        Outcome::Failed { kind, message } => {
            wrap(
                ui,
                RichText::new(format!("{}.", sentence(message))).strong(),
            );
            wrap(
                ui,
                match kind {
                    JobKind::Export => {
                        "What the export had written was removed; the mail in popmail is unchanged."
                    }
                    _ => {
                        "Messages imported before the problem are kept and nothing is half-written; \
                         the file you imported is never changed."
                    }
                },
            );
        }
    }
}

fn lists_ui(ui: &mut Ui, s: &crate::jobs::ImportSummary) {
    if !s.kept_damaged.is_empty() {
        ui.label(RichText::new("Kept as damaged messages").strong());
        for d in &s.kept_damaged {
            let file = short(&d.path.display().to_string());
            ui.add(
                egui::Label::new(format!(
                    "{file} at byte {}: {} kept ({})",
                    d.offset,
                    format::count(d.length, "byte", "bytes"),
                    d.reason
                ))
                .wrap(),
            )
            .on_hover_text(d.path.display().to_string());
        }
        let more = s
            .kept_damaged_count
            .saturating_sub(s.kept_damaged.len() as u64);
        if more > 0 {
            ui.weak(format!("… and {more} more"));
        }
        ui.add_space(4.0);
    }
    if !s.damaged.is_empty() {
        ui.label(RichText::new("Damaged regions").strong());
        for d in &s.damaged {
            let file = short(&d.path.display().to_string());
            ui.add(
                egui::Label::new(format!(
                    "{file} at byte {}: {} skipped ({})",
                    d.offset,
                    format::count(d.length, "byte", "bytes"),
                    d.reason
                ))
                .wrap(),
            )
            .on_hover_text(d.path.display().to_string());
        }
        let more = s.damaged_count.saturating_sub(s.damaged.len() as u64);
        if more > 0 {
            ui.weak(format!("… and {more} more"));
        }
        ui.add_space(4.0);
    }
    if !s.notes.is_empty() {
        ui.label(RichText::new("Notes").strong());
        for n in &s.notes {
            wrap(ui, n.as_str());
        }
    }
}

//! What the window shows of a job: the progress bar above the status bar
//! (messages, bytes, rate, Cancel), the hint while files are dragged over the
//! window, and the summary window afterwards (counts, duplicates, damaged
//! regions with file and byte offset, notes) or the sentence saying why it failed.

use egui::{Id, RichText, Ui};

use super::state::{Outcome, Running};
use crate::fmt as format;
use crate::jobs::JobKind;
use crate::t;
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
        JobKind::Import if p.indexing.is_some() => t!(
            "import-progress-indexing",
            name = short(&r.what),
            left = p.indexing.unwrap_or(0)
        ),
        JobKind::Import if p.total_bytes.is_none() => {
            t!("import-progress-starting", name = short(&r.what))
        }
        JobKind::Import => t!(
            "import-progress",
            name = short(&r.what),
            count = p.messages,
            done = format::size(p.bytes),
            total = format::size(p.total_bytes.unwrap_or(0)),
            rate = rate,
        ),
        _ => t!(
            "import-export-progress",
            name = if r.what.is_empty() {
                t!("import-export-progress-selected")
            } else {
                r.what.clone()
            },
            done = p.messages,
            count = p.total_messages.unwrap_or(0),
            size = format::size(p.bytes),
            rate = rate,
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
                    JobKind::Import => format!("⏹ {}", t!("import-cancel-import")),
                    _ => format!("⏹ {}", t!("import-cancel-export")),
                };
                if r.cancelling {
                    ui.weak(t!("import-cancelling"));
                } else if ui
                    .button(label)
                    .on_hover_text(t!("import-cancel-hint"))
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
        t!("import-drop-busy")
    } else {
        t!("import-drop")
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

fn title(o: &Outcome) -> String {
    match o {
        Outcome::Imported { summary, .. } if summary.cancelled => t!("import-title-cancelled"),
        Outcome::Imported { .. } => t!("import-title-finished"),
        Outcome::Exported { .. } => t!("import-export-title-finished"),
        Outcome::ExportCancelled => t!("import-export-title-cancelled"),
        Outcome::Failed {
            kind: JobKind::Export,
            ..
        } => t!("import-export-title-failed"),
        Outcome::Failed { .. } => t!("import-title-failed"),
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
            if ui.button(t!("common-close")).clicked() {
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
            let root = root.as_str();
            if s.cancelled {
                wrap(
                    ui,
                    RichText::new(t!("import-cancelled", count = s.imported, folder = root))
                        .strong(),
                );
            } else {
                wrap(
                    ui,
                    RichText::new(t!("import-imported", count = s.imported, folder = root))
                        .strong(),
                );
            }
            let secs = s.elapsed.as_secs_f64();
            let rate = per_second(s.imported + s.duplicates, secs);
            wrap(
                ui,
                t!(
                    "import-read",
                    folders = s.folders,
                    path = path.as_str(),
                    size = format::size(s.bytes),
                    seconds = secs,
                    rate = crate::i18n::number(rate, 0),
                ),
            );
            wrap(ui, t!("import-duplicates", count = s.duplicates));
            if s.kept_damaged_count > 0 {
                wrap(
                    ui,
                    RichText::new(t!(
                        "import-kept-damaged",
                        count = s.kept_damaged_count,
                        subject = crate::mail::UNPARSEABLE_SUBJECT
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
            }
            let damaged = t!("import-damaged-skipped", count = s.damaged_count);
            if s.damaged_count == 0 {
                wrap(ui, damaged);
            } else {
                wrap(ui, RichText::new(damaged).color(ui.visuals().warn_fg_color));
            }
            if let Some(r) = &s.rules {
                wrap(ui, t!("import-rules", outcome = r.sentence()));
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
                RichText::new(if what.is_empty() {
                    t!(
                        "import-exported",
                        count = s.messages,
                        path = dest.display().to_string()
                    )
                } else {
                    t!(
                        "import-exported-from",
                        count = s.messages,
                        folder = what.as_str(),
                        path = dest.display().to_string()
                    )
                })
                .strong(),
            );
            wrap(
                ui,
                t!(
                    "import-exported-stats",
                    folders = s.folders,
                    size = format::size(s.bytes),
                    seconds = s.elapsed.as_secs_f64()
                ),
            );
            if !s.written.is_empty() {
                ui.label(t!("import-written"));
                for p in &s.written {
                    wrap(ui, RichText::new(p.display().to_string()).monospace());
                }
            }
        }
        Outcome::ExportCancelled => wrap(ui, t!("import-export-cancelled")),
        Outcome::Failed { kind, message } => {
            wrap(
                ui,
                RichText::new(format!("{}.", sentence(message))).strong(),
            );
            wrap(
                ui,
                match kind {
                    JobKind::Export => t!("import-export-failed-explain"),
                    _ => t!("import-failed-explain"),
                },
            );
        }
    }
}

fn lists_ui(ui: &mut Ui, s: &crate::jobs::ImportSummary) {
    if !s.kept_damaged.is_empty() {
        ui.label(RichText::new(t!("import-kept-damaged-title")).strong());
        for d in &s.kept_damaged {
            let file = short(&d.path.display().to_string());
            ui.add(
                egui::Label::new(t!(
                    "import-region-kept",
                    file = file,
                    offset = d.offset.to_string(),
                    count = d.length,
                    reason = d.reason.to_string()
                ))
                .wrap(),
            )
            .on_hover_text(d.path.display().to_string());
        }
        let more = s
            .kept_damaged_count
            .saturating_sub(s.kept_damaged.len() as u64);
        if more > 0 {
            ui.weak(t!("import-and-more", count = more));
        }
        ui.add_space(4.0);
    }
    if !s.damaged.is_empty() {
        ui.label(RichText::new(t!("import-damaged-title")).strong());
        for d in &s.damaged {
            let file = short(&d.path.display().to_string());
            ui.add(
                egui::Label::new(t!(
                    "import-region-skipped",
                    file = file,
                    offset = d.offset.to_string(),
                    count = d.length,
                    reason = d.reason.to_string()
                ))
                .wrap(),
            )
            .on_hover_text(d.path.display().to_string());
        }
        let more = s.damaged_count.saturating_sub(s.damaged.len() as u64);
        if more > 0 {
            ui.weak(t!("import-and-more", count = more));
        }
        ui.add_space(4.0);
    }
    if !s.notes.is_empty() {
        ui.label(RichText::new(t!("import-notes")).strong());
        for n in &s.notes {
            wrap(ui, n.as_str());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, for_this_thread};
    use crate::jobs::Progress;
    use std::time::Instant;

    #[test]
    fn an_import_waiting_for_the_index_says_so() {
        let _lang = for_this_thread(Lang::En);
        let mut r = Running {
            kind: JobKind::Import,
            what: "/tmp/old.mbox".into(),
            dest: None,
            progress: Progress {
                messages: 120,
                total_messages: None,
                bytes: 1_000,
                total_bytes: Some(1_000),
                indexing: None,
            },
            started: Instant::now(),
            cancelling: false,
        };
        assert!(progress_text(&r).starts_with("Importing old.mbox: 120 messages"));
        r.progress.indexing = Some(37);
        assert_eq!(
            progress_text(&r),
            "Importing old.mbox: indexing for search, 37 messages left"
        );
    }
}

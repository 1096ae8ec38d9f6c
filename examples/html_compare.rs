//! Side by side, the two ways to show an HTML mail that issue 14 asks to
//! choose between: on the left popmail's reader (the `crate::mail::rich`
//! model laid out by `ui::reader::html_view`, through
//! `popmail::ui::rich_document_ui`, the code the reader pane runs; images as
//! their placeholders), on the right `html2text::from_read_rich` (0.17,
//! without its `css` feature, as popmail builds it) mapped onto an egui
//! `LayoutJob`: bold, italic, links, strike-through, code and preformatted
//! text, colours, and tables as html2text lays them out in character cells
//! (hence a monospace font, wrapped at the pane's width in characters).
//!
//! ```text
//! cargo run --example html_compare --features gui -- FILE.html [TITLE]
//! ```
//!
//! `scripts/screenshot_compare` runs it on 20 HTML newsletters and receipts
//! of the SpamAssassin public corpus and takes one 1280×800 picture each.

use std::path::PathBuf;

use eframe::egui;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Stroke, Ui};
use html2text::render::RichAnnotation;
use popmail::mail::rich::Document;

/// The right pane's font size (egui's default monospace size).
const MONO: f32 = 12.0;

struct Compare {
    title: String,
    html: String,
    ours: Document,
    /// html2text's lines, laid out for the width (in characters) they were made for.
    theirs: Option<(usize, LayoutJob)>,
}

impl Compare {
    fn new(title: String, html: String) -> Compare {
        let ours = Document::from_html(&html);
        Compare {
            title,
            html,
            ours,
            theirs: None,
        }
    }

    /// html2text's rich lines at `columns` characters, as one `LayoutJob`.
    fn layout_theirs(&self, ui: &Ui, columns: usize) -> LayoutJob {
        let mut job = LayoutJob::default();
        let v = ui.visuals();
        let base = TextFormat {
            font_id: FontId::monospace(MONO),
            color: v.text_color(),
            ..TextFormat::default()
        };
        let lines = match html2text::from_read_rich(self.html.as_bytes(), columns) {
            Ok(lines) => lines,
            Err(e) => {
                job.append(&format!("html2text failed: {e}"), 0.0, base);
                return job;
            }
        };
        for line in &lines {
            for piece in line.tagged_strings() {
                let mut f = base.clone();
                for a in &piece.tag {
                    match a {
                        RichAnnotation::Strong => f.color = v.strong_text_color(),
                        RichAnnotation::Emphasis => f.italics = true,
                        RichAnnotation::Strikeout => {
                            f.strikethrough = Stroke::new(1.0, f.color);
                        }
                        RichAnnotation::Link(_) => {
                            f.color = v.hyperlink_color;
                            f.underline = Stroke::new(1.0, v.hyperlink_color);
                        }
                        RichAnnotation::Image(_) => f.color = v.weak_text_color(),
                        RichAnnotation::Code | RichAnnotation::Preformat(_) => {
                            f.background = v.code_bg_color;
                        }
                        RichAnnotation::Colour(c) => f.color = Color32::from_rgb(c.r, c.g, c.b),
                        RichAnnotation::BgColour(c) => {
                            f.background = Color32::from_rgb(c.r, c.g, c.b);
                        }
                        // Default text, and what later html2text versions add.
                        _ => {}
                    }
                }
                job.append(&piece.s, 0.0, f);
            }
            job.append("\n", 0.0, base.clone());
        }
        // html2text wraps itself; egui must not wrap again.
        job.wrap.max_width = f32::INFINITY;
        job
    }

    fn theirs_ui(&mut self, ui: &mut Ui) {
        let glyph = ui
            .ctx()
            .fonts_mut(|f| f.glyph_width(&FontId::monospace(MONO), 'M'));
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let columns = ((ui.available_width() - 16.0) / glyph.max(1.0)).max(20.0) as usize;
        if self.theirs.as_ref().is_none_or(|(c, _)| *c != columns) {
            self.theirs = Some((columns, self.layout_theirs(ui, columns)));
        }
        if let Some((_, job)) = &self.theirs {
            ui.label(job.clone());
        }
    }
}

impl eframe::App for Compare {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        egui::Frame::central_panel(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(&self.title).strong());
            ui.separator();
            ui.columns(2, |cols| {
                if let [left, right] = cols {
                    left.label(RichText::new("popmail: rich model + html_view").weak());
                    left.separator();
                    egui::ScrollArea::vertical()
                        .id_salt("ours")
                        .auto_shrink([false, false])
                        .show(left, |ui| popmail::ui::rich_document_ui(ui, &self.ours));
                    right.label(RichText::new("html2text::from_read_rich -> LayoutJob").weak());
                    right.separator();
                    egui::ScrollArea::vertical()
                        .id_salt("theirs")
                        .auto_shrink([false, false])
                        .show(right, |ui| self.theirs_ui(ui));
                }
            });
        });
    }
}

fn main() -> Result<(), String> {
    let mut args = std::env::args_os().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        return Err("usage: html_compare FILE.html [TITLE]".into());
    };
    let title = args.next().map_or_else(
        || path.display().to_string(),
        |t| t.to_string_lossy().into_owned(),
    );
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let html = String::from_utf8_lossy(&bytes).into_owned();
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("html_compare")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "html_compare",
        native,
        Box::new(move |_cc| Ok(Box::new(Compare::new(title, html)))),
    )
    .map_err(|e| e.to_string())
}

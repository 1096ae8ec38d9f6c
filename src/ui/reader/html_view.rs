//! The rich HTML model ([`crate::mail::rich`]) laid out with egui: paragraphs
//! and headings as `LayoutJob`s, lists and quotes indented (quotes with a
//! coloured bar per level), data tables as grids, images as textures.
//!
//! Colours the sender chose are kept when they read on the theme's
//! background (WCAG contrast ≥ 3) and adjusted towards legibility when not
//! ([`Rgb::legible_on`]); backgrounds are dropped, so dark and light themes
//! both stay readable. Links go through the reader's confirm
//! ([`Intent::AskOpenLink`]). Images never load from the network: remote ones
//! are placeholders with their alt text; `cid:` and `data:` images are decoded
//! off the UI thread ([`super::images`]) and shown scaled to the pane's width.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Sense, Ui};

use super::images::Shown;
use crate::mail::rich::{Block, Cell, Document, Image, ImageSource, Rgb, Span};
use crate::ui::intents::Intent;

/// Quote bar colours, by level (cycled).
const QUOTE_COLOURS: [Color32; 6] = [
    Color32::from_rgb(0x4a, 0x90, 0xd9),
    Color32::from_rgb(0x5c, 0xb8, 0x5c),
    Color32::from_rgb(0xd9, 0x8c, 0x2b),
    Color32::from_rgb(0xb0, 0x5c, 0xc8),
    Color32::from_rgb(0xc8, 0x4b, 0x4b),
    Color32::from_rgb(0x3a, 0xa8, 0xa8),
];

/// The colour of the quote bar at `level` (1-based).
pub(super) fn quote_colour(level: usize) -> Color32 {
    QUOTE_COLOURS
        .get(level.saturating_sub(1) % QUOTE_COLOURS.len())
        .copied()
        .unwrap_or(Color32::GRAY)
}

/// What the last frames learnt of a document's top-level blocks: their
/// heights at one width, so blocks outside the visible part of the scroll
/// area are skipped (only their space is allocated). This keeps a frame of a
/// long newsletter proportional to what is on screen.
#[derive(Default)]
struct Measured {
    /// Which document (its address and block count) and at which width.
    key: (usize, usize, u32),
    /// Per top-level block: its height (NaN until drawn once), how many
    /// images and data tables it holds (the renderer's counters).
    blocks: Vec<(f32, usize, usize)>,
    /// Every link target of the document, first appearance first.
    links: Vec<Arc<str>>,
}

/// Draws `doc`. `images` holds what the decoder made of each image of
/// [`Document::images`], in that order, once it is done. Returns the index of
/// an image to show at full size (clicked, or "View full size").
pub(super) fn document_ui(
    ui: &mut Ui,
    doc: &Document,
    images: &Shown,
    out: &mut Vec<Intent>,
) -> Option<usize> {
    let mut r = Render {
        image_index: 0,
        images,
        salt: 0,
        in_table: false,
        full_size: None,
    };
    let memory = ui.scope_id().with("rich-measured");
    let measured = ui.data_mut(|d| {
        Arc::clone(d.get_temp_mut_or_default::<Arc<std::sync::Mutex<Measured>>>(memory))
    });
    // A poisoned lock only means a panic mid-frame; the heights stay usable.
    let mut m = measured
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let key = (
        std::ptr::from_ref(doc) as usize,
        doc.blocks.len(),
        ui.available_width().max(0.0) as u32,
    );
    if m.key != key {
        let links = if m.key.0 == key.0 && m.key.1 == key.1 {
            std::mem::take(&mut m.links)
        } else {
            doc_links(doc)
        };
        *m = Measured {
            key,
            blocks: doc
                .blocks
                .iter()
                .map(|b| (f32::NAN, count_images(b), count_tables(b)))
                .collect(),
            links,
        };
    }
    // A margin of one screen either side keeps scrolling smooth.
    let clip = ui
        .clip_rect()
        .expand2(egui::vec2(0.0, ui.clip_rect().height()));
    let mut i = 0;
    while let Some(block) = doc.blocks.get(i) {
        // A run of remote images is drawn (and measured) as one line: its
        // first slot holds the height, the others none.
        let run = remote_run(&doc.blocks[i..]).max(1);
        let slots = &mut m.blocks[i..(i + run).min(doc.blocks.len())];
        let top = ui.cursor().top();
        let height: f32 = slots.iter().map(|s| s.0).sum();
        if height.is_finite() && (top + height < clip.top() || top > clip.bottom()) {
            ui.add_space(height);
            r.image_index += slots.iter().map(|s| s.1).sum::<usize>();
            r.salt += slots.iter().map(|s| s.2).sum::<usize>();
            i += run;
            continue;
        }
        if is_remote_image(block) {
            r.remote_images(ui, &doc.blocks[i..i + run], out);
        } else {
            r.block(ui, block, 0, out);
        }
        for (k, slot) in slots.iter_mut().enumerate() {
            slot.0 = if k == 0 { ui.cursor().top() - top } else { 0.0 };
        }
        i += run;
    }
    // Links also as buttons, for keyboards and screen readers.
    let links = std::mem::take(&mut m.links);
    drop(m);
    if !links.is_empty() {
        ui.add_space(8.0);
        egui::CollapsingHeader::new(crate::t!("reader-links", count = links.len())).show(
            ui,
            |ui| {
                for url in links.iter().take(200) {
                    if ui
                        .link(&**url)
                        .on_hover_text(crate::t!("reader-link-hint"))
                        .clicked()
                    {
                        out.push(Intent::AskOpenLink(url.to_string()));
                    }
                }
            },
        );
    }
    measured
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .links = links;
    r.full_size
}

/// How many images `block` holds (as [`Document::images`] counts them).
fn count_images(block: &Block) -> usize {
    match block {
        Block::Image(_) => 1,
        Block::List { items, .. } => items.iter().flatten().map(count_images).sum(),
        Block::Quote(inner) => inner.iter().map(count_images).sum(),
        Block::Table(rows) => rows
            .iter()
            .flatten()
            .flat_map(|c| &c.blocks)
            .map(count_images)
            .sum(),
        _ => 0,
    }
}

/// How many data tables `block` holds (each gets its own grid id).
fn count_tables(block: &Block) -> usize {
    match block {
        Block::List { items, .. } => items.iter().flatten().map(count_tables).sum(),
        Block::Quote(inner) => inner.iter().map(count_tables).sum(),
        Block::Table(rows) => {
            1 + rows
                .iter()
                .flatten()
                .flat_map(|c| &c.blocks)
                .map(count_tables)
                .sum::<usize>()
        }
        _ => 0,
    }
}

/// Every link target of `doc`, first appearance first, each once.
fn doc_links(doc: &Document) -> Vec<Arc<str>> {
    fn add(out: &mut Vec<Arc<str>>, l: &Arc<str>) {
        if !out.iter().any(|o| o == l) {
            out.push(Arc::clone(l));
        }
    }
    fn walk(blocks: &[Block], out: &mut Vec<Arc<str>>) {
        for b in blocks {
            match b {
                Block::Paragraph(spans) | Block::Pre(spans) | Block::Heading { spans, .. } => {
                    for l in spans.iter().filter_map(|s| s.style.link.as_ref()) {
                        add(out, l);
                    }
                }
                Block::Image(i) => {
                    if let Some(l) = &i.link {
                        add(out, l);
                    }
                }
                Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                Block::Quote(inner) => walk(inner, out),
                Block::Table(rows) => rows.iter().flatten().for_each(|c| walk(&c.blocks, out)),
                Block::Rule => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.blocks, &mut out);
    out
}

struct Render<'a> {
    image_index: usize,
    images: &'a Shown,
    salt: usize,
    /// Inside a data table: cells are short and do not wrap (a wrapping
    /// label would make the grid's columns collapse).
    in_table: bool,
    /// An image asked for at full size.
    full_size: Option<usize>,
}

impl Render<'_> {
    fn blocks(&mut self, ui: &mut Ui, blocks: &[Block], quote: usize, out: &mut Vec<Intent>) {
        let mut rest = blocks;
        while let Some(first) = rest.first() {
            let run = remote_run(rest);
            if run > 0 {
                let (images, after) = rest.split_at(run);
                self.remote_images(ui, images, out);
                rest = after;
            } else {
                self.block(ui, first, quote, out);
                rest = &rest[1..];
            }
        }
    }

    /// Remote images side by side as small placeholders that wrap (a
    /// newsletter's header, a row of product pictures), rather than a column
    /// of boxes before the text.
    fn remote_images(&mut self, ui: &mut Ui, images: &[Block], out: &mut Vec<Intent>) {
        ui.horizontal_wrapped(|ui| {
            for block in images {
                if let Block::Image(image) = block {
                    remote_image_ui(ui, image, out);
                    self.image_index += 1;
                }
            }
        });
        ui.add_space(4.0);
    }

    fn block(&mut self, ui: &mut Ui, block: &Block, quote: usize, out: &mut Vec<Intent>) {
        match block {
            Block::Paragraph(spans) => {
                spans_ui(ui, spans, 1.0, self.in_table, out);
                ui.add_space(4.0);
            }
            Block::Heading { level, spans } => {
                let scale = match level {
                    1 => 1.6,
                    2 => 1.4,
                    3 => 1.2,
                    _ => 1.05,
                };
                ui.add_space(4.0);
                spans_ui(ui, spans, scale, self.in_table, out);
                ui.add_space(4.0);
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", start.saturating_add(i as u64))
                    } else {
                        "•".to_string()
                    };
                    ui.horizontal_top(|ui| {
                        ui.add_space(8.0);
                        ui.add_sized(
                            [18.0, ui.text_style_height(&egui::TextStyle::Body)],
                            egui::Label::new(marker),
                        );
                        ui.vertical(|ui| self.blocks(ui, item, quote, out));
                    });
                }
                ui.add_space(4.0);
            }
            Block::Quote(inner) => {
                let level = quote + 1;
                let resp = ui.horizontal_top(|ui| {
                    ui.add_space(12.0);
                    ui.vertical(|ui| self.blocks(ui, inner, level, out));
                });
                let rect = resp.response.rect;
                ui.painter().vline(
                    rect.left() + 4.0,
                    rect.y_range(),
                    egui::Stroke::new(3.0, quote_colour(level)),
                );
                ui.add_space(4.0);
            }
            Block::Pre(spans) => {
                spans_ui_as(ui, spans, 1.0, true, true, out);
                ui.add_space(4.0);
            }
            Block::Rule => {
                ui.separator();
            }
            Block::Table(rows) => {
                self.salt += 1;
                self.table(ui, rows, quote, out);
                ui.add_space(6.0);
            }
            Block::Image(image) => {
                let shown = self.images.get(self.image_index);
                if image_ui(ui, image, shown, out) {
                    self.full_size = Some(self.image_index);
                }
                self.image_index += 1;
            }
        }
    }

    fn table(&mut self, ui: &mut Ui, rows: &[Vec<Cell>], quote: usize, out: &mut Vec<Intent>) {
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let was = std::mem::replace(&mut self.in_table, true);
        egui::Grid::new(("rich-table", self.salt))
            .num_columns(columns)
            .striped(true)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for row in rows {
                    for cell in row {
                        ui.vertical(|ui| {
                            if cell.header {
                                ui.style_mut().override_text_style = Some(egui::TextStyle::Body);
                            }
                            self.blocks(ui, &cell.blocks, quote, out);
                        });
                    }
                    ui.end_row();
                }
            });
        self.in_table = was;
    }
}

/// One image (or its placeholder); `true` when it is asked for at full
/// size: a click on an image that is not a link, or "View full size" in its
/// context menu.
fn image_ui(
    ui: &mut Ui,
    image: &Image,
    shown: Option<&super::images::Slot>,
    out: &mut Vec<Intent>,
) -> bool {
    use super::images::Slot;
    let mut full = false;
    match shown {
        Some(Slot::Texture(texture)) => {
            let size = texture.size_vec2();
            let width = size.x.min(ui.available_width());
            let scale = if size.x > 0.0 { width / size.x } else { 1.0 };
            let resp = ui.add(
                egui::Image::new((texture.id(), size * scale))
                    .sense(Sense::click())
                    .alt_text(image.alt.clone()),
            );
            let resp = match &image.link {
                Some(link) => {
                    resp.on_hover_text(format!("{link}\n{}", crate::t!("reader-image-link-hint")))
                }
                None => resp.on_hover_text(crate::t!("reader-image-hint")),
            };
            if resp.clicked() {
                match &image.link {
                    Some(link) => out.push(Intent::AskOpenLink(link.to_string())),
                    None => full = true,
                }
            }
            resp.context_menu(|ui| {
                if ui.button(crate::t!("reader-view-full-size")).clicked() {
                    full = true;
                    ui.close();
                }
            });
        }
        other => {
            // (Remote images never come here: see `remote_images`.)
            let why = match other {
                Some(Slot::Failed(why)) => why.clone(),
                _ => crate::t!("reader-image-loading"),
            };
            let alt = if image.alt.is_empty() {
                crate::t!("reader-image-placeholder")
            } else {
                image.alt.clone()
            };
            egui::Frame::new()
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .corner_radius(3.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    let resp = ui.label(RichText::new(format!("🖼 {alt}")).italics());
                    ui.weak(why);
                    if let Some(link) = &image.link
                        && resp.interact(Sense::click()).clicked()
                    {
                        out.push(Intent::AskOpenLink(link.to_string()));
                    }
                });
        }
    }
    ui.add_space(4.0);
    full
}

fn is_remote_image(block: &Block) -> bool {
    matches!(block, Block::Image(i) if matches!(i.source, ImageSource::Remote(_)))
}

/// How many blocks from the start of `blocks` are remote images.
fn remote_run(blocks: &[Block]) -> usize {
    blocks.iter().take_while(|b| is_remote_image(b)).count()
}

/// A remote image's placeholder: one small line with its alt text (cut to
/// the line), "remote image not loaded" on hover, its link clickable.
fn remote_image_ui(ui: &mut Ui, image: &Image, out: &mut Vec<Intent>) {
    let text = format!("🖼 {}", image.alt).trim_end().to_string();
    // A label (its size is known before it is placed, so the row wraps)
    // on a faint background, not a frame.
    let chip = RichText::new(text)
        .italics()
        .weak()
        .background_color(ui.visuals().faint_bg_color);
    let resp = ui.add(egui::Label::new(chip).truncate());
    let hint = match &image.link {
        Some(link) => format!("{}\n{link}", crate::t!("reader-remote-image")),
        None => crate::t!("reader-remote-image"),
    };
    let resp = resp.interact(Sense::click()).on_hover_text(hint);
    if let Some(link) = &image.link
        && resp.clicked()
    {
        out.push(Intent::AskOpenLink(link.to_string()));
    }
}

/// One paragraph: a `LayoutJob` of its spans, links clickable.
fn spans_ui(ui: &mut Ui, spans: &[Span], scale: f32, nowrap: bool, out: &mut Vec<Intent>) {
    spans_ui_as(ui, spans, scale, false, nowrap, out);
}

fn spans_ui_as(
    ui: &mut Ui,
    spans: &[Span],
    scale: f32,
    mono: bool,
    nowrap: bool,
    out: &mut Vec<Intent>,
) {
    let width = if nowrap || mono {
        f32::INFINITY
    } else {
        ui.available_width()
    };
    let (mut job, links) = spans_job(ui, spans, scale, mono, width);
    // Right-to-left paragraphs are right-aligned (their order is kept).
    let rtl = width.is_finite() && crate::ui::fonts::right_to_left(&job.text);
    if rtl {
        job.halign = egui::Align::RIGHT;
    }
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let label = egui::Label::new(Arc::clone(&galley))
        .selectable(true)
        .sense(Sense::click());
    let resp = if rtl {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| ui.add(label))
            .inner
    } else {
        ui.add(label)
    };
    if links.is_empty() {
        return;
    }
    let origin = if rtl {
        resp.rect.right_top()
    } else {
        resp.rect.min
    };
    let link_at = |pos: Option<egui::Pos2>| -> Option<&Arc<str>> {
        let p = pos? - origin;
        let c = galley.cursor_from_pos(p).index.0;
        let byte = galley
            .job
            .text
            .char_indices()
            .nth(c)
            .map_or(galley.job.text.len(), |(b, _)| b);
        links
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
        out.push(Intent::AskOpenLink(url.to_string()));
    }
}

/// Byte ranges of a job's text and the link targets they show.
type Links = Vec<(Range<usize>, Arc<str>)>;

/// Builds the `LayoutJob` of a paragraph and the byte ranges of its links.
fn spans_job(ui: &Ui, spans: &[Span], scale: f32, mono: bool, width: f32) -> (LayoutJob, Links) {
    let visuals = ui.visuals();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let mono_font = egui::TextStyle::Monospace.resolve(ui.style());
    let bg = visuals.panel_fill;
    let theme_bg = Rgb(bg.r(), bg.g(), bg.b());
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let mut links = Vec::new();
    for span in spans {
        let style = &span.style;
        let size = if style.mono || mono {
            mono_font.size
        } else {
            body.size
        } * scale;
        let family = if style.mono || mono {
            mono_font.family.clone()
        } else {
            body.family.clone()
        };
        let mut colour = match style.colour {
            Some(c) => {
                let c = c.legible_on(theme_bg);
                Color32::from_rgb(c.0, c.1, c.2)
            }
            None => visuals.text_color(),
        };
        if style.link.is_some() {
            colour = visuals.hyperlink_color;
        }
        if style.bold || scale > 1.0 {
            colour = if style.colour.is_some() || style.link.is_some() {
                colour
            } else {
                visuals.strong_text_color()
            };
        }
        let mut format = TextFormat {
            font_id: FontId::new(size, family),
            color: colour,
            italics: style.italic,
            ..Default::default()
        };
        if style.underline || style.link.is_some() {
            format.underline = egui::Stroke::new(1.0, colour);
        }
        if style.strike {
            format.strikethrough = egui::Stroke::new(1.0, colour);
        }
        let start = job.text.len();
        job.append(&span.text, 0.0, format);
        if let Some(link) = &style.link {
            links.push((start..job.text.len(), Arc::clone(link)));
        }
    }
    (job, links)
}

//! DOM → [`Block`]s: the walk that decides structure, style and what is hidden.
//!
//! Inline content accumulates into the current paragraph; a block element
//! closes it. Tables are classified: a *data* table (header cells, a border,
//! or a grid of short cells) keeps its rows and columns; a *layout* table (the
//! scaffolding of newsletters: nested tables, `role=presentation`, one
//! column, long or image cells) is read cell by cell in document order.

use std::sync::Arc;

use super::css::{self, Declared};
use super::dom::{Dom, Kind};
use super::names::{is_block, never_shown};
use super::source::image_source;
use super::{
    Block, Cell, Document, Image, ImageSource, MAX_BLOCKS, MAX_DEPTH, MAX_TEXT, Rgb, Span, Style,
};

/// Colours closer than this (sum of channel differences) count as the same.
const SAME_COLOUR: u32 = 24;
/// A data-table cell holds at most this much text.
const DATA_CELL_TEXT: usize = 160;

pub(super) fn build(dom: &Dom) -> Document {
    let mut b = Builder {
        sheet: css::Sheet::parse(&dom.style_text(css::MAX_SHEET)),
        dom,
        remote: 0,
        text: 0,
        blocks: 0,
        truncated: false,
        page_background: None,
    };
    let mut out = Vec::new();
    let mut para = Vec::new();
    let ctx = Ctx::default();
    b.flow(0, &ctx, 0, &mut out, &mut para);
    b.flush(&mut out, &mut para);
    Document {
        blocks: out,
        remote_images: b.remote,
        truncated: b.truncated,
        background: b.page_background,
    }
}

#[derive(Debug, Clone, Default)]
struct Ctx {
    style: Style,
    /// The nearest background colour (inherited through ancestors).
    background: Option<Rgb>,
    pre: bool,
}

struct Builder<'d> {
    dom: &'d Dom,
    /// What the document's `<style>` blocks hide.
    sheet: css::Sheet,
    remote: usize,
    text: usize,
    blocks: usize,
    truncated: bool,
    page_background: Option<Rgb>,
}

impl Builder<'_> {
    fn budget_left(&mut self) -> bool {
        if self.text > MAX_TEXT || self.blocks > MAX_BLOCKS {
            self.truncated = true;
            return false;
        }
        true
    }

    fn push(&mut self, out: &mut Vec<Block>, block: Block) {
        self.blocks += 1;
        out.push(block);
    }

    /// Ends the current paragraph: trims it and keeps it if it has text.
    fn flush(&mut self, out: &mut Vec<Block>, para: &mut Vec<Span>) {
        let spans = trim_spans(std::mem::take(para));
        if !spans.is_empty() {
            self.push(out, Block::Paragraph(spans));
        }
    }

    fn add_text(&mut self, text: &str, ctx: &Ctx, para: &mut Vec<Span>) {
        let mut s = String::with_capacity(text.len());
        if ctx.pre {
            s.push_str(text);
        } else {
            let mut space = para
                .last()
                .is_none_or(|l: &Span| l.text.ends_with([' ', '\n']));
            for c in text.chars() {
                if c.is_whitespace() && c != '\u{a0}' {
                    if !space {
                        s.push(' ');
                        space = true;
                    }
                } else {
                    s.push(if c == '\u{a0}' { ' ' } else { c });
                    space = false;
                }
            }
        }
        // Zero-width joiners of preheader padding are not text worth a span.
        s.retain(|c| {
            !matches!(
                c,
                '\u{200c}' | '\u{200b}' | '\u{feff}' | '\u{34f}' | '\u{ad}'
            )
        });
        if s.is_empty() {
            return;
        }
        self.text += s.len();
        match para.last_mut() {
            Some(last) if last.style == ctx.style => last.text.push_str(&s),
            _ => para.push(Span {
                text: s,
                style: ctx.style.clone(),
            }),
        }
    }

    /// Text of a subtree deeper than [`MAX_DEPTH`], read with an explicit
    /// stack: no recursion, hidden parts still skipped.
    fn flat_text(&mut self, node: usize, ctx: &Ctx, para: &mut Vec<Span>) {
        let mut stack = vec![node];
        while let Some(id) = stack.pop() {
            if !self.budget_left() {
                return;
            }
            let Some(n) = self.dom.nodes.get(id) else {
                continue;
            };
            match &n.kind {
                Kind::Text(t) => self.add_text(t, ctx, para),
                Kind::Element { name, .. } => {
                    if never_shown(name) || self.declared(id).hidden {
                        continue;
                    }
                    if is_block(name) || name == "br" {
                        self.add_text(" ", ctx, para);
                    }
                    stack.extend(n.children.iter().rev());
                }
                _ => stack.extend(n.children.iter().rev()),
            }
        }
    }

    fn declared(&self, id: usize) -> Declared {
        let mut d = self
            .dom
            .attr(id, "style")
            .map(css::parse_style)
            .unwrap_or_default();
        if self.dom.attr(id, "hidden").is_some() {
            d.hidden = true;
        }
        if let Some(super::dom::Node {
            kind: Kind::Element { name, .. },
            ..
        }) = self.dom.nodes.get(id)
            && self
                .sheet
                .hides(name, self.dom.attr(id, "class"), self.dom.attr(id, "id"))
        {
            d.hidden = true;
        }
        if d.colour.is_none() {
            d.colour = self.dom.attr(id, "color").and_then(css::parse_colour);
        }
        if d.background.is_none() {
            d.background = self.dom.attr(id, "bgcolor").and_then(css::parse_colour);
        }
        d
    }

    /// The context inside element `id` named `name`, or `None` when hidden.
    fn enter(&mut self, id: usize, name: &str, ctx: &Ctx) -> Option<Ctx> {
        let d = self.declared(id);
        if d.hidden {
            return None;
        }
        let mut c = ctx.clone();
        match name {
            "b" | "strong" => c.style.bold = true,
            "i" | "em" | "cite" | "var" | "dfn" => c.style.italic = true,
            "u" | "ins" => c.style.underline = true,
            "s" | "strike" | "del" => c.style.strike = true,
            "code" | "tt" | "kbd" | "samp" => c.style.mono = true,
            "th" | "dt" => c.style.bold = true,
            "pre" => {
                c.style.mono = true;
                c.pre = true;
            }
            "a" => {
                if let Some(href) = self.dom.attr(id, "href").map(str::trim)
                    && !href.is_empty()
                    && !href.starts_with('#')
                {
                    c.style.link = Some(Arc::from(href));
                }
            }
            _ => {}
        }
        if let Some(b) = d.bold {
            c.style.bold = b;
        }
        if let Some(i) = d.italic {
            c.style.italic = i;
        }
        if let Some(u) = d.underline {
            c.style.underline = u;
        }
        if let Some(s) = d.strike {
            c.style.strike = s;
        }
        c.style.mono |= d.mono;
        if let Some(bg) = d.background {
            c.background = Some(bg);
            c.style.background = Some(bg);
            if matches!(name, "body" | "html") || self.page_background.is_none() && name == "table"
            {
                self.page_background.get_or_insert(bg);
            }
        }
        if let Some(fg) = d.colour {
            c.style.colour = Some(fg);
        }
        // Text the colour of what is behind it is meant not to be seen.
        let behind = c.background.unwrap_or(Rgb(255, 255, 255));
        if d.colour.is_some() && c.style.colour.is_some_and(|fg| same_colour(fg, behind)) {
            return None;
        }
        Some(c)
    }

    fn flow(
        &mut self,
        node: usize,
        ctx: &Ctx,
        depth: usize,
        out: &mut Vec<Block>,
        para: &mut Vec<Span>,
    ) {
        let Some(n) = self.dom.nodes.get(node) else {
            return;
        };
        for &child in &n.children {
            if !self.budget_left() {
                return;
            }
            let Some(c) = self.dom.nodes.get(child) else {
                continue;
            };
            match &c.kind {
                Kind::Text(t) => self.add_text(t, ctx, para),
                Kind::Element { name, .. } => self.element(child, name, ctx, depth + 1, out, para),
                Kind::Document => self.flow(child, ctx, depth + 1, out, para),
                Kind::Inert => {}
            }
        }
    }

    fn element(
        &mut self,
        id: usize,
        name: &str,
        ctx: &Ctx,
        depth: usize,
        out: &mut Vec<Block>,
        para: &mut Vec<Span>,
    ) {
        if never_shown(name) {
            return;
        }
        let Some(inner) = self.enter(id, name, ctx) else {
            return;
        };
        if depth > MAX_DEPTH {
            self.truncated = true;
            self.flat_text(id, &inner, para);
            return;
        }
        match name {
            "br" => self.add_text_raw("\n", &inner, para),
            "hr" => {
                self.flush(out, para);
                self.push(out, Block::Rule);
            }
            "img" => {
                let image = self.image(id, &inner);
                if let Some(image) = image {
                    self.flush(out, para);
                    self.push(out, Block::Image(image));
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush(out, para);
                let level = name.get(1..).and_then(|l| l.parse().ok()).unwrap_or(1);
                let mut inner_blocks = Vec::new();
                let mut spans = Vec::new();
                let mut heading = inner.clone();
                heading.style.bold = true;
                self.flow(id, &heading, depth, &mut inner_blocks, &mut spans);
                let spans = trim_spans(spans);
                if !spans.is_empty() {
                    self.push(out, Block::Heading { level, spans });
                }
                out.extend(inner_blocks);
            }
            "ul" | "ol" | "menu" => {
                self.flush(out, para);
                let start = self
                    .dom
                    .attr(id, "start")
                    .and_then(|s| s.trim().parse().ok())
                    .unwrap_or(1);
                let items = self.list_items(id, &inner, depth);
                if !items.is_empty() {
                    self.push(
                        out,
                        Block::List {
                            ordered: name == "ol",
                            start,
                            items,
                        },
                    );
                }
            }
            "blockquote" => {
                self.flush(out, para);
                let blocks = self.blocks_of(id, &inner, depth);
                if !blocks.is_empty() {
                    self.push(out, Block::Quote(blocks));
                }
            }
            "pre" | "listing" | "xmp" | "plaintext" => {
                self.flush(out, para);
                let mut blocks = Vec::new();
                let mut spans = Vec::new();
                self.flow(id, &inner, depth, &mut blocks, &mut spans);
                // A leading newline right after <pre> is not content.
                if let Some(first) = spans.first_mut()
                    && first.text.starts_with('\n')
                {
                    first.text.remove(0);
                }
                if spans.iter().any(|s| !s.text.trim().is_empty()) {
                    self.push(out, Block::Pre(spans));
                }
                out.extend(blocks);
            }
            "table" => {
                self.flush(out, para);
                self.table(id, &inner, depth, out);
            }
            _ if is_block(name) || name.starts_with('h') && name.len() == 2 => {
                self.flush(out, para);
                self.flow(id, &inner, depth, out, para);
                self.flush(out, para);
            }
            _ => self.flow(id, &inner, depth, out, para),
        }
    }

    /// A line break: kept even where whitespace collapses.
    fn add_text_raw(&mut self, text: &str, ctx: &Ctx, para: &mut Vec<Span>) {
        let pre = Ctx {
            pre: true,
            ..ctx.clone()
        };
        self.add_text(text, &pre, para);
    }

    fn blocks_of(&mut self, id: usize, ctx: &Ctx, depth: usize) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut para = Vec::new();
        self.flow(id, ctx, depth, &mut blocks, &mut para);
        self.flush(&mut blocks, &mut para);
        blocks
    }

    fn list_items(&mut self, id: usize, ctx: &Ctx, depth: usize) -> Vec<Vec<Block>> {
        let mut items: Vec<Vec<Block>> = Vec::new();
        let children = self
            .dom
            .nodes
            .get(id)
            .map(|n| n.children.clone())
            .unwrap_or_default();
        for child in children {
            let Some(c) = self.dom.nodes.get(child) else {
                continue;
            };
            match &c.kind {
                Kind::Element { name, .. } if name == "li" => {
                    let Some(inner) = self.enter(child, name, ctx) else {
                        continue;
                    };
                    let blocks = self.blocks_of(child, &inner, depth + 1);
                    items.push(blocks);
                }
                Kind::Element { name, .. } => {
                    // Stray content (a nested list outside any li) joins the last item.
                    let mut blocks = Vec::new();
                    let mut para = Vec::new();
                    self.element(child, name, ctx, depth + 1, &mut blocks, &mut para);
                    self.flush(&mut blocks, &mut para);
                    match items.last_mut() {
                        Some(last) => last.extend(blocks),
                        None if !blocks.is_empty() => items.push(blocks),
                        None => {}
                    }
                }
                Kind::Text(t) if !t.trim().is_empty() => {
                    let mut para = Vec::new();
                    self.add_text(t, ctx, &mut para);
                    let spans = trim_spans(para);
                    if !spans.is_empty() {
                        items.push(vec![Block::Paragraph(spans)]);
                    }
                }
                _ => {}
            }
        }
        items
    }

    fn image(&mut self, id: usize, ctx: &Ctx) -> Option<Image> {
        let src = self.dom.attr(id, "src").unwrap_or_default().trim();
        let alt = self
            .dom
            .attr(id, "alt")
            .or_else(|| self.dom.attr(id, "title"))
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let dim = |key: &str| -> Option<u32> {
            let v = self.dom.attr(id, key)?.trim().trim_end_matches("px");
            v.parse().ok()
        };
        let size = dim("width").zip(dim("height"));
        let source = image_source(src);
        if let ImageSource::Remote(_) = source {
            self.remote += 1;
            // Tracking pixels and spacers carry nothing to show.
            if alt.is_empty() && size.is_some_and(|(w, h)| w <= 3 || h <= 3) {
                return None;
            }
        }
        if src.is_empty() && alt.is_empty() {
            return None;
        }
        self.text += alt.len() + src.len().min(256);
        Some(Image {
            alt,
            source,
            link: ctx.style.link.clone(),
            size,
        })
    }

    fn table(&mut self, id: usize, ctx: &Ctx, depth: usize, out: &mut Vec<Block>) {
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut pending = vec![(id, depth)];
        // Rows may sit directly in the table or in thead/tbody/tfoot.
        let mut row_ids = Vec::new();
        while let Some((node, d)) = pending.pop() {
            let children = self
                .dom
                .nodes
                .get(node)
                .map(|n| n.children.clone())
                .unwrap_or_default();
            for child in children.into_iter().rev() {
                if let Some(Kind::Element { name, .. }) = self.dom.nodes.get(child).map(|n| &n.kind)
                {
                    match name.as_str() {
                        "tr" => row_ids.push((child, d + 1)),
                        "thead" | "tbody" | "tfoot" if d < depth + 3 => {
                            pending.push((child, d + 1))
                        }
                        "caption" => {
                            let mut para = Vec::new();
                            self.element(child, name, ctx, d + 1, out, &mut para);
                            self.flush(out, &mut para);
                        }
                        _ => {}
                    }
                }
            }
        }
        row_ids.reverse();
        let presentation = self
            .dom
            .attr(id, "role")
            .is_some_and(|r| r.eq_ignore_ascii_case("presentation"));
        let bordered = self
            .dom
            .attr(id, "border")
            .and_then(|b| b.trim().parse::<u32>().ok())
            .is_some_and(|b| b > 0);
        let mut any_header = false;
        for (row, d) in row_ids {
            let Some(row_ctx) = self.enter(row, "tr", ctx) else {
                continue;
            };
            let cells_ids = self
                .dom
                .nodes
                .get(row)
                .map(|n| n.children.clone())
                .unwrap_or_default();
            let mut cells = Vec::new();
            for cell in cells_ids {
                let Some(Kind::Element { name, .. }) = self.dom.nodes.get(cell).map(|n| &n.kind)
                else {
                    continue;
                };
                if name != "td" && name != "th" {
                    continue;
                }
                let header = name == "th";
                let Some(cell_ctx) = self.enter(cell, name, &row_ctx) else {
                    continue;
                };
                any_header |= header;
                let blocks = self.blocks_of(cell, &cell_ctx, d + 1);
                cells.push(Cell { header, blocks });
            }
            if cells.iter().any(|c| !c.blocks.is_empty()) {
                rows.push(cells);
            }
        }
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let simple_cells = rows.iter().flatten().all(|c| is_simple_cell(&c.blocks));
        let data = !presentation
            && columns >= 2
            && simple_cells
            && (any_header || bordered || rows.len() >= 2);
        if data {
            self.push(out, Block::Table(rows));
        } else {
            for cell in rows.into_iter().flatten() {
                out.extend(cell.blocks);
            }
        }
    }
}

/// A cell a data table can hold: at most one short paragraph or heading.
fn is_simple_cell(blocks: &[Block]) -> bool {
    match blocks {
        [] => true,
        [Block::Paragraph(spans)] | [Block::Heading { spans, .. }] => {
            spans.iter().map(|s| s.text.len()).sum::<usize>() <= DATA_CELL_TEXT
        }
        _ => false,
    }
}

fn same_colour(a: Rgb, b: Rgb) -> bool {
    let d = |x: u8, y: u8| u32::from(x.abs_diff(y));
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2) < SAME_COLOUR
}

/// Drops leading/trailing whitespace of a paragraph, and the paragraph if
/// nothing else is left.
fn trim_spans(mut spans: Vec<Span>) -> Vec<Span> {
    while let Some(first) = spans.first_mut() {
        let t = first.text.trim_start_matches([' ', '\n']);
        if t.is_empty() {
            spans.remove(0);
        } else {
            first.text = t.to_string();
            break;
        }
    }
    while let Some(last) = spans.last_mut() {
        let t = last.text.trim_end_matches([' ', '\n']);
        if t.is_empty() {
            spans.pop();
        } else {
            last.text.truncate(t.len());
            break;
        }
    }
    spans
}

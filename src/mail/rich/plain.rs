//! The rich model as clean plain text, for `popmail show` and for anything
//! that wants words: no markup, no entities, no `**`/`[..]` artifacts.
//!
//! Paragraphs are wrapped to a width (in terminal columns, Unicode East Asian
//! widths counted by `unicode-width`), lists get bullets or numbers, quotes
//! get `> `, data tables keep their columns, images show as `(image: alt)`.
//! Linked text gets a superscript number; the targets are listed at the end.

use std::fmt::Write as _;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{Block, Cell, Document, ImageSource, Span};

/// Renders `doc` as text wrapped at `width` columns (at least 20).
pub fn to_plain(doc: &Document, width: usize) -> String {
    let mut r = Renderer {
        links: Vec::new(),
        width: width.max(20),
    };
    let mut out = String::new();
    if doc.remote_images > 0 {
        out.push_str(&format!(
            "({} remote image{} not loaded)\n\n",
            doc.remote_images,
            if doc.remote_images == 1 { "" } else { "s" }
        ));
    }
    r.blocks(&doc.blocks, "", &mut out);
    let body_end = out.trim_end().len();
    out.truncate(body_end);
    out.push('\n');
    if !r.links.is_empty() {
        out.push_str("\nLinks:\n");
        for (i, link) in r.links.iter().enumerate() {
            // Writing to a String cannot fail.
            let _ = writeln!(out, "{:>3}. {link}", i + 1); // a String cannot fail
        }
    }
    out
}

struct Renderer {
    links: Vec<String>,
    width: usize,
}

const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .filter_map(|d| d.to_digit(10).and_then(|d| SUPERSCRIPT.get(d as usize)))
        .collect()
}

impl Renderer {
    /// The text of spans, with link numbers after linked runs.
    fn inline(&mut self, spans: &[Span]) -> String {
        let mut s = String::new();
        for (i, span) in spans.iter().enumerate() {
            s.push_str(&span.text);
            let Some(link) = &span.style.link else {
                continue;
            };
            let next_same = spans
                .get(i + 1)
                .is_some_and(|n| n.style.link.as_ref() == Some(link));
            if next_same {
                continue;
            }
            let target = link.strip_prefix("mailto:").unwrap_or(link);
            if span.text.trim() == target || span.text.trim() == &**link {
                continue;
            }
            s.push_str(&self.number(link));
        }
        s
    }

    /// The superscript number of `link` in the list at the end.
    fn number(&mut self, link: &str) -> String {
        let n = match self.links.iter().position(|l| l == link) {
            Some(p) => p + 1,
            None => {
                self.links.push(link.to_string());
                self.links.len()
            }
        };
        superscript(n)
    }

    fn blocks(&mut self, blocks: &[Block], prefix: &str, out: &mut String) {
        for block in blocks {
            self.block(block, prefix, out);
        }
    }

    fn block(&mut self, block: &Block, prefix: &str, out: &mut String) {
        let avail = self.width.saturating_sub(prefix.width()).max(10);
        match block {
            Block::Paragraph(spans) => {
                let text = self.inline(spans);
                wrap_into(&text, prefix, prefix, avail, out);
                out.push_str(prefix.trim_end());
                out.push('\n');
            }
            Block::Heading { spans, .. } => {
                let text = self.inline(spans);
                wrap_into(&text, prefix, prefix, avail, out);
                out.push_str(prefix.trim_end());
                out.push('\n');
            }
            Block::List {
                ordered,
                start,
                items,
            } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}. ", start.saturating_add(i as u64))
                    } else {
                        "• ".to_string()
                    };
                    let first = format!("{prefix}  {marker}");
                    let rest = format!("{prefix}  {}", " ".repeat(marker.width()));
                    let mut item_out = String::new();
                    self.blocks(item, &rest, &mut item_out);
                    // Blank lines between an item's paragraphs only.
                    let body = item_out.trim_end_matches('\n');
                    let mut lines = body.lines().filter(|l| !l.trim().is_empty());
                    if let Some(l) = lines.next() {
                        out.push_str(&first);
                        out.push_str(l.strip_prefix(rest.as_str()).unwrap_or(l.trim_start()));
                        out.push('\n');
                    }
                    for l in lines {
                        out.push_str(l);
                        out.push('\n');
                    }
                }
                out.push_str(prefix.trim_end());
                out.push('\n');
            }
            Block::Quote(inner) => {
                let p = format!("{prefix}> ");
                self.blocks(inner, &p, out);
            }
            Block::Pre(spans) => {
                let text = self.inline(spans);
                for line in text.lines() {
                    out.push_str(prefix);
                    out.push_str(line);
                    out.push('\n');
                }
                out.push_str(prefix.trim_end());
                out.push('\n');
            }
            Block::Rule => {
                out.push_str(prefix);
                out.push_str(&"—".repeat(avail.min(40) / 2));
                out.push_str("\n\n");
            }
            Block::Table(rows) => {
                self.table(rows, prefix, avail, out);
                out.push_str(prefix.trim_end());
                out.push('\n');
            }
            Block::Image(image) => {
                let what = match &image.source {
                    ImageSource::Remote(_) => "remote image",
                    _ => "image",
                };
                let mut text = if image.alt.is_empty() {
                    format!("({what})")
                } else {
                    format!("({what}: {})", image.alt)
                };
                if let Some(link) = &image.link {
                    text.push_str(&self.number(link));
                }
                wrap_into(&text, prefix, prefix, avail, out);
                out.push_str(prefix.trim_end());
                out.push('\n');
            }
        }
    }

    fn table(&mut self, rows: &[Vec<Cell>], prefix: &str, avail: usize, out: &mut String) {
        let texts: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|c| {
                        let mut s = String::new();
                        for b in &c.blocks {
                            if let Block::Paragraph(sp) | Block::Heading { spans: sp, .. } = b {
                                if !s.is_empty() {
                                    s.push(' ');
                                }
                                s.push_str(&self.inline(sp).replace('\n', " "));
                            }
                        }
                        s
                    })
                    .collect()
            })
            .collect();
        let columns = texts.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let gap = 2;
        let share = (avail.saturating_sub(gap * (columns - 1)) / columns).max(6);
        let mut widths = vec![0usize; columns];
        for row in &texts {
            for (w, t) in widths.iter_mut().zip(row) {
                *w = (*w).max(t.width()).min(share.max(*w));
            }
        }
        // Give back what narrow columns do not use.
        let total: usize = widths.iter().sum::<usize>() + gap * (columns - 1);
        if total > avail {
            for w in &mut widths {
                *w = (*w).min(share);
            }
        }
        for row in &texts {
            let wrapped: Vec<Vec<String>> = widths
                .iter()
                .enumerate()
                .map(|(i, &w)| wrap_lines(row.get(i).map_or("", String::as_str), w.max(1)))
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            for line in 0..height {
                let mut l = String::from(prefix);
                for (i, col) in wrapped.iter().enumerate() {
                    let cell = col.get(line).map_or("", String::as_str);
                    l.push_str(cell);
                    if i + 1 < columns {
                        let w = widths.get(i).copied().unwrap_or(0);
                        l.push_str(&" ".repeat(w.saturating_sub(cell.width()) + gap));
                    }
                }
                out.push_str(l.trim_end());
                out.push('\n');
            }
        }
    }
}

/// Wraps `text` (which may hold `\n`) into lines of at most `width` columns.
fn wrap_lines(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let ww = word.width();
            if line_w > 0 && line_w + 1 + ww > width {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
            }
            if ww > width {
                // A word wider than the line (a URL, CJK text) is cut by columns.
                for c in word.chars() {
                    let cw = c.width().unwrap_or(0);
                    if line_w + cw > width && line_w > 0 {
                        lines.push(std::mem::take(&mut line));
                        line_w = 0;
                    }
                    line.push(c);
                    line_w += cw;
                }
                continue;
            }
            if line_w > 0 {
                line.push(' ');
                line_w += 1;
            }
            line.push_str(word);
            line_w += ww;
        }
        lines.push(line);
    }
    lines
}

fn wrap_into(text: &str, first: &str, rest: &str, width: usize, out: &mut String) {
    for (i, line) in wrap_lines(text, width).iter().enumerate() {
        out.push_str(if i == 0 { first } else { rest });
        out.push_str(line);
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
}

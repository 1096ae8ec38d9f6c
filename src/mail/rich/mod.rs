//! The rich HTML model: HTML mail → blocks of styled spans that the window
//! lays out with egui and the command line prints as clean text.
//!
//! HTML is parsed by html5ever, which implements the WHATWG HTML parsing
//! algorithm (<https://html.spec.whatwg.org/multipage/parsing.html>), into a
//! flat arena ([`dom`]). The builder ([`build`]) walks it into [`Block`]s:
//! paragraphs, headings, nested lists, block quotes, preformatted text, rules,
//! tables and images. Spans carry bold, italic, underline, strike, monospace,
//! a link target and colours (from inline CSS, [`css`]).
//!
//! Safety, the same as the flattened text it replaces:
//! - nothing is fetched: a remote image is a placeholder with its alt text,
//!   and counted ([`Document::remote_images`]); there is no network code here;
//! - text hidden with CSS (`display:none`, `visibility:hidden`, zero font
//!   size, text the colour of its background, `mso-hide:all`) or the `hidden`
//!   attribute is dropped, so preheaders and phishing filler never show;
//! - hostile input costs bounded time and memory: input is cut at
//!   [`MAX_HTML_INPUT`], structure deeper than [`MAX_DEPTH`] is read as plain
//!   text without recursion, and output stops at [`MAX_TEXT`] bytes and
//!   [`MAX_BLOCKS`] blocks ([`Document::truncated`]).
//!
//! Images: `cid:` references (RFC 2392) are resolved by the caller against the
//! message's parts, `data:` URIs (RFC 2397) are decoded here; pixels are
//! decoded by [`images`] under per-image and per-message limits.

mod build;
mod css;
mod dom;
pub mod images;
mod names;
mod plain;
mod source;

use std::sync::Arc;

pub use plain::to_plain;

/// Most bytes of HTML read (the rest is cut, and the document says so).
pub const MAX_HTML_INPUT: usize = 2 * 1024 * 1024;
/// Deepest element nesting parsed at all: input past the point where more
/// elements are open is cut (as browsers cap depth; see `dom::depth_cut`).
pub const MAX_PARSE_DEPTH: usize = 512;
/// Deepest element nesting read as structure; deeper content is plain text.
pub const MAX_DEPTH: usize = 128;
/// Most bytes of text in one document.
pub const MAX_TEXT: usize = 4 * 1024 * 1024;
/// Most blocks in one document.
pub const MAX_BLOCKS: usize = 50_000;
/// Most bytes of one `data:` URI image kept.
pub const MAX_DATA_URI_BYTES: usize = 4 * 1024 * 1024;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// From `0xRRGGBB`.
    pub fn from_u32(n: u32) -> Self {
        Rgb(
            ((n >> 16) & 0xff) as u8,
            ((n >> 8) & 0xff) as u8,
            (n & 0xff) as u8,
        )
    }

    /// WCAG 2.x relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f32 {
        let lin = |c: u8| {
            let c = f32::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG 2.x contrast ratio with `other`, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f32 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// This colour if it reads on `background` (contrast ≥ 3), else the
    /// nearest shade that does: blended towards white on dark backgrounds
    /// and towards black on light ones.
    pub fn legible_on(self, background: Rgb) -> Rgb {
        if self.contrast(background) >= 3.0 {
            return self;
        }
        let target = if background.luminance() < 0.5 {
            Rgb(255, 255, 255)
        } else {
            Rgb(0, 0, 0)
        };
        let mix = |a: u8, b: u8, t: f32| (f32::from(a) + (f32::from(b) - f32::from(a)) * t) as u8;
        for step in 1..=10 {
            let t = step as f32 / 10.0;
            let c = Rgb(
                mix(self.0, target.0, t),
                mix(self.1, target.1, t),
                mix(self.2, target.2, t),
            );
            if c.contrast(background) >= 3.0 {
                return c;
            }
        }
        target
    }
}

/// How a run of text looks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Style {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
    /// Struck through.
    pub strike: bool,
    /// Monospace (code, `tt`, monospace fonts).
    pub mono: bool,
    /// Link target, exactly as written in `href`.
    pub link: Option<Arc<str>>,
    /// Text colour chosen by the sender.
    pub colour: Option<Rgb>,
    /// Background colour chosen by the sender.
    pub background: Option<Rgb>,
}

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text (whitespace already collapsed, except in `pre`).
    pub text: String,
    /// Its style.
    pub style: Style,
}

/// Where an image's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageSource {
    /// `http:`, `https:` or any other URL: never fetched.
    Remote(String),
    /// `cid:` reference to a part of the message (RFC 2392), decoded.
    Cid(String),
    /// A `data:` URI's bytes and declared type.
    Data {
        /// The declared media type (may be empty).
        mime: String,
        /// The decoded bytes.
        bytes: Arc<[u8]>,
    },
    /// A source that cannot be shown, with the reason.
    Unusable(String),
}

/// An image in the flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// The `alt` text ("" when none).
    pub alt: String,
    /// Where its bytes are.
    pub source: ImageSource,
    /// The link around it, if any.
    pub link: Option<Arc<str>>,
    /// Declared width and height in CSS pixels, when given.
    pub size: Option<(u32, u32)>,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// A header cell (`th`).
    pub header: bool,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// One block of the flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of text (line breaks are `\n` inside spans).
    Paragraph(Vec<Span>),
    /// A heading, level 1–6.
    Heading {
        /// 1 for `h1` … 6 for `h6`.
        level: u8,
        /// Its text.
        spans: Vec<Span>,
    },
    /// A list; items hold blocks, so lists nest.
    List {
        /// Numbered (`ol`) or bulleted (`ul`).
        ordered: bool,
        /// The first number of an ordered list.
        start: u64,
        /// The items in order.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote(Vec<Block>),
    /// Preformatted text, shown in monospace with its line breaks.
    Pre(Vec<Span>),
    /// A horizontal rule.
    Rule,
    /// A data table: rows of cells, columns kept.
    Table(Vec<Vec<Cell>>),
    /// An image.
    Image(Image),
}

/// A rich HTML document ready to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// How many remote images were not loaded.
    pub remote_images: usize,
    /// Whether input or output limits cut the document.
    pub truncated: bool,
    /// The page background the sender chose (`body`/outer table), if any.
    pub background: Option<Rgb>,
}

impl Document {
    /// Builds the model from HTML. Never fails and never fetches anything.
    pub fn from_html(html: &str) -> Document {
        let mut cut = html.len().min(MAX_HTML_INPUT);
        while !html.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut input = html.get(..cut).unwrap_or_default();
        let deep = dom::depth_cut(input, MAX_PARSE_DEPTH);
        if deep < input.len() {
            input = input.get(..deep).unwrap_or(input);
            cut = deep;
        }
        let dom = dom::parse(input);
        let mut doc = build::build(&dom);
        doc.truncated |= cut < html.len();
        doc
    }

    /// Every image of the document in order, nested ones included.
    pub fn images(&self) -> Vec<&Image> {
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Image>) {
            for b in blocks {
                match b {
                    Block::Image(i) => out.push(i),
                    Block::List { items, .. } => items.iter().for_each(|i| walk(i, out)),
                    Block::Quote(inner) => walk(inner, out),
                    Block::Table(rows) => rows.iter().flatten().for_each(|c| walk(&c.blocks, out)),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.blocks, &mut out);
        out
    }
}

#[cfg(test)]
mod tests;

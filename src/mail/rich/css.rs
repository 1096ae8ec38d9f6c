//! The little CSS a mail reader needs from inline `style` attributes and
//! presentational attributes (CSS 2.1 §4.1.8 declarations, CSS Color 4 for
//! `#rgb`, `#rrggbb`, `rgb()` and named colours).
//!
//! Only what changes what is shown is read: whether text is hidden
//! (`display:none`, `visibility:hidden`, `font-size:0`, `mso-hide:all`,
//! `opacity:0`, `max-height:0` with `overflow:hidden`), weight, slant,
//! decoration, monospace families, text and background colours. Everything
//! else (and every URL, e.g. `background-image`) is ignored: nothing is fetched.
//!
//! `<style>` blocks ([`Sheet`], CSS 2.1 §4.1.7 rule sets, §5 selectors) are
//! read for one thing only: which elements they hide. Rules whose
//! declarations hide (the same test as for `style` attributes) are kept when
//! their selector is a simple compound one (`p`, `.pre`, `#x`, `td.hide`,
//! comma lists of those); rules inside at-rules (`@media` …), complex
//! selectors and everything else are ignored, so a sheet can only ever hide
//! text that a desktop browser would also hide. Sheets are cut at
//! [`MAX_SHEET`] bytes and [`MAX_HIDING_RULES`] selectors.

use super::Rgb;

/// What one element's declarations say.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Declared {
    /// The element and its content are not shown.
    pub hidden: bool,
    /// `font-weight` bold (or ≥ 600); `Some(false)` for normal.
    pub bold: Option<bool>,
    /// `font-style: italic|oblique`.
    pub italic: Option<bool>,
    /// `text-decoration` contains underline.
    pub underline: Option<bool>,
    /// `text-decoration` contains line-through.
    pub strike: Option<bool>,
    /// `font-family` names a monospace family.
    pub mono: bool,
    /// `color`.
    pub colour: Option<Rgb>,
    /// `background-color` (or a colour in `background`).
    pub background: Option<Rgb>,
}

/// Reads a `style` attribute.
pub(super) fn parse_style(style: &str) -> Declared {
    let mut d = Declared::default();
    let mut max_height_zero = false;
    let mut overflow_hidden = false;
    for decl in style.split(';') {
        let Some((prop, value)) = decl.split_once(':') else {
            continue;
        };
        let prop = prop.trim().to_ascii_lowercase();
        let value = value
            .trim()
            .trim_end_matches("!important")
            .trim()
            .to_ascii_lowercase();
        match prop.as_str() {
            "display" if value == "none" => d.hidden = true,
            "visibility" if value == "hidden" || value == "collapse" => d.hidden = true,
            "mso-hide" if value == "all" => d.hidden = true,
            "opacity" if is_zero(&value) => d.hidden = true,
            "font-size" if is_zero(&value) => d.hidden = true,
            "max-height" if is_zero(&value) => max_height_zero = true,
            "overflow" if value == "hidden" => overflow_hidden = true,
            "font-weight" => {
                d.bold = Some(
                    value == "bold"
                        || value == "bolder"
                        || value.parse::<u32>().is_ok_and(|w| w >= 600),
                )
            }
            "font-style" => d.italic = Some(value == "italic" || value == "oblique"),
            "text-decoration" | "text-decoration-line" => {
                d.underline = Some(value.contains("underline"));
                d.strike = Some(value.contains("line-through"));
            }
            "font-family" => d.mono = value.contains("mono") || value.contains("courier"),
            "font" => {
                d.mono = value.contains("mono") || value.contains("courier");
                if value.split_whitespace().any(|w| w == "bold") {
                    d.bold = Some(true);
                }
                if value.split_whitespace().any(|w| w == "italic") {
                    d.italic = Some(true);
                }
            }
            "color" => d.colour = parse_colour(&value),
            "background-color" => d.background = parse_colour(&value),
            "background" => {
                d.background = value.split_whitespace().find_map(parse_colour);
            }
            _ => {}
        }
    }
    if max_height_zero && overflow_hidden {
        d.hidden = true;
    }
    d
}

/// `0`, `0px`, `0pt`, `0em`, `0%`, `0.0`…
fn is_zero(value: &str) -> bool {
    let number: String = value
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-' || *c == '+')
        .collect();
    let unit = value.get(number.len()..).unwrap_or_default().trim();
    let known_unit = matches!(
        unit,
        "" | "px" | "pt" | "em" | "rem" | "%" | "ex" | "ch" | "vw" | "vh" | "cm" | "mm" | "in"
    );
    known_unit && number.parse::<f32>().is_ok_and(|n| n.abs() < 0.01)
}

/// `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(r, g, b)`, `rgba(...)` and common
/// names. `transparent` and anything unknown give `None`.
pub(super) fn parse_colour(value: &str) -> Option<Rgb> {
    let v = value.trim().to_ascii_lowercase();
    if let Some(hex) = v.strip_prefix('#') {
        return parse_hex(hex);
    }
    if let Some(args) = v
        .strip_prefix("rgba(")
        .or_else(|| v.strip_prefix("rgb("))
        .and_then(|a| a.strip_suffix(')'))
    {
        let parts: Vec<&str> = args
            .split(|c: char| c == ',' || c == '/' || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .collect();
        if let Some(alpha) = parts.get(3)
            && alpha
                .trim_end_matches('%')
                .parse::<f32>()
                .is_ok_and(|a| a == 0.0)
        {
            return None;
        }
        let channel = |i: usize| -> Option<u8> {
            let p = parts.get(i)?;
            let n = match p.strip_suffix('%') {
                Some(pc) => pc.parse::<f32>().ok()? * 2.55,
                None => p.parse::<f32>().ok()?,
            };
            Some(n.clamp(0.0, 255.0).round() as u8)
        };
        return Some(Rgb(channel(0)?, channel(1)?, channel(2)?));
    }
    let named = match v.as_str() {
        "black" => 0x000000,
        "white" => 0xffffff,
        "red" => 0xff0000,
        "green" => 0x008000,
        "lime" => 0x00ff00,
        "blue" => 0x0000ff,
        "navy" => 0x000080,
        "yellow" => 0xffff00,
        "orange" => 0xffa500,
        "purple" => 0x800080,
        "maroon" => 0x800000,
        "olive" => 0x808000,
        "teal" => 0x008080,
        "aqua" | "cyan" => 0x00ffff,
        "fuchsia" | "magenta" => 0xff00ff,
        "silver" => 0xc0c0c0,
        "gray" | "grey" => 0x808080,
        "darkgray" | "darkgrey" => 0xa9a9a9,
        "lightgray" | "lightgrey" => 0xd3d3d3,
        "darkblue" => 0x00008b,
        "darkred" => 0x8b0000,
        "darkgreen" => 0x006400,
        "whitesmoke" => 0xf5f5f5,
        _ => return None,
    };
    Some(Rgb::from_u32(named))
}

fn parse_hex(hex: &str) -> Option<Rgb> {
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit =
        |i: usize| -> Option<u8> { hex.get(i..=i).and_then(|d| u8::from_str_radix(d, 16).ok()) };
    match hex.len() {
        3 | 4 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
        6 | 8 => {
            if hex.len() == 8 && hex.get(6..8) == Some("00") {
                return None;
            }
            let n = u32::from_str_radix(hex.get(..6)?, 16).ok()?;
            Some(Rgb::from_u32(n))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hiding_declarations_are_recognised() {
        for style in [
            "display:none",
            "DISPLAY: none !important",
            "visibility:hidden",
            "font-size:0px",
            "font-size: 0",
            "mso-hide:all",
            "opacity:0",
            "max-height:0;overflow:hidden",
        ] {
            assert!(parse_style(style).hidden, "{style}");
        }
        for style in [
            "display:block",
            "font-size:10px",
            "max-height:0",
            "color:red",
        ] {
            assert!(!parse_style(style).hidden, "{style}");
        }
    }

    #[test]
    fn colours_parse_in_every_common_form() {
        assert_eq!(parse_colour("#fff"), Some(Rgb(255, 255, 255)));
        assert_eq!(parse_colour("#12AB34"), Some(Rgb(0x12, 0xab, 0x34)));
        assert_eq!(parse_colour("rgb(1, 2, 3)"), Some(Rgb(1, 2, 3)));
        assert_eq!(parse_colour("rgba(1,2,3,0)"), None);
        assert_eq!(parse_colour("White"), Some(Rgb(255, 255, 255)));
        assert_eq!(parse_colour("transparent"), None);
        assert_eq!(parse_colour("#xyz"), None);
    }

    #[test]
    fn weights_and_decorations() {
        let d = parse_style(
            "font-weight:700; font-style:italic; text-decoration: underline line-through; font-family: Courier New",
        );
        assert_eq!(d.bold, Some(true));
        assert_eq!(d.italic, Some(true));
        assert_eq!(d.underline, Some(true));
        assert_eq!(d.strike, Some(true));
        assert!(d.mono);
    }
}

/// Most bytes of `<style>` text read per document.
pub(super) const MAX_SHEET: usize = 256 * 1024;
/// Most hiding selectors kept per document.
pub(super) const MAX_HIDING_RULES: usize = 1000;

/// A simple compound selector: an optional type, classes, an optional id.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Compound {
    tag: Option<String>,
    classes: Vec<String>,
    id: Option<String>,
}

impl Compound {
    /// Parses `td.a.b`, `.pre`, `#x`; `None` for anything else.
    fn parse(sel: &str) -> Option<Compound> {
        let sel = sel.trim();
        if sel.is_empty() {
            return None;
        }
        let ident = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
        let tag_len = sel.find(['.', '#']).unwrap_or(sel.len());
        let tag = sel.get(..tag_len)?;
        if !tag.chars().all(ident) {
            return None;
        }
        let mut out = Compound {
            tag: (!tag.is_empty()).then(|| tag.to_ascii_lowercase()),
            classes: Vec::new(),
            id: None,
        };
        let mut rest = sel.get(tag_len..)?;
        while let Some(kind) = rest.chars().next() {
            let body = rest.get(1..)?;
            let len = body.find(['.', '#']).unwrap_or(body.len());
            let name = body.get(..len)?;
            if name.is_empty() || !name.chars().all(ident) {
                return None;
            }
            if kind == '.' {
                out.classes.push(name.to_string());
            } else {
                out.id = Some(name.to_string());
            }
            rest = body.get(len..)?;
        }
        Some(out)
    }

    fn matches(&self, tag: &str, classes: &[&str], id: Option<&str>) -> bool {
        self.tag.as_deref().is_none_or(|t| t == tag)
            && self.classes.iter().all(|c| classes.contains(&c.as_str()))
            && self.id.as_deref().is_none_or(|i| Some(i) == id)
    }
}

/// What the document's `<style>` blocks hide.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Sheet {
    hiding: Vec<Compound>,
}

impl Sheet {
    /// Reads the hiding rules of a style sheet's text.
    pub(super) fn parse(text: &str) -> Sheet {
        let mut cut = text.len().min(MAX_SHEET);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = strip_comments(text.get(..cut).unwrap_or_default());
        let mut sheet = Sheet::default();
        let mut rest = text.as_str();
        loop {
            rest = rest.trim_start();
            if rest.is_empty() || sheet.hiding.len() >= MAX_HIDING_RULES {
                break;
            }
            if rest.starts_with('@') {
                // An at-rule: up to its `;`, or its whole `{ … }` block.
                let semi = rest.find(';');
                let open = rest.find('{');
                rest = match (semi, open) {
                    (Some(s), Some(o)) if s < o => rest.get(s + 1..).unwrap_or_default(),
                    (_, Some(o)) => skip_block(rest, o),
                    (Some(s), None) => rest.get(s + 1..).unwrap_or_default(),
                    (None, None) => "",
                };
                continue;
            }
            let Some(open) = rest.find('{') else { break };
            let selectors = rest.get(..open).unwrap_or_default();
            let body_start = open + 1;
            let close = rest
                .get(body_start..)
                .and_then(|b| b.find('}'))
                .map_or(rest.len(), |c| body_start + c);
            let body = rest.get(body_start..close).unwrap_or_default();
            if parse_style(body).hidden {
                sheet
                    .hiding
                    .extend(selectors.split(',').filter_map(Compound::parse));
            }
            rest = rest.get(close + 1..).unwrap_or_default();
        }
        sheet.hiding.truncate(MAX_HIDING_RULES);
        sheet
    }

    /// Whether an element (`tag`, its `class` and `id` attributes) is hidden.
    pub(super) fn hides(&self, tag: &str, class: Option<&str>, id: Option<&str>) -> bool {
        if self.hiding.is_empty() {
            return false;
        }
        let classes: Vec<&str> = class
            .map(|c| c.split_ascii_whitespace().collect())
            .unwrap_or_default();
        self.hiding.iter().any(|c| c.matches(tag, &classes, id))
    }
}

/// The text after the `{ … }` block that opens at `open` (nested blocks
/// counted), or nothing when it never closes.
fn skip_block(s: &str, open: usize) -> &str {
    let mut depth = 0usize;
    for (i, c) in s.char_indices().skip_while(|(i, _)| *i < open) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return s.get(i + 1..).unwrap_or_default();
                }
            }
            _ => {}
        }
    }
    ""
}

/// `text` without `/* … */` comments.
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(rest.get(..start).unwrap_or_default());
        rest = rest
            .get(start + 2..)
            .and_then(|r| r.find("*/").map(|e| r.get(e + 2..).unwrap_or_default()))
            .unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod sheet_tests {
    use super::*;

    #[test]
    fn hiding_rules_of_simple_selectors_are_kept() {
        let sheet = Sheet::parse(
            "/* x */ .pre{display:none} p.a , #gone { font-size: 0 !important }\n\
             @media (max-width: 600px) { .mobile { display: none } }\n\
             .shown { color: red } div .deep { display:none } a:hover{display:none}\n\
             @import url(x.css); span.b.c{visibility:hidden}",
        );
        assert!(sheet.hides("div", Some("x pre"), None));
        assert!(sheet.hides("p", Some("a"), None));
        assert!(!sheet.hides("div", Some("a"), None), "p.a needs a p");
        assert!(sheet.hides("td", None, Some("gone")));
        assert!(
            !sheet.hides("div", Some("mobile"), None),
            "media rules are ignored"
        );
        assert!(!sheet.hides("div", Some("shown"), None));
        assert!(
            !sheet.hides("div", Some("deep"), None),
            "complex selectors are ignored"
        );
        assert!(!sheet.hides("a", None, None), "pseudo-classes are ignored");
        assert!(sheet.hides("span", Some("c b"), None));
        assert!(!sheet.hides("span", Some("b"), None));
    }

    #[test]
    fn hostile_sheets_are_bounded() {
        let mut big = String::new();
        for i in 0..5000 {
            big.push_str(&format!(".c{i}{{display:none}}"));
        }
        assert_eq!(Sheet::parse(&big).hiding.len(), MAX_HIDING_RULES);
        for s in [
            "{{{{",
            "}}}",
            "@media {",
            ".a{display:none",
            "/* open",
            "@",
            ".{display:none}",
        ] {
            let _sheet = Sheet::parse(s);
        }
    }
}

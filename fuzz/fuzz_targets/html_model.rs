//! The reader's rich HTML model (`popmail::mail::rich`) and its plain
//! rendering. Invariants that hold for every input:
//! - nothing panics, however deep or malformed the HTML;
//! - building is deterministic (the same model and text twice);
//! - the plain text is bounded: at most 100 bytes per input byte plus 64 KiB;
//! - markup never leaks: HTML built (from the fuzz bytes) of real tags and
//!   text without `<` renders to plain text without `<`.
//!
//! The first byte chooses: raw HTML from the remaining bytes (UTF-8, lossy),
//! or HTML assembled from them as a sequence of tags and text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use popmail::mail::rich::{Document, to_plain};

const TAGS: &[&str] = &[
    "p", "div", "b", "i", "u", "s", "code", "pre", "h1", "h3", "ul", "ol", "li", "blockquote",
    "table", "tr", "td", "th", "tbody", "span", "a href='https://example.org/x'",
    "img src='cid:x' alt='pic'", "img src='https://example.org/y.png' alt='remote'", "br", "hr",
    "font color='#ffffff'", "td bgcolor='#ffffff'", "span style='display:none'",
    "div style='font-size:0'", "center", "table border=1", "xmp", "plaintext",
];

fn assembled(data: &[u8]) -> String {
    let mut html = String::new();
    let mut text = data.iter();
    while let Some(&op) = text.next() {
        let tag = TAGS[usize::from(op) % TAGS.len()];
        let name = tag.split(' ').next().unwrap_or(tag);
        if name == "xmp" || name == "plaintext" {
            // Their content is text by definition; skip them here.
            continue;
        }
        match op >> 6 {
            0 => html.push_str(&format!("<{tag}>")),
            1 => html.push_str(&format!("</{name}>")),
            _ => {
                let n = usize::from(op & 0x0f) + 1;
                for &c in text.by_ref().take(n) {
                    let ch = char::from(b'a' + c % 26);
                    html.push(if c % 7 == 0 { ' ' } else { ch });
                }
            }
        }
    }
    html
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let (html, markup_free) = if mode % 2 == 0 {
        (String::from_utf8_lossy(rest).into_owned(), false)
    } else {
        (assembled(rest), true)
    };
    let doc = Document::from_html(&html);
    let plain = to_plain(&doc, 80);
    assert!(
        plain.len() <= 100 * html.len() + 65_536,
        "plain text of {} bytes from {} bytes of HTML",
        plain.len(),
        html.len()
    );
    let again = Document::from_html(&html);
    assert_eq!(doc, again, "the model is not deterministic");
    assert_eq!(to_plain(&again, 80), plain, "the plain text is not deterministic");
    if markup_free {
        assert!(!plain.contains('<'), "markup leaked: {plain:?} from {html:?}");
    }
});

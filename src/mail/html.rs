//! HTML mail → readable text.
//!
//! The reader uses `html2text`, which keeps paragraphs, lists and link targets
//! (as numbered references). The full-text index uses a much faster tag
//! stripper: it only needs the words. Neither ever fetches anything: remote
//! images and style sheets are dropped, links are kept as text.

/// Width the reader's text is wrapped to.
pub(super) const WRAP_WIDTH: usize = 100;

/// HTML → text for reading: paragraphs, lists and link targets kept.
pub fn html_to_text(html: &str) -> String {
    match html2text::from_read(html.as_bytes(), WRAP_WIDTH) {
        Ok(text) => text,
        // html2text refuses some pathological input (e.g. too deep); the
        // stripped text is still readable.
        Err(_) => html_to_index_text(html),
    }
}

/// HTML → plain words for indexing: tags removed, `script`/`style` skipped,
/// common entities decoded. Linear time, no allocation per tag.
pub fn html_to_index_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_until: Option<&str> = None;
    while let Some(lt) = rest.find('<') {
        if skip_until.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        let lower: String = tag.chars().take(8).collect::<String>().to_ascii_lowercase();
        match skip_until {
            Some(end) if lower.starts_with(end) => skip_until = None,
            Some(_) => {}
            None if lower.starts_with("script") => skip_until = Some("/script"),
            None if lower.starts_with("style") => skip_until = Some("/style"),
            None => out.push(' '),
        }
        rest = &rest[gt + 1..];
    }
    if skip_until.is_none() {
        push_text(&mut out, rest);
    }
    out
}

fn push_text(out: &mut String, text: &str) {
    if !text.contains('&') {
        out.push_str(text);
        return;
    }
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| decode_entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_text_drops_tags_scripts_and_decodes_entities() {
        let t = html_to_index_text(
            "<p>Caf&eacute; &amp; <b>cr&#232;me</b></p><script>var x='<p>';</script><style>p{}</style>end",
        );
        assert!(t.contains("& "), "{t}");
        assert!(t.contains("crème"), "{t}");
        assert!(!t.contains("var x"), "{t}");
        assert!(t.contains("end"), "{t}");
    }

    #[test]
    fn reader_text_keeps_links_and_lists() {
        let t = html_to_text(
            "<p>Hello</p><ul><li>one</li><li>two</li></ul><a href=\"https://example.org/x\">site</a>",
        );
        assert!(t.contains("one") && t.contains("two"), "{t}");
        assert!(t.contains("https://example.org/x"), "{t}");
    }

    #[test]
    fn unterminated_tag_does_not_hang() {
        assert_eq!(html_to_index_text("abc <p unterminated").trim(), "abc");
    }
}

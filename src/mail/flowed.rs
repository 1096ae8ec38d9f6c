//! Plain text bodies as paragraphs with quote levels and a signature:
//! `format=flowed` (RFC 3676) and ordinary fixed text.
//!
//! RFC 3676: a line ending in a space is *flowed* and joins the next line of
//! the same quote depth into one paragraph, to be reflowed to the reader's
//! width; with `DelSp=yes` that trailing space is deleted when joining (§4.2).
//! A line without the trailing space is *fixed* and ends the paragraph. Quote
//! depth is the count of leading `>` (§4.5); one space after them (or at the
//! start of an unquoted line) is space-stuffing and removed (§4.4). The
//! signature separator `-- ` is never flowed (§4.3); what follows it at the
//! same depth is the signature.
//!
//! Fixed text (no `format=flowed`) keeps every line as it is; its quote depth
//! counts `>` marks, allowing spaces between them (`> > text`).

/// One paragraph of a plain text body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainParagraph {
    /// How many `>` levels quote it (0 = not quoted).
    pub quote: usize,
    /// Its text. Flowed paragraphs are one logical line to wrap to the pane;
    /// fixed ones are exactly one line as written.
    pub text: String,
    /// Whether the text may be reflowed (it came from flowed lines).
    pub flowed: bool,
    /// Part of the signature (the separator line included).
    pub signature: bool,
}

/// Splits `text` into paragraphs. `flowed` is `format=flowed`, `delsp` is
/// `DelSp=yes` (both parameters of the part's Content-Type).
pub fn paragraphs(text: &str, flowed: bool, delsp: bool) -> Vec<PlainParagraph> {
    let mut out: Vec<PlainParagraph> = Vec::new();
    let mut open: Option<PlainParagraph> = None;
    // Quote depth at which a signature started, if one did.
    let mut signature_depth: Option<usize> = None;
    for raw in text.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let (quote, body) = if flowed {
            flowed_quote(line)
        } else {
            fixed_quote(line)
        };
        let is_separator = body == "-- " || (!flowed && body == "--");
        if is_separator {
            signature_depth = Some(quote);
        } else if signature_depth.is_some_and(|d| quote < d) {
            signature_depth = None;
        }
        let signature = signature_depth.is_some_and(|d| quote >= d);
        let soft = flowed && !is_separator && body.ends_with(' ');
        // Continue the open paragraph when it is flowed and at this depth.
        if let Some(p) = open.as_mut()
            && p.quote == quote
            && p.signature == signature
        {
            p.text.push_str(body);
        } else {
            if let Some(p) = open.take() {
                out.push(p);
            }
            open = Some(PlainParagraph {
                quote,
                text: body.to_string(),
                flowed: soft,
                signature,
            });
        }
        if soft {
            if delsp && let Some(p) = open.as_mut() {
                p.text.pop();
            }
        } else if let Some(mut p) = open.take() {
            if is_separator {
                p.text.truncate(p.text.trim_end().len());
            }
            out.push(p);
        }
    }
    if let Some(p) = open.take() {
        out.push(p);
    }
    // The split leaves one empty line for a final newline.
    if out.last().is_some_and(|p| p.text.is_empty()) && text.ends_with('\n') {
        out.pop();
    }
    out
}

/// RFC 3676 §4.5: `>` marks with no spaces between, then one stuffed space.
fn flowed_quote(line: &str) -> (usize, &str) {
    let depth = line.bytes().take_while(|&b| b == b'>').count();
    let rest = line.get(depth..).unwrap_or_default();
    (depth, rest.strip_prefix(' ').unwrap_or(rest))
}

/// Fixed text: `>` marks with optional spaces between (`> > text`).
fn fixed_quote(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line;
    loop {
        let trimmed = rest.trim_start_matches(' ');
        match trimmed.strip_prefix('>') {
            Some(r) if depth > 0 || trimmed.len() + 3 >= rest.len() => {
                depth += 1;
                rest = r;
            }
            _ => break,
        }
    }
    if depth > 0 {
        rest = rest.strip_prefix(' ').unwrap_or(rest);
    }
    (depth, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &[PlainParagraph]) -> Vec<(usize, &str, bool)> {
        p.iter()
            .map(|p| (p.quote, p.text.as_str(), p.signature))
            .collect()
    }

    #[test]
    fn flowed_lines_join_and_fixed_lines_end_paragraphs() {
        let t = "This is a long \r\nflowed paragraph.\r\nFixed line\r\n";
        let p = paragraphs(t, true, false);
        assert_eq!(
            texts(&p),
            [
                (0, "This is a long flowed paragraph.", false),
                (0, "Fixed line", false)
            ]
        );
        assert!(p[0].flowed);
    }

    #[test]
    fn delsp_removes_the_soft_break_space() {
        let t = "日本語の長い \r\n文章です。\r\nsuper \r\ncalifragilistic\r\n";
        let p = paragraphs(t, true, true);
        assert_eq!(
            texts(&p),
            [
                (0, "日本語の長い文章です。", false),
                (0, "supercalifragilistic", false)
            ]
        );
        let p = paragraphs(t, true, false);
        assert_eq!(p[1].text, "super califragilistic");
    }

    #[test]
    fn quote_depth_ends_a_flowed_paragraph_and_stuffing_is_removed() {
        let t = ">> deep \r\n>> still deep\r\n> shallow\r\n  stuffed\r\n";
        let p = paragraphs(t, true, false);
        assert_eq!(
            texts(&p),
            [
                (2, "deep still deep", false),
                (1, "shallow", false),
                (0, " stuffed", false)
            ]
        );
    }

    #[test]
    fn signature_follows_the_separator_and_is_never_flowed() {
        let t = "Hi \r\nthere\r\n-- \r\nAnn \r\nExample Corp\r\n";
        let p = paragraphs(t, true, false);
        assert_eq!(
            texts(&p),
            [
                (0, "Hi there", false),
                (0, "--", true),
                (0, "Ann Example Corp", true)
            ]
        );
    }

    #[test]
    fn fixed_text_counts_spaced_quote_marks() {
        let t = "> > > three\n> one\nnot > quoted\n-- \nsig\n";
        let p = paragraphs(t, false, false);
        assert_eq!(
            texts(&p),
            [
                (3, "three", false),
                (1, "one", false),
                (0, "not > quoted", false),
                (0, "--", true),
                (0, "sig", true)
            ]
        );
    }
}

//! Finding links (http, https, mailto) in body text, so the reader can make
//! them clickable (each opens only after a confirm that shows its target).

/// Byte ranges of the links (http://, https://, mailto:) in `text`.
pub fn find_links(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut at = 0;
    while at < lower.len() {
        let next = ["https://", "http://", "mailto:"]
            .iter()
            .filter_map(|p| {
                lower
                    .get(at..)
                    .and_then(|s| s.find(p))
                    .map(|i| (i + at, p.len()))
            })
            .min();
        let Some((start, prefix)) = next else { break };
        let boundary_ok = start == 0
            || text
                .get(..start)
                .and_then(|s| s.chars().next_back())
                .is_none_or(|c| !c.is_alphanumeric());
        let mut end = start;
        for (i, c) in text.get(start..).unwrap_or_default().char_indices() {
            if c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`' | '|') {
                break;
            }
            end = start + i + c.len_utf8();
        }
        // Trailing punctuation belongs to the sentence, not the link.
        while let Some(c) = text.get(start..end).and_then(|s| s.chars().next_back()) {
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'') {
                end -= c.len_utf8();
            } else {
                break;
            }
        }
        if boundary_ok && end > start + prefix {
            out.push(start..end);
            at = end;
        } else {
            at = start + prefix;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_found_without_trailing_punctuation() {
        let t = "See https://example.org/a?b=1. Or (mailto:x@y.z), nothttp://no, http:// alone";
        let found: Vec<&str> = find_links(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(found, ["https://example.org/a?b=1", "mailto:x@y.z"]);
    }
}

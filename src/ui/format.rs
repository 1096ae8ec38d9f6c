//! Small text formatting for the window: dates (UTC, from Unix seconds, by
//! the civil-from-days algorithm — no time-zone database is read), sizes and
//! counts, and finding links (http, https, mailto) in body text.

/// `YYYY-MM-DD HH:MM` (UTC) for epoch seconds.
pub fn date_time(epoch: i64) -> String {
    let (y, m, d, hh, mm) = civil(epoch);
    format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}")
}

/// Date for a list row: `HH:MM` today, else `YYYY-MM-DD`.
pub fn list_date(epoch: i64, now: i64) -> String {
    let (y, m, d, hh, mm) = civil(epoch);
    if epoch.div_euclid(86_400) == now.div_euclid(86_400) {
        format!("{hh:02}:{mm:02}")
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

fn civil(epoch: i64) -> (i64, u32, u32, u32, u32) {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let small = |v: i64| u32::try_from(v).unwrap_or(0);
    (
        y,
        small(m),
        small(d),
        small(secs / 3600),
        small(secs % 3600 / 60),
    )
}

/// `512 B`, `1.2 KB`, `3.4 MB`, `1.1 GB`.
pub fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    #[allow(clippy::cast_precision_loss)]
    let mut v = bytes as f64 / 1024.0;
    let mut unit = UNITS[0];
    for u in &UNITS[1..] {
        if v < 1024.0 {
            break;
        }
        v /= 1024.0;
        unit = u;
    }
    if v < 10.0 {
        format!("{v:.1} {unit}")
    } else {
        format!("{v:.0} {unit}")
    }
}

/// `1 message`, `2 messages`.
pub fn count(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

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
    fn dates_are_civil_utc() {
        assert_eq!(date_time(0), "1970-01-01 00:00");
        assert_eq!(date_time(951_782_400), "2000-02-29 00:00");
        assert_eq!(date_time(1_700_000_000), "2023-11-14 22:13");
        assert_eq!(list_date(1_700_000_000, 1_700_000_100), "22:13");
        assert_eq!(list_date(1_700_000_000, 1_800_000_000), "2023-11-14");
        assert_eq!(date_time(-86_400), "1969-12-31 00:00");
    }

    #[test]
    fn sizes() {
        assert_eq!(size(10), "10 B");
        assert_eq!(size(1536), "1.5 KB");
        assert_eq!(size(50 * 1024 * 1024), "50 MB");
    }

    #[test]
    fn links_are_found_without_trailing_punctuation() {
        let t = "See https://example.org/a?b=1. Or (mailto:x@y.z), nothttp://no, http:// alone";
        let found: Vec<&str> = find_links(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(found, ["https://example.org/a?b=1", "mailto:x@y.z"]);
    }
}

//! The mbox `From_` separator line (RFC 4155, section 2):
//! `From <sender> <asctime date>`, e.g. `From MAILER-DAEMON Thu Nov 28 09:30:53 2026`.
//!
//! Telling a separator from a body line that happens to start with `From ` is the
//! hard part of reading mbox. Like mutt, popmail accepts a line as a separator only
//! if what follows the sender looks like a date: a month name, a day, an
//! `hh:mm[:ss]` time and a four-digit year, in any order, optionally with a
//! numeric time zone. Dates are UTC unless a `+hhmm`/`-hhmm` zone is given.

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const FULL_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A parsed `From_` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FromLine {
    /// The envelope sender (may be empty or `MAILER-DAEMON`).
    pub sender: String,
    /// The date as seconds since the Unix epoch.
    pub time: i64,
}

/// Parses a `From_` line (with or without its line ending). Returns `None` when
/// the line does not start with `From ` or has no plausible date.
pub fn parse(line: &[u8]) -> Option<FromLine> {
    let rest = line.strip_prefix(b"From ")?;
    // Only the first line counts (callers may pass look-ahead with more lines).
    let rest = memchr::memchr(b'\n', rest).map_or(rest, |i| &rest[..i]);
    if rest.len() > 1000 {
        return None;
    }
    let text = String::from_utf8_lossy(rest);
    let text = text.trim_end_matches(['\r', '\n']);
    let mut tokens = text.split_whitespace().peekable();
    // The sender is the first token unless the line has none and starts with the date.
    let first = *tokens.peek()?;
    let sender = if is_date_token(first) {
        String::new()
    } else {
        tokens.next();
        first.to_string()
    };
    let time = parse_date(tokens)?;
    Some(FromLine { sender, time })
}

/// True when `line` is a `From_` separator line.
pub fn is_from_line(line: &[u8]) -> bool {
    line.starts_with(b"From ") && parse(line).is_some()
}

fn is_date_token(t: &str) -> bool {
    let lower = t.trim_end_matches(',').to_ascii_lowercase();
    DAYS.iter().any(|d| d.eq_ignore_ascii_case(&lower))
        || MONTHS.contains(&lower.as_str())
        || t.contains(':')
}

fn parse_date<'a>(tokens: impl Iterator<Item = &'a str>) -> Option<i64> {
    let (mut month, mut day, mut year, mut hms, mut zone) = (None, None, None, None, 0i64);
    for t in tokens {
        let t = t.trim_end_matches(',');
        let lower = t.to_ascii_lowercase();
        if month.is_none()
            && let Some(m) = MONTHS.iter().position(|m| {
                lower == *m || FULL_MONTHS.contains(&lower.as_str()) && lower.starts_with(m)
            })
        {
            month = Some(m as i64 + 1);
            continue;
        }
        if t.contains(':') && hms.is_none() {
            let mut parts = t.split(':').map(|p| p.parse::<i64>().ok());
            let h = parts.next()??;
            let mi = parts.next()??;
            let s = parts.next().unwrap_or(Some(0))?;
            if !(0..=23).contains(&h) || !(0..=59).contains(&mi) || !(0..=60).contains(&s) {
                return None;
            }
            hms = Some(h * 3600 + mi * 60 + s);
        } else if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && year.is_none() {
            year = t.parse::<i64>().ok();
        } else if (1..=2).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
            let d = t.parse::<i64>().ok()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            day = Some(d);
        } else if t.len() == 5 && (t.starts_with('+') || t.starts_with('-')) {
            let v: i64 = t[1..].parse().ok()?;
            let secs = (v / 100) * 3600 + (v % 100) * 60;
            zone = if t.starts_with('-') { -secs } else { secs };
        }
    }
    let days = days_from_civil(year?, month?, day?);
    Some(days * 86_400 + hms? - zone)
}

/// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Formats a time as an asctime date in UTC: `Thu Nov 28 09:30:53 2026`.
pub fn asctime(time: i64) -> String {
    let days = time.div_euclid(86_400);
    let secs = time.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let wd = DAYS[days.rem_euclid(7) as usize % 7];
    let mon = MONTH_NAMES[((m - 1).clamp(0, 11)) as usize];
    format!(
        "{wd} {mon} {d:2} {:02}:{:02}:{:02} {y}",
        secs / 3600,
        (secs / 60) % 60,
        secs % 60
    )
}

/// Builds a `From_` line (without line ending) for a message: the sender comes
/// from `Return-Path:` or `From:` in its header, else `MAILER-DAEMON`.
pub fn format_for(message: &[u8], time: i64) -> String {
    let sender = envelope_sender(message).unwrap_or_else(|| "MAILER-DAEMON".to_string());
    format!("From {sender} {}", asctime(time))
}

/// The envelope sender from the header: an address with no spaces or controls.
fn envelope_sender(message: &[u8]) -> Option<String> {
    let header = crate::mailbox::header_flags::header_section(message);
    let mut from = None;
    for (name, value) in crate::mailbox::header_flags::fields(header) {
        let is_rp = name.eq_ignore_ascii_case(b"Return-Path");
        if is_rp || (from.is_none() && name.eq_ignore_ascii_case(b"From")) {
            let v = String::from_utf8_lossy(value);
            let addr = match (v.find('<'), v.rfind('>')) {
                (Some(a), Some(b)) if a < b => v[a + 1..b].to_string(),
                _ => v
                    .split_whitespace()
                    .find(|w| w.contains('@'))
                    .unwrap_or("")
                    .to_string(),
            };
            let ok = !addr.is_empty()
                && addr.len() <= 254
                && addr
                    .chars()
                    .all(|c| c.is_ascii_graphic() && c != '<' && c != '>');
            if ok {
                if is_rp {
                    return Some(addr);
                }
                from = Some(addr);
            }
        }
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_from_lines() {
        let l = parse(b"From MAILER-DAEMON Thu Nov 28 09:30:53 2026\n").unwrap();
        assert_eq!(l.sender, "MAILER-DAEMON");
        assert_eq!(asctime(l.time), "Sat Nov 28 09:30:53 2026");
        let l = parse(b"From a@b.example  Mon Jan  1 00:00:00 2024 +0100\r\n").unwrap();
        assert_eq!(l.sender, "a@b.example");
        assert_eq!(l.time, 1_704_063_600);
        assert!(parse(b"From Mon Jan 1 10:00:00 2024").is_some_and(|l| l.sender.is_empty()));
    }

    #[test]
    fn rejects_body_lines() {
        assert!(!is_from_line(b"From here on we talk about dates.\n"));
        assert!(!is_from_line(b"From: someone@example.org\n"));
        assert!(!is_from_line(b"From the Jan meeting at 10:00\n"));
        assert!(!is_from_line(b">From x Mon Jan  1 00:00:00 2024\n"));
        assert!(!is_from_line(b"From x\nMon Jan  1 00:00:00 2024\n"));
        assert!(is_from_line(
            b"From caf\xe9@example.org Mon Jan  1 00:00:00 2024\n\xff\xfe"
        ));
    }

    #[test]
    fn asctime_round_trips() {
        for t in [0, 86_399, 951_782_400, 1_704_067_200, 4_102_444_799] {
            let line = format!("From x {}", asctime(t));
            assert_eq!(parse(line.as_bytes()).unwrap().time, t, "{line}");
        }
        assert_eq!(asctime(0), "Thu Jan  1 00:00:00 1970");
    }

    #[test]
    fn sender_from_headers() {
        let m = b"From: Ann <ann@example.org>\nReturn-Path: <bounce@example.org>\n\nbody\n";
        assert!(format_for(m, 0).starts_with("From bounce@example.org Thu Jan  1"));
        let m = b"From: Ann <ann@example.org>\n\nbody\n";
        assert!(format_for(m, 0).starts_with("From ann@example.org "));
        let m = b"Subject: x\n\nbody\n";
        assert!(format_for(m, 0).starts_with("From MAILER-DAEMON "));
    }

    /// Found by the `mbox_read` fuzz target: a `From ` line whose time has a
    /// huge negative hour overflowed the seconds computation (a panic in
    /// debug builds, a wrong date in release).
    #[test]
    fn fuzz_regression_a_negative_hour_is_not_a_date() {
        assert!(parse(b"From a@b Mon Jan  1 -5555511111111111111:00:00 2024").is_none());
        assert!(parse(b"From a@b Mon Jan  1 -1:00:00 2024").is_none());
        let input = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fuzz/regressions/mbox_read-negative-hour-overflow"
        ))
        .unwrap();
        for line in input.split(|&b| b == b'\n') {
            let _ = parse(line); // the test is that this does not panic
        }
    }
}

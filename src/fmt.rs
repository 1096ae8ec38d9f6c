//! Numbers and dates for people, one way everywhere: the window and the
//! command line both format dates (local time zone, chrono), sizes and counts
//! here, so the same fact never reads two ways.
//!
//! A leaf: imports nothing of ours.

use chrono::{DateTime, Local, TimeZone};

/// `YYYY-MM-DD HH:MM` in local time for epoch seconds.
pub fn date_time(epoch: i64) -> String {
    date_time_in(epoch, &Local)
}

/// `YYYY-MM-DD` in local time for epoch seconds.
pub fn date(epoch: i64) -> String {
    date_in(epoch, &Local)
}

fn date_in<Tz: TimeZone>(epoch: i64, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    at(epoch, tz).map_or_else(|| "—".into(), |d| d.format("%Y-%m-%d").to_string())
}

/// Date for a list row in local time: `HH:MM` today, else `YYYY-MM-DD`.
pub fn list_date(epoch: i64, now: i64) -> String {
    list_date_in(epoch, now, &Local)
}

fn at<Tz: TimeZone>(epoch: i64, tz: &Tz) -> Option<DateTime<Tz>> {
    DateTime::from_timestamp(epoch, 0).map(|d| d.with_timezone(tz))
}

fn date_time_in<Tz: TimeZone>(epoch: i64, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    at(epoch, tz).map_or_else(|| "—".into(), |d| d.format("%Y-%m-%d %H:%M").to_string())
}

fn list_date_in<Tz: TimeZone>(epoch: i64, now: i64, tz: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    match (at(epoch, tz), at(now, tz)) {
        (Some(d), Some(n)) if d.date_naive() == n.date_naive() => d.format("%H:%M").to_string(),
        (Some(d), _) => d.format("%Y-%m-%d").to_string(),
        (None, _) => "—".into(),
    }
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

/// `1 message`, `2 messages`: a count with the noun in the right number.
pub fn count(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_time_zone() {
        let utc = chrono::Utc;
        assert_eq!(date_time_in(0, &utc), "1970-01-01 00:00");
        assert_eq!(date_time_in(951_782_400, &utc), "2000-02-29 00:00");
        assert_eq!(date_time_in(1_700_000_000, &utc), "2023-11-14 22:13");
        assert_eq!(date_time_in(-86_400, &utc), "1969-12-31 00:00");
        assert_eq!(date_in(1_700_000_000, &utc), "2023-11-14");
        assert_eq!(list_date_in(1_700_000_000, 1_700_000_100, &utc), "22:13");
        assert_eq!(
            list_date_in(1_700_000_000, 1_800_000_000, &utc),
            "2023-11-14"
        );
        let tokyo = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
        assert_eq!(date_time_in(1_700_000_000, &tokyo), "2023-11-15 07:13");
        // 22:13 UTC and 01:00 UTC the next day are the same day in Tokyo.
        assert_eq!(list_date_in(1_700_000_000, 1_700_010_000, &tokyo), "07:13");
        assert_eq!(list_date_in(i64::MAX, 0, &utc), "—");
    }

    #[test]
    fn sizes() {
        assert_eq!(size(10), "10 B");
        assert_eq!(size(1536), "1.5 KB");
        assert_eq!(size(50 * 1024 * 1024), "50 MB");
    }
}

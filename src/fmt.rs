//! Numbers and dates for people, one way everywhere: the window and the
//! command line both format dates (local time zone, chrono), sizes and counts
//! here, so the same fact never reads two ways. The words and separators are
//! the current language's ([`crate::i18n`]): "30 Nov 2026 14:05" in English,
//! "30 Des 2026 14.05" and "1,5 MB" in Indonesian.
//!
//! Imports only the [`crate::i18n`] leaf.

use chrono::{DateTime, Datelike, Local, TimeZone, Timelike};

use crate::i18n;
use crate::t;

/// `30 Nov 2026 14:05` in local time for epoch seconds.
pub fn date_time(epoch: i64) -> String {
    date_time_in(epoch, &Local)
}

/// `Monday, 30 Nov 2026 14:05` in local time: the reader's header.
pub fn date_time_long(epoch: i64) -> String {
    at(epoch, &Local).map_or_else(
        || t!("date-unknown"),
        |d| {
            t!(
                "date-time-long",
                weekday = weekday(d.weekday().num_days_from_sunday()),
                day = d.day(),
                month = month(d.month()),
                year = d.year().to_string(),
                time = time(d.hour(), d.minute()),
            )
        },
    )
}

/// `2026-11-30-1405` in local time: for file names, the same in every
/// language.
pub fn file_stamp(epoch: i64) -> String {
    at(epoch, &Local).map_or_else(
        || "unknown-date".into(), // not translated: part of a file name
        |d| d.format("%Y-%m-%d-%H%M").to_string(),
    )
}

/// `30 Nov 2026` in local time for epoch seconds.
pub fn date(epoch: i64) -> String {
    date_in(epoch, &Local)
}

/// Date for a list row in local time: `14:05` today, else `30 Nov 2026`.
pub fn list_date(epoch: i64, now: i64) -> String {
    list_date_in(epoch, now, &Local)
}

fn at<Tz: TimeZone>(epoch: i64, tz: &Tz) -> Option<DateTime<Tz>> {
    DateTime::from_timestamp(epoch, 0).map(|d| d.with_timezone(tz))
}

fn date_in<Tz: TimeZone>(epoch: i64, tz: &Tz) -> String {
    at(epoch, tz).map_or_else(|| t!("date-unknown"), |d| day_of(&d))
}

fn day_of<Tz: TimeZone>(d: &DateTime<Tz>) -> String {
    // The year as text: a year is not a number to group ("2.026").
    t!(
        "date-day",
        day = d.day(),
        month = month(d.month()),
        year = d.year().to_string()
    )
}

fn date_time_in<Tz: TimeZone>(epoch: i64, tz: &Tz) -> String {
    at(epoch, tz).map_or_else(
        || t!("date-unknown"),
        |d| {
            t!(
                "date-time",
                day = d.day(),
                month = month(d.month()),
                year = d.year().to_string(),
                time = time(d.hour(), d.minute()),
            )
        },
    )
}

fn list_date_in<Tz: TimeZone>(epoch: i64, now: i64, tz: &Tz) -> String {
    match (at(epoch, tz), at(now, tz)) {
        (Some(d), Some(n)) if d.date_naive() == n.date_naive() => time(d.hour(), d.minute()),
        (Some(d), _) => day_of(&d),
        (None, _) => t!("date-unknown"),
    }
}

/// `14:05`, or `14.05` in Indonesian.
fn time(hour: u32, minute: u32) -> String {
    format!("{hour:02}{}{minute:02}", i18n::current().time_separator())
}

/// The short name of month 1–12.
fn month(m: u32) -> String {
    match m {
        1 => t!("month-short-1"),
        2 => t!("month-short-2"),
        3 => t!("month-short-3"),
        4 => t!("month-short-4"),
        5 => t!("month-short-5"),
        6 => t!("month-short-6"),
        7 => t!("month-short-7"),
        8 => t!("month-short-8"),
        9 => t!("month-short-9"),
        10 => t!("month-short-10"),
        11 => t!("month-short-11"),
        _ => t!("month-short-12"),
    }
}

/// The name of a weekday, 0 = Sunday.
pub fn weekday(from_sunday: u32) -> String {
    match from_sunday {
        0 => t!("weekday-0"),
        1 => t!("weekday-1"),
        2 => t!("weekday-2"),
        3 => t!("weekday-3"),
        4 => t!("weekday-4"),
        5 => t!("weekday-5"),
        _ => t!("weekday-6"),
    }
}

/// `512 B`, `1.2 KB`, `3.4 MB`, `1.1 GB` (`1,2 KB` in Indonesian).
pub fn size(bytes: u64) -> String {
    if bytes < 1024 {
        return t!("size-bytes", count = bytes);
    }
    #[allow(clippy::cast_precision_loss)]
    let mut v = bytes as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < 3 {
        v /= 1024.0;
        unit += 1;
    }
    let n = i18n::number(v, if v < 10.0 { 1 } else { 0 });
    match unit {
        0 => t!("size-kb", n = n),
        1 => t!("size-mb", n = n),
        2 => t!("size-gb", n = n),
        _ => t!("size-tb", n = n),
    }
}

/// `1 message`, `5 messages` (`5 pesan`): a count of messages.
pub fn messages(n: u64) -> String {
    t!("count-messages", count = n)
}

/// `1 message`, `2 messages` in English only: being replaced by Fluent
/// plurals (issue 16); remove once no caller is left.
pub fn count(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A whole number grouped for the language: `12,345` (`12.345`).
pub fn int(n: u64) -> String {
    #[allow(clippy::cast_precision_loss)]
    i18n::number(n as f64, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, for_this_thread, set};

    #[test]
    fn dates_follow_the_time_zone() {
        let _lang = for_this_thread(Lang::En);
        let utc = chrono::Utc;
        assert_eq!(date_time_in(0, &utc), "1 Jan 1970 00:00");
        assert_eq!(date_time_in(951_782_400, &utc), "29 Feb 2000 00:00");
        assert_eq!(date_time_in(1_700_000_000, &utc), "14 Nov 2023 22:13");
        assert_eq!(date_time_in(-86_400, &utc), "31 Dec 1969 00:00");
        assert_eq!(date_in(1_700_000_000, &utc), "14 Nov 2023");
        assert_eq!(list_date_in(1_700_000_000, 1_700_000_100, &utc), "22:13");
        assert_eq!(
            list_date_in(1_700_000_000, 1_800_000_000, &utc),
            "14 Nov 2023"
        );
        let tokyo = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
        assert_eq!(date_time_in(1_700_000_000, &tokyo), "15 Nov 2023 07:13");
        // 22:13 UTC and 01:00 UTC the next day are the same day in Tokyo.
        assert_eq!(list_date_in(1_700_000_000, 1_700_010_000, &tokyo), "07:13");
        assert_eq!(list_date_in(i64::MAX, 0, &utc), "—");
    }

    #[test]
    fn dates_in_indonesian() {
        let _lang = for_this_thread(Lang::Id);
        let utc = chrono::Utc;
        // 1 Aug 2021 was a Sunday.
        assert_eq!(date_time_in(1_627_826_700, &utc), "1 Agu 2021 14.05");
        assert_eq!(date_in(1_640_908_800, &utc), "31 Des 2021");
        assert_eq!(weekday(0), "Minggu");
        assert_eq!(weekday(5), "Jumat");
        assert_eq!(month(5), "Mei");
    }

    #[test]
    fn sizes_and_counts() {
        let _lang = for_this_thread(Lang::En);
        assert_eq!(size(10), "10 B");
        assert_eq!(size(1536), "1.5 KB");
        assert_eq!(size(50 * 1024 * 1024), "50 MB");
        assert_eq!(size(3 * 1024 * 1024 * 1024 * 1024), "3.0 TB");
        assert_eq!(messages(1), "1 message");
        assert_eq!(messages(2), "2 messages");
        assert_eq!(int(1_234_567), "1,234,567");
        set(Lang::Id);
        assert_eq!(size(1536), "1,5 KB");
        assert_eq!(size(1_500_000), "1,4 MB");
        assert_eq!(messages(1), "1 pesan");
        assert_eq!(int(1_234_567), "1.234.567");
    }
}

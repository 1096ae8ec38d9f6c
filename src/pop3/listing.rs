//! Sans-IO parsing of `STAT`, `LIST` and `UIDL` replies (RFC 1939 §5, §7)
//! and the validated [`Uidl`] type.
//!
//! A scan listing is `msg SP size`; a unique-id listing is `msg SP uid`,
//! where the uid is 1–70 characters in 0x21–0x7E (RFC 1939 §7). Message
//! numbers must be positive and unique within a listing. UIDLs should be
//! unique too, but some servers derive them from a forgeable `X-UIDL`
//! header, so a repeated one is passed on as listed: refusing it would
//! refuse the whole mailbox. Telling such messages apart is the sync's work
//! (`sync::identity`). Listings are bounded in length by the account's limit.

use std::collections::HashSet;
use std::fmt;

use crate::pop3::response::{ParseError, Syntax, printable};

/// A validated unique-id (RFC 1939 §7): 1–70 printable ASCII characters.
///
/// It is an opaque key for the download ledger; it must never be used to
/// build a file path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uidl(String);

impl Uidl {
    /// Validates a unique-id.
    pub fn new(value: &[u8]) -> Result<Uidl, ParseError> {
        if value.is_empty() || value.len() > 70 {
            return Err(ParseError::invalid(
                Syntax::UniqueId,
                crate::t!("pop3-parse-uidl-length", count = value.len()),
            ));
        }
        if let Some(b) = value.iter().find(|b| !(0x21..=0x7e).contains(*b)) {
            return Err(ParseError::invalid(
                Syntax::UniqueId,
                crate::t!("pop3-parse-uidl-byte", byte = format!("0x{b:02x}")),
            ));
        }
        Ok(Uidl(String::from_utf8_lossy(value).into_owned()))
    }

    /// The unique-id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Uidl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn two_fields(line: &[u8]) -> Option<(&[u8], &[u8])> {
    let mut parts = line
        .split(|b| *b == b' ' || *b == b'\t')
        .filter(|p| !p.is_empty());
    let a = parts.next()?;
    let b = parts.next()?;
    Some((a, b))
}

fn number<T: std::str::FromStr>(field: &[u8]) -> Option<T> {
    if field.is_empty() || !field.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // All ASCII digits, so only overflow can fail: too big a number is invalid.
    std::str::from_utf8(field).ok()?.parse().ok()
}

fn msg_number(field: &[u8]) -> Option<u32> {
    number::<u32>(field).filter(|n| *n > 0)
}

/// Parses the text of a `+OK` reply to STAT: message count and total size.
pub fn parse_stat(text: &str) -> Result<(u32, u64), ParseError> {
    let bad = || ParseError::invalid(Syntax::Stat, crate::t!("pop3-parse-stat", got = text));
    let (a, b) = two_fields(text.as_bytes()).ok_or_else(bad)?;
    match (number::<u32>(a), number::<u64>(b)) {
        (Some(n), Some(s)) => Ok((n, s)),
        _ => Err(bad()),
    }
}

/// Parses a scan listing (`msg size`), as in a LIST reply line or the text
/// of a single-message `+OK` reply.
pub fn parse_scan(line: &[u8]) -> Result<(u32, u64), ParseError> {
    let bad = || {
        ParseError::invalid(
            Syntax::ScanListing,
            crate::t!("pop3-parse-scan", got = printable(line)),
        )
    };
    let (a, b) = two_fields(line).ok_or_else(bad)?;
    match (msg_number(a), number::<u64>(b)) {
        (Some(n), Some(s)) => Ok((n, s)),
        _ => Err(bad()),
    }
}

/// Parses a unique-id listing (`msg uid`).
pub fn parse_unique_id(line: &[u8]) -> Result<(u32, Uidl), ParseError> {
    let (a, b) = two_fields(line).ok_or_else(|| {
        ParseError::invalid(
            Syntax::UniqueIdListing,
            crate::t!("pop3-parse-uidl-line", got = printable(line)),
        )
    })?;
    let n = msg_number(a).ok_or_else(|| {
        ParseError::invalid(
            Syntax::UniqueIdListing,
            crate::t!("pop3-parse-number", got = printable(a)),
        )
    })?;
    Ok((n, Uidl::new(b)?))
}

/// Accumulates a listing while checking its bounds and that message
/// numbers are unique.
#[derive(Debug)]
pub struct ListingChecker {
    limit: usize,
    numbers: HashSet<u32>,
}

/// Why a listing entry was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListingError {
    /// More entries than the limit.
    TooMany,
    /// A message number appeared twice.
    DuplicateNumber(u32),
}

impl ListingChecker {
    /// A checker allowing at most `limit` entries.
    pub fn new(limit: usize) -> Self {
        ListingChecker {
            limit,
            numbers: HashSet::new(),
        }
    }

    /// Checks one entry's message number.
    pub fn check(&mut self, msg: u32) -> Result<(), ListingError> {
        if self.numbers.len() >= self.limit {
            return Err(ListingError::TooMany);
        }
        if !self.numbers.insert(msg) {
            return Err(ListingError::DuplicateNumber(msg));
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn uidl_validation() {
        assert!(Uidl::new(b"whqtswO00WBw418f9t5JxYwZ").is_ok());
        assert!(Uidl::new(b"").is_err());
        assert!(Uidl::new(&[b'a'; 71]).is_err());
        assert!(Uidl::new(&[b'a'; 70]).is_ok());
        assert!(Uidl::new(b"a b").is_err());
        assert!(Uidl::new(b"\xff").is_err());
    }

    #[test]
    fn scan_and_stat() {
        assert_eq!(parse_stat("2 320").unwrap(), (2, 320));
        assert!(parse_stat("two 320").is_err());
        assert_eq!(parse_scan(b"1 120").unwrap(), (1, 120));
        assert!(parse_scan(b"0 120").is_err());
        assert!(parse_scan(b"1 -5").is_err());
        assert_eq!(
            parse_unique_id(b"2 QhdPYR:00WBw1Ph7x7").unwrap().1.as_str(),
            "QhdPYR:00WBw1Ph7x7"
        );
    }

    #[test]
    fn checker() {
        let mut c = ListingChecker::new(3);
        assert_eq!(c.check(1), Ok(()));
        assert_eq!(c.check(1), Err(ListingError::DuplicateNumber(1)));
        let mut c = ListingChecker::new(1);
        assert_eq!(c.check(1), Ok(()));
        assert_eq!(c.check(2), Err(ListingError::TooMany));
    }
}

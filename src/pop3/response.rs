//! Sans-IO parsing of POP3 server replies (RFC 1939 §3, RFC 2449 §8).
//!
//! - A *status line* starts `+OK` or `-ERR`, optionally followed by an
//!   RFC 2449 response code in brackets (`-ERR [IN-USE] locked`). RFC 2449
//!   limits it to 512 octets; we allow [`STATUS_LINE_MAX`].
//! - The *greeting* is a status line; RFC 1939 §7 puts an APOP timestamp
//!   (`<1896.697170952@dbc.mtview.ca.us>`) in it.
//! - A *SASL continuation* (RFC 5034 §4) is `+` SP base64.
//! - A *multi-line* reply follows a `+OK` line: lines end in CRLF (bare LF is
//!   accepted), a line starting with `.` is dot-stuffed, and `.` CRLF ends it.
//!   [`MultilineDecoder`] removes only the stuffing dot and the terminator;
//!   every other byte, including each line's own terminator, is kept as sent.
//!
//! All functions work on byte slices and return a value, "need more bytes"
//! (`None` / `Progress::NeedMore`) or a typed [`ParseError`]; none does I/O.

/// What kind of server text a parser expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// A status line: `+OK` or `-ERR` (RFC 1939 §3).
    StatusLine,
    /// A SASL continuation `+ base64` (RFC 5034 §4).
    SaslChallenge,
    /// The `count size` text of a STAT reply (RFC 1939 §5).
    Stat,
    /// A scan listing `msg size` (RFC 1939 §5).
    ScanListing,
    /// A unique-id listing `msg unique-id` (RFC 1939 §7).
    UniqueIdListing,
    /// A unique-id: 1–70 characters in 0x21–0x7E (RFC 1939 §7).
    UniqueId,
}

/// Why server bytes could not be parsed: the error of every sans-IO parser
/// in [`crate::pop3`]. "Need more bytes" is not an error: the line finders
/// and decoders say it with `Ok(None)` / [`Progress::NeedMore`].
/// [`crate::pop3::Error`] wraps it with the command being answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{detail}")]
pub struct ParseError {
    /// What was expected.
    pub what: Syntax,
    /// What was wrong, for people (server text made printable).
    pub detail: String,
}

impl ParseError {
    /// The input is not the `what` the protocol allows here.
    pub fn invalid(what: Syntax, detail: impl Into<String>) -> Self {
        ParseError {
            what,
            detail: detail.into(),
        }
    }
}

/// Longest status line (or CAPA/LIST/UIDL line) accepted, terminator included.
pub const STATUS_LINE_MAX: usize = 1024;

/// A complete line found in a buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Length of the line without its LF and without a CR before the LF.
    pub content_len: usize,
    /// Length including the terminator: how many bytes to consume.
    pub consumed: usize,
}

/// The line in `buf` is longer than the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overlong;

/// Finds the first complete line in `buf`. `Ok(None)` means more bytes are
/// needed; `Err(Overlong)` means the line (terminator included) is longer
/// than `max` bytes, or will be.
pub fn find_line(buf: &[u8], max: usize) -> Result<Option<Line>, Overlong> {
    let window = &buf[..buf.len().min(max)];
    match window.iter().position(|&b| b == b'\n') {
        Some(lf) => {
            let content_len = if lf > 0 && buf.get(lf - 1) == Some(&b'\r') {
                lf - 1
            } else {
                lf
            };
            Ok(Some(Line {
                content_len,
                consumed: lf + 1,
            }))
        }
        None if buf.len() >= max => Err(Overlong),
        None => Ok(None),
    }
}

/// An RFC 2449 / RFC 3206 response code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RespCode {
    /// `IN-USE`: the maildrop is locked by another session.
    InUse,
    /// `LOGIN-DELAY`: logged in too soon.
    LoginDelay,
    /// `SYS/TEMP`: temporary system problem.
    SysTemp,
    /// `SYS/PERM`: permanent system problem.
    SysPerm,
    /// `AUTH`: the credentials are wrong.
    Auth,
    /// Any other code, upper-cased.
    Other(String),
}

impl RespCode {
    fn parse(code: &str) -> RespCode {
        let up = code.to_ascii_uppercase();
        match up.as_str() {
            "IN-USE" => RespCode::InUse,
            "LOGIN-DELAY" => RespCode::LoginDelay,
            "SYS/TEMP" => RespCode::SysTemp,
            "SYS/PERM" => RespCode::SysPerm,
            "AUTH" => RespCode::Auth,
            _ => RespCode::Other(up),
        }
    }
}

/// A parsed status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// `+OK` (true) or `-ERR` (false).
    pub ok: bool,
    /// The response code in brackets, if any.
    pub code: Option<RespCode>,
    /// The rest of the line, as printable text.
    pub text: String,
}

/// Turns reply bytes into printable text: invalid UTF-8 and control
/// characters become U+FFFD, so nothing a server sends can corrupt a log or UI.
pub fn printable(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

fn split_keyword(line: &[u8]) -> Option<(bool, &[u8])> {
    let (ok, rest) = if line.len() >= 3 && line[..3].eq_ignore_ascii_case(b"+OK") {
        (true, &line[3..])
    } else if line.len() >= 4 && line[..4].eq_ignore_ascii_case(b"-ERR") {
        (false, &line[4..])
    } else {
        return None;
    };
    match rest.first() {
        None => Some((ok, rest)),
        Some(b' ') | Some(b'\t') => Some((ok, &rest[1..])),
        Some(_) => None,
    }
}

/// Parses a status line (without its terminator).
pub fn parse_status(line: &[u8]) -> Result<Status, ParseError> {
    let Some((ok, rest)) = split_keyword(line) else {
        return Err(ParseError::invalid(
            Syntax::StatusLine,
            crate::t!(
                "pop3-parse-status",
                got = printable(line.get(..line.len().min(60)).unwrap_or_default())
            ),
        ));
    };
    let text = printable(rest);
    let (code, text) = match text.strip_prefix('[').and_then(|t| t.split_once(']')) {
        Some((code, rest)) if !code.is_empty() && !code.contains(' ') => {
            (Some(RespCode::parse(code)), rest.trim_start().to_string())
        }
        _ => (None, text),
    };
    Ok(Status { ok, code, text })
}

/// A reply during a SASL exchange: a final status or a continuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthReply {
    /// `+OK` or `-ERR`.
    Done(Status),
    /// `+ challenge`: the base64 challenge text (may be empty).
    Continue(String),
}

/// Parses a line received during `AUTH` (RFC 5034 §4).
pub fn parse_auth_reply(line: &[u8]) -> Result<AuthReply, ParseError> {
    if split_keyword(line).is_some() {
        return parse_status(line).map(AuthReply::Done);
    }
    match line.strip_prefix(b"+") {
        Some(rest) => {
            let rest = rest.strip_prefix(b" ").unwrap_or(rest);
            if rest
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b))
            {
                Ok(AuthReply::Continue(printable(rest)))
            } else {
                Err(ParseError::invalid(
                    Syntax::SaslChallenge,
                    crate::t!("pop3-parse-challenge"),
                ))
            }
        }
        None => parse_status(line).map(AuthReply::Done),
    }
}

/// The server greeting (RFC 1939 §4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Greeting {
    /// The greeting text without the timestamp's surroundings removed.
    pub text: String,
    /// The APOP timestamp including its angle brackets, if present.
    pub apop_timestamp: Option<String>,
}

/// Extracts the APOP timestamp from a `+OK` greeting's text: the first
/// `<…>` that has RFC 822 msg-id syntax (RFC 1939 §7: "the syntax of a
/// timestamp corresponds to the `msg-id' in [RFC822]"), so
/// `+OK hi <1@a.b> (see <http://x>)` gives `<1@a.b>`. Without a valid one
/// there is no timestamp, and APOP is not used.
pub fn parse_greeting(status: &Status) -> Greeting {
    let text = &status.text;
    let mut rest = text.as_str();
    let mut timestamp = None;
    while let Some(start) = rest.find('<') {
        let Some(tail) = rest.get(start..) else {
            break;
        };
        let Some(end) = tail.find('>') else {
            break;
        };
        let candidate = tail.get(..=end).unwrap_or_default();
        if is_msg_id(candidate) {
            timestamp = Some(candidate.to_string());
            break;
        }
        rest = tail.get(1..).unwrap_or_default();
    }
    Greeting {
        text: text.clone(),
        apop_timestamp: timestamp,
    }
}

/// Longest APOP timestamp accepted, in bytes.
const TIMESTAMP_MAX: usize = 256;

/// Whether `s` is `<local-part@domain>` (RFC 822 §6.1 addr-spec in angle
/// brackets, RFC 822 §4.6 msg-id): dot-separated atoms or quoted strings
/// before the `@`, dot-separated atoms or a domain literal after it.
pub fn is_msg_id(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('<').and_then(|r| r.strip_suffix('>')) else {
        return false;
    };
    let Some((local, domain)) = inner.rsplit_once('@') else {
        return false;
    };
    s.len() <= TIMESTAMP_MAX
        && local.split('.').all(|w| is_atom(w) || is_quoted(w))
        && (domain.split('.').all(is_atom) || is_domain_literal(domain))
}

/// RFC 822 atom: printable ASCII except specials and space.
fn is_atom(w: &str) -> bool {
    !w.is_empty()
        && w.bytes()
            .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\".[]".contains(&b))
}

/// RFC 822 quoted-string, without spaces or escapes (enough for timestamps).
fn is_quoted(w: &str) -> bool {
    w.len() >= 2
        && w.starts_with('"')
        && w.ends_with('"')
        && w.get(1..w.len() - 1).is_some_and(|q| {
            q.bytes()
                .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\')
        })
}

/// RFC 822 domain-literal `[…]`.
fn is_domain_literal(d: &str) -> bool {
    d.len() >= 2
        && d.starts_with('[')
        && d.ends_with(']')
        && d.get(1..d.len() - 1).is_some_and(|q| {
            q.bytes()
                .all(|b| b.is_ascii_graphic() && !b"[]\\".contains(&b))
        })
}

/// Why a multi-line reply could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MultilineError {
    /// A line is longer than the line limit.
    LineTooLong,
    /// The unstuffed content exceeds the total limit.
    TooLarge,
}

/// Whether a multi-line reply is complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// The terminating `.` line has not been seen yet.
    NeedMore,
    /// The terminator was consumed; the reply is complete.
    Done,
}

/// Incremental decoder for the body of a multi-line reply (after its `+OK`
/// line). Feed it bytes as they arrive; it reports how many it consumed.
#[derive(Debug, Clone)]
pub struct MultilineDecoder {
    max_line: usize,
    max_total: u64,
    total: u64,
}

impl MultilineDecoder {
    /// A decoder accepting lines up to `max_line` bytes (terminator
    /// included) and at most `max_total` bytes of unstuffed content.
    pub fn new(max_line: usize, max_total: u64) -> Self {
        MultilineDecoder {
            max_line: max_line.max(3),
            max_total,
            total: 0,
        }
    }

    /// The line limit in bytes.
    pub fn max_line(&self) -> usize {
        self.max_line
    }

    /// The content limit in bytes.
    pub fn max_total(&self) -> u64 {
        self.max_total
    }

    /// Unstuffed content bytes delivered so far.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Decodes the complete lines at the start of `input`, calling `on_line`
    /// with each unstuffed line (its terminator included, as sent). Returns
    /// the bytes consumed and whether the terminator was reached; bytes after
    /// the terminator are left alone.
    pub fn decode(
        &mut self,
        input: &[u8],
        on_line: &mut dyn FnMut(&[u8]),
    ) -> Result<(usize, Progress), MultilineError> {
        let mut pos = 0;
        loop {
            let rest = input.get(pos..).unwrap_or_default();
            let line = match find_line(rest, self.max_line) {
                Ok(Some(line)) => line,
                Ok(None) => return Ok((pos, Progress::NeedMore)),
                Err(Overlong) => return Err(MultilineError::LineTooLong),
            };
            let raw = rest.get(..line.consumed).unwrap_or_default();
            pos += line.consumed;
            if line.content_len == 1 && raw.first() == Some(&b'.') {
                return Ok((pos, Progress::Done));
            }
            let unstuffed = match raw.first() {
                Some(b'.') => raw.get(1..).unwrap_or_default(),
                _ => raw,
            };
            self.total += unstuffed.len() as u64;
            if self.total > self.max_total {
                return Err(MultilineError::TooLarge);
            }
            on_line(unstuffed);
        }
    }
}

/// Strips a line's terminator (LF or CRLF).
pub fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn decode_all(input: &[u8]) -> (Vec<u8>, usize, Progress) {
        let mut out = Vec::new();
        let mut d = MultilineDecoder::new(1000, 1_000_000);
        let (n, p) = d.decode(input, &mut |l| out.extend_from_slice(l)).unwrap();
        (out, n, p)
    }

    #[test]
    fn status_lines_and_codes() {
        let s = parse_status(b"-ERR [IN-USE] locked").unwrap();
        assert!(!s.ok);
        assert_eq!(s.code, Some(RespCode::InUse));
        assert_eq!(s.text, "locked");
        let s = parse_status(b"+OK").unwrap();
        assert!(s.ok && s.text.is_empty() && s.code.is_none());
        assert!(parse_status(b"+OKAY").is_err());
        assert!(parse_status(b"* hello").is_err());
        let s = parse_status(b"-ERR [SYS/TEMP] later").unwrap();
        assert_eq!(s.code, Some(RespCode::SysTemp));
    }

    #[test]
    fn greeting_timestamp() {
        let s = parse_status(b"+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>").unwrap();
        let g = parse_greeting(&s);
        assert_eq!(
            g.apop_timestamp.as_deref(),
            Some("<1896.697170952@dbc.mtview.ca.us>")
        );
        let s = parse_status(b"+OK ready").unwrap();
        assert_eq!(parse_greeting(&s).apop_timestamp, None);
        let s = parse_status(b"+OK ready <>").unwrap();
        assert_eq!(parse_greeting(&s).apop_timestamp, None);
    }

    #[test]
    fn greeting_timestamp_is_strict_msg_id() {
        let stamp = |text: &[u8]| parse_greeting(&parse_status(text).unwrap()).apop_timestamp;
        assert_eq!(
            stamp(b"+OK hi <1@a.b> (see <http://x>)").as_deref(),
            Some("<1@a.b>")
        );
        assert_eq!(
            stamp(b"+OK <http://x> then <2.3@[127.0.0.1]>").as_deref(),
            Some("<2.3@[127.0.0.1]>")
        );
        assert_eq!(
            stamp(b"+OK <\"ab\"@host>").as_deref(),
            Some("<\"ab\"@host>")
        );
        for none in [
            &b"+OK see <http://x>"[..],
            b"+OK <@host>",
            b"+OK <user@>",
            b"+OK <a..b@host>",
            b"+OK <a@b..c>",
            b"+OK <a b@host>",
            b"+OK <a@b@c>",
            b"+OK <a@b",
        ] {
            assert_eq!(stamp(none), None, "{}", String::from_utf8_lossy(none));
        }
        let long = format!("+OK <{}@h>", "x".repeat(300));
        assert_eq!(stamp(long.as_bytes()), None);
    }

    #[test]
    fn multiline_unstuffs_and_keeps_terminators() {
        let (out, n, p) = decode_all(b"a\r\n..b\r\nc\n.\r\nNEXT");
        assert_eq!(out, b"a\r\n.b\r\nc\n");
        assert_eq!(n, 13);
        assert_eq!(p, Progress::Done);
        let (out, _, p) = decode_all(b"a\r\n.\n");
        assert_eq!((out.as_slice(), p), (&b"a\r\n"[..], Progress::Done));
        let (out, n, p) = decode_all(b"a\r\npartial");
        assert_eq!(
            (out.as_slice(), n, p),
            (&b"a\r\n"[..], 3, Progress::NeedMore)
        );
    }

    #[test]
    fn multiline_limits() {
        let mut d = MultilineDecoder::new(8, 100);
        assert_eq!(
            d.decode(b"0123456789", &mut |_| {}),
            Err(MultilineError::LineTooLong)
        );
        let mut d = MultilineDecoder::new(100, 5);
        assert_eq!(
            d.decode(b"abc\r\ndef\r\n", &mut |_| {}),
            Err(MultilineError::TooLarge)
        );
    }

    #[test]
    fn auth_replies() {
        assert_eq!(
            parse_auth_reply(b"+ VXNlcg==").unwrap(),
            AuthReply::Continue("VXNlcg==".into())
        );
        assert_eq!(
            parse_auth_reply(b"+").unwrap(),
            AuthReply::Continue(String::new())
        );
        assert!(matches!(parse_auth_reply(b"+OK in").unwrap(), AuthReply::Done(s) if s.ok));
        assert!(matches!(
            parse_auth_reply(b"+ not base64!"),
            Err(ParseError {
                what: Syntax::SaslChallenge,
                ..
            })
        ));
    }
}

//! Streaming mbox reader (RFC 4155) for the mboxo, mboxrd, mboxcl and mboxcl2 variants.
//!
//! A message starts at a `From_` line (see [`super::from_line`]) at the start of the
//! file or after an empty line; the empty line before a `From_` line belongs to the
//! format, not to the message, and is removed. A valid `From_` line *not* preceded
//! by an empty line still starts a message when the next line is a header field
//! (some writers omit the empty line); otherwise it is body text and counted as
//! suspicious.
//!
//! Un-quoting: mboxrd removes one `>` from every line matching `^>+From `; mboxo
//! removes it only from `^>From ` (lines that were `>From ` before writing are
//! indistinguishable, which is why mboxrd is the default for writing).
//! `Content-Length:` (mboxcl/mboxcl2) is used only when it is consistent with the
//! file: the stated number of body bytes must be followed by the end of the file or
//! by an (optional) empty line and a `From_` line. Otherwise the header is ignored
//! and the message is delimited by `From_` lines.
//!
//! LF and CRLF files are both read; bytes are never converted.

use std::collections::VecDeque;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::header_flags::{fields, flags_from_headers, is_header_line};
use super::source::Source;
use super::{
    Damage, DamageReason, Error, MailboxMessage, ReadItem, ReadOptions, Result, from_line,
};

/// How many suspicious line offsets a scan keeps.
const MAX_SUSPICIOUS: usize = 100;

/// The mbox variants, which differ in how body `From ` lines are protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MboxVariant {
    /// Reversible quoting: `^>*From ` gains one `>` on writing, loses one on reading.
    Mboxrd,
    /// Classic quoting: `^From ` → `>From `; reading turns `>From ` back into `From `.
    Mboxo,
    /// mboxo quoting plus a `Content-Length:` header.
    Mboxcl,
    /// No quoting; bodies are delimited by `Content-Length:`.
    Mboxcl2,
}

/// What a reader saw in the file, for the pre-scan report and the import summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScanStats {
    /// `From_` separators seen.
    pub separators: u64,
    /// Lines `>From ` (one `>`).
    pub quoted_single: u64,
    /// Lines `>>From `, `>>>From `, … (more than one `>`).
    pub quoted_multi: u64,
    /// Body lines starting `From ` that are not separators (the writer did not quote them).
    pub unquoted_from: u64,
    /// Separators not preceded by an empty line.
    pub separators_without_blank: u64,
    /// Byte offsets of suspicious `From ` lines (unquoted, or separator without an
    /// empty line before it); at most 100 are kept.
    pub suspicious: Vec<u64>,
    /// Messages with a `Content-Length:` header.
    pub content_length_present: u64,
    /// Messages whose `Content-Length:` matched the file and was used.
    pub content_length_consistent: u64,
    /// Unquoted `From ` lines inside bodies delimited by `Content-Length:` (mboxcl2 evidence).
    pub from_in_content_length_body: u64,
    /// Lines ending in CRLF.
    pub crlf_lines: u64,
}

/// The result of [`prescan`]: what the file looks like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrescanReport {
    /// The variant the file most likely is.
    pub variant: MboxVariant,
    /// True when mboxo and mboxrd cannot be told apart (no `>>From ` lines) — they
    /// then read identically.
    pub ambiguous: bool,
    /// Messages found (including damaged ones).
    pub messages: u64,
    /// Damaged regions found.
    pub damaged: u64,
    /// The counters behind the guess.
    pub stats: ScanStats,
}

/// Reads the whole file once, keeping no messages, and reports the variant it
/// looks like and its suspicious `From ` lines.
pub fn prescan(path: &Path) -> Result<PrescanReport> {
    let file = std::fs::File::open(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut reader = MboxReader::new(file, path, MboxVariant::Mboxrd, ReadOptions::default());
    let (mut messages, mut damaged) = (0, 0);
    for item in &mut reader {
        match item? {
            ReadItem::Message(_) => messages += 1,
            ReadItem::Damaged(_) => damaged += 1,
        }
    }
    let stats = reader.stats().clone();
    let cl_all = stats.content_length_consistent > 0
        && stats.content_length_consistent == stats.content_length_present;
    let variant = if cl_all && stats.from_in_content_length_body > 0 {
        MboxVariant::Mboxcl2
    } else if cl_all && stats.quoted_single > 0 {
        MboxVariant::Mboxcl
    } else {
        MboxVariant::Mboxrd
    };
    Ok(PrescanReport {
        variant,
        ambiguous: variant == MboxVariant::Mboxrd && stats.quoted_multi == 0,
        messages,
        damaged,
        stats,
    })
}

/// A streaming mbox reader: an iterator of [`ReadItem`]s.
pub struct MboxReader<R> {
    src: Source<R>,
    path: PathBuf,
    variant: MboxVariant,
    opts: ReadOptions,
    /// Offset and date of a `From_` line already consumed.
    next_from: Option<(u64, Option<i64>)>,
    started: bool,
    finished: bool,
    queue: VecDeque<ReadItem>,
    stats: ScanStats,
    scratch: Vec<u8>,
}

impl MboxReader<std::io::BufReader<std::fs::File>> {
    /// Opens an mbox file.
    pub fn open(path: &Path, variant: MboxVariant, opts: ReadOptions) -> Result<Self> {
        let file = std::fs::File::open(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(MboxReader::new(
            std::io::BufReader::with_capacity(0, file),
            path,
            variant,
            opts,
        ))
    }
}

impl<R: Read> MboxReader<R> {
    /// Reads mbox data from `inner`; `path` is used in damage reports.
    pub fn new(inner: R, path: &Path, variant: MboxVariant, opts: ReadOptions) -> Self {
        MboxReader {
            src: Source::new(inner),
            path: path.to_path_buf(),
            variant,
            opts,
            next_from: None,
            started: false,
            finished: false,
            queue: VecDeque::new(),
            stats: ScanStats::default(),
            scratch: Vec::new(),
        }
    }

    /// What the reader has seen so far.
    pub fn stats(&self) -> &ScanStats {
        &self.stats
    }

    /// Bytes consumed so far.
    pub fn position(&self) -> u64 {
        self.src.offset()
    }

    fn io_err(&self, source: std::io::Error) -> Error {
        Error::Read {
            path: self.path.clone(),
            source,
        }
    }

    fn suspicious(&mut self, offset: u64) {
        if self.stats.suspicious.len() < MAX_SUSPICIOUS {
            self.stats.suspicious.push(offset);
        }
    }

    /// Reads up to the first `From_` line. Text before it is kept as a damaged
    /// message (byte for byte); only a region larger than the message size
    /// limit is skipped, and reported.
    fn start(&mut self) -> std::io::Result<()> {
        let max = self.opts.max_message_size;
        let mut kept = Vec::new();
        let mut skipped = 0u64;
        loop {
            let off = self.src.offset();
            self.scratch.clear();
            if self.src.read_line(Some(&mut self.scratch))? == 0 {
                break;
            }
            if let Some(fl) = from_line::parse(&self.scratch) {
                self.next_from = Some((off, Some(fl.time)));
                self.stats.separators += 1;
                break;
            }
            skipped += self.scratch.len() as u64;
            if skipped <= max {
                kept.extend_from_slice(&self.scratch);
            } else {
                kept = Vec::new();
            }
        }
        if skipped > max {
            self.queue.push_back(ReadItem::Damaged(Damage {
                path: self.path.clone(),
                offset: 0,
                length: skipped,
                reason: DamageReason::TooLarge { limit: max },
            }));
        } else if !kept.iter().all(u8::is_ascii_whitespace) {
            self.queue
                .push_back(ReadItem::Message(MailboxMessage::damaged(
                    kept,
                    0,
                    DamageReason::LeadingGarbage,
                )));
        } else if skipped > 2 {
            // Only blank lines: nothing to keep, but say so.
            self.queue.push_back(ReadItem::Damaged(Damage {
                path: self.path.clone(),
                offset: 0,
                length: skipped,
                reason: DamageReason::Empty,
            }));
        }
        Ok(())
    }

    fn next_line_is_header(&mut self) -> std::io::Result<bool> {
        let peek = self.src.peek(1024)?;
        let line = memchr::memchr(b'\n', peek).map_or(peek, |i| &peek[..=i]);
        Ok(is_header_line(line))
    }

    /// Reads one message whose `From_` line (at `off`) has been consumed.
    fn read_message(&mut self, off: u64, time: Option<i64>) -> std::io::Result<ReadItem> {
        let mut buf = Vec::new();
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut prev_blank = true;
        let mut in_header = true;
        let mut skipping = false;
        let mut by_length = false;
        let max = self.opts.max_message_size;
        loop {
            let line_off = self.src.offset();
            let target = if skipping { &mut scratch } else { &mut buf };
            if skipping {
                target.clear();
            }
            let start = target.len();
            if self.src.read_line(Some(target))? == 0 {
                break;
            }
            let line = &target[start..];
            if line.ends_with(b"\r\n") {
                self.stats.crlf_lines += 1;
            }
            let blank = line == b"\n" || line == b"\r\n";
            if line.starts_with(b"From ") {
                let parsed = from_line::parse(line);
                if let Some(fl) = parsed
                    && (prev_blank || self.next_line_is_header()?)
                {
                    if !prev_blank {
                        self.stats.separators_without_blank += 1;
                        self.suspicious(line_off);
                    }
                    let target = if skipping { &mut scratch } else { &mut buf };
                    target.truncate(start);
                    self.next_from = Some((line_off, Some(fl.time)));
                    self.stats.separators += 1;
                    break;
                }
                self.stats.unquoted_from += 1;
                self.suspicious(line_off);
            } else if line.first() == Some(&b'>') {
                let target = if skipping { &mut scratch } else { &mut buf };
                unquote_line(&mut self.stats, self.variant, target, start);
            }
            if in_header && blank && !skipping {
                in_header = false;
                if let Some(n) = content_length(&buf[..start]) {
                    self.stats.content_length_present += 1;
                    if n <= max && self.try_content_length(&mut buf, n as usize)? {
                        by_length = true;
                        break;
                    }
                }
            }
            prev_blank = blank;
            if !skipping && buf.len() as u64 > max {
                skipping = true;
                buf = Vec::new();
            }
        }
        self.scratch = scratch;
        let end = self.next_from.map_or(self.src.offset(), |(o, _)| o);
        let damaged = |reason| {
            ReadItem::Damaged(Damage {
                path: self.path.clone(),
                offset: off,
                length: end.saturating_sub(off),
                reason,
            })
        };
        if skipping {
            return Ok(damaged(DamageReason::TooLarge { limit: max }));
        }
        if !by_length && prev_blank {
            strip_last_blank_line(&mut buf);
        }
        if buf.is_empty() || buf.iter().all(|b| b.is_ascii_whitespace()) {
            return Ok(damaged(DamageReason::Empty));
        }
        let first = memchr::memchr(b'\n', &buf).map_or(&buf[..], |i| &buf[..=i]);
        if !is_header_line(first) {
            // Not a message by its looks, but the user's bytes: kept, flagged.
            let mut m = MailboxMessage::damaged(buf, off, DamageReason::NoHeader);
            m.received = time;
            return Ok(ReadItem::Message(m));
        }
        Ok(ReadItem::Message(MailboxMessage {
            flags: flags_from_headers(&buf),
            bytes: buf,
            received: time,
            offset: off,
            damage: None,
            file: None,
        }))
    }

    /// Reads a body of `n` bytes by `Content-Length`; keeps it when the file agrees,
    /// else puts it back. Returns whether it was kept.
    fn try_content_length(&mut self, buf: &mut Vec<u8>, n: usize) -> std::io::Result<bool> {
        let header_len = buf.len();
        let got = self.src.read_exact_into(buf, n)?;
        if got == n {
            let peek = self.src.peek(2048)?;
            let (blank, rest) = if let Some(r) = peek.strip_prefix(b"\r\n") {
                (2, r)
            } else if let Some(r) = peek.strip_prefix(b"\n") {
                (1, r)
            } else {
                (0, peek)
            };
            let ok = rest.is_empty() || from_line::is_from_line(rest);
            let at_line_start = n == 0 || buf.last() == Some(&b'\n');
            if ok && (at_line_start || blank == 0 && rest.is_empty()) {
                if blank > 0 {
                    self.src.read_line(None)?;
                }
                let from_off = self.src.offset();
                self.scratch.clear();
                if self.src.read_line(Some(&mut self.scratch))? > 0 {
                    let time = from_line::parse(&self.scratch).map(|f| f.time);
                    self.next_from = Some((from_off, time));
                    self.stats.separators += 1;
                }
                self.stats.content_length_consistent += 1;
                self.unquote_body(buf, header_len);
                return Ok(true);
            }
        }
        let body = buf.split_off(header_len);
        self.src.unread(&body);
        Ok(false)
    }

    /// Un-quotes the body lines of a message delimited by `Content-Length`.
    fn unquote_body(&mut self, buf: &mut Vec<u8>, from: usize) {
        let body = buf.split_off(from);
        let mut pos = 0;
        while pos < body.len() {
            let end = memchr::memchr(b'\n', &body[pos..]).map_or(body.len(), |i| pos + i + 1);
            let start = buf.len();
            buf.extend_from_slice(&body[pos..end]);
            if body[pos..end].starts_with(b"From ") {
                self.stats.from_in_content_length_body += 1;
            } else if self.variant != MboxVariant::Mboxcl2 {
                unquote_line(&mut self.stats, self.variant, buf, start);
            }
            pos = end;
        }
    }
}

/// Un-quotes a line starting at `start` in `buf` in place; counts quoted lines.
fn unquote_line(stats: &mut ScanStats, variant: MboxVariant, buf: &mut Vec<u8>, start: usize) {
    let line = &buf[start..];
    let q = line.iter().take_while(|&&b| b == b'>').count();
    if q == 0 || !line[q..].starts_with(b"From ") {
        return;
    }
    if q == 1 {
        stats.quoted_single += 1;
    } else {
        stats.quoted_multi += 1;
    }
    let strip = match variant {
        MboxVariant::Mboxrd => true,
        MboxVariant::Mboxo | MboxVariant::Mboxcl => q == 1,
        MboxVariant::Mboxcl2 => false,
    };
    if strip {
        buf.remove(start);
    }
}

/// Removes one trailing empty line (`\n` or `\r\n` after a line ending).
fn strip_last_blank_line(buf: &mut Vec<u8>) {
    if buf.ends_with(b"\n\r\n") {
        buf.truncate(buf.len() - 2);
    } else if buf.ends_with(b"\n\n") {
        buf.truncate(buf.len() - 1);
    } else if buf == b"\n" || buf == b"\r\n" {
        buf.clear();
    }
}

/// The `Content-Length:` value of a header section, if present and numeric.
fn content_length(header: &[u8]) -> Option<u64> {
    fields(header)
        .find(|(name, _)| name.eq_ignore_ascii_case(b"Content-Length"))
        .and_then(|(_, v)| std::str::from_utf8(v).ok()?.parse().ok())
}

impl<R: Read> Iterator for MboxReader<R> {
    type Item = Result<ReadItem>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(item) = self.queue.pop_front() {
            return Some(Ok(item));
        }
        if self.finished {
            return None;
        }
        if !self.started {
            self.started = true;
            if let Err(e) = self.start() {
                self.finished = true;
                return Some(Err(self.io_err(e)));
            }
            if let Some(item) = self.queue.pop_front() {
                return Some(Ok(item));
            }
        }
        let Some((off, time)) = self.next_from.take() else {
            self.finished = true;
            return None;
        };
        match self.read_message(off, time) {
            Ok(item) => Some(Ok(item)),
            Err(e) => {
                self.finished = true;
                Some(Err(self.io_err(e)))
            }
        }
    }
}

#[cfg(test)]
#[path = "mbox_read_tests.rs"]
mod tests;

//! Flags carried in message headers by mbox-family clients (RFC 4155 leaves them
//! out of the format; these are the de-facto conventions):
//! - `Status:` — `R` read, `O` old (seen by the client, not read: ignored here).
//! - `X-Status:` — `A` answered, `F` flagged, `D` deleted, `T` draft.
//! - `X-Mozilla-Status:` (Thunderbird) — four hex digits: `0x0001` read,
//!   `0x0002` replied, `0x0004` marked (flagged), `0x0008` expunged.
//!
//! Only the header section is looked at (up to the first empty line, at most
//! [`MAX_HEADER`] bytes), and it is never modified: the bytes stay as stored.

use super::Flags;

/// At most this many bytes are searched for the end of the header.
pub const MAX_HEADER: usize = 256 * 1024;

/// The header section of a message: everything before the first empty line
/// (bounded by [`MAX_HEADER`]).
pub fn header_section(message: &[u8]) -> &[u8] {
    let limit = &message[..message.len().min(MAX_HEADER)];
    let mut start = 0;
    while start < limit.len() {
        let end = memchr::memchr(b'\n', &limit[start..]).map_or(limit.len(), |i| start + i + 1);
        let line = &limit[start..end];
        if line == b"\n" || line == b"\r\n" {
            return &limit[..start];
        }
        start = end;
    }
    limit
}

/// Iterates the header fields as `(name, value)` with folded lines joined
/// (the value keeps its line breaks and leading/trailing white space trimmed).
pub fn fields(header: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut rest = header;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            // Find the end of this field: a line break not followed by white space.
            let mut end = 0;
            loop {
                match memchr::memchr(b'\n', &rest[end..]) {
                    Some(i) => {
                        end += i + 1;
                        match rest.get(end) {
                            Some(b' ' | b'\t') => continue,
                            _ => break,
                        }
                    }
                    None => {
                        end = rest.len();
                        break;
                    }
                }
            }
            let (field, tail) = rest.split_at(end);
            rest = tail;
            if let Some(colon) = memchr::memchr(b':', field) {
                let (name, value) = field.split_at(colon);
                if !name.is_empty() && name.iter().all(|b| b.is_ascii_graphic()) {
                    return Some((name, value[1..].trim_ascii()));
                }
            }
        }
    })
}

/// True when `line` looks like the start of a header field (`Name: value`).
pub fn is_header_line(line: &[u8]) -> bool {
    match memchr::memchr(b':', line) {
        Some(0) | None => false,
        Some(i) => line[..i].iter().all(|b| b.is_ascii_graphic()),
    }
}

/// Flags from the `Status:`, `X-Status:` and `X-Mozilla-Status:` headers.
pub fn flags_from_headers(message: &[u8]) -> Flags {
    let mut flags = Flags::default();
    for (name, value) in fields(header_section(message)) {
        if name.eq_ignore_ascii_case(b"Status") {
            flags.seen |= value.contains(&b'R');
        } else if name.eq_ignore_ascii_case(b"X-Status") {
            flags.answered |= value.contains(&b'A');
            flags.flagged |= value.contains(&b'F');
            flags.trashed |= value.contains(&b'D');
            flags.draft |= value.contains(&b'T');
        } else if name.eq_ignore_ascii_case(b"X-Mozilla-Status") {
            let v = std::str::from_utf8(value)
                .ok()
                .and_then(|s| u32::from_str_radix(s, 16).ok())
                .unwrap_or(0);
            flags.seen |= v & 0x0001 != 0;
            flags.answered |= v & 0x0002 != 0;
            flags.flagged |= v & 0x0004 != 0;
            flags.trashed |= v & 0x0008 != 0;
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_headers() {
        let m = b"Subject: hi\nStatus: RO\nX-Status: AF\n\nStatus: D\n";
        let f = flags_from_headers(m);
        assert!(f.seen && f.answered && f.flagged && !f.trashed && !f.draft);
        let m = b"X-Mozilla-Status: 0009\r\nSubject: x\r\n\r\nbody";
        let f = flags_from_headers(m);
        assert!(f.seen && f.trashed && !f.flagged);
        assert!(flags_from_headers(b"Subject: x\n\nX-Status: F\n").is_empty());
    }

    #[test]
    fn folded_fields() {
        let h = header_section(b"A: 1\nB: two\n  lines\nC:3\n\nbody");
        let f: Vec<_> = fields(h).collect();
        assert_eq!(f.len(), 3);
        assert_eq!(f[1], (&b"B"[..], &b"two\n  lines"[..]));
        assert!(is_header_line(b"Return-Path: <x>\n"));
        assert!(!is_header_line(b"hello there: x\n"));
        assert!(!is_header_line(b"\0\0\0:\n"));
    }
}

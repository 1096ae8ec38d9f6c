//! POP3 reply parsers (RFC 1939, RFC 2449): status line, greeting and its
//! APOP timestamp, AUTH continuation, CAPA, STAT/LIST/UIDL lines, and the
//! multi-line decoder. Invariants: nothing panics; a parsed status keeps
//! only printable text; dot-stuffing then decoding gives back the lines
//! exactly (`unstuff(stuff(x)) == x`), whatever chunks they arrive in.
#![no_main]

use libfuzzer_sys::fuzz_target;
use popmail::pop3::Capabilities;
use popmail::pop3::listing::{parse_scan, parse_stat, parse_unique_id};
use popmail::pop3::response::{
    MultilineDecoder, Progress, parse_auth_reply, parse_greeting, parse_status,
};

/// RFC 1939 §3 byte-stuffing of complete lines, then the terminator.
fn stuff(lines: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for l in lines {
        if l.first() == Some(&b'.') {
            out.push(b'.');
        }
        out.extend_from_slice(l);
    }
    out.extend_from_slice(b".\r\n");
    out
}

fuzz_target!(|data: &[u8]| {
    if let Ok(status) = parse_status(data) {
        assert!(!status.text.chars().any(|c| c.is_control()), "{status:?}");
        let g = parse_greeting(&status);
        if let Some(ts) = &g.apop_timestamp {
            assert!(ts.starts_with('<') && ts.ends_with('>'), "{ts}");
        }
    }
    let _ = parse_auth_reply(data); // only "no panic" applies to a refusal
    let _ = parse_scan(data); // likewise
    let _ = parse_unique_id(data); // likewise
    let _ = parse_stat(&String::from_utf8_lossy(data)); // likewise
    let caps = Capabilities::from_lines(data.split(|&b| b == b'\n'));
    let _ = caps.user_allowed();

    // Round trip: split into LF/CRLF-terminated lines, stuff, decode in two chunks.
    let mut lines: Vec<&[u8]> = data.split_inclusive(|&b| b == b'\n').collect();
    if lines.last().is_some_and(|l| !l.ends_with(b"\n")) {
        lines.pop();
    }
    let wire = stuff(&lines);
    let mut dec = MultilineDecoder::new(1 << 20, u64::MAX);
    let mut got = Vec::new();
    let cut = data.first().map_or(0, |&b| b as usize % (wire.len() + 1));
    let (head, _) = wire.split_at(cut);
    let (used, first) = dec
        .decode(head, &mut |l| got.extend_from_slice(l))
        .expect("lines under the limit decode");
    let mut done = first == Progress::Done;
    if !done {
        let (used2, p) = dec
            .decode(&wire[used..], &mut |l| got.extend_from_slice(l))
            .expect("lines under the limit decode");
        assert_eq!(used + used2, wire.len(), "the terminator ends the reply");
        done = p == Progress::Done;
    }
    assert!(done, "the terminator was not seen");
    assert_eq!(got, lines.concat(), "unstuff(stuff(x)) != x");
});

//! The message model: raw bytes to envelope (list columns), reader view and
//! HTML to text. Invariants: nothing panics (deep MIME nesting included);
//! the SHA-256 is that of the input; parsing is deterministic; list columns
//! hold no line breaks; a message whose headers do not parse is still listed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sha2::{Digest, Sha256};

fuzz_target!(|data: &[u8]| {
    let p = popmail::mail::parse(data);
    let want: [u8; 32] = Sha256::digest(data).into();
    assert_eq!(p.sha256, want);
    let e = &p.envelope;
    for col in [&e.subject, &e.from_name, &e.from_addr] {
        assert!(!col.contains('\n') && !col.contains('\r'), "{col:?}");
    }
    assert!(e.snippet.chars().count() <= 400, "snippet too long");
    assert_eq!(popmail::mail::envelope(data), p.envelope, "not deterministic");
    let _ = popmail::mail::view(data);
    let text = String::from_utf8_lossy(data);
    let _ = popmail::mail::html_to_text(&text);
});

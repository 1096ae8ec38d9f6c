//! The rules' parsers (issue 15): the compact command-line syntax
//! (`FIELD MATCHER VALUE`, actions) and rule files (JSON), plus the junk
//! filter's tokenizer. Invariants: nothing panics; a condition or action
//! that parses prints back to text that parses to the same thing; a rule
//! file that imports exports to a file that imports to the same rules; the
//! tokenizer is deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use popmail::rules::syntax::{format_action, format_condition, parse_action, parse_condition};
use popmail::rules::{export_json, import_json, junk};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for line in text.lines() {
        if let Ok(c) = parse_condition(line) {
            let printed = format_condition(&c);
            assert_eq!(parse_condition(&printed).ok(), Some(c), "{line:?} -> {printed:?}");
        }
        if let Ok(a) = parse_action(line) {
            let printed = format_action(&a);
            assert_eq!(parse_action(&printed).ok(), Some(a), "{line:?} -> {printed:?}");
        }
    }
    if let Ok(rules) = import_json(&text) {
        let file = export_json(&rules).expect("imported rules export");
        assert_eq!(import_json(&file).ok(), Some(rules), "JSON round trip");
    }
    let envelope = popmail::mail::envelope(data);
    let headers = popmail::mail::headers(data);
    let body = popmail::mail::html_to_text(&text);
    let once = junk::tokens(&envelope, &headers, &body, data);
    assert_eq!(once, junk::tokens(&envelope, &headers, &body, data), "tokens not deterministic");
});

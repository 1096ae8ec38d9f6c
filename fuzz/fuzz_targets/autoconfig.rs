//! The settings-discovery autoconfig reader (`config-v1.1.xml`, hostile
//! input from any web server). Invariants: no panic; every file that parses
//! has at least one POP3 server and at most the reader's bounds of servers
//! and notes; every host is non-empty, at most 253 bytes, with no
//! whitespace or control character; every port is 1–65535; user names and
//! notes hold no control character; parsing is deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use popmail::discovery::autoconfig::{MAX_NOTES, MAX_SERVERS, parse};

fuzz_target!(|data: &[u8]| {
    let first = parse(data, "ann@example.test");
    assert_eq!(first, parse(data, "ann@example.test"));
    if let Ok(config) = first {
        assert!(!config.servers.is_empty());
        assert!(config.servers.len() <= MAX_SERVERS && config.notes.len() <= MAX_NOTES);
        for s in &config.servers {
            assert!(!s.host.is_empty() && s.host.len() <= 253, "{:?}", s.host);
            assert!(
                !s.host.chars().any(|c| c.is_whitespace() || c.is_control()),
                "{:?}",
                s.host
            );
            assert!(s.port >= 1);
            assert!(!s.username.chars().any(char::is_control), "{:?}", s.username);
        }
        for n in &config.notes {
            assert!(!n.chars().any(char::is_control), "{n:?}");
        }
        if let Some(d) = &config.display_name {
            assert!(!d.chars().any(char::is_control), "{d:?}");
        }
    }
});

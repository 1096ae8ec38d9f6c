//! The EML export file names and the folder/attachment name sanitiser.
//! Invariants: a sanitised name is never empty, never `.` or `..`, holds no
//! path separator, control character or character Windows forbids, does not
//! end in a dot or space, and is no reserved Windows device name.
#![no_main]

use libfuzzer_sys::fuzz_target;
use popmail::mailbox::names::{eml_base_name, safe_component, subject_slug};

fn check(name: &str) {
    assert!(!name.is_empty());
    assert!(name != "." && name != ".." && !name.contains(".."), "{name:?}");
    assert!(
        !name
            .chars()
            .any(|c| c.is_control() || "<>:\"/\\|?*".contains(c)),
        "{name:?}"
    );
    assert!(!name.ends_with('.') && !name.ends_with(' '), "{name:?}");
    let stem = name.split('.').next().unwrap_or("").trim_end().to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit()
            && stem.as_bytes()[3] != b'0');
    assert!(!reserved, "{name:?}");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check(&safe_component(&text));
    let _ = subject_slug(data);
    check(&eml_base_name(data.len() as u64, data));
});

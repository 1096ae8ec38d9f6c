//! Safe file and directory names for exported messages and folders.
//!
//! A name made from mail data (a subject, a folder name) must not escape the
//! export directory or trip the file system: no path separators, no `.`/`..`,
//! no leading dot (hidden, and Maildir++ folder syntax), no `..` anywhere, no control characters or
//! characters Windows forbids (`<>:"/\|?*`), no trailing dot or space, and none of
//! the Windows reserved device names (`CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`,
//! `LPT1`–`LPT9`, with or without an extension). Names are cut to 100 bytes.

use super::header_flags::{fields, header_section};

const MAX_LEN: usize = 100;

/// Turns arbitrary text into one safe path component (never empty).
pub fn safe_component(text: &str) -> String {
    let mut s: String = text
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"/\\|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    if s.len() > MAX_LEN {
        let mut cut = MAX_LEN;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
    // Two dots in a row never survive, so no part of the name reads as a
    // parent directory to a tool that splits on something other than `/`.
    let s = s.replace("..", "._");
    let s = s
        .trim_end_matches(['.', ' '])
        .trim_start_matches(['.', ' ']);
    let stem = s
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem
                .as_bytes()
                .get(3)
                .is_some_and(|b| (b'1'..=b'9').contains(b)));
    if s.is_empty() {
        "_".to_string()
    } else if reserved {
        format!("_{s}")
    } else {
        s.to_string()
    }
}

/// A short ASCII slug of the message's subject for a file name (may be empty).
pub fn subject_slug(message: &[u8]) -> String {
    let subject = fields(header_section(message))
        .find(|(n, _)| n.eq_ignore_ascii_case(b"Subject"))
        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
        .unwrap_or_default();
    let mut slug = String::new();
    for c in subject.chars() {
        if slug.len() >= 60 {
            break;
        }
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            slug.push(c);
        } else if !slug.ends_with(' ') && !slug.is_empty() {
            slug.push(' ');
        }
    }
    slug.trim_end().to_string()
}

/// The base file name (without extension) for the `seq`th exported message.
pub fn eml_base_name(seq: u64, message: &[u8]) -> String {
    let slug = subject_slug(message);
    if slug.is_empty() {
        format!("{seq:06}")
    } else {
        safe_component(&format!("{seq:06} {slug}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names_are_neutralised() {
        assert_eq!(safe_component("../../etc/passwd"), "__.__etc_passwd");
        assert_eq!(safe_component("a..b...c"), "a._b._.c");
        assert_eq!(safe_component(".."), "_");
        assert_eq!(safe_component(".hidden"), "hidden");
        assert_eq!(safe_component("a/b\\c:d"), "a_b_c_d");
        assert_eq!(safe_component("CON"), "_CON");
        assert_eq!(safe_component("lpt1.txt"), "_lpt1.txt");
        assert_eq!(safe_component("COM10"), "COM10");
        assert_eq!(safe_component("trailing. "), "trailing");
        assert_eq!(safe_component("nul\0byte"), "nul_byte");
        assert_eq!(safe_component(""), "_");
        let long = "é".repeat(200);
        assert!(safe_component(&long).len() <= 100);
    }

    #[test]
    fn eml_names_from_subjects() {
        assert_eq!(
            eml_base_name(7, b"Subject: Re: ../secret?  plans!\n\nx"),
            "000007 Re secret plans"
        );
        assert_eq!(eml_base_name(8, b"From: a\n\nx"), "000008");
    }
}

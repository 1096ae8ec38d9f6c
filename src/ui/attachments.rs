//! Making attachment names safe to save, and recognising risky file types.
//!
//! A sender chooses the file name (RFC 2183 `filename`, RFC 2231 encoding), so
//! it is untrusted: it may carry path separators, `..`, control characters,
//! Windows device names (`CON`, `NUL`, `COM1` …), a leading dot that would hide
//! the file, or trailing dots and spaces that Windows strips. [`safe_file_name`]
//! keeps only a plain last component. [`is_dangerous`] flags programs and
//! scripts (and macro-enabled Office documents) so the window warns before
//! saving them.

/// Extensions of programs, scripts and macro documents (lower case, no dot).
const DANGEROUS_EXTENSIONS: &[&str] = &[
    "exe", "scr", "bat", "cmd", "com", "pif", "cpl", "msi", "msp", "msc", "jar", "js", "jse",
    "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "hta", "lnk", "reg", "inf", "scf", "dll", "sys",
    "sh", "bash", "command", "app", "apk", "appimage", "deb", "rpm", "run", "py", "pl", "rb",
    "docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppam", "ppsm", "sldm", "iso", "img",
    "vhd", "vhdx", "desktop",
];

/// MIME types of programs and scripts.
const DANGEROUS_MIME: &[&str] = &[
    "application/x-msdownload",
    "application/x-msdos-program",
    "application/x-ms-installer",
    "application/x-msi",
    "application/x-executable",
    "application/x-sh",
    "application/x-shellscript",
    "application/java-archive",
    "application/javascript",
    "text/javascript",
    "application/x-javascript",
    "text/vbscript",
    "application/vnd.ms-excel.sheet.macroenabled.12",
    "application/vnd.ms-word.document.macroenabled.12",
    "application/vnd.ms-powerpoint.presentation.macroenabled.12",
];

const WINDOWS_DEVICES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "conin$",
    "conout$",
];

/// Longest name kept, in bytes (most file systems allow 255).
const MAX_NAME_BYTES: usize = 200;

/// Whether an attachment is a program, script or macro document.
pub fn is_dangerous(name: &str, mime: &str) -> bool {
    let mime = mime.trim().to_ascii_lowercase();
    if DANGEROUS_MIME.contains(&mime.as_str()) {
        return true;
    }
    // Check every extension, so "invoice.pdf.exe" and "x.exe." are caught.
    let lower = name.trim().trim_end_matches(['.', ' ']).to_lowercase();
    lower
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .rsplit('.')
        .next()
        .is_some_and(|ext| lower.contains('.') && DANGEROUS_EXTENSIONS.contains(&ext))
}

/// A plain file name for `name`: last path component only, no control or
/// reserved characters, not hidden, not a device name, not empty.
pub fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut out: String = last
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*' | '\u{202e}') {
                '_'
            } else {
                c
            }
        })
        .collect();
    out = out
        .trim()
        .trim_start_matches('.')
        .trim_end_matches(['.', ' '])
        .to_string();
    if out.is_empty() {
        out = "attachment".to_string();
    }
    let stem = out
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if WINDOWS_DEVICES.contains(&stem.trim()) {
        out.insert(0, '_');
    }
    if out.len() > MAX_NAME_BYTES {
        let ext = out
            .rfind('.')
            .map(|i| out[i..].to_string())
            .filter(|e| e.len() <= 16)
            .unwrap_or_default();
        let mut cut = MAX_NAME_BYTES - ext.len();
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push_str(&ext);
    }
    out
}

/// `dir/name`, or `dir/stem (2).ext`, `(3)` … when taken, never an existing file.
pub fn unique_path(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_paths_traversal_and_reserved_forms() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("C:\\Windows\\evil.dll"), "evil.dll");
        assert_eq!(safe_file_name(".bashrc"), "bashrc");
        assert_eq!(safe_file_name(".."), "attachment");
        assert_eq!(safe_file_name(""), "attachment");
        assert_eq!(safe_file_name("CON.txt"), "_CON.txt");
        assert_eq!(safe_file_name("nul"), "_nul");
        assert_eq!(safe_file_name("a\u{0}b\nc?.txt"), "a_b_c_.txt");
        assert_eq!(safe_file_name("report.pdf.  "), "report.pdf");
        let long = format!("{}.pdf", "x".repeat(500));
        let safe = safe_file_name(&long);
        assert!(safe.len() <= MAX_NAME_BYTES && safe.ends_with(".pdf"));
    }

    #[test]
    fn programs_scripts_and_macro_documents_are_dangerous() {
        for n in [
            "setup.exe",
            "invoice.pdf.EXE",
            "x.js",
            "a.vbs",
            "b.jar",
            "c.ps1",
            "d.docm",
        ] {
            assert!(is_dangerous(n, "application/octet-stream"), "{n}");
        }
        assert!(is_dangerous("x.exe.", "application/octet-stream"));
        assert!(is_dangerous("noext", "application/x-msdownload"));
        assert!(!is_dangerous("photo.jpg", "image/jpeg"));
        assert!(!is_dangerous("exe", "text/plain"));
        assert!(!is_dangerous("report.docx", "application/octet-stream"));
    }

    #[test]
    fn unique_path_never_overwrites() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("a.txt"), b"1").expect("write");
        std::fs::write(dir.path().join("a (2).txt"), b"2").expect("write");
        assert_eq!(
            unique_path(dir.path(), "a.txt"),
            dir.path().join("a (3).txt")
        );
        assert_eq!(unique_path(dir.path(), "b"), dir.path().join("b"));
    }
}

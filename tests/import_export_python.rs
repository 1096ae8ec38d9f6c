//! Interop with Python's standard `mailbox` module (scripts/mailbox_interop.py):
//! what popmail exports, Python reads as the same messages and flags; what
//! Python writes (mbox and Maildir), popmail imports identically.
//!
//! Needs `python3` (Debian package `python3`); the tests fail loudly without it.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine as _;
use popmail::jobs::{self, ExportRequest, ExportSource, ImportRequest, Quiet, Target};
use popmail::mailbox::Format;
use popmail::store::{Flags, FolderId, Store};

use crate::import_export::{stored, temp_store};
use crate::support::mail_corpus;

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/mailbox_interop.py")
}

/// Runs the helper; returns Python's view: (bytes, flag letters) per message.
fn python(args: &[&Path], cmd: &str) -> Vec<(Vec<u8>, String)> {
    crate::support::system::ensure().unwrap_or_else(|e| panic!("{e}"));
    let out = Command::new("python3")
        .arg(script())
        .arg(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("python3 is required for the interop tests (install the Debian package python3): {e}")
        });
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let b = base64::engine::general_purpose::STANDARD
                .decode(m["bytes"].as_str().unwrap())
                .unwrap();
            (b, m["flags"].as_str().unwrap().to_string())
        })
        .collect()
}

/// Python's mbox writer turns body lines `From ` into `>From ` (mboxo) and does
/// not undo it on reading.
fn mboxo_quote(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() + 16);
    for line in b.split_inclusive(|&c| c == b'\n') {
        if line.starts_with(b"From ") {
            out.push(b'>');
        }
        out.extend_from_slice(line);
    }
    out
}

fn mboxrd_quote(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() + 16);
    for line in b.split_inclusive(|&c| c == b'\n') {
        let q = line.iter().take_while(|&&c| c == b'>').count();
        if line[q..].starts_with(b"From ") {
            out.push(b'>');
        }
        out.extend_from_slice(line);
    }
    out
}

fn mbox_letters(f: Flags) -> String {
    let mut s = String::new();
    for (bit, c) in [
        (Flags::SEEN, 'R'),
        (Flags::DELETED, 'D'),
        (Flags::FLAGGED, 'F'),
        (Flags::ANSWERED, 'A'),
    ] {
        if f.contains(bit) {
            s.push(c);
        }
    }
    s
}

fn maildir_letters(f: Flags) -> String {
    let mut s = String::new();
    for (bit, c) in [
        (Flags::DRAFT, 'D'),
        (Flags::FLAGGED, 'F'),
        (Flags::ANSWERED, 'R'),
        (Flags::SEEN, 'S'),
        (Flags::DELETED, 'T'),
    ] {
        if f.contains(bit) {
            s.push(c);
        }
    }
    s
}

fn sorted_letters(s: &str, keep: &str) -> String {
    let mut v: Vec<char> = s.chars().filter(|c| keep.contains(*c)).collect();
    v.sort_unstable();
    v.into_iter().collect()
}

/// Writes corpus messages as NNNN_FLAGS.msg for the helper.
fn inputs(dir: &Path, n: u64, flags: &[&str]) -> Vec<Vec<u8>> {
    std::fs::create_dir_all(dir).unwrap();
    (0..n)
        .map(|i| {
            let m = mail_corpus::message(300 + i);
            let f = flags[i as usize % flags.len()];
            std::fs::write(dir.join(format!("{i:04}_{f}.msg")), &m).unwrap();
            m
        })
        .collect()
}

#[test]
fn python_mbox_imports_identically() {
    let (dir, mut store) = temp_store();
    let msgs = dir.path().join("in");
    let originals = inputs(&msgs, 60, &["", "RO", "RA", "F", "RODFA"]);
    assert!(
        originals
            .iter()
            .any(|m| m.windows(6).any(|w| w == b"\nFrom "))
    );
    let mbox = dir.path().join("python.mbox");
    let py = python(&[&mbox, &msgs], "write-mbox");
    assert_eq!(py.len(), 60);
    let req = ImportRequest::new(&mbox, Format::Mboxo, Target::New);
    let s = jobs::import(&mut store, &req, &mut Quiet).unwrap();
    assert_eq!((s.imported, s.damaged_count), (60, 0));
    let ours = stored(&store, s.root.unwrap());
    let mut exact = 0;
    for ((raw, flags), (py_bytes, py_flags)) in ours.iter().zip(&py) {
        assert_eq!(&mboxo_quote(raw), py_bytes);
        exact += usize::from(raw == py_bytes);
        assert_eq!(mbox_letters(*flags), sorted_letters_in_order(py_flags));
    }
    assert!(
        exact >= 50,
        "messages without From lines are byte-identical ({exact})"
    );
    // Un-quoting gave back the original text of lines Python had quoted.
    let raw_bodies: Vec<&Vec<u8>> = ours.iter().map(|(r, _)| r).collect();
    for (i, o) in originals.iter().enumerate().filter(|(i, _)| i % 5 == 0) {
        assert_eq!(raw_bodies[i], o, "message {i} was added as raw bytes");
    }
}

/// Python's letters (e.g. "ROAF") in our canonical order R D F A.
fn sorted_letters_in_order(s: &str) -> String {
    "RDFA".chars().filter(|c| s.contains(*c)).collect()
}

#[test]
fn python_maildir_imports_identically() {
    let (dir, mut store) = temp_store();
    let msgs = dir.path().join("in");
    inputs(&msgs, 40, &["", "S", "FS", "RS", "DT", "P"]);
    let md = dir.path().join("python-maildir");
    let mut py = python(&[&md, &msgs], "write-maildir");
    assert_eq!(py.len(), 40);
    let s = jobs::import(
        &mut store,
        &ImportRequest::new(&md, Format::Maildir, Target::New),
        &mut Quiet,
    )
    .unwrap();
    assert_eq!(s.imported, 40);
    let mut ours: Vec<(Vec<u8>, String)> = stored(&store, s.root.unwrap())
        .into_iter()
        .map(|(b, f)| (b, maildir_letters(f)))
        .collect();
    ours.sort();
    for p in &mut py {
        p.1 = sorted_letters(&p.1, "DFRST");
    }
    py.sort();
    assert_eq!(ours, py);
}

fn import_corpus(store: &mut Store, dir: &Path) -> FolderId {
    let msgs = dir.join("corpus");
    inputs(&msgs, 50, &[""]);
    let md = dir.join("src-maildir");
    // Build the source with popmail's own writer, flags varied.
    let mut w = popmail::mailbox::maildir::MaildirWriter::create(&md, false).unwrap();
    for i in 0..50u64 {
        let raw = std::fs::read(msgs.join(format!("{i:04}_.msg"))).unwrap();
        let f = popmail::mailbox::Flags {
            seen: i % 2 == 0,
            flagged: i % 3 == 0,
            answered: i % 5 == 0,
            trashed: i % 7 == 0,
            draft: i % 11 == 0,
        };
        w.write_message(&raw, f, 1_700_000_000 + i as i64).unwrap();
    }
    jobs::import(
        store,
        &ImportRequest::new(&md, Format::Auto, Target::New),
        &mut Quiet,
    )
    .unwrap()
    .root
    .unwrap()
}

#[test]
fn python_reads_our_exports() {
    let (dir, mut store) = temp_store();
    let folder = import_corpus(&mut store, dir.path());
    let ours = stored(&store, folder);
    assert_eq!(ours.len(), 50);

    // Maildir: same bytes, same flags.
    let md = dir.path().join("export-maildir");
    let req = ExportRequest {
        source: ExportSource::Folder {
            folder,
            subfolders: false,
        },
        dest: md.clone(),
        format: Format::Maildir,
        force: false,
    };
    jobs::export(&store, &req, &mut Quiet).unwrap();
    let mut py = python(&[&md], "read-maildir");
    for p in &mut py {
        p.1 = sorted_letters(&p.1, "DFRST");
    }
    py.sort();
    let mut expect: Vec<(Vec<u8>, String)> = ours
        .iter()
        .map(|(b, f)| (b.clone(), maildir_letters(*f)))
        .collect();
    expect.sort();
    assert_eq!(py, expect);

    // mboxrd: Python does not un-quote, so it sees our quoting; flags travel in the
    // messages' own Status headers only (the corpus has none).
    let mbox = dir.path().join("export.mbox");
    let req = ExportRequest {
        dest: mbox.clone(),
        format: Format::Mboxrd,
        ..req
    };
    jobs::export(&store, &req, &mut Quiet).unwrap();
    let py = python(&[&mbox], "read-mbox");
    assert_eq!(py.len(), ours.len());
    let mut exact = 0;
    for ((raw, _), (py_bytes, py_flags)) in ours.iter().zip(&py) {
        assert_eq!(&mboxrd_quote(raw), py_bytes);
        exact += usize::from(raw == py_bytes);
        assert_eq!(py_flags, "");
    }
    assert!(exact >= 45, "{exact}");
}

#[test]
fn python_reads_flags_of_mbox_messages_with_status_headers() {
    let (dir, mut store) = temp_store();
    let msgs = dir.path().join("in");
    inputs(&msgs, 20, &["RO", "RAF", "", "D"]);
    let mbox = dir.path().join("python.mbox");
    let py_in = python(&[&mbox, &msgs], "write-mbox");
    let s = jobs::import(
        &mut store,
        &ImportRequest::new(&mbox, Format::Mboxo, Target::New),
        &mut Quiet,
    )
    .unwrap();
    let out = dir.path().join("again.mbox");
    let req = ExportRequest {
        source: ExportSource::Folder {
            folder: s.root.unwrap(),
            subfolders: false,
        },
        dest: out.clone(),
        format: Format::Mboxo,
        force: false,
    };
    jobs::export(&store, &req, &mut Quiet).unwrap();
    let py_out = python(&[&out], "read-mbox");
    assert_eq!(
        py_out, py_in,
        "Python reads our mboxo export exactly as its own file"
    );
}

//! Import keeps every byte (issue 11): an `.eml` whose first line is not a
//! header field, odd files in a Maildir's `cur/` and `new/`, text before an
//! mbox's first `From_` line and an mbox region that does not start with a
//! header field are each stored byte for byte as a message listed as
//! "(unparseable message)", counted and located in the summary (CLI text);
//! directories that discovery cannot enter are reported, not skipped.

use std::path::Path;

use popmail::cli::import_export::import_report;
use popmail::jobs::{self, ImportRequest, ImportSummary, Quiet, Target};
use popmail::mail::UNPARSEABLE_SUBJECT;
use popmail::mailbox::{DamageReason, Format};
use popmail::store::{FolderId, Scope, Sort, Store};

use crate::import_export::{import, temp_store};

/// (subject, raw bytes) of every message in `folder`, in id order.
fn listed(store: &Store, folder: FolderId) -> Vec<(String, Vec<u8>)> {
    let mut rows = store
        .page(Scope::Folder(folder), Sort::default(), 0, 1000)
        .unwrap();
    rows.sort_by_key(|r| r.id.0);
    rows.into_iter()
        .map(|r| (r.subject.clone(), store.raw(r.id).unwrap()))
        .collect()
}

fn kept_bytes(store: &Store, s: &ImportSummary) -> Vec<Vec<u8>> {
    listed(store, s.root.unwrap())
        .into_iter()
        .filter(|(subject, _)| subject == UNPARSEABLE_SUBJECT)
        .map(|(_, raw)| raw)
        .collect()
}

#[test]
fn import_export_damaged_eml_without_header_is_kept_byte_identical() {
    let (_d, mut store) = temp_store();
    let files = tempfile::tempdir().unwrap();
    let raw: &[u8] = b"Fro :x@example.org\nSubject: fuzzed\n\n\xff\xfe body \0 bytes\n";
    let path = files.path().join("odd.eml");
    std::fs::write(&path, raw).unwrap();
    let s = import(&mut store, &path, Format::Auto);
    assert_eq!(
        (s.imported, s.kept_damaged_count, s.damaged_count),
        (1, 1, 0)
    );
    assert_eq!(kept_bytes(&store, &s), vec![raw.to_vec()]);
    assert_eq!(s.kept_damaged[0].path, path);
    assert_eq!(s.kept_damaged[0].reason, DamageReason::NoHeader);
    let report = import_report(&s, "odd");
    assert!(
        report.contains("1 damaged region kept as \"(unparseable message)\"")
            && report.contains(&format!("kept: {}: {} bytes", path.display(), raw.len())),
        "{report}"
    );
    // Importing again adds nothing: the kept bytes dedupe like any message.
    let again = import(&mut store, &path, Format::Auto);
    assert_eq!((again.imported, again.duplicates), (0, 1));
}

#[test]
fn import_export_damaged_maildir_odd_files_are_messages() {
    let (_d, mut store) = temp_store();
    let files = tempfile::tempdir().unwrap();
    let md = files.path().join("md");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(md.join(sub)).unwrap();
    }
    let good: &[u8] = b"From: a@example.org\nSubject: fine\n\nhello\n";
    let junk: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR not mail at all";
    let text: &[u8] = b"just a note someone saved here\n";
    std::fs::write(md.join("cur/1.a.host:2,S"), good).unwrap();
    std::fs::write(md.join("cur/2.b.host:2,S"), junk).unwrap();
    std::fs::write(md.join("new/3.c.host"), text).unwrap();
    std::fs::write(md.join("new/4.d.host"), b"").unwrap();
    let s = import(&mut store, &md, Format::Auto);
    assert_eq!(
        (s.imported, s.kept_damaged_count, s.damaged_count),
        (4, 3, 0)
    );
    let mut kept = kept_bytes(&store, &s);
    kept.sort();
    let mut want = vec![junk.to_vec(), text.to_vec(), Vec::new()];
    want.sort();
    assert_eq!(kept, want, "every file, byte for byte");
    let all = listed(&store, s.root.unwrap());
    assert!(all.iter().any(|(subj, raw)| subj == "fine" && raw == good));
    let mut where_: Vec<_> = s
        .kept_damaged
        .iter()
        .map(|d| d.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    where_.sort();
    assert_eq!(where_, ["2.b.host:2,S", "3.c.host", "4.d.host"]);
    let report = import_report(&s, "md");
    assert!(report.contains("3 damaged regions kept"), "{report}");
    assert!(
        report.contains("3.c.host: 31 bytes at offset 0"),
        "{report}"
    );
}

#[test]
fn import_export_damaged_mbox_leading_text_and_headerless_region_are_kept() {
    let (_d, mut store) = temp_store();
    let files = tempfile::tempdir().unwrap();
    let lead: &[u8] = b"Some notes before any message\r\nwith a second line\n";
    let region: &[u8] = b"this region has no header\n>From quoted\n";
    let mut mbox = lead.to_vec();
    mbox.extend_from_slice(b"From a@example.org Wed Jan  3 08:00:00 2024\n");
    mbox.extend_from_slice(b"From: a@example.org\nSubject: good\n\nok\n\n");
    let region_at = mbox.len() as u64;
    mbox.extend_from_slice(b"From b@example.org Wed Jan  3 09:00:00 2024\n");
    mbox.extend_from_slice(b"this region has no header\n>>From quoted\n\n");
    mbox.extend_from_slice(b"From c@example.org Wed Jan  3 10:00:00 2024\n");
    mbox.extend_from_slice(b"From: c@example.org\nSubject: also good\n\nok\n");
    let path = files.path().join("notes.mbox");
    std::fs::write(&path, &mbox).unwrap();
    let s = jobs::import(
        &mut store,
        &ImportRequest::new(&path, Format::Mboxrd, Target::New),
        &mut Quiet,
    )
    .unwrap();
    assert_eq!(
        (s.imported, s.kept_damaged_count, s.damaged_count),
        (4, 2, 0)
    );
    // The leading text exactly; the region as its message bytes (mboxrd
    // quoting removed, separator blank line excluded, as for every message).
    assert_eq!(kept_bytes(&store, &s), vec![lead.to_vec(), region.to_vec()]);
    let at: Vec<_> = s
        .kept_damaged
        .iter()
        .map(|d| (d.offset, d.reason.clone()))
        .collect();
    assert_eq!(
        at,
        [
            (0, DamageReason::LeadingGarbage),
            (region_at, DamageReason::NoHeader)
        ]
    );
    let report = import_report(&s, "notes");
    assert!(
        report.contains(&format!(
            "{}: {} bytes at offset 0",
            path.display(),
            lead.len()
        )),
        "{report}"
    );
    assert!(
        report.contains(&format!("at offset {region_at}")),
        "{report}"
    );
}

#[test]
fn import_export_damaged_fixture_mbox_counts_kept_and_skipped() {
    let (_d, mut store) = temp_store();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mbox/damaged.mbox");
    let raw = std::fs::read(&path).unwrap();
    let s = import(&mut store, &path, Format::Auto);
    // Three good messages, the text before the first From_ line and the NUL
    // bytes after the second From_ line, each kept byte for byte.
    assert_eq!(
        (s.imported, s.kept_damaged_count, s.damaged_count),
        (5, 2, 0)
    );
    let first_from = raw.windows(5).position(|w| w == b"From ").unwrap();
    let b = raw.windows(6).position(|w| w == b"From b").unwrap();
    let c = raw.windows(6).position(|w| w == b"From c").unwrap();
    let nul_start = b + raw[b..].iter().position(|&x| x == b'\n').unwrap() + 1;
    // The region's bytes as a message: without the blank separator line.
    let region = raw[nul_start..c - 1].to_vec();
    assert_eq!(
        kept_bytes(&store, &s),
        vec![raw[..first_from].to_vec(), region]
    );
    assert_eq!(s.kept_damaged[1].reason, DamageReason::NoHeader);
}

#[test]
fn import_export_damaged_too_deep_directories_are_reported() {
    let (_d, mut store) = temp_store();
    let files = tempfile::tempdir().unwrap();
    let root = files.path().join("tree");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::write(
        root.join("top.eml"),
        b"From: a@example.org\nSubject: top\n\nx\n",
    )
    .unwrap();
    let mut deep = root.clone();
    for i in 0..40 {
        deep = deep.join(format!("d{i}"));
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("lost.eml"), b"Subject: deep\n\ny\n").unwrap();
    let s = import(&mut store, &root, Format::Auto);
    assert_eq!(s.imported, 1);
    assert_eq!(s.damaged_count, 1, "the folder not followed is reported");
    assert!(matches!(&s.damaged[0].reason, DamageReason::Unreadable(w) if w.contains("deeper")));
    let report = import_report(&s, "tree");
    assert!(report.contains("1 damaged region skipped"), "{report}");
    assert!(report.contains("nested deeper than 32 levels"), "{report}");
}

//! Import and export through the store: round trips (mbox, Maildir, EML
//! directory, folder trees), duplicates, damaged input, cancel, overwrite
//! refusal, selections, and the job worker's commands and events.

use std::collections::BTreeMap;
use std::path::Path;

use popmail::jobs::{
    self, Control, ExportRequest, ExportSource, ImportRequest, ImportSummary, Progress, Quiet,
    Target,
};
use popmail::mailbox::eml::{EmlReader, EmlWriter};
use popmail::mailbox::maildir::{MaildirReader, MaildirWriter};
use popmail::mailbox::{
    Flags, Format, MboxReader, MboxVariant, MboxWriter, ReadItem, ReadOptions, discover,
};
use popmail::store::{FolderId, Scope, Store};

use crate::support::mail_corpus;

pub fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&popmail::store::StoreConfig::new(
        dir.path().join("popmail.sqlite3"),
    ))
    .unwrap();
    (dir, store)
}

/// Flags from a number, every combination appearing.
fn flags_for(i: u64) -> Flags {
    Flags {
        seen: i & 1 != 0,
        flagged: i & 2 != 0,
        answered: i & 4 != 0,
        trashed: i.is_multiple_of(11),
        draft: i.is_multiple_of(13),
    }
}

/// A corpus message with mbox status headers carrying `flags`.
fn with_status_headers(i: u64, f: Flags) -> Vec<u8> {
    let m = mail_corpus::message(i);
    let mut status = String::new();
    if f.seen {
        status.push_str("Status: RO\n");
    }
    let mut x = String::new();
    for (on, c) in [
        (f.answered, 'A'),
        (f.flagged, 'F'),
        (f.trashed, 'D'),
        (f.draft, 'T'),
    ] {
        if on {
            x.push(c);
        }
    }
    if !x.is_empty() {
        status.push_str(&format!("X-Status: {x}\n"));
    }
    let cut = m.windows(2).position(|w| w == b"\n\n").unwrap() + 1;
    let mut out = m[..cut].to_vec();
    out.extend_from_slice(status.as_bytes());
    out.extend_from_slice(&m[cut..]);
    out
}

pub fn import(store: &mut Store, path: &Path, format: Format) -> ImportSummary {
    let s = jobs::import(
        store,
        &ImportRequest::new(path, format, Target::New),
        &mut Quiet,
    )
    .unwrap();
    assert!(!s.cancelled);
    s
}

fn export(
    store: &Store,
    folder: FolderId,
    dest: &Path,
    format: Format,
    subfolders: bool,
) -> jobs::ExportSummary {
    let req = ExportRequest {
        source: ExportSource::Folder { folder, subfolders },
        dest: dest.to_path_buf(),
        format,
        force: false,
    };
    jobs::export(store, &req, &mut Quiet).unwrap()
}

fn read_all(
    items: impl Iterator<Item = popmail::mailbox::Result<ReadItem>>,
) -> Vec<(Vec<u8>, Flags)> {
    items
        .map(|i| match i.unwrap() {
            ReadItem::Message(m) => (m.bytes, m.flags),
            ReadItem::Damaged(d) => panic!("unexpected damage: {d}"),
        })
        .collect()
}

/// Every message of a folder, bytes and flags, read the way export reads them.
pub(crate) fn stored(store: &Store, folder: FolderId) -> Vec<(Vec<u8>, popmail::store::Flags)> {
    let mut out = Vec::new();
    let ids = store.folder_ids(folder, usize::MAX).unwrap();
    store
        .for_each_for_export(&ids, |m| {
            out.push((m.raw.to_vec(), m.flags));
            Ok::<_, popmail::store::Error>(())
        })
        .unwrap();
    out
}

#[test]
fn mbox_round_trip_is_byte_identical() {
    let (dir, mut store) = temp_store();
    let src = dir.path().join("Archive.mbox");
    let n = 300u64;
    let originals: Vec<(Vec<u8>, Flags)> = (0..n)
        .map(|i| (with_status_headers(i, flags_for(i)), flags_for(i)))
        .collect();
    let mut w = MboxWriter::new(std::fs::File::create(&src).unwrap(), MboxVariant::Mboxrd);
    for (i, (m, _)) in originals.iter().enumerate() {
        w.write_message(m, 1_704_067_200 + i as i64 * 60).unwrap();
    }
    w.finish().unwrap();
    assert!(
        originals
            .iter()
            .any(|(m, _)| m.windows(8).any(|w| w == b"\n>>From ")),
        "the corpus must contain quoted From lines"
    );

    let s = import(&mut store, &src, Format::Auto);
    assert_eq!((s.imported, s.duplicates, s.damaged_count), (n, 0, 0));
    let folder = s.root.unwrap();
    assert_eq!(store.folder(folder).unwrap().name, "Archive");
    let inside = stored(&store, folder);
    assert_eq!(inside.len(), n as usize);
    for ((raw, flags), (orig, f)) in inside.iter().zip(&originals) {
        assert_eq!(raw, orig);
        assert_eq!(*flags, jobs::to_store_flags(*f));
    }

    let out = dir.path().join("out.mbox");
    let e = export(&store, folder, &out, Format::Mboxrd, false);
    assert_eq!(e.messages, n);
    let back =
        read_all(MboxReader::open(&out, MboxVariant::Mboxrd, ReadOptions::default()).unwrap());
    assert_eq!(back, originals);
    // Same bytes, same From_ dates (received time kept): the whole file is identical.
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&src).unwrap());

    // Importing again adds nothing.
    let again = import(&mut store, &src, Format::Mbox);
    assert_eq!((again.imported, again.duplicates), (0, n));
    assert_eq!(store.count(Scope::Folder(folder)).unwrap(), n);
}

#[test]
fn mboxo_round_trip_of_plain_from_lines() {
    let (dir, mut store) = temp_store();
    let src = dir.path().join("o.mbox");
    let m: &[u8] = b"From: a@example.org\nSubject: o\n\nFrom the top\nnot quoted\n";
    let mut w = MboxWriter::new(std::fs::File::create(&src).unwrap(), MboxVariant::Mboxo);
    w.write_message(m, 0).unwrap();
    w.finish().unwrap();
    let s = import(&mut store, &src, Format::Mboxo);
    let out = dir.path().join("o2.mbox");
    export(&store, s.root.unwrap(), &out, Format::Mboxo, false);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&src).unwrap());
    assert_eq!(stored(&store, s.root.unwrap())[0].0, m);
}

fn sorted(mut v: Vec<(Vec<u8>, Flags)>) -> Vec<(Vec<u8>, Flags)> {
    v.sort();
    v
}

#[test]
fn maildir_round_trip_keeps_bytes_and_flags() {
    let (dir, mut store) = temp_store();
    let src = dir.path().join("Mail");
    let mut w = MaildirWriter::create(&src, false).unwrap();
    let mut originals = Vec::new();
    for i in 0..200u64 {
        let m = mail_corpus::message(1000 + i);
        w.write_message(&m, flags_for(i), 1_700_000_000 + i as i64)
            .unwrap();
        originals.push((m, flags_for(i)));
    }
    let mut sub = w.subfolder(&["Work".to_string()]).unwrap();
    let work = mail_corpus::message(5000);
    sub.write_message(&work, flags_for(3), 1_700_000_000)
        .unwrap();

    let s = import(&mut store, &src, Format::Auto);
    assert_eq!((s.imported, s.folders), (201, 2));
    let root = s.root.unwrap();
    assert_eq!(store.count(Scope::Folder(root)).unwrap(), 200);

    let out = dir.path().join("Out");
    let e = export(&store, root, &out, Format::Maildir, true);
    assert_eq!((e.messages, e.folders), (201, 2));
    let back = read_all(MaildirReader::open(&out, ReadOptions::default()).unwrap());
    assert_eq!(sorted(back), sorted(originals));
    let back_work =
        read_all(MaildirReader::open(&out.join(".Work"), ReadOptions::default()).unwrap());
    assert_eq!(back_work, vec![(work, flags_for(3))]);
}

#[test]
fn eml_directory_round_trip() {
    let (dir, mut store) = temp_store();
    let src = dir.path().join("emls");
    let mut w = EmlWriter::create(&src, false).unwrap();
    let mut originals = Vec::new();
    for i in 0..100u64 {
        let m = with_status_headers(2000 + i, flags_for(i));
        w.write_message(&m).unwrap();
        originals.push((m, flags_for(i)));
    }
    let mut sub = w.subfolder("Receipts").unwrap();
    let r = mail_corpus::message(7);
    sub.write_message(&r).unwrap();

    let s = import(&mut store, &src, Format::Eml);
    assert_eq!((s.imported, s.folders), (101, 2));
    let out = dir.path().join("emls-out");
    let e = export(&store, s.root.unwrap(), &out, Format::Eml, true);
    assert_eq!(e.messages, 101);
    let back = read_all(EmlReader::open(&out, ReadOptions::default()).unwrap());
    assert_eq!(sorted(back), sorted(originals));
    let back_sub =
        read_all(EmlReader::open(&out.join("Receipts"), ReadOptions::default()).unwrap());
    assert_eq!(back_sub.len(), 1);
    assert_eq!(back_sub[0].0, r);
    for entry in std::fs::read_dir(&out).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.starts_with('.') && !name.contains(['/', '\\', ':']),
            "{name}"
        );
    }
}

#[test]
fn thunderbird_tree_round_trip() {
    let (dir, mut store) = temp_store();
    let src = dir.path().join("Local Folders");
    std::fs::create_dir_all(src.join("Inbox.sbd")).unwrap();
    let write = |p: &Path, from: u64, n: u64| {
        let mut w = MboxWriter::new(std::fs::File::create(p).unwrap(), MboxVariant::Mboxrd);
        for i in from..from + n {
            w.write_message(&mail_corpus::message(i), 1_700_000_000 + i as i64)
                .unwrap();
        }
        w.finish().unwrap();
    };
    write(&src.join("Inbox"), 0, 5);
    std::fs::write(src.join("Inbox.msf"), b"mork index, ignored").unwrap();
    write(&src.join("Inbox.sbd/Projects"), 100, 3);
    std::fs::write(src.join("Trash"), b"").unwrap();
    std::fs::write(src.join("Trash.msf"), b"").unwrap();
    let s = import(&mut store, &src, Format::Auto);
    assert_eq!((s.imported, s.folders), (8, 3));
    let names: BTreeMap<String, u64> = store
        .folders()
        .unwrap()
        .into_iter()
        .map(|f| (f.name, f.total))
        .collect();
    assert_eq!(names.get("Local Folders"), Some(&0));
    assert_eq!(names.get("Inbox"), Some(&5));
    assert_eq!(names.get("Projects"), Some(&3));
    assert_eq!(names.get("Trash"), Some(&0));

    let out = dir.path().join("export.mbox");
    let e = export(&store, s.root.unwrap(), &out, Format::Mboxrd, true);
    assert_eq!(e.messages, 8);
    assert_eq!(
        std::fs::read(out.with_file_name("export.mbox.sbd/Inbox.sbd/Projects")).unwrap(),
        std::fs::read(src.join("Inbox.sbd/Projects")).unwrap()
    );
    let again = discover(&out.with_file_name("export.mbox.sbd"), Format::Auto).unwrap();
    // Inbox and Projects; the empty Trash is an empty file (no .msf index is written).
    assert_eq!(again.len(), 2, "{again:?}");
    assert_eq!(
        std::fs::metadata(out.with_file_name("export.mbox.sbd/Trash"))
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn damaged_mbox_import_reports_offsets() {
    let (_dir, mut store) = temp_store();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mbox/damaged.mbox");
    let s = import(&mut store, &path, Format::Auto);
    // Three messages plus two damaged regions kept as messages: the leading
    // text and the NUL bytes after the second From_ line.
    assert_eq!(
        (s.imported, s.kept_damaged_count, s.damaged_count),
        (5, 2, 0)
    );
    assert_eq!(s.kept_damaged[0].offset, 0);
    let raw = std::fs::read(&path).unwrap();
    assert!(raw[s.kept_damaged[1].offset as usize..].starts_with(b"From b@example.org"));
    let report = popmail::cli::import_export::import_report(&s, "damaged");
    assert!(
        report.contains("Imported 5 messages")
            && report.contains(&format!("offset {}", s.kept_damaged[1].offset)),
        "{report}"
    );
    store.integrity_check().unwrap();
}

/// Cancels at the n-th poll.
struct CancelAt(u32, Vec<Progress>);

impl Control for CancelAt {
    fn progress(&mut self, p: &Progress) {
        self.1.push(*p);
    }
    fn cancelled(&mut self) -> bool {
        self.0 = self.0.saturating_sub(1);
        self.0 == 0
    }
}

#[test]
fn cancelled_import_keeps_whole_batches_only() {
    let (dir, mut store) = temp_store();
    let src = dir.path().join("big.mbox");
    let n = 3500u64;
    let mut w = MboxWriter::new(std::fs::File::create(&src).unwrap(), MboxVariant::Mboxrd);
    let msgs: Vec<Vec<u8>> = (0..n)
        .map(|i| format!("From: a{i}@example.org\nSubject: {i}\n\nbody {i}\n").into_bytes())
        .collect();
    for m in &msgs {
        w.write_message(m, 0).unwrap();
    }
    w.finish().unwrap();
    let mut ctl = CancelAt(2, Vec::new());
    let req = ImportRequest::new(&src, Format::Mbox, Target::Folder("Partial".into()));
    let s = jobs::import(&mut store, &req, &mut ctl).unwrap();
    assert!(s.cancelled);
    assert!(s.imported > 0 && s.imported < n, "{}", s.imported);
    let folder = s.root.unwrap();
    let inside = stored(&store, folder);
    assert_eq!(inside.len() as u64, s.imported);
    for (i, (raw, _)) in inside.iter().enumerate() {
        assert_eq!(raw, &msgs[i]);
    }
    assert_eq!(store.count(Scope::Folder(folder)).unwrap(), s.imported);
    store.integrity_check().unwrap();
    assert!(!ctl.1.is_empty(), "progress was reported");
}

#[test]
fn export_never_overwrites_without_force_and_cleans_up_on_cancel() {
    let (dir, mut store) = temp_store();
    let src = dir.path().join("in.mbox");
    let mut w = MboxWriter::new(std::fs::File::create(&src).unwrap(), MboxVariant::Mboxrd);
    for i in 0..50 {
        w.write_message(&mail_corpus::message(i), 0).unwrap();
    }
    w.finish().unwrap();
    let folder = import(&mut store, &src, Format::Auto).root.unwrap();
    let existing = dir.path().join("exists.mbox");
    std::fs::write(&existing, b"precious").unwrap();
    let mut req = ExportRequest {
        source: ExportSource::Folder {
            folder,
            subfolders: false,
        },
        dest: existing.clone(),
        format: Format::Mboxrd,
        force: false,
    };
    let err = jobs::export(&store, &req, &mut Quiet).unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&existing).unwrap(), b"precious");
    for format in [Format::Maildir, Format::Eml] {
        let d = dir.path().join("existing-dir");
        std::fs::create_dir_all(&d).unwrap();
        let r = ExportRequest {
            dest: d.clone(),
            format,
            ..req.clone()
        };
        assert!(jobs::export(&store, &r, &mut Quiet).is_err());
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 0);
    }
    req.force = true;
    assert_eq!(jobs::export(&store, &req, &mut Quiet).unwrap().messages, 50);
    assert!(std::fs::read(&existing).unwrap().starts_with(b"From "));

    // Cancelled exports leave nothing behind.
    for (name, format) in [
        ("c.mbox", Format::Mboxrd),
        ("c-maildir", Format::Maildir),
        ("c-eml", Format::Eml),
    ] {
        let dest = dir.path().join(name);
        let r = ExportRequest {
            dest: dest.clone(),
            format,
            force: false,
            ..req.clone()
        };
        struct Always;
        impl Control for Always {
            fn progress(&mut self, _: &Progress) {}
            fn cancelled(&mut self) -> bool {
                true
            }
        }
        let res = jobs::export(&store, &r, &mut Always);
        assert!(
            matches!(res, Err(jobs::Error::Cancelled)),
            "{name}: {res:?}"
        );
        assert!(!dest.exists(), "{name} was left behind");
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("popmail-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn export_a_selection() {
    let (dir, mut store) = temp_store();
    let src = dir.path().join("sel.mbox");
    let mut w = MboxWriter::new(std::fs::File::create(&src).unwrap(), MboxVariant::Mboxrd);
    for i in 0..10 {
        w.write_message(&mail_corpus::message(i), 0).unwrap();
    }
    w.finish().unwrap();
    let folder = import(&mut store, &src, Format::Auto).root.unwrap();
    let ids = store
        .sorted_ids(Scope::Folder(folder), Default::default())
        .unwrap();
    let pick = vec![ids[7], ids[2]];
    let out = dir.path().join("sel-out.mbox");
    let req = ExportRequest {
        source: ExportSource::Messages(pick.clone()),
        dest: out.clone(),
        format: Format::Mboxrd,
        force: false,
    };
    assert_eq!(jobs::export(&store, &req, &mut Quiet).unwrap().messages, 2);
    let back =
        read_all(MboxReader::open(&out, MboxVariant::Mboxrd, ReadOptions::default()).unwrap());
    assert_eq!(back[0].0, store.raw(pick[0]).unwrap());
    assert_eq!(back[1].0, store.raw(pick[1]).unwrap());
}

#[test]
fn cli_handlers_import_and_export() {
    use popmail::cli::import_export::{ExportArgs, ImportArgs, run_export, run_import};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/regress/from-line-in-body.mbox");
    let args = ImportArgs {
        path: fixture.clone(),
        folder: Some("Regress".into()),
        format: Format::Auto,
        quiet: true,
        rules: false,
    };
    let s = run_import(&data, &args).unwrap();
    assert_eq!((s.imported, s.duplicates), (2, 0));
    assert!(
        s.notes.iter().any(|n| n.contains("not quoted")),
        "{:?}",
        s.notes
    );
    assert_eq!(run_import(&data, &args).unwrap().duplicates, 2);

    let out = dir.path().join("out.mbox");
    let mut e = ExportArgs {
        folder: "Regress".into(),
        path: out.clone(),
        format: Format::Mboxrd,
        subfolders: false,
        force: false,
        quiet: true,
    };
    assert_eq!(run_export(&data, &e).unwrap().messages, 2);
    let err = run_export(&data, &e).unwrap_err();
    assert!(format!("{err:#}").contains("already exists"), "{err:#}");
    e.force = true;
    assert_eq!(run_export(&data, &e).unwrap().messages, 2);
    let read = |p: &Path| {
        read_all(MboxReader::open(p, MboxVariant::Mboxrd, ReadOptions::default()).unwrap())
    };
    assert_eq!(read(&out), read(&fixture));
    let text = String::from_utf8(std::fs::read(&out).unwrap()).unwrap();
    assert!(text.contains("\n>From here on the writer forgot to quote"));
    assert!(text.contains("\n>>>From a quoted quoted quote\n"));
    assert!(text.starts_with("From alice@example.org Mon Jan  1 10:00:00 2024\n"));
}

#[test]
fn large_messages_import_with_bounded_queue() {
    // Each message alone fills a batch and the in-flight limit (24 MiB) is passed:
    // the reader must wait for the writer rather than queue them all.
    let (dir, mut store) = temp_store();
    let src = dir.path().join("large.mbox");
    let line = "a large attachment line of text that repeats many times over\n";
    let mut w = MboxWriter::new(std::fs::File::create(&src).unwrap(), MboxVariant::Mboxrd);
    let msgs: Vec<Vec<u8>> = (0..4)
        .map(|i| {
            format!(
                "From: big{i}@example.org\nSubject: big {i}\n\n{}",
                line.repeat(160_000)
            )
            .into_bytes()
        })
        .collect();
    for m in &msgs {
        assert!(m.len() > 9 << 20);
        w.write_message(m, 0).unwrap();
    }
    w.finish().unwrap();
    let s = import(&mut store, &src, Format::Auto);
    assert_eq!(s.imported, 4);
    let inside = stored(&store, s.root.unwrap());
    assert!(inside.iter().zip(&msgs).all(|((raw, _), m)| raw == m));
}

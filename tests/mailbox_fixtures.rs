//! The mailbox readers against fixture files in tests/data: mbox quoting
//! (tests/data/regress/from-line-in-body.mbox), CRLF, mboxcl2, a damaged file,
//! and a Maildir with flags and Maildir++ subfolders.

use std::path::{Path, PathBuf};

use popmail::mailbox::maildir::MaildirReader;
use popmail::mailbox::{
    DamageReason, Format, MailboxMessage, MboxReader, MboxVariant, ReadItem, ReadOptions,
    SourceKind, discover, prescan,
};

fn data(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(p)
}

fn read_mbox(p: &str, v: MboxVariant) -> (Vec<MailboxMessage>, Vec<popmail::mailbox::Damage>) {
    let (mut msgs, mut dmg) = (Vec::new(), Vec::new());
    for item in MboxReader::open(&data(p), v, ReadOptions::default()).unwrap() {
        match item.unwrap() {
            ReadItem::Message(m) => msgs.push(m),
            ReadItem::Damaged(d) => dmg.push(d),
        }
    }
    (msgs, dmg)
}

#[test]
fn from_lines_in_bodies_are_unquoted_mboxrd() {
    let (m, d) = read_mbox("regress/from-line-in-body.mbox", MboxVariant::Mboxrd);
    assert!(d.is_empty());
    assert_eq!(m.len(), 2);
    let body = String::from_utf8(m[0].bytes.clone()).unwrap();
    assert!(body.contains(
        "\nFrom the start of the year\n>From a quoted quote\n>>From a quoted quoted quote\nFrom here on"
    ));
    assert!(body.ends_with("(no date: body text).\n"));
    assert!(m[0].flags.seen && !m[0].flags.answered);
    assert!(m[1].flags.answered && !m[1].flags.seen);
    assert!(m[1].bytes.ends_with(b"> >From inside a reply\nok\n"));
    let report = prescan(&data("regress/from-line-in-body.mbox")).unwrap();
    assert_eq!(report.variant, MboxVariant::Mboxrd);
    assert_eq!(
        report.stats.unquoted_from, 1,
        "the unquoted line is reported"
    );
    assert_eq!(report.stats.suspicious.len(), 1);
}

#[test]
fn crlf_mbox_keeps_crlf() {
    let (m, d) = read_mbox("mbox/crlf.mbox", MboxVariant::Mboxrd);
    assert!(d.is_empty());
    assert_eq!(m.len(), 2);
    assert_eq!(
        m[0].bytes,
        b"From: a@example.org\r\nSubject: crlf one\r\n\r\nline one\r\nFrom quoted\r\n"
    );
    assert_eq!(m[1].received, Some(1_704_186_000));
}

#[test]
fn mboxcl2_uses_consistent_content_length() {
    let report = prescan(&data("mbox/mboxcl2.mbox")).unwrap();
    assert_eq!(report.variant, MboxVariant::Mboxcl2);
    let (m, _) = read_mbox("mbox/mboxcl2.mbox", report.variant);
    assert_eq!(
        m.len(),
        2,
        "the From_ line inside the first body is not a separator"
    );
    assert!(m[0].bytes.ends_with(
        b"\nFrom x@example.org Mon Jan  1 00:00:00 2024\nSubject: inner\n\ninner body\n"
    ));
    assert!(m[1].bytes.ends_with(b"\n\nafter\n"));
}

#[test]
fn damaged_mbox_yields_the_readable_messages() {
    let path = data("mbox/damaged.mbox");
    let raw = std::fs::read(&path).unwrap();
    let (m, d) = read_mbox("mbox/damaged.mbox", MboxVariant::Mboxrd);
    // The text before the first From_ line is kept as a damaged message.
    assert_eq!(m[0].damage, Some(DamageReason::LeadingGarbage));
    assert_eq!(m[0].offset, 0);
    // So are the NUL bytes after the second From_ line (no header field).
    assert_eq!(m[2].damage, Some(DamageReason::NoHeader));
    assert!(raw[m[2].offset as usize..].starts_with(b"From b@example.org"));
    let subjects: Vec<String> = [&m[1], &m[3], &m[4]]
        .iter()
        .map(|m| {
            String::from_utf8_lossy(&m.bytes)
                .lines()
                .nth(1)
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(
        subjects,
        [
            "Subject: good one",
            "Subject: good two",
            "Subject: truncated"
        ]
    );
    assert!(m[4].bytes.ends_with(b"cut off in the mid"));
    assert!(d.is_empty(), "nothing skipped: {d:?}");
}

#[test]
fn maildir_flags_and_subfolders() {
    let root = data("maildir/basic");
    let found = discover(&root, Format::Auto).unwrap();
    let paths: Vec<String> = found.iter().map(|f| f.path.join("/")).collect();
    assert_eq!(paths, ["", "Work", "Work/Old"]);
    assert!(found.iter().all(|f| f.kind == SourceKind::Maildir));
    let msgs: Vec<MailboxMessage> = MaildirReader::open(&root, ReadOptions::default())
        .unwrap()
        .map(|i| match i.unwrap() {
            ReadItem::Message(m) => m,
            ReadItem::Damaged(d) => panic!("{d}"),
        })
        .collect();
    assert_eq!(msgs.len(), 4);
    assert!(msgs[0].flags.seen && !msgs[0].flags.flagged);
    assert!(msgs[1].flags.seen && msgs[1].flags.flagged && msgs[1].flags.answered);
    assert!(msgs[2].flags.draft && msgs[2].flags.trashed && !msgs[2].flags.seen);
    assert!(msgs[3].flags.is_empty());
    assert_eq!(msgs[0].received, Some(1_704_067_200));
    let raw = std::fs::read(root.join("cur/1704067200.M1P1Q1.host:2,S")).unwrap();
    assert_eq!(msgs[0].bytes, raw);
}

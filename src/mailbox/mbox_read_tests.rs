//! Unit tests for the mbox reader.

use super::*;

fn items(data: &[u8], v: MboxVariant, max: u64) -> Vec<ReadItem> {
    MboxReader::new(
        data,
        Path::new("t.mbox"),
        v,
        ReadOptions {
            max_message_size: max,
        },
    )
    .map(|i| i.unwrap())
    .collect()
}

fn messages(data: &[u8], v: MboxVariant) -> Vec<MailboxMessage> {
    items(data, v, 1 << 20)
        .into_iter()
        .map(|i| match i {
            ReadItem::Message(m) => m,
            ReadItem::Damaged(d) => panic!("unexpected damage {d}"),
        })
        .collect()
}

const TWO: &[u8] = b"From a@example.org Mon Jan  1 00:00:00 2024\n\
Subject: one\nStatus: RO\n\nbody one\n>From quoted\n>>From twice\n\n\
From b@example.org Tue Jan  2 00:00:00 2024\nSubject: two\nX-Status: F\n\nbody two\n\n";

#[test]
fn splits_and_unquotes_mboxrd() {
    let m = messages(TWO, MboxVariant::Mboxrd);
    assert_eq!(m.len(), 2);
    assert_eq!(
        m[0].bytes,
        b"Subject: one\nStatus: RO\n\nbody one\nFrom quoted\n>From twice\n"
    );
    assert!(m[0].flags.seen && !m[0].flags.flagged);
    assert_eq!(m[0].received, Some(1_704_067_200));
    assert_eq!(m[0].offset, 0);
    assert_eq!(m[1].bytes, b"Subject: two\nX-Status: F\n\nbody two\n");
    assert!(m[1].flags.flagged && !m[1].flags.seen);
    assert_eq!(m[1].offset, 105);
    assert!(TWO[105..].starts_with(b"From b@"));
}

#[test]
fn mboxo_unquotes_one_level_only() {
    let m = messages(TWO, MboxVariant::Mboxo);
    assert_eq!(
        m[0].bytes,
        b"Subject: one\nStatus: RO\n\nbody one\nFrom quoted\n>>From twice\n"
    );
}

#[test]
fn crlf_file() {
    let data = b"From x Mon Jan  1 00:00:00 2024\r\nA: 1\r\n\r\nbody\r\n\r\n\
From y Mon Jan  1 00:00:01 2024\r\nB: 2\r\n\r\n>From z\r\n\r\n";
    let m = messages(data, MboxVariant::Mboxrd);
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].bytes, b"A: 1\r\n\r\nbody\r\n");
    assert_eq!(m[1].bytes, b"B: 2\r\n\r\nFrom z\r\n");
}

#[test]
fn body_from_lines_that_are_not_separators() {
    // Unquoted "From " lines: no date, or a date but no empty line before and no header after.
    let data = b"From x Mon Jan  1 00:00:00 2024\nA: 1\n\nFrom here on\n\
text\nFrom y Mon Jan  1 00:00:00 2024 said:\nquote\n\n";
    let mut r = MboxReader::new(
        &data[..],
        Path::new("t"),
        MboxVariant::Mboxrd,
        ReadOptions::default(),
    );
    let all: Vec<_> = (&mut r).map(|i| i.unwrap()).collect();
    assert_eq!(all.len(), 1);
    assert_eq!(r.stats().unquoted_from, 2);
    assert_eq!(r.stats().suspicious.len(), 2);
}

#[test]
fn separator_without_blank_line_before_a_header() {
    let data = b"From x Mon Jan  1 00:00:00 2024\nA: 1\n\nbody\n\
From y Mon Jan  1 00:00:00 2024\nB: 2\n\nbody\n";
    let m = messages(data, MboxVariant::Mboxrd);
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].bytes, b"A: 1\n\nbody\n");
}

#[test]
fn content_length_used_when_consistent() {
    // mboxcl2: an unquoted From_ line inside the body, delimited by Content-Length.
    let body = b"hello\nFrom x Mon Jan  1 00:00:00 2024\nB: 1\n";
    let mut data = format!(
        "From x Mon Jan  1 00:00:00 2024\nContent-Length: {}\nA: 1\n\n",
        body.len()
    )
    .into_bytes();
    data.extend_from_slice(body);
    data.extend_from_slice(b"\nFrom y Mon Jan  1 00:00:00 2024\nC: 1\n\nz\n");
    let m = messages(&data, MboxVariant::Mboxcl2);
    assert_eq!(m.len(), 2);
    assert!(m[0].bytes.ends_with(body));
    assert_eq!(m[1].bytes, b"C: 1\n\nz\n");
}

#[test]
fn content_length_ignored_when_wrong() {
    let data = b"From x Mon Jan  1 00:00:00 2024\nContent-Length: 3\nA: 1\n\nlonger body\n\n\
From y Mon Jan  1 00:00:00 2024\nContent-Length: 999\nC: 1\n\nz\n";
    let m = messages(data, MboxVariant::Mboxrd);
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].bytes, b"Content-Length: 3\nA: 1\n\nlonger body\n");
    assert_eq!(m[1].bytes, b"Content-Length: 999\nC: 1\n\nz\n");
}

#[test]
fn leading_text_is_kept_and_oversized_message_reported() {
    let mut data = b"garbage line\nmore\n".to_vec();
    data.extend_from_slice(b"From x Mon Jan  1 00:00:00 2024\nA: 1\n\n");
    data.extend_from_slice(&vec![b'y'; 300]);
    data.extend_from_slice(b"\n\nFrom x Mon Jan  1 00:00:00 2024\nB: 2\n\nok\n");
    let all = items(&data, MboxVariant::Mboxrd, 200);
    assert_eq!(all.len(), 3);
    let ReadItem::Message(m) = &all[0] else {
        panic!()
    };
    assert_eq!(
        (m.offset, &m.bytes[..], &m.damage),
        (
            0,
            &b"garbage line\nmore\n"[..],
            &Some(DamageReason::LeadingGarbage)
        )
    );
    let ReadItem::Damaged(d) = &all[1] else {
        panic!()
    };
    assert_eq!(d.offset, 18);
    assert_eq!(d.reason, DamageReason::TooLarge { limit: 200 });
    assert!(data[(d.offset + d.length) as usize..].starts_with(b"From x"));
    let ReadItem::Message(m) = &all[2] else {
        panic!()
    };
    assert_eq!(m.bytes, b"B: 2\n\nok\n");
}

#[test]
fn truncated_and_garbage_messages() {
    let data = b"From x Mon Jan  1 00:00:00 2024\n\0\0\0\0\n\n\
From x Mon Jan  1 00:00:00 2024\n\nFrom x Mon Jan  1 00:00:00 2024\nA: 1\n\ntrunc";
    let all = items(data, MboxVariant::Mboxrd, 1 << 20);
    assert_eq!(all.len(), 3);
    assert!(
        matches!(&all[0], ReadItem::Message(m) if m.damage == Some(DamageReason::NoHeader) && m.offset == 0 && m.bytes == b"\0\0\0\0\n")
    );
    assert!(matches!(&all[1], ReadItem::Damaged(d) if d.reason == DamageReason::Empty));
    assert!(matches!(&all[2], ReadItem::Message(m) if m.bytes == b"A: 1\n\ntrunc"));
}

#[test]
fn not_mbox_at_all() {
    let all = items(b"just some text\n", MboxVariant::Mboxrd, 100);
    assert!(
        matches!(&all[..], [ReadItem::Message(m)] if m.damage == Some(DamageReason::LeadingGarbage) && m.bytes == b"just some text\n")
    );
    let big = items(b"just some text\n", MboxVariant::Mboxrd, 4);
    assert!(
        matches!(&big[..], [ReadItem::Damaged(d)] if d.reason == DamageReason::TooLarge { limit: 4 } && d.length == 15)
    );
    assert!(items(b"", MboxVariant::Mboxrd, 100).is_empty());
}

#[test]
fn prescan_guesses_variant() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.mbox");
    std::fs::write(&p, TWO).unwrap();
    let r = prescan(&p).unwrap();
    assert_eq!(r.variant, MboxVariant::Mboxrd);
    assert!(!r.ambiguous);
    assert_eq!(r.messages, 2);
    assert_eq!((r.stats.quoted_single, r.stats.quoted_multi), (1, 1));
    std::fs::write(&p, b"From x Mon Jan  1 00:00:00 2024\nA: 1\n\n>From q\n").unwrap();
    let r = prescan(&p).unwrap();
    assert!(r.ambiguous);
}

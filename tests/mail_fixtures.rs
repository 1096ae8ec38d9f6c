//! The message model against hostile and unusual input, end to end: each
//! message is stored, listed, and comes back byte-identical from
//! `popmail show --raw`. Large and deep inputs are generated here rather than
//! committed.

use std::fmt::Write as _;

use crate::support::store::{DataDir, fill_folder};

fn ten_mb_attachment() -> Vec<u8> {
    let mut m = String::from(
        "From: big@example.org\r\nSubject: ten megabytes\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n\
         --XX\r\nContent-Type: application/octet-stream; name=blob.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n",
    );
    let line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\r\n";
    while m.len() < 10 * 1024 * 1024 {
        m.push_str(line);
    }
    m.push_str("--XX--\r\n");
    m.into_bytes()
}

fn many_parts(n: usize) -> Vec<u8> {
    let mut m = String::from(
        "From: parts@example.org\r\nSubject: many parts\r\nContent-Type: multipart/mixed; boundary=P\r\n\r\n",
    );
    for i in 0..n {
        let _ = write!(
            m,
            "--P\r\nContent-Type: text/plain; name=p{i}.txt\r\nContent-Disposition: attachment\r\n\r\npart {i}\r\n"
        );
    }
    m.push_str("--P--\r\n");
    m.into_bytes()
}

fn deep_nesting(depth: usize) -> Vec<u8> {
    let mut m = String::from("From: deep@example.org\r\nSubject: deep\r\n");
    for i in 0..depth {
        let _ = write!(
            m,
            "Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n"
        );
    }
    m.push_str("Content-Type: text/plain\r\n\r\nthe bottom\r\n");
    for i in (0..depth).rev() {
        let _ = write!(m, "--b{i}--\r\n");
    }
    m.into_bytes()
}

fn garbage(len: usize) -> Vec<u8> {
    let mut x: u32 = 0x1234_5678;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x.to_le_bytes()[0]
        })
        .collect()
}

#[test]
fn hostile_messages_are_stored_listed_and_returned_byte_identical() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("garbage", garbage(4096)),
        (
            "no headers at all",
            b"just a line of text without any header\n".to_vec(),
        ),
        (
            "missing date, from, message-id",
            b"Subject: bare\r\n\r\nbody\r\n".to_vec(),
        ),
        (
            "bare LF",
            b"From: a@example.org\nSubject: lf only\n\nline one\nline two\n".to_vec(),
        ),
        ("ten megabytes", ten_mb_attachment()),
        ("5000 parts", many_parts(5000)),
        ("100 deep", deep_nesting(100)),
    ];
    let data = DataDir::new();
    let mut store = data.store();
    let raws: Vec<Vec<u8>> = cases.iter().map(|(_, raw)| raw.clone()).collect();
    let (folder, ids) = fill_folder(&mut store, "Odd", &raws);
    drop(store);

    let list = data.popmail(&["list", "Odd", "--json", "--limit", "100"]);
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );
    assert_eq!(
        String::from_utf8(list.stdout).unwrap().lines().count(),
        cases.len()
    );

    let store = data.store();
    for ((name, raw), id) in cases.iter().zip(&ids) {
        let shown = data.popmail(&["show", "--raw", &id.0.to_string()]);
        assert!(
            shown.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&shown.stderr)
        );
        assert!(shown.stdout == *raw, "{name}: bytes differ");
        let row = store.row(*id).unwrap();
        assert_eq!(row.folder, folder);
        assert_eq!(row.size, raw.len() as u64, "{name}");
        let view = popmail::mail::view(raw);
        match *name {
            "ten megabytes" => {
                assert_eq!(view.attachments.len(), 1);
                assert!(view.attachments[0].size > 7 * 1024 * 1024);
                assert!(row.has_attachments);
            }
            "5000 parts" => assert_eq!(view.attachments.len(), 5000),
            "100 deep" => assert_eq!(view.body.trim(), "the bottom"),
            "bare LF" => {
                assert_eq!(row.subject, "lf only");
                assert!(view.body.contains("line two"));
            }
            "missing date, from, message-id" => {
                assert_eq!(row.subject, "bare");
                assert_eq!(row.from_addr, "");
                assert!(row.date > 0, "falls back to the arrival time");
            }
            _ => {}
        }
    }
}

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

/// Every fixture in `tests/data/mail/` (CRLF and bare-LF variants) parses to
/// what its `NAME.expect.json` says (format in `tests/data/README.md`).
#[test]
fn fixtures_parse_as_expected_in_both_line_ending_variants() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mail");
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for expect_path in names
        .iter()
        .filter(|p| p.to_string_lossy().ends_with(".expect.json"))
    {
        let stem = expect_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".expect.json", "");
        let expect: serde_json::Value =
            serde_json::from_slice(&std::fs::read(expect_path).unwrap()).unwrap();
        for variant in ["crlf", "lf"] {
            let raw = std::fs::read(dir.join(format!("{stem}.{variant}.eml"))).unwrap();
            if let Err(e) = check_fixture(&raw, &expect) {
                failures.push(format!("{stem}.{variant}: {e}"));
            }
            checked += 1;
        }
    }
    assert!(
        checked >= 40,
        "expected the fixture set in {}, found {checked}",
        dir.display()
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} fixtures differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn check_fixture(raw: &[u8], expect: &serde_json::Value) -> Result<(), String> {
    let view = popmail::mail::view(raw);
    let e = &view.envelope;
    let same = |what: &str, got: &str, want: &serde_json::Value| -> Result<(), String> {
        let want = want.as_str().unwrap_or_default();
        if got == want {
            Ok(())
        } else {
            Err(format!("{what}: got {got:?}, want {want:?}"))
        }
    };
    same("subject", &e.subject, &expect["subject"])?;
    same("from_name", &e.from_name, &expect["from_name"])?;
    same("from_addr", &e.from_addr, &expect["from_addr"])?;
    for addr in expect["to"]
        .as_str()
        .unwrap_or_default()
        .split(", ")
        .filter(|a| !a.is_empty())
    {
        if !e.to.contains(addr) {
            return Err(format!("to: {:?} lacks {addr}", e.to));
        }
    }
    if e.date != expect["date_utc"].as_i64() {
        return Err(format!(
            "date: got {:?}, want {}",
            e.date, expect["date_utc"]
        ));
    }
    if e.message_id.as_deref() != expect["message_id"].as_str() {
        return Err(format!(
            "message_id: got {:?}, want {}",
            e.message_id, expect["message_id"]
        ));
    }
    if Some(e.has_attachments) != expect["has_attachments"].as_bool() {
        return Err(format!("has_attachments: got {}", e.has_attachments));
    }
    let listed = |inline: bool| -> Vec<(String, String, u64)> {
        view.attachments
            .iter()
            .filter(|a| a.inline == inline)
            .map(|a| (a.name.clone(), a.mime.clone(), a.size))
            .collect()
    };
    let wanted = |key: &str| -> Vec<(String, String, u64)> {
        expect[key]
            .as_array()
            .map(|v| {
                v.iter()
                    .map(|a| {
                        let s = |k: &str| a[k].as_str().unwrap_or_default().to_string();
                        (s("name"), s("mime"), a["size"].as_u64().unwrap_or(0))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    if listed(false) != wanted("attachments") {
        return Err(format!(
            "attachments: got {:?}, want {:?}",
            listed(false),
            wanted("attachments")
        ));
    }
    if expect.get("inline").is_some() && listed(true) != wanted("inline") {
        return Err(format!(
            "inline: got {:?}, want {:?}",
            listed(true),
            wanted("inline")
        ));
    }
    let body = view.body.replace("\r\n", "\n");
    for s in expect["body_contains"].as_array().into_iter().flatten() {
        let s = s.as_str().unwrap_or_default();
        if !body.contains(s) {
            return Err(format!("body lacks {s:?}; body is {body:?}"));
        }
    }
    for s in expect["body_not_contains"].as_array().into_iter().flatten() {
        let s = s.as_str().unwrap_or_default();
        if body.contains(s) {
            return Err(format!("body contains {s:?}"));
        }
    }
    Ok(())
}

use super::*;

const ALT: &[u8] = b"From: =?ISO-8859-1?Q?Andr=E9?= Pirard <pirard@example.org>\r\n\
To: a@example.com\r\n\
Subject: =?UTF-8?B?w4ljb2xl?= =?UTF-8?B?IGQnw6l0w6k=?=\r\n\
Date: Tue, 1 Jul 2003 10:52:37 +0200\r\n\
Message-ID: <1@example.org>\r\n\
References: <0@example.org>\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=outer\r\n\
\r\n\
--outer\r\n\
Content-Type: multipart/alternative; boundary=inner\r\n\
\r\n\
--inner\r\n\
Content-Type: text/html; charset=utf-8\r\n\
\r\n\
<p>html version</p>\r\n\
--inner\r\n\
Content-Type: text/plain; charset=iso-8859-1\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
plain version caf=E9\r\n\
--inner--\r\n\
--outer\r\n\
Content-Type: application/pdf\r\n\
Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQK\r\n\
--outer--\r\n";

#[test]
fn envelope_decodes_encoded_words_dates_and_ids() {
    let e = envelope(ALT);
    assert_eq!(e.subject, "École d'été");
    assert_eq!(e.from_name, "André Pirard");
    assert_eq!(e.from_addr, "pirard@example.org");
    assert_eq!(e.date, Some(1_057_049_557));
    assert_eq!(e.message_id.as_deref(), Some("1@example.org"));
    assert_eq!(e.thread_key(), "<0@example.org>");
    assert!(e.has_attachments);
    assert_eq!(e.snippet, "plain version café");
}

#[test]
fn view_prefers_plain_and_lists_rfc2231_attachment() {
    let v = view(ALT);
    assert_eq!(v.body.trim(), "plain version café");
    assert!(!v.from_html);
    assert_eq!(v.attachments.len(), 1);
    let a = &v.attachments[0];
    assert_eq!(a.name, "résumé.pdf");
    assert_eq!(a.mime, "application/pdf");
    assert_eq!(a.size, 9);
    assert_eq!(attachment_bytes(ALT, &a.part_path).unwrap(), b"%PDF-1.4\n");
    assert!(matches!(
        attachment_bytes(ALT, "9.9"),
        Err(Error::NoSuchPart(_))
    ));
}

#[test]
fn garbage_and_empty_input_never_panic() {
    for raw in [
        &b""[..],
        b"\xff\xfe\x00\x01",
        b"no colon line\r\n\r\nbody",
        b":\r\n\r\n",
    ] {
        let p = parse(raw);
        let _ = view(raw);
        assert_eq!(p.sha256.len(), 32);
    }
}

#[test]
fn absurd_nesting_is_unparseable_not_a_stack_overflow() {
    let mut raw = Vec::new();
    for i in 0..5000 {
        raw.extend_from_slice(
            format!("Content-Type: multipart/mixed; boundary=b{i}\r\n\r\n--b{i}\r\n").as_bytes(),
        );
    }
    let p = parse(&raw);
    assert_eq!(p.envelope.subject, UNPARSEABLE_SUBJECT);
    assert!(p.envelope.parse_error.is_some());
}

#[test]
fn sort_subject_strips_reply_prefixes() {
    assert_eq!(sort_subject("Re: AW: Fwd: Hello World"), "hello world");
    assert_eq!(sort_subject("  "), "");
    assert_eq!(sort_subject("Ré: x"), "ré: x");
}

/// Found by the `mail_model` fuzz target: a bare CR inside an address
/// reached the list's sender column.
#[test]
fn fuzz_regression_bare_cr_in_an_address_never_reaches_a_list_column() {
    let raw = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fuzz/regressions/mail_model-bare-cr-in-address"
    ))
    .unwrap();
    let e = envelope(&raw);
    for col in [&e.subject, &e.from_name, &e.from_addr] {
        assert!(!col.contains('\n') && !col.contains('\r'), "{col:?}");
    }
    assert!(e.from_addr.starts_with("nest@exampl"), "{:?}", e.from_addr);
}

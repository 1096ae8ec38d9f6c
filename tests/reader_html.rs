//! The reader's model on the fixtures of `tests/data/reader/`: rich HTML
//! (layout and data tables, hidden text, images of every source), flowed and
//! quoted plain text, every script, a PNG bomb, no network, and `popmail show`.

use std::io::Read as _;
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use popmail::mail::{self, rich};

use crate::support::store::{DataDir, fill_folder};

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reader")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The rich document and its plain rendering.
fn render(raw: &[u8]) -> (mail::MessageView, rich::Document, String) {
    let view = mail::view(raw);
    let doc = view.rich.clone().expect("an HTML message has a rich model");
    let plain = rich::to_plain(&doc, 80);
    (view, doc, plain)
}

#[test]
fn reader_newsletter_layout_table_reads_in_order_without_artifacts() {
    let (view, doc, plain) = render(&fixture("newsletter.eml"));
    assert!(view.from_html);
    assert!(
        !doc.blocks
            .iter()
            .any(|b| matches!(b, rich::Block::Table(_))),
        "layout tables are read in order: {doc:#?}"
    );
    let order = [
        "The valley walk",
        "9:30",
        "Map of the route",
        "What to bring",
        "Boots",
        "waterproof",
        "Lunch",
        "more on the site",
        "Unsubscribe",
    ];
    let mut at = 0;
    for word in order {
        let p = plain[at..]
            .find(word)
            .unwrap_or_else(|| panic!("{word} after {at} in {plain}"));
        at += p;
    }
    for artifact in [
        "**",
        "[",
        "]",
        "<",
        ">",
        "&amp;",
        "PREHEADER",
        "white text on white",
    ] {
        assert!(!plain.contains(artifact), "{artifact:?} in {plain}");
    }
    assert_eq!(doc.remote_images, 2, "the map and the tracking pixel");
    assert!(plain.contains("(2 remote images not loaded)"), "{plain}");
    assert!(
        plain.contains("Links:\n  1. https://example.org/route"),
        "{plain}"
    );
    // The CLI body is the same rendering.
    assert!(
        view.body
            .contains("Meet at the station at 9:30 on Saturday"),
        "{}",
        view.body
    );
}

#[test]
fn reader_receipt_data_table_keeps_columns() {
    let (_, doc, plain) = render(&fixture("receipt.eml"));
    let rows = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            rich::Block::Table(rows) => Some(rows),
            _ => None,
        })
        .expect("a data table");
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.len() == 3));
    assert!(rows[0].iter().all(|c| c.header));
    let line = |start: &str| {
        plain
            .lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("{start} in {plain}"))
            .to_string()
    };
    let header = line("Item");
    let boots = line("Walking boots");
    // Columns line up: "Price" and "89.00" start at the same column.
    assert_eq!(header.find("Price"), boots.find("89.00"), "{plain}");
    assert_eq!(header.find("Qty"), boots.find('1'), "{plain}");
}

#[test]
fn reader_cid_image_is_resolved_and_decoded() {
    let raw = fixture("cid-image.eml");
    let (view, doc, _) = render(&raw);
    let decoded = rich::images::decode_document(&raw, &view.attachments, &doc);
    assert_eq!(decoded.len(), 1);
    let img = decoded[0].as_ref().expect("the logo decodes");
    assert_eq!((img.width, img.height), (40, 20));
    assert_eq!(&img.rgba[..4], &[200, 30, 30, 255]);
}

#[test]
fn reader_png_bomb_is_refused_cheaply() {
    let raw = fixture("png-bomb.eml");
    let (view, doc, plain) = render(&raw);
    assert!(plain.contains("after the picture"));
    let decoded = rich::images::decode_document(&raw, &view.attachments, &doc);
    let err = decoded[0]
        .as_ref()
        .expect_err("a 30000 × 30000 PNG is refused");
    assert_eq!(err.to_string(), "image too large to show (30000 × 30000)");
    assert!(matches!(
        err,
        rich::images::Error::TooLarge {
            width: 30000,
            height: 30000
        }
    ));
}

#[test]
fn reader_hidden_preheader_is_absent() {
    let (_, doc, plain) = render(&fixture("preheader.eml"));
    for hidden in [
        "HIDDEN-PREHEADER",
        "HIDDEN-ATTRIBUTE",
        "HIDDEN-SAME-COLOUR",
        "50% off",
    ] {
        assert!(!plain.contains(hidden), "{hidden} in {plain}");
        assert!(
            !format!("{doc:?}").contains(hidden),
            "{hidden} in the model"
        );
    }
    assert_eq!(plain.trim(), "The sale starts now.");
}

#[test]
fn reader_quote_chain_has_six_levels_and_a_signature() {
    let view = mail::view(&fixture("quote-chain.eml"));
    let paras = view.plain_paragraphs();
    let depth = |t: &str| paras.iter().find(|p| p.text.contains(t)).map(|p| p.quote);
    assert_eq!(depth("Six levels"), Some(0));
    for (level, text) in ["one", "two", "three", "four", "five", "six"]
        .iter()
        .enumerate()
    {
        assert_eq!(
            depth(&format!("Level {text}")),
            Some(level + 1),
            "{paras:#?}"
        );
    }
    let sig = paras
        .iter()
        .find(|p| p.text == "Dee Example")
        .expect("signature");
    assert!(sig.signature);
    assert!(
        paras.iter().filter(|p| p.signature).count() == 2,
        "{paras:#?}"
    );
}

#[test]
fn reader_flowed_delsp_rejoins_words() {
    let view = mail::view(&fixture("flowed-delsp.eml"));
    assert!(view.flowed && view.delsp);
    let paras = view.plain_paragraphs();
    assert!(paras[0].text.contains("broke it into lines"), "{paras:#?}");
    assert!(
        paras[0].text.contains("reflowed. This line is fixed."),
        "{paras:#?}"
    );
    assert_eq!(paras[1].quote, 1);
    assert_eq!(paras[1].text, "A quoted flowed paragraph.");
}

#[test]
fn reader_every_script_survives() {
    let (_, _, plain) = render(&fixture("scripts.eml"));
    for text in [
        "山田太郎様",
        "张伟",
        "안녕하세요",
        "مرحبا بالعالم",
        "🎉",
        "🚶\u{200d}♀\u{fe0f}",
    ] {
        assert!(plain.contains(text), "{text} in {plain}");
    }
}

fn socket_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .expect("/proc/self/fd")
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .filter(|t| t.to_string_lossy().starts_with("socket:"))
        .count()
}

#[test]
fn reader_remote_images_are_never_requested() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    let hits = Arc::new(AtomicUsize::new(0));
    let raw = String::from_utf8(fixture("remote-image.eml"))
        .unwrap()
        .replace("PORT", &port.to_string())
        .into_bytes();
    let before = socket_fds();
    let mut fixtures: Vec<Vec<u8>> = [
        "newsletter.eml",
        "receipt.eml",
        "cid-image.eml",
        "preheader.eml",
        "scripts.eml",
        "png-bomb.eml",
        "quote-chain.eml",
        "flowed-delsp.eml",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect();
    fixtures.push(raw.clone());
    for m in &fixtures {
        let view = mail::view(m);
        if let Some(doc) = &view.rich {
            // Decoding is what the window does with images.
            let _decoded = rich::images::decode_document(m, &view.attachments, doc);
            let _plain = rich::to_plain(doc, 80);
        }
    }
    std::thread::sleep(Duration::from_millis(200));
    while let Ok((mut s, _)) = listener.accept() {
        let mut buf = Vec::new();
        // A read error still counts the connection.
        let _ = s.read_to_end(&mut buf);
        hits.fetch_add(1, Ordering::SeqCst);
    }
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "a remote image was requested"
    );
    assert_eq!(socket_fds(), before, "rendering opened a socket");
    let (_, doc, plain) = render(&raw);
    assert_eq!(doc.remote_images, 2);
    assert!(
        plain.contains("(remote image: The valley at dawn)"),
        "{plain}"
    );
    assert!(!plain.contains("127.0.0.1"), "{plain}");
}

#[test]
fn reader_cli_show_prints_the_clean_rendering() {
    let data = DataDir::new();
    let mut store = data.store();
    let (_, ids) = fill_folder(
        &mut store,
        "News",
        &[fixture("newsletter.eml"), fixture("receipt.eml")],
    );
    drop(store);
    let out = data.popmail(&["show", &ids[0].0.to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let body = text.split_once("\n\n").map_or("", |(_, b)| b);
    assert!(
        body.contains("Meet at the station at 9:30 on Saturday"),
        "{text}"
    );
    for artifact in ["**", "[", "<b>", "&amp;", "PREHEADER"] {
        assert!(!body.contains(artifact), "{artifact:?} in {text}");
    }
    assert!(body.contains("Links:"), "{text}");
    let out = data.popmail(&["show", &ids[1].0.to_string()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Wool socks"), "{text}");
}

#[test]
fn reader_text_hidden_by_style_block_classes_is_absent() {
    let raw = b"From: Shop <shop@example.org>\r\nTo: me@example.org\r\nSubject: Sale\r\n\
        MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
        <html><head><style type=\"text/css\">\r\n\
        /* preheader */ .pre { display: none !important; mso-hide: all; }\r\n\
        span.ghost, #tracker { font-size: 0; }\r\n\
        @media only screen and (max-width: 480px) { .desktop { display: none; } }\r\n\
        </style></head><body>\r\n\
        <div class=\"pre\">SECRET preheader words</div>\r\n\
        <p>Half price <span class=\"ghost\">GHOST filler</span>on boots.</p>\r\n\
        <p id=\"tracker\">TRACKER text</p>\r\n\
        <p class=\"desktop\">Shown on the desktop.</p>\r\n\
        </body></html>\r\n";
    let (_, doc, plain) = render(raw);
    for hidden in ["SECRET", "GHOST", "TRACKER"] {
        assert!(!plain.contains(hidden), "{hidden} is hidden: {plain}");
        assert!(
            !format!("{doc:?}").contains(hidden),
            "{hidden} is not in the model"
        );
    }
    assert!(plain.contains("Half price on boots."), "{plain}");
    assert!(
        plain.contains("Shown on the desktop."),
        "rules for small screens do not apply: {plain}"
    );
}

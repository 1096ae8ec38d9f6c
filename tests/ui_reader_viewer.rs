//! The reader's viewer window, headless (egui_kittest): a clicked image opens
//! at full size; image and text attachments preview inside the reader, under
//! the same decode limits as inline images (a PNG bomb attached is refused).

use std::path::Path;
use std::time::{Duration, Instant};

use base64::Engine as _;
use egui_kittest::kittest::Queryable as _;
use popmail::store::{Flags, NewMessage, Store};

use crate::support::ui::*;

type H = egui_kittest::Harness<'static, popmail::ui::App>;

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reader")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A message from Carol with one attachment `file` of type `mime`.
fn with_attachment(n: usize, file: &str, mime: &str, bytes: &[u8]) -> Vec<u8> {
    let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let body = format!(
        "--XYZ\r\nContent-Type: text/plain\r\n\r\nThe file is attached.\r\n\
         --XYZ\r\nContent-Type: {mime}; name=\"{file}\"\r\nContent-Disposition: attachment; filename=\"{file}\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{}\r\n--XYZ--",
        lines.join("\r\n")
    );
    message(
        n,
        "Carol <carol@example.net>",
        &format!("Files: {file}"),
        &body,
        "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XYZ\"\r\n",
    )
}

fn window(dir: &Path, messages: Vec<Vec<u8>>) -> H {
    let mut store = Store::open(&popmail::store::StoreConfig::new(
        dir.join(popmail::paths::STORE_FILE),
    ))
    .unwrap();
    let account = store.add_account(&account_settings("Work", 9)).unwrap();
    let batch: Vec<NewMessage> = messages
        .into_iter()
        .map(|m| {
            NewMessage::prepare(m, account.inbox, Flags::default()).from_account(account.id, None)
        })
        .collect();
    store.insert_batch(&batch).unwrap();
    drop(store);
    let mut h = harness(dir, false);
    settle(&mut h);
    h
}

fn wait_for_label(h: &mut H, label: &str) {
    let start = Instant::now();
    while !has_label_containing(h, label) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no {label:?} after 20 s"
        );
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// The bomb of `png-bomb.eml` (a PNG whose header says 30,000 × 30,000).
fn bomb() -> Vec<u8> {
    let raw = fixture("png-bomb.eml");
    let view = popmail::mail::view(&raw);
    popmail::mail::cid_bytes(&raw, &view.attachments, "bomb@example.org").unwrap()
}

#[test]
fn ui_reader_viewer_clicked_image_opens_at_full_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(dir.path(), vec![fixture("cid-image.eml")]);
    click_row(&mut h, "Sender", "Our new logo");
    wait_for_label(&mut h, "The logo");
    assert!(!has_label_containing(&h, "pixels"), "no viewer yet");
    h.get_by_label("The logo").click();
    settle(&mut h);
    wait_for_label(&mut h, "the image at full size");
    assert!(has_label_containing(&h, " pixels"), "its size in pixels");
    assert!(
        has_label_containing(&h, "The logo — popmail"),
        "titled by its alt text"
    );
}

#[test]
fn ui_reader_viewer_previews_text_and_image_attachments_and_refuses_a_bomb() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(
        dir.path(),
        vec![
            with_attachment(
                1,
                "notes.txt",
                "text/plain",
                b"first line of the notes\nsecond",
            ),
            with_attachment(2, "photo.png", "image/png", &png(320, 200)),
            with_attachment(3, "bomb.png", "image/png", &bomb()),
            with_attachment(4, "report.pdf", "application/pdf", b"%PDF-1.4"),
        ],
    );
    click_row(&mut h, "Carol", "Files: notes.txt");
    click(&mut h, "Preview");
    wait_for_label(&mut h, "first line of the notes");
    click(&mut h, "Close");
    assert!(
        !has_label_containing(&h, "first line of the notes"),
        "closed"
    );
    click_row(&mut h, "Carol", "Files: photo.png");
    click(&mut h, "Preview");
    wait_for_label(&mut h, "320 × 200 pixels");
    click(&mut h, "Close");
    click_row(&mut h, "Carol", "Files: bomb.png");
    click(&mut h, "Preview");
    wait_for_label(&mut h, "image too large to show");
    click(&mut h, "Close");
    click_row(&mut h, "Carol", "Files: report.pdf");
    assert!(
        !has_label(&h, "Preview"),
        "no preview for a type the reader cannot show"
    );
    assert!(has_label(&h, "Open"), "but it can be opened");
}

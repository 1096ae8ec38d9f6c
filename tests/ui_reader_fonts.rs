//! Fonts for every script in the reader window, headless (egui_kittest), with
//! an injected font database: a machine without fonts for a script is told
//! once which Debian package to install; a font that covers a script is used
//! and not asked for; right-to-left paragraphs are right-aligned.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use popmail::store::{Flags, NewMessage, Store};

use crate::support::ui::*;

type H = egui_kittest::Harness<'static, popmail::ui::App>;

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/reader")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The window over `messages`, with fonts from `fonts` (paths) only.
fn window(dir: &Path, messages: Vec<Vec<u8>>, fonts: &'static [&'static str]) -> H {
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
    let mut h = harness_any_script(dir, false);
    popmail::ui::set_font_source(
        &h.ctx,
        Arc::new(move || {
            let mut db = fontdb::Database::new();
            for f in fonts {
                db.load_font_file(f).unwrap_or_else(|e| {
                    panic!("{f}: {e}: install the Debian package fonts-dejavu-core")
                });
            }
            db
        }),
    );
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

fn japanese_note() -> Vec<u8> {
    message(
        7,
        "Taro <taro@example.jp>",
        "Meeting",
        "山田です。明日の会議は十時からです。",
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n",
    )
}

#[test]
fn ui_reader_fonts_missing_scripts_name_the_package_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(
        dir.path(),
        vec![fixture("scripts.eml"), japanese_note()],
        &[],
    );
    click_row(&mut h, "Sender", "Every script");
    wait_for_label(&mut h, "No font on this computer shows");
    assert!(
        has_label_containing(&h, "Chinese/Japanese, Korean, Arabic text"),
        "the scripts are named"
    );
    assert!(
        has_label_containing(&h, "fonts-noto-cjk and fonts-noto-core"),
        "and the packages"
    );
    click(&mut h, "OK");
    assert!(!has_label_containing(&h, "No font on this computer shows"));
    click_row(&mut h, "Taro", "Meeting");
    h.run_steps(5);
    assert!(
        has_label_containing(&h, "明日の会議"),
        "the message is shown"
    );
    assert!(
        !has_label_containing(&h, "No font on this computer shows"),
        "said once"
    );
}

#[test]
fn ui_reader_fonts_a_covering_font_is_used_and_rtl_is_right_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(
        dir.path(),
        vec![fixture("scripts.eml")],
        &["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
    );
    click_row(&mut h, "Sender", "Every script");
    wait_for_label(&mut h, "No font on this computer shows");
    // Fonts added in a frame take effect in the next ones: let the layout
    // settle before measuring it (under load the notice can come first).
    h.run_steps(5);
    assert!(
        has_label_containing(&h, "Chinese/Japanese, Korean text"),
        "DejaVu Sans covers Arabic, so only CJK and Korean are missing"
    );
    let rect = |h: &H, part: &str| {
        h.get_by_label_contains(part)
            .accesskit_node()
            .bounding_box()
            .unwrap_or_else(|| panic!("{part} has no bounds"))
    };
    let arabic = rect(&h, "مرحبا بالعالم");
    let chinese = rect(&h, "张伟");
    assert!(
        arabic.x0 > chinese.x0 + 100.0 && arabic.x1 > chinese.x1,
        "the Arabic paragraph is right-aligned: {arabic:?} vs {chinese:?}"
    );
}

//! The reader window on the fixtures of `tests/data/reader/`, headless
//! (egui_kittest): rich HTML (layout and data tables, hidden preheaders absent
//! from the accessibility tree, cid: images, remote images never requested,
//! a PNG bomb), quote chains collapsed, flowed text, every script, and the
//! "Show as plain text" / "Show HTML" switch.

use std::net::TcpListener;
use std::path::Path;
use std::time::{Duration, Instant};

use egui::Role;
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

/// A store whose Inbox holds `messages`; the window over it.
fn window(dir: &Path, messages: Vec<Vec<u8>>, any_script: bool) -> H {
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
    let mut h = if any_script {
        harness_any_script(dir, false)
    } else {
        harness(dir, false)
    };
    settle(&mut h);
    h
}

fn open(h: &mut H, subject: &str) {
    click_row(h, "Sender", subject);
}

/// Steps frames until a node labelled `label` exists (images decode off the UI thread).
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

#[test]
fn ui_reader_newsletter_reads_in_order_with_banner_and_no_preheader() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(dir.path(), vec![fixture("newsletter.eml")], false);
    open(&mut h, "Weekly news: the valley walk");
    assert!(
        has_label(&h, "The valley walk"),
        "the heading is its own label"
    );
    assert!(has_label_containing(&h, "2 remote images not loaded"));
    assert!(
        has_label_containing(&h, "🖼 Map of the route"),
        "remote image placeholder with alt text"
    );
    assert!(
        !has_label_containing(&h, "PREHEADER-SECRET"),
        "hidden preheader in the accessibility tree"
    );
    assert!(!has_label_containing(&h, "white text on white"));
    assert!(!has_label_containing(&h, "**"));
    let y = |l: &str| h.get_by_label_contains(l).rect().top();
    assert!(y("The valley walk") < y("Meet at the station"));
    assert!(y("Meet at the station") < y("What to bring"));
    assert!(y("Boots") < y("waterproof if you have them"));
    assert!(y("waterproof if you have them") < y("Lunch"));
    // Per message: plain text and back.
    click(&mut h, "Show as plain text");
    assert!(has_label_containing(&h, "(remote image: Map of the route)"));
    click(&mut h, "Show HTML");
    assert!(has_label(&h, "The valley walk"));
}

#[test]
fn ui_reader_receipt_table_keeps_columns_and_links_ask_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(
        dir.path(),
        vec![fixture("receipt.eml"), fixture("newsletter.eml")],
        false,
    );
    open(&mut h, "Your receipt #1042");
    let x = |l: &str| h.get_by_label(l).rect().left();
    assert!((x("Price") - x("89.00")).abs() < 1.0, "price column");
    assert!((x("Price") - x("12.00")).abs() < 1.0, "price column");
    assert!((x("Item") - x("Wool socks")).abs() < 1.0, "item column");
    assert!(x("Qty") > x("Item") && x("Price") > x("Qty"));
    let y = |l: &str| h.get_by_label(l).rect().center().y;
    assert!(
        (y("Walking boots") - y("89.00")).abs() < 2.0,
        "one row: {} vs {}",
        y("Walking boots"),
        y("89.00")
    );
    open(&mut h, "Weekly news: the valley walk");
    click(&mut h, "Links in this message (3)");
    h.get_by_role_and_label(Role::Link, "https://example.org/route")
        .click();
    settle(&mut h);
    assert!(has_label(&h, "Open this link?"));
    click(&mut h, "Cancel");
    assert!(
        h.output().platform_output.commands.is_empty(),
        "nothing was opened"
    );
}

#[test]
fn ui_reader_cid_image_shows_and_png_bomb_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(
        dir.path(),
        vec![fixture("cid-image.eml"), fixture("png-bomb.eml")],
        false,
    );
    open(&mut h, "Our new logo");
    wait_for_label(&mut h, "The logo");
    let logo = h.get_by_label("The logo");
    assert_eq!(
        logo.accesskit_node().role(),
        Role::Image,
        "decoded, shown as an image"
    );
    open(&mut h, "A picture");
    wait_for_label(&mut h, "image too large to show");
    assert!(has_label_containing(&h, "after the picture"));
}

/// TCP sockets anywhere on this machine whose remote end is `port` (from
/// `/proc/net/tcp` and `tcp6`): a window that tried the image URL has one.
/// Counting this process's socket descriptors instead would race with the
/// other tests, which open sockets of their own in parallel.
fn sockets_to(port: u16) -> Vec<String> {
    let remote = format!(":{port:04X}");
    ["/proc/net/tcp", "/proc/net/tcp6"]
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .flat_map(|t| t.lines().skip(1).map(str::to_string).collect::<Vec<_>>())
        .filter(|l| {
            l.split_whitespace()
                .nth(2)
                .is_some_and(|rem| rem.ends_with(&remote))
        })
        .collect()
}

#[test]
fn ui_reader_remote_images_are_never_requested() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port_number = listener.local_addr().unwrap().port();
    let port = port_number.to_string();
    let raw = String::from_utf8(fixture("remote-image.eml"))
        .unwrap()
        .replace("PORT", &port);
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(dir.path(), vec![raw.into_bytes()], false);
    open(&mut h, "Pictures from the walk");
    assert!(has_label_containing(&h, "2 remote images not loaded"));
    assert!(has_label_containing(&h, "🖼 The valley at dawn"));
    h.run_steps(20);
    std::thread::sleep(Duration::from_millis(300));
    let connection = listener.accept();
    assert!(
        connection.is_err(),
        "the window connected to the image URL: {connection:?}"
    );
    let sockets = sockets_to(port_number);
    assert!(
        sockets.is_empty(),
        "a socket to the image's port: {sockets:?}"
    );
}

#[test]
fn ui_reader_quote_chain_collapses_and_flowed_text_reflows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(
        dir.path(),
        vec![fixture("quote-chain.eml"), fixture("flowed-delsp.eml")],
        false,
    );
    open(&mut h, "Re: Re: Re: Re: Re: Re: plans");
    assert!(has_label(&h, "Level one."));
    assert!(
        !has_label_containing(&h, "Level six"),
        "deep quotes start collapsed"
    );
    assert!(
        has_label(&h, "Dee Example"),
        "the signature is shown (dimmed)"
    );
    click(&mut h, "Show quoted text (6 levels)");
    assert!(has_label_containing(&h, "Level six, the first message."));
    open(&mut h, "Flowed text");
    assert!(has_label_containing(
        &h,
        "program broke it into lines with DelSp"
    ));
    assert!(has_label(&h, "A quoted flowed paragraph."));
}

#[test]
fn ui_reader_every_script_is_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(dir.path(), vec![fixture("scripts.eml")], true);
    open(&mut h, "Every script");
    for text in ["山田太郎様", "张伟", "안녕하세요", "مرحبا بالعالم", "🎉"]
    {
        assert!(has_label_containing(&h, text), "{text}");
    }
}

#[test]
fn ui_reader_remote_images_in_a_row_are_one_line_of_small_placeholders() {
    let dir = tempfile::tempdir().unwrap();
    // A newsletter header: six remote images in a row, then the text.
    let images: String = (1..=6)
        .map(|i| format!("<img src=\"https://img.example.org/{i}.png\" alt=\"pic{i}\" width=\"80\" height=\"40\">"))
        .collect();
    let raw = format!(
        "From: Sender <news@example.org>\r\nTo: me@example.org\r\nSubject: Header of pictures\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
         <html><body><table><tr><td>{images}</td></tr></table>\
         <p>The first words of the letter.</p></body></html>\r\n"
    );
    let mut h = window(dir.path(), vec![raw.into_bytes()], false);
    open(&mut h, "Header of pictures");
    assert!(has_label_containing(&h, "6 remote images not loaded"));
    let rect = |l: &str| h.get_by_label_contains(l).rect();
    let first = rect("🖼 pic1");
    for i in 2..=6 {
        let r = rect(&format!("🖼 pic{i}"));
        assert_eq!(r.top(), first.top(), "pic{i} is on the first one's line");
        assert!(r.left() > first.left(), "pic{i} is to the right of pic1");
    }
    assert!(
        first.height() < 30.0,
        "a placeholder is one line high, not a box: {first:?}"
    );
    assert!(
        rect("The first words").top() < first.top() + 60.0,
        "the text follows right after the pictures"
    );
}

//! The main window and the reader in Indonesian (issue 16), headless
//! (egui_kittest) over a real store: the toolbar, the folder pane with the
//! special folders in Indonesian (the store keeps their stored names), a
//! menu, the list's columns and counts, the reader with a plain, an HTML and
//! an attachment message open — and no English label of the window's and the
//! reader's messages left anywhere in the rendered tree.

use std::collections::BTreeMap;

use egui_kittest::kittest::{NodeT as _, Queryable as _, by};
use popmail::i18n::{self, Lang};
use popmail::store::{FolderRole, JUNK_FOLDER};

use crate::support::ui::*;

/// The window's and the reader's messages without arguments whose English
/// differs from their Indonesian: English → key.
fn english_labels() -> BTreeMap<String, String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en");
    let mut out = BTreeMap::new();
    for file in ["ui-window.ftl", "ui-reader.ftl"] {
        let text = std::fs::read_to_string(dir.join(file)).expect("read ftl");
        for line in text.lines() {
            let Some((key, value)) = line.split_once(" = ") else {
                continue;
            };
            // Only whole one-line messages without arguments.
            if key.starts_with('#') || key.contains(' ') || value.contains('{') {
                continue;
            }
            let en = i18n::lookup_exact(Lang::En, key).expect("en message");
            let id = i18n::lookup_exact(Lang::Id, key).expect("id message");
            if en != id {
                out.insert(en, key.to_owned());
            }
        }
    }
    assert!(out.len() > 100, "the window's messages were not found");
    out
}

/// Every label in the rendered tree.
fn labels(h: &egui_kittest::Harness<'static, popmail::ui::App>) -> Vec<String> {
    h.query_all(by().include_labels().predicate(|_| true))
        .filter_map(|n| n.accesskit_node().label())
        .collect()
}

/// Panics naming every label that is one of the window's English messages
/// (alone, or after an icon such as "⟳ ").
fn assert_no_english(
    h: &egui_kittest::Harness<'static, popmail::ui::App>,
    english: &BTreeMap<String, String>,
    at: &str,
) {
    let mut found = Vec::new();
    let all = labels(h);
    assert!(all.len() > 20, "only {} labels in the tree {at}", all.len());
    for label in all {
        let after_icon = label
            .split_once(' ')
            .filter(|(icon, _)| !icon.chars().any(char::is_alphanumeric))
            .map(|(_, rest)| rest.to_owned());
        for text in std::iter::once(&label).chain(after_icon.as_ref()) {
            if let Some(key) = english.get(text) {
                found.push(format!("{label:?} ({key})"));
            }
        }
    }
    assert!(found.is_empty(), "English left {at}: {found:?}");
}

#[test]
fn ui_window_id_main_window_menu_and_reader_speak_indonesian() {
    let _lang = i18n::for_this_thread(Lang::Id);
    let english = english_labels();
    let dir = tempfile::tempdir().unwrap();
    let fx = sample(dir.path());
    {
        let store = reopen(dir.path());
        store
            .create_folder(JUNK_FOLDER, None, FolderRole::User)
            .expect("junk folder");
    }
    let mut h = harness(dir.path(), false);
    settle(&mut h);

    // The toolbar, the search box and the menu bar.
    for label in [
        "Percakapan",
        "Tandai spam",
        "Bukan spam",
        "Folder ini",
        "Semua folder",
        "Berkas",
        "Pesan",
        "Tampilan",
        "Sinkronkan",
        "⟳ Sinkronkan",
    ] {
        assert!(has_label(&h, label), "no {label:?} in the window");
    }
    // The special folders in Indonesian, user folders as they are.
    for label in [
        "Semua Kotak Masuk",
        "Kotak Masuk",
        "Tempat Sampah",
        "Arsip",
        "Spam",
        "Projects",
        "Folder lokal",
        "Folder baru…",
    ] {
        assert!(has_label(&h, label), "no folder {label:?} in the pane");
    }
    // The store keeps the stored names (the CLI shows them).
    let names: Vec<String> = reopen(dir.path())
        .folders()
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    for stored in ["Inbox", "Trash", "Archive", "Junk"] {
        assert!(names.iter().any(|n| n == stored), "{stored} in {names:?}");
    }
    // The list: its columns, and the count as an Indonesian plural.
    assert!(has_label(&h, "Urutkan menurut Dari"));
    assert!(has_label(&h, "Urutkan menurut Tanggal"));
    assert!(has_label(&h, "6 pesan"), "the unified Inbox's count");
    click_folder(&mut h, "Projects");
    assert!(has_label(&h, "1 pesan"), "a folder's count");
    assert_no_english(&h, &english, "in the main window");

    // A menu.
    click(&mut h, "Berkas");
    for label in [
        "Tambah akun POP3…",
        "Pengaturan akun…",
        "Impor…",
        "Preferensi…",
        "Aturan…",
    ] {
        assert!(has_label(&h, label), "no {label:?} in the File menu");
    }
    assert!(has_label_containing(&h, "Keluar"), "File → Quit");
    assert_no_english(&h, &english, "in the File menu");
    h.key_press(egui::Key::Escape);
    settle(&mut h);

    // The reader with a plain message open.
    click_folder(&mut h, "Kotak Masuk");
    click_row(&mut h, "Alice Example", "Quarterly report");
    for label in [
        "Dari:",
        "Kepada:",
        "Tanggal:",
        "Belum dibaca",
        "☆ Bintangi",
        "Arsipkan",
        "Hapus",
        "Lihat sumber",
        "Semua header",
    ] {
        assert!(has_label(&h, label), "no {label:?} in the reader");
    }
    let weekdays = [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ];
    assert!(
        weekdays
            .iter()
            .any(|d| has_label_containing(&h, &format!("{d}, "))),
        "the Date header is written out in Indonesian"
    );
    assert_no_english(&h, &english, "in the reader");

    // An HTML message: its notice about remote images, its links.
    click_row(&mut h, "News", "Weekly newsletter");
    assert!(
        has_label_containing(&h, "1 gambar jarak jauh tidak dimuat."),
        "the remote-image notice"
    );
    assert!(has_label(&h, "Tautan dalam pesan ini (1)"));
    assert!(has_label(&h, "Tampilkan teks biasa"));
    assert_no_english(&h, &english, "with an HTML message open");

    // An attachment's actions.
    click_row(&mut h, "Carol", "Files: notes.txt");
    for label in ["📎 1 lampiran", "Buka", "Pratinjau", "Simpan…"] {
        assert!(has_label(&h, label), "no {label:?} by the attachment");
    }
    assert_no_english(&h, &english, "with an attachment open");
    drop(fx);
}

#[test]
fn ui_window_id_english_is_unchanged_on_an_english_thread() {
    let _lang = i18n::for_this_thread(Lang::En);
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    for label in [
        "All Inboxes",
        "Inbox",
        "Trash",
        "Archive",
        "Conversations",
        "File",
        "6 messages",
    ] {
        assert!(has_label(&h, label), "no {label:?} in the English window");
    }
    assert!(!has_label(&h, "Kotak Masuk"));
}

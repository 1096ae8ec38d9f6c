//! Import and export from the window, driven headless through AccessKit labels
//! (egui_kittest) over real stores, with the real job worker thread: File →
//! Import… of an mbox (new folder listed, messages shown, summary with notes),
//! a re-import by dropping the file (duplicates skipped), the welcome page's
//! button on a damaged file (damaged regions with byte offsets), a failure in
//! words, export of a folder to Maildir and mbox compared with the stored
//! bytes, "Export selected…" to EML files, no overwrite without confirmation,
//! and Cancel of a long import leaving a consistent store.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use popmail::mailbox::{MboxReader, MboxVariant, ReadItem, ReadOptions};
use popmail::store::{FolderId, Store};

use crate::support::ui::*;

type Harness = egui_kittest::Harness<'static, popmail::ui::App>;

/// What the test's file dialogs answer.
#[derive(Default)]
struct Picks {
    /// "Import a file…".
    file: Option<PathBuf>,
    /// "Import a folder…".
    folder: Option<PathBuf>,
    /// Where "Choose the file/directory…" saves: this directory joined with the suggested name.
    save_dir: Option<PathBuf>,
}

struct Picker(Arc<Mutex<Picks>>);

impl popmail::ui::FilePicker for Picker {
    fn save_file(&mut self, suggested: &str) -> Option<PathBuf> {
        let p = self.0.lock().unwrap();
        p.save_dir.as_ref().map(|d| d.join(suggested))
    }
    fn pick_folder(&mut self) -> Option<PathBuf> {
        self.0.lock().unwrap().folder.clone()
    }
    fn open_file(&mut self) -> Option<PathBuf> {
        self.0.lock().unwrap().file.clone()
    }
}

fn with_picker(h: &mut Harness) -> Arc<Mutex<Picks>> {
    let picks = Arc::new(Mutex::new(Picks::default()));
    h.state_mut()
        .set_file_picker(Box::new(Picker(picks.clone())));
    picks
}

/// Copies a fixture into `dir` (the new folder is named after the file).
fn fixture(rel: &str, dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let dst = dir.join(src.file_name().unwrap());
    std::fs::copy(&src, &dst).unwrap();
    dst
}

fn folder_id(store: &Store, name: &str) -> FolderId {
    store
        .resolve_folder(name)
        .unwrap_or_else(|e| panic!("no folder {name}: {e}"))
        .id
}

/// Every stored message of a folder, sorted.
fn stored(store: &Store, folder: FolderId) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = store
        .folder_ids(folder, usize::MAX)
        .unwrap()
        .into_iter()
        .map(|id| store.raw(id).unwrap())
        .collect();
    out.sort();
    out
}

fn menu(h: &mut Harness, menu: &str, entry: &str) {
    click(h, menu);
    click(h, entry);
}

/// Right-clicks the folder pane's entry `name` and clicks `entry` in its menu.
fn folder_menu(h: &mut Harness, name: &str, entry: &str) {
    h.get_all_by_label(name)
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap_or_else(|| panic!("no folder entry {name}"))
        .click_secondary();
    settle(h);
    click(h, entry);
}

#[test]
fn import_an_mbox_from_the_menu_then_again_by_dropping_it() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let files = tempfile::tempdir().unwrap();
    let mbox = fixture("tests/data/regress/from-line-in-body.mbox", files.path());
    let mut h = harness(dir.path(), false);
    let picks = with_picker(&mut h);
    settle(&mut h);

    picks.lock().unwrap().file = Some(mbox.clone());
    menu(&mut h, "File", "Import…");
    click(&mut h, "Import a file…");
    assert!(
        has_label(&h, "A new folder “from-line-in-body”"),
        "the default target is a new folder named after the file"
    );
    click(&mut h, "Import");
    assert!(!has_label(&h, "Import mail"), "the dialog closed");
    assert!(has_label(&h, "Import finished"), "the summary window shows");
    assert!(has_label(
        &h,
        "Imported 2 messages into “from-line-in-body”."
    ));
    assert!(has_label(
        &h,
        "0 skipped as duplicates (already in the folder)."
    ));
    assert!(
        // One line: the note's plural is singular (issue 16).
        has_label_containing(
            &h,
            "1 body line starting \"From \" was not quoted and was kept as text"
        ),
        "the unquoted From line is noted"
    );
    // The new folder is in the pane and its messages are listed.
    let store = reopen(dir.path());
    let folder = folder_id(&store, "from-line-in-body");
    assert_eq!(store.folder(folder).unwrap().total, 2);
    assert!(
        h.get_all_by_label("from-line-in-body")
            .any(|n| n.accesskit_node().role() != Role::Label),
        "the folder pane lists the new folder"
    );
    assert!(has_label(&h, "Alice — quoting"), "its messages are listed");
    assert!(has_label(&h, "Bob — reply"));
    let body = String::from_utf8(
        stored(&store, folder)
            .into_iter()
            .find(|m| m.starts_with(b"From: Alice"))
            .unwrap(),
    )
    .unwrap();
    assert!(
        body.contains("\nFrom here on the writer forgot to quote (no date: body text).\n"),
        "the unquoted From line stays in the body: {body}"
    );
    click(&mut h, "Close");
    assert!(!has_label(&h, "Import finished"));

    // Dropping the same file asks for the target the same way; nothing new.
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(mbox.clone())));
    settle(&mut h);
    assert!(
        has_label(&h, "Import mail"),
        "a drop opens the import dialog"
    );
    assert!(has_label(&h, &mbox.display().to_string()));
    click(&mut h, "Import");
    assert!(has_label(
        &h,
        "Imported 0 messages into “from-line-in-body”."
    ));
    assert!(has_label(
        &h,
        "2 skipped as duplicates (already in the folder)."
    ));
    assert_eq!(store.folder(folder).unwrap().total, 2);
}

/// A file dropped on the window, as egui-winit reports it.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn the_welcome_page_imports_a_damaged_mbox_and_lists_the_damage() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let mbox = fixture("tests/data/mbox/damaged.mbox", files.path());
    let raw = std::fs::read(&mbox).unwrap();
    let second = raw
        .windows(18)
        .position(|w| w == b"From b@example.org")
        .expect("the fixture's second message") as u64;
    let mut h = harness(dir.path(), false);
    let picks = with_picker(&mut h);
    settle(&mut h);
    assert!(has_label(&h, "Welcome to popmail"));
    picks.lock().unwrap().file = Some(mbox.clone());
    click(&mut h, "Import a mailbox…");
    assert!(has_label(&h, "Import mail"));
    click(&mut h, "Import a file…");
    click(&mut h, "Import");
    assert!(has_label(&h, "Imported 5 messages into “damaged”."));
    assert!(has_label_containing(
        &h,
        "2 damaged regions kept as “(unparseable message)”"
    ));
    assert!(has_label(&h, "0 damaged regions skipped."));
    assert!(
        has_label_containing(&h, "damaged.mbox at byte 0: 36 bytes kept"),
        "the text before the first From_ line, kept"
    );
    assert!(
        has_label_containing(&h, &format!("damaged.mbox at byte {second}:")),
        "the broken second message, at its From_ line, kept"
    );
    assert!(!has_label(&h, "Welcome to popmail"), "mail is there now");
    assert!(has_label_containing(&h, "good one"));
    let store = reopen(dir.path());
    assert_eq!(store.folder(folder_id(&store, "damaged")).unwrap().total, 5);
}

#[test]
fn an_import_that_cannot_start_says_why() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let empty = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), false);
    let picks = with_picker(&mut h);
    settle(&mut h);
    picks.lock().unwrap().folder = Some(empty.path().to_path_buf());
    menu(&mut h, "File", "Import…");
    click(&mut h, "Import a folder…");
    click(&mut h, "Import");
    assert!(has_label(&h, "Import failed"));
    assert!(
        has_label_containing(&h, "is not an mbox file, a Maildir or an .eml file"),
        "the reason in words"
    );
    assert!(has_label_containing(
        &h,
        "Messages imported before the problem are kept"
    ));
}

#[test]
fn export_a_folder_to_maildir_and_mbox_with_the_stored_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let fx = sample(dir.path());
    let out = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), false);
    let picks = with_picker(&mut h);
    picks.lock().unwrap().save_dir = Some(out.path().to_path_buf());
    settle(&mut h);
    let store = reopen(dir.path());
    let want = stored(&store, fx.inbox);
    assert_eq!(want.len(), 6);

    // Maildir, from the folder's context menu.
    folder_menu(&mut h, "Inbox", "Export…");
    assert!(has_label(&h, "Export mail"));
    click(&mut h, "Maildir");
    click(&mut h, "Choose the directory…");
    click(&mut h, "Export");
    assert!(has_label(&h, "Export finished"));
    let dest = out.path().join("Inbox");
    assert!(has_label_containing(
        &h,
        &format!("Exported 6 messages from Inbox to {}", dest.display())
    ));
    let mut got: Vec<Vec<u8>> = ["cur", "new"]
        .iter()
        .flat_map(|sub| std::fs::read_dir(dest.join(sub)).unwrap())
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    got.sort();
    assert_eq!(got, want, "one Maildir file per message, the stored bytes");
    click(&mut h, "Close");

    // mboxrd (the default), from File → Export… with the Inbox on screen.
    click_folder(&mut h, "Inbox");
    menu(&mut h, "File", "Export…");
    click(&mut h, "Choose the file…");
    assert!(has_label(
        &h,
        &out.path().join("Inbox.mbox").display().to_string()
    ));
    click(&mut h, "Export");
    assert!(has_label(&h, "Export finished"));
    let file = std::fs::read(out.path().join("Inbox.mbox")).unwrap();
    assert!(file.starts_with(b"From "), "an mbox file");
    let reader = MboxReader::open(
        &out.path().join("Inbox.mbox"),
        MboxVariant::Mboxrd,
        ReadOptions::default(),
    )
    .unwrap();
    let mut got: Vec<Vec<u8>> = reader
        .map(|i| match i.unwrap() {
            ReadItem::Message(m) => m.bytes,
            ReadItem::Damaged(d) => panic!("damage in our own export: {d}"),
        })
        .collect();
    got.sort();
    assert_eq!(got, want, "the mbox holds exactly the stored messages");
    click(&mut h, "Close");

    // One message from the list's context menu, as EML files.
    click_folder(&mut h, "Projects");
    h.get_by_label("Dave — Project plan").click_secondary();
    settle(&mut h);
    click(&mut h, "Export selected…");
    assert!(has_label(&h, "The 1 message selected"));
    click(&mut h, "EML files");
    click(&mut h, "Choose the directory…");
    click(&mut h, "Export");
    assert!(has_label(&h, "Export finished"));
    let emls: Vec<PathBuf> = std::fs::read_dir(out.path().join("Selected messages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(emls.len(), 1, "{emls:?}");
    assert_eq!(
        vec![std::fs::read(&emls[0]).unwrap()],
        stored(&store, fx.projects)
    );
}

#[test]
fn export_never_replaces_a_file_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let out = tempfile::tempdir().unwrap();
    let existing = out.path().join("Projects.mbox");
    std::fs::write(&existing, b"mine").unwrap();
    let mut h = harness(dir.path(), false);
    let picks = with_picker(&mut h);
    picks.lock().unwrap().save_dir = Some(out.path().to_path_buf());
    settle(&mut h);
    folder_menu(&mut h, "Projects", "Export…");
    click(&mut h, "Choose the file…");
    click(&mut h, "Export");
    assert!(has_label(&h, "Replace the existing file?"));
    assert!(has_label(&h, &existing.display().to_string()));
    click(&mut h, "Back");
    assert!(has_label(&h, "Export mail"), "back to the choices");
    assert_eq!(std::fs::read(&existing).unwrap(), b"mine", "untouched");
    click(&mut h, "Export");
    assert!(has_label(&h, "Replace the existing file?"), "asked again");
    click(&mut h, "Replace");
    assert!(has_label(&h, "Export finished"));
    let file = std::fs::read(&existing).unwrap();
    assert!(
        file.starts_with(b"From ") && file.windows(12).any(|w| w == b"Project plan"),
        "replaced once confirmed"
    );
}

/// A small message numbered `i`.
fn small(i: u64) -> Vec<u8> {
    format!(
        "From: Sender {i} <s{i}@example.org>\nTo: me@example.org\nSubject: Message {i}\n\
         Message-ID: <big{i}@example.org>\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\n\
         Body of message {i}.\n"
    )
    .into_bytes()
}

#[test]
fn cancelling_a_long_import_keeps_a_consistent_store() {
    const N: u64 = 30_000;
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let files = tempfile::tempdir().unwrap();
    let big = files.path().join("big.mbox");
    let mut w = popmail::mailbox::MboxWriter::new(
        std::io::BufWriter::new(std::fs::File::create(&big).unwrap()),
        MboxVariant::Mboxrd,
    );
    for i in 0..N {
        w.write_message(&small(i), 1_700_000_000).unwrap();
    }
    w.finish().unwrap();
    let mut h = harness(dir.path(), false);
    let picks = with_picker(&mut h);
    settle(&mut h);

    picks.lock().unwrap().file = Some(big.clone());
    menu(&mut h, "File", "Import…");
    click(&mut h, "Import a file…");
    // Not `click`: it would wait for the job to end.
    h.get_by_label("Import").click();
    let start = std::time::Instant::now();
    loop {
        h.step();
        let shown = h
            .query_all_by_label_contains("Importing big.mbox: ")
            .filter_map(|n| n.accesskit_node().label())
            .any(|l| l.contains(" messages, ") && !l.contains(": 0 messages"));
        if shown {
            break;
        }
        assert!(
            h.state().busy(),
            "the import of {N} messages ended before it could be cancelled"
        );
        assert!(start.elapsed().as_secs() < 30, "no progress shown");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(has_label(&h, "⏹ Cancel import"));
    click(&mut h, "⏹ Cancel import");
    assert!(has_label(&h, "Import cancelled"), "the summary says so");
    assert!(has_label_containing(&h, "The import was cancelled."));

    let store = reopen(dir.path());
    store.integrity_check().unwrap();
    let folder = folder_id(&store, "big");
    let kept = stored(&store, folder);
    let k = kept.len() as u64;
    assert!(0 < k && k < N, "{k} of {N} kept");
    assert_eq!(store.folder(folder).unwrap().total, k, "counts match rows");
    let all: std::collections::HashSet<Vec<u8>> = (0..N).map(small).collect();
    assert!(
        kept.iter().all(|m| all.contains(m)),
        "every kept message is whole"
    );
    assert!(has_label_containing(
        &h,
        &format!(
            "The {} messages imported before are kept in “big”",
            popmail::fmt::int(k)
        )
    ));
    click(&mut h, "Close");

    // Importing again adds exactly the rest (given time on a loaded machine).
    picks.lock().unwrap().file = Some(big.clone());
    menu(&mut h, "File", "Import…");
    click(&mut h, "Import a file…");
    h.get_by_label("Import").click();
    let start = std::time::Instant::now();
    while h.state().busy() || has_label(&h, "Import mail") {
        h.step();
        assert!(start.elapsed().as_secs() < 300, "the re-import did not end");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    settle(&mut h);
    assert!(has_label(
        &h,
        &format!("Imported {} messages into “big”.", popmail::fmt::int(N - k))
    ));
    assert!(has_label(
        &h,
        &format!(
            "{} skipped as duplicates (already in the folder).",
            popmail::fmt::int(k)
        )
    ));
    assert_eq!(store.folder(folder).unwrap().total, N);
}

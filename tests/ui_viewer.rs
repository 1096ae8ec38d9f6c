//! `popmail FILE.eml`: the viewer app on a fixture, driven headless
//! (egui_kittest). It shows the message with the reader the window uses,
//! without the actions on stored mail; Save writes the attachment's decoded
//! bytes; "Import into popmail…" hands the file over; a file that cannot be
//! read is a clear error in the window; no store is opened.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use popmail::ui::viewer_app::{MessageViewer, is_single_message};

const FIXTURE: &str = "assets/demo/05-minutes-attachments.eml";

struct SaveInto(PathBuf);

impl popmail::ui::FilePicker for SaveInto {
    fn save_file(&mut self, suggested: &str) -> Option<PathBuf> {
        Some(self.0.join(suggested))
    }
    fn pick_folder(&mut self) -> Option<PathBuf> {
        Some(self.0.clone())
    }
}

fn viewer(path: &Path) -> Harness<'static, MessageViewer> {
    let path = path.to_path_buf();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(20)
        .allow_missing_glyphs()
        .build_eframe(move |_cc| MessageViewer::new(path));
    h.run_steps(4);
    h
}

fn has(h: &Harness<'static, MessageViewer>, part: &str) -> bool {
    h.query_all_by_label_contains(part).next().is_some()
}

#[test]
fn ui_viewer_shows_the_file_read_only_and_saves_an_attachment() {
    let out = tempfile::tempdir().unwrap();
    let mut h = viewer(Path::new(FIXTURE));
    assert!(
        has(&h, "Minutes and floor plan for Thursday"),
        "the subject"
    );
    assert!(has(&h, "minutes-2026-11-12.pdf"), "the attachment list");
    for absent in ["Mark read", "Mark unread", "Archive", "Delete", "☆ Star"] {
        assert!(
            h.query_all_by_label(absent).next().is_none(),
            "{absent} does not apply to a file"
        );
    }
    h.state_mut()
        .set_file_picker(Box::new(SaveInto(out.path().to_path_buf())));
    let raw = std::fs::read(FIXTURE).unwrap();
    let view = popmail::mail::view(&raw);
    let (i, part) = view
        .attachments
        .iter()
        .enumerate()
        .find(|(_, a)| a.name == "minutes-2026-11-12.pdf")
        .unwrap();
    // One "Save…" button an attachment, in the list's order.
    h.get_all_by_label("Save…").nth(i).unwrap().click();
    h.run_steps(4);
    let saved = std::fs::read(out.path().join("minutes-2026-11-12.pdf")).unwrap();
    assert_eq!(
        saved,
        popmail::mail::attachment_bytes(&raw, &part.part_path).unwrap(),
        "the decoded bytes"
    );
    assert!(has(&h, "1 attachment saved"));
}

#[test]
fn ui_viewer_import_hands_the_file_over() {
    let mut h = viewer(Path::new(FIXTURE));
    let asked: Arc<Mutex<Vec<PathBuf>>> = Arc::default();
    let seen = Arc::clone(&asked);
    h.state_mut().set_import(Box::new(move |p| {
        seen.lock().unwrap().push(p.to_path_buf());
        Ok(())
    }));
    h.get_by_label("Import into popmail…").click();
    h.run_steps(3);
    assert_eq!(*asked.lock().unwrap(), vec![PathBuf::from(FIXTURE)]);
    assert!(has(&h, "popmail opens the import dialog with this file."));
}

#[test]
fn ui_viewer_a_file_that_cannot_be_read_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let h = viewer(&dir.path().join("gone.eml"));
    assert!(has(&h, "This message cannot be shown:"));
    assert!(has(&h, "gone.eml"));
}

#[test]
fn ui_viewer_single_messages_are_told_from_mailboxes() {
    let dir = tempfile::tempdir().unwrap();
    assert!(is_single_message(Path::new(FIXTURE)));
    assert!(!is_single_message(Path::new(
        "tests/data/regress/from-line-in-body.mbox"
    )));
    assert!(!is_single_message(dir.path()), "a folder is a Maildir");
    assert!(!is_single_message(&dir.path().join("missing.eml")));
}

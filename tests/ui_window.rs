//! The reader window, driven headless through its AccessKit labels
//! (egui_kittest) over real stores in temporary directories: folders, the
//! list, the reader, flags, Trash and restore, moves, search, keyboard,
//! sorting, conversations, attachments and links.

use egui::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use popmail::store::{Flags, FolderId, MessageId, Store};

use crate::support::ui::*;

fn id_of(store: &Store, folder: FolderId, subject: &str) -> MessageId {
    let rows = store
        .page(
            popmail::store::Scope::Folder(folder),
            Default::default(),
            0,
            100,
        )
        .unwrap();
    rows.iter()
        .find(|r| r.subject == subject)
        .unwrap_or_else(|| panic!("no message {subject:?} in folder {folder:?}"))
        .id
}

fn y_of(h: &egui_kittest::Harness<'static, popmail::ui::App>, label: &str) -> f32 {
    h.get_by_label(label).rect().center().y
}

#[test]
fn open_a_folder_then_select_a_message_and_read_it() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    assert!(
        has_label(&h, "Bob — Lunch on Friday?"),
        "the unified Inbox lists the Inbox"
    );
    click_folder(&mut h, "Projects");
    assert!(has_label(&h, "Dave — Project plan"));
    assert!(
        !has_label(&h, "Bob — Lunch on Friday?"),
        "another folder's mail is not listed"
    );
    click_row(&mut h, "Dave", "Project plan");
    assert!(
        has_label(&h, "Project plan"),
        "the reader shows the subject"
    );
    assert!(
        has_label_containing(&h, "Milestones attached below."),
        "the reader shows the body"
    );
    assert!(
        has_label_containing(&h, "dave@example.org"),
        "the reader shows the sender"
    );
}

#[test]
fn opening_marks_read_then_mark_unread_and_star() {
    let dir = tempfile::tempdir().unwrap();
    let fx = sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    let store = reopen(dir.path());
    let id = id_of(&store, fx.inbox, "Quarterly report");
    assert!(!store.row(id).unwrap().flags.contains(Flags::SEEN));
    click_row(&mut h, "Alice Example", "Quarterly report");
    assert!(
        store.row(id).unwrap().flags.contains(Flags::SEEN),
        "opened = read (delay 0)"
    );
    click(&mut h, "Mark unread");
    assert!(!store.row(id).unwrap().flags.contains(Flags::SEEN));
    click(&mut h, "☆ Star");
    assert!(store.row(id).unwrap().flags.contains(Flags::FLAGGED));
    assert!(has_label(&h, "★ Unstar"));
    // Keyboard: s flips the star back, r marks read.
    h.key_press(egui::Key::S);
    settle(&mut h);
    assert!(!store.row(id).unwrap().flags.contains(Flags::FLAGGED));
    h.key_press(egui::Key::R);
    settle(&mut h);
    assert!(store.row(id).unwrap().flags.contains(Flags::SEEN));
}

#[test]
fn delete_to_trash_then_restore_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let fx = sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    let store = reopen(dir.path());
    let id = id_of(&store, fx.inbox, "Lunch on Friday?");
    click_row(&mut h, "Bob", "Lunch on Friday?");
    click(&mut h, "Delete");
    assert_eq!(store.row(id).unwrap().folder, fx.trash);
    assert!(
        !has_label(&h, "Bob — Lunch on Friday?"),
        "gone from the Inbox"
    );
    // Undo puts it back.
    click(&mut h, "Undo");
    assert_eq!(store.row(id).unwrap().folder, fx.inbox);
    assert!(has_label(&h, "Bob — Lunch on Friday?"));
    // Delete again with the keyboard, then restore from the Trash.
    click_row(&mut h, "Bob", "Lunch on Friday?");
    h.key_press(egui::Key::Delete);
    settle(&mut h);
    assert_eq!(store.row(id).unwrap().folder, fx.trash);
    click_folder(&mut h, "Trash");
    click_row(&mut h, "Bob", "Lunch on Friday?");
    click(&mut h, "Message");
    click(&mut h, "Restore from Trash");
    assert_eq!(store.row(id).unwrap().folder, fx.inbox);
    assert!(
        !has_label(&h, "Bob — Lunch on Friday?"),
        "gone from the Trash list"
    );
}

#[test]
fn delete_for_good_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let fx = sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    let store = reopen(dir.path());
    let id = id_of(&store, fx.inbox, "Lunch on Friday?");
    click_row(&mut h, "Bob", "Lunch on Friday?");
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Delete);
    settle(&mut h);
    assert!(has_label(&h, "Delete for good?"));
    click(&mut h, "Cancel");
    assert!(store.row(id).is_ok(), "cancel keeps it");
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Delete);
    settle(&mut h);
    click(&mut h, "Delete for good");
    assert!(store.row(id).is_err(), "deleted for good");
}

#[test]
fn move_to_a_folder_by_menu_and_archive_by_key() {
    let dir = tempfile::tempdir().unwrap();
    let fx = sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    let store = reopen(dir.path());
    let lunch = id_of(&store, fx.inbox, "Lunch on Friday?");
    let report = id_of(&store, fx.inbox, "Quarterly report");
    click_row(&mut h, "Bob", "Lunch on Friday?");
    click(&mut h, "Message");
    click(&mut h, "Move to…");
    click(&mut h, "📁 Projects");
    assert_eq!(store.row(lunch).unwrap().folder, fx.projects);
    click_folder(&mut h, "Projects");
    assert!(has_label(&h, "Bob — Lunch on Friday?"));
    click_folder(&mut h, "All Inboxes");
    click_row(&mut h, "Alice Example", "Quarterly report");
    h.key_press(egui::Key::A);
    settle(&mut h);
    assert_eq!(store.row(report).unwrap().folder, fx.archive);
}

#[test]
fn drag_messages_onto_a_folder_moves_them() {
    let dir = tempfile::tempdir().unwrap();
    let fx = sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    let store = reopen(dir.path());
    let lunch = id_of(&store, fx.inbox, "Lunch on Friday?");
    let from = h.get_by_label("Bob — Lunch on Friday?").rect().center();
    let to = h
        .get_all_by_label("Projects")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap()
        .rect()
        .center();
    h.drag_at(from);
    h.step();
    for k in 1..=5 {
        h.hover_at(from + (to - from) * (k as f32 / 5.0));
        h.step();
    }
    h.drop_at(to);
    h.step();
    settle(&mut h);
    assert_eq!(store.row(lunch).unwrap().folder, fx.projects);
}

#[test]
fn search_then_open_a_hit_and_escape_clears() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    click(&mut h, "Everywhere");
    let input = h.get_by_role(Role::TextInput);
    input.focus();
    input.type_text("milestones");
    settle(&mut h);
    assert!(has_label_containing(&h, "1 result for “milestones”"));
    let hit = h.get_by_label_contains("Project plan\nDave");
    hit.click();
    settle(&mut h);
    assert!(has_label(&h, "Project plan"), "the hit opens in the reader");
    assert!(has_label_containing(&h, "Milestones attached below."));
    h.get_by_role(Role::TextInput).focus();
    h.key_press(egui::Key::Escape);
    settle(&mut h);
    assert!(
        !has_label_containing(&h, "result for"),
        "Esc ends the search"
    );
    assert!(has_label(&h, "Bob — Lunch on Friday?"), "the list is back");
}

#[test]
fn header_clicks_sort_and_reverse_and_conversations_group() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    let (carol, bob) = ("Carol — Files: notes.txt", "Bob — Lunch on Friday?");
    click(&mut h, "Sort by Subject");
    assert!(
        y_of(&h, carol) < y_of(&h, bob),
        "subject A→Z: files before lunch"
    );
    click(&mut h, "Sort by Subject");
    assert!(y_of(&h, carol) > y_of(&h, bob), "again: reversed");
    click(&mut h, "Conversations");
    let first = y_of(&h, "Alice Example — Quarterly report");
    let reply = y_of(&h, "Alice Example — Re: Quarterly report");
    assert!(
        reply > first && reply - first < 40.0,
        "the reply sits right under its message"
    );
}

struct Dir(std::path::PathBuf);
impl popmail::ui::FilePicker for Dir {
    fn save_file(&mut self, suggested: &str) -> Option<std::path::PathBuf> {
        Some(self.0.join(suggested))
    }
    fn pick_folder(&mut self) -> Option<std::path::PathBuf> {
        Some(self.0.clone())
    }
}

#[test]
fn attachments_save_with_a_warning_for_programs_and_no_silent_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let out = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), false);
    h.state_mut()
        .set_file_picker(Box::new(Dir(out.path().to_path_buf())));
    settle(&mut h);
    click_row(&mut h, "Carol", "Files: setup.exe");
    assert!(
        has_label_containing(&h, "⚠ setup.exe"),
        "a program is marked"
    );
    click(&mut h, "Save…");
    assert!(
        has_label(&h, "⚠ This file can run programs"),
        "warned before saving"
    );
    click(&mut h, "Cancel");
    assert!(!out.path().join("setup.exe").exists());
    click(&mut h, "Save…");
    click(&mut h, "Save anyway");
    settle(&mut h);
    assert_eq!(
        std::fs::read(out.path().join("setup.exe")).unwrap(),
        b"hello attachment"
    );
    click(&mut h, "OK");
    // A plain text file saves without a warning, but replacing asks.
    click_row(&mut h, "Carol", "Files: notes.txt");
    std::fs::write(out.path().join("notes.txt"), b"mine").unwrap();
    click(&mut h, "Save…");
    assert!(has_label(&h, "Replace the file?"));
    click(&mut h, "Cancel");
    assert_eq!(
        std::fs::read(out.path().join("notes.txt")).unwrap(),
        b"mine"
    );
}

#[test]
fn html_mail_shows_a_banner_and_links_ask_before_opening() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    click_row(&mut h, "News", "Weekly newsletter");
    assert!(has_label_containing(
        &h,
        "Remote content (images, trackers) is never loaded"
    ));
    assert!(
        has_label_containing(&h, "Second item"),
        "lists survive HTML → text"
    );
    click(&mut h, "Links in this message (1)");
    h.get_by_role_and_label(Role::Link, "https://example.com/read")
        .click();
    settle(&mut h);
    assert!(has_label(&h, "Open this link?"));
    assert!(
        has_label(&h, "https://example.com/read"),
        "the target is shown before opening"
    );
    click(&mut h, "Cancel");
    assert!(!has_label(&h, "Open this link?"));
    assert!(
        h.output().platform_output.commands.is_empty(),
        "nothing was opened"
    );
}

#[test]
fn folders_are_created_renamed_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    click(&mut h, "New folder…");
    let input =
        h.get_by(|n| n.role() == Role::TextInput && n.data().placeholder() == Some("Folder name"));
    input.type_text("Receipts");
    settle(&mut h);
    click(&mut h, "Create");
    let store = reopen(dir.path());
    assert!(store.resolve_folder("Receipts").is_ok());
    let entry = h
        .get_all_by_label("Receipts")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap();
    entry.click_secondary();
    settle(&mut h);
    click(&mut h, "Rename…");
    h.get_by(|n| n.role() == Role::TextInput && n.data().placeholder() == Some("New name"))
        .focus();
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    h.step();
    h.get_by(|n| n.role() == Role::TextInput && n.data().placeholder() == Some("New name"))
        .type_text("Bills");
    settle(&mut h);
    click(&mut h, "Rename");
    assert!(store.resolve_folder("Bills").is_ok());
    let entry = h
        .get_all_by_label("Bills")
        .find(|n| n.accesskit_node().role() != Role::Label)
        .unwrap();
    entry.click_secondary();
    settle(&mut h);
    click(&mut h, "Delete folder");
    click(&mut h, "Delete folder");
    assert!(store.resolve_folder("Bills").is_err());
}

#[test]
fn an_empty_store_shows_the_welcome_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    assert!(has_label(&h, "Welcome to popmail"));
    assert!(has_label(&h, "Add a POP3 account…"));
    assert!(has_label(&h, "Import a mailbox…"));
    assert!(has_label(&h, "Try the demo"));
}

//! Each panel driven alone with `egui_kittest::Harness::new_ui_state`: the
//! panel draws from what the app would hand it, the test finds its widgets
//! by label, acts, runs, and checks the intents the panel pushed (or its own
//! state). No `App`, no window: a panel that reached into the app, or
//! pushed the wrong intent, fails here.
//!
//! Panels covered: folders, message list, reader, search, status bar,
//! welcome, dialogs, import/export, settings (accounts and preferences tabs).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::background::{Job, Opened, Undo, Write};
use super::dialogs::{self, Dialog};
use super::folders::FolderPane;
use super::import_export::{ImportExport, TransferCx};
use super::intents::{Intent, Open, SaveRequest, Transfer};
use super::message_list::MessageList;
use super::picker::FilePicker;
use super::prefs::{Prefs, ThemeChoice};
use super::reader::{Reader, SaveOutcome};
use super::search::Search;
use super::settings::Settings;
use super::status_bar::SyncStatus;
use super::{list_paint, welcome};
use crate::store::{Flags, Folder, FolderId, FolderRole, MessageId, MessageRow, Scope};

fn folder(id: i64, name: &str, role: FolderRole, total: u64) -> Folder {
    Folder {
        id: FolderId(id),
        name: name.into(),
        parent: None,
        account: None,
        account_name: None,
        role,
        total,
        unread: 0,
    }
}

fn folders() -> Vec<Folder> {
    vec![
        folder(1, "Trash", FolderRole::Trash, 0),
        folder(2, "Archive", FolderRole::Archive, 0),
        folder(3, "Projects", FolderRole::User, 2),
    ]
}

fn row(id: i64, from: &str, subject: &str) -> MessageRow {
    MessageRow {
        id: MessageId(id),
        folder: FolderId(3),
        account: None,
        date: 1_704_103_200,
        from_name: from.into(),
        from_addr: format!("{}@example.org", from.to_lowercase()),
        subject: subject.into(),
        size: 1234,
        flags: Flags::default(),
        has_attachments: false,
        partial: false,
        snippet: String::new(),
        thread_key: String::new(),
        sha256: [0; 32],
    }
}

/// A picker that answers without a dialog.
struct Answers(Option<PathBuf>);

impl FilePicker for Answers {
    fn save_file(&mut self, _: &str) -> Option<PathBuf> {
        self.0.clone()
    }
    fn pick_folder(&mut self) -> Option<PathBuf> {
        self.0.clone()
    }
    fn open_file(&mut self) -> Option<PathBuf> {
        self.0.clone()
    }
}

/// Clicks the one widget with this label that is not a plain label.
fn click_control<S>(h: &Harness<'_, S>, label: &str) {
    let node = h
        .get_all_by_label(label)
        .find(|n| n.accesskit_node().role() != egui::Role::Label)
        .unwrap_or_else(|| panic!("no control called {label}"));
    node.click();
}

#[test]
fn folders_panel_asks_to_show_a_folder_and_to_create_one() {
    let pane = FolderPane {
        folders: folders(),
        accounts: Vec::new(),
    };
    let mut h = Harness::new_ui_state(
        |ui, (pane, out): &mut (FolderPane, Vec<Intent>)| {
            pane.ui(ui, Some(Scope::UnifiedInbox), &|_| false, out);
        },
        (pane, Vec::new()),
    );
    click_control(&h, "Projects");
    h.run();
    click_control(&h, "New folder…");
    h.run();
    let out = &h.state().1;
    assert!(
        out.contains(&Intent::ShowScope(Scope::Folder(FolderId(3)))),
        "{out:?}"
    );
    assert!(out.contains(&Intent::NewFolder), "{out:?}");
}

#[test]
fn message_list_panel_draws_rows_from_memory_and_opens_a_click() {
    let mut list = MessageList::default();
    drop(list.set_scope(Scope::Folder(FolderId(3))));
    // The rows thread's answer, as the app hands it over.
    let Some(Job::Page {
        generation, start, ..
    }) = list.prepare()
    else {
        panic!("a reload first asks the rows thread for a page");
    };
    let rows = vec![row(10, "Alice", "Hello"), row(11, "Bob", "Lunch")];
    list.on_page(generation, start, Ok((2, rows)));
    let mut h = Harness::builder().with_size([800.0, 400.0]).build_ui_state(
        |ui, (list, widths, out): &mut (MessageList, super::prefs::ColumnWidths, Vec<Intent>)| {
            // Anything it still wants read goes to the rows thread, never SQL here.
            drop(list_paint::list_ui(list, ui, widths, 0, out));
        },
        (list, super::prefs::ColumnWidths::default(), Vec::new()),
    );
    h.run();
    assert_eq!(h.state().0.len(), 2);
    h.get_by_label("Bob — Lunch").click();
    h.run();
    assert!(
        h.state().2.contains(&Intent::Open(MessageId(11))),
        "{:?}",
        h.state().2
    );
    assert_eq!(h.state().0.selection(), vec![MessageId(11)]);
}

#[test]
fn reader_panel_archives_and_deletes_the_message_shown() {
    let raw = b"From: Alice <alice@example.org>\r\nSubject: Hello\r\n\r\nHi there.\r\n".to_vec();
    let mut reader = Reader::default();
    let generation = reader.open(MessageId(10));
    let opened = Opened {
        row: row(10, "Alice", "Hello"),
        view: crate::mail::view(&raw),
        raw: Arc::new(raw),
    };
    reader.on_opened(generation, Ok(Box::new(opened)), 0.0);
    let mut h = Harness::new_ui_state(
        |ui, (reader, out): &mut (Reader, Vec<Intent>)| reader.ui(ui, true, out),
        (reader, Vec::new()),
    );
    h.run();
    assert!(
        h.query_by_label("Hello").is_some(),
        "the subject heads the reader"
    );
    click_control(&h, "Archive");
    h.run();
    click_control(&h, "Delete");
    h.run();
    let out = &h.state().1;
    assert!(
        out.contains(&Intent::Archive(vec![MessageId(10)])),
        "{out:?}"
    );
    assert!(out.contains(&Intent::Trash(vec![MessageId(10)])), "{out:?}");
}

#[test]
fn search_panel_opens_a_hit() {
    let mut search = Search::default();
    search.text = "lunch".into();
    let Some(Job::Search { generation, .. }) = search.start(None) else {
        panic!("typing starts a search on the read thread");
    };
    search.on_result(generation, Ok(vec![row(11, "Bob", "Lunch")]));
    let mut h = Harness::new_ui_state(
        |ui, (search, out): &mut (Search, Vec<Intent>)| {
            search.results_ui(ui, &|_| "Projects".into(), 0, out);
        },
        (search, Vec::new()),
    );
    h.run();
    h.get_by_label_contains("Lunch\nBob").click();
    h.run();
    assert_eq!(h.state().1, vec![Intent::Open(MessageId(11))]);
    assert_eq!(h.state().0.chosen, Some(MessageId(11)));
}

#[test]
fn status_bar_panel_offers_undo_and_says_why_sync_is_off() {
    let mut status = SyncStatus::default();
    let trashed = Write::Trash(vec![MessageId(10)]);
    let undo = Undo::Restore(vec![MessageId(10)]);
    status
        .notices
        .on_wrote(&trashed, Ok((1, Some(undo))), &folders());
    let mut h = Harness::new_ui_state(
        |ui, (status, out): &mut (SyncStatus, Vec<Intent>)| {
            status.ui(
                ui,
                &[],
                Some("Syncing is unavailable: the sync thread could not start"),
                None,
                None,
                out,
            );
        },
        (status, Vec::new()),
    );
    h.run();
    assert!(
        h.query_by_label_contains("Moved 1 message to the Trash.")
            .is_some()
    );
    click_control(&h, "⟳ Sync");
    h.run();
    click_control(&h, "Undo");
    h.run();
    assert_eq!(
        h.state().1,
        vec![Intent::Undo],
        "a disabled Sync pushes nothing"
    );
}

#[test]
fn status_bar_words_a_move_and_hands_back_its_undo() {
    let mut status = SyncStatus::default();
    let ids = vec![MessageId(10), MessageId(11), MessageId(12)];
    let back: Vec<_> = ids.iter().map(|id| (*id, FolderId(3))).collect();
    let moved = Write::Move(ids, FolderId(2));
    let effect = status.notices.on_wrote(
        &moved,
        Ok((3, Some(Undo::MoveBack(back.clone())))),
        &folders(),
    );
    assert!(
        effect.refresh && effect.reload,
        "counts and the list catch up"
    );
    assert!(effect.dialog.is_none() && effect.error.is_none());
    assert_eq!(
        status.notices.notice(),
        Some("Moved 3 messages to Archive.")
    );
    assert_eq!(status.notices.undo_label(), Some("move to Archive"));
    let Some(Write::MoveBack(pairs)) = status.notices.take_undo() else {
        panic!("undoing a move moves the messages back");
    };
    assert_eq!(pairs, back);
    assert_eq!(
        status.notices.notice(),
        None,
        "the notice goes with the undo"
    );
    assert!(status.notices.take_undo().is_none(), "one undo per write");
}

#[test]
fn reader_asks_before_saving_a_program() {
    let raw = b"From: Alice <alice@example.org>\r\nSubject: Tool\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n\
Run it.\r\n--b\r\nContent-Type: application/octet-stream; name=setup.exe\r\n\
Content-Disposition: attachment; filename=setup.exe\r\n\r\nMZ\r\n--b--\r\n"
        .to_vec();
    let mut reader = Reader::default();
    let generation = reader.open(MessageId(10));
    let opened = Opened {
        row: row(10, "Alice", "Tool"),
        view: crate::mail::view(&raw),
        raw: Arc::new(raw),
    };
    reader.on_opened(generation, Ok(Box::new(opened)), 0.0);
    let dir = tempfile::tempdir().unwrap();
    let mut picker = Answers(Some(dir.path().join("setup.exe")));
    let asked = reader.save(SaveRequest::One(0), false, &mut picker);
    assert!(
        matches!(&asked, Some(SaveOutcome::Ask(Dialog::Dangerous(SaveRequest::One(0), n))) if n == "setup.exe"),
        "{asked:?}"
    );
    let saved = reader.save(SaveRequest::One(0), true, &mut picker);
    let Some(SaveOutcome::Write(Write::Save(id, parts))) = saved else {
        panic!("confirmed, it saves: {saved:?}");
    };
    assert_eq!(id, MessageId(10));
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].1, dir.path().join("setup.exe"));
}

#[test]
fn welcome_panel_starts_the_demo_or_adds_an_account() {
    let mut h = Harness::new_ui_state(
        |ui, out: &mut Vec<Intent>| welcome::welcome_ui(ui, None, out),
        Vec::new(),
    );
    click_control(&h, "Try the demo");
    h.run();
    click_control(&h, "Add a POP3 account…");
    h.run();
    assert_eq!(h.state(), &vec![Intent::StartDemo, Intent::AddAccount]);
}

#[test]
fn dialogs_panel_asks_before_deleting_for_good() {
    let ids = vec![MessageId(10), MessageId(11)];
    let mut h = Harness::new_ui_state(
        |ui, (dialog, out): &mut (Option<Dialog>, Vec<Intent>)| {
            dialogs::dialog_ui(ui.ctx(), dialog, &folders(), out);
        },
        (Some(Dialog::Expunge(ids.clone())), Vec::new()),
    );
    h.run();
    assert!(h.query_by_label("Delete for good?").is_some());
    click_control(&h, "Delete for good");
    h.run();
    assert_eq!(h.state().1, vec![Intent::Expunge(ids)]);
    assert!(h.state().0.is_none(), "the dialog closes");
}

#[test]
fn import_export_panel_picks_a_file_and_starts_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let config = crate::store::StoreConfig::in_dir(dir.path());
    drop(crate::store::Store::open(&config).unwrap());
    let jobs = crate::jobs::spawn(config, crate::worker::no_repaint()).unwrap();
    let mbox = dir.path().join("old.mbox");
    std::fs::write(
        &mbox,
        b"From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody\n",
    )
    .unwrap();
    let all = folders();
    let mut picker = Answers(Some(mbox.clone()));
    let mut panel = ImportExport::default();
    let mut cx = TransferCx {
        jobs: Some(&jobs),
        folders: &all,
        scope: None,
        picker: &mut picker,
    };
    panel.act(Transfer::Import(None), &mut cx);
    let mut h = Harness::builder().with_size([900.0, 700.0]).build_ui_state(
        |ui, (panel, out): &mut (ImportExport, Vec<Intent>)| {
            panel.ui(ui, &folders(), true, out);
        },
        (panel, Vec::new()),
    );
    h.run();
    click_control(&h, "Import a file…");
    h.run();
    let steps = std::mem::take(&mut h.state_mut().1);
    assert_eq!(
        steps,
        vec![Intent::ImportExport(Transfer::PickImportFile)],
        "the dialog asks the app for a file"
    );
    for step in steps {
        let Intent::ImportExport(step) = step else {
            continue;
        };
        h.state_mut().0.act(step, &mut cx);
    }
    h.run();
    click_control(&h, "Import");
    h.run();
    let steps = std::mem::take(&mut h.state_mut().1);
    assert_eq!(steps, vec![Intent::ImportExport(Transfer::StartImport)]);
    h.state_mut().0.act(Transfer::StartImport, &mut cx);
    assert!(h.state().0.running(), "the import runs on the job worker");
}

#[test]
fn settings_preferences_tab_changes_the_theme() {
    let mut h = Harness::new_ui_state(
        |ui, (backup, out): &mut (super::settings::Backup, Vec<Intent>)| {
            let prefs = Prefs::default();
            let picker = &mut Answers(None);
            super::settings::preferences_ui(
                ui,
                &prefs,
                super::settings::Shown::default(),
                None,
                backup,
                picker,
                out,
            );
        },
        (super::settings::Backup::default(), Vec::new()),
    );
    h.run();
    click_control(&h, "Dark");
    h.run();
    let dark = Prefs {
        theme: ThemeChoice::Dark,
        ..Prefs::default()
    };
    assert_eq!(h.state().1, vec![Intent::SetPrefs(Box::new(dark))]);
    assert!(h.query_by_label("No data folder is open.").is_some());
}

#[test]
fn settings_accounts_tab_opens_the_form_for_a_new_account() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    let session = super::session::Session::open(dir.path().to_path_buf(), &ctx).unwrap();
    let mut settings = Settings::default();
    settings.set_keychain(false);
    settings.open(Open::Accounts, Some(&session.store));
    let mut h = Harness::builder()
        .with_size([1000.0, 700.0])
        .build_ui_state(
            |ui, (settings, session): &mut (Settings, super::session::Session)| {
                let mut out = Vec::new();
                settings.accounts_ui(ui, Some(session), &mut Answers(None), 600.0, &mut out);
            },
            (settings, session),
        );
    h.run();
    assert!(
        h.query_by_label_contains("No accounts yet").is_some(),
        "an empty store lists no account"
    );
    click_control(&h, "Add…");
    h.run();
    assert!(h.state().0.editing(), "Add… opens the account form");
    assert!(h.query_by_label("New account").is_some());
}

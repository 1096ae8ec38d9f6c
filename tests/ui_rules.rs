//! Settings → Rules and the junk buttons, driving the real window by its
//! labels (egui_kittest) with the real job worker: creating a rule in the
//! editor, the validation message of a bad regex as it is typed, duplicate,
//! disable, reorder and delete, "Test on the selected message", running the
//! rules over a folder (its progress, then its result, then the messages
//! where the rule put them), export and import of the rule file, and J /
//! Shift+J marking junk and not junk, each mark training the filter.

use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use popmail::rules::{Action, Combine, Condition, Field, Matcher, Rule};
use popmail::store::{Flags, FolderId, MessageId, Scope, Sort, Store};
use popmail::ui::App;

use crate::support::store::{fill_folder, simple_message};
use crate::support::ui::*;

/// Answers file dialogs without showing any.
struct Picker {
    file: std::path::PathBuf,
}

impl popmail::ui::FilePicker for Picker {
    fn save_file(&mut self, _suggested: &str) -> Option<std::path::PathBuf> {
        Some(self.file.clone())
    }
    fn pick_folder(&mut self) -> Option<std::path::PathBuf> {
        None
    }
    fn pick_file(&mut self, _title: &str, _extensions: &[&str]) -> Option<std::path::PathBuf> {
        Some(self.file.clone())
    }
}

fn rule(name: &str, from: &str, folder: &str) -> Rule {
    Rule {
        name: name.into(),
        enabled: true,
        combine: Combine::All,
        conditions: vec![Condition {
            field: Field::From,
            matcher: Matcher::Contains,
            value: from.into(),
        }],
        actions: vec![Action::MoveTo(folder.into())],
    }
}

/// Clicks through AccessKit (the widget may be scrolled out of view).
fn press(h: &mut Harness<'static, App>, label: &str) {
    h.get_by_label(label).click_accesskit();
    settle(h);
}

/// Replaces the text of the text field labelled `label`.
fn set(h: &mut Harness<'static, App>, label: &'static str, text: &str) {
    h.get_by(move |n| n.role() == Role::TextInput && n.label().as_deref() == Some(label))
        .set_text_value_accesskit(text);
    settle(h);
}

/// Opens the combo box that shows `current` and picks `choice`.
fn choose(h: &mut Harness<'static, App>, current: &'static str, choice: &str) {
    h.get_by(move |n| n.role() == Role::ComboBox && n.value().as_deref() == Some(current))
        .click_accesskit();
    h.run_steps(2);
    h.get_by_label(choice).click_accesskit();
    settle(h);
}

/// Steps until a label containing `part` shows (panics after 60 s, listing
/// what is on screen).
fn wait_for_label(h: &mut Harness<'static, App>, part: &str) {
    let start = Instant::now();
    while !has_label_containing(h, part) {
        if start.elapsed() > Duration::from_secs(60) {
            let shown: Vec<String> = h
                .query_all_by_label_contains(" ")
                .filter_map(|n| n.accesskit_node().label())
                .collect();
            panic!("timed out waiting for “{part}”; on screen: {shown:#?}");
        }
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run_steps(2);
}

fn disabled(h: &Harness<'static, App>, label: &str) -> bool {
    h.get_by_label(label).accesskit_node().is_disabled()
}

fn open_rules(h: &mut Harness<'static, App>) {
    click(h, "File");
    click(h, "Rules…");
    assert!(
        has_label(h, "Run rules on this folder"),
        "the Rules tab shows"
    );
}

fn names(store: &Store) -> Vec<String> {
    store.rules().unwrap().into_iter().map(|r| r.name).collect()
}

fn ids_in(store: &Store, folder: FolderId) -> Vec<MessageId> {
    store
        .sorted_ids(Scope::Folder(folder), Sort::default())
        .unwrap()
}

#[test]
fn ui_rules_create_a_rule_with_the_validation_words_of_a_bad_regex() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    open_rules(&mut h);
    assert!(has_label_containing(&h, "No rules yet"));
    press(&mut h, "Add rule…");
    set(&mut h, "Name", "Boss");
    // Nothing typed yet: the words of the rules' own validation.
    assert!(has_label_containing(&h, "\"move to\" needs a folder name"));
    assert!(disabled(&h, "Save rule"));
    set(&mut h, "folder", "Boss");
    assert!(
        has_label_containing(&h, "the text to look for is empty"),
        "an empty value is named"
    );
    choose(&mut h, "contains", "matches");
    set(&mut h, "Condition 1", "(boss");
    assert!(
        has_label_containing(&h, "is not a valid pattern"),
        "a bad regex is named as it is typed"
    );
    assert!(disabled(&h, "Save rule"), "an invalid rule cannot be saved");
    set(&mut h, "Condition 1", "^boss@");
    assert!(has_label(&h, "✔ The rule is valid."));
    press(&mut h, "Save rule");
    let store = reopen(dir.path());
    let saved = store.rules().unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].name, "Boss");
    assert_eq!(saved[0].conditions[0].matcher, Matcher::Regex);
    assert_eq!(saved[0].conditions[0].value, "^boss@");
    assert_eq!(saved[0].actions, vec![Action::MoveTo("Boss".into())]);
    assert!(has_label_containing(&h, "1. Boss"), "the list shows it");
}

#[test]
fn ui_rules_duplicate_disable_reorder_delete_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    reopen(dir.path())
        .set_rules(&[rule("A", "alice", "Alice"), rule("B", "bob", "Bob")])
        .unwrap();
    let file = dir.path().join("rules.json");
    let mut h = harness(dir.path(), false);
    h.state_mut()
        .set_file_picker(Box::new(Picker { file: file.clone() }));
    settle(&mut h);
    open_rules(&mut h);
    let mut store = reopen(dir.path());

    press(&mut h, "2. B — if from contains bob, then move Bob");
    press(&mut h, "⏶ Move up");
    assert_eq!(names(&store), ["B", "A"], "up runs it earlier");
    press(&mut h, "⏷ Move down");
    assert_eq!(names(&store), ["A", "B"], "down runs it later");

    press(&mut h, "1. A — if from contains alice, then move Alice");
    press(&mut h, "Duplicate");
    assert_eq!(names(&store), ["A", "A (copy)", "B"]);
    press(&mut h, "Disable");
    assert!(!store.rules().unwrap()[1].enabled, "the copy is disabled");
    assert!(has_label_containing(&h, "A (copy) (disabled)"));

    press(&mut h, "Export rules…");
    assert!(has_label_containing(&h, "Exported 3 rules"));
    press(&mut h, "Delete rule");
    assert_eq!(names(&store), ["A", "B"]);

    // Importing the file adds its rules; a name already taken is refused
    // as a whole, with the reason, and nothing changes.
    press(&mut h, "Import rules…");
    assert!(has_label_containing(&h, "same name"), "duplicates refused");
    assert_eq!(names(&store), ["A", "B"]);
    store.set_rules(&[]).unwrap();
    h.state_mut()
        .set_file_picker(Box::new(Picker { file: file.clone() }));
    click(&mut h, "Close");
    open_rules(&mut h);
    press(&mut h, "Import rules…");
    assert!(has_label_containing(&h, "Imported 3 rules"));
    assert_eq!(names(&store), ["A", "A (copy)", "B"]);
}

#[test]
fn ui_rules_test_on_the_selected_message_says_what_would_happen() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    reopen(dir.path())
        .set_rules(&[
            rule("Alice", "alice@", "From Alice"),
            rule("Bob", "bob@", "Bob"),
        ])
        .unwrap();
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    click_row(&mut h, "Alice Example", "Quarterly report");
    open_rules(&mut h);
    press(&mut h, "Test on the selected message");
    assert!(
        has_label(
            &h,
            "“Quarterly report”: matches “Alice”, so it would move to \"From Alice\"."
        ),
        "names the rule and the outcome"
    );
    // Nothing moved: a test only says.
    let store = reopen(dir.path());
    assert!(store.resolve_folder("From Alice").is_err());
}

#[test]
fn ui_rules_run_on_a_folder_shows_progress_then_the_result() {
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut store = reopen(dir.path());
    // Enough messages that the run lasts several frames.
    let msgs: Vec<Vec<u8>> = (0..3000)
        .map(|i| {
            let from = if i % 3 == 0 {
                "billing@shop.example"
            } else {
                "friend@example.net"
            };
            simple_message(&format!("note {i}"), from, "hello")
        })
        .collect();
    let (folder, _) = fill_folder(&mut store, "Big", &msgs);
    store
        .set_rules(&[rule("Bills", "billing@", "Bills")])
        .unwrap();
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    click_folder(&mut h, "Big");
    open_rules(&mut h);
    h.get_by_label("Run rules on this folder").click_accesskit();
    wait_for_label(&mut h, "Running the rules:");
    assert!(has_label(&h, "Cancel run"));
    // Counts for people are grouped (issue 16).
    wait_for_label(&mut h, "1,000 of 3,000 messages matched; 1,000 moved");
    settle(&mut h);
    let bills = store.resolve_folder("Bills").unwrap();
    assert_eq!(ids_in(&store, bills.id).len(), 1000);
    assert_eq!(ids_in(&store, folder).len(), 2000);
}

#[test]
fn ui_rules_j_and_shift_j_mark_junk_and_not_junk_and_train() {
    let dir = tempfile::tempdir().unwrap();
    let fx = sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    let store = reopen(dir.path());
    let id = store
        .page(Scope::Folder(fx.inbox), Default::default(), 0, 100)
        .unwrap()
        .into_iter()
        .find(|r| r.subject == "Lunch on Friday?")
        .unwrap()
        .id;
    click_row(&mut h, "Bob", "Lunch on Friday?");
    h.key_press(egui::Key::J);
    wait_until(&mut h, "the junk mark", |_| {
        store.row(id).is_ok_and(|r| r.flags.contains(Flags::JUNK))
    });
    settle(&mut h);
    let junk = store.resolve_folder("Junk").unwrap();
    let row = store.row(id).unwrap();
    assert_eq!(row.folder, junk.id, "junk goes to the Junk folder");
    assert_eq!(
        store.junk_totals().unwrap(),
        (1, 0),
        "the filter learned it"
    );
    assert!(
        !has_label(&h, "Bob — Lunch on Friday?"),
        "gone from the Inbox"
    );

    click_folder(&mut h, "Junk");
    assert!(
        has_label(&h, "Bob — Lunch on Friday? (junk)"),
        "the junk column marks it"
    );
    click_row(&mut h, "Bob", "Lunch on Friday? (junk)");
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::J);
    wait_until(&mut h, "the not-junk mark", |_| {
        store.row(id).is_ok_and(|r| !r.flags.contains(Flags::JUNK))
    });
    settle(&mut h);
    assert_eq!(store.row(id).unwrap().folder, fx.inbox, "back to its Inbox");
    assert_eq!(
        store.junk_totals().unwrap(),
        (0, 1),
        "retrained as good, not counted twice"
    );
    assert!(
        store
            .junk_safe_senders()
            .unwrap()
            .contains("bob@example.org")
    );

    // The toolbar button does the same as J.
    click_folder(&mut h, "Inbox");
    click_row(&mut h, "Bob", "Lunch on Friday?");
    click(&mut h, "Mark as junk");
    wait_until(&mut h, "the junk button", |_| {
        store.row(id).is_ok_and(|r| r.flags.contains(Flags::JUNK))
    });
    assert_eq!(store.junk_totals().unwrap(), (1, 0));
}

//! Settings → Rules: the message rules in the order they run, with Add,
//! Edit, Duplicate, Delete, Enable/Disable and ↑/↓ to reorder; the rule
//! editor ([`super::rule_editor`], checked as you type); "Test on the
//! selected message" (the same evaluation as the sync, through
//! [`crate::jobs::rules::test_message`]); running the rules over a folder or
//! the selection as a job on the job worker with progress and Cancel
//! ([`crate::jobs::rules`], the code `popmail rule run` uses); and import and
//! export of the JSON rule file (`{"version": 1, "rules": [...]}`) through
//! the window's file picker. Below them, the junk options
//! ([`super::junk_options`]).
//!
//! Every change is checked as a whole list ([`RuleSet::compile`]) before it
//! is pushed as [`Intent::SaveRules`]; [`RulesTab::save`] writes it with
//! [`Store::set_rules`] (one transaction). The tab also follows the junk
//! marks the window sends to the job worker (J, Shift+J, the Junk buttons),
//! so their events do not reach the import/export panel.

use std::collections::VecDeque;

use egui::{RichText, Ui};

use super::junk_options::JunkOptions;
use super::message_ui;
use super::rule_editor::{EditorOutcome, RuleEditor};
use super::rule_list::{copy_name, put, rule_line};
use crate::jobs::rules::{RulesScope, RunRequest, TestResult, test_message};
use crate::jobs::{JobCommand, JobEvent, JobKind, JobSummary, JobWorker, Progress};
use crate::rules::{self, Rule, RuleSet};
use crate::store::{Folder, FolderId, MessageId, Store};
use crate::t;
use crate::ui::FilePicker;
use crate::ui::intents::Intent;
use crate::ui::session::Session;

/// A job this tab sent and follows.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Active {
    kind: JobKind,
    progress: Progress,
}

/// The Rules tab's state (runtime only).
#[derive(Default)]
pub struct RulesTab {
    rules: Vec<Rule>,
    selected: Option<usize>,
    editor: Option<RuleEditor>,
    /// The outcome of the last change: `(is_error, sentence)`.
    message: Option<(bool, String)>,
    /// The message "Test on the selected message" uses.
    test_on: Option<MessageId>,
    test: Option<Result<TestResult, String>>,
    folders: Vec<Folder>,
    /// The folder "Run rules on this folder" covers.
    folder: Option<FolderId>,
    dry_run: bool,
    /// Jobs sent and not yet started, oldest first.
    queued: VecDeque<JobKind>,
    active: Option<Active>,
    /// How the last run ended: `(is_error, sentence)`, and a dry run's lines.
    run_result: Option<(bool, String)>,
    run_lines: Vec<String>,
    junk: JunkOptions,
}

impl RulesTab {
    /// Re-reads the rules and folders; `message` and `folder` come from the
    /// window (the selected message, the folder shown).
    pub fn open(
        &mut self,
        store: Option<&Store>,
        message: Option<MessageId>,
        folder: Option<FolderId>,
    ) {
        self.editor = None;
        self.message = None;
        self.test = None;
        self.test_on = message;
        if folder.is_some() {
            self.folder = folder;
        }
        self.reload(store);
    }

    fn reload(&mut self, store: Option<&Store>) {
        let Some(store) = store else { return };
        match store.rules() {
            Ok(r) => self.rules = r,
            Err(e) => self.message = Some((true, e.to_string())),
        }
        match store.folders() {
            Ok(f) => self.folders = f,
            Err(e) => self.message = Some((true, e.to_string())),
        }
        self.junk.load(store);
        if self.selected.is_some_and(|i| i >= self.rules.len()) {
            self.selected = None;
        }
        if self
            .folder
            .is_none_or(|f| !self.folders.iter().any(|x| x.id == f))
        {
            self.folder = self.folders.first().map(|f| f.id);
        }
    }

    /// Whether a job of this tab is queued or running.
    pub fn busy(&self) -> bool {
        self.active.is_some() || !self.queued.is_empty()
    }

    /// Saves a list the tab checked (from [`Intent::SaveRules`]); on a
    /// refusal the saved list is shown again with the reason.
    pub fn save(&mut self, store: &mut Store, list: &[Rule]) {
        let result = RuleSet::compile(list)
            .map_err(|e| e.to_string())
            .and_then(|_| store.set_rules(list).map_err(|e| e.to_string()));
        if let Err(e) = result {
            self.message = Some((true, t!("settings-rules-not-saved", error = e)));
        }
        self.reload(Some(store));
    }

    /// Sends a job and follows it.
    pub fn send(&mut self, jobs: &JobWorker, cmd: JobCommand) -> Result<(), String> {
        let kind = cmd.kind();
        jobs.send(cmd)
            .map_err(|_| t!("settings-backup-worker-stopped"))?;
        self.queued.push_back(kind);
        if kind == JobKind::Rules {
            self.run_result = None;
            self.run_lines.clear();
        }
        Ok(())
    }

    /// Starts a run of the rules over `scope` (the folder context menu, the
    /// message list's selection, or the tab's own button).
    pub fn start_run(&mut self, jobs: &JobWorker, scope: RulesScope) {
        if let RulesScope::Folder(f) = &scope {
            self.folder = Some(*f);
        }
        let req = RunRequest {
            scope,
            dry_run: self.dry_run,
        };
        if let Err(e) = self.send(jobs, JobCommand::RunRules(req)) {
            self.run_result = Some((true, e));
        }
    }

    /// Takes in a job worker event if it is about a job of this tab;
    /// returns whether it was. What the window should do next (reload the
    /// list, show an error) is pushed to `out`.
    pub fn on_job_event(&mut self, e: &JobEvent, out: &mut Vec<Intent>) -> bool {
        if let JobEvent::Started(kind) = e {
            if self.queued.front() == Some(kind) {
                self.queued.pop_front();
                self.active = Some(Active {
                    kind: *kind,
                    progress: Progress::default(),
                });
                return true;
            }
            return false;
        }
        let Some(active) = &mut self.active else {
            return false;
        };
        let kind = active.kind;
        match e {
            JobEvent::Started(_) => return false,
            JobEvent::Progress(p) => {
                active.progress = *p;
                return true;
            }
            JobEvent::Finished(JobSummary::Rules(s)) => {
                self.run_result = Some((false, s.sentence()));
                self.run_lines = s
                    .lines
                    .iter()
                    .take(200)
                    .map(|l| format!("{} — {}: {}", l.subject, l.rules.join(", "), l.outcome))
                    .collect();
            }
            JobEvent::Finished(_) => {}
            JobEvent::Cancelled(_) => {
                if kind == JobKind::Rules {
                    self.run_result = Some((true, t!("settings-rules-run-cancelled")));
                }
            }
            JobEvent::Failed(why) | JobEvent::Stopped { reason: why } => {
                if kind == JobKind::Rules {
                    self.run_result = Some((true, why.clone()));
                } else {
                    out.push(Intent::ShowError(t!(
                        "settings-rules-junk-failed",
                        error = why.as_str()
                    )));
                }
            }
        }
        self.active = None;
        out.extend([Intent::RefreshFolders, Intent::ReloadList]);
        true
    }

    /// The tab.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        session: Option<&Session>,
        picker: &mut dyn FilePicker,
        out: &mut Vec<Intent>,
    ) {
        let Some(session) = session else {
            ui.label(t!("settings-rules-store-not-open"));
            return;
        };
        if let Some(editor) = &mut self.editor {
            let others: Vec<Rule> = self
                .rules
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != editor.index)
                .map(|(_, r)| r.clone())
                .collect();
            match editor.ui(ui, &others) {
                EditorOutcome::Editing => {}
                EditorOutcome::Cancel => self.editor = None,
                EditorOutcome::Save(rule) => {
                    let mut list = self.rules.clone();
                    let at = put(&mut list, editor.index, rule);
                    self.selected = Some(at);
                    self.editor = None;
                    self.commit(list, out);
                }
            }
            ui.separator();
            self.test_ui(ui, &session.store);
            return;
        }
        self.list_ui(ui, picker, out);
        ui.separator();
        self.test_ui(ui, &session.store);
        ui.separator();
        self.run_ui(ui, &session.jobs);
        ui.separator();
        self.junk.ui(ui, &session.store);
    }

    /// Checks a changed list and asks for it to be saved.
    fn commit(&mut self, list: Vec<Rule>, out: &mut Vec<Intent>) {
        match RuleSet::compile(&list) {
            Ok(_) => {
                self.message = None;
                self.rules.clone_from(&list);
                out.push(Intent::SaveRules(list));
            }
            Err(e) => self.message = Some((true, e.to_string())),
        }
    }

    fn list_ui(&mut self, ui: &mut Ui, picker: &mut dyn FilePicker, out: &mut Vec<Intent>) {
        ui.label(t!("settings-rules-order"));
        if self.rules.is_empty() {
            ui.weak(t!("settings-rules-none"));
        }
        let mut edit = None;
        egui::ScrollArea::vertical()
            .id_salt("rules-list")
            .max_height(220.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (i, r) in self.rules.iter().enumerate() {
                    let resp = ui.selectable_label(self.selected == Some(i), rule_line(i, r));
                    if resp.clicked() {
                        self.selected = Some(i);
                    }
                    if resp.double_clicked() {
                        edit = Some(i);
                    }
                }
            });
        ui.add_space(4.0);
        let chosen = self.selected.filter(|i| *i < self.rules.len());
        let some = chosen.is_some();
        ui.horizontal_wrapped(|ui| {
            if ui.button(t!("settings-rules-add")).clicked() {
                self.editor = Some(RuleEditor::new_rule(&self.rules));
            }
            if ui
                .add_enabled(some, egui::Button::new(t!("settings-rules-edit")))
                .clicked()
            {
                edit = chosen;
            }
            if ui
                .add_enabled(some, egui::Button::new(t!("settings-duplicate")))
                .clicked()
                && let Some(i) = chosen
                && let Some(r) = self.rules.get(i)
            {
                let mut copy = r.clone();
                copy.name = copy_name(&r.name, &self.rules);
                let mut list = self.rules.clone();
                list.insert(i + 1, copy);
                self.selected = Some(i + 1);
                self.commit(list, out);
            }
            if ui
                .add_enabled(some, egui::Button::new(t!("settings-rules-delete")))
                .clicked()
                && let Some(i) = chosen
            {
                let mut list = self.rules.clone();
                list.remove(i);
                self.selected = None;
                self.commit(list, out);
            }
            let enabled = chosen
                .and_then(|i| self.rules.get(i))
                .is_some_and(|r| r.enabled);
            let toggle = if enabled {
                t!("settings-rules-disable")
            } else {
                t!("settings-rules-enable")
            };
            if ui.add_enabled(some, egui::Button::new(toggle)).clicked()
                && let Some(i) = chosen
            {
                let mut list = self.rules.clone();
                if let Some(r) = list.get_mut(i) {
                    r.enabled = !r.enabled;
                }
                self.commit(list, out);
            }
            let up = chosen.is_some_and(|i| i > 0);
            let down = chosen.is_some_and(|i| i + 1 < self.rules.len());
            for (on, label, hint, delta) in [
                (
                    up,
                    format!("⏶ {}", t!("settings-rules-up")),
                    t!("settings-rules-up-hint"),
                    -1isize,
                ),
                (
                    down,
                    format!("⏷ {}", t!("settings-rules-down")),
                    t!("settings-rules-down-hint"),
                    1,
                ),
            ] {
                if ui
                    .add_enabled(on, egui::Button::new(label))
                    .on_hover_text(hint)
                    .clicked()
                    && let Some(i) = chosen
                {
                    let j = i.saturating_add_signed(delta);
                    let mut list = self.rules.clone();
                    list.swap(i, j);
                    self.selected = Some(j);
                    self.commit(list, out);
                }
            }
            ui.separator();
            if ui.button(t!("settings-rules-import")).clicked()
                && let Some(path) = picker.pick_file(&t!("settings-rules-import-title"), &["json"])
            {
                self.import(&path, out);
            }
            if ui
                .add_enabled(
                    !self.rules.is_empty(),
                    egui::Button::new(t!("settings-rules-export")),
                )
                .clicked()
                && let Some(path) = picker.save_file("popmail-rules.json")
            {
                self.export(&path);
            }
        });
        if let Some(i) = edit
            && let Some(r) = self.rules.get(i)
        {
            self.editor = Some(RuleEditor::edit(Some(i), r.clone()));
        }
        message_ui(ui, &self.message);
    }

    fn import(&mut self, path: &std::path::Path, out: &mut Vec<Intent>) {
        let read = std::fs::read_to_string(path).map_err(|e| e.to_string());
        match read.and_then(|t| rules::import_json(&t).map_err(|e| e.to_string())) {
            Ok(new) => {
                let count = new.len();
                let mut list = self.rules.clone();
                list.extend(new);
                self.commit(list, out);
                if self.message.is_none() {
                    self.message = Some((
                        false,
                        t!(
                            "settings-rules-imported",
                            count = count,
                            path = path.display().to_string()
                        ),
                    ));
                }
            }
            Err(e) => {
                self.message = Some((
                    true,
                    t!(
                        "settings-rules-not-imported",
                        path = path.display().to_string(),
                        error = e
                    ),
                ));
            }
        }
    }

    fn export(&mut self, path: &std::path::Path) {
        let written = rules::export_json(&self.rules)
            .map_err(|e| e.to_string())
            .and_then(|t| std::fs::write(path, t + "\n").map_err(|e| e.to_string()));
        self.message = Some(match written {
            Ok(()) => (
                false,
                t!(
                    "settings-rules-exported",
                    count = self.rules.len(),
                    path = path.display().to_string()
                ),
            ),
            Err(e) => (
                true,
                t!(
                    "settings-rules-not-written",
                    path = path.display().to_string(),
                    error = e
                ),
            ),
        });
    }

    /// "Test on the selected message": the list as edited (with the open
    /// editor's rule in its place) over the message selected in the window.
    fn test_ui(&mut self, ui: &mut Ui, store: &Store) {
        ui.horizontal(|ui| {
            let clicked = ui
                .add_enabled(
                    self.test_on.is_some(),
                    egui::Button::new(t!("settings-rules-test")),
                )
                .clicked();
            if self.test_on.is_none() {
                ui.weak(t!("settings-rules-test-select"));
            }
            if clicked && let Some(id) = self.test_on {
                let mut list = self.rules.clone();
                if let Some(e) = &self.editor {
                    put(&mut list, e.index, e.rule.clone());
                }
                self.test = Some(test_message(store, id, &list).map_err(|e| e.to_string()));
            }
        });
        match &self.test {
            Some(Ok(t)) if t.rules.is_empty() => {
                ui.label(format!("“{}”: {}.", t.subject, t.outcome));
            }
            Some(Ok(t)) => {
                ui.label(t!(
                    "settings-rules-test-matches",
                    subject = t.subject.as_str(),
                    rules = t
                        .rules
                        .iter()
                        .map(|r| format!("“{r}”"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    outcome = t.outcome.to_string()
                ));
            }
            Some(Err(e)) => {
                ui.label(RichText::new(format!("✖ {e}")).color(ui.visuals().error_fg_color));
            }
            None => {}
        }
    }

    /// "Run rules on this folder", its progress with Cancel, and its outcome.
    fn run_ui(&mut self, ui: &mut Ui, jobs: &JobWorker) {
        let running = self.active.filter(|a| a.kind == JobKind::Rules);
        let waiting = self.queued.contains(&JobKind::Rules);
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t!("settings-rules-run-on"));
            let name = |id: Option<FolderId>| {
                id.and_then(|id| self.folders.iter().find(|f| f.id == id))
                    .map(Folder::qualified_name)
                    .unwrap_or_default()
            };
            let mut folder = self.folder;
            egui::ComboBox::from_id_salt("rules-run-folder")
                .selected_text(name(folder))
                .show_ui(ui, |ui| {
                    for f in &self.folders {
                        ui.selectable_value(&mut folder, Some(f.id), f.qualified_name());
                    }
                })
                .response
                .labelled_by(l.id);
            self.folder = folder;
            ui.checkbox(&mut self.dry_run, t!("settings-rules-dry-run"));
            let idle = running.is_none() && !waiting;
            if ui
                .add_enabled(
                    idle && self.folder.is_some(),
                    egui::Button::new(t!("settings-rules-run")),
                )
                .clicked()
                && let Some(f) = self.folder
            {
                self.start_run(jobs, RulesScope::Folder(f));
            }
        });
        if let Some(a) = running {
            ui.horizontal(|ui| {
                let total = a.progress.total_messages.unwrap_or(0);
                #[allow(clippy::cast_precision_loss)]
                let frac = if total == 0 {
                    0.0
                } else {
                    a.progress.messages as f32 / total as f32
                };
                ui.add(
                    egui::ProgressBar::new(frac.clamp(0.0, 1.0))
                        .desired_width(240.0)
                        .text(t!(
                            "settings-rules-running",
                            done = a.progress.messages,
                            count = total
                        )),
                );
                if ui.button(t!("settings-rules-cancel-run")).clicked() {
                    jobs.cancel();
                }
            });
        } else if waiting {
            ui.weak(t!("settings-rules-waiting"));
        }
        message_ui(ui, &self.run_result);
        if !self.run_lines.is_empty() {
            egui::ScrollArea::vertical()
                .id_salt("rules-run-lines")
                .max_height(120.0)
                .show(ui, |ui| {
                    for l in &self.run_lines {
                        ui.label(l);
                    }
                });
        }
    }
}

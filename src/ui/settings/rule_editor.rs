//! The rule editor of Settings → Rules: a rule's name, whether it runs, all
//! or any, its conditions (field, matcher, value) and its actions, checked as
//! you type with the words of [`crate::rules`] validation (a bad regex, a
//! missing folder name, an empty value, a name another rule has) — the same
//! check `popmail rule add` makes, so the window cannot save what the CLI
//! would refuse.

use egui::{RichText, Ui};

use crate::rules::{Action, Combine, Condition, Field, Matcher, Rule, RuleSet};
use crate::t;

/// The fields a condition can look at, in the order the menu lists them.
const FIELDS: [Field; 11] = [
    Field::From,
    Field::To,
    Field::Cc,
    Field::ToOrCc,
    Field::Subject,
    Field::Header(String::new()),
    Field::Body,
    Field::Size,
    Field::HasAttachments,
    Field::Account,
    Field::Age,
];

/// The matchers, in menu order.
const MATCHERS: [Matcher; 8] = [
    Matcher::Contains,
    Matcher::NotContains,
    Matcher::Is,
    Matcher::BeginsWith,
    Matcher::EndsWith,
    Matcher::Regex,
    Matcher::Greater,
    Matcher::Less,
];

/// The actions, in menu order (a move's folder is typed beside it).
const ACTIONS: [Action; 10] = [
    Action::MoveTo(String::new()),
    Action::MarkRead,
    Action::Star,
    Action::Trash,
    Action::Junk,
    Action::NotJunk,
    Action::Stop,
    Action::DeleteFromServer,
    Action::LeaveOnServer,
    Action::DownloadFull,
];

/// What the person did in the editor this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorOutcome {
    /// Still editing.
    Editing,
    /// Save this (valid) rule.
    Save(Rule),
    /// Leave without saving.
    Cancel,
}

/// A rule being edited (or a new one).
#[derive(Debug, Clone)]
pub struct RuleEditor {
    /// Its place in the list (`None`: a new rule, added at the end).
    pub index: Option<usize>,
    /// The rule as edited.
    pub rule: Rule,
    /// The last rule checked and what the check said (checking compiles
    /// regexes, so it runs only when something changed).
    checked: Option<(Rule, Result<(), String>)>,
}

impl RuleEditor {
    /// A new rule with one empty condition and one action.
    pub fn new_rule(existing: &[Rule]) -> Self {
        let mut name = t!("settings-rule-new");
        let mut n = 2;
        while existing.iter().any(|r| r.name.eq_ignore_ascii_case(&name)) {
            name = t!("settings-rule-new-n", number = n);
            n += 1;
        }
        Self::edit(
            None,
            Rule {
                name,
                enabled: true,
                combine: Combine::All,
                conditions: vec![Condition {
                    field: Field::From,
                    matcher: Matcher::Contains,
                    value: String::new(),
                }],
                actions: vec![Action::MoveTo(String::new())],
            },
        )
    }

    /// Edits `rule`, which sits at `index` of the list (`None`: new).
    pub fn edit(index: Option<usize>, rule: Rule) -> Self {
        RuleEditor {
            index,
            rule,
            checked: None,
        }
    }

    /// What is wrong with the rule in the list `all` (the other rules; the
    /// edited one left out), in the words of [`crate::rules::Error`].
    pub fn problem(&mut self, others: &[Rule]) -> Option<String> {
        let stale = self.checked.as_ref().is_none_or(|(r, _)| *r != self.rule);
        if stale {
            let mut list = others.to_vec();
            list.push(self.rule.clone());
            let result = RuleSet::compile(&list).map(drop).map_err(|e| e.to_string());
            self.checked = Some((self.rule.clone(), result));
        }
        match &self.checked {
            Some((_, Err(e))) => Some(e.clone()),
            _ => None,
        }
    }

    /// Draws the editor; `others` are the rules it must not clash with.
    pub fn ui(&mut self, ui: &mut Ui, others: &[Rule]) -> EditorOutcome {
        ui.heading(if self.index.is_some() {
            t!("settings-rule-edit")
        } else {
            t!("settings-rule-new")
        });
        egui::Grid::new("rule-editor-head")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label(t!("settings-rule-name"));
                ui.add(egui::TextEdit::singleline(&mut self.rule.name).desired_width(260.0))
                    .labelled_by(l.id);
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut self.rule.enabled, t!("settings-form-enabled"));
                ui.end_row();
            });
        ui.horizontal(|ui| {
            ui.label(t!("settings-rule-when"));
            ui.selectable_value(
                &mut self.rule.combine,
                Combine::All,
                t!("settings-rule-all"),
            );
            ui.selectable_value(
                &mut self.rule.combine,
                Combine::Any,
                t!("settings-rule-any"),
            );
            ui.label(t!("settings-rule-match"));
        });
        self.conditions_ui(ui);
        ui.label(t!("settings-rule-then"));
        self.actions_ui(ui);
        ui.add_space(6.0);
        let problem = self.problem(others);
        match &problem {
            Some(p) => {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("✖ {p}")).color(ui.visuals().error_fg_color),
                    )
                    .wrap(),
                );
            }
            None => {
                ui.label(format!("✔ {}", t!("settings-rule-valid")));
            }
        }
        ui.add_space(4.0);
        let mut outcome = EditorOutcome::Editing;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    problem.is_none(),
                    egui::Button::new(t!("settings-rule-save")),
                )
                .clicked()
            {
                let mut rule = self.rule.clone();
                rule.name = rule.name.trim().to_string();
                outcome = EditorOutcome::Save(rule);
            }
            if ui.button(t!("common-cancel")).clicked() {
                outcome = EditorOutcome::Cancel;
            }
        });
        outcome
    }

    fn conditions_ui(&mut self, ui: &mut Ui) {
        let mut remove = None;
        let several = self.rule.conditions.len() > 1;
        for (i, c) in self.rule.conditions.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let l = ui.label(t!("settings-rule-condition", number = i + 1));
                let mut kind = field_kind(&c.field);
                egui::ComboBox::from_id_salt(("rule-field", i))
                    .selected_text(FIELDS.get(kind).map(field_name).unwrap_or_default())
                    .show_ui(ui, |ui| {
                        for (k, f) in FIELDS.iter().enumerate() {
                            ui.selectable_value(&mut kind, k, field_name(f));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                if kind != field_kind(&c.field)
                    && let Some(f) = FIELDS.get(kind)
                {
                    c.field = f.clone();
                    // Numbers and yes/no take other matchers than text.
                    c.matcher = match c.field {
                        Field::Size | Field::Age => Matcher::Greater,
                        Field::HasAttachments => Matcher::Is,
                        _ if matches!(c.matcher, Matcher::Greater | Matcher::Less) => {
                            Matcher::Contains
                        }
                        _ => c.matcher,
                    };
                }
                if let Field::Header(name) = &mut c.field {
                    let h = ui.label(t!("settings-rule-header-name"));
                    ui.add(egui::TextEdit::singleline(name).desired_width(110.0))
                        .labelled_by(h.id);
                }
                egui::ComboBox::from_id_salt(("rule-matcher", i))
                    .selected_text(matcher_name(c.matcher))
                    .show_ui(ui, |ui| {
                        for m in MATCHERS {
                            ui.selectable_value(&mut c.matcher, m, matcher_name(m));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                let hint = match (&c.field, c.matcher) {
                    (Field::Size, _) => t!("settings-rule-hint-size"),
                    (Field::Age, _) => t!("settings-form-days"),
                    (Field::HasAttachments, _) => t!("settings-rule-hint-yes-no"),
                    (_, Matcher::Regex) => t!("settings-rule-hint-regex"),
                    _ => t!("settings-rule-hint-text"),
                };
                ui.add(
                    egui::TextEdit::singleline(&mut c.value)
                        .hint_text(hint)
                        .desired_width(200.0),
                )
                .labelled_by(l.id);
                if several
                    && ui
                        .small_button("✖")
                        .on_hover_text(t!("settings-rule-remove"))
                        .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.rule.conditions.remove(i);
        }
        if ui
            .button(format!("+ {}", t!("settings-rule-add-condition")))
            .clicked()
        {
            self.rule.conditions.push(Condition {
                field: Field::Subject,
                matcher: Matcher::Contains,
                value: String::new(),
            });
        }
    }

    fn actions_ui(&mut self, ui: &mut Ui) {
        let mut remove = None;
        let several = self.rule.actions.len() > 1;
        for (i, a) in self.rule.actions.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let l = ui.label(t!("settings-rule-action", number = i + 1));
                let mut kind = action_kind(a);
                egui::ComboBox::from_id_salt(("rule-action", i))
                    .selected_text(ACTIONS.get(kind).map(action_name).unwrap_or_default())
                    .show_ui(ui, |ui| {
                        for (k, x) in ACTIONS.iter().enumerate() {
                            ui.selectable_value(&mut kind, k, action_name(x));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                if kind != action_kind(a)
                    && let Some(x) = ACTIONS.get(kind)
                {
                    *a = x.clone();
                }
                if let Action::MoveTo(folder) = a {
                    let f = ui.label(t!("settings-rule-folder"));
                    ui.add(
                        egui::TextEdit::singleline(folder)
                            .hint_text(t!("settings-rule-folder-hint"))
                            .desired_width(180.0),
                    )
                    .labelled_by(f.id);
                }
                if several
                    && ui
                        .small_button("✖")
                        .on_hover_text(t!("settings-rule-remove"))
                        .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            self.rule.actions.remove(i);
        }
        if ui
            .button(format!("+ {}", t!("settings-rule-add-action")))
            .clicked()
        {
            self.rule.actions.push(Action::MarkRead);
        }
    }
}

/// The index in [`FIELDS`] of a field (headers by kind, whatever the name).
fn field_kind(f: &Field) -> usize {
    FIELDS
        .iter()
        .position(|x| std::mem::discriminant(x) == std::mem::discriminant(f))
        .unwrap_or(0)
}

/// The index in [`ACTIONS`] of an action (moves by kind).
fn action_kind(a: &Action) -> usize {
    ACTIONS
        .iter()
        .position(|x| std::mem::discriminant(x) == std::mem::discriminant(a))
        .unwrap_or(0)
}

/// A field in the menu.
fn field_name(f: &Field) -> String {
    match f {
        Field::From => t!("settings-rule-field-from"),
        Field::To => t!("settings-rule-field-to"),
        Field::Cc => "Cc".to_owned(), // not translated: the header's name
        Field::ToOrCc => t!("settings-rule-field-to-or-cc"),
        Field::Subject => t!("settings-rule-field-subject"),
        Field::Header(_) => t!("settings-rule-field-header"),
        Field::Body => t!("settings-rule-field-body"),
        Field::Size => t!("settings-rule-field-size"),
        Field::HasAttachments => t!("settings-rule-field-attachments"),
        Field::Account => t!("settings-rule-field-account"),
        Field::Age => t!("settings-rule-field-age"),
    }
}

/// A matcher in the menu.
fn matcher_name(m: Matcher) -> String {
    match m {
        Matcher::Contains => t!("settings-rule-contains"),
        Matcher::NotContains => t!("settings-rule-not-contains"),
        Matcher::Is => t!("settings-rule-is"),
        Matcher::BeginsWith => t!("settings-rule-begins"),
        Matcher::EndsWith => t!("settings-rule-ends"),
        Matcher::Regex => t!("settings-rule-regex"),
        Matcher::Greater => t!("settings-rule-greater"),
        Matcher::Less => t!("settings-rule-less"),
    }
}

/// An action in the menu.
fn action_name(a: &Action) -> String {
    match a {
        Action::MoveTo(_) => t!("settings-rule-move"),
        Action::MarkRead => t!("settings-rule-mark-read"),
        Action::Star => t!("settings-rule-star"),
        Action::Trash => t!("settings-rule-trash"),
        Action::Junk => t!("settings-rule-junk"),
        Action::NotJunk => t!("settings-rule-not-junk"),
        Action::Stop => t!("settings-rule-stop"),
        Action::DeleteFromServer => t!("settings-rule-delete-server"),
        Action::LeaveOnServer => t!("settings-rule-leave-server"),
        Action::DownloadFull => t!("settings-rule-download-full"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_regex_is_named_in_the_rules_words_and_blocks_saving() {
        let mut e = RuleEditor::new_rule(&[]);
        e.rule.conditions[0].matcher = Matcher::Regex;
        e.rule.conditions[0].value = "(".into();
        e.rule.actions[0] = Action::Star;
        let p = e.problem(&[]).unwrap();
        assert!(p.contains("is not a valid pattern"), "{p}");
        e.rule.conditions[0].value = "^boss@".into();
        assert_eq!(e.problem(&[]), None);
    }

    #[test]
    fn missing_folder_empty_value_and_a_taken_name_are_refused() {
        let mut e = RuleEditor::new_rule(&[]);
        e.rule.conditions[0].value = "x".into();
        assert!(e.problem(&[]).unwrap().contains("needs a folder name"));
        e.rule.actions[0] = Action::MoveTo("Boss".into());
        assert_eq!(e.problem(&[]), None);
        e.rule.conditions[0].value = " ".into();
        assert!(e.problem(&[]).unwrap().contains("empty"));
        e.rule.conditions[0].value = "x".into();
        let other = e.rule.clone();
        assert!(e.problem(&[other]).unwrap().contains("same name"));
    }

    #[test]
    fn menu_names_read_as_words() {
        assert_eq!(field_name(&Field::Body), "Body");
        assert_eq!(field_name(&Field::ToOrCc), "To or Cc");
        assert_eq!(action_name(&Action::Trash), "Move to the Trash");
        assert_eq!(field_kind(&Field::Header("X-A".into())), 5);
    }
}

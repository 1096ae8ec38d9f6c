//! The rule model: what a rule looks at ([`Field`]), how it compares
//! ([`Matcher`]), how its conditions combine ([`Combine`]) and what it does
//! ([`Action`]). These types are the JSON file format of `popmail rule
//! export`/`import` (serde, `{"version": 1, "rules": [...]}`), so a field once
//! released keeps its name. Their `describe` words are for people, in the
//! current language (`locales/*/rules.ftl`); the file format never changes
//! with the language.

use serde::{Deserialize, Serialize};

use crate::t;

/// The part of a message a condition looks at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The From header (display name and address).
    From,
    /// The To header.
    To,
    /// The Cc header.
    Cc,
    /// To or Cc: matches when either does.
    ToOrCc,
    /// The decoded Subject.
    Subject,
    /// Any header, by name (case-insensitive); matches when any occurrence does.
    Header(String),
    /// The decoded body text (HTML turned into text).
    Body,
    /// The message size in bytes (compared with `greater` / `less`).
    Size,
    /// Whether the message has attachments (`is` `yes` / `no`).
    HasAttachments,
    /// The name of the account it was downloaded from.
    Account,
    /// Age in days, from the Date header (else arrival).
    Age,
}

impl Field {
    /// Whether the field is a number (size, age), compared with greater / less.
    pub fn is_numeric(&self) -> bool {
        matches!(self, Field::Size | Field::Age)
    }

    /// The field in words, for messages to people (current language).
    pub fn describe(&self) -> String {
        match self {
            Field::From => t!("rules-field-from"),
            Field::To => t!("rules-field-to"),
            Field::Cc => t!("rules-field-cc"),
            Field::ToOrCc => t!("rules-field-to-or-cc"),
            Field::Subject => t!("rules-field-subject"),
            Field::Header(h) => t!("rules-field-header", name = h),
            Field::Body => t!("rules-field-body"),
            Field::Size => t!("rules-field-size"),
            Field::HasAttachments => t!("rules-field-attachments"),
            Field::Account => t!("rules-field-account"),
            Field::Age => t!("rules-field-age"),
        }
    }
}

/// How a condition compares the field with its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matcher {
    /// The field contains the value (case-insensitive).
    Contains,
    /// The field does not contain the value (case-insensitive).
    NotContains,
    /// The field is the value (case-insensitive, surrounding spaces ignored).
    Is,
    /// The field begins with the value (case-insensitive).
    BeginsWith,
    /// The field ends with the value (case-insensitive).
    EndsWith,
    /// The field matches a regular expression (the `regex` crate's syntax,
    /// case-insensitive unless the pattern says `(?-i)`).
    Regex,
    /// The number is greater than the value.
    Greater,
    /// The number is less than the value.
    Less,
}

impl Matcher {
    /// The matcher in words (current language).
    pub fn describe(self) -> String {
        match self {
            Matcher::Contains => t!("rules-matcher-contains"),
            Matcher::NotContains => t!("rules-matcher-not-contains"),
            Matcher::Is => t!("rules-matcher-is"),
            Matcher::BeginsWith => t!("rules-matcher-begins"),
            Matcher::EndsWith => t!("rules-matcher-ends"),
            Matcher::Regex => t!("rules-matcher-regex"),
            Matcher::Greater => t!("rules-matcher-greater"),
            Matcher::Less => t!("rules-matcher-less"),
        }
    }
}

/// One test of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// What is tested.
    pub field: Field,
    /// How.
    pub matcher: Matcher,
    /// Against what: text, a pattern, a size (`100K`, `2M`, bytes), a number
    /// of days, or `yes`/`no`.
    pub value: String,
}

/// How the conditions of a rule combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    /// Every condition must match.
    #[default]
    All,
    /// One matching condition is enough.
    Any,
}

/// What a matching rule does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move to the local folder of this name (created if missing).
    MoveTo(String),
    /// Mark as read.
    MarkRead,
    /// Star.
    Star,
    /// Move to the Trash.
    Trash,
    /// Mark as junk (it goes to the Junk folder and trains the filter).
    Junk,
    /// Mark as not junk (the junk filter does not move it).
    NotJunk,
    /// Run no further rules.
    Stop,
    /// POP3 only: delete the message from the server once it is stored here,
    /// even when the account keeps mail on the server.
    DeleteFromServer,
    /// POP3 only: leave the message on the server, even when the account
    /// deletes mail after download.
    LeaveOnServer,
    /// POP3 only: download the whole message even above the size limit.
    DownloadFull,
}

impl Action {
    /// The action in words (current language).
    pub fn describe(&self) -> String {
        match self {
            Action::MoveTo(f) => t!("rules-action-move", folder = f),
            Action::MarkRead => t!("rules-action-read"),
            Action::Star => t!("rules-action-star"),
            Action::Trash => t!("rules-action-trash"),
            Action::Junk => t!("rules-action-junk"),
            Action::NotJunk => t!("rules-action-not-junk"),
            Action::Stop => t!("rules-action-stop"),
            Action::DeleteFromServer => t!("rules-action-delete-from-server"),
            Action::LeaveOnServer => t!("rules-action-leave-on-server"),
            Action::DownloadFull => t!("rules-action-download-full"),
        }
    }
}

fn yes() -> bool {
    true
}

/// A message rule: when its conditions match, its actions run, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// A name people recognise (unique in a rule list).
    pub name: String,
    /// Disabled rules are kept but never run.
    #[serde(default = "yes")]
    pub enabled: bool,
    /// All or any.
    #[serde(default)]
    pub combine: Combine,
    /// The tests.
    pub conditions: Vec<Condition>,
    /// What happens.
    pub actions: Vec<Action>,
}

/// The JSON file of `popmail rule export` / `import`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleFile {
    /// Format version (1).
    pub version: u32,
    /// The rules, in the order they run.
    pub rules: Vec<Rule>,
}

/// The version [`RuleFile`] writes.
pub const RULE_FILE_VERSION: u32 = 1;

//! The compact text form of conditions and actions that `popmail rule add`
//! takes and `popmail rule list` prints (the README documents it):
//!
//! - a condition is `FIELD MATCHER VALUE`: fields `from`, `to`, `cc`,
//!   `to-or-cc`, `subject`, `header:NAME`, `body`, `size`, `attachments`,
//!   `account`, `age`; matchers `contains`, `!contains`, `is`, `begins`,
//!   `ends`, `matches` (a regex), `>`, `<`; the value is the rest of the text
//!   (`size > 2M`, `age > 30`, `attachments is yes`);
//! - an action is one of `move FOLDER`, `read`, `star`, `trash`, `junk`,
//!   `not-junk`, `stop`, `delete-from-server`, `leave-on-server`,
//!   `download-full`.

use super::Error;
use super::model::{Action, Condition, Field, Matcher};

fn syntax(text: &str, detail: impl Into<String>) -> Error {
    Error::Syntax {
        text: text.to_string(),
        detail: detail.into(),
    }
}

/// Parses `FIELD MATCHER VALUE`.
pub fn parse_condition(text: &str) -> Result<Condition, Error> {
    let t = text.trim();
    let (field, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let field = match field.to_ascii_lowercase().as_str() {
        "from" => Field::From,
        "to" => Field::To,
        "cc" => Field::Cc,
        "to-or-cc" => Field::ToOrCc,
        "subject" => Field::Subject,
        "body" => Field::Body,
        "size" => Field::Size,
        "attachments" => Field::HasAttachments,
        "account" => Field::Account,
        "age" => Field::Age,
        f => match f.strip_prefix("header:") {
            Some(name) if !name.is_empty() => {
                Field::Header(field.get("header:".len()..).unwrap_or_default().to_string())
            }
            _ => {
                return Err(syntax(text, crate::t!("rules-syntax-field", word = field)));
            }
        },
    };
    let rest = rest.trim_start();
    let (matcher, value) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let matcher = match matcher.to_ascii_lowercase().as_str() {
        "contains" => Matcher::Contains,
        "!contains" | "not-contains" => Matcher::NotContains,
        "is" => Matcher::Is,
        "begins" => Matcher::BeginsWith,
        "ends" => Matcher::EndsWith,
        "matches" => Matcher::Regex,
        ">" => Matcher::Greater,
        "<" => Matcher::Less,
        "" => return Err(syntax(text, crate::t!("rules-syntax-no-matcher"))),
        m => {
            return Err(syntax(text, crate::t!("rules-syntax-matcher", word = m)));
        }
    };
    Ok(Condition {
        field,
        matcher,
        value: value.trim_start().to_string(),
    })
}

/// Parses one action.
pub fn parse_action(text: &str) -> Result<Action, Error> {
    let t = text.trim();
    let (word, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let simple = |a: Action| {
        if rest.trim().is_empty() {
            Ok(a)
        } else {
            Err(syntax(
                text,
                crate::t!("rules-syntax-nothing-after", word = word),
            ))
        }
    };
    match word.to_ascii_lowercase().as_str() {
        "move" => Ok(Action::MoveTo(rest.trim().to_string())),
        "read" => simple(Action::MarkRead),
        "star" => simple(Action::Star),
        "trash" => simple(Action::Trash),
        "junk" => simple(Action::Junk),
        "not-junk" => simple(Action::NotJunk),
        "stop" => simple(Action::Stop),
        "delete-from-server" => simple(Action::DeleteFromServer),
        "leave-on-server" => simple(Action::LeaveOnServer),
        "download-full" => simple(Action::DownloadFull),
        w => Err(syntax(text, crate::t!("rules-syntax-action", word = w))),
    }
}

/// The compact form of a condition (what [`parse_condition`] reads back).
pub fn format_condition(c: &Condition) -> String {
    let field = match &c.field {
        Field::From => "from".to_string(),
        Field::To => "to".into(),
        Field::Cc => "cc".into(),
        Field::ToOrCc => "to-or-cc".into(),
        Field::Subject => "subject".into(),
        Field::Header(h) => format!("header:{h}"),
        Field::Body => "body".into(),
        Field::Size => "size".into(),
        Field::HasAttachments => "attachments".into(),
        Field::Account => "account".into(),
        Field::Age => "age".into(),
    };
    let matcher = match c.matcher {
        Matcher::Contains => "contains",
        Matcher::NotContains => "!contains",
        Matcher::Is => "is",
        Matcher::BeginsWith => "begins",
        Matcher::EndsWith => "ends",
        Matcher::Regex => "matches",
        Matcher::Greater => ">",
        Matcher::Less => "<",
    };
    format!("{field} {matcher} {}", c.value)
}

/// The compact form of an action (what [`parse_action`] reads back).
pub fn format_action(a: &Action) -> String {
    match a {
        Action::MoveTo(f) => format!("move {f}"), // not translated: the rule syntax
        Action::MarkRead => "read".into(),
        Action::Star => "star".into(),
        Action::Trash => "trash".into(),
        Action::Junk => "junk".into(),
        Action::NotJunk => "not-junk".into(),
        Action::Stop => "stop".into(),
        Action::DeleteFromServer => "delete-from-server".into(),
        Action::LeaveOnServer => "leave-on-server".into(),
        Action::DownloadFull => "download-full".into(),
    }
}

/// A rule (enabled, all conditions must match) from its name and the
/// compact forms of its conditions and actions.
pub fn parse_rule<S: AsRef<str>>(
    name: &str,
    conditions: &[S],
    actions: &[S],
) -> Result<super::Rule, Error> {
    Ok(super::Rule {
        name: name.trim().to_string(),
        enabled: true,
        combine: super::Combine::All,
        conditions: conditions
            .iter()
            .map(|c| parse_condition(c.as_ref()))
            .collect::<Result<_, _>>()?,
        actions: actions
            .iter()
            .map(|a| parse_action(a.as_ref()))
            .collect::<Result<_, _>>()?,
    })
}

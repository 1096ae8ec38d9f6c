//! Validation and evaluation: a list of [`Rule`]s is checked and compiled
//! once ([`RuleSet::compile`]: regexes built with a size limit, sizes and ages
//! parsed, folder names checked), then run over each message's [`Facts`] to
//! give one [`Decision`]: where it goes, its flags, a junk mark, and what
//! happens on the POP3 server.
//!
//! Text matching is case-insensitive (Unicode lower case). A negative matcher
//! ("doesn't contain") holds only when no value of the field contains the
//! text, so "To doesn't contain x" is false when any recipient does.

use std::cell::OnceCell;

use regex::{Regex, RegexBuilder};

use super::Error;
use super::model::{Action, Combine, Condition, Field, Matcher, Rule};
use crate::account::limits;
use crate::mail::Envelope;
use crate::t;

const DAY: i64 = 86_400;

/// What rules read of one message. Build it with [`Facts::new`].
#[derive(Debug)]
pub struct Facts<'a> {
    /// The parsed list columns.
    pub envelope: &'a Envelope,
    /// Every header field, decoded, in order ([`crate::mail::headers`]).
    pub headers: &'a [(String, String)],
    /// The decoded body text.
    pub body: &'a str,
    /// Size in bytes (of the whole message on the server, for a headers-only one).
    pub size: u64,
    /// The name of the account it came from ("" for local mail).
    pub account: &'a str,
    /// When it arrived here (epoch seconds): the age when it has no Date.
    pub received: i64,
    /// Now (epoch seconds).
    pub now: i64,
    body_lower: OnceCell<String>,
}

impl<'a> Facts<'a> {
    /// The facts of one message.
    pub fn new(
        envelope: &'a Envelope,
        headers: &'a [(String, String)],
        body: &'a str,
        size: u64,
        account: &'a str,
    ) -> Self {
        Facts {
            envelope,
            headers,
            body,
            size,
            account,
            received: 0,
            now: 0,
            body_lower: OnceCell::new(),
        }
    }

    /// Sets the arrival time and now, for age conditions.
    #[must_use]
    pub fn at(mut self, received: i64, now: i64) -> Self {
        self.received = received;
        self.now = now;
        self
    }

    fn body_lower(&self) -> &str {
        self.body_lower.get_or_init(|| {
            let mut end = self.body.len().min(limits::RULE_BODY_TEXT);
            while !self.body.is_char_boundary(end) {
                end -= 1;
            }
            self.body.get(..end).unwrap_or_default().to_lowercase()
        })
    }

    /// Each value of a text field (lower case), as the matchers see it.
    fn values(&self, field: &Field) -> Vec<String> {
        let e = self.envelope;
        match field {
            Field::From => {
                let mut v = vec![
                    format!("{} <{}>", e.from_name, e.from_addr).to_lowercase(),
                    e.from_addr.to_lowercase(),
                ];
                if !e.from_name.is_empty() {
                    v.push(e.from_name.to_lowercase());
                }
                v
            }
            Field::To => address_values(&e.to),
            Field::Cc => address_values(&e.cc),
            Field::ToOrCc => {
                let mut v = address_values(&e.to);
                v.extend(address_values(&e.cc));
                v
            }
            Field::Subject => vec![e.subject.to_lowercase()],
            Field::Header(name) => self
                .headers
                .iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.to_lowercase())
                .collect(),
            Field::Account => vec![self.account.to_lowercase()],
            Field::Body => vec![self.body_lower().to_string()],
            Field::Size | Field::HasAttachments | Field::Age => Vec::new(),
        }
    }
}

/// An address header as values: the whole header, then each address and
/// each bare address (commas inside quoted names split too: harmless for
/// "contains", and "is" still finds the bare address).
fn address_values(header: &str) -> Vec<String> {
    let lower = header.to_lowercase();
    let mut out = vec![lower.clone()];
    for part in lower.split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        out.push(part.to_string());
        if let (Some(a), Some(b)) = (part.rfind('<'), part.rfind('>'))
            && a < b
            && let Some(addr) = part.get(a + 1..b)
        {
            out.push(addr.trim().to_string());
        }
    }
    out
}

/// Where a message goes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum Destination {
    /// Its account's Inbox (or wherever it already is, for a manual run).
    #[default]
    Inbox,
    /// The local folder of this name, created if missing.
    Folder(String),
    /// The local Trash.
    Trash,
    /// The Junk folder.
    Junk,
}

/// What happens to the message on the POP3 server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct ServerAction {
    /// Delete it once it is stored here, whatever the account's policy.
    pub delete_now: bool,
    /// Leave it on the server, whatever the account's policy.
    pub leave: bool,
    /// Download it whole even above the size limit.
    pub download_full: bool,
}

/// The outcome of the rules for one message.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Decision {
    /// Where it goes.
    pub destination: Destination,
    /// Mark it read.
    pub read: bool,
    /// Star it.
    pub starred: bool,
    /// `Some(true)`: a rule marked it junk; `Some(false)`: not junk (the
    /// filter leaves it alone); `None`: the junk filter decides.
    pub junk: Option<bool>,
    /// What happens on the server.
    pub server: ServerAction,
    /// The names of the rules that matched, in order.
    pub matched: Vec<String>,
}

impl Decision {
    /// Whether a rule chose the folder (the junk filter then does not move it).
    pub fn folder_chosen(&self) -> bool {
        self.destination != Destination::Inbox
    }
}

#[derive(Debug)]
enum Test {
    Text(String),
    Pattern(Regex),
    Number(f64),
    Flag(bool),
}

#[derive(Debug)]
struct Compiled {
    field: Field,
    matcher: Matcher,
    test: Test,
}

/// A checked, ready-to-run list of rules (disabled ones left out).
#[derive(Debug, Default)]
pub struct RuleSet {
    rules: Vec<(Rule, Vec<Compiled>)>,
}

impl RuleSet {
    /// Checks every rule (see [`validate`]) and compiles the enabled ones.
    pub fn compile(rules: &[Rule]) -> Result<RuleSet, Error> {
        check_list(rules)?;
        let mut out = Vec::new();
        for rule in rules {
            let compiled = compile_rule(rule)?;
            if rule.enabled {
                out.push((rule.clone(), compiled));
            }
        }
        Ok(RuleSet { rules: out })
    }

    /// How many rules run.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether no rule runs.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Runs the rules, in order, over one message.
    pub fn evaluate(&self, facts: &Facts<'_>) -> Decision {
        let mut d = Decision::default();
        for (rule, conditions) in &self.rules {
            let hit = match rule.combine {
                Combine::All => conditions.iter().all(|c| c.matches(facts)),
                Combine::Any => conditions.iter().any(|c| c.matches(facts)),
            };
            if !hit {
                continue;
            }
            d.matched.push(rule.name.clone());
            let mut stop = false;
            for action in &rule.actions {
                match action {
                    Action::MoveTo(f) => d.destination = Destination::Folder(f.trim().to_string()),
                    Action::MarkRead => d.read = true,
                    Action::Star => d.starred = true,
                    Action::Trash => d.destination = Destination::Trash,
                    Action::Junk => {
                        d.junk = Some(true);
                        d.destination = Destination::Junk;
                    }
                    Action::NotJunk => {
                        d.junk = Some(false);
                        if d.destination == Destination::Junk {
                            d.destination = Destination::Inbox;
                        }
                    }
                    Action::Stop => stop = true,
                    // The later of two contradicting rules wins.
                    Action::DeleteFromServer => {
                        d.server.delete_now = true;
                        d.server.leave = false;
                    }
                    Action::LeaveOnServer => {
                        d.server.leave = true;
                        d.server.delete_now = false;
                    }
                    Action::DownloadFull => d.server.download_full = true,
                }
            }
            if stop {
                break;
            }
        }
        d
    }
}

impl Compiled {
    fn matches(&self, facts: &Facts<'_>) -> bool {
        match (&self.field, &self.test) {
            (Field::HasAttachments, Test::Flag(want)) => facts.envelope.has_attachments == *want,
            (Field::Size, Test::Number(n)) => compare(self.matcher, facts.size as f64, *n),
            (Field::Age, Test::Number(days)) => {
                let when = facts.envelope.date.unwrap_or(facts.received);
                let age = (facts.now - when) as f64 / DAY as f64;
                compare(self.matcher, age, *days)
            }
            (field, Test::Text(needle)) => {
                let values = facts.values(field);
                match self.matcher {
                    Matcher::NotContains => !values.iter().any(|v| v.contains(needle.as_str())),
                    Matcher::Contains => values.iter().any(|v| v.contains(needle.as_str())),
                    Matcher::Is => values.iter().any(|v| v.trim() == needle),
                    Matcher::BeginsWith => values.iter().any(|v| v.starts_with(needle.as_str())),
                    Matcher::EndsWith => values.iter().any(|v| v.ends_with(needle.as_str())),
                    Matcher::Regex | Matcher::Greater | Matcher::Less => false,
                }
            }
            (field, Test::Pattern(re)) => facts.values(field).iter().any(|v| re.is_match(v)),
            _ => false,
        }
    }
}

fn compare(m: Matcher, have: f64, want: f64) -> bool {
    match m {
        Matcher::Greater => have > want,
        Matcher::Less => have < want,
        _ => false,
    }
}

/// Checks one rule and says what is wrong in words a person reads.
pub fn validate(rule: &Rule) -> Result<(), Error> {
    compile_rule(rule).map(drop)
}

fn check_list(rules: &[Rule]) -> Result<(), Error> {
    if rules.len() > limits::MAX_RULES {
        return Err(Error::TooMany {
            count: rules.len(),
            max: limits::MAX_RULES,
        });
    }
    let mut seen = std::collections::HashSet::new();
    for r in rules {
        if !seen.insert(r.name.trim().to_lowercase()) {
            return Err(invalid(r, t!("rules-check-same-name")));
        }
    }
    Ok(())
}

fn invalid(rule: &Rule, detail: impl Into<String>) -> Error {
    Error::Invalid {
        rule: rule.name.clone(),
        detail: detail.into(),
    }
}

fn compile_rule(rule: &Rule) -> Result<Vec<Compiled>, Error> {
    if rule.name.trim().is_empty() {
        return Err(invalid(rule, t!("rules-check-no-name")));
    }
    if rule.conditions.is_empty() {
        return Err(invalid(rule, t!("rules-check-no-condition")));
    }
    if rule.actions.is_empty() {
        return Err(invalid(rule, t!("rules-check-no-action")));
    }
    for a in &rule.actions {
        if let Action::MoveTo(folder) = a {
            check_folder_name(folder).map_err(|d| invalid(rule, d))?;
        }
    }
    rule.conditions
        .iter()
        .enumerate()
        .map(|(i, c)| {
            compile_condition(c).map_err(|d| {
                invalid(
                    rule,
                    t!(
                        "rules-check-condition",
                        number = i + 1,
                        condition = describe(c),
                        detail = d
                    ),
                )
            })
        })
        .collect()
}

/// A condition in words, in the current language: `Subject contains "offer"`.
pub fn describe(c: &Condition) -> String {
    t!(
        "rules-condition",
        field = c.field.describe(),
        matcher = c.matcher.describe(),
        value = &c.value
    )
}

fn check_folder_name(name: &str) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(t!("rules-check-no-folder"));
    }
    if name.chars().count() > 255 || name.contains('/') || name.chars().any(char::is_control) {
        return Err(t!("rules-check-bad-folder", name = name));
    }
    Ok(())
}

fn compile_condition(c: &Condition) -> Result<Compiled, String> {
    let test = match (&c.field, c.matcher) {
        (Field::Header(h), _) if h.trim().is_empty() || h.contains(':') || h.contains(' ') => {
            return Err(t!("rules-check-bad-header", name = h));
        }
        (Field::HasAttachments, Matcher::Is) => Test::Flag(parse_yes_no(&c.value)?),
        (Field::HasAttachments, m) => {
            return Err(t!("rules-check-attachments", matcher = m.describe()));
        }
        (Field::Size, Matcher::Greater | Matcher::Less) => Test::Number(parse_size(&c.value)?),
        (Field::Age, Matcher::Greater | Matcher::Less) => Test::Number(parse_days(&c.value)?),
        (f, m) if f.is_numeric() => {
            return Err(t!(
                "rules-check-numeric",
                field = f.describe(),
                matcher = m.describe()
            ));
        }
        (f, Matcher::Greater | Matcher::Less) => {
            return Err(t!("rules-check-text", field = f.describe()));
        }
        (_, Matcher::Regex) => Test::Pattern(compile_regex(&c.value)?),
        (_, _) if c.value.trim().is_empty() => {
            return Err(t!("rules-check-empty-text"));
        }
        (_, Matcher::Is) => Test::Text(c.value.trim().to_lowercase()),
        (_, _) => Test::Text(c.value.to_lowercase()),
    };
    Ok(Compiled {
        field: c.field.clone(),
        matcher: c.matcher,
        test,
    })
}

fn compile_regex(pattern: &str) -> Result<Regex, String> {
    if pattern.is_empty() {
        return Err(t!("rules-check-empty-pattern"));
    }
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(limits::RULE_REGEX_SIZE)
        .dfa_size_limit(limits::RULE_REGEX_SIZE)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(_) => t!(
                "rules-check-pattern-too-large",
                pattern = pattern,
                limit = crate::fmt::size(limits::RULE_REGEX_SIZE as u64)
            ),
            // The regex crate's own words go in as they are.
            other => t!(
                "rules-check-bad-pattern",
                pattern = pattern,
                error = other.to_string().lines().last().unwrap_or_default().trim()
            ),
        })
}

fn parse_yes_no(v: &str) -> Result<bool, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        // The Indonesian words too: the rule editor's hint says "ya atau tidak".
        "yes" | "true" | "1" | "ya" => Ok(true),
        "no" | "false" | "0" | "tidak" => Ok(false),
        other => Err(t!("rules-check-yes-no", value = other)),
    }
}

/// `1500`, `100K`, `100KB`, `2M`, `1G` (units of 1024 bytes).
pub fn parse_size(v: &str) -> Result<f64, String> {
    let t = v.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (digits, unit) = match t.char_indices().last() {
        Some((i, 'K')) => (&t[..i], 1024.0),
        Some((i, 'M')) => (&t[..i], 1024.0 * 1024.0),
        Some((i, 'G')) => (&t[..i], 1024.0 * 1024.0 * 1024.0),
        _ => (t, 1.0),
    };
    match digits.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(n * unit),
        _ => Err(t!("rules-check-size", value = v.trim())),
    }
}

/// `30` or `30d`: days.
fn parse_days(v: &str) -> Result<f64, String> {
    let t = v.trim().to_ascii_lowercase();
    let t = t
        .strip_suffix("days")
        .or_else(|| t.strip_suffix('d'))
        .unwrap_or(&t);
    match t.trim().parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(n),
        _ => Err(t!("rules-check-days", value = v.trim())),
    }
}

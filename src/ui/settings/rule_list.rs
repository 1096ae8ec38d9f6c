//! The rules list's pure parts: a rule's one-line summary, putting an
//! edited rule in its place, and the name of a duplicate.

use crate::rules::syntax::{format_action, format_condition};
use crate::rules::{Combine, Rule};
use crate::t;

/// One rule in the list: "1. Boss — if from is boss@…, then move Boss, star".
pub(super) fn rule_line(i: usize, r: &Rule) -> String {
    let join = match r.combine {
        Combine::All => format!(" {} ", t!("settings-rules-and")),
        Combine::Any => format!(" {} ", t!("settings-rules-or")),
    };
    let conditions: Vec<String> = r.conditions.iter().map(format_condition).collect();
    let actions: Vec<String> = r.actions.iter().map(format_action).collect();
    let name = if r.enabled {
        r.name.clone()
    } else {
        format!("{} {}", r.name, t!("settings-account-disabled"))
    };
    t!(
        "settings-rules-line",
        number = i + 1,
        name = name,
        conditions = conditions.join(&join),
        actions = actions.join(", ")
    )
}

/// Puts `rule` at `index` of `list` (replacing what is there), or at the
/// end for a new rule; returns where it went.
pub(super) fn put(list: &mut Vec<Rule>, index: Option<usize>, rule: Rule) -> usize {
    match index.and_then(|i| list.get_mut(i).map(|slot| (i, slot))) {
        Some((i, slot)) => {
            *slot = rule;
            i
        }
        None => {
            list.push(rule);
            list.len() - 1
        }
    }
}

/// "Boss (copy)", "Boss (copy 2)", … whichever is free.
pub(super) fn copy_name(name: &str, rules: &[Rule]) -> String {
    let taken = |n: &str| rules.iter().any(|r| r.name.eq_ignore_ascii_case(n));
    let mut candidate = t!("settings-copy-name", name = name);
    let mut n = 2;
    while taken(&candidate) {
        candidate = t!("settings-copy-name-n", name = name, number = n);
        n += 1;
    }
    candidate
}

//! Export of the rules as a Sieve script (RFC 5228), for people who move to
//! a server that filters: `popmail rule export FILE --sieve`.
//!
//! Extensions used, each `require`d only when a rule needs it: `fileinto`
//! (RFC 5228 §4.1), `imap4flags` (RFC 5232: `addflag "\\Seen"` /
//! `"\\Flagged"`), `body` (RFC 5173: `body :text :contains`) and `regex`
//! (draft-ietf-sieve-regex, which Dovecot's Pigeonhole implements). Matching
//! uses Sieve's default comparator `i;ascii-casemap`, case-insensitive like
//! popmail. "begins with" / "ends with" become `:matches` with `*`, the
//! value's own `*`, `?` and `\` escaped.
//!
//! What Sieve cannot say is left out, as a comment naming the reason: a
//! rule testing attachments, the account or the age (no standard test), a
//! disabled rule, and the POP3-only actions (they mean nothing on an IMAP
//! server). Within a rule, flags are set before `fileinto` so that the filed
//! copy carries them. One difference remains and the script's header says
//! so: when two matching rules move a message, popmail keeps the last move,
//! Sieve files a copy in each folder.

use super::{Action, Combine, Condition, Field, Matcher, Rule};

/// The rules as a Sieve script.
pub fn export_sieve(rules: &[Rule]) -> String {
    let mut needs: Vec<&str> = Vec::new();
    let mut body = String::new();
    for rule in rules {
        body.push('\n');
        match rule_sieve(rule, &mut needs) {
            Ok(text) => body.push_str(&text),
            Err(why) => {
                body.push_str(&format!(
                    "# rule {} is not exported: {why}\n",
                    quote(&rule.name)
                ));
            }
        }
    }
    let mut out = String::from(
        "# Sieve (RFC 5228) script written by `popmail rule export --sieve`.\n\
         # popmail keeps only the last move when several rules match; Sieve\n\
         # files a copy in each folder.\n",
    );
    if !needs.is_empty() {
        let list: Vec<String> = needs.iter().map(|n| quote(n)).collect();
        out.push_str(&format!("require [{}];\n", list.join(", ")));
    }
    out.push_str(&body);
    out
}

fn need<'a>(needs: &mut Vec<&'a str>, what: &'a str) {
    if !needs.contains(&what) {
        needs.push(what);
    }
}

/// One rule; `Err` says why it cannot be exported.
fn rule_sieve<'a>(rule: &Rule, needs: &mut Vec<&'a str>) -> Result<String, String> {
    if !rule.enabled {
        return Err("it is disabled".into());
    }
    let mut local: Vec<&'a str> = Vec::new();
    let tests = rule
        .conditions
        .iter()
        .map(|c| test(c, &mut local))
        .collect::<Result<Vec<_>, _>>()?;
    let mut flags = Vec::new();
    let mut moves = Vec::new();
    let mut notes = Vec::new();
    let mut stop = false;
    for a in &rule.actions {
        match a {
            Action::MoveTo(f) => moves.push(f.trim().to_string()),
            Action::Trash => moves.push("Trash".into()),
            Action::Junk => moves.push("Junk".into()),
            Action::MarkRead => flags.push("\\\\Seen"),
            Action::Star => flags.push("\\\\Flagged"),
            Action::Stop => stop = true,
            Action::NotJunk => notes.push("\"not junk\" has no Sieve action"),
            Action::DeleteFromServer | Action::LeaveOnServer | Action::DownloadFull => {
                notes.push("POP3 server actions are left out");
            }
        }
    }
    if !flags.is_empty() {
        local.push("imap4flags");
    }
    // The last move wins in popmail.
    let target = moves.pop();
    if target.is_some() {
        local.push("fileinto");
    }
    let mut out = format!("# rule {}\n", quote(&rule.name));
    for n in &notes {
        out.push_str(&format!("# {n}\n"));
    }
    let condition = match (tests.as_slice(), rule.combine) {
        ([one], _) => one.clone(),
        (many, Combine::All) => format!("allof ({})", many.join(", ")),
        (many, Combine::Any) => format!("anyof ({})", many.join(", ")),
    };
    out.push_str(&format!("if {condition} {{\n"));
    for f in &flags {
        out.push_str(&format!("    addflag \"{f}\";\n"));
    }
    if let Some(folder) = &target {
        out.push_str(&format!("    fileinto {};\n", quote(folder)));
    }
    if stop {
        out.push_str("    stop;\n");
    }
    out.push_str("}\n");
    for n in local {
        need(needs, n);
    }
    Ok(out)
}

/// One condition as a Sieve test.
fn test(c: &Condition, needs: &mut Vec<&str>) -> Result<String, String> {
    let headers = match &c.field {
        Field::From => quote("from"),
        Field::To => quote("to"),
        Field::Cc => quote("cc"),
        Field::ToOrCc => format!("[{}, {}]", quote("to"), quote("cc")),
        Field::Subject => quote("subject"),
        Field::Header(h) => quote(h.trim()),
        Field::Size => {
            let op = match c.matcher {
                Matcher::Greater => ":over",
                _ => ":under",
            };
            return Ok(format!("size {op} {}", size(&c.value)?));
        }
        Field::Body => String::new(),
        Field::HasAttachments => return Err("Sieve has no test for attachments".into()),
        Field::Account => return Err("a server's Sieve script sees one account".into()),
        Field::Age => return Err("Sieve has no test for a message's age".into()),
    };
    let (negate, kind, value) = match c.matcher {
        Matcher::Contains => (false, ":contains", c.value.clone()),
        Matcher::NotContains => (true, ":contains", c.value.clone()),
        Matcher::Is => (false, ":is", c.value.trim().to_string()),
        Matcher::BeginsWith => (false, ":matches", format!("{}*", wildcard_escape(&c.value))),
        Matcher::EndsWith => (false, ":matches", format!("*{}", wildcard_escape(&c.value))),
        Matcher::Regex => {
            needs.push("regex");
            (false, ":regex", c.value.clone())
        }
        Matcher::Greater | Matcher::Less => {
            // A comment in the exported script, in English like the rest
            // of the file: the condition in the rule syntax, not in words.
            return Err(format!(
                "\"{}\" compares a text with a number",
                super::syntax::format_condition(c)
            ));
        }
    };
    let test = if c.field == Field::Body {
        needs.push("body");
        format!("body :text {kind} {}", quote(&value))
    } else {
        format!("header {kind} {headers} {}", quote(&value))
    };
    Ok(if negate { format!("not {test}") } else { test })
}

/// A Sieve quoted string (RFC 5228 §2.4.2: `"` and `\` escaped).
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        if ch == '"' || ch == '\\' {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('"');
    out
}

/// `*`, `?` and `\` taken literally by `:matches`.
fn wildcard_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '*' | '?' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A size as Sieve writes it: bytes, or with K/M/G.
fn size(v: &str) -> Result<String, String> {
    let bytes = super::eval::parse_size(v)?;
    // Sizes are whole bytes; the parser accepts fractions of a unit.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(format!("{}", bytes.round().max(0.0) as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::syntax::parse_rule;

    fn rule(name: &str, ifs: &[&str], thens: &[&str]) -> Rule {
        let ifs: Vec<String> = ifs.iter().map(|s| (*s).to_string()).collect();
        let thens: Vec<String> = thens.iter().map(|s| (*s).to_string()).collect();
        parse_rule(name, &ifs, &thens).unwrap()
    }

    #[test]
    fn a_small_rule_list_becomes_the_hand_written_script() {
        let mut any = rule(
            "Big",
            &["size > 5M", "subject begins [big*]"],
            &["star", "leave-on-server"],
        );
        any.combine = Combine::Any;
        let mut off = rule("Off", &["from contains x"], &["trash"]);
        off.enabled = false;
        let rules = vec![
            rule(
                "Boss \"B\"",
                &["from is boss@example.com"],
                &["move Boss", "read", "stop"],
            ),
            rule(
                "Lists",
                &[
                    "header:List-Id contains rust-lang",
                    "body !contains unsubscribe",
                ],
                &["move Rust"],
            ),
            any,
            rule("Codes", &["subject matches ^\\[[0-9]+\\]"], &["junk"]),
            rule("Old", &["age > 30"], &["trash"]),
            off,
        ];
        let expected = r#"# Sieve (RFC 5228) script written by `popmail rule export --sieve`.
# popmail keeps only the last move when several rules match; Sieve
# files a copy in each folder.
require ["imap4flags", "fileinto", "body", "regex"];

# rule "Boss \"B\""
if header :is "from" "boss@example.com" {
    addflag "\\Seen";
    fileinto "Boss";
    stop;
}

# rule "Lists"
if allof (header :contains "List-Id" "rust-lang", not body :text :contains "unsubscribe") {
    fileinto "Rust";
}

# rule "Big"
# POP3 server actions are left out
if anyof (size :over 5242880, header :matches "subject" "[big\\*]*") {
    addflag "\\Flagged";
}

# rule "Codes"
if header :regex "subject" "^\\[[0-9]+\\]" {
    fileinto "Junk";
}

# rule "Old" is not exported: Sieve has no test for a message's age

# rule "Off" is not exported: it is disabled
"#;
        assert_eq!(export_sieve(&rules), expected);
    }
}

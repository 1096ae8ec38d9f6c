//! No string meant for a person is left as a literal in the window, the
//! command line, the jobs, the notifications or the layers below that speak
//! to people (issue 16), and every `#[error]` takes its words from Fluent.
//!
//! The literal scan is a lexer, not a guess at grep: comments, char
//! literals, raw strings and `#[cfg(test)]` modules are understood. A
//! literal is "for a person" when, with its `{…}` placeholders taken out, it
//! has a word and either a space or a capitalised word ("Cancel"). A
//! technical one says so with a `// not translated: why` comment on its line,
//! or is listed in `tests/data/i18n_allowed.txt`.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::i18n::{arg_names, call_rest, root, sources};

/// Where the window, the command line and the background jobs speak to a
/// person.
const SPOKEN: &[&str] = &[
    "src/ui",
    "src/cli",
    "src/jobs",
    "src/notify.rs",
    "src/sync/api.rs",
    "src/sync/account.rs",
    "src/sync/identity.rs",
    "src/sync/error.rs",
    "src/sync/ops.rs",
    "src/sync/worker.rs",
    "src/pop3/error.rs",
    "src/pop3/transport.rs",
    "src/pop3/response.rs",
    "src/pop3/listing.rs",
    "src/pop3/client.rs",
    "src/pop3/login.rs",
    "src/pop3/login/replies.rs",
    "src/pop3/conn.rs",
    "src/rules/model.rs",
    "src/rules/eval.rs",
    "src/rules/syntax.rs",
    "src/rules/mod.rs",
    "src/oauth/mod.rs",
    "src/oauth/provider.rs",
    "src/oauth/http.rs",
    "src/oauth/browser.rs",
    "src/oauth/tokens.rs",
    "src/discovery/mod.rs",
    "src/discovery/autoconfig.rs",
    "src/mailbox/mod.rs",
    "src/mailbox/discover.rs",
    "src/oauth/dns.rs",
    "src/discovery/srv.rs",
];

#[test]
fn i18n_no_literal_for_a_person_in_the_window_or_the_cli() {
    let allowed = allowed();
    let mut found = Vec::new();
    for (path, text) in sources() {
        let rel = rel(&path);
        if !SPOKEN.iter().any(|s| rel.starts_with(s)) || is_test_file(&rel) {
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        for lit in string_literals(&text) {
            let line = lines.get(lit.line - 1).copied().unwrap_or_default();
            if is_key_call(&lit.before)
                || line.trim_start().starts_with("#[")
                || line.contains("// not translated:")
                || allowed.contains(&lit.text)
                || !for_a_person(&lit.text)
            {
                continue;
            }
            found.push(format!("{rel}:{}: {:?}", lit.line, lit.text));
        }
    }
    assert!(
        found.is_empty(),
        "{} strings for a person are not translated (use t!, or mark a technical one \
         `// not translated: why`):\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The Display of an error is what a person reads in the window and on the
/// command line: every `#[error("…")]` in `src` is only placeholders, its
/// words come from `t!` (`#[error("{}", crate::t!("error-…", …))]`).
#[test]
fn i18n_every_error_message_is_translated() {
    let mut found = Vec::new();
    let mut seen = 0;
    for (path, text) in sources() {
        let rel = rel(&path);
        let mut rest = text.as_str();
        let mut offset = 0;
        while let Some(at) = rest.find("#[error(") {
            let start = offset + at;
            let attr = &text[start..];
            let line = text[..start].matches('\n').count() + 1;
            seen += 1;
            // The format string is the attribute's first literal.
            let format = string_literals(attr).into_iter().next().map(|l| l.text);
            let inner = attr["#[error(".len()..].trim_start();
            let ok = if inner.starts_with("transparent") {
                true
            } else {
                format.as_deref().is_some_and(|f| !has_words(f))
            };
            if !ok {
                found.push(format!("{rel}:{line}: {format:?}"));
            }
            offset = start + "#[error(".len();
            rest = &text[offset..];
        }
    }
    assert!(seen > 100, "only {seen} #[error] attributes found in src");
    assert!(
        found.is_empty(),
        "{} error messages are English literals (use \"{{}}\", crate::t!(\"error-…\")):\n{}",
        found.len(),
        found.join("\n")
    );
}

/// Letters outside the `{…}` placeholders of a format string.
fn has_words(format: &str) -> bool {
    let mut depth = 0;
    format.chars().any(|c| match c {
        '{' => {
            depth += 1;
            false
        }
        '}' if depth > 0 => {
            depth -= 1;
            false
        }
        _ => depth == 0 && c.is_alphabetic(),
    })
}

#[test]
fn i18n_the_literal_scanner_sees_what_it_should() {
    let src = r##"
        let a = "Cancel"; // a comment with "Quoted words"
        let b = t!("common-cancel");
        let c = 'x'; let d = '"'; let e: &'static str = "two words";
        /* "in a block comment" */
        let f = r#"raw "words" here"#;
        let g = format!("{n} {m}");
        #[cfg(test)]
        mod other_tests;
        let h = "after a test file";
        #[cfg(test)]
        mod tests { const X: &str = "Not scanned"; }
    "##;
    let lits: Vec<_> = string_literals(src).into_iter().map(|l| l.text).collect();
    assert_eq!(
        lits,
        vec![
            "Cancel",
            "common-cancel",
            "two words",
            "raw \"words\" here",
            "{n} {m}",
            "after a test file"
        ]
    );
    assert!(for_a_person("Cancel"));
    assert!(for_a_person("{n} messages"));
    assert!(for_a_person("Sync failed: {e}"));
    assert!(!for_a_person("{n} {m}"));
    assert!(!for_a_person("popmail.prefs"));
    assert!(!for_a_person("UTF-8"));
    assert!(!for_a_person("%Y-%m-%d"));
    assert!(!for_a_person("common-cancel"));
    assert_eq!(
        arg_names(", count = n, name = f(a, b), s = \"x, y = z\")"),
        ["count", "name", "s"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    let call = r#"t!("k", a = g(1), b = 2) + 3"#;
    let b: Vec<char> = call.chars().collect();
    assert_eq!(call_rest(&b, 6), ", a = g(1), b = 2");
    assert!(is_key_call("lett=t!("));
    assert!(is_key_call("crate::t!("));
    assert!(is_key_call("i18n::tr("));
    assert!(!is_key_call("format!("));
    assert!(!is_key_call("attr("));
    assert!(has_words("the {0} thread failed"));
    assert!(!has_words("{0}"));
    assert!(!has_words("{}: {source:?}"));
}

/// Whether the code before a literal makes it a key: `t!(`, `crate::t!(`,
/// `tr(`, `i18n::tr(` — not `format!(` or `attr(`, which end the same way.
pub(crate) fn is_key_call(before: &str) -> bool {
    ["t!(", "tr("].iter().any(|call| {
        before.strip_suffix(call).is_some_and(|rest| {
            !rest
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    })
}

pub(crate) fn rel(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn is_test_file(rel: &str) -> bool {
    rel.ends_with("/tests.rs") || rel.ends_with("_tests.rs")
}

fn allowed() -> BTreeSet<String> {
    let path = root().join("tests/data/i18n_allowed.txt");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A word of two letters or more and either a space or a capitalised word,
/// once `{…}` placeholders are taken out.
fn for_a_person(text: &str) -> bool {
    // A placeholder stands for a number or a name: "{n} messages" is spaced.
    let mut plain = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            // A placeholder stands for a word: "{n} messages" is a sentence.
            '{' => {
                if depth == 0 {
                    plain.push('0');
                }
                depth += 1;
            }
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<&str> = plain
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .collect();
    if words.is_empty() {
        return false;
    }
    let spaced = plain.trim().contains(' ');
    let capitalised = words.iter().any(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
    });
    let technical = plain.contains(['.', '_', '%', '/', '=']) && !spaced;
    (spaced || capitalised) && !technical
}

pub(crate) struct Literal {
    pub(crate) line: usize,
    pub(crate) text: String,
    /// The code before it (up to 80 characters), without white space.
    pub(crate) before: String,
    /// For a key (`t!("key", a = x)`): the rest of the call, `, a = x`.
    pub(crate) after: String,
}

/// String literals outside comments, up to a `#[cfg(test)]` line.
pub(crate) fn string_literals(src: &str) -> Vec<Literal> {
    let b: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let starts_with =
        |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| b.get(i + k) == Some(&c));
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
            let rest: String = b[i + 1..].iter().take_while(|&&c| c != '\n').collect();
            if rest.trim() == "#[cfg(test)]" {
                // `#[cfg(test)] mod x;` declares a file; an inline module
                // of tests ends what is scanned.
                let after: String = b[i + 1 + rest.chars().count()..]
                    .iter()
                    .skip(1)
                    .take_while(|&&c| c != '\n')
                    .collect();
                if !after.trim_end().ends_with(';') {
                    break;
                }
            }
            i += 1;
        } else if starts_with(i, "//") {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if starts_with(i, "/*") {
            i += 2;
            while i < b.len() && !starts_with(i, "*/") {
                if b[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            // A char literal ('x', '\n', '"') or a lifetime ('a).
            if b.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == '"' || (c == 'r' && matches!(b.get(i + 1), Some('"' | '#'))) {
            let prev = i.checked_sub(1).map(|p| b[p]);
            if c == 'r' && prev.is_some_and(|p| p.is_alphanumeric() || p == '_') {
                i += 1;
                continue;
            }
            let byte = prev == Some('b');
            // The code just before, across lines: `t!(\n "key"` is a key.
            let before: String = b[i.saturating_sub(80)..i]
                .iter()
                .filter(|c| !c.is_whitespace())
                .collect();
            let start_line = line;
            let mut text = String::new();
            if c == 'r' {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                let close: String = std::iter::once('"')
                    .chain("#".repeat(hashes).chars())
                    .collect();
                j += 1;
                while j < b.len() && !starts_with(j, &close) {
                    if b[j] == '\n' {
                        line += 1;
                    }
                    text.push(b[j]);
                    j += 1;
                }
                i = j + close.chars().count();
            } else {
                let mut j = i + 1;
                while j < b.len() && b[j] != '"' {
                    if b[j] == '\\' {
                        j += 1;
                        match b.get(j) {
                            Some('n') => text.push('\n'),
                            Some('t') => text.push('\t'),
                            Some('\n') => {
                                line += 1;
                                while b.get(j + 1).is_some_and(|c| c.is_whitespace()) {
                                    j += 1;
                                }
                            }
                            Some(&other) => text.push(other),
                            None => {}
                        }
                    } else {
                        if b[j] == '\n' {
                            line += 1;
                        }
                        text.push(b[j]);
                    }
                    j += 1;
                }
                i = j + 1;
            }
            if !byte {
                let after = if is_key_call(&before) {
                    call_rest(&b, i)
                } else {
                    String::new()
                };
                out.push(Literal {
                    line: start_line,
                    text,
                    before,
                    after,
                });
            }
        } else {
            i += 1;
        }
    }
    out
}

//! The translations (issue 16): every key in every language, every key the
//! code uses exists and none is unused, every message formats in every
//! language, and no string meant for a person is left as a literal in the
//! window, the command line, the jobs or the notifications.
//!
//! The literal scan is a lexer, not a guess at grep: comments, char
//! literals, raw strings and `#[cfg(test)]` modules are understood. A
//! literal is "for a person" when, with its `{…}` placeholders taken out, it
//! has a word and either a space or a capitalised word ("Cancel"). A
//! technical one says so with a `// not translated: why` comment on its line,
//! or is listed in `tests/data/i18n_allowed.txt`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use fluent_templates::fluent_bundle::{FluentBundle, FluentResource};
use popmail::i18n::{self, Lang};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Message ids (not terms, not attributes) per `.ftl` file of a language.
fn keys_by_file(lang: Lang) -> BTreeMap<String, Vec<String>> {
    let dir = root().join("locales").join(lang.code());
    let mut out = BTreeMap::new();
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("dir entry").path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read ftl");
        let keys = text
            .lines()
            .filter_map(|line| {
                let (id, _) = line.split_once('=')?;
                let id = id.trim_end();
                let ok = id.starts_with(|c: char| c.is_ascii_lowercase())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                ok.then(|| id.to_owned())
            })
            .collect();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        out.insert(name, keys);
    }
    out
}

fn all_keys(lang: Lang) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for (file, keys) in keys_by_file(lang) {
        for k in keys {
            assert!(
                seen.insert(k.clone()),
                "{}: key {k} defined twice ({file})",
                lang.code()
            );
        }
    }
    seen
}

#[test]
fn i18n_every_key_exists_in_every_language_and_formats() {
    let en = all_keys(Lang::En);
    assert!(en.len() > 50, "the English messages were not found");
    for lang in Lang::ALL {
        let keys = all_keys(lang);
        let missing: Vec<_> = en.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&en).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{} has keys English lacks: {extra:?}",
            lang.code()
        );
        // The same files in every language, so each area's owner keeps both.
        let files: Vec<_> = keys_by_file(lang).into_keys().collect();
        let en_files: Vec<_> = keys_by_file(Lang::En).into_keys().collect();
        assert_eq!(
            files,
            en_files,
            "{} has other .ftl files than en",
            lang.code()
        );
        // Every file parses whole (a syntax error would drop a message
        // silently), no key is defined twice in the bundle, and each message
        // formats in its language with a value for every variable (a number:
        // it also selects a plural).
        let dir = root().join("locales").join(lang.code());
        let id: fluent_templates::LanguageIdentifier = lang.code().parse().expect("language id");
        let mut bundle = FluentBundle::new(vec![id]);
        for file in keys_by_file(lang).into_keys() {
            let text = fs::read_to_string(dir.join(&file)).expect("read ftl");
            let resource = match FluentResource::try_new(text) {
                Ok(r) => r,
                Err((_, errors)) => panic!("{}/{file} does not parse: {errors:?}", lang.code()),
            };
            bundle
                .add_resource(resource)
                .unwrap_or_else(|e| panic!("{}/{file}: {e:?}", lang.code()));
        }
        // Every variable any message of the language names.
        let every: BTreeSet<String> = message_variables(lang).into_values().flatten().collect();
        let args: Vec<(String, i18n::Arg)> =
            every.into_iter().map(|v| (v, i18n::Arg::Int(2))).collect();
        for k in &keys {
            assert!(
                bundle.get_message(k).and_then(|m| m.value()).is_some()
                    && i18n::lookup_exact_with(lang, k, &args).is_some(),
                "{}: {k} does not parse or format",
                lang.code()
            );
        }
    }
}

/// The variables each message uses (`{ $name }`, selectors too), per key.
fn message_variables(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let dir = root().join("locales").join(lang.code());
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in fs::read_dir(&dir).expect("read locales") {
        let text = fs::read_to_string(entry.expect("entry").path()).expect("read ftl");
        let mut current: Option<String> = None;
        for line in text.lines() {
            // A `}` at the start of a line still closes a placeable of the message.
            let body = if line.starts_with([' ', '\t', '}']) {
                line
            } else if let Some((id, rest)) = line.split_once('=')
                && !line.starts_with('#')
                && !id.trim().is_empty()
                && id
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-')
            {
                current = Some(id.trim().to_owned());
                rest
            } else {
                if !line.trim().is_empty() {
                    current = None;
                }
                continue;
            };
            let Some(key) = &current else { continue };
            let vars = out.entry(key.clone()).or_default();
            for (i, _) in body.match_indices('$') {
                let name: String = body[i + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    vars.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn i18n_every_call_gives_the_variables_its_message_uses() {
    // A message formatted without one of its variables comes out as an
    // error text at run time, in whichever language lacks it.
    let vars: Vec<_> = Lang::ALL
        .iter()
        .map(|&l| (l, message_variables(l)))
        .collect();
    let mut calls = 0;
    let mut wrong = Vec::new();
    for (path, text) in sources() {
        for lit in string_literals(&text) {
            if !is_key_call(&lit.before) {
                continue;
            }
            calls += 1;
            let given = arg_names(&lit.after);
            for (lang, by_key) in &vars {
                let needed = by_key.get(&lit.text).cloned().unwrap_or_default();
                let missing: Vec<_> = needed.difference(&given).collect();
                if !missing.is_empty() {
                    wrong.push(format!(
                        "{}:{}: {} ({}) needs {missing:?}",
                        rel(&path),
                        lit.line,
                        lit.text,
                        lang.code()
                    ));
                }
            }
        }
    }
    assert!(calls > 100, "only {calls} t! calls found");
    assert!(
        wrong.is_empty(),
        "calls missing variables:\n{}",
        wrong.join("\n")
    );
}

/// The rest of a call after its first argument, up to its closing `)`.
fn call_rest(b: &[char], from: usize) -> String {
    let (mut depth, mut in_str, mut escaped) = (0, false, false);
    let mut out = String::new();
    for &c in &b[from.min(b.len())..] {
        if in_str {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
        } else {
            match c {
                '"' => in_str = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                _ => {}
            }
        }
        out.push(c);
    }
    out
}

/// The argument names of `, a = x, b = f(y, z)`.
fn arg_names(rest: &str) -> BTreeSet<String> {
    let (mut depth, mut in_str) = (0, false);
    let mut parts = vec![String::new()];
    for c in rest.chars() {
        match c {
            '"' => in_str = !in_str,
            '(' | '[' | '{' if !in_str => depth += 1,
            ')' | ']' | '}' if !in_str => depth -= 1,
            ',' if !in_str && depth == 0 => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(p) = parts.last_mut() {
            p.push(c);
        }
    }
    parts
        .iter()
        .filter_map(|p| {
            let (name, value) = p.split_once('=')?;
            let name = name.trim();
            let ident =
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            (ident && !value.starts_with('=')).then(|| name.to_owned())
        })
        .collect()
}

/// Every `.rs` file under `src/`.
fn sources() -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("read rs");
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn i18n_every_used_key_exists_and_none_is_unused() {
    let en = all_keys(Lang::En);
    let mut literals = BTreeSet::new();
    let mut used = Vec::new();
    for (path, text) in sources() {
        for lit in string_literals(&text) {
            if is_key_call(&lit.before) {
                used.push((path.clone(), lit.line, lit.text.clone()));
            }
            literals.insert(lit.text);
        }
    }
    assert!(!used.is_empty(), "no t!(\"…\") found in src");
    let unknown: Vec<String> = used
        .iter()
        .filter(|(_, _, k)| !en.contains(k))
        .map(|(p, l, k)| format!("{}:{l}: {k}", rel(p)))
        .collect();
    assert!(
        unknown.is_empty(),
        "keys used but not defined:\n{}",
        unknown.join("\n")
    );
    // The `--help` texts are named after the command line's commands and
    // arguments (src/cli/help.rs); cli_language checks each is reached.
    let unused: Vec<_> = en
        .iter()
        .filter(|k| !literals.contains(*k) && !is_help_key(k))
        .collect();
    assert!(
        unused.is_empty(),
        "keys defined but never used in src: {unused:?}"
    );
}

/// A `--help` text's key, made from a command path or an argument id.
pub fn is_help_key(key: &str) -> bool {
    key.starts_with("cli-help-") || key.starts_with("cli-arg-")
}

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
fn is_key_call(before: &str) -> bool {
    ["t!(", "tr("].iter().any(|call| {
        before.strip_suffix(call).is_some_and(|rest| {
            !rest
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    })
}

fn rel(path: &Path) -> String {
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

struct Literal {
    line: usize,
    text: String,
    /// The code before it (up to 80 characters), without white space.
    before: String,
    /// For a key (`t!("key", a = x)`): the rest of the call, `, a = x`.
    after: String,
}

/// String literals outside comments, up to a `#[cfg(test)]` line.
fn string_literals(src: &str) -> Vec<Literal> {
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

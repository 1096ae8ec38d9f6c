//! The translations (issue 16): every key in every language, every key the
//! code uses exists and none is unused, and every message formats in every
//! language with the variables its callers give. The scan for literals left
//! untranslated is `i18n_literals`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

use fluent_templates::fluent_bundle::{FluentBundle, FluentResource};
use popmail::i18n::{self, Lang};

use crate::i18n_literals::{is_key_call, rel, string_literals};

pub(crate) fn root() -> PathBuf {
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
pub(crate) fn call_rest(b: &[char], from: usize) -> String {
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
pub(crate) fn arg_names(rest: &str) -> BTreeSet<String> {
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
pub(crate) fn sources() -> Vec<(PathBuf, String)> {
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

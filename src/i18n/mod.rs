//! Every string a person reads, in their language (issue 16): Indonesian and
//! English, as Fluent messages (<https://projectfluent.org>) in
//! `locales/LANG/*.ftl`, compiled into the binary by `fluent-templates`.
//!
//! - [`t!`](crate::t) looks a message up in the current language:
//!   `t!("common-save")`, `t!("count-messages", count = n)`. Keys are
//!   literals, so `tests/i18n.rs` can check that every key used exists in
//!   every language and that no key is unused.
//! - Plurals follow CLDR through Fluent's selectors (`{ $count -> … }`).
//! - Numbers given as arguments are formatted for the language: Indonesian
//!   groups thousands with "." and writes the decimal comma ("1,5").
//! - The language comes from the system locale (`LC_ALL`, `LC_MESSAGES`,
//!   `LANG`, then `LANGUAGE`'s list, as gettext reads them; other systems
//!   through `sys-locale`) and can be changed in Preferences at any time:
//!   the next frame reads the new language.
//!
//! Machine output (`--json`, benchmark lines, logs for developers) is never
//! translated. A leaf: imports nothing of ours.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: egui would draw them.
        customise: |bundle| {
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format_value));
        },
    };
}

/// A language popmail speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the fallback for every other language).
    #[default]
    En,
    /// Bahasa Indonesia.
    Id,
}

impl Lang {
    /// Every language, in the order Preferences lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Id];

    /// The BCP 47 code: `en`, `id`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Id => "id",
        }
    }

    /// The language from a code or a POSIX locale name (`id`, `id_ID.UTF-8`,
    /// `en-GB`); `None` for a language popmail does not speak.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lang = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match lang.as_str() {
            "en" => Some(Lang::En),
            // "in" is the old ISO 639 code some systems still report.
            "id" | "in" => Some(Lang::Id),
            _ => None,
        }
    }

    /// The language named in itself ("English", "Bahasa Indonesia").
    pub fn name(self) -> String {
        match self {
            Lang::En => tr("lang-en"),
            Lang::Id => tr("lang-id"),
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        static EN: LanguageIdentifier = langid!("en");
        static ID: LanguageIdentifier = langid!("id");
        match self {
            Lang::En => &EN,
            Lang::Id => &ID,
        }
    }

    fn from_u8(v: u8) -> Lang {
        if v == 1 { Lang::Id } else { Lang::En }
    }

    fn as_u8(self) -> u8 {
        match self {
            Lang::En => 0,
            Lang::Id => 1,
        }
    }

    /// The decimal separator: "." in English, "," in Indonesian.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Id => ',',
        }
    }

    /// The thousands separator: "," in English, "." in Indonesian.
    pub fn group_separator(self) -> char {
        match self {
            Lang::En => ',',
            Lang::Id => '.',
        }
    }

    /// Hours and minutes: "14:05" in English, "14.05" in Indonesian.
    pub fn time_separator(self) -> char {
        match self {
            Lang::En => ':',
            Lang::Id => '.',
        }
    }
}

/// The process's language (a [`Lang`] as `u8`).
static GLOBAL: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language for this thread only: the window tests run in parallel in
    /// one process and each picks its own language.
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language strings are looked up in now.
pub fn current() -> Lang {
    THREAD
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_u8(GLOBAL.load(Ordering::Relaxed)))
}

/// Switches the language at once (Preferences). On a thread that has its own
/// language ([`for_this_thread`]) only that thread's changes.
pub fn set(lang: Lang) {
    if THREAD.with(Cell::get).is_some() {
        THREAD.with(|t| t.set(Some(lang)));
    } else {
        GLOBAL.store(lang.as_u8(), Ordering::Relaxed);
    }
}

/// Sets the language from the system locale; called once at start.
pub fn init_from_system() -> Lang {
    let lang = system_language();
    set(lang);
    lang
}

/// Gives this thread its own language until the guard drops (tests).
#[doc(hidden)]
pub fn for_this_thread(lang: Lang) -> ThreadLang {
    let before = THREAD.with(|t| t.replace(Some(lang)));
    ThreadLang { before }
}

/// Restores the thread's earlier language when dropped.
#[doc(hidden)]
pub struct ThreadLang {
    before: Option<Lang>,
}

impl Drop for ThreadLang {
    fn drop(&mut self) {
        THREAD.with(|t| t.set(self.before));
    }
}

/// The system's language for messages, English when it is one popmail does
/// not speak.
pub fn system_language() -> Lang {
    language_from(|name| std::env::var(name).ok(), sys_locale::get_locale)
}

/// gettext's order: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
/// set decides the locale; unless that is `C`/`POSIX`, `LANGUAGE` (a list)
/// goes first. With none set, the platform's own answer.
fn language_from(
    env: impl Fn(&str) -> Option<String>,
    platform: impl FnOnce() -> Option<String>,
) -> Lang {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    let locale = set("LC_ALL")
        .or_else(|| set("LC_MESSAGES"))
        .or_else(|| set("LANG"));
    if let Some(locale) = &locale {
        let base = locale.split('.').next().unwrap_or_default();
        if base == "C" || base == "POSIX" {
            return Lang::En;
        }
        if let Some(list) = set("LANGUAGE")
            && let Some(lang) = list.split(':').find_map(Lang::from_code)
        {
            return lang;
        }
        return Lang::from_code(locale).unwrap_or_default();
    }
    platform()
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default()
}

/// The message `key` in the current language (English when the language
/// lacks it; the key itself when no language has it, which `tests/i18n.rs`
/// rules out).
pub fn tr(key: &str) -> String {
    LOCALES.lookup(current().id(), key)
}

/// The message `key` with arguments. Use [`t!`](crate::t).
pub fn tr_args(key: &str, args: &[(&'static str, Arg)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| (Cow::Borrowed(*name), value.to_fluent()))
        .collect();
    LOCALES.lookup_with_args(current().id(), key, &map)
}

/// The message `key` in `lang`, or `None` where that language lacks it
/// (no fallback): for the tests of the translations.
#[doc(hidden)]
pub fn lookup_exact(lang: Lang, key: &str) -> Option<String> {
    LOCALES
        .lookup_single_language::<&str>(lang.id(), key, None)
        .ok()
}

/// The message `key` in `lang` formatted with `args` (every variable it
/// uses must be there), or `None` where that language lacks it or it does
/// not format (no fallback): for the tests of the translations.
#[doc(hidden)]
pub fn lookup_exact_with(lang: Lang, key: &str, args: &[(String, Arg)]) -> Option<String> {
    let map: HashMap<String, FluentValue<'_>> = args
        .iter()
        .map(|(name, value)| (name.clone(), value.to_fluent()))
        .collect();
    LOCALES
        .lookup_single_language(lang.id(), key, Some(&map))
        .ok()
}

/// A value for a message argument.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, shown as it is.
    Text(String),
    /// A whole number: selects the plural and is grouped for the language.
    Int(i64),
    /// A number with decimals (shown with one decimal place).
    Real(f64),
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            Arg::Text(s) => FluentValue::String(Cow::Owned(s.clone())),
            #[allow(clippy::cast_precision_loss)]
            Arg::Int(n) => FluentValue::from(*n as f64),
            Arg::Real(v) => {
                let mut n = fluent_templates::fluent_bundle::types::FluentNumber::from(*v);
                n.options.minimum_fraction_digits = Some(1);
                n.options.maximum_fraction_digits = Some(1);
                FluentValue::Number(n)
            }
        }
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<f64> for Arg {
    fn from(v: f64) -> Arg {
        Arg::Real(v)
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

/// Numbers in the current language: grouped thousands, the locale's decimal
/// separator, fraction digits as the argument asked.
fn format_value<M>(value: &FluentValue<'_>, _memoizer: &M) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let places = n.options.minimum_fraction_digits.unwrap_or(0);
    Some(number(n.value, places))
}

/// `n` with `places` decimals for the current language: `12,345.5` in
/// English, `12.345,5` in Indonesian.
pub fn number(n: f64, places: usize) -> String {
    let lang = current();
    let text = format!("{:.*}", places, n.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
    if n < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    let digits = whole.len();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(lang.group_separator());
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(lang.decimal_separator());
        out.push_str(frac);
    }
    out
}

/// `t!("key")` or `t!("key", name = value, …)`: the message in the current
/// language. Values are text or numbers ([`Arg`]).
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::tr($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests;

//! Checking the account form before it is saved.
//!
//! Every field that cannot be used gets one sentence, shown next to it, and
//! Save stays disabled until none is left. The store checks the same rules
//! again (`store::accounts`); here they are worded for the person typing.
//!
//! Ports are TCP ports, 1–65535 (RFC 9293). The conventional POP3 ports are
//! 110 (RFC 1939; upgraded with STLS per RFC 2595) and 995 (implicit TLS,
//! RFC 8314). A connection without encryption sends the password as typed
//! (USER/PASS, RFC 1939 §7), so it needs the user's explicit consent.

use super::account_form::{AccountForm, PolicyChoice};
pub use super::problems::{Field, Problems};
use crate::account::{AccountSettings, AuthMethod, Policy, Security};
use crate::t;

/// The settings the form describes, or what is wrong with it.
/// `others` are the names of the other accounts (a name must be unique).
pub fn check(form: &AccountForm, others: &[String]) -> Result<AccountSettings, Problems> {
    let mut p = Problems::new();
    let name = form.name.trim();
    if name.is_empty() {
        p.insert(Field::Name, t!("settings-check-name"));
    } else if others.iter().any(|o| o.trim().eq_ignore_ascii_case(name)) {
        p.insert(Field::Name, t!("settings-check-name-taken", name = name));
    }
    let email = form.email.trim();
    match email.split_once('@') {
        Some((user, domain)) if !user.is_empty() && !domain.is_empty() => {}
        _ if email.is_empty() => {
            p.insert(Field::Email, t!("settings-check-email"));
        }
        _ => {
            p.insert(Field::Email, t!("settings-check-email-bad"));
        }
    }
    let host = form.host.trim();
    if host.is_empty() {
        p.insert(Field::Host, t!("settings-check-host"));
    } else if host.contains("://") || host.chars().any(char::is_whitespace) {
        p.insert(Field::Host, t!("settings-check-host-bad"));
    }
    // Out of range is reported below as "not a port", like any bad number.
    let port = parse_number(&form.port).and_then(|n| u16::try_from(n).ok());
    if port.is_none_or(|n| n == 0) {
        p.insert(Field::Port, t!("settings-check-port"));
    }
    if form.security == Security::Plain && !form.plaintext_ok {
        p.insert(Field::Plaintext, t!("settings-check-plain"));
    }
    if form.username.trim().is_empty() {
        p.insert(Field::Username, t!("settings-check-user"));
    }
    let oauth = (form.auth == AuthMethod::OAuth2).then(|| form.oauth.settings());
    if let Some(o) = &oauth {
        if let Err(e) = crate::oauth::resolve(o, &|k| std::env::var(k).ok()) {
            p.insert(Field::OAuth, format!("{}.", capitalized(&e.to_string())));
        } else if form.editing.is_none() && form.sign_in.tokens().is_none() {
            p.insert(Field::OAuth, t!("settings-check-sign-in"));
        }
    } else if form.editing.is_none() && form.password.is_empty() {
        p.insert(Field::Password, t!("settings-check-password"));
    }
    let at_least_one = |text: &str| parse_number(text).filter(|n| *n >= 1);
    let days = at_least_one(&form.keep_days);
    if form.policy == PolicyChoice::KeepDays && days.is_none() {
        p.insert(Field::KeepDays, t!("settings-check-days"));
    }
    let max_kb = at_least_one(&form.max_size_kb);
    if form.headers_only && max_kb.is_none() {
        p.insert(Field::MaxSize, t!("settings-check-size"));
    }
    let interval = at_least_one(&form.interval_min);
    if form.periodic && interval.is_none() {
        p.insert(Field::Interval, t!("settings-check-minutes"));
    }
    if !p.is_empty() {
        return Err(p);
    }
    Ok(AccountSettings {
        name: name.to_string(),
        email: email.to_string(),
        host: host.to_string(),
        port: port.unwrap_or_else(|| form.security.default_port()),
        security: form.security,
        allow_plaintext_password: form.security == Security::Plain && form.plaintext_ok,
        username: form.username.trim().to_string(),
        auth: form.auth,
        ca_file: form.ca_file.clone(),
        pinned_sha256: form.pinned.clone(),
        policy: match form.policy {
            PolicyChoice::Delete => Policy::Delete,
            PolicyChoice::Keep => Policy::Keep,
            PolicyChoice::KeepDays => Policy::KeepDays(days.unwrap_or(1)),
        },
        delete_when_deleted_here: form.delete_here,
        max_size_kb: max_kb.filter(|_| form.headers_only),
        check_interval_min: interval.filter(|_| form.periodic),
        check_at_startup: form.check_at_startup,
        enabled: form.enabled,
        oauth,
    })
}

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A whole number as typed (spaces around it allowed), at most `u32::MAX`.
fn parse_number(text: &str) -> Option<u32> {
    // The caller reports "not a number" in its own words.
    text.trim().parse().ok()
}

/// The settings a connection test uses: the form with everything that does
/// not matter for connecting (name, address, policy) set aside. `None` when
/// the server, port, security or user name cannot be used.
pub fn for_test(form: &AccountForm) -> Option<AccountSettings> {
    let mut f = form.clone();
    f.name = "test".into(); // not translated: never shown, only connects
    f.email = "test@example.org".into();
    f.editing = Some(crate::store::AccountId(0));
    f.policy = PolicyChoice::Keep;
    f.headers_only = false;
    f.periodic = false;
    // The form shows these problems itself; the test just cannot start yet.
    check(&f, &[]).ok()
}

/// Only the problems the user should see now: every one once `show_all` is
/// set, else those of fields the user has been in.
pub fn visible(form: &AccountForm, problems: &Problems) -> Problems {
    problems
        .iter()
        .filter(|(f, _)| form.show_all || **f == Field::OAuth || form.touched.contains(f))
        .map(|(f, p)| (*f, p.clone()))
        .collect()
}

/// The fields with problems, named as the form labels them.
pub fn summary(problems: &Problems) -> String {
    let names: Vec<String> = problems
        .keys()
        .map(|f| match f {
            Field::Name => t!("settings-field-name"),
            Field::Email => t!("settings-field-email"),
            Field::Host => t!("settings-field-host"),
            Field::Port => t!("settings-field-port"),
            Field::Plaintext => t!("settings-field-plain"),
            Field::Username => t!("settings-field-user"),
            Field::Password => t!("settings-field-password"),
            Field::OAuth => t!("settings-field-sign-in"),
            Field::KeepDays => t!("settings-field-days"),
            Field::MaxSize => t!("settings-field-size"),
            Field::Interval => t!("settings-field-minutes"),
        })
        .collect();
    t!("settings-check-summary", fields = names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> AccountForm {
        let mut f = AccountForm::new_account();
        f.name = "Home".into();
        f.email = "me@example.org".into();
        f.host = "pop.example.org".into();
        f.username = "me".into();
        f.password.set("pw");
        f
    }

    #[test]
    fn a_complete_form_gives_settings() {
        let s = check(&good(), &[]).expect("valid");
        assert_eq!(s.port, 995);
        assert_eq!(s.security, Security::Tls);
        assert_eq!(s.policy, Policy::KeepDays(14));
        assert!(!s.allow_plaintext_password);
    }

    #[test]
    fn each_bad_field_is_named() {
        let mut f = good();
        f.set_security(Security::Plain);
        assert_eq!(f.port, "110", "the conventional port follows the security");
        f.name = " ".into();
        f.host = "pop3://x".into();
        f.port = "70000".into();
        f.policy = PolicyChoice::KeepDays;
        f.keep_days = "0".into();
        let p = check(&f, &[]).expect_err("invalid");
        for field in [
            Field::Name,
            Field::Host,
            Field::Port,
            Field::KeepDays,
            Field::Plaintext,
        ] {
            assert!(p.contains_key(&field), "{field:?} is flagged");
        }
        assert!(!p.contains_key(&Field::Email));
    }

    #[test]
    fn names_must_be_unique_ignoring_case() {
        let p = check(&good(), &["home".into()]).expect_err("taken");
        assert!(p[&Field::Name].contains("already called"));
    }

    #[test]
    fn unticked_options_drop_their_numbers() {
        let mut f = good();
        f.headers_only = false;
        f.max_size_kb = "junk".into();
        f.periodic = false;
        f.interval_min = String::new();
        let s = check(&f, &[]).expect("valid");
        assert_eq!((s.max_size_kb, s.check_interval_min), (None, None));
    }

    #[test]
    fn a_test_needs_only_the_connection_fields() {
        let mut f = AccountForm::new_account();
        f.host = "pop.example.org".into();
        f.username = "me".into();
        f.keep_days = "0".into();
        assert!(for_test(&f).is_some());
        f.port = "0".into();
        assert!(for_test(&f).is_none());
    }
}

//! The account form: every setting of a POP3 account as the user edits it
//! (numbers stay text until validated, so a half-typed port can be shown with
//! its problem), and its layout.
//!
//! Security follows RFC 8314 (implicit TLS on 995, preferred), RFC 2595
//! (STLS on 110) and plain RFC 1939 (110, password sent as typed).
//! Authentication offers the RFC 1939 USER/PASS and APOP, and the SASL
//! mechanisms of RFC 5034: PLAIN (RFC 4616), LOGIN and CRAM-MD5 (RFC 2195),
//! and "Sign in with …" (OAuth 2.0 with XOAUTH2 or OAUTHBEARER, RFC 7628;
//! the fields and the browser sign-in are in `oauth_form`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::{RichText, Ui};

use super::find_settings::{self, FindSettings};
use super::oauth_form::{self, OAuthFields, SignInRun};
use super::problems::{Field, Problems};
use crate::account::{AuthMethod, Policy, Security};
use crate::store::{Account, AccountId};
use crate::t;
use crate::ui::FilePicker;

use super::password_field::PasswordField;

/// The server-side policy as the form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyChoice {
    /// Delete from the server after download.
    Delete,
    /// Keep a copy on the server.
    Keep,
    /// Keep a copy for N days.
    KeepDays,
}

/// The account being edited.
#[derive(Debug, Clone)]
pub struct AccountForm {
    /// The stored account, or `None` for a new one.
    pub editing: Option<AccountId>,
    /// Account name.
    pub name: String,
    /// Email address.
    pub email: String,
    /// Server host.
    pub host: String,
    /// Port, as typed.
    pub port: String,
    /// The user typed the port (changing the security then leaves it alone).
    pub port_typed: bool,
    /// Connection security.
    pub security: Security,
    /// "I understand my password is sent unencrypted".
    pub plaintext_ok: bool,
    /// User name.
    pub username: String,
    /// Password typed here (empty: keep the saved one).
    pub password: PasswordField,
    /// Authentication method.
    pub auth: AuthMethod,
    /// Extra trusted CA file.
    pub ca_file: Option<PathBuf>,
    /// Pinned certificate fingerprint (hex).
    pub pinned: Option<String>,
    /// Server-side policy.
    pub policy: PolicyChoice,
    /// Days, for [`PolicyChoice::KeepDays`].
    pub keep_days: String,
    /// Delete on the server what is deleted here.
    pub delete_here: bool,
    /// Download only headers of large messages.
    pub headers_only: bool,
    /// The size limit in KB, as typed.
    pub max_size_kb: String,
    /// Check periodically.
    pub periodic: bool,
    /// Minutes between checks, as typed.
    pub interval_min: String,
    /// Check at start-up.
    pub check_at_startup: bool,
    /// Included in "sync all" and periodic checks.
    pub enabled: bool,
    /// Fields the user has been in (their problems are shown).
    pub touched: BTreeSet<Field>,
    /// Show every problem (an existing account, or the user tried to save).
    pub show_all: bool,
    /// The OAuth 2.0 fields (used when `auth` is OAuth2).
    pub oauth: OAuthFields,
    /// The browser sign-in made in this form.
    pub sign_in: SignInRun,
    /// The stored account's sign-in expired or was withdrawn.
    pub needs_sign_in: bool,
    /// Start the browser sign-in on the next frame ("Sign in again").
    pub start_sign_in: bool,
    /// The "Find settings" step.
    pub find: FindSettings,
}

impl AccountForm {
    /// A new account with safe defaults: TLS on 995, automatic sign-in, a
    /// copy kept on the server for 14 days, checked every 15 minutes.
    pub fn new_account() -> AccountForm {
        AccountForm {
            editing: None,
            name: String::new(),
            email: String::new(),
            host: String::new(),
            port: Security::Tls.default_port().to_string(),
            port_typed: false,
            security: Security::Tls,
            plaintext_ok: false,
            username: String::new(),
            password: PasswordField::default(),
            auth: AuthMethod::Auto,
            ca_file: None,
            pinned: None,
            policy: PolicyChoice::KeepDays,
            keep_days: "14".into(),
            delete_here: false,
            headers_only: false,
            max_size_kb: "1024".into(),
            periodic: true,
            interval_min: "15".into(),
            check_at_startup: true,
            enabled: true,
            touched: BTreeSet::new(),
            show_all: false,
            oauth: OAuthFields::from_settings(None),
            sign_in: SignInRun::default(),
            needs_sign_in: false,
            start_sign_in: false,
            find: FindSettings::default(),
        }
    }

    /// The form of a stored account (the password field starts empty).
    pub fn from_account(a: &Account) -> AccountForm {
        let s = &a.settings;
        let (policy, days) = match s.policy {
            Policy::Delete => (PolicyChoice::Delete, 14),
            Policy::Keep => (PolicyChoice::Keep, 14),
            Policy::KeepDays(n) => (PolicyChoice::KeepDays, n),
        };
        AccountForm {
            editing: Some(a.id),
            name: s.name.clone(),
            email: s.email.clone(),
            host: s.host.clone(),
            port: s.port.to_string(),
            port_typed: s.port != s.security.default_port(),
            security: s.security,
            plaintext_ok: s.allow_plaintext_password,
            username: s.username.clone(),
            password: PasswordField::default(),
            auth: s.auth,
            ca_file: s.ca_file.clone(),
            pinned: s.pinned_sha256.clone(),
            policy,
            keep_days: days.to_string(),
            delete_here: s.delete_when_deleted_here,
            headers_only: s.max_size_kb.is_some(),
            max_size_kb: s.max_size_kb.unwrap_or(1024).to_string(),
            periodic: s.check_interval_min.is_some(),
            interval_min: s.check_interval_min.unwrap_or(15).to_string(),
            check_at_startup: s.check_at_startup,
            enabled: s.enabled,
            touched: BTreeSet::new(),
            show_all: true,
            oauth: OAuthFields::from_settings(s.oauth.as_ref()),
            sign_in: SignInRun::default(),
            needs_sign_in: false,
            start_sign_in: false,
            find: FindSettings::default(),
        }
    }

    /// A copy of a stored account under a new name, not saved yet.
    pub fn duplicate(a: &Account, taken: &[String]) -> AccountForm {
        let mut f = AccountForm::from_account(a);
        f.editing = None;
        let free = |n: &str| !taken.iter().any(|t| t.eq_ignore_ascii_case(n));
        let mut name = t!("settings-copy-name", name = a.settings.name.as_str());
        let mut i = 2;
        while !free(&name) {
            name = t!(
                "settings-copy-name-n",
                name = a.settings.name.as_str(),
                number = i
            );
            i += 1;
        }
        f.name = name;
        f
    }

    /// Changes the security, filling in its conventional port unless the
    /// user typed one.
    pub fn set_security(&mut self, security: Security) {
        self.security = security;
        self.touched.insert(Field::Plaintext);
        if !self.port_typed {
            self.port = security.default_port().to_string();
        }
    }
}

/// The authentication methods, in the order the form lists them.
const AUTH_CHOICES: [AuthMethod; 7] = [
    AuthMethod::Auto,
    AuthMethod::OAuth2,
    AuthMethod::User,
    AuthMethod::Apop,
    AuthMethod::CramMd5,
    AuthMethod::Plain,
    AuthMethod::Login,
];

/// An authentication method's name, as the form shows it.
fn auth_name(m: AuthMethod) -> String {
    match m {
        AuthMethod::Auto => t!("settings-auth-auto"),
        AuthMethod::OAuth2 => t!("settings-auth-oauth"),
        AuthMethod::User => t!("settings-auth-user"),
        AuthMethod::Apop => "APOP".to_owned(),
        AuthMethod::CramMd5 => "CRAM-MD5".to_owned(),
        AuthMethod::Plain => "PLAIN".to_owned(),
        AuthMethod::Login => "LOGIN".to_owned(),
    }
}

/// Shows a problem under a field, in the error colour.
fn problem(ui: &mut Ui, problems: &Problems, field: Field) {
    if let Some(text) = problems.get(&field) {
        ui.label(RichText::new(format!("⚠ {text}")).color(ui.visuals().error_fg_color));
    }
}

/// A labelled one-line text field with its problem below.
fn text_row(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    hint: &str,
    problems: &Problems,
    field: Field,
    touched: &mut BTreeSet<Field>,
) -> egui::Response {
    let l = ui.label(label);
    let r = ui
        .vertical(|ui| {
            let r = ui
                .add(
                    egui::TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(280.0),
                )
                .labelled_by(l.id);
            problem(ui, problems, field);
            r
        })
        .inner;
    if r.changed() || r.lost_focus() {
        touched.insert(field);
    }
    ui.end_row();
    r
}

/// A short number field inside a sentence, followed by its unit, which
/// names it for screen readers (and tests). Returns whether it changed.
fn number(ui: &mut Ui, text: &mut String, unit: &str, enabled: bool) -> bool {
    let r = ui.add_enabled(
        enabled,
        egui::TextEdit::singleline(text)
            .desired_width(48.0)
            .align(egui::Align2::RIGHT_CENTER),
    );
    let l = ui.label(unit);
    r.labelled_by(l.id).changed()
}

/// The identity and server part of the form. Returns whether the person
/// asked to sign in with the OAuth provider.
pub fn server_ui(
    ui: &mut Ui,
    form: &mut AccountForm,
    problems: &Problems,
    keychain: bool,
    picker: &mut dyn FilePicker,
) -> bool {
    let oauth = form.auth == AuthMethod::OAuth2;
    let mut start = false;
    egui::Grid::new("account-form-server")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            text_row(
                ui,
                &t!("settings-form-name"),
                &mut form.name,
                &t!("settings-form-name-hint"),
                problems,
                Field::Name,
                &mut form.touched,
            );
            text_row(
                ui,
                &t!("settings-form-email"),
                &mut form.email,
                "you@example.org",
                problems,
                Field::Email,
                &mut form.touched,
            );
            find_settings::row(ui, &form.email, &mut form.find);
            text_row(
                ui,
                &t!("settings-form-server"),
                &mut form.host,
                "pop.example.org",
                problems,
                Field::Host,
                &mut form.touched,
            );
            ui.label(t!("settings-form-security"));
            ui.vertical(|ui| {
                ui.horizontal(|ui| {
                    let mut s = form.security;
                    ui.radio_value(&mut s, Security::Tls, "TLS")
                        .on_hover_text(t!("settings-form-tls-hint"));
                    ui.radio_value(&mut s, Security::StartTls, "STARTTLS")
                        .on_hover_text(t!("settings-form-starttls-hint"));
                    ui.radio_value(&mut s, Security::Plain, t!("settings-form-plain"))
                        .on_hover_text(t!("settings-form-plain-hint"));
                    if s != form.security {
                        form.set_security(s);
                    }
                });
                if form.security == Security::Plain {
                    ui.checkbox(&mut form.plaintext_ok, t!("settings-form-plain-ok"));
                    problem(ui, problems, Field::Plaintext);
                }
            });
            ui.end_row();
            if text_row(
                ui,
                &t!("settings-form-port"),
                &mut form.port,
                "995",
                problems,
                Field::Port,
                &mut form.touched,
            )
            .changed()
            {
                form.port_typed = true;
            }
            text_row(
                ui,
                &t!("settings-form-user"),
                &mut form.username,
                &t!("settings-form-user-hint"),
                problems,
                Field::Username,
                &mut form.touched,
            );
            auth_row(ui, form);
            if oauth {
                ui.label(t!("settings-form-sign-in"));
                ui.vertical(|ui| {
                    let saved = form.editing.is_some() && !form.needs_sign_in;
                    if form.needs_sign_in && form.sign_in.tokens().is_none() {
                        ui.add(
                            egui::Label::new(
                                RichText::new(t!("settings-form-signed-out"))
                                    .color(ui.visuals().warn_fg_color),
                            )
                            .wrap(),
                        );
                    }
                    start = oauth_form::oauth_ui(
                        ui,
                        &mut form.oauth,
                        &mut form.sign_in,
                        saved,
                        form.needs_sign_in,
                    );
                    problem(ui, problems, Field::OAuth);
                    keychain_note(ui, keychain, true);
                });
                ui.end_row();
            } else {
                password_row(ui, form, problems, keychain);
            }
            ui.label(t!("settings-form-ca"));
            ui.horizontal(|ui| {
                match &form.ca_file {
                    Some(p) => ui.label(RichText::new(p.display().to_string()).monospace()),
                    None => ui.weak(t!("settings-form-ca-none")),
                };
                if ui
                    .button(t!("settings-form-choose"))
                    .on_hover_text(t!("settings-form-ca-hint"))
                    .clicked()
                    && let Some(p) =
                        picker.pick_file(&t!("settings-form-ca-title"), &["pem", "crt"])
                {
                    form.ca_file = Some(p);
                }
                if form.ca_file.is_some() && ui.button(t!("settings-form-clear")).clicked() {
                    form.ca_file = None;
                }
            });
            ui.end_row();
            ui.label(t!("settings-form-pin"));
            ui.horizontal_wrapped(|ui| match form.pinned.clone() {
                Some(pin) => {
                    ui.label(RichText::new(grouped(&pin)).monospace().small());
                    if ui
                        .button(t!("settings-form-unpin"))
                        .on_hover_text(t!("settings-form-unpin-hint"))
                        .clicked()
                    {
                        form.pinned = None;
                    }
                }
                None => {
                    ui.weak(t!("settings-form-pin-none"));
                }
            });
            ui.end_row();
        });
    start
}

/// The password field with where it is kept.
fn password_row(ui: &mut Ui, form: &mut AccountForm, problems: &Problems, keychain: bool) {
    let l = ui.label(t!("settings-form-password"));
    ui.vertical(|ui| {
        let hint = if form.editing.is_some() {
            t!("settings-form-password-keep")
        } else {
            String::new()
        };
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut form.password)
                    .password(true)
                    .hint_text(hint)
                    .desired_width(280.0),
            )
            .labelled_by(l.id);
        if r.changed() || r.lost_focus() {
            form.touched.insert(Field::Password);
        }
        problem(ui, problems, Field::Password);
        keychain_note(ui, keychain, false);
    });
    ui.end_row();
}

/// Where a password (or a sign-in) is kept.
fn keychain_note(ui: &mut Ui, keychain: bool, sign_in: bool) {
    if keychain {
        ui.weak(if sign_in {
            t!("settings-form-sign-in-keychain")
        } else {
            t!("settings-form-password-keychain")
        });
    } else {
        let text = if sign_in {
            t!("settings-form-sign-in-store")
        } else {
            t!("settings-form-password-store")
        };
        ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
    }
}

/// The authentication method.
fn auth_row(ui: &mut Ui, form: &mut AccountForm) {
    let l = ui.label(t!("settings-form-auth"));
    egui::ComboBox::from_id_salt("account-auth")
        .selected_text(auth_name(form.auth))
        .width(280.0)
        .truncate()
        .show_ui(ui, |ui| {
            for m in AUTH_CHOICES {
                ui.selectable_value(&mut form.auth, m, auth_name(m));
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
}

/// The policy and checking part of the form.
pub fn policy_ui(ui: &mut Ui, form: &mut AccountForm, problems: &Problems) {
    ui.label(RichText::new(t!("settings-form-on-server")).strong());
    ui.radio_value(
        &mut form.policy,
        PolicyChoice::Delete,
        t!("settings-form-delete"),
    );
    ui.radio_value(
        &mut form.policy,
        PolicyChoice::Keep,
        t!("settings-form-keep"),
    );
    ui.horizontal(|ui| {
        ui.radio_value(
            &mut form.policy,
            PolicyChoice::KeepDays,
            t!("settings-form-keep-for"),
        );
        let on = form.policy == PolicyChoice::KeepDays;
        if number(ui, &mut form.keep_days, &t!("settings-form-days"), on) {
            form.touched.insert(Field::KeepDays);
        }
    });
    problem(ui, problems, Field::KeepDays);
    ui.checkbox(&mut form.delete_here, t!("settings-form-delete-with-local"));
    ui.horizontal(|ui| {
        ui.checkbox(&mut form.headers_only, t!("settings-form-headers-only"));
        if number(
            ui,
            &mut form.max_size_kb,
            &t!("settings-form-kb"),
            form.headers_only,
        ) {
            form.touched.insert(Field::MaxSize);
        }
    });
    problem(ui, problems, Field::MaxSize);
    ui.add_space(6.0);
    ui.label(RichText::new(t!("settings-form-checking")).strong());
    ui.horizontal(|ui| {
        ui.checkbox(&mut form.periodic, t!("settings-form-check-every"));
        if number(
            ui,
            &mut form.interval_min,
            &t!("settings-form-minutes"),
            form.periodic,
        ) {
            form.touched.insert(Field::Interval);
        }
    });
    problem(ui, problems, Field::Interval);
    ui.checkbox(
        &mut form.check_at_startup,
        t!("settings-form-check-at-start"),
    );
    ui.checkbox(&mut form.enabled, t!("settings-form-enabled"))
        .on_hover_text(t!("settings-form-enabled-hint"));
}

/// A hex fingerprint in groups of two, as certificate viewers show it.
pub fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(2)
        .map(|c| String::from_utf8_lossy(c).to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(":")
}

/// One line about an account: security, policy, checking.
pub fn summary(s: &crate::account::AccountSettings) -> String {
    let security = match s.security {
        Security::Tls => "TLS".to_owned(),
        Security::StartTls => "STARTTLS".to_owned(),
        Security::Plain => t!("settings-summary-plain"),
    };
    let policy = match s.policy {
        Policy::Delete => t!("settings-summary-delete"),
        Policy::Keep => t!("settings-summary-keep"),
        Policy::KeepDays(n) => t!("settings-summary-keep-days", count = n),
    };
    let check = match s.check_interval_min {
        Some(m) => t!("settings-summary-every", count = m),
        None => t!("settings-summary-when-asked"),
    };
    format!("{security} · {policy} · {check}")
}

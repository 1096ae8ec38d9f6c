//! The settings dialog: a modal with two tabs.
//!
//! - **Accounts**: the POP3 accounts (RFC 1939) with Add, Edit, Duplicate and
//!   Remove; the account form (`account_form`, checked by `validation`) with
//!   "Test connection" and "Preview server clean-up" (`diagnosis`), which run
//!   on the sync worker and answer with events drained every frame. Saving
//!   writes the store (a small write on the UI thread's connection), puts the
//!   password in the OS keychain or, without one, in the store (see
//!   [`crate::credentials`]; the form says which), and sends
//!   `Command::Reload` so the worker picks up intervals and policies.
//!   Removing asks whether to keep the downloaded mail (the default): it then
//!   moves to a local folder; mail is never deleted silently.
//! - **Preferences** (`preferences_tab`): the window's preferences and the
//!   data folder with its online backup.
//! - **Rules** (`rules_tab`, `rule_editor`): the message rules, testing them
//!   on the selected message and running them over a folder (a job); the
//!   tab also follows junk marks sent to the job worker.
//!
//! Esc cancels (the form, or the dialog), Enter saves a valid form.
//! The dialog is reachable from File → Account settings…, the welcome page's
//! "Add a POP3 account…", Preferences…, and a failing account's error window.

mod account_form;
mod accounts_tab;
mod diagnosis;
mod find_apply;
mod find_settings;
mod junk_options;
mod oauth_form;
mod password_field;
mod preferences_tab;
mod problems;
mod rule_editor;
mod rule_list;
mod rules_tab;
mod validation;

use egui::{Id, Key, Modal, Modifiers, RichText};

use self::account_form::AccountForm;
use self::diagnosis::Diagnosis;
pub(super) use self::preferences_tab::Backup;
#[cfg(test)]
pub(super) use self::preferences_tab::{Shown, preferences_ui};
use super::intents::{Intent, Open};
use super::prefs::Prefs;
use super::session::Session;
use crate::store::{Account, AccountId, Store};
use crate::t;
use crate::ui::FilePicker;

/// The dialog's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Accounts,
    Preferences,
    Rules,
}

/// Asking whether to keep the mail of an account being removed.
#[derive(Debug, Clone)]
struct RemoveAsk {
    id: AccountId,
    name: String,
    messages: u64,
    keep: bool,
}

/// An account being removed on the write thread.
#[derive(Debug, Clone)]
struct Removing {
    id: AccountId,
    name: String,
    /// Messages moved or deleted so far, and in all.
    done: u64,
    total: u64,
}

/// The settings dialog's state (runtime only; nothing here is persisted).
pub struct Settings {
    open: bool,
    tab: Tab,
    accounts: Vec<Account>,
    selected: Option<AccountId>,
    form: Option<AccountForm>,
    /// Opened straight into the form: closing the form closes the dialog.
    form_only: bool,
    remove: Option<RemoveAsk>,
    removing: Option<Removing>,
    diagnosis: Diagnosis,
    backup: Backup,
    rules: rules_tab::RulesTab,
    /// Passwords go to the OS keychain (decided when the dialog opens, so
    /// the keychain is not even probed before).
    keychain: bool,
    /// The keychain is off whatever is available (tests).
    keychain_off: bool,
    /// The outcome of the last action: `(is_error, sentence)`.
    message: Option<(bool, String)>,
    /// Opens the provider's sign-in page (the system browser; tests play it).
    browser: oauth_form::SharedBrowser,
    /// Why desktop notifications cannot be shown here (Preferences says so).
    pub notify_unavailable: Option<String>,
    /// What "Find settings" asks (the network; tests answer locally).
    discoverer: crate::discovery::MakeDiscoverer,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            open: false,
            tab: Tab::Accounts,
            accounts: Vec::new(),
            selected: None,
            form: None,
            form_only: false,
            remove: None,
            removing: None,
            diagnosis: Diagnosis::default(),
            backup: Backup::default(),
            rules: rules_tab::RulesTab::default(),
            keychain: false,
            keychain_off: false,
            message: None,
            browser: std::sync::Arc::new(crate::oauth::SystemBrowser),
            notify_unavailable: None,
            discoverer: crate::discovery::Discoverer::system_maker(),
        }
    }
}

impl Settings {
    /// Whether the dialog is on screen.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Keep passwords out of the OS keychain (tests, portable use); the
    /// store is used instead, and the dialog says so.
    pub fn set_keychain(&mut self, on: bool) {
        self.keychain_off = !on;
    }

    /// Replaces the browser that "Sign in with …" opens (tests).
    pub fn set_browser(&mut self, browser: oauth_form::SharedBrowser) {
        self.browser = browser;
    }

    /// Replaces what "Find settings" asks (tests).
    pub fn set_discoverer(&mut self, make: crate::discovery::MakeDiscoverer) {
        self.discoverer = make;
    }

    /// Opens the dialog.
    pub fn open(&mut self, what: Open, store: Option<&Store>) {
        self.open = true;
        self.keychain = !self.keychain_off && crate::credentials::keychain_available();
        self.message = None;
        self.remove = None;
        self.form = None;
        self.form_only = false;
        self.diagnosis.reset();
        self.reload(store);
        match what {
            Open::Accounts => self.tab = Tab::Accounts,
            Open::Preferences => self.tab = Tab::Preferences,
            Open::Rules { message, folder } => {
                self.tab = Tab::Rules;
                self.rules.open(store, message, folder);
            }
            Open::NewAccount => {
                self.tab = Tab::Accounts;
                self.form = Some(AccountForm::new_account());
                self.form_only = true;
            }
            Open::Account(id) | Open::SignInAgain(id) => {
                self.tab = Tab::Accounts;
                self.selected = Some(id);
                if let Some(a) = self.accounts.iter().find(|a| a.id == id) {
                    let mut form = AccountForm::from_account(a);
                    form.needs_sign_in = store.is_some_and(|s| needs_sign_in(s, a));
                    form.start_sign_in = matches!(what, Open::SignInAgain(_));
                    self.form = Some(form);
                    self.form_only = true;
                }
            }
        }
    }

    fn close(&mut self) {
        self.open = false;
        self.form = None;
        self.remove = None;
        self.diagnosis.reset();
    }

    /// Re-reads the accounts.
    fn reload(&mut self, store: Option<&Store>) {
        let Some(store) = store else {
            self.accounts.clear();
            return;
        };
        match store.accounts() {
            Ok(a) => self.accounts = a,
            Err(e) => self.message = Some((true, e.to_string())),
        }
        if self
            .selected
            .is_some_and(|s| !self.accounts.iter().any(|a| a.id == s))
        {
            self.selected = None;
        }
    }

    /// Carries out a settings intent (open the dialog, save or remove an
    /// account); returns whether the accounts changed. Other intents are
    /// left alone.
    pub fn act(&mut self, intent: Intent, session: Option<&mut Session>) -> bool {
        match intent {
            Intent::AddAccount => self.open(Open::NewAccount, session.map(|s| &s.store)),
            Intent::Preferences => self.open(Open::Preferences, session.map(|s| &s.store)),
            Intent::Settings(what) => self.open(what, session.map(|s| &s.store)),
            Intent::SaveAccount(save) => return session.is_some_and(|s| self.save(s, *save)),
            Intent::SaveRules(list) => {
                if let Some(s) = session {
                    self.rules.save(&mut s.store, &list);
                }
            }
            Intent::RunRules(scope) => {
                if let Some(s) = session {
                    let folder = match &scope {
                        crate::jobs::RulesScope::Folder(f) => Some(*f),
                        crate::jobs::RulesScope::Messages(_) => None,
                    };
                    self.open(
                        Open::Rules {
                            message: None,
                            folder,
                        },
                        Some(&s.store),
                    );
                    self.rules.start_run(&s.jobs, scope);
                }
            }
            Intent::MarkJunk(ids, junk) => {
                if let Some(s) = session {
                    let cmd = crate::jobs::JobCommand::MarkJunk { ids, junk };
                    if let Err(e) = self.rules.send(&s.jobs, cmd) {
                        self.message = Some((true, e));
                    }
                }
            }
            Intent::RemoveAccount { id, keep } => {
                if let Some(s) = session {
                    // Stop syncing it, then move or delete its mail on the write
                    // thread in batches; `Done::RemovedAccount` answers.
                    s.sync_send(crate::sync::Command::Cancel(Some(id)));
                    let remove = super::background::Write::RemoveAccount { id, keep };
                    s.write.send(super::background::Job::Write(remove));
                }
            }
            _ => {}
        }
        false
    }

    /// Takes in a sync worker event (test steps, previews).
    pub fn on_sync_event(&mut self, e: &crate::sync::Event) {
        self.diagnosis.on_event(e);
    }

    /// Takes in a job worker event if it is the backup's, a rules run's or
    /// a junk mark's; returns whether it was.
    pub fn on_job_event(&mut self, e: &crate::jobs::JobEvent, out: &mut Vec<Intent>) -> bool {
        self.backup.on_event(e) || self.rules.on_job_event(e, out)
    }

    /// Whether the dialog waits on a worker (the window keeps repainting).
    pub fn busy(&self) -> bool {
        let signing_in = self.form.as_ref().is_some_and(|f| f.sign_in.running());
        self.removing.is_some()
            || self.rules.busy()
            || (self.open && (self.diagnosis.busy() || self.backup.running() || signing_in))
    }

    /// Draws the dialog (and keeps the window repainting while it waits on a
    /// worker). Saving and removing accounts and changing preferences are
    /// pushed as intents; [`Settings::act`] carries out the account ones.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        session: Option<&Session>,
        prefs: &Prefs,
        picker: &mut dyn FilePicker,
        out: &mut Vec<Intent>,
    ) {
        self.dialog_ui(ctx, session, prefs, picker, out);
        if self.busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        }
    }

    fn dialog_ui(
        &mut self,
        ctx: &egui::Context,
        session: Option<&Session>,
        prefs: &Prefs,
        picker: &mut dyn FilePicker,
        out: &mut Vec<Intent>,
    ) {
        if !self.open {
            return;
        }
        let screen = ctx.content_rect();
        let width = (screen.width() - 48.0).clamp(280.0, 980.0);
        let mut close = false;
        // Anchored at the top, so it grows downwards as test steps arrive
        // instead of moving the buttons under the pointer.
        let id = Id::unique("popmail-settings");
        let top = ((screen.height() - 640.0) / 2.0).clamp(8.0, 120.0);
        let max_height = (screen.height() - top - 130.0).max(160.0);
        let area = Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, top));
        let modal = Modal::new(id).area(area).show(ctx, |ui| {
            ui.set_width(width);
            ui.horizontal(|ui| {
                ui.heading(t!("settings-title"));
                ui.add_space(16.0);
                ui.selectable_value(&mut self.tab, Tab::Accounts, t!("settings-tab-accounts"));
                ui.selectable_value(
                    &mut self.tab,
                    Tab::Preferences,
                    t!("settings-tab-preferences"),
                );
                ui.selectable_value(&mut self.tab, Tab::Rules, t!("settings-tab-rules"));
            });
            ui.separator();
            match self.tab {
                Tab::Accounts => {
                    self.accounts_ui(ui, session, picker, max_height, out);
                    close = self.form.is_none() && self.remove.is_none() && close_row(ui);
                }
                Tab::Preferences => {
                    let dir = session.as_ref().map(|s| s.data_dir.clone());
                    let jobs = session.map(|s| &s.jobs);
                    egui::ScrollArea::vertical()
                        .max_height(max_height)
                        .show(ui, |ui| {
                            preferences_tab::preferences_ui(
                                ui,
                                prefs,
                                preferences_tab::Shown {
                                    data_dir: dir.as_deref(),
                                    notify_unavailable: self.notify_unavailable.as_deref(),
                                },
                                jobs,
                                &mut self.backup,
                                picker,
                                out,
                            );
                        });
                    close = close_row(ui);
                }
                Tab::Rules => {
                    egui::ScrollArea::vertical()
                        .id_salt("rules-tab")
                        .max_height(max_height)
                        .show(ui, |ui| self.rules.ui(ui, session, picker, out));
                    close = close_row(ui);
                }
            }
        });
        if self.remove.is_some() {
            self.remove_ui(ctx, out);
        }
        let esc = modal.is_top_modal
            && !modal.any_popup_open
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        if esc {
            if self.tab == Tab::Accounts && self.form.is_some() {
                self.cancel_form();
            } else {
                close = true;
            }
        }
        if close {
            self.close();
        }
    }

    /// Leaves the form without saving.
    fn cancel_form(&mut self) {
        self.form = None;
        self.diagnosis.reset();
        if self.form_only {
            self.close();
        }
    }
}

/// Whether an OAuth account has lost its sign-in (its refresh token was
/// forgotten when the provider refused it).
fn needs_sign_in(store: &Store, a: &Account) -> bool {
    a.settings.auth == crate::account::AuthMethod::OAuth2
        && matches!(
            crate::credentials::load_refresh_token(store, a.id),
            Ok(None)
        )
}

/// The dialog's Close button, on the right.
fn close_row(ui: &mut egui::Ui) -> bool {
    ui.add_space(6.0);
    // In a row, so the right-to-left layout takes one line, not the rest of the area.
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.button(t!("common-close")).clicked()
        })
        .inner
    })
    .inner
}

/// A sentence in the error colour, or plain.
fn message_ui(ui: &mut egui::Ui, message: &Option<(bool, String)>) {
    match message {
        Some((true, m)) => {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("✖ {m}")).color(ui.visuals().error_fg_color),
                )
                .wrap(),
            );
        }
        Some((false, m)) => {
            ui.add(egui::Label::new(format!("✔ {m}")).wrap());
        }
        None => {}
    }
}

// Test-only items stay at the end: tests/i18n.rs scans up to the first
// `#[cfg(test)]` item.
#[cfg(test)]
impl Settings {
    /// Whether the account form is open (tests).
    pub fn editing(&self) -> bool {
        self.form.is_some()
    }
}

//! The Accounts tab: the list of POP3 accounts with Add, Edit, Duplicate and
//! Remove; the account form with Save and Cancel; and what those do — store
//! writes, the password (keychain or store, see [`crate::credentials`]),
//! `Command::Reload` to the sync worker, and the question whether to keep a
//! removed account's mail.

use egui::{Key, RichText, Ui};

use super::account_form::{self, AccountForm};
use super::diagnosis::Ask;
use super::validation;
use super::{RemoveAsk, Removing, Settings, message_ui};
use crate::account::AuthMethod;
use crate::credentials::{self, Location};
use crate::secret::Secret;
use crate::store::{AccountId, FolderId, Store};
use crate::sync::Command;
use crate::t;
use crate::ui::FilePicker;
use crate::ui::intents::{AccountSave, Intent};
use crate::ui::session::Session;

impl Settings {
    /// The tab's content; a save is pushed as [`Intent::SaveAccount`].
    pub(in crate::ui) fn accounts_ui(
        &mut self,
        ui: &mut Ui,
        session: Option<&Session>,
        picker: &mut dyn FilePicker,
        max_height: f32,
        out: &mut Vec<Intent>,
    ) {
        let Some(session) = session else {
            ui.label(t!("settings-store-not-open"));
            return;
        };
        if self.form.is_some() {
            self.form_ui(ui, session, picker, max_height, out);
        } else {
            self.list_ui(ui, &session.store);
            self.removing_ui(ui);
        }
    }

    fn list_ui(&mut self, ui: &mut Ui, store: &Store) {
        if self.accounts.is_empty() {
            ui.label(t!("settings-no-accounts"));
        }
        let mut edit = None;
        egui::ScrollArea::vertical()
            .max_height(260.0)
            .min_scrolled_height(160.0)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for a in &self.accounts {
                    let s = &a.settings;
                    let mut text = format!("{} — {}@{}:{}", s.name, s.username, s.host, s.port);
                    if !s.enabled {
                        text.push_str(&format!(" {}", t!("settings-account-disabled")));
                    }
                    let r = ui
                        .horizontal(|ui| {
                            let r = ui.selectable_label(self.selected == Some(a.id), text);
                            ui.weak(account_form::summary(s));
                            r
                        })
                        .inner;
                    if r.clicked() {
                        self.selected = Some(a.id);
                    }
                    if r.double_clicked() {
                        edit = Some(a.id);
                    }
                }
            });
        ui.add_space(6.0);
        let chosen = self
            .selected
            .and_then(|id| self.accounts.iter().find(|a| a.id == id))
            .cloned();
        ui.horizontal(|ui| {
            if ui.button(t!("settings-add")).clicked() {
                self.edit(AccountForm::new_account());
            }
            let some = chosen.is_some();
            if ui
                .add_enabled(some, egui::Button::new(t!("settings-edit")))
                .clicked()
            {
                edit = self.selected;
            }
            if ui
                .add_enabled(some, egui::Button::new(t!("settings-duplicate")))
                .clicked()
                && let Some(a) = &chosen
            {
                let names: Vec<String> = self
                    .accounts
                    .iter()
                    .map(|a| a.settings.name.clone())
                    .collect();
                self.edit(AccountForm::duplicate(a, &names));
            }
            let idle = self.removing.is_none();
            if ui
                .add_enabled(some && idle, egui::Button::new(t!("settings-remove")))
                .clicked()
                && let Some(a) = &chosen
            {
                let messages = match store.folders() {
                    Ok(f) => f
                        .iter()
                        .filter(|f| f.account == Some(a.id))
                        .map(|f| f.total)
                        .sum(),
                    Err(e) => {
                        self.message = Some((true, e.to_string()));
                        0
                    }
                };
                self.remove = Some(RemoveAsk {
                    id: a.id,
                    name: a.settings.name.clone(),
                    messages,
                    keep: true,
                });
            }
        });
        if let Some(a) = edit.and_then(|id| self.accounts.iter().find(|a| a.id == id)) {
            let mut form = AccountForm::from_account(a);
            form.needs_sign_in = super::needs_sign_in(store, a);
            self.edit(form);
        }
        message_ui(ui, &self.message);
    }

    fn edit(&mut self, form: AccountForm) {
        self.form = Some(form);
        self.form_only = false;
        self.message = None;
        self.diagnosis.reset();
    }

    fn form_ui(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        picker: &mut dyn FilePicker,
        max_height: f32,
        out: &mut Vec<Intent>,
    ) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        let others: Vec<String> = self
            .accounts
            .iter()
            .filter(|a| Some(a.id) != form.editing)
            .map(|a| a.settings.name.clone())
            .collect();
        let problems = validation::check(form, &others).err().unwrap_or_default();
        let shown = validation::visible(form, &problems);
        let title = match form.editing {
            Some(_) => t!("settings-edit-account", name = form.name.trim()),
            None => t!("settings-new-account"),
        };
        ui.label(RichText::new(title).strong().size(16.0));
        let can_sync = session.can_sync();
        let mut ask = None;
        let mut sign_in = std::mem::take(&mut form.start_sign_in);
        form.sign_in.poll(&who(form));
        let ctx = ui.ctx().clone();
        super::find_apply::step(
            form,
            &self.discoverer,
            std::sync::Arc::new(move || ctx.request_repaint()),
        );
        egui::ScrollArea::vertical()
            .max_height(max_height - 40.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let testable = validation::for_test(form).is_some();
                if ui.available_width() >= 880.0 {
                    // Wide: the server on the left, policy and diagnosis on
                    // the right, so test steps show without scrolling.
                    ui.columns(2, |cols| {
                        if let [left, right] = cols {
                            sign_in |=
                                account_form::server_ui(left, form, &shown, self.keychain, picker);
                            account_form::policy_ui(right, form, &shown);
                            right.separator();
                            ask = self.diagnosis.ui(right, form, testable, can_sync);
                        }
                    });
                } else {
                    sign_in |= account_form::server_ui(ui, form, &shown, self.keychain, picker);
                    ui.separator();
                    account_form::policy_ui(ui, form, &shown);
                    ui.separator();
                    ask = self.diagnosis.ui(ui, form, testable, can_sync);
                }
            });
        if sign_in && let Some(form) = self.form.as_mut() {
            let ctx = ui.ctx().clone();
            let settings = form.oauth.settings();
            form.sign_in.start(
                &settings,
                self.browser.clone(),
                std::sync::Arc::new(move || ctx.request_repaint()),
            );
        }
        match ask {
            Some(Ask::Test) => self.test(session),
            Some(Ask::DryRun(id)) => {
                self.diagnosis.start_dry_run(id);
                session.sync_send(Command::DryRun(id));
            }
            None => {}
        }
        ui.separator();
        message_ui(ui, &self.message);
        let valid = problems.is_empty();
        let mut save = false;
        let mut cancel = false;
        ui.horizontal(|ui| {
            save = ui
                .add_enabled(valid, egui::Button::new(t!("common-save")))
                .on_hover_text(t!("settings-save-hint"))
                .on_disabled_hover_text(validation::summary(&problems))
                .clicked();
            cancel = ui
                .button(t!("common-cancel"))
                .on_hover_text(t!("settings-cancel-hint"))
                .clicked();
            if !valid {
                ui.weak(validation::summary(&problems));
            }
        });
        let enter = ui.input(|i| i.key_pressed(Key::Enter)) && !egui::Popup::is_any_open(ui.ctx());
        if cancel {
            self.cancel_form();
            return;
        }
        if (save || enter)
            && let Some(form) = &self.form
            && let Ok(settings) = validation::check(form, &others)
        {
            out.push(Intent::SaveAccount(Box::new(AccountSave {
                editing: form.editing,
                settings,
                password: (!form.password.is_empty() && form.auth != AuthMethod::OAuth2)
                    .then(|| form.password.secret()),
                tokens: form.sign_in.tokens().cloned(),
            })));
        }
    }

    /// Writes a saved form (the app applies [`Intent::SaveAccount`] with
    /// this); on success goes back to the list (or closes). Returns whether
    /// the accounts changed.
    pub fn save(&mut self, session: &mut Session, save: AccountSave) -> bool {
        let AccountSave {
            editing,
            settings,
            password,
            tokens,
        } = save;
        let store = &mut session.store;
        let (id, new) = match editing {
            Some(id) => match store.update_account(id, &settings) {
                Ok(()) => (id, false),
                Err(e) => {
                    self.message = Some((
                        true,
                        t!("settings-account-not-saved", error = e.to_string()),
                    ));
                    return false;
                }
            },
            None => match store.add_account(&settings) {
                Ok(a) => (a.id, true),
                Err(e) => {
                    self.message = Some((
                        true,
                        t!("settings-account-not-saved", error = e.to_string()),
                    ));
                    return false;
                }
            },
        };
        let mut text = if new {
            t!("settings-account-added", name = settings.name.as_str())
        } else {
            t!("settings-account-saved", name = settings.name.as_str())
        };
        if let Some(password) = password {
            match self.save_password(store, id, &password) {
                Ok(Location::Keychain) => {}
                Ok(Location::Store) if self.keychain => {
                    text.push_str(&format!(" {}", t!("settings-password-in-store")))
                }
                Ok(Location::Store) => {}
                Err(e) => {
                    self.message = Some((
                        true,
                        format!(
                            "{text} {}",
                            t!("settings-password-not-saved", error = e.to_string())
                        ),
                    ));
                    return true;
                }
            }
        }
        let signed_in = tokens.is_some();
        if let Some(tokens) = tokens
            && let Err(e) = keep_sign_in(store, id, &tokens, self.keychain, &mut text)
        {
            self.message = Some((
                true,
                format!("{text} {}", t!("settings-sign-in-not-saved", error = e)),
            ));
            return true;
        }
        session.sync_send(Command::Reload);
        // A new sign-in (a new account or "Sign in again") is tried at once.
        if (signed_in || (new && settings.enabled)) && session.can_sync() {
            session.sync_send(Command::SyncAccount(id));
            text.push_str(&format!(" {}", t!("settings-checking-now")));
        }
        self.message = Some((false, text));
        self.selected = Some(id);
        self.form = None;
        self.diagnosis.reset();
        self.reload(Some(&session.store));
        if self.form_only {
            self.close();
        }
        true
    }

    fn save_password(
        &self,
        store: &Store,
        id: AccountId,
        password: &Secret,
    ) -> Result<Location, String> {
        if self.keychain {
            credentials::save(store, id, password).map_err(|e| e.to_string())
        } else {
            store
                .set_stored_password(id, Some(password.expose()))
                .map(|()| Location::Store)
                .map_err(|e| e.to_string())
        }
    }

    fn load_password(&self, store: &Store, id: AccountId) -> Result<Option<Secret>, String> {
        if self.keychain {
            credentials::load(store, id).map_err(|e| e.to_string())
        } else {
            store
                .stored_password(id)
                .map(|p| p.map(Secret::new))
                .map_err(|e| e.to_string())
        }
    }

    /// Starts "Test connection" with the settings as typed.
    fn test(&mut self, session: &Session) {
        let Some(form) = self.form.as_ref() else {
            return;
        };
        let Some(settings) = validation::for_test(form) else {
            return;
        };
        if settings.auth == AuthMethod::OAuth2 {
            // A sign-in made here, else the worker uses the account's saved one.
            let request = self.diagnosis.start_test();
            session.sync_send(Command::TestConnection {
                request,
                settings: Box::new(settings),
                account: form.editing,
                password: form
                    .sign_in
                    .tokens()
                    .map_or_else(|| Secret::new(""), |t| t.access.clone()),
            });
            return;
        }
        let password = match form.editing.filter(|_| form.password.is_empty()) {
            Some(id) => match self.load_password(&session.store, id) {
                Ok(p) => p,
                Err(e) => {
                    self.diagnosis
                        .fail_now(t!("settings-password-unreadable", error = e.to_string()));
                    return;
                }
            },
            None if form.password.is_empty() => None,
            None => Some(form.password.secret()),
        };
        let Some(password) = password else {
            self.diagnosis
                .fail_now(t!("settings-enter-password-to-test"));
            return;
        };
        let request = self.diagnosis.start_test();
        session.sync_send(Command::TestConnection {
            request,
            settings: Box::new(settings),
            account: form.editing,
            password,
        });
    }

    /// The "Remove account?" question; removing is pushed as
    /// [`Intent::RemoveAccount`].
    pub(super) fn remove_ui(&mut self, ctx: &egui::Context, out: &mut Vec<Intent>) {
        let Some(ask) = self.remove.as_mut() else {
            return;
        };
        let mut go = false;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("popmail-remove-account")).show(ctx, |ui| {
            ui.set_max_width(440.0);
            ui.heading(t!("settings-remove-title", name = ask.name.as_str()));
            ui.add(egui::Label::new(t!("settings-remove-explain")).wrap());
            ui.add_space(6.0);
            let n = crate::fmt::messages(ask.messages);
            ui.radio_value(
                &mut ask.keep,
                true,
                t!("settings-remove-keep", messages = n.as_str()),
            );
            ui.radio_value(
                &mut ask.keep,
                false,
                t!("settings-remove-delete", messages = n.as_str()),
            );
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                go = ui.button(t!("settings-remove-account")).clicked();
                cancel = ui.button(t!("common-cancel")).clicked();
            });
        });
        if cancel || modal.should_close() {
            self.remove = None;
            return;
        }
        if !go {
            return;
        }
        let Some(ask) = self.remove.take() else {
            return;
        };
        out.push(Intent::RemoveAccount {
            id: ask.id,
            keep: ask.keep,
        });
        self.removing = Some(Removing {
            id: ask.id,
            name: ask.name,
            done: 0,
            total: ask.messages,
        });
        self.message = None;
    }

    /// The removal's progress line under the list.
    fn removing_ui(&self, ui: &mut Ui) {
        let Some(r) = &self.removing else { return };
        ui.horizontal(|ui| {
            #[allow(clippy::cast_precision_loss)]
            let frac = if r.total == 0 {
                0.0
            } else {
                (r.done as f32 / r.total as f32).clamp(0.0, 1.0)
            };
            ui.add(egui::ProgressBar::new(frac).desired_width(200.0));
            ui.label(t!(
                "settings-removing",
                name = r.name.as_str(),
                done = crate::fmt::messages(r.done),
                total = r.total
            ));
        });
    }

    /// How far the removal is (messages done, in all).
    pub fn on_remove_progress(&mut self, done: u64, total: u64) {
        if let Some(r) = &mut self.removing {
            r.done = done;
            r.total = total;
        }
    }

    /// The write thread removed an account (or failed to): forget its
    /// password, say what happened, and tell the sync worker.
    pub fn on_removed(
        &mut self,
        session: &Session,
        id: AccountId,
        result: Result<Option<FolderId>, String>,
    ) {
        let name = match self.removing.take() {
            Some(r) if r.id == id => r.name,
            other => {
                self.removing = other;
                t!("settings-account-number", number = id.0)
            }
        };
        let mut forgot = Ok(());
        if result.is_ok() && self.keychain {
            // A password in the store goes with the account's row; one in
            // the keychain is removed here.
            forgot = credentials::forget(&session.store, id);
        }
        self.message = Some(match result {
            Ok(Some(folder)) => {
                let folder = match session.store.folder(folder) {
                    Ok(f) => format!("“{}”", f.name),
                    Err(_) => t!("settings-a-local-folder"),
                };
                (
                    false,
                    t!(
                        "settings-removed-kept",
                        name = name.as_str(),
                        folder = folder
                    ),
                )
            }
            Ok(None) => (false, t!("settings-removed-deleted", name = name.as_str())),
            Err(e) => (
                true,
                t!("settings-not-removed", name = name.as_str(), error = e),
            ),
        });
        if let Err(e) = forgot {
            self.message = Some((
                true,
                t!(
                    "settings-removed-password-kept",
                    name = name.as_str(),
                    error = e.to_string()
                ),
            ));
        }
        session.sync_send(Command::Reload);
        self.reload(Some(&session.store));
    }
}

/// Who is signing in, in words: the user name, else the email address.
fn who(form: &AccountForm) -> String {
    let user = form.username.trim();
    if user.is_empty() {
        form.email.trim().to_string()
    } else {
        user.to_string()
    }
}

/// Keeps a sign-in made in the form: the refresh token where passwords go,
/// the access token in the sync's memory.
fn keep_sign_in(
    store: &Store,
    id: AccountId,
    tokens: &crate::oauth::Tokens,
    keychain: bool,
    text: &mut String,
) -> Result<(), String> {
    if let Some(refresh) = &tokens.refresh {
        let at = credentials::save_refresh_token(store, id, refresh).map_err(|e| e.to_string())?;
        if at == Location::Store && keychain {
            text.push_str(&format!(" {}", t!("settings-sign-in-in-store")));
        }
    }
    let account = store.account(id).map_err(|e| e.to_string())?;
    crate::sync::session::remember_access(store, &account, tokens);
    Ok(())
}

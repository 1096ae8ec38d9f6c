//! "Sign in with Google / Microsoft / …" in the account form: the OAuth 2.0
//! fields as typed (provider, client ID, Microsoft's tenant, and an advanced
//! section with the endpoints, scope and SASL mechanism of a custom
//! provider), and the browser sign-in (authorization code + PKCE, RFC 6749
//! §4.1, RFC 7636, loopback redirect per RFC 8252) run by
//! `crate::oauth::browser::sign_in` on a [`crate::worker::Worker`] with
//! Cancel.
//!
//! The tokens of a sign-in stay in the form (memory) until Save: the
//! refresh token then goes where passwords go
//! (`crate::credentials::save_refresh_token`) and the access token to the
//! sync's memory (`crate::sync::session::remember_access`).

use std::sync::Arc;

use egui::{RichText, Ui};

use crate::account::{OAuthMechanism, OAuthProvider, OAuthSettings};
use crate::oauth::{self, Browser, HttpClient, Tokens};
use crate::t;
use crate::worker::{Spawn, StopEvent, Worker};

/// A browser shared with the sign-in thread.
pub type SharedBrowser = Arc<dyn Browser + Send + Sync>;

/// The OAuth fields of the form, as typed (empty: the provider's preset).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OAuthFields {
    /// The identity provider.
    pub provider: OAuthProvider,
    /// Registered client ID (empty: the environment's).
    pub client_id: String,
    /// Microsoft's tenant (empty: `common`).
    pub tenant: String,
    /// Authorization endpoint.
    pub authorize_url: String,
    /// Token endpoint.
    pub token_url: String,
    /// Device authorization endpoint.
    pub device_url: String,
    /// Scope (space-separated).
    pub scope: String,
    /// SASL mechanism (`None`: the provider's).
    pub mechanism: Option<OAuthMechanism>,
    /// Name of the environment variable with the client secret.
    pub client_secret_env: String,
    /// The advanced section is open.
    pub advanced: bool,
}

fn text(o: Option<&String>) -> String {
    o.cloned().unwrap_or_default()
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl OAuthFields {
    /// The fields of stored settings (Google when there are none).
    pub fn from_settings(s: Option<&OAuthSettings>) -> Self {
        let Some(s) = s else {
            return OAuthFields {
                provider: OAuthProvider::Google,
                ..OAuthFields::default()
            };
        };
        OAuthFields {
            provider: s.provider,
            client_id: text(s.client_id.as_ref()),
            tenant: text(s.tenant.as_ref()),
            authorize_url: text(s.authorize_url.as_ref()),
            token_url: text(s.token_url.as_ref()),
            device_url: text(s.device_url.as_ref()),
            scope: text(s.scope.as_ref()),
            mechanism: s.mechanism,
            client_secret_env: text(s.client_secret_env.as_ref()),
            advanced: s.provider == OAuthProvider::Custom,
        }
    }

    /// The settings these fields describe.
    pub fn settings(&self) -> OAuthSettings {
        OAuthSettings {
            provider: self.provider,
            client_id: opt(&self.client_id),
            client_secret_env: opt(&self.client_secret_env),
            tenant: opt(&self.tenant).filter(|_| self.provider == OAuthProvider::Microsoft),
            authorize_url: opt(&self.authorize_url),
            token_url: opt(&self.token_url),
            device_url: opt(&self.device_url),
            scope: opt(&self.scope),
            mechanism: self.mechanism,
        }
    }
}

/// A provider's name as the form shows it.
pub fn provider_name(p: OAuthProvider) -> String {
    match p {
        OAuthProvider::Google => "Google".to_owned(), // not translated: a brand
        OAuthProvider::Microsoft => "Microsoft".to_owned(), // not translated: a brand
        OAuthProvider::Yahoo => "Yahoo".to_owned(),   // not translated: a brand
        OAuthProvider::Aol => "AOL".to_owned(),
        OAuthProvider::Fastmail => "Fastmail".to_owned(), // not translated: a brand
        OAuthProvider::Custom => t!("settings-oauth-other-provider"),
    }
}

/// What the sign-in thread reports.
#[derive(Debug)]
pub enum SignInEvent {
    /// The browser was asked to open `url` (`opened`: it did).
    Waiting {
        /// The authorization URL.
        url: String,
        /// Whether the browser opened.
        opened: bool,
    },
    /// The sign-in ended.
    Done(Result<Tokens, String>),
    /// The thread stopped.
    Stopped(String),
}

impl StopEvent for SignInEvent {
    fn stopped(reason: String) -> Self {
        SignInEvent::Stopped(reason)
    }
}

/// Where the form's sign-in is.
#[derive(Debug, Default)]
pub enum SignIn {
    /// Not signed in here (yet).
    #[default]
    Idle,
    /// Waiting for the person in the browser.
    Waiting {
        /// The authorization URL once known.
        url: Option<String>,
        /// Whether the browser opened.
        opened: bool,
    },
    /// Signed in; the tokens wait for Save.
    SignedIn {
        /// Who signed in, in words.
        who: String,
        /// The tokens.
        tokens: Tokens,
    },
    /// The last attempt failed, in words.
    Failed(String),
}

/// The sign-in in progress, if any, and its state.
#[derive(Default)]
pub struct SignInRun {
    /// The state shown.
    pub state: SignIn,
    worker: Option<Worker<(), SignInEvent>>,
}

impl std::fmt::Debug for SignInRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignInRun")
            .field("state", &self.state)
            .field("running", &self.worker.is_some())
            .finish()
    }
}

impl Clone for SignInRun {
    /// A copy of the form (a test of the settings) has no running sign-in.
    fn clone(&self) -> Self {
        SignInRun::default()
    }
}

impl Drop for SignInRun {
    /// A form closed while waiting stops the wait.
    fn drop(&mut self) {
        if let Some(w) = &self.worker {
            w.cancel();
        }
    }
}

impl SignInRun {
    /// Starts the browser sign-in for `settings`; a bad setting fails at once
    /// in words.
    pub fn start(
        &mut self,
        settings: &OAuthSettings,
        browser: SharedBrowser,
        repaint: Arc<dyn Fn() + Send + Sync>,
    ) {
        self.cancel();
        let endpoints = match oauth::resolve(settings, &|k| std::env::var(k).ok()) {
            Ok(e) => e,
            Err(e) => {
                self.state = SignIn::Failed(format!("{e}."));
                return;
            }
        };
        let spawned = Worker::spawn(
            Spawn::named("popmail-sign-in").repaint(repaint),
            move |inbox, outbox| {
                if inbox.recv().is_none() {
                    return t!("settings-oauth-form-closed");
                }
                let http = HttpClient::new(inbox.cancel().clone());
                let out = outbox.clone();
                let mut progress = move |url: &str, opened: bool| {
                    let waiting = SignInEvent::Waiting {
                        url: url.to_string(),
                        opened,
                    };
                    let _ = out.send(waiting); // the form may be gone: the sign-in ends unseen
                };
                let result =
                    oauth::browser::sign_in(&endpoints, browser.as_ref(), &mut progress, &http)
                        .map_err(|e| format!("{e}."));
                let _ = outbox.send(SignInEvent::Done(result)); // the form may be gone
                outbox.done(1);
                t!("settings-oauth-ended")
            },
        );
        match spawned {
            Ok(w) => {
                if w.send(()).is_ok() {
                    self.worker = Some(w);
                    self.state = SignIn::Waiting {
                        url: None,
                        opened: false,
                    };
                } else {
                    self.state = SignIn::Failed(t!("settings-oauth-not-started"));
                }
            }
            Err(e) => {
                self.state =
                    SignIn::Failed(t!("settings-oauth-not-started-why", error = e.to_string()));
            }
        }
    }

    /// Stops waiting for the browser.
    pub fn cancel(&mut self) {
        if let Some(w) = self.worker.take() {
            w.cancel();
            self.state = SignIn::Failed(t!("settings-oauth-cancelled"));
        }
    }

    /// Whether a sign-in runs.
    pub fn running(&self) -> bool {
        self.worker.is_some()
    }

    /// Takes in the thread's events; `who` names the person signing in.
    pub fn poll(&mut self, who: &str) {
        let Some(w) = &self.worker else {
            return;
        };
        while let Some(e) = w.try_recv() {
            match e {
                SignInEvent::Waiting { url, opened } => {
                    self.state = SignIn::Waiting {
                        url: Some(url),
                        opened,
                    };
                }
                SignInEvent::Done(Ok(tokens)) => {
                    self.state = SignIn::SignedIn {
                        who: who.to_string(),
                        tokens,
                    };
                }
                SignInEvent::Done(Err(m)) => self.state = SignIn::Failed(m),
                SignInEvent::Stopped(why) => {
                    if matches!(self.state, SignIn::Waiting { .. }) {
                        self.state = SignIn::Failed(t!("settings-oauth-stopped", reason = why));
                    }
                    self.worker = None;
                    return;
                }
            }
        }
    }

    /// The tokens of a sign-in made here.
    pub fn tokens(&self) -> Option<&Tokens> {
        match &self.state {
            SignIn::SignedIn { tokens, .. } => Some(tokens),
            _ => None,
        }
    }
}

/// A labelled one-line field.
fn field(ui: &mut Ui, label: &str, value: &mut String, hint: &str) {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(value)
            .hint_text(hint)
            .desired_width(280.0),
    )
    .labelled_by(l.id);
    ui.end_row();
}

/// The provider choice, its fields and the sign-in button with its state.
/// Returns whether the person asked to sign in.
/// `again`: the stored sign-in was lost, so the button says "Sign in again".
pub fn oauth_ui(
    ui: &mut Ui,
    fields: &mut OAuthFields,
    run: &mut SignInRun,
    saved: bool,
    again: bool,
) -> bool {
    let mut start = false;
    egui::Grid::new("account-form-oauth")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let l = ui.label(t!("settings-oauth-provider"));
            egui::ComboBox::from_id_salt("account-oauth-provider")
                .selected_text(provider_name(fields.provider))
                .width(280.0)
                .show_ui(ui, |ui| {
                    for p in OAuthProvider::ALL {
                        ui.selectable_value(&mut fields.provider, p, provider_name(p));
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            field(
                ui,
                &t!("settings-oauth-client-id"),
                &mut fields.client_id,
                &t!(
                    "settings-oauth-client-id-hint",
                    variable = fields.provider.client_id_env()
                ),
            );
            if fields.provider == OAuthProvider::Microsoft {
                field(
                    ui,
                    &t!("settings-oauth-tenant"),
                    &mut fields.tenant,
                    "common",
                );
            }
        });
    let custom = fields.provider == OAuthProvider::Custom;
    egui::CollapsingHeader::new(t!("settings-oauth-advanced"))
        .id_salt("account-oauth-advanced")
        .open(custom.then_some(true))
        .show(ui, |ui| {
            egui::Grid::new("account-form-oauth-advanced")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let preset = if custom {
                        String::new()
                    } else {
                        t!("settings-oauth-preset")
                    };
                    field(
                        ui,
                        &t!("settings-oauth-authorize-url"),
                        &mut fields.authorize_url,
                        &preset,
                    );
                    field(
                        ui,
                        &t!("settings-oauth-token-url"),
                        &mut fields.token_url,
                        &preset,
                    );
                    field(
                        ui,
                        &t!("settings-oauth-device-url"),
                        &mut fields.device_url,
                        &t!("settings-oauth-optional"),
                    );
                    field(ui, &t!("settings-oauth-scope"), &mut fields.scope, &preset);
                    field(
                        ui,
                        &t!("settings-oauth-secret-env"),
                        &mut fields.client_secret_env,
                        &t!("settings-oauth-secret-env-hint"),
                    );
                    let l = ui.label(t!("settings-oauth-mechanism"));
                    let name = |m: Option<OAuthMechanism>| match m {
                        None => t!("settings-oauth-preset"),
                        Some(OAuthMechanism::XOAuth2) => "XOAUTH2".to_owned(),
                        Some(OAuthMechanism::OAuthBearer) => "OAUTHBEARER".to_owned(),
                    };
                    egui::ComboBox::from_id_salt("account-oauth-mechanism")
                        .selected_text(name(fields.mechanism))
                        .show_ui(ui, |ui| {
                            for m in [
                                None,
                                Some(OAuthMechanism::XOAuth2),
                                Some(OAuthMechanism::OAuthBearer),
                            ] {
                                ui.selectable_value(&mut fields.mechanism, m, name(m));
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    ui.end_row();
                });
        });
    ui.add_space(4.0);
    let button = if again && run.tokens().is_none() {
        t!("settings-oauth-sign-in-again")
    } else {
        t!(
            "settings-oauth-sign-in-with",
            provider = provider_name(fields.provider)
        )
    };
    match &run.state {
        SignIn::Waiting { url, opened } => {
            let mut cancel = false;
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t!("settings-oauth-waiting"));
                cancel = ui.button(t!("settings-oauth-cancel")).clicked();
            });
            if let Some(url) = url.as_ref().filter(|_| !*opened) {
                ui.label(t!("settings-oauth-no-browser"));
                ui.add(egui::Label::new(RichText::new(url).monospace().small()).wrap());
            }
            if cancel {
                run.cancel();
            }
        }
        state => {
            match state {
                SignIn::SignedIn { who, .. } => {
                    ui.label(format!(
                        "✔ {}",
                        t!(
                            "settings-oauth-signed-in",
                            provider = provider_name(fields.provider),
                            who = who.as_str()
                        )
                    ));
                }
                SignIn::Failed(m) => {
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!("✖ {m}")).color(ui.visuals().error_fg_color),
                        )
                        .wrap(),
                    );
                }
                _ if saved => {
                    ui.weak(t!("settings-oauth-signed-in-earlier"));
                }
                _ => {
                    ui.weak(t!("settings-oauth-explain"));
                }
            }
            start = ui.button(button).clicked();
        }
    }
    start
}

//! The account form's **Find settings** step: from the email address to the
//! server, security, user name and way of signing in, through
//! `crate::discovery` on its worker (progress in words, Cancel). The result
//! fills the form, says where it came from, shows the provider's notes and
//! offers its sign-in choices: Password, App password (with the provider's
//! link), or Sign in with Google / Microsoft / … (OAuth 2.0). A failure is
//! shown in words and the form stays editable.
//!
//! This file holds the state and the row; `find_apply` fills the form (it
//! needs the form, which holds this state, so it lives apart).

use egui::{RichText, Ui};

use crate::discovery::{self, AuthChoice, DiscoveryEvent, DiscoveryWorker, Found, MakeDiscoverer};
use crate::t;
use crate::worker::Repaint;

/// The state of the step.
#[derive(Default)]
pub struct FindSettings {
    worker: Option<DiscoveryWorker>,
    /// What the search does now.
    progress: String,
    /// The last search's outcome (an error in words).
    outcome: Option<Result<Found, String>>,
    /// The sign-in choice applied to the form.
    pub chosen: Option<AuthChoice>,
    /// A choice clicked, to be applied to the form.
    pub picked: Option<AuthChoice>,
    /// The person pressed "Find settings" (the tab starts the worker).
    pub requested: bool,
}

impl std::fmt::Debug for FindSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FindSettings")
            .field("running", &self.worker.is_some())
            .field("outcome", &self.outcome)
            .finish()
    }
}

impl Clone for FindSettings {
    /// A copy of the form (a test of the settings) has no running search.
    fn clone(&self) -> Self {
        let mut copy = FindSettings::default();
        copy.outcome.clone_from(&self.outcome);
        copy.chosen = self.chosen;
        copy
    }
}

impl Drop for FindSettings {
    /// A form closed while searching stops the search.
    fn drop(&mut self) {
        if let Some(w) = &self.worker {
            w.cancel();
        }
    }
}

impl FindSettings {
    /// Starts looking for `email`'s settings.
    pub fn start(&mut self, email: &str, make: MakeDiscoverer, repaint: Repaint) {
        self.cancel();
        self.outcome = None;
        self.chosen = None;
        match discovery::spawn(email.trim().to_string(), make, repaint) {
            Ok(w) => {
                self.worker = Some(w);
                self.progress = t!("settings-find-looking");
            }
            Err(e) => {
                self.outcome = Some(Err(t!("settings-find-not-started", error = e.to_string())));
            }
        }
    }

    /// Stops the search.
    pub fn cancel(&mut self) {
        if let Some(w) = self.worker.take() {
            w.cancel();
            self.outcome = Some(Err(t!("settings-find-cancelled")));
        }
    }

    /// Whether a search runs.
    pub fn running(&self) -> bool {
        self.worker.is_some()
    }

    /// The last result, when it found settings.
    pub fn found(&self) -> Option<&Found> {
        self.outcome.as_ref().and_then(|o| o.as_ref().ok())
    }

    /// Takes in the worker's events; returns settings just found.
    pub fn poll(&mut self) -> Option<Found> {
        let w = self.worker.as_ref()?;
        let mut found = None;
        while let Some(event) = w.try_recv() {
            match event {
                DiscoveryEvent::Progress(line) => self.progress = line,
                DiscoveryEvent::Done(Ok(f)) => {
                    found = Some(f.clone());
                    self.outcome = Some(Ok(f));
                }
                DiscoveryEvent::Done(Err(e)) => self.outcome = Some(Err(format!("{e}"))),
                DiscoveryEvent::Stopped(why) => {
                    if self.outcome.is_none() {
                        self.outcome = Some(Err(t!("settings-find-stopped", reason = why)));
                    }
                    self.worker = None;
                    break;
                }
            }
        }
        found
    }
}

/// The row under the email address: the button, the progress, the result.
/// Pressing the button sets [`FindSettings::requested`].
pub fn row(ui: &mut Ui, email: &str, find: &mut FindSettings) {
    ui.label("");
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            if find.running() {
                ui.spinner();
                ui.label(&find.progress);
                if ui
                    .button(t!("settings-find-cancel"))
                    .on_hover_text(t!("settings-find-cancel-hint"))
                    .clicked()
                {
                    find.cancel();
                }
            } else {
                let usable = email.contains('@');
                find.requested |= ui
                    .add_enabled(usable, egui::Button::new(t!("settings-find")))
                    .on_hover_text(t!("settings-find-hint"))
                    .on_disabled_hover_text(t!("settings-find-type-email"))
                    .clicked();
            }
        });
        let mut pick = None;
        match &find.outcome {
            Some(Err(e)) => {
                ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
            }
            Some(Ok(found)) => pick = result_ui(ui, found, find.chosen),
            None => {}
        }
        if pick.is_some() {
            find.picked = pick;
        }
    });
    ui.end_row();
}

/// Where the settings came from, the notes, and the sign-in choices; the
/// choice clicked.
fn result_ui(ui: &mut Ui, found: &Found, chosen: Option<AuthChoice>) -> Option<AuthChoice> {
    let mut pick = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_max_width(ui.available_width().min(460.0));
        let who = found
            .provider
            .as_deref()
            .map(|p| format!("{p}: "))
            .unwrap_or_default();
        ui.label(
            RichText::new(format!(
                "{who}{}:{} ({})",
                found.host,
                found.port,
                found.security.as_str().to_uppercase()
            ))
            .strong(),
        );
        ui.weak(t!(
            "settings-find-found-in",
            source = found.source.to_string()
        ));
        for note in &found.notes {
            ui.label(note);
        }
        if found.auth.len() > 1
            || matches!(found.auth.first(), Some(AuthChoice::AppPassword { .. }))
        {
            ui.label(t!("settings-find-sign-in-with"));
        }
        for choice in &found.auth {
            ui.horizontal(|ui| {
                if found.auth.len() > 1
                    && ui.radio(chosen == Some(*choice), choice.label()).clicked()
                {
                    pick = Some(*choice);
                }
                if let AuthChoice::AppPassword { link } = choice {
                    ui.hyperlink_to(t!("settings-find-app-password"), *link)
                        .on_hover_text(*link);
                }
            });
        }
    });
    pick
}

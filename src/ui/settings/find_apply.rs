//! Runs the account form's "Find settings" step for the Accounts tab:
//! starts the search when asked, takes in its events, and fills the form
//! from the result and the sign-in choice (`find_settings` holds the state
//! and draws the row).

use super::account_form::AccountForm;
use super::oauth_form::OAuthFields;
use crate::account::{AuthMethod, OAuthSettings, Security};
use crate::discovery::{AuthChoice, Found, MakeDiscoverer};
use crate::worker::Repaint;

/// One frame's work: a requested search starts, a found result fills the
/// form with its best sign-in, a clicked choice is applied.
pub fn step(form: &mut AccountForm, make: &MakeDiscoverer, repaint: Repaint) {
    if std::mem::take(&mut form.find.requested) {
        let email = form.email.clone();
        form.find.start(&email, make.clone(), repaint);
    }
    if let Some(found) = form.find.poll()
        && let Some(first) = found.auth.first().copied()
    {
        apply(form, &found, first);
    }
    if let Some(choice) = form.find.picked.take()
        && let Some(found) = form.find.found().cloned()
    {
        apply(form, &found, choice);
    }
}

/// Fills `form` from `found` with the sign-in `choice`. A name is made up
/// when the form has none; an OAuth choice keeps a client ID typed for the
/// same provider.
pub fn apply(form: &mut AccountForm, found: &Found, choice: AuthChoice) {
    form.email.clone_from(&found.email);
    form.host.clone_from(&found.host);
    form.security = found.security;
    form.port = found.port.to_string();
    form.port_typed = found.port != found.security.default_port();
    if found.security != Security::Plain {
        form.plaintext_ok = false;
    }
    form.username.clone_from(&found.username);
    if form.name.trim().is_empty() {
        form.name = found
            .provider
            .clone()
            .unwrap_or_else(|| found.email.clone());
    }
    match choice {
        AuthChoice::Password | AuthChoice::AppPassword { .. } => form.auth = AuthMethod::Auto,
        AuthChoice::OAuth2(provider) => {
            form.auth = AuthMethod::OAuth2;
            if form.oauth.provider != provider {
                form.oauth = OAuthFields::from_settings(Some(&OAuthSettings {
                    provider,
                    ..OAuthSettings::default()
                }));
            }
        }
    }
    form.find.chosen = Some(choice);
}

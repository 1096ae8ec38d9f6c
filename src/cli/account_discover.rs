//! The discovery step of `popmail account add NAME --email ADDR` without
//! `--host`: find the settings (`crate::discovery`, on its worker; Ctrl-C
//! ends the process), print what was found and from where with the provider's
//! notes, and ask before going on unless `--yes`.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use anyhow::bail;

use crate::account::{AccountSettings, OAuthProvider};
use crate::discovery::{self, AuthChoice, Discoverer, DiscoveryEvent, Found};
use crate::t;
use crate::worker::no_repaint;

/// Finds the settings for `email`, progress on stderr.
pub fn find(email: &str) -> anyhow::Result<Found> {
    // No Ctrl-C handler here: Ctrl-C ends the process, which ends the
    // search with nothing to undo, and leaves the handler free for the
    // sign-in that may follow (`super::login`).
    let worker = discovery::spawn(email.to_string(), Discoverer::system_maker(), no_repaint())?;
    let mut result = None;
    for event in worker.events() {
        match event {
            DiscoveryEvent::Progress(line) => eprintln!("{line}"),
            DiscoveryEvent::Done(r) => result = Some(r),
            DiscoveryEvent::Stopped(why) => {
                return match result {
                    Some(r) => Ok(r?),
                    None => bail!("{}", t!("cli-discover-stopped", why = why.to_string())),
                };
            }
        }
    }
    match result {
        Some(r) => Ok(r?),
        None => bail!("{}", t!("cli-discover-no-answer")),
    }
}

/// The sign-in to use: `--auth oauth2` takes the provider's OAuth choice,
/// a password given (`--password-env`) or another `--auth` a password
/// choice; otherwise the provider's best.
pub fn choose(found: &Found, auth: Option<&str>, password_given: bool) -> AuthChoice {
    let oauth = found
        .auth
        .iter()
        .copied()
        .find(|a| matches!(a, AuthChoice::OAuth2(_)));
    let password = found
        .auth
        .iter()
        .copied()
        .find(|a| !matches!(a, AuthChoice::OAuth2(_)));
    match auth {
        Some("oauth2") => oauth.unwrap_or(AuthChoice::OAuth2(OAuthProvider::Custom)),
        Some(_) => password.unwrap_or(AuthChoice::Password),
        None if password_given => password.unwrap_or(AuthChoice::Password),
        None => found.auth.first().copied().unwrap_or(AuthChoice::Password),
    }
}

/// Prints `found` and the chosen sign-in, fills `s`, and asks unless `yes`.
pub fn confirm_and_apply(
    found: &Found,
    choice: AuthChoice,
    s: &mut AccountSettings,
    yes: bool,
) -> anyhow::Result<()> {
    println!("{}", found.describe());
    for why in &found.skipped {
        println!("{}", t!("cli-discover-not-used", why = why.to_string()));
    }
    let how = match choice {
        AuthChoice::AppPassword { link } => t!("cli-discover-app-password", link = link),
        other => other.label(),
    };
    println!("{}", t!("cli-discover-will-use", how = how));
    found.apply(s, choice);
    if yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        bail!("{}", t!("cli-discover-needs-confirmation"));
    }
    print!("{} ", t!("cli-discover-confirm"));
    std::io::stdout().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    if !is_yes(line.trim()) {
        bail!("{}", t!("cli-discover-not-added"));
    }
    Ok(())
}

/// "y"/"yes", or the language's own yes ("ya").
fn is_yes(answer: &str) -> bool {
    let answer = answer.to_lowercase();
    matches!(answer.as_str(), "y" | "yes") || answer == t!("cli-discover-yes").to_lowercase()
}

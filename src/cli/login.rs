//! `popmail account login NAME [--device|--browser]` and the sign-in step
//! of `popmail account add … --auth oauth2`: OAuth 2.0 sign-in on the
//! command line.
//!
//! The device authorization grant (RFC 8628) where the provider offers it
//! for mail (its code and URL printed on stderr), otherwise the browser
//! with a loopback redirect (RFC 8252); `--device` and `--browser` choose.
//! Ctrl-C cancels. The refresh token goes where passwords go
//! (`crate::credentials`); no token is ever printed.

use std::io::Write;

use anyhow::{Context as _, bail};

use crate::account::OAuthSettings;
use crate::credentials::{self, Location};
use crate::oauth::{self, DeviceCode, HttpClient, SystemBrowser, Tokens};
use crate::store::{AccountId, Store};
use crate::t;
use crate::worker::Cancel;

/// How to sign in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Device code where the provider allows it, else the browser.
    #[default]
    Auto,
    /// The system browser.
    Browser,
    /// A device code.
    Device,
}

impl Mode {
    /// The mode chosen by `--browser` / `--device`.
    pub fn from_flags(browser: bool, device: bool) -> anyhow::Result<Mode> {
        Ok(match (browser, device) {
            (true, true) => bail!("{}", t!("cli-login-one-mode")),
            (true, false) => Mode::Browser,
            (false, true) => Mode::Device,
            (false, false) => Mode::Auto,
        })
    }
}

/// Signs in with `settings` (printing what the person must do on stderr)
/// and returns the tokens.
pub fn sign_in(settings: &OAuthSettings, mode: Mode) -> anyhow::Result<Tokens> {
    let endpoints = oauth::resolve(settings, &|k| std::env::var(k).ok())?;
    let cancel = Cancel::new();
    let c = cancel.clone();
    // A handler may already be set in this process; then Ctrl-C ends the
    // process as usual, which also ends the sign-in.
    let _ = ctrlc::set_handler(move || c.cancel()); // already set: Ctrl-C ends the process
    let http = HttpClient::new(cancel);
    let device = match mode {
        Mode::Device => true,
        Mode::Browser => false,
        Mode::Auto => endpoints.device.is_some(),
    };
    let tokens = if device {
        oauth::device::sign_in(
            &endpoints,
            settings.provider.as_str(),
            &mut |code: &DeviceCode| {
                let mut err = std::io::stderr().lock();
                let how = t!(
                    "cli-login-device",
                    url = code.verification_uri.as_str(),
                    code = code.user_code.as_str()
                );
                let wait = t!(
                    "cli-login-device-wait",
                    minutes = code.expires_in.as_secs().div_ceil(60)
                );
                let _ = writeln!(err, "{how}\n{wait}"); // stderr gone: no one to tell
            },
            &http,
        )
    } else {
        oauth::browser::sign_in(
            &endpoints,
            &SystemBrowser,
            &mut |url: &str, opened: bool| {
                if opened {
                    eprintln!("{}", t!("cli-login-browser-wait"));
                    eprintln!("{}", t!("cli-login-browser-fallback", url = url));
                } else {
                    eprintln!("{}", t!("cli-login-browser-open"));
                    eprintln!("{url}");
                }
            },
            &http,
        )
    };
    tokens.context(t!("cli-login-signing-in"))
}

/// Keeps the refresh token of `account` and tells where it went.
pub fn keep(store: &Store, account: AccountId, tokens: &Tokens) -> anyhow::Result<()> {
    let Some(refresh) = &tokens.refresh else {
        bail!("{}", t!("cli-login-no-refresh-token"));
    };
    if credentials::save_refresh_token(store, account, refresh)? == Location::Store {
        eprintln!("{}", t!("cli-login-no-keychain"));
    }
    Ok(())
}

/// `popmail account login NAME`.
pub fn login(store: &mut Store, name: &str, mode: Mode) -> anyhow::Result<()> {
    let account = super::account_named(store, name)?;
    let Some(settings) = account.settings.oauth.clone() else {
        bail!("{}", t!("cli-login-not-oauth", name = name));
    };
    let tokens = sign_in(&settings, mode)?;
    keep(store, account.id, &tokens)?;
    println!("{}", t!("cli-login-done", name = name));
    Ok(())
}

//! `popmail account add|edit|remove|list`: accounts without the window.
//!
//! The password comes from the environment variable named by
//! `--password-env`, or from a prompt without echo — never from argv.
//!
//! `--auth oauth2` with `--oauth-provider` (and, for `custom`, the endpoint
//! and scope flags) signs in instead (`super::login`), and
//! `popmail account login NAME` signs in again.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand};

use crate::account::{
    AccountSettings, AuthMethod, OAuthMechanism, OAuthProvider, OAuthSettings, Policy, Security,
};
use crate::credentials::{self, Location};
use crate::secret::Secret;
use crate::store::Store;
use crate::t;

/// Account subcommands.
#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Add a POP3 account. With --email and no --host, popmail finds the
    /// server settings itself and asks before adding.
    Add {
        /// A name for the account (unique).
        name: String,
        /// Settings.
        #[command(flatten)]
        options: AccountOptions,
        /// Accept the settings found from --email without asking.
        #[arg(long)]
        yes: bool,
    },
    /// Change an account's settings (only the options given).
    Edit {
        /// The account's name.
        name: String,
        /// New name.
        #[arg(long)]
        rename: Option<String>,
        /// Settings to change.
        #[command(flatten)]
        options: AccountOptions,
        /// Turn the account off (no sync) or on again.
        #[arg(long)]
        enabled: Option<bool>,
    },
    /// Remove an account. Its mail is kept in a local folder unless --delete-mail.
    Remove {
        /// The account's name.
        name: String,
        /// Delete the account's downloaded mail too.
        #[arg(long)]
        delete_mail: bool,
    },
    /// Sign an OAuth 2.0 account in again (device code and URL on stderr).
    Login {
        /// The account's name.
        name: String,
        /// Sign in with the system browser.
        #[arg(long)]
        browser: bool,
        /// Sign in with a code on another device (where the provider allows it).
        #[arg(long)]
        device: bool,
    },
    /// List accounts.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Settings shared by `add` and `edit`.
#[derive(Debug, Args)]
pub struct AccountOptions {
    /// Server host name.
    #[arg(long)]
    host: Option<String>,
    /// Server port (default: 995 for tls, 110 otherwise).
    #[arg(long)]
    port: Option<u16>,
    /// Connection security.
    #[arg(long, value_parser = ["tls", "starttls", "plain"])]
    security: Option<String>,
    /// Allow the password to be sent unencrypted (only with --security plain).
    #[arg(long)]
    i_understand_plaintext: bool,
    /// Login name.
    #[arg(long)]
    user: Option<String>,
    /// Read the password from this environment variable (else a prompt asks).
    #[arg(long, value_name = "VAR")]
    password_env: Option<String>,
    /// Authentication method.
    #[arg(long, value_parser = ["auto", "user", "apop", "plain", "login", "cram-md5", "oauth2"])]
    auth: Option<String>,
    /// OAuth 2.0 identity provider (with --auth oauth2).
    #[arg(long, value_parser = ["google", "microsoft", "yahoo", "aol", "fastmail", "custom"])]
    oauth_provider: Option<String>,
    /// The client ID registered with the provider (else POPMAIL_<PROVIDER>_CLIENT_ID).
    #[arg(long, value_name = "ID")]
    client_id: Option<String>,
    /// The environment variable holding the client secret, where the provider needs one.
    #[arg(long, value_name = "VAR")]
    client_secret_env: Option<String>,
    /// Microsoft's tenant (default: common).
    #[arg(long, value_name = "TENANT")]
    oauth_tenant: Option<String>,
    /// Authorization endpoint (custom provider; https://, or http:// on loopback).
    #[arg(long, value_name = "URL")]
    oauth_authorize_url: Option<String>,
    /// Token endpoint (custom provider).
    #[arg(long, value_name = "URL")]
    oauth_token_url: Option<String>,
    /// Device authorization endpoint (custom provider, optional).
    #[arg(long, value_name = "URL")]
    oauth_device_url: Option<String>,
    /// Scope to ask for (custom provider).
    #[arg(long, value_name = "SCOPE")]
    oauth_scope: Option<String>,
    /// SASL mechanism carrying the token.
    #[arg(long, value_parser = ["xoauth2", "oauthbearer"])]
    oauth_mechanism: Option<String>,
    /// Sign in with the system browser (with --auth oauth2).
    #[arg(long)]
    browser: bool,
    /// Sign in with a code on another device (with --auth oauth2).
    #[arg(long)]
    device: bool,
    /// Extra trusted CA certificate (PEM).
    #[arg(long, value_name = "PEM")]
    ca_file: Option<PathBuf>,
    /// Accept the server certificate with this SHA-256 fingerprint.
    #[arg(long, value_name = "SHA256")]
    pin: Option<String>,
    /// delete | keep | keep-days:N
    #[arg(long)]
    policy: Option<String>,
    /// Delete from the server what is deleted here (`--delete-when-deleted-here=false` turns it off).
    #[arg(long, num_args = 0..=1, require_equals = true, value_name = "BOOL")]
    delete_when_deleted_here: Option<Option<bool>>,
    /// Download only headers of messages larger than this (KB).
    #[arg(long, value_name = "KB")]
    max_size: Option<u32>,
    /// Check every N minutes.
    #[arg(long, value_name = "MINUTES")]
    interval: Option<u32>,
    /// The account's email address.
    #[arg(long, value_name = "ADDR")]
    email: Option<String>,
}

fn parse_policy(s: &str) -> anyhow::Result<Policy> {
    Ok(match s {
        "delete" => Policy::Delete,
        "keep" => Policy::Keep,
        _ => match s.strip_prefix("keep-days:").map(str::parse::<u32>) {
            Some(Ok(n)) if n >= 1 => Policy::KeepDays(n),
            _ => bail!("{}", t!("cli-account-bad-policy", value = s)),
        },
    })
}

impl AccountOptions {
    fn apply(&self, s: &mut AccountSettings) -> anyhow::Result<()> {
        if let Some(h) = &self.host {
            s.host.clone_from(h);
        }
        if let Some(sec) = &self.security {
            s.security = Security::parse(sec).context(t!("cli-account-unknown-security"))?;
            if self.port.is_none() {
                s.port = s.security.default_port();
            }
        }
        if let Some(p) = self.port {
            s.port = p;
        }
        if self.i_understand_plaintext {
            s.allow_plaintext_password = true;
        }
        if let Some(u) = &self.user {
            s.username.clone_from(u);
        }
        if let Some(a) = &self.auth {
            s.auth = AuthMethod::parse(a).context(t!("cli-account-unknown-auth"))?;
        }
        if let Some(c) = &self.ca_file {
            if !c.is_file() {
                bail!(
                    "{}",
                    t!("cli-account-no-ca-file", path = c.display().to_string())
                );
            }
            s.ca_file = Some(c.clone());
        }
        if let Some(p) = &self.pin {
            s.pinned_sha256 = Some(p.clone());
        }
        if let Some(p) = &self.policy {
            s.policy = parse_policy(p)?;
        }
        if let Some(d) = self.delete_when_deleted_here {
            s.delete_when_deleted_here = d.unwrap_or(true);
        }
        if let Some(k) = self.max_size {
            s.max_size_kb = Some(k);
        }
        if let Some(i) = self.interval {
            s.check_interval_min = Some(i);
        }
        if let Some(e) = &self.email {
            s.email.clone_from(e);
        }
        self.apply_oauth(s)?;
        if s.security == Security::Plain && !s.allow_plaintext_password {
            bail!("{}", t!("cli-account-plaintext"));
        }
        Ok(())
    }

    fn any_oauth_flag(&self) -> bool {
        self.oauth_provider.is_some()
            || self.client_id.is_some()
            || self.client_secret_env.is_some()
            || self.oauth_tenant.is_some()
            || self.oauth_authorize_url.is_some()
            || self.oauth_token_url.is_some()
            || self.oauth_device_url.is_some()
            || self.oauth_scope.is_some()
            || self.oauth_mechanism.is_some()
    }

    fn apply_oauth(&self, s: &mut AccountSettings) -> anyhow::Result<()> {
        if !self.any_oauth_flag() {
            if s.auth == AuthMethod::OAuth2 && s.oauth.is_none() {
                bail!("{}", t!("cli-account-oauth-needs-provider"));
            }
            return Ok(());
        }
        if s.auth != AuthMethod::OAuth2 {
            bail!("{}", t!("cli-account-oauth-options"));
        }
        let o = s.oauth.get_or_insert_with(OAuthSettings::default);
        if let Some(p) = &self.oauth_provider {
            o.provider = OAuthProvider::parse(p).context(t!("cli-account-unknown-provider"))?;
        }
        let set = |field: &mut Option<String>, value: &Option<String>| {
            if let Some(v) = value {
                *field = Some(v.trim().to_string()).filter(|v| !v.is_empty());
            }
        };
        set(&mut o.client_id, &self.client_id);
        set(&mut o.client_secret_env, &self.client_secret_env);
        set(&mut o.tenant, &self.oauth_tenant);
        set(&mut o.authorize_url, &self.oauth_authorize_url);
        set(&mut o.token_url, &self.oauth_token_url);
        set(&mut o.device_url, &self.oauth_device_url);
        set(&mut o.scope, &self.oauth_scope);
        if let Some(m) = &self.oauth_mechanism {
            o.mechanism =
                Some(OAuthMechanism::parse(m).context(t!("cli-account-unknown-mechanism"))?);
        }
        Ok(())
    }

    fn password(&self, prompt_for: &str) -> anyhow::Result<Option<Secret>> {
        if let Some(var) = &self.password_env {
            let value = std::env::var(var).with_context(|| t!("cli-env-not-set", var = var))?;
            return Ok(Some(Secret::new(value)));
        }
        if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            return Ok(None);
        }
        let p = rpassword::prompt_password(format!(
            "{} ",
            t!("cli-account-password-prompt", name = prompt_for)
        ))
        .context(t!("cli-account-reading-password"))?;
        Ok(Some(Secret::new(p)))
    }
}

pub(super) fn run(store: &mut Store, command: AccountCommand) -> anyhow::Result<()> {
    match command {
        AccountCommand::Add { name, options, yes } => {
            let mut s = AccountSettings {
                name,
                enabled: true,
                ..AccountSettings::default()
            };
            s.port = s.security.default_port();
            if options.host.is_none()
                && let Some(email) = &options.email
            {
                if store.account_by_name(&s.name).is_ok() {
                    bail!("{}", t!("cli-account-exists", name = s.name.as_str()));
                }
                let found = super::account_discover::find(email)?;
                let choice = super::account_discover::choose(
                    &found,
                    options.auth.as_deref(),
                    options.password_env.is_some(),
                );
                super::account_discover::confirm_and_apply(&found, choice, &mut s, yes)?;
            }
            options.apply(&mut s)?;
            if s.host.is_empty() || s.username.is_empty() {
                bail!("{}", t!("cli-account-needs-host"));
            }
            if let Some(oauth) = s.oauth.clone() {
                // Check the settings before anyone is sent to a browser.
                crate::oauth::resolve(&oauth, &|k| std::env::var(k).ok())?;
                if store.account_by_name(&s.name).is_ok() {
                    bail!("{}", t!("cli-account-exists", name = s.name.as_str()));
                }
                let mode = super::login::Mode::from_flags(options.browser, options.device)?;
                let tokens = super::login::sign_in(&oauth, mode)?;
                let account = store.add_account(&s)?;
                super::login::keep(store, account.id, &tokens)?;
                println!(
                    "{}",
                    t!(
                        "cli-account-added-oauth",
                        name = s.name.as_str(),
                        server = server(&s),
                        provider = oauth.provider.as_str()
                    )
                );
                return Ok(());
            }
            let password = options
                .password(&s.name)?
                .context(t!("cli-account-no-password"))?;
            let account = store.add_account(&s)?;
            let location = credentials::save(store, account.id, &password)?;
            println!(
                "{}",
                t!(
                    "cli-account-added",
                    name = s.name.as_str(),
                    server = server(&s)
                )
            );
            notice(location);
        }
        AccountCommand::Edit {
            name,
            rename,
            options,
            enabled,
        } => {
            let account = super::account_named(store, &name)?;
            let mut s = account.settings.clone();
            options.apply(&mut s)?;
            if let Some(r) = rename {
                s.name = r;
            }
            if let Some(e) = enabled {
                s.enabled = e;
            }
            store.update_account(account.id, &s)?;
            if options.password_env.is_some()
                && let Some(p) = options.password(&s.name)?
            {
                notice(credentials::save(store, account.id, &p)?);
            }
            println!("{}", t!("cli-account-updated", name = s.name.as_str()));
        }
        AccountCommand::Login {
            name,
            browser,
            device,
        } => {
            super::login::login(
                store,
                &name,
                super::login::Mode::from_flags(browser, device)?,
            )?;
        }
        AccountCommand::Remove { name, delete_mail } => {
            let account = super::account_named(store, &name)?;
            credentials::forget(store, account.id)?;
            credentials::forget_refresh_token(store, account.id)?;
            match store.remove_account(account.id, !delete_mail)? {
                Some(folder) => {
                    let f = store.folder(folder)?;
                    println!(
                        "{}",
                        t!(
                            "cli-account-removed-kept",
                            name = name.as_str(),
                            count = f.total,
                            folder = f.name.as_str()
                        )
                    );
                }
                None => println!("{}", t!("cli-account-removed", name = name.as_str())),
            }
        }
        AccountCommand::List { json } => {
            let accounts = store.accounts()?;
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &accounts)?;
                writeln!(out)?;
            } else {
                for a in accounts {
                    let s = &a.settings;
                    let policy = match s.policy {
                        Policy::Delete => t!("cli-account-policy-delete"),
                        Policy::Keep => t!("cli-account-policy-keep"),
                        Policy::KeepDays(n) => t!("cli-account-policy-keep-days", days = n),
                    };
                    let disabled = if s.enabled {
                        String::new()
                    } else {
                        format!(" {}", t!("cli-account-disabled"))
                    };
                    writeln!(
                        out,
                        "{}  {}@{}:{} ({}){disabled}  {policy}", // not translated: a table row
                        s.name,
                        s.username,
                        s.host,
                        s.port,
                        s.security.as_str(),
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn notice(location: Location) {
    if location == Location::Store {
        eprintln!("{}", t!("cli-account-no-keychain"));
    }
}

/// `host:port, security` for the sentences that name the server.
fn server(s: &AccountSettings) -> String {
    format!("{}:{}, {}", s.host, s.port, s.security.as_str()) // not translated: host, port and a protocol name
}

//! `popmail account add|edit|remove|list`: accounts without the window.
//!
//! The password comes from the environment variable named by
//! `--password-env`, or from a prompt without echo — never from argv.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand};

use crate::account::{AccountSettings, AuthMethod, Policy, Security};
use crate::credentials::{self, Location};
use crate::secret::Secret;
use crate::store::Store;

/// Account subcommands.
#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Add a POP3 account.
    Add {
        /// A name for the account (unique).
        name: String,
        /// Settings.
        #[command(flatten)]
        options: AccountOptions,
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
    #[arg(long, value_parser = ["auto", "user", "apop", "plain", "login", "cram-md5"])]
    auth: Option<String>,
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
            _ => bail!("--policy must be delete, keep or keep-days:N with N ≥ 1 (got \"{s}\")"),
        },
    })
}

impl AccountOptions {
    fn apply(&self, s: &mut AccountSettings) -> anyhow::Result<()> {
        if let Some(h) = &self.host {
            s.host.clone_from(h);
        }
        if let Some(sec) = &self.security {
            s.security = Security::parse(sec).context("unknown security")?;
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
            s.auth = AuthMethod::parse(a).context("unknown authentication method")?;
        }
        if let Some(c) = &self.ca_file {
            if !c.is_file() {
                bail!("the CA file {} does not exist", c.display());
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
        if s.security == Security::Plain && !s.allow_plaintext_password {
            bail!(
                "--security plain sends your password unencrypted; add --i-understand-plaintext to allow it, \
                 or use --security tls or starttls"
            );
        }
        Ok(())
    }

    fn password(&self, prompt_for: &str) -> anyhow::Result<Option<Secret>> {
        if let Some(var) = &self.password_env {
            let value = std::env::var(var)
                .with_context(|| format!("the environment variable {var} is not set"))?;
            return Ok(Some(Secret::new(value)));
        }
        if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            return Ok(None);
        }
        let p = rpassword::prompt_password(format!("Password for {prompt_for}: "))
            .context("reading the password")?;
        Ok(Some(Secret::new(p)))
    }
}

pub(super) fn run(store: &mut Store, command: AccountCommand) -> anyhow::Result<()> {
    match command {
        AccountCommand::Add { name, options } => {
            let mut s = AccountSettings {
                name,
                enabled: true,
                ..AccountSettings::default()
            };
            s.port = s.security.default_port();
            options.apply(&mut s)?;
            if options.host.is_none() || options.user.is_none() {
                bail!("an account needs --host and --user");
            }
            let password = options.password(&s.name)?.context(
                "no password: pass --password-env VAR, or run in a terminal to be asked",
            )?;
            let account = store.add_account(&s)?;
            let location = credentials::save(store, account.id, &password)?;
            println!(
                "added account \"{}\" ({}:{}, {})",
                s.name,
                s.host,
                s.port,
                s.security.as_str()
            );
            notice(location);
        }
        AccountCommand::Edit {
            name,
            rename,
            options,
            enabled,
        } => {
            let account = store.account_by_name(&name)?;
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
            println!("updated account \"{}\"", s.name);
        }
        AccountCommand::Remove { name, delete_mail } => {
            let account = store.account_by_name(&name)?;
            credentials::forget(store, account.id)?;
            match store.remove_account(account.id, !delete_mail)? {
                Some(folder) => {
                    let f = store.folder(folder)?;
                    println!(
                        "removed account \"{name}\"; its {} messages are in the folder \"{}\"",
                        f.total, f.name
                    );
                }
                None => println!("removed account \"{name}\" and its mail"),
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
                        Policy::Delete => "delete after download".to_string(),
                        Policy::Keep => "keep on server".to_string(),
                        Policy::KeepDays(n) => format!("keep on server {n} days"),
                    };
                    writeln!(
                        out,
                        "{}  {}@{}:{} ({}){}  {policy}",
                        s.name,
                        s.username,
                        s.host,
                        s.port,
                        s.security.as_str(),
                        if s.enabled { "" } else { " [disabled]" }
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn notice(location: Location) {
    if location == Location::Store {
        eprintln!(
            "note: no OS keychain is available, so the password is kept in popmail's store file (readable only by you)"
        );
    }
}

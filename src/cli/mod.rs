//! The command line: clap definitions and thin handlers that call the library.
//!
//! `popmail` alone opens the window; subcommands serve scripts and tests.
//! Every subcommand takes `--data-dir` (or `POPMAIL_DATA_DIR`). Errors are
//! printed as one line on stderr with their causes, each said once
//! ([`error_line`]), and the exit status is non-zero.
//!
//! An encrypted store is unlocked before any command runs ([`security`]):
//! the passphrase comes from a no-echo prompt or `POPMAIL_PASSPHRASE_FILE` /
//! `POPMAIL_PASSPHRASE`.

mod account;
mod account_discover;
pub mod help;
pub mod import_export;
mod junk;
mod login;
mod package_files;
mod read;
mod rules;
mod security;
mod sync;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use clap::{FromArgMatches as _, Parser, Subcommand};

use crate::paths;
use crate::store::{Account, Folder, Store};
use crate::t;

/// popmail: an offline mail reader for POP3 accounts.
#[derive(Debug, Parser)]
#[command(name = "popmail", version, about, long_about = None)]
pub struct Cli {
    /// Folder holding the mail store (default: the platform data folder).
    #[arg(long, global = true, env = "POPMAIL_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Open the demo: a local demo server and mailbox, kept apart from your mail.
    #[arg(long)]
    pub demo: bool,
    /// What to do (default: open the window).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Mail to open: one message (an .eml file) opens in a viewer window of
    /// its own without importing it; an mbox file or a Maildir folder opens
    /// the import dialog with it chosen (a running window takes it over).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Open FILE… in the import dialog, even a single message.
    #[arg(long, requires = "files")]
    pub import: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List folders with message and unread counts.
    Folders {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the messages of a folder, newest first.
    List {
        /// Folder name, ACCOUNT/NAME, or id.
        folder: String,
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
        /// At most this many messages.
        #[arg(long, default_value_t = 50)]
        limit: u64,
    },
    /// Show a message.
    Show {
        /// Message id (from `list` or `search`).
        id: i64,
        /// Write the stored bytes to stdout exactly as they were received.
        #[arg(long)]
        raw: bool,
    },
    /// Add, edit, remove or list POP3 accounts.
    Account {
        /// What to do.
        #[command(subcommand)]
        command: Box<account::AccountCommand>,
    },
    /// Download new mail from every enabled account (or one).
    Sync {
        /// Only this account.
        #[arg(long)]
        account: Option<String>,
        /// Only say what the next sync would delete on the server.
        #[arg(long)]
        dry_run: bool,
        /// Show a desktop notification for each account that got new mail
        /// (the count; not for mail filed as junk or to Trash).
        #[arg(long)]
        notify: bool,
        /// With --notify: list the first senders and subjects too.
        #[arg(long, requires = "notify")]
        notify_details: bool,
    },
    /// Message rules: add, edit, remove, list, run on a folder, import, export.
    Rule {
        /// What to do.
        #[command(subcommand)]
        command: Box<rules::RuleCommand>,
    },
    /// The junk filter: mark, train, classify, reset.
    Junk {
        /// What to do.
        #[command(subcommand)]
        command: junk::JunkCommand,
    },
    /// Import an mbox file, a Maildir, or .eml files into a local folder.
    Import(import_export::ImportArgs),
    /// Export a folder to mbox, Maildir or a directory of .eml files.
    Export(import_export::ExportArgs),
    /// Full-text search over subject, people and body.
    Search {
        /// Words to find (all must match; the last may be a prefix).
        query: String,
        /// Search only this folder.
        #[arg(long)]
        folder: Option<String>,
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Encrypt the mail store (SQLCipher); a passphrase by default.
    Encrypt {
        /// Unlock with a key kept in the system keychain (nothing to type).
        #[arg(long, conflicts_with = "passphrase")]
        keychain: bool,
        /// Unlock with a passphrase (the default), plus a recovery key shown once.
        #[arg(long)]
        passphrase: bool,
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
    },
    /// Turn encryption off: the store becomes a plaintext file again.
    Decrypt {
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
    },
    /// Change the passphrase of an encrypted store (instant: the mail is not rewritten).
    Passphrase {
        /// What to do.
        #[command(subcommand)]
        command: PassphraseCommand,
    },
    /// Say whether the store is encrypted and what unlocks it.
    LockStatus,
    /// Set a new passphrase with the recovery key.
    Unlock {
        /// The environment variable holding the recovery key.
        #[arg(long, value_name = "VAR")]
        recovery_key_env: String,
    },
    /// Write the man page and bash, zsh and fish completions into DIR (for packagers).
    PackageFiles {
        /// Where to write them (created if missing).
        dir: PathBuf,
    },
}

/// `popmail passphrase …`.
#[derive(Debug, Subcommand)]
pub enum PassphraseCommand {
    /// Set a new passphrase (asks for the current one first).
    Change,
}

/// Parses the command line and runs it; the process's exit status.
pub fn main() -> ExitCode {
    crate::i18n::init_from_system();
    // The help texts in the language (help.rs); parsing is clap's as ever.
    let cli = match Cli::from_arg_matches(&help::command().get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("popmail: {}", error_line(&e)); // not translated: the program's name before the error
            ExitCode::FAILURE
        }
    }
}

/// An error and its causes on one line, `outer: inner: …`, each said once:
/// a cause whose words are already in the line is left out. Our errors
/// carry their source's text in their own sentence (in the person's
/// language) and keep the source for the chain, so `{:#}` would print the
/// system's words twice.
pub fn error_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if text.is_empty() || line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// No subcommand: the window, or the read-only viewer for one message file.
#[cfg(feature = "gui")]
fn open_window(
    data_dir: PathBuf,
    files: Vec<PathBuf>,
    import: bool,
    demo: bool,
) -> anyhow::Result<()> {
    if let [file] = files.as_slice()
        && !import
        && crate::ui::viewer_app::is_single_message(file)
    {
        return Ok(crate::ui::viewer_app::run(file.clone())?);
    }
    crate::ui::run(crate::ui::RunOptions {
        data_dir,
        demo,
        store_page_limit: None,
        open: files,
    })?;
    Ok(())
}

/// Built without the `gui` feature (the fuzz targets' build): no window.
#[cfg(not(feature = "gui"))]
fn open_window(_: PathBuf, _: Vec<PathBuf>, _: bool, _: bool) -> anyhow::Result<()> {
    anyhow::bail!("{}", crate::t!("common-no-window"))
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let data_dir = match cli.data_dir {
        Some(d) => d,
        None => paths::default_data_dir()?,
    };
    let Some(command) = cli.command else {
        open_window(data_dir, cli.files, cli.import, cli.demo)?;
        return Ok(ExitCode::SUCCESS);
    };
    let command = match command {
        Command::Encrypt {
            keychain, quiet, ..
        } => {
            let how = if keychain {
                security::Unlock::Keychain
            } else {
                security::Unlock::Passphrase
            };
            return security::encrypt(&data_dir, how, quiet).map(|()| ExitCode::SUCCESS);
        }
        Command::Decrypt { quiet } => {
            return security::decrypt(&data_dir, quiet).map(|()| ExitCode::SUCCESS);
        }
        Command::Passphrase {
            command: PassphraseCommand::Change,
        } => return security::change_passphrase(&data_dir).map(|()| ExitCode::SUCCESS),
        Command::LockStatus => {
            return security::lock_status(&data_dir).map(|()| ExitCode::SUCCESS);
        }
        Command::Unlock { recovery_key_env } => {
            return security::unlock_with_recovery(&data_dir, &recovery_key_env)
                .map(|()| ExitCode::SUCCESS);
        }
        Command::PackageFiles { dir } => {
            return package_files::write(&dir).map(|()| ExitCode::SUCCESS);
        }
        other => other,
    };
    let mut store = open_store(&data_dir)?;
    match command {
        Command::Account { command } => account::run(&mut store, *command),
        Command::Rule { command } => rules::run(&mut store, *command),
        Command::Junk { command } => junk::run(&mut store, command),
        Command::Import(args) => import_export::import_cmd(&mut store, &args).map(drop),
        Command::Export(args) => import_export::export_cmd(&store, &args).map(drop),
        Command::Sync {
            account,
            dry_run,
            notify,
            notify_details,
        } => {
            let notify = notify.then_some(notify_details);
            return sync::run(&store, account.as_deref(), dry_run, notify);
        }
        Command::Folders { json } => read::folders(&store, json),
        Command::List {
            folder,
            json,
            limit,
        } => read::list(&store, &folder, json, limit),
        Command::Show { id, raw } => read::show(&store, id, raw),
        Command::Search {
            query,
            folder,
            json,
            limit,
        } => read::search(&store, &query, folder.as_deref(), json, limit),
        Command::Encrypt { .. }
        | Command::Decrypt { .. }
        | Command::Passphrase { .. }
        | Command::LockStatus
        | Command::Unlock { .. }
        | Command::PackageFiles { .. } => Ok(()),
    }?;
    Ok(ExitCode::SUCCESS)
}

/// Opens (creating if needed) the store in `data_dir`, unlocking it first
/// when it is encrypted.
pub fn open_store(data_dir: &std::path::Path) -> anyhow::Result<Store> {
    paths::ensure_private_dir(data_dir)?;
    let config = security::config(data_dir)
        .with_context(|| t!("cli-unlocking-store", path = data_dir.display().to_string()))?;
    Store::open(&config)
        .with_context(|| t!("cli-opening-store", path = data_dir.display().to_string()))
}

/// The account named `name`; "no such account" in the person's language
/// (the store's own sentence is English).
pub(crate) fn account_named(store: &Store, name: &str) -> anyhow::Result<Account> {
    match store.account_by_name(name) {
        Err(crate::store::Error::NotFound(_)) => bail!("{}", t!("cli-no-account", name = name)),
        other => Ok(other?),
    }
}

/// The folder `spec` names (name, ACCOUNT/NAME or id); "no such folder" in
/// the person's language.
pub(crate) fn folder_named(store: &Store, spec: &str) -> anyhow::Result<Folder> {
    match store.resolve_folder(spec) {
        Err(crate::store::Error::NotFound(_)) => bail!("{}", t!("cli-no-folder", name = spec)),
        other => Ok(other?),
    }
}

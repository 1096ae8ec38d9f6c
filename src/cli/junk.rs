//! `popmail junk …`: mark messages junk or not junk (training the filter as
//! the window's buttons will), train from whole folders with progress,
//! classify a folder without moving anything, and forget the training.
//!
//! Marking junk moves the message to the local Junk folder; marking it not
//! junk remembers its sender as safe (never junk again) and moves it out of
//! Junk to its account's Inbox (or the Archive). Nothing is ever deleted for
//! being junk.

use std::io::Write;
use std::sync::atomic::Ordering;

use anyhow::bail;
use clap::Subcommand;

use crate::jobs::junk::train_item;
use crate::rules::junk;
use crate::store::{MessageId, Scope, Sort, Store, TrainOutcome};
use crate::t;

/// `popmail junk …`.
#[derive(Debug, Subcommand)]
pub enum JunkCommand {
    /// Mark messages as junk (or, with --not, as not junk) and train the filter.
    Mark {
        /// Message ids (from `list` or `search`).
        #[arg(required = true)]
        ids: Vec<i64>,
        /// Not junk: the sender becomes safe and the message leaves Junk.
        #[arg(long)]
        not: bool,
    },
    /// Train the filter from whole folders.
    Train {
        /// A folder of junk.
        #[arg(long)]
        junk: Option<String>,
        /// A folder of good mail.
        #[arg(long)]
        good: Option<String>,
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
    },
    /// Print each message's verdict and score; nothing is moved.
    Classify {
        /// Folder name, ACCOUNT/NAME, or id.
        folder: String,
        /// Print JSON lines instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Forget all training (senders marked not junk stay safe).
    Reset,
    /// Move junk older than some days to the Trash (off by default; junk is
    /// never deleted for being junk). With DAYS (or "off") the option is set
    /// first; the window applies it after each sync, this applies it now.
    Expire {
        /// A number of days, or "off".
        days: Option<String>,
    },
    /// Whether an account's provider verdict (X-Spam-Flag, X-Spam-Status,
    /// *****SPAM*****) files mail as junk; without a value, say which it is.
    TrustProvider {
        /// The account's name.
        account: String,
        /// yes or no.
        #[arg(value_parser = clap::builder::BoolishValueParser::new())]
        trust: Option<bool>,
    },
}

/// Runs a `junk` subcommand.
pub(super) fn run(store: &mut Store, command: JunkCommand) -> anyhow::Result<()> {
    match command {
        JunkCommand::Mark { ids, not } => mark(store, &ids, !not),
        JunkCommand::Train { junk, good, quiet } => {
            if junk.is_none() && good.is_none() {
                bail!("{}", t!("cli-junk-train-which"));
            }
            for (folder, is_junk) in [(junk, true), (good, false)] {
                if let Some(folder) = folder {
                    train_folder(store, &folder, is_junk, quiet)?;
                }
            }
            let (spam, good) = store.junk_totals()?;
            println!("{}", t!("cli-junk-knows", junk = spam, good = good));
            Ok(())
        }
        JunkCommand::Classify { folder, json } => classify(store, &folder, json),
        JunkCommand::TrustProvider { account, trust } => {
            let account = super::account_named(store, &account)?;
            if let Some(trust) = trust {
                store.set_junk_trusts_provider(account.id, trust)?;
            }
            let trusted = store.junk_trusts_provider(account.id)?;
            let name = account.settings.name.as_str();
            if trusted {
                println!("{}", t!("cli-junk-provider-trusted", account = name));
            } else {
                println!("{}", t!("cli-junk-provider-ignored", account = name));
            }
            Ok(())
        }
        JunkCommand::Expire { days } => expire(store, days.as_deref()),
        JunkCommand::Reset => {
            store.junk_reset()?;
            println!("{}", t!("cli-junk-reset"));
            Ok(())
        }
    }
}

fn mark(store: &mut Store, ids: &[i64], is_junk: bool) -> anyhow::Result<()> {
    let ids: Vec<MessageId> = ids.iter().map(|i| MessageId(*i)).collect();
    // The same code as the window's Junk / Not junk buttons.
    let sum = crate::jobs::mark_junk(store, &ids, is_junk, &mut crate::jobs::Quiet)?;
    println!("{}", sum.sentence());
    Ok(())
}

fn expire(store: &mut Store, days: Option<&str>) -> anyhow::Result<()> {
    if let Some(days) = days {
        let days = match days.trim() {
            "off" | "0" => None,
            d => Some(
                d.parse::<u32>()
                    .map_err(|_| anyhow::anyhow!(t!("cli-junk-bad-days", value = d)))?,
            ),
        };
        store.set_junk_expire_days(days)?;
    }
    match store.junk_expire_days()? {
        None => println!("{}", t!("cli-junk-expire-off")),
        Some(d) => {
            let moved = store.junk_expire(crate::store::now())?;
            println!(
                "{}",
                t!(
                    "cli-junk-expire-on",
                    days = d,
                    moved = crate::fmt::messages(moved)
                )
            );
        }
    }
    Ok(())
}

/// Messages trained per transaction.
const TRAIN_BATCH: usize = 100;

fn train_folder(store: &mut Store, folder: &str, is_junk: bool, quiet: bool) -> anyhow::Result<()> {
    let folder = super::folder_named(store, folder)?;
    let ids = store.sorted_ids(Scope::Folder(folder.id), Sort::default())?;
    let bar = super::rules::progress_bar(quiet, ids.len() as u64);
    bar.set_message(if is_junk {
        t!("cli-junk-learning-junk", folder = folder.qualified_name())
    } else {
        t!("cli-junk-learning-good", folder = folder.qualified_name())
    });
    let interrupted = super::import_export::interrupt_flag();
    let mut learned = 0usize;
    for chunk in ids.chunks(TRAIN_BATCH) {
        if interrupted.load(Ordering::SeqCst) {
            bar.abandon();
            bail!("{}", t!("cli-junk-train-cancelled", count = learned));
        }
        let items = chunk
            .iter()
            .map(|id| train_item(store, *id, is_junk))
            .collect::<Result<Vec<_>, _>>()?;
        learned += store
            .junk_train(&items)?
            .iter()
            .filter(|o| **o != TrainOutcome::Unchanged)
            .count();
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    let (of, folder) = (
        crate::fmt::messages(ids.len() as u64),
        folder.qualified_name(),
    );
    if is_junk {
        println!(
            "{}",
            t!(
                "cli-junk-learned-junk",
                count = learned,
                of = of,
                folder = folder
            )
        );
    } else {
        println!(
            "{}",
            t!(
                "cli-junk-learned-good",
                count = learned,
                of = of,
                folder = folder
            )
        );
    }
    Ok(())
}

fn classify(store: &Store, folder: &str, json: bool) -> anyhow::Result<()> {
    let folder = super::folder_named(store, folder)?;
    let model = store.junk_model()?;
    if !json && (model.spam_messages == 0 || model.good_messages == 0) {
        eprintln!(
            "{}",
            t!(
                "cli-junk-untrained",
                junk = model.spam_messages,
                good = model.good_messages
            )
        );
    }
    let ids = store.sorted_ids(Scope::Folder(folder.id), Sort::default())?;
    let mut out = std::io::stdout().lock();
    for chunk in ids.chunks(TRAIN_BATCH) {
        for row in store.rows(chunk)? {
            let raw = store.raw(row.id)?;
            let parsed = crate::mail::parse(&raw);
            let headers = crate::mail::headers(&raw);
            let tokens = junk::tokens(&parsed.envelope, &headers, &parsed.index_text, &raw);
            let c = model.classify(&tokens);
            if json {
                let value = serde_json::json!({
                    "id": row.id.0,
                    "verdict": c.verdict,
                    "score": c.score,
                    "from_addr": row.from_addr,
                    "subject": row.subject,
                    "clues": c.clues,
                });
                writeln!(out, "{value}")?;
            } else {
                writeln!(
                    out,
                    "{:>7}  {:<6}  {:>5.3}  {:<24.24}  {:<50.50}", // not translated: a table row of machine verdicts and scores
                    row.id.0,
                    c.verdict.as_str(),
                    c.score,
                    row.sender(),
                    row.subject
                )?;
            }
        }
    }
    Ok(())
}

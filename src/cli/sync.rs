//! `popmail sync [--account NAME] [--dry-run] [--notify [--notify-details]]`:
//! download mail without the window, through the same sync worker the window
//! uses. Progress goes to stderr (indicatif); Ctrl+C cancels cleanly (the
//! message in flight is finished or dropped, never half-stored). The exit
//! status is non-zero when any account failed. With `--notify`, each account
//! that got new mail gets a desktop notification ([`crate::notify`]), as in
//! the window: for scripts and timers; no notification service is a line on
//! stderr, never a failure.

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::bail;
use crossbeam_channel::select;
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};

use crate::notify::{Collector, Notifier, NotifyEvent};
use crate::store::{AccountId, Store};
use crate::sync::{Command, Event, SyncOptions, SyncWorker};
use crate::{i18n, t};

/// How long the end of a sync waits for each notification to reach the
/// notification service.
const NOTIFY_WAIT: Duration = Duration::from_secs(5);

/// `notify`: `None` for no notifications, else whether to list senders and subjects.
pub(super) fn run(
    store: &Store,
    account: Option<&str>,
    dry_run: bool,
    notify: Option<bool>,
) -> anyhow::Result<ExitCode> {
    let accounts = match account {
        Some(name) => vec![super::account_named(store, name)?],
        None => store
            .accounts()?
            .into_iter()
            .filter(|a| a.settings.enabled)
            .collect(),
    };
    if accounts.is_empty() {
        bail!("{}", t!("cli-sync-no-account"));
    }
    let names: HashMap<AccountId, String> = accounts
        .iter()
        .map(|a| (a.id, a.settings.name.clone()))
        .collect();
    let worker = SyncWorker::spawn(SyncOptions::new(store.config().clone()))?;
    let (interrupt_tx, interrupt) = crossbeam_channel::bounded::<()>(1);
    // A second Ctrl+C while cancelling is ignored; the first one is enough.
    let on_interrupt = move || {
        let _ = interrupt_tx.try_send(()); // full: a cancel is already pending
    };
    let _ = ctrlc::set_handler(on_interrupt); // already set: Ctrl+C ends the process
    for a in &accounts {
        worker.send(if dry_run {
            Command::DryRun(a.id)
        } else {
            Command::SyncAccount(a.id)
        });
    }
    let mut pending: HashSet<AccountId> = names.keys().copied().collect();
    let bars = MultiProgress::new();
    let mut bar_of: HashMap<AccountId, ProgressBar> = HashMap::new();
    let template = format!(
        "{{prefix:>16}} [{{bar:30}}] {{pos}}/{{len}} {}, {{msg}}",
        t!("cli-progress-messages")
    );
    let style = ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    let mut failed = 0;
    let notifier = match notify {
        Some(_) => Some(Notifier::spawn(crate::worker::no_repaint(), false)?),
        None => None,
    };
    let mut collector = Collector::default();
    let mut notes = 0;
    while !pending.is_empty() {
        let event = select! {
            recv(worker.events()) -> e => match e { Ok(e) => e, Err(_) => break },
            recv(interrupt) -> _ => {
                eprintln!("{}", t!("cli-sync-cancelling"));
                worker.send(Command::Cancel(None));
                continue;
            }
            default(Duration::from_secs(1)) => continue,
        };
        let name = |id: &AccountId| names.get(id).cloned().unwrap_or_default();
        if let (Some(n), Some(details)) = (&notifier, notify)
            && let Some(note) = collector.on_event(&event, Some(store), details)
        {
            n.show(note);
            notes += 1;
        }
        match event {
            Event::Started { account } => {
                let bar = bars.add(
                    ProgressBar::new(0)
                        .with_style(style.clone())
                        .with_prefix(name(&account)),
                );
                bar_of.insert(account, bar);
            }
            Event::Progress {
                account,
                messages_done,
                messages_total,
                bytes_done,
                bytes_total,
            } => {
                if let Some(bar) = bar_of.get(&account) {
                    bar.set_length(messages_total);
                    bar.set_position(messages_done);
                    bar.set_message(t!(
                        "cli-sync-bytes",
                        done = crate::fmt::size(bytes_done),
                        total = crate::fmt::size(bytes_total)
                    ));
                }
            }
            Event::Finished { account, summary } => {
                if let Some(bar) = bar_of.remove(&account) {
                    bar.finish_and_clear();
                }
                let line = t!(
                    "cli-sync-finished",
                    account = name(&account),
                    downloaded = summary.downloaded,
                    partial = summary.partial,
                    deleted = summary.deleted_on_server,
                    skipped = summary.skipped,
                    size = crate::fmt::size(summary.bytes),
                    secs = i18n::number(summary.elapsed.as_secs_f64(), 1),
                );
                say(
                    &bars,
                    if summary.cancelled {
                        t!("cli-sync-cancelled", line = line)
                    } else {
                        line
                    },
                );
                for notice in &summary.notices {
                    say(&bars, format!("{}: {notice}", name(&account))); // not translated: "account: notice"
                }
                pending.remove(&account);
            }
            Event::Failed {
                account, message, ..
            } => {
                if let Some(bar) = bar_of.remove(&account) {
                    bar.finish_and_clear();
                }
                say(
                    &bars,
                    t!(
                        "cli-sync-failed",
                        account = name(&account),
                        error = message.as_str()
                    ),
                );
                failed += 1;
                pending.remove(&account);
            }
            Event::DryRun { account, report } => {
                match report {
                    Ok(r) => println!("{}: {}", name(&account), r.describe()), // not translated: "account: report"
                    Err(e) => {
                        eprintln!(
                            "{}",
                            t!(
                                "cli-sync-failed",
                                account = name(&account),
                                error = e.to_string()
                            )
                        );
                        failed += 1;
                    }
                }
                pending.remove(&account);
            }
            Event::Stopped { reason } => {
                eprintln!(
                    "{}",
                    t!("cli-sync-worker-stopped", reason = reason.to_string())
                );
                break;
            }
            Event::NewMail { .. } | Event::TestStep { .. } | Event::FullFetched { .. } => {}
        }
    }
    worker.shutdown();
    if !dry_run {
        wait_for_index(store, &bars, &interrupt)?;
    }
    if let Some(n) = &notifier {
        wait_for_notes(n, notes);
    }
    Ok(if failed > 0 || !pending.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Waits until everything the sync stored is searchable (the index is
/// written by its own thread: issue 17), showing what is left; Ctrl+C stops
/// only the waiting (the index catches up in the background).
fn wait_for_index(
    store: &Store,
    bars: &MultiProgress,
    interrupt: &crossbeam_channel::Receiver<()>,
) -> anyhow::Result<()> {
    let bar = bars.add(ProgressBar::new_spinner());
    store.wait_for_index(|left| {
        bar.set_message(crate::t!("cli-indexing", left = left));
        bar.tick();
        interrupt.try_recv().is_err()
    })?;
    bar.finish_and_clear();
    Ok(())
}

/// Waits until the `notes` notifications reached the service; says once on
/// stderr when none answered.
fn wait_for_notes(notifier: &Notifier, notes: usize) {
    for _ in 0..notes {
        match notifier.wait(NOTIFY_WAIT) {
            Some(NotifyEvent::Shown | NotifyEvent::Clicked) => {}
            Some(NotifyEvent::Unavailable(why) | NotifyEvent::Stopped(why)) => {
                eprintln!("{}", t!("cli-sync-notifications", why = why.to_string()));
                return;
            }
            None => {
                eprintln!("{}", t!("cli-sync-notifications-silent"));
                return;
            }
        }
    }
}

/// Prints a line above the progress bars (or plainly, when stderr is not a terminal).
fn say(bars: &MultiProgress, line: String) {
    if bars.is_hidden() {
        eprintln!("{line}");
    } else {
        // A terminal that went away cannot show the line anyway.
        let _ = bars.println(line);
    }
}

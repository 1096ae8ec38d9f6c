//! The rules job: runs the message rules ([`crate::rules`]) over a folder or
//! a chosen set of messages, after they were stored — the manual
//! counterpart of the sync's decision point (`sync::place`). The window runs
//! it on the job worker (`JobCommand::RunRules`, progress and Cancel) and
//! `popmail rule run FOLDER [--dry-run]` calls [`run_rules`] directly, so
//! both do exactly the same.
//!
//! Each batch of [`RUN_BATCH`] messages is read, decided, then applied in
//! short write transactions (flags, then moves): a cancel stops after the
//! batch in flight and what was applied stays. Server actions (delete from
//! or leave on the server, download in full) apply only when mail arrives;
//! a manual run says so and leaves the server alone. A "dry run" decides and
//! reports without writing anything.
//!
//! [`test_message`] is "Test on the selected message" of Settings → Rules:
//! the same facts and evaluation for one message and a list of rules that
//! may not be saved yet.

use std::time::Instant;

use super::{Control, PROGRESS_INTERVAL, Progress, Result};
use crate::rules::{Decision, Destination, Facts, Rule, RuleSet};
use crate::store::{
    Account, Flags, FolderId, FolderRole, MessageId, MessageRow, Scope, Sort, Store,
};

/// Messages read and decided per write transaction of a run.
pub const RUN_BATCH: usize = 200;

/// Which messages a run covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesScope {
    /// Every message of a folder.
    Folder(FolderId),
    /// These messages (a selection).
    Messages(Vec<MessageId>),
}

/// A run of the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRequest {
    /// Over what.
    pub scope: RulesScope,
    /// Only decide and report; change nothing.
    pub dry_run: bool,
}

/// One matching message of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunLine {
    /// The message.
    pub id: MessageId,
    /// Its subject.
    pub subject: String,
    /// The rules that matched, in order.
    pub rules: Vec<String>,
    /// What they do, in words ([`describe`]).
    pub outcome: String,
}

/// How a run ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// Messages looked at.
    pub examined: u64,
    /// Messages in the scope.
    pub total: u64,
    /// Messages some rule matched.
    pub matched: u64,
    /// Messages moved to another folder (or the Trash).
    pub moved: u64,
    /// Messages whose flags changed.
    pub flagged: u64,
    /// Nothing was written (a dry run).
    pub dry_run: bool,
    /// Cancelled part way; the batches before stay applied.
    pub cancelled: bool,
    /// The matching messages (only for a dry run, at most [`MAX_LINES`]).
    pub lines: Vec<RunLine>,
}

/// At most this many matching messages are listed by a dry run (the counts
/// stay complete).
pub const MAX_LINES: usize = 10_000;

impl RunSummary {
    /// The outcome in one sentence, for the window and the CLI.
    pub fn sentence(&self) -> String {
        let examined = crate::fmt::messages(self.examined);
        let s = if self.dry_run {
            crate::t!(
                "jobs-rules-dry-run",
                matched = self.matched,
                examined = examined
            )
        } else {
            crate::t!(
                "jobs-rules-done",
                matched = self.matched,
                examined = examined,
                moved = self.moved,
                flagged = self.flagged
            )
        };
        if self.cancelled {
            crate::t!(
                "jobs-rules-cancelled",
                done = self.examined,
                total = self.total,
                what = s
            )
        } else {
            s
        }
    }
}

/// What the rules do to one message ("Test on the selected message").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestResult {
    /// The message's subject.
    pub subject: String,
    /// The rules that matched, in order.
    pub rules: Vec<String>,
    /// What would happen, in words.
    pub outcome: String,
}

/// The decision of `set` for a stored message.
fn decide(
    store: &Store,
    set: &RuleSet,
    row: &MessageRow,
    accounts: &[Account],
    now: i64,
) -> Result<Decision> {
    let raw = store.raw(row.id)?;
    let parsed = crate::mail::parse(&raw);
    let headers = crate::mail::headers(&raw);
    let account = row
        .account
        .and_then(|a| accounts.iter().find(|x| x.id == a))
        .map_or("", |a| a.settings.name.as_str());
    let facts = Facts::new(
        &parsed.envelope,
        &headers,
        &parsed.index_text,
        row.size,
        account,
    )
    .at(row.date, now);
    Ok(set.evaluate(&facts))
}

/// Runs `rules` (which may be unsaved) over one stored message and says
/// which match and what would happen. Invalid rules are refused with the
/// reason ([`crate::rules::Error`] words).
pub fn test_message(store: &Store, id: MessageId, rules: &[Rule]) -> Result<TestResult> {
    let set = RuleSet::compile(rules).map_err(|e| super::Error::Invalid(e.to_string()))?;
    let row = store.row(id)?;
    let d = decide(store, &set, &row, &store.accounts()?, crate::store::now())?;
    Ok(TestResult {
        subject: row.subject,
        outcome: if d.matched.is_empty() {
            crate::t!("jobs-rules-no-match")
        } else {
            describe(&d)
        },
        rules: d.matched,
    })
}

/// The saved rules, checked and compiled, refusing an empty list.
pub fn saved_rules(store: &Store) -> Result<RuleSet> {
    let set =
        RuleSet::compile(&store.rules()?).map_err(|e| super::Error::Invalid(e.to_string()))?;
    if set.is_empty() {
        return Err(super::Error::Invalid(crate::t!("jobs-rules-none-enabled")));
    }
    Ok(set)
}

/// Runs the saved rules over `req.scope`, reporting progress; see the
/// module header for batching and cancel.
pub fn run_rules(store: &mut Store, req: &RunRequest, ctl: &mut dyn Control) -> Result<RunSummary> {
    let set = saved_rules(store)?;
    let ids = match &req.scope {
        RulesScope::Folder(f) => store.sorted_ids(Scope::Folder(*f), Sort::default())?,
        RulesScope::Messages(ids) => ids.clone(),
    };
    let mut sum = RunSummary {
        total: ids.len() as u64,
        dry_run: req.dry_run,
        ..RunSummary::default()
    };
    let mut last = Instant::now();
    for chunk in ids.chunks(RUN_BATCH) {
        if ctl.cancelled() {
            sum.cancelled = true;
            break;
        }
        run_batch(store, &set, chunk, &mut sum)?;
        if last.elapsed() >= PROGRESS_INTERVAL {
            last = Instant::now();
            ctl.progress(&progress(&sum));
        }
    }
    ctl.progress(&progress(&sum));
    Ok(sum)
}

/// Runs `set` over one batch of stored messages and adds to `sum` (the
/// import's "run rules on imported mail" calls this after each batch it
/// commits).
pub fn run_batch(
    store: &mut Store,
    set: &RuleSet,
    ids: &[MessageId],
    sum: &mut RunSummary,
) -> Result<()> {
    let accounts = store.accounts()?;
    let now = crate::store::now();
    let mut changes = Vec::new();
    for row in store.rows(ids)? {
        let d = decide(store, set, &row, &accounts, now)?;
        if d.matched.is_empty() {
            continue;
        }
        sum.matched += 1;
        if sum.dry_run {
            if sum.lines.len() < MAX_LINES {
                sum.lines.push(RunLine {
                    id: row.id,
                    subject: row.subject.clone(),
                    outcome: describe(&d),
                    rules: d.matched.clone(),
                });
            }
            continue;
        }
        changes.push((row, d));
    }
    if !changes.is_empty() {
        let (moved, flagged) = apply(store, &changes)?;
        sum.moved += moved;
        sum.flagged += flagged;
    }
    sum.examined += ids.len() as u64;
    Ok(())
}

fn progress(sum: &RunSummary) -> Progress {
    Progress {
        messages: sum.examined,
        total_messages: Some(sum.total),
        bytes: 0,
        total_bytes: None,
        indexing: None,
    }
}

/// Applies one batch of decisions: flags first, then moves grouped by
/// destination. Returns (moved, flags changed).
fn apply(store: &mut Store, changes: &[(MessageRow, Decision)]) -> Result<(u64, u64)> {
    let mut flagged = 0u64;
    for flag in [Flags::SEEN, Flags::FLAGGED, Flags::JUNK] {
        let ids: Vec<MessageId> = changes
            .iter()
            .filter(|(row, d)| {
                let want = match flag {
                    Flags::SEEN => d.read,
                    Flags::FLAGGED => d.starred,
                    _ => d.junk == Some(true),
                };
                want && !row.flags.contains(flag)
            })
            .map(|(row, _)| row.id)
            .collect();
        if !ids.is_empty() {
            store.set_flag(&ids, flag, true)?;
            flagged += ids.len() as u64;
        }
    }
    let mut moved = 0u64;
    let mut destinations: Vec<&Destination> = Vec::new();
    for (_, d) in changes {
        if d.folder_chosen() && !destinations.contains(&&d.destination) {
            destinations.push(&d.destination);
        }
    }
    for dest in destinations {
        let target = match dest {
            Destination::Inbox => continue,
            Destination::Trash => None,
            Destination::Junk => Some(store.junk_folder()?),
            Destination::Folder(name) => Some(store.ensure_folder(name, None, FolderRole::User)?),
        };
        let ids: Vec<MessageId> = changes
            .iter()
            .filter(|(row, d)| &d.destination == dest && Some(row.folder) != target)
            .map(|(row, _)| row.id)
            .collect();
        if ids.is_empty() {
            continue;
        }
        match target {
            Some(folder) => store.move_messages(&ids, folder)?,
            None => store.trash(&ids)?,
        }
        moved += ids.len() as u64;
    }
    Ok((moved, flagged))
}

/// A decision in words: "move to "Boss", star".
pub fn describe(d: &Decision) -> String {
    let mut parts = Vec::new();
    match &d.destination {
        Destination::Inbox => {}
        Destination::Folder(f) => parts.push(crate::t!("jobs-rules-move-to", folder = f.as_str())),
        Destination::Trash => parts.push(crate::t!("jobs-rules-move-trash")),
        Destination::Junk => parts.push(crate::t!("jobs-rules-move-junk")),
    }
    if d.read {
        parts.push(crate::t!("jobs-rules-mark-read"));
    }
    if d.starred {
        parts.push(crate::t!("jobs-rules-star"));
    }
    if d.junk == Some(false) {
        parts.push(crate::t!("jobs-rules-never-junk"));
    }
    if d.server.delete_now || d.server.leave || d.server.download_full {
        parts.push(crate::t!("jobs-rules-server-later"));
    }
    if parts.is_empty() {
        crate::t!("jobs-rules-nothing")
    } else {
        parts.join(", ")
    }
}

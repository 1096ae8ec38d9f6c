//! `popmail rule …`: add, edit, remove, list, import and export the message
//! rules, and run them over a folder (with `--dry-run` to only say what would
//! happen). Conditions and actions use the compact syntax of
//! [`crate::rules::syntax`] (documented in the README):
//!
//! ```text
//! popmail rule add "Boss" --if "from is boss@example.com" --then "move Boss" --then star
//! popmail rule add "Big" --any --if "size > 5M" --if "attachments is yes" --then leave-on-server
//! ```
//!
//! Every change is validated as a whole list before it is saved, so a bad
//! regex or folder name is refused with the reason and nothing changes.

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

use anyhow::{Context as _, bail};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::rules::syntax::{format_action, format_condition, parse_rule};
use crate::rules::{self, Combine, Destination, Facts, Rule, RuleSet};
use crate::store::{Flags, FolderId, FolderRole, MessageId, Scope, Sort, Store};

/// `popmail rule …`.
#[derive(Debug, Subcommand)]
pub enum RuleCommand {
    /// Add a rule (at the end, or at --position).
    Add(RuleArgs),
    /// Change a rule: the options given replace what the rule had.
    Edit(EditArgs),
    /// Remove a rule.
    Remove {
        /// The rule's name.
        name: String,
    },
    /// List the rules in the order they run.
    List {
        /// Print the rule file's JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Run the rules over the messages of a folder.
    Run {
        /// Folder name, ACCOUNT/NAME, or id.
        folder: String,
        /// Only say what would happen.
        #[arg(long)]
        dry_run: bool,
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
    },
    /// Add the rules of a JSON rule file (after the existing ones).
    Import {
        /// The file (`popmail rule export` writes one).
        file: PathBuf,
        /// Replace the existing rules instead of adding to them.
        #[arg(long)]
        replace: bool,
    },
    /// Write every rule to a JSON rule file.
    Export {
        /// The file to write.
        file: PathBuf,
    },
}

/// A new rule.
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// A name for the rule (unique).
    pub name: String,
    /// A condition, `FIELD MATCHER VALUE` (repeat for more).
    #[arg(long = "if", value_name = "CONDITION", required = true)]
    pub conditions: Vec<String>,
    /// An action (repeat for more, they run in order).
    #[arg(long = "then", value_name = "ACTION", required = true)]
    pub actions: Vec<String>,
    /// Match when any condition does (default: all must).
    #[arg(long)]
    pub any: bool,
    /// Save it disabled.
    #[arg(long)]
    pub disabled: bool,
    /// Where it runs: 1 is first (default: last).
    #[arg(long)]
    pub position: Option<usize>,
}

/// Changes to a rule.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The rule's name.
    pub name: String,
    /// A new name.
    #[arg(long)]
    pub rename: Option<String>,
    /// New conditions (replace all of them).
    #[arg(long = "if", value_name = "CONDITION")]
    pub conditions: Vec<String>,
    /// New actions (replace all of them).
    #[arg(long = "then", value_name = "ACTION")]
    pub actions: Vec<String>,
    /// Match when any condition does.
    #[arg(long, conflicts_with = "all")]
    pub any: bool,
    /// Match only when all conditions do.
    #[arg(long)]
    pub all: bool,
    /// Enable it.
    #[arg(long, conflicts_with = "disable")]
    pub enable: bool,
    /// Disable it (it is kept but never runs).
    #[arg(long)]
    pub disable: bool,
    /// Move it: 1 is first.
    #[arg(long)]
    pub position: Option<usize>,
}

/// Runs a `rule` subcommand.
pub(super) fn run(store: &mut Store, command: RuleCommand) -> anyhow::Result<()> {
    match command {
        RuleCommand::Add(args) => add(store, args),
        RuleCommand::Edit(args) => edit(store, args),
        RuleCommand::Remove { name } => {
            let mut list = store.rules()?;
            let i = find(&list, &name)?;
            list.remove(i);
            store.set_rules(&list)?;
            println!("Removed the rule \"{name}\".");
            Ok(())
        }
        RuleCommand::List { json } => list(store, json),
        RuleCommand::Run {
            folder,
            dry_run,
            quiet,
        } => run_on_folder(store, &folder, dry_run, quiet),
        RuleCommand::Import { file, replace } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let new = rules::import_json(&text)
                .with_context(|| format!("importing {}", file.display()))?;
            let count = new.len();
            let mut list = if replace { Vec::new() } else { store.rules()? };
            list.extend(new);
            save(store, &list)?;
            println!("Imported {count} rules from {}.", file.display());
            Ok(())
        }
        RuleCommand::Export { file } => {
            let list = store.rules()?;
            std::fs::write(&file, rules::export_json(&list)? + "\n")
                .with_context(|| format!("writing {}", file.display()))?;
            println!("Exported {} rules to {}.", list.len(), file.display());
            Ok(())
        }
    }
}

/// Validates the whole list, then saves it.
fn save(store: &mut Store, list: &[Rule]) -> anyhow::Result<()> {
    RuleSet::compile(list)?;
    store.set_rules(list)?;
    Ok(())
}

fn find(list: &[Rule], name: &str) -> anyhow::Result<usize> {
    list.iter()
        .position(|r| r.name.eq_ignore_ascii_case(name.trim()))
        .with_context(|| format!("there is no rule named \"{name}\" (see `popmail rule list`)"))
}

fn place_at(list: &mut Vec<Rule>, rule: Rule, position: Option<usize>) {
    let at = position.map_or(list.len(), |p| p.saturating_sub(1).min(list.len()));
    list.insert(at, rule);
}

fn add(store: &mut Store, args: RuleArgs) -> anyhow::Result<()> {
    let mut rule = parse_rule(&args.name, &args.conditions, &args.actions)?;
    rule.enabled = !args.disabled;
    if args.any {
        rule.combine = Combine::Any;
    }
    let mut list = store.rules()?;
    place_at(&mut list, rule, args.position);
    save(store, &list)?;
    println!("Added the rule \"{}\".", args.name.trim());
    Ok(())
}

fn edit(store: &mut Store, args: EditArgs) -> anyhow::Result<()> {
    let mut list = store.rules()?;
    let i = find(&list, &args.name)?;
    let mut rule = list.remove(i);
    let new = parse_rule(&rule.name, &args.conditions, &args.actions)?;
    if !new.conditions.is_empty() {
        rule.conditions = new.conditions;
    }
    if !new.actions.is_empty() {
        rule.actions = new.actions;
    }
    if let Some(name) = args.rename {
        rule.name = name.trim().to_string();
    }
    if args.any {
        rule.combine = Combine::Any;
    } else if args.all {
        rule.combine = Combine::All;
    }
    if args.enable {
        rule.enabled = true;
    } else if args.disable {
        rule.enabled = false;
    }
    let name = rule.name.clone();
    place_at(&mut list, rule, args.position.or(Some(i + 1)));
    save(store, &list)?;
    println!("Changed the rule \"{name}\".");
    Ok(())
}

fn list(store: &Store, json: bool) -> anyhow::Result<()> {
    let list = store.rules()?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", rules::export_json(&list)?)?;
        return Ok(());
    }
    if list.is_empty() {
        writeln!(
            out,
            "No rules yet. Add one with `popmail rule add NAME --if … --then …`."
        )?;
    }
    for (i, r) in list.iter().enumerate() {
        writeln!(
            out,
            "{}. {}{} — when {} of:",
            i + 1,
            r.name,
            if r.enabled { "" } else { " (disabled)" },
            match r.combine {
                Combine::All => "all",
                Combine::Any => "any",
            }
        )?;
        for c in &r.conditions {
            writeln!(out, "     if   {}", format_condition(c))?;
        }
        for a in &r.actions {
            writeln!(out, "     then {}", format_action(a))?;
        }
    }
    Ok(())
}

/// Messages read and decided per write transaction of a run.
const RUN_BATCH: usize = 200;

/// Runs the rules over a folder: moves and flags in batches, with progress;
/// Ctrl+C stops after the batch in flight (what was applied stays).
fn run_on_folder(
    store: &mut Store,
    folder: &str,
    dry_run: bool,
    quiet: bool,
) -> anyhow::Result<()> {
    let folder = store.resolve_folder(folder)?;
    let set = RuleSet::compile(&store.rules()?)?;
    if set.is_empty() {
        bail!("there are no enabled rules to run (see `popmail rule list`)");
    }
    let ids = store.sorted_ids(Scope::Folder(folder.id), Sort::default())?;
    let bar = progress_bar(quiet, ids.len() as u64);
    let interrupted = super::import_export::interrupt_flag();
    let accounts = store.accounts()?;
    let now = crate::store::now();
    let (mut matched, mut moved) = (0u64, 0u64);
    let mut out = std::io::stdout().lock();
    for chunk in ids.chunks(RUN_BATCH) {
        if interrupted.load(Ordering::SeqCst) {
            bar.abandon();
            bail!("cancelled after {matched} matching messages; what was applied stays");
        }
        let mut moves: Vec<(Destination, MessageId)> = Vec::new();
        let mut flags: Vec<(Flags, MessageId)> = Vec::new();
        for row in store.rows(chunk)? {
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
            let d = set.evaluate(&facts);
            if d.matched.is_empty() {
                continue;
            }
            matched += 1;
            if dry_run {
                writeln!(
                    out,
                    "{:>6}  {:<40.40}  {} → {}",
                    row.id.0,
                    row.subject,
                    d.matched.join(", "),
                    describe(&d)
                )?;
                continue;
            }
            if d.folder_chosen() {
                moves.push((d.destination.clone(), row.id));
            }
            for (on, flag) in [(d.read, Flags::SEEN), (d.starred, Flags::FLAGGED)] {
                if on && !row.flags.contains(flag) {
                    flags.push((flag, row.id));
                }
            }
        }
        moved += apply(store, folder.id, &moves, &flags)?;
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    if dry_run {
        writeln!(
            out,
            "{matched} of {} messages match; nothing was changed (--dry-run).",
            ids.len()
        )?;
    } else {
        writeln!(
            out,
            "{matched} of {} messages matched; {moved} moved.",
            ids.len()
        )?;
    }
    Ok(())
}

fn apply(
    store: &mut Store,
    from: FolderId,
    moves: &[(Destination, MessageId)],
    flags: &[(Flags, MessageId)],
) -> anyhow::Result<u64> {
    for flag in [Flags::SEEN, Flags::FLAGGED] {
        let ids: Vec<MessageId> = flags
            .iter()
            .filter(|(f, _)| *f == flag)
            .map(|(_, id)| *id)
            .collect();
        if !ids.is_empty() {
            store.set_flag(&ids, flag, true)?;
        }
    }
    let mut moved = 0;
    let mut destinations: Vec<&Destination> = Vec::new();
    for (d, _) in moves {
        if !destinations.contains(&d) {
            destinations.push(d);
        }
    }
    for d in destinations {
        let ids: Vec<MessageId> = moves
            .iter()
            .filter(|(x, _)| x == d)
            .map(|(_, id)| *id)
            .collect();
        let target = match d {
            Destination::Inbox => continue,
            Destination::Trash => {
                store.trash(&ids)?;
                moved += ids.len() as u64;
                continue;
            }
            Destination::Junk => store.junk_folder()?,
            Destination::Folder(name) => store.ensure_folder(name, None, FolderRole::User)?,
        };
        if target != from {
            store.move_messages(&ids, target)?;
            moved += ids.len() as u64;
        }
    }
    Ok(moved)
}

/// A decision in words.
fn describe(d: &rules::Decision) -> String {
    let mut parts = Vec::new();
    match &d.destination {
        Destination::Inbox => {}
        Destination::Folder(f) => parts.push(format!("move to \"{f}\"")),
        Destination::Trash => parts.push("move to the Trash".into()),
        Destination::Junk => parts.push("move to Junk".into()),
    }
    if d.read {
        parts.push("mark read".into());
    }
    if d.starred {
        parts.push("star".into());
    }
    if d.server.delete_now || d.server.leave || d.server.download_full {
        parts.push("(server actions apply only when mail arrives)".into());
    }
    if parts.is_empty() {
        "nothing to change".into()
    } else {
        parts.join(", ")
    }
}

/// A progress bar on stderr (hidden with `quiet`).
pub(super) fn progress_bar(quiet: bool, len: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(
        Some(len),
        if quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        },
    );
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} messages {msg}",
    ) {
        bar.set_style(style);
    }
    bar
}

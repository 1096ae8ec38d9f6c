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

use crate::jobs::rules::{RulesScope, RunRequest, run_rules};
use crate::jobs::{Control, Progress};
use crate::rules::syntax::{format_action, format_condition, parse_rule};
use crate::rules::{self, Combine, Rule, RuleSet};
use crate::store::Store;
use crate::t;

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
    /// Write every rule to a JSON rule file (or a Sieve script).
    Export {
        /// The file to write.
        file: PathBuf,
        /// Write a Sieve script (RFC 5228) for a server that filters; what
        /// Sieve cannot say is left out as a comment.
        #[arg(long)]
        sieve: bool,
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
            println!("{}", t!("cli-rule-removed", name = name.as_str()));
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
                .with_context(|| t!("cli-reading", path = file.display().to_string()))?;
            let new = rules::import_json(&text)
                .with_context(|| t!("cli-importing", path = file.display().to_string()))?;
            let count = new.len();
            let mut list = if replace { Vec::new() } else { store.rules()? };
            list.extend(new);
            save(store, &list)?;
            println!(
                "{}",
                t!(
                    "cli-rule-imported",
                    count = count,
                    path = file.display().to_string()
                )
            );
            Ok(())
        }
        RuleCommand::Export { file, sieve } => {
            let list = store.rules()?;
            let text = if sieve {
                rules::sieve::export_sieve(&list)
            } else {
                rules::export_json(&list)? + "\n"
            };
            std::fs::write(&file, text)
                .with_context(|| t!("cli-writing", path = file.display().to_string()))?;
            println!(
                "{}",
                t!(
                    "cli-rule-exported",
                    count = list.len(),
                    path = file.display().to_string()
                )
            );
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
        .with_context(|| t!("cli-rule-not-found", name = name))
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
    println!("{}", t!("cli-rule-added", name = args.name.trim()));
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
    println!("{}", t!("cli-rule-changed", name = name.as_str()));
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
        writeln!(out, "{}", t!("cli-rule-none"))?;
    }
    for (i, r) in list.iter().enumerate() {
        let name = if r.enabled {
            r.name.clone()
        } else {
            t!("cli-rule-disabled", name = r.name.as_str())
        };
        let heading = match r.combine {
            Combine::All => t!("cli-rule-when-all", n = i + 1, name = name),
            Combine::Any => t!("cli-rule-when-any", n = i + 1, name = name),
        };
        writeln!(out, "{heading}")?;
        // The conditions and actions are in the rule syntax, which is English
        // (`from is …`, `move …`), so the words before them are too.
        for c in &r.conditions {
            writeln!(out, "     if   {}", format_condition(c))?; // not translated: rule syntax
        }
        for a in &r.actions {
            writeln!(out, "     then {}", format_action(a))?; // not translated: rule syntax
        }
    }
    Ok(())
}

/// The CLI's end of a job: an `indicatif` bar and Ctrl+C.
pub(super) struct BarControl {
    bar: ProgressBar,
    interrupted: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl BarControl {
    /// A bar of `len` messages (hidden with `quiet`) stopped by Ctrl+C.
    pub(super) fn new(quiet: bool, len: u64) -> Self {
        BarControl {
            bar: progress_bar(quiet, len),
            interrupted: super::import_export::interrupt_flag(),
        }
    }

    /// Removes the bar.
    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Control for BarControl {
    fn progress(&mut self, p: &Progress) {
        if let Some(total) = p.total_messages {
            self.bar.set_length(total);
        }
        self.bar.set_position(p.messages);
    }

    fn cancelled(&mut self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }
}

/// Runs the rules over a folder with the job the window uses
/// ([`crate::jobs::rules`]): batches, progress, Ctrl+C stops after the batch
/// in flight (what was applied stays).
fn run_on_folder(
    store: &mut Store,
    folder: &str,
    dry_run: bool,
    quiet: bool,
) -> anyhow::Result<()> {
    let folder = super::folder_named(store, folder)?;
    let req = RunRequest {
        scope: RulesScope::Folder(folder.id),
        dry_run,
    };
    let mut ctl = BarControl::new(quiet, folder.total);
    let sum = run_rules(store, &req, &mut ctl);
    ctl.finish();
    let sum = sum?;
    let mut out = std::io::stdout().lock();
    for l in &sum.lines {
        writeln!(
            out,
            "{:>6}  {:<40.40}  {} → {}",
            l.id.0,
            l.subject,
            l.rules.join(", "),
            l.outcome
        )?;
    }
    if sum.cancelled {
        bail!("{}", sum.sentence());
    }
    writeln!(out, "{}", sum.sentence())?;
    Ok(())
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
    let template = format!(
        "{{spinner}} [{{elapsed_precise}}] {{bar:30}} {{pos}}/{{len}} {} {{msg}}",
        t!("cli-progress-messages")
    );
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

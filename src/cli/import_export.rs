//! `popmail import` and `popmail export`: thin handlers over [`crate::jobs`] with an
//! `indicatif` progress bar and Ctrl+C for a clean cancel (committed batches stay,
//! nothing is half-written; an export removes what it created).
//!
//! ```text
//! popmail import PATH [--folder NAME] [--format auto|mbox|mboxrd|mboxo|maildir|eml]
//! popmail export FOLDER PATH [--format mboxrd|mboxo|maildir|eml] [--subfolders] [--force]
//! ```

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context as _, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::jobs::{
    self, Control, ExportRequest, ExportSource, ImportRequest, ImportSummary, Progress, Target,
};
use crate::mailbox::Format;
use crate::store::Store;
use crate::{fmt, i18n, t};

/// Arguments of `popmail import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// An mbox file, a Maildir, an .eml file, or a directory of them (Thunderbird's
    /// "Local Folders" included).
    pub path: PathBuf,
    /// Put the mail in this folder (name, ACCOUNT/NAME or id) instead of a new
    /// folder named after PATH.
    #[arg(long)]
    pub folder: Option<String>,
    /// The format of PATH.
    #[arg(long, default_value = "auto", value_parser = parse_format)]
    pub format: Format,
    /// Print no progress bar.
    #[arg(long)]
    pub quiet: bool,
    /// Run the message rules over the imported mail (as if it had arrived).
    #[arg(long)]
    pub rules: bool,
}

/// Arguments of `popmail export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// The folder to export (name, ACCOUNT/NAME or id).
    pub folder: String,
    /// The file (mbox) or directory (maildir, eml) to create.
    pub path: PathBuf,
    /// The format to write.
    #[arg(long, default_value = "mboxrd", value_parser = parse_format)]
    pub format: Format,
    /// Also export the folders below FOLDER.
    #[arg(long)]
    pub subfolders: bool,
    /// Replace an existing mbox file, or write into an existing directory.
    #[arg(long)]
    pub force: bool,
    /// Print no progress bar.
    #[arg(long)]
    pub quiet: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse::<Format>().map_err(|e| e.to_string())
}

/// The Ctrl+C flag, installed once per process.
pub(super) fn interrupt_flag() -> Arc<AtomicBool> {
    static FLAG: std::sync::OnceLock<Arc<AtomicBool>> = std::sync::OnceLock::new();
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let f = flag.clone();
        // If a handler is already installed (tests), Ctrl+C just is not caught here.
        let _ = ctrlc::set_handler(move || f.store(true, Ordering::SeqCst)); // already set: Ctrl+C ends the process
        flag
    })
    .clone()
}

pub(super) struct Cli {
    bar: ProgressBar,
    interrupted: Arc<AtomicBool>,
}

impl Cli {
    pub(super) fn new(quiet: bool, bytes: bool) -> Cli {
        let bar = ProgressBar::with_draw_target(
            None,
            if quiet {
                ProgressDrawTarget::hidden()
            } else {
                ProgressDrawTarget::stderr()
            },
        );
        let template = if bytes {
            "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}) {msg}"
                .to_string()
        } else {
            format!(
                "{{spinner}} [{{elapsed_precise}}] {{bar:30}} {{pos}}/{{len}} {} ({{per_sec}}) {{msg}}",
                t!("cli-progress-messages")
            )
        };
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        Cli {
            bar,
            interrupted: interrupt_flag(),
        }
    }
}

impl Control for Cli {
    fn progress(&mut self, p: &Progress) {
        if let Some(left) = p.indexing {
            self.bar.set_message(crate::t!("cli-indexing", left = left));
            return;
        }
        if let Some(t) = p.total_bytes {
            self.bar.set_length(t);
            self.bar.set_position(p.bytes);
            self.bar.set_message(fmt::messages(p.messages));
        } else {
            if let Some(t) = p.total_messages {
                self.bar.set_length(t);
            }
            self.bar.set_position(p.messages);
        }
    }

    fn cancelled(&mut self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }
}

fn open_store(data_dir: &Path) -> anyhow::Result<Store> {
    super::open_store(data_dir)
}

/// Runs `popmail import` on the store in `data_dir`; prints the summary.
pub fn run_import(data_dir: &Path, args: &ImportArgs) -> anyhow::Result<ImportSummary> {
    import_cmd(&mut open_store(data_dir)?, args)
}

/// `popmail import` on an open store. A cancel is an error (exit code ≠ 0).
pub fn import_cmd(store: &mut Store, args: &ImportArgs) -> anyhow::Result<ImportSummary> {
    let target = match &args.folder {
        Some(f) => Target::Folder(f.clone()),
        None => Target::New,
    };
    let mut req = ImportRequest::new(args.path.clone(), args.format, target);
    req.rules = args.rules;
    let mut cli = Cli::new(args.quiet, true);
    let summary = jobs::import(store, &req, &mut cli)
        .with_context(|| t!("cli-importing", path = args.path.display().to_string()))?;
    cli.bar.finish_and_clear();
    let root = match summary.root {
        Some(id) => store.folder(id)?.qualified_name(),
        None => String::new(),
    };
    println!("{}", import_report(&summary, &root));
    if summary.cancelled {
        bail!("{}", t!("cli-import-cancelled", count = summary.imported));
    }
    Ok(summary)
}

/// The summary text of an import.
pub fn import_report(s: &ImportSummary, root: &str) -> String {
    let secs = s.elapsed.as_secs_f64().max(1e-9);
    let mut out = t!(
        "cli-import-report",
        count = s.imported,
        folder = root,
        folders = s.folders,
        secs = i18n::number(s.elapsed.as_secs_f64(), 1),
        rate = i18n::number((s.imported + s.duplicates) as f64 / secs, 0),
        duplicates = s.duplicates,
        kept = s.kept_damaged_count,
        subject = crate::mail::UNPARSEABLE_SUBJECT,
        skipped = s.damaged_count,
    );
    for d in &s.kept_damaged {
        out.push_str("\n  ");
        out.push_str(&t!("cli-import-kept", what = kept_line(d)));
    }
    if s.kept_damaged_count > s.kept_damaged.len() as u64 {
        out.push_str("\n  ");
        out.push_str(&t!(
            "cli-import-more-kept",
            count = s.kept_damaged_count - s.kept_damaged.len() as u64
        ));
    }
    for d in &s.damaged {
        out.push_str("\n  ");
        out.push_str(&t!("cli-import-damaged", what = d.to_string()));
    }
    if s.damaged_count > s.damaged.len() as u64 {
        out.push_str("\n  ");
        out.push_str(&t!(
            "cli-import-more-damaged",
            count = s.damaged_count - s.damaged.len() as u64
        ));
    }
    if let Some(r) = &s.rules {
        out.push('\n');
        out.push_str(&t!("cli-import-rules", what = r.sentence()));
    }
    for n in &s.notes {
        out.push_str("\n  ");
        out.push_str(&t!("cli-import-note", note = n.to_string()));
    }
    out
}

/// One kept damaged region for people: where it is and why it is damaged.
pub fn kept_line(d: &crate::mailbox::Damage) -> String {
    // Byte counts and offsets ungrouped: they are positions in a file.
    t!(
        "cli-import-kept-line",
        path = d.path.display().to_string(),
        length = d.length.to_string(),
        offset = d.offset.to_string(),
        reason = d.reason.to_string()
    )
}

/// Runs `popmail export` on the store in `data_dir`; prints the summary.
pub fn run_export(data_dir: &Path, args: &ExportArgs) -> anyhow::Result<jobs::ExportSummary> {
    export_cmd(&open_store(data_dir)?, args)
}

/// `popmail export` on an open store.
pub fn export_cmd(store: &Store, args: &ExportArgs) -> anyhow::Result<jobs::ExportSummary> {
    let folder = super::folder_named(store, &args.folder)?;
    let req = ExportRequest {
        source: ExportSource::Folder {
            folder: folder.id,
            subfolders: args.subfolders,
        },
        dest: args.path.clone(),
        format: args.format,
        force: args.force,
    };
    let mut cli = Cli::new(args.quiet, false);
    let result = jobs::export(store, &req, &mut cli);
    cli.bar.finish_and_clear();
    let summary = match result {
        Err(jobs::Error::Cancelled) => bail!("{}", t!("cli-export-cancelled")),
        other => {
            other.with_context(|| t!("cli-exporting", path = args.path.display().to_string()))?
        }
    };
    let secs = summary.elapsed.as_secs_f64().max(1e-9);
    println!(
        "{}",
        t!(
            "cli-export-report",
            count = summary.messages,
            folders = summary.folders,
            folder = folder.qualified_name(),
            path = args.path.display().to_string(),
            secs = i18n::number(summary.elapsed.as_secs_f64(), 1),
            rate = i18n::number(summary.messages as f64 / secs, 0)
        )
    );
    Ok(summary)
}

//! Import: mailbox files → store, streaming, on two cores.
//!
//! A reader thread (`popmail-import-read`) walks the sources found by
//! [`crate::mailbox::discover`], reads one message at a time and prepares it
//! ([`NewMessage::prepare`]: SHA-256, parsing, index text); the calling thread
//! inserts the prepared batches, one transaction each. The channel between them
//! is bounded, so memory stays at a few batches whatever the file size.
//!
//! Targets: by default a new local folder named after the import path (subfolders
//! mirrored below it; an existing folder of that name is reused, and duplicates
//! are skipped, so importing twice adds nothing), or a chosen folder. A message
//! whose SHA-256 is already in its target folder is skipped and counted.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossbeam_channel::{Sender, bounded};

use super::{Control, Error, PROGRESS_INTERVAL, Progress, Result, to_store_flags};
use crate::account::limits;
use crate::mailbox::{
    self, Damage, DamageReason, Format, MboxReader, MboxVariant, ReadItem, ReadOptions,
    SourceFolder, SourceKind, discover_all, eml::EmlReader, maildir::MaildirReader,
};
use crate::store::{Dedupe, FolderId, FolderRole, Inserted, NewMessage, Store};

/// The reader waits while more raw bytes than this are queued or being inserted.
const MAX_IN_FLIGHT: usize = 24 << 20;
/// At most this many damaged regions are listed in a summary (all are counted).
const MAX_DAMAGE_LISTED: usize = 1000;

/// Where imported mail goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A local folder named after the import path (reused if it exists).
    New,
    /// A folder given by name, `ACCOUNT/NAME` or id; a name that does not exist
    /// is created as a local folder.
    Folder(String),
    /// A folder by id.
    Id(FolderId),
}

/// What to import.
#[derive(Clone, Debug)]
pub struct ImportRequest {
    /// A file or directory.
    pub path: PathBuf,
    /// Its format ([`Format::Auto`] detects it).
    pub format: Format,
    /// Where the mail goes.
    pub target: Target,
    /// Limits for the readers.
    pub read: ReadOptions,
    /// Run the message rules over the imported mail, batch by batch after
    /// each commit ([`super::rules::run_batch`]).
    pub rules: bool,
}

impl ImportRequest {
    /// An import of `path` in `format` into `target` with default limits.
    pub fn new(path: impl Into<PathBuf>, format: Format, target: Target) -> Self {
        ImportRequest {
            path: path.into(),
            format,
            target,
            read: ReadOptions::default(),
            rules: false,
        }
    }
}

/// How an import went.
#[derive(Clone, Debug, Default)]
pub struct ImportSummary {
    /// The folder the import path went into.
    pub root: Option<FolderId>,
    /// Folders read.
    pub folders: u64,
    /// Messages stored.
    pub imported: u64,
    /// With rules on: what the rules did to the imported mail.
    pub rules: Option<super::RunSummary>,
    /// Messages skipped because the same bytes were already in the folder.
    pub duplicates: u64,
    /// Damaged regions skipped (all of them): too large or unreadable.
    pub damaged_count: u64,
    /// The first skipped regions, with file and byte offset.
    pub damaged: Vec<Damage>,
    /// Damaged regions kept: stored byte for byte as messages flagged as
    /// damaged and listed as "(unparseable message)" (all of them, counted
    /// when stored, duplicates included).
    pub kept_damaged_count: u64,
    /// The first kept damaged regions, with file and byte offset.
    pub kept_damaged: Vec<Damage>,
    /// Remarks on the input (unquoted `From ` lines, the mbox variant used).
    pub notes: Vec<String>,
    /// Input bytes read.
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// The import was cancelled before the end.
    pub cancelled: bool,
}

/// What the reader thread sends.
struct Batch {
    msgs: Vec<NewMessage>,
    damaged: Vec<Damage>,
    /// Where the damaged messages among `msgs` came from.
    kept: Vec<Damage>,
    notes: Vec<String>,
    bytes_done: u64,
    /// Raw bytes of `msgs`, for the in-flight limit.
    raw_bytes: usize,
}

/// Imports `req` into `store`. Returns the summary also when cancelled.
pub fn import(
    store: &mut Store,
    req: &ImportRequest,
    ctl: &mut dyn Control,
) -> Result<ImportSummary> {
    let started = Instant::now();
    let found = discover_all(&req.path, req.format)?;
    let sources = found.folders;
    let root = target_root(store, req)?;
    let mut targets = Vec::with_capacity(sources.len());
    for s in &sources {
        let mut folder = root;
        for part in &s.path {
            folder = store.ensure_folder(&folder_name(part), Some(folder), FolderRole::Imported)?;
        }
        targets.push(folder);
    }
    let total_bytes: u64 = sources.iter().map(|s| s.bytes).sum();
    let mut summary = ImportSummary {
        root: Some(root),
        folders: sources.len() as u64,
        damaged_count: found.unreadable.len() as u64,
        damaged: found
            .unreadable
            .into_iter()
            .take(MAX_DAMAGE_LISTED)
            .collect(),
        ..ImportSummary::default()
    };
    let rules = if req.rules {
        match super::rules::saved_rules(store) {
            Ok(set) => Some(set),
            Err(e) => {
                summary.notes.push(crate::t!(
                    "jobs-import-rules-not-run",
                    error = e.to_string()
                ));
                None
            }
        }
    } else {
        None
    };
    if rules.is_some() {
        summary.rules = Some(super::RunSummary::default());
    }
    let stop = Arc::new(AtomicBool::new(false));
    let in_flight = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = bounded::<Batch>(2);
    let reader = {
        let stop = stop.clone();
        let in_flight = in_flight.clone();
        let format = req.format;
        let opts = req.read.clone();
        std::thread::Builder::new()
            .name("popmail-import-read".into())
            .spawn(move || read_all(&sources, &targets, format, &opts, &tx, &stop, &in_flight))
            .map_err(|_| Error::Thread("import reader"))? // not translated: a thread's name
    };
    let mut last = Instant::now();
    let mut result: Result<()> = Ok(());
    for batch in rx.iter() {
        if ctl.cancelled() {
            in_flight.fetch_sub(batch.raw_bytes, Ordering::AcqRel);
            summary.cancelled = true;
            break;
        }
        let inserted = store.insert_batch(&batch.msgs);
        in_flight.fetch_sub(batch.raw_bytes, Ordering::AcqRel);
        match inserted {
            Ok(done) => {
                let mut new = Vec::new();
                for d in done {
                    match d {
                        Inserted::New(id) => {
                            summary.imported += 1;
                            new.push(id);
                        }
                        Inserted::Duplicate(_) => summary.duplicates += 1,
                    }
                }
                if let (Some(set), Some(ran)) = (&rules, &mut summary.rules)
                    && let Err(e) = super::rules::run_batch(store, set, &new, ran)
                {
                    // The mail is stored; only sorting it stopped.
                    summary.notes.push(crate::t!(
                        "jobs-import-rules-stopped",
                        error = e.to_string()
                    ));
                    summary.rules = None;
                }
            }
            Err(e) => {
                // Stop at once (no retry: a full disk stays full) and say how far
                // the import got; earlier batches are committed whole.
                result = Err(Error::ImportStopped {
                    imported: summary.imported,
                    bytes_read: summary.bytes,
                    total_bytes,
                    source: e,
                });
                break;
            }
        }
        summary.damaged_count += batch.damaged.len() as u64;
        let room = MAX_DAMAGE_LISTED.saturating_sub(summary.damaged.len());
        summary.damaged.extend(batch.damaged.into_iter().take(room));
        summary.kept_damaged_count += batch.kept.len() as u64;
        let room = MAX_DAMAGE_LISTED.saturating_sub(summary.kept_damaged.len());
        summary
            .kept_damaged
            .extend(batch.kept.into_iter().take(room));
        summary.notes.extend(batch.notes);
        summary.bytes = batch.bytes_done;
        if last.elapsed() >= PROGRESS_INTERVAL {
            last = Instant::now();
            ctl.progress(&progress(&summary, total_bytes));
        }
    }
    stop.store(true, Ordering::Relaxed);
    drop(rx);
    let read_result = reader.join().map_err(|_| Error::Thread("import reader"))?; // not translated: a thread's name
    result?;
    if !summary.cancelled {
        read_result?;
        wait_for_index(store, &mut summary, total_bytes, ctl)?;
    }
    ctl.progress(&progress(&summary, total_bytes));
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Waits until everything stored is searchable (the index is written by its
/// own thread and may lag: issue 17), reporting what is left as
/// [`Progress::indexing`]. A cancel stops only the waiting: the mail is
/// stored, and the index catches up in the background (at the next start
/// at the latest).
fn wait_for_index(
    store: &Store,
    summary: &mut ImportSummary,
    total_bytes: u64,
    ctl: &mut dyn Control,
) -> Result<()> {
    let mut report = progress(summary, total_bytes);
    let mut last = Instant::now();
    let caught_up = store.wait_for_index(|left| {
        if last.elapsed() >= PROGRESS_INTERVAL {
            last = Instant::now();
            report.indexing = Some(left);
            ctl.progress(&report);
        }
        !ctl.cancelled()
    })?;
    if !caught_up {
        summary
            .notes
            .push(crate::t!("jobs-import-index-not-waited"));
    }
    Ok(())
}

fn progress(s: &ImportSummary, total_bytes: u64) -> Progress {
    Progress {
        messages: s.imported + s.duplicates,
        total_messages: None,
        bytes: s.bytes,
        total_bytes: Some(total_bytes),
        indexing: None,
    }
}

/// A name the store accepts: no `/`, no control characters, 1–255 characters.
fn folder_name(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| if c == '/' || c.is_control() { '_' } else { c })
        .take(255)
        .collect();
    let s = s.trim();
    if s.is_empty() {
        "Imported".to_string() // not translated: a stored folder's name, the same in every language
    } else {
        s.to_string()
    }
}

/// The folder the import root goes into.
fn target_root(store: &Store, req: &ImportRequest) -> Result<FolderId> {
    match &req.target {
        Target::Id(id) => Ok(store.folder(*id)?.id),
        Target::Folder(spec) => match store.resolve_folder(spec) {
            Ok(f) => Ok(f.id),
            Err(crate::store::Error::NotFound(_)) => {
                Ok(store.ensure_folder(&folder_name(spec), None, FolderRole::Imported)?)
            }
            Err(e) => Err(e.into()),
        },
        Target::New => {
            let name = source_name(&req.path);
            Ok(store.ensure_folder(&folder_name(&name), None, FolderRole::Imported)?)
        }
    }
}

/// The folder name for an import path: its file name without a mailbox extension.
pub fn source_name(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Imported".to_string()); // not translated: a stored folder's name
    for ext in [".mbox", ".mbx", ".eml", ".EML", ".sbd"] {
        if let Some(stem) = name.strip_suffix(ext).filter(|s| !s.is_empty()) {
            return stem.to_string();
        }
    }
    name
}

/// The reader thread: every source in turn, batches to the writer.
fn read_all(
    sources: &[SourceFolder],
    targets: &[FolderId],
    format: Format,
    opts: &ReadOptions,
    tx: &Sender<Batch>,
    stop: &AtomicBool,
    in_flight: &AtomicUsize,
) -> Result<()> {
    let mut out = Batcher {
        tx,
        in_flight,
        stop,
        batch: new_batch(0),
        batch_bytes: 0,
        since: Instant::now(),
        bytes_base: 0,
        location: PathBuf::new(),
    };
    for (source, &folder) in sources.iter().zip(targets) {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let read = read_source(source, folder, format, opts, &mut out, stop);
        match read {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(e) => {
                let item = unreadable(&source.location, 0, e);
                if !out.push(item, folder, None, stop) {
                    return Ok(());
                }
            }
        }
        out.bytes_base += source.bytes;
        out.batch.bytes_done = out.bytes_base;
    }
    out.flush();
    Ok(())
}

/// Reads one source into the batcher; false when the writer is gone.
fn read_source(
    source: &SourceFolder,
    folder: FolderId,
    format: Format,
    opts: &ReadOptions,
    out: &mut Batcher<'_>,
    stop: &AtomicBool,
) -> std::result::Result<bool, mailbox::Error> {
    out.location = source.location.clone();
    let go = |out: &mut Batcher<'_>, item, pos| out.push(item, folder, pos, stop);
    match source.kind {
        SourceKind::Mbox => {
            let variant = match format {
                Format::Mboxo => MboxVariant::Mboxo,
                Format::Mboxrd => MboxVariant::Mboxrd,
                _ => mailbox::prescan(&source.location)?.variant,
            };
            let mut reader = MboxReader::open(&source.location, variant, opts.clone())?;
            while let Some(item) = reader.next() {
                let pos = reader.position();
                let item = item.unwrap_or_else(|e| unreadable(&source.location, pos, e));
                if !go(out, item, Some(pos)) {
                    return Ok(false);
                }
            }
            out.notes(mbox_notes(&source.location, variant, reader.stats()));
        }
        SourceKind::Maildir => {
            let reader = MaildirReader::open(&source.location, opts.clone())?;
            for item in reader {
                let item = item.unwrap_or_else(|e| unreadable(&source.location, 0, e));
                if !go(out, item, None) {
                    return Ok(false);
                }
            }
        }
        SourceKind::Eml => {
            let reader = EmlReader::open(&source.location, opts.clone())?;
            for item in reader {
                let item = item.unwrap_or_else(|e| unreadable(&source.location, 0, e));
                if !go(out, item, None) {
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

fn unreadable(path: &Path, offset: u64, e: mailbox::Error) -> ReadItem {
    ReadItem::Damaged(Damage {
        path: path.to_path_buf(),
        offset,
        length: 0,
        reason: DamageReason::Unreadable(e.to_string()),
    })
}

fn mbox_notes(path: &Path, variant: MboxVariant, s: &mailbox::mbox_read::ScanStats) -> Vec<String> {
    let mut notes = Vec::new();
    let offsets = |v: &[u64]| {
        v.iter()
            .take(10)
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if variant != MboxVariant::Mboxrd {
        notes.push(crate::t!(
            "jobs-import-read-as",
            path = path.display().to_string(),
            variant = format!("{variant:?}")
        ));
    }
    if s.unquoted_from > 0 || s.separators_without_blank > 0 {
        notes.push(crate::t!(
            "jobs-import-mbox-suspicious",
            path = path.display().to_string(),
            lines = s.unquoted_from,
            separators = s.separators_without_blank,
            offsets = offsets(&s.suspicious)
        ));
    }
    notes
}

fn new_batch(bytes_done: u64) -> Batch {
    Batch {
        msgs: Vec::new(),
        damaged: Vec::new(),
        kept: Vec::new(),
        notes: Vec::new(),
        bytes_done,
        raw_bytes: 0,
    }
}

struct Batcher<'a> {
    tx: &'a Sender<Batch>,
    in_flight: &'a AtomicUsize,
    stop: &'a AtomicBool,
    batch: Batch,
    batch_bytes: usize,
    since: Instant,
    bytes_base: u64,
    /// The source being read (the file named for kept damaged mbox regions).
    location: PathBuf,
}

impl Batcher<'_> {
    /// Adds an item (preparing a message); returns false when the writer is gone.
    fn push(
        &mut self,
        item: ReadItem,
        folder: FolderId,
        pos: Option<u64>,
        stop: &AtomicBool,
    ) -> bool {
        match item {
            ReadItem::Message(m) => {
                let len = m.bytes.len();
                let mut nm = NewMessage::prepare(m.bytes, folder, to_store_flags(m.flags))
                    .dedupe(Dedupe::InFolder);
                if let Some(reason) = m.damage {
                    nm = nm.damaged(&reason.to_string());
                    self.batch.kept.push(Damage {
                        path: m.file.unwrap_or_else(|| self.location.clone()),
                        offset: m.offset,
                        length: len as u64,
                        reason,
                    });
                }
                if let Some(t) = m.received {
                    nm = nm.received_at(t);
                }
                self.batch.msgs.push(nm);
                self.batch_bytes += len;
                self.batch.bytes_done = match pos {
                    Some(p) => self.bytes_base + p,
                    None => self.batch.bytes_done + len as u64,
                };
            }
            ReadItem::Damaged(d) => {
                if pos.is_none() {
                    self.batch.bytes_done += d.length;
                }
                self.batch.damaged.push(d);
            }
        }
        let full = self.batch.msgs.len() >= limits::IMPORT_BATCH.messages
            || self.batch_bytes >= limits::IMPORT_BATCH.bytes
            || self.since.elapsed() >= limits::IMPORT_BATCH.time;
        if full && (stop.load(Ordering::Relaxed) || !self.flush()) {
            return false;
        }
        true
    }

    fn notes(&mut self, notes: Vec<String>) {
        self.batch.notes.extend(notes);
    }

    /// Sends the current batch; false when the writer is gone.
    fn flush(&mut self) -> bool {
        // Wait while the writer holds more than MAX_IN_FLIGHT bytes, so memory stays
        // bounded even when single messages are huge.
        while self.in_flight.load(Ordering::Acquire) > MAX_IN_FLIGHT {
            if self.stop.load(Ordering::Relaxed) {
                return false;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let next = new_batch(self.batch.bytes_done);
        let mut batch = std::mem::replace(&mut self.batch, next);
        batch.raw_bytes = self.batch_bytes;
        self.in_flight.fetch_add(batch.raw_bytes, Ordering::AcqRel);
        self.batch_bytes = 0;
        self.since = Instant::now();
        self.tx.send(batch).is_ok()
    }
}

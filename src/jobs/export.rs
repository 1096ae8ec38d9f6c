//! Export: store → mbox (mboxrd by default, or mboxo), Maildir or a directory of
//! `.eml` files, for a folder, a folder tree, or a selection of messages.
//!
//! The bytes written are exactly the stored bytes, plus only the `From_` line and
//! quoting that mbox requires (see [`crate::mailbox::mbox_write`]). Maildir keeps
//! the flags in the file name's info. Folder trees are laid out the way each
//! format's readers expect: Thunderbird's `NAME.sbd/` directories for mbox,
//! Maildir++ `.Sub.Folder` directories for Maildir, plain subdirectories for EML.
//!
//! Nothing existing is overwritten unless `force` is set. A cancelled or failed
//! export removes what it created: the mbox temporary files, and directories it
//! made itself.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Control, Error, PROGRESS_INTERVAL, Progress, Result, from_store_flags};
use crate::mailbox::eml::EmlWriter;
use crate::mailbox::maildir::MaildirWriter;
use crate::mailbox::mbox_write::MboxFile;
use crate::mailbox::{Format, MboxVariant};
use crate::store::{ExportItem, Folder, FolderId, MessageId, Store};

/// What to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportSource {
    /// One folder, with or without its subfolders.
    Folder {
        /// The folder.
        folder: FolderId,
        /// Include the whole tree below it.
        subfolders: bool,
    },
    /// These messages, in this order.
    Messages(Vec<MessageId>),
}

/// An export job.
#[derive(Clone, Debug)]
pub struct ExportRequest {
    /// What to export.
    pub source: ExportSource,
    /// The file (mbox) or directory (Maildir, EML) to create.
    pub dest: PathBuf,
    /// [`Format::Mboxrd`] (also for `Mbox`), [`Format::Mboxo`], [`Format::Maildir`] or [`Format::Eml`].
    pub format: Format,
    /// Replace an existing mbox file / write into an existing directory.
    pub force: bool,
}

/// How an export went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Messages written.
    pub messages: u64,
    /// Message bytes written (without `From_` lines and quoting).
    pub bytes: u64,
    /// Folders written.
    pub folders: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// Every file or directory created at the top level.
    pub written: Vec<PathBuf>,
}

/// One folder's writer.
enum Sink {
    Mbox(MboxFile),
    Maildir(MaildirWriter),
    Eml(EmlWriter),
}

impl Sink {
    fn write(&mut self, raw: &[u8], flags: crate::store::Flags, time: i64) -> Result<()> {
        match self {
            Sink::Mbox(f) => f.write_message(raw, time)?,
            Sink::Maildir(w) => {
                w.write_message(raw, from_store_flags(flags), time)?;
            }
            Sink::Eml(w) => {
                w.write_message(raw)?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        if let Sink::Mbox(f) = self {
            f.commit()?;
        }
        Ok(())
    }
}

struct Run<'a> {
    ctl: &'a mut dyn Control,
    summary: ExportSummary,
    total: u64,
    last: Instant,
}

impl Run<'_> {
    fn message(&mut self, sink: &mut Sink, m: &ExportItem<'_>) -> Result<()> {
        sink.write(m.raw, m.flags, m.received_at)?;
        self.summary.messages += 1;
        self.summary.bytes += m.raw.len() as u64;
        if self.ctl.cancelled() {
            return Err(Error::Cancelled);
        }
        if self.last.elapsed() >= PROGRESS_INTERVAL {
            self.last = Instant::now();
            self.report();
        }
        Ok(())
    }

    fn report(&mut self) {
        self.ctl.progress(&Progress {
            messages: self.summary.messages,
            total_messages: Some(self.total),
            bytes: self.summary.bytes,
            total_bytes: None,
            indexing: None,
        });
    }
}

/// Exports as asked. On error or cancel, what this export created is removed.
pub fn export(store: &Store, req: &ExportRequest, ctl: &mut dyn Control) -> Result<ExportSummary> {
    let started = Instant::now();
    let variant = match req.format {
        Format::Mbox | Format::Mboxrd => Some(MboxVariant::Mboxrd),
        Format::Mboxo => Some(MboxVariant::Mboxo),
        Format::Maildir | Format::Eml => None,
        Format::Auto => {
            return Err(Error::Invalid(crate::t!("jobs-export-choose-format")));
        }
    };
    // Refuse before writing anything.
    let mut tops = vec![req.dest.clone()];
    if variant.is_some()
        && matches!(
            req.source,
            ExportSource::Folder {
                subfolders: true,
                ..
            }
        )
    {
        tops.push(sbd(&req.dest));
    }
    for t in &tops {
        if !req.force && t.symlink_metadata().is_ok() {
            return Err(crate::mailbox::Error::Exists(t.clone()).into());
        }
    }
    let created: Vec<PathBuf> = tops
        .iter()
        .filter(|t| t.symlink_metadata().is_err())
        .cloned()
        .collect();
    let mut run = Run {
        ctl,
        summary: ExportSummary::default(),
        total: 0,
        last: Instant::now(),
    };
    let result = export_inner(store, req, variant, &mut run);
    if let Err(e) = result {
        for c in &created {
            // Best effort: the export's own error is what the user must see;
            // a leftover file is named in it by its path.
            let _ = if c.is_dir() {
                std::fs::remove_dir_all(c)
            } else {
                std::fs::remove_file(c)
            };
        }
        return Err(e);
    }
    run.report();
    let mut summary = run.summary;
    summary.written = tops.into_iter().filter(|t| t.exists()).collect();
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn sbd(p: &Path) -> PathBuf {
    let mut name = p.file_name().unwrap_or_default().to_os_string();
    name.push(".sbd");
    p.with_file_name(name)
}

fn open_sink(
    dest: &Path,
    variant: Option<MboxVariant>,
    format: Format,
    force: bool,
) -> Result<Sink> {
    Ok(match (variant, format) {
        (Some(v), _) => Sink::Mbox(MboxFile::create(dest, v, force)?),
        (None, Format::Maildir) => Sink::Maildir(MaildirWriter::create(dest, force)?),
        _ => Sink::Eml(EmlWriter::create(dest, force)?),
    })
}

fn export_inner(
    store: &Store,
    req: &ExportRequest,
    variant: Option<MboxVariant>,
    run: &mut Run<'_>,
) -> Result<()> {
    match &req.source {
        ExportSource::Messages(ids) => {
            run.total = ids.len() as u64;
            let mut sink = open_sink(&req.dest, variant, req.format, req.force)?;
            store.for_each_for_export(ids, |m| run.message(&mut sink, &m))?;
            run.summary.folders = 1;
            sink.finish()
        }
        ExportSource::Folder { folder, subfolders } => {
            let all = store.folders()?;
            let mut children: HashMap<Option<FolderId>, Vec<&Folder>> = HashMap::new();
            for f in &all {
                children.entry(f.parent).or_default().push(f);
            }
            let root = all.iter().find(|f| f.id == *folder).ok_or_else(|| {
                Error::Invalid(crate::t!("jobs-no-folder-id", id = folder.0.to_string()))
            })?;
            // (folder, relative path) in depth-first order.
            let mut list: Vec<(&Folder, Vec<String>)> = vec![(root, Vec::new())];
            let mut i = 0;
            while *subfolders && i < list.len() {
                let (f, path) = (list[i].0, list[i].1.clone());
                for c in children.get(&Some(f.id)).into_iter().flatten() {
                    let mut p = path.clone();
                    p.push(c.name.clone());
                    list.push((c, p));
                }
                i += 1;
            }
            run.total = list.iter().map(|(f, _)| f.total).sum();
            let maildir_root = if req.format == Format::Maildir && variant.is_none() {
                Some(MaildirWriter::create(&req.dest, req.force)?)
            } else {
                None
            };
            for (f, path) in &list {
                let mut sink = match (&maildir_root, path.is_empty()) {
                    (Some(r), false) => Sink::Maildir(r.subfolder(path)?),
                    (Some(_), true) => Sink::Maildir(MaildirWriter::create(&req.dest, true)?),
                    (None, _) => {
                        let dest = nested_path(&req.dest, path, variant.is_some());
                        if let Some(parent) = dest.parent() {
                            std::fs::create_dir_all(parent).map_err(|source| {
                                crate::mailbox::Error::Write {
                                    path: parent.to_path_buf(),
                                    source,
                                }
                            })?;
                        }
                        open_sink(&dest, variant, req.format, req.force || !path.is_empty())?
                    }
                };
                let ids = store.folder_ids(f.id, usize::MAX)?;
                store.for_each_for_export(&ids, |m| run.message(&mut sink, &m))?;
                sink.finish()?;
                run.summary.folders += 1;
            }
            Ok(())
        }
    }
}

/// Where a subfolder goes: `dest.sbd/A.sbd/B` for mbox, `dest/A/B` for EML.
fn nested_path(dest: &Path, path: &[String], mbox: bool) -> PathBuf {
    let mut p = dest.to_path_buf();
    for part in path {
        let safe = crate::mailbox::names::safe_component(part);
        if mbox {
            p = sbd(&p).join(safe);
        } else {
            p = p.join(safe);
        }
    }
    p
}

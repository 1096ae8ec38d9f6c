//! Opening an attachment with the system's default application (the `open`
//! crate: `xdg-open` on Linux, `open` on macOS, `ShellExecute` on Windows).
//!
//! The attachment is copied into a private folder ([`AttachmentFolder`]):
//! made on first use under the runtime directory (`$XDG_RUNTIME_DIR`, a
//! memory file system on most Linux desktops, else the system's temporary
//! folder), mode 0700, each file 0600 with a name of its own
//! ([`super::super::attachments::safe_file_name`]); the folder and its files
//! are removed when the reader is dropped, that is when popmail exits.
//!
//! Programs, scripts and macro documents
//! ([`super::super::attachments::is_dangerous`]) are never opened without the
//! same warning that saving shows, answered with "Open anyway". Extracting the
//! part (base64, quoted-printable) and writing it happen on a worker thread
//! ([`crate::worker::Worker`]); the launch itself is injectable ([`Launch`])
//! so tests never start a viewer.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::mail::Attachment;
use crate::worker::{Spawn, StopEvent, Worker};

use super::super::attachments::{is_dangerous, safe_file_name, unique_path};

/// Errors of opening an attachment.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The private folder or the copy could not be written.
    #[error("{}", crate::t!("error-open-copy", error = _0.to_string()))]
    Io(#[from] std::io::Error),
    /// The part could not be decoded.
    #[error("{}", crate::t!("error-open-part", error = _0))]
    Part(String),
    /// The system could not open it.
    #[error("{}", crate::t!("error-open-launch", name = _0, error = _1.to_string()))]
    Launch(String, std::io::Error),
}

/// How a copied attachment is handed to the system: by default
/// [`system_launch`]; tests inject a recorder.
pub type Launch = Arc<dyn Fn(&Path) -> std::io::Result<()> + Send + Sync>;

/// The system's default application for the file (`open::that_detached`).
pub fn system_launch() -> Launch {
    Arc::new(|path| open::that_detached(path))
}

/// A private temporary folder (0700) for opened attachments; removed, with
/// everything in it, when dropped.
#[derive(Debug)]
pub struct AttachmentFolder {
    base: PathBuf,
    dir: Option<tempfile::TempDir>,
}

impl Default for AttachmentFolder {
    fn default() -> Self {
        Self::new_in(runtime_dir())
    }
}

/// `$XDG_RUNTIME_DIR` when set and present, else the temporary folder.
fn runtime_dir() -> PathBuf {
    std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute() && p.is_dir())
        .unwrap_or_else(std::env::temp_dir)
}

impl AttachmentFolder {
    /// A folder to be made (on first use) inside `base`.
    pub fn new_in(base: impl Into<PathBuf>) -> Self {
        AttachmentFolder {
            base: base.into(),
            dir: None,
        }
    }

    /// The folder, once made.
    pub fn path(&self) -> Option<&Path> {
        self.dir.as_ref().map(tempfile::TempDir::path)
    }

    /// The folder, made now (mode 0700) if it is not there yet.
    pub fn ensure(&mut self) -> Result<PathBuf, Error> {
        if let Some(d) = &self.dir {
            return Ok(d.path().to_path_buf());
        }
        let mut b = tempfile::Builder::new();
        b.prefix("popmail-open-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            b.permissions(std::fs::Permissions::from_mode(0o700));
        }
        let dir = b.tempdir_in(&self.base)?;
        let path = dir.path().to_path_buf();
        self.dir = Some(dir);
        Ok(path)
    }
}

/// Writes `bytes` as a new file (0600) named after `name` in `dir`, never
/// replacing a file there; returns its path.
pub fn write_copy(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
    let path = unique_path(dir, &safe_file_name(name));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut f = options.open(&path)?;
    f.write_all(bytes)?;
    f.flush()?;
    Ok(path)
}

/// One attachment to copy and open.
pub(super) struct Job {
    raw: Arc<Vec<u8>>,
    part_path: String,
    name: String,
    dir: PathBuf,
    launch: Launch,
}

/// What the open worker answers.
#[derive(Debug)]
pub(super) enum Done {
    /// Copied to this file and handed to the system.
    Opened(PathBuf),
    /// It could not be opened, and why.
    Failed(Error),
    /// The worker stopped, and why.
    Stopped(String),
}

impl StopEvent for Done {
    fn stopped(reason: String) -> Self {
        Done::Stopped(reason)
    }
}

/// The reader's attachment opener: the folder, the worker, the pending
/// warning and the last outcome.
pub(super) struct Opener {
    folder: AttachmentFolder,
    launch: Launch,
    worker: Option<Worker<Job, Done>>,
    /// An attachment (index, name) waiting for "Open anyway".
    pub confirm: Option<(usize, String)>,
    /// The last outcome, shown under the attachments.
    pub status: Option<Result<String, String>>,
    /// An open was sent to the worker and has not answered yet.
    waiting: bool,
}

impl Default for Opener {
    fn default() -> Self {
        Opener {
            folder: AttachmentFolder::default(),
            launch: system_launch(),
            worker: None,
            confirm: None,
            status: None,
            waiting: false,
        }
    }
}

impl Opener {
    /// Uses `launch` instead of the system's default application.
    pub fn set_launch(&mut self, launch: Launch) {
        self.launch = launch;
    }

    /// The private folder, once made.
    pub fn folder(&self) -> Option<&Path> {
        self.folder.path()
    }

    /// Opens attachment `index` of a message: asks first when it is a
    /// program, script or macro document (unless `confirmed`).
    pub fn open(
        &mut self,
        ctx: &egui::Context,
        raw: &Arc<Vec<u8>>,
        list: &[Attachment],
        index: usize,
        confirmed: bool,
    ) {
        let Some(a) = list.get(index) else { return };
        if !confirmed && is_dangerous(&a.name, &a.mime) {
            self.confirm = Some((index, a.name.clone()));
            return;
        }
        self.confirm = None;
        let dir = match self.folder.ensure() {
            Ok(d) => d,
            Err(e) => {
                self.status = Some(Err(e.to_string()));
                return;
            }
        };
        if self.worker.as_ref().is_none_or(Worker::is_finished) {
            let repaint_ctx = ctx.clone();
            let spawn = Spawn::named("reader-open")
                .repaint(Arc::new(move || repaint_ctx.request_repaint()));
            self.worker = match Worker::spawn(spawn, run) {
                Ok(w) => Some(w),
                Err(e) => {
                    self.status = Some(Err(crate::t!(
                        "reader-open-cannot-start",
                        error = e.to_string()
                    )));
                    return;
                }
            };
        }
        let job = Job {
            raw: Arc::clone(raw),
            part_path: a.part_path.clone(),
            name: a.name.clone(),
            dir,
            launch: Arc::clone(&self.launch),
        };
        let sent = self.worker.as_ref().map(|w| w.send(job));
        self.status = Some(match sent {
            Some(Ok(())) => Ok(crate::t!("reader-opening-file", name = &a.name)),
            _ => Err(crate::t!("reader-open-no-worker")),
        });
        self.waiting = matches!(sent, Some(Ok(())));
    }

    /// Takes the worker's answers.
    pub fn poll(&mut self) {
        let Some(worker) = &self.worker else { return };
        let mut stopped = None;
        while let Some(done) = worker.try_recv() {
            match done {
                Done::Opened(path) => {
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    self.status = Some(Ok(crate::t!("reader-opened-file", name = name)));
                    self.waiting = false;
                }
                Done::Failed(e) => {
                    self.status = Some(Err(e.to_string()));
                    self.waiting = false;
                }
                Done::Stopped(why) => stopped = Some(why),
            }
        }
        if let Some(why) = stopped {
            // The next open starts a new worker; an open still waiting says why
            // it did not happen.
            self.worker = None;
            if self.waiting {
                self.status = Some(Err(crate::t!("reader-open-not-opened", reason = why)));
                self.waiting = false;
            }
        }
    }
}

/// The worker: copy each attachment, then hand it to the system.
fn run(inbox: crate::worker::Inbox<Job>, outbox: crate::worker::Outbox<Done>) -> String {
    while let Some(job) = inbox.recv() {
        let done = match copy_and_launch(&job) {
            Ok(p) => Done::Opened(p),
            Err(e) => Done::Failed(e),
        };
        if outbox.send(done).is_err() {
            return "the reader closed".to_string(); // not translated: a worker's stop reason, after the reader is gone
        }
        outbox.done(1);
    }
    "the reader closed".to_string() // not translated: a worker's stop reason, after the reader is gone
}

fn copy_and_launch(job: &Job) -> Result<PathBuf, Error> {
    let bytes = crate::mail::attachment_bytes(&job.raw, &job.part_path)
        .map_err(|e| Error::Part(e.to_string()))?;
    let path = write_copy(&job.dir, &job.name, &bytes)?;
    (job.launch)(&path).map_err(|e| Error::Launch(job.name.clone(), e))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_is_private_holds_the_bytes_and_goes_on_drop() {
        let base = tempfile::tempdir().unwrap();
        let mut folder = AttachmentFolder::new_in(base.path());
        assert!(folder.path().is_none(), "made only on first use");
        let dir = folder.ensure().unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700);
        }
        let a = write_copy(&dir, "../../report.pdf", b"%PDF-1 one").unwrap();
        let b = write_copy(&dir, "report.pdf", b"%PDF-1 two").unwrap();
        assert_eq!(
            a.parent(),
            Some(dir.as_path()),
            "no path escapes the folder"
        );
        assert_ne!(a, b, "a second copy gets its own name");
        assert_eq!(std::fs::read(&a).unwrap(), b"%PDF-1 one");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&a).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        drop(folder);
        assert!(!dir.exists(), "removed with everything in it");
        assert!(!a.exists());
    }
}

//! One open data directory: its store connection (for the UI thread's reads
//! and small writes), the two background workers, the sync worker, and — for
//! the demo — the embedded POP3 server, which lives exactly as long as the
//! session. Switching to the demo replaces the whole session.

use std::path::PathBuf;

use super::background::Worker;
use super::{Error, RunOptions};
use crate::store::Store;
use crate::sync::{Command, Event};

/// The UI's end of the sync worker.
pub trait SyncPort {
    /// Sends a command (never blocks).
    fn send(&self, command: Command);
    /// The next event, if any (never blocks).
    fn try_recv(&self) -> Option<Event>;
}

/// The data directory a run uses: the demo has its own.
pub fn data_dir_for(opts: &RunOptions) -> Result<PathBuf, Error> {
    let dir = if opts.demo {
        crate::paths::demo_data_dir(&opts.data_dir)
    } else {
        opts.data_dir.clone()
    };
    crate::paths::ensure_private_dir(&dir)?;
    Ok(dir)
}

/// A data directory in use.
pub struct Session {
    /// The data directory.
    pub data_dir: PathBuf,
    /// The UI thread's connection.
    pub store: Store,
    /// Reads that grow with folder or message size.
    pub read: Worker,
    /// Writes and saves.
    pub write: Worker,
    /// The sync worker, when available.
    pub sync: Option<Box<dyn SyncPort>>,
    /// The demo POP3 server, for a demo session.
    pub demo: Option<DemoRuntime>,
}

/// What keeps the demo running.
pub struct DemoRuntime {
    /// The port the demo server listens on (127.0.0.1).
    pub port: u16,
}

impl Session {
    /// Opens the store of `data_dir` and starts the workers.
    pub fn open(data_dir: PathBuf, ctx: &egui::Context) -> Result<Session, Error> {
        crate::paths::ensure_private_dir(&data_dir)?;
        let path = data_dir.join(crate::paths::STORE_FILE);
        let store = Store::open(&path)?;
        let read = Worker::spawn("popmail-ui-read", path.clone(), ctx.clone(), true)?;
        let write = Worker::spawn("popmail-ui-write", path.clone(), ctx.clone(), false)?;
        let sync = start_sync(&path, ctx);
        Ok(Session {
            data_dir,
            store,
            read,
            write,
            sync,
            demo: None,
        })
    }

    /// Whether the sync worker is running.
    pub fn can_sync(&self) -> bool {
        self.sync.is_some()
    }

    /// Sends a command to the sync worker, if there is one.
    pub fn sync_send(&self, command: Command) {
        if let Some(sync) = &self.sync {
            sync.send(command);
        }
    }

    /// Whether a background worker has work queued or running.
    pub fn busy(&self) -> bool {
        self.read.busy() || self.write.busy()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.sync_send(Command::Shutdown);
    }
}

/// Starts the sync worker for the store at `path`.
fn start_sync(_path: &std::path::Path, _ctx: &egui::Context) -> Option<Box<dyn SyncPort>> {
    // The sync worker lands separately; until then sync controls show disabled.
    None
}

/// Opens the demo: its own data directory, the demo server, a demo account, a sync.
pub fn open_demo(base_data_dir: &std::path::Path, ctx: &egui::Context) -> Result<Session, String> {
    let dir = crate::paths::demo_data_dir(base_data_dir);
    let _ = (dir, ctx);
    Err("the demo server is not part of this build yet".to_string())
}

//! One open data directory: its store connection (for the UI thread's reads
//! and small writes), the three background threads (`popmail-ui-read`,
//! `-rows`, `-write`), the one job worker (`popmail-jobs`: import, export
//! and backup), the sync worker, and — for
//! the demo — the embedded POP3 server, which lives exactly as long as the
//! session. Switching to the demo replaces the whole session.

use std::path::PathBuf;

use super::background::{Background, Done};
use super::{Error, RunOptions};
use crate::account::{AccountSettings, Policy, Security};
use crate::store::{Store, StoreConfig};
use crate::sync::{Command, Event, SyncOptions, SyncWorker};

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

/// The store configuration of `data_dir` for a run (with the test hook's
/// page limit, when set).
pub fn store_config(data_dir: &std::path::Path, opts: &RunOptions) -> StoreConfig {
    let config = StoreConfig::in_dir(data_dir);
    match opts.store_page_limit {
        Some(pages) => config.with_max_page_count(pages),
        None => config,
    }
}

/// Everything the workers said since the last look, in the order the app
/// takes it in.
#[derive(Default)]
pub struct Drained {
    /// The read, rows and write threads' answers.
    pub answers: Vec<Done>,
    /// The job worker's events.
    pub jobs: Vec<crate::jobs::JobEvent>,
    /// The sync worker's events.
    pub sync: Vec<Event>,
}

/// A data directory in use.
pub struct Session {
    /// The data directory.
    pub data_dir: PathBuf,
    /// The UI thread's connection.
    pub store: Store,
    /// Reads that grow with folder or message size.
    pub read: Background,
    /// Reads of the list rows on screen.
    pub rows: Background,
    /// Writes and saves.
    pub write: Background,
    /// The job worker: import, export and backup, one at a time.
    pub jobs: crate::jobs::JobWorker,
    /// The sync worker, when it started.
    pub sync: Option<Box<dyn SyncPort>>,
    /// Why the sync worker did not start, in words.
    pub sync_error: Option<String>,
    /// The demo POP3 server, for a demo session.
    pub demo: Option<DemoRuntime>,
}

/// What keeps the demo running.
pub struct DemoRuntime {
    /// The port the demo server listens on (127.0.0.1).
    pub port: u16,
    /// The server; dropping it stops it.
    _server: crate::demo::DemoServer,
}

/// Name of the demo account.
pub const DEMO_ACCOUNT: &str = "Demo"; // not translated: the demo account's stored name

impl Session {
    /// Opens the (plaintext) store of `data_dir` and starts the workers.
    pub fn open(data_dir: PathBuf, ctx: &egui::Context) -> Result<Session, Error> {
        let config = StoreConfig::in_dir(&data_dir);
        Session::open_with(data_dir, config, ctx)
    }

    /// Opens the store of `data_dir` with `config` (which carries the key of
    /// an encrypted store) and starts the workers, each with its own connection.
    pub fn open_with(
        data_dir: PathBuf,
        config: StoreConfig,
        ctx: &egui::Context,
    ) -> Result<Session, Error> {
        Session::open_with_sync(data_dir, config, ctx, None)
    }

    /// Like [`Session::open_with`], keeping `sync` (a sync worker that ran
    /// on while the window was locked) instead of starting a new one.
    pub fn open_with_sync(
        data_dir: PathBuf,
        config: StoreConfig,
        ctx: &egui::Context,
        kept_sync: Option<Box<dyn SyncPort>>,
    ) -> Result<Session, Error> {
        crate::paths::ensure_private_dir(&data_dir)?;
        let store = Store::open(&config)?;
        let repaint = repaint_of(ctx);
        let read = Background::spawn("popmail-ui-read", config.clone(), repaint.clone(), true)?;
        let rows = Background::spawn("popmail-ui-rows", config.clone(), repaint.clone(), true)?;
        let write = Background::spawn("popmail-ui-write", config.clone(), repaint.clone(), false)?;
        let jobs = crate::jobs::spawn(config.clone(), repaint.clone()).map_err(|source| {
            Error::Thread {
                name: "popmail-jobs",
                source,
            }
        })?;
        let started = match kept_sync {
            Some(s) => Ok(s),
            None => start_sync(&config, repaint),
        };
        let (sync, sync_error) = match started {
            Ok(s) => (Some(s), None),
            Err(e) => (None, Some(e)),
        };
        Ok(Session {
            data_dir,
            store,
            read,
            rows,
            write,
            jobs,
            sync,
            sync_error,
            demo: None,
        })
    }

    /// Opens the data directory of a run (the demo's for `--demo`).
    pub fn open_for(opts: &RunOptions, ctx: &egui::Context) -> Result<Session, Error> {
        Session::open(data_dir_for(opts)?, ctx)
    }

    /// Takes in everything the workers said (never blocks).
    pub fn drain(&self) -> Drained {
        let mut d = Drained::default();
        d.jobs.extend(std::iter::from_fn(|| self.jobs.try_recv()));
        d.answers
            .extend(std::iter::from_fn(|| self.read.try_recv()));
        d.answers
            .extend(std::iter::from_fn(|| self.rows.try_recv()));
        d.answers
            .extend(std::iter::from_fn(|| self.write.try_recv()));
        if let Some(sync) = &self.sync {
            d.sync.extend(std::iter::from_fn(|| sync.try_recv()));
        }
        d
    }

    /// Sends a command to the sync worker; `Err` says why syncing is
    /// unavailable.
    pub fn sync(&self, command: Command) -> Result<(), Option<String>> {
        if self.can_sync() {
            self.sync_send(command);
            Ok(())
        } else {
            Err(self.sync_unavailable())
        }
    }

    /// What the status bar says while background work runs: a write, or
    /// loading a big folder (`big_load`).
    pub fn busy_text(&self, big_load: bool) -> Option<String> {
        if self.write.busy() {
            Some(crate::t!("window-busy-working"))
        } else if big_load {
            Some(crate::t!("window-busy-loading"))
        } else {
            None
        }
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

    /// Whether a background thread has work queued or running (the job
    /// worker is not counted: a job's progress shows on its own).
    pub fn busy(&self) -> bool {
        self.read.busy() || self.rows.busy() || self.write.busy()
    }

    /// Why syncing is unavailable, in words (`None` when it is available).
    pub fn sync_unavailable(&self) -> Option<String> {
        match (&self.sync, &self.sync_error) {
            (Some(_), _) => None,
            (None, Some(e)) => Some(crate::t!("window-sync-unavailable", reason = e)),
            (None, None) => Some(crate::t!("window-sync-unavailable-no-worker")),
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.sync_send(Command::Shutdown);
    }
}

impl SyncPort for SyncWorker {
    fn send(&self, command: Command) {
        SyncWorker::send(self, command);
    }
    fn try_recv(&self) -> Option<Event> {
        SyncWorker::try_recv(self)
    }
}

/// Wakes the window from a background thread.
fn repaint_of(ctx: &egui::Context) -> crate::worker::Repaint {
    let ctx = ctx.clone();
    std::sync::Arc::new(move || ctx.request_repaint())
}

/// Starts the sync worker for the store (periodic checks on). Without it the
/// window still reads mail; sync controls show disabled and say why.
fn start_sync(
    config: &StoreConfig,
    repaint: crate::worker::Repaint,
) -> Result<Box<dyn SyncPort>, String> {
    let mut options = SyncOptions::new(config.clone());
    options.repaint = repaint;
    options.scheduled = true;
    SyncWorker::spawn(options)
        .map(|w| Box::new(w) as Box<dyn SyncPort>)
        .map_err(|e| crate::t!("window-sync-thread-failed", error = e.to_string()))
}

/// Switches a run to the demo (the caller has closed its session: one data
/// directory at a time): the session to use, and why the demo could not
/// start. When it cannot, the run's own data directory is reopened in its
/// place (`None` for a `--demo` run, or when that fails too).
pub fn switch_to_demo(opts: &RunOptions, ctx: &egui::Context) -> (Option<Session>, Option<String>) {
    match open_demo(&opts.data_dir, ctx) {
        Ok(s) => (Some(s), None),
        Err(e) => {
            let back = (!opts.demo).then(|| Session::open_for(opts, ctx).ok());
            (back.flatten(), Some(e))
        }
    }
}

/// Opens the demo: its own data directory, popmail's demo POP3 server on
/// 127.0.0.1, a demo account against it (plain, password allowed in clear,
/// keep on server), then a sync of that account.
pub fn open_demo(base_data_dir: &std::path::Path, ctx: &egui::Context) -> Result<Session, String> {
    let dir = crate::paths::demo_data_dir(base_data_dir);
    let server = crate::demo::DemoServer::start().map_err(|e| e.to_string())?;
    let port = server.port();
    let mut session = Session::open(dir, ctx).map_err(|e| e.to_string())?;
    let settings = AccountSettings {
        name: DEMO_ACCOUNT.into(),
        email: "demo@example.org".into(),
        host: "127.0.0.1".into(),
        port,
        security: Security::Plain,
        allow_plaintext_password: true,
        username: crate::demo::DemoServer::USER.into(),
        policy: Policy::Keep,
        enabled: true,
        ..AccountSettings::default()
    };
    let store = &mut session.store;
    // The server's port changes every run: update the account if it exists.
    let id = match store.account_by_name(DEMO_ACCOUNT) {
        Ok(a) => {
            store
                .update_account(a.id, &settings)
                .map_err(|e| e.to_string())?;
            a.id
        }
        Err(crate::store::Error::NotFound(_)) => {
            store.add_account(&settings).map_err(|e| e.to_string())?.id
        }
        Err(e) => return Err(e.to_string()),
    };
    // The demo password is public; it stays in the demo store, not the keychain.
    store
        .set_stored_password(id, Some(crate::demo::DemoServer::PASSWORD))
        .map_err(|e| e.to_string())?;
    session.sync_send(Command::Reload);
    session.sync_send(Command::SyncAccount(id));
    session.demo = Some(DemoRuntime {
        port,
        _server: server,
    });
    Ok(session)
}

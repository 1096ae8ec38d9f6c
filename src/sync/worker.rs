//! The sync worker's dispatcher: a named thread that takes [`Command`]s,
//! runs each account's sync on a named thread of its own (so a slow or
//! stuck server never delays the others, a cancel, or shutdown), schedules
//! periodic checks, and reports [`Event`]s.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crossbeam_channel::Receiver;

use super::account::{self, Ctx};
use super::{Command, Emitter, Error, Event, Summary, SyncOptions, ops};
use crate::store::{Account, AccountId, Store};
use crate::worker::{Cancel, Inbox, Next, Spawn, StopEvent, Worker};

/// How long shutdown waits for account threads to finish the message in flight.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
/// How often the dispatcher looks at its schedule and finished threads.
const TICK: Duration = Duration::from_millis(500);

/// The handle the UI (or CLI) keeps: send commands, drain events. The
/// dispatcher runs on the crate's one worker shape ([`crate::worker`]).
pub struct SyncWorker {
    inner: Worker<Command, Event>,
}

impl StopEvent for Event {
    fn stopped(reason: String) -> Self {
        Event::Stopped { reason }
    }
}

impl SyncWorker {
    /// Starts the dispatcher thread `popmail-sync`.
    pub fn spawn(options: SyncOptions) -> Result<SyncWorker, Error> {
        let spawn = Spawn::named("popmail-sync")
            .repaint(options.repaint.clone())
            .join_on_drop();
        let inner = Worker::spawn(spawn, move |inbox, outbox| {
            Dispatcher::new(options, Emitter::new(outbox)).run(&inbox)
        })
        .map_err(Error::Thread)?;
        Ok(SyncWorker { inner })
    }

    /// Sends a command. After the worker has stopped nothing is listening;
    /// its [`Event::Stopped`] already told the UI why, so this does nothing.
    pub fn send(&self, command: Command) {
        let _ = self.inner.send(command); // closed: Stopped already said why
    }

    /// The next event, if one is waiting. Never blocks.
    pub fn try_recv(&self) -> Option<Event> {
        self.inner.try_recv()
    }

    /// The event channel, for callers that may block (the CLI).
    pub fn events(&self) -> &Receiver<Event> {
        self.inner.events()
    }

    /// Asks the worker to stop and waits for it (at most the grace period
    /// plus a little).
    pub fn shutdown(mut self) {
        self.inner.shutdown();
    }
}

struct Running {
    cancel: Cancel,
    thread: JoinHandle<()>,
    /// Set by the account thread just before its last event: from then on
    /// it is only ending, and a new request for the account must wait for
    /// it rather than be dropped as "already syncing".
    answered: Arc<AtomicBool>,
}

struct Dispatcher {
    options: SyncOptions,
    emit: Emitter,
    running: HashMap<AccountId, Running>,
    /// Accounts asked to sync while their previous sync was ending.
    pending: HashSet<AccountId>,
    helpers: Vec<JoinHandle<()>>,
    last_check: HashMap<AccountId, Instant>,
    accounts: Vec<Account>,
    started_up: bool,
}

impl Dispatcher {
    fn new(options: SyncOptions, emit: Emitter) -> Self {
        Dispatcher {
            options,
            emit,
            running: HashMap::new(),
            pending: HashSet::new(),
            helpers: Vec::new(),
            last_check: HashMap::new(),
            accounts: Vec::new(),
            started_up: false,
        }
    }

    fn run(mut self, commands: &Inbox<Command>) -> String {
        let reason = match self.serve(commands) {
            Ok(reason) => reason,
            Err(e) => crate::t!("sync-worker-failed", error = e.user_message()),
        };
        let deadline = Instant::now() + SHUTDOWN_GRACE;
        for r in self.running.values() {
            r.cancel.cancel();
        }
        while Instant::now() < deadline && self.running.values().any(|r| !r.thread.is_finished()) {
            std::thread::sleep(Duration::from_millis(20));
        }
        let stuck = self
            .running
            .values()
            .filter(|r| !r.thread.is_finished())
            .count();
        if stuck == 0 {
            reason
        } else {
            crate::t!("sync-worker-stuck", reason = reason, stuck = stuck)
        }
    }

    fn serve(&mut self, commands: &Inbox<Command>) -> Result<String, Error> {
        self.reload()?;
        loop {
            match commands.recv_timeout(TICK) {
                Next::Command(Command::Shutdown) => {
                    return Ok(crate::t!("sync-worker-shut-down"));
                }
                Next::Command(command) => self.handle(command)?,
                Next::Timeout => {}
                Next::Closed if commands.cancel().is_cancelled() => {
                    return Ok(crate::t!("sync-worker-shut-down"));
                }
                Next::Closed => return Ok(crate::t!("sync-worker-window-closed")),
            }
            self.running.retain(|_, r| !r.thread.is_finished());
            self.helpers.retain(|h| !h.is_finished());
            let ready: Vec<AccountId> = self
                .pending
                .iter()
                .filter(|id| !self.running.contains_key(id))
                .copied()
                .collect();
            for id in ready {
                self.pending.remove(&id);
                self.start(id);
            }
            if self.options.scheduled {
                self.schedule();
            }
        }
    }

    fn reload(&mut self) -> Result<(), Error> {
        self.accounts = Store::open(&self.options.store)?.accounts()?;
        Ok(())
    }

    fn handle(&mut self, command: Command) -> Result<(), Error> {
        match command {
            Command::SyncAll => {
                self.reload()?;
                let ids: Vec<AccountId> = self
                    .accounts
                    .iter()
                    .filter(|a| a.settings.enabled)
                    .map(|a| a.id)
                    .collect();
                for id in ids {
                    self.start(id);
                }
            }
            Command::SyncAccount(id) => {
                self.reload()?;
                self.start(id);
            }
            Command::Cancel(which) => {
                for (id, r) in &self.running {
                    if which.is_none_or(|w| w == *id) && !r.cancel.is_cancelled() {
                        r.cancel.cancel();
                        // Answer at once; the thread stays silent from now on.
                        self.emit.send(Event::Finished {
                            account: *id,
                            summary: Summary {
                                cancelled: true,
                                ..Summary::default()
                            },
                        });
                    }
                }
            }
            Command::Reload => self.reload()?,
            Command::FetchFull(message) => self.helper(
                "popmail-fetch",
                move |o, e| ops::fetch_full(o, e, message),
                move |why| Event::FullFetched {
                    old: message,
                    new: Err(why),
                },
            ),
            Command::DryRun(account) => self.helper(
                "popmail-dry-run",
                move |o, e| ops::dry_run(o, e, account),
                move |why| Event::DryRun {
                    account,
                    report: Err(why),
                },
            ),
            Command::TestConnection {
                request,
                settings,
                account,
                password,
            } => self.helper(
                "popmail-test-connection",
                move |o, e| ops::test_connection(o, e, request, &settings, account, password),
                move |why| Event::TestStep {
                    request,
                    step: super::TestStep {
                        name: crate::t!("sync-step-start"),
                        outcome: Err(why),
                    },
                    certificate: None,
                    last: true,
                },
            ),
            Command::Shutdown => {}
        }
        Ok(())
    }

    /// Runs a one-off job (fetch, dry run, test) on its own named thread;
    /// `fail` makes the event that reports a thread that could not start.
    fn helper(
        &mut self,
        name: &str,
        f: impl FnOnce(&SyncOptions, &Emitter) + Send + 'static,
        fail: impl FnOnce(String) -> Event,
    ) {
        let options = self.options.clone();
        let emit = self.emit.clone();
        match std::thread::Builder::new()
            .name(name.into())
            .spawn(move || f(&options, &emit))
        {
            Ok(h) => self.helpers.push(h),
            Err(e) => self.emit.send(fail(Error::Thread(e).user_message())),
        }
    }

    fn schedule(&mut self) {
        let due: Vec<AccountId> = self
            .accounts
            .iter()
            .filter(|a| a.settings.enabled && !self.running.contains_key(&a.id))
            .filter(|a| {
                let at_start = !self.started_up && a.settings.check_at_startup;
                let interval = a
                    .settings
                    .check_interval_min
                    .map(|m| Duration::from_secs(u64::from(m) * 60));
                let last = self.last_check.get(&a.id);
                at_start
                    || match (interval, last) {
                        (Some(i), Some(last)) => last.elapsed() >= i,
                        (Some(_), None) => self.started_up,
                        (None, _) => false,
                    }
            })
            .map(|a| a.id)
            .collect();
        if !self.started_up {
            let now = Instant::now();
            for a in &self.accounts {
                self.last_check.insert(a.id, now);
            }
            self.started_up = true;
        }
        for id in due {
            self.start(id);
        }
    }

    fn start(&mut self, id: AccountId) {
        if let Some(r) = self.running.get(&id) {
            // A sync that is still working covers this request; one that has
            // already answered (or was cancelled) is ending: run again after it.
            if r.answered.load(Ordering::Acquire) || r.cancel.is_cancelled() {
                self.pending.insert(id);
            }
            return;
        }
        let Some(account) = self.accounts.iter().find(|a| a.id == id).cloned() else {
            return;
        };
        self.last_check.insert(id, Instant::now());
        let cancel = Cancel::new();
        let flag = cancel.clone();
        let answered = Arc::new(AtomicBool::new(false));
        let done = Arc::clone(&answered);
        let emit = self.emit.clone();
        let options = self.options.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("popmail-sync-{}", id.0))
            .spawn(move || run_account(&options, &emit, &flag, &done, &account));
        match spawned {
            Ok(thread) => {
                self.running.insert(
                    id,
                    Running {
                        cancel,
                        thread,
                        answered,
                    },
                );
            }
            Err(e) => self.emit.send(Event::Failed {
                account: id,
                message: Error::Thread(e).user_message(),
                certificate: None,
                log: Vec::new(),
                sign_in: false,
            }),
        }
    }
}

fn run_account(
    options: &SyncOptions,
    emit: &Emitter,
    cancel: &Cancel,
    answered: &AtomicBool,
    account: &Account,
) {
    emit.send(Event::Started {
        account: account.id,
    });
    let result = Store::open(&options.store)
        .map_err(|e| Box::<account::Failure>::from(Error::from(e)))
        .and_then(|mut store| {
            let mut ctx = Ctx {
                store: &mut store,
                emit,
                cancel,
                now: (options.clock)(),
                timeouts: options.timeouts,
            };
            account::sync(&mut ctx, account)
        });
    answered.store(true, Ordering::Release);
    if cancel.is_cancelled() {
        // The dispatcher already answered the cancel.
        return;
    }
    match result {
        Ok(summary) => emit.send(Event::Finished {
            account: account.id,
            summary,
        }),
        Err(f) => emit.send(Event::Failed {
            account: account.id,
            message: f.error.user_message(),
            certificate: f.error.certificate(),
            sign_in: f.error.needs_sign_in(),
            log: f.log,
        }),
    }
}

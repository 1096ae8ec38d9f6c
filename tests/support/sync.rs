//! Running the real sync worker against a test server and waiting for the
//! outcome.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use popmail::account::{AccountSettings, Policy, Security};
use popmail::secret::Secret;
use popmail::store::{Account, AccountId, Store};
use popmail::sync::{Command, Event, Summary, SyncOptions, SyncWorker, Timeouts};

use super::dovecot::Dovecot;
use super::store::DataDir;

/// A clock the test moves by hand.
#[derive(Clone, Default)]
pub struct TestClock(pub Arc<AtomicI64>);

impl TestClock {
    /// A clock at `t` (epoch seconds).
    pub fn at(t: i64) -> Self {
        Self(Arc::new(AtomicI64::new(t)))
    }

    /// Moves the clock forward.
    pub fn advance_days(&self, days: i64) {
        self.0.fetch_add(days * 86_400, Ordering::SeqCst);
    }
}

/// Settings for `alice` on a test Dovecot over implicit TLS.
pub fn dovecot_settings(d: &Dovecot, name: &str, policy: Policy) -> AccountSettings {
    AccountSettings {
        name: name.into(),
        host: "127.0.0.1".into(),
        port: d.tls_port(),
        security: Security::Tls,
        username: "alice".into(),
        ca_file: Some(d.ca_pem_path()),
        policy,
        enabled: true,
        ..AccountSettings::default()
    }
}

/// Settings of a USER/PASS account on 127.0.0.1:`port` without TLS
/// (unencrypted passwords allowed), as the scripted servers want.
pub fn plain_settings(name: &str, user: &str, port: u16, policy: Policy) -> AccountSettings {
    AccountSettings {
        name: name.into(),
        host: "127.0.0.1".into(),
        port,
        security: popmail::account::Security::Plain,
        allow_plaintext_password: true,
        username: user.into(),
        auth: popmail::account::AuthMethod::User,
        policy,
        enabled: true,
        ..AccountSettings::default()
    }
}

/// Adds an account with its password kept in the store (tests never touch a keychain).
pub fn add_account(store: &mut Store, settings: &AccountSettings, password: &str) -> Account {
    let account = store.add_account(settings).expect("add account");
    store
        .set_stored_password(account.id, Some(password))
        .expect("save password");
    account
}

/// The outcome of one account's sync.
#[derive(Debug)]
pub enum Outcome {
    /// It finished.
    Finished(Summary),
    /// It failed with this sentence.
    Failed(String, Vec<String>),
}

impl Outcome {
    /// The summary, or a panic with the failure.
    pub fn summary(self) -> Summary {
        match self {
            Outcome::Finished(s) => s,
            Outcome::Failed(m, log) => panic!("sync failed: {m}\n{}", log.join("\n")),
        }
    }
}

/// A sync worker for a data folder with a test clock and generous timeouts
/// (a loaded 2-core machine runs many Dovecots at once).
pub fn worker(data: &DataDir, clock: &TestClock) -> SyncWorker {
    let timeouts = Timeouts {
        connect: Duration::from_secs(10),
        read: Duration::from_secs(20),
    };
    worker_with_timeouts(data, clock, timeouts)
}

/// A sync worker with the given socket timeouts.
pub fn worker_with_timeouts(data: &DataDir, clock: &TestClock, timeouts: Timeouts) -> SyncWorker {
    let c = clock.0.clone();
    let mut options = SyncOptions::new(data.config());
    options.clock = Arc::new(move || c.load(Ordering::SeqCst));
    options.timeouts = timeouts;
    SyncWorker::spawn(options).expect("spawn worker")
}

/// Syncs the given accounts and waits (at most a minute) for each outcome.
pub fn sync_accounts(
    worker: &SyncWorker,
    accounts: &[AccountId],
) -> Vec<(AccountId, Outcome, Vec<Event>)> {
    sync_accounts_within(worker, accounts, Duration::from_secs(60))
}

/// Like [`sync_accounts`], waiting at most `limit` (for large corpora).
pub fn sync_accounts_within(
    worker: &SyncWorker,
    accounts: &[AccountId],
    limit: Duration,
) -> Vec<(AccountId, Outcome, Vec<Event>)> {
    for a in accounts {
        worker.send(Command::SyncAccount(*a));
    }
    let mut out: Vec<(AccountId, Outcome, Vec<Event>)> = Vec::new();
    let mut seen: Vec<Event> = Vec::new();
    let deadline = Instant::now() + limit;
    while out.len() < accounts.len() {
        let left = deadline.saturating_duration_since(Instant::now());
        let event = worker
            .events()
            .recv_timeout(left)
            .unwrap_or_else(|e| panic!("sync did not finish within {limit:?}: {e:?}"));
        match &event {
            Event::Finished { account, summary } => {
                out.push((*account, Outcome::Finished(summary.clone()), seen.clone()));
            }
            Event::Failed {
                account,
                message,
                log,
                ..
            } => {
                out.push((
                    *account,
                    Outcome::Failed(message.clone(), log.clone()),
                    seen.clone(),
                ));
            }
            _ => {}
        }
        seen.push(event);
    }
    out
}

/// Syncs one account with a fresh worker and returns its outcome.
pub fn sync_once(data: &DataDir, clock: &TestClock, account: AccountId) -> Outcome {
    sync_once_within(data, clock, account, Duration::from_secs(60))
}

/// Like [`sync_once`], waiting at most `limit` (for large corpora).
pub fn sync_once_within(
    data: &DataDir,
    clock: &TestClock,
    account: AccountId,
    limit: Duration,
) -> Outcome {
    let w = worker(data, clock);
    let mut r = sync_accounts_within(&w, &[account], limit);
    w.shutdown();
    r.pop().map(|(_, o, _)| o).expect("an outcome")
}

/// A password wrapper for commands that take one.
pub fn secret(s: &str) -> Secret {
    Secret::new(s)
}

//! The sync worker's interface: its options, and the messages between the
//! window (or the CLI) and it.
//!
//! The UI sends [`Command`]s and drains [`Event`]s with `try_recv` each frame;
//! the worker never blocks on the UI. The last event is always
//! [`Event::Stopped`], saying why the worker stopped.

use std::sync::Arc;
use std::time::Duration;

use crate::account::{AccountSettings, limits};
use crate::secret::Secret;
use crate::store::{AccountId, FolderId, MessageId, StoreConfig};
use crate::worker::{Outbox, Repaint};
use crate::{fmt, t};

/// What the UI asks the sync worker to do.
#[derive(Debug, Clone)]
pub enum Command {
    /// Sync every enabled account.
    SyncAll,
    /// Sync one account (enabled or not).
    SyncAccount(AccountId),
    /// Cancel the sync of one account, or of all (`None`).
    Cancel(Option<AccountId>),
    /// Download the full message for a headers-only one.
    FetchFull(MessageId),
    /// Report what the next sync of this account would delete on the server.
    DryRun(AccountId),
    /// Try these settings step by step (the settings dialog's "Test connection").
    TestConnection {
        /// Echoed in the [`Event::TestStep`]s, so the dialog ignores stale runs.
        request: u64,
        /// The settings being edited (maybe not saved yet).
        settings: Box<AccountSettings>,
        /// The saved account being edited, if any: an OAuth 2.0 test signs
        /// in with its saved sign-in.
        account: Option<AccountId>,
        /// The password typed in the dialog; for OAuth 2.0 the access token
        /// of a sign-in made in the dialog, or empty.
        password: Secret,
    },
    /// The account settings changed: reload them (intervals, policies).
    Reload,
    /// Finish the message in flight safely, then stop.
    Shutdown,
}

/// How one account's sync ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Messages downloaded (full or headers-only).
    pub downloaded: u64,
    /// Of those, headers-only because of the size limit.
    pub partial: u64,
    /// Messages deleted on the server (confirmed by QUIT).
    pub deleted_on_server: u64,
    /// Messages on the server already here.
    pub skipped: u64,
    /// Bytes downloaded.
    pub bytes: u64,
    /// Wall time.
    pub elapsed: std::time::Duration,
    /// The sync was cancelled before it finished.
    pub cancelled: bool,
    /// Messages above the size limit downloaded in full because the server
    /// has no `TOP` (RFC 1939 §7 makes it optional).
    pub full_without_top: u64,
    /// Messages larger than popmail accepts at all
    /// ([`crate::account::limits::MAX_MESSAGE_SIZE`]) left on a server that
    /// has no `TOP` to send their headers: not downloaded, not deleted.
    pub left_too_large: u64,
    /// Things the user should know about this sync, each a sentence
    /// (e.g. that the server has no TOP); the CLI prints them.
    pub notices: Vec<String>,
}

/// What the next sync would delete on the server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DryRunReport {
    /// Messages on the server now.
    pub on_server: u64,
    /// Messages the next sync would delete there.
    pub would_delete: u64,
    /// Bytes those messages take on the server.
    pub would_delete_bytes: u64,
    /// Earliest and latest download time of those messages (epoch seconds).
    pub received_between: Option<(i64, i64)>,
    /// Messages the next sync would download.
    pub would_download: u64,
}

impl DryRunReport {
    /// The report in words: the one description the window and the CLI show.
    pub fn describe(&self) -> String {
        let download = if self.would_download > 0 {
            format!(
                " {}", // not translated: the space between two sentences
                t!("sync-dry-download", count = self.would_download)
            )
        } else {
            String::new()
        };
        if self.would_delete == 0 {
            return t!("sync-dry-nothing", on_server = self.on_server) + &download;
        }
        let when = match self.received_between {
            Some((a, b)) if fmt::date(a) == fmt::date(b) => {
                t!("sync-dry-received-on", date = fmt::date(a))
            }
            Some((a, b)) => t!(
                "sync-dry-received-between",
                from = fmt::date(a),
                to = fmt::date(b)
            ),
            None => String::new(),
        };
        t!(
            "sync-dry-delete",
            count = self.would_delete,
            size = fmt::size(self.would_delete_bytes),
            when = when,
            on_server = self.on_server
        ) + &download
    }
}

/// One step of "Test connection".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestStep {
    /// Short name: "Resolve", "Connect", "TLS", "Capabilities", "Login", "Mailbox".
    pub name: String,
    /// `Ok(what was found)` or `Err(sentence with a suggestion)`.
    pub outcome: Result<String, String>,
}

/// A server certificate the user may choose to pin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertSummary {
    /// Subject distinguished name.
    pub subject: String,
    /// Issuer distinguished name.
    pub issuer: String,
    /// SHA-256 fingerprint, hex.
    pub sha256: String,
    /// Expiry, as text.
    pub not_after: String,
}

/// What the sync worker tells the UI.
#[derive(Debug, Clone)]
pub enum Event {
    /// An account's sync began.
    Started {
        /// The account.
        account: AccountId,
    },
    /// Progress of an account's sync.
    Progress {
        /// The account.
        account: AccountId,
        /// Messages done so far.
        messages_done: u64,
        /// Messages to download in this sync.
        messages_total: u64,
        /// Bytes done so far.
        bytes_done: u64,
        /// Bytes to download in this sync.
        bytes_total: u64,
    },
    /// New messages were stored.
    NewMail {
        /// The account.
        account: AccountId,
        /// The folder they went to.
        folder: FolderId,
        /// How many.
        count: u64,
        /// The first few of them (for a notification's senders and subjects).
        first: Vec<MessageId>,
        /// Whether the user hears about them: `false` for mail the rules or
        /// the junk filter filed as junk or to Trash.
        news: bool,
    },
    /// An account's sync ended well (or was cancelled).
    Finished {
        /// The account.
        account: AccountId,
        /// What was done.
        summary: Summary,
    },
    /// An account's sync failed.
    Failed {
        /// The account.
        account: AccountId,
        /// A sentence for the user, with a suggestion.
        message: String,
        /// The server certificate, when it was not trusted (offer pinning).
        certificate: Option<CertSummary>,
        /// The session's protocol log, credentials redacted.
        log: Vec<String>,
        /// The account must sign in again (OAuth 2.0: the sign-in expired
        /// or was withdrawn); the window offers "Sign in again".
        sign_in: bool,
    },
    /// Answer to [`Command::DryRun`].
    DryRun {
        /// The account.
        account: AccountId,
        /// The answer, or why it could not be computed.
        report: Result<DryRunReport, String>,
    },
    /// A step of [`Command::TestConnection`].
    TestStep {
        /// The request id.
        request: u64,
        /// The step.
        step: TestStep,
        /// The certificate, on the TLS step (also when untrusted).
        certificate: Option<CertSummary>,
        /// No more steps will follow for this request.
        last: bool,
    },
    /// Answer to [`Command::FetchFull`].
    FullFetched {
        /// The headers-only message.
        old: MessageId,
        /// The full message that replaced it, or why it failed.
        new: Result<MessageId, String>,
    },
    /// The worker stopped; no events follow.
    Stopped {
        /// Why.
        reason: String,
    },
}

/// Connection timeouts for sessions.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    /// TCP connect.
    pub connect: Duration,
    /// Each read or write.
    pub read: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: limits::CONNECT_TIMEOUT,
            read: limits::READ_TIMEOUT,
        }
    }
}

/// Now, as epoch seconds. Injected so tests can move time forward.
pub type Clock = Arc<dyn Fn() -> i64 + Send + Sync>;

/// Settings of a sync worker.
#[derive(Clone)]
pub struct SyncOptions {
    /// The store file; every thread opens its own connection.
    pub store: StoreConfig,
    /// Called after each event is sent.
    pub repaint: Repaint,
    /// The time source.
    pub clock: Clock,
    /// Socket timeouts.
    pub timeouts: Timeouts,
    /// Run periodic checks (each account's interval) and start-up checks.
    pub scheduled: bool,
}

impl SyncOptions {
    /// Defaults for `store`: real clock, default timeouts, no schedule.
    pub fn new(store: StoreConfig) -> Self {
        SyncOptions {
            store,
            repaint: crate::worker::no_repaint(),
            clock: Arc::new(crate::store::now),
            timeouts: Timeouts::default(),
            scheduled: false,
        }
    }
}

/// Sends events and wakes the UI: the sync's end of its worker's
/// [`Outbox`], shared by the dispatcher and every account thread.
#[derive(Clone)]
pub struct Emitter(Outbox<Event>);

impl Emitter {
    /// Wraps the worker's outbox.
    pub fn new(outbox: Outbox<Event>) -> Self {
        Emitter(outbox)
    }

    /// Sends an event.
    pub fn send(&self, event: Event) {
        // The sync still finishes the batch in flight (its commits keep the
        // store whole).
        let _ = self.0.send(event); // closed: the UI is gone, nobody needs it
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dry_run_sentences() {
        let r = DryRunReport {
            on_server: 140,
            would_delete: 132,
            would_delete_bytes: 2_500_000,
            received_between: Some((1_704_067_200, 1_709_942_400)),
            would_download: 0,
        };
        assert_eq!(
            r.describe(),
            "The next sync would delete 132 messages (2.4 MB) from the server, received \
             between 1 Jan 2024 and 9 Mar 2024. 140 messages are there now."
        );
        let none = DryRunReport {
            on_server: 1,
            would_download: 1,
            ..DryRunReport::default()
        };
        assert_eq!(
            none.describe(),
            "The next sync would delete nothing from the server (1 message is there now). \
             It would first download 1 new message."
        );
    }
}

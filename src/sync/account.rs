//! One account's sync: the no-loss download and the server clean-up.
//!
//! Order, per RFC 1939 and popmail's no-loss rule:
//! 1. log in, list the server (UIDL, or identities from headers; a UIDL
//!    listed twice becomes UIDL + header hash, see `identity`), mark
//!    ledger rows whose UIDL is gone as stale;
//! 2. if the ledger is empty but the store already has mail (a new ledger
//!    over old mail), match new messages by Message-ID and Date from
//!    `TOP n 0` and adopt them into the ledger instead of downloading them;
//! 3. download what the ledger lacks — `TOP n 20` (headers and first lines)
//!    above the size limit (unless a rule says "download in full"), RETR
//!    (pipelined) otherwise — decide each message's folder, flags and server
//!    action (`sync::place`) and commit messages with their ledger rows and
//!    server marks durably (`synchronous=FULL`) in batches;
//! 4. only then DELE what the policy says (never a message not stored in full);
//! 5. QUIT; only a `+OK` to QUIT lets the ledger say "deleted on server".
//!
//! A crash anywhere costs at most a re-download, and SHA-256 dedupe keeps one copy.

use crate::worker::Cancel;
use std::collections::HashSet;
use std::time::Instant;

use super::identity;
use super::place::{self, Folders, Placement, Placer};
use super::policy::{self, Downloads, OnServer, plan_deletions};
use super::session;
use super::{Emitter, Error, Event, Summary, Timeouts};
use crate::account::AuthMethod;
use crate::account::limits;
use crate::failpoint;
use crate::pop3::{self, Client, ProtocolLog, SinkError};
use crate::store::{Account, Dedupe, Flags, NewDownload, NewMessage, ServerMark, Store};

/// Lines of the body kept in a headers-only download (`TOP n 20`).
pub const PARTIAL_BODY_LINES: u32 = 20;

/// An account sync that failed, with the session's protocol log.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong.
    pub error: Error,
    /// The protocol log (credentials redacted).
    pub log: Vec<String>,
}

impl Failure {
    /// A failure with its protocol log (boxed: a `Result` stays small).
    pub fn new(error: impl Into<Error>, log: Vec<String>) -> Box<Failure> {
        Box::new(Failure {
            error: error.into(),
            log,
        })
    }
}

impl From<Error> for Box<Failure> {
    fn from(error: Error) -> Self {
        Failure::new(error, Vec::new())
    }
}

/// Everything an account sync needs besides the account.
pub struct Ctx<'a> {
    /// The worker's own store connection.
    pub store: &'a mut Store,
    /// Where events go.
    pub emit: &'a Emitter,
    /// Set when the user cancels.
    pub cancel: &'a Cancel,
    /// Now, in epoch seconds (injected for tests of keep-N-days).
    pub now: i64,
    /// Socket timeouts.
    pub timeouts: Timeouts,
}

fn log_lines(log: &ProtocolLog) -> Vec<String> {
    log.to_text().lines().map(str::to_string).collect()
}

/// Syncs one account. Emits progress and new-mail events on the way.
pub fn sync(ctx: &mut Ctx<'_>, account: &Account) -> Result<Summary, Box<Failure>> {
    let cfg = session::login_config(ctx.store, account, ctx.timeouts, ctx.cancel, None)?;
    match sync_with(ctx, account, &cfg) {
        // An OAuth access token the server refused at login (nothing was
        // downloaded yet): refresh once more and try again.
        Err(f)
            if account.settings.auth == AuthMethod::OAuth2
                && matches!(f.error, Error::Pop3(pop3::Error::SignInExpired { .. })) =>
        {
            let cfg = session::login_config(
                ctx.store,
                account,
                ctx.timeouts,
                ctx.cancel,
                Some(&cfg.password),
            )?;
            sync_with(ctx, account, &cfg)
        }
        other => other,
    }
}

fn sync_with(
    ctx: &mut Ctx<'_>,
    account: &Account,
    cfg: &pop3::Config,
) -> Result<Summary, Box<Failure>> {
    let started = Instant::now();
    let mut log = ProtocolLog::new();
    let mut client = Client::connect_with(cfg, &mut log, &mut |_| {})
        .map_err(|e| Failure::new(e, log_lines(&log)))?;
    let mut summary = Summary::default();
    let deleted = match work(ctx, account, &mut client, &mut summary) {
        Ok(deleted) => deleted,
        Err(error) => {
            return Err(Failure::new(error, log_lines(client.log())));
        }
    };
    let (quit, log) = client.quit_with_log();
    if let Err(e) = quit {
        // RFC 1939 §6: without a +OK to QUIT the server deletes nothing.
        return Err(Failure::new(e, log_lines(&log)));
    }
    failpoint::hit("mid-quit");
    if !deleted.is_empty() {
        ctx.store
            .mark_server_deleted(account.id, &deleted, ctx.now)
            .map_err(|e| Failure::new(e, log_lines(&log)))?;
        summary.deleted_on_server = deleted.len() as u64;
    }
    summary.elapsed = started.elapsed();
    summary.cancelled = ctx.cancel.is_cancelled();
    Ok(summary)
}

/// The session's work up to QUIT; returns the UIDLs marked for deletion.
fn work(
    ctx: &mut Ctx<'_>,
    account: &Account,
    client: &mut Client,
    summary: &mut Summary,
) -> Result<Vec<String>, Error> {
    client.login()?;
    let session::Listing {
        messages: server,
        shared_uidl,
    } = session::listing(client)?;
    let on_server: HashSet<String> = server.iter().map(|m| m.uidl.clone()).collect();
    ctx.store.mark_stale(account.id, &on_server, ctx.now)?;
    let ledger = ctx.store.ledger(account.id)?;
    let mut new: Vec<OnServer> = server
        .iter()
        .filter(|m| !ledger.contains_key(&m.uidl))
        .cloned()
        .collect();
    summary.skipped = (server.len() - new.len()) as u64;

    let caps = client.capabilities();
    let no_top = caps.capa_supported && !caps.top;
    if ledger.is_empty() && !new.is_empty() && !no_top && ctx.store.has_messages()? {
        let adopted = adopt_by_headers(ctx, account, client, &new)?;
        summary.skipped += adopted.len() as u64;
        new.retain(|m| !adopted.contains(&m.uidl));
    }

    // Told once: when messages sharing a UIDL are downloaded, not on every sync.
    let new_shared: Vec<String> = new
        .iter()
        .filter(|m| shared_uidl.contains(&m.uidl))
        .map(|m| m.uidl.clone())
        .collect();
    let mut downloads = Downloads::split(account.settings.max_size_kb, new);
    if no_top && !downloads.headers_only.is_empty() {
        // RFC 2449 §6.4: no TOP in CAPA, no TOP. Download those in full.
        // Beyond what popmail accepts at all they stay on the server, untouched.
        let before = downloads.headers_only.len();
        downloads
            .headers_only
            .retain(|m| m.size <= limits::MAX_MESSAGE_SIZE);
        summary.left_too_large = (before - downloads.headers_only.len()) as u64;
        summary.full_without_top = downloads.headers_only.len() as u64;
        downloads.full.append(&mut downloads.headers_only);
        downloads.full.sort_by_key(|m| m.msg);
    }
    let placer = Placer::load(ctx.store, account, ctx.now)?;
    download(
        ctx,
        account,
        client,
        &placer,
        &downloads.headers_only,
        &downloads.full,
        summary,
    )?;

    let ledger = ctx.store.ledger(account.id)?;
    let shared_stored = new_shared
        .iter()
        .filter(|u| ledger.contains_key(*u))
        .count() as u64;
    if shared_stored > 0 {
        summary.notices.push(identity::notice(shared_stored));
    }
    let mut known = policy::known(&ledger);
    policy::keep_on_server(&mut known, &ctx.store.kept_on_server(account.id)?);
    let plan = plan_deletions(
        account.settings.policy,
        account.settings.delete_when_deleted_here,
        &server,
        &known,
        ctx.now,
    );
    if plan.is_empty() {
        return Ok(Vec::new());
    }
    failpoint::hit("after-commit");
    let numbers: Vec<u32> = plan.iter().map(|(m, _)| m.msg).collect();
    client.dele_many(&numbers)?;
    failpoint::hit("after-dele");
    Ok(plan.into_iter().map(|(m, _)| m.uidl).collect())
}

/// Downloads `partial` (TOP) and `full` (RETR) messages. This thread reads
/// from the server and parses; a scoped writer thread commits durably, so
/// the network, parsing and SQLite keep both cores busy.
fn download(
    ctx: &mut Ctx<'_>,
    account: &Account,
    client: &mut Client,
    placer: &Placer,
    partial: &[OnServer],
    full: &[OnServer],
    summary: &mut Summary,
) -> Result<(), Error> {
    let messages_total = (partial.len() + full.len()) as u64;
    let bytes_total = partial.iter().chain(full).map(|m| m.size).sum();
    let (cancel, now, emit) = (ctx.cancel, ctx.now, ctx.emit);
    let store = &mut *ctx.store;
    let (tx, rx) = crossbeam_channel::bounded::<(NewDownload, u64, Placement)>(256);
    let (read, written) = std::thread::scope(|scope| {
        let writer = std::thread::Builder::new()
            .name(format!("popmail-store-{}", account.id.0))
            .spawn_scoped(scope, move || {
                let mut batch = Batch::new(account, messages_total, bytes_total);
                for (download, bytes, placement) in rx {
                    batch.push(store, emit, download, bytes, &placement)?;
                }
                // Whatever arrived complete is committed, even if the session broke.
                batch.flush(store, emit)?;
                Ok::<_, Error>(batch)
            });
        let writer = match writer {
            Ok(w) => w,
            Err(e) => return (Ok(()), Err(Error::Thread(e))),
        };
        let read = read_messages(client, account, placer, partial, full, cancel, now, &tx);
        let read = read.map(|(without_top, too_large)| {
            summary.full_without_top += without_top;
            summary.left_too_large += too_large;
        });
        drop(tx);
        let written = writer.join().unwrap_or_else(|_| {
            Err(Error::Thread(std::io::Error::other(crate::t!(
                "sync-writer-stopped"
            ))))
        });
        (read, written)
    });
    // A store failure explains a stopped download better than the sink error it caused.
    let batch = written?;
    summary.downloaded = batch.stored;
    summary.partial = batch.stored_partial;
    summary.bytes = batch.bytes_done;
    if summary.full_without_top > 0 {
        summary.notices.push(crate::t!(
            "sync-notice-no-top",
            count = summary.full_without_top
        ));
    }
    if summary.left_too_large > 0 {
        summary.notices.push(crate::t!(
            "sync-notice-too-large",
            count = summary.left_too_large,
            limit = crate::fmt::size(limits::MAX_MESSAGE_SIZE)
        ));
    }
    match read {
        Ok(()) => Ok(()),
        Err(crate::pop3::Error::Sink { .. }) if cancel.is_cancelled() => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Reads the messages from the server and hands them, parsed and decided
/// ([`Placer::decide`]), to the writer. A headers-only message that a rule
/// wants whole is asked with RETR after the others' TOP. A server that
/// refuses `TOP` (RFC 1939 §7: optional) gets the remaining headers-only
/// messages asked with RETR instead; returns how many, and how many of them
/// are too large to download at all (left on the server).
#[allow(clippy::too_many_arguments)]
fn read_messages(
    client: &mut Client,
    account: &Account,
    placer: &Placer,
    partial: &[OnServer],
    full: &[OnServer],
    cancel: &Cancel,
    now: i64,
    tx: &crossbeam_channel::Sender<(NewDownload, u64, Placement)>,
) -> Result<(u64, u64), crate::pop3::Error> {
    let prepare = |m: &OnServer, raw: Vec<u8>, partial: bool| {
        let bytes = if partial { m.size } else { raw.len() as u64 };
        // The folder and flags are set by the writer from the placement.
        let message = NewMessage::prepare(raw, account.inbox, Flags::default())
            .from_account(account.id, Some(m.uidl.clone()))
            .partial(partial)
            .received_at(now)
            .dedupe(Dedupe::Anywhere);
        let placement = placer.decide(&message, m.size);
        (
            NewDownload {
                uidl: m.uidl.clone(),
                server_size: m.size,
                header_key: None,
                message,
            },
            bytes,
            placement,
        )
    };
    let stopped = || SinkError::new(crate::t!("sync-download-stopped"));
    let mut without_top: Vec<OnServer> = Vec::new();
    let mut too_large = 0;
    let mut promoted: Vec<OnServer> = Vec::new();
    for (i, m) in partial.iter().enumerate() {
        if cancel.is_cancelled() {
            return Ok((0, 0));
        }
        let head = match client.top(m.msg, PARTIAL_BODY_LINES) {
            Ok(head) => head,
            Err(crate::pop3::Error::Rejected { .. }) => {
                // No TOP here: the rest of them in full, with the others.
                without_top = partial.get(i..).unwrap_or_default().to_vec();
                // Beyond what popmail accepts at all they stay on the server.
                let before = without_top.len();
                without_top.retain(|m| m.size <= limits::MAX_MESSAGE_SIZE);
                too_large = (before - without_top.len()) as u64;
                break;
            }
            Err(e) => return Err(e),
        };
        let item = prepare(m, head, true);
        if place::promote(&item.2, m.size) {
            promoted.push(m.clone());
            continue;
        }
        if tx.send(item).is_err() {
            return Err(crate::pop3::Error::Sink {
                msg: m.msg,
                source: stopped(),
            });
        }
    }
    let count = without_top.len() as u64;
    let mut full = full.to_vec();
    full.append(&mut without_top);
    full.append(&mut promoted);
    full.sort_by_key(|m| m.msg);
    if cancel.is_cancelled() || full.is_empty() {
        return Ok((count, too_large));
    }
    let numbers: Vec<u32> = full.iter().map(|m| m.msg).collect();
    client.retr_many(&numbers, &mut |msg, raw| {
        failpoint::hit("mid-retr");
        let Some(m) = full.iter().find(|m| m.msg == msg) else {
            return Err(SinkError::new(crate::t!(
                "sync-unasked-message",
                msg = msg.to_string()
            )));
        };
        tx.send(prepare(m, raw, false)).map_err(|_| stopped())?;
        if cancel.is_cancelled() {
            return Err(SinkError::new("cancelled"));
        }
        Ok(())
    })?;
    Ok((count, too_large))
}

/// New messages waiting for their durable commit, and the progress counters.
struct Batch<'a> {
    account: &'a Account,
    pending: Vec<NewDownload>,
    /// Per pending message: its folder and what the rules said on the server.
    /// Each pending message's folder, server mark, and whether it is news
    /// to tell the user about (not filed as junk or to Trash).
    placed: Vec<(crate::store::FolderId, ServerMark, bool)>,
    folders: Folders,
    pending_bytes: usize,
    first_pending: Option<Instant>,
    messages_total: u64,
    bytes_total: u64,
    messages_done: u64,
    bytes_done: u64,
    stored: u64,
    stored_partial: u64,
    last_progress: Option<Instant>,
}

impl<'a> Batch<'a> {
    fn new(account: &'a Account, messages_total: u64, bytes_total: u64) -> Self {
        Batch {
            account,
            pending: Vec::new(),
            placed: Vec::new(),
            folders: Folders::new(account),
            pending_bytes: 0,
            first_pending: None,
            messages_total,
            bytes_total,
            messages_done: 0,
            bytes_done: 0,
            stored: 0,
            stored_partial: 0,
            last_progress: None,
        }
    }

    fn push(
        &mut self,
        store: &mut Store,
        emit: &Emitter,
        mut download: NewDownload,
        bytes: u64,
        placement: &Placement,
    ) -> Result<(), Error> {
        self.bytes_done += bytes;
        self.messages_done += 1;
        self.pending_bytes += download.message.raw().len();
        let folder = self.folders.resolve(store, &placement.destination)?;
        download.message = self.folders.place(store, download.message, placement)?;
        let news = !matches!(
            placement.destination,
            crate::rules::Destination::Junk | crate::rules::Destination::Trash
        );
        self.placed.push((folder, placement.server, news));
        self.pending.push(download);
        let first = *self.first_pending.get_or_insert_with(Instant::now);
        if self.pending.len() >= limits::SYNC_BATCH.messages
            || self.pending_bytes >= limits::SYNC_BATCH.bytes
            || first.elapsed() >= limits::SYNC_BATCH.time
        {
            self.flush(store, emit)?;
        } else if self
            .last_progress
            .is_none_or(|t| t.elapsed() >= crate::worker::PROGRESS_INTERVAL)
        {
            self.progress(emit);
        }
        Ok(())
    }

    /// Commits the pending messages durably; only then may they be deleted on the server.
    fn flush(&mut self, store: &mut Store, emit: &Emitter) -> Result<(), Error> {
        if self.pending.is_empty() {
            self.progress(emit);
            return Ok(());
        }
        let marks: Vec<ServerMark> = self.placed.iter().map(|(_, m, _)| *m).collect();
        let inserted = store.record_placed_downloads(
            self.account.id,
            &self.pending,
            &marks,
            self.pending_now(),
        )?;
        let new = super::news::events(
            self.account.id,
            &inserted,
            self.placed.iter().map(|(f, _, news)| (*f, *news)),
        );
        self.stored += self.pending.len() as u64;
        self.stored_partial += self
            .pending
            .iter()
            .filter(|d| d.message.is_partial())
            .count() as u64;
        self.pending.clear();
        self.placed.clear();
        self.pending_bytes = 0;
        self.first_pending = None;
        for e in new {
            emit.send(e);
        }
        self.progress(emit);
        Ok(())
    }

    /// The download time recorded in the ledger: the sync's clock.
    fn pending_now(&self) -> i64 {
        self.pending.first().map_or(0, |d| d.message.received())
    }

    fn progress(&mut self, emit: &Emitter) {
        self.last_progress = Some(Instant::now());
        emit.send(Event::Progress {
            account: self.account.id,
            messages_done: self.messages_done,
            messages_total: self.messages_total,
            bytes_done: self.bytes_done,
            bytes_total: self.bytes_total,
        });
    }
}

/// Finds server messages already stored here (same Message-ID and Date
/// header) and records them in the ledger, so they are not downloaded twice.
fn adopt_by_headers(
    ctx: &mut Ctx<'_>,
    account: &Account,
    client: &mut Client,
    new: &[OnServer],
) -> Result<HashSet<String>, Error> {
    let mut adopted = HashSet::new();
    for m in new {
        if ctx.cancel.is_cancelled() {
            break;
        }
        let head = match client.top(m.msg, 0) {
            Ok(head) => head,
            // No TOP (RFC 1939 §7: optional): adopt nothing more; at worst
            // a message is downloaded again and deduplicated by SHA-256.
            Err(crate::pop3::Error::Rejected { .. }) => break,
            Err(e) => return Err(e.into()),
        };
        let envelope = crate::mail::envelope(&head);
        let Some(id) = envelope.message_id.as_deref() else {
            continue;
        };
        let found = ctx.store.find_by_message_id(id)?;
        // Same Message-ID and the same Date header: the same message.
        let same = |date: &Option<String>| date.is_some() && *date == envelope.date_header;
        if let Some((local, _)) = found.iter().find(|(_, date)| same(date)) {
            let key = session::header_identity(&head);
            ctx.store.adopt_into_ledger(
                account.id,
                &m.uidl,
                *local,
                m.size,
                Some(&key),
                ctx.now,
            )?;
            adopted.insert(m.uidl.clone());
        }
    }
    Ok(adopted)
}

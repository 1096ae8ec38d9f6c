//! The UIDL ledger: every message ever downloaded from each POP3 account,
//! keyed by its UIDL (RFC 1939 §7), with the message it became and whether it
//! was deleted here and on the server.
//!
//! The ledger outlives local messages (`message_id` becomes NULL when the
//! message is expunged), so a message deleted here is never downloaded again.
//! A row says "deleted on server" only after the server answered +OK to QUIT.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::messages::insert_in;
use super::{AccountId, Context, Flags, Inserted, MessageId, NewMessage, Result, Store};

/// One ledger row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerEntry {
    /// The server's unique id for the message.
    pub uidl: String,
    /// When it was downloaded (epoch seconds).
    pub downloaded_at: i64,
    /// The local message, while it exists.
    pub message: Option<MessageId>,
    /// Size on the server, as LIST reported it.
    pub size: Option<u64>,
    /// Identity derived from the headers (servers without UIDL; ledger rebuilds).
    pub header_key: Option<String>,
    /// Only the headers were downloaded.
    pub partial: bool,
    /// When the user deleted it here for good.
    pub deleted_here_at: Option<i64>,
    /// It should be deleted on the server at the next sync.
    pub delete_pending: bool,
    /// When the server confirmed the deletion (QUIT answered +OK).
    pub server_deleted_at: Option<i64>,
    /// Since when the server no longer lists it.
    pub stale_since: Option<i64>,
}

/// A downloaded message and its ledger facts, for [`Store::record_downloads`].
#[derive(Debug, Clone)]
pub struct NewDownload {
    /// The server's UIDL.
    pub uidl: String,
    /// Size on the server (LIST).
    pub server_size: u64,
    /// Identity from the headers, when known.
    pub header_key: Option<String>,
    /// The message (with `from_account` set; dedupe within the account).
    pub message: NewMessage,
}

impl Store {
    /// The ledger of an account, keyed by UIDL.
    pub fn ledger(&self, account: AccountId) -> Result<HashMap<String, LedgerEntry>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT uidl, downloaded_at, message_id, size, header_key, partial, deleted_here_at, \
                 delete_pending, server_deleted_at, stale_since FROM uidl_ledger WHERE account_id = ?1",
            )
            .ctx("reading the UIDL ledger")?;
        let rows = stmt
            .query_map([account.0], |r| {
                Ok(LedgerEntry {
                    uidl: r.get(0)?,
                    downloaded_at: r.get(1)?,
                    message: r.get::<_, Option<i64>>(2)?.map(MessageId),
                    size: r.get::<_, Option<i64>>(3)?.map(|s| s.max(0).unsigned_abs()),
                    header_key: r.get(4)?,
                    partial: r.get(5)?,
                    deleted_here_at: r.get(6)?,
                    delete_pending: r.get(7)?,
                    server_deleted_at: r.get(8)?,
                    stale_since: r.get(9)?,
                })
            })
            .ctx("reading the UIDL ledger")?;
        rows.map(|r| r.map(|e| (e.uidl.clone(), e)))
            .collect::<rusqlite::Result<_>>()
            .ctx("reading the UIDL ledger")
    }

    /// Stores downloaded messages and their ledger rows in one durable
    /// commit (`synchronous=FULL`). Only after this returns may the caller
    /// send DELE for these messages.
    pub fn record_downloads(
        &mut self,
        account: AccountId,
        items: &[NewDownload],
        at: i64,
    ) -> Result<Vec<Inserted>> {
        let out = self.durable(|tx| record_in(tx, account, items, at))?;
        self.hand_over(items.iter().map(|i| &i.message), &out);
        Ok(out)
    }

    /// Adds a ledger row for a message already stored here (ledger rebuilt
    /// by matching headers), so it is not downloaded again.
    pub fn adopt_into_ledger(
        &mut self,
        account: AccountId,
        uidl: &str,
        message: MessageId,
        server_size: u64,
        header_key: Option<&str>,
        at: i64,
    ) -> Result<()> {
        self.durable(|tx| {
            tx.execute(
                "INSERT INTO uidl_ledger (account_id, uidl, downloaded_at, message_id, size, header_key) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (account_id, uidl) DO NOTHING",
                params![account.0, uidl, at, message.0, i64::try_from(server_size).unwrap_or(i64::MAX), header_key],
            )
            .ctx("adopting a message into the ledger")
            .map(drop)
        })
    }

    /// Records that the server confirmed deleting these UIDLs (after QUIT +OK).
    pub fn mark_server_deleted(
        &mut self,
        account: AccountId,
        uidls: &[String],
        at: i64,
    ) -> Result<()> {
        self.durable(|tx| {
            let mut stmt = tx
                .prepare_cached(
                    "UPDATE uidl_ledger SET server_deleted_at = ?3, delete_pending = 0 \
                     WHERE account_id = ?1 AND uidl = ?2",
                )
                .ctx("recording server deletions")?;
            for uidl in uidls {
                stmt.execute(params![account.0, uidl, at])
                    .ctx("recording server deletions")?;
            }
            Ok(())
        })
    }

    /// Marks ledger rows whose UIDL the server no longer lists as stale (and
    /// clears the mark on those it lists again). Rows are never forgotten.
    pub fn mark_stale(
        &mut self,
        account: AccountId,
        on_server: &std::collections::HashSet<String>,
        at: i64,
    ) -> Result<()> {
        let ledger = self.ledger(account)?;
        let tx = self.write_tx().ctx("marking stale ledger rows")?;
        {
            let mut stmt = tx
                .prepare_cached(
                    "UPDATE uidl_ledger SET stale_since = ?3 WHERE account_id = ?1 AND uidl = ?2",
                )
                .ctx("marking stale ledger rows")?;
            for (uidl, entry) in &ledger {
                let listed = on_server.contains(uidl);
                let mark = match (listed, entry.stale_since) {
                    (true, Some(_)) => Some(None),
                    (false, None) if entry.server_deleted_at.is_none() => Some(Some(at)),
                    _ => None,
                };
                if let Some(value) = mark {
                    stmt.execute(params![account.0, uidl, value])
                        .ctx("marking stale ledger rows")?;
                }
            }
        }
        tx.commit().ctx("marking stale ledger rows")
    }

    /// Whether the store holds any message at all.
    pub fn has_messages(&self) -> Result<bool> {
        self.conn
            .query_row("SELECT EXISTS(SELECT 1 FROM messages)", [], |r| r.get(0))
            .ctx("checking for messages")
    }

    /// The account and UIDL a message was downloaded under, if any.
    pub fn message_origin(&self, id: MessageId) -> Result<(Option<AccountId>, Option<String>)> {
        self.conn
            .query_row(
                "SELECT account_id, uidl FROM messages WHERE id = ?1",
                [id.0],
                |r| Ok((r.get::<_, Option<i64>>(0)?.map(AccountId), r.get(1)?)),
            )
            .optional()
            .ctx("reading a message's origin")?
            .ok_or_else(|| super::Error::NotFound(format!("no message with id {}", id.0)))
    }

    /// Local messages of an account that carry this Message-ID (for
    /// rebuilding a lost ledger without downloading twice).
    pub fn find_by_message_id(&self, message_id: &str) -> Result<Vec<(MessageId, Option<String>)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, date_header FROM messages WHERE message_id = ?1")
            .ctx("looking up a Message-ID")?;
        let rows = stmt
            .query_map([message_id], |r| Ok((MessageId(r.get(0)?), r.get(1)?)))
            .ctx("looking up a Message-ID")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("looking up a Message-ID")
    }

    /// Replaces a headers-only message by its full download, keeping its
    /// folder and flags; the ledger row follows. Durable.
    pub fn replace_partial(
        &mut self,
        old: MessageId,
        uidl: &str,
        full: NewMessage,
    ) -> Result<MessageId> {
        let row = self.row(old)?;
        let account = row.account;
        let trashed_from: Option<i64> = self
            .conn
            .query_row(
                "SELECT trashed_from FROM messages WHERE id = ?1",
                [old.0],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading a message")?
            .flatten();
        self.durable(|tx| {
            let full = NewMessage::clone(&full);
            let mut inserted = insert_in(tx, &[full.with_folder_and_flags(row.folder, Flags(row.flags.0))])?;
            let new_id = inserted.pop().map(Inserted::id).ok_or_else(|| super::Error::Invalid("nothing stored".into()))?;
            tx.execute("UPDATE messages SET trashed_from = ?2 WHERE id = ?1", params![new_id.0, trashed_from])
                .ctx("keeping the message's place")?;
            if let Some(a) = account {
                tx.execute(
                    "UPDATE uidl_ledger SET message_id = ?3, partial = 0 WHERE account_id = ?1 AND uidl = ?2",
                    params![a.0, uidl, new_id.0],
                )
                .ctx("updating the ledger")?;
            }
            tx.execute("DELETE FROM messages WHERE id = ?1", [old.0]).ctx("removing the headers-only copy")?;
            Ok(new_id)
        })
    }
}

/// Stores downloads and their ledger rows inside an open transaction.
pub(crate) fn record_in(
    tx: &rusqlite::Transaction<'_>,
    account: AccountId,
    items: &[NewDownload],
    at: i64,
) -> Result<Vec<Inserted>> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let inserted = insert_in(tx, std::slice::from_ref(&item.message))?;
        let id = inserted.first().map(|i| i.id());
        tx.prepare_cached(
                    "INSERT INTO uidl_ledger (account_id, uidl, downloaded_at, message_id, sha256, size, header_key, partial) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                     ON CONFLICT (account_id, uidl) DO UPDATE SET message_id = excluded.message_id, \
                     sha256 = excluded.sha256, size = excluded.size, partial = excluded.partial, \
                     header_key = coalesce(excluded.header_key, header_key), stale_since = NULL",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        account.0,
                        item.uidl,
                        at,
                        id.map(|i| i.0),
                        &item.message.sha256()[..],
                        i64::try_from(item.server_size).unwrap_or(i64::MAX),
                        item.header_key,
                        item.message.is_partial(),
                    ])
                })
                .ctx("recording a download in the ledger")?;
        out.extend(inserted);
    }
    Ok(out)
}

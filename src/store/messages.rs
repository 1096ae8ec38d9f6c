//! Messages: inserting in batches, listing pages of a folder in any sort
//! order, and reading the stored bytes.
//!
//! Parsing and hashing happen in [`NewMessage::prepare`], on the caller's
//! thread, so a writer can keep one core busy with SQLite while another parses.
//! The full-text index is not written here: after the commit the parsed text
//! goes to the indexer thread ([`super::indexer`]), which writes the index
//! file. Each new message gets an id above every id the store ever gave out
//! (`store_meta.id_floor`), so the indexer's watermark stays exact.

use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::{
    AccountId, Context, Error, Flags, FolderId, MessageId, MessageRow, Result, Scope, Sort, Store,
    now,
};
use crate::mail;

/// Whether an insert skips a message whose bytes are already stored.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Dedupe {
    /// Always insert.
    #[default]
    None,
    /// Skip when the same bytes are already in the target folder.
    InFolder,
    /// Skip when the same bytes came from the same account (any folder).
    InAccount,
    /// Skip when the same bytes are stored anywhere.
    Anywhere,
}

/// What happened to one message of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// Stored as a new message.
    New(MessageId),
    /// Already stored (by SHA-256); nothing was written.
    Duplicate(MessageId),
}

impl Inserted {
    /// The id of the stored message, new or existing.
    pub fn id(self) -> MessageId {
        match self {
            Self::New(id) | Self::Duplicate(id) => id,
        }
    }
}

/// A message ready to be inserted: bytes, what was parsed from them, and where it goes.
#[derive(Debug, Clone)]
pub struct NewMessage {
    raw: Vec<u8>,
    parsed: mail::Parsed,
    folder: FolderId,
    flags: Flags,
    account: Option<AccountId>,
    uidl: Option<String>,
    partial: bool,
    received_at: i64,
    dedupe: Dedupe,
}

impl NewMessage {
    /// Hashes and parses `raw` (CPU work, done on the calling thread).
    pub fn prepare(raw: Vec<u8>, folder: FolderId, flags: Flags) -> NewMessage {
        let parsed = mail::parse(&raw);
        NewMessage {
            raw,
            parsed,
            folder,
            flags,
            account: None,
            uidl: None,
            partial: false,
            received_at: now(),
            dedupe: Dedupe::None,
        }
    }

    /// Marks the message as downloaded from `account` under `uidl`.
    #[must_use]
    pub fn from_account(mut self, account: AccountId, uidl: Option<String>) -> Self {
        self.account = Some(account);
        self.uidl = uidl;
        self
    }

    /// Marks the message as headers-only (the server copy is larger).
    #[must_use]
    pub fn partial(mut self, partial: bool) -> Self {
        self.partial = partial;
        self
    }

    /// Sets when the message arrived (epoch seconds).
    #[must_use]
    pub fn received_at(mut self, at: i64) -> Self {
        self.received_at = at;
        self
    }

    /// Sets the duplicate rule.
    #[must_use]
    pub fn dedupe(mut self, dedupe: Dedupe) -> Self {
        self.dedupe = dedupe;
        self
    }

    /// Marks the bytes as a damaged message (an import region that does not
    /// start with a header field, text before an mbox's first `From_` line, an
    /// odd file in a maildir): it is listed as [`mail::UNPARSEABLE_SUBJECT`]
    /// with `why` as its parse error, and its bytes are kept unchanged.
    #[must_use]
    pub fn damaged(mut self, why: &str) -> Self {
        let snippet = if self.parsed.envelope.snippet.is_empty() {
            let head = self.raw.get(..self.raw.len().min(160)).unwrap_or_default();
            String::from_utf8_lossy(head)
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            std::mem::take(&mut self.parsed.envelope.snippet)
        };
        self.parsed.envelope = mail::Envelope {
            subject: mail::UNPARSEABLE_SUBJECT.to_string(),
            snippet,
            parse_error: Some(why.to_string()),
            ..mail::Envelope::default()
        };
        self
    }

    /// SHA-256 of the bytes.
    pub fn sha256(&self) -> [u8; 32] {
        self.parsed.sha256
    }

    /// The bytes.
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// The parsed list columns.
    pub fn envelope(&self) -> &mail::Envelope {
        &self.parsed.envelope
    }

    /// The decoded body text (as indexed): what rules and the junk filter read.
    pub fn body_text(&self) -> &str {
        &self.parsed.index_text
    }

    /// When the message arrived (epoch seconds).
    pub fn received(&self) -> i64 {
        self.received_at
    }

    /// Whether only the headers were downloaded.
    pub fn is_partial(&self) -> bool {
        self.partial
    }

    pub(crate) fn with_folder_and_flags(mut self, folder: FolderId, flags: Flags) -> Self {
        self.folder = folder;
        self.flags = flags;
        self.dedupe = Dedupe::None;
        self
    }
}

pub(crate) const ROW_COLUMNS: &str = "m.id, m.folder_id, m.account_id, m.date, m.from_name, m.from_addr, \
    m.subject, m.size, m.flags, m.has_attachments, m.partial, m.snippet, m.thread_key, m.sha256";

pub(crate) fn row_from(r: &Row<'_>) -> rusqlite::Result<MessageRow> {
    let sha: Vec<u8> = r.get(13)?;
    let mut sha256 = [0u8; 32];
    if let Some(src) = sha.get(..32) {
        sha256.copy_from_slice(src);
    }
    Ok(MessageRow {
        id: MessageId(r.get(0)?),
        folder: FolderId(r.get(1)?),
        account: r.get::<_, Option<i64>>(2)?.map(AccountId),
        date: r.get(3)?,
        from_name: r.get(4)?,
        from_addr: r.get(5)?,
        subject: r.get(6)?,
        size: r.get::<_, i64>(7)?.max(0).unsigned_abs(),
        flags: Flags(r.get(8)?),
        has_attachments: r.get(9)?,
        partial: r.get(10)?,
        snippet: r.get(11)?,
        thread_key: r.get(12)?,
        sha256,
    })
}

impl Store {
    /// Inserts a batch of messages in one transaction.
    pub fn insert_batch(&mut self, batch: &[NewMessage]) -> Result<Vec<Inserted>> {
        let tx = self.write_tx().ctx("starting an insert")?;
        let out = insert_in(&tx, batch)?;
        tx.commit().ctx("committing new messages")?;
        self.hand_over(batch.iter(), &out);
        Ok(out)
    }

    /// Number of messages in a scope.
    pub fn count(&self, scope: Scope) -> Result<u64> {
        let n: i64 = match scope {
            Scope::Folder(f) => self
                .conn
                .query_row("SELECT total FROM folders WHERE id = ?1", [f.0], |r| {
                    r.get(0)
                })
                .optional()
                .ctx("counting messages")?
                .unwrap_or(0),
            Scope::UnifiedInbox => self
                .conn
                .query_row(
                    "SELECT coalesce(sum(total), 0) FROM folders WHERE role = 'inbox'",
                    [],
                    |r| r.get(0),
                )
                .ctx("counting messages")?,
        };
        Ok(n.max(0).unsigned_abs())
    }

    /// Rows `offset .. offset + limit` of a scope in the given order.
    pub fn page(
        &self,
        scope: Scope,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<MessageRow>> {
        if scope == Scope::UnifiedInbox {
            return self.unified_page(sort, offset, limit);
        }
        let (filter, arg) = scope_filter(scope);
        let dir = if sort.descending { "DESC" } else { "ASC" };
        let col = sort.key.column();
        let sql = format!(
            "SELECT {ROW_COLUMNS} FROM messages m WHERE {filter} ORDER BY m.{col} {dir}, m.id {dir} LIMIT ?2 OFFSET ?3"
        );
        let mut stmt = self.conn.prepare_cached(&sql).ctx("listing messages")?;
        let rows = stmt
            .query_map(params![arg, clamp(limit), clamp(offset)], row_from)
            .ctx("listing messages")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("listing messages")
    }

    /// A page of every Inbox together: the first `offset + limit` rows of
    /// each Inbox through its own sort index, merged. One query over all the
    /// Inboxes would sort every Inbox message for the first page (about a
    /// second at a million messages: `scripts/bench scale`).
    fn unified_page(&self, sort: Sort, offset: u64, limit: u64) -> Result<Vec<MessageRow>> {
        let inboxes: Vec<i64> = {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id FROM folders WHERE role = 'inbox' ORDER BY id")
                .ctx("listing messages")?;
            let ids = stmt.query_map([], |r| r.get(0)).ctx("listing messages")?;
            ids.collect::<rusqlite::Result<_>>()
                .ctx("listing messages")?
        };
        if inboxes.is_empty() {
            return Ok(Vec::new());
        }
        let dir = if sort.descending { "DESC" } else { "ASC" };
        let col = sort.key.column();
        // The sort column rides last (after the row's 14 columns): the
        // compound's ORDER BY names result columns by position.
        let arms: Vec<String> = inboxes
            .iter()
            .map(|id| {
                format!(
                    "SELECT * FROM (SELECT {ROW_COLUMNS}, m.{col} FROM messages m \
                     WHERE m.folder_id = {id} ORDER BY m.{col} {dir}, m.id {dir} LIMIT ?1)"
                )
            })
            .collect();
        let sql = format!(
            "{} ORDER BY 15 {dir}, 1 {dir} LIMIT ?2 OFFSET ?3",
            arms.join(" UNION ALL ")
        );
        let mut stmt = self.conn.prepare_cached(&sql).ctx("listing messages")?;
        let each = offset.saturating_add(limit);
        let rows = stmt
            .query_map(params![clamp(each), clamp(limit), clamp(offset)], row_from)
            .ctx("listing messages")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("listing messages")
    }

    /// Every message id of a scope in the given order (8 bytes a message: the
    /// list keeps this to scroll anywhere without OFFSET scans).
    pub fn sorted_ids(&self, scope: Scope, sort: Sort) -> Result<Vec<MessageId>> {
        let (filter, arg) = scope_filter(scope);
        let dir = if sort.descending { "DESC" } else { "ASC" };
        let col = sort.key.column();
        let sql = format!(
            "SELECT m.id FROM messages m WHERE {filter} ORDER BY m.{col} {dir}, m.id {dir}"
        );
        let mut stmt = self.conn.prepare_cached(&sql).ctx("listing message ids")?;
        let rows = stmt
            .query_map(params![arg], |r| r.get(0).map(MessageId))
            .ctx("listing message ids")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("listing message ids")
    }

    /// The rows of the given messages, in the order asked (missing ids are skipped).
    pub fn rows(&self, ids: &[MessageId]) -> Result<Vec<MessageRow>> {
        let sql = format!("SELECT {ROW_COLUMNS} FROM messages m WHERE m.id = ?1");
        let mut stmt = self.conn.prepare_cached(&sql).ctx("reading messages")?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(row) = stmt
                .query_row([id.0], row_from)
                .optional()
                .ctx("reading messages")?
            {
                out.push(row);
            }
        }
        Ok(out)
    }

    /// One message's row.
    pub fn row(&self, id: MessageId) -> Result<MessageRow> {
        self.rows(&[id])?
            .pop()
            .ok_or_else(|| Error::NotFound(format!("no message with id {}", id.0)))
    }

    /// The stored bytes of a message, exactly as received.
    pub fn raw(&self, id: MessageId) -> Result<Vec<u8>> {
        self.conn
            .query_row(
                "SELECT raw FROM message_bodies WHERE message_id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading a message")?
            .ok_or_else(|| Error::NotFound(format!("no message with id {}", id.0)))
    }

    /// The message stored with these bytes, if any (in `folder`, or anywhere).
    pub fn find_by_sha256(
        &self,
        sha256: &[u8; 32],
        folder: Option<FolderId>,
    ) -> Result<Option<MessageId>> {
        self.conn
            .query_row(
                "SELECT id FROM messages WHERE sha256 = ?1 AND (?2 IS NULL OR folder_id = ?2) LIMIT 1",
                params![&sha256[..], folder.map(|f| f.0)],
                |r| r.get(0).map(MessageId),
            )
            .optional()
            .ctx("looking up a message by hash")
    }
}

pub(crate) fn scope_filter(scope: Scope) -> (&'static str, i64) {
    match scope {
        Scope::Folder(f) => ("m.folder_id = ?1", f.0),
        Scope::UnifiedInbox => (
            "m.folder_id IN (SELECT id FROM folders WHERE role = 'inbox' AND ?1 = ?1)",
            0,
        ),
    }
}

fn clamp(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Inserts messages inside an open transaction (shared with the ledger).
pub(crate) fn insert_in(tx: &Transaction<'_>, batch: &[NewMessage]) -> Result<Vec<Inserted>> {
    let mut out = Vec::with_capacity(batch.len());
    let mut dup_folder = tx
        .prepare_cached("SELECT id FROM messages WHERE sha256 = ?1 AND folder_id = ?2 LIMIT 1")
        .ctx("preparing the duplicate check")?;
    let mut dup_account = tx
        .prepare_cached("SELECT id FROM messages WHERE sha256 = ?1 AND account_id = ?2 LIMIT 1")
        .ctx("preparing the duplicate check")?;
    let mut dup_anywhere = tx
        .prepare_cached("SELECT id FROM messages WHERE sha256 = ?1 LIMIT 1")
        .ctx("preparing the duplicate check")?;
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO messages (folder_id, account_id, uidl, sha256, size, message_id, in_reply_to, refs, \
             thread_key, subject, subject_sort, from_name, from_addr, from_sort, to_addrs, cc_addrs, date, \
             date_header, received_at, has_attachments, snippet, flags, partial, parse_error, id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
        )
        .ctx("preparing the insert")?;
    let mut body = tx
        .prepare_cached("INSERT INTO message_bodies (message_id, raw) VALUES (?1, ?2)")
        .ctx("preparing the insert")?;
    // Ids are never reused: above every stored id and every deleted one.
    let mut next_id: i64 = tx
        .prepare_cached(
            "SELECT max(id_floor, coalesce((SELECT max(id) FROM messages), 0)) + 1 \
             FROM store_meta WHERE id = 1",
        )
        .and_then(|mut s| s.query_row([], |r| r.get(0)))
        .ctx("choosing the next message id")?;
    let mut counters: std::collections::HashMap<i64, (i64, i64)> = std::collections::HashMap::new();
    for m in batch {
        let sha = &m.parsed.sha256[..];
        let existing: Option<i64> = match (m.dedupe, m.account) {
            (Dedupe::InFolder, _) => dup_folder
                .query_row(params![sha, m.folder.0], |r| r.get(0))
                .optional(),
            (Dedupe::InAccount, Some(a)) => dup_account
                .query_row(params![sha, a.0], |r| r.get(0))
                .optional(),
            (Dedupe::Anywhere, _) => dup_anywhere
                .query_row(params![sha], |r| r.get(0))
                .optional(),
            _ => Ok(None),
        }
        .ctx("checking for a duplicate")?;
        if let Some(id) = existing {
            out.push(Inserted::Duplicate(MessageId(id)));
            continue;
        }
        let e = &m.parsed.envelope;
        let sender = if e.from_name.is_empty() {
            &e.from_addr
        } else {
            &e.from_name
        };
        insert
            .execute(params![
                m.folder.0,
                m.account.map(|a| a.0),
                m.uidl,
                sha,
                i64::try_from(m.raw.len()).unwrap_or(i64::MAX),
                e.message_id,
                e.in_reply_to,
                (!e.references.is_empty()).then(|| e.references.join(" ")),
                e.thread_key(),
                e.subject,
                mail::sort_subject(&e.subject),
                e.from_name,
                e.from_addr,
                sender.to_lowercase(),
                e.to,
                e.cc,
                e.date.unwrap_or(m.received_at),
                e.date_header,
                m.received_at,
                e.has_attachments,
                e.snippet,
                m.flags.0,
                m.partial,
                e.parse_error,
                next_id,
            ])
            .ctx("storing a message")?;
        let id = next_id;
        next_id += 1;
        body.execute(params![id, m.raw])
            .ctx("storing a message's bytes")?;
        let c = counters.entry(m.folder.0).or_default();
        c.0 += 1;
        c.1 += i64::from(!m.flags.contains(Flags::SEEN));
        out.push(Inserted::New(MessageId(id)));
    }
    let mut count = tx
        .prepare_cached("UPDATE folders SET total = total + ?2, unread = unread + ?3 WHERE id = ?1")
        .ctx("counting new messages")?;
    for (folder, (total, unread)) in counters {
        count
            .execute(params![folder, total, unread])
            .ctx("counting new messages")?;
    }
    Ok(out)
}

//! The junk filter's memory: token counts (`junk_tokens`, `junk_totals`),
//! which messages trained it and as what (`junk_trained`, keyed by the
//! SHA-256 of the stored bytes), the senders never called junk, and each
//! account's "trust the provider's verdict" switch, and the option (off by
//! default) that moves junk older than N days to the Trash. The classifier itself is
//! pure ([`crate::rules::junk`]); training here is incremental: one message
//! touches only its own tokens.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, params};

use super::{AccountId, Context, FolderId, FolderRole, MessageId, Result, Store};
use crate::rules::junk::{Counts, Model};

/// The name of the local folder junk goes to.
pub const JUNK_FOLDER: &str = "Junk";

/// One message to train: its bytes' SHA-256, its tokens, and the mark.
#[derive(Debug, Clone)]
pub struct TrainItem {
    /// SHA-256 of the stored bytes.
    pub sha256: [u8; 32],
    /// Its tokens ([`crate::rules::junk::tokens`]).
    pub tokens: Vec<String>,
    /// Junk (true) or good.
    pub junk: bool,
}

/// What training one message did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrainOutcome {
    /// Counted for the first time.
    Trained,
    /// It had been counted the other way; that was taken back first.
    Retrained,
    /// It was already counted this way: nothing changed.
    Unchanged,
}

impl Store {
    /// Every token count, for classifying in memory.
    pub fn junk_model(&self) -> Result<Model> {
        let (spam_messages, good_messages) = self.junk_totals()?;
        let mut model = Model {
            spam_messages,
            good_messages,
            ..Model::default()
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT token, spam, good FROM junk_tokens")
            .ctx("reading the junk filter")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Counts {
                        spam: r.get(1)?,
                        good: r.get(2)?,
                    },
                ))
            })
            .ctx("reading the junk filter")?;
        for row in rows {
            let (token, counts) = row.ctx("reading the junk filter")?;
            model.tokens.insert(token, counts);
        }
        Ok(model)
    }

    /// How many junk and good messages trained the filter.
    pub fn junk_totals(&self) -> Result<(u32, u32)> {
        self.conn
            .query_row(
                "SELECT spam_messages, good_messages FROM junk_totals WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx("reading the junk filter")
            .map(Option::unwrap_or_default)
    }

    /// Trains the filter with these messages in one transaction. A message
    /// already trained the same way is skipped; one trained the other way is
    /// untrained first.
    pub fn junk_train(&mut self, items: &[TrainItem]) -> Result<Vec<TrainOutcome>> {
        let tx = self.write_tx().ctx("training the junk filter")?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let before: Option<bool> = tx
                .prepare_cached("SELECT junk FROM junk_trained WHERE sha256 = ?1")
                .and_then(|mut s| s.query_row([&item.sha256[..]], |r| r.get(0)).optional())
                .ctx("training the junk filter")?;
            let outcome = match before {
                Some(j) if j == item.junk => {
                    out.push(TrainOutcome::Unchanged);
                    continue;
                }
                Some(j) => {
                    count(&tx, &item.tokens, j, -1)?;
                    TrainOutcome::Retrained
                }
                None => TrainOutcome::Trained,
            };
            count(&tx, &item.tokens, item.junk, 1)?;
            tx.prepare_cached("INSERT OR REPLACE INTO junk_trained (sha256, junk) VALUES (?1, ?2)")
                .and_then(|mut s| s.execute(params![&item.sha256[..], item.junk]))
                .ctx("training the junk filter")?;
            out.push(outcome);
        }
        tx.execute("DELETE FROM junk_tokens WHERE spam = 0 AND good = 0", [])
            .ctx("training the junk filter")?;
        tx.commit().ctx("training the junk filter")?;
        Ok(out)
    }

    /// Forgets all training (the senders marked "not junk" stay safe).
    pub fn junk_reset(&mut self) -> Result<()> {
        let tx = self.write_tx().ctx("resetting the junk filter")?;
        tx.execute_batch(
            "DELETE FROM junk_tokens; DELETE FROM junk_trained; \
             UPDATE junk_totals SET spam_messages = 0, good_messages = 0;",
        )
        .ctx("resetting the junk filter")?;
        tx.commit().ctx("resetting the junk filter")
    }

    /// Adds a sender that is never called junk (lower-cased).
    pub fn junk_add_safe_sender(&self, address: &str) -> Result<()> {
        let address = address.trim().to_lowercase();
        if address.is_empty() {
            return Ok(());
        }
        self.conn
            .execute(
                "INSERT OR IGNORE INTO junk_safe_senders (address) VALUES (?1)",
                [address],
            )
            .ctx("remembering a safe sender")
            .map(drop)
    }

    /// The senders never called junk (lower case).
    pub fn junk_safe_senders(&self) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT address FROM junk_safe_senders")
            .ctx("reading the safe senders")?;
        let rows = stmt
            .query_map([], |r| r.get(0))
            .ctx("reading the safe senders")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("reading the safe senders")
    }

    /// Whether the account trusts its provider's junk verdict (default yes).
    pub fn junk_trusts_provider(&self, account: AccountId) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT trust_provider FROM account_junk WHERE account_id = ?1",
                [account.0],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading the account's junk setting")
            .map(|v| v.unwrap_or(true))
    }

    /// Sets whether the account trusts its provider's junk verdict.
    pub fn set_junk_trusts_provider(&self, account: AccountId, trust: bool) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO account_junk (account_id, trust_provider) VALUES (?1, ?2) \
                 ON CONFLICT (account_id) DO UPDATE SET trust_provider = excluded.trust_provider",
                params![account.0, trust],
            )
            .ctx("saving the account's junk setting")
            .map(drop)
    }

    /// After how many days junk moves to the Trash (`None`: never, the default).
    pub fn junk_expire_days(&self) -> Result<Option<u32>> {
        self.conn
            .query_row(
                "SELECT expire_days FROM junk_totals WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .ctx("reading the junk setting")
            .map(Option::flatten)
    }

    /// Sets after how many days junk moves to the Trash (`None` or 0: never).
    pub fn set_junk_expire_days(&self, days: Option<u32>) -> Result<()> {
        self.conn
            .execute(
                "UPDATE junk_totals SET expire_days = ?1 WHERE id = 1",
                [days.filter(|d| *d > 0)],
            )
            .ctx("saving the junk setting")
            .map(drop)
    }

    /// The messages of the Junk folder that arrived more than the set number
    /// of days before `now` (none when the option is off).
    pub fn junk_expired(&self, now: i64) -> Result<Vec<MessageId>> {
        let Some(days) = self.junk_expire_days()? else {
            return Ok(Vec::new());
        };
        let junk = self.junk_folder()?;
        let cutoff = now.saturating_sub(i64::from(days) * 86_400);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id FROM messages WHERE folder_id = ?1 AND received_at < ?2 ORDER BY id",
            )
            .ctx("finding old junk")?;
        let rows = stmt
            .query_map(params![junk.0, cutoff], |r| Ok(MessageId(r.get(0)?)))
            .ctx("finding old junk")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("finding old junk")
    }

    /// Moves the junk [`Store::junk_expired`] finds to the Trash; how many.
    pub fn junk_expire(&mut self, now: i64) -> Result<u64> {
        let ids = self.junk_expired(now)?;
        self.trash(&ids)?;
        Ok(ids.len() as u64)
    }

    /// The local Junk folder, created when missing.
    pub fn junk_folder(&self) -> Result<FolderId> {
        self.ensure_folder(JUNK_FOLDER, None, FolderRole::User)
    }
}

/// Adds `delta` to the junk or good count of each token.
fn count(tx: &rusqlite::Transaction<'_>, tokens: &[String], junk: bool, delta: i64) -> Result<()> {
    let (spam, good) = if junk { (delta, 0) } else { (0, delta) };
    let mut stmt = tx
        .prepare_cached(
            "INSERT INTO junk_tokens (token, spam, good) VALUES (?1, max(?2, 0), max(?3, 0)) \
             ON CONFLICT (token) DO UPDATE SET spam = max(spam + ?2, 0), good = max(good + ?3, 0)",
        )
        .ctx("training the junk filter")?;
    for t in tokens {
        stmt.execute(params![t, spam, good])
            .ctx("training the junk filter")?;
    }
    tx.prepare_cached(
        "UPDATE junk_totals SET spam_messages = max(spam_messages + ?1, 0), \
         good_messages = max(good_messages + ?2, 0) WHERE id = 1",
    )
    .and_then(|mut s| s.execute(params![spam, good]))
    .ctx("training the junk filter")?;
    Ok(())
}

//! What the user does to messages: flags, moves, Trash, restore, expunge.
//!
//! Expunging a message that came from POP3 leaves its UIDL in the ledger
//! (so it is never downloaded again) and, when its account deletes on the
//! server what is deleted here, marks the UIDL for deletion on the next sync.

use rusqlite::params;

use super::{Context, Error, Flags, FolderId, FolderRole, MessageId, Result, Store, now};

/// Most messages changed per transaction, so a worker never holds the write
/// lock long enough to stall the window.
pub const ACTION_BATCH: usize = 2_000;

impl Store {
    /// Sets or clears `flag` on the given messages.
    pub fn set_flag(&mut self, ids: &[MessageId], flag: Flags, on: bool) -> Result<()> {
        let sql = if on {
            "UPDATE messages SET flags = flags | ?2 WHERE id = ?1"
        } else {
            "UPDATE messages SET flags = flags & ~?2 WHERE id = ?1"
        };
        self.for_each_batch(ids, "changing flags", |tx, id| {
            tx.prepare_cached(sql)?
                .execute(params![id.0, flag.0])
                .map(drop)
        })
    }

    /// Moves messages to `folder`.
    pub fn move_messages(&mut self, ids: &[MessageId], folder: FolderId) -> Result<()> {
        self.folder(folder)?;
        self.for_each_batch(ids, "moving messages", |tx, id| {
            tx.prepare_cached(
                "UPDATE messages SET folder_id = ?2, trashed_from = NULL WHERE id = ?1",
            )?
            .execute(params![id.0, folder.0])
            .map(drop)
        })
    }

    /// Moves messages to the Trash, remembering where each came from.
    pub fn trash(&mut self, ids: &[MessageId]) -> Result<()> {
        let trash = self.special_folder(FolderRole::Trash)?;
        self.for_each_batch(ids, "moving messages to the Trash", |tx, id| {
            tx.prepare_cached(
                "UPDATE messages SET trashed_from = folder_id, folder_id = ?2 WHERE id = ?1 AND folder_id <> ?2",
            )?
            .execute(params![id.0, trash.0])
            .map(drop)
        })
    }

    /// Moves messages out of the Trash to where they were (or their
    /// account's Inbox, or the Archive, when that folder is gone).
    pub fn restore(&mut self, ids: &[MessageId]) -> Result<()> {
        let archive = self.special_folder(FolderRole::Archive)?;
        self.for_each_batch(ids, "restoring messages", |tx, id| {
            tx.prepare_cached(
                "UPDATE messages SET folder_id = coalesce(trashed_from, \
                 (SELECT f.id FROM folders f WHERE f.account_id = messages.account_id AND f.role = 'inbox'), ?2), \
                 trashed_from = NULL WHERE id = ?1",
            )?
            .execute(params![id.0, archive.0])
            .map(drop)
        })
    }

    /// Deletes messages for good. Returns how many were deleted.
    pub fn expunge(&mut self, ids: &[MessageId]) -> Result<usize> {
        let mut deleted = 0;
        let at = now();
        self.for_each_batch(ids, "deleting messages", |tx, id| {
            tx.prepare_cached(
                "UPDATE uidl_ledger SET deleted_here_at = ?2, delete_pending = \
                 (SELECT a.delete_when_deleted_here FROM accounts a WHERE a.id = uidl_ledger.account_id) \
                 WHERE message_id = ?1",
            )?
            .execute(params![id.0, at])?;
            deleted += tx.prepare_cached("DELETE FROM messages WHERE id = ?1")?.execute([id.0])?;
            Ok(())
        })?;
        Ok(deleted)
    }

    /// Up to `limit` message ids of a folder (for emptying it in batches).
    pub fn folder_ids(&self, folder: FolderId, limit: usize) -> Result<Vec<MessageId>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM messages WHERE folder_id = ?1 ORDER BY id LIMIT ?2")
            .ctx("listing a folder")?;
        let rows = stmt
            .query_map(
                params![folder.0, i64::try_from(limit).unwrap_or(i64::MAX)],
                |r| r.get(0).map(MessageId),
            )
            .ctx("listing a folder")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("listing a folder")
    }

    /// Runs `f` for each id, committing every [`ACTION_BATCH`] ids.
    fn for_each_batch(
        &mut self,
        ids: &[MessageId],
        what: &'static str,
        mut f: impl FnMut(&rusqlite::Transaction<'_>, MessageId) -> rusqlite::Result<()>,
    ) -> Result<()> {
        for chunk in ids.chunks(ACTION_BATCH) {
            let tx = self.write_tx().ctx(what)?;
            for id in chunk {
                f(&tx, *id).map_err(|source| Error::Sqlite {
                    context: what,
                    source,
                })?;
            }
            tx.commit().ctx(what)?;
        }
        Ok(())
    }
}

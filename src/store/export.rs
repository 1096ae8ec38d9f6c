//! Reading a folder for export without sorting message bodies.
//!
//! Ordering a join that carries the raw bytes makes SQLite build a temporary
//! B-tree holding every body of the folder (1 GB for a 1 GB folder, spilled to
//! a temporary file). Here the ids are sorted alone (8 bytes each) and each body is then read by primary key and lent to the caller
//! without a copy, so memory stays at one message and no bytes are sorted.
//! Get the ids with `Store::folder_ids(folder, usize::MAX)`.

use rusqlite::params;

use super::{Context, Error, Flags, MessageId, Store};

/// One message as an export sees it: metadata and the stored bytes, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct ExportItem<'a> {
    /// Row id.
    pub id: MessageId,
    /// Flags.
    pub flags: Flags,
    /// When it arrived here (epoch seconds).
    pub received_at: i64,
    /// Its date (Date header, else arrival).
    pub date: i64,
    /// The bytes exactly as stored.
    pub raw: &'a [u8],
}

impl Store {
    /// Calls `f` for each of `ids` in order with its stored bytes (missing ids
    /// are skipped). An error from `f` stops the walk and is returned.
    pub fn for_each_for_export<E: From<Error>>(
        &self,
        ids: &[MessageId],
        mut f: impl FnMut(ExportItem<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT m.flags, m.received_at, m.date, b.raw FROM messages m \
                 JOIN message_bodies b ON b.message_id = m.id WHERE m.id = ?1",
            )
            .ctx("reading a message for export")
            .map_err(E::from)?;
        for &id in ids {
            let mut rows = stmt
                .query(params![id.0])
                .ctx("reading a message for export")
                .map_err(E::from)?;
            let Some(r) = rows
                .next()
                .ctx("reading a message for export")
                .map_err(E::from)?
            else {
                continue;
            };
            let item = (|| {
                Ok::<_, rusqlite::Error>(ExportItem {
                    id,
                    flags: Flags(r.get(0)?),
                    received_at: r.get(1)?,
                    date: r.get(2)?,
                    raw: r.get_ref(3)?.as_blob().map_err(rusqlite::Error::from)?,
                })
            })()
            .ctx("reading a message for export")
            .map_err(E::from)?;
            f(item)?;
        }
        Ok(())
    }
}

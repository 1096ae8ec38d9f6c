//! Queries the reader window needs beyond the list API: the conversation
//! keys of a whole scope (for the conversation view, read on a background
//! thread), in one pass over the scope's index.

use rusqlite::params;

use super::messages::scope_filter;
use super::{Context, MessageId, Result, Scope, Store};

/// What the conversation view needs of one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadItem {
    /// The message.
    pub id: MessageId,
    /// Its conversation key (References / In-Reply-To / Message-ID).
    pub thread_key: String,
    /// Its subject without reply prefixes, lower case.
    pub subject_sort: String,
    /// Its date (epoch seconds).
    pub date: i64,
}

impl Store {
    /// Every message of a scope with its conversation key, subject and date,
    /// in no particular order (8 + ~60 bytes a message).
    pub fn thread_items(&self, scope: Scope) -> Result<Vec<ThreadItem>> {
        let (filter, arg) = scope_filter(scope);
        let sql = format!(
            "SELECT m.id, m.thread_key, m.subject_sort, m.date FROM messages m WHERE {filter}"
        );
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .ctx("listing conversations")?;
        let rows = stmt
            .query_map(params![arg], |r| {
                Ok(ThreadItem {
                    id: MessageId(r.get(0)?),
                    thread_key: r.get(1)?,
                    subject_sort: r.get(2)?,
                    date: r.get(3)?,
                })
            })
            .ctx("listing conversations")?;
        rows.collect::<rusqlite::Result<_>>()
            .ctx("listing conversations")
    }
}

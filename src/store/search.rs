//! Full-text search over subject, sender, recipients and body text (FTS5,
//! `unicode61` tokenizer with diacritics removed), ranked by BM25.
//!
//! User input is never passed to FTS5 as query syntax: each word becomes a
//! quoted phrase, and the last one a prefix, so any text is a valid search.
//!
//! The index lives in its own file ([`super::index`]); every hit is joined
//! back to the store's `messages` table, so a message deleted from the store
//! never appears, even before the indexer has forgotten it, and a folder
//! filter sees the message's current folder.
//!
//! Ranking cost is bounded: BM25 is computed for at most
//! [`RANK_WINDOW`] matches — all of them when there are fewer, else the most
//! recent ones (found cheaply by walking the index newest first). A search
//! for a very common word thus ranks within the newest 1,000 matches, which
//! is what a mail reader wants anyway, and stays fast at any store size
//! (`scripts/bench store`: 5,000 cost a median 40 ms at 100,000 messages,
//! 250 ms on an encrypted store, where every index page read is decrypted).

use rusqlite::{Connection, OptionalExtension, params};

use super::{Context, FolderId, MessageId, Result, Store};

/// Most matches ranked by BM25 in one search.
pub const RANK_WINDOW: i64 = 1_000;

impl Store {
    /// Message ids matching every word of `query`, best first, at most `limit`,
    /// optionally only within `folder`. Messages not yet indexed are not
    /// found (see [`Store::index_backlog`]).
    pub fn search(
        &self,
        query: &str,
        folder: Option<FolderId>,
        limit: usize,
    ) -> Result<Vec<MessageId>> {
        let Some(fts_query) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let folder = folder.map(|f| f.0);
        let scope = Scope {
            store: &self.conn,
            folder,
        };
        // The RANK_WINDOW-th newest match (in scope), if there are that many.
        let floor: i64 = match folder {
            None => self
                .index
                .prepare_cached(
                    "SELECT rowid FROM fts WHERE fts MATCH ?1 \
                     ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
                )
                .ctx("searching")?
                .query_row(params![fts_query, RANK_WINDOW - 1], |r| r.get(0))
                .optional()
                .ctx("searching")?
                .unwrap_or(0),
            Some(_) => {
                let mut stmt = self
                    .index
                    .prepare_cached("SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY rowid DESC")
                    .ctx("searching")?;
                let mut rows = stmt.query([&fts_query]).ctx("searching")?;
                let mut seen = 0;
                let mut floor = 0;
                while let Some(row) = rows.next().ctx("searching")? {
                    let id: i64 = row.get(0).ctx("searching")?;
                    if scope.holds(id)? {
                        seen += 1;
                        if seen == RANK_WINDOW {
                            floor = id;
                            break;
                        }
                    }
                }
                floor
            }
        };
        let mut stmt = self
            .index
            .prepare_cached(
                "SELECT rowid FROM fts WHERE fts MATCH ?1 AND rowid >= ?2 ORDER BY rank",
            )
            .ctx("searching")?;
        let mut rows = stmt.query(params![fts_query, floor]).ctx("searching")?;
        let mut out = Vec::new();
        while out.len() < limit {
            let Some(row) = rows.next().ctx("searching")? else {
                break;
            };
            let id: i64 = row.get(0).ctx("searching")?;
            if scope.holds(id)? {
                out.push(MessageId(id));
            }
        }
        Ok(out)
    }
}

/// Which hits count: stored messages, in the folder when one is given.
struct Scope<'a> {
    store: &'a Connection,
    folder: Option<i64>,
}

impl Scope<'_> {
    fn holds(&self, id: i64) -> Result<bool> {
        let found: Option<i64> = self
            .store
            .prepare_cached("SELECT folder_id FROM messages WHERE id = ?1")
            .ctx("searching")?
            .query_row([id], |r| r.get(0))
            .optional()
            .ctx("searching")?;
        Ok(found.is_some_and(|f| self.folder.is_none_or(|want| want == f)))
    }
}

/// Turns free text into a safe FTS5 query: `"w1" "w2" "w3"*`. The index
/// keeps no word positions (`detail = column`), so a word the tokenizer
/// splits ("bob@example.org") becomes its parts, each required.
fn fts_query(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    let mut q = words.join(" ");
    if q.is_empty() {
        return None;
    }
    q.push('*');
    Some(q)
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn user_text_becomes_quoted_phrases() {
        assert_eq!(
            fts_query("hello  wor").as_deref(),
            Some("\"hello\" \"wor\"*")
        );
        assert_eq!(fts_query("a\"b OR").as_deref(), Some("\"a\" \"b\" \"OR\"*"));
        assert_eq!(
            fts_query("bob@example.org").as_deref(),
            Some("\"bob\" \"example\" \"org\"*")
        );
        assert_eq!(fts_query("  ** ").as_deref(), None);
    }
}

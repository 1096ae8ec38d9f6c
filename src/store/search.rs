//! Full-text search over subject, sender, recipients and body text (FTS5,
//! `unicode61` tokenizer with diacritics removed), ranked by BM25.
//!
//! User input is never passed to FTS5 as query syntax: each word becomes a
//! quoted phrase, and the last one a prefix, so any text is a valid search.
//!
//! Ranking cost is bounded: BM25 is computed for at most
//! [`RANK_WINDOW`] matches — all of them when there are fewer, else the most
//! recent ones (found cheaply by walking the index newest first). A search
//! for a very common word thus ranks within the newest 5,000 matches, which
//! is what a mail reader wants anyway, and stays fast at any store size.

use rusqlite::{OptionalExtension, params};

use super::{Context, FolderId, MessageId, Result, Store};

/// Most matches ranked by BM25 in one search.
pub const RANK_WINDOW: i64 = 5_000;

impl Store {
    /// Message ids matching every word of `query`, best first, at most `limit`,
    /// optionally only within `folder`.
    pub fn search(
        &self,
        query: &str,
        folder: Option<FolderId>,
        limit: usize,
    ) -> Result<Vec<MessageId>> {
        let Some(fts_query) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let folder = folder.map(|f| f.0);
        // The RANK_WINDOW-th newest match (in scope), if there are that many.
        let floor: i64 = self
            .conn
            .prepare_cached(
                "SELECT f.rowid FROM messages_fts f \
                 WHERE messages_fts MATCH ?1 AND (?2 IS NULL OR \
                 (SELECT m.folder_id FROM messages m WHERE m.id = f.rowid) = ?2) \
                 ORDER BY f.rowid DESC LIMIT 1 OFFSET ?3",
            )
            .ctx("searching")?
            .query_row(params![fts_query, folder, RANK_WINDOW - 1], |r| r.get(0))
            .optional()
            .ctx("searching")?
            .unwrap_or(0);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT f.rowid FROM messages_fts f \
                 WHERE messages_fts MATCH ?1 AND f.rowid >= ?4 AND (?2 IS NULL OR \
                 (SELECT m.folder_id FROM messages m WHERE m.id = f.rowid) = ?2) \
                 ORDER BY f.rank LIMIT ?3",
            )
            .ctx("searching")?;
        let rows = stmt
            .query_map(params![fts_query, folder, limit, floor], |r| {
                r.get(0).map(MessageId)
            })
            .ctx("searching")?;
        rows.collect::<rusqlite::Result<_>>().ctx("searching")
    }
}

/// Turns free text into a safe FTS5 query: `"w1" "w2" "w3"*`.
fn fts_query(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '.'))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
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
        assert_eq!(fts_query("a\"b OR").as_deref(), Some("\"a\"\"b\" \"OR\"*"));
        assert_eq!(fts_query("  ** ").as_deref(), None);
    }
}

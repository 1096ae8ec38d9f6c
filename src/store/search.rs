//! Full-text search over subject, sender, recipients and body text (FTS5,
//! `unicode61` tokenizer with diacritics removed), ranked by BM25.
//!
//! User input is never passed to FTS5 as query syntax: each word becomes a
//! quoted phrase, and the last one a prefix, so any text is a valid search.

use rusqlite::params;

use super::{Context, FolderId, MessageId, Result, Store};

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
        let mut stmt = match folder {
            Some(_) => self.conn.prepare_cached(
                "SELECT m.id FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid \
                 WHERE messages_fts MATCH ?1 AND m.folder_id = ?2 ORDER BY messages_fts.rank LIMIT ?3",
            ),
            None => self.conn.prepare_cached(
                "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?1 AND ?2 IS NULL \
                 ORDER BY rank LIMIT ?3",
            ),
        }
        .ctx("searching")?;
        let rows = stmt
            .query_map(params![fts_query, folder.map(|f| f.0), limit], |r| {
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

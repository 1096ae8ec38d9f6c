//! Marking messages junk or not junk: the one code path of the window's
//! "Junk" / "Not junk" buttons and keys (J, Shift+J, run on the job worker as
//! `JobCommand::MarkJunk`) and of `popmail junk mark ID… [--not]`.
//!
//! Every mark trains the Bayesian filter ([`crate::rules::junk`], counts in
//! the store, incremental: a message already trained the same way is not
//! counted twice, one trained the other way is untrained first). Junk moves
//! to the local Junk folder and gets [`Flags::JUNK`] (the list's junk
//! column); not junk clears the flag, makes the sender safe (never junk
//! again) and moves the message out of Junk to its account's Inbox (or the
//! Archive for local mail). Nothing is deleted for being junk.

use super::{Control, Error, Progress, Result};
use crate::rules::junk;
use crate::store::{Flags, FolderRole, MessageId, Store, TrainItem, TrainOutcome};

/// Messages trained per transaction.
pub const MARK_BATCH: usize = 100;

/// What a mark did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkSummary {
    /// Messages marked.
    pub marked: u64,
    /// Messages the filter learned from (the rest it already knew as such).
    pub learned: u64,
    /// Junk (true) or not junk.
    pub junk: bool,
}

impl MarkSummary {
    /// The outcome in one sentence.
    pub fn sentence(&self) -> String {
        let marked = crate::fmt::messages(self.marked);
        if self.junk {
            crate::t!("jobs-junk-marked", marked = marked, learned = self.learned)
        } else {
            crate::t!(
                "jobs-junk-marked-not",
                marked = marked,
                learned = self.learned
            )
        }
    }
}

/// The training item of a stored message.
pub fn train_item(store: &Store, id: MessageId, is_junk: bool) -> Result<TrainItem> {
    let raw = store.raw(id)?;
    let parsed = crate::mail::parse(&raw);
    let headers = crate::mail::headers(&raw);
    Ok(TrainItem {
        sha256: parsed.sha256,
        tokens: junk::tokens(&parsed.envelope, &headers, &parsed.index_text, &raw),
        junk: is_junk,
    })
}

/// Marks `ids` junk (`is_junk`) or not junk, trains the filter and moves
/// them (see the module header). Every id must exist; nothing is marked
/// otherwise.
pub fn mark_junk(
    store: &mut Store,
    ids: &[MessageId],
    is_junk: bool,
    ctl: &mut dyn Control,
) -> Result<MarkSummary> {
    let rows = store.rows(ids)?;
    if let Some(missing) = ids.iter().find(|id| !rows.iter().any(|r| r.id == **id)) {
        return Err(Error::Invalid(crate::t!(
            "jobs-junk-no-message",
            id = missing.0.to_string()
        )));
    }
    let mut sum = MarkSummary {
        junk: is_junk,
        ..MarkSummary::default()
    };
    let junk_folder = store.junk_folder()?;
    for chunk in rows.chunks(MARK_BATCH) {
        if ctl.cancelled() {
            return Err(Error::Cancelled);
        }
        let items = chunk
            .iter()
            .map(|r| train_item(store, r.id, is_junk))
            .collect::<Result<Vec<_>>>()?;
        sum.learned += store
            .junk_train(&items)?
            .iter()
            .filter(|o| **o != TrainOutcome::Unchanged)
            .count() as u64;
        let chunk_ids: Vec<MessageId> = chunk.iter().map(|r| r.id).collect();
        store.set_flag(&chunk_ids, Flags::JUNK, is_junk)?;
        if is_junk {
            store.move_messages(&chunk_ids, junk_folder)?;
        } else {
            for r in chunk {
                store.junk_add_safe_sender(&r.from_addr)?;
                if r.folder == junk_folder {
                    let home = match r.account.map(|a| store.account(a)) {
                        Some(Ok(a)) => a.inbox,
                        _ => store.special_folder(FolderRole::Archive)?,
                    };
                    store.move_messages(&[r.id], home)?;
                }
            }
        }
        sum.marked += chunk.len() as u64;
        ctl.progress(&Progress {
            messages: sum.marked,
            total_messages: Some(rows.len() as u64),
            bytes: 0,
            total_bytes: None,
            indexing: None,
        });
    }
    Ok(sum)
}

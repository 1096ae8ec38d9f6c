//! What a sync downloads and deletes on the server: pure functions of the
//! account's settings, the server listing, the ledger and the time. The sync
//! and its dry run ("Preview server clean-up") both plan with them, so the
//! preview can never drift from what a sync does.
//!
//! The rules (no-loss first):
//! - only messages that are stored here *in full* are ever deleted because of
//!   the policy; a headers-only copy keeps its server copy until it is fetched;
//! - "delete after download" deletes every such message still on the server;
//! - "keep for N days" deletes those downloaded more than N days ago;
//! - "delete when deleted here" deletes those the user expunged here
//!   (even headers-only ones: the user chose to be rid of them);
//! - "keep" deletes nothing else;
//! - a rule's "leave on server" keeps a message whatever the policy (only the
//!   user deleting it here, with "delete when deleted here", removes it); a
//!   rule's "delete from server" sets the ledger's `delete_pending`, in the
//!   commit that stores the message, so it is deleted after that commit like
//!   any other.

use std::collections::HashMap;

use crate::account::{Policy, limits};
use crate::store::LedgerEntry;

const DAY: i64 = 86_400;

/// A message on the server: its number in this session, size and identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnServer {
    /// Message number in this session.
    pub msg: u32,
    /// Size from LIST.
    pub size: u64,
    /// UIDL (or the identity derived from headers).
    pub uidl: String,
}

/// Why a message is to be deleted on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Policy "delete from the server after download".
    AfterDownload,
    /// Policy "keep for N days", and the N days are over.
    Expired,
    /// Deleted here, and the account deletes on the server what is deleted here.
    DeletedHere,
}

/// What the ledger says of one UIDL, as far as deleting on the server goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// When it was downloaded (epoch seconds).
    pub downloaded_at: i64,
    /// Its whole message is stored here (or was, until the user deleted it).
    pub stored_in_full: bool,
    /// The user deleted it here.
    pub deleted_here: bool,
    /// The user asked for it to be deleted on the server.
    pub delete_pending: bool,
    /// A DELE for it was confirmed by QUIT before.
    pub server_deleted: bool,
    /// A rule said to leave it on the server.
    pub keep_on_server: bool,
}

impl From<&LedgerEntry> for Known {
    fn from(e: &LedgerEntry) -> Self {
        Known {
            downloaded_at: e.downloaded_at,
            stored_in_full: !e.partial && (e.message.is_some() || e.deleted_here_at.is_some()),
            deleted_here: e.deleted_here_at.is_some(),
            delete_pending: e.delete_pending,
            server_deleted: e.server_deleted_at.is_some(),
            keep_on_server: false,
        }
    }
}

/// The ledger's entries seen as [`Known`].
pub fn known(ledger: &HashMap<String, LedgerEntry>) -> HashMap<String, Known> {
    ledger
        .iter()
        .map(|(u, e)| (u.clone(), Known::from(e)))
        .collect()
}

/// Marks the UIDLs that rules said to leave on the server
/// ([`crate::store::Store::kept_on_server`]).
pub fn keep_on_server(
    known: &mut HashMap<String, Known>,
    kept: &std::collections::HashSet<String>,
) {
    for uidl in kept {
        if let Some(k) = known.get_mut(uidl) {
            k.keep_on_server = true;
        }
    }
}

/// The new messages a sync downloads, split by size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Downloads {
    /// Downloaded whole (RETR).
    pub full: Vec<OnServer>,
    /// Above the account's size limit, or above what popmail accepts at all
    /// ([`limits::MAX_MESSAGE_SIZE`]): headers and the first lines only (TOP).
    pub headers_only: Vec<OnServer>,
}

impl Downloads {
    /// Splits `new` by the account's size limit (`max_size_kb`).
    pub fn split(max_size_kb: Option<u32>, new: Vec<OnServer>) -> Self {
        let limit = max_size_kb.map(|kb| u64::from(kb) * 1024);
        let (headers_only, full) = new
            .into_iter()
            .partition(|m| m.size > limits::MAX_MESSAGE_SIZE || limit.is_some_and(|l| m.size > l));
        Downloads { full, headers_only }
    }

    /// How many messages in all.
    pub fn len(&self) -> usize {
        self.full.len() + self.headers_only.len()
    }

    /// Whether there is nothing to download.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// What the ledger will say once these are stored at `now`: the
    /// projection the dry run plans over, exactly as a sync would after its
    /// downloads.
    pub fn stored(
        &self,
        ledger: &HashMap<String, LedgerEntry>,
        now: i64,
    ) -> HashMap<String, Known> {
        let mut out = known(ledger);
        let fresh = |stored_in_full| Known {
            downloaded_at: now,
            stored_in_full,
            deleted_here: false,
            delete_pending: false,
            server_deleted: false,
            keep_on_server: false,
        };
        for m in &self.full {
            out.insert(m.uidl.clone(), fresh(true));
        }
        for m in &self.headers_only {
            out.insert(m.uidl.clone(), fresh(false));
        }
        out
    }
}

/// The messages to delete on the server, in message-number order: the one
/// clean-up plan, used by the sync after its downloads and by the dry run over
/// [`Downloads::stored`].
pub fn plan_deletions(
    policy: Policy,
    delete_when_deleted_here: bool,
    server: &[OnServer],
    known: &HashMap<String, Known>,
    now: i64,
) -> Vec<(OnServer, Reason)> {
    let mut out: Vec<(OnServer, Reason)> = server
        .iter()
        .filter_map(|m| {
            let entry = known.get(&m.uidl)?;
            if entry.server_deleted {
                // Deleted before, yet listed again: the server did not honour
                // it, or reused the UIDL. Do not guess; leave it.
                return None;
            }
            if entry.delete_pending || (delete_when_deleted_here && entry.deleted_here) {
                return Some((m.clone(), Reason::DeletedHere));
            }
            if !entry.stored_in_full || entry.keep_on_server {
                return None;
            }
            match policy {
                Policy::Delete => Some((m.clone(), Reason::AfterDownload)),
                Policy::KeepDays(days) if now - entry.downloaded_at >= i64::from(days) * DAY => {
                    Some((m.clone(), Reason::Expired))
                }
                Policy::KeepDays(_) | Policy::Keep => None,
            }
        })
        .collect();
    out.sort_by_key(|(m, _)| m.msg);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MessageId;

    fn entry(uidl: &str, downloaded_at: i64) -> LedgerEntry {
        LedgerEntry {
            uidl: uidl.into(),
            downloaded_at,
            message: Some(MessageId(1)),
            size: Some(10),
            header_key: None,
            partial: false,
            deleted_here_at: None,
            delete_pending: false,
            server_deleted_at: None,
            stale_since: None,
        }
    }

    fn server(uidls: &[&str]) -> Vec<OnServer> {
        uidls
            .iter()
            .enumerate()
            .map(|(i, u)| OnServer {
                msg: u32::try_from(i).unwrap() + 1,
                size: 10,
                uidl: (*u).into(),
            })
            .collect()
    }

    fn uidls(plan: &[(OnServer, Reason)]) -> Vec<&str> {
        plan.iter().map(|(m, _)| m.uidl.as_str()).collect()
    }

    #[test]
    fn each_policy_deletes_what_it_says_and_nothing_unstored() {
        let now = 100 * DAY;
        let mut ledger = HashMap::new();
        ledger.insert("old".into(), entry("old", now - 10 * DAY));
        ledger.insert("new".into(), entry("new", now - DAY));
        let mut partial = entry("partial", now - 50 * DAY);
        partial.partial = true;
        ledger.insert("partial".into(), partial);
        let srv = server(&["old", "new", "partial", "never-downloaded"]);

        assert_eq!(
            uidls(&plan_deletions(
                Policy::Delete,
                false,
                &srv,
                &known(&ledger),
                now
            )),
            ["old", "new"]
        );
        assert_eq!(
            uidls(&plan_deletions(
                Policy::KeepDays(7),
                false,
                &srv,
                &known(&ledger),
                now
            )),
            ["old"]
        );
        assert!(plan_deletions(Policy::Keep, false, &srv, &known(&ledger), now).is_empty());
    }

    #[test]
    fn a_rule_keeps_a_message_under_the_delete_policy_until_deleted_here() {
        let now = 100 * DAY;
        let mut ledger = HashMap::new();
        ledger.insert("kept".into(), entry("kept", now));
        ledger.insert("other".into(), entry("other", now));
        let srv = server(&["kept", "other"]);
        let mut k = known(&ledger);
        keep_on_server(&mut k, &["kept".to_string()].into_iter().collect());
        assert_eq!(
            uidls(&plan_deletions(Policy::Delete, true, &srv, &k, now)),
            ["other"]
        );
        k.entry("kept".into()).and_modify(|e| e.deleted_here = true);
        assert_eq!(
            uidls(&plan_deletions(Policy::Delete, true, &srv, &k, now)),
            ["kept", "other"]
        );
    }

    #[test]
    fn deleted_here_is_deleted_there_only_when_the_switch_is_on() {
        let now = 100 * DAY;
        let mut ledger = HashMap::new();
        let mut gone = entry("gone", now);
        gone.message = None;
        gone.deleted_here_at = Some(now);
        ledger.insert("gone".into(), gone.clone());
        let srv = server(&["gone"]);
        assert!(plan_deletions(Policy::Keep, false, &srv, &known(&ledger), now).is_empty());
        let plan = plan_deletions(Policy::Keep, true, &srv, &known(&ledger), now);
        assert_eq!(plan.first().map(|(_, r)| *r), Some(Reason::DeletedHere));
        gone.server_deleted_at = Some(now);
        ledger.insert("gone".into(), gone);
        assert!(plan_deletions(Policy::Keep, true, &srv, &known(&ledger), now).is_empty());
    }
}

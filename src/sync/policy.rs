//! What a sync deletes on the server: a pure function of the account's
//! policy, the server listing, the ledger and the time.
//!
//! The rules (no-loss first):
//! - only messages that are stored here *in full* are ever deleted because of
//!   the policy; a headers-only copy keeps its server copy until it is fetched;
//! - "delete after download" deletes every such message still on the server;
//! - "keep for N days" deletes those downloaded more than N days ago;
//! - "delete when deleted here" deletes those the user expunged here
//!   (even headers-only ones: the user chose to be rid of them);
//! - "keep" deletes nothing else.

use std::collections::HashMap;

use crate::account::Policy;
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

/// The messages to delete on the server, in message-number order.
pub fn plan_deletions(
    policy: Policy,
    delete_when_deleted_here: bool,
    server: &[OnServer],
    ledger: &HashMap<String, LedgerEntry>,
    now: i64,
) -> Vec<(OnServer, Reason)> {
    let mut out: Vec<(OnServer, Reason)> = server
        .iter()
        .filter_map(|m| {
            let entry = ledger.get(&m.uidl)?;
            if entry.server_deleted_at.is_some() {
                // Deleted before, yet listed again: the server did not honour
                // it, or reused the UIDL. Do not guess; leave it.
                return None;
            }
            if entry.delete_pending || (delete_when_deleted_here && entry.deleted_here_at.is_some())
            {
                return Some((m.clone(), Reason::DeletedHere));
            }
            let stored_in_full =
                !entry.partial && (entry.message.is_some() || entry.deleted_here_at.is_some());
            if !stored_in_full {
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
            uidls(&plan_deletions(Policy::Delete, false, &srv, &ledger, now)),
            ["old", "new"]
        );
        assert_eq!(
            uidls(&plan_deletions(
                Policy::KeepDays(7),
                false,
                &srv,
                &ledger,
                now
            )),
            ["old"]
        );
        assert!(plan_deletions(Policy::Keep, false, &srv, &ledger, now).is_empty());
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
        assert!(plan_deletions(Policy::Keep, false, &srv, &ledger, now).is_empty());
        let plan = plan_deletions(Policy::Keep, true, &srv, &ledger, now);
        assert_eq!(plan.first().map(|(_, r)| *r), Some(Reason::DeletedHere));
        gone.server_deleted_at = Some(now);
        ledger.insert("gone".into(), gone);
        assert!(plan_deletions(Policy::Keep, true, &srv, &ledger, now).is_empty());
    }
}

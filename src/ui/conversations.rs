//! The conversation view's order: messages grouped by conversation key
//! (References, else In-Reply-To, else Message-ID — RFC 5322 §3.6.4), and
//! conversations whose first messages share a subject (without `Re:`/`Fwd:`)
//! merged, so replies from clients that drop the headers still join. Groups
//! are ordered by their latest message; inside a group, oldest first.

use std::collections::HashMap;

use crate::store::{MessageId, ThreadItem};

/// The list order of a conversation view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conversations {
    /// Every message, conversation by conversation.
    pub ids: Vec<MessageId>,
    /// For each entry of `ids`: it is a reply (drawn indented), not the first.
    pub reply: Vec<bool>,
}

/// Groups `items`; `newest_first` orders conversations by latest message descending.
pub fn group(mut items: Vec<ThreadItem>, newest_first: bool) -> Conversations {
    items.sort_by_key(|a| (a.date, a.id));
    // Conversation key → group; the first (oldest) member decides the subject.
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    let mut by_subject: HashMap<&str, usize> = HashMap::new();
    let mut key_group: Vec<usize> = Vec::with_capacity(items.len());
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let g = if let Some(&g) = by_key.get(item.thread_key.as_str()) {
            g
        } else {
            let g = match by_subject.get(item.subject_sort.as_str()) {
                Some(&g) if !item.subject_sort.is_empty() => g,
                _ => {
                    groups.push(Vec::new());
                    let g = groups.len() - 1;
                    if !item.subject_sort.is_empty() {
                        by_subject.insert(item.subject_sort.as_str(), g);
                    }
                    g
                }
            };
            by_key.insert(item.thread_key.as_str(), g);
            g
        };
        key_group.push(g);
        if let Some(members) = groups.get_mut(g) {
            members.push(i);
        }
    }
    // Members are in date order already; the last one is the latest.
    let latest = |members: &Vec<usize>| {
        members
            .last()
            .and_then(|&i| items.get(i))
            .map_or((0, 0), |it| (it.date, it.id.0))
    };
    groups.sort_by_key(|m| latest(m));
    if newest_first {
        groups.reverse();
    }
    let mut out = Conversations {
        ids: Vec::with_capacity(items.len()),
        reply: Vec::with_capacity(items.len()),
    };
    for members in &groups {
        for (n, &i) in members.iter().enumerate() {
            if let Some(item) = items.get(i) {
                out.ids.push(item.id);
                out.reply.push(n > 0);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, key: &str, subject: &str, date: i64) -> ThreadItem {
        ThreadItem {
            id: MessageId(id),
            thread_key: key.into(),
            subject_sort: subject.into(),
            date,
        }
    }

    #[test]
    fn replies_follow_their_first_message_and_subjects_merge() {
        let items = vec![
            item(1, "<a>", "lunch", 10),
            item(2, "<b>", "budget", 20),
            item(3, "<a>", "lunch", 30),  // reply by References
            item(4, "<c>", "budget", 40), // reply without headers, same subject
            item(5, "<d>", "", 5),        // no subject: its own conversation
            item(6, "<e>", "", 6),
        ];
        let c = group(items, true);
        let ids: Vec<i64> = c.ids.iter().map(|i| i.0).collect();
        assert_eq!(ids, [2, 4, 1, 3, 6, 5]);
        assert_eq!(c.reply, [false, true, false, true, false, false]);
    }
}

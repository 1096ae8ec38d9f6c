//! The new-mail events of one committed batch ([`Event::NewMail`]): one per
//! folder and per whether the user hears about the mail (not when the rules
//! or the junk filter filed it as junk or to Trash), each naming its first
//! few message ids for a notification's senders and subjects.

use super::api::Event;
use crate::store::{AccountId, FolderId, Inserted};

/// How many new messages' ids an event names.
const FIRST: usize = 3;

/// The events of a batch: `inserted` is the store's answer, `placed` each
/// message's folder and whether it is news, in the same order.
pub(super) fn events(
    account: AccountId,
    inserted: &[Inserted],
    placed: impl Iterator<Item = (FolderId, bool)>,
) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for (i, (folder, news)) in inserted.iter().zip(placed) {
        let Inserted::New(id) = i else {
            continue;
        };
        let same = out.iter_mut().find_map(|e| match e {
            Event::NewMail {
                folder: f,
                news: n,
                count,
                first,
                ..
            } if *f == folder && *n == news => Some((count, first)),
            _ => None,
        });
        match same {
            Some((count, first)) => {
                *count += 1;
                if first.len() < FIRST {
                    first.push(*id);
                }
            }
            None => out.push(Event::NewMail {
                account,
                folder,
                count: 1,
                first: vec![*id],
                news,
            }),
        }
    }
    out
}

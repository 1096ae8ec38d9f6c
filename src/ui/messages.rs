//! What the three message panels — the list, the search results and the
//! reader — do together when the user acts on messages, before the write
//! thread confirms: new flags show at once everywhere a message is shown,
//! and moved or deleted messages leave the screen at once. Each answer is the
//! job to send; the write thread's reply then refreshes counts and the list.

use super::background::{Job, Write};
use super::folders::FolderPane;
use super::keys;
use super::message_list::MessageList;
use super::reader::Reader;
use super::search::Search;
use crate::store::{Flags, FolderRole, MessageId};

/// The message panels, borrowed together for one action.
pub struct Messages<'a> {
    /// The message list.
    pub list: &'a mut MessageList,
    /// The search results.
    pub search: &'a mut Search,
    /// The reader.
    pub reader: &'a mut Reader,
}

impl Messages<'_> {
    /// Opens `id` in the reader (selecting it in the list); the read job to
    /// send, unless it is already open.
    pub fn open(&mut self, id: MessageId) -> Option<Job> {
        let job = (self.reader.id != Some(id) || self.reader.opened.is_none()).then(|| {
            let generation = self.reader.open(id);
            Job::Open { generation, id }
        });
        if !self.search.is_active() && !self.list.is_selected(id) {
            self.list.select_id(id);
        }
        job
    }

    /// Shows the new flag at once; the write to send (a commit can wait on a
    /// WAL checkpoint, the frame must not).
    pub fn set_flag(&mut self, ids: Vec<MessageId>, flag: Flags, on: bool) -> Option<Job> {
        if ids.is_empty() {
            return None;
        }
        self.list.patch_flags(&ids, flag, on);
        self.reader.patch_flags(&ids, flag, on);
        self.search.patch_flags(&ids, flag, on);
        Some(Job::Write(Write::Flag(ids, flag, on)))
    }

    /// Sets `flag` on all of `ids`, or clears it when all have it.
    pub fn toggle_flag(&mut self, ids: Vec<MessageId>, flag: Flags) -> Option<Job> {
        let all = ids.iter().all(|id| {
            keys::flags_of(self.list, self.search, self.reader, *id)
                .is_some_and(|f| f.contains(flag))
        });
        self.set_flag(ids, flag, !all)
    }

    /// Takes moved or deleted messages off the screen now; the write to send
    /// (none for an empty selection).
    pub fn write(&mut self, w: Write, folders: &FolderPane) -> Option<Job> {
        if let Some(ids) = w.messages() {
            if ids.is_empty() {
                return None;
            }
            let leaves = match &w {
                Write::Move(_, to) => {
                    let inbox = folders.get(*to).map(|f| f.role) == Some(FolderRole::Inbox);
                    self.list.loses(*to, inbox)
                }
                _ => true,
            };
            if leaves {
                self.list.remove(ids);
                self.search.forget(ids);
                self.reader.forget(ids);
            }
        }
        Some(Job::Write(w))
    }
}

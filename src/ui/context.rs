//! What the panels read while they draw: a small, read-only [`View`] of the
//! window's facts, built by the app once per frame. Panels never get the
//! app itself; what they want changed goes back as [`super::intents::Intent`]s.
//! A leaf of `ui` apart from `prefs`.

use super::prefs::Prefs;
use crate::store::{Account, Folder, FolderRole, MessageId, Scope};

/// The window's facts for one frame, borrowed from their owners.
pub struct View<'a> {
    /// Every folder.
    pub folders: &'a [Folder],
    /// Every account.
    pub accounts: &'a [Account],
    /// What the list shows.
    pub scope: Option<Scope>,
    /// The role of the folder shown (the unified Inbox counts as an Inbox).
    pub role: Option<FolderRole>,
    /// The messages an action applies to (selection, search hit or open message).
    pub selection: &'a [MessageId],
    /// What Undo would undo, in words.
    pub undo: Option<&'a str>,
    /// The demo is open.
    pub in_demo: bool,
    /// A sync is running.
    pub syncing: bool,
    /// Why syncing is unavailable (`None`: it is available).
    pub sync_off: Option<&'a str>,
    /// The preferences.
    pub prefs: &'a Prefs,
}

impl View<'_> {
    /// The local (not per-account) folder with this role.
    pub fn special(&self, role: FolderRole) -> Option<&Folder> {
        self.folders
            .iter()
            .find(|f| f.role == role && f.account.is_none())
    }
}

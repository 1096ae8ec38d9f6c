//! The keyboard: shortcuts for the whole window (Ctrl+Q, Ctrl+L, Ctrl+F, F5, Ctrl+Z,
//! Ctrl+A) and single keys for the message list and the selection (arrows,
//! K (up), Page Up/Down, Home/End, Enter, Del, R, S, A, and J / Shift+J for
//! junk / not junk, as in Thunderbird), which act only when no text field
//! has focus and no dialog is open. J used to move down as in vi; junk
//! marking takes it, as the rules-and-junk issue asks.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::intents::Intent;
use super::message_list::MessageList;
use super::reader::Reader;
use super::search::Search;
use crate::store::{Flags, MessageId};

/// Shortcut names as the menus show them: key names are not translated
/// (Indonesian desktops label the keys the same).
pub mod names {
    /// Lock the store.
    pub const LOCK: &str = "Ctrl+L"; // not translated: a key's name
    /// Quit.
    pub const QUIT: &str = "Ctrl+Q"; // not translated: a key's name
    /// Open the selected message.
    pub const OPEN: &str = "Enter"; // not translated: a key's name
    /// Not junk.
    pub const NOT_JUNK: &str = "Shift+J"; // not translated: a key's name
    /// Move to the Trash.
    pub const DELETE: &str = "Del"; // not translated: a key's name
    /// Delete for good.
    pub const EXPUNGE: &str = "Shift+Del"; // not translated: a key's name
    /// Undo the last move or delete.
    pub const UNDO: &str = "Ctrl+Z"; // not translated: a key's name
    /// Focus the search box.
    pub const SEARCH: &str = "Ctrl+F"; // not translated: a key's name
}

/// The messages an action applies to: the search hit chosen, else the list
/// selection, else the open message.
pub fn selection(list: &MessageList, search: &Search, reader: &Reader) -> Vec<MessageId> {
    if search.is_active() {
        return search.chosen.into_iter().collect();
    }
    let sel = list.selection();
    if sel.is_empty() {
        reader.id.into_iter().collect()
    } else {
        sel
    }
}

/// The flags of a message on screen: the open one, a cached list row or a
/// search hit.
pub fn flags_of(
    list: &MessageList,
    search: &Search,
    reader: &Reader,
    id: MessageId,
) -> Option<Flags> {
    reader
        .flags_of(id)
        .or_else(|| list.cached(id).map(|r| r.flags))
        .or_else(|| search.flags_of(id))
}

/// Reads this frame's keys into intents (moving the list cursor itself).
/// `modal`: a dialog is open.
pub fn keys(
    ctx: &egui::Context,
    modal: bool,
    list: &mut MessageList,
    search: &Search,
    reader: &Reader,
    out: &mut Vec<Intent>,
) {
    let typing = ctx.text_edit_focused();
    let ctrl = |k| KeyboardShortcut::new(Modifiers::COMMAND, k);
    let shortcut = |s: KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(&s));
    if shortcut(ctrl(Key::Q)) {
        out.push(Intent::Quit);
    }
    if shortcut(ctrl(Key::L)) {
        out.push(Intent::Lock);
    }
    if shortcut(ctrl(Key::F)) {
        out.push(Intent::FocusSearch);
    }
    if shortcut(KeyboardShortcut::new(Modifiers::NONE, Key::F5)) {
        out.push(Intent::SyncAll);
    }
    if typing || modal {
        return;
    }
    if shortcut(ctrl(Key::Z)) {
        out.push(Intent::Undo);
    }
    if shortcut(ctrl(Key::A)) {
        list.select_all();
    }
    let sel = selection(list, search, reader);
    if shortcut(KeyboardShortcut::new(Modifiers::SHIFT, Key::Delete)) && !sel.is_empty() {
        out.push(Intent::AskExpunge(sel.clone()));
    }
    let pressed = |k| ctx.input(|i| i.key_pressed(k) && i.modifiers.is_none());
    let shift_pressed = |k| ctx.input(|i| i.key_pressed(k) && i.modifiers.shift_only());
    let page = i64::try_from(list.visible.max(1)).unwrap_or(1);
    let moves: [(bool, i64, bool); 8] = [
        (pressed(Key::ArrowDown), 1, false),
        (pressed(Key::ArrowUp) || pressed(Key::K), -1, false),
        (shift_pressed(Key::ArrowDown), 1, true),
        (shift_pressed(Key::ArrowUp), -1, true),
        (pressed(Key::PageDown), page, false),
        (pressed(Key::PageUp), -page, false),
        (pressed(Key::Home), i64::MIN / 2, false),
        (pressed(Key::End), i64::MAX / 2, false),
    ];
    let enter = pressed(Key::Enter);
    let (junk, not_junk) = (pressed(Key::J), shift_pressed(Key::J));
    let (del, r, s, a) = (
        pressed(Key::Delete),
        pressed(Key::R),
        pressed(Key::S),
        pressed(Key::A),
    );
    if !search.is_active() {
        for (hit, delta, extend) in moves {
            if hit
                && let Some(id) = list.step(delta, extend)
                && !extend
            {
                // Moving previews the message, as in any three-pane reader.
                out.push(Intent::Open(id));
            }
        }
    }
    if enter && let Some(id) = selection(list, search, reader).first() {
        out.push(Intent::Open(*id));
    }
    let sel = selection(list, search, reader);
    if sel.is_empty() {
        return;
    }
    if del {
        out.push(Intent::Trash(sel.clone()));
    }
    if r {
        out.push(Intent::ToggleFlag(sel.clone(), Flags::SEEN));
    }
    if s {
        out.push(Intent::ToggleFlag(sel.clone(), Flags::FLAGGED));
    }
    if junk {
        out.push(Intent::MarkJunk(sel.clone(), true));
    }
    if not_junk {
        out.push(Intent::MarkJunk(sel.clone(), false));
    }
    if a {
        out.push(Intent::Archive(sel));
    }
}

//! The message list's state: which scope, in which order, what is selected,
//! and where the view is. Rows are read only when they are on screen, always
//! on the rows thread (the frame only reads memory): at first by
//! `Store::page` (an index range scan, which also brings the count), and once
//! the scope's full order has loaded in the background, by id through
//! `Store::rows`, into a small cache. Positions are `u64` row indices, so a
//! million rows scroll as precisely as ten.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::background::{Done, Job, Order};
use crate::store::{MessageId, MessageRow, Scope, Sort};

/// Deepest row read by `Store::page` (an OFFSET scan) before the order loads.
const PAGE_SCAN_LIMIT: u64 = 5_000;

/// Rows kept in the cache before it is cleared.
const CACHE_ROWS: usize = 4096;

/// The message list.
#[derive(Default)]
pub struct MessageList {
    /// What is listed.
    pub scope: Option<Scope>,
    /// In which order.
    pub sort: Sort,
    /// Grouped by conversation.
    pub conversations: bool,
    count: u64,
    order: Option<Arc<Vec<MessageId>>>,
    reply: Option<Arc<Vec<bool>>>,
    generation: u64,
    loading: bool,
    page: Vec<MessageRow>,
    page_start: u64,
    /// The count is stale (a reload): the next `prepare` asks for it.
    page_wanted: bool,
    /// The page asked for and not answered yet (its first row).
    page_requested: Option<u64>,
    page_generation: u64,
    cache: HashMap<MessageId, MessageRow>,
    requested: HashSet<MessageId>,
    rows_generation: u64,
    /// First row on screen.
    pub top: u64,
    /// Rows that fit on screen (last frame).
    pub visible: u64,
    cursor: Option<u64>,
    cursor_id: Option<MessageId>,
    anchor: Option<u64>,
    selected: HashSet<MessageId>,
    /// The last error reading rows, in words.
    pub error: Option<String>,
}

impl MessageList {
    /// Shows `scope` from the top; returns the background job that loads its order.
    pub fn set_scope(&mut self, scope: Scope) -> Job {
        self.scope = Some(scope);
        self.count = 0;
        self.top = 0;
        self.cursor = None;
        self.cursor_id = None;
        self.anchor = None;
        self.selected.clear();
        self.order = None;
        self.reply = None;
        self.reload()
    }

    /// Changes the order, keeping the current message; returns the reload job.
    pub fn set_order(&mut self, sort: Sort, conversations: bool) -> Option<Job> {
        self.sort = sort;
        self.conversations = conversations;
        self.order = None;
        self.reply = None;
        self.cursor = None;
        self.top = 0;
        self.scope.map(|_| self.reload())
    }

    /// Asks for the order again, and (through the next `prepare`) the count
    /// and first rows (after new mail or a write). The old order stays on
    /// screen until the new one arrives.
    pub fn reload(&mut self) -> Job {
        let scope = self.scope.unwrap_or(Scope::UnifiedInbox);
        self.page.clear();
        self.cache.clear();
        self.requested.clear();
        self.rows_generation += 1;
        self.page_wanted = true;
        self.page_requested = None;
        self.generation += 1;
        self.loading = true;
        self.clamp();
        Job::LoadOrder {
            generation: self.generation,
            scope,
            sort: self.sort,
            conversations: self.conversations,
        }
    }

    /// An empty list in this order.
    pub fn in_order(sort: Sort, conversations: bool) -> MessageList {
        MessageList {
            sort,
            conversations,
            ..MessageList::default()
        }
    }

    /// Takes in the list's answers (order, rows, pages); hands back any other.
    pub fn on_done(&mut self, done: Done) -> Option<Done> {
        match done {
            Done::Order { generation, result } => self.on_order(generation, result),
            Done::Rows { generation, result } => self.on_rows(generation, result),
            Done::Page {
                generation,
                start,
                result,
            } => self.on_page(generation, start, result),
            other => return Some(other),
        }
        None
    }

    /// Whether moving to `to` takes messages out of the scope shown
    /// (`to_inbox`: `to` is an Inbox, which the unified Inbox still shows).
    pub fn loses(&self, to: crate::store::FolderId, to_inbox: bool) -> bool {
        match self.scope {
            Some(Scope::Folder(cur)) => to != cur,
            Some(Scope::UnifiedInbox) => !to_inbox,
            None => true,
        }
    }

    /// Takes a loaded order, unless a newer one was asked for.
    pub fn on_order(&mut self, generation: u64, result: Result<Order, String>) {
        if generation != self.generation {
            return;
        }
        self.loading = false;
        match result {
            Ok((ids, reply)) => {
                self.count = ids.len() as u64;
                if let Some(id) = self.cursor_id
                    && let Some(i) = ids.iter().position(|x| *x == id)
                {
                    let i = i as u64;
                    self.cursor = Some(i);
                    self.anchor = Some(i);
                    if i < self.top || i >= self.top + self.visible.max(1) {
                        self.top = i.saturating_sub(self.visible / 2);
                    }
                }
                self.order = Some(ids);
                self.reply = reply;
                self.page.clear();
                self.clamp();
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Whether the full order is still loading.
    pub fn loading(&self) -> bool {
        self.loading
    }

    /// Number of rows.
    pub fn len(&self) -> u64 {
        self.count
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Forgets cached rows of these messages (their flags changed).
    pub fn forget(&mut self, ids: &[MessageId]) {
        // A read in flight may carry the old flags: ignore it.
        self.rows_generation += 1;
        self.requested.clear();
        for id in ids {
            self.cache.remove(id);
        }
        self.page.retain(|r| !ids.contains(&r.id));
        if self.page.len() < self.visible as usize {
            self.page.clear();
        }
    }

    /// Shows new flags on cached rows before the store has them.
    pub fn patch_flags(&mut self, ids: &[MessageId], flag: crate::store::Flags, on: bool) {
        for id in ids {
            if let Some(r) = self.cache.get_mut(id) {
                r.flags = r.flags.with(flag, on);
            }
        }
        for r in &mut self.page {
            if ids.contains(&r.id) {
                r.flags = r.flags.with(flag, on);
            }
        }
    }

    /// Takes messages out of the list at once (they moved away).
    pub fn remove(&mut self, ids: &[MessageId]) {
        let gone: HashSet<MessageId> = ids.iter().copied().collect();
        if let Some(order) = &mut self.order {
            let keep: Vec<(MessageId, bool)> = order
                .iter()
                .enumerate()
                .filter(|(_, id)| !gone.contains(id))
                .map(|(i, id)| {
                    let reply = self
                        .reply
                        .as_ref()
                        .and_then(|r| r.get(i).copied())
                        .unwrap_or(false);
                    (*id, reply)
                })
                .collect();
            self.count = keep.len() as u64;
            if self.reply.is_some() {
                self.reply = Some(Arc::new(keep.iter().map(|(_, r)| *r).collect()));
            }
            *order = Arc::new(keep.into_iter().map(|(id, _)| id).collect());
        } else {
            self.count = self.count.saturating_sub(gone.len() as u64);
        }
        self.page.clear();
        for id in &gone {
            self.cache.remove(id);
            self.selected.remove(id);
        }
        let cursor_gone = self.cursor_id.is_some_and(|c| gone.contains(&c));
        self.clamp();
        if cursor_gone {
            self.cursor_id = None;
            // Select what is now at the cursor's place: the next message.
            if let Some(c) = self.cursor
                && self.count > 0
            {
                let c = c.min(self.count - 1);
                if self.select_only(c).is_none() {
                    self.cursor = Some(c);
                }
            }
        }
    }

    fn clamp(&mut self) {
        let max_top = self.count.saturating_sub(self.visible.max(1));
        self.top = self.top.min(max_top);
        if let Some(c) = self.cursor
            && c >= self.count
        {
            self.cursor = self.count.checked_sub(1);
        }
    }

    /// Makes rows `top .. top + visible` available: returns the read the
    /// rows thread should do next (the UI never waits on the disk). Once the
    /// order is loaded, it asks for the missing rows by id, a screen ahead
    /// and behind included; before that, for one page of rows (which also
    /// brings the count).
    pub fn prepare(&mut self) -> Option<Job> {
        let scope = self.scope?;
        let end = (self.top + self.visible + 1).min(self.count);
        if self.page_wanted {
            self.page_wanted = false;
            return Some(self.page_job(scope));
        }
        if let Some(order) = &self.order {
            let v = self.visible.max(1);
            let from = usize::try_from(self.top.saturating_sub(v)).unwrap_or(usize::MAX);
            let to = usize::try_from((end + v).min(self.count)).unwrap_or(usize::MAX);
            let wanted = order.get(from..to.max(from)).unwrap_or_default();
            let missing: Vec<MessageId> = wanted
                .iter()
                .filter(|id| !self.cache.contains_key(id) && !self.requested.contains(id))
                .copied()
                .collect();
            if missing.is_empty() {
                return None;
            }
            if self.cache.len() + wanted.len() > CACHE_ROWS {
                self.cache.clear();
            }
            // Ask for the whole window again: the newest request replaces older ones.
            let ids: Vec<MessageId> = wanted
                .iter()
                .filter(|id| !self.cache.contains_key(id))
                .copied()
                .collect();
            self.requested = ids.iter().copied().collect();
            self.rows_generation += 1;
            return Some(Job::Rows {
                generation: self.rows_generation,
                ids,
            });
        }
        if self.count == 0 {
            // Known empty (the page read brought the count); a reload asks again.
            return None;
        }
        let have = self.page_start..self.page_start + self.page.len() as u64;
        let full = self.page.len() as u64 >= end.saturating_sub(self.page_start).min(self.count);
        if have.contains(&self.top) && (end <= have.end || !full) && !self.page.is_empty() {
            return None;
        }
        if self.top.saturating_sub(self.visible) > PAGE_SCAN_LIMIT {
            // OFFSET scans grow with the offset: deep rows wait for the
            // full order (they show as "…" for a moment).
            return None;
        }
        if self.page_requested == Some(self.top.saturating_sub(self.visible)) {
            return None;
        }
        Some(self.page_job(scope))
    }

    /// A page read around the top row (only the count when that is too deep).
    fn page_job(&mut self, scope: Scope) -> Job {
        let start = self.top.saturating_sub(self.visible);
        let limit = if start > PAGE_SCAN_LIMIT {
            0
        } else {
            self.visible * 3 + 2
        };
        self.page_requested = Some(start);
        self.page_generation += 1;
        Job::Page {
            generation: self.page_generation,
            scope,
            sort: self.sort,
            start,
            limit,
        }
    }

    /// A page read on the rows thread arrived, with the scope's count.
    pub fn on_page(
        &mut self,
        generation: u64,
        start: u64,
        result: Result<(u64, Vec<MessageRow>), String>,
    ) {
        if generation != self.page_generation {
            return;
        }
        self.page_requested = None;
        match result {
            Ok((count, rows)) => {
                // Once this reload's order has arrived, its count is the newer one.
                if self.loading {
                    if self.order.as_ref().is_some_and(|o| o.len() as u64 != count) {
                        // The old order no longer matches: fall back to pages meanwhile.
                        self.order = None;
                        self.reply = None;
                    }
                    self.count = count;
                }
                if self.order.is_none() {
                    self.page_start = start;
                    self.page = rows;
                }
                self.clamp();
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Rows read on the rows thread arrived.
    pub fn on_rows(&mut self, generation: u64, result: Result<Vec<MessageRow>, String>) {
        if generation != self.rows_generation {
            return;
        }
        self.requested.clear();
        match result {
            Ok(rows) => {
                for r in rows {
                    self.cache.insert(r.id, r);
                }
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Rows on screen not read yet (drawn as "…").
    pub fn missing_on_screen(&self) -> u64 {
        let end = (self.top + self.visible).min(self.count);
        (self.top..end)
            .filter(|i| self.row_at(*i).is_none())
            .count() as u64
    }

    /// The id at row `i`, when known (an index beyond `usize` is no row).
    pub fn id_at(&self, i: u64) -> Option<MessageId> {
        match &self.order {
            // An index beyond usize is no row.
            Some(order) => order.get(usize::try_from(i).ok()?).copied(),
            None => self
                .page
                // An index beyond usize is no row.
                .get(usize::try_from(i.checked_sub(self.page_start)?).ok()?)
                .map(|r| r.id),
        }
    }

    /// The row at `i`, when read (an index beyond `usize` is no row).
    pub fn row_at(&self, i: u64) -> Option<&MessageRow> {
        match &self.order {
            Some(_) => self.cache.get(&self.id_at(i)?),
            None => self
                .page
                // An index beyond usize is no row.
                .get(usize::try_from(i.checked_sub(self.page_start)?).ok()?),
        }
    }

    /// A cached row by id.
    pub fn cached(&self, id: MessageId) -> Option<&MessageRow> {
        self.cache
            .get(&id)
            .or_else(|| self.page.iter().find(|r| r.id == id))
    }

    /// Whether row `i` is a reply in the conversation view (an index
    /// beyond `usize` is no row).
    pub fn is_reply(&self, i: u64) -> bool {
        self.reply
            .as_ref()
            // An index beyond usize is no row.
            .and_then(|r| r.get(usize::try_from(i).ok()?).copied())
            .unwrap_or(false)
    }

    /// Whether a message is selected.
    pub fn is_selected(&self, id: MessageId) -> bool {
        self.selected.contains(&id)
    }

    /// The cursor row.
    pub fn cursor(&self) -> Option<u64> {
        self.cursor
    }

    /// The selected messages (the cursor's when nothing else is selected).
    pub fn selection(&self) -> Vec<MessageId> {
        if self.selected.is_empty() {
            return self.cursor_id.into_iter().collect();
        }
        match &self.order {
            // In list order, so undo and moves are predictable.
            Some(order) if self.selected.len() > 1 => order
                .iter()
                .filter(|id| self.selected.contains(id))
                .copied()
                .collect(),
            _ => self.selected.iter().copied().collect(),
        }
    }

    /// Selects only row `i` and puts the cursor there.
    pub fn select_only(&mut self, i: u64) -> Option<MessageId> {
        let id = self.id_at(i)?;
        self.selected.clear();
        self.selected.insert(id);
        self.cursor = Some(i);
        self.cursor_id = Some(id);
        self.anchor = Some(i);
        self.reveal(i);
        Some(id)
    }

    /// Selects a message by id if it is in the loaded part of the list.
    pub fn select_id(&mut self, id: MessageId) {
        let at = match &self.order {
            Some(order) => order.iter().position(|x| *x == id).map(|i| i as u64),
            None => self
                .page
                .iter()
                .position(|r| r.id == id)
                .map(|i| self.page_start + i as u64),
        };
        match at {
            Some(i) => {
                self.select_only(i);
            }
            None => {
                self.selected.clear();
                self.selected.insert(id);
                self.cursor_id = Some(id);
            }
        }
    }

    /// Ctrl+click: adds or removes row `i`.
    pub fn toggle(&mut self, i: u64) {
        let Some(id) = self.id_at(i) else { return };
        if !self.selected.remove(&id) {
            self.selected.insert(id);
        }
        self.cursor = Some(i);
        self.cursor_id = Some(id);
        self.anchor = Some(i);
    }

    /// Shift+click or Shift+arrow: selects from the anchor to row `i`.
    pub fn extend_to(&mut self, i: u64) {
        let anchor = self.anchor.unwrap_or(i);
        let (a, b) = (anchor.min(i), anchor.max(i));
        self.selected.clear();
        for k in a..=b {
            if let Some(id) = self.id_at(k) {
                self.selected.insert(id);
            }
        }
        self.cursor = Some(i);
        self.cursor_id = self.id_at(i);
        self.reveal(i);
    }

    /// Selects every message (needs the loaded order).
    pub fn select_all(&mut self) {
        if let Some(order) = &self.order {
            self.selected = order.iter().copied().collect();
        }
    }

    /// Moves the cursor by `delta` rows; with `extend`, grows the selection.
    /// Returns the message now under the cursor.
    pub fn step(&mut self, delta: i64, extend: bool) -> Option<MessageId> {
        if self.count == 0 {
            return None;
        }
        let from = self.cursor.unwrap_or(if delta >= 0 {
            self.top.saturating_sub(1)
        } else {
            self.top
        });
        let to = if self.cursor.is_none() && delta > 0 {
            self.top
        } else if delta >= 0 {
            from.saturating_add(delta.unsigned_abs())
                .min(self.count - 1)
        } else {
            from.saturating_sub(delta.unsigned_abs())
        };
        if extend {
            self.extend_to(to);
            self.cursor_id
        } else {
            // Make sure the row is readable before selecting it.
            self.reveal(to);
            self.cursor = Some(to);
            self.select_only(to)
        }
    }

    /// Scrolls so row `i` is on screen.
    pub fn reveal(&mut self, i: u64) {
        let v = self.visible.max(1);
        if i < self.top {
            self.top = i;
        } else if i >= self.top + v {
            self.top = i + 1 - v;
        }
        self.clamp();
    }

    /// Scrolls by `rows` (negative: up).
    pub fn scroll_by(&mut self, rows: i64) {
        self.top = if rows >= 0 {
            self.top.saturating_add(rows.unsigned_abs())
        } else {
            self.top.saturating_sub(rows.unsigned_abs())
        };
        self.clamp();
    }

    /// Scrolls to a fraction (0 = top, 1 = bottom) of the list.
    pub fn scroll_to_fraction(&mut self, f: f64) {
        let max_top = self.count.saturating_sub(self.visible.max(1));
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let top = (f.clamp(0.0, 1.0) * max_top as f64).round() as u64;
        self.top = top;
        self.clamp();
    }
}

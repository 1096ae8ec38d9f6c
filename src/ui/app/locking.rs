//! Locking the window (issue #13): Lock and the idle lock drop the session
//! (its connections and the data key) and every view of the mail, then show
//! the lock screen of [`crate::ui::lock`]; unlocking opens a new session.

use egui::Ui;

use super::super::lock;
use super::{App, Dialogs, FolderPane, MessageList, Reader, Search, Session, SyncStatus};
use crate::t;

/// How often an unlocked encrypted window wakes to check the idle lock.
const IDLE_CHECK: std::time::Duration = std::time::Duration::from_secs(20);

impl App {
    /// Whether the window shows the lock screen (tests).
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
    }

    /// Whether the lock screen is checking a passphrase (tests wait for it).
    pub fn unlocking(&self) -> bool {
        self.lock.as_ref().is_some_and(lock::LockScreen::checking)
    }

    /// Replaces the idle lock's clock (seconds; tests).
    pub fn set_clock(&mut self, clock: lock::Clock) {
        self.idle.last_input = clock();
        self.idle.clock = clock;
    }

    fn encrypted(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.store.is_encrypted() && s.demo.is_none())
    }

    /// Lock: drops the session (its connections and key) and every view of
    /// the mail, and shows the lock screen. A plaintext store cannot lock.
    pub(super) fn lock_now(&mut self) {
        let Some(s) = &self.session else { return };
        if !self.encrypted() {
            self.error = Some(t!("security-lock-needs-encryption"));
            return;
        }
        let data_dir = s.data_dir.clone();
        // The preference: the sync worker (with its own copy of the key)
        // runs on behind the lock screen; otherwise it stops with the session.
        let kept_sync = if self.prefs.sync_while_locked {
            self.session.as_mut().and_then(|s| s.sync.take())
        } else {
            None
        };
        self.session = None;
        self.folders = FolderPane::default();
        self.list = MessageList::in_order(self.prefs.sort, self.prefs.conversations);
        self.reader = Reader::default();
        self.search = Search::default();
        self.status = SyncStatus::default();
        self.dialogs = Dialogs::default();
        // Preferences → Security closes too (typed passphrases zeroized).
        self.security = Default::default();
        self.error = None;
        self.lock = Some(lock::LockScreen::after_unlocked(data_dir, kept_sync));
    }

    /// Locks an encrypted window after the preference's idle minutes.
    pub(super) fn watch_idle(&mut self, ctx: &egui::Context) {
        let minutes = self.prefs.lock_after_minutes;
        let expired = self.idle.expired(ctx, minutes);
        if !self.encrypted() || minutes == 0 {
            return;
        }
        if expired {
            self.lock_now();
        } else {
            ctx.request_repaint_after(IDLE_CHECK);
        }
    }

    /// The lock screen; opens a session once it gives a key.
    pub(super) fn lock_ui(&mut self, ui: &mut Ui) {
        let Some(screen) = &self.lock else { return };
        // A sync kept running behind the lock: notifications without names.
        for e in screen.sync_events() {
            self.notes.on_sync_event(&self.ctx, &e, None, &self.prefs);
        }
        let Some(screen) = &mut self.lock else { return };
        let Some(config) = screen.ui(ui) else { return };
        let data_dir = screen.data_dir().to_path_buf();
        let config = match self.opts.store_page_limit {
            Some(pages) => config.with_max_page_count(pages),
            None => config,
        };
        let kept_sync = screen.take_sync();
        match Session::open_with_sync(data_dir, config, &self.ctx, kept_sync) {
            Ok(s) => {
                self.lock = None;
                self.idle.last_input = (self.idle.clock)();
                self.use_session(s);
            }
            Err(e) => screen.set_error(e.to_string()),
        }
    }
}

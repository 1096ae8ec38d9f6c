//! The window's new-mail notifications (issue 16): every sync event goes
//! through a [`crate::notify::Collector`], and each account sync that brought
//! news becomes one desktop notification on the [`crate::notify::Notifier`]
//! thread, started when the first one is due. Preferences decide whether
//! there are notifications and whether they list senders and subjects; a
//! locked window (sync kept running behind the lock screen) never lists
//! them, and the demo never notifies. A click raises the window. When no
//! notification service answers, Preferences says so (once, in words); no
//! dialog ever appears for it.

use super::prefs::Prefs;
use crate::notify::{Collector, Note, Notifier, NotifyEvent};
use crate::store::Store;
use crate::sync::Event;

/// How many of the last notes [`Notifications::sent`] keeps.
const SENT_KEPT: usize = 16;

/// The notifier, what it is collecting, and what it said.
#[derive(Default)]
pub struct Notifications {
    notifier: Option<Notifier>,
    collector: Collector,
    unavailable: Option<String>,
    sent: Vec<Note>,
}

impl Notifications {
    /// Takes in a sync event. `store` is `None` while the window is locked
    /// (then no account names, senders or subjects are read or shown).
    pub fn on_sync_event(
        &mut self,
        ctx: &egui::Context,
        event: &Event,
        store: Option<&Store>,
        prefs: &Prefs,
    ) {
        if !prefs.notify {
            return;
        }
        let details = prefs.notify_details && store.is_some();
        let Some(note) = self.collector.on_event(event, store, details) else {
            return;
        };
        if self.notifier.is_none() {
            let ctx = ctx.clone();
            let repaint: crate::worker::Repaint =
                std::sync::Arc::new(move || ctx.request_repaint());
            match Notifier::spawn(repaint, true) {
                Ok(n) => self.notifier = Some(n),
                Err(e) => {
                    self.unavailable = Some(crate::t!(
                        "window-notify-thread-failed",
                        error = e.to_string()
                    ));
                    return;
                }
            }
        }
        if let Some(n) = &self.notifier {
            if self.sent.len() >= SENT_KEPT {
                self.sent.remove(0);
            }
            self.sent.push(note.clone());
            n.show(note);
        }
    }

    /// Takes in what the notifier said: raises the window on a click.
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some(n) = &self.notifier else { return };
        while let Some(event) = n.try_recv() {
            match event {
                NotifyEvent::Unavailable(why) | NotifyEvent::Stopped(why) => {
                    self.unavailable = Some(why);
                }
                NotifyEvent::Clicked => {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
                    ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
                }
                NotifyEvent::Shown => self.unavailable = None,
            }
        }
    }

    /// Why notifications cannot be shown here, when that is known.
    pub fn unavailable(&self) -> Option<&str> {
        self.unavailable.as_deref()
    }

    /// The last notes handed to the notifier (tests).
    pub fn sent(&self) -> &[Note] {
        &self.sent
    }
}

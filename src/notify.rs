//! New-mail notifications on the desktop (issue 16): one per account sync
//! that brought mail, with the count and — when the user allows it and the
//! store is not locked — the first senders and subjects.
//!
//! Sent with `notify-rust` (the freedesktop Desktop Notifications
//! Specification over D-Bus) from a worker thread of its own
//! ([`crate::worker::Worker`]), so a slow or missing notification service
//! never holds up the window or a sync. Where no service answers (no D-Bus
//! session), the first failure comes back once as
//! [`NotifyEvent::Unavailable`] and nothing else is shown: never an error
//! dialog. Where the server supports actions, a click on the notification
//! comes back as [`NotifyEvent::Clicked`], so the window can raise itself.
//!
//! Nothing is said about mail filed as junk or to Trash (the `news` flag of
//! [`crate::sync::Event::NewMail`]); callers do not notify for the demo.
//! Used by the window and by `popmail sync --notify`.

use std::collections::BTreeMap;

use crate::store::{AccountId, MessageRow, Store};
use crate::sync::Event;
use crate::t;
use crate::worker::{Repaint, Spawn, StopEvent, Worker};

/// The desktop entry (and icon) name the notifications carry.
pub const APP_ID: &str = "io.github.popmail.Popmail";

/// How many senders and subjects a notification lists.
const SHOWN: usize = 3;

/// One notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The title ("3 new messages in Work").
    pub summary: String,
    /// The first senders and subjects, one a line, or empty.
    pub body: String,
}

/// Gathers a sync's events into one [`Note`] per account sync that brought
/// mail the user hears about.
#[derive(Debug, Default)]
pub struct Collector {
    pending: BTreeMap<AccountId, (u64, Vec<String>)>,
}

impl Collector {
    /// Takes in a sync event; returns the note to show when an account's
    /// sync that brought news ended. `store` reads the account's name and,
    /// with `details`, the senders and subjects; `None` (a locked window)
    /// gives a note with the count only.
    pub fn on_event(
        &mut self,
        event: &Event,
        store: Option<&Store>,
        details: bool,
    ) -> Option<Note> {
        match event {
            Event::NewMail {
                account,
                count,
                first,
                news: true,
                ..
            } => {
                let (n, lines) = self.pending.entry(*account).or_default();
                *n += count;
                if let (Some(store), true) = (store, details) {
                    for id in first {
                        if lines.len() >= SHOWN {
                            break;
                        }
                        // A message deleted meanwhile is simply not listed.
                        if let Ok(row) = store.row(*id) {
                            lines.push(line(&row));
                        }
                    }
                }
                None
            }
            Event::Finished { account, .. } | Event::Failed { account, .. } => {
                let (count, lines) = self.pending.remove(account)?;
                let name = store
                    .and_then(|s| s.account(*account).ok())
                    .map(|a| a.settings.name);
                (count > 0).then(|| note(count, name.as_deref(), &lines))
            }
            _ => None,
        }
    }
}

/// "Sender: Subject" of a listed message.
fn line(row: &MessageRow) -> String {
    let sender = if row.from_name.is_empty() {
        &row.from_addr
    } else {
        &row.from_name
    };
    let subject = if row.subject.is_empty() {
        t!("notify-no-subject")
    } else {
        row.subject.clone()
    };
    format!("{sender}: {subject}") // not translated: "Sender: Subject"
}

/// The note for `count` new messages of the account `name`.
pub fn note(count: u64, name: Option<&str>, lines: &[String]) -> Note {
    let summary = match name {
        Some(name) => t!("notify-new-in", count = count, account = name),
        None => t!("notify-new", count = count),
    };
    let mut body = lines.join("\n");
    let more = count.saturating_sub(lines.len() as u64);
    if !lines.is_empty() && more > 0 {
        body.push('\n');
        body.push_str(&t!("notify-and-more", count = more));
    }
    Note { summary, body }
}

/// What the notifier is asked.
#[derive(Debug)]
pub enum NotifyCommand {
    /// Show this note.
    Show(Note),
}

/// What the notifier tells its owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotifyEvent {
    /// A note reached the notification service.
    Shown,
    /// No notification service answered (said once per notifier).
    Unavailable(String),
    /// The user clicked a notification: raise the window.
    Clicked,
    /// The notifier stopped.
    Stopped(String),
}

impl StopEvent for NotifyEvent {
    fn stopped(reason: String) -> Self {
        NotifyEvent::Stopped(reason)
    }
}

/// The worker that shows notifications.
pub struct Notifier {
    worker: Worker<NotifyCommand, NotifyEvent>,
}

impl Notifier {
    /// Starts the notifier thread; `repaint` wakes the owner on each event.
    /// With `clicks` (a window to raise), notifications offer their default
    /// action where the server supports actions.
    pub fn spawn(repaint: Repaint, clicks: bool) -> std::io::Result<Notifier> {
        let spawn = Spawn::named("popmail-notify").repaint(repaint);
        let worker = Worker::spawn(spawn, move |inbox, outbox| {
            let mut told = false;
            let mut actions: Option<bool> = None;
            let mut waiters: Vec<Worker<(), NotifyEvent>> = Vec::new();
            while let Some(NotifyCommand::Show(note)) = inbox.recv() {
                waiters.retain(|w| !w.is_finished());
                let clickable = clicks
                    && *actions.get_or_insert_with(|| {
                        notify_rust::get_capabilities()
                            .is_ok_and(|c| c.iter().any(|a| a == "actions"))
                    });
                let mut n = notify_rust::Notification::new();
                n.appname("popmail")
                    .summary(&note.summary)
                    .body(&note.body)
                    .icon(APP_ID)
                    .hint(notify_rust::Hint::DesktopEntry(APP_ID.into()));
                if clickable {
                    n.action("default", &t!("notify-open"));
                }
                match n.show() {
                    Ok(handle) => {
                        if outbox.send(NotifyEvent::Shown).is_err() {
                            break;
                        }
                        if clickable {
                            let tell = outbox.clone();
                            let wait = Spawn::named("popmail-notify-click");
                            let waiter = Worker::spawn(wait, move |_inbox, _outbox| {
                                handle.wait_for_action(|action| {
                                    if action == "default" {
                                        // The window went away: nobody to raise.
                                        let _ = tell.send(NotifyEvent::Clicked); // see above
                                    }
                                });
                                t!("notify-closed")
                            });
                            // Without the waiter a click does nothing; the note is shown.
                            if let Ok(w) = waiter {
                                waiters.push(w);
                            }
                        }
                    }
                    Err(e) if !told => {
                        told = true;
                        let why = t!("notify-unavailable", error = e.to_string());
                        if outbox.send(NotifyEvent::Unavailable(why)).is_err() {
                            break;
                        }
                    }
                    // Said once already; the window shows it in Preferences.
                    Err(_) => {}
                }
            }
            t!("notify-stopped")
        })?;
        Ok(Notifier { worker })
    }

    /// Queues a note (a stopped notifier drops it: notifications are a
    /// courtesy, never a reason to fail).
    pub fn show(&self, note: Note) {
        // A stopped notifier already said why in its last event.
        let _ = self.worker.send(NotifyCommand::Show(note)); // see above
    }

    /// The next event, if any (never blocks).
    pub fn try_recv(&self) -> Option<NotifyEvent> {
        self.worker.try_recv()
    }

    /// Waits up to `timeout` for the next event (the CLI, before it exits).
    pub fn wait(&self, timeout: std::time::Duration) -> Option<NotifyEvent> {
        self.worker.events().recv_timeout(timeout).ok()
    }
}

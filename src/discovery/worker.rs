//! Discovery on a [`crate::worker::Worker`]: one search per worker, with
//! progress lines, a result, and cancel (the worker's flag is the
//! [`super::Discoverer`]'s, so a raised cancel stops the HTTP client, the DNS
//! look-up and the probes between steps).

use crate::worker::{Repaint, Spawn, StopEvent, Worker};

use super::{Error, Found, MakeDiscoverer};

/// What the discovery worker reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiscoveryEvent {
    /// What it is doing now, in words.
    Progress(String),
    /// The search ended.
    Done(Result<Found, Error>),
    /// The worker stopped (always the last event).
    Stopped(String),
}

impl StopEvent for DiscoveryEvent {
    fn stopped(reason: String) -> Self {
        DiscoveryEvent::Stopped(reason)
    }
}

/// A running search; [`Worker::cancel`] stops it. Its one command is the
/// address, sent by [`spawn`].
pub type DiscoveryWorker = Worker<String, DiscoveryEvent>;

/// Starts looking for `email`'s settings on a thread named
/// "popmail-discovery".
pub fn spawn(
    email: String,
    make: MakeDiscoverer,
    repaint: Repaint,
) -> std::io::Result<DiscoveryWorker> {
    let worker = DiscoveryWorker::spawn(
        Spawn::named("popmail-discovery").repaint(repaint),
        move |inbox, outbox| {
            let Some(email) = inbox.recv() else {
                return "nothing to look for".to_string();
            };
            let discoverer = make(inbox.cancel().clone());
            let result = discoverer.find(&email, &mut |line| {
                // The owner went away: the search ends on its own soon.
                let _ = outbox.send(DiscoveryEvent::Progress(line)); // owner gone
            });
            let reason = match &result {
                Ok(_) => "settings found".to_string(),
                Err(e) => e.to_string(),
            };
            let sent = outbox.send(DiscoveryEvent::Done(result));
            outbox.done(1);
            if sent.is_err() {
                return "nobody waits for the result".to_string();
            }
            reason
        },
    )?;
    worker
        .send(email)
        .map_err(|_| std::io::Error::other("the discovery thread ended at once"))?;
    Ok(worker)
}

//! The one shape of every background worker in popmail: a named thread that
//! takes typed commands in and sends typed events out over crossbeam channels,
//! can be cancelled, and always ends with a last event that says why it
//! stopped (asked to, its owner went away, or it failed — a panic included).
//!
//! The owner keeps a [`Worker`] handle; the thread runs a body that gets an
//! [`Inbox`] (commands, the cancel flag) and an [`Outbox`] (events; every send
//! wakes the owner through [`Repaint`], which the window sets to egui's
//! `request_repaint`). The owner drains events with [`Worker::try_recv`] and
//! never blocks; the CLI may block on [`Worker::events`].
//!
//! [`Worker::busy`] counts commands sent and not yet answered: the body marks
//! each one [`Outbox::done`] after its answer is in the channel, so a caller
//! never sees "idle" with an answer still unread.
//!
//! A leaf: imports nothing of ours.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, TryRecvError};

/// How often long work reports progress: ten times a second is smooth to the
/// eye and costs nothing measurable (each report is one channel send).
pub const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);

/// Wakes the owner after each event (egui's `request_repaint`, or nothing).
pub type Repaint = Arc<dyn Fn() + Send + Sync>;

/// A repaint that does nothing (the CLI, tests).
pub fn no_repaint() -> Repaint {
    Arc::new(|| {})
}

/// An event type that can say the worker stopped: the last event of every
/// worker.
pub trait StopEvent {
    /// The event that tells why the worker stopped.
    fn stopped(reason: String) -> Self;
}

/// A shared cancel flag: the owner raises it, the body checks it between
/// units of work (and lowers it when it starts a new one).
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// A new, lowered flag.
    pub fn new() -> Self {
        Self::default()
    }

    /// Raises the flag.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether the flag is raised.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// Lowers the flag (a new unit of work begins).
    pub fn reset(&self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// The body's end of the command channel.
pub struct Inbox<C> {
    rx: Receiver<C>,
    cancel: Cancel,
}

/// What waiting for a command gave.
#[derive(Debug)]
pub enum Next<C> {
    /// A command.
    Command(C),
    /// Nothing arrived within the timeout.
    Timeout,
    /// The owner dropped its handle: the body should stop.
    Closed,
}

impl<C> Inbox<C> {
    /// Waits for the next command; `None` once the owner has gone.
    pub fn recv(&self) -> Option<C> {
        self.rx.recv().ok()
    }

    /// Waits at most `timeout` for the next command.
    pub fn recv_timeout(&self, timeout: Duration) -> Next<C> {
        match self.rx.recv_timeout(timeout) {
            Ok(c) => Next::Command(c),
            Err(RecvTimeoutError::Timeout) => Next::Timeout,
            Err(RecvTimeoutError::Disconnected) => Next::Closed,
        }
    }

    /// The next command if one is waiting: `Ok(None)` when none is, `Err(())`
    /// once the owner has gone.
    pub fn try_recv(&self) -> Result<Option<C>, Closed> {
        match self.rx.try_recv() {
            Ok(c) => Ok(Some(c)),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(Closed),
        }
    }

    /// The cancel flag the owner raises.
    pub fn cancel(&self) -> &Cancel {
        &self.cancel
    }
}

/// The owner has dropped its handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed;

/// The body's end of the event channel.
pub struct Outbox<E> {
    tx: Sender<E>,
    repaint: Repaint,
    pending: Arc<AtomicUsize>,
}

impl<E> Clone for Outbox<E> {
    fn clone(&self) -> Self {
        Outbox {
            tx: self.tx.clone(),
            repaint: Arc::clone(&self.repaint),
            pending: Arc::clone(&self.pending),
        }
    }
}

impl<E> Outbox<E> {
    /// Sends an event and wakes the owner. `Err(Closed)` when the owner has
    /// gone: nobody is listening, and the body may stop early.
    pub fn send(&self, event: E) -> Result<(), Closed> {
        let sent = self.tx.send(event).map_err(|_| Closed);
        (self.repaint)();
        sent
    }

    /// Marks `n` commands answered (see [`Worker::busy`]).
    pub fn done(&self, n: usize) {
        // Saturating: a body may mark commands it drained itself. The
        // closure always returns Some, so the update cannot fail.
        let _ = self // infallible: the closure never returns None
            .pending
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |p| {
                Some(p.saturating_sub(n))
            });
    }
}

/// How a worker's thread is started.
pub struct Spawn {
    /// The thread's name (`popmail-…`), shown by debuggers and `top -H`.
    pub name: String,
    /// Called after each event.
    pub repaint: Repaint,
    /// Wait for the thread when the handle is dropped (a worker that must
    /// finish the message in flight, like sync); otherwise the thread ends on
    /// its own after the command in flight.
    pub join_on_drop: bool,
}

impl Spawn {
    /// A thread called `name` that wakes nobody and is not joined on drop.
    pub fn named(name: impl Into<String>) -> Self {
        Spawn {
            name: name.into(),
            repaint: no_repaint(),
            join_on_drop: false,
        }
    }

    /// Wakes the owner with `repaint` after every event.
    #[must_use]
    pub fn repaint(mut self, repaint: Repaint) -> Self {
        self.repaint = repaint;
        self
    }

    /// Waits for the thread when the handle is dropped.
    #[must_use]
    pub fn join_on_drop(mut self) -> Self {
        self.join_on_drop = true;
        self
    }
}

/// The owner's handle on a background thread.
pub struct Worker<C, E> {
    commands: Option<Sender<C>>,
    events: Receiver<E>,
    cancel: Cancel,
    pending: Arc<AtomicUsize>,
    thread: Option<JoinHandle<()>>,
    join_on_drop: bool,
}

impl<C: Send + 'static, E: StopEvent + Send + 'static> Worker<C, E> {
    /// Starts the thread. `body` serves commands until it returns the reason
    /// it stopped; that reason, or the panic that ended it, becomes the last
    /// event.
    pub fn spawn<F>(spawn: Spawn, body: F) -> std::io::Result<Self>
    where
        F: FnOnce(Inbox<C>, Outbox<E>) -> String + Send + 'static,
    {
        let (commands, rx) = crossbeam_channel::unbounded();
        let (tx, events) = crossbeam_channel::unbounded();
        let cancel = Cancel::new();
        let pending = Arc::new(AtomicUsize::new(0));
        let inbox = Inbox {
            rx,
            cancel: cancel.clone(),
        };
        let outbox = Outbox {
            tx,
            repaint: spawn.repaint,
            pending: Arc::clone(&pending),
        };
        let name = spawn.name;
        let thread = std::thread::Builder::new()
            .name(name.clone())
            .spawn(move || {
                let last = outbox.clone();
                let reason = match catch_unwind(AssertUnwindSafe(|| body(inbox, outbox))) {
                    Ok(reason) => reason,
                    Err(panic) => format!(
                        "{name} stopped after an internal error ({}); please report it",
                        panic_text(panic.as_ref())
                    ),
                };
                last.pending.store(0, Ordering::SeqCst);
                let _ = last.send(E::stopped(reason)); // closed: nobody to tell
            })?;
        Ok(Worker {
            commands: Some(commands),
            events,
            cancel,
            pending,
            thread: Some(thread),
            join_on_drop: spawn.join_on_drop,
        })
    }
}

impl<C, E> Worker<C, E> {
    /// Queues a command; `Err(Closed)` when the worker has stopped.
    pub fn send(&self, command: C) -> Result<(), Closed> {
        let Some(tx) = &self.commands else {
            return Err(Closed);
        };
        self.pending.fetch_add(1, Ordering::SeqCst);
        tx.send(command).map_err(|_| {
            self.pending.fetch_sub(1, Ordering::SeqCst);
            Closed
        })
    }

    /// The next event, if one is waiting. Never blocks.
    pub fn try_recv(&self) -> Option<E> {
        self.events.try_recv().ok()
    }

    /// The event channel, for owners that may block (the CLI, tests).
    pub fn events(&self) -> &Receiver<E> {
        &self.events
    }

    /// Raises the cancel flag when work is queued or running: the body stops
    /// the work in flight at its next check, keeping what it has committed.
    /// With nothing to do it does nothing, so it never cancels later work.
    pub fn cancel(&self) {
        if self.pending.load(Ordering::SeqCst) > 0 {
            self.cancel.cancel();
        }
    }

    /// Whether commands are queued or running, or answers unread.
    pub fn busy(&self) -> bool {
        self.pending.load(Ordering::SeqCst) > 0 || !self.events.is_empty()
    }

    /// Whether the thread has ended.
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Closes the command channel, raises the cancel flag and waits for the
    /// thread to end. Its last event stays readable on [`Worker::events`].
    pub fn shutdown(&mut self) {
        self.commands = None;
        self.cancel.cancel();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join(); // a panic already became the last event
        }
    }
}

impl<C, E> Drop for Worker<C, E> {
    fn drop(&mut self) {
        self.commands = None;
        if self.join_on_drop {
            self.shutdown();
        }
    }
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> &str {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s
    } else {
        "no message"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum Ev {
        Echo(u32),
        Stopped(String),
    }

    impl StopEvent for Ev {
        fn stopped(reason: String) -> Self {
            Ev::Stopped(reason)
        }
    }

    fn echo() -> Worker<u32, Ev> {
        Worker::spawn(Spawn::named("popmail-test-echo"), |inbox, outbox| {
            while let Some(n) = inbox.recv() {
                if n == 0 {
                    panic!("zero");
                }
                if outbox.send(Ev::Echo(n)).is_err() {
                    return "owner gone".into();
                }
                outbox.done(1);
            }
            "closed".into()
        })
        .unwrap()
    }

    #[test]
    fn answers_then_says_why_it_stopped() {
        let mut w = echo();
        w.send(7).unwrap();
        assert_eq!(w.events().recv().unwrap(), Ev::Echo(7));
        w.shutdown();
        assert_eq!(
            w.events().recv().unwrap(),
            Ev::Stopped("closed".into()),
            "the last event names the reason"
        );
        assert!(w.send(1).is_err(), "a stopped worker refuses commands");
    }

    #[test]
    fn a_panic_becomes_the_last_event() {
        let w = echo();
        w.send(0).unwrap();
        match w.events().recv().unwrap() {
            Ev::Stopped(why) => assert!(why.contains("zero") && why.contains("popmail-test-echo")),
            other => panic!("expected Stopped, got {other:?}"),
        }
        assert!(!w.busy(), "a stopped worker is not busy");
    }

    #[test]
    fn busy_until_the_answer_is_read() {
        let w = echo();
        w.send(3).unwrap();
        assert!(w.busy());
        let ev = w.events().recv().unwrap();
        assert_eq!(ev, Ev::Echo(3));
        // The answer was read; `done` may land a moment after the send.
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while w.busy() && std::time::Instant::now() < deadline {
            std::thread::yield_now();
        }
        assert!(!w.busy());
    }

    #[test]
    fn cancel_is_seen_by_the_body() {
        let w: Worker<(), Ev> = Worker::spawn(Spawn::named("popmail-test-cancel"), |inbox, _| {
            inbox.recv();
            let deadline = std::time::Instant::now() + Duration::from_secs(5);
            while !inbox.cancel().is_cancelled() {
                if std::time::Instant::now() > deadline {
                    return "never cancelled".into();
                }
                std::thread::yield_now();
            }
            "cancelled".into()
        })
        .unwrap();
        w.send(()).unwrap();
        w.cancel();
        assert_eq!(w.events().recv().unwrap(), Ev::Stopped("cancelled".into()));
    }
}

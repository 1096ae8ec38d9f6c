//! The demo maildrop: the sample messages as the POP3 server sees them.
//!
//! RFC 1939 §8 asks a server to hand out message sizes as the octet count of the
//! message as transmitted (CRLF line ends) and to lock the maildrop while a session
//! is in the TRANSACTION state; RFC 1939 §7 (UIDL) asks for unique-ids of 1 to 70
//! characters in 0x21..=0x7E that never change for a message. Here a message's
//! unique-id is the hex of the first 12 bytes of its SHA-256, so it is stable across
//! sessions *and* across server restarts.
//!
//! Deletions committed by `QUIT` live in memory, for this server instance only.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, MutexGuard};

use sha2::{Digest, Sha256};

/// One message as served: CRLF-normalised bytes and its unique-id.
pub(super) struct Message {
    /// The message bytes with CRLF line ends, ending in CRLF.
    pub(super) bytes: Cow<'static, [u8]>,
    /// The RFC 1939 unique-id.
    pub(super) uidl: String,
}

#[derive(Default)]
struct State {
    /// `deleted[i]` is true once a session's `QUIT` removed message `i`.
    deleted: Vec<bool>,
    /// Whether a session holds the maildrop (TRANSACTION state).
    locked: bool,
}

/// The shared maildrop of one [`super::DemoServer`].
pub(super) struct Maildrop {
    messages: Vec<Message>,
    state: Mutex<State>,
}

impl Maildrop {
    /// Builds the maildrop from raw messages (any line ends).
    pub(super) fn new(raw: &[(&'static str, &'static [u8])]) -> Self {
        let messages: Vec<Message> = raw
            .iter()
            .map(|(_, bytes)| Message {
                uidl: unique_id(bytes),
                bytes: to_crlf(bytes),
            })
            .collect();
        let state = State {
            deleted: vec![false; messages.len()],
            locked: false,
        };
        Self {
            messages,
            state: Mutex::new(state),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // Nothing panics while holding the lock, but never turn a poisoned lock into a panic.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes the maildrop lock for a session. `None` if another session holds it.
    pub(super) fn lease(self: &Arc<Self>) -> Option<Lease> {
        let mut state = self.state();
        if state.locked {
            return None;
        }
        state.locked = true;
        let visible = state
            .deleted
            .iter()
            .enumerate()
            .filter(|(_, deleted)| !**deleted)
            .map(|(index, _)| index)
            .collect();
        Some(Lease {
            maildrop: Arc::clone(self),
            visible,
        })
    }
}

/// A session's hold on the maildrop: the messages it sees, numbered from 1.
/// Dropping it releases the lock without deleting anything.
pub(super) struct Lease {
    maildrop: Arc<Maildrop>,
    /// Indexes into `maildrop.messages`; message number `n` is `visible[n - 1]`.
    visible: Vec<usize>,
}

impl Lease {
    /// How many messages the session sees.
    pub(super) fn len(&self) -> usize {
        self.visible.len()
    }

    /// Message number `number` (1-based) of this session.
    pub(super) fn get(&self, number: usize) -> Option<&Message> {
        let index = *self.visible.get(number.checked_sub(1)?)?;
        self.maildrop.messages.get(index)
    }

    /// The UPDATE state: removes the messages whose session numbers are marked.
    pub(super) fn commit(&self, marked: &[bool]) -> usize {
        let mut state = self.maildrop.state();
        let mut removed = 0;
        for (&index, _) in self
            .visible
            .iter()
            .zip(marked)
            .filter(|(_, marked)| **marked)
        {
            if let Some(slot) = state.deleted.get_mut(index) {
                *slot = true;
                removed += 1;
            }
        }
        removed
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        self.maildrop.state().locked = false;
    }
}

/// The unique-id of a message: hex of the first 12 bytes of its SHA-256.
fn unique_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest
        .iter()
        .take(12)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The message with every line ending in CRLF, including the last one.
/// Borrowed when the bytes already are in that form (the embedded samples are).
fn to_crlf(bytes: &'static [u8]) -> Cow<'static, [u8]> {
    let mut ok = bytes.is_empty() || bytes.ends_with(b"\r\n");
    let mut previous = 0u8;
    for &byte in bytes {
        if byte == b'\n' && previous != b'\r' || previous == b'\r' && byte != b'\n' {
            ok = false;
            break;
        }
        previous = byte;
    }
    if ok {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 32 + 2);
    let mut iter = bytes.iter().peekable();
    while let Some(&byte) = iter.next() {
        match byte {
            b'\r' => {
                if iter.peek() == Some(&&b'\n') {
                    iter.next();
                }
                out.extend_from_slice(b"\r\n");
            }
            b'\n' => out.extend_from_slice(b"\r\n"),
            other => out.push(other),
        }
    }
    if !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    Cow::Owned(out)
}

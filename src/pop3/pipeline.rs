//! Pipelined RETR and DELE in bounded windows (RFC 2449 §6.6 PIPELINING).
//!
//! With PIPELINING the client may send commands without waiting for each
//! reply. To keep either side from blocking on a full socket buffer, at most
//! `pipeline_window` commands (a few bytes each, far below any socket
//! buffer) are outstanding; the window is topped up whenever half of it has
//! been answered. Replies are read strictly in order. Without PIPELINING the
//! window is 1, which is plain lock-step.
//!
//! The functions work on the [`Conn`] alone; the client decides the window
//! and the body limits.

use crate::pop3::command::Command;
use crate::pop3::conn::Conn;
use crate::pop3::error::{Error, SinkError};

const MAX_WINDOW: usize = 256;

/// How many commands may be outstanding: `configured` (bounded) when
/// pipelining is in use, 1 (lock-step) otherwise.
pub(crate) fn window(pipelining: bool, configured: usize) -> usize {
    if pipelining {
        configured.clamp(1, MAX_WINDOW)
    } else {
        1
    }
}

/// The bounds on each message body (see [`Conn::read_body`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct BodyLimits {
    /// Longest content line, in bytes.
    pub(crate) max_line: usize,
    /// Largest message, in bytes.
    pub(crate) max_total: u64,
}

/// Sends the next batch of commands if the window is at most half full.
fn top_up(
    conn: &mut Conn,
    msgs: &[u32],
    sent: &mut usize,
    done: usize,
    window: usize,
    make: fn(u32) -> Command,
) -> Result<(), Error> {
    let outstanding = *sent - done;
    if *sent >= msgs.len() || outstanding > window / 2 {
        return Ok(());
    }
    let upto = msgs.len().min(done + window);
    let batch: Vec<Command> = msgs
        .get(*sent..upto)
        .unwrap_or_default()
        .iter()
        .map(|m| make(*m))
        .collect();
    conn.send(&batch)?;
    *sent = upto;
    Ok(())
}

/// Retrieves `msgs` in order in windows of `window`, handing each body to
/// `sink`; see [`crate::pop3::Client::retr_many`].
pub(crate) fn retr_many(
    conn: &mut Conn,
    msgs: &[u32],
    window: usize,
    limits: BodyLimits,
    sink: &mut dyn FnMut(u32, Vec<u8>) -> Result<(), SinkError>,
) -> Result<(), Error> {
    let mut sent = 0;
    let mut stop: Option<Error> = None;
    for (done, &msg) in msgs.iter().enumerate() {
        if stop.is_none() {
            top_up(conn, msgs, &mut sent, done, window, Command::Retr)?;
        }
        if done >= sent {
            break;
        }
        let name = Command::Retr(msg).redacted();
        let status = conn.read_status(&name)?;
        if !status.ok {
            stop.get_or_insert(Error::refusal(&name, &status, None, false));
            continue;
        }
        let body = conn.read_body(msg, &name, limits.max_line, limits.max_total)?;
        if stop.is_none()
            && let Err(source) = sink(msg, body)
        {
            stop = Some(Error::Sink { msg, source });
        }
    }
    match stop {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Sends `DELE` for `msgs` in windows of `window`, reading every reply;
/// returns the first refusal.
pub(crate) fn dele_many(conn: &mut Conn, msgs: &[u32], window: usize) -> Result<(), Error> {
    let mut sent = 0;
    let mut first_error: Option<Error> = None;
    for (done, &msg) in msgs.iter().enumerate() {
        top_up(conn, msgs, &mut sent, done, window, Command::Dele)?;
        let name = Command::Dele(msg).redacted();
        let status = conn.read_status(&name)?;
        if !status.ok {
            first_error.get_or_insert(Error::refusal(&name, &status, None, false));
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

//! Pipelined RETR and DELE in bounded windows (RFC 2449 §6.6 PIPELINING).
//!
//! With PIPELINING the client may send commands without waiting for each
//! reply. To keep either side from blocking on a full socket buffer, at most
//! `pipeline_window` commands (a few bytes each, far below any socket
//! buffer) are outstanding; the window is topped up whenever half of it has
//! been answered. Replies are read strictly in order. Without PIPELINING the
//! window is 1, which is plain lock-step.

use crate::pop3::client::{Client, refusal};
use crate::pop3::command::Command;
use crate::pop3::error::{Error, SinkError};

const MAX_WINDOW: usize = 256;

fn window(client: &Client) -> usize {
    if client.pipelining() {
        client.cfg.pipeline_window.clamp(1, MAX_WINDOW)
    } else {
        1
    }
}

/// Sends the next batch of commands if the window is at most half full.
fn top_up(
    client: &mut Client,
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
    client.conn.send(&batch)?;
    *sent = upto;
    Ok(())
}

pub(super) fn retr_many(
    client: &mut Client,
    msgs: &[u32],
    sink: &mut dyn FnMut(u32, Vec<u8>) -> Result<(), SinkError>,
) -> Result<(), Error> {
    let window = window(client);
    let mut sent = 0;
    let mut stop: Option<Error> = None;
    for (done, &msg) in msgs.iter().enumerate() {
        if stop.is_none() {
            top_up(client, msgs, &mut sent, done, window, Command::Retr)?;
        }
        if done >= sent {
            break;
        }
        let name = Command::Retr(msg).redacted();
        let status = client.conn.read_status(&name)?;
        if !status.ok {
            stop.get_or_insert(refusal(&name, &status, None, false));
            continue;
        }
        let body = client.read_body(msg, &name)?;
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

pub(super) fn dele_many(client: &mut Client, msgs: &[u32]) -> Result<(), Error> {
    let window = window(client);
    let mut sent = 0;
    let mut first_error: Option<Error> = None;
    for (done, &msg) in msgs.iter().enumerate() {
        top_up(client, msgs, &mut sent, done, window, Command::Dele)?;
        let name = Command::Dele(msg).redacted();
        let status = client.conn.read_status(&name)?;
        if !status.ok {
            first_error.get_or_insert(refusal(&name, &status, None, false));
        }
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

//! Runs the sans-IO [`Login`] machine over a [`Conn`]: the only place
//! where the greeting, `CAPA` (RFC 2449), `STLS` (RFC 2595) and the
//! authentication exchanges (RFC 1939, RFC 5034) meet a socket.
//!
//! The loop asks the machine for its next action, does the I/O, and feeds
//! the answer back. For `STLS` it discards every byte buffered before the
//! handshake (RFC 2595 §4; CVE-2011-0411) and notes that in the log. A
//! `QUIT` the machine sends (always on an error path) waits only
//! [`crate::account::limits::QUIT_TIMEOUT`] for its answer. When the server
//! hangs up after refusing a mechanism, the driver stops with
//! [`Stop::Reconnect`] and the client opens a new connection.

use crate::pop3::command::Command;
use crate::pop3::conn::Conn;
use crate::pop3::error::Error;
use crate::pop3::log::Direction;
use crate::pop3::login::{Action, Login, LoginOutcome};
use crate::pop3::step::Step;

/// Where the machine stopped.
#[derive(Debug)]
pub(crate) enum Stop {
    /// Greeting and capabilities known, nothing sent with credentials.
    Opened,
    /// Logged in.
    Done(LoginOutcome),
    /// The server hung up after refusing a mechanism: the caller opens a
    /// new connection, calls [`Login::reconnected`] and runs again.
    Reconnect,
}

/// Drives `login` over `conn` until it is opened or done, reporting steps
/// to `on_step`.
pub(crate) fn run(
    conn: &mut Conn,
    login: &mut Login,
    on_step: &mut dyn FnMut(&Step),
) -> Result<Stop, Error> {
    loop {
        match login.next_action()? {
            Action::Send(cmd) => {
                if matches!(cmd, Command::Quit) {
                    // The login machine says QUIT only on its error paths.
                    conn.quit_timeout();
                }
                if let Err(e) = conn.send(std::slice::from_ref(&cmd)) {
                    login.interrupted(e)?;
                }
            }
            Action::Receive => match conn.read_line(login.during()) {
                Ok(line) => login.receive(&line)?,
                Err(e) => login.interrupted(e)?,
            },
            Action::StartTls => {
                start_tls(conn, on_step)?;
                login.tls_started()?;
            }
            Action::Report(step) => on_step(&step),
            Action::Opened => return Ok(Stop::Opened),
            Action::Done(outcome) => return Ok(Stop::Done(outcome)),
            Action::Reconnect => return Ok(Stop::Reconnect),
        }
    }
}

fn start_tls(conn: &mut Conn, on_step: &mut dyn FnMut(&Step)) -> Result<(), Error> {
    let dropped = conn.discard_buffer();
    if dropped > 0 {
        conn.log.push(
            Direction::Note,
            format!("discarded {dropped} bytes received before the TLS handshake"),
        );
    }
    conn.start_tls()?;
    if let Some(cert) = conn.transport().and_then(|t| t.certificate()).cloned() {
        conn.log.push(
            Direction::Note,
            format!(
                "TLS up; certificate {} SHA-256 {}",
                cert.subject, cert.sha256
            ),
        );
        on_step(&Step::TlsEstablished {
            cert,
            upgraded: true,
        });
    }
    Ok(())
}

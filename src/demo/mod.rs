//! The embedded demo POP3 server and its sample messages.
//!
//! `popmail --demo` (and the welcome screen's "Try the demo") needs a POP3 server
//! to talk to without any account of the user's. [`DemoServer`] is a small, complete
//! POP3 server that serves the sample messages in `assets/demo/*.eml`, which are
//! compiled into the binary with `include_bytes!` (see [`sample_messages`]).
//!
//! # Protocol
//! - RFC 1939 (POP3): the AUTHORIZATION state with `USER`/`PASS` only (no APOP),
//!   the TRANSACTION state (`STAT`, `LIST`, `RETR`, `DELE`, `NOOP`, `RSET`, `TOP`,
//!   `UIDL`) and the UPDATE state entered by `QUIT`. Multi-line responses end with
//!   `CRLF.CRLF`, and message lines that start with `.` are byte-stuffed.
//! - RFC 2449 (POP3 extensions): `CAPA`, advertising `USER`, `TOP`, `UIDL`,
//!   `PIPELINING` and `RESP-CODES` (`[AUTH]`, `[IN-USE]`).
//!
//! # What it is not
//! - It listens on **plain TCP on 127.0.0.1 only**, with a fixed demo login
//!   ([`DemoServer::USER`] / [`DemoServer::PASSWORD`]). There is nothing secret to
//!   protect: the data is the public sample set, and nothing leaves the machine.
//! - Deletion (`DELE` then `QUIT`) lasts only as long as this server instance:
//!   the messages come back when a new [`DemoServer`] starts. That is enough to
//!   show "delete from server" policies in the demo without touching any file.
//!
//! # Shape
//! - [`samples`]: the embedded messages.
//! - `maildrop`: the messages as the server sees them (sizes, UIDLs, deletions, the lock).
//! - `session`: the protocol state machine, sans-IO: one command line in, reply bytes out.
//! - `server`: the listener and connection threads around it.

mod maildrop;
pub mod samples;
mod server;
mod session;

pub use samples::sample_messages;
pub use server::DemoServer;

/// Errors from starting or running the demo server.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The listening socket could not be opened.
    #[error("{}", crate::t!("error-demo-bind", addr = addr, error = source.to_string()))]
    Bind {
        /// The address we tried to bind.
        addr: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The listening socket was opened but could not be configured or queried.
    #[error("{}", crate::t!("error-demo-socket", what = *what, error = source.to_string()))]
    Socket {
        /// Which step failed.
        what: &'static str,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The server thread could not be started.
    #[error("{}", crate::t!("error-demo-thread", error = source.to_string()))]
    Spawn {
        /// The operating system's reason.
        source: std::io::Error,
    },
}

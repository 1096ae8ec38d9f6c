//! POP3 client: the protocol layer under the sync worker.
//!
//! Post Office Protocol version 3 is specified by RFC 1939, extended by
//! RFC 2449 (CAPA, response codes, PIPELINING), RFC 2595 (STLS), RFC 5034
//! (SASL `AUTH`), RFC 3206 (`SYS/TEMP`, `SYS/PERM`, `AUTH` response codes)
//! and RFC 8314 (implicit TLS on port 995 preferred over STLS).
//!
//! The module is split in two halves, and the arrows between its files
//! point one way only (no file imports a sibling that imports it back):
//!
//! - **sans-IO** leaves, over byte slices and values, testable with
//!   `C:`/`S:` transcripts and no socket:
//!   - [`response`]: status lines, greeting, SASL continuations, multi-line
//!     dot-unstuffing, and [`ParseError`], the typed error of every parser;
//!   - [`capa`] (RFC 2449), [`listing`] (STAT/LIST/UIDL and [`Uidl`]),
//!     [`command`] (encoding and log redaction), [`cert`] (certificate facts
//!     from DER), [`step`] (connection progress), [`log`];
//!   - [`auth`]: mechanism choice and the SASL computations (RFC 4616
//!     PLAIN, LOGIN, RFC 2195 CRAM-MD5, APOP);
//!   - [`login`]: the state machine from greeting through CAPA, STLS
//!     (RFC 2595) and authentication (RFC 1939, RFC 5034). It yields
//!     [`Action`]s (send this, read a line, start TLS, opened, done) and is
//!     fed lines; mechanism fallback and new SASL mechanisms go here;
//!   - [`error`]: [`Error`], with [`Violation`] saying how a reply broke the
//!     protocol and `Error::refusal` mapping `-ERR` response codes.
//! - **I/O**, depending on the leaves and never back:
//!   - [`transport`]: TCP, native-tls, the STLS handshake, certificate
//!     pinning (RFC 8314);
//!   - `conn`: buffered line and multi-line reads over a [`Transport`], the
//!     protocol log; it knows only the transport and the parsers;
//!   - `driver`: runs the [`Login`] machine over a `conn`;
//!   - `pipeline`: the pipelined RETR/DELE windows over a `conn`;
//!   - [`client`]: [`Client`], the session API on top of all of them.
//!
//! Safety against hostile servers: every line is bounded (strictly for status
//! lines, generously for message content), message size and UIDL count are
//! bounded per account, UIDLs are validated, and every read has a timeout.
//! Malformed replies become a typed [`Error`], never a panic or a hang.
//!
//! This module imports no other module of ours except the leaves
//! [`crate::account`] (settings, limits) and [`crate::secret`].

pub mod auth;
pub mod capa;
pub mod cert;
pub mod client;
pub mod command;
pub mod config;
mod conn;
mod driver;
pub mod error;
pub mod listing;
pub mod log;
pub mod login;
mod pipeline;
pub mod response;
mod sasl;
pub mod step;
pub mod transport;

pub use auth::Mechanism;
pub use capa::{Capabilities, Expire};
pub use cert::CertInfo;
pub use client::Client;
pub use config::{AuthMethod, Config, OAuthMechanism, Security};
pub use error::{Error, SinkError, Violation};
pub use listing::Uidl;
pub use log::{Direction, LogLine, ProtocolLog};
pub use login::{Action, Login, LoginOutcome};
pub use response::{ParseError, RespCode, Syntax};
pub use step::Step;
pub use transport::{TcpTransport, Transport};

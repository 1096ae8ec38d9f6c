//! POP3 client: the protocol layer under the sync worker.
//!
//! Post Office Protocol version 3 is specified by RFC 1939, extended by
//! RFC 2449 (CAPA, response codes, PIPELINING), RFC 2595 (STLS), RFC 5034
//! (SASL `AUTH`), RFC 3206 (`SYS/TEMP`, `SYS/PERM`, `AUTH` response codes)
//! and RFC 8314 (implicit TLS on port 995 preferred over STLS).
//!
//! The module is split in two halves:
//!
//! - **sans-IO** parsing and encoding over byte buffers, testable with byte
//!   transcripts: [`response`] (status lines, greeting, multi-line
//!   dot-unstuffing), [`capa`], [`listing`] (STAT/LIST/UIDL and [`Uidl`]),
//!   [`command`] (encoding and log redaction), [`auth`] (mechanism choice and
//!   SASL exchanges), [`cert`] (certificate facts from DER).
//! - **I/O**: [`transport`] (TCP, native-tls, STLS upgrade, certificate
//!   pinning) and [`client`] (the session over any [`Transport`]), with
//!   logging in in `login` and the pipelined RETR/DELE windows in `pipeline`.
//!
//! Safety against hostile servers: every line is bounded (strictly for status
//! lines, generously for message content), message size and UIDL count are
//! bounded per account, UIDLs are validated, and every read has a timeout.
//! Malformed replies become a typed [`Error`], never a panic or a hang.
//!
//! This module imports no other module of ours except the leaf
//! [`crate::secret`].

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
pub mod step;
pub mod transport;

pub use auth::Mechanism;
pub use capa::{Capabilities, Expire};
pub use cert::CertInfo;
pub use client::Client;
pub use config::{AuthMethod, Config, Security};
pub use error::{Error, SinkError, Violation};
pub use listing::Uidl;
pub use log::{Direction, LogLine, ProtocolLog};
pub use login::{Action, Login, LoginOutcome};
pub use response::{ParseError, RespCode, Syntax};
pub use step::Step;
pub use transport::{TcpTransport, Transport};

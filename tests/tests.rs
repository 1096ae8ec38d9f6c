//! popmail's integration tests: one binary, one module per area.
//!
//! Modules (each says what it covers in its own header):
//! - `support`: shared helpers (temporary stores, the scripted POP3 server, the Dovecot launcher).
//! - `cli`: the read-only command line against a real store.
//! - `mail_fixtures`: the message model over the files in `tests/data/`, stored and shown raw.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli;
mod mail_fixtures;
mod support;

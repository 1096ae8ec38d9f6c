//! popmail's integration tests: one binary, one module per area.
//!
//! Modules (each says what it covers in its own header):
//! - `support`: shared helpers (temporary stores, the scripted POP3 server, the Dovecot launcher).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod import_export;
mod import_export_python;
mod import_export_worker;
mod mailbox_fixtures;
mod support;

//! popmail's integration tests: one binary, one module per area.
//!
//! Modules (each says what it covers in its own header):
//! - `support`: shared helpers (temporary stores, the scripted POP3 server, the Dovecot launcher).
//! - `mailbox_fixtures`: mbox/Maildir readers on the fixtures in tests/data.
//! - `import_export`: import/export through the store: round trips, damage, cancel, overwrite.
//! - `import_export_python`: interop with Python's `mailbox` module (needs python3).
//! - `import_export_worker`: the job worker's commands and events.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod import_export;
mod import_export_python;
mod import_export_worker;
mod mailbox_fixtures;
mod support;

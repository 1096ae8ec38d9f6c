//! popmail's integration tests: one binary, one module per area.
//!
//! Modules (each says what it covers in its own header):
//! - `support`: shared helpers (temporary stores, the scripted POP3 server, the Dovecot launcher).
//! - `demo_server`: the embedded demo POP3 server over plain TCP.

mod demo_server;
mod support;

//! popmail's integration tests: one binary, one module per area.
//!
//! Modules (each says what it covers in its own header):
//! - `support`: shared helpers (temporary stores, the scripted POP3 server, the Dovecot launcher).
//! - `pop3_transcript`: the POP3 client against `C:`/`S:` byte transcripts.
//! - `pop3_dovecot`: interop with a real Dovecot POP3 server.
//! - `pop3_faults`: the POP3 client against a scripted server that misbehaves on cue.

mod pop3_dovecot;
mod pop3_faults;
mod pop3_transcript;
mod support;

//! The sync worker: a named background thread that keeps the store in step
//! with each POP3 account. It owns its own store connection and the POP3
//! sessions, and talks to the UI only through [`Command`]s and [`Event`]s.

mod api;

pub use api::*;

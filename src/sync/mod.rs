//! The sync worker: a named background thread that keeps the store in step
//! with each POP3 account. It owns its own store connection and the POP3
//! sessions, and talks to the UI only through [`Command`]s and [`Event`]s
//! over crossbeam channels, waking the UI with a repaint callback.
//!
//! - [`worker`]: the dispatcher thread, scheduling and cancel;
//! - `account`: one account's no-loss sync (see its header for the order);
//! - [`policy`]: what is deleted on the server, as a pure function;
//! - `session`: POP3 settings and server listings (UIDL or header identity);
//! - `identity`: distinct identities for messages sharing a UIDL;
//! - [`place`]: the one decision point: folder, flags and server action of a
//!   new message, fed by the rules and the junk filter;
//! - `ops`: test connection, dry run, fetching a full message.

pub mod account;
mod api;
mod error;
mod identity;
mod news;
mod ops;
pub mod place;
pub mod policy;
pub mod session;
pub mod worker;

pub use api::*;
pub use error::Error;
pub use worker::SyncWorker;

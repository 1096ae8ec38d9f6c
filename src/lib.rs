//! popmail: an offline mail reader for POP3 accounts.
//!
//! The crate is laid out by concern; arrows point one way only
//! (`ui → sync → {pop3, store, mailbox, credentials} → mail`, with `cli` beside `ui`):
//!
//! - [`mail`]: raw RFC 5322 bytes → list columns and reader view (pure functions).
//! - [`store`]: the SQLite file — the only module that writes SQL.
//! - [`pop3`]: the POP3 protocol (sans-IO parsing) and its blocking transport.
//! - [`sync`]: the background sync worker and account policies.
//! - [`mailbox`]: mbox, Maildir and EML readers and writers (streaming, no SQL).
//! - [`jobs`]: the background job worker: import, export, backup.
//! - [`credentials`]: where passwords live.
//! - [`oauth`]: OAuth 2.0 sign-in: provider presets and endpoints (the only HTTP client).
//! - [`discovery`]: from an email address to POP3 settings (built-in table, autoconfig, SRV, guess).
//! - [`keys`]: the data key of an encrypted store, its wrappings and header file.
//! - [`demo`]: the embedded demo POP3 server.
//! - [`notify`]: new-mail desktop notifications (notify-rust, on a worker thread).
//! - [`i18n`]: every string a person reads, in Indonesian or English (Fluent; a leaf).
//! - [`failpoint`]: named fault-injection points for the crash tests (a leaf).
//! - [`ui`]: the eframe window (the default `gui` feature).
//! - [`cli`]: command-line definitions and handlers.

pub mod account;
pub mod cli;
pub mod credentials;
pub mod demo;
pub mod discovery;
pub mod failpoint;
pub mod fmt;
pub mod i18n;
pub mod jobs;
pub mod keys;
pub mod mail;
pub mod mailbox;
pub mod notify;
pub mod oauth;
pub mod paths;
pub mod pop3;
pub mod rules;
pub mod secret;
pub mod store;
pub mod sync;
#[cfg(feature = "gui")]
pub mod ui;
pub mod worker;

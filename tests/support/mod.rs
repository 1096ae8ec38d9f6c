//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod certs;
pub mod courier;
pub mod dbus;
pub mod discovery;
pub mod dovecot;
pub mod idp;
pub mod mail_corpus;
pub mod notifications;
pub mod scripted_server;
pub mod spamassassin;
pub mod store;
pub mod sync;
pub mod system;
pub mod ui;

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

/// The `popmail` binary, speaking English whatever the tester's language:
/// tests assert its English sentences. `tests/cli_language.rs` sets a
/// language on top of this.
pub fn popmail_binary() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_popmail"));
    c.env("LC_ALL", "C.UTF-8")
        .env_remove("LANGUAGE")
        .env_remove("LC_MESSAGES");
    c
}

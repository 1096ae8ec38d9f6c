//! popmail's integration tests: one binary, one module per area.
//!
//! Modules (each says what it covers in its own header):
//! - `support`: shared helpers (temporary stores, the scripted POP3 server, the Dovecot launcher).
//! - `cli`: the read-only command line against a real store.
//! - `cli_language`: the command line in Indonesian and English by LANG: tables, plurals, sizes, errors; `--json` unchanged.
//! - `crypt_support`: helpers of the crypt tests (messages of unique words, the binary, unlocking).
//! - `crypt_cli`: encrypt/decrypt/passphrase/lock-status/unlock through the binary; wrong keys change no byte.
//! - `crypt_disk`: no plaintext on disk after an import, a Dovecot sync, a search and a backup of an encrypted store.
//! - `crypt_keychain`: the system keychain (gnome-keyring on a private D-Bus): encrypt by it, switch to a passphrase and back.
//! - `notify_cli`: `popmail sync --notify` to a fake notification server on a private D-Bus.
//! - `crypt_kill`: SIGKILL of `popmail encrypt`/`decrypt` at named and random moments keeps exactly one complete store.
//! - `cli_accounts`: `account` and `sync` subcommands against a real Dovecot.
//! - `mail_fixtures`: the message model over hostile input, stored and shown raw.
//! - `pop3_transcript`: the POP3 client against `C:`/`S:` byte transcripts.
//! - `pop3_login`: the sans-IO login state machine against `C:`/`S:` transcripts, no transport.
//! - `pop3_fallback`: mechanism fallback, reconnection and safe suggestions in the login machine.
//! - `discovery_table`: settings discovery's built-in provider table (notes, app-password links, iCloud), and `account add --email [--yes]`.
//! - `discovery_autoconfig`: autoconfig XML fixtures from a local HTTP server; hostile answers (50 MB, entity bomb, wrong types, redirects) give clear errors.
//! - `discovery_ui`: "Find settings" in the account form (egui_kittest): table, autoconfig, iCloud, cancel.
//! - `discovery_srv`: SRV records from a local DNS stub, guess-and-probe against Dovecot, the discovery worker's progress and cancel.
//! - `oauth_sync`: the sync worker with OAuth accounts: silent refresh, no duplicates, revoked sign-in while another account syncs; dry run, fetch full and test connection.
//! - `oauth_sasl`: SASL XOAUTH2 / OAUTHBEARER (RFC 7628) transcripts and Microsoft's two-step over a socket.
//! - `oauth_cli`: `account add --auth oauth2 --device`, `account login`, and `sync` against the mock IdP and Dovecot.
//! - `oauth_flows`: OAuth 2.0 browser (PKCE, loopback), device and refresh flows against the mock IdP and Dovecot's oauth2 passdb.
//! - `pop3_dovecot`: interop with a real Dovecot POP3 server.
//! - `pop3_courier`: interop with a second real server, Courier's pop3d: a corpus synced with keep and delete, byte for byte.
//! - `pop3_thunderbird`: Thunderbird's POP3 client tests (test_noUidl.js, test_noTop.js, …) ported to the scripted server.
//! - `pop3_faults`: the POP3 client against a scripted server that misbehaves on cue.
//! - `rules_cli`: `popmail rule` add/edit/list/remove, refusals in words, JSON export/import, run on a folder.
//! - `i18n`: the translations: keys in every language, none missing or unused, every message formats with its callers' variables.
//! - `i18n_literals`: no literal for a person left in the window, the CLI or the layers below that speak to people; every `#[error]` from Fluent.
//! - `i18n_below`: sentences made below the window and the CLI (POP3 and sync errors, test steps, rules) in the thread's language.
//! - `junk_cli`: `popmail junk` train/classify/mark/reset, and a trained filter deciding a Dovecot sync.
//! - `rules_kill`: SIGKILL at ≥ 20 moments of a sync with rules: nothing lost or duplicated, each message where its rules say.
//! - `rules_dovecot`: rules on receive against a real Dovecot: folder at first store, leave on / delete from the server, provider junk verdict.
//! - `sync_policies`: the sync worker against a real Dovecot: policies, size limit, ledger.
//! - `sync_faults`: the sync worker against a scripted misbehaving server: clear errors, nothing lost.
//! - `sync_duplicate_uidl`: the same UIDL listed twice: every message downloaded once, distinct stable identities, a notice.
//! - `sync_no_top`: a server without TOP and an account size limit: large messages in full, with a notice.
//! - `index_kill`: SIGKILL of `popmail import` and `popmail sync` until 24 kills each landed while it ran; afterwards every stored message is found by its unique word.
//! - `sync_kill`: SIGKILL of a child `popmail sync` at random and named moments loses and duplicates nothing.
//! - `desktop_instance`: one window per data folder over a private D-Bus; handed and command-line mailboxes open the import dialog.
//! - `disk_full`: a store that cannot grow stops imports and syncs cleanly, losing nothing.
//! - `demo_server`: the embedded demo POP3 server over plain TCP.
//! - `mailbox_fixtures`: mbox/Maildir readers on the fixtures in tests/data.
//! - `import_export`: import/export through the store: round trips, damage, cancel, overwrite.
//! - `import_export_damaged`: import keeps every byte: odd EML/Maildir/mbox regions stored as damaged messages.
//! - `import_export_python`: interop with Python's `mailbox` module (needs python3).
//! - `import_export_worker`: the job worker's commands and events.
//! - `reader_html`: the reader's rich HTML and plain-text model on tests/data/reader fixtures, no network, `popmail show`.
//! - `reader_corpus`: every SpamAssassin corpus message through the reader's model without a panic.
//! - `ui_reader`: the reader window on tests/data/reader fixtures: rich HTML, images, quotes, flowed text, scripts.
//! - `ui_reader_open`: opening attachments: the warning first, a private 0700 copy, removed on exit.
//! - `ui_reader_fonts`: fonts for every script: the package named once when none covers it, right-to-left aligned.
//! - `ui_reader_viewer`: images at full size, previews of image and text attachments, a bomb refused.
//! - `ui_window`: the reader window headless (egui_kittest) over real stores.
//! - `ui_window_id`: the main window and the reader in Indonesian: special folders, a menu, plurals, the reader; no English label left.
//! - `ui_import_export`: import and export from the window, with the real job worker.
//! - `ui_notify`: the window's new-mail notifications: one per sync with news, no junk, the preferences, the demo never.
//! - `ui_viewer`: `popmail FILE.eml`'s viewer app on a fixture: read only, Save, Import into popmail…, errors.
//! - `ui_lock`: the lock screen of an encrypted store: no mail shown, wrong passphrase, unlock, Ctrl+L and File → Lock.
//! - `ui_oauth`: "Sign in with …" in the settings dialog against the mock IdP and Dovecot: cancel, sign in, sync, "Sign in again".
//! - `ui_rules`: Settings → Rules (create, validate, reorder, test on a message, run on a folder, import/export) and J / Shift+J junk marks that train the filter.
//! - `ui_security`: Preferences → Security from the window: encrypt, lock and unlock with the new passphrase, cancel, change the passphrase, decrypt.
//! - `ui_language`: Preferences → Language switches the window to Indonesian and back at once; the settings dialog in Indonesian.
//! - `ui_settings`: the settings dialog against a real Dovecot: accounts, diagnosis, preferences.
//! - `ui_sync`: the reader window with the real sync worker and the demo server.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli;
mod cli_accounts;
mod cli_language;
mod crypt_cli;
mod crypt_disk;
mod crypt_keychain;
mod crypt_kill;
mod crypt_support;
mod demo_server;
mod desktop_instance;
mod discovery_autoconfig;
mod discovery_srv;
mod discovery_table;
mod discovery_ui;
mod disk_full;
mod i18n;
mod i18n_below;
mod i18n_literals;
mod import_export;
mod import_export_damaged;
mod import_export_python;
mod import_export_worker;
mod index_kill;
mod junk_cli;
mod mail_fixtures;
mod mailbox_fixtures;
mod notify_cli;
mod oauth_cli;
mod oauth_flows;
mod oauth_sasl;
mod oauth_sync;
mod pop3_courier;
mod pop3_dovecot;
mod pop3_fallback;
mod pop3_faults;
mod pop3_login;
mod pop3_thunderbird;
mod pop3_transcript;
mod reader_corpus;
mod reader_html;
mod rules_cli;
mod rules_dovecot;
mod rules_kill;
mod support;
mod sync_duplicate_uidl;
mod sync_faults;
mod sync_kill;
mod sync_no_top;
mod sync_policies;
mod ui_import_export;
mod ui_language;
mod ui_lock;
mod ui_notify;
mod ui_oauth;
mod ui_reader;
mod ui_reader_fonts;
mod ui_reader_open;
mod ui_reader_viewer;
mod ui_rules;
mod ui_security;
mod ui_settings;
mod ui_sync;
mod ui_viewer;
mod ui_window;
mod ui_window_id;

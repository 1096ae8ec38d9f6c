//! Interop with a second real POP3 server: Courier's `courierpop3d`
//! (`courier-pop`), set up by `support::courier` on 127.0.0.1 over a
//! Maildir in a temporary directory. Its truth is what RETR delivers: a
//! corpus of generated messages (`support::mail_corpus`: plain, HTML,
//! multipart, attachments, lines starting with `.` and `From `) is synced
//! with the keep policy and then with delete-after-download, and the store
//! must hold exactly the bytes Courier's RETR gives, once each; a second
//! sync downloads nothing. The SpamAssassin public corpus goes through the
//! same two policies. These tests FAIL (never skip) without Courier.

use popmail::account::{AccountSettings, AuthMethod, Policy, Security};
use popmail::pop3::{Client, Config};
use popmail::secret::Secret;

use crate::support::courier::{Courier, PASSWORD, USER};
use crate::support::mail_corpus;
use crate::support::store::{DataDir, stored_sorted};
use crate::support::sync::{TestClock, add_account, plain_settings, sync_once, sync_once_within};

const CORPUS: u64 = 60;
/// A sync of the whole SpamAssassin corpus in a debug build on a loaded
/// machine takes minutes, not seconds.
const CORPUS_LIMIT: std::time::Duration = std::time::Duration::from_secs(600);

fn lf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            continue;
        }
        out.push(*b);
    }
    out
}

fn crlf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 40);
    for b in bytes {
        if *b == b'\n' {
            out.push(b'\r');
        }
        out.push(*b);
    }
    out
}

/// Courier with the corpus delivered (plus a message of dot lines).
fn courier_with_corpus() -> (Courier, Vec<Vec<u8>>) {
    let courier = Courier::start();
    let mut files: Vec<Vec<u8>> = (0..CORPUS).map(|i| lf(&mail_corpus::message(i))).collect();
    files.push(b"Subject: dots\n\n.\n..\n.x\nend\n".to_vec());
    for f in &files {
        courier.add_message(f);
    }
    (courier, files)
}

/// Every message as Courier's RETR delivers it, read by popmail's client.
fn retr_all(port: u16) -> Vec<Vec<u8>> {
    let mut cfg = Config::new("127.0.0.1", USER, Secret::new(PASSWORD));
    cfg.port = port;
    cfg.security = Security::Plain;
    cfg.allow_plaintext_password = true;
    cfg.auth = AuthMethod::User;
    let mut c = Client::connect(&cfg).unwrap();
    c.login().unwrap();
    let (n, _) = c.stat().unwrap();
    let mut out = Vec::new();
    c.retr_many(&(1..=n).collect::<Vec<u32>>(), &mut |_, raw| {
        out.push(raw);
        Ok(())
    })
    .unwrap();
    c.quit().unwrap();
    out.sort();
    out
}

fn settings(port: u16, policy: Policy) -> AccountSettings {
    plain_settings("courier", USER, port, policy)
}

#[test]
fn courier_retr_delivers_the_maildir_files_as_crlf() {
    let (courier, files) = courier_with_corpus();
    let mut expected: Vec<Vec<u8>> = files.iter().map(|f| crlf(f)).collect();
    expected.sort();
    assert_eq!(retr_all(courier.port()), expected);
}

#[test]
fn courier_sync_keep_then_delete_stores_what_retr_delivers() {
    let (courier, files) = courier_with_corpus();
    let truth = retr_all(courier.port());
    assert_eq!(truth.len(), files.len());
    let clock = TestClock::at(1_790_000_000);

    // Keep: everything once, byte for byte; the second sync downloads nothing.
    let data = DataDir::new();
    let account = add_account(
        &mut data.store(),
        &settings(courier.port(), Policy::Keep),
        PASSWORD,
    );
    let first = sync_once(&data, &clock, account.id).summary();
    assert_eq!(first.downloaded, truth.len() as u64, "{first:?}");
    assert_eq!(stored_sorted(&data.store(), account.inbox), truth);
    let second = sync_once(&data, &clock, account.id).summary();
    assert_eq!(second.downloaded, 0, "{second:?}");
    assert_eq!(second.skipped, truth.len() as u64);
    assert_eq!(courier.message_count(), files.len(), "keep deletes nothing");

    // Delete after download, in another store: stored, then deleted there.
    let data = DataDir::new();
    let account = add_account(
        &mut data.store(),
        &settings(courier.port(), Policy::Delete),
        PASSWORD,
    );
    let first = sync_once(&data, &clock, account.id).summary();
    assert_eq!(first.downloaded, truth.len() as u64, "{first:?}");
    assert_eq!(first.deleted_on_server, truth.len() as u64);
    assert_eq!(stored_sorted(&data.store(), account.inbox), truth);
    assert_eq!(courier.message_count(), 0, "Courier removed them at QUIT");
    let second = sync_once(&data, &clock, account.id).summary();
    assert_eq!(second.downloaded, 0, "{second:?}");
    assert_eq!(
        stored_sorted(&data.store(), account.inbox).len(),
        truth.len()
    );
}

/// Issue 11: the SpamAssassin public corpus (6,046 real messages) through
/// Courier, with the keep policy and then delete-after-download: the store
/// holds exactly what RETR delivers, once each, and nothing is deleted on
/// the server that was not stored.
#[test]
fn courier_spamassassin_corpus_keep_then_delete() {
    let courier = Courier::start();
    let corpus = crate::support::spamassassin::messages();
    for (_, m) in &corpus {
        courier.add_message(m);
    }
    let truth = retr_all(courier.port());
    assert_eq!(truth.len(), corpus.len(), "Courier lists every file");
    let clock = TestClock::at(1_790_000_000);

    let data = DataDir::new();
    let account = add_account(
        &mut data.store(),
        &settings(courier.port(), Policy::Keep),
        PASSWORD,
    );
    let first = sync_once_within(&data, &clock, account.id, CORPUS_LIMIT).summary();
    assert_eq!(first.downloaded, truth.len() as u64, "{first:?}");
    assert_eq!(stored_sorted(&data.store(), account.inbox), truth);
    let second = sync_once_within(&data, &clock, account.id, CORPUS_LIMIT).summary();
    assert_eq!(second.downloaded, 0, "{second:?}");
    assert_eq!(
        courier.message_count(),
        corpus.len(),
        "keep deletes nothing"
    );

    let data = DataDir::new();
    let account = add_account(
        &mut data.store(),
        &settings(courier.port(), Policy::Delete),
        PASSWORD,
    );
    let first = sync_once_within(&data, &clock, account.id, CORPUS_LIMIT).summary();
    assert_eq!(first.downloaded, truth.len() as u64, "{first:?}");
    assert_eq!(first.deleted_on_server, truth.len() as u64);
    assert_eq!(stored_sorted(&data.store(), account.inbox), truth);
    assert_eq!(
        courier.message_count(),
        0,
        "every stored message was deleted"
    );
}

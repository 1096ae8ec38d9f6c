//! The sync worker against a server without `TOP` (RFC 1939 §7 makes it
//! optional) for an account with a size limit (issue 11): the first `-ERR`
//! to `TOP` sends the messages above the limit through RETR in full, every
//! message is stored byte for byte, the summary says so in words once, and
//! the next sync downloads nothing again. With CAPA lacking TOP, TOP is
//! never sent; a message above what popmail accepts at all stays on the
//! server with a notice.

use std::time::Duration;

use popmail::account::{AccountSettings, AuthMethod, Policy, Security};
use popmail::store::{Scope, Sort};
use popmail::sync::Timeouts;

use crate::support::scripted_server::{Fault, ScriptedServer, ServerScript};
use crate::support::store::DataDir;
use crate::support::sync::{Outcome, TestClock, add_account, sync_accounts, worker_with_timeouts};

fn message(i: usize, body_bytes: usize) -> Vec<u8> {
    format!(
        "From: f{i}@notop.example.org\r\nSubject: notop {i}\r\nMessage-ID: <n{i}@notop>\r\n\r\n{}\r\n",
        "b".repeat(body_bytes)
    )
    .into_bytes()
}

#[test]
fn sync_no_top_downloads_large_messages_in_full_with_a_notice() {
    // Two messages above the 1 KB limit, three below.
    let messages: Vec<Vec<u8>> = [10, 4000, 20, 6000, 30]
        .iter()
        .enumerate()
        .map(|(i, n)| message(i, *n))
        .collect();
    let server = ScriptedServer::start(ServerScript {
        messages: messages.clone(),
        fault: Fault::ErrTo("TOP"),
        ..ServerScript::default()
    });
    let data = DataDir::new();
    let settings = AccountSettings {
        name: "notop".into(),
        host: "127.0.0.1".into(),
        port: server.port(),
        security: Security::Plain,
        allow_plaintext_password: true,
        username: "user".into(),
        auth: AuthMethod::User,
        policy: Policy::Keep,
        max_size_kb: Some(1),
        enabled: true,
        ..AccountSettings::default()
    };
    let account = add_account(&mut data.store(), &settings, "secret");
    let clock = TestClock::at(1_790_000_000);
    let timeouts = Timeouts {
        connect: Duration::from_secs(5),
        read: Duration::from_secs(5),
    };
    let w = worker_with_timeouts(&data, &clock, timeouts);
    let results = sync_accounts(&w, &[account.id]);
    w.shutdown();
    let summary = match &results[0].1 {
        Outcome::Finished(s) => s.clone(),
        Outcome::Failed(m, log) => panic!("{m}\n{}", log.join("\n")),
    };
    assert_eq!(summary.downloaded, 5);
    assert_eq!(summary.partial, 0);
    assert_eq!(summary.full_without_top, 2);
    assert_eq!(summary.notices.len(), 1, "{:?}", summary.notices);
    assert!(
        summary.notices[0].contains("no TOP") && summary.notices[0].contains("2 messages"),
        "{:?}",
        summary.notices
    );
    let store = data.store();
    let mut stored: Vec<Vec<u8>> = store
        .sorted_ids(Scope::Folder(account.inbox), Sort::default())
        .unwrap()
        .into_iter()
        .map(|id| store.raw(id).unwrap())
        .collect();
    stored.sort();
    let mut expected = messages.clone();
    expected.sort();
    assert_eq!(stored, expected, "every message, in full, byte for byte");
    drop(store);

    let w = worker_with_timeouts(&data, &clock, timeouts);
    let results = sync_accounts(&w, &[account.id]);
    w.shutdown();
    match &results[0].1 {
        Outcome::Finished(s) => {
            assert_eq!(s.downloaded, 0);
            assert!(s.notices.is_empty());
        }
        Outcome::Failed(m, _) => panic!("{m}"),
    }
}

#[test]
fn sync_no_top_in_capa_never_sends_top() {
    // CAPA without TOP (RFC 2449 §6.4): TOP is never sent, not even once to
    // find out. Above the 1 KB limit: message 2 in full, with a notice;
    // message 3 is listed above what popmail accepts at all (512 MiB), so
    // it stays on the server, untouched, with a notice of its own.
    let messages: Vec<Vec<u8>> = [10, 4000, 20]
        .iter()
        .enumerate()
        .map(|(i, n)| message(i, *n))
        .collect();
    let server = ScriptedServer::start(ServerScript {
        messages: messages.clone(),
        capa_without: vec!["TOP"],
        listed_sizes: vec![(3, 600 * 1024 * 1024)],
        ..ServerScript::default()
    });
    let data = DataDir::new();
    let settings = AccountSettings {
        max_size_kb: Some(1),
        ..crate::support::sync::plain_settings("capa-notop", "user", server.port(), Policy::Delete)
    };
    let account = add_account(&mut data.store(), &settings, "secret");
    let clock = TestClock::at(1_790_000_000);
    let summary = crate::support::sync::sync_once(&data, &clock, account.id).summary();
    assert_eq!(summary.downloaded, 2, "{summary:?}");
    assert_eq!(summary.partial, 0);
    assert_eq!(summary.full_without_top, 1);
    assert_eq!(summary.left_too_large, 1);
    assert_eq!(summary.deleted_on_server, 2, "the two stored in full");
    assert_eq!(summary.notices.len(), 2, "{:?}", summary.notices);
    assert!(
        summary.notices[0].contains("in full"),
        "{:?}",
        summary.notices
    );
    assert!(
        summary.notices[1].contains("untouched") && summary.notices[1].contains("1 message is"),
        "{:?}",
        summary.notices
    );
    let received = server.received();
    assert!(
        !received.iter().any(|c| c.starts_with("TOP")),
        "{received:?}"
    );
    assert!(!received.iter().any(|c| c == "RETR 3" || c == "DELE 3"));
    let stored = crate::support::store::stored_sorted(&data.store(), account.inbox);
    assert_eq!(stored.len(), 2);
    assert!(stored.contains(&messages[0]) && stored.contains(&messages[1]));

    // A second account on the same server: its ledger is empty but the store
    // has mail, which would adopt by headers with `TOP n 0`. Not here.
    let second = AccountSettings {
        name: "capa-notop-2".into(),
        policy: Policy::Keep,
        ..settings
    };
    let account2 = add_account(&mut data.store(), &second, "secret");
    let summary = crate::support::sync::sync_once(&data, &clock, account2.id).summary();
    assert_eq!(summary.downloaded, 2, "{summary:?}");
    assert!(!server.received().iter().any(|c| c.starts_with("TOP")));
}

//! The same UIDL listed twice (issue 11: a forged `X-UIDL` header on a
//! server that derives UIDLs from it), against the scripted server: every
//! message is downloaded byte for byte, the duplicates get distinct ledger
//! identities that hold across syncs (the second sync downloads nothing),
//! delete-after-download deletes only what is stored in full, after it is
//! stored, and the user is told once, in words.

use popmail::account::{AccountSettings, Policy};

use crate::support::scripted_server::{ScriptedServer, ServerScript};
use crate::support::store::{DataDir, stored_sorted};
use crate::support::sync::{TestClock, add_account, plain_settings, sync_once};

fn message(i: usize, body_bytes: usize) -> Vec<u8> {
    format!(
        "From: f{i}@dup.example.org\r\nSubject: dup {i}\r\nMessage-ID: <d{i}@dup>\r\n\r\n{}\r\n",
        "b".repeat(body_bytes)
    )
    .into_bytes()
}

/// Four messages, three of them listed under one (forged) unique-id.
fn script(messages: &[Vec<u8>]) -> ServerScript {
    ServerScript {
        messages: messages.to_vec(),
        uidls: ["forged", "own-2", "forged", "forged"]
            .map(String::from)
            .to_vec(),
        ..ServerScript::default()
    }
}

fn settings(port: u16, policy: Policy, max_size_kb: Option<u32>) -> AccountSettings {
    AccountSettings {
        max_size_kb,
        ..plain_settings("dup", "user", port, policy)
    }
}

#[test]
fn sync_duplicate_uidl_downloads_every_message_once_and_says_so() {
    let messages: Vec<Vec<u8>> = (1..=4).map(|i| message(i, 10 * i)).collect();
    let server = ScriptedServer::start(script(&messages));
    let data = DataDir::new();
    let account = add_account(
        &mut data.store(),
        &settings(server.port(), Policy::Keep, None),
        "secret",
    );
    let clock = TestClock::at(1_790_000_000);

    let first = sync_once(&data, &clock, account.id).summary();
    assert_eq!(first.downloaded, 4, "{first:?}");
    assert_eq!(first.notices.len(), 1, "{:?}", first.notices);
    assert!(
        first.notices[0].contains("same unique-id") && first.notices[0].contains("3 messages"),
        "{:?}",
        first.notices
    );
    let store = data.store();
    let mut expected = messages.clone();
    expected.sort();
    assert_eq!(
        stored_sorted(&store, account.inbox),
        expected,
        "byte for byte"
    );
    let ledger = store.ledger(account.id).unwrap();
    assert_eq!(ledger.len(), 4, "{:?}", ledger.keys());
    assert_eq!(
        ledger.keys().filter(|u| u.starts_with("forged#")).count(),
        3,
        "{:?}",
        ledger.keys()
    );
    drop(store);

    let second = sync_once(&data, &clock, account.id).summary();
    assert_eq!(second.downloaded, 0, "{second:?}");
    assert_eq!(second.skipped, 4);
    assert!(second.notices.is_empty(), "told once: {:?}", second.notices);
    assert_eq!(stored_sorted(&data.store(), account.inbox).len(), 4);
    assert!(!server.received().iter().any(|c| c.starts_with("DELE")));
}

#[test]
fn sync_duplicate_uidl_delete_after_download_deletes_only_what_is_stored() {
    // Message 4 shares the forged UIDL and is above the 1 KB limit: it is
    // stored headers-only, so its server copy must stay.
    let mut messages: Vec<Vec<u8>> = (1..=3).map(|i| message(i, 10)).collect();
    messages.push(message(4, 4000));
    let server = ScriptedServer::start(script(&messages));
    let data = DataDir::new();
    let account = add_account(
        &mut data.store(),
        &settings(server.port(), Policy::Delete, Some(1)),
        "secret",
    );
    let clock = TestClock::at(1_790_000_000);

    let summary = sync_once(&data, &clock, account.id).summary();
    assert_eq!(summary.downloaded, 4, "{summary:?}");
    assert_eq!(summary.partial, 1);
    assert_eq!(summary.deleted_on_server, 3);
    let received = server.received();
    let deles: Vec<&str> = received
        .iter()
        .filter(|c| c.starts_with("DELE"))
        .map(String::as_str)
        .collect();
    assert_eq!(deles, ["DELE 1", "DELE 2", "DELE 3"], "{received:?}");
    let first_dele = received.iter().position(|c| c.starts_with("DELE")).unwrap();
    let last_fetch = received
        .iter()
        .rposition(|c| c.starts_with("RETR") || c.starts_with("TOP 4 "))
        .unwrap();
    assert!(last_fetch < first_dele, "DELE before storing: {received:?}");

    let store = data.store();
    let ledger = store.ledger(account.id).unwrap();
    let deleted = ledger
        .values()
        .filter(|e| e.server_deleted_at.is_some())
        .count();
    assert_eq!(deleted, 3);
    let kept: Vec<&str> = ledger
        .values()
        .filter(|e| e.server_deleted_at.is_none())
        .map(|e| e.uidl.as_str())
        .collect();
    assert!(
        kept.len() == 1 && kept[0].starts_with("forged#"),
        "{kept:?}"
    );
    let full = stored_sorted(&store, account.inbox);
    for m in &messages[..3] {
        assert!(full.contains(m), "every deleted message is stored in full");
    }
}

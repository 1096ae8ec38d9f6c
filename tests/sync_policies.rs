//! The sync worker against a real Dovecot: each policy leaves the server's
//! maildir and the store exactly as it says; the size limit downloads headers
//! only; keep-N-days follows an injected clock; what is deleted here is never
//! downloaded again (and is deleted there when the account says so); a lost
//! ledger is rebuilt without downloading twice; back-to-back syncs on one
//! worker each get an answer.

use std::collections::BTreeSet;

use popmail::account::Policy;
use popmail::store::{Flags, FolderRole, NewMessage, Scope, Sort};
use popmail::sync::Command;

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::store::DataDir;
use crate::support::sync::{
    TestClock, add_account, dovecot_settings, sync_accounts, sync_once, worker,
};

const T0: i64 = 1_790_000_000;

fn message(i: usize, body_len: usize) -> Vec<u8> {
    let body: String = (0..body_len)
        .map(|j| {
            if j % 70 == 69 {
                '\n'
            } else {
                (b'a' + (j % 26) as u8) as char
            }
        })
        .collect();
    format!(
        "From: Sender {i} <s{i}@example.org>\r\nTo: alice@example.org\r\nSubject: message {i}\r\n\
         Date: Mon, 2 Nov 2026 10:{:02}:00 +0000\r\nMessage-ID: <m{i}@example.org>\r\n\r\n{}\r\n",
        i % 60,
        body.replace('\n', "\r\n")
    )
    .into_bytes()
}

fn seeded(n: usize) -> (Dovecot, Vec<Vec<u8>>) {
    let d = Dovecot::start(&DovecotOptions::default());
    let msgs: Vec<Vec<u8>> = (0..n).map(|i| message(i, 300 + i * 10)).collect();
    for m in &msgs {
        d.add_message("alice", m);
    }
    (d, msgs)
}

/// The stored bytes of every message in the folder, as a set.
fn stored(data: &DataDir, folder: popmail::store::FolderId) -> BTreeSet<Vec<u8>> {
    let store = data.store();
    let ids = store
        .sorted_ids(Scope::Folder(folder), Sort::default())
        .unwrap();
    ids.iter().map(|id| store.raw(*id).unwrap()).collect()
}

#[test]
fn delete_after_download_empties_the_server_and_stores_every_byte() {
    let (d, msgs) = seeded(6);
    let data = DataDir::new();
    let clock = TestClock::at(T0);
    let account = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "a", Policy::Delete),
        "alice-pw",
    );

    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.deleted_on_server, s.skipped), (6, 6, 0));
    assert_eq!(d.message_count("alice"), 0);
    assert_eq!(stored(&data, account.inbox), msgs.iter().cloned().collect());
    let ledger = data.store().ledger(account.id).unwrap();
    assert_eq!(ledger.len(), 6);
    assert!(ledger.values().all(|e| e.server_deleted_at == Some(T0)));

    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.deleted_on_server), (0, 0));
    data.store().integrity_check().unwrap();
}

#[test]
fn keep_leaves_the_server_alone_and_downloads_only_what_is_new() {
    let (d, msgs) = seeded(4);
    let data = DataDir::new();
    let clock = TestClock::at(T0);
    let account = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "a", Policy::Keep),
        "alice-pw",
    );
    assert_eq!(sync_once(&data, &clock, account.id).summary().downloaded, 4);
    assert_eq!(d.message_count("alice"), 4);

    let extra = message(99, 50);
    d.add_message("alice", &extra);
    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.skipped, s.deleted_on_server), (1, 4, 0));
    assert_eq!(d.message_count("alice"), 5);
    let mut want: BTreeSet<Vec<u8>> = msgs.into_iter().collect();
    want.insert(extra);
    assert_eq!(stored(&data, account.inbox), want);
}

#[test]
fn keep_for_n_days_deletes_on_the_server_only_after_n_days() {
    let (d, _) = seeded(3);
    let data = DataDir::new();
    let clock = TestClock::at(T0);
    let account = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "a", Policy::KeepDays(3)),
        "alice-pw",
    );
    assert_eq!(
        sync_once(&data, &clock, account.id)
            .summary()
            .deleted_on_server,
        0
    );
    clock.advance_days(2);
    assert_eq!(
        sync_once(&data, &clock, account.id)
            .summary()
            .deleted_on_server,
        0
    );
    assert_eq!(d.message_count("alice"), 3);
    clock.advance_days(1);
    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.deleted_on_server), (0, 3));
    assert_eq!(d.message_count("alice"), 0);
    assert_eq!(data.store().count(Scope::Folder(account.inbox)).unwrap(), 3);
}

#[test]
fn large_messages_come_as_headers_only_stay_on_the_server_and_can_be_fetched() {
    let d = Dovecot::start(&DovecotOptions::default());
    let small = message(1, 200);
    let large = message(2, 120_000);
    d.add_message("alice", &small);
    d.add_message("alice", &large);
    let data = DataDir::new();
    let clock = TestClock::at(T0);
    let mut settings = dovecot_settings(&d, "a", Policy::Delete);
    settings.max_size_kb = Some(50);
    let account = add_account(&mut data.store(), &settings, "alice-pw");

    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.partial, s.deleted_on_server), (2, 1, 1));
    assert_eq!(
        d.message_count("alice"),
        1,
        "the headers-only message must stay on the server"
    );
    let store = data.store();
    let rows = store
        .page(Scope::Folder(account.inbox), Sort::default(), 0, 10)
        .unwrap();
    let partial = rows.iter().find(|r| r.partial).expect("a partial row");
    assert_eq!(partial.subject, "message 2");
    let head = store.raw(partial.id).unwrap();
    assert!(
        head.len() < 10_000 && large.starts_with(&head[..head.len() - 10]),
        "headers and first lines of the original"
    );

    let w = worker(&data, &clock);
    w.send(Command::FetchFull(partial.id));
    let new_id = loop {
        if let popmail::sync::Event::FullFetched { old, new } = w.events().recv().unwrap() {
            assert_eq!(old, partial.id);
            break new.expect("fetch full");
        }
    };
    w.shutdown();
    let store = data.store();
    assert_eq!(store.raw(new_id).unwrap(), large);
    assert!(!store.row(new_id).unwrap().partial);
    assert_eq!(store.count(Scope::Folder(account.inbox)).unwrap(), 2);
    drop(store);
    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.deleted_on_server), (0, 1));
    assert_eq!(d.message_count("alice"), 0);
}

#[test]
fn deleted_here_is_not_downloaded_again_and_is_deleted_there_when_asked() {
    let (d, _) = seeded(3);
    let data = DataDir::new();
    let clock = TestClock::at(T0);
    let plain = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "plain", Policy::Keep),
        "alice-pw",
    );
    sync_once(&data, &clock, plain.id).summary();
    let mut store = data.store();
    let ids = store
        .sorted_ids(Scope::Folder(plain.inbox), Sort::default())
        .unwrap();
    store.trash(&ids[..1]).unwrap();
    let trash = store.special_folder(FolderRole::Trash).unwrap();
    let in_trash = store.folder_ids(trash, 100).unwrap();
    store.expunge(&in_trash).unwrap();
    drop(store);
    let s = sync_once(&data, &clock, plain.id).summary();
    assert_eq!(
        (s.downloaded, s.deleted_on_server),
        (0, 0),
        "deleted here: never downloaded again"
    );
    assert_eq!(d.message_count("alice"), 3);

    let mut store = data.store();
    let mut settings = store.account(plain.id).unwrap().settings;
    settings.delete_when_deleted_here = true;
    store.update_account(plain.id, &settings).unwrap();
    drop(store);
    let s = sync_once(&data, &clock, plain.id).summary();
    assert_eq!(
        s.deleted_on_server, 1,
        "the switch deletes there what was deleted here"
    );
    assert_eq!(d.message_count("alice"), 2);
    assert_eq!(data.store().count(Scope::Folder(plain.inbox)).unwrap(), 2);
}

#[test]
fn a_lost_ledger_is_rebuilt_from_headers_without_downloading_twice() {
    let (d, msgs) = seeded(4);
    let data = DataDir::new();
    let mut store = data.store();
    // The user's old mail, imported before the account existed.
    let old = store
        .create_folder("Old mail", None, FolderRole::Imported)
        .unwrap();
    let batch: Vec<_> = msgs
        .iter()
        .map(|m| NewMessage::prepare(m.clone(), old, Flags::default()))
        .collect();
    store.insert_batch(&batch).unwrap();
    let account = add_account(
        &mut store,
        &dovecot_settings(&d, "a", Policy::Keep),
        "alice-pw",
    );
    drop(store);
    let s = sync_once(&data, &TestClock::at(T0), account.id).summary();
    assert_eq!((s.downloaded, s.skipped), (0, 4));
    let store = data.store();
    assert_eq!(store.ledger(account.id).unwrap().len(), 4);
    assert_eq!(store.count(Scope::Folder(account.inbox)).unwrap(), 0);
    assert_eq!(store.count(Scope::Folder(old)).unwrap(), 4);
}

#[test]
fn a_failing_account_does_not_stop_the_others() {
    let (d, _) = seeded(2);
    let data = DataDir::new();
    let mut store = data.store();
    let good = add_account(
        &mut store,
        &dovecot_settings(&d, "good", Policy::Keep),
        "alice-pw",
    );
    let bad = add_account(
        &mut store,
        &dovecot_settings(&d, "bad", Policy::Keep),
        "wrong password",
    );
    drop(store);
    let w = worker(&data, &TestClock::at(T0));
    let results = sync_accounts(&w, &[good.id, bad.id]);
    w.shutdown();
    for (account, outcome, _) in results {
        match outcome {
            crate::support::sync::Outcome::Finished(s) => {
                assert_eq!(account, good.id);
                assert_eq!(s.downloaded, 2);
            }
            crate::support::sync::Outcome::Failed(message, log) => {
                assert_eq!(account, bad.id, "{message}");
                assert!(message.to_lowercase().contains("password"), "{message}");
                assert!(
                    !log.join("\n").contains("wrong password"),
                    "the log must not show the password"
                );
            }
        }
    }
}

#[test]
fn an_account_checked_at_start_up_syncs_without_being_asked() {
    let (d, _) = seeded(2);
    let data = DataDir::new();
    let mut settings = dovecot_settings(&d, "a", Policy::Keep);
    settings.check_at_startup = true;
    let account = add_account(&mut data.store(), &settings, "alice-pw");
    let mut options = popmail::sync::SyncOptions::new(data.config());
    options.scheduled = true;
    let w = popmail::sync::SyncWorker::spawn(options).unwrap();
    let summary = loop {
        match w
            .events()
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("a scheduled sync")
        {
            popmail::sync::Event::Finished {
                account: a,
                summary,
            } => {
                assert_eq!(a, account.id);
                break summary;
            }
            popmail::sync::Event::Failed { message, .. } => panic!("{message}"),
            _ => {}
        }
    };
    w.shutdown();
    assert_eq!(summary.downloaded, 2);
}

#[test]
fn shutdown_mid_sync_stops_cleanly_and_the_next_sync_completes_the_job() {
    let d = Dovecot::start(&DovecotOptions::default());
    let msgs: Vec<Vec<u8>> = (0..150).map(|i| message(i, 60_000)).collect();
    for m in &msgs {
        d.add_message("alice", m);
    }
    let data = DataDir::new();
    let clock = TestClock::at(T0);
    let account = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "a", Policy::Delete),
        "alice-pw",
    );
    let w = worker(&data, &clock);
    w.send(Command::SyncAccount(account.id));
    loop {
        if let popmail::sync::Event::Progress { messages_done, .. } = w
            .events()
            .recv_timeout(std::time::Duration::from_secs(60))
            .unwrap()
            && messages_done > 0
        {
            break;
        }
    }
    let started = std::time::Instant::now();
    w.send(Command::Shutdown);
    let reason = loop {
        match w
            .events()
            .recv_timeout(std::time::Duration::from_secs(30))
            .expect("a Stopped event")
        {
            popmail::sync::Event::Stopped { reason } => break reason,
            _ => continue,
        }
    };
    assert!(
        started.elapsed() < std::time::Duration::from_secs(12),
        "shutdown took {:?}",
        started.elapsed()
    );
    assert!(!reason.is_empty());
    w.shutdown();
    data.store().integrity_check().unwrap();
    sync_once(&data, &clock, account.id).summary();
    assert_eq!(stored(&data, account.inbox), msgs.iter().cloned().collect());
    assert_eq!(
        data.store().count(Scope::Folder(account.inbox)).unwrap(),
        150,
        "exactly once each"
    );
    assert_eq!(d.message_count("alice"), 0);
}

/// A sync asked for the moment the previous one answered, on the same worker,
/// runs (it used to be dropped while the previous thread was still ending,
/// so the second request never got an answer).
#[test]
fn back_to_back_syncs_of_one_account_on_one_worker_each_get_an_answer() {
    let (d, _) = seeded(2);
    let data = DataDir::new();
    let clock = TestClock::at(T0);
    let account = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "a", Policy::Keep),
        "alice-pw",
    );
    let w = worker(&data, &clock);
    for round in 0..10 {
        d.add_message("alice", &message(100 + round, 20));
        let (_, outcome, _) = sync_accounts(&w, &[account.id]).pop().expect("an outcome");
        let s = outcome.summary();
        assert_eq!(
            s.downloaded,
            if round == 0 { 3 } else { 1 },
            "round {round}: {s:?}"
        );
    }
    w.shutdown();
}

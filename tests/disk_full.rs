//! The store cannot grow (issue 11): simulated with SQLite's `max_page_count`
//! through the doc-hidden `StoreConfig::with_max_page_count` hook. An import
//! stops at once with an error saying how far it got and keeps every batch
//! before it whole; a sync against a real Dovecot stops with a clear error and
//! the server still has every message that was not stored.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use popmail::account::Policy;
use popmail::jobs::{self, ImportRequest, Quiet, Target};
use popmail::mailbox::Format;
use popmail::store::{Scope, Sort, Store, StoreConfig};
use popmail::sync::{Command, Event, SyncOptions, SyncWorker, Timeouts};

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::store::DataDir;
use crate::support::sync::{add_account, dovecot_settings};

/// The store's pages now (the store is closed, so the WAL is checkpointed).
fn pages(config: &StoreConfig) -> u64 {
    std::fs::metadata(config.path()).unwrap().len() / 16_384 + 1
}

/// A message of about `size` bytes with a unique first line and `eol` line ends.
fn big_message(i: usize, size: usize, eol: &str) -> Vec<u8> {
    let mut m = format!(
        "From: s{i}@example.org{eol}Subject: big {i}{eol}Message-ID: <big{i}@example.org>{eol}{eol}"
    )
    .into_bytes();
    while m.len() < size {
        m.extend_from_slice(format!("line {i} {:0>60}{eol}", m.len()).as_bytes());
    }
    m
}

#[test]
fn disk_full_import_stops_cleanly_saying_how_far_it_got() {
    let data = DataDir::new();
    let config = data.config();
    drop(Store::open(&config).unwrap());
    // About 12 MiB of room; 24 messages of 1 MiB are twice that.
    let limited = config.clone().with_max_page_count(pages(&config) + 768);
    let mut store = Store::open(&limited).unwrap();
    let files = tempfile::tempdir().unwrap();
    let mbox = files.path().join("big.mbox");
    let mut raw = Vec::new();
    for i in 0..24 {
        raw.extend_from_slice(b"From a@example.org Wed Jan  3 08:00:00 2024\n");
        raw.extend_from_slice(&big_message(i, 1 << 20, "\n"));
        raw.extend_from_slice(b"\n");
    }
    std::fs::write(&mbox, &raw).unwrap();
    let started = Instant::now();
    let err = jobs::import(
        &mut store,
        &ImportRequest::new(&mbox, Format::Mboxrd, Target::New),
        &mut Quiet,
    )
    .expect_err("the store is too small for this mbox");
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "no retry loop"
    );
    let jobs::Error::ImportStopped {
        imported, source, ..
    } = &err
    else {
        panic!("not an ImportStopped error: {err}");
    };
    assert!(source.is_full(), "{source}");
    assert!(*imported > 0 && *imported < 24, "stored {imported}");
    let text = err.to_string();
    assert!(
        text.contains(&format!("stopped after storing {imported} messages"))
            && text.contains("disk is full"),
        "{text}"
    );
    // Exactly the messages it says are stored, each whole.
    let folder = store.resolve_folder("big").unwrap().id;
    assert_eq!(store.count(Scope::Folder(folder)).unwrap(), *imported);
    store.integrity_check().unwrap();
    // The store stays usable for reading.
    let rows = store
        .page(Scope::Folder(folder), Sort::default(), 0, 100)
        .unwrap();
    for r in rows {
        assert_eq!(store.raw(r.id).unwrap().len() as u64, r.size);
    }
}

/// Subjects ("big N") of the messages in a maildir's new/ and cur/.
fn server_subjects(d: &Dovecot) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for sub in ["new", "cur"] {
        for e in std::fs::read_dir(d.maildir("alice").join(sub)).unwrap() {
            out.insert(subject(&std::fs::read(e.unwrap().path()).unwrap()));
        }
    }
    out
}

fn subject(raw: &[u8]) -> String {
    String::from_utf8_lossy(raw)
        .lines()
        .find_map(|l| l.strip_prefix("Subject: ").map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn disk_full_sync_stops_and_deletes_nothing_it_did_not_store() {
    let d = Dovecot::start(&DovecotOptions::default());
    let n = 16;
    for i in 0..n {
        d.add_message("alice", &big_message(i, 512 << 10, "\r\n"));
    }
    let data = DataDir::new();
    let account = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "a", Policy::Delete),
        "alice-pw",
    );
    let config = data.config();
    // About 3 MiB of room for 8 MiB of mail.
    let limited = config.clone().with_max_page_count(pages(&config) + 192);
    let mut options = SyncOptions::new(limited);
    options.timeouts = Timeouts {
        connect: Duration::from_secs(10),
        read: Duration::from_secs(20),
    };
    let worker = SyncWorker::spawn(options).unwrap();
    worker.send(Command::SyncAccount(account.id));
    let deadline = Instant::now() + Duration::from_secs(120);
    let message = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match worker.events().recv_timeout(left).expect("an outcome") {
            Event::Failed { message, .. } => break message,
            Event::Finished { summary, .. } => {
                panic!("a full store must stop the sync: {summary:?}")
            }
            _ => {}
        }
    };
    worker.shutdown();
    assert!(message.contains("disk is full"), "{message}");
    let store = data.store();
    let ids = store
        .sorted_ids(Scope::Folder(account.inbox), Sort::default())
        .unwrap();
    let stored: BTreeSet<String> = ids
        .iter()
        .map(|id| subject(&store.raw(*id).unwrap()))
        .collect();
    assert!(stored.len() < n, "the store cannot hold them all");
    let on_server = server_subjects(&d);
    for i in 0..n {
        let s = format!("big {i}");
        assert!(
            stored.contains(&s) || on_server.contains(&s),
            "{s} is neither stored nor on the server (DELE before storing)"
        );
    }
    store.integrity_check().unwrap();
}

#[test]
fn disk_full_window_shows_the_error_and_stays_usable_for_reading() {
    use crate::support::ui;
    use egui_kittest::kittest::Queryable as _;
    let d = Dovecot::start(&DovecotOptions::default());
    let n = 16;
    for i in 0..n {
        d.add_message("alice", &big_message(i, 512 << 10, "\r\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    ui::sample(dir.path());
    let config = ui::store_config(dir.path());
    let account = add_account(
        &mut Store::open(&config).unwrap(),
        &dovecot_settings(&d, "Big", Policy::Delete),
        "alice-pw",
    );
    // About 3 MiB of room for 8 MiB of mail.
    let mut h = ui::harness_with(popmail::ui::RunOptions {
        data_dir: dir.path().to_path_buf(),
        demo: false,
        store_page_limit: Some(pages(&config) + 192),
        ..Default::default()
    });
    ui::settle(&mut h);
    h.get_by_label("Sync").click();
    ui::settle(&mut h);
    ui::click(&mut h, "Sync Big");
    let start = Instant::now();
    let error = loop {
        h.step();
        if let Some(e) = h.state().last_sync_error().filter(|_| !h.state().syncing()) {
            break e;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the sync did not stop"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    h.run_steps(3);
    assert!(error.contains("disk is full"), "{error}");
    assert!(
        ui::has_label_containing(&h, &format!("⚠ Big: {error}")),
        "the error is in the status bar"
    );
    // Still usable for reading: a message opens in the reader.
    ui::click_folder(&mut h, "All Inboxes");
    ui::click_row(&mut h, "Bob", "Lunch on Friday?");
    assert!(
        ui::has_label_containing(&h, "Shall we meet at noon?"),
        "the reader shows the message"
    );
    drop(h);
    // Nothing was deleted on the server that is not stored here.
    let store = ui::reopen(dir.path());
    let stored: BTreeSet<String> = store
        .sorted_ids(Scope::Folder(account.inbox), Sort::default())
        .unwrap()
        .iter()
        .map(|id| subject(&store.raw(*id).unwrap()))
        .collect();
    let on_server = server_subjects(&d);
    assert!(
        stored.len() < n,
        "the store cannot hold them all: {stored:?}"
    );
    for i in 0..n {
        let s = format!("big {i}");
        assert!(
            stored.contains(&s) || on_server.contains(&s),
            "{s} is neither stored nor on the server (DELE before storing)"
        );
    }
    store.integrity_check().unwrap();
}

//! The search index after SIGKILL (issue 17): a child `popmail import` and a
//! child `popmail sync` (delete after download, real Dovecot) are each
//! killed until 24 kills landed while it ran, at moments spread over an
//! uninterrupted run (storing, indexing, waiting for the index). Afterwards the store is opened, the indexer
//! catches up from its watermark, and every stored message is found by a
//! search for the unique word in its body, exactly once.

use std::collections::HashSet;
use std::process::Stdio;
use std::time::{Duration, Instant};

use popmail::store::{Scope, Store};

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::store::DataDir;
use crate::sync_kill::{add_account, popmail, sync_and_kill};

/// Kills that must land while the child runs (issue 17: at least 20 moments).
const KILLS: usize = 24;
/// Attempts allowed to land them: a kill that comes after the child ended
/// does not count, so a fast run on a quiet machine needs more attempts.
const ATTEMPTS: usize = 4 * KILLS;

/// A message whose body holds the one word `uniq{i}word`.
fn message(i: usize) -> Vec<u8> {
    let filler = "the quick brown fox jumps over the lazy dog\r\n".repeat(20 + i % 60);
    format!(
        "From: i{i}@example.org\r\nTo: alice@example.org\r\nSubject: index kill {i}\r\n\
         Message-ID: <ik{i}@example.org>\r\n\r\n{filler}uniq{i}word\r\n{filler}"
    )
    .into_bytes()
}

/// The unique word of a stored message.
fn unique_word(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    text.split_whitespace()
        .find(|w| w.starts_with("uniq") && w.ends_with("word"))
        .unwrap_or_else(|| panic!("no unique word in {text:.200}"))
        .to_string()
}

/// Lets the indexer catch up, then searches for every stored message's
/// word; returns how many messages are stored.
fn every_message_is_found(store: &Store) -> usize {
    store.integrity_check().unwrap();
    assert!(store.wait_for_index(|_| true).unwrap(), "caught up");
    let mut stored = 0;
    let mut words = HashSet::new();
    for f in store.folders().unwrap() {
        for id in store
            .sorted_ids(Scope::Folder(f.id), Default::default())
            .unwrap()
        {
            let word = unique_word(&store.raw(id).unwrap());
            assert_eq!(
                store.search(&word, None, 10).unwrap(),
                [id],
                "a search for {word} finds its message, once"
            );
            assert!(words.insert(word), "one message per word");
            stored += 1;
        }
    }
    stored
}

/// xorshift64: kill moments that differ from run to run of the loop but not
/// between test runs.
fn next(x: &mut u64) -> u64 {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    *x
}

#[test]
fn index_kill_during_import_every_stored_message_is_found() {
    let src = tempfile::tempdir().unwrap();
    let mbox = src.path().join("kill.mbox");
    let mut bytes = Vec::new();
    for i in 0..1_500 {
        bytes.extend_from_slice(
            format!("From i{i}@example.org Mon Nov 30 10:00:00 2026\n").as_bytes(),
        );
        bytes.extend(message(i).iter().filter(|&&b| b != b'\r'));
        bytes.push(b'\n');
    }
    std::fs::write(&mbox, bytes).unwrap();
    let import = |data: &DataDir| {
        let mut c = popmail(data);
        c.args(["import", mbox.to_str().unwrap(), "--folder", "Kill"]);
        c
    };
    // How long an uninterrupted import (stored and searchable) takes here.
    let calibrate = DataDir::new();
    let started = Instant::now();
    let out = import(&calibrate).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let span = started.elapsed().as_millis().max(100) as u64;
    assert_eq!(every_message_is_found(&calibrate.store()), 1_500);

    let data = DataDir::new();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut landed = 0;
    let mut attempts = 0;
    while landed < KILLS && attempts < ATTEMPTS {
        attempts += 1;
        let delay = Duration::from_millis(next(&mut x) % span);
        let mut child = import(&data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            landed += 1;
        }
        let _ = child.kill(); // SIGKILL; it may have ended already
        let _ = child.wait();
    }
    let stored = every_message_is_found(&data.store());
    println!(
        "import kills: {landed} landed in {attempts} attempts over a {span} ms import; {stored} messages stored, each found"
    );
    assert!(stored > 0, "the imports stored something");
    assert!(
        landed >= KILLS,
        "too few kills landed during an import ({landed} of {attempts})"
    );
}

#[test]
fn index_kill_during_sync_every_stored_message_is_found() {
    let d = Dovecot::start(&DovecotOptions::default());
    let data = DataDir::new();
    add_account(&d, &data);
    let mut delivered = 0;
    let mut deliver = |n: usize| {
        for _ in 0..n {
            d.add_message("alice", &message(delivered));
            delivered += 1;
        }
    };
    deliver(40);
    let started = Instant::now();
    let out = popmail(&data).arg("sync").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let span = started.elapsed().as_millis().max(50) as u64;
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut landed = 0;
    let mut attempts = 0;
    while landed < KILLS && attempts < ATTEMPTS {
        attempts += 1;
        deliver(40);
        let delay = Duration::from_millis(next(&mut x) % span);
        if sync_and_kill(&data, None, delay) {
            landed += 1;
        }
    }
    let stored = every_message_is_found(&data.store());
    println!(
        "sync kills: {landed} landed in {attempts} attempts over a {span} ms sync; {stored} of {delivered} delivered stored, each found"
    );
    assert!(stored >= 40);
    assert!(
        landed >= KILLS,
        "too few kills landed during a sync ({landed} of {attempts})"
    );
}

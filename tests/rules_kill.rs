//! Crash safety of rules on receive: a child `popmail sync` with two rules
//! (odd-numbered messages moved to "Odd" and starred; numbers ending in 0 or
//! 5 left on the server) under delete-after-download, killed with SIGKILL at
//! each named step and at 20 pseudo-random moments, then synced to the end.
//! Every message is stored exactly once, byte-identical, in the folder its
//! rules say with the flags they say, and the server keeps exactly the
//! messages the "leave on server" rule names.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use popmail::store::{Flags, Scope, Sort};
use sha2::{Digest, Sha256};

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::store::DataDir;
use crate::sync_kill::{FAILPOINTS, add_account, message, popmail, sync_and_kill};

const RANDOM_KILLS: usize = 20;

fn ok(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn rules_sigkill_at_any_moment_places_every_message_once() {
    let d = Dovecot::start(&DovecotOptions::default());
    let data = DataDir::new();
    add_account(&d, &data);
    ok(&popmail(&data)
        .args([
            "rule",
            "add",
            "Odd",
            "--if",
            "subject matches [13579]$",
            "--then",
            "move Odd",
            "--then",
            "star",
        ])
        .output()
        .unwrap());
    ok(&popmail(&data)
        .args([
            "rule",
            "add",
            "Keep",
            "--if",
            "subject matches [05]$",
            "--then",
            "leave-on-server",
        ])
        .output()
        .unwrap());

    let mut delivered: Vec<Vec<u8>> = Vec::new();
    let mut deliver = |n: usize| {
        for _ in 0..n {
            let m = message(delivered.len());
            d.add_message("alice", &m);
            delivered.push(m);
        }
    };
    for point in FAILPOINTS {
        deliver(6);
        assert!(sync_and_kill(&data, Some(point), Duration::ZERO));
    }
    deliver(4);
    let started = Instant::now();
    ok(&popmail(&data).arg("sync").output().unwrap());
    let span = started.elapsed().as_millis().max(50) as u64;
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut landed = 0;
    for _ in 0..RANDOM_KILLS {
        deliver(4);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        if sync_and_kill(&data, None, Duration::from_millis(x % span)) {
            landed += 1;
        }
    }
    for _ in 0..3 {
        ok(&popmail(&data).arg("sync").output().unwrap());
    }

    let store = data.store();
    store.integrity_check().unwrap();
    let odd = store.resolve_folder("Odd").unwrap();
    let inbox = store.accounts().unwrap()[0].inbox;
    // sha256 → (folder, flags), and how often each is stored.
    let mut placed: HashMap<[u8; 32], Vec<(popmail::store::FolderId, Flags)>> = HashMap::new();
    for f in store.folders().unwrap() {
        let ids = store
            .sorted_ids(Scope::Folder(f.id), Sort::default())
            .unwrap();
        for row in store.rows(&ids).unwrap() {
            placed
                .entry(row.sha256)
                .or_default()
                .push((row.folder, row.flags));
        }
    }
    let (mut lost, mut duplicated, mut misplaced) = (0, 0, 0);
    for (i, m) in delivered.iter().enumerate() {
        let sha: [u8; 32] = Sha256::digest(m).into();
        match placed.get(&sha).map(Vec::as_slice) {
            None => lost += 1,
            Some([(folder, flags)]) => {
                let want = if i % 2 == 1 { odd.id } else { inbox };
                if *folder != want || flags.contains(Flags::FLAGGED) != (i % 2 == 1) {
                    misplaced += 1;
                }
            }
            Some(_) => duplicated += 1,
        }
    }
    let kept = delivered
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 5 == 0)
        .count();
    println!(
        "rules kill: {} kill points ({landed} random landed mid-sync); delivered {}; lost {lost}; \
         duplicated {duplicated}; misplaced {misplaced}; on server {} (expected {kept})",
        FAILPOINTS.len() + RANDOM_KILLS,
        delivered.len(),
        d.message_count("alice")
    );
    assert_eq!((lost, duplicated, misplaced), (0, 0, 0));
    assert_eq!(
        d.message_count("alice"),
        kept,
        "exactly the kept messages stay on the server"
    );
    assert!(
        landed >= RANDOM_KILLS / 4,
        "too few random kills landed mid-sync ({landed})"
    );
}

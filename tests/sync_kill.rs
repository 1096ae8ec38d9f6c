//! Crash safety of the no-loss rule: a child `popmail sync` with
//! delete-after-download against a real Dovecot, killed with SIGKILL at 50
//! pseudo-random moments and at each named step (mid-RETR, after the durable
//! commit and before DELE, after DELE and before QUIT, after QUIT before the
//! ledger update), each followed by more syncs. At the end every message ever
//! delivered is in the store exactly once and byte-identical, the server
//! mailbox is empty, and the database passes `PRAGMA integrity_check`.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::store::DataDir;

pub(crate) const FAILPOINTS: [&str; 4] = ["mid-retr", "after-commit", "after-dele", "mid-quit"];
const RANDOM_KILLS: usize = 50;

pub(crate) fn message(i: usize) -> Vec<u8> {
    // Sizes from 1 KB to ~300 KB so that RETR takes long enough to be hit.
    let len = 1_000 + (i * 7919) % 300_000;
    let line = format!("line of message {i} ");
    let mut body = String::with_capacity(len + 100);
    while body.len() < len {
        body.push_str(&line);
        body.push_str("\r\n");
    }
    format!(
        "From: k{i}@example.org\r\nTo: alice@example.org\r\nSubject: kill test {i}\r\nMessage-ID: <kill{i}@example.org>\r\n\r\n{body}"
    )
    .into_bytes()
}

pub(crate) fn popmail(data: &DataDir) -> Command {
    let mut c = data.command();
    c.env("POPMAIL_NO_KEYCHAIN", "1")
        .env_remove("POPMAIL_FAILPOINT");
    c
}

/// Runs `popmail sync` and kills it when `failpoint` is reached (or, with
/// `None`, after `delay`). Returns whether the kill happened before the sync ended.
pub(crate) fn sync_and_kill(data: &DataDir, failpoint: Option<&str>, delay: Duration) -> bool {
    let mut cmd = popmail(data);
    cmd.arg("sync").stdout(Stdio::null()).stderr(Stdio::piped());
    if let Some(point) = failpoint {
        cmd.env("POPMAIL_FAILPOINT", point);
    }
    let mut child = cmd.spawn().expect("spawn popmail sync");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("kill-test-stderr".into())
        .spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        })
        .unwrap();
    let killed = match failpoint {
        Some(point) => {
            let deadline = Instant::now() + Duration::from_secs(60);
            let mut reached = false;
            while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                if line.contains(&format!("failpoint {point} reached")) {
                    reached = true;
                    break;
                }
            }
            assert!(reached, "failpoint {point} was never reached");
            true
        }
        None => {
            std::thread::sleep(delay);
            child.try_wait().expect("try_wait").is_none()
        }
    };
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
    killed
}

/// Adds the account "kill" (delete after download) through the binary.
pub(crate) fn add_account(d: &Dovecot, data: &DataDir) {
    let add = popmail(data)
        .args([
            "account",
            "add",
            "kill",
            "--host",
            "127.0.0.1",
            "--port",
            &d.tls_port().to_string(),
        ])
        .args([
            "--security",
            "tls",
            "--user",
            "alice",
            "--password-env",
            "KILL_PW",
            "--policy",
            "delete",
        ])
        .arg("--ca-file")
        .arg(d.ca_pem_path())
        .env("KILL_PW", "alice-pw")
        .output()
        .unwrap();
    assert!(
        add.status.success(),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
}

#[test]
fn sigkill_at_any_moment_loses_nothing_and_duplicates_nothing() {
    let d = Dovecot::start(&DovecotOptions::default());
    let data = DataDir::new();
    add_account(&d, &data);

    let mut delivered: Vec<Vec<u8>> = Vec::new();
    let mut deliver = |n: usize| {
        for _ in 0..n {
            let m = message(delivered.len());
            d.add_message("alice", &m);
            delivered.push(m);
        }
    };
    let mut points = Vec::new();
    for point in FAILPOINTS {
        deliver(8);
        assert!(sync_and_kill(&data, Some(point), Duration::ZERO));
        points.push(point.to_string());
    }
    // Calibrate: how long does an uninterrupted sync of one round's mail take
    // on this machine? Kill moments are drawn across that span.
    deliver(4);
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
    for _ in 0..RANDOM_KILLS {
        deliver(4);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let delay = Duration::from_millis(x % span);
        if sync_and_kill(&data, None, delay) {
            landed += 1;
        }
        points.push(format!("random {}ms", delay.as_millis()));
    }
    // Recovery: ordinary syncs until the server is empty.
    for _ in 0..3 {
        let out = popmail(&data).arg("sync").output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let store = data.store();
    store.integrity_check().unwrap();
    let mut counts: HashMap<[u8; 32], usize> = HashMap::new();
    for f in store.folders().unwrap() {
        for id in store
            .sorted_ids(popmail::store::Scope::Folder(f.id), Default::default())
            .unwrap()
        {
            let raw = store.raw(id).unwrap();
            *counts.entry(Sha256::digest(&raw).into()).or_default() += 1;
        }
    }
    let lost = delivered
        .iter()
        .filter(|m| !counts.contains_key(&<[u8; 32]>::from(Sha256::digest(m))))
        .count();
    let duplicated = counts.values().filter(|&&n| n > 1).count();
    println!(
        "kill points: {} ({} named, {} random over a {span} ms sync, {landed} of them landed mid-sync); delivered: {}; lost: {lost}; duplicated: {duplicated}",
        points.len(),
        FAILPOINTS.len(),
        RANDOM_KILLS,
        delivered.len()
    );
    println!("kill schedule: {}", points.join(", "));
    assert_eq!(lost, 0, "messages lost");
    assert_eq!(duplicated, 0, "messages stored twice");
    assert_eq!(counts.len(), delivered.len());
    assert_eq!(
        d.message_count("alice"),
        0,
        "the server mailbox must end empty"
    );
    assert!(
        landed >= RANDOM_KILLS / 4,
        "too few random kills landed during a sync ({landed}); the test is not testing much"
    );
}

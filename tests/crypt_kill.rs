//! SIGKILL of a child `popmail encrypt` / `popmail decrypt` at every named
//! step of the conversion and at random moments: each time exactly one
//! complete store opens afterwards, with every message, flag and ledger row
//! (a digest of all of them), `integrity_check` and `cipher_integrity_check`
//! say ok, and no plaintext is left beside an encrypted store.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::crypt_support::{fill, open, plaintext_hits, popmail};
use crate::support::store::DataDir;

const PASS: &str = "kill test pass";

/// The steps of `src/store/convert.rs`, in order.
const POINTS: &[&str] = &[
    "convert-journal",
    "convert-copying",
    "convert-copied",
    "convert-ready",
    "convert-wal-removed",
    "convert-renamed",
];

/// Runs encrypt (or decrypt) and kills it at `point`, or after `delay`.
/// Whether it was killed before it ended.
fn convert_and_kill(data: &DataDir, encrypt: bool, point: Option<&str>, delay: Duration) -> bool {
    let mut cmd = popmail(data);
    cmd.args([if encrypt { "encrypt" } else { "decrypt" }, "--quiet"])
        .env("POPMAIL_NEW_PASSPHRASE", PASS)
        .env("POPMAIL_PASSPHRASE", PASS)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(p) = point {
        cmd.env("POPMAIL_FAILPOINT", p);
    }
    let mut child = cmd.spawn().expect("spawn popmail");
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = crossbeam_channel::unbounded();
    std::thread::Builder::new()
        .name("crypt-kill-stderr".into())
        .spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                // The test may have stopped listening; the line is not needed then.
                let _ = tx.send(line);
            }
        })
        .unwrap();
    let killed = match point {
        Some(p) => {
            let deadline = Instant::now() + Duration::from_secs(60);
            let mut reached = false;
            let mut seen = Vec::new();
            while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                if line.contains(&format!("failpoint {p} reached")) {
                    reached = true;
                    break;
                }
                seen.push(line);
            }
            assert!(reached, "failpoint {p} was never reached: {seen:?}");
            true
        }
        None => {
            // Poll, so that a run shorter than `delay` is not waited out.
            let end = Instant::now() + delay;
            loop {
                if child.try_wait().unwrap().is_some() {
                    break false;
                }
                let now = Instant::now();
                if now >= end {
                    break true;
                }
                std::thread::sleep((end - now).min(Duration::from_millis(2)));
            }
        }
    };
    child.kill().unwrap_or(()); // SIGKILL (an already-ended child is fine)
    let status = child.wait().unwrap();
    if !killed {
        assert!(status.success(), "the conversion failed: {status:?}");
    }
    killed
}

fn check(data: &DataDir, digest: &[u8; 32], round: &str) -> bool {
    let store = open(data, PASS);
    assert_eq!(
        &store.content_digest().unwrap(),
        digest,
        "{round}: rows changed"
    );
    store.integrity_check().unwrap();
    store.cipher_integrity_check().unwrap();
    let encrypted = store.is_encrypted();
    drop(store);
    let names: Vec<String> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("popmail.sqlite3"))
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.ends_with(".new") && !n.ends_with(".convert")),
        "{round}: a conversion file is left: {names:?}"
    );
    if encrypted {
        let hits = plaintext_hits(data.path());
        assert!(
            hits.is_empty(),
            "{round}: plaintext beside an encrypted store: {hits:?}"
        );
    }
    encrypted
}

#[test]
fn crypt_kill_conversion_at_any_moment_keeps_one_complete_store() {
    let data = DataDir::plaintext();
    fill(&data, 150);
    let digest = open(&data, PASS).content_digest().unwrap();
    let mut encrypted = false;
    let mut moments = 0;

    // A full run each way, timed, to spread the random kills over.
    let t = Instant::now();
    assert!(!convert_and_kill(
        &data,
        true,
        None,
        Duration::from_secs(120)
    ));
    let full = t.elapsed();
    assert!(check(&data, &digest, "full encrypt"));
    assert!(!convert_and_kill(
        &data,
        false,
        None,
        Duration::from_secs(120)
    ));
    assert!(!check(&data, &digest, "full decrypt"));

    for dir in [true, false] {
        for p in POINTS {
            if encrypted == dir {
                // Bring the store to the state this direction starts from.
                assert!(!convert_and_kill(
                    &data,
                    !dir,
                    None,
                    Duration::from_secs(120)
                ));
                assert_eq!(check(&data, &digest, "reset"), !dir);
            }
            assert!(convert_and_kill(&data, dir, Some(p), Duration::ZERO));
            moments += 1;
            encrypted = check(&data, &digest, p);
        }
    }
    // Random moments: a deterministic spread over a full run's time.
    // Kills that land before the conversion starts (process start, Argon2)
    // or after it ended do not count: keep going until 30 landed.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let named = moments;
    for i in 0..100 {
        if moments - named >= 30 {
            break;
        }
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let frac = (seed % 1000) as f64 / 1000.0;
        let delay = full.mul_f64(frac * 0.95);
        let killed = convert_and_kill(&data, !encrypted, None, delay);
        moments += usize::from(killed);
        encrypted = check(&data, &digest, &format!("random {i} after {delay:?}"));
    }
    assert!(
        moments - named >= 30,
        "only {} of 100 random kills landed mid-conversion",
        moments - named
    );
}

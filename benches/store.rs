//! `scripts/bench store`: insert 100,000 generated messages into a fresh
//! store (parsing, hashing and full-text indexing included: `insert_rate`
//! counts until every message is searchable), measure the index lag (a
//! batch's commit to its being searchable) meanwhile, then time 100
//! full-text queries and the first page of the folder in every sort order.
//!
//! Prints `metric: value unit` lines. Set `POPMAIL_BENCH_MESSAGES` to change
//! the message count.
//!
//! `scripts/bench store --encrypted` runs the same work twice in one run, on a
//! plaintext store (`plain_` metrics) and on an SQLCipher store with a raw data
//! key (`encrypted_` metrics), then prints the time to reopen the encrypted
//! store after the passphrase (`encrypted_open`, key already unwrapped) and
//! the Argon2id unwrap itself (`passphrase_unwrap`).

#[path = "common/gen.rs"]
mod generator;
#[path = "common/stats.rs"]
mod stats;

use std::time::Instant;

use popmail::keys::{DataKey, Header};
use popmail::secret::Secret;
use popmail::store::{Flags, FolderRole, NewMessage, Scope, Sort, SortKey, Store, StoreConfig};

const BATCH: usize = 1_000;

fn main() {
    let total: u64 = std::env::var("POPMAIL_BENCH_MESSAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let encrypted = std::env::args().any(|a| a == "--encrypted");
    if !encrypted {
        run(total, "", None);
        return;
    }
    run(total, "plain_", None);
    let key = DataKey::generate().expect("key");
    let (dir, config) = run(total, "encrypted_", Some(key.clone()));
    let mut samples = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let store = Store::open(&config).expect("reopen");
        std::hint::black_box(store.folders().expect("folders"));
        samples.push(t.elapsed());
    }
    stats::print("encrypted_open", &mut samples);
    let mut header = Header::default();
    let pass = Secret::new("bench passphrase");
    header.wrap_passphrase(&key, &pass).expect("wrap");
    let kpath = dir.path().join("bench.keys");
    let t = Instant::now();
    std::hint::black_box(header.unlock_passphrase(&pass, &kpath).expect("unwrap"));
    println!(
        "passphrase_unwrap: {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
}

/// Inserts, searches and pages a fresh store; metric names start with `prefix`.
fn run(total: u64, prefix: &str, key: Option<DataKey>) -> (tempfile::TempDir, StoreConfig) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.sqlite3");
    let config = StoreConfig::new(&path).with_key(key);
    let mut store = Store::open(&config).expect("open store");
    let folder = store
        .create_folder("Bench", None, FolderRole::User)
        .expect("folder");
    let vocab = generator::vocabulary(20_000);

    // Generation is not part of what we measure: make the bytes first.
    let t = Instant::now();
    let raws: Vec<Vec<u8>> = (0..total)
        .map(|i| generator::message(42, i, &vocab))
        .collect();
    let bytes: usize = raws.iter().map(Vec::len).sum();
    println!(
        "generated: {total} messages, {:.1} MB in {:.1} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    // Parsing alone (one core), to tell parsing from writing.
    let sample = raws.len().min(5_000);
    let t = Instant::now();
    for raw in &raws[..sample] {
        std::hint::black_box(NewMessage::prepare(raw.clone(), folder, Flags::default()));
    }
    println!(
        "{prefix}parse_rate_one_core: {:.0} messages/s",
        sample as f64 / t.elapsed().as_secs_f64()
    );

    // Insert: one thread parses and hashes, this one writes; the store's
    // indexer thread fills the index file. The rate counts until every
    // message is searchable; a sampler measures the lag from a batch's
    // commit (listed) to its last id being searchable.
    let (tx, rx) = crossbeam_channel::bounded::<Vec<NewMessage>>(4);
    let (committed_tx, committed_rx) = crossbeam_channel::unbounded::<(Instant, i64)>();
    let sampler = {
        let config = config.clone();
        std::thread::Builder::new()
            .name("bench-lag".into())
            .spawn(move || {
                let probe = Store::open(&config).expect("open probe");
                let mut lags = Vec::new();
                let mut waiting: std::collections::VecDeque<(Instant, i64)> = Default::default();
                let mut open = true;
                while open || !waiting.is_empty() {
                    loop {
                        match committed_rx.try_recv() {
                            Ok(c) => waiting.push_back(c),
                            Err(crossbeam_channel::TryRecvError::Empty) => break,
                            Err(crossbeam_channel::TryRecvError::Disconnected) => {
                                open = false;
                                break;
                            }
                        }
                    }
                    let mark = probe.indexed_through().expect("watermark").0;
                    let now = Instant::now();
                    while waiting.front().is_some_and(|&(_, id)| id <= mark) {
                        let (at, _) = waiting.pop_front().expect("front");
                        lags.push(now - at);
                    }
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
                lags
            })
            .expect("spawn")
    };
    let t = Instant::now();
    let preparer = std::thread::Builder::new()
        .name("bench-prepare".into())
        .spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            for raw in raws {
                batch.push(NewMessage::prepare(raw, folder, Flags::default()));
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    if tx.send(full).is_err() {
                        return;
                    }
                }
            }
            let _ = tx.send(batch);
        })
        .expect("spawn");
    for batch in rx {
        let done = store.insert_batch(&batch).expect("insert");
        if let Some(last) = done.last() {
            // The sampler outlives the loop; a send cannot fail.
            let _ = committed_tx.send((Instant::now(), last.id().0)); // see above
        }
    }
    preparer.join().expect("preparer");
    let stored = t.elapsed().as_secs_f64();
    assert!(store.wait_for_index(|_| true).expect("index"));
    let secs = t.elapsed().as_secs_f64();
    drop(committed_tx);
    let mut lags = sampler.join().expect("sampler");
    println!(
        "{prefix}insert_rate_stored: {:.0} messages/s",
        total as f64 / stored
    );
    println!(
        "{prefix}index_catch_up_after_last_commit: {:.2} s",
        secs - stored
    );
    println!("{prefix}insert_rate: {:.0} messages/s", total as f64 / secs);
    println!(
        "{prefix}insert_throughput: {:.1} MB/s",
        bytes as f64 / 1e6 / secs
    );
    stats::print(&format!("{prefix}index_lag"), &mut lags);
    println!(
        "{prefix}index_lag_max: {:.3} ms",
        lags.last().map_or(0.0, |d| d.as_secs_f64() * 1e3)
    );
    println!(
        "{prefix}store_size: {:.1} MB",
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );
    println!(
        "{prefix}index_size: {:.1} MB",
        std::fs::metadata(popmail::store::index_path(&path))
            .map(|m| m.len())
            .unwrap_or(0) as f64
            / 1e6
    );

    // Search: 100 queries of one or two words drawn like real searches.
    let mut rng = generator::Rng::new(99);
    let mut samples = Vec::new();
    let mut hits = 0;
    for q in 0..100 {
        let query = if q % 3 == 0 {
            format!(
                "{} {}",
                generator::zipf_word(&mut rng, &vocab),
                generator::zipf_word(&mut rng, &vocab)
            )
        } else {
            generator::zipf_word(&mut rng, &vocab).to_string()
        };
        let t = Instant::now();
        hits += store.search(&query, None, 200).expect("search").len();
        samples.push(t.elapsed());
    }
    stats::print(&format!("{prefix}search"), &mut samples);
    println!(
        "{prefix}search_hits_mean: {:.0} messages",
        hits as f64 / 100.0
    );

    // First page (50 rows) in every order.
    for key in SortKey::ALL {
        for descending in [false, true] {
            let sort = Sort { key, descending };
            let mut samples = Vec::new();
            for _ in 0..50 {
                let t = Instant::now();
                let rows = store
                    .page(Scope::Folder(folder), sort, 0, 50)
                    .expect("page");
                samples.push(t.elapsed());
                assert_eq!(rows.len(), 50);
            }
            let dir = if descending { "desc" } else { "asc" };
            stats::print(
                &format!("{prefix}first_page_{key:?}_{dir}").to_lowercase(),
                &mut samples,
            );
        }
    }
    drop(store);
    (dir, config)
}

//! `scripts/bench scale`: a store of 1,000,000 messages of the realistic mix
//! (`common/gen.rs`, the mix of `scripts/bench store`), built once and cached
//! under `target/bench-data/` (keyed by the migrations and the size), then:
//! - `open_store`: `Store::open` plus the folder list, median of 20;
//! - `search`: median and p99 over 100 queries of mixed selectivity (a
//!   frequent word, a rare word, two words, a prefix), every hit checked
//!   against the messages as the window's search does;
//! - `open_folder` / `open_unified_inbox`: the count and the first page of 50
//!   (what the window needs to draw the list), and `sorted_ids_*` for the
//!   whole order the list fetches next;
//! - `file_size_ratio`: the store's files (the index file included) divided
//!   by the raw message bytes.
//!
//! Messages go to two accounts' Inboxes (45 % each) and a user folder (10 %).
//! Set `POPMAIL_BENCH_SCALE_MESSAGES` for another size. Prints
//! `metric: value unit` lines.

#[path = "common/gen.rs"]
mod generator;
#[path = "common/stats.rs"]
mod stats;

use std::path::{Path, PathBuf};
use std::time::Instant;

use sha2::Digest as _;

use popmail::account::AccountSettings;
use popmail::store::{
    Flags, FolderId, FolderRole, NewMessage, Scope, Sort, SortKey, Store, StoreConfig,
};

const BATCH: usize = 1_000;
const SEED: u64 = 7;

fn main() {
    let total: u64 = std::env::var("POPMAIL_BENCH_SCALE_MESSAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let mut schema = sha2::Sha256::new();
    for m in std::fs::read_dir("migrations").expect("migrations") {
        let up = m.expect("migration").path().join("up.sql");
        schema.update(std::fs::read(&up).expect("up.sql"));
    }
    let key = popmail::store::hex(&schema.finalize()[..4]);
    let dir = PathBuf::from(target)
        .join("bench-data")
        .join(format!("scale-{total}-{key}"));
    let vocab = generator::vocabulary(20_000);
    let raw_bytes = ensure_store(&dir, total, &vocab);
    let config = StoreConfig::new(dir.join(popmail::paths::STORE_FILE));
    println!("messages: {total} count");

    let mut samples = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let store = Store::open(&config).expect("open");
        std::hint::black_box(store.folders().expect("folders"));
        samples.push(t.elapsed());
    }
    stats::print("open_store", &mut samples);

    let store = Store::open(&config).expect("open");
    assert!(store.wait_for_index(|_| true).expect("index"), "index");
    search(&store, &vocab);

    let folders = store.folders().expect("folders");
    let inbox = folders
        .iter()
        .find(|f| f.role == FolderRole::Inbox)
        .expect("an Inbox")
        .id;
    open_list(&store, "open_folder", Scope::Folder(inbox));
    open_list(&store, "open_unified_inbox", Scope::UnifiedInbox);

    let on_disk: u64 = std::fs::read_dir(&dir)
        .expect("bench dir")
        .filter_map(|e| e.ok()?.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    println!("raw_bytes: {:.1} MB", raw_bytes as f64 / 1e6);
    println!("store_files: {:.1} MB", on_disk as f64 / 1e6);
    println!(
        "file_size_ratio: {:.3} x",
        on_disk as f64 / raw_bytes as f64
    );
}

/// 100 queries: 40 frequent words, 30 rare words, 20 pairs, 10 prefixes.
fn search(store: &Store, vocab: &[String]) {
    let mut rng = generator::Rng::new(99);
    let mut samples = Vec::new();
    let mut kinds: [Vec<std::time::Duration>; 4] = Default::default();
    let mut hits = 0;
    for q in 0..100 {
        let kind = match q % 10 {
            0..=3 => 0,
            4..=6 => 1,
            7 | 8 => 2,
            _ => 3,
        };
        let query = match q % 10 {
            0..=3 => generator::zipf_word(&mut rng, vocab).to_string(),
            4..=6 => vocab[vocab.len() / 2 + rng.below(vocab.len() / 2)].clone(),
            7 | 8 => format!(
                "{} {}",
                generator::zipf_word(&mut rng, vocab),
                generator::zipf_word(&mut rng, vocab)
            ),
            _ => {
                let w = generator::zipf_word(&mut rng, vocab);
                w.chars().take(3.max(w.chars().count() / 2)).collect()
            }
        };
        let t = Instant::now();
        hits += store.search(&query, None, 200).expect("search").len();
        samples.push(t.elapsed());
        kinds[kind].push(t.elapsed());
    }
    stats::print("search", &mut samples);
    for (name, k) in ["frequent", "rare", "pair", "prefix"]
        .iter()
        .zip(&mut kinds)
    {
        stats::print(&format!("search_{name}"), k);
    }
    println!("search_hits_mean: {:.0} messages", hits as f64 / 100.0);
}

/// What the window does to show a list: the count and the first page, then
/// the whole order in the background.
fn open_list(store: &Store, name: &str, scope: Scope) {
    let sort = Sort {
        key: SortKey::Date,
        descending: true,
    };
    let mut samples = Vec::new();
    let mut order = Vec::new();
    let mut len = 0;
    for _ in 0..20 {
        let t = Instant::now();
        len = store.count(scope).expect("count");
        let rows = store.page(scope, sort, 0, 50).expect("page");
        samples.push(t.elapsed());
        assert_eq!(rows.len() as u64, len.min(50));
        let t = Instant::now();
        std::hint::black_box(store.sorted_ids(scope, sort).expect("order"));
        order.push(t.elapsed());
    }
    println!("{name}_messages: {len} count");
    stats::print(name, &mut samples);
    stats::print(&format!("sorted_ids_{name}"), &mut order);
}

/// Builds the store once (the marker file `complete` holds the raw bytes);
/// returns the raw message bytes.
fn ensure_store(dir: &Path, total: u64, vocab: &[String]) -> u64 {
    let done = dir.join("complete");
    if let Some(bytes) = std::fs::read_to_string(&done)
        .ok()
        .and_then(|s| s.trim().parse().ok())
    {
        return bytes;
    }
    // A half-built store from an interrupted run is thrown away.
    let _ = std::fs::remove_dir_all(dir); // absent is fine
    std::fs::create_dir_all(dir).expect("bench data dir");
    let t = Instant::now();
    let mut store =
        Store::open(&StoreConfig::new(dir.join(popmail::paths::STORE_FILE))).expect("store");
    let mut targets: Vec<FolderId> = ["home", "work"]
        .iter()
        .map(|name| {
            let settings = AccountSettings {
                name: (*name).into(),
                host: "pop.example.org".into(),
                port: 995,
                username: (*name).into(),
                enabled: true,
                ..AccountSettings::default()
            };
            store.add_account(&settings).expect("account").inbox
        })
        .collect();
    targets.push(
        store
            .create_folder("Projects", None, FolderRole::User)
            .expect("folder"),
    );
    let vocab = vocab.to_vec();
    let (tx, rx) = crossbeam_channel::bounded::<(Vec<NewMessage>, u64)>(4);
    let maker = std::thread::Builder::new()
        .name("bench-scale-generate".into())
        .spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let mut bytes = 0;
            for i in 0..total {
                let folder = match i % 20 {
                    0..=8 => targets[0],
                    9..=17 => targets[1],
                    _ => targets[2],
                };
                let raw = generator::message(SEED, i, &vocab);
                bytes += raw.len() as u64;
                let flags = if i % 3 == 0 {
                    Flags::default()
                } else {
                    Flags::SEEN
                };
                batch.push(NewMessage::prepare(raw, folder, flags));
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    if tx.send((full, std::mem::take(&mut bytes))).is_err() {
                        return;
                    }
                }
            }
            if !batch.is_empty() {
                // The receiver lives until the channel is drained.
                let _ = tx.send((batch, bytes)); // see above
            }
        })
        .expect("generator thread");
    let mut raw_bytes = 0;
    let mut stored = 0u64;
    for (batch, bytes) in rx {
        store.insert_batch(&batch).expect("insert");
        raw_bytes += bytes;
        stored += batch.len() as u64;
        if stored.is_multiple_of(100_000) {
            eprintln!(
                "built {stored} of {total} in {:.0} s",
                t.elapsed().as_secs_f64()
            );
        }
    }
    maker.join().expect("generator");
    let stored_secs = t.elapsed().as_secs_f64();
    assert!(store.wait_for_index(|_| true).expect("index"), "index");
    let secs = t.elapsed().as_secs_f64();
    println!("built_store: {secs:.1} s");
    println!(
        "built_insert_rate_stored: {:.0} messages/s",
        total as f64 / stored_secs
    );
    println!(
        "built_index_catch_up_after_last_commit: {:.1} s",
        secs - stored_secs
    );
    drop(store);
    std::fs::write(&done, raw_bytes.to_string()).expect("marker");
    raw_bytes
}

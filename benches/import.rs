//! Import/export benchmark (issue 7): generates a 100,000-message mbox (about
//! 1 GB; plain, HTML, multipart with attachments, several charsets, 2–50 KB) and
//! the same messages as a Maildir, in a temporary directory under /tmp that is
//! deleted afterwards; imports each into a fresh store (with indexing) in a child
//! process to measure messages/s and peak RSS (VmHWM of that process); exports
//! the imported folder to mbox and to Maildir (messages/s).
//!
//! Targets: import ≥ 10,000 messages/s on 2 cores, peak RSS ≤ 200 MB,
//! export ≥ 50,000 messages/s (mbox) and ≥ 30,000 (Maildir, against a bare
//! create-write-rename loop on the same disk, printed as its bound). `POPMAIL_BENCH_MESSAGES=N` runs a smaller set.
//! Prints `metric: value unit` lines.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/mail_corpus.rs"]
mod mail_corpus;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use popmail::jobs::{self, ExportRequest, ExportSource, ImportRequest, Quiet, Target};
use popmail::mailbox::maildir::MaildirWriter;
use popmail::mailbox::{Flags, Format, MboxVariant, MboxWriter};
use popmail::store::Store;

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// User + system CPU seconds from a /proc stat file (clock ticks of 1/100 s).
fn cpu_secs(stat: &str) -> f64 {
    let text = std::fs::read_to_string(stat).unwrap_or_default();
    let after = text.rsplit_once(')').map_or("", |(_, a)| a);
    let f: Vec<&str> = after.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0) / 100.0;
    tick(11) + tick(12)
}

fn flags_for(i: u64) -> Flags {
    Flags {
        seen: !i.is_multiple_of(3),
        flagged: i.is_multiple_of(17),
        answered: i.is_multiple_of(5),
        trashed: false,
        draft: false,
    }
}

/// Child mode: import PATH into a fresh store at DB and print the figures.
fn child(args: &[String]) {
    let (path, db, format) = (&args[0], &args[1], &args[2]);
    let mut store = Store::open(&popmail::store::StoreConfig::new(Path::new(db))).unwrap();
    let format: Format = format.parse().unwrap();
    let t = Instant::now();
    let s = jobs::import(
        &mut store,
        &ImportRequest::new(path, format, Target::New),
        &mut Quiet,
    )
    .unwrap();
    let secs = t.elapsed().as_secs_f64();
    // This (main) thread is the store writer; the rest is the reader thread.
    println!(
        "child {} {} {} {secs} {} {} {}",
        s.imported,
        s.damaged_count,
        s.root.unwrap().0,
        vm_hwm_kb(),
        cpu_secs("/proc/thread-self/stat"),
        cpu_secs("/proc/self/stat"),
    );
}

struct ImportRun {
    imported: u64,
    secs: f64,
    rss_mb: f64,
    folder: i64,
    writer_cpu: f64,
    total_cpu: f64,
}

fn run_child(path: &Path, db: &Path, format: &str) -> ImportRun {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--child-import"])
        .arg(path)
        .arg(db)
        .arg(format)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("child "))
        .expect("child figures");
    let f: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(f[2], "0", "no damage expected");
    ImportRun {
        imported: f[1].parse().unwrap(),
        folder: f[3].parse().unwrap(),
        secs: f[4].parse().unwrap(),
        rss_mb: f[5].parse::<f64>().unwrap() / 1024.0,
        writer_cpu: f[6].parse().unwrap(),
        total_cpu: f[7].parse().unwrap(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child-import") {
        child(&args[1..]);
        return;
    }
    if args.first().map(String::as_str) == Some("--child-export") {
        // For profiling: --child-export DB FOLDER_ID DEST FORMAT
        let store = Store::open(&popmail::store::StoreConfig::new(Path::new(&args[1]))).unwrap();
        let req = ExportRequest {
            source: ExportSource::Folder {
                folder: popmail::store::FolderId(args[2].parse().unwrap()),
                subfolders: false,
            },
            dest: args[3].clone().into(),
            format: args[4].parse().unwrap(),
            force: false,
        };
        let t = Instant::now();
        let s = jobs::export(&store, &req, &mut Quiet).unwrap();
        println!(
            "exported {} in {:.2} s",
            s.messages,
            t.elapsed().as_secs_f64()
        );
        return;
    }
    if args.first().map(String::as_str) == Some("--generate") {
        // For profiling: --generate N PATH writes an mbox of N corpus messages.
        let n: u64 = args[1].parse().unwrap();
        let mut w = MboxWriter::new(
            std::io::BufWriter::new(std::fs::File::create(&args[2]).unwrap()),
            MboxVariant::Mboxrd,
        );
        for i in 0..n {
            w.write_message(&mail_corpus::message(i), 1_704_067_200 + i as i64)
                .unwrap();
        }
        w.finish().unwrap().flush().unwrap();
        return;
    }
    let n: u64 = std::env::var("POPMAIL_BENCH_MESSAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let tmp = tempfile::Builder::new()
        .prefix("popmail-bench-")
        .tempdir_in("/tmp")
        .unwrap();
    let mbox = tmp.path().join("bench.mbox");
    let maildir = tmp.path().join("bench-maildir");

    let t = Instant::now();
    let mut w = MboxWriter::new(
        std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&mbox).unwrap()),
        MboxVariant::Mboxrd,
    );
    let mut md = MaildirWriter::create(&maildir, false).unwrap();
    let mut bytes = 0u64;
    for i in 0..n {
        let m = mail_corpus::message(i);
        bytes += m.len() as u64;
        w.write_message(&m, 1_704_067_200 + i as i64).unwrap();
        md.write_message(&m, flags_for(i), 1_704_067_200 + i as i64)
            .unwrap();
    }
    w.finish().unwrap().flush().unwrap();
    let mbox_len = std::fs::metadata(&mbox).unwrap().len();
    println!("bench_messages: {n} messages");
    println!("bench_mbox_size: {:.0} MB", mbox_len as f64 / 1e6);
    println!(
        "bench_average_message: {:.1} KB",
        bytes as f64 / n as f64 / 1e3
    );
    eprintln!("generated in {:.1} s", t.elapsed().as_secs_f64());

    let targets = |rate: f64, rss: f64| {
        format!(
            "target ≥10000 msg/s {}; RSS ≤200 MB {}",
            if rate >= 10_000.0 { "met" } else { "NOT met" },
            if rss <= 200.0 { "met" } else { "NOT met" }
        )
    };
    let db1 = tmp.path().join("mbox.sqlite3");
    let r1 = run_child(&mbox, &db1, "auto");
    assert_eq!(r1.imported, n);
    let rate1 = n as f64 / r1.secs;
    println!("import_mbox_rate: {rate1:.0} messages/s");
    println!("import_mbox_peak_rss: {:.0} MB", r1.rss_mb);
    println!("import_mbox_cpu: {:.1} s", r1.total_cpu);
    println!("import_mbox_writer_thread_cpu: {:.1} s", r1.writer_cpu);
    println!(
        "import_mbox_rate_if_uncontended: {:.0} messages/s",
        n as f64 / r1.writer_cpu.max(r1.total_cpu / 2.0)
    );
    println!(
        "import_mbox_throughput: {:.0} MB/s",
        mbox_len as f64 / 1e6 / r1.secs
    );
    eprintln!("mbox import: {}", targets(rate1, r1.rss_mb));

    let db2 = tmp.path().join("maildir.sqlite3");
    let r2 = run_child(&maildir, &db2, "maildir");
    assert_eq!(r2.imported, n);
    let rate2 = n as f64 / r2.secs;
    println!("import_maildir_rate: {rate2:.0} messages/s");
    println!("import_maildir_peak_rss: {:.0} MB", r2.rss_mb);
    println!("import_maildir_cpu: {:.1} s", r2.total_cpu);
    println!("import_maildir_writer_thread_cpu: {:.1} s", r2.writer_cpu);
    println!(
        "import_maildir_rate_if_uncontended: {:.0} messages/s",
        n as f64 / r2.writer_cpu.max(r2.total_cpu / 2.0)
    );
    eprintln!("maildir import: {}", targets(rate2, r2.rss_mb));
    println!(
        "store_size: {:.0} MB",
        std::fs::metadata(&db1).unwrap().len() as f64 / 1e6
    );

    // Exports, from the store the mbox went into.
    let store = Store::open(&popmail::store::StoreConfig::new(&db1)).unwrap();
    let folder = popmail::store::FolderId(r1.folder);
    for (name, format) in [("mbox", Format::Mboxrd), ("maildir", Format::Maildir)] {
        let dest = tmp.path().join(format!("export-{name}"));
        let t = Instant::now();
        let req = ExportRequest {
            source: ExportSource::Folder {
                folder,
                subfolders: false,
            },
            dest,
            format,
            force: false,
        };
        let s = jobs::export(&store, &req, &mut Quiet).unwrap();
        let secs = t.elapsed().as_secs_f64();
        assert_eq!(s.messages, n);
        let rate = n as f64 / secs;
        println!("export_{name}_rate: {rate:.0} messages/s");
        let target = if name == "maildir" {
            30_000.0
        } else {
            50_000.0
        };
        eprintln!(
            "{name} export: target ≥{target} msg/s {}",
            if rate >= target { "met" } else { "NOT met" }
        );
    }
    bare_loop(&store, folder, n, tmp.path());
    drop(store);
    drop(tmp);
}

/// The bound of a Maildir export on this machine: a bare loop that creates a
/// file in `tmp/`, writes a message with one write and renames it into
/// `cur/`, with the same bytes (the folder's first 1,000 messages, cycled)
/// and no store, no flags, no mtime.
fn bare_loop(store: &Store, folder: popmail::store::FolderId, n: u64, tmp: &Path) {
    let ids = store.folder_ids(folder, 1_000).unwrap();
    let mut raws = Vec::new();
    store
        .for_each_for_export::<popmail::store::Error>(&ids, |m| {
            raws.push(m.raw.to_vec());
            Ok(())
        })
        .unwrap();
    let dir = tmp.join("bare-loop");
    for sub in ["tmp", "cur"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let t = Instant::now();
    for i in 0..n {
        let name = format!("1700000000.M1P1Q{i}.bench");
        let from = dir.join("tmp").join(&name);
        let mut f = std::fs::File::create_new(&from).unwrap();
        f.write_all(&raws[(i % raws.len() as u64) as usize])
            .unwrap();
        drop(f);
        std::fs::rename(&from, dir.join("cur").join(format!("{name}:2,S"))).unwrap();
    }
    let rate = n as f64 / t.elapsed().as_secs_f64();
    println!("export_maildir_bare_loop_rate: {rate:.0} messages/s");
}

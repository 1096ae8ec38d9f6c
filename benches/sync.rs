//! `scripts/bench sync`: 10,000 messages (5 KB mean) from a real Dovecot
//! over TLS into a fresh store through the sync worker (durable commits,
//! full-text indexing), beside `fetchmail` (keep mode, UIDL, delivering to a
//! BSMTP file) fetching the same mailbox in the same run, and beside the raw
//! pipelined download rate of our POP3 client (no store). The sync runs
//! twice without rules and twice with 20 enabled rules (sender, subject
//! regex, List-Id header, body and size tests; about one message in ten
//! matches one that stars it, one in a hundred one that moves it), in
//! alternation, and the faster run of each is compared (issue 15: within
//! 10 %).
//!
//! Needs `dovecot-pop3d` and `fetchmail` (Debian packages). Prints
//! `metric: value unit` lines. `POPMAIL_BENCH_MESSAGES` changes the count.

#[path = "../tests/support/mod.rs"]
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use popmail::account::{AccountSettings, Policy, Security};
use popmail::pop3::SinkError;
use popmail::rules::{Action, Combine, Condition, Field, Matcher, Rule};
use popmail::secret::Secret;
use popmail::store::Store;
use popmail::sync::{Command, Event, SyncOptions, SyncWorker, session};
use support::dovecot::{Dovecot, DovecotOptions};

fn message(i: usize) -> Vec<u8> {
    let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    x ^= x >> 29;
    let target = 1_000 + (x % 8_000) as usize; // 1–9 KB, mean 5 KB
    let mut body = String::with_capacity(target + 80);
    let words = [
        "meeting", "report", "budget", "travel", "schedule", "invoice", "draft", "review", "lunch",
        "notes",
    ];
    let mut w = x;
    while body.len() < target {
        w ^= w << 13;
        w ^= w >> 7;
        w ^= w << 17;
        body.push_str(words[(w % 10) as usize]);
        body.push(if w.is_multiple_of(11) { '\n' } else { ' ' });
    }
    format!(
        "Return-Path: <s{i}@example.org>\r\nFrom: Sender {i} <s{i}@example.org>\r\nTo: alice@example.org\r\n\
         Subject: bench message {i}\r\nDate: Mon, 2 Nov 2026 10:{:02}:00 +0000\r\nMessage-ID: <bench{i}@example.org>\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
        i % 60,
        body.replace('\n', "\r\n")
    )
    .into_bytes()
}

fn settings(d: &Dovecot) -> AccountSettings {
    AccountSettings {
        name: "bench".into(),
        host: "127.0.0.1".into(),
        port: d.tls_port(),
        security: Security::Tls,
        username: "alice".into(),
        ca_file: Some(d.ca_pem_path()),
        policy: Policy::Keep,
        enabled: true,
        ..AccountSettings::default()
    }
}

/// The raw download: the same session steps a sync takes (log in, LIST,
/// UIDL, pipelined RETR, QUIT) with the messages dropped instead of stored.
/// Returns (messages, bytes, seconds for the session, seconds for RETR alone).
fn raw_pipelined(d: &Dovecot) -> (usize, u64, f64, f64) {
    let cfg = session::pop3_config(
        &settings(d),
        Secret::new("alice-pw"),
        popmail::sync::Timeouts::default(),
    );
    let t = Instant::now();
    let mut client = session::open(&cfg).expect("login");
    let list = client.list().expect("LIST");
    let _ = client.uidl().expect("UIDL");
    let numbers: Vec<u32> = list.iter().map(|(n, _)| *n).collect();
    let mut bytes = 0u64;
    let retr = Instant::now();
    client
        .retr_many(&numbers, &mut |_, raw: Vec<u8>| -> Result<(), SinkError> {
            bytes += raw.len() as u64;
            Ok(())
        })
        .expect("RETR");
    let retr_secs = retr.elapsed().as_secs_f64();
    client.quit().expect("QUIT");
    (numbers.len(), bytes, t.elapsed().as_secs_f64(), retr_secs)
}

/// One session that makes Dovecot index the fresh maildir, so that no
/// contestant pays for that.
fn warm_up(d: &Dovecot) {
    let cfg = session::pop3_config(
        &settings(d),
        Secret::new("alice-pw"),
        popmail::sync::Timeouts::default(),
    );
    let mut client = session::open(&cfg).expect("login");
    client.list().expect("LIST");
    client.uidl().expect("UIDL");
    client.quit().expect("QUIT");
}

/// Twenty enabled rules of the kinds people write.
fn twenty_rules() -> Vec<Rule> {
    let cond = |field: Field, matcher: Matcher, value: &str| Condition {
        field,
        matcher,
        value: value.into(),
    };
    let mut rules = Vec::new();
    for i in 0..5 {
        rules.push((
            cond(Field::From, Matcher::Contains, &format!("newsletter{i}@")),
            Action::MoveTo(format!("News {i}")),
        ));
        rules.push((
            cond(
                Field::Subject,
                Matcher::Regex,
                &format!(r"^\[list-{i}\]|weekly digest {i}"),
            ),
            Action::MoveTo(format!("List {i}")),
        ));
        rules.push((
            cond(
                Field::Header("List-Id".into()),
                Matcher::Contains,
                &format!("project{i}.example.org"),
            ),
            Action::MarkRead,
        ));
    }
    for i in 0..3 {
        rules.push((
            cond(Field::Body, Matcher::Contains, &format!("unsubscribe-{i}")),
            Action::MoveTo("Promotions".into()),
        ));
    }
    rules.push((
        cond(Field::Size, Matcher::Greater, "5M"),
        Action::LeaveOnServer,
    ));
    // About one message in ten is starred, one in a hundred moved.
    rules.push((
        cond(Field::Subject, Matcher::Regex, r"message \d*7$"),
        Action::Star,
    ));
    rules.push((
        cond(Field::Subject, Matcher::EndsWith, "99"),
        Action::MoveTo("Ninety-nine".into()),
    ));
    rules
        .into_iter()
        .enumerate()
        .map(|(i, (c, a))| Rule {
            name: format!("rule {i}"),
            enabled: true,
            combine: Combine::All,
            conditions: vec![c],
            actions: vec![a],
        })
        .take(20)
        .collect()
}

fn ours(d: &Dovecot, rules: &[Rule]) -> (u64, f64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.sqlite3");
    let mut store = Store::open(&popmail::store::StoreConfig::new(&path)).expect("store");
    store.set_rules(rules).expect("rules");
    let account = store.add_account(&settings(d)).expect("account");
    store
        .set_stored_password(account.id, Some("alice-pw"))
        .expect("password");
    drop(store);
    let mut options = SyncOptions::new(popmail::store::StoreConfig::new(path));
    options.repaint = Arc::new(|| {});
    let worker = SyncWorker::spawn(options).expect("worker");
    let t = Instant::now();
    worker.send(Command::SyncAccount(account.id));
    loop {
        match worker
            .events()
            .recv_timeout(Duration::from_secs(600))
            .expect("sync event")
        {
            Event::Finished { summary, .. } => {
                let secs = t.elapsed().as_secs_f64();
                worker.shutdown();
                return (summary.downloaded, secs);
            }
            Event::Failed { message, .. } => panic!("sync failed: {message}"),
            _ => {}
        }
    }
}

fn fetchmail(d: &Dovecot) -> Option<(usize, f64)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let rc = dir.path().join("fetchmailrc");
    let out = dir.path().join("out.bsmtp");
    std::fs::write(
        &rc,
        format!(
            "set no syslog\nset no bouncemail\npoll 127.0.0.1 proto pop3 port {} uidl\n  user alice password alice-pw is alice here\n  keep ssl sslcertck sslcommonname localhost sslcertfile {}\n",
            d.tls_port(),
            d.ca_pem_path().display()
        ),
    )
    .ok()?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&rc, std::fs::Permissions::from_mode(0o600)).ok()?;
    let t = Instant::now();
    let status = std::process::Command::new("fetchmail")
        .arg("-f")
        .arg(&rc)
        .arg("--bsmtp")
        .arg(&out)
        .arg("--pidfile")
        .arg(dir.path().join("pid"))
        .env("FETCHMAILHOME", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .output()
        .ok()?;
    let secs = t.elapsed().as_secs_f64();
    if !status.status.success() {
        eprintln!(
            "fetchmail exited with {}: {}",
            status.status,
            String::from_utf8_lossy(&status.stderr)
        );
        return None;
    }
    let text = std::fs::read(&out).ok()?;
    let count = text.windows(10).filter(|w| w == b"MAIL FROM:").count();
    Some((count, secs))
}

fn main() {
    let n: usize = std::env::var("POPMAIL_BENCH_MESSAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let d = Dovecot::start(&DovecotOptions::default());
    let mut bytes = 0;
    for i in 0..n {
        let m = message(i);
        bytes += m.len();
        d.add_message("alice", &m);
    }
    println!(
        "mailbox: {n} messages, {:.1} MB, over TLS",
        bytes as f64 / 1e6
    );

    warm_up(&d);
    let (count, raw_bytes, secs, retr_secs) = raw_pipelined(&d);
    assert_eq!(count, n);
    let raw_rate = n as f64 / secs;
    println!("raw_pipelined_rate: {raw_rate:.0} messages/s (login, LIST, UIDL, RETR, QUIT)");
    println!("raw_retr_only_rate: {:.0} messages/s", n as f64 / retr_secs);
    println!(
        "raw_pipelined_throughput: {:.1} MB/s",
        raw_bytes as f64 / 1e6 / secs
    );

    let rules = twenty_rules();
    assert_eq!(rules.len(), 20);
    let (mut plain, mut ruled) = (f64::MAX, f64::MAX);
    for _ in 0..2 {
        for (list, best) in [(&[][..], &mut plain), (&rules[..], &mut ruled)] {
            let (downloaded, secs) = ours(&d, list);
            assert_eq!(downloaded as usize, n, "the sync must store every message");
            *best = best.min(secs);
        }
    }
    let secs = plain;
    let our_rate = n as f64 / secs;
    println!("popmail_sync_rate: {our_rate:.0} messages/s");
    println!("popmail_sync_time: {secs:.2} s");
    let ruled_rate = n as f64 / ruled;
    println!("popmail_sync_rate_20_rules: {ruled_rate:.0} messages/s");
    println!("popmail_sync_time_20_rules: {ruled:.2} s");
    println!(
        "rules_rate_ratio: {:.3} x (20 rules / none; target >= 0.90)",
        ruled_rate / our_rate
    );

    match fetchmail(&d) {
        Some((count, secs)) => {
            let rate = count as f64 / secs;
            println!("fetchmail_rate: {rate:.0} messages/s ({count} messages in {secs:.2} s)");
            println!("ratio_vs_fetchmail: {:.2} x", our_rate / rate);
        }
        None => {
            println!("fetchmail_rate: failed (see above; it needs `apt-get install fetchmail`)")
        }
    }
    println!("ratio_vs_raw_pipelined: {:.2} x", our_rate / raw_rate);
    println!(
        "ratio_vs_raw_retr_only: {:.2} x",
        our_rate * retr_secs / n as f64
    );
}

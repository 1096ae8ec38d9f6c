//! POP3 retrieval throughput against Dovecot on loopback, over TLS.
//!
//! 1. 10,000 messages (5 KB mean, five of 1 MB): our pipelined RETR, our
//!    lock-step RETR, and Python's poplib (`scripts/poplib_fetch.py`).
//! 2. 1,000 messages through a loopback proxy adding 50 ms of round-trip
//!    time (25 ms each way; netem is not available), pipelined vs poplib.
//!
//! Prints `metric: value unit` lines. Targets: pipelined ≥ 1.5× poplib on
//! loopback, ≥ 20× poplib at 50 ms RTT. Run with `scripts/bench pop3`.

#[path = "../tests/support/certs.rs"]
#[allow(dead_code)]
mod certs;
#[path = "../tests/support/dovecot.rs"]
#[allow(dead_code)]
mod dovecot;
#[path = "../tests/support/system.rs"]
mod system;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use dovecot::{Dovecot, DovecotOptions};
use popmail::pop3::{AuthMethod, Client, Config};
use popmail::secret::Secret;

const LOOPBACK_MESSAGES: usize = 10_000;
const RTT_MESSAGES: usize = 1_000;
const ONE_WAY_DELAY: Duration = Duration::from_millis(25);

/// A deterministic message of about `size` bytes with 76-character lines.
fn message(i: usize, size: usize) -> Vec<u8> {
    let mut m = format!(
        "From: sender{i}@example.org\r\nTo: alice@example.org\r\nSubject: bench message {i}\r\nMessage-ID: <{i}@bench>\r\n\r\n"
    )
    .into_bytes();
    let mut n = i as u64;
    while m.len() < size {
        let mut line = String::with_capacity(78);
        for _ in 0..76 {
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            line.push((b'a' + ((n >> 33) % 26) as u8) as char);
        }
        if n.is_multiple_of(17) {
            line.replace_range(0..1, ".");
        }
        m.extend_from_slice(line.as_bytes());
        m.extend_from_slice(b"\r\n");
    }
    m
}

/// Sizes: 1–9 KB spread (mean 5 KB), and every 2,000th message 1 MB.
fn size_of(i: usize) -> usize {
    if i % 2000 == 1000 {
        1024 * 1024
    } else {
        1024 + (i * 7919) % 8192
    }
}

fn seed(d: &Dovecot, user: &str, count: usize) -> u64 {
    let mut total = 0;
    for i in 1..=count {
        let m = message(i, size_of(i));
        total += m.len() as u64;
        d.add_message(user, &m);
    }
    total
}

fn config(d: &Dovecot, user: &str, port: u16, pipelining: bool) -> Config {
    let mut cfg = Config::new("127.0.0.1", user, Secret::new(format!("{user}-pw")));
    cfg.port = port;
    cfg.ca_file = Some(d.ca_pem_path());
    cfg.auth = AuthMethod::Plain;
    cfg.pipelining = pipelining;
    cfg.read_timeout = Duration::from_secs(120);
    cfg
}

/// Retrieves messages 1..=count; returns (seconds, bytes).
fn ours(cfg: &Config, count: usize) -> (f64, u64) {
    let mut c = Client::connect(cfg).expect("connect");
    c.login().expect("login");
    let msgs: Vec<u32> = (1..=count as u32).collect();
    let mut bytes = 0u64;
    let start = Instant::now();
    c.retr_many(&msgs, &mut |_, body| {
        bytes += body.len() as u64;
        Ok(())
    })
    .expect("retr_many");
    let secs = start.elapsed().as_secs_f64();
    c.quit().expect("quit");
    (secs, bytes)
}

fn poplib(d: &Dovecot, user: &str, port: u16, count: usize) -> (f64, u64) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/poplib_fetch.py");
    let out = Command::new("python3")
        .arg(script)
        .args(["127.0.0.1", &port.to_string()])
        .arg(d.ca_pem_path())
        .args([user, &format!("{user}-pw"), &count.to_string()])
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 ({e}); apt-get install python3"));
    assert!(
        out.status.success(),
        "poplib failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace();
    let secs: f64 = parts.next().and_then(|s| s.parse().ok()).expect("seconds");
    let bytes: u64 = parts.next().and_then(|s| s.parse().ok()).expect("bytes");
    (secs, bytes)
}

/// Copies `from` to `to`, delivering each chunk `delay` after it arrived.
fn delayed_pipe(mut from: TcpStream, mut to: TcpStream, delay: Duration, name: &str) {
    let (tx, rx) = mpsc::channel::<(Instant, Vec<u8>)>();
    std::thread::Builder::new()
        .name(format!("{name}-read"))
        .spawn(move || {
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                match from.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx
                            .send((Instant::now() + delay, buf[..n].to_vec()))
                            .is_err()
                        {
                            break;
                        }
                    }
                }
            }
        })
        .expect("spawn proxy reader");
    std::thread::Builder::new()
        .name(format!("{name}-write"))
        .spawn(move || {
            for (due, chunk) in rx {
                let now = Instant::now();
                if due > now {
                    std::thread::sleep(due - now);
                }
                if to.write_all(&chunk).is_err() {
                    break;
                }
            }
            let _ = to.shutdown(Shutdown::Write);
        })
        .expect("spawn proxy writer");
}

/// A TCP proxy on 127.0.0.1 adding `2 × one_way` of round-trip time.
fn start_delay_proxy(upstream_port: u16, one_way: Duration) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
    let port = listener.local_addr().expect("proxy addr").port();
    std::thread::Builder::new()
        .name("delay-proxy".into())
        .spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream_port)) else {
                    continue;
                };
                let _ = client.set_nodelay(true);
                let _ = server.set_nodelay(true);
                let (c2, s2) = match (client.try_clone(), server.try_clone()) {
                    (Ok(c), Ok(s)) => (c, s),
                    _ => continue,
                };
                delayed_pipe(client, s2, one_way, "proxy-up");
                delayed_pipe(server, c2, one_way, "proxy-down");
            }
        })
        .expect("spawn proxy");
    port
}

fn report(prefix: &str, (secs, bytes): (f64, u64), count: usize) -> f64 {
    let rate = count as f64 / secs;
    println!("{prefix}_messages_per_s: {rate:.0} msg/s");
    println!("{prefix}_throughput: {:.1} MB/s", bytes as f64 / secs / 1e6);
    println!("{prefix}_seconds: {secs:.2} s");
    rate
}

fn main() {
    let d = Dovecot::start(&DovecotOptions {
        users: vec![
            ("alice".into(), "alice-pw".into()),
            ("bob".into(), "bob-pw".into()),
        ],
        ..DovecotOptions::default()
    });
    let seeded = seed(&d, "alice", LOOPBACK_MESSAGES);
    seed(&d, "bob", RTT_MESSAGES);
    println!("pop3_corpus_messages: {LOOPBACK_MESSAGES} messages");
    println!("pop3_corpus_size: {:.1} MB", seeded as f64 / 1e6);

    // Warm-up: let Dovecot build its indexes before timing.
    for user in ["alice", "bob"] {
        let mut c = Client::connect(&config(&d, user, d.tls_port(), true)).expect("connect");
        c.login().expect("login");
        c.uidl().expect("uidl");
        c.quit().expect("quit");
    }

    let n = LOOPBACK_MESSAGES;
    let a = report(
        "pop3_loopback_pipelined",
        ours(&config(&d, "alice", d.tls_port(), true), n),
        n,
    );
    let b = report(
        "pop3_loopback_lockstep",
        ours(&config(&d, "alice", d.tls_port(), false), n),
        n,
    );
    let c = report(
        "pop3_loopback_poplib",
        poplib(&d, "alice", d.tls_port(), n),
        n,
    );
    println!("pop3_loopback_pipelined_vs_poplib: {:.2} x", a / c);
    println!("pop3_loopback_lockstep_vs_poplib: {:.2} x", b / c);

    let proxy = start_delay_proxy(d.tls_port(), ONE_WAY_DELAY);
    let n = RTT_MESSAGES;
    let a = report(
        "pop3_rtt50_pipelined",
        ours(&config(&d, "bob", proxy, true), n),
        n,
    );
    let c = report("pop3_rtt50_poplib", poplib(&d, "bob", proxy, n), n);
    println!("pop3_rtt50_pipelined_vs_poplib: {:.2} x", a / c);
}

//! The demo server's sockets and threads.
//!
//! A listener thread (`popmail-demo-listen`) accepts connections on 127.0.0.1 and
//! gives each its own thread (`popmail-demo-conn-N`), at most [`MAX_CONNECTIONS`] at
//! once. RFC 1939 §8's maildrop lock lets only one of them into the TRANSACTION
//! state; the others get `-ERR [IN-USE]` at `PASS`.
//!
//! Commands are read as CRLF- (or LF-) terminated lines of at most [`MAX_LINE`]
//! octets (RFC 2449 §4 allows 255 for a command). Pipelined commands (RFC 2449 §6.6)
//! are answered in order. An idle client is logged out after [`IDLE_TIMEOUT`]
//! (RFC 1939 §3 asks for at least ten minutes), without entering the UPDATE state.
//!
//! [`DemoServer::stop`] (or dropping the server) sets a flag, wakes the listener
//! with a connection of its own, closes every connection within about [`POLL`],
//! and joins all threads.

use std::io::{ErrorKind, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::maildrop::Maildrop;
use super::session::{self, Flow, GREETING, Session};
use super::{Error, sample_messages};

/// The longest command line accepted, CRLF included.
const MAX_LINE: usize = 512;
/// The most connections served at once; more are turned away with `-ERR`.
const MAX_CONNECTIONS: usize = 16;
/// How often blocked threads look at the stop flag.
const POLL: Duration = Duration::from_millis(50);
/// How long a client may stay silent before it is logged out.
const IDLE_TIMEOUT: Duration = Duration::from_secs(600);
/// How long stopping waits to connect to its own listener.
const WAKE_TIMEOUT: Duration = Duration::from_secs(2);
/// How long a write may block on a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// Replies are sent once this many bytes are pending, even mid-pipeline.
const FLUSH_AT: usize = 64 * 1024;

/// The demo POP3 server, serving [`sample_messages`] on 127.0.0.1.
///
/// It runs on its own threads from [`DemoServer::start`] until [`DemoServer::stop`]
/// or until it is dropped. Deletions last only as long as this value.
pub struct DemoServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    listener: Option<JoinHandle<()>>,
}

impl DemoServer {
    /// The user name the demo server accepts.
    pub const USER: &str = session::USER;
    /// The password the demo server accepts (it guards only public sample data).
    pub const PASSWORD: &str = session::PASSWORD;

    /// Starts a demo server on 127.0.0.1 with a port the system picks.
    pub fn start() -> Result<DemoServer, Error> {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
        let listener = TcpListener::bind(addr).map_err(|source| Error::Bind {
            addr: addr.to_string(),
            source,
        })?;
        let addr = listener.local_addr().map_err(|source| Error::Socket {
            what: "reading the port",
            source,
        })?;
        let stop = Arc::new(AtomicBool::new(false));
        let maildrop = Arc::new(Maildrop::new(sample_messages()));
        let thread_stop = Arc::clone(&stop);
        let listener = std::thread::Builder::new()
            .name("popmail-demo-listen".into())
            .spawn(move || accept_loop(&listener, &maildrop, &thread_stop))
            .map_err(|source| Error::Spawn { source })?;
        Ok(DemoServer {
            addr,
            stop,
            listener: Some(listener),
        })
    }

    /// The TCP port the server listens on (on 127.0.0.1).
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The full address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops the server: closes the listener and every connection, and waits for
    /// the threads to end. Dropping the server does the same.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let Some(handle) = self.listener.take() else {
            return;
        };
        // The listener blocks in accept(): a connection of our own wakes it up to see
        // the flag. If even that fails, leave the thread be rather than hang here.
        if TcpStream::connect_timeout(&self.addr, WAKE_TIMEOUT).is_ok() {
            // The thread never panics; if it somehow did, there is nothing left to clean.
            let _ = handle.join();
        }
    }
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}

impl std::fmt::Debug for DemoServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

fn accept_loop(listener: &TcpListener, maildrop: &Arc<Maildrop>, stop: &Arc<AtomicBool>) {
    let active = Arc::new(AtomicUsize::new(0));
    // Each connection's thread, and a handle on its socket to cut it off on stop.
    let mut threads: Vec<(JoinHandle<()>, Option<TcpStream>)> = Vec::new();
    let mut next_id = 0u64;
    while !stop.load(Ordering::SeqCst) {
        threads.retain(|(handle, _)| !handle.is_finished());
        let stream = match listener.accept() {
            Ok((_, _)) if stop.load(Ordering::SeqCst) => break, // the wake-up connection
            Ok((stream, _)) => stream,
            Err(_) => {
                // A connection that died before we accepted it, or a full fd table: wait a bit.
                std::thread::sleep(POLL);
                continue;
            }
        };
        if active.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            let mut stream = stream;
            // A courtesy to a client we turn away: if it cannot be told, it sees the close.
            let _ = stream.set_write_timeout(Some(POLL));
            let _ = stream.write_all(b"-ERR [SYS/TEMP] too many connections, try again later\r\n");
            continue;
        }
        next_id += 1;
        active.fetch_add(1, Ordering::SeqCst);
        let guard = ActiveGuard(Arc::clone(&active));
        let maildrop = Arc::clone(maildrop);
        let stop = Arc::clone(stop);
        // Without a clone, stopping cannot cut this connection off; it still ends
        // at its next read timeout, when it sees the stop flag.
        let socket = stream.try_clone().ok();
        let spawned = std::thread::Builder::new()
            .name(format!("popmail-demo-conn-{next_id}"))
            .spawn(move || {
                let _guard = guard;
                let mut stream = stream;
                serve(&mut stream, maildrop, &stop);
                // Close for real even though the listener thread holds a clone of the socket.
                // An error means it is closed already.
                let _ = stream.shutdown(std::net::Shutdown::Both);
            });
        // If the thread could not start, the closure (stream and guard) is dropped:
        // the client sees the connection close and the count goes back down.
        if let Ok(handle) = spawned {
            threads.push((handle, socket));
        }
    }
    for (handle, socket) in threads {
        // Unblocks a write to a client that stopped reading; reads notice the flag anyway.
        // An error means the socket is closed already.
        if let Some(socket) = socket {
            let _ = socket.shutdown(std::net::Shutdown::Both);
        }
        // Connection threads never panic; if one did, there is nothing left to clean.
        let _ = handle.join();
    }
}

/// Decrements the active-connection count when a connection thread ends.
struct ActiveGuard(Arc<AtomicUsize>);

impl Drop for ActiveGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Serves one connection until QUIT, an error, idleness or the stop flag.
/// I/O errors end the connection; they are the client's to report.
fn serve(stream: &mut TcpStream, maildrop: Arc<Maildrop>, stop: &AtomicBool) {
    let setup = stream
        .set_nonblocking(false)
        .and_then(|()| stream.set_read_timeout(Some(POLL)))
        .and_then(|()| stream.set_write_timeout(Some(WRITE_TIMEOUT)))
        .and_then(|()| stream.set_nodelay(true))
        .and_then(|()| stream.write_all(GREETING));
    if setup.is_err() {
        return;
    }
    let mut session = Session::new(maildrop);
    let mut pending: Vec<u8> = Vec::new();
    let mut out: Vec<u8> = Vec::new();
    let mut discarding = false; // inside an over-long line, skipping to its end
    let mut chunk = [0u8; 4096];
    let mut last_input = Instant::now();
    loop {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let read = match stream.read(&mut chunk) {
            Ok(0) => return,
            Ok(read) => read,
            Err(err) if matches!(err.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                if last_input.elapsed() >= IDLE_TIMEOUT {
                    // Closing anyway: a client that cannot be told sees the close.
                    let _ = stream.write_all(b"-ERR idle for too long, logging out\r\n");
                    return;
                }
                continue;
            }
            Err(err) if err.kind() == ErrorKind::Interrupted => continue,
            Err(_) => return,
        };
        last_input = Instant::now();
        pending.extend_from_slice(chunk.get(..read).unwrap_or_default());
        let mut flow = Flow::Continue;
        while flow == Flow::Continue {
            let Some(newline) = pending.iter().position(|&byte| byte == b'\n') else {
                if pending.len() > MAX_LINE && !discarding {
                    flow = session.too_long(&mut out);
                    discarding = true;
                }
                if discarding {
                    pending.clear();
                }
                break;
            };
            let line: Vec<u8> = pending.drain(..=newline).collect();
            if std::mem::take(&mut discarding) {
                continue; // the tail of an over-long line, already answered
            }
            let line = line.strip_suffix(b"\n").unwrap_or(&line);
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            flow = if line.len() + 2 > MAX_LINE {
                session.too_long(&mut out)
            } else {
                session.handle(line, &mut out)
            };
            if out.len() >= FLUSH_AT {
                if stream.write_all(&out).is_err() {
                    return;
                }
                out.clear();
            }
        }
        if stream.write_all(&out).is_err() {
            return;
        }
        out.clear();
        if flow == Flow::Close {
            // Closing anyway; the client sees the close if the flush fails.
            let _ = stream.flush();
            return;
        }
    }
}

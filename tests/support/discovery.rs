//! Local servers for the settings-discovery tests, in the style of
//! [`super::idp`]:
//! - [`FixtureServer`]: HTTP/1.1 on 127.0.0.1 answering `GET` from a table
//!   of paths (a body, a redirect, or a 50 MB flood), one request per
//!   connection, recording what was asked;
//! - [`DnsStub`]: a UDP name server on 127.0.0.1 answering SRV questions
//!   from a table (RFC 1035 messages through `hickory-proto`), NXDOMAIN
//!   otherwise, counting questions.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use hickory_proto::op::{Message, MessageType, ResponseCode};
use hickory_proto::rr::rdata::SRV;
use hickory_proto::rr::{Name, RData, Record, RecordType};

/// One answer of the fixture server.
#[derive(Clone)]
pub enum Answer {
    /// 200 with this body.
    Body(Vec<u8>),
    /// A redirect (302) to this address.
    Redirect(String),
    /// 200 with this many bytes of `<a>` elements, streamed.
    Flood(usize),
    /// This status, empty body.
    Status(u16),
}

/// An HTTP server answering from a table of paths (404 elsewhere).
pub struct FixtureServer {
    port: u16,
    routes: Arc<Mutex<HashMap<String, Answer>>>,
    asked: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl FixtureServer {
    pub fn start() -> FixtureServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let routes: Arc<Mutex<HashMap<String, Answer>>> = Arc::default();
        let asked: Arc<Mutex<Vec<String>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (r, a, st) = (Arc::clone(&routes), Arc::clone(&asked), Arc::clone(&stop));
        let thread = std::thread::Builder::new()
            .name("fixture-http".into())
            .spawn(move || {
                while !st.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let (r, a) = (Arc::clone(&r), Arc::clone(&a));
                            std::thread::Builder::new()
                                .name("fixture-http-conn".into())
                                .spawn(move || serve(stream, &r, &a))
                                .unwrap();
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
            .unwrap();
        FixtureServer {
            port,
            routes,
            asked,
            stop,
            thread: Some(thread),
        }
    }

    /// `http://127.0.0.1:PORT{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Answers `path` with `answer` from now on.
    pub fn route(&self, path: &str, answer: Answer) {
        self.routes.lock().unwrap().insert(path.to_string(), answer);
    }

    /// The paths asked so far, in order.
    pub fn asked(&self) -> Vec<String> {
        self.asked.lock().unwrap().clone()
    }
}

impl Drop for FixtureServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join(); // a panicked server thread already failed its test
        }
    }
}

fn serve(
    mut stream: TcpStream,
    routes: &Mutex<HashMap<String, Answer>>,
    asked: &Mutex<Vec<String>>,
) {
    stream.set_nonblocking(false).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf).to_string();
    let path = head
        .split(' ')
        .nth(1)
        .unwrap_or("/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    asked.lock().unwrap().push(path.clone());
    let answer = routes.lock().unwrap().get(&path).cloned();
    // The client may hang up early (size limit): write errors are expected.
    let _ = match answer {
        Some(Answer::Body(body)) => stream
            .write_all(
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                )
                .as_bytes(),
            )
            .and_then(|()| stream.write_all(&body)),
        Some(Answer::Redirect(to)) => stream.write_all(
            format!(
                "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
            .as_bytes(),
        ),
        Some(Answer::Flood(n)) => flood(&mut stream, n),
        Some(Answer::Status(code)) => stream.write_all(
            format!("HTTP/1.1 {code} Oops\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        ),
        None => stream.write_all(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        ),
    };
}

fn flood(stream: &mut TcpStream, n: usize) -> std::io::Result<()> {
    stream.write_all(
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n<clientConfig>",
            n + 14
        )
        .as_bytes(),
    )?;
    let block = b"<a>x</a>".repeat(8192);
    let mut left = n;
    while left > 0 {
        let k = left.min(block.len());
        stream.write_all(&block[..k])?;
        left -= k;
    }
    Ok(())
}

/// Name → SRV records (priority, weight, port, target).
type SrvTable = HashMap<String, Vec<(u16, u16, u16, String)>>;

/// A UDP name server answering SRV questions from a table.
pub struct DnsStub {
    addr: SocketAddr,
    records: Arc<Mutex<SrvTable>>,
    questions: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl DnsStub {
    pub fn start() -> DnsStub {
        let socket = UdpSocket::bind("127.0.0.1:0").unwrap();
        socket
            .set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        let addr = socket.local_addr().unwrap();
        let records: Arc<Mutex<SrvTable>> = Arc::default();
        let questions = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (r, q, st) = (
            Arc::clone(&records),
            Arc::clone(&questions),
            Arc::clone(&stop),
        );
        let thread = std::thread::Builder::new()
            .name("dns-stub".into())
            .spawn(move || {
                let mut buf = [0u8; 1500];
                while !st.load(Ordering::SeqCst) {
                    let Ok((n, from)) = socket.recv_from(&mut buf) else {
                        continue;
                    };
                    let Ok(question) = Message::from_vec(&buf[..n]) else {
                        continue;
                    };
                    q.fetch_add(1, Ordering::SeqCst);
                    let answer = answer(&question, &r.lock().unwrap());
                    // A lost answer shows as the client's timeout.
                    let _ = socket.send_to(&answer.to_vec().unwrap(), from);
                }
            })
            .unwrap();
        DnsStub {
            addr,
            records,
            questions,
            stop,
            thread: Some(thread),
        }
    }

    /// The stub's address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Adds an SRV record (priority, weight, port, target) for `name`.
    pub fn srv(&self, name: &str, priority: u16, weight: u16, port: u16, target: &str) {
        self.records
            .lock()
            .unwrap()
            .entry(name.trim_end_matches('.').to_ascii_lowercase())
            .or_default()
            .push((priority, weight, port, target.to_string()));
    }

    /// Questions answered so far.
    pub fn questions(&self) -> usize {
        self.questions.load(Ordering::SeqCst)
    }
}

impl Drop for DnsStub {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join(); // a panicked stub already failed its test
        }
    }
}

fn answer(question: &Message, table: &SrvTable) -> Message {
    let mut out = Message::new(
        question.metadata.id,
        MessageType::Response,
        question.metadata.op_code,
    );
    out.metadata.recursion_desired = question.metadata.recursion_desired;
    out.metadata.recursion_available = true;
    let Some(q) = question.queries.first() else {
        out.metadata.response_code = ResponseCode::FormErr;
        return out;
    };
    out.add_query(q.clone());
    let name = q
        .name()
        .to_ascii()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    match table.get(&name) {
        Some(records) if q.query_type() == RecordType::SRV => {
            for (priority, weight, port, target) in records {
                let target = if target == "." {
                    Name::root()
                } else {
                    Name::from_ascii(format!("{target}.")).unwrap()
                };
                out.add_answer(Record::from_rdata(
                    q.name().clone(),
                    60,
                    RData::SRV(SRV::new(*priority, *weight, *port, target)),
                ));
            }
        }
        Some(_) => {}
        None => out.metadata.response_code = ResponseCode::NXDomain,
    }
    out
}

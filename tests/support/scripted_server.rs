//! A scripted in-process POP3 server on 127.0.0.1 that misbehaves on cue.
//!
//! It speaks enough RFC 1939 / RFC 2449 (CAPA, USER/PASS, STAT, LIST, UIDL,
//! RETR, TOP, DELE, RSET, NOOP, QUIT), and on request RFC 5034 `AUTH`
//! (PLAIN, LOGIN, CRAM-MD5, as Thunderbird's fake server `Pop3d.sys.mjs`
//! does), to run a session over a list of
//! in-memory messages, and applies one [`Fault`] when a given command
//! arrives: drop the connection, answer -ERR, stall, or send broken replies.
//! It complements Dovecot (the real server); it does not replace it.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What goes wrong, and when (`on` is a command keyword such as `"RETR"`,
/// or `"GREETING"` for the greeting).
#[derive(Debug, Clone)]
pub enum Fault {
    /// Behave.
    None,
    /// Close the connection instead of answering `on`.
    DropAt(&'static str),
    /// Close the connection halfway through the reply to `on` (multi-line replies).
    DropMidReply(&'static str),
    /// Answer `-ERR` to `on`.
    ErrTo(&'static str),
    /// Answer `on` with bare LF line endings throughout.
    BareLf(&'static str),
    /// Answer `on` with a status line of this many bytes.
    LongStatus(&'static str, usize),
    /// Send a message body line of this many bytes in RETR.
    LongContentLine(usize),
    /// UIDL lists an invalid unique-id.
    InvalidUidl,
    /// UIDL lists the last message under the first one's unique-id.
    DuplicateUidl,
    /// RETR sends the body but never the terminating `.` line (and then stalls).
    NoTerminator,
    /// Never answer `on` (until the server is dropped).
    Stall(&'static str),
    /// Answer `on` with garbage instead of a status line.
    Garbage(&'static str),
    /// On the first connection only: answer `-ERR` to `on`, then hang up
    /// (a server refusing a SASL mechanism and closing).
    ErrAndHangUpOnce(&'static str),
}

/// What the server serves.
#[derive(Debug, Clone)]
pub struct ServerScript {
    /// Message contents (RFC 5322, CRLF line ends), numbered from 1.
    pub messages: Vec<Vec<u8>>,
    /// The fault to apply.
    pub fault: Fault,
    /// Extra CAPA lines (`PIPELINING` is always advertised, `STLS` never).
    pub capa: Vec<String>,
    /// The password PASS expects.
    pub password: String,
    /// Unique-ids UIDL lists, by message (`uid-N` for messages beyond it).
    pub uidls: Vec<String>,
    /// Standard CAPA lines to leave out (e.g. `"TOP"`).
    pub capa_without: Vec<&'static str>,
    /// Sizes LIST reports instead of the real ones: (message number, size).
    pub listed_sizes: Vec<(usize, u64)>,
    /// Answer `AUTH` (RFC 5034) for the mechanisms of a `SASL …` line in
    /// [`ServerScript::capa`]: PLAIN, LOGIN and CRAM-MD5, checked against
    /// the password. Off: `AUTH` is an unknown command.
    pub sasl: bool,
    /// The greeting instead of `+OK scripted ready <42.1@scripted>` (which
    /// carries an APOP timestamp).
    pub greeting: Option<&'static str>,
}

impl Default for ServerScript {
    fn default() -> Self {
        ServerScript {
            messages: vec![
                b"Subject: one\r\n\r\nbody one\r\n".to_vec(),
                b"Subject: two\r\n\r\n.dotted\r\n".to_vec(),
            ],
            fault: Fault::None,
            capa: Vec::new(),
            password: "secret".into(),
            uidls: Vec::new(),
            capa_without: Vec::new(),
            listed_sizes: Vec::new(),
            sasl: false,
            greeting: None,
        }
    }
}

/// A running scripted server; stops when dropped.
pub struct ScriptedServer {
    port: u16,
    stop: Arc<AtomicBool>,
    received: Arc<Mutex<Vec<String>>>,
}

impl ScriptedServer {
    /// Starts the server on a free loopback port.
    pub fn start(script: ServerScript) -> ScriptedServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener
            .set_nonblocking(true)
            .expect("nonblocking listener");
        let port = listener.local_addr().expect("local addr").port();
        let stop = Arc::new(AtomicBool::new(false));
        let received = Arc::new(Mutex::new(Vec::new()));
        let (stop2, received2) = (stop.clone(), received.clone());
        std::thread::Builder::new()
            .name("scripted-pop3".into())
            .spawn(move || {
                let mut connection = 0;
                while !stop2.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            connection += 1;
                            let _ = stream.set_nonblocking(false);
                            let mut s = Session {
                                script: &script,
                                stop: &stop2,
                                received: &received2,
                                deleted: vec![],
                                sasl: None,
                                connection,
                            };
                            let _ = s.run(stream);
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
            .expect("spawn scripted server");
        ScriptedServer {
            port,
            stop,
            received,
        }
    }

    /// The port it listens on (127.0.0.1).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Every command line received so far, verbatim.
    pub fn received(&self) -> Vec<String> {
        self.received.lock().expect("lock").clone()
    }
}

impl Drop for ScriptedServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

struct Session<'a> {
    script: &'a ServerScript,
    stop: &'a AtomicBool,
    received: &'a Mutex<Vec<String>>,
    deleted: Vec<usize>,
    /// 1 for the first connection accepted, 2 for the next, …
    connection: usize,
    /// A SASL exchange waiting for the client's next line: mechanism, step,
    /// and the CRAM-MD5 challenge.
    sasl: Option<(&'static str, u8, String)>,
}

enum Next {
    Continue,
    Close,
}

fn stuff(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for line in body.split_inclusive(|b| *b == b'\n') {
        if line.first() == Some(&b'.') {
            out.push(b'.');
        }
        out.extend_from_slice(line);
    }
    out
}

impl Session<'_> {
    fn stall(&self) {
        while !self.stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn run(&mut self, stream: TcpStream) -> std::io::Result<()> {
        let mut out = stream.try_clone()?;
        let mut reader = BufReader::new(stream);
        if let Some(Next::Close) = self.fault_at(
            "GREETING",
            &mut out,
            self.script
                .greeting
                .unwrap_or("+OK scripted ready <42.1@scripted>"),
        )? {
            return Ok(());
        }
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let cmd = line.trim_end().to_string();
            self.received.lock().expect("lock").push(cmd.clone());
            let keyword = cmd.split(' ').next().unwrap_or("").to_ascii_uppercase();
            if let Next::Close = self.answer(&keyword, &cmd, &mut out)? {
                return Ok(());
            }
        }
    }

    /// Applies a fault for `keyword` if one is scripted; `Some` when it did.
    fn fault_at(
        &self,
        keyword: &str,
        out: &mut TcpStream,
        normal: &str,
    ) -> std::io::Result<Option<Next>> {
        match &self.script.fault {
            Fault::DropAt(k) if *k == keyword => Ok(Some(Next::Close)),
            Fault::ErrAndHangUpOnce(k) if *k == keyword && self.connection == 1 => {
                out.write_all(b"-ERR scripted refusal, goodbye\r\n")?;
                Ok(Some(Next::Close))
            }
            Fault::ErrTo(k) if *k == keyword => {
                out.write_all(b"-ERR scripted refusal\r\n")?;
                Ok(Some(Next::Continue))
            }
            Fault::Stall(k) if *k == keyword => {
                self.stall();
                Ok(Some(Next::Close))
            }
            Fault::LongStatus(k, n) if *k == keyword => {
                out.write_all(format!("+OK {}\r\n", "x".repeat(*n)).as_bytes())?;
                Ok(Some(Next::Continue))
            }
            Fault::Garbage(k) if *k == keyword => {
                out.write_all(b"\x00\xffHELLO?\r\n")?;
                Ok(Some(Next::Continue))
            }
            _ if keyword == "GREETING" => {
                out.write_all(format!("{normal}\r\n").as_bytes())?;
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    fn send(&self, keyword: &str, out: &mut TcpStream, text: &str) -> std::io::Result<Next> {
        let bytes = if matches!(&self.script.fault, Fault::BareLf(k) if *k == keyword) {
            text.replace("\r\n", "\n").into_bytes()
        } else {
            text.as_bytes().to_vec()
        };
        if matches!(&self.script.fault, Fault::DropMidReply(k) if *k == keyword) {
            out.write_all(&bytes[..bytes.len() / 2])?;
            return Ok(Next::Close);
        }
        out.write_all(&bytes)?;
        Ok(Next::Continue)
    }

    fn live(&self) -> Vec<(usize, &Vec<u8>)> {
        self.script
            .messages
            .iter()
            .enumerate()
            .map(|(i, m)| (i + 1, m))
            .filter(|(i, _)| !self.deleted.contains(i))
            .collect()
    }

    fn offers(&self, mechanism: &str) -> bool {
        self.script.sasl
            && self.script.capa.iter().any(|c| {
                c.strip_prefix("SASL ")
                    .is_some_and(|m| m.split(' ').any(|m| m.eq_ignore_ascii_case(mechanism)))
            })
    }

    fn check_password(&self, password: &[u8]) -> &'static str {
        if password == self.script.password.as_bytes() {
            "+OK logged in\r\n"
        } else {
            "-ERR [AUTH] wrong password\r\n"
        }
    }

    /// A SASL step (RFC 5034 §4): the reply to the client's line `line`.
    fn sasl_step(
        &mut self,
        mechanism: &'static str,
        step: u8,
        challenge: String,
        line: &str,
    ) -> String {
        use base64::Engine as _;
        let b64 = base64::engine::general_purpose::STANDARD;
        if line == "*" {
            return "-ERR cancelled\r\n".into();
        }
        let Ok(data) = b64.decode(line) else {
            return "-ERR bad base64\r\n".into();
        };
        match (mechanism, step) {
            ("PLAIN", _) => {
                let parts: Vec<&[u8]> = data.split(|b| *b == 0).collect();
                match parts.as_slice() {
                    [_, _, password] => self.check_password(password).into(),
                    _ => "-ERR bad PLAIN response\r\n".into(),
                }
            }
            ("LOGIN", 0) => {
                self.sasl = Some(("LOGIN", 1, String::new()));
                format!("+ {}\r\n", b64.encode("Password:"))
            }
            ("LOGIN", _) => self.check_password(&data).into(),
            _ => {
                use hmac::{KeyInit, Mac};
                let text = String::from_utf8_lossy(&data).into_owned();
                let digest = text.rsplit(' ').next().unwrap_or_default().to_string();
                let mut mac =
                    hmac::Hmac::<md5::Md5>::new_from_slice(self.script.password.as_bytes())
                        .expect("any key length");
                mac.update(challenge.as_bytes());
                let expected: String = mac
                    .finalize()
                    .into_bytes()
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                if digest == expected {
                    "+OK logged in\r\n".into()
                } else {
                    "-ERR [AUTH] wrong password\r\n".into()
                }
            }
        }
    }

    /// `AUTH mechanism [initial-response]` when SASL is scripted.
    fn auth(&mut self, cmd: &str) -> String {
        use base64::Engine as _;
        let b64 = base64::engine::general_purpose::STANDARD;
        let mut parts = cmd.split(' ').skip(1);
        let mechanism = parts.next().unwrap_or_default().to_ascii_uppercase();
        let initial = parts.next();
        if !self.offers(&mechanism) {
            return "-ERR unsupported mechanism\r\n".into();
        }
        match (mechanism.as_str(), initial) {
            ("PLAIN", Some(response)) => self.sasl_step("PLAIN", 0, String::new(), response),
            ("PLAIN", None) => {
                self.sasl = Some(("PLAIN", 0, String::new()));
                "+ \r\n".into()
            }
            ("LOGIN", _) => {
                self.sasl = Some(("LOGIN", 0, String::new()));
                format!("+ {}\r\n", b64.encode("Username:"))
            }
            ("CRAM-MD5", _) => {
                let challenge = format!("<{}.1@scripted>", self.connection);
                self.sasl = Some(("CRAM-MD5", 0, challenge.clone()));
                format!("+ {}\r\n", b64.encode(challenge))
            }
            _ => "-ERR unsupported mechanism\r\n".into(),
        }
    }

    fn answer(&mut self, keyword: &str, cmd: &str, out: &mut TcpStream) -> std::io::Result<Next> {
        if let Some((mechanism, step, challenge)) = self.sasl.take() {
            let reply = self.sasl_step(mechanism, step, challenge, cmd);
            return self.send("AUTH", out, &reply);
        }
        if let Some(next) = self.fault_at(keyword, out, "")? {
            return Ok(next);
        }
        let arg = |i: usize| {
            cmd.split(' ')
                .nth(i)
                .and_then(|a| a.parse::<usize>().ok())
                .unwrap_or(0)
        };
        let reply = match keyword {
            "CAPA" => {
                let extra: String = self
                    .script
                    .capa
                    .iter()
                    .map(|c| format!("{c}\r\n"))
                    .collect();
                let standard: String = ["TOP", "UIDL", "USER", "RESP-CODES", "PIPELINING"]
                    .iter()
                    .filter(|c| !self.script.capa_without.contains(c))
                    .map(|c| format!("{c}\r\n"))
                    .collect();
                format!("+OK\r\n{standard}{extra}.\r\n")
            }
            "AUTH" if self.script.sasl => self.auth(cmd),
            "USER" => "+OK\r\n".into(),
            "PASS" if cmd.get(5..) == Some(self.script.password.as_str()) => {
                "+OK logged in\r\n".into()
            }
            "PASS" => "-ERR [AUTH] wrong password\r\n".into(),
            "STAT" => {
                let live = self.live();
                format!(
                    "+OK {} {}\r\n",
                    live.len(),
                    live.iter().map(|(_, m)| m.len()).sum::<usize>()
                )
            }
            "LIST" => {
                let lines: String = self
                    .live()
                    .iter()
                    .map(|(i, m)| {
                        let listed = self.script.listed_sizes.iter().find(|(n, _)| n == i);
                        let size = listed.map_or(m.len() as u64, |(_, s)| *s);
                        format!("{i} {size}\r\n")
                    })
                    .collect();
                format!("+OK\r\n{lines}.\r\n")
            }
            "UIDL" => {
                let last = self.script.messages.len();
                let mut lines: String = self
                    .live()
                    .iter()
                    .map(|(i, _)| match self.script.uidls.get(i - 1) {
                        _ if matches!(self.script.fault, Fault::DuplicateUidl) && *i == last => {
                            format!("{i} uid-1\r\n")
                        }
                        Some(u) => format!("{i} {u}\r\n"),
                        None => format!("{i} uid-{i}\r\n"),
                    })
                    .collect();
                if let Fault::InvalidUidl = self.script.fault {
                    lines.push_str("3 bad\x01uid\r\n");
                }
                format!("+OK\r\n{lines}.\r\n")
            }
            "RETR" | "TOP" => {
                let n = arg(1);
                let Some(msg) = self
                    .script
                    .messages
                    .get(n.wrapping_sub(1))
                    .filter(|_| !self.deleted.contains(&n))
                else {
                    return self.send(keyword, out, "-ERR no such message\r\n");
                };
                let mut body = String::from_utf8_lossy(&stuff(msg)).into_owned();
                if let Fault::LongContentLine(len) = self.script.fault {
                    body.push_str(&"y".repeat(len));
                    body.push_str("\r\n");
                }
                if let Fault::NoTerminator = self.script.fault {
                    out.write_all(format!("+OK\r\n{body}").as_bytes())?;
                    self.stall();
                    return Ok(Next::Close);
                }
                format!("+OK {} octets\r\n{body}.\r\n", msg.len())
            }
            "DELE" => {
                let n = arg(1);
                if n == 0 || n > self.script.messages.len() || self.deleted.contains(&n) {
                    "-ERR no such message\r\n".into()
                } else {
                    self.deleted.push(n);
                    "+OK deleted\r\n".into()
                }
            }
            "RSET" => {
                self.deleted.clear();
                "+OK\r\n".into()
            }
            "NOOP" => "+OK\r\n".into(),
            "QUIT" => {
                self.send(keyword, out, "+OK bye\r\n")?;
                return Ok(Next::Close);
            }
            _ => "-ERR unknown command\r\n".into(),
        };
        self.send(keyword, out, &reply)
    }
}

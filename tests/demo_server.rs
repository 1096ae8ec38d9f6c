//! The embedded demo POP3 server (`popmail::demo`), spoken to over a plain
//! `TcpStream` the way RFC 1939 describes: greeting, USER/PASS, STAT, LIST, UIDL,
//! RETR (with byte-stuffing undone here), TOP, DELE/RSET/QUIT, CAPA and pipelining,
//! plus the answers to bad input.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use popmail::demo::{DemoServer, sample_messages};

/// A minimal blocking POP3 client for these tests.
struct Client {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Client {
    /// Connects and returns the client with the greeting line.
    fn connect(server: &DemoServer) -> (Client, String) {
        let stream =
            TcpStream::connect(("127.0.0.1", server.port())).expect("connect to demo server");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("set read timeout");
        let writer = stream.try_clone().expect("clone stream");
        let mut client = Client {
            reader: BufReader::new(stream),
            writer,
        };
        let greeting = client.line();
        (client, greeting)
    }

    /// Connects and logs in with the demo credentials. A session that a previous
    /// test step dropped without QUIT may hold the maildrop lock for a moment
    /// (until the server reads its EOF), so `[IN-USE]` is retried briefly.
    fn login(server: &DemoServer) -> Client {
        let (mut client, greeting) = Client::connect(server);
        assert!(greeting.starts_with("+OK"), "greeting: {greeting}");
        for _attempt in 0..10 {
            let user = client.cmd(&format!("USER {}", DemoServer::USER));
            assert!(user.starts_with("+OK"), "USER: {user}");
            let pass = client.cmd(&format!("PASS {}", DemoServer::PASSWORD));
            if pass.starts_with("+OK") {
                return client;
            }
            assert!(pass.starts_with("-ERR [IN-USE]"), "PASS: {pass}");
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the maildrop stayed locked after the previous session ended");
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to demo server");
    }

    /// One reply line, without its CRLF; panics if the line does not end in CRLF.
    fn line(&mut self) -> String {
        let mut line = Vec::new();
        self.reader
            .read_until(b'\n', &mut line)
            .expect("read reply line");
        assert!(
            line.ends_with(b"\r\n"),
            "reply not CRLF-terminated: {line:?}"
        );
        line.truncate(line.len() - 2);
        String::from_utf8(line).expect("reply line is UTF-8")
    }

    /// Sends a command and returns the first reply line.
    fn cmd(&mut self, command: &str) -> String {
        self.send_raw(format!("{command}\r\n").as_bytes());
        self.line()
    }

    /// Reads a multi-line body up to `.CRLF`; returns (raw wire bytes, un-stuffed bytes).
    fn body(&mut self) -> (Vec<u8>, Vec<u8>) {
        let mut raw = Vec::new();
        let mut data = Vec::new();
        loop {
            let mut line = Vec::new();
            let n = self.reader.read_until(b'\n', &mut line).expect("read body");
            assert!(n > 0, "connection closed inside a multi-line reply");
            assert!(
                line.ends_with(b"\r\n"),
                "body line not CRLF-terminated: {line:?}"
            );
            raw.extend_from_slice(&line);
            if line == b".\r\n" {
                return (raw, data);
            }
            let content = if line.starts_with(b".") {
                &line[1..]
            } else {
                &line[..]
            };
            data.extend_from_slice(content);
        }
    }

    /// Sends a multi-line command, checks `+OK`, and returns the un-stuffed body.
    fn multi(&mut self, command: &str) -> Vec<u8> {
        let status = self.cmd(command);
        assert!(status.starts_with("+OK"), "{command}: {status}");
        self.body().1
    }

    /// `UIDL` as (number, unique-id) pairs.
    fn uidls(&mut self) -> Vec<(usize, String)> {
        let body = String::from_utf8(self.multi("UIDL")).expect("UIDL is ASCII");
        body.lines()
            .map(|line| {
                let (number, uid) = line.split_once(' ').expect("UIDL line has two fields");
                (number.parse().expect("message number"), uid.to_owned())
            })
            .collect()
    }

    /// `STAT` as (count, octets).
    fn stat(&mut self) -> (usize, usize) {
        let reply = self.cmd("STAT");
        let mut fields = reply.split(' ');
        assert_eq!(fields.next(), Some("+OK"), "STAT: {reply}");
        let count = fields
            .next()
            .and_then(|f| f.parse().ok())
            .expect("STAT count");
        let size = fields
            .next()
            .and_then(|f| f.parse().ok())
            .expect("STAT size");
        (count, size)
    }

    /// Whether the server has closed the connection (reads EOF within the timeout).
    fn closed(&mut self) -> bool {
        let mut rest = Vec::new();
        self.reader.read_to_end(&mut rest).is_ok()
    }
}

fn start() -> DemoServer {
    DemoServer::start().expect("start the demo server")
}

#[test]
fn greeting_is_ok_and_login_works() {
    let server = start();
    let (mut client, greeting) = Client::connect(&server);
    assert!(greeting.starts_with("+OK "), "greeting: {greeting}");
    assert!(client.cmd("USER demo").starts_with("+OK"));
    assert!(client.cmd("PASS demo").starts_with("+OK"));
    assert!(client.cmd("NOOP").starts_with("+OK"));
    assert!(client.cmd("QUIT").starts_with("+OK"));
    assert!(client.closed(), "QUIT must close the connection");
}

#[test]
fn wrong_password_is_refused_with_auth_code() {
    let server = start();
    let (mut client, _) = Client::connect(&server);
    assert!(client.cmd("USER demo").starts_with("+OK"));
    let reply = client.cmd("PASS not-the-password");
    assert!(reply.starts_with("-ERR [AUTH]"), "wrong PASS: {reply}");
    // PASS without USER after a failure is refused, then a proper login works.
    assert!(client.cmd("PASS demo").starts_with("-ERR"));
    assert!(client.cmd("USER someone-else").starts_with("+OK"));
    assert!(client.cmd("PASS demo").starts_with("-ERR [AUTH]"));
    assert!(client.cmd("USER demo").starts_with("+OK"));
    assert!(client.cmd("PASS demo").starts_with("+OK"));
}

#[test]
fn stat_and_list_match_the_embedded_samples() {
    let server = start();
    let mut client = Client::login(&server);
    let samples = sample_messages();
    let total: usize = samples.iter().map(|(_, bytes)| bytes.len()).sum();
    assert_eq!(client.stat(), (samples.len(), total));
    let list = String::from_utf8(client.multi("LIST")).expect("LIST is ASCII");
    let sizes: Vec<String> = list.lines().map(str::to_owned).collect();
    let expected: Vec<String> = samples
        .iter()
        .enumerate()
        .map(|(i, (_, bytes))| format!("{} {}", i + 1, bytes.len()))
        .collect();
    assert_eq!(sizes, expected);
    assert_eq!(
        client.cmd("LIST 2"),
        format!("+OK 2 {}", samples[1].1.len())
    );
}

#[test]
fn uidls_are_unique_valid_and_stable_across_sessions_and_restarts() {
    let server = start();
    let first = Client::login(&server).uidls();
    let second = Client::login(&server).uidls();
    assert_eq!(first.len(), sample_messages().len());
    assert_eq!(first, second, "UIDL changed between two sessions");
    let mut ids: Vec<&String> = first.iter().map(|(_, uid)| uid).collect();
    for uid in &ids {
        assert!(
            (1..=70).contains(&uid.len()) && uid.bytes().all(|b| (0x21..=0x7e).contains(&b)),
            "RFC 1939 forbids this unique-id: {uid:?}"
        );
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), first.len(), "unique-ids are not unique");
    drop(server);
    let restarted = start();
    assert_eq!(
        Client::login(&restarted).uidls(),
        first,
        "UIDL changed across restarts"
    );
    let mut client = Client::login(&restarted);
    assert_eq!(client.cmd("UIDL 3"), format!("+OK 3 {}", first[2].1));
}

#[test]
fn retr_returns_exactly_the_embedded_bytes() {
    let server = start();
    let mut client = Client::login(&server);
    let mut saw_stuffing = false;
    for (i, (name, bytes)) in sample_messages().iter().enumerate() {
        let status = client.cmd(&format!("RETR {}", i + 1));
        assert_eq!(status, format!("+OK {} octets", bytes.len()), "{name}");
        let (raw, data) = client.body();
        saw_stuffing |= raw.windows(3).any(|w| w == b"\n..");
        assert!(
            data == *bytes,
            "RETR {} ({name}) differs from the embedded bytes",
            i + 1
        );
    }
    assert!(
        saw_stuffing,
        "no sample has a line starting with '.', so byte-stuffing went untested"
    );
}

#[test]
fn top_returns_the_header_and_the_first_body_lines() {
    let server = start();
    let mut client = Client::login(&server);
    let bytes = sample_messages()[0].1;
    let header_end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("header end")
        + 4;
    assert_eq!(client.multi("TOP 1 0"), bytes[..header_end].to_vec());
    let two_lines = client.multi("TOP 1 2");
    let body_lines: Vec<&[u8]> = bytes[header_end..]
        .split_inclusive(|&b| b == b'\n')
        .take(2)
        .collect();
    assert_eq!(
        two_lines,
        [&bytes[..header_end], &body_lines.concat()[..]].concat()
    );
    assert_eq!(client.multi("TOP 1 100000"), bytes.to_vec());
    assert!(client.cmd("TOP 1").starts_with("-ERR"));
    assert!(client.cmd("TOP 1 x").starts_with("-ERR"));
}

#[test]
fn dele_then_quit_removes_until_the_server_restarts() {
    let server = start();
    let count = sample_messages().len();
    let before = Client::login(&server).uidls();
    let mut client = Client::login(&server);
    assert!(client.cmd("DELE 1").starts_with("+OK"));
    assert!(client.cmd("DELE 3").starts_with("+OK"));
    assert!(
        client.cmd("RETR 1").starts_with("-ERR"),
        "RETR of a deleted message"
    );
    assert!(client.cmd("DELE 1").starts_with("-ERR"), "DELE twice");
    assert_eq!(client.stat().0, count - 2);
    let quit = client.cmd("QUIT");
    assert!(
        quit.starts_with("+OK") && quit.contains("2 messages deleted"),
        "QUIT: {quit}"
    );

    let mut client = Client::login(&server);
    assert_eq!(client.stat().0, count - 2);
    let after: Vec<String> = client.uidls().into_iter().map(|(_, uid)| uid).collect();
    let expected: Vec<String> = before
        .iter()
        .filter(|(number, _)| *number != 1 && *number != 3)
        .map(|(_, uid)| uid.clone())
        .collect();
    assert_eq!(
        after, expected,
        "remaining messages are renumbered from 1 in order"
    );
    // Message 1 of this session is the old message 2.
    let retr = client.multi("RETR 1");
    assert!(
        retr == sample_messages()[1].1,
        "renumbered RETR 1 is not the second sample"
    );
    drop(client);
    drop(server);

    let restarted = start();
    assert_eq!(
        Client::login(&restarted).stat().0,
        count,
        "deletions survived a restart"
    );
}

#[test]
fn dele_without_quit_or_with_rset_removes_nothing() {
    let server = start();
    let count = sample_messages().len();
    let mut client = Client::login(&server);
    assert!(client.cmd("DELE 2").starts_with("+OK"));
    drop(client); // connection lost: no UPDATE state
    let mut client = Client::login(&server);
    assert_eq!(client.stat().0, count);
    assert!(client.cmd("DELE 2").starts_with("+OK"));
    assert!(client.cmd("RSET").starts_with("+OK"));
    assert!(client.cmd("RETR 2").starts_with("+OK"));
    client.body();
    assert!(client.cmd("QUIT").starts_with("+OK"));
    assert_eq!(Client::login(&server).stat().0, count);
}

#[test]
fn bad_commands_answer_err_and_the_session_goes_on() {
    let server = start();
    let (mut client, _) = Client::connect(&server);
    for command in [
        "STAT",
        "RETR 1",
        "LIST",
        "NOOP",
        "PASS demo",
        "APOP demo 0123",
        "AUTH PLAIN",
        "FOO",
    ] {
        let reply = client.cmd(command);
        assert!(reply.starts_with("-ERR"), "{command} before login: {reply}");
    }
    // A fresh connection: the server closes one that has sent 20 bad commands.
    let mut client = Client::login(&server);
    let long = format!("LIST {}", "9".repeat(2000));
    for command in [
        "",
        "RETR",
        "RETR 0",
        "RETR 999",
        "RETR -1",
        "RETR abc",
        "RETR 1 2",
        "LIST 99999999999999999999",
        "DELE",
        "STAT 1",
        "USER demo",
        "XYZZY",
        long.as_str(),
    ] {
        let reply = client.cmd(command);
        assert!(reply.starts_with("-ERR"), "{command:.40}: {reply}");
    }
    client.send_raw(b"\xff\xfe\x00garbage\r\n");
    assert!(client.line().starts_with("-ERR"), "non-ASCII command");
    // Lower-case keywords are fine (RFC 1939 keywords are case-insensitive).
    assert!(client.cmd("noop").starts_with("+OK"));
    assert_eq!(client.stat().0, sample_messages().len());
}

#[test]
fn too_many_errors_close_the_connection() {
    let server = start();
    let (mut client, _) = Client::connect(&server);
    let mut replies = Vec::new();
    for _ in 0..20 {
        replies.push(client.cmd("BOGUS"));
    }
    assert!(replies.iter().all(|r| r.starts_with("-ERR")), "{replies:?}");
    assert!(client.closed(), "server kept a misbehaving client");
}

#[test]
fn capa_and_pipelined_commands_are_answered_in_order() {
    let server = start();
    let (mut client, _) = Client::connect(&server);
    let capa = String::from_utf8(client.multi("CAPA")).expect("CAPA is ASCII");
    for capability in ["USER", "TOP", "UIDL", "PIPELINING", "RESP-CODES"] {
        assert!(
            capa.lines().any(|line| line == capability),
            "CAPA lacks {capability}: {capa}"
        );
    }
    client.send_raw(b"USER demo\r\nPASS demo\r\nSTAT\r\nLIST 1\r\nRETR 2\r\nUIDL 2\r\nNOOP\r\n");
    assert!(client.line().starts_with("+OK"));
    assert!(client.line().starts_with("+OK"));
    assert!(
        client
            .line()
            .starts_with(&format!("+OK {} ", sample_messages().len()))
    );
    assert_eq!(
        client.line(),
        format!("+OK 1 {}", sample_messages()[0].1.len())
    );
    assert!(client.line().starts_with("+OK"));
    assert!(client.body().1 == sample_messages()[1].1);
    assert!(client.line().starts_with("+OK 2 "));
    assert!(client.line().starts_with("+OK"));
}

#[test]
fn a_second_session_is_refused_while_the_maildrop_is_locked() {
    let server = start();
    let mut first = Client::login(&server);
    let (mut second, _) = Client::connect(&server);
    assert!(second.cmd("USER demo").starts_with("+OK"));
    let reply = second.cmd("PASS demo");
    assert!(reply.starts_with("-ERR [IN-USE]"), "second login: {reply}");
    assert!(first.cmd("QUIT").starts_with("+OK"));
    assert!(first.closed());
    assert!(second.cmd("USER demo").starts_with("+OK"));
    assert!(
        second.cmd("PASS demo").starts_with("+OK"),
        "lock not released by QUIT"
    );
}

#[test]
fn many_sequential_sessions_are_served() {
    let server = start();
    for round in 0..40 {
        let mut client = Client::login(&server);
        assert_eq!(client.stat().0, sample_messages().len(), "round {round}");
        assert!(client.cmd("QUIT").starts_with("+OK"));
    }
}

#[test]
fn stopping_the_server_closes_open_connections() {
    let server = start();
    let port = server.port();
    let mut client = Client::login(&server);
    server.stop();
    assert!(client.closed(), "connection still open after stop()");
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "still accepting after stop()"
    );
}

#[test]
fn samples_are_the_assets_demo_files_with_crlf_line_ends() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("read assets/demo")
        .map(|entry| {
            entry
                .expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".eml"))
        .collect();
    on_disk.sort();
    let embedded: Vec<String> = sample_messages()
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    assert_eq!(
        embedded, on_disk,
        "src/demo/samples.rs and assets/demo/ disagree"
    );
    assert!((15..=25).contains(&embedded.len()));
    for (name, bytes) in sample_messages() {
        assert!(
            bytes.len() < 40 * 1024,
            "{name} is too big for a demo sample"
        );
        assert!(bytes.ends_with(b"\r\n"), "{name} does not end with CRLF");
        for (i, w) in bytes.windows(2).enumerate() {
            assert!(
                !(w[1] == b'\n' && w[0] != b'\r'),
                "{name}: bare LF at byte {}",
                i + 1
            );
            assert!(
                !(w[0] == b'\r' && w[1] != b'\n'),
                "{name}: bare CR at byte {i}"
            );
        }
        let text = String::from_utf8_lossy(bytes);
        for header in [
            "\r\nFrom: ",
            "\r\nDate: ",
            "\r\nSubject: ",
            "\r\nMessage-ID: ",
        ] {
            assert!(
                text.contains(header) || text.starts_with(&header[2..]),
                "{name} lacks {header:?}"
            );
        }
        assert_eq!(
            std::fs::read(dir.join(name)).expect("read sample"),
            *bytes,
            "{name}"
        );
    }
}

#[test]
fn stopping_does_not_wait_for_a_client_that_stopped_reading() {
    let server = start();
    let mut client = Client::login(&server);
    // Ask for far more than the socket buffers hold and never read it.
    let many = "RETR 5\r\n".repeat(2000);
    client.send_raw(many.as_bytes());
    std::thread::sleep(Duration::from_millis(200));
    let started = std::time::Instant::now();
    server.stop();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "stop() took {:?}",
        started.elapsed()
    );
}

#[test]
fn random_input_never_takes_the_server_down() {
    let server = start();
    let mut seed: u64 = 0x5eed_1234_abcd_0001;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as u32
    };
    let words = [
        "USER", "PASS", "STAT", "LIST", "RETR", "DELE", "TOP", "UIDL", "RSET", "NOOP", "CAPA",
    ];
    for _connection in 0..8 {
        let (mut client, _) = Client::connect(&server);
        let mut input = Vec::new();
        for _ in 0..300 {
            if next() % 2 == 0 {
                let word = words[next() as usize % words.len()];
                input.extend_from_slice(format!("{word} {} {}", next() % 30, next()).as_bytes());
            } else {
                let len = next() % 700;
                input.extend((0..len).map(|_| next() as u8));
            }
            input.extend_from_slice(if next() % 3 == 0 { b"\n" } else { b"\r\n" });
        }
        // The server may close the connection part-way (too many errors); that is fine.
        let _ = client.writer.write_all(&input);
        let mut rest = Vec::new();
        let _ = client.writer.shutdown(std::net::Shutdown::Write);
        let _ = client.reader.read_to_end(&mut rest);
    }
    let mut client = Client::login(&server);
    assert_eq!(client.stat().0, sample_messages().len());
}

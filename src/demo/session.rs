//! One POP3 session of the demo server, sans-IO: a command line in, reply bytes out.
//!
//! RFC 1939 states: AUTHORIZATION (`USER`, `PASS`, `QUIT`), TRANSACTION (`STAT`,
//! `LIST`, `RETR`, `DELE`, `NOOP`, `RSET`, `TOP`, `UIDL`, `QUIT`) and UPDATE (entered
//! by `QUIT`, where marked messages are removed). `CAPA` (RFC 2449 §5) works in both
//! states. Keywords are case-insensitive; message numbers are 1-based and keep their
//! number for the whole session even when marked deleted (RFC 1939 §6).
//!
//! Multi-line replies end with `CRLF.CRLF`; a line of the message that starts with
//! `.` gets one more `.` in front (byte-stuffing, RFC 1939 §3).
//!
//! Input is untrusted: every argument is parsed with checks, nothing here panics,
//! and a client that keeps sending bad commands is disconnected.

use std::sync::Arc;

use super::maildrop::{Lease, Maildrop, Message};

/// The user name the demo server accepts (published as `DemoServer::USER`).
pub(super) const USER: &str = "demo";
/// The password the demo server accepts; it guards only public sample data
/// (published as `DemoServer::PASSWORD`).
pub(super) const PASSWORD: &str = "demo";

/// The greeting sent when a client connects.
pub(super) const GREETING: &[u8] = b"+OK popmail demo POP3 server ready (local demo data)\r\n";

/// After this many `-ERR` replies the server says goodbye and closes.
const MAX_ERRORS: u32 = 20;

/// What the connection should do after a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flow {
    /// Read the next command.
    Continue,
    /// Send the reply, then close the connection.
    Close,
}

enum State {
    Authorization { user: Option<String> },
    Transaction { lease: Lease, marked: Vec<bool> },
}

/// The state of one connection.
pub(super) struct Session {
    maildrop: Arc<Maildrop>,
    state: State,
    errors: u32,
}

impl Session {
    /// A new session in the AUTHORIZATION state.
    pub(super) fn new(maildrop: Arc<Maildrop>) -> Self {
        Self {
            maildrop,
            state: State::Authorization { user: None },
            errors: 0,
        }
    }

    /// Answers a line that was longer than the server accepts.
    pub(super) fn too_long(&mut self, out: &mut Vec<u8>) -> Flow {
        self.error(out, "command line too long")
    }

    /// Handles one command line (without its CRLF) and appends the reply to `out`.
    pub(super) fn handle(&mut self, line: &[u8], out: &mut Vec<u8>) -> Flow {
        let Ok(line) = std::str::from_utf8(line) else {
            return self.error(out, "commands must be ASCII");
        };
        let (keyword, rest) = match line.split_once(' ') {
            Some((keyword, rest)) => (keyword, rest),
            None => (line, ""),
        };
        let keyword = keyword.to_ascii_uppercase();
        let args: Vec<&str> = rest.split(' ').filter(|arg| !arg.is_empty()).collect();
        match keyword.as_str() {
            "CAPA" => {
                out.extend_from_slice(
                    b"+OK capability list follows\r\nUSER\r\nTOP\r\nUIDL\r\nPIPELINING\r\n\
                      RESP-CODES\r\nIMPLEMENTATION popmail-demo\r\n.\r\n",
                );
                Flow::Continue
            }
            "NOOP" if self.in_transaction() => ok(out, "still here"),
            "NOOP" => self.error(out, "log in first (USER, then PASS)"),
            "QUIT" => self.quit(out),
            "USER" | "PASS" | "APOP" | "AUTH" => self.authorization(&keyword, rest, out),
            "STAT" | "LIST" | "UIDL" | "RETR" | "TOP" | "DELE" | "RSET" => {
                self.transaction(&keyword, &args, out)
            }
            _ => self.error(out, "unknown command"),
        }
    }

    fn in_transaction(&self) -> bool {
        matches!(self.state, State::Transaction { .. })
    }

    fn error(&mut self, out: &mut Vec<u8>, text: &str) -> Flow {
        self.errors += 1;
        if self.errors >= MAX_ERRORS {
            out.extend_from_slice(b"-ERR too many errors, closing the connection\r\n");
            return Flow::Close;
        }
        out.extend_from_slice(b"-ERR ");
        out.extend_from_slice(text.as_bytes());
        out.extend_from_slice(b"\r\n");
        Flow::Continue
    }

    fn quit(&mut self, out: &mut Vec<u8>) -> Flow {
        let removed = match &self.state {
            State::Authorization { .. } => 0,
            State::Transaction { lease, marked } => lease.commit(marked),
        };
        // Leaving the state drops the lease, which unlocks the maildrop.
        self.state = State::Authorization { user: None };
        let text = format!("+OK popmail demo server signing off ({removed} messages deleted)\r\n");
        out.extend_from_slice(text.as_bytes());
        Flow::Close
    }

    fn authorization(&mut self, keyword: &str, rest: &str, out: &mut Vec<u8>) -> Flow {
        let State::Authorization { user } = &mut self.state else {
            return self.error(out, "already logged in");
        };
        match keyword {
            "USER" => {
                let name = rest.trim();
                if name.is_empty() || name.contains(' ') || name.len() > 40 {
                    return self.error(out, "USER needs one name");
                }
                *user = Some(name.to_owned());
                ok(out, "send PASS")
            }
            "PASS" => {
                // RFC 1939 §7: the password is the rest of the line and may contain spaces.
                let Some(name) = user.take() else {
                    return self.error(out, "send USER first");
                };
                if name != USER || rest != PASSWORD {
                    return self.error(out, "[AUTH] wrong user name or password");
                }
                let Some(lease) = self.maildrop.lease() else {
                    return self.error(out, "[IN-USE] the demo mailbox is open in another session");
                };
                let count = lease.len();
                self.state = State::Transaction {
                    lease,
                    marked: vec![false; count],
                };
                ok(out, &format!("demo mailbox has {count} messages"))
            }
            _ => self.error(out, "only USER and PASS are supported"),
        }
    }

    fn transaction(&mut self, keyword: &str, args: &[&str], out: &mut Vec<u8>) -> Flow {
        let State::Transaction { lease, marked } = &mut self.state else {
            return self.error(out, "log in first (USER, then PASS)");
        };
        let reply = match keyword {
            "STAT" if args.is_empty() => {
                let (count, size) = totals(lease, marked);
                Ok(format!("+OK {count} {size}\r\n").into_bytes())
            }
            "RSET" if args.is_empty() => {
                marked.iter_mut().for_each(|mark| *mark = false);
                Ok(format!("+OK {} messages\r\n", lease.len()).into_bytes())
            }
            "LIST" | "UIDL" if args.is_empty() => Ok(listing(keyword, lease, marked)),
            "LIST" | "UIDL" | "RETR" | "DELE" if args.len() == 1 => {
                message(lease, marked, args.first().copied()).map(|(number, msg)| match keyword {
                    "LIST" => format!("+OK {number} {}\r\n", msg.bytes.len()).into_bytes(),
                    "UIDL" => format!("+OK {number} {}\r\n", msg.uidl).into_bytes(),
                    "DELE" => {
                        if let Some(mark) = marked.get_mut(number - 1) {
                            *mark = true;
                        }
                        format!("+OK message {number} deleted\r\n").into_bytes()
                    }
                    _ => {
                        let mut bytes = format!("+OK {} octets\r\n", msg.bytes.len()).into_bytes();
                        stuff(&msg.bytes, &mut bytes);
                        bytes
                    }
                })
            }
            "TOP" if args.len() == 2 => {
                let lines = args.get(1).and_then(|arg| parse_number(arg));
                match (message(lease, marked, args.first().copied()), lines) {
                    (Ok((_, msg)), Some(lines)) => {
                        let mut bytes = b"+OK top of message follows\r\n".to_vec();
                        stuff(top(&msg.bytes, lines), &mut bytes);
                        Ok(bytes)
                    }
                    (Err(text), _) => Err(text),
                    (Ok(_), None) => Err("the line count must be a number"),
                }
            }
            _ => Err("wrong number of arguments"),
        };
        match reply {
            Ok(bytes) => {
                out.extend_from_slice(&bytes);
                Flow::Continue
            }
            Err(text) => self.error(out, text),
        }
    }
}

fn ok(out: &mut Vec<u8>, text: &str) -> Flow {
    out.extend_from_slice(b"+OK ");
    out.extend_from_slice(text.as_bytes());
    out.extend_from_slice(b"\r\n");
    Flow::Continue
}

/// A non-negative decimal argument of at most 9 digits (RFC 1939 arguments are short).
fn parse_number(arg: &str) -> Option<usize> {
    if arg.is_empty() || arg.len() > 9 || !arg.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    // Only digits, at most 9: parsing cannot fail, and None would be refused anyway.
    arg.parse().ok()
}

/// Looks up a message-number argument that is not marked deleted.
fn message<'a>(
    lease: &'a Lease,
    marked: &[bool],
    arg: Option<&str>,
) -> Result<(usize, &'a Message), &'static str> {
    let number = arg
        .and_then(parse_number)
        .ok_or("the message number must be a number")?;
    let msg = lease.get(number).ok_or("no such message")?;
    if marked.get(number - 1).copied().unwrap_or(true) {
        return Err("message already deleted");
    }
    Ok((number, msg))
}

fn totals(lease: &Lease, marked: &[bool]) -> (usize, usize) {
    (1..=lease.len())
        .filter(|number| !marked.get(number - 1).copied().unwrap_or(true))
        .filter_map(|number| lease.get(number))
        .fold((0, 0), |(count, size), msg| {
            (count + 1, size + msg.bytes.len())
        })
}

/// The multi-line `LIST` or `UIDL` reply for all messages not marked deleted.
fn listing(keyword: &str, lease: &Lease, marked: &[bool]) -> Vec<u8> {
    let (count, size) = totals(lease, marked);
    let mut out = format!("+OK {count} messages ({size} octets)\r\n").into_bytes();
    for number in 1..=lease.len() {
        if marked.get(number - 1).copied().unwrap_or(true) {
            continue;
        }
        let Some(msg) = lease.get(number) else {
            continue;
        };
        let line = if keyword == "LIST" {
            format!("{number} {}\r\n", msg.bytes.len())
        } else {
            format!("{number} {}\r\n", msg.uidl)
        };
        out.extend_from_slice(line.as_bytes());
    }
    out.extend_from_slice(b".\r\n");
    out
}

/// The header, the blank line and the first `lines` lines of the body (RFC 1939 §7 TOP).
fn top(message: &[u8], lines: usize) -> &[u8] {
    let Some(header_end) = message.windows(4).position(|w| w == b"\r\n\r\n") else {
        return message; // no body at all: the whole message is header
    };
    let body_start = header_end + 4;
    let mut end = body_start;
    for _ in 0..lines {
        let Some(rest) = message.get(end..) else {
            break;
        };
        match rest.windows(2).position(|w| w == b"\r\n") {
            Some(pos) => end += pos + 2,
            None => {
                end = message.len();
                break;
            }
        }
    }
    message.get(..end).unwrap_or(message)
}

/// Appends `message` (CRLF line ends) byte-stuffed and terminated by `.CRLF`.
pub(super) fn stuff(message: &[u8], out: &mut Vec<u8>) {
    out.reserve(message.len() + 16);
    let mut at_line_start = true;
    for &byte in message {
        if at_line_start && byte == b'.' {
            out.push(b'.');
        }
        out.push(byte);
        at_line_start = byte == b'\n';
    }
    if !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
}

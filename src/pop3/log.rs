//! The per-session protocol log, kept in memory and shown later in the UI.
//!
//! Lines are recorded already redacted: commands through
//! [`crate::pop3::command::Command::redacted`], server lines through
//! [`crate::pop3::response::printable`]. Message contents are summarised
//! (`[message: 5120 bytes]`), never copied. The log is bounded: it keeps the
//! first lines of the session and the most recent ones, and counts the rest.

use std::collections::VecDeque;
use std::fmt;
use std::time::{Duration, Instant};

/// Who sent a logged line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Sent by us (`C:`).
    Client,
    /// Received from the server (`S:`).
    Server,
    /// A note about the session (connection, TLS, summaries).
    Note,
}

/// One log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogLine {
    /// Time since the log was created.
    pub at: Duration,
    /// Who sent it.
    pub direction: Direction,
    /// The redacted text.
    pub text: String,
}

impl fmt::Display for LogLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = match self.direction {
            Direction::Client => "C:",
            Direction::Server => "S:",
            Direction::Note => "--",
        };
        write!(f, "{:>8.3} {who} {}", self.at.as_secs_f64(), self.text)
    }
}

const HEAD: usize = 200;
const TAIL: usize = 800;
const MAX_TEXT: usize = 300;

/// A bounded, redacted log of one session.
#[derive(Debug, Clone)]
pub struct ProtocolLog {
    started: Instant,
    head: Vec<LogLine>,
    tail: VecDeque<LogLine>,
    omitted: u64,
}

impl Default for ProtocolLog {
    fn default() -> Self {
        ProtocolLog::new()
    }
}

impl ProtocolLog {
    /// An empty log starting now.
    pub fn new() -> Self {
        ProtocolLog {
            started: Instant::now(),
            head: Vec::new(),
            tail: VecDeque::new(),
            omitted: 0,
        }
    }

    /// Records a line. Callers pass text that is already redacted.
    pub fn push(&mut self, direction: Direction, text: impl Into<String>) {
        let mut text: String = text.into();
        if text.len() > MAX_TEXT {
            let mut cut = MAX_TEXT;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
            text.push('…');
        }
        let line = LogLine {
            at: self.started.elapsed(),
            direction,
            text,
        };
        if self.head.len() < HEAD {
            self.head.push(line);
            return;
        }
        if self.tail.len() >= TAIL {
            self.tail.pop_front();
            self.omitted += 1;
        }
        self.tail.push_back(line);
    }

    /// The kept lines in order (the first lines, then the most recent).
    pub fn lines(&self) -> impl Iterator<Item = &LogLine> {
        self.head.iter().chain(self.tail.iter())
    }

    /// How many lines were dropped between the first and the recent ones.
    pub fn omitted(&self) -> u64 {
        self.omitted
    }

    /// The whole log as text, one line per entry.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (i, line) in self.lines().enumerate() {
            if i == self.head.len() && self.omitted > 0 {
                out.push_str(&format!("… {} lines omitted …\n", self.omitted));
            }
            out.push_str(&line.to_string());
            out.push('\n');
        }
        out
    }
}

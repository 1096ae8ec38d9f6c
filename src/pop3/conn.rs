//! The buffered connection under a client: writes encoded commands
//! (RFC 1939 §3), reads status lines and multi-line replies through the
//! sans-IO parsers in [`crate::pop3::response`], and records the redacted
//! protocol log. It knows the [`Transport`] and the parsers, nothing above.
//!
//! After any error that leaves the byte stream in an unknown state the
//! client marks the connection broken and it refuses further use.

use std::io::Write;

use crate::pop3::command::Command;
use crate::pop3::error::Error;
use crate::pop3::log::{Direction, ProtocolLog};
use crate::pop3::response::{
    MultilineDecoder, MultilineError, Overlong, Progress, STATUS_LINE_MAX, Status, find_line,
    parse_status, printable,
};
use crate::pop3::transport::{Transport, map_io};

const READ_CHUNK: usize = 64 * 1024;

pub(crate) struct Conn {
    stream: Option<Box<dyn Transport>>,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    pub(crate) log: ProtocolLog,
    pub(crate) broken: bool,
}

impl Conn {
    pub(crate) fn new(stream: Box<dyn Transport>, log: ProtocolLog) -> Conn {
        Conn {
            stream: Some(stream),
            buf: vec![0; READ_CHUNK],
            start: 0,
            end: 0,
            log,
            broken: false,
        }
    }

    pub(crate) fn transport(&self) -> Option<&dyn Transport> {
        self.stream.as_deref()
    }

    /// Shortens the read timeout for the `QUIT` of an error path
    /// ([`crate::account::limits::QUIT_TIMEOUT`]): the session is ending
    /// anyway, so a server that never answers must not hold it for long.
    pub(crate) fn quit_timeout(&mut self) {
        let timeout = crate::account::limits::QUIT_TIMEOUT;
        if let Some(stream) = self.stream.as_mut()
            && let Err(e) = stream.set_read_timeout(timeout)
        {
            self.log.push(
                Direction::Note,
                format!("could not shorten the read timeout for QUIT: {e}"), // not translated: the protocol log
            );
        }
    }

    fn stream(&mut self) -> Result<&mut Box<dyn Transport>, Error> {
        self.stream.as_mut().ok_or(Error::Broken)
    }

    /// Sends commands in one write, logging each (redacted).
    pub(crate) fn send(&mut self, cmds: &[Command]) -> Result<(), Error> {
        let mut out = Vec::with_capacity(cmds.len() * 16);
        for c in cmds {
            c.encode(&mut out);
            self.log.push(Direction::Client, c.redacted());
        }
        let during = cmds.first().map(Command::redacted).unwrap_or_default();
        let stream = self.stream()?;
        stream
            .write_all(&out)
            .and_then(|()| stream.flush())
            .map_err(|e| map_io(&crate::t!("pop3-during-sending", command = during), e))
    }

    /// Reads more bytes into the buffer.
    fn fill(&mut self, during: &str) -> Result<(), Error> {
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        }
        if self.buf.len() - self.end < READ_CHUNK / 4 {
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            if self.buf.len() - self.end < READ_CHUNK / 4 {
                self.buf.resize(self.buf.len() + READ_CHUNK, 0);
            }
        }
        let end = self.end;
        let stream = self.stream.as_mut().ok_or(Error::Broken)?;
        let target = self.buf.get_mut(end..).unwrap_or_default();
        let n = loop {
            match stream.read(target) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(map_io(during, e)),
            }
        };
        if n == 0 {
            return Err(Error::ConnectionClosed {
                during: during.to_string(),
            });
        }
        self.end += n;
        Ok(())
    }

    fn pending(&self) -> &[u8] {
        self.buf.get(self.start..self.end).unwrap_or_default()
    }

    /// Reads one line (strict length), returning it without terminator.
    pub(crate) fn read_line(&mut self, during: &str) -> Result<Vec<u8>, Error> {
        loop {
            match find_line(self.pending(), STATUS_LINE_MAX) {
                Ok(Some(line)) => {
                    let content = self
                        .pending()
                        .get(..line.content_len)
                        .unwrap_or_default()
                        .to_vec();
                    self.start += line.consumed;
                    self.log.push(Direction::Server, printable(&content));
                    return Ok(content);
                }
                Ok(None) => self.fill(during)?,
                Err(Overlong) => {
                    return Err(Error::LineTooLong {
                        command: during.to_string(),
                        limit: STATUS_LINE_MAX,
                    });
                }
            }
        }
    }

    /// Reads and parses a status line.
    pub(crate) fn read_status(&mut self, during: &str) -> Result<Status, Error> {
        let line = self.read_line(during)?;
        parse_status(&line).map_err(|e| Error::parse(during, e))
    }

    /// Reads the body of a multi-line reply, handing each unstuffed line
    /// (terminator included) to `on_line`. Stops after the terminator.
    pub(crate) fn read_multiline(
        &mut self,
        decoder: &mut MultilineDecoder,
        during: &str,
        msg: u32,
        on_line: &mut dyn FnMut(&[u8]),
    ) -> Result<(), Error> {
        loop {
            let (used, progress) =
                decoder
                    .decode(self.pending(), on_line)
                    .map_err(|e| match e {
                        MultilineError::LineTooLong => Error::LineTooLong {
                            command: during.to_string(),
                            limit: decoder.max_line(),
                        },
                        MultilineError::TooLarge => Error::MessageTooLarge {
                            msg,
                            limit: decoder.max_total(),
                        },
                    })?;
            self.start += used;
            if progress == Progress::Done {
                return Ok(());
            }
            self.fill(during)?;
        }
    }

    /// Reads a message body (RETR, TOP) after its `+OK` line: lines up to
    /// `max_line` bytes, at most `max_total` bytes in all. Logs only its size.
    pub(crate) fn read_body(
        &mut self,
        msg: u32,
        during: &str,
        max_line: usize,
        max_total: u64,
    ) -> Result<Vec<u8>, Error> {
        let mut body = Vec::new();
        let mut decoder = MultilineDecoder::new(max_line, max_total);
        self.read_multiline(&mut decoder, during, msg, &mut |line| {
            body.extend_from_slice(line)
        })?;
        self.log.push(
            Direction::Server,
            format!("[message {msg}: {} bytes]", body.len()), // not translated: the protocol log
        );
        Ok(body)
    }

    /// Drops any bytes received but not yet parsed (RFC 2595 §4 / CVE-2011-0411:
    /// nothing sent before the TLS handshake may be read after it).
    pub(crate) fn discard_buffer(&mut self) -> usize {
        let n = self.end - self.start;
        self.start = 0;
        self.end = 0;
        n
    }

    /// Performs the TLS upgrade after `+OK` to STLS.
    pub(crate) fn start_tls(&mut self) -> Result<(), Error> {
        let stream = self.stream.take().ok_or(Error::Broken)?;
        self.stream = Some(stream.start_tls()?);
        Ok(())
    }
}

//! A small buffered byte source for the mbox reader: line reads that append into a
//! caller's buffer, look-ahead of a few hundred bytes (to check a `Content-Length`
//! against the file) and push-back (when that check fails). It tracks the byte
//! offset of the next unread byte so damage can be reported by position.

use std::io::{self, Read};

/// How much is read from the file at a time.
const CHUNK: usize = 256 * 1024;

/// A buffered reader with look-ahead and push-back.
pub(crate) struct Source<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    /// File offset of `buf[pos]`.
    offset: u64,
}

impl<R: Read> Source<R> {
    /// Wraps a reader.
    pub(crate) fn new(inner: R) -> Self {
        Source {
            inner,
            buf: Vec::with_capacity(CHUNK),
            pos: 0,
            eof: false,
            offset: 0,
        }
    }

    /// The file offset of the next byte to be read.
    pub(crate) fn offset(&self) -> u64 {
        self.offset
    }

    /// Reads more input into the buffer, dropping consumed bytes first.
    /// Returns false at end of input.
    fn fill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        let old = self.buf.len();
        self.buf.resize(old + CHUNK, 0);
        let n = loop {
            match self.inner.read(&mut self.buf[old..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(old);
                    return Err(e);
                }
            }
        };
        self.buf.truncate(old + n);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// Appends the next line (with its `\n`, if any) to `out`, or only counts it
    /// when `out` is `None`. Returns the line's length; 0 means end of input.
    pub(crate) fn read_line(&mut self, mut out: Option<&mut Vec<u8>>) -> io::Result<usize> {
        let mut total = 0;
        loop {
            let avail = &self.buf[self.pos..];
            if let Some(i) = memchr::memchr(b'\n', avail) {
                let line = &avail[..=i];
                if let Some(o) = out.as_deref_mut() {
                    o.extend_from_slice(line);
                }
                self.pos += i + 1;
                self.offset += (i + 1) as u64;
                return Ok(total + i + 1);
            }
            let n = avail.len();
            if let Some(o) = out.as_deref_mut() {
                o.extend_from_slice(avail);
            }
            self.pos += n;
            self.offset += n as u64;
            total += n;
            if !self.fill()? {
                return Ok(total);
            }
        }
    }

    /// Appends up to `n` bytes to `out`; returns how many (fewer only at end of input).
    pub(crate) fn read_exact_into(&mut self, out: &mut Vec<u8>, n: usize) -> io::Result<usize> {
        let mut done = 0;
        while done < n {
            if self.pos == self.buf.len() && !self.fill()? {
                break;
            }
            let take = (n - done).min(self.buf.len() - self.pos);
            out.extend_from_slice(&self.buf[self.pos..self.pos + take]);
            self.pos += take;
            self.offset += take as u64;
            done += take;
        }
        Ok(done)
    }

    /// Returns up to `n` upcoming bytes without consuming them (fewer at end of input).
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.buf.len() - self.pos < n {
            if !self.fill()? {
                break;
            }
        }
        let end = self.buf.len().min(self.pos + n);
        Ok(&self.buf[self.pos..end])
    }

    /// Puts bytes back in front of the unread input.
    pub(crate) fn unread(&mut self, bytes: &[u8]) {
        if bytes.len() <= self.pos {
            let start = self.pos - bytes.len();
            self.buf[start..self.pos].copy_from_slice(bytes);
            self.pos = start;
        } else {
            let mut v = Vec::with_capacity(bytes.len() + self.buf.len() - self.pos);
            v.extend_from_slice(bytes);
            v.extend_from_slice(&self.buf[self.pos..]);
            self.buf = v;
            self.pos = 0;
        }
        self.offset -= bytes.len() as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_peek_and_unread() {
        let data = b"one\ntwo\nthree".to_vec();
        let mut s = Source::new(&data[..]);
        let mut out = Vec::new();
        assert_eq!(s.read_line(Some(&mut out)).unwrap(), 4);
        assert_eq!(out, b"one\n");
        assert_eq!(s.offset(), 4);
        assert_eq!(s.peek(3).unwrap(), b"two");
        s.unread(b"one\n");
        assert_eq!(s.offset(), 0);
        let mut all = Vec::new();
        while s.read_line(Some(&mut all)).unwrap() > 0 {}
        assert_eq!(all, data);
        assert_eq!(s.peek(10).unwrap(), b"");
    }

    #[test]
    fn read_exact_stops_at_end() {
        let data = b"abcdef".to_vec();
        let mut s = Source::new(&data[..]);
        let mut out = Vec::new();
        assert_eq!(s.read_exact_into(&mut out, 4).unwrap(), 4);
        assert_eq!(s.read_exact_into(&mut out, 4).unwrap(), 2);
        assert_eq!(out, data);
    }
}

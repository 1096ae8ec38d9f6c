//! mbox writer (RFC 4155): mboxrd (the default, reversible) or mboxo.
//!
//! Each message is written as a `From_` line, the stored bytes with only the
//! quoting the variant requires (mboxrd: one `>` before every line matching
//! `^>*From `; mboxo: before every line matching `^From `), a line ending if the
//! message lacks a final one, and one empty line. The `From_` line and the empty
//! line use the message's own line ending (CRLF when its first line ends in CRLF),
//! so CRLF messages give a consistent CRLF file. Nothing else is changed.
//!
//! [`MboxFile`] writes to a temporary file beside the target and renames it into
//! place on [`MboxFile::commit`], so a cancelled export leaves no partial file, and
//! it refuses to replace an existing file unless forced.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::{Error, MboxVariant, Result, from_line};

/// Writes messages to an mbox stream.
pub struct MboxWriter<W: Write> {
    out: W,
    variant: MboxVariant,
}

impl<W: Write> MboxWriter<W> {
    /// A writer of the given variant; anything but [`MboxVariant::Mboxo`] writes mboxrd.
    pub fn new(out: W, variant: MboxVariant) -> Self {
        MboxWriter { out, variant }
    }

    /// Writes one message with a `From_` line dated `time` (seconds since the epoch).
    pub fn write_message(&mut self, bytes: &[u8], time: i64) -> io::Result<()> {
        let first = memchr::memchr(b'\n', bytes).map_or(bytes, |i| &bytes[..=i]);
        let eol: &[u8] = if first.ends_with(b"\r\n") {
            b"\r\n"
        } else {
            b"\n"
        };
        self.out
            .write_all(from_line::format_for(bytes, time).as_bytes())?;
        self.out.write_all(eol)?;
        // Write in chunks, splitting only before lines that need a `>`.
        let mut written = 0;
        for hit in memchr::memmem::find_iter(bytes, b"From ") {
            let mut start = hit;
            if self.variant != MboxVariant::Mboxo {
                while start > 0 && bytes[start - 1] == b'>' {
                    start -= 1;
                }
            }
            if start == 0 || bytes[start - 1] == b'\n' {
                self.out.write_all(&bytes[written..start])?;
                self.out.write_all(b">")?;
                written = start;
            }
        }
        self.out.write_all(&bytes[written..])?;
        if !bytes.ends_with(b"\n") {
            self.out.write_all(eol)?;
        }
        self.out.write_all(eol)
    }

    /// Flushes and returns the underlying writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// An mbox file being exported: written beside the target, renamed into place on commit.
pub struct MboxFile {
    writer: Option<MboxWriter<BufWriter<File>>>,
    tmp: PathBuf,
    path: PathBuf,
    force: bool,
}

impl MboxFile {
    /// Starts writing `path`; fails with [`Error::Exists`] if it exists and `force` is false.
    pub fn create(path: &Path, variant: MboxVariant, force: bool) -> Result<MboxFile> {
        if !force && path.symlink_metadata().is_ok() {
            return Err(Error::Exists(path.to_path_buf()));
        }
        if path.is_dir() {
            return Err(Error::Exists(path.to_path_buf()));
        }
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".popmail-tmp-{}", std::process::id()));
        let tmp = path.with_file_name(name);
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|source| Error::Write {
                path: tmp.clone(),
                source,
            })?;
        Ok(MboxFile {
            writer: Some(MboxWriter::new(
                BufWriter::with_capacity(1 << 20, file),
                variant,
            )),
            tmp,
            path: path.to_path_buf(),
            force,
        })
    }

    /// Writes one message.
    pub fn write_message(&mut self, bytes: &[u8], time: i64) -> Result<()> {
        let Some(w) = self.writer.as_mut() else {
            return Ok(());
        };
        w.write_message(bytes, time).map_err(|source| Error::Write {
            path: self.tmp.clone(),
            source,
        })
    }

    /// Flushes, syncs and moves the file into place.
    pub fn commit(mut self) -> Result<()> {
        let werr = |source| Error::Write {
            path: self.tmp.clone(),
            source,
        };
        if let Some(w) = self.writer.take() {
            let buf = w.finish().map_err(werr)?;
            let file = buf.into_inner().map_err(|e| werr(e.into_error()))?;
            file.sync_all().map_err(werr)?;
        }
        if !self.force && self.path.symlink_metadata().is_ok() {
            return Err(Error::Exists(self.path.clone()));
        }
        std::fs::rename(&self.tmp, &self.path).map_err(|source| Error::Write {
            path: self.path.clone(),
            source,
        })
    }
}

impl Drop for MboxFile {
    fn drop(&mut self) {
        // Not committed (or commit failed): remove the temporary file.
        let _ = std::fs::remove_file(&self.tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mailbox::{MboxReader, ReadItem, ReadOptions};

    fn write(msgs: &[&[u8]], v: MboxVariant) -> Vec<u8> {
        let mut w = MboxWriter::new(Vec::new(), v);
        for m in msgs {
            w.write_message(m, 1_704_067_200).unwrap();
        }
        w.finish().unwrap()
    }

    fn read(data: &[u8], v: MboxVariant) -> Vec<Vec<u8>> {
        MboxReader::new(data, Path::new("t"), v, ReadOptions::default())
            .map(|i| match i.unwrap() {
                ReadItem::Message(m) => m.bytes,
                ReadItem::Damaged(d) => panic!("damaged: {d}"),
            })
            .collect()
    }

    #[test]
    fn mboxrd_quotes_all_from_levels() {
        let m: &[u8] = b"Subject: a\n\nFrom x\n>From y\n>>From z\nFrom: not quoted? yes\n";
        let out = write(&[m], MboxVariant::Mboxrd);
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(
            text.contains("\n>From x\n>>From y\n>>>From z\nFrom: not"),
            "{text}"
        );
        assert!(text.starts_with("From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n"));
        assert!(text.ends_with("yes\n\n"));
        assert_eq!(read(&out, MboxVariant::Mboxrd), vec![m.to_vec()]);
    }

    #[test]
    fn quoting_only_at_line_starts() {
        let m: &[u8] = b"From: x\n\nFrom a\nsay From b\n>>From c\n>x From d\nFrom ";
        let text = String::from_utf8(write(&[m], MboxVariant::Mboxrd)).unwrap();
        assert!(
            text.contains("\n>From a\nsay From b\n>>>From c\n>x From d\n>From \n\n"),
            "{text}"
        );
        let text = String::from_utf8(write(&[m], MboxVariant::Mboxo)).unwrap();
        assert!(text.contains("\n>From a\nsay From b\n>>From c\n"), "{text}");
        assert!(text.contains("\nFrom: x\n"), "header From: is not quoted");
    }

    #[test]
    fn mboxo_quotes_only_plain_from() {
        let m: &[u8] = b"Subject: a\n\nFrom x\n>From y\n";
        let text = String::from_utf8(write(&[m], MboxVariant::Mboxo)).unwrap();
        assert!(text.contains("\n>From x\n>From y\n"), "{text}");
    }

    #[test]
    fn crlf_and_missing_final_newline() {
        let a: &[u8] = b"Subject: a\r\n\r\nbody\r\n";
        let b: &[u8] = b"Subject: b\n\nno newline";
        let out = write(&[a, b], MboxVariant::Mboxrd);
        assert!(out.starts_with(b"From MAILER-DAEMON Mon Jan  1 00:00:00 2024\r\nSubject: a\r\n"));
        let back = read(&out, MboxVariant::Mboxrd);
        assert_eq!(back[0], a);
        assert_eq!(back[1], b"Subject: b\n\nno newline\n");
    }

    #[test]
    fn mbox_file_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.mbox");
        std::fs::write(&p, b"keep").unwrap();
        assert!(matches!(
            MboxFile::create(&p, MboxVariant::Mboxrd, false),
            Err(Error::Exists(_))
        ));
        let mut f = MboxFile::create(&p, MboxVariant::Mboxrd, true).unwrap();
        f.write_message(b"A: b\n\nc\n", 0).unwrap();
        assert_eq!(
            std::fs::read(&p).unwrap(),
            b"keep",
            "not replaced before commit"
        );
        f.commit().unwrap();
        assert!(
            std::fs::read(&p)
                .unwrap()
                .starts_with(b"From MAILER-DAEMON")
        );
        let q = dir.path().join("cancelled.mbox");
        let f = MboxFile::create(&q, MboxVariant::Mboxrd, false).unwrap();
        drop(f);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

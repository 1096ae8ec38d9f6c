//! Maildir reading and writing (<https://cr.yp.to/proto/maildir.html>), with the
//! `:2,` info flags and Maildir++ subfolders (`.Sub.Folder` directories beside
//! `cur/`, `new/`, `tmp/`, each with a `maildirfolder` marker file).
//!
//! - Reading: every file in `cur/` and `new/` (dot files are skipped), in delivery
//!   order (the leading time in the name, then the name). Flags come from the info
//!   after `:2,`: `S` seen, `F` flagged, `R` replied, `T` trashed, `D` draft. The
//!   received time is the leading number of the name, else the file's mtime.
//! - Writing: a unique name `TIME.M<usec>P<pid>Q<n>.<host>` (the spec's modern
//!   form), written to `tmp/`, then renamed into `new/` (no flags) or `cur/` with
//!   `:2,` and the flag letters in ASCII order. Exactly the stored bytes are written,
//!   with one write. The rename never replaces a file: on Linux it is
//!   `renameat2(RENAME_NOREPLACE)` (no `stat` per message), elsewhere, or on a
//!   filesystem without it, a check of the name first.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::header_flags::is_header_line;
use super::{Damage, DamageReason, Error, Flags, MailboxMessage, ReadItem, ReadOptions, Result};

/// True when `dir` looks like a maildir (has `cur/` and `new/`).
pub fn is_maildir(dir: &Path) -> bool {
    dir.join("cur").is_dir() && dir.join("new").is_dir()
}

/// Parses the flags in a Maildir file name (`…:2,FRS`).
pub fn flags_from_name(name: &str) -> Flags {
    let mut f = Flags::default();
    if let Some(i) = name.rfind(":2,") {
        for c in name[i + 3..].chars() {
            match c {
                'S' => f.seen = true,
                'F' => f.flagged = true,
                'R' => f.answered = true,
                'T' => f.trashed = true,
                'D' => f.draft = true,
                _ => {}
            }
        }
    }
    f
}

/// The info suffix for flags: `:2,` and the letters in ASCII order, or empty.
pub fn info_for(flags: Flags) -> String {
    if flags.is_empty() {
        return String::new();
    }
    let mut s = String::from(":2,");
    for (on, c) in [
        (flags.draft, 'D'),
        (flags.flagged, 'F'),
        (flags.answered, 'R'),
        (flags.seen, 'S'),
        (flags.trashed, 'T'),
    ] {
        if on {
            s.push(c);
        }
    }
    s
}

fn leading_time(name: &str) -> Option<i64> {
    let digits: &str = name.split('.').next()?;
    (!digits.is_empty() && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Reads the messages of one maildir (not its subfolders).
pub struct MaildirReader {
    files: std::vec::IntoIter<PathBuf>,
    opts: ReadOptions,
}

impl MaildirReader {
    /// Lists `cur/` and `new/` of `dir`.
    pub fn open(dir: &Path, opts: ReadOptions) -> Result<Self> {
        let mut files: Vec<(Option<i64>, String, PathBuf)> = Vec::new();
        for sub in ["cur", "new"] {
            let d = dir.join(sub);
            let rd = fs::read_dir(&d).map_err(|source| Error::Read {
                path: d.clone(),
                source,
            })?;
            for entry in rd {
                let entry = entry.map_err(|source| Error::Read {
                    path: d.clone(),
                    source,
                })?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') || entry.file_type().is_ok_and(|t| t.is_dir()) {
                    continue;
                }
                files.push((leading_time(&name), name, entry.path()));
            }
        }
        files.sort();
        Ok(MaildirReader {
            files: files
                .into_iter()
                .map(|(_, _, p)| p)
                .collect::<Vec<_>>()
                .into_iter(),
            opts,
        })
    }

    /// How many files are left to read.
    pub fn remaining(&self) -> usize {
        self.files.len()
    }
}

/// Reads one message file (Maildir or EML) with the size limit and damage checks.
pub(crate) fn read_message_file(
    path: &Path,
    opts: &ReadOptions,
    flags: Flags,
    received: Option<i64>,
) -> ReadItem {
    let damaged = |length, reason| {
        ReadItem::Damaged(Damage {
            path: path.to_path_buf(),
            offset: 0,
            length,
            reason,
        })
    };
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return damaged(0, DamageReason::Unreadable(e.to_string())),
    };
    if meta.len() > opts.max_message_size {
        return damaged(
            meta.len(),
            DamageReason::TooLarge {
                limit: opts.max_message_size,
            },
        );
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => return damaged(meta.len(), DamageReason::Unreadable(e.to_string())),
    };
    // By the Maildir definition every file in cur/ or new/ is a message, and an
    // .eml the user chose is one too: a file that does not look like mail is
    // kept byte for byte, flagged as damaged (ARCHITECTURE invariant 8).
    let damage = if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        Some(DamageReason::Empty)
    } else {
        let first = memchr::memchr(b'\n', &bytes).map_or(&bytes[..], |i| &bytes[..=i]);
        (!is_header_line(first)).then_some(DamageReason::NoHeader)
    };
    // No delivery time from the name or the file: the message is stored
    // without one (the list then shows its Date: header).
    let received = received.or_else(|| {
        meta.modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .map(|d| d.as_secs() as i64)
    });
    ReadItem::Message(MailboxMessage {
        bytes,
        flags: if damage.is_some() {
            Flags::default()
        } else {
            flags
        },
        received,
        offset: 0,
        damage,
        file: Some(path.to_path_buf()),
    })
}

impl Iterator for MaildirReader {
    type Item = Result<ReadItem>;

    fn next(&mut self) -> Option<Self::Item> {
        let path = self.files.next()?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let flags = flags_from_name(&name);
        Some(Ok(read_message_file(
            &path,
            &self.opts,
            flags,
            leading_time(&name),
        )))
    }
}

static DELIVERIES: AtomicU64 = AtomicU64::new(0);

fn hostname() -> String {
    let h = fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .unwrap_or_default();
    let h = h.trim();
    let h = if h.is_empty() { "localhost" } else { h };
    h.replace('/', "\\057").replace(':', "\\072")
}

/// Writes messages into a maildir.
pub struct MaildirWriter {
    dir: PathBuf,
    host: String,
    sync: bool,
}

impl MaildirWriter {
    /// Creates the maildir `dir` (with `cur/`, `new/`, `tmp/`). An existing `dir` is
    /// refused with [`Error::Exists`] unless `force`, in which case messages are
    /// added to it.
    pub fn create(dir: &Path, force: bool) -> Result<Self> {
        if dir.symlink_metadata().is_ok() && !force {
            return Err(Error::Exists(dir.to_path_buf()));
        }
        for sub in ["cur", "new", "tmp"] {
            let d = dir.join(sub);
            fs::create_dir_all(&d).map_err(|source| Error::Write { path: d, source })?;
        }
        Ok(MaildirWriter {
            dir: dir.to_path_buf(),
            host: hostname(),
            sync: false,
        })
    }

    /// Whether each message is flushed to disk before it is renamed into place
    /// (slower; off by default for bulk export).
    pub fn with_sync(mut self, sync: bool) -> Self {
        self.sync = sync;
        self
    }

    /// The Maildir++ subfolder for a folder path (`.A.B`, with a `maildirfolder`
    /// marker). Dots and slashes in names become `_`.
    pub fn subfolder(&self, path: &[String]) -> Result<MaildirWriter> {
        let name: Vec<String> = path
            .iter()
            .map(|p| super::names::safe_component(&p.replace('.', "_")))
            .collect();
        let dir = self.dir.join(format!(".{}", name.join(".")));
        let w = MaildirWriter::create(&dir, true)?;
        let marker = dir.join("maildirfolder");
        fs::write(&marker, b"").map_err(|source| Error::Write {
            path: marker,
            source,
        })?;
        Ok(w.with_sync(self.sync))
    }

    /// The maildir's directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one message; `time` (seconds since the epoch) names the file and
    /// sets its mtime. Returns the final path.
    pub fn write_message(&mut self, bytes: &[u8], flags: Flags, time: i64) -> Result<PathBuf> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        loop {
            let q = DELIVERIES.fetch_add(1, Ordering::Relaxed);
            let base = format!(
                "{time}.M{}P{}Q{q}.{}",
                now.subsec_micros(),
                std::process::id(),
                self.host
            );
            let (sub, name) = if flags.is_empty() {
                ("new", base.clone())
            } else {
                ("cur", format!("{base}{}", info_for(flags)))
            };
            let tmp = self.dir.join("tmp").join(&base);
            let dest = self.dir.join(sub).join(&name);
            let werr = |source| Error::Write {
                path: tmp.clone(),
                source,
            };
            let mut f = match fs::File::options().write(true).create_new(true).open(&tmp) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(werr(e)),
            };
            f.write_all(bytes).map_err(werr)?;
            if let Some(mtime) = u64::try_from(time)
                .ok()
                .map(|t| std::time::UNIX_EPOCH + std::time::Duration::from_secs(t))
            {
                // The delivery time is a courtesy to other readers; the
                // message and its flags are written either way.
                let _ = f.set_modified(mtime);
            }
            if self.sync {
                f.sync_all().map_err(werr)?;
            }
            drop(f);
            match rename_no_replace(&tmp, &dest) {
                Ok(()) => return Ok(dest),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    // Another delivery took the name: this copy goes, and
                    // the loop picks the next name.
                    let _ = fs::remove_file(&tmp); // a leftover in tmp/ is harmless
                }
                Err(source) => return Err(Error::Write { path: dest, source }),
            }
        }
    }
}

/// Renames `from` to `to` unless `to` exists (then `AlreadyExists`).
fn rename_no_replace(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            Err(rustix::io::Errno::EXIST) => {
                return Err(std::io::ErrorKind::AlreadyExists.into());
            }
            // A filesystem without the flag: the portable way below.
            Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS) => {}
            Err(e) => return Err(e.into()),
        }
    }
    if to.symlink_metadata().is_ok() {
        return Err(std::io::ErrorKind::AlreadyExists.into());
    }
    fs::rename(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rename_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("c"),
        );
        fs::write(&a, b"new").unwrap();
        fs::write(&b, b"already there").unwrap();
        let e = rename_no_replace(&a, &b).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&b).unwrap(), b"already there");
        assert_eq!(fs::read(&a).unwrap(), b"new");
        rename_no_replace(&a, &c).unwrap();
        assert_eq!(fs::read(&c).unwrap(), b"new");
        assert!(!a.exists());
    }

    #[test]
    fn flags_in_names() {
        let f = flags_from_name("123.abc.host:2,FRS");
        assert!(f.flagged && f.answered && f.seen && !f.trashed && !f.draft);
        assert!(flags_from_name("123.abc.host").is_empty());
        let all = Flags {
            seen: true,
            flagged: true,
            answered: true,
            trashed: true,
            draft: true,
        };
        assert_eq!(info_for(all), ":2,DFRST");
        assert_eq!(flags_from_name(&format!("x{}", info_for(all))), all);
        assert_eq!(info_for(Flags::default()), "");
    }

    #[test]
    fn write_then_read() {
        let dir = tempfile::tempdir().unwrap();
        let md = dir.path().join("md");
        let mut w = MaildirWriter::create(&md, false).unwrap();
        let seen = Flags {
            seen: true,
            ..Flags::default()
        };
        let a = w.write_message(b"A: 1\n\nx\n", seen, 1000).unwrap();
        let b = w
            .write_message(b"B: 2\n\ny\n", Flags::default(), 2000)
            .unwrap();
        assert!(a.parent().unwrap().ends_with("cur") && a.to_string_lossy().ends_with(":2,S"));
        assert!(b.parent().unwrap().ends_with("new"));
        assert_eq!(fs::read_dir(md.join("tmp")).unwrap().count(), 0);
        let got: Vec<_> = MaildirReader::open(&md, ReadOptions::default())
            .unwrap()
            .map(|i| match i.unwrap() {
                ReadItem::Message(m) => (m.bytes, m.flags, m.received),
                ReadItem::Damaged(d) => panic!("{d}"),
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (b"A: 1\n\nx\n".to_vec(), seen, Some(1000)),
                (b"B: 2\n\ny\n".to_vec(), Flags::default(), Some(2000))
            ]
        );
        assert!(matches!(
            MaildirWriter::create(&md, false),
            Err(Error::Exists(_))
        ));
        let sub = w.subfolder(&["a.b".into(), "c".into()]).unwrap();
        assert!(sub.dir().ends_with(".a_b.c") && sub.dir().join("maildirfolder").exists());
    }

    #[test]
    fn odd_files_are_kept_as_damaged_messages() {
        let dir = tempfile::tempdir().unwrap();
        let md = dir.path();
        MaildirWriter::create(md, true).unwrap();
        fs::write(md.join("new/1.a.h"), vec![b'x'; 50]).unwrap();
        fs::write(md.join("new/2.a.h"), b"").unwrap();
        fs::write(md.join("new/3.a.h"), b"A: 1\n\n").unwrap();
        fs::write(md.join("new/4.a.h"), b"not mail").unwrap();
        let items: Vec<_> = MaildirReader::open(
            md,
            ReadOptions {
                max_message_size: 10,
            },
        )
        .unwrap()
        .map(|i| i.unwrap())
        .collect();
        assert!(
            matches!(&items[0], ReadItem::Damaged(d) if matches!(d.reason, DamageReason::TooLarge { .. }))
        );
        // An empty file and one that does not look like mail are messages by
        // the Maildir definition: kept, byte for byte, flagged as damaged.
        assert!(
            matches!(&items[1], ReadItem::Message(m) if m.bytes.is_empty() && m.damage == Some(DamageReason::Empty))
        );
        assert!(matches!(&items[2], ReadItem::Message(m) if m.damage.is_none()));
        assert!(
            matches!(&items[3], ReadItem::Message(m) if m.bytes == b"not mail" && m.damage == Some(DamageReason::NoHeader))
        );
    }
}

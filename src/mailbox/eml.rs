//! EML: one RFC 5322 message per file, usually named `*.eml`.
//!
//! Reading takes a single file or every `*.eml` file of a directory (in name
//! order; subdirectories are folders, found by [`super::discover`]). Flags come
//! from status headers if any (see [`super::header_flags`]).
//!
//! Writing puts each message, byte for byte, in its own file named
//! `NNNNNN Subject words.eml` (see [`super::names`]): safe on every file system,
//! unique within the directory, and never replacing an existing file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::header_flags::flags_from_headers;
use super::maildir::read_message_file;
use super::names::{eml_base_name, safe_component};
use super::{Error, ReadItem, ReadOptions, Result};

/// True for a path ending in `.eml` (any case).
pub fn is_eml_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("eml"))
}

/// Reads `.eml` files.
pub struct EmlReader {
    files: std::vec::IntoIter<PathBuf>,
    opts: ReadOptions,
}

impl EmlReader {
    /// One file, or the `.eml` files directly inside a directory.
    pub fn open(path: &Path, opts: ReadOptions) -> Result<Self> {
        let files = if path.is_dir() {
            let mut v = Vec::new();
            let rd = fs::read_dir(path).map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })?;
            for e in rd {
                let e = e.map_err(|source| Error::Read {
                    path: path.to_path_buf(),
                    source,
                })?;
                let p = e.path();
                if is_eml_name(&p) && e.file_type().is_ok_and(|t| !t.is_dir()) {
                    v.push(p);
                }
            }
            v.sort();
            v
        } else {
            vec![path.to_path_buf()]
        };
        Ok(EmlReader {
            files: files.into_iter(),
            opts,
        })
    }
}

impl Iterator for EmlReader {
    type Item = Result<ReadItem>;

    fn next(&mut self) -> Option<Self::Item> {
        let path = self.files.next()?;
        let mut item = read_message_file(&path, &self.opts, Default::default(), None);
        if let ReadItem::Message(m) = &mut item {
            if m.damage.is_none() {
                m.flags = flags_from_headers(&m.bytes);
            }
            m.received = None;
        }
        Some(Ok(item))
    }
}

/// Writes `.eml` files into a directory.
pub struct EmlWriter {
    dir: PathBuf,
    seq: u64,
}

impl EmlWriter {
    /// Creates the directory; an existing one is refused with [`Error::Exists`]
    /// unless `force`, in which case files are added beside what is there.
    pub fn create(dir: &Path, force: bool) -> Result<Self> {
        if dir.symlink_metadata().is_ok() && !force {
            return Err(Error::Exists(dir.to_path_buf()));
        }
        fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        })?;
        Ok(EmlWriter {
            dir: dir.to_path_buf(),
            seq: 0,
        })
    }

    /// A subdirectory for a subfolder, named safely.
    pub fn subfolder(&self, name: &str) -> Result<EmlWriter> {
        EmlWriter::create(&self.dir.join(safe_component(name)), true)
    }

    /// The directory written to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one message to a new file and returns its path.
    pub fn write_message(&mut self, bytes: &[u8]) -> Result<PathBuf> {
        self.seq += 1;
        let base = eml_base_name(self.seq, bytes);
        for n in 1u32.. {
            let name = if n == 1 {
                format!("{base}.eml")
            } else {
                format!("{base} ({n}).eml")
            };
            let path = self.dir.join(name);
            let werr = |source| Error::Write {
                path: path.clone(),
                source,
            };
            match fs::File::options().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    f.write_all(bytes).map_err(werr)?;
                    return Ok(path);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(werr(e)),
            }
        }
        Err(Error::Exists(self.dir.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_and_read_directory() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("eml");
        let mut w = EmlWriter::create(&out, false).unwrap();
        let a: &[u8] = b"Subject: same\nStatus: R\n\na\n";
        let p1 = w.write_message(a).unwrap();
        let p2 = w.write_message(b"Subject: same\n\nb\n").unwrap();
        assert_ne!(p1, p2);
        assert!(
            p1.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("000001 same")
        );
        // A file that is already there is never replaced.
        fs::write(out.join("000003 x.eml"), b"keep").unwrap();
        let p3 = w.write_message(b"Subject: x\n\nc\n").unwrap();
        assert!(p3.ends_with("000003 x (2).eml"));
        assert_eq!(fs::read(out.join("000003 x.eml")).unwrap(), b"keep");
        let got: Vec<_> = EmlReader::open(&out, ReadOptions::default())
            .unwrap()
            .filter_map(|i| match i.unwrap() {
                ReadItem::Message(m) => Some(m),
                ReadItem::Damaged(_) => None,
            })
            .collect();
        assert_eq!(got.len(), 4, "the 'keep' file has no header but is kept");
        let damaged: Vec<_> = got.iter().filter(|m| m.damage.is_some()).collect();
        assert_eq!(damaged.len(), 1);
        assert_eq!(damaged[0].bytes, b"keep");
        assert_eq!(got[0].bytes, a);
        assert!(got[0].flags.seen);
        assert!(matches!(
            EmlWriter::create(&out, false),
            Err(Error::Exists(_))
        ));
        let sub = w.subfolder("../up").unwrap();
        // The name ends in "_up" as text ("../up" becomes ".__up" since
        // b344309); `Path::ends_with` compares whole components.
        let name = sub
            .dir()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            sub.dir().starts_with(&out) && name.ends_with("_up"),
            "{name}"
        );
    }
}

//! Finding the mailboxes under an import path and the folder tree they form.
//!
//! Recognised layouts:
//! - a single mbox file, `.eml` file, or maildir;
//! - Thunderbird's `Local Folders`: mbox files without extension, their
//!   subfolders in a sibling `NAME.sbd/` directory, `.msf` index files ignored
//!   (and anything else that is not an mbox, such as `popstate.dat`);
//! - Apple Mail exports: a `NAME.mbox/` directory holding a file named `mbox`;
//! - Maildir++: `.Sub.Folder` directories inside a maildir;
//! - plain directory trees of the above (each directory level is a folder level),
//!   including directories of `.eml` files.
//!
//! Folder paths are relative to the import path: the path itself is the root
//! (`[]`), which the importer names after the file or directory.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::eml::is_eml_name;
use super::header_flags::is_header_line;
use super::maildir::is_maildir;
use super::{Damage, DamageReason, Error, Format, Result, from_line};

/// Directory levels followed at most (guards against loops and absurd trees).
const MAX_DEPTH: usize = 32;

/// The kind of one source folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// An mbox file.
    Mbox,
    /// A maildir (its own `cur/` and `new/` only).
    Maildir,
    /// A `.eml` file or the `.eml` files of a directory.
    Eml,
}

/// One folder to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFolder {
    /// The folder path below the import root (`[]` is the root itself).
    pub path: Vec<String>,
    /// The file or directory to read.
    pub location: PathBuf,
    /// Its format.
    pub kind: SourceKind,
    /// Bytes to read (for progress).
    pub bytes: u64,
}

/// What the start of a file looks like.
///
/// An mbox starts with a `From_` line; a damaged one may have junk first, so a
/// valid `From_` line at a line start within the first 64 KiB also counts.
fn sniff(path: &Path) -> Option<SourceKind> {
    let mut head = Vec::with_capacity(SNIFF);
    // Unreadable: not recognised here; opening it to import reports the error.
    fs::File::open(path)
        .ok()?
        .take(SNIFF as u64)
        .read_to_end(&mut head)
        .ok()?;
    if head.starts_with(b"From ") {
        return Some(SourceKind::Mbox);
    }
    if is_header_line(memchr::memchr(b'\n', &head).map_or(&head[..], |i| &head[..=i])) {
        return Some(SourceKind::Eml);
    }
    memchr::memmem::find_iter(&head, b"\nFrom ")
        .any(|i| from_line::is_from_line(&head[i + 1..]))
        .then_some(SourceKind::Mbox)
}

/// How much of a file [`sniff`] looks at.
const SNIFF: usize = 64 * 1024;

fn file_len(p: &Path) -> u64 {
    fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn dir_bytes(dir: &Path, filter: impl Fn(&Path) -> bool) -> u64 {
    // A size estimate for the progress bar: what cannot be read counts 0.
    fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| filter(&e.path()))
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// What [`discover_all`] found: the folders, and what could not be looked at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Discovery {
    /// The folders to import.
    pub folders: Vec<SourceFolder>,
    /// Directories and entries that could not be read while looking (each
    /// with [`DamageReason::Unreadable`]): reported, never silently skipped.
    pub unreadable: Vec<Damage>,
}

/// Lists the folders to import from `path` for the requested format.
/// Entries that cannot be read are left out; [`discover_all`] reports them.
pub fn discover(path: &Path, format: Format) -> Result<Vec<SourceFolder>> {
    discover_all(path, format).map(|d| d.folders)
}

/// Lists the folders to import from `path` and the entries below it that
/// could not be read.
pub fn discover_all(path: &Path, format: Format) -> Result<Discovery> {
    let mut unreadable = Vec::new();
    let meta = fs::metadata(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    if meta.is_file() {
        let kind = match format {
            Format::Mbox | Format::Mboxrd | Format::Mboxo => SourceKind::Mbox,
            Format::Eml => SourceKind::Eml,
            Format::Maildir => {
                return Err(not_mailbox(path, &crate::t!("mailbox-not-maildir")));
            }
            Format::Auto if is_eml_name(path) => SourceKind::Eml,
            Format::Auto => {
                sniff(path).ok_or_else(|| not_mailbox(path, &crate::t!("mailbox-not-mail")))?
            }
        };
        out.push(SourceFolder {
            path: Vec::new(),
            location: path.to_path_buf(),
            kind,
            bytes: meta.len(),
        });
    } else {
        walk(path, &[], &mut out, &mut unreadable, 0);
        let want = match format {
            Format::Auto => None,
            Format::Mbox | Format::Mboxrd | Format::Mboxo => Some(SourceKind::Mbox),
            Format::Maildir => Some(SourceKind::Maildir),
            Format::Eml => Some(SourceKind::Eml),
        };
        if let Some(k) = want {
            out.retain(|f| f.kind == k);
        }
    }
    if out.is_empty() {
        let why = match unreadable.first() {
            Some(d) => crate::t!("mailbox-no-mail-because", reason = d.to_string()),
            None => crate::t!("mailbox-no-mail"),
        };
        return Err(not_mailbox(path, &why));
    }
    Ok(Discovery {
        folders: out,
        unreadable,
    })
}

fn unreadable_entry(path: &Path, e: &std::io::Error) -> Damage {
    Damage {
        path: path.to_path_buf(),
        offset: 0,
        length: 0,
        reason: DamageReason::Unreadable(e.to_string()),
    }
}

fn not_mailbox(path: &Path, why: &str) -> Error {
    Error::NotAMailbox {
        path: path.to_path_buf(),
        why: why.to_string(),
    }
}

fn child(prefix: &[String], name: &str) -> Vec<String> {
    let mut p = prefix.to_vec();
    p.push(name.to_string());
    p
}

fn walk(
    dir: &Path,
    prefix: &[String],
    out: &mut Vec<SourceFolder>,
    bad: &mut Vec<Damage>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        bad.push(Damage {
            path: dir.to_path_buf(),
            offset: 0,
            length: 0,
            reason: DamageReason::Unreadable(crate::t!("mailbox-too-deep", levels = MAX_DEPTH)),
        });
        return;
    }
    let rd = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            bad.push(unreadable_entry(dir, &e));
            return;
        }
    };
    let mut entries: Vec<(String, PathBuf, bool)> = Vec::new();
    for e in rd {
        let e = match e {
            Ok(e) => e,
            Err(err) => {
                bad.push(unreadable_entry(dir, &err));
                continue;
            }
        };
        let t = match e.file_type() {
            Ok(t) => t,
            Err(err) => {
                bad.push(unreadable_entry(&e.path(), &err));
                continue;
            }
        };
        // Symbolic links are not followed (loops, and mail outside the path).
        if t.is_symlink() {
            continue;
        }
        entries.push((
            e.file_name().to_string_lossy().into_owned(),
            e.path(),
            t.is_dir(),
        ));
    }
    entries.sort();
    if is_maildir(dir) {
        out.push(SourceFolder {
            path: prefix.to_vec(),
            location: dir.to_path_buf(),
            kind: SourceKind::Maildir,
            bytes: dir_bytes(&dir.join("cur"), |_| true) + dir_bytes(&dir.join("new"), |_| true),
        });
        for (name, p, is_dir) in &entries {
            if !is_dir || matches!(name.as_str(), "cur" | "new" | "tmp") {
                continue;
            }
            if let Some(sub) = name.strip_prefix('.') {
                // Maildir++: ".A.B" is folder A/B; it has no nested directories of its own.
                if is_maildir(p) && !sub.is_empty() {
                    let mut path = prefix.to_vec();
                    path.extend(sub.split('.').filter(|s| !s.is_empty()).map(String::from));
                    out.push(SourceFolder {
                        path,
                        location: p.clone(),
                        kind: SourceKind::Maildir,
                        bytes: dir_bytes(&p.join("cur"), |_| true)
                            + dir_bytes(&p.join("new"), |_| true),
                    });
                }
            } else {
                walk(p, &child(prefix, name), out, bad, depth + 1);
            }
        }
        return;
    }
    let eml_bytes = dir_bytes(dir, is_eml_name);
    if entries.iter().any(|(_, p, d)| !d && is_eml_name(p)) {
        out.push(SourceFolder {
            path: prefix.to_vec(),
            location: dir.to_path_buf(),
            kind: SourceKind::Eml,
            bytes: eml_bytes,
        });
    }
    let names: Vec<&str> = entries.iter().map(|(n, _, _)| n.as_str()).collect();
    for (name, p, is_dir) in &entries {
        if name.starts_with('.') {
            continue;
        }
        if *is_dir {
            if let Some(base) = name.strip_suffix(".sbd") {
                walk(p, &child(prefix, base), out, bad, depth + 1);
            } else if let Some(base) = name
                .strip_suffix(".mbox")
                .filter(|_| p.join("mbox").is_file())
            {
                out.push(SourceFolder {
                    path: child(prefix, base),
                    location: p.join("mbox"),
                    kind: SourceKind::Mbox,
                    bytes: file_len(&p.join("mbox")),
                });
            } else {
                walk(p, &child(prefix, name), out, bad, depth + 1);
            }
            continue;
        }
        if is_eml_name(p) || p.extension().is_some_and(|e| e == "msf") {
            continue;
        }
        let len = file_len(p);
        let msf = format!("{name}.msf");
        let is_mbox = if len == 0 {
            // An empty Thunderbird folder: no extension and an index beside it.
            p.extension().is_none() && names.contains(&msf.as_str())
        } else {
            sniff(p) == Some(SourceKind::Mbox)
        };
        if is_mbox {
            let base = [".mbox", ".mbx"]
                .iter()
                .find_map(|ext| name.strip_suffix(ext))
                .unwrap_or(name);
            out.push(SourceFolder {
                path: child(prefix, base),
                location: p.clone(),
                kind: SourceKind::Mbox,
                bytes: len,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(v: &[SourceFolder]) -> Vec<(String, SourceKind)> {
        v.iter().map(|f| (f.path.join("/"), f.kind)).collect()
    }

    #[test]
    fn thunderbird_local_folders() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path();
        let mbox = b"From x Mon Jan  1 00:00:00 2024\nA: 1\n\nb\n\n";
        fs::write(r.join("Inbox"), mbox).unwrap();
        fs::write(r.join("Inbox.msf"), b"// <!-- <mdb:mork").unwrap();
        fs::write(r.join("Trash"), b"").unwrap();
        fs::write(r.join("Trash.msf"), b"x").unwrap();
        fs::write(r.join("popstate.dat"), b"# POP3 State File").unwrap();
        fs::create_dir(r.join("Inbox.sbd")).unwrap();
        fs::write(r.join("Inbox.sbd/Work"), mbox).unwrap();
        fs::create_dir(r.join("Inbox.sbd/Work.sbd")).unwrap();
        fs::write(r.join("Inbox.sbd/Work.sbd/2024"), mbox).unwrap();
        let found = discover(r, Format::Auto).unwrap();
        assert_eq!(
            paths(&found),
            vec![
                ("Inbox".into(), SourceKind::Mbox),
                ("Inbox/Work".into(), SourceKind::Mbox),
                ("Inbox/Work/2024".into(), SourceKind::Mbox),
                ("Trash".into(), SourceKind::Mbox),
            ]
        );
        assert_eq!(found[0].bytes, mbox.len() as u64);
    }

    #[test]
    fn maildir_plus_plus_and_eml() {
        let d = tempfile::tempdir().unwrap();
        let r = d.path().join("md");
        for sub in ["", ".Work", ".Work.Old"] {
            for s in ["cur", "new", "tmp"] {
                fs::create_dir_all(r.join(sub).join(s)).unwrap();
            }
        }
        let found = discover(&r, Format::Auto).unwrap();
        assert_eq!(
            paths(&found),
            vec![
                ("".into(), SourceKind::Maildir),
                ("Work".into(), SourceKind::Maildir),
                ("Work/Old".into(), SourceKind::Maildir),
            ]
        );
        let e = d.path().join("eml");
        fs::create_dir_all(e.join("sub")).unwrap();
        fs::write(e.join("a.eml"), b"A: 1\n\nx\n").unwrap();
        fs::write(e.join("sub/b.EML"), b"A: 1\n\nx\n").unwrap();
        let found = discover(&e, Format::Auto).unwrap();
        assert_eq!(
            paths(&found),
            vec![
                ("".into(), SourceKind::Eml),
                ("sub".into(), SourceKind::Eml)
            ]
        );
        assert!(discover(&e, Format::Maildir).is_err());
        let f = discover(&e.join("a.eml"), Format::Auto).unwrap();
        assert_eq!(paths(&f), vec![("".into(), SourceKind::Eml)]);
        let junk = d.path().join("junk.bin");
        fs::write(&junk, b"\x00\x01binary").unwrap();
        assert!(matches!(
            discover(&junk, Format::Auto),
            Err(Error::NotAMailbox { .. })
        ));
    }
}

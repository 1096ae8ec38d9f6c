//! Mailbox files: mbox, Maildir and EML readers and writers.
//!
//! This module is pure format code: it turns files on disk into a stream of
//! [`MailboxMessage`]s and writes messages back out. It knows nothing about the
//! store; the job worker (`crate::jobs`) connects the two.
//!
//! Formats and the specs they follow:
//! - **mbox** (RFC 4155, `application/mbox`): messages separated by `From_` lines.
//!   The variants differ in how body lines that start with `From ` are protected:
//!   *mboxo* writes `>From ` and reads `>From ` back as `From ` (lossy for lines that
//!   already started `>From `), *mboxrd* adds one `>` to every line matching
//!   `^>*From ` and removes one on reading (lossless), *mboxcl/mboxcl2* carry a
//!   `Content-Length:` header that delimits the body. See [`mbox_read`] and [`mbox_write`].
//!   Thunderbird's `Local Folders` directory (mbox files, `X.sbd/` subfolder
//!   directories, `.msf` indexes) is handled by [`discover`].
//! - **Maildir** (D. J. Bernstein, <https://cr.yp.to/proto/maildir.html>) with the
//!   `:2,` info flags and Maildir++ `.Sub.Folder` subfolders. See [`maildir`].
//! - **EML**: one RFC 5322 message per `.eml` file. See [`eml`].
//!
//! All readers stream: memory stays bounded by the size of one message, and a
//! message larger than [`ReadOptions::max_message_size`] is reported as damaged and
//! skipped instead of being loaded. Damaged input never stops a read.
//!
//! Nothing is dropped (ARCHITECTURE invariant 8): a region that is not a
//! well-formed message — text before an mbox's first `From_` line, a region or
//! file that does not start with a header field, an empty or non-mail-looking
//! file in a Maildir's `cur/`/`new/` (by the Maildir definition every file there
//! is a message) — is still yielded as a [`MailboxMessage`] with its bytes
//! unchanged and [`MailboxMessage::damage`] saying why; the importer stores it
//! flagged as damaged. Only what cannot be kept (too large, unreadable, or a
//! `From_` line with nothing after it) is reported as a skipped [`Damage`].

pub mod discover;
pub mod eml;
pub mod from_line;
pub mod header_flags;
pub mod maildir;
pub mod mbox_read;
pub mod mbox_write;
pub mod names;
mod source;

use std::path::PathBuf;

pub use discover::{Discovery, SourceFolder, SourceKind, discover, discover_all};
pub use mbox_read::{MboxReader, MboxVariant, PrescanReport, prescan};
pub use mbox_write::MboxWriter;

/// Message flags as mailbox formats carry them (Maildir info letters, mbox
/// `Status:`/`X-Status:` headers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Flags {
    /// The message has been read (Maildir `S`, mbox `Status: R`).
    pub seen: bool,
    /// The message is flagged/starred (Maildir `F`, mbox `X-Status: F`).
    pub flagged: bool,
    /// The message has been replied to (Maildir `R`, mbox `X-Status: A`).
    pub answered: bool,
    /// The message is marked for deletion (Maildir `T`, mbox `X-Status: D`).
    pub trashed: bool,
    /// The message is a draft (Maildir `D`, mbox `X-Status: T`).
    pub draft: bool,
}

impl Flags {
    /// True when no flag is set.
    pub fn is_empty(&self) -> bool {
        *self == Flags::default()
    }

    /// The union of two flag sets.
    pub fn union(self, other: Flags) -> Flags {
        Flags {
            seen: self.seen || other.seen,
            flagged: self.flagged || other.flagged,
            answered: self.answered || other.answered,
            trashed: self.trashed || other.trashed,
            draft: self.draft || other.draft,
        }
    }
}

/// One message read from a mailbox file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailboxMessage {
    /// The message bytes exactly as they will be stored (mbox quoting removed,
    /// no `From_` line).
    pub bytes: Vec<u8>,
    /// Flags from the format (Maildir info) or from status headers.
    pub flags: Flags,
    /// When the message was received, seconds since the Unix epoch, if the format
    /// records it (mbox `From_` line date, Maildir file name).
    pub received: Option<i64>,
    /// Byte offset of the message in its file (the `From_` line for mbox, 0 for
    /// one-message-per-file formats).
    pub offset: u64,
    /// Set when the bytes are not a well-formed message (no header field first,
    /// text before the first `From_` line, an empty file): they are kept as they
    /// are and stored flagged as damaged.
    pub damage: Option<DamageReason>,
    /// The file the message is, for one-message-per-file formats (Maildir,
    /// EML); `None` inside an mbox.
    pub file: Option<PathBuf>,
}

impl MailboxMessage {
    /// A region kept as a damaged message: its bytes unchanged, no flags.
    pub fn damaged(bytes: Vec<u8>, offset: u64, reason: DamageReason) -> Self {
        MailboxMessage {
            bytes,
            flags: Flags::default(),
            received: None,
            offset,
            damage: Some(reason),
            file: None,
        }
    }
}

/// Why a region of input was skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DamageReason {
    /// The message is larger than the configured limit.
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// Bytes before the first `From_` line of an mbox file.
    LeadingGarbage,
    /// A `From_` line followed by no message at all.
    Empty,
    /// The text does not start with a header field, so it is not a message.
    NoHeader,
    /// The file could not be read.
    Unreadable(String),
}

/// Words for people, in the current language (the import report, the CLI,
/// and the note a damaged message is stored with).
impl std::fmt::Display for DamageReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            DamageReason::TooLarge { limit } => {
                crate::t!("mailbox-damage-too-large", mib = limit / (1024 * 1024))
            }
            DamageReason::LeadingGarbage => crate::t!("mailbox-damage-leading-text"),
            DamageReason::Empty => crate::t!("mailbox-damage-empty"),
            DamageReason::NoHeader => crate::t!("mailbox-damage-no-header"),
            DamageReason::Unreadable(e) => crate::t!("mailbox-damage-unreadable", error = e),
        };
        f.write_str(&text)
    }
}

/// A damaged region of input: which file, where, how long, and why. The
/// importer lists both regions it kept as damaged messages and ones it skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damage {
    /// The file it was in.
    pub path: PathBuf,
    /// Byte offset of the skipped region in that file.
    pub offset: u64,
    /// Number of bytes skipped.
    pub length: u64,
    /// Why it was skipped.
    pub reason: DamageReason,
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Length and offset ungrouped: positions in a file; `count` picks
        // the plural.
        f.write_str(&crate::t!(
            "mailbox-damage-skipped",
            path = self.path.display().to_string(),
            length = self.length.to_string(),
            count = self.length,
            offset = self.offset.to_string(),
            reason = self.reason.to_string()
        ))
    }
}

/// One item from a reader: a message or a report of skipped input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadItem {
    /// A readable message.
    Message(MailboxMessage),
    /// A region that was skipped.
    Damaged(Damage),
}

/// Options shared by all readers.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Messages larger than this many bytes are skipped and reported.
    pub max_message_size: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_message_size: crate::account::limits::MAX_MESSAGE_SIZE,
        }
    }
}

/// The formats popmail reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Detect from the path (reading only).
    Auto,
    /// mbox, variant detected by a pre-scan (reading only; writing uses mboxrd).
    Mbox,
    /// mboxrd: reversible `>From ` quoting. The default for export.
    Mboxrd,
    /// mboxo: classic quoting, lossy for lines that start `>From `.
    Mboxo,
    /// Maildir with `:2,` flags and Maildir++ subfolders.
    Maildir,
    /// One `.eml` file per message.
    Eml,
}

impl Format {
    /// Whether this is one of the mbox family (one file of many messages)
    /// rather than one file or folder per message. Exhaustive on purpose: a new
    /// format must say which it is.
    pub fn is_mbox(self) -> bool {
        match self {
            Format::Mbox | Format::Mboxrd | Format::Mboxo => true,
            Format::Maildir | Format::Eml => false,
            // Detection reads only; "auto" is neither until it has looked.
            Format::Auto => false,
        }
    }
}

impl std::str::FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Format::Auto),
            "mbox" => Ok(Format::Mbox),
            "mboxrd" => Ok(Format::Mboxrd),
            "mboxo" => Ok(Format::Mboxo),
            "maildir" => Ok(Format::Maildir),
            "eml" => Ok(Format::Eml),
            _ => Err(Error::UnknownFormat(s.to_string())),
        }
    }
}

/// Errors from mailbox reading and writing.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading a file or directory failed.
    #[error("{}", crate::t!("error-mailbox-read", path = path.display().to_string(), error = source.to_string()))]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Writing a file or directory failed.
    #[error("{}", crate::t!("error-mailbox-write", path = path.display().to_string(), error = source.to_string()))]
    Write {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// An export target already exists and overwriting was not requested.
    #[error("{}", crate::t!("error-mailbox-exists", path = _0.display().to_string()))]
    Exists(PathBuf),
    /// The path is not a mailbox in any format popmail knows.
    #[error("{}", crate::t!("error-mailbox-not-a-mailbox", path = path.display().to_string(), why = why))]
    NotAMailbox {
        /// The path given.
        path: PathBuf,
        /// What was found instead.
        why: String,
    },
    /// The format name is not one popmail knows.
    #[error("{}", crate::t!("error-mailbox-unknown-format", format = format!("{_0:?}")))]
    UnknownFormat(String),
}

/// Shorthand for results in this module.
pub type Result<T, E = Error> = std::result::Result<T, E>;

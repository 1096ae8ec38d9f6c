//! Plain data types of the store: ids, flags, folders, accounts, list rows.

use crate::account::AccountSettings;

/// Row id of an account.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct AccountId(pub i64);

/// Row id of a folder.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct FolderId(pub i64);

/// Row id of a message.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct MessageId(pub i64);

/// Message flags, stored as a bit set (the bits match IMAP/Maildir meanings).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Flags(pub u32);

impl Flags {
    /// The message has been read.
    pub const SEEN: Flags = Flags(1);
    /// The message is starred.
    pub const FLAGGED: Flags = Flags(2);
    /// The message has been answered.
    pub const ANSWERED: Flags = Flags(4);
    /// The message is marked for deletion (Maildir `T`).
    pub const DELETED: Flags = Flags(8);
    /// The message is a draft.
    pub const DRAFT: Flags = Flags(16);
    /// The message was marked junk (by the user, a rule or the junk filter);
    /// popmail's own bit, not written to mailbox files.
    pub const JUNK: Flags = Flags(32);

    /// Whether every bit of `other` is set.
    pub fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// These flags with `other` set or cleared.
    #[must_use]
    pub fn with(self, other: Flags, on: bool) -> Flags {
        if on {
            Flags(self.0 | other.0)
        } else {
            Flags(self.0 & !other.0)
        }
    }

    /// Names of the set flags, for JSON output.
    pub fn names(self) -> Vec<&'static str> {
        [
            (Self::SEEN, "seen"),
            (Self::FLAGGED, "flagged"),
            (Self::ANSWERED, "answered"),
            (Self::DELETED, "deleted"),
            (Self::DRAFT, "draft"),
            (Self::JUNK, "junk"),
        ]
        .into_iter()
        .filter(|(f, _)| self.contains(*f))
        .map(|(_, n)| n)
        .collect()
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

/// What a folder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FolderRole {
    /// An account's Inbox, where downloads land.
    Inbox,
    /// The local Trash.
    Trash,
    /// The local Archive.
    Archive,
    /// A folder the user made.
    User,
    /// A folder made by an import.
    Imported,
}

impl FolderRole {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inbox => "inbox",
            Self::Trash => "trash",
            Self::Archive => "archive",
            Self::User => "user",
            Self::Imported => "imported",
        }
    }

    pub(crate) fn parse(s: &str) -> Self {
        match s {
            "inbox" => Self::Inbox,
            "trash" => Self::Trash,
            "archive" => Self::Archive,
            "imported" => Self::Imported,
            _ => Self::User,
        }
    }
}

/// A folder with its counters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Folder {
    /// Row id.
    pub id: FolderId,
    /// Display name.
    pub name: String,
    /// Parent folder, for nested folders.
    pub parent: Option<FolderId>,
    /// Owning account (Inboxes), if any.
    pub account: Option<AccountId>,
    /// Name of the owning account, if any.
    pub account_name: Option<String>,
    /// What it is for.
    pub role: FolderRole,
    /// Number of messages.
    pub total: u64,
    /// Number of unread messages.
    pub unread: u64,
}

impl Folder {
    /// `ACCOUNT/NAME` for account folders, else the name.
    pub fn qualified_name(&self) -> String {
        match &self.account_name {
            Some(a) => format!("{a}/{}", self.name),
            None => self.name.clone(),
        }
    }
}

/// Which messages a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Scope {
    /// One folder.
    Folder(FolderId),
    /// Every account's Inbox together.
    UnifiedInbox,
}

/// Column a list is sorted by.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum SortKey {
    /// The Date header (or arrival time when it has none).
    #[default]
    Date,
    /// Sender name or address.
    From,
    /// Subject without reply prefixes.
    Subject,
    /// Size in bytes.
    Size,
}

impl SortKey {
    /// Every sort key, for benchmarks and menus.
    pub const ALL: [SortKey; 4] = [Self::Date, Self::From, Self::Subject, Self::Size];

    pub(crate) fn column(self) -> &'static str {
        match self {
            Self::Date => "date",
            Self::From => "from_sort",
            Self::Subject => "subject_sort",
            Self::Size => "size",
        }
    }
}

/// A sort order for a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Largest/newest/last first.
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Self {
            key: SortKey::Date,
            descending: true,
        }
    }
}

/// One row of the message list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageRow {
    /// Row id.
    pub id: MessageId,
    /// Folder it is in.
    pub folder: FolderId,
    /// Account it was downloaded from.
    pub account: Option<AccountId>,
    /// Date (UTC epoch seconds).
    pub date: i64,
    /// Sender display name.
    pub from_name: String,
    /// Sender address.
    pub from_addr: String,
    /// Subject.
    pub subject: String,
    /// Size of the stored bytes.
    pub size: u64,
    /// Flags.
    pub flags: Flags,
    /// Has attachments.
    pub has_attachments: bool,
    /// Only the headers were downloaded.
    pub partial: bool,
    /// First words of the body.
    pub snippet: String,
    /// Conversation key.
    pub thread_key: String,
    /// SHA-256 of the stored bytes.
    pub sha256: [u8; 32],
}

impl MessageRow {
    /// Sender as shown in the list.
    pub fn sender(&self) -> &str {
        if self.from_name.is_empty() {
            &self.from_addr
        } else {
            &self.from_name
        }
    }

    /// Lower-case hex of the SHA-256.
    pub fn sha256_hex(&self) -> String {
        hex(&self.sha256)
    }
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            // Writing to a String cannot fail.
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// A stored account.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Account {
    /// Row id.
    pub id: AccountId,
    /// Its Inbox.
    pub inbox: FolderId,
    /// Settings.
    #[serde(flatten)]
    pub settings: AccountSettings,
}

//! What the user asks for: the one action type of the window. Every panel
//! draws from a read-only view and pushes [`Intent`]s into a `Vec`; the app
//! applies them after the frame. A leaf of `ui`: it imports no sibling.

use std::path::PathBuf;

use crate::store::{AccountId, Flags, FolderId, MessageId, Scope, SortKey};

/// Which page of the settings dialog to show when it opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    /// The list of accounts.
    Accounts,
    /// The form for a new account.
    NewAccount,
    /// The form of this account.
    Account(AccountId),
    /// The form of this account, signing in again through the browser.
    SignInAgain(AccountId),
    /// The Preferences tab.
    Preferences,
    /// The Rules tab, knowing the selected message (to test rules on) and
    /// the folder shown (to run them on).
    Rules {
        /// The message "Test on the selected message" uses.
        message: Option<MessageId>,
        /// The folder "Run rules on this folder" starts with.
        folder: Option<FolderId>,
    },
}

/// An account form to save: the settings dialog asks, the app writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountSave {
    /// The account edited (`None`: a new one).
    pub editing: Option<AccountId>,
    /// The settings as checked by the form.
    pub settings: crate::account::AccountSettings,
    /// A password typed in the form (`None`: keep the saved one).
    pub password: Option<crate::secret::Secret>,
    /// The tokens of an OAuth 2.0 sign-in made in the form, to keep.
    pub tokens: Option<crate::oauth::Tokens>,
}

/// An import or export step (menus, context menus, drops, the dialogs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transfer {
    /// Open the import dialog, with a path already chosen (a drop) or not.
    Import(Option<PathBuf>),
    /// Open the export dialog for a folder (`None`: the folder on screen).
    ExportFolder(Option<FolderId>),
    /// Open the export dialog for these messages.
    ExportMessages(Vec<MessageId>),
    /// Pick a file to import.
    PickImportFile,
    /// Pick a folder to import.
    PickImportFolder,
    /// Pick where to export to.
    PickExportDest,
    /// Start the import as set up.
    StartImport,
    /// Start the export as set up (`true`: replacing was confirmed).
    StartExport(bool),
    /// Back from the overwrite question to the export dialog.
    BackToExport,
    /// Close the dialog.
    CloseSetup,
    /// Cancel the running job.
    CancelJob,
    /// Close the summary window.
    CloseResult,
}

/// Messages being dragged onto a folder.
#[derive(Debug, Clone, PartialEq)]
pub struct DragMessages(pub Vec<MessageId>);

/// Which attachments to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveRequest {
    /// The attachment at this index of the open message.
    One(usize),
    /// Every attachment of the open message.
    All,
}

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Lock the window: drop the key and every view of the mail.
    Lock,
    /// Open Preferences → Security (encryption and the idle lock).
    Security,
    /// Show a folder or the unified Inbox.
    ShowScope(Scope),
    /// Show a message in the reader.
    Open(MessageId),
    /// Sort by a column (again: reverse).
    Sort(SortKey),
    /// Conversation view on or off.
    SetConversations(bool),
    /// Search every folder, or only the one shown.
    SearchEverywhere(bool),
    /// New preferences (the View menu).
    SetPrefs(Box<super::prefs::Prefs>),
    /// Set or clear a flag.
    SetFlag(Vec<MessageId>, Flags, bool),
    /// Flip a flag (set it on all unless all have it).
    ToggleFlag(Vec<MessageId>, Flags),
    /// Move to the Archive.
    Archive(Vec<MessageId>),
    /// Choose a folder, then move.
    AskMove(Vec<MessageId>),
    /// Move to a folder.
    Move(Vec<MessageId>, FolderId),
    /// Move to the Trash.
    Trash(Vec<MessageId>),
    /// Move out of the Trash.
    Restore(Vec<MessageId>),
    /// Ask, then delete for good.
    AskExpunge(Vec<MessageId>),
    /// Delete for good.
    Expunge(Vec<MessageId>),
    /// Ask, then empty a folder.
    AskEmpty(FolderId),
    /// Empty a folder for good.
    Empty(FolderId),
    /// Undo the last move or delete.
    Undo,
    /// Ask for a new top-level folder's name.
    NewFolder,
    /// Ask for a new subfolder's name.
    NewSubfolder(FolderId),
    /// Ask for a folder's new name.
    RenameFolder(FolderId),
    /// Ask, then delete a folder.
    AskDeleteFolder(FolderId),
    /// Create a folder.
    CreateFolder(Option<FolderId>, String),
    /// Rename a folder.
    DoRenameFolder(FolderId, String),
    /// Delete a folder.
    DeleteFolder(FolderId),
    /// Sync every account.
    SyncAll,
    /// Sync one account.
    SyncAccount(AccountId),
    /// Stop syncing.
    CancelSync,
    /// Download the whole of a headers-only message.
    FetchFull(MessageId),
    /// Show a link's target and ask.
    AskOpenLink(String),
    /// Open a link in the browser.
    OpenLink(String),
    /// Save attachments (warns first about risky types).
    Save(SaveRequest),
    /// Save attachments, warnings accepted.
    SaveConfirmed(SaveRequest),
    /// Save one attachment to this file (replacing it was confirmed).
    SaveTo(usize, PathBuf),
    /// Show the raw message.
    ViewSource,
    /// Start the demo.
    StartDemo,
    /// Add an account.
    AddAccount,
    /// Import a mailbox.
    ImportMailbox,
    /// An import or export step (open a dialog, pick, start, cancel, close).
    ImportExport(Transfer),
    /// Show preferences.
    Preferences,
    /// Save an account (the settings dialog's form).
    SaveAccount(Box<AccountSave>),
    /// Remove an account, keeping its mail in a local folder or deleting it.
    RemoveAccount {
        /// The account.
        id: AccountId,
        /// Keep its mail.
        keep: bool,
    },
    /// Open the settings dialog.
    Settings(Open),
    /// Focus the search box.
    FocusSearch,
    /// End the search.
    ClearSearch,
    /// Hide the error line.
    DismissError,
    /// Show a sentence on the error line.
    ShowError(String),
    /// Re-read folders and accounts (small tables).
    RefreshFolders,
    /// Accounts were added, changed or removed: folders and the list catch up.
    AccountsChanged,
    /// Re-read the list shown.
    ReloadList,
    /// Close the window.
    Quit,
    /// Save the rule list (Settings → Rules, checked as a whole).
    SaveRules(Vec<crate::rules::Rule>),
    /// Run the rules over a folder or a selection (a job with progress).
    RunRules(crate::jobs::RulesScope),
    /// Mark junk (`true`) or not junk, training the filter (J, Shift+J).
    MarkJunk(Vec<MessageId>, bool),
}

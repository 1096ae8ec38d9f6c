# popmail — English. The main window: menus, toolbar, folder pane, message
# list, search, status bar, dialogs, the welcome page and the message viewer
# window (src/ui, except settings, import/export, security and lock).

## Menu bar (src/ui/menus.rs).

window-menu-file = File
window-menu-message = Message
window-menu-view = View
window-menu-sync = Sync
window-add-account = Add a POP3 account…
window-account-settings = Account settings…
window-import = Import…
window-export = Export…
window-try-demo = Try the demo
window-preferences = Preferences…
window-rules = Rules…
window-security = Security…
window-lock = Lock
window-quit = Quit
window-open = Open
window-toggle-read = Mark read / unread
window-toggle-star = Star / unstar
window-archive = Archive
window-move-to = Move to…
# Message menu and a row's right-click menu: mark the selection as junk.
window-junk = Junk
window-not-junk = Not junk
window-delete-for-good = Delete for good…
window-restore = Restore from Trash
window-undo = Undo
# Message → Undo, with what it undoes ($what is window-undo-move, -delete or -restore).
window-undo-what = Undo { $what }
window-empty-trash = Empty Trash…
window-search = Search
window-conversations = Conversations
window-reader-right = Reader on the right
window-reader-bottom = Reader below the list
window-theme-system = Theme: follow the system
window-theme-light = Theme: light
window-theme-dark = Theme: dark
window-text-larger = Larger text
window-text-smaller = Smaller text
window-sync-all = Sync all accounts
# Sync menu: one entry per account.
window-sync-account = Sync { $name }
window-sync-stop = Stop syncing

## Toolbar (src/ui/toolbar.rs).

window-conversations-hint = Group replies under the message they answer
window-mark-junk = Mark as junk
window-mark-junk-hint = Move to Junk and teach the junk filter (J)
window-not-junk-hint = Never junk: teach the filter, trust the sender (Shift+J)

## Row menu (src/ui/row_menu.rs).

window-mark-unread = Mark as unread
window-mark-read = Mark as read
window-unstar = Remove star
window-star = Star
window-run-rules-selection = Run rules on the selection
window-export-selected = Export selected…

## Welcome page (src/ui/welcome.rs).

window-welcome-title = Welcome to popmail
window-welcome-line1 = popmail downloads your mail with POP3 and keeps it on this computer,
window-welcome-line2 = so you can read and search it offline.
window-welcome-add-hint = Enter the server and login of your mail account
window-welcome-import = Import a mailbox…
window-welcome-import-hint = Read mail from an mbox file, a Maildir or .eml files
window-welcome-demo-hint = Start a small mail server on this computer with sample mail and sync it
window-welcome-demo-note = The demo keeps its mail in a separate folder; your own mail is never touched.
window-demo-failed = The demo could not start: { $error }
window-no-store-title = popmail cannot open its mail store
window-no-store-no-dir = no data directory
# Status bar while the demo runs.
window-demo-status = Demo: mail server on 127.0.0.1:{ $port }
window-no-archive = there is no Archive folder
window-no-store-open = no mail store is open

## Folder pane (src/ui/folders.rs). The special folders keep their stored
## names; these are only how the window shows them.

window-folder-all-inboxes = All Inboxes
window-folder-inbox = Inbox
window-folder-trash = Trash
window-folder-archive = Archive
window-folder-junk = Junk
window-local-folders = Local folders
window-new-folder = New folder…
window-new-subfolder = New subfolder…
window-rename = Rename…
window-delete-folder = Delete folder
window-run-rules-folder = Run rules on this folder
# Title of the dialog that says why a folder could not be made, renamed or deleted.
window-folder-error-title = Folder

## Message list (src/ui/list_paint.rs).

window-list-choose-folder = Choose a folder on the left.
window-list-loading = Loading…
window-list-empty = No messages here.
# Added to a row's name for screen readers.
window-list-junk-suffix = (junk)
# Before the subject of a message whose body was not downloaded.
window-list-headers-only = [headers only]
window-no-subject = (no subject)
window-col-from = From
window-col-subject = Subject
window-col-date = Date
window-col-size = Size
window-col-starred = Starred
window-col-junk = Marked as junk
window-col-attachments = Has attachments
window-sort-by = Sort by { $column }
window-resize-column = Resize the { $column } column
window-list-position = Message list position

## Search (src/ui/search.rs).

window-search-hint = Search mail (Ctrl+F)
window-search-hover = Words to find in subject, sender, recipients and text
window-search-this-folder = This folder
window-search-this-folder-hint = Search only the folder shown
window-search-everywhere = Everywhere
window-search-everywhere-hint = Search every folder
window-search-clear = Clear search
window-search-running = Searching for “{ $query }”…
window-search-results = { $count ->
    [one] { $count } result
   *[other] { $count } results
} for “{ $query }”
window-search-best-only = (best matches only)
window-search-failed = Search failed: { $error }

## Status bar (src/ui/status_bar.rs).

window-sync = Sync
window-stop = Stop
window-stop-hint = Cancel every sync
window-sync-hint = Check every account for new mail (F5)
window-sync-checking = { $name }: checking…
window-sync-progress = { $name }: { $done } of { $total ->
    [one] { $total } message
   *[other] { $total } messages
}, { $bytes_done } of { $bytes_total }
window-sync-cancelled = { $name }: cancelled
window-sync-up-to-date = { $name }: up to date
window-sync-downloaded = { $name }: { $count } downloaded ({ $size })
window-sign-in-again = Sign in again
window-sign-in-again-hint = Sign in to { $name } in your browser
window-details = Details…
window-details-hint = The protocol log of { $name }'s last sync
window-new-messages = { $count ->
    [one] { $count } new message
   *[other] { $count } new messages
}
window-undo-hint = Undo the last move or delete (Ctrl+Z)
window-sync-stopped = Sync stopped: { $reason }
# The sync error window's title when the account is gone.
window-account-fallback = account
window-sync-error-title = Sync error — { $name }
window-protocol-log = Protocol log (passwords removed):
window-protocol-log-empty = (nothing was exchanged with the server)
window-sync-not-failed = The last sync of this account did not fail.
window-open-account-settings = Open account settings
# The button next to an error line above the message list.
window-dismiss = Dismiss
window-busy-working = Working…
window-busy-loading = Loading the folder…
window-sync-unavailable = Syncing is unavailable: { $reason }
window-sync-unavailable-no-worker = Syncing is unavailable: the sync worker did not start
window-sync-thread-failed = the sync thread could not start: { $error }
window-notify-thread-failed = the notification thread could not start: { $error }
window-thread-stopped = A background thread stopped: { $reason }
window-download-failed = Download failed
window-cannot-save = cannot save { $path }: { $error }

## The last move or delete, and what Undo undoes (Message → Undo …).

window-undo-move = move to { $folder }
window-undo-delete = delete
window-undo-restore = restore
window-notice-moved = Moved { $count ->
    [one] { $count } message
   *[other] { $count } messages
} to { $folder }.
window-notice-trashed = Moved { $count ->
    [one] { $count } message
   *[other] { $count } messages
} to the Trash.
window-notice-restored = Restored { $count ->
    [one] { $count } message
   *[other] { $count } messages
}.
window-notice-deleted-title = Deleted
window-notice-deleted = Deleted { $count ->
    [one] { $count } message
   *[other] { $count } messages
} for good.
window-notice-saved-title = Saved
window-notice-saved = Saved { $count ->
    [one] { $count } file
   *[other] { $count } files
}.

## Dialogs (src/ui/dialogs.rs).

# The raw message window's title.
window-source-title = Source — { $title }
window-expunge-title = Delete for good?
window-expunge-text = { $count ->
    [one] { $count } message
   *[other] { $count } messages
} will be deleted from this computer. This cannot be undone.
window-expunge-confirm = Delete for good
window-empty-title = Empty the Trash?
window-empty-text = { $count ->
    [one] { $count } message
   *[other] { $count } messages
} in the Trash will be deleted from this computer. This cannot be undone.
window-empty-confirm = Empty Trash
window-new-folder-title = New folder
window-folder-name-hint = Folder name
window-create = Create
window-rename-title = Rename folder
window-new-name-hint = New name
window-rename-confirm = Rename
window-delete-folder-title = Delete folder?
window-delete-folder-text = The folder “{ $name }” will be deleted. Only an empty folder can be deleted.
window-open-link-title = Open this link?
window-open-link-where = It opens in your web browser:
window-open-link-warning = Only open links you expect: a link's text can differ from its target.
window-open-in-browser = Open in browser
# Heading of the warning before saving or opening a program or script.
window-dangerous-title = This file can run programs
window-dangerous-save = “{ $name }” is a program, script or macro document. Opening it can harm your computer. Save it only if you trust the sender and expected this file.
window-save-anyway = Save anyway
window-overwrite-title = Replace the file?
window-overwrite-text = { $path } already exists.
window-replace = Replace
# Titles of the desktop's file dialogs.
window-import-file-title = Import a mailbox file
window-import-folder-title = Import a mailbox folder

## Missing fonts (src/ui/fonts.rs): script names and the hint in the reader.

window-script-cjk = Chinese/Japanese
window-script-korean = Korean
window-script-arabic = Arabic
window-script-hebrew = Hebrew
window-script-thai = Thai
window-script-devanagari = Devanagari
# Joins two package names: "fonts-noto-cjk and fonts-noto-core".
window-fonts-and = and
window-fonts-missing = No font on this computer shows { $scripts } text, so it may appear as boxes. Install the Debian package { $packages } ({ $command }) and restart popmail.

## The message viewer window (`popmail FILE.eml`, src/ui/viewer_app.rs) and
## the start of a second window.

window-viewer-import = Import into popmail…
window-viewer-import-started = popmail opens the import dialog with this file.
window-viewer-import-failed = Could not start popmail: { $error }
window-viewer-link-failed = Could not open the link: { $error }
window-viewer-save-failed = Could not save { $path }: { $error }
window-viewer-saved = { $count ->
    [one] { $count } attachment saved
   *[other] { $count } attachments saved
}
window-viewer-too-large = { $path } is { $size }, larger than popmail reads ({ $limit })
window-already-open = popmail is already open for this data folder; it took over.

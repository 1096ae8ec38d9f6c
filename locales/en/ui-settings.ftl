# popmail — English. The settings dialog: accounts, the account form, find
# settings, diagnosis, rules, junk options and Preferences (src/ui/settings,
# src/ui/prefs.rs).

## The dialog's title and tabs.

settings-title = Settings
settings-tab-accounts = Accounts
settings-tab-preferences = Preferences
settings-tab-rules = Rules

## Preferences tab.

settings-language = Language
settings-theme = Theme
# Theme choices: follow the system, light, dark.
settings-theme-system = System
settings-theme-light = Light
settings-theme-dark = Dark
settings-font-size = Font size
# After the font size slider's number.
settings-font-size-unit = { " " }pt
# Where the reader sits: right of or below the message list.
settings-reader = Reader
settings-reader-right = Right
settings-reader-bottom = Bottom
settings-mark-read-after = Mark read after
# After the delay slider's number (seconds).
settings-seconds-unit = { " " }s
settings-mark-read-hint = 0 marks a message read as soon as it opens
settings-notifications = Notifications
settings-notify = Notify me when new mail arrives
settings-notify-details = Show the sender and subject (never while locked)
# { $why }: why no notification service answers.
settings-notify-unavailable = Notifications cannot be shown here: { $why }. The status bar still counts new messages.
settings-data-folder = Data folder
settings-no-data-folder = No data folder is open.
settings-data-folder-holds = All mail and settings live here (passwords only when no keychain is available).
settings-open-folder = Open folder
settings-open-folder-hint = Show the data folder in the file manager
settings-back-up = Back up now…
settings-back-up-hint = Copy all mail and settings to a new file, while popmail keeps running
settings-backing-up = Backing up to { $path }…
settings-cancel-backup = Cancel backup
# { $size } is formatted ("1.5 MB"); { $file } is the store's file name.
settings-backup-saved = Backup saved to { $path } ({ $size }). To restore it, quit popmail and put it in place of { $file } in the data folder.
settings-backup-size-unknown = its size is unknown: { $error }
settings-backup-cancelled = The backup was cancelled.
settings-backup-failed = The backup failed: { $error }
settings-backup-worker-stopped = the job worker has stopped
settings-backup-worker-stopped-why = the job worker stopped: { $reason }

## Accounts tab.

settings-store-not-open = The mail store is not open, so accounts cannot be changed.
settings-no-accounts = No accounts yet. Add one to download your mail with POP3.
# After an account's name in the list.
settings-account-disabled = (disabled)
settings-add = Add…
settings-edit = Edit…
settings-duplicate = Duplicate
settings-remove = Remove…
settings-edit-account = Edit account “{ $name }”
settings-new-account = New account
settings-save-hint = Save the account (Enter)
settings-cancel-hint = Discard the changes (Esc)
settings-account-not-saved = The account was not saved: { $error }.
settings-account-added = Added “{ $name }”.
settings-account-saved = Saved “{ $name }”.
settings-password-in-store = The keychain refused the password, so it is kept in popmail's mail store.
settings-sign-in-in-store = The keychain refused the sign-in, so it is kept in popmail's mail store.
settings-password-not-saved = But the password was not saved: { $error }.
settings-sign-in-not-saved = But the sign-in was not saved: { $error }.
settings-checking-now = Checking it for mail now.
settings-password-unreadable = The saved password could not be read: { $error }.
settings-enter-password-to-test = Enter the password to test the connection.
settings-remove-title = Remove “{ $name }”?
settings-remove-explain = popmail stops checking this account and forgets its password. Nothing is deleted on the server.
# { $messages }: "12 messages".
settings-remove-keep = Keep its downloaded mail ({ $messages }) in a local folder
settings-remove-delete = Delete its downloaded mail ({ $messages }) from this computer
settings-remove-account = Remove account
# { $done }: "5 messages"; { $total }: a number.
settings-removing = Removing “{ $name }”… { $done } of { $total }
# An account whose name is unknown, by its number.
settings-account-number = account { $number }
settings-a-local-folder = a local folder
# { $folder } is quoted already: “Work”.
settings-removed-kept = Removed “{ $name }”. Its mail is in the folder { $folder }.
settings-removed-deleted = Removed “{ $name }” and its downloaded mail.
settings-not-removed = “{ $name }” was not removed: { $error }.
settings-removed-password-kept = Removed “{ $name }”, but its password stays in the keychain: { $error }.
# The line beside each account: security · policy · checking.
settings-summary-plain = no encryption
settings-summary-delete = deletes from the server
settings-summary-keep = keeps a copy on the server
settings-summary-keep-days = { $count ->
    [one] keeps a copy for { $count } day
   *[other] keeps a copy for { $count } days
}
settings-summary-every = { $count ->
    [one] checks every minute
   *[other] checks every { $count } min
}
settings-summary-when-asked = checks when asked


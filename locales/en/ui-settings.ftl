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


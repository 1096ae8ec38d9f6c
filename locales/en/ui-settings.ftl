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

## The account form.

# The name of a duplicated account.
settings-copy-name = { $name } (copy)
settings-copy-name-n = { $name } (copy { $number })
settings-auth-auto = Automatic (the safest the server offers)
settings-auth-oauth = Sign in with Google, Microsoft, Yahoo, AOL, Fastmail… (OAuth 2.0)
settings-auth-user = Password (USER/PASS)
settings-form-name = Account name
# Example text in the empty account name field.
settings-form-name-hint = Home
settings-form-email = Email address
settings-form-server = Server
settings-form-security = Security
settings-form-tls-hint = Encrypted from the start (usually port 995)
settings-form-starttls-hint = Encryption switched on after connecting (usually port 110)
# Security: no encryption.
settings-form-plain = None
settings-form-plain-hint = No encryption: anyone on the network can read everything
settings-form-plain-ok = I understand my password is sent unencrypted
settings-form-port = Port
settings-form-user = User name
settings-form-user-hint = often your email address
settings-form-sign-in = Sign-in
settings-form-signed-out = This account is no longer signed in: sign in again to get its mail.
settings-form-ca = Trusted CA file
settings-form-ca-none = none (the system's certificate authorities)
settings-form-choose = Choose…
settings-form-ca-hint = A PEM file with an extra certificate authority to trust
# The title of the file dialog that picks a CA file.
settings-form-ca-title = Trusted CA certificate
settings-form-clear = Clear
settings-form-pin = Pinned certificate
settings-form-unpin = Remove pin
settings-form-unpin-hint = Trust only certificates the system trusts again
# No certificate is pinned.
settings-form-pin-none = none
settings-form-password = Password
settings-form-password-keep = leave empty to keep the saved password
settings-form-password-keychain = The password is kept in the system keychain.
settings-form-sign-in-keychain = The sign-in is kept in the system keychain.
settings-form-password-store = No system keychain is available: the password is kept in popmail's mail store, a file only you can read.
settings-form-sign-in-store = No system keychain is available: the sign-in is kept in popmail's mail store, a file only you can read.
settings-form-auth = Authentication
settings-form-on-server = On the server
settings-form-delete = Delete from the server after download
settings-form-keep = Keep a copy on the server
# Followed by a number field and settings-form-days: "Keep a copy for [14] days".
settings-form-keep-for = Keep a copy for
settings-form-days = days
settings-form-delete-with-local = Also delete from the server when I delete it here
# Followed by a number field and "KB".
settings-form-headers-only = Download only headers for messages larger than
settings-form-kb = KB
settings-form-checking = Checking for mail
# "Check every [15] minutes".
settings-form-check-every = Check every
settings-form-minutes = minutes
settings-form-check-at-start = Check at start-up
settings-form-enabled = Enabled
settings-form-enabled-hint = A disabled account is skipped by “Sync all” and periodic checks

## Problems under the account form's fields.

settings-check-name = Give the account a name, e.g. “Home”.
settings-check-name-taken = Another account is already called “{ $name }”. Choose another name.
settings-check-email = Enter your email address.
settings-check-email-bad = This does not look like an email address (name@example.org).
settings-check-host = Enter the server name, e.g. pop.example.org.
settings-check-host-bad = Enter only the server name, without spaces or “pop3://”.
settings-check-port = The port must be a number from 1 to 65535.
settings-check-plain = Without encryption, tick the box above to confirm, or choose TLS.
settings-check-user = Enter the user name the server expects (often your email address).
settings-check-sign-in = Sign in with the provider before saving.
settings-check-password = Enter the password.
settings-check-days = Enter a number of days, 1 or more.
settings-check-size = Enter a size in KB, 1 or more.
settings-check-minutes = Enter a number of minutes, 1 or more.
# { $fields }: the settings-field-* names below, joined by commas.
settings-check-summary = To save, fill in or fix: { $fields }.
settings-field-name = account name
settings-field-email = email address
settings-field-host = server
settings-field-port = port
settings-field-plain = the unencrypted-password box
settings-field-user = user name
settings-field-password = password
settings-field-sign-in = sign-in
settings-field-days = days to keep a copy
settings-field-size = size limit
settings-field-minutes = minutes between checks

## Diagnosis under the account form: Test connection and the clean-up preview.

# The name of the first step of a connection test that could not start.
settings-test-start = Start
settings-diagnosis = Diagnosis
settings-test-no-sync = Syncing is not available in this build
settings-test-fill-in = Fill in the server, port and user name first
settings-test = Test connection
settings-test-hint = Connect and sign in with these settings, step by step
settings-test-running = A test is running
settings-preview = Preview server clean-up
settings-preview-hint = What the next sync would delete on the server (saved settings)
settings-preview-save-first = Save the account first
settings-preview-running = Asking the server what it holds…
settings-preview-failed = The preview failed: { $error }
settings-testing = Testing…
settings-test-works = The connection works.
settings-cert = Server certificate
# The certificate's subject (who it names), not a message's.
settings-cert-subject = Subject
settings-cert-issuer = Issuer
settings-cert-expires = Expires
settings-cert-pinned = This certificate is pinned. Test again, then Save.
settings-cert-trust-if = Trust it only if you run this server yourself or your provider gave you this fingerprint.
settings-cert-trust = Trust this certificate (pin its fingerprint)

## Signing in with an OAuth provider (the account form).

settings-oauth-other-provider = another provider
# Why the sign-in thread stopped (shown after "The sign-in stopped:").
settings-oauth-form-closed = the form was closed
settings-oauth-ended = the sign-in ended
settings-oauth-not-started = The sign-in could not start.
settings-oauth-not-started-why = The sign-in could not start: { $error }.
settings-oauth-cancelled = The sign-in was cancelled.
settings-oauth-stopped = The sign-in stopped: { $reason }.
settings-oauth-provider = Provider
settings-oauth-client-id = Client ID
# { $variable }: an environment variable's name.
settings-oauth-client-id-hint = or set { $variable }
settings-oauth-tenant = Tenant
settings-oauth-advanced = Advanced: endpoints and scope
# In an empty field: the provider's own value is used.
settings-oauth-preset = the provider's
settings-oauth-authorize-url = Authorization URL
settings-oauth-token-url = Token URL
settings-oauth-device-url = Device URL
settings-oauth-optional = optional
settings-oauth-scope = Scope
settings-oauth-secret-env = Client secret variable
settings-oauth-secret-env-hint = only if the provider requires one
settings-oauth-mechanism = Mechanism
settings-oauth-sign-in-again = Sign in again
settings-oauth-sign-in-with = Sign in with { $provider }
settings-oauth-waiting = Waiting for you to sign in in your browser…
settings-oauth-cancel = Cancel sign-in
settings-oauth-no-browser = The browser did not open. Open this address yourself:
# { $who }: the user name or email address.
settings-oauth-signed-in = Signed in with { $provider } as { $who }. Save to keep the sign-in.
settings-oauth-signed-in-earlier = Signed in earlier; sign in again to renew the sign-in.
settings-oauth-explain = Sign in to let popmail read your mail. Your password never reaches popmail.

## Find settings (under the email address in the account form).

settings-find-looking = Looking for the settings…
settings-find-not-started = The search could not start: { $error }.
settings-find-cancelled = Finding settings was cancelled.
settings-find-stopped = The search stopped: { $reason }.
settings-find-cancel = Cancel search
settings-find-cancel-hint = Stop looking for the settings
settings-find = Find settings
settings-find-hint = Look up the server from the address: popmail's list of providers, the provider's autoconfig file, DNS, then common server names
settings-find-type-email = Type your email address first
# { $source }: where the settings were found (a provider list, a URL, DNS).
settings-find-found-in = Found in { $source }.
settings-find-sign-in-with = Sign in with:
settings-find-app-password = Make an app password

## Settings → Rules: the Junk section.

settings-junk = Junk
# The two counts select their own plurals.
settings-junk-learned = The junk filter has learned { $junk ->
    [one] { $junk } junk message
   *[other] { $junk } junk messages
} and { $good ->
    [one] { $good } good message
   *[other] { $good } good messages
} (J and Shift+J, or Mark as junk and Not junk, teach it).
# { $name }: an account's name.
settings-junk-trust = Trust { $name }'s provider junk verdict
settings-junk-trust-hint = X-Spam-Flag: YES, X-Spam-Status: Yes or a *****SPAM***** subject
# "Move junk older than [30] days to the Trash".
settings-junk-expire = Move junk older than
settings-junk-expire-days = days to the Trash
settings-junk-expire-explain = Off by default. Junk is never deleted for being junk: this moves it to the Trash after each sync, where it can be restored until the Trash is emptied.

## Settings → Rules.

settings-rules-not-saved = The rules were not saved: { $error }
settings-rules-run-cancelled = The run was cancelled.
settings-rules-junk-failed = Marking junk failed: { $error }
settings-rules-store-not-open = The mail store is not open, so rules cannot be changed.
settings-rules-order = Rules run in this order as mail arrives; every matching rule acts until one says "stop".
settings-rules-none = No rules yet. Add one to sort mail as it arrives.
settings-rules-add = Add rule…
settings-rules-edit = Edit rule…
settings-rules-delete = Delete rule
settings-rules-disable = Disable
settings-rules-enable = Enable
settings-rules-up = Move up
settings-rules-up-hint = Runs earlier
settings-rules-down = Move down
settings-rules-down-hint = Runs later
settings-rules-import = Import rules…
# The title of the file dialog.
settings-rules-import-title = Import rules
settings-rules-export = Export rules…
settings-rules-imported = { $count ->
    [one] Imported { $count } rule from { $path }.
   *[other] Imported { $count } rules from { $path }.
}
settings-rules-not-imported = { $path } was not imported: { $error }
settings-rules-exported = { $count ->
    [one] Exported { $count } rule to { $path }.
   *[other] Exported { $count } rules to { $path }.
}
settings-rules-not-written = { $path } was not written: { $error }
settings-rules-test = Test on the selected message
settings-rules-test-select = Select a message in the list first.
# { $rules }: quoted rule names, joined by commas; { $outcome }: what would happen ("move to Boss").
settings-rules-test-matches = “{ $subject }”: matches { $rules }, so it would { $outcome }.
# Followed by a folder choice.
settings-rules-run-on = Run the rules on
settings-rules-dry-run = Dry run (only say what would happen)
settings-rules-run = Run rules on this folder
settings-rules-running = { $count ->
    [one] Running the rules: { $done } of { $count } message
   *[other] Running the rules: { $done } of { $count } messages
}
settings-rules-cancel-run = Cancel run
settings-rules-waiting = Waiting for the job in progress to finish…
# Between a rule's conditions (which are written in the rule syntax).
settings-rules-and = and
settings-rules-or = or
# A rule in the list: "1. Boss — if from is boss@…, then move Boss, star".
settings-rules-line = { $number }. { $name } — if { $conditions }, then { $actions }

## The rule editor.

settings-rule-new = New rule
settings-rule-new-n = New rule { $number }
settings-rule-edit = Edit rule
settings-rule-name = Name
# "When [all|any] of these conditions match:"
settings-rule-when = When
settings-rule-all = all
settings-rule-any = any
settings-rule-match = of these conditions match:
settings-rule-then = then:
settings-rule-valid = The rule is valid.
settings-rule-save = Save rule
settings-rule-condition = Condition { $number }
# Label of the field where a header's name is typed.
settings-rule-header-name = header
settings-rule-hint-size = 500K, 2M or bytes
settings-rule-hint-yes-no = yes or no
settings-rule-hint-regex = a regular expression
settings-rule-hint-text = text
settings-rule-remove = Remove
settings-rule-add-condition = Condition
settings-rule-action = Action { $number }
settings-rule-folder = folder
settings-rule-folder-hint = a local folder
settings-rule-add-action = Action
# What a condition looks at.
settings-rule-field-from = From
settings-rule-field-to = To
settings-rule-field-to-or-cc = To or Cc
settings-rule-field-subject = Subject
settings-rule-field-header = Header
settings-rule-field-body = Body
settings-rule-field-size = Size
settings-rule-field-attachments = Has attachments
settings-rule-field-account = Account
settings-rule-field-age = Age
# How a condition compares.
settings-rule-contains = contains
settings-rule-not-contains = doesn't contain
settings-rule-is = is
settings-rule-begins = begins with
settings-rule-ends = ends with
settings-rule-regex = matches
settings-rule-greater = is greater than
settings-rule-less = is less than
# The actions.
settings-rule-move = Move to folder
settings-rule-mark-read = Mark read
settings-rule-star = Star
settings-rule-trash = Move to the Trash
settings-rule-junk = Mark as junk
settings-rule-not-junk = Mark as not junk
settings-rule-stop = Stop processing rules
settings-rule-delete-server = Delete from the server
settings-rule-leave-server = Leave on the server
settings-rule-download-full = Download in full


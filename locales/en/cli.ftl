# popmail — English. The command line's words for people (src/cli). `--json`
# output and --help (clap's doc comments) stay English.

## popmail folders: the table's column headings.

cli-folders-id = ID
cli-folders-name = FOLDER
cli-folders-messages = MESSAGES
cli-folders-unread = UNREAD

## popmail show: the header labels, lined up after the longest one.

cli-show-from = From
cli-show-to = To
cli-show-cc = Cc
cli-show-date = Date
cli-show-subject = Subject
# In place of a missing Date header.
cli-show-no-date = (none)
cli-show-attachment = Attachment: { $name } ({ $mime }, { $size })
cli-show-html = (HTML message shown as text; remote content is never loaded)
# An error's context when stdout is gone.
cli-writing-stdout = writing to stdout

## Opening the store (an error's context).

cli-unlocking-store = unlocking the mail store in { $path }
cli-opening-store = opening the mail store in { $path }

## Progress bars on stderr.

# After "12/40" in a progress bar (no plural: the count changes as it runs).
cli-progress-messages = messages

## popmail import / export.

# An error's context: "importing PATH: …".
cli-importing = importing { $path }
cli-exporting = exporting to { $path }
# Progress while the search index catches up (it is written by its own thread).
cli-indexing = indexing for search: { $left } { $left ->
        [one] message
       *[other] messages
    } left
cli-import-cancelled = import cancelled after { $count } { $count ->
    [one] message
   *[other] messages
    }; what was imported is kept
cli-export-cancelled = export cancelled; the partial export was removed
# The import's summary; $secs and $rate are already formatted numbers.
cli-import-report = Imported { $count } { $count ->
    [one] message
   *[other] messages
    } into "{ $folder }" ({ $folders } { $folders ->
    [one] folder
   *[other] folders
    }) in { $secs } s ({ $rate } messages/s); { $duplicates } skipped as duplicates; { $kept } damaged { $kept ->
    [one] region
   *[other] regions
    } kept as "{ $subject }"; { $skipped } damaged { $skipped ->
    [one] region
   *[other] regions
    } skipped.
cli-import-kept = kept: { $what }
cli-import-kept-line = { $path }: { $length } bytes at offset { $offset } stored as a damaged message ({ $reason })
cli-import-more-kept = … and { $count } more kept
cli-import-damaged = damaged: { $what }
cli-import-more-damaged = … and { $count } more
cli-import-rules = Rules: { $what }
cli-import-note = note: { $note }
cli-export-report = Exported { $count } { $count ->
    [one] message
   *[other] messages
    } ({ $folders } { $folders ->
    [one] folder
   *[other] folders
    }) from "{ $folder }" to { $path } in { $secs } s ({ $rate } messages/s).

## Names that are not there.

cli-no-account = no account named "{ $name }"
cli-no-folder = no folder named "{ $name }" (see `popmail folders`)
cli-env-not-set = the environment variable { $var } is not set

## popmail account add | edit | remove | list.

cli-account-bad-policy = --policy must be delete, keep or keep-days:N with N ≥ 1 (got "{ $value }")
cli-account-unknown-security = unknown security
cli-account-unknown-auth = unknown authentication method
cli-account-unknown-provider = unknown OAuth provider
cli-account-unknown-mechanism = unknown SASL mechanism
cli-account-no-ca-file = the CA file { $path } does not exist
cli-account-plaintext = --security plain sends your password unencrypted; add --i-understand-plaintext to allow it, or use --security tls or starttls
cli-account-oauth-needs-provider = --auth oauth2 needs --oauth-provider
cli-account-oauth-options = the --oauth-… and --client-… options need --auth oauth2
# The no-echo prompt; a space follows.
cli-account-password-prompt = Password for { $name }:
cli-account-reading-password = reading the password
cli-account-exists = an account named "{ $name }" already exists
cli-account-needs-host = an account needs --host and --user, or --email to find them
cli-account-no-password = no password: pass --password-env VAR, or run in a terminal to be asked
# $server is "host:port, tls".
cli-account-added = added account "{ $name }" ({ $server })
cli-account-added-oauth = added account "{ $name }" ({ $server }), signed in with { $provider }
cli-account-updated = updated account "{ $name }"
cli-account-removed-kept = removed account "{ $name }"; its { $count } { $count ->
    [one] message is
   *[other] messages are
    } in the folder "{ $folder }"
cli-account-removed = removed account "{ $name }" and its mail
# popmail account list: the account's policy at the end of its line.
cli-account-policy-delete = delete after download
cli-account-policy-keep = keep on server
cli-account-policy-keep-days = keep on server { $days } { $days ->
    [one] day
   *[other] days
    }
cli-account-disabled = [disabled]
cli-account-no-keychain = note: no OS keychain is available, so the password is kept in popmail's store file (readable only by you)

## popmail account add NAME --email ADDR: finding the settings.

cli-discover-stopped = finding settings stopped: { $why }
cli-discover-no-answer = finding settings stopped without an answer
cli-discover-not-used = (not used: { $why })
cli-discover-app-password = App password (make one at { $link })
cli-discover-will-use = will use: { $how }
cli-discover-needs-confirmation = not adding the account without confirmation: run in a terminal, or add --yes
# The question; "y" or "yes" (or cli-discover-yes) answers yes.
cli-discover-confirm = Add the account with these settings? [y/N]
cli-discover-yes = yes
cli-discover-not-added = not added

## Files (an error's context).

cli-creating = creating { $path }
cli-writing = writing { $path }
cli-reading = reading { $path }

## popmail package-files.

cli-package-man-page = rendering the man page
# $shell is bash, zsh or fish.
cli-package-completions = writing the { $shell } completions

## popmail junk.

cli-junk-train-which = say which folder to learn from: --junk FOLDER and/or --good FOLDER
cli-junk-knows = The filter now knows { $junk } junk and { $good } good { $good ->
    [one] message
   *[other] messages
    }.
cli-junk-provider-trusted = { $account }: the provider's junk verdict is trusted.
cli-junk-provider-ignored = { $account }: the provider's junk verdict is ignored.
cli-junk-reset = The junk filter forgot its training.
cli-junk-bad-days = "{ $value }" is not a number of days (or "off")
cli-junk-expire-off = Old junk stays in Junk (the option is off; `popmail junk expire 30` turns it on).
# $moved is "3 messages".
cli-junk-expire-on = Junk older than { $days } { $days ->
    [one] day
   *[other] days
    } moves to the Trash; { $moved } moved now.
# Beside the progress bar of popmail junk train.
cli-junk-learning-junk = learning junk from { $folder }
cli-junk-learning-good = learning good mail from { $folder }
cli-junk-train-cancelled = cancelled; { $count } { $count ->
    [one] message was
   *[other] messages were
    } learned and { $count ->
    [one] stays
   *[other] stay
    } learned
# $of is "15 messages".
cli-junk-learned-junk = Learned { $count } of { $of } in { $folder } as junk.
cli-junk-learned-good = Learned { $count } of { $of } in { $folder } as good.
cli-junk-untrained = note: the filter has learned { $junk } junk and { $good } good { $good ->
    [one] message
   *[other] messages
    }; it needs both (`popmail junk mark` or `popmail junk train`) before it can tell them apart

## OAuth 2.0 sign-in on the command line (stderr).

cli-login-one-mode = choose one of --browser and --device
cli-login-device = To sign in, open { $url } and enter the code { $code }
cli-login-device-wait = Waiting for you to sign in (the code is valid for { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
    }; Ctrl-C cancels)…
cli-login-browser-wait = Waiting for you to sign in in your browser (Ctrl-C cancels)…
cli-login-browser-fallback = If no browser opened, open this address: { $url }
# The address follows on the next line.
cli-login-browser-open = Open this address in a browser to sign in (Ctrl-C cancels):
cli-login-signing-in = signing in
cli-login-no-refresh-token = the provider gave no refresh token, so popmail could not stay signed in; check that the scope asks for offline access
cli-login-no-keychain = note: no OS keychain is available, so the sign-in is kept in popmail's store file (readable only by you)
cli-login-not-oauth = "{ $name }" does not sign in with OAuth 2.0; set it up with `popmail account edit { $name } --auth oauth2 --oauth-provider …`
cli-login-done = signed in "{ $name }"

## popmail rule.

cli-rule-removed = Removed the rule "{ $name }".
cli-rule-imported = Imported { $count } { $count ->
    [one] rule
   *[other] rules
    } from { $path }.
cli-rule-exported = Exported { $count } { $count ->
    [one] rule
   *[other] rules
    } to { $path }.
cli-rule-not-found = there is no rule named "{ $name }" (see `popmail rule list`)
cli-rule-added = Added the rule "{ $name }".
cli-rule-changed = Changed the rule "{ $name }".
cli-rule-none = No rules yet. Add one with `popmail rule add NAME --if … --then …`.
# popmail rule list: a disabled rule's name.
cli-rule-disabled = { $name } (disabled)
# popmail rule list: a rule's heading; its conditions follow, one a line.
cli-rule-when-all = { $n }. { $name } — when all of:
cli-rule-when-any = { $n }. { $name } — when any of:

## popmail encrypt | decrypt | passphrase change | unlock | lock-status.

cli-removing = removing { $path }
# An error's context: "reading POPMAIL_PASSPHRASE_FILE (/path)".
cli-security-reading-var = reading { $var } ({ $path })
cli-security-no-passphrase = the mail store is encrypted and no passphrase was given: run popmail in a terminal, or set POPMAIL_PASSPHRASE_FILE (a file holding it) or POPMAIL_PASSPHRASE (visible to other programs of this user)
# No-echo prompts; a space follows each.
cli-security-prompt = Passphrase of the mail store:
cli-security-prompt-new = New passphrase:
cli-security-prompt-again = The same again:
cli-security-reading-passphrase = reading the passphrase
cli-security-new-needed = a new passphrase is needed: run in a terminal, or set POPMAIL_NEW_PASSPHRASE_FILE or POPMAIL_NEW_PASSPHRASE
cli-security-differ = the two passphrases differ; nothing was changed
cli-security-empty = the new passphrase is empty; nothing was changed
cli-security-keychain-silent = the mail store is unlocked by the system keychain, which does not answer here
cli-security-no-keychain = the store key cannot go to the keychain; use --passphrase
# The key itself follows, indented, after an empty line.
cli-security-recovery-key = Recovery key (shown once; write it down, it opens the store if the passphrase is forgotten):
cli-security-encrypt-interrupted = interrupted; the mail store is unchanged (not encrypted)
cli-security-decrypt-interrupted = interrupted; the mail store is unchanged (still encrypted)
# $notice is jobs-erasure-notice.
cli-security-encrypted = The mail store is encrypted. Note: { $notice }.
cli-security-decrypted = The mail store is no longer encrypted. Note: { $notice }.
cli-security-already-keychain = the mail store is already encrypted and unlocked by the system keychain
cli-security-now-keychain = The mail store is already encrypted; it now opens by the system keychain (the recovery key still works).
cli-security-already-passphrase = the mail store is already encrypted with a passphrase; use `popmail passphrase change`
cli-security-now-passphrase = The mail store is already encrypted; it now asks for the passphrase.
cli-security-not-encrypted = the mail store is not encrypted
cli-security-not-encrypted-use = the mail store is not encrypted; use `popmail encrypt`
cli-security-changed = The passphrase was changed.
cli-security-recovered = A new passphrase was set with the recovery key.
# popmail lock-status: one line.
cli-security-status-plain = not encrypted
cli-security-status-encrypted = encrypted; unlocked by: { $kinds }
cli-security-kind-passphrase = passphrase
cli-security-kind-recovery = recovery key
cli-security-kind-keychain = system keychain

## popmail sync (stderr, above the progress bars).

cli-sync-no-account = no enabled account to sync; add one with `popmail account add`
cli-sync-cancelling = cancelling…
# Beside an account's progress bar: "1.2 MB of 3.4 MB".
cli-sync-bytes = { $done } of { $total }
# One line per account at the end; $size is "1.2 MB", $secs "3.4".
cli-sync-finished = { $account }: { $downloaded } downloaded ({ $partial } headers only), { $deleted } deleted on the server, { $skipped } already here, { $size } in { $secs } s
# cli-sync-finished of a sync that was cancelled.
cli-sync-cancelled = { $line } (cancelled)
cli-sync-failed = { $account }: failed: { $error }
cli-sync-worker-stopped = the sync worker stopped: { $reason }
cli-sync-notifications = notifications: { $why }
cli-sync-notifications-silent = notifications: the notification service did not answer in time

## popmail --help (src/cli/help.rs): clap's headings, then one message per
## command (cli-help-PATH: cli-help-sync, cli-help-account-add; the program
## itself is cli-help-popmail) and per argument: cli-help-PATH--ID for one
## command's own, cli-arg-ID for one said the same way in every command that
## has it. The doc comments in src/cli are the English source; the man page
## and the shell completions stay English.

cli-help-usage = Usage
cli-help-commands = Commands
cli-help-arguments = Arguments
cli-help-options = Options
cli-help-popmail = An offline mail reader for POP3 accounts
cli-help-folders = List folders with message and unread counts
cli-help-list = List the messages of a folder, newest first
cli-help-show = Show a message
cli-help-account = Add, edit, remove or list POP3 accounts
cli-help-account-add = Add a POP3 account. With --email and no --host, popmail finds the server settings itself and asks before adding
cli-help-account-edit = Change an account's settings (only the options given)
cli-help-account-remove = Remove an account. Its mail is kept in a local folder unless --delete-mail
cli-help-account-login = Sign an OAuth 2.0 account in again (device code and URL on stderr)
cli-help-account-list = List accounts
cli-help-help = Print this message or the help of the given subcommand(s)
cli-help-sync = Download new mail from every enabled account (or one)
cli-help-rule = Message rules: add, edit, remove, list, run on a folder, import, export
cli-help-rule-add = Add a rule (at the end, or at --position)
cli-help-rule-edit = Change a rule: the options given replace what the rule had
cli-help-rule-remove = Remove a rule
cli-help-rule-list = List the rules in the order they run
cli-help-rule-run = Run the rules over the messages of a folder
cli-help-rule-import = Add the rules of a JSON rule file (after the existing ones)
cli-help-rule-export = Write every rule to a JSON rule file (or a Sieve script)
cli-help-junk = The junk filter: mark, train, classify, reset
cli-help-junk-mark = Mark messages as junk (or, with --not, as not junk) and train the filter
cli-help-junk-train = Train the filter from whole folders
cli-help-junk-classify = Print each message's verdict and score; nothing is moved
cli-help-junk-reset = Forget all training (senders marked not junk stay safe)
cli-help-junk-expire = Move junk older than some days to the Trash (off by default; junk is never deleted for being junk). With DAYS (or "off") the option is set first; the window applies it after each sync, this applies it now
cli-help-junk-trust-provider = Whether an account's provider verdict (X-Spam-Flag, X-Spam-Status, *****SPAM*****) files mail as junk; without a value, say which it is
cli-help-import = Import an mbox file, a Maildir, or .eml files into a local folder
cli-help-export = Export a folder to mbox, Maildir or a directory of .eml files
cli-help-search = Full-text search over subject, people and body
cli-help-encrypt = Encrypt the mail store (SQLCipher); a passphrase by default
cli-help-decrypt = Turn encryption off: the store becomes a plaintext file again
cli-help-passphrase = Change the passphrase of an encrypted store (instant: the mail is not rewritten)
cli-help-passphrase-change = Set a new passphrase (asks for the current one first)
cli-help-lock-status = Say whether the store is encrypted and what unlocks it
cli-help-unlock = Set a new passphrase with the recovery key
cli-help-package-files = Write the man page and bash, zsh and fish completions into DIR (for packagers)
cli-arg-data-dir = Folder holding the mail store (default: the platform data folder)
cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-host = Server host name
cli-arg-port = Server port (default: 995 for tls, 110 otherwise)
cli-arg-security = Connection security
cli-arg-i-understand-plaintext = Allow the password to be sent unencrypted (only with --security plain)
cli-arg-user = Login name
cli-arg-password-env = Read the password from this environment variable (else a prompt asks)
cli-arg-auth = Authentication method
cli-arg-oauth-provider = OAuth 2.0 identity provider (with --auth oauth2)
cli-arg-client-id = The client ID registered with the provider (else POPMAIL_<PROVIDER>_CLIENT_ID)
cli-arg-client-secret-env = The environment variable holding the client secret, where the provider needs one
cli-arg-oauth-tenant = Microsoft's tenant (default: common)
cli-arg-oauth-authorize-url = Authorization endpoint (custom provider; https://, or http:// on loopback)
cli-arg-oauth-token-url = Token endpoint (custom provider)
cli-arg-oauth-device-url = Device authorization endpoint (custom provider, optional)
cli-arg-oauth-scope = Scope to ask for (custom provider)
cli-arg-oauth-mechanism = SASL mechanism carrying the token
cli-arg-ca-file = Extra trusted CA certificate (PEM)
cli-arg-pin = Accept the server certificate with this SHA-256 fingerprint
cli-arg-policy = delete | keep | keep-days:N
cli-arg-delete-when-deleted-here = Delete from the server what is deleted here (`--delete-when-deleted-here=false` turns it off)
cli-arg-max-size = Download only headers of messages larger than this (KB)
cli-arg-interval = Check every N minutes
cli-arg-email = The account's email address
cli-arg-quiet = No progress bar
cli-arg-json = Print JSON lines instead of a table
cli-arg-folder = Folder name, ACCOUNT/NAME, or id
cli-arg-name = The account's name
cli-arg-browser = Sign in with the system browser (with --auth oauth2)
cli-arg-device = Sign in with a code on another device (with --auth oauth2)
cli-help-popmail--demo = Open the demo: a local demo server and mailbox, kept apart from your mail
cli-help-popmail--files = Mail to open: one message (an .eml file) opens in a viewer window of its own without importing it; an mbox file or a Maildir folder opens the import dialog with it chosen (a running window takes it over)
cli-help-popmail--import = Open FILE… in the import dialog, even a single message
cli-help-folders--json = Print JSON instead of a table
cli-help-account-list--json = Print JSON
cli-help-rule-list--json = Print the rule file's JSON instead of a table
cli-help-import--folder = Put the mail in this folder (name, ACCOUNT/NAME or id) instead of a new folder named after PATH
cli-help-export--folder = The folder to export (name, ACCOUNT/NAME or id)
cli-help-search--folder = Search only this folder
cli-help-list--limit = At most this many messages
cli-help-search--limit = At most this many results
cli-help-show--id = Message id (from `list` or `search`)
cli-help-show--raw = Write the stored bytes to stdout exactly as they were received
cli-help-account-add--name = A name for the account (unique)
cli-help-rule-add--name = A name for the rule (unique)
cli-help-rule-edit--name = The rule's name
cli-help-rule-remove--name = The rule's name
cli-help-account-login--browser = Sign in with the system browser
cli-help-account-login--device = Sign in with a code on another device (where the provider allows it)
cli-help-account-add--yes = Accept the settings found from --email without asking
cli-help-account-edit--rename = New name
cli-help-rule-edit--rename = A new name
cli-help-account-edit--enabled = Turn the account off (no sync) or on again
cli-help-account-remove--delete-mail = Delete the account's downloaded mail too
cli-help-sync--account = Only this account
cli-help-junk-trust-provider--account = The account's name
cli-help-sync--dry-run = Only say what the next sync would delete on the server
cli-help-rule-run--dry-run = Only say what would happen
cli-help-sync--notify = Show a desktop notification for each account that got new mail (the count; not for mail filed as junk or to Trash)
cli-help-sync--notify-details = With --notify: list the first senders and subjects too
cli-help-rule-add--conditions = A condition, `FIELD MATCHER VALUE` (repeat for more)
cli-help-rule-edit--conditions = New conditions (replace all of them)
cli-help-rule-add--actions = An action (repeat for more, they run in order)
cli-help-rule-edit--actions = New actions (replace all of them)
cli-help-rule-add--any = Match when any condition does (default: all must)
cli-help-rule-edit--any = Match when any condition does
cli-help-rule-add--disabled = Save it disabled
cli-help-rule-add--position = Where it runs: 1 is first (default: last)
cli-help-rule-edit--position = Move it: 1 is first
cli-help-rule-edit--all = Match only when all conditions do
cli-help-rule-edit--enable = Enable it
cli-help-rule-edit--disable = Disable it (it is kept but never runs)
cli-help-import--quiet = Print no progress bar
cli-help-export--quiet = Print no progress bar
cli-help-rule-import--file = The file (`popmail rule export` writes one)
cli-help-rule-export--file = The file to write
cli-help-rule-import--replace = Replace the existing rules instead of adding to them
cli-help-rule-export--sieve = Write a Sieve script (RFC 5228) for a server that filters; what Sieve cannot say is left out as a comment
cli-help-junk-mark--ids = Message ids (from `list` or `search`)
cli-help-junk-mark--not = Not junk: the sender becomes safe and the message leaves Junk
cli-help-junk-train--junk = A folder of junk
cli-help-junk-train--good = A folder of good mail
cli-help-junk-expire--days = A number of days, or "off"
cli-help-junk-trust-provider--trust = yes or no
cli-help-import--path = An mbox file, a Maildir, an .eml file, or a directory of them (Thunderbird's "Local Folders" included)
cli-help-export--path = The file (mbox) or directory (maildir, eml) to create
cli-help-import--format = The format of PATH
cli-help-export--format = The format to write
cli-help-import--rules = Run the message rules over the imported mail (as if it had arrived)
cli-help-export--subfolders = Also export the folders below FOLDER
cli-help-export--force = Replace an existing mbox file, or write into an existing directory
cli-help-search--query = Words to find (all must match; the last may be a prefix)
cli-help-encrypt--keychain = Unlock with a key kept in the system keychain (nothing to type)
cli-help-encrypt--passphrase = Unlock with a passphrase (the default), plus a recovery key shown once
cli-help-unlock--recovery-key-env = The environment variable holding the recovery key
cli-help-package-files--dir = Where to write them (created if missing)

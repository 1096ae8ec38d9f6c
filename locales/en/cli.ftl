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

# popmail — English. Error messages: the Display of every error type in src/ (issue 16).
# Text from a server or the system is an argument, kept verbatim.

## src/oauth/dns.rs

error-dns-bad-name = “{ $name }” is not a valid DNS name
error-dns-no-answer = no DNS answer for { $name }: { $detail }
error-dns-refused = the DNS server refused the question for { $name } ({ $code })
error-dns-cancelled = cancelled

## src/oauth/mod.rs

error-oauth-bad-url = the { $what } address “{ $url }” is not a valid URL ({ $reason })
error-oauth-not-https = the { $what } address “{ $url }” must start with https:// (plain http:// is allowed only on this computer)
error-oauth-missing = the { $what } is not set; a custom provider needs it
error-oauth-no-client-id = no client ID for { $provider }: register popmail with the provider and give the ID with --client-id or in { $env }
error-oauth-no-secret = the environment variable { $var } (the client secret) is not set
error-oauth-unreachable = could not reach the sign-in service: { $detail }
error-oauth-bad-answer = the sign-in service gave an answer popmail cannot read: { $detail }
error-oauth-refused = the sign-in was refused ({ $detail })
error-oauth-expired = the sign-in has expired or was withdrawn; sign in again ({ $detail })
error-oauth-code-expired = the sign-in code expired before it was used; start the sign-in again
error-oauth-no-device = { $provider } does not allow signing in with a code for mail; sign in with the browser
error-oauth-loopback = could not wait for the browser's answer on 127.0.0.1: { $detail }
error-oauth-browser-timeout = no sign-in arrived from the browser within { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
    }
error-oauth-cancelled = the sign-in was cancelled

## src/oauth/http.rs

error-http-cancelled = cancelled
error-http-redirect = the server answered with a redirect (HTTP { $status }), which popmail does not follow
error-http-too-large = the answer is larger than { $limit } bytes, more than such a file can be
error-http-status = the server answered HTTP { $status }
error-http-refused-url = refused to go to { $url }: { $reason }

## src/jobs/mod.rs

error-jobs-cancelled = cancelled
error-jobs-thread = the { $name } thread failed
error-jobs-import-stopped = the import stopped after storing { $count } { $count ->
    [one] message
   *[other] messages
    } ({ $read } of { $total } read): { $source }

## src/ui/reader/open.rs

error-open-copy = cannot copy the attachment to a private folder: { $error }
error-open-part = cannot read the attachment: { $error }
error-open-launch = the system could not open { $name }: { $error }

## src/ui/mod.rs

error-ui-thread = could not start the window's background thread { $name }: { $error }
error-ui-window = could not open the window: { $error }. Is a graphical display available (DISPLAY or WAYLAND_DISPLAY)?

## src/ui/instance.rs

error-instance-bus = the desktop session bus: { $error }
error-instance-refused = the running popmail did not take the files

## src/discovery/mod.rs

error-discovery-bad-address = “{ $address }” is not an email address (name@example.com)
error-discovery-no-pop3 = { $provider } has no POP3 service. { $note }
error-discovery-nothing = no POP3 settings found for { $domain }; enter the server by hand. What was tried:
    { $tried }
error-discovery-cancelled = finding settings was cancelled

## src/discovery/autoconfig.rs

error-autoconfig-fetch = could not fetch { $url }: { $error }
error-autoconfig-xml = the autoconfig file is not well-formed XML ({ $detail })
error-autoconfig-dtd = the autoconfig file declares a DTD (<!DOCTYPE …>), which popmail refuses
error-autoconfig-entity = the autoconfig file uses the undeclared entity “&{ $name };”
error-autoconfig-too-big = the autoconfig file is too large or too deeply nested ({ $what })
error-autoconfig-root = this is not an autoconfig file (its root element is <{ $root }>)
error-autoconfig-bad-field = the autoconfig file has a bad { $field }: “{ $value }” ({ $why })
error-autoconfig-missing = a POP3 server in the autoconfig file has no <{ $field }>
error-autoconfig-no-pop3 = the autoconfig file lists no POP3 server (only IMAP or SMTP)

## src/paths.rs

error-paths-no-home = cannot find a home directory for the data folder; pass --data-dir DIR
error-paths-create = cannot create the data folder { $path }: { $error }

## src/mail/rich/images.rs

error-image-too-large = image too large to show ({ $width } × { $height })
error-image-too-many-bytes = image too large to show ({ $size })
error-image-budget = image too large to show (this message's images are over the limit)
error-image-format = the image could not be decoded: { $error }
error-image-remote = remote image not loaded
error-image-missing = the message has no part { $part }

## src/mail/mod.rs

error-mail-parse = the message could not be parsed: { $error }
error-mail-no-part = the message has no part { $part }

## src/mailbox/mod.rs

error-mailbox-read = could not read { $path }: { $error }
error-mailbox-write = could not write { $path }: { $error }
error-mailbox-exists = { $path } already exists; choose another name or use --force to overwrite it
error-mailbox-not-a-mailbox = { $path } is not an mbox file, a Maildir or an .eml file or directory ({ $why })
error-mailbox-unknown-format = unknown mailbox format { $format }: use auto, mbox, mboxrd, mboxo, maildir or eml

## src/rules/mod.rs

error-rules-invalid = rule "{ $rule }": { $detail }
error-rules-syntax = "{ $text }": { $detail }
error-rules-too-many = { $count } rules is more than popmail runs (at most { $max })
error-rules-json = the rule file is not a popmail rule file: { $error }
error-rules-version = the rule file has format version { $version }; this popmail reads version 1

## src/pop3/error.rs

error-pop3-listed-twice = message { $msg } listed twice
error-pop3-sasl-extra = the server sent more SASL challenges than the mechanism has
error-pop3-sasl-endless = the SASL exchange did not end
error-pop3-settings = invalid account settings: { $detail }
error-pop3-resolve = cannot resolve { $host }: { $error }
error-pop3-connect = cannot connect to { $addr }: { $error }
error-pop3-timeout = timed out during { $during }
error-pop3-network = network error during { $during }: { $error }
error-pop3-closed = the server closed the connection during { $during }
error-pop3-tls = TLS failed: { $detail }
error-pop3-untrusted = untrusted certificate { $subject } (issuer { $issuer }, SHA-256 { $sha256 }): { $reason }
error-pop3-wrong-host = the certificate is for { $names }, not for { $host } (SHA-256 { $sha256 }): { $reason }
error-pop3-no-stls = the server does not offer STLS
error-pop3-stls-refused = the server refused STLS: { $server_text }
error-pop3-plaintext = refusing to send the password for { $mechanism } over an unencrypted connection
error-pop3-no-mechanism = the server does not offer { $mechanism } authentication
error-pop3-all-refused = the server refused the sign-in methods { $tried }: { $server_text }
error-pop3-login = login failed: { $server_text }
error-pop3-expired = the sign-in has expired; sign in again ({ $status }: { $server_text })
error-pop3-in-use = mailbox in use: { $server_text }
error-pop3-too-soon = login too soon: { $server_text }
error-pop3-temporary = temporary server problem during { $command }: { $server_text }
error-pop3-permanent = permanent server problem during { $command }: { $server_text }
error-pop3-refused = the server refused { $command }: { $server_text }
error-pop3-no-uidl = the server does not support UIDL
error-pop3-protocol = protocol error after { $command }: { $detail }
error-pop3-line-too-long = a line of the reply to { $command } is longer than { $limit } bytes
error-pop3-message-too-large = message { $msg } is larger than the limit of { $limit } bytes
error-pop3-too-many = the reply to { $command } lists more than { $limit } messages
error-pop3-bad-uidl = invalid UIDL reply: { $detail }
error-pop3-not-now = { $command } is not possible now: { $detail }
error-pop3-unusable = the connection is unusable after an earlier error
error-pop3-store = storing message { $msg } failed: { $error }

## src/credentials.rs

error-keychain = the system keychain could not { $action } the password: { $detail }
error-keychain-store-key = the store key cannot go to the system keychain ({ $error }); keep the passphrase

## src/sync/error.rs

error-sync-no-password = no password is saved for the account "{ $account }"
error-sync-sign-in = the account "{ $account }" must sign in again
error-sync-thread = cannot start a sync thread: { $error }

## src/store/mod.rs

error-store-database = database error while { $context }: { $error }
error-store-open = cannot open the mail store { $path }: { $error }
error-store-newer = the mail store { $path } was written by a newer version of popmail (schema { $found }, this version knows up to { $known }); it was left untouched — please update popmail
error-store-upgrade = cannot upgrade the mail store { $path }: { $detail }
error-store-locked = the mail store { $path } is encrypted: give the passphrase (a prompt, or POPMAIL_PASSPHRASE_FILE / POPMAIL_PASSPHRASE)
error-store-wrong-key = the key does not open the mail store { $path } (or the file is not a popmail store)
error-store-full = the mail store cannot grow while { $context }: the disk is full (or the store reached its size limit); free some disk space and try again — what was stored before is kept

## src/demo/mod.rs

error-demo-bind = could not start the demo mail server on { $addr }: { $error }
error-demo-socket = the demo mail server's socket could not be set up ({ $what }): { $error }
error-demo-thread = could not start the demo mail server's thread: { $error }

## src/keys/mod.rs

error-keys-wrong-passphrase = wrong passphrase: the mail store was not unlocked (nothing was changed)
error-keys-wrong-recovery = wrong recovery key: the mail store was not unlocked (nothing was changed)
error-keys-bad-recovery = this is not a recovery key: expected 64 hexadecimal digits (dashes and spaces allowed)
error-keys-rate-limited = too many wrong passphrases; try again in { $secs } s
error-keys-no-wrapping = the key file { $path } has no { $kind } wrapping of the key
error-keys-damaged = the key file { $path } is damaged ({ $detail }); restore it from a backup — without it the encrypted mail store cannot be opened
error-keys-io = cannot { $action } { $path }: { $error }
error-keys-crypto = key material could not be made: { $error }

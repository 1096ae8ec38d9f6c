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

## src/oauth: the parts of a sign-in's settings, named inside the
## error-oauth-… messages ("the { $what } address …").

oauth-part-authorize = authorization endpoint
oauth-part-token = token endpoint
oauth-part-device = device authorization endpoint
oauth-part-scope = scope
oauth-part-document = document
# Why an address is not a valid URL.
oauth-url-no-host = no host
oauth-url-credentials = it contains a user name or password
# Why an HTTP fetch was refused or failed.
oauth-http-not-https = it is not https:// (popmail never goes down to plain http)
oauth-http-timeout = no answer within { $seconds } { $seconds ->
        [one] second
       *[other] seconds
    }
oauth-http-bad-location = not a valid address ({ $error })
oauth-http-redirects = more than { $count } redirects
# The page the browser shows after the provider sends it back to popmail.
oauth-page-not-ours = Not the sign-in answer popmail waits for.
oauth-page-signed-in = Signed in to popmail. You can close this tab.
oauth-page-failed = The sign-in did not complete. You can close this tab and try again in popmail.

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

## src/pop3/error.rs, Error::user_message: a sentence and a suggestion for
## people (the window's status bar and dialogs, the CLI). $server_text and
## $error are the server's and the system's own words.

pop3-say-settings = The account settings are not valid ({ $detail }). Check them in the account settings.
pop3-say-resolve = The server name “{ $host }” could not be found. Check the server name and your internet connection.
pop3-say-connect = Could not connect to { $addr } ({ $error }). Check the server name, port and security setting, or try again later.
# $during is what was being done: a POP3 command (RETR 3) or pop3-during-….
pop3-say-timeout = The server did not answer in time ({ $during }). Try again later; if it keeps happening, raise the timeout.
pop3-say-network = The connection failed during { $during } ({ $error }). Try again later.
pop3-say-closed = The server closed the connection during { $during }. Try again later.
pop3-say-tls = A secure connection could not be established ({ $detail }). Check the port and security setting (port 995 uses TLS, port 110 uses STLS).
pop3-say-untrusted = The server's certificate for “{ $subject }” is not trusted ({ $reason }). If you run this server yourself, you can trust this certificate by pinning its fingerprint { $sha256 }.
# $names: “a.example”, “b.example”
pop3-say-wrong-host = The server's certificate is for { $names }, not for “{ $host }”, the server name in this account, so nothing was sent. Someone may be intercepting the connection, or the server name is wrong: if the server is one of those names, use that name in the account settings.
pop3-say-no-stls = The server does not offer an encrypted connection (STLS), so no password was sent. Use port 995 with TLS, or ask your provider.
pop3-say-stls-refused = The server refused to start encryption (“{ $server_text }”), so no password was sent. Use port 995 with TLS, or try again later.
pop3-say-plaintext = The password would be sent unencrypted ({ $mechanism }), so it was not sent. Use TLS, or allow unencrypted passwords for this account if you accept the risk.
pop3-say-plaintext-next = The server refused { $tried }; the next method it offers ({ $mechanism }) would send the password unencrypted, so it was not sent. Use TLS, or allow unencrypted passwords for this account if you accept the risk.
pop3-say-no-method = The server offers no sign-in method popmail supports (USER/PASS, APOP, PLAIN, LOGIN, CRAM-MD5). Ask your mail provider which one to use.
pop3-say-no-mechanism-auto = The server does not offer { $mechanism } sign-in. Choose “automatic” authentication in the account settings (it would use { $alternative }).
pop3-say-no-mechanism = The server does not offer { $mechanism } sign-in, and nothing it offers is as safe on this connection. Use TLS, or ask your mail provider.
pop3-say-all-refused = The server refused the sign-in methods popmail tried ({ $tried }) before any password was sent (“{ $server_text }”). Ask your mail provider which method to use.
pop3-say-login = The server rejected the user name or password (“{ $server_text }”). Check them in the account settings.
pop3-say-login-tried = The server rejected the user name or password (“{ $server_text }”; tried { $tried }). Check them in the account settings.
pop3-say-expired = The sign-in has expired; sign in again. The server no longer accepts this account's sign-in (it may have expired or been withdrawn).
pop3-say-in-use = The mailbox is in use by another program or device. Close it there, or wait a few minutes and try again.
pop3-say-too-soon = The server allows a check only every { $seconds } { $seconds ->
        [one] second
       *[other] seconds
    }. Wait and try again, or check less often.
pop3-say-too-soon-unknown = The server wants more time between checks. Wait and try again, or check less often.
pop3-say-temporary = The server has a temporary problem (“{ $server_text }”). Try again later.
pop3-say-permanent = The server reports a permanent problem (“{ $server_text }”). Contact your mail provider.
pop3-say-refused = The server refused { $command } (“{ $server_text }”).
pop3-say-no-uidl = The server does not support unique message IDs (UIDL), which are needed to avoid downloading messages twice.
pop3-say-protocol = The server sent an invalid reply to { $command } ({ $detail }). The server may be faulty; try again later.
pop3-say-line-too-long = The server sent a line longer than { $limit } bytes in reply to { $command }. The server may be faulty.
pop3-say-message-too-large = Message { $msg } is larger than this account's limit of { $limit } bytes. Raise the limit in the account settings to download it.
pop3-say-too-many = The server lists more than { $limit } messages. Raise the limit in the account settings, or clean up the mailbox.
pop3-say-bad-uidl = The server sent invalid message IDs ({ $detail }). The server may be faulty; contact your mail provider.
pop3-say-not-now = { $command } is not possible now ({ $detail }).
pop3-say-unusable = The connection broke after an earlier error. Connect again.
pop3-say-store = Message { $msg } could not be stored ({ $error }). Check free disk space.

## What a POP3 session was doing when it failed ($during above and in the
## error-pop3-… messages); POP3 commands themselves (RETR 3) stay as they are.

pop3-during-greeting = greeting
pop3-during-connecting = connecting to { $addr }
pop3-during-sending = sending { $command }
pop3-during-tls = TLS handshake
pop3-during-probe = certificate probe
pop3-pin-mismatch = its fingerprint does not match the pinned one
pop3-during-login = login
pop3-not-encrypted = the connection is not encrypted
pop3-unsafe-credentials = the user name or password contains a line break or NUL
pop3-no-certificate = the server sent no certificate
pop3-not-logged-in = not logged in
pop3-already-logged-in = already logged in
pop3-during-socket-setup = socket setup
pop3-bad-ca-file = CA file: { $error }
pop3-cannot-read-ca-file = cannot read CA file { $path }: { $error }
pop3-bad-pin = the pinned fingerprint “{ $pin }” is not 64 hexadecimal digits
pop3-probe-bad-greeting = probe: bad greeting
pop3-probe-stls-refused = probe: STLS refused
pop3-no-addresses = no addresses
pop3-tls-already-active = TLS is already active
pop3-parse-status = expected +OK or -ERR, got “{ $got }”
pop3-parse-challenge = SASL challenge is not base64
# $count is a number of characters.
pop3-parse-uidl-length = unique-id of { $count } characters (must be 1–70)
pop3-parse-uidl-byte = unique-id contains byte { $byte }
pop3-parse-stat = expected “count size”, got “{ $got }”
pop3-parse-scan = expected “msg size”, got “{ $got }”
pop3-parse-uidl-line = expected “msg unique-id”, got “{ $got }”
pop3-parse-number = bad message number “{ $got }”
pop3-parse-cram-base64 = CRAM-MD5 challenge is not base64: { $error }
pop3-parse-cram-empty = CRAM-MD5 challenge is empty
pop3-state-early-login = logged in before being asked to
pop3-state-no-greeting = opened without a greeting
pop3-state-not-started = the login did not start
pop3-state-not-ready = the session is not ready to log in
pop3-state-no-reconnect = no reconnection was asked for
pop3-state-no-reply = no reply was expected
pop3-state-no-handshake = no TLS handshake was asked for

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

## src/discovery: settings found for an address (Find settings,
## `popmail account add --email`).

discovery-auth-password = Password
discovery-auth-app-password = App password
discovery-auth-app-password-link = App password ({ $link })
discovery-auth-oauth = Sign in with { $provider }
discovery-custom-provider = your identity provider
discovery-source-table = popmail's built-in list ({ $provider })
discovery-source-autoconfig = the provider's autoconfig file at { $url }
discovery-source-srv = the DNS SRV record { $record }
discovery-source-guess = a guess: the server answered as a POP3 server
# $security: tls, starttls or plain (as the settings write it).
discovery-found-server = POP3 server { $host }:{ $port } ({ $security }), user name { $user }
discovery-found-provider = { $provider }: { $server }
# $source is one of discovery-source-….
discovery-found-source = found in { $source }
discovery-found-sign-in = sign in with: { $ways }
discovery-found-note = note: { $note }

## src/discovery/autoconfig.rs: which bound an autoconfig file broke, and
## what a value should be (inside error-autoconfig-…).

autoconfig-bound-nesting = nesting
autoconfig-bound-elements = elements
autoconfig-bound-text = text
autoconfig-why-host = not a host name
autoconfig-why-socket = expected SSL, STARTTLS or plain
autoconfig-why-port = expected a number from 1 to 65535
autoconfig-why-username = control characters or too long

## src/mailbox: why a region of an imported file is damaged (the import
## report, `popmail import`).

mailbox-damage-too-large = message larger than the { $mib } MiB limit
mailbox-damage-leading-text = text before the first From_ line
mailbox-damage-empty = empty message
mailbox-damage-no-header = does not start with a header field
mailbox-damage-unreadable = unreadable: { $error }
# $length and $offset are plain digits; $count is $length as a number.
mailbox-damage-skipped = { $path }: skipped { $length } { $count ->
        [one] byte
       *[other] bytes
    } at offset { $offset }: { $reason }

## What Find settings is doing, what it tried that gave nothing, and notes.

discovery-progress-table = Looking in popmail's list of providers…
discovery-progress-autoconfig = Asking { $url }…
discovery-progress-srv = Looking up DNS SRV records for { $domain }…
discovery-progress-guess = Trying { $host }:{ $port }…
discovery-skipped-table = popmail's built-in list: { $domain } is not in it
discovery-skipped-autoconfig = autoconfig at { $url }: { $error }
discovery-skipped-srv = DNS SRV: { $error }
discovery-note-guessed-user = The user name is a guess (your full address); some servers want only the part before the @.
discovery-note-outside = The server { $host } is outside { $domain }: check that your provider really uses it.
discovery-note-plain-only = The provider's file lists only an unencrypted connection; popmail will not send your password over it unless you allow it.
discovery-note-oauth = The provider also accepts OAuth2 sign-in; set it up as a custom provider if you have its endpoints.
discovery-note-unknown-auth = The provider's file names only sign-in methods popmail does not have; a password may still work.
autoconfig-redirect-leaves = it leaves { $domain }
autoconfig-ends-early = it ends early

## Why a path is not mail to import (src/mailbox/discover.rs).

mailbox-not-maildir = a file, but a maildir is a directory
mailbox-not-mail = it neither starts with a From_ line nor with a header
mailbox-no-mail = no mail was found in it
# $reason: why a part of it could not be read.
mailbox-no-mail-because = no mail was found in it; { $reason }
mailbox-too-deep = folders nested deeper than { $levels } levels are not followed

## DNS for settings discovery (src/oauth/dns.rs, src/discovery/srv.rs).

dns-no-server = no name server is configured
# $ms is plain digits.
dns-timeout = no answer within { $ms } ms
discovery-srv-no-record = { $name }: no record
# In "The server does not offer … sign-in" when nothing popmail knows is offered.
pop3-any-mechanism = any supported

## The built-in provider table's notes (src/discovery/table.rs); menu
## names are the providers' own.

discovery-table-gmail-pop-on = Turn on POP in Gmail's settings > Forwarding and POP/IMAP before the first download.
discovery-table-gmail-250 = Gmail hands out at most about 250 messages per session; popmail keeps going until all are in.
discovery-table-gmail-recent = Gmail's “recent:” user name prefix (recent:you@gmail.com) fetches the last 30 days, including mail already downloaded elsewhere.
discovery-table-microsoft-oauth = Microsoft accepts only OAuth2 sign-in for POP3 (Exchange Online since October 2022, personal accounts since September 2024): choose “Sign in with Microsoft”.
discovery-table-microsoft-pop-on = Turn on POP in Outlook's settings > Mail > Forwarding and IMAP > POP options.
discovery-table-m365-oauth = Microsoft 365 accepts only OAuth2 sign-in for POP3: choose “Sign in with Microsoft”; set your organisation's tenant if “common” is refused.
discovery-table-m365-admin = Your administrator must allow POP for your mailbox.
discovery-table-yahoo-app-password = Yahoo needs an app password: make one at https://login.yahoo.com/account/security/app-passwords and use it instead of your password.
discovery-table-aol-app-password = AOL needs an app password: make one at https://login.aol.com/account/security/app-passwords and use it instead of your password.
discovery-table-gmx-net-pop-on = GMX: enable POP3 in the web settings (E-Mail > Settings > POP3 & IMAP) before the first download.
discovery-table-gmx-com-pop-on = GMX: enable POP3 in the web settings (Settings > POP3 & IMAP) before the first download.
discovery-table-webde-pop-on = WEB.DE: enable POP3 in the web settings (E-Mail > Einstellungen > POP3/IMAP Abruf) before the first download.
discovery-table-fastmail-app-password = Fastmail needs an app password with POP access: make one in Settings > Privacy & Security > Manage app passwords.
discovery-table-zoho-pop-on = Zoho: enable POP access in Mail settings > POP/IMAP Access; with two-factor sign-in, use an app-specific password.
discovery-table-yandex-clients = Yandex: allow access by mail clients in Mail settings > Email clients, and use an app password.
discovery-table-mailru-password = Mail.ru needs a password for external applications: make one under Security > Passwords for external applications.
discovery-table-icloud-no-pop = iCloud Mail offers only IMAP, not POP3, so popmail cannot download from it. Forward your iCloud mail to a POP3 account instead.

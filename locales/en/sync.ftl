# popmail — English. What the sync says to people (src/sync): the dry run's
# report and notices after a sync, shown by the window and the CLI.

## The dry run: what the next sync would delete on the server.

sync-dry-nothing = The next sync would delete nothing from the server ({ $on_server } { $on_server ->
        [one] message is
       *[other] messages are
    } there now).
# $when is sync-dry-received-on, sync-dry-received-between or nothing; $size is "1.2 MB".
sync-dry-delete = The next sync would delete { $count } { $count ->
        [one] message
       *[other] messages
    } ({ $size }) from the server{ $when }. { $on_server } { $on_server ->
        [one] message is
       *[other] messages are
    } there now.
sync-dry-received-on = , received on { $date }
sync-dry-received-between = , received between { $from } and { $to }
# A second sentence after the report.
sync-dry-download = It would first download { $count } new { $count ->
        [one] message
       *[other] messages
    }.

## Notices after a sync (the window's status and popmail sync).

sync-notice-no-top = The server cannot send headers only (it has no TOP command), so { $count } { $count ->
        [one] message
       *[other] messages
    } above the size limit { $count ->
        [one] was
       *[other] were
    } downloaded in full.
# $limit is "256 MB".
sync-notice-too-large = The server cannot send headers only (it has no TOP command), and { $count } { $count ->
        [one] message is
       *[other] messages are
    } larger than popmail accepts at all ({ $limit }), so { $count ->
        [one] it stays
       *[other] they stay
    } on the server, untouched.
sync-notice-duplicate-uidl = The server gave the same unique-id (UIDL) to more than one message, which it should not (the id may come from a forged X-UIDL header). popmail told them apart by their headers and downloaded { $count } { $count ->
        [one] message
       *[other] messages
    } of them.

## Why a download stopped (inside an error message).

sync-writer-stopped = the store writer stopped unexpectedly
sync-download-stopped = the download stopped
sync-unasked-message = the server sent message { $msg }, which was not asked for

## src/sync/error.rs, Error::user_message: why a sync failed, for people.

sync-say-store = The local mail store failed: { $error }. Nothing was deleted on the server.
sync-say-credentials = The password could not be read: { $error }.
sync-say-no-password = No password is saved for "{ $account }". Open Settings → Accounts and enter it.
sync-say-oauth = The sign-in could not be renewed: { $error }.
sync-say-sign-in = Sign in again: "{ $account }" is no longer signed in. Run `popmail account login { $account }`.
sync-say-thread = popmail could not start a sync thread: { $error }.
sync-say-rules = The message rules cannot run: { $error }. Fix the rule (`popmail rule list`); nothing was downloaded or deleted.

## src/sync/ops.rs: the steps of "Test connection" (Settings → Accounts)
## and what each found.

sync-step-start = Start
sync-step-sign-in = Sign-in
sync-step-resolve = Resolve
sync-step-connect = Connect
sync-step-tls = TLS
sync-step-greeting = Greeting
sync-step-capabilities = Capabilities
sync-step-login = Login
sync-step-mailbox = Mailbox
# $addresses: "192.0.2.1, 2001:db8::1"
sync-step-resolved = { $host } is at { $addresses }
sync-step-connected = connected to { $addr }
# $upgraded is "yes" for STARTTLS, "no" for TLS from the first byte.
sync-step-tls-up = { $upgraded ->
        [yes] STARTTLS upgrade
       *[other] TLS
    } — certificate { $subject } issued by { $issuer }, valid until { $until }
sync-step-signed-in = signed in as { $user }
# $messages: "3 messages"; $size: "1.2 MB"
sync-step-on-server = { $messages } ({ $size }) on the server
sync-hint-port-110 = Port 110 normally starts without encryption: choose STARTTLS for port 110, or use port 995 with TLS.
sync-hint-port-995 = Port 995 expects TLS from the first byte: choose TLS for port 995, or use port 110 with STARTTLS.

## What the server offers (RFC 2449 CAPA), parts joined with "; ".

sync-caps-none = the server does not list its capabilities (no CAPA); popmail will use USER/PASS or APOP
sync-caps-no-sign-in = sign-in: none listed
sync-caps-sign-in = sign-in: { $methods }
sync-caps-uidl = unique IDs (UIDL)
sync-caps-no-uidl = no unique IDs (UIDL)
sync-caps-top = headers only (TOP)
sync-caps-pipelining = pipelining
sync-caps-login-delay = at most one check every { $seconds } s
sync-caps-expire-never = keeps mail until deleted
sync-caps-expire-now = deletes mail once downloaded
sync-caps-expire-days = deletes downloaded mail after { $days } { $days ->
        [one] day
       *[other] days
    }
sync-caps-server = server: { $name }

## Downloading the whole of a headers-only message.

sync-full-not-from-account = this message was not downloaded from an account
sync-full-gone = the server no longer has this message, so only its headers can be shown

## src/sync/worker.rs: why the sync worker stopped (its last event).

sync-worker-failed = the sync worker stopped: { $error }
sync-worker-shut-down = shut down as asked
sync-worker-window-closed = the window closed
sync-worker-stuck = { $reason }; { $stuck } { $stuck ->
        [one] account was
       *[other] accounts were
    } still waiting for their server (nothing is lost: they resume next time)

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

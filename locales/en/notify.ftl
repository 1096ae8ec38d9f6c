# popmail — English. Desktop notifications of new mail (src/notify.rs).

# The notification's title.
notify-new-in = { $count } new { $count ->
        [one] message
       *[other] messages
    } in { $account }
notify-new = { $count } new { $count ->
        [one] message
       *[other] messages
    }
# The last line of the body, after the first senders and subjects.
notify-and-more = and { $count } more
# In "Sender: Subject" for a message without a subject.
notify-no-subject = (no subject)
# The notification's button (where the desktop shows one).
notify-open = Open popmail
# Why the notification service is not used (Preferences, popmail sync --notify).
notify-unavailable = no desktop notification service answered ({ $error })
notify-closed = the notification was closed
notify-stopped = the notifier was closed

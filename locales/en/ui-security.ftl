# popmail — English. Preferences → Security, the lock screen and the
# conversions between encrypted and plain stores (src/ui/security.rs,
# src/ui/lock.rs, src/ui/app/security.rs, src/ui/app/locking.rs).

## Preferences → Security.

# On the lock screen: what syncing does while locked.
security-sync-paused = Syncing is paused while the mail store is locked (the key left memory); it resumes when you unlock.
security-sync-continues = Syncing continues while the mail store is locked: its key stays in memory until you quit popmail.
security-sync-not-started = Syncing starts when you unlock.
security-keep-syncing-help = When on, new mail keeps arriving while the window is locked. The key then stays in memory while locked, so a program running as you could still read the mail; when off, locking removes the key from memory and syncing waits.
# The three ways a store can be kept, and what each protects against.
security-mode-plain = Not encrypted
security-mode-plain-protects = Protects only against other users of this computer. Anyone who copies the disk or a backup can read the mail.
security-mode-keychain = Encrypted, unlocked by the system keychain
security-mode-keychain-protects = Protects against a copied or stolen disk, backups and other users. Nothing to type, so it does not stop someone using your logged-in session.
security-mode-passphrase = Encrypted with a passphrase
security-mode-passphrase-protects = Also protects against someone at the computer without the passphrase (Lock, Ctrl+L, the idle lock). Not against malware running as you while the store is unlocked.
security-type-twice = type the new passphrase twice; nothing was changed
security-differ = the two passphrases differ; nothing was changed
security-encrypting = Encrypting the mail store…
security-decrypting = Decrypting the mail store…
# { $done } and { $total } are sizes.
security-progress = { $done } of { $total }
security-new-file = A new file is written beside the old one, then swapped in.
security-cancelling = Cancelling…
security-title = Security
security-recovery = Recovery key. It is shown only now: write it down and keep it apart from the computer. It opens the mail store if the passphrase is forgotten.
security-written-down = I have written it down
# { $mode }: one of the security-mode-* names.
security-this-store = This mail store: { $mode }
security-not-convertible = Open your own mail store (not the demo) to change its encryption.
security-encrypt = Encrypt the mail store
security-change-explain = Change the passphrase (instant: the mail is not rewritten).
security-change = Change the passphrase
security-use-keychain = Unlock by the system keychain instead
security-no-keychain = No system keychain is available here.
security-use-passphrase-explain = Unlock by a passphrase instead of the keychain (instant: the mail is not rewritten). You will get a recovery key.
security-use-passphrase = Use this passphrase instead
security-confirm-decrypt = Store the mail unencrypted on this disk
security-decrypt = Decrypt the mail store
security-idle-lock = Lock after idle minutes (0: never)
# The idle-lock number field's name for screen readers.
security-idle-lock-name = Idle lock minutes
security-keep-syncing = Keep syncing while locked
security-new-passphrase = New passphrase
security-passphrase-again = The same again

## The lock screen.

lock-title = The mail store is locked
lock-keychain = This mail store opens with the system keychain.
lock-recovery-key = Recovery key
lock-passphrase = Passphrase
lock-use-recovery = Use the recovery key instead
lock-unlock = Unlock
lock-checking = Checking…
# Why the unlock thread stopped (rarely shown).
lock-attempt-over = the unlock attempt is over
lock-cannot-check = could not check the passphrase: { $error }
lock-keychain-refused = the system keychain did not give the key; is the keychain unlocked?

## Carrying out Preferences → Security (src/ui/app/security.rs, locking.rs).

security-no-store = no mail store is open
security-not-encrypted = the mail store is not encrypted
security-changed = The passphrase was changed.
security-now-keychain = The mail store now opens by the system keychain; the recovery key still works.
security-now-passphrase = The mail store now asks for the passphrase.
security-keychain-refused = the store key cannot go to the system keychain ({ $error }); choose a passphrase instead
security-conversion-not-started = the conversion could not start: { $error }
security-conversion-stopped = the conversion stopped: { $reason }
security-key-file-not-removed = removing the key file: { $error }
security-encrypted = The mail store is encrypted.
security-decrypted = The mail store is no longer encrypted.
# { $what }: security-encrypted or security-decrypted; { $note }: about erasing old copies.
security-converted = { $what } Note: { $note }.
# { $state } in security-conversion-cancelled and -failed.
security-still-plain = not encrypted
security-still-encrypted = still encrypted
security-conversion-cancelled = Cancelled: the mail store is unchanged ({ $state }).
security-conversion-failed = { $error }; the mail store is unchanged ({ $state })
security-lock-needs-encryption = Lock needs an encrypted mail store: run `popmail encrypt` first


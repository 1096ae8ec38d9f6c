# popmail — English. The background jobs' words for people (src/jobs):
# summaries of imports, exports, rules and junk marks, shown by the window and
# the command line.

## Encrypting or decrypting the store: said after the old file was replaced.

jobs-erasure-notice = the old file was removed, but a filesystem cannot promise that its blocks are erased: copies may remain on the disk, in snapshots or in backups made before

## Export.

jobs-export-choose-format = choose an export format: mboxrd, mboxo, maildir or eml
jobs-no-folder-id = no folder with id { $id }

## Import: notes under the summary.

jobs-import-rules-not-run = rules were not run: { $error }
jobs-import-rules-stopped = rules stopped: { $error }
jobs-import-index-not-waited = stopped waiting for the search index: the imported mail is stored, and it becomes searchable in the background
# $variant is Mboxo or Mboxcl2 (the mbox dialect).
jobs-import-read-as = { $path }: read as { $variant }
jobs-import-mbox-suspicious = { $path }: { $lines } body { $lines ->
        [one] line
       *[other] lines
    } starting "From " { $lines ->
        [one] was
       *[other] were
    } not quoted and { $lines ->
        [one] was
       *[other] were
    } kept as text; { $separators } message { $separators ->
        [one] separator
       *[other] separators
    } had no empty line before them (byte offsets: { $offsets })

## Junk marks (the window's Junk / Not junk buttons and popmail junk mark).

# $marked is "3 messages".
jobs-junk-marked = Marked { $marked } as junk; the filter learned from { $learned }.
jobs-junk-marked-not = Marked { $marked } as not junk; the filter learned from { $learned }.
jobs-junk-no-message = there is no message with id { $id } (nothing was marked)

## Rules run over a folder; $examined is "3 messages".

jobs-rules-dry-run = { $matched } of { $examined } match; nothing was changed (dry run).
jobs-rules-done = { $matched } of { $examined } matched; { $moved } moved, { $flagged } changed flags.
# $what is jobs-rules-done.
jobs-rules-cancelled = Cancelled after { $done } of { $total }: { $what } What was applied stays.
jobs-rules-no-match = no rule matches; nothing would change
jobs-rules-none-enabled = there are no enabled rules to run (add one in Settings → Rules or with `popmail rule add`)

## What a rule would do to a message, joined with ", ".

jobs-rules-move-to = move to "{ $folder }"
jobs-rules-move-trash = move to the Trash
jobs-rules-move-junk = move to Junk
jobs-rules-mark-read = mark read
jobs-rules-star = star
jobs-rules-never-junk = never junk
jobs-rules-server-later = (server actions apply only when mail arrives)
jobs-rules-nothing = nothing to change

## Why the job worker stopped.

jobs-worker-shut-down = shut down

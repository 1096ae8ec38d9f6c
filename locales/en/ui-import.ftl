# popmail — English. Import and export from the window (src/ui/import_export).

## The import and export dialogs.

import-format-auto = Detect automatically
import-format-mbox = mbox (detect the variant)
import-format-eml = EML files
import-format-mboxrd-hint = One file; lines starting "From " are quoted reversibly. Recommended.
import-format-mboxo-hint = One file, classic quoting for older programs (a line that already started ">From " cannot be told apart).
import-format-maildir-hint = A directory with one file per message; flags kept in the file names.
import-format-eml-hint = A directory with one .eml file per message.
import-busy = An import or export is running; start this one when it has finished.
import-title = Import mail
import-explain = Read mail from an mbox file, a Maildir, .eml files, or Thunderbird's Local Folders. Messages already in the target folder are skipped.
import-file = Import a file…
import-file-hint = An mbox file or one .eml message
import-folder = Import a folder…
import-folder-hint = A Maildir, a directory of .eml files, or Thunderbird's Local Folders
import-nothing-chosen = Nothing chosen yet. You can also drop a file or folder on the window.
import-format = Format
# Where imported mail goes.
import-into = Into
# The button that starts an import.
import-start = Import
# { $name }: the folder's name, from the file's.
import-new-folder-named = A new folder “{ $name }”
import-new-folder = A new folder named after it
import-new-folder-hint = Subfolders are made below it; a folder of that name is reused
import-existing-folder = An existing folder
import-choose-folder = Choose a folder
import-run-rules = Run the message rules on the imported mail
import-run-rules-hint = As if it had just arrived: Settings → Rules
import-export-title = Export mail
# What to export: the selected messages or a folder.
import-export-what = What
# Where to export to.
import-export-to = To
import-export-not-chosen = Not chosen yet
import-export-choose-file = Choose the file…
import-export-choose-dir = Choose the directory…
# The button that starts an export.
import-export-start = Export
# { $messages }: "3 messages".
import-export-selected = The { $messages } selected
import-export-subfolders = Include subfolders
import-overwrite-file-title = Replace the existing file?
import-overwrite-dir-title = Export into the existing directory?
import-overwrite-exists = This already exists:
import-overwrite-file = Its contents will be replaced by the export.
import-overwrite-dir = The exported messages will be added to what it holds.
import-overwrite-replace = Replace
import-overwrite-into = Export into it
import-overwrite-back = Back

## Progress of an import or export (the bar above the status bar) and its summary.

# { $name }: the file's name.
# After the messages are stored, the import waits for the search index.
import-progress-indexing = Importing { $name }: indexing for search, { $left } { $left ->
        [one] message
       *[other] messages
    } left
import-progress-starting = Importing { $name }: starting…
# { $done } and { $total } are sizes ("1.5 MB"); { $rate } a size per second.
import-progress = { $count ->
    [one] Importing { $name }: { $count } message, { $done } of { $total } ({ $rate }/s)
   *[other] Importing { $name }: { $count } messages, { $done } of { $total } ({ $rate }/s)
}
# { $name }: a folder's name or import-export-progress-selected.
import-export-progress = { $count ->
    [one] Exporting { $name }: { $done } of { $count } message, { $size } ({ $rate }/s)
   *[other] Exporting { $name }: { $done } of { $count } messages, { $size } ({ $rate }/s)
}
import-export-progress-selected = selected messages
import-cancel-import = Cancel import
import-cancel-export = Cancel export
import-cancelling = Cancelling…
import-cancel-hint = Stop cleanly: what is already imported stays; a partial export is removed
# Shown over the window while files are dragged over it.
import-drop-busy = Drop to import (after the running job)
import-drop = Drop to import this mailbox
# Titles of the summary window.
import-title-cancelled = Import cancelled
import-title-finished = Import finished
import-title-failed = Import failed
import-export-title-finished = Export finished
import-export-title-cancelled = Export cancelled
import-export-title-failed = Export failed
import-cancelled = { $count ->
    [one] The import was cancelled. The { $count } message imported before is kept in “{ $folder }”; importing the same file again adds only the rest.
   *[other] The import was cancelled. The { $count } messages imported before are kept in “{ $folder }”; importing the same file again adds only the rest.
}
import-imported = { $count ->
    [one] Imported { $count } message into “{ $folder }”.
   *[other] Imported { $count } messages into “{ $folder }”.
}
# { $seconds } has one decimal; { $rate } is a whole number.
import-read = { $folders ->
    [one] Read { $folders } folder from { $path }: { $size } in { $seconds } s ({ $rate } messages/s).
   *[other] Read { $folders } folders from { $path }: { $size } in { $seconds } s ({ $rate } messages/s).
}
import-duplicates = { $count } skipped as duplicates (already in the folder).
# { $subject }: the subject damaged messages are stored under.
import-kept-damaged = { $count ->
    [one] { $count } damaged region kept as “{ $subject }” (stored byte for byte, flagged as damaged).
   *[other] { $count } damaged regions kept as “{ $subject }” (stored byte for byte, flagged as damaged).
}
import-damaged-skipped = { $count ->
    [one] { $count } damaged region skipped.
   *[other] { $count } damaged regions skipped.
}
# { $outcome }: what the rules did.
import-rules = Rules: { $outcome }
import-exported = { $count ->
    [one] Exported { $count } message to { $path }.
   *[other] Exported { $count } messages to { $path }.
}
import-exported-from = { $count ->
    [one] Exported { $count } message from { $folder } to { $path }.
   *[other] Exported { $count } messages from { $folder } to { $path }.
}
import-exported-stats = { $folders ->
    [one] { $folders } folder, { $size } in { $seconds } s.
   *[other] { $folders } folders, { $size } in { $seconds } s.
}
# Followed by the files written.
import-written = Written:
import-export-cancelled = The export was cancelled. What it had written was removed; the mail in popmail is unchanged.
import-export-failed-explain = What the export had written was removed; the mail in popmail is unchanged.
import-failed-explain = Messages imported before the problem are kept and nothing is half-written; the file you imported is never changed.
import-kept-damaged-title = Kept as damaged messages
# { $offset }: a byte offset in the file; { $reason }: why the region is damaged.
import-region-kept = { $count ->
    [one] { $file } at byte { $offset }: { $count } byte kept ({ $reason })
   *[other] { $file } at byte { $offset }: { $count } bytes kept ({ $reason })
}
import-damaged-title = Damaged regions
import-region-skipped = { $count ->
    [one] { $file } at byte { $offset }: { $count } byte skipped ({ $reason })
   *[other] { $file } at byte { $offset }: { $count } bytes skipped ({ $reason })
}
# Under a list cut short.
import-and-more = … and { $count } more
import-notes = Notes

# The suggested name of an export's file or directory.
import-export-file-selected = Selected messages
import-export-file-folder = Folder
import-no-store = no mail store is open

# An import that was cancelled, as the summary's sentence ("Cancelled.").
import-cancelled-short = cancelled


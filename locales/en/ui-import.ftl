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


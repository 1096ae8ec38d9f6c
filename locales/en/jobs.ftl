# popmail — English. The background jobs' words for people (src/jobs):
# summaries of imports, exports, rules and junk marks, shown by the window and
# the command line.

## Encrypting or decrypting the store: said after the old file was replaced.

jobs-erasure-notice = the old file was removed, but a filesystem cannot promise that its blocks are erased: copies may remain on the disk, in snapshots or in backups made before

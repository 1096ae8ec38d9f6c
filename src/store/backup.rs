//! Online backup of the whole store to another file, with the SQLite backup
//! API: a consistent copy while popmail keeps running. The copy of an
//! encrypted store is encrypted with the same key (SQLCipher copies pages
//! between databases keyed alike).
//!
//! A store is two files (`index`): the backup is too — `DEST` and its index
//! file `index_path(DEST)`. The index is copied first and the store second,
//! so the copied index never claims a message the copied store lacks (its
//! watermark is at most the store's highest id); the copied store's deletion
//! queue and search's join to `messages` cover messages deleted in between.
//! Restoring only `DEST` also works: the index is rebuilt from it.

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::index::{index_path, remove_index_files};
use super::{Context, Error, Result, Store};

/// Pages copied per step; between steps other connections may write.
const PAGES_PER_STEP: std::ffi::c_int = 1024;

impl Store {
    /// Copies the store to `dest` (which must not exist) and its index file
    /// beside it ([`index_path`]), calling `progress(done_pages, total_pages)`
    /// for the store file; `progress` returning `false` cancels and removes
    /// the partial copy.
    pub fn backup_to(&self, dest: &Path, mut progress: impl FnMut(u64, u64) -> bool) -> Result<()> {
        for file in [dest.to_path_buf(), index_path(dest)] {
            if file.exists() {
                return Err(Error::Conflict(format!(
                    "{} already exists; choose a new file name",
                    file.display()
                )));
            }
        }
        super::init_sqlite();
        let index_page_size = self.config.key().map(|_| super::CIPHER_PAGE_SIZE);
        let outcome = self
            .copy(
                &self.index,
                &index_path(dest),
                index_page_size,
                &mut |_, _| progress(0, 1),
            )
            .and_then(|()| {
                let page_size = self.config.cipher_page_size();
                self.copy(&self.conn, dest, page_size, &mut progress)
            });
        if outcome.is_err() {
            // The backup's own error is reported; a half-written copy is
            // removed when possible and is never mistaken for a backup.
            let _ = std::fs::remove_file(dest); // see above
            let _ = remove_index_files(dest); // see above
        }
        outcome
    }

    /// Copies the database of `source` to the new file `dest`.
    fn copy(
        &self,
        source: &Connection,
        dest: &Path,
        page_size: Option<u32>,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<()> {
        let mut target = Connection::open(dest).ctx("creating the backup file")?;
        super::apply_key(&target, self.config.key(), page_size)?;
        let backup = Backup::new(source, &mut target).ctx("starting the backup")?;
        loop {
            let step = backup.step(PAGES_PER_STEP).ctx("copying the store")?;
            let p = backup.progress();
            let total = u64::try_from(p.pagecount).unwrap_or(0);
            let done = total.saturating_sub(u64::try_from(p.remaining).unwrap_or(0));
            if !progress(done, total) {
                return Err(Error::Invalid("the backup was cancelled".into()));
            }
            match step {
                StepResult::Done => return Ok(()),
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                _ => {}
            }
        }
    }
}

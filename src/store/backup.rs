//! Online backup of the whole store to another file, with the SQLite backup
//! API: a consistent copy while popmail keeps running. The copy of an
//! encrypted store is encrypted with the same key (SQLCipher copies pages
//! between databases keyed alike).

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};

use super::{Context, Error, Result, Store};

/// Pages copied per step; between steps other connections may write.
const PAGES_PER_STEP: std::ffi::c_int = 1024;

impl Store {
    /// Copies the store to `dest` (which must not exist), calling
    /// `progress(done_pages, total_pages)`; `progress` returning `false` cancels
    /// and removes the partial copy.
    pub fn backup_to(&self, dest: &Path, mut progress: impl FnMut(u64, u64) -> bool) -> Result<()> {
        if dest.exists() {
            return Err(Error::Conflict(format!(
                "{} already exists; choose a new file name",
                dest.display()
            )));
        }
        super::init_sqlite();
        let mut target = Connection::open(dest).ctx("creating the backup file")?;
        let outcome = (|| {
            super::apply_key(&target, self.config.key(), self.config.cipher_page_size())?;
            let backup = Backup::new(&self.conn, &mut target).ctx("starting the backup")?;
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
        })();
        drop(target);
        if outcome.is_err() {
            // The backup's own error is reported; a half-written copy is
            // removed when possible and is never mistaken for a backup.
            let _ = std::fs::remove_file(dest);
        }
        outcome
    }
}

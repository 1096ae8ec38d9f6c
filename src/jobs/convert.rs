//! The conversion job: turns the store's encryption on or off, with progress
//! and cancel. The crash-safe work (copy beside, fsync, journal, rename) is
//! [`Store::convert`]; this adapts it to the job shape ([`Control`]).
//!
//! The caller closes every other connection to the store first (the window
//! stops its workers), and writes or removes the key header
//! ([`crate::keys::Header`]) around it: the header before encrypting, its
//! removal after decrypting.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{Control, Error, Progress, Result};
use crate::keys::DataKey;
use crate::store::{Store, StoreConfig};

/// What a user is told once a conversion has replaced the old file, in
/// their language.
pub fn erasure_notice() -> String {
    crate::t!("jobs-erasure-notice")
}

/// Converts `store` to `target` (a data key: encrypted; `None`: plaintext);
/// the configuration that opens the result. Cancelling leaves the store as
/// it was and answers [`Error::Cancelled`].
pub fn convert<C: Control + Send + 'static>(
    store: Store,
    target: Option<DataKey>,
    ctl: C,
) -> Result<StoreConfig> {
    let cancelled = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancelled);
    let mut ctl = ctl;
    let progress = Box::new(move |done: u64, total: u64| {
        ctl.progress(&Progress {
            messages: 0,
            total_messages: None,
            bytes: done,
            total_bytes: Some(total),
            indexing: None,
        });
        let stop = ctl.cancelled();
        if stop {
            flag.store(true, Ordering::SeqCst);
        }
        !stop
    });
    match store.convert(target, progress) {
        Ok(config) => Ok(config),
        Err(_) if cancelled.load(Ordering::SeqCst) => Err(Error::Cancelled),
        Err(e) => Err(e.into()),
    }
}

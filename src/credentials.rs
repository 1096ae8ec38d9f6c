//! Where account passwords live.
//!
//! In the OS keychain (Secret Service on Linux, Keychain on macOS, Credential
//! Manager on Windows) through the `keyring` crate, when one is available.
//! Otherwise in the store's `account_secrets` table — the store file is
//! owner-only (0600) — and the settings dialog says so. Passwords never go to
//! logs, `Debug` output, eframe storage or the command line.
//!
//! `POPMAIL_NO_KEYCHAIN=1` skips the keychain (tests, portable installs).

use crate::secret::Secret;
use crate::store::{self, AccountId, Store};

const SERVICE: &str = "popmail";

/// Where a password was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// The OS keychain.
    Keychain,
    /// The store file (no keychain available).
    Store,
}

/// Errors saving or reading a password.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] store::Error),
}

/// Whether an OS keychain can be used here.
pub fn keychain_available() -> bool {
    std::env::var_os("POPMAIL_NO_KEYCHAIN").is_none() && keyring::Entry::store_status().is_ok()
}

fn entry(store: &Store, account: AccountId) -> Option<keyring::Entry> {
    if !keychain_available() {
        return None;
    }
    // One entry per account and per store file, so the demo store and a
    // second data folder never share passwords.
    let user = format!("account-{}@{}", account.0, store.path().display());
    keyring::Entry::new(SERVICE, &user).ok()
}

/// Saves the password of `account`, in the keychain when possible.
pub fn save(store: &Store, account: AccountId, password: &Secret) -> Result<Location, Error> {
    if let Some(e) = entry(store, account)
        && e.set_password(password.expose()).is_ok()
    {
        store.set_stored_password(account, None)?;
        return Ok(Location::Keychain);
    }
    store.set_stored_password(account, Some(password.expose()))?;
    Ok(Location::Store)
}

/// The password of `account`, from the keychain or the store.
pub fn load(store: &Store, account: AccountId) -> Result<Option<Secret>, Error> {
    if let Some(e) = entry(store, account)
        && let Ok(p) = e.get_password()
    {
        return Ok(Some(Secret::new(p)));
    }
    Ok(store.stored_password(account)?.map(Secret::new))
}

/// Forgets the password of `account` everywhere.
pub fn forget(store: &Store, account: AccountId) -> Result<(), Error> {
    if let Some(e) = entry(store, account) {
        // Nothing stored there is fine too.
        let _ = e.delete_credential();
    }
    store.set_stored_password(account, None)?;
    Ok(())
}

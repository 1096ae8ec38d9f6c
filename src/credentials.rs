//! Where account passwords live.
//!
//! In the OS keychain (Secret Service on Linux, Keychain on macOS, Credential
//! Manager on Windows) through the `keyring` crate, when one is available.
//! Otherwise in the store's `account_secrets` table — the store file is
//! owner-only (0600) — and the settings dialog says so. Passwords never go to
//! logs, `Debug` output, eframe storage or the command line.
//!
//! OAuth 2.0 refresh tokens go the same way ([`save_refresh_token`]): the
//! keychain, else the store's `account_tokens` table with the same notice.
//! Access tokens are never saved anywhere: they live in memory only.
//!
//! `POPMAIL_NO_KEYCHAIN=1` skips the keychain (tests, portable installs).
//!
//! An encrypted store unlocked by the keychain keeps a random wrapping key
//! there ([`save_store_wrap_key`]); the data key itself stays wrapped in the
//! key header ([`crate::keys`]). That entry has no fallback: with no keychain,
//! encryption uses a passphrase.

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
    /// The OS keychain answered with an error (locked, unavailable, refused).
    #[error("{}", crate::t!("error-keychain", action = *action, detail = detail))]
    Keychain {
        /// What popmail asked of it ("read", "remove", "open").
        action: &'static str,
        /// The keychain's own words.
        detail: String,
    },
}

fn keychain_error(action: &'static str) -> impl FnOnce(keyring::Error) -> Error {
    move |e| Error::Keychain {
        action,
        detail: e.to_string(),
    }
}

/// Whether an OS keychain can be used here.
pub fn keychain_available() -> bool {
    std::env::var_os("POPMAIL_NO_KEYCHAIN").is_none() && keyring::Entry::store_status().is_ok()
}

/// The keychain entry of `account`, when a keychain is in use.
fn entry(store: &Store, account: AccountId) -> Result<Option<keyring::Entry>, Error> {
    if !keychain_available() {
        return Ok(None);
    }
    // One entry per account and per store file, so the demo store and a
    // second data folder never share passwords.
    let user = format!("account-{}@{}", account.0, store.path().display());
    keyring::Entry::new(SERVICE, &user)
        .map(Some)
        .map_err(keychain_error("open"))
}

/// Saves the password of `account`, in the keychain when possible. When the
/// keychain refuses it, the password goes to the store instead and the answer
/// says so ([`Location::Store`]): the dialog and the CLI tell the user.
pub fn save(store: &Store, account: AccountId, password: &Secret) -> Result<Location, Error> {
    // A keychain that cannot be opened or written is the same to the user:
    // the password is kept in the store, and Location::Store says so.
    if let Ok(Some(e)) = entry(store, account)
        && e.set_password(password.expose()).is_ok()
    {
        store.set_stored_password(account, None)?;
        return Ok(Location::Keychain);
    }
    store.set_stored_password(account, Some(password.expose()))?;
    Ok(Location::Store)
}

/// The password of `account`, from the keychain or the store. A keychain
/// error is returned in words unless the store holds the password anyway.
pub fn load(store: &Store, account: AccountId) -> Result<Option<Secret>, Error> {
    let from_keychain = match entry(store, account)? {
        Some(e) => match e.get_password() {
            Ok(p) => return Ok(Some(Secret::new(p))),
            Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error("read")(e)),
        },
        None => Ok(()),
    };
    match store.stored_password(account)? {
        Some(p) => Ok(Some(Secret::new(p))),
        None => from_keychain.map(|()| None),
    }
}

/// Forgets the password of `account` everywhere.
pub fn forget(store: &Store, account: AccountId) -> Result<(), Error> {
    store.set_stored_password(account, None)?;
    if let Some(e) = entry(store, account)? {
        match e.delete_credential() {
            // Nothing stored there is what we want.
            Ok(()) | Err(keyring::Error::NoEntry) => {}
            Err(e) => return Err(keychain_error("remove")(e)),
        }
    }
    Ok(())
}

/// The keychain entry of the refresh token of `account`, when a keychain
/// is in use.
fn token_entry(store: &Store, account: AccountId) -> Result<Option<keyring::Entry>, Error> {
    if !keychain_available() {
        return Ok(None);
    }
    let user = format!(
        "oauth-refresh-account-{}@{}",
        account.0,
        store.path().display()
    );
    keyring::Entry::new(SERVICE, &user)
        .map(Some)
        .map_err(keychain_error("open"))
}

/// Saves the OAuth refresh token of `account` where passwords go: the
/// keychain when it takes it, else the store ([`Location::Store`], which the
/// caller tells the user).
pub fn save_refresh_token(
    store: &Store,
    account: AccountId,
    token: &Secret,
) -> Result<Location, Error> {
    // As for passwords: a keychain that cannot be opened or written means
    // the token is kept in the store, and Location::Store says so.
    if let Ok(Some(e)) = token_entry(store, account)
        && e.set_password(token.expose()).is_ok()
    {
        store.set_stored_refresh_token(account, None)?;
        return Ok(Location::Keychain);
    }
    store.set_stored_refresh_token(account, Some(token.expose()))?;
    Ok(Location::Store)
}

/// The OAuth refresh token of `account`, from the keychain or the store;
/// `None` when the account has not signed in (or must sign in again).
pub fn load_refresh_token(store: &Store, account: AccountId) -> Result<Option<Secret>, Error> {
    let from_keychain = match token_entry(store, account)? {
        Some(e) => match e.get_password() {
            Ok(p) => return Ok(Some(Secret::new(p))),
            Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error("read")(e)),
        },
        None => Ok(()),
    };
    match store.stored_refresh_token(account)? {
        Some(t) => Ok(Some(Secret::new(t))),
        None => from_keychain.map(|()| None),
    }
}

/// Forgets the OAuth refresh token of `account` everywhere (signed out, or
/// the provider revoked it).
pub fn forget_refresh_token(store: &Store, account: AccountId) -> Result<(), Error> {
    store.set_stored_refresh_token(account, None)?;
    if let Some(e) = token_entry(store, account)? {
        match e.delete_credential() {
            // Nothing stored there is what we want.
            Ok(()) | Err(keyring::Error::NoEntry) => {}
            Err(e) => return Err(keychain_error("remove")(e)),
        }
    }
    Ok(())
}

/// The keychain entry of the key that wraps the data key of the store at `store_path`.
fn store_key_entry(store_path: &std::path::Path) -> Result<keyring::Entry, Error> {
    if !keychain_available() {
        return Err(Error::Keychain {
            action: "open",
            detail: "no system keychain is available here".into(),
        });
    }
    let user = format!("store-key@{}", store_path.display());
    keyring::Entry::new(SERVICE, &user).map_err(keychain_error("open"))
}

/// Keeps `key` (which wraps the data key of the store at `store_path`) in the
/// OS keychain.
pub fn save_store_wrap_key(
    store_path: &std::path::Path,
    key: &crate::keys::WrapKey,
) -> Result<(), Error> {
    store_key_entry(store_path)?
        .set_password(key.to_hex().expose())
        .map_err(keychain_error("save"))
}

/// The keychain's wrapping key of the store at `store_path`, if it holds one.
pub fn load_store_wrap_key(
    store_path: &std::path::Path,
) -> Result<Option<crate::keys::WrapKey>, Error> {
    match store_key_entry(store_path)?.get_password() {
        Ok(hex) => {
            let hex = zeroize::Zeroizing::new(hex);
            Ok(crate::keys::WrapKey::from_hex(&hex))
        }
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(keychain_error("read")(e)),
    }
}

/// Removes the keychain's wrapping key of the store at `store_path`.
pub fn forget_store_wrap_key(store_path: &std::path::Path) -> Result<(), Error> {
    match store_key_entry(store_path)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(keychain_error("remove")(e)),
    }
}

/// Errors switching how an encrypted store is unlocked.
#[derive(Debug, thiserror::Error)]
pub enum UnlockModeError {
    /// The key header could not be read, rewrapped or saved.
    #[error(transparent)]
    Keys(#[from] crate::keys::Error),
    /// The keychain refused the new entry.
    #[error("{}", crate::t!("error-keychain-store-key", error = _0.to_string()))]
    Keychain(#[source] Error),
}

/// Makes the encrypted store at `store_path` open by the system keychain
/// instead of its passphrase: a new wrapping key goes to the keychain, the
/// key header (`key_file`) gets its wrapping and loses the passphrase's. The
/// recovery key stays, so a lost keychain entry still leaves a way in. No
/// mail is rewritten; the header is replaced atomically.
pub fn use_keychain(
    store_path: &std::path::Path,
    key_file: &std::path::Path,
    key: &crate::keys::DataKey,
) -> Result<(), UnlockModeError> {
    use crate::keys::{Header, Kind, WrapKey};
    let mut header = Header::load(key_file)?;
    let kek = WrapKey::generate()?;
    save_store_wrap_key(store_path, &kek).map_err(UnlockModeError::Keychain)?;
    header.wrap_with(Kind::Keychain, &kek, key)?;
    header.remove(Kind::Passphrase);
    header.save(key_file)?;
    Ok(())
}

/// Makes the encrypted store at `store_path` open by `pass` instead of the
/// system keychain: the key header gets a passphrase wrapping (and a
/// recovery wrapping when it has none, whose text is returned to be shown
/// once) and loses the keychain's; the keychain entry is then removed. No
/// mail is rewritten.
pub fn use_passphrase(
    store_path: &std::path::Path,
    key_file: &std::path::Path,
    key: &crate::keys::DataKey,
    pass: &Secret,
) -> Result<Option<Secret>, UnlockModeError> {
    use crate::keys::{Header, Kind, WrapKey};
    let mut header = Header::load(key_file)?;
    header.wrap_passphrase(key, pass)?;
    let mut recovery = None;
    if !header.has(Kind::Recovery) {
        let rec = WrapKey::generate()?;
        header.wrap_with(Kind::Recovery, &rec, key)?;
        recovery = Some(crate::keys::recovery_text(&rec));
    }
    let had_keychain = header.has(Kind::Keychain);
    header.remove(Kind::Keychain);
    header.save(key_file)?;
    if had_keychain {
        // The header no longer names it: a stale entry opens nothing.
        let _ = forget_store_wrap_key(store_path); // see above
    }
    Ok(recovery)
}

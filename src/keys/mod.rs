//! Keys of an encrypted store: the data key, its wrappings, and the key
//! header file beside the store.
//!
//! - The **data key** is 256 random bits (from the OS, `getrandom`). SQLCipher
//!   is given it as a raw key (`PRAGMA key = "x'…'"`, see the SQLCipher API
//!   docs, "Raw key data"), so opening a store runs no key derivation.
//! - The data key is stored only **wrapped** with an AEAD
//!   (XChaCha20-Poly1305, RFC 8439 + the XChaCha draft, `chacha20poly1305`
//!   crate) under one or more key-encryption keys:
//!   - a key derived from the passphrase with **Argon2id** (RFC 9106,
//!     `argon2` crate; parameters kept in the header so they can grow);
//!   - the **recovery key**: 256 random bits shown once to the user;
//!   - a random key kept in the **OS keychain** ([`crate::credentials`]).
//! - The wrappings live in the **key header** `popmail.keys` (JSON) beside
//!   the store. It is written atomically (temporary file, fsync, rename, fsync
//!   of the folder), so a passphrase change rewrites only this small file.
//! - A wrong passphrase is **rate-limited** by [`RateLimit`], whose state is
//!   a small file of its own (`popmail.unlock-attempts`): the store and the
//!   key header stay byte-identical after a failed attempt.
//!
//! All key material is zeroized on drop (`zeroize`). Nothing here is hand-
//! written cryptography: the crates above do all of it. This is a leaf
//! module: it imports only [`crate::secret`].

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::secret::Secret;

/// File name of the key header inside the data directory.
pub const KEY_FILE: &str = "popmail.keys";
/// File name of the rate limiter's state inside the data directory.
pub const ATTEMPTS_FILE: &str = "popmail.unlock-attempts";

/// The header format this build writes and reads.
const HEADER_VERSION: u32 = 1;
/// Argon2id memory cost in KiB (OWASP's 19 MiB minimum, times two).
const ARGON_M_KIB: u32 = 38_912;
/// Argon2id passes.
const ARGON_T: u32 = 2;
/// Argon2id lanes.
const ARGON_P: u32 = 1;
/// Failed attempts allowed before waiting begins.
const FREE_ATTEMPTS: u32 = 3;
/// The longest wait between attempts.
const MAX_WAIT: Duration = Duration::from_secs(300);

/// Errors of the key header and unlocking.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The passphrase (or recovery key) does not unwrap the data key.
    #[error("{}", crate::t!("error-keys-wrong-passphrase"))]
    WrongPassphrase,
    /// The recovery key does not unwrap the data key.
    #[error("{}", crate::t!("error-keys-wrong-recovery"))]
    WrongRecoveryKey,
    /// A recovery key could not be read at all.
    #[error("{}", crate::t!("error-keys-bad-recovery"))]
    BadRecoveryKey,
    /// Too many wrong attempts: wait.
    #[error("{}", crate::t!("error-keys-rate-limited", secs = _0.to_string()))]
    TooManyAttempts(u64),
    /// The header holds no wrapping of this kind.
    #[error("{}", crate::t!("error-keys-no-wrapping", path = path.display().to_string(), kind = *kind))]
    NoWrapping {
        /// The header file.
        path: PathBuf,
        /// "passphrase", "recovery" or "keychain".
        kind: &'static str,
    },
    /// The header is damaged (truncated, edited, not ours).
    #[error("{}", crate::t!("error-keys-damaged", path = path.display().to_string(), detail = detail))]
    Corrupt {
        /// The header file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// Reading or writing a file failed.
    #[error("{}", crate::t!("error-keys-io", action = *action, path = path.display().to_string(), error = source.to_string()))]
    Io {
        /// "read", "write", …
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The OS gave no random bytes, or a primitive refused its input.
    #[error("{}", crate::t!("error-keys-crypto", error = _0))]
    Crypto(String),
}

/// Result type of this module.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The 256-bit key SQLCipher encrypts the store with. Zeroized on drop;
/// `Debug` shows nothing.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct DataKey([u8; 32]);

impl DataKey {
    /// A new random key.
    pub fn generate() -> Result<Self> {
        let mut k = [0u8; 32];
        getrandom::fill(&mut k).map_err(|e| Error::Crypto(e.to_string()))?;
        Ok(DataKey(k))
    }

    /// The key as SQLCipher's raw-key literal `x'…'` (64 hex digits).
    pub fn sql_literal(&self) -> Zeroizing<String> {
        let hex = Zeroizing::new(hex::encode(self.0));
        Zeroizing::new(format!("x'{}'", hex.as_str()))
    }

    fn from_slice(bytes: &[u8]) -> Option<Self> {
        <[u8; 32]>::try_from(bytes).ok().map(DataKey)
    }
}

impl PartialEq for DataKey {
    fn eq(&self, other: &Self) -> bool {
        // Not a secret comparison an attacker can time: it compares two keys
        // already in this process (store configurations).
        self.0 == other.0
    }
}
impl Eq for DataKey {}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(***)")
    }
}

/// A key-encryption key: 256 bits that wrap the data key (from Argon2id,
/// the recovery key or the keychain).
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct WrapKey([u8; 32]);

impl WrapKey {
    /// A new random wrapping key (for the keychain).
    pub fn generate() -> Result<Self> {
        let mut k = [0u8; 32];
        getrandom::fill(&mut k).map_err(|e| Error::Crypto(e.to_string()))?;
        Ok(WrapKey(k))
    }

    /// The key as 64 hex digits (what the keychain stores).
    pub fn to_hex(&self) -> Secret {
        Secret::new(hex::encode(self.0))
    }

    /// Reads 64 hex digits (dashes and whitespace ignored).
    pub fn from_hex(text: &str) -> Option<Self> {
        let clean: Zeroizing<String> = Zeroizing::new(
            text.chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect(),
        );
        let bytes = Zeroizing::new(hex::decode(clean.as_bytes()).ok()?);
        <[u8; 32]>::try_from(bytes.as_slice()).ok().map(WrapKey)
    }
}

/// A recovery key as shown to the user: 64 hex digits in groups of eight.
pub fn recovery_text(key: &WrapKey) -> Secret {
    let hex = Zeroizing::new(hex::encode(key.0));
    let groups: Vec<&str> = hex
        .as_bytes()
        .chunks(8)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect();
    Secret::new(groups.join("-"))
}

/// Which unwrapping opened the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Argon2id from the passphrase.
    Passphrase,
    /// The recovery key.
    Recovery,
    /// A key kept in the OS keychain.
    Keychain,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Passphrase => "passphrase",
            Kind::Recovery => "recovery",
            Kind::Keychain => "keychain",
        }
    }
}

/// Argon2id salt and costs of a passphrase wrapping.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct Kdf {
    salt: String,
    m_kib: u32,
    t: u32,
    p: u32,
}

/// One wrapping of the data key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct Wrapping {
    kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kdf: Option<Kdf>,
    nonce: String,
    ciphertext: String,
}

/// The key header: every wrapping of one data key.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Header {
    version: u32,
    wrappings: Vec<Wrapping>,
}

impl Default for Header {
    fn default() -> Self {
        Header {
            version: HEADER_VERSION,
            wrappings: Vec::new(),
        }
    }
}

fn aad(kind: Kind) -> Vec<u8> {
    format!("popmail.keys v{HEADER_VERSION} {}", kind.name()).into_bytes()
}

fn argon(pass: &Secret, kdf: &Kdf) -> Result<WrapKey> {
    let salt = B64
        .decode(&kdf.salt)
        .map_err(|e| Error::Crypto(format!("salt: {e}")))?;
    let params =
        Params::new(kdf.m_kib, kdf.t, kdf.p, Some(32)).map_err(|e| Error::Crypto(e.to_string()))?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(pass.expose().as_bytes(), &salt, &mut out)
        .map_err(|e| Error::Crypto(e.to_string()))?;
    Ok(WrapKey(out))
}

fn seal(kek: &WrapKey, kind: Kind, key: &DataKey) -> Result<(String, String)> {
    let mut nonce = [0u8; 24];
    getrandom::fill(&mut nonce).map_err(|e| Error::Crypto(e.to_string()))?;
    let cipher = XChaCha20Poly1305::new((&kek.0).into());
    let ad = aad(kind);
    let ct = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &key.0,
                aad: &ad,
            },
        )
        .map_err(|e| Error::Crypto(e.to_string()))?;
    Ok((B64.encode(nonce), B64.encode(ct)))
}

impl Header {
    /// Reads the header at `path`: a missing, truncated or edited file is a
    /// clear error.
    pub fn load(path: &Path) -> Result<Header> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            action: "read the key file",
            path: path.to_path_buf(),
            source,
        })?;
        let corrupt = |detail: String| Error::Corrupt {
            path: path.to_path_buf(),
            detail,
        };
        let header: Header = serde_json::from_slice(&bytes).map_err(|e| corrupt(e.to_string()))?;
        if header.version != HEADER_VERSION {
            return Err(corrupt(format!("unknown version {}", header.version)));
        }
        if header.wrappings.is_empty() {
            return Err(corrupt("it holds no key".into()));
        }
        Ok(header)
    }

    /// Writes the header atomically: a temporary file beside it, fsync,
    /// rename, fsync of the folder. Owner-only.
    pub fn save(&self, path: &Path) -> Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(|e| Error::Crypto(e.to_string()))?;
        write_atomically(path, &json)
    }

    /// The kinds of wrapping present.
    pub fn kinds(&self) -> Vec<Kind> {
        self.wrappings.iter().map(|w| w.kind).collect()
    }

    /// Whether a wrapping of `kind` is present.
    pub fn has(&self, kind: Kind) -> bool {
        self.wrappings.iter().any(|w| w.kind == kind)
    }

    /// Adds (or replaces) the passphrase wrapping of `key`.
    pub fn wrap_passphrase(&mut self, key: &DataKey, pass: &Secret) -> Result<()> {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| Error::Crypto(e.to_string()))?;
        let kdf = Kdf {
            salt: B64.encode(salt),
            m_kib: ARGON_M_KIB,
            t: ARGON_T,
            p: ARGON_P,
        };
        let kek = argon(pass, &kdf)?;
        self.put(Kind::Passphrase, Some(kdf), &kek, key)
    }

    /// Adds (or replaces) the wrapping of `key` under `kek` (recovery or keychain).
    pub fn wrap_with(&mut self, kind: Kind, kek: &WrapKey, key: &DataKey) -> Result<()> {
        self.put(kind, None, kek, key)
    }

    /// Removes the wrapping of `kind`.
    pub fn remove(&mut self, kind: Kind) {
        self.wrappings.retain(|w| w.kind != kind);
    }

    fn put(&mut self, kind: Kind, kdf: Option<Kdf>, kek: &WrapKey, key: &DataKey) -> Result<()> {
        let (nonce, ciphertext) = seal(kek, kind, key)?;
        self.remove(kind);
        self.wrappings.push(Wrapping {
            kind,
            kdf,
            nonce,
            ciphertext,
        });
        Ok(())
    }

    fn wrapping(&self, kind: Kind, path: &Path) -> Result<&Wrapping> {
        self.wrappings
            .iter()
            .find(|w| w.kind == kind)
            .ok_or(Error::NoWrapping {
                path: path.to_path_buf(),
                kind: kind.name(),
            })
    }

    /// Unwraps the data key with the passphrase. `path` names the header in errors.
    pub fn unlock_passphrase(&self, pass: &Secret, path: &Path) -> Result<DataKey> {
        let w = self.wrapping(Kind::Passphrase, path)?;
        let kdf = w.kdf.as_ref().ok_or_else(|| Error::Corrupt {
            path: path.to_path_buf(),
            detail: "the passphrase wrapping has no salt".into(),
        })?;
        let kek = argon(pass, kdf)?;
        open(w, &kek, path).map_err(|e| match e {
            Error::WrongRecoveryKey => Error::WrongPassphrase,
            other => other,
        })
    }

    /// Unwraps the data key with the recovery key or the keychain's key.
    pub fn unlock_with(&self, kind: Kind, kek: &WrapKey, path: &Path) -> Result<DataKey> {
        open(self.wrapping(kind, path)?, kek, path)
    }
}

fn open(w: &Wrapping, kek: &WrapKey, path: &Path) -> Result<DataKey> {
    let corrupt = |detail: &str| Error::Corrupt {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    };
    let nonce = B64
        .decode(&w.nonce)
        .map_err(|_| corrupt("a nonce is not base64"))?;
    let ct = B64
        .decode(&w.ciphertext)
        .map_err(|_| corrupt("a wrapped key is not base64"))?;
    if nonce.len() != 24 || ct.len() != 48 {
        return Err(corrupt("a wrapped key has the wrong length"));
    }
    let cipher = XChaCha20Poly1305::new((&kek.0).into());
    let ad = aad(w.kind);
    let plain = Zeroizing::new(
        cipher
            .decrypt(XNonce::from_slice(&nonce), Payload { msg: &ct, aad: &ad })
            .map_err(|_| match w.kind {
                Kind::Passphrase => Error::WrongPassphrase,
                Kind::Recovery => Error::WrongRecoveryKey,
                // The keychain's key never mismatches unless the header was edited.
                Kind::Keychain => corrupt("the keychain's key does not open it"),
            })?,
    );
    DataKey::from_slice(&plain).ok_or_else(|| corrupt("the key has the wrong length"))
}

/// Writes `bytes` to `path` atomically and owner-only: temporary file, fsync,
/// rename, fsync of the folder.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |action: &'static str, p: &Path| {
        let p = p.to_path_buf();
        move |source| Error::Io {
            action,
            path: p,
            source,
        }
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io("create a file in", dir))?;
    tmp.write_all(bytes).map_err(io("write", tmp.path()))?;
    tmp.as_file().sync_all().map_err(io("sync", tmp.path()))?;
    tmp.persist(path).map_err(|e| Error::Io {
        action: "replace",
        path: path.to_path_buf(),
        source: e.error,
    })?;
    sync_dir(dir).map_err(io("sync the folder", dir))
}

/// fsyncs a directory so a rename in it is durable (a no-op off Unix).
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir; // not a Result: no directory fsync off Unix
    Ok(())
}

/// The rate limit of passphrase attempts. Its state (failures in a row and
/// the time of the last) is a small file of its own, so a failed attempt
/// leaves the store and the key header byte-identical.
#[derive(Debug, Clone)]
pub struct RateLimit {
    path: PathBuf,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Attempts {
    failures: u32,
    last: u64,
}

impl RateLimit {
    /// The limiter of the data directory `dir`.
    pub fn in_dir(dir: &Path) -> Self {
        RateLimit {
            path: dir.join(ATTEMPTS_FILE),
        }
    }

    fn read(&self) -> Attempts {
        // A missing or unreadable state file counts as no failures: the
        // limiter slows guessing, it never locks the owner out.
        std::fs::read(&self.path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// How long to wait before the next attempt is allowed (zero: now).
    pub fn wait(&self) -> Duration {
        let a = self.read();
        if a.failures < FREE_ATTEMPTS {
            return Duration::ZERO;
        }
        let shift = (a.failures - FREE_ATTEMPTS).min(16);
        let wait = Duration::from_secs(1u64 << shift).min(MAX_WAIT);
        let since = Duration::from_secs(now().saturating_sub(a.last));
        wait.saturating_sub(since)
    }

    /// Refuses at once while a wait is due.
    pub fn check(&self) -> Result<()> {
        let wait = self.wait();
        if wait.is_zero() {
            Ok(())
        } else {
            Err(Error::TooManyAttempts(wait.as_secs().max(1)))
        }
    }

    /// Records a wrong attempt.
    pub fn failed(&self) -> Result<()> {
        let mut a = self.read();
        a.failures = a.failures.saturating_add(1);
        a.last = now();
        let json = serde_json::to_vec(&a).map_err(|e| Error::Crypto(e.to_string()))?;
        write_atomically(&self.path, &json)
    }

    /// Forgets the failures after a right attempt.
    pub fn succeeded(&self) -> Result<()> {
        match std::fs::remove_file(&self.path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(Error::Io {
                action: "remove",
                path: self.path.clone(),
                source,
            }),
        }
    }

    /// Unlocks with `pass`, counting a wrong one and refusing while a wait is due.
    pub fn unlock(&self, header: &Header, pass: &Secret, path: &Path) -> Result<DataKey> {
        self.check()?;
        match header.unlock_passphrase(pass, path) {
            Ok(k) => {
                self.succeeded()?;
                Ok(k)
            }
            Err(Error::WrongPassphrase) => {
                self.failed()?;
                Err(Error::WrongPassphrase)
            }
            Err(e) => Err(e),
        }
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests;

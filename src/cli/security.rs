//! `popmail encrypt`, `decrypt`, `passphrase change`, `lock-status`,
//! `unlock --recovery-key-env VAR`, and unlocking an encrypted store for
//! every other command.
//!
//! Passphrases come from a no-echo prompt (`rpassword`, on the terminal), or
//! for scripts from `POPMAIL_PASSPHRASE_FILE` / `POPMAIL_PASSPHRASE` (a new
//! one from `POPMAIL_NEW_PASSPHRASE_FILE` / `POPMAIL_NEW_PASSPHRASE`). With
//! no terminal and none of these, an encrypted store is refused at once with
//! a sentence saying how to pass one. The recovery key is printed once, on
//! stderr. Keys and their wrappings: [`crate::keys`]; the conversion:
//! [`crate::jobs::convert`].

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use super::import_export::Cli as Bar;
use crate::keys::{self, DataKey, Header, Kind, RateLimit, WrapKey};
use crate::secret::Secret;
use crate::store::{self, Store, StoreConfig};
use crate::{credentials, jobs, paths, t};

/// How `popmail encrypt` unlocks the store later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unlock {
    /// A passphrase asked for at start (plus a recovery key).
    Passphrase,
    /// A key kept in the OS keychain.
    Keychain,
}

fn key_file(data_dir: &Path) -> PathBuf {
    data_dir.join(keys::KEY_FILE)
}

fn store_file(data_dir: &Path) -> PathBuf {
    StoreConfig::in_dir(data_dir).path().to_path_buf()
}

/// Reads a secret from `FILE_VAR` (a file's first line) or `VAR`.
fn from_env(file_var: &str, var: &str) -> anyhow::Result<Option<Secret>> {
    if let Some(file) = std::env::var_os(file_var) {
        let text = std::fs::read_to_string(&file).with_context(|| {
            t!(
                "cli-security-reading-var",
                var = file_var,
                path = Path::new(&file).display().to_string()
            )
        })?;
        let line = text.lines().next().unwrap_or_default();
        return Ok(Some(Secret::new(line)));
    }
    Ok(std::env::var(var).ok().map(Secret::new))
}

/// The passphrase of an encrypted store: environment, else a prompt, else a refusal.
fn passphrase() -> anyhow::Result<Secret> {
    if let Some(p) = from_env("POPMAIL_PASSPHRASE_FILE", "POPMAIL_PASSPHRASE")? {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        bail!("{}", t!("cli-security-no-passphrase"));
    }
    Ok(Secret::new(
        rpassword::prompt_password(format!("{} ", t!("cli-security-prompt")))
            .context(t!("cli-security-reading-passphrase"))?,
    ))
}

/// A new passphrase: environment, else asked twice without echo.
fn new_passphrase() -> anyhow::Result<Secret> {
    let p = match from_env("POPMAIL_NEW_PASSPHRASE_FILE", "POPMAIL_NEW_PASSPHRASE")? {
        Some(p) => p,
        None => {
            if !std::io::stdin().is_terminal() {
                bail!("{}", t!("cli-security-new-needed"));
            }
            let a = Secret::new(rpassword::prompt_password(format!(
                "{} ",
                t!("cli-security-prompt-new")
            ))?);
            let b = Secret::new(rpassword::prompt_password(format!(
                "{} ",
                t!("cli-security-prompt-again")
            ))?);
            if a != b {
                bail!("{}", t!("cli-security-differ"));
            }
            a
        }
    };
    if p.is_empty() {
        bail!("{}", t!("cli-security-empty"));
    }
    Ok(p)
}

/// Unwraps the data key of the store in `data_dir`: keychain first when the
/// header has that wrapping, else the passphrase (rate-limited).
fn data_key(data_dir: &Path) -> anyhow::Result<DataKey> {
    let kpath = key_file(data_dir);
    let header = Header::load(&kpath)?;
    if header.has(Kind::Keychain)
        && let Some(kek) = credentials::load_store_wrap_key(&store_file(data_dir))?
    {
        return Ok(header.unlock_with(Kind::Keychain, &kek, &kpath)?);
    }
    if !header.has(Kind::Passphrase) {
        bail!("{}", t!("cli-security-keychain-silent"));
    }
    let limit = RateLimit::in_dir(data_dir);
    limit.check()?;
    let pass = passphrase()?;
    Ok(limit.unlock(&header, &pass, &kpath)?)
}

/// The configuration that opens the store in `data_dir`: finishes an
/// interrupted conversion, then unlocks the store if it is encrypted.
pub fn config(data_dir: &Path) -> anyhow::Result<StoreConfig> {
    let path = store_file(data_dir);
    store::recover_conversion(&path)?;
    let config = StoreConfig::in_dir(data_dir);
    if store::is_encrypted(&path)? {
        return Ok(config.with_key(Some(data_key(data_dir)?)));
    }
    Ok(config)
}

/// `popmail encrypt`.
pub fn encrypt(data_dir: &Path, how: Unlock, quiet: bool) -> anyhow::Result<()> {
    paths::ensure_private_dir(data_dir)?;
    let config = config(data_dir)?;
    if let Some(key) = config.key() {
        return switch_unlock(data_dir, &config, key, how);
    }
    let store = Store::open(&config)?;
    let key = DataKey::generate()?;
    let mut header = Header::default();
    let mut recovery = None;
    match how {
        Unlock::Keychain => {
            let kek = WrapKey::generate()?;
            credentials::save_store_wrap_key(config.path(), &kek)
                .context(t!("cli-security-no-keychain"))?;
            header.wrap_with(Kind::Keychain, &kek, &key)?;
        }
        Unlock::Passphrase => {
            let pass = new_passphrase()?;
            header.wrap_passphrase(&key, &pass)?;
            let rec = WrapKey::generate()?;
            header.wrap_with(Kind::Recovery, &rec, &key)?;
            recovery = Some(rec);
        }
    }
    // The header goes first: once the encrypted file is swapped in, it must
    // be openable. A header beside a plaintext store is never used.
    header.save(&key_file(data_dir))?;
    if let Some(rec) = &recovery {
        eprintln!(
            "{}\n\n    {}\n",
            t!("cli-security-recovery-key"),
            keys::recovery_text(rec).expose()
        );
    }
    jobs::convert(store, Some(key), Bar::new(quiet, true)).map_err(|e| {
        if matches!(e, jobs::Error::Cancelled) {
            anyhow::anyhow!(t!("cli-security-encrypt-interrupted"))
        } else {
            anyhow::Error::new(e)
        }
    })?;
    eprintln!(
        "{}",
        t!("cli-security-encrypted", notice = jobs::erasure_notice())
    );
    Ok(())
}

/// `popmail encrypt --keychain|--passphrase` on an encrypted store: switches
/// how it is unlocked by rewrapping the key header; no mail is rewritten.
fn switch_unlock(
    data_dir: &Path,
    config: &StoreConfig,
    key: &DataKey,
    how: Unlock,
) -> anyhow::Result<()> {
    let kpath = key_file(data_dir);
    let header = Header::load(&kpath)?;
    match how {
        Unlock::Keychain if header.has(Kind::Keychain) && !header.has(Kind::Passphrase) => {
            bail!("{}", t!("cli-security-already-keychain"))
        }
        Unlock::Keychain => {
            credentials::use_keychain(config.path(), &kpath, key)?;
            eprintln!("{}", t!("cli-security-now-keychain"));
        }
        Unlock::Passphrase if header.has(Kind::Passphrase) => {
            bail!("{}", t!("cli-security-already-passphrase"))
        }
        Unlock::Passphrase => {
            let pass = new_passphrase()?;
            let recovery = credentials::use_passphrase(config.path(), &kpath, key, &pass)?;
            if let Some(rec) = recovery {
                eprintln!(
                    "{}\n\n    {}\n",
                    t!("cli-security-recovery-key"),
                    rec.expose()
                );
            }
            eprintln!("{}", t!("cli-security-now-passphrase"));
        }
    }
    Ok(())
}

/// `popmail decrypt`.
pub fn decrypt(data_dir: &Path, quiet: bool) -> anyhow::Result<()> {
    let config = config(data_dir)?;
    if config.key().is_none() {
        bail!("{}", t!("cli-security-not-encrypted"));
    }
    let store = Store::open(&config)?;
    jobs::convert(store, None, Bar::new(quiet, true)).map_err(|e| {
        if matches!(e, jobs::Error::Cancelled) {
            anyhow::anyhow!(t!("cli-security-decrypt-interrupted"))
        } else {
            anyhow::Error::new(e)
        }
    })?;
    let kpath = key_file(data_dir);
    let had_keychain = Header::load(&kpath).is_ok_and(|h| h.has(Kind::Keychain));
    std::fs::remove_file(&kpath)
        .with_context(|| t!("cli-removing", path = kpath.display().to_string()))?;
    if had_keychain {
        credentials::forget_store_wrap_key(config.path())?;
    }
    eprintln!(
        "{}",
        t!("cli-security-decrypted", notice = jobs::erasure_notice())
    );
    Ok(())
}

/// `popmail passphrase change`: rewraps the data key, never the mail.
pub fn change_passphrase(data_dir: &Path) -> anyhow::Result<()> {
    let kpath = key_file(data_dir);
    if !store::is_encrypted(&store_file(data_dir))? {
        bail!("{}", t!("cli-security-not-encrypted-use"));
    }
    let key = data_key(data_dir)?;
    let new = new_passphrase()?;
    let mut header = Header::load(&kpath)?;
    header.wrap_passphrase(&key, &new)?;
    header.save(&kpath)?;
    eprintln!("{}", t!("cli-security-changed"));
    Ok(())
}

/// `popmail unlock --recovery-key-env VAR`: a new passphrase, by the recovery key.
pub fn unlock_with_recovery(data_dir: &Path, var: &str) -> anyhow::Result<()> {
    let kpath = key_file(data_dir);
    let text = Secret::new(std::env::var(var).with_context(|| t!("cli-env-not-set", var = var))?);
    let rec = WrapKey::from_hex(text.expose()).ok_or(keys::Error::BadRecoveryKey)?;
    let mut header = Header::load(&kpath)?;
    let key = header.unlock_with(Kind::Recovery, &rec, &kpath)?;
    let new = new_passphrase()?;
    header.wrap_passphrase(&key, &new)?;
    header.save(&kpath)?;
    RateLimit::in_dir(data_dir).succeeded()?;
    eprintln!("{}", t!("cli-security-recovered"));
    Ok(())
}

/// `popmail lock-status`: one line, on stdout.
pub fn lock_status(data_dir: &Path) -> anyhow::Result<()> {
    let path = store_file(data_dir);
    store::recover_conversion(&path)?;
    if !store::is_encrypted(&path)? {
        println!("{}", t!("cli-security-status-plain"));
        return Ok(());
    }
    let header = Header::load(&key_file(data_dir))?;
    let kinds: Vec<String> = header
        .kinds()
        .into_iter()
        .map(|k| match k {
            Kind::Passphrase => t!("cli-security-kind-passphrase"),
            Kind::Recovery => t!("cli-security-kind-recovery"),
            Kind::Keychain => t!("cli-security-kind-keychain"),
        })
        .collect();
    println!(
        "{}",
        t!("cli-security-status-encrypted", kinds = kinds.join(", "))
    );
    Ok(())
}

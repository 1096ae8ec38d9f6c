//! Carrying out Preferences → Security ([`crate::ui::security`]): encrypt
//! and decrypt close the session (every connection, the sync worker
//! included), run the conversion on a job worker of their own with progress
//! and cancel, and open a new session on the result — or on the store as it
//! was, after a cancel or a failure. A passphrase change rewraps the data
//! key in `popmail.keys` and touches no mail.
//!
//! The key header is written before encrypting (a header beside a plaintext
//! store is never used, and is removed again when the conversion does not
//! happen) and removed after decrypting, as `popmail encrypt`/`decrypt` do.

use std::path::Path;

use super::super::security::{Action, Conversion, Facts};
use super::{App, Session};
use crate::jobs::{self, JobCommand, JobEvent, JobSummary};
use crate::keys::{self, DataKey, Header, Kind, WrapKey};
use crate::secret::Secret;
use crate::store::StoreConfig;
use crate::t;

/// Whether a system keychain answers here (asked once: the answer needs a
/// D-Bus round trip, and the dialog draws every frame).
fn keychain_here() -> bool {
    static HERE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *HERE.get_or_init(crate::credentials::keychain_available)
}

impl App {
    /// What the Security dialog shows about the open store.
    pub(super) fn security_facts(&self) -> Facts {
        let Some(s) = &self.session else {
            return Facts::default();
        };
        let encrypted = s.store.is_encrypted();
        let header = Header::load(&s.data_dir.join(keys::KEY_FILE)).ok(); // unreadable: no wrappings to show
        Facts {
            encrypted,
            passphrase: encrypted && header.as_ref().is_some_and(|h| h.has(Kind::Passphrase)),
            keychain: encrypted && header.as_ref().is_some_and(|h| h.has(Kind::Keychain)),
            convertible: s.demo.is_none(),
            sync_while_locked: self.prefs.sync_while_locked,
            keychain_available: keychain_here(),
        }
    }

    /// The Security dialog for this frame, and what it asked for.
    pub(super) fn security_ui(&mut self) {
        if !self.security.is_open() {
            return;
        }
        let facts = self.security_facts();
        let minutes = self.prefs.lock_after_minutes;
        if let Some(a) = self.security.ui(&self.ctx, facts, minutes) {
            self.security_act(a);
        }
    }

    /// The window while a conversion runs.
    pub(super) fn conversion_frame(&mut self, ui: &mut egui::Ui) {
        self.poll_conversion();
        if let Some(a) = self.security.conversion_ui(ui) {
            self.security_act(a);
        }
        let facts = self.security_facts();
        let minutes = self.prefs.lock_after_minutes;
        if !self.security.converting()
            && let Some(a) = self.security.ui(&self.ctx, facts, minutes)
        {
            self.security_act(a);
        }
    }

    fn security_act(&mut self, action: Action) {
        let outcome = match action {
            Action::LockMinutes(m) => {
                self.prefs.lock_after_minutes = m;
                Ok(())
            }
            Action::Cancel => {
                if let Some(c) = &mut self.security.conversion {
                    c.cancelling = true;
                    c.worker.cancel();
                }
                Ok(())
            }
            Action::SyncWhileLocked(on) => {
                self.prefs.sync_while_locked = on;
                Ok(())
            }
            Action::ChangePassphrase(p) => self.change_passphrase(&p),
            Action::UseKeychain => self.switch_unlock(None),
            Action::UsePassphrase(p) => self.switch_unlock(Some(&p)),
            Action::Encrypt { passphrase } => self.start_encrypt(passphrase),
            Action::Decrypt => self.start_conversion(None, None),
        };
        if let Err(e) = outcome {
            self.security.set_error(e);
        }
    }

    fn change_passphrase(&mut self, new: &Secret) -> Result<(), String> {
        let s = self
            .session
            .as_ref()
            .ok_or_else(|| t!("security-no-store"))?;
        let key = s
            .store
            .config()
            .key()
            .ok_or_else(|| t!("security-not-encrypted"))?;
        let kpath = s.data_dir.join(keys::KEY_FILE);
        let mut header = Header::load(&kpath).map_err(|e| e.to_string())?;
        header
            .wrap_passphrase(key, new)
            .and_then(|()| header.save(&kpath))
            .map_err(|e| e.to_string())?;
        self.security.set_notice(t!("security-changed"));
        Ok(())
    }

    /// Switches an encrypted store between the keychain and a passphrase
    /// (`None`: the keychain); rewraps the key header only.
    fn switch_unlock(&mut self, pass: Option<&Secret>) -> Result<(), String> {
        let s = self
            .session
            .as_ref()
            .ok_or_else(|| t!("security-no-store"))?;
        let config = s.store.config();
        let key = config.key().ok_or_else(|| t!("security-not-encrypted"))?;
        let kpath = s.data_dir.join(keys::KEY_FILE);
        match pass {
            None => {
                crate::credentials::use_keychain(config.path(), &kpath, key)
                    .map_err(|e| e.to_string())?;
                self.security.set_notice(t!("security-now-keychain"));
            }
            Some(p) => {
                let recovery = crate::credentials::use_passphrase(config.path(), &kpath, key, p)
                    .map_err(|e| e.to_string())?;
                self.security.set_notice(t!("security-now-passphrase"));
                if let Some(rec) = recovery {
                    self.security.show_recovery(rec);
                }
            }
        }
        Ok(())
    }

    fn start_encrypt(&mut self, passphrase: Option<Secret>) -> Result<(), String> {
        let s = self
            .session
            .as_ref()
            .ok_or_else(|| t!("security-no-store"))?;
        let data_dir = s.data_dir.clone();
        let store_path = s.store.config().path().to_path_buf();
        let key = DataKey::generate().map_err(|e| e.to_string())?;
        let mut header = Header::default();
        let mut recovery = None;
        let wrapped = match &passphrase {
            None => WrapKey::generate().and_then(|kek| {
                crate::credentials::save_store_wrap_key(&store_path, &kek).map_err(|e| {
                    keys::Error::Crypto(t!("security-keychain-refused", error = e.to_string()))
                })?;
                header.wrap_with(Kind::Keychain, &kek, &key)
            }),
            Some(p) => header.wrap_passphrase(&key, p).and_then(|()| {
                let rec = WrapKey::generate()?;
                header.wrap_with(Kind::Recovery, &rec, &key)?;
                recovery = Some(keys::recovery_text(&rec));
                Ok(())
            }),
        };
        wrapped
            .and_then(|()| header.save(&data_dir.join(keys::KEY_FILE)))
            .map_err(|e| e.to_string())?;
        self.start_conversion(Some(key), recovery)
    }

    /// Closes the session and starts converting on a job worker of its own.
    fn start_conversion(
        &mut self,
        target: Option<DataKey>,
        recovery: Option<Secret>,
    ) -> Result<(), String> {
        let s = self
            .session
            .as_ref()
            .ok_or_else(|| t!("security-no-store"))?;
        let before = s.store.config().clone();
        let data_dir = s.data_dir.clone();
        let encrypting = target.is_some();
        // Every connection of the window goes: converting needs the only one.
        self.session = None;
        self.dialogs = Default::default();
        let ctx = self.ctx.clone();
        let repaint: crate::worker::Repaint = std::sync::Arc::new(move || ctx.request_repaint());
        let started = jobs::spawn(before.clone(), repaint).map_err(|e| e.to_string());
        let worker = match started {
            Ok(w) => w,
            Err(e) => {
                self.conversion_ended(&data_dir, before, encrypting);
                return Err(t!("security-conversion-not-started", error = e));
            }
        };
        // A worker that is already gone sends Stopped, which poll_conversion
        // reports; the store is then reopened as it was.
        let _ = worker.send(JobCommand::Convert { target }); // see above
        self.security.conversion = Some(Conversion {
            worker,
            data_dir,
            before,
            encrypting,
            recovery,
            progress: (0, 0),
            cancelling: false,
        });
        Ok(())
    }

    /// Drains the conversion's events; when it is over, reopens the store.
    fn poll_conversion(&mut self) {
        let Some(c) = &mut self.security.conversion else {
            return;
        };
        let mut ended: Option<Result<StoreConfig, String>> = None;
        while let Some(event) = c.worker.try_recv() {
            match event {
                JobEvent::Progress(p) => c.progress = (p.bytes, p.total_bytes.unwrap_or(0)),
                JobEvent::Finished(JobSummary::Converted(config)) => ended = Some(Ok(config)),
                JobEvent::Cancelled(_) => ended = Some(Err(String::new())),
                JobEvent::Failed(e) => ended = Some(Err(e)),
                JobEvent::Stopped { reason } if ended.is_none() => {
                    ended = Some(Err(t!("security-conversion-stopped", reason = reason)));
                }
                _ => {}
            }
        }
        let Some(result) = ended else { return };
        let Some(c) = self.security.conversion.take() else {
            return;
        };
        drop(c.worker);
        match result {
            Ok(config) => {
                if !c.encrypting {
                    let had_keychain = self.security_facts_keychain(&c.data_dir);
                    // The key file opens nothing any more.
                    let removed = std::fs::remove_file(c.data_dir.join(keys::KEY_FILE));
                    if had_keychain {
                        // A stale keychain entry unlocks nothing; a failure is harmless.
                        let _ = crate::credentials::forget_store_wrap_key(config.path()); // see above
                    }
                    if let Err(e) = removed {
                        self.security
                            .set_error(t!("security-key-file-not-removed", error = e.to_string()));
                    }
                }
                self.reopen(&c.data_dir, config);
                let what = if c.encrypting {
                    t!("security-encrypted")
                } else {
                    t!("security-decrypted")
                };
                self.security.set_notice(t!(
                    "security-converted",
                    what = what,
                    note = jobs::erasure_notice()
                ));
                if let Some(rec) = c.recovery {
                    self.security.show_recovery(rec);
                }
            }
            Err(why) => {
                self.conversion_ended(&c.data_dir, c.before, c.encrypting);
                let still = if c.encrypting {
                    t!("security-still-plain")
                } else {
                    t!("security-still-encrypted")
                };
                if why.is_empty() {
                    self.security
                        .set_notice(t!("security-conversion-cancelled", state = still));
                } else {
                    self.security.set_error(t!(
                        "security-conversion-failed",
                        error = why,
                        state = still
                    ));
                }
            }
        }
    }

    fn security_facts_keychain(&self, data_dir: &Path) -> bool {
        Header::load(&data_dir.join(keys::KEY_FILE)).is_ok_and(|h| h.has(Kind::Keychain))
    }

    /// After an encryption that did not happen: the new key header (and
    /// keychain entry) go, and the store opens as it was.
    fn conversion_ended(&mut self, data_dir: &Path, before: StoreConfig, encrypting: bool) {
        if encrypting {
            if self.security_facts_keychain(data_dir) {
                // Unused entry: harmless if it stays.
                let _ = crate::credentials::forget_store_wrap_key(before.path()); // see above
            }
            // A header beside a plaintext store is never used; removing it
            // leaves the folder as it was. Already gone is fine.
            let _ = std::fs::remove_file(data_dir.join(keys::KEY_FILE)); // see above
        }
        self.reopen(data_dir, before);
    }

    fn reopen(&mut self, data_dir: &Path, config: StoreConfig) {
        match Session::open_with(data_dir.to_path_buf(), config, &self.ctx) {
            Ok(s) => self.use_session(s),
            Err(e) => self.open_error = Some(e.to_string()),
        }
    }
}

//! Preferences → Security (issue #13): the window's way to encrypt the mail
//! store (with a passphrase, or unlocked by the system keychain), decrypt it,
//! change the passphrase, and set the idle lock. It says what each mode
//! protects against, shows the recovery key once (until "I have written it
//! down"), and while a conversion runs shows only its progress and Cancel.
//!
//! This module owns the dialog's state and draws it; it returns an
//! [`Action`] that the App carries out (`ui/app/security.rs`): the
//! conversion itself runs on the job worker ([`crate::jobs::JobCommand::Convert`],
//! crash-safe in [`crate::store::Store::convert`]), after the window has
//! closed its session, because converting needs the only connection.
//!
//! Syncing while locked is a preference: by default locking closes the
//! session, sync worker included, so no key stays in memory, and syncing
//! resumes on unlock; with "Keep syncing while locked" the sync worker (and
//! its copy of the key) stays. The dialog and the lock screen say which
//! ([`SyncWhileLocked`]).

use egui::{Context, Ui};
use zeroize::Zeroize as _;

use crate::jobs::JobWorker;
use crate::secret::Secret;
use crate::store::StoreConfig;
use crate::t;

/// What happens to syncing while the window is locked, and the words the
/// lock screen says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncWhileLocked {
    /// Syncing paused: the key left memory with the session.
    Paused,
    /// The sync worker kept running, with the key.
    Continues,
    /// Locked since start-up: nothing syncs before the first unlock.
    NotStarted,
}

impl SyncWhileLocked {
    /// The lock screen's line.
    pub fn text(self) -> String {
        match self {
            SyncWhileLocked::Paused => t!("security-sync-paused"),
            SyncWhileLocked::Continues => t!("security-sync-continues"),
            SyncWhileLocked::NotStarted => t!("security-sync-not-started"),
        }
    }
}

/// What each mode protects against, one line each (the README's table,
/// short): not encrypted, unlocked by the keychain, by a passphrase.
pub fn modes() -> [(String, String); 3] {
    [
        (
            t!("security-mode-plain"),
            t!("security-mode-plain-protects"),
        ),
        (
            t!("security-mode-keychain"),
            t!("security-mode-keychain-protects"),
        ),
        (
            t!("security-mode-passphrase"),
            t!("security-mode-passphrase-protects"),
        ),
    ]
}

/// The store's encryption, as the dialog shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Facts {
    /// The store is encrypted.
    pub encrypted: bool,
    /// Its key file has a passphrase wrapping.
    pub passphrase: bool,
    /// Its key file has a keychain wrapping.
    pub keychain: bool,
    /// A store is open that can be converted (not the demo).
    pub convertible: bool,
    /// The preference "Keep syncing while locked".
    pub sync_while_locked: bool,
    /// A system keychain answers here.
    pub keychain_available: bool,
}

/// What the user asked the dialog for; the App carries it out.
pub enum Action {
    /// Encrypt: unlocked by the keychain (`passphrase: None`) or by this passphrase.
    Encrypt {
        /// The new passphrase, or `None` for the keychain.
        passphrase: Option<Secret>,
    },
    /// Decrypt the store.
    Decrypt,
    /// Rewrap the data key with a new passphrase (the mail is not rewritten).
    ChangePassphrase(Secret),
    /// The idle-lock minutes (0: never).
    LockMinutes(u32),
    /// The preference "Keep syncing while locked".
    SyncWhileLocked(bool),
    /// Unlock by the system keychain instead of the passphrase (instant:
    /// the key header is rewrapped, the mail is not rewritten).
    UseKeychain,
    /// Unlock by this passphrase instead of the keychain (instant).
    UsePassphrase(Secret),
    /// Cancel the running conversion.
    Cancel,
}

/// A conversion in flight: the job worker doing it, and what to do after.
pub struct Conversion {
    /// The worker running the conversion (with its own store connection).
    pub worker: JobWorker,
    /// The data directory being converted.
    pub data_dir: std::path::PathBuf,
    /// The configuration that opens the store as it was (for cancel or failure).
    pub before: StoreConfig,
    /// Encrypting (`true`) or decrypting.
    pub encrypting: bool,
    /// The recovery key to show once the conversion has succeeded.
    pub recovery: Option<Secret>,
    /// Bytes written and the total, as last reported.
    pub progress: (u64, u64),
    /// Cancel was asked for.
    pub cancelling: bool,
}

/// Which way a new encryption is unlocked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Unlock {
    #[default]
    Passphrase,
    Keychain,
}

/// The dialog's state.
#[derive(Default)]
pub struct Security {
    open: bool,
    unlock: Unlock,
    pass: String,
    again: String,
    confirm_decrypt: bool,
    /// The conversion in flight, if any.
    pub conversion: Option<Conversion>,
    recovery: Option<Secret>,
    notice: Option<String>,
    error: Option<String>,
}

impl Drop for Security {
    fn drop(&mut self) {
        self.clear_typed();
    }
}

impl Security {
    /// Opens the dialog.
    pub fn show(&mut self) {
        self.open = true;
        self.error = None;
        self.notice = None;
    }

    /// Whether the dialog (or the recovery key) is on screen.
    pub fn is_open(&self) -> bool {
        self.open || self.recovery.is_some()
    }

    /// Whether a conversion is running.
    pub fn converting(&self) -> bool {
        self.conversion.is_some()
    }

    /// Says what happened (shown in the dialog).
    pub fn set_notice(&mut self, text: impl Into<String>) {
        self.notice = Some(text.into());
        self.error = None;
    }

    /// Says what went wrong (shown in the dialog).
    pub fn set_error(&mut self, text: impl Into<String>) {
        self.error = Some(text.into());
        self.notice = None;
    }

    /// Shows the recovery key until the user says it is written down.
    pub fn show_recovery(&mut self, key: Secret) {
        self.recovery = Some(key);
        self.open = true;
    }

    fn clear_typed(&mut self) {
        self.pass.zeroize();
        self.again.zeroize();
    }

    /// The typed new passphrase when both fields agree and are not empty.
    fn new_passphrase(&mut self) -> Option<Secret> {
        if self.pass.is_empty() {
            self.set_error(t!("security-type-twice"));
            return None;
        }
        if self.pass != self.again {
            self.set_error(t!("security-differ"));
            self.clear_typed();
            return None;
        }
        let p = Secret::new(std::mem::take(&mut self.pass));
        self.clear_typed();
        Some(p)
    }

    /// The whole window while a conversion runs: its progress and Cancel.
    pub fn conversion_ui(&mut self, ui: &mut Ui) -> Option<Action> {
        let c = self.conversion.as_ref()?;
        let mut action = None;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 4.0);
                ui.heading(if c.encrypting {
                    t!("security-encrypting")
                } else {
                    t!("security-decrypting")
                });
                ui.add_space(8.0);
                let (done, total) = c.progress;
                let fraction = if total == 0 {
                    0.0
                } else {
                    done as f32 / total as f32
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(360.0)
                        .text(t!(
                            "security-progress",
                            done = crate::fmt::size(done),
                            total = crate::fmt::size(total)
                        )),
                );
                ui.label(t!("security-new-file"));
                if c.cancelling {
                    ui.label(t!("security-cancelling"));
                } else if ui.button(t!("common-cancel")).clicked() {
                    action = Some(Action::Cancel);
                }
            });
        });
        action
    }

    /// The dialog, when open. `lock_minutes` is the idle-lock preference.
    pub fn ui(&mut self, ctx: &Context, facts: Facts, lock_minutes: u32) -> Option<Action> {
        if !self.is_open() {
            return None;
        }
        let mut action = None;
        let mut open = true;
        egui::Window::new(t!("security-title"))
            .collapsible(false)
            .resizable(false)
            .min_width(460.0)
            .max_width(520.0)
            .open(&mut open)
            .show(ctx, |ui| {
                if self.recovery.is_some() {
                    self.recovery_ui(ui);
                } else {
                    action = self.form_ui(ui, facts, lock_minutes);
                }
            });
        if !open && self.recovery.is_none() {
            self.open = false;
            self.clear_typed();
        }
        action
    }

    fn recovery_ui(&mut self, ui: &mut Ui) {
        let Some(key) = &self.recovery else { return };
        ui.label(t!("security-recovery"));
        ui.add_space(6.0);
        ui.add(
            egui::Label::new(egui::RichText::new(key.expose()).monospace().size(16.0))
                .selectable(true),
        );
        ui.add_space(6.0);
        if ui.button(t!("security-written-down")).clicked() {
            self.recovery = None;
        }
    }

    fn form_ui(&mut self, ui: &mut Ui, facts: Facts, lock_minutes: u32) -> Option<Action> {
        let mut action = None;
        let mode = match (facts.encrypted, facts.passphrase) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
        let modes = modes();
        let [plain, keychain, passphrase] = modes.clone();
        let current = match mode {
            0 => plain.0,
            1 => keychain.0.clone(),
            _ => passphrase.0.clone(),
        };
        ui.strong(t!("security-this-store", mode = current));
        for (name, protects) in modes {
            ui.add_space(4.0);
            ui.label(egui::RichText::new(name).strong());
            ui.add(egui::Label::new(protects).wrap());
        }
        ui.separator();
        if !facts.convertible {
            ui.label(t!("security-not-convertible"));
        } else if !facts.encrypted {
            ui.radio_value(&mut self.unlock, Unlock::Passphrase, passphrase.0);
            ui.radio_value(&mut self.unlock, Unlock::Keychain, keychain.0);
            if self.unlock == Unlock::Passphrase {
                self.passphrase_fields(ui);
            }
            if ui.button(t!("security-encrypt")).clicked() {
                let passphrase = match self.unlock {
                    Unlock::Keychain => Some(None),
                    Unlock::Passphrase => self.new_passphrase().map(Some),
                };
                action = passphrase.map(|passphrase| Action::Encrypt { passphrase });
            }
        } else {
            if facts.passphrase {
                ui.label(t!("security-change-explain"));
                self.passphrase_fields(ui);
                if ui.button(t!("security-change")).clicked() {
                    action = self.new_passphrase().map(Action::ChangePassphrase);
                }
                if ui
                    .add_enabled(
                        facts.keychain_available,
                        egui::Button::new(t!("security-use-keychain")),
                    )
                    .on_disabled_hover_text(t!("security-no-keychain"))
                    .clicked()
                {
                    action = Some(Action::UseKeychain);
                }
                ui.separator();
            } else {
                ui.label(t!("security-use-passphrase-explain"));
                self.passphrase_fields(ui);
                if ui.button(t!("security-use-passphrase")).clicked() {
                    action = self.new_passphrase().map(Action::UsePassphrase);
                }
                ui.separator();
            }
            ui.checkbox(&mut self.confirm_decrypt, t!("security-confirm-decrypt"));
            if ui
                .add_enabled(
                    self.confirm_decrypt,
                    egui::Button::new(t!("security-decrypt")),
                )
                .clicked()
            {
                self.confirm_decrypt = false;
                action = Some(Action::Decrypt);
            }
        }
        ui.separator();
        let mut minutes = lock_minutes;
        ui.horizontal(|ui| {
            ui.label(t!("security-idle-lock"));
            let r = ui.add(egui::DragValue::new(&mut minutes).range(0..=1440));
            r.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::SpinButton,
                    true,
                    t!("security-idle-lock-name"),
                )
            });
        });
        if minutes != lock_minutes {
            action = Some(Action::LockMinutes(minutes));
        }
        let mut keep = facts.sync_while_locked;
        ui.checkbox(&mut keep, t!("security-keep-syncing"));
        ui.add(
            egui::Label::new(egui::RichText::new(t!("security-keep-syncing-help")).weak()).wrap(),
        );
        if keep != facts.sync_while_locked {
            action = Some(Action::SyncWhileLocked(keep));
        }
        if let Some(n) = &self.notice {
            ui.label(n);
        }
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        action
    }

    fn passphrase_fields(&mut self, ui: &mut Ui) {
        for (label, text) in [
            (t!("security-new-passphrase"), &mut self.pass),
            (t!("security-passphrase-again"), &mut self.again),
        ] {
            ui.horizontal(|ui| {
                ui.label(&label);
                let r = ui.add(
                    egui::TextEdit::singleline(text)
                        .password(true)
                        .desired_width(240.0),
                );
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
            });
        }
    }
}

//! The lock screen of an encrypted store (issue #13): asked at start-up for
//! the passphrase (or the recovery key), and shown again after Lock
//! (File → Lock, Ctrl+L), when the session with its key and every decrypted
//! view has been dropped. It shows no folder names, subjects or counts.
//! By default syncing stops while locked (the session and its sync worker
//! are gone, so is the key); with the preference "Keep syncing while locked"
//! the lock screen keeps the sync worker (and its copy of the key) running
//! and hands it to the next session. The screen says which.
//!
//! The passphrase is checked off the UI thread (Argon2id takes a noticeable
//! fraction of a second), on a one-shot [`crate::worker::Worker`]; the screen
//! shows a spinner meanwhile.
//!
//! A store whose key file has a keychain wrapping that the OS keychain
//! answers opens without asking. Wrong passphrases are counted by
//! [`crate::keys::RateLimit`] (state in its own file, so the store and key
//! files stay byte-identical); while a wait is due, attempts are refused at
//! once with the time to wait.

use std::path::{Path, PathBuf};

use egui::Ui;
use zeroize::Zeroize as _;

use super::Error;
use super::RunOptions;
use super::security::SyncWhileLocked;
use super::session::{self, Session, SyncPort};
use crate::keys::{self, Header, Kind, RateLimit, WrapKey};
use crate::secret::Secret;
use crate::store::{self, StoreConfig};
use crate::t;
use crate::worker::{Spawn, StopEvent, Worker};

/// The answer of an unlock attempt.
enum Tried {
    /// The configuration with the key, or why not in words.
    Done(Result<StoreConfig, String>),
    /// The attempt's thread ended.
    Stopped(String),
}

impl StopEvent for Tried {
    fn stopped(reason: String) -> Self {
        Tried::Stopped(reason)
    }
}

/// The unlock form: what is typed (zeroized when dropped or tried), the
/// attempt in flight, the last error, and the sync worker kept running.
pub struct LockScreen {
    data_dir: PathBuf,
    typed: String,
    recovery: bool,
    /// The key file's wrappings: (passphrase, recovery key, keychain).
    ways: (bool, bool, bool),
    error: Option<String>,
    attempt: Option<Worker<(), Tried>>,
    sync: Option<Box<dyn SyncPort>>,
    syncing: SyncWhileLocked,
}

impl Drop for LockScreen {
    fn drop(&mut self) {
        self.typed.zeroize();
        if let Some(sync) = &self.sync {
            sync.send(crate::sync::Command::Shutdown);
        }
    }
}

/// What opening the data directory of a run gave.
pub enum Opened {
    /// A plaintext store, or one the keychain unlocked.
    Session(Box<Session>),
    /// An encrypted store that needs the passphrase.
    Locked(LockScreen),
}

/// Opens the store of `opts`, or returns the lock screen when it is
/// encrypted and the keychain does not unlock it. Finishes or rolls back an
/// interrupted conversion first.
pub fn open_or_lock(opts: &RunOptions, ctx: &egui::Context) -> Result<Opened, Error> {
    let data_dir = session::data_dir_for(opts)?;
    let config = session::store_config(&data_dir, opts);
    store::recover_conversion(config.path())?;
    if !store::is_encrypted(config.path())? {
        return Ok(Opened::Session(Box::new(Session::open_with(
            data_dir, config, ctx,
        )?)));
    }
    if let Some(config) = keychain_config(&data_dir, config) {
        return Ok(Opened::Session(Box::new(Session::open_with(
            data_dir, config, ctx,
        )?)));
    }
    Ok(Opened::Locked(LockScreen::new(data_dir)))
}

/// The store's configuration with its key, when the key file has a keychain
/// wrapping and the keychain answers.
fn keychain_config(data_dir: &Path, config: StoreConfig) -> Option<StoreConfig> {
    let kpath = data_dir.join(keys::KEY_FILE);
    // A missing or damaged key file is reported by the lock screen's attempt.
    let header = Header::load(&kpath).ok()?;
    if !header.has(Kind::Keychain) {
        return None;
    }
    // No keychain (or no entry): the passphrase screen is the way in.
    let kek = crate::credentials::load_store_wrap_key(config.path()).ok()??;
    // A keychain entry that no longer fits: ask for the passphrase instead.
    let key = header.unlock_with(Kind::Keychain, &kek, &kpath).ok()?;
    Some(config.with_key(Some(key)))
}

impl LockScreen {
    /// The lock screen of the store in `data_dir`.
    pub fn new(data_dir: PathBuf) -> Self {
        let ways = ways(&data_dir);
        LockScreen {
            data_dir,
            typed: String::new(),
            recovery: false,
            ways,
            error: None,
            attempt: None,
            sync: None,
            syncing: SyncWhileLocked::NotStarted,
        }
    }

    /// The lock screen of a window that was unlocked: `sync` is the sync
    /// worker kept running (the preference), or `None` when syncing paused.
    pub fn after_unlocked(data_dir: PathBuf, sync: Option<Box<dyn SyncPort>>) -> Self {
        let syncing = if sync.is_some() {
            SyncWhileLocked::Continues
        } else {
            SyncWhileLocked::Paused
        };
        let ways = ways(&data_dir);
        LockScreen {
            data_dir,
            typed: String::new(),
            recovery: false,
            ways,
            error: None,
            attempt: None,
            sync,
            syncing,
        }
    }

    /// Takes the sync worker kept running while locked (for the next session).
    pub fn take_sync(&mut self) -> Option<Box<dyn SyncPort>> {
        self.sync.take()
    }

    /// Whether an unlock attempt is being checked.
    pub fn checking(&self) -> bool {
        self.attempt.is_some()
    }

    /// The data directory it unlocks.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Says why a session could not be opened after unlocking.
    pub fn set_error(&mut self, e: String) {
        self.error = Some(e);
    }

    /// The events of the sync worker kept running while locked (the lock
    /// screen shows no counts; the window's notifications take them).
    pub fn sync_events(&self) -> Vec<crate::sync::Event> {
        let mut events = Vec::new();
        if let Some(sync) = &self.sync {
            while let Some(e) = sync.try_recv() {
                events.push(e);
            }
        }
        events
    }

    /// Draws the screen; returns the configuration with the key once the
    /// passphrase (or recovery key) was right.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<StoreConfig> {
        let unlocked = self.poll_attempt();
        let checking = self.checking();
        let mut submit = false;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(ui.available_height() / 4.0);
                ui.heading(t!("lock-title"));
                ui.add_space(8.0);
                let (passphrase, recovery, keychain) = self.ways;
                if keychain && !passphrase && !self.recovery {
                    ui.label(t!("lock-keychain"));
                } else {
                    let prompt = if self.recovery {
                        t!("lock-recovery-key")
                    } else {
                        t!("lock-passphrase")
                    };
                    ui.label(&prompt);
                    let field = ui.add_enabled(
                        !checking,
                        egui::TextEdit::singleline(&mut self.typed)
                            .password(true)
                            .desired_width(320.0)
                            .hint_text(&prompt),
                    );
                    field.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::TextInput, true, &prompt)
                    });
                    if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                        submit = true;
                    }
                }
                if recovery || !keychain {
                    ui.add_enabled(
                        !checking,
                        egui::Checkbox::new(&mut self.recovery, t!("lock-use-recovery")),
                    );
                }
                if ui
                    .add_enabled(!checking, egui::Button::new(t!("lock-unlock")))
                    .clicked()
                {
                    submit = true;
                }
                if checking {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(t!("lock-checking"));
                    });
                }
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                ui.add_space(8.0);
                ui.weak(self.syncing.text());
            });
        });
        if submit && !checking {
            self.start_attempt(ui.ctx());
        }
        unlocked
    }

    /// Checks what is typed on a thread of its own.
    fn start_attempt(&mut self, ctx: &egui::Context) {
        let typed = Secret::new(std::mem::take(&mut self.typed));
        let (passphrase, _, keychain) = self.ways;
        let how = if self.recovery {
            How::Recovery
        } else if keychain && !passphrase {
            How::Keychain
        } else {
            How::Passphrase
        };
        let data_dir = self.data_dir.clone();
        let ctx = ctx.clone();
        let spawn = Spawn::named("popmail-unlock")
            .repaint(std::sync::Arc::new(move || ctx.request_repaint()));
        let started = Worker::spawn(spawn, move |_inbox, outbox| {
            let result = attempt(&data_dir, how, &typed);
            // Nobody to tell when the window went away meanwhile.
            let _ = outbox.send(Tried::Done(result)); // see above
            t!("lock-attempt-over")
        });
        match started {
            Ok(w) => {
                self.error = None;
                self.attempt = Some(w);
            }
            Err(e) => self.error = Some(t!("lock-cannot-check", error = e.to_string())),
        }
    }

    /// The attempt's answer, once it is in.
    fn poll_attempt(&mut self) -> Option<StoreConfig> {
        let event = self.attempt.as_ref()?.try_recv()?;
        self.attempt = None;
        match event {
            Tried::Done(Ok(config)) => Some(config),
            Tried::Done(Err(e)) | Tried::Stopped(e) => {
                self.error = Some(e);
                None
            }
        }
    }
}

/// How an unlock attempt opens the key header.
#[derive(Debug, Clone, Copy)]
enum How {
    /// With the passphrase typed (rate-limited).
    Passphrase,
    /// With the recovery key typed (rate-limited).
    Recovery,
    /// With the system keychain (a store without a passphrase, locked).
    Keychain,
}

/// The wrappings of the key file of `data_dir`: (passphrase, recovery key,
/// keychain). An unreadable key file shows the passphrase form, whose
/// attempt then says what is wrong with it.
fn ways(data_dir: &Path) -> (bool, bool, bool) {
    match Header::load(&data_dir.join(keys::KEY_FILE)) {
        Ok(h) => (
            h.has(Kind::Passphrase),
            h.has(Kind::Recovery),
            h.has(Kind::Keychain),
        ),
        Err(_) => (true, true, false),
    }
}

/// Opens the key header of `data_dir` as `how` says.
fn attempt(data_dir: &Path, how: How, typed: &Secret) -> Result<StoreConfig, String> {
    let config = StoreConfig::in_dir(data_dir);
    if let How::Keychain = how {
        return keychain_config(data_dir, config).ok_or_else(|| t!("lock-keychain-refused"));
    }
    let kpath = data_dir.join(keys::KEY_FILE);
    let header = Header::load(&kpath).map_err(|e| e.to_string())?;
    let limit = RateLimit::in_dir(data_dir);
    let key = if let How::Recovery = how {
        let rec = limit
            .check()
            .and_then(|()| WrapKey::from_hex(typed.expose()).ok_or(keys::Error::BadRecoveryKey))
            .map_err(|e| e.to_string())?;
        match header.unlock_with(Kind::Recovery, &rec, &kpath) {
            Ok(k) => {
                limit.succeeded().map_err(|e| e.to_string())?;
                k
            }
            Err(e) => {
                limit.failed().map_err(|e| e.to_string())?;
                return Err(e.to_string());
            }
        }
    } else {
        limit
            .unlock(&header, typed, &kpath)
            .map_err(|e| e.to_string())?
    };
    Ok(config.with_key(Some(key)))
}

/// A clock in seconds (tests inject their own).
pub type Clock = Box<dyn Fn() -> i64>;

/// The idle lock's clock and the time of the last input.
pub struct Idle {
    /// The clock.
    pub clock: Clock,
    /// When the user last did something.
    pub last_input: i64,
}

impl Default for Idle {
    fn default() -> Self {
        Idle {
            clock: Box::new(crate::store::now),
            last_input: crate::store::now(),
        }
    }
}

impl Idle {
    /// Notes input of this frame; whether `minutes` (0: never) passed
    /// without any.
    pub fn expired(&mut self, ctx: &egui::Context, minutes: u32) -> bool {
        let now = (self.clock)();
        if ctx.input(|i| !i.events.is_empty()) {
            self.last_input = now;
            return false;
        }
        minutes > 0 && now.saturating_sub(self.last_input) >= i64::from(minutes) * 60
    }
}

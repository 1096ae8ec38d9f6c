//! The Junk part of Settings → Rules: what the filter has learned, whether
//! each account's provider verdict (`X-Spam-Flag: YES`, `X-Spam-Status:
//! Yes`, `*****SPAM*****`) files mail as junk, and "Move junk older than N
//! days to the Trash" (off by default: junk is never deleted for being junk;
//! the window applies the option after each sync, `popmail junk expire` from
//! the command line). Each change is a small write on the window's own
//! connection, saved at once.

use egui::Ui;

use crate::store::{AccountId, Store};
use crate::t;

/// The section's state, read when the tab opens.
#[derive(Debug, Default)]
pub struct JunkOptions {
    /// (account, name, trusts its provider).
    trust: Vec<(AccountId, String, bool)>,
    /// Junk and good messages learned.
    learned: (u32, u32),
    /// The option: on, and after how many days.
    expire_on: bool,
    expire_days: u32,
    error: Option<String>,
}

/// Days offered when the option is first turned on.
const DEFAULT_EXPIRE_DAYS: u32 = 30;

impl JunkOptions {
    /// Reads the settings.
    pub fn load(&mut self, store: &Store) {
        self.error = None;
        let accounts = match store.accounts() {
            Ok(a) => a,
            Err(e) => {
                self.error = Some(e.to_string());
                Vec::new()
            }
        };
        self.trust = accounts
            .into_iter()
            .map(|a| {
                let t = store.junk_trusts_provider(a.id).unwrap_or(true);
                (a.id, a.settings.name, t)
            })
            .collect();
        match store.junk_totals() {
            Ok(t) => self.learned = t,
            Err(e) => self.error = Some(e.to_string()),
        }
        match store.junk_expire_days() {
            Ok(d) => {
                self.expire_on = d.is_some();
                self.expire_days = d.unwrap_or(DEFAULT_EXPIRE_DAYS);
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Draws the section; changes are saved at once.
    pub fn ui(&mut self, ui: &mut Ui, store: &Store) {
        ui.strong(t!("settings-junk"));
        ui.label(t!(
            "settings-junk-learned",
            junk = self.learned.0,
            good = self.learned.1
        ));
        for (id, name, trust) in &mut self.trust {
            if ui
                .checkbox(trust, t!("settings-junk-trust", name = name.as_str()))
                .on_hover_text(t!("settings-junk-trust-hint"))
                .changed()
                && let Err(e) = store.set_junk_trusts_provider(*id, *trust)
            {
                self.error = Some(e.to_string());
            }
        }
        let mut changed = false;
        ui.horizontal(|ui| {
            let c = ui.checkbox(&mut self.expire_on, t!("settings-junk-expire"));
            changed |= c.changed();
            let r = ui
                .add_enabled(
                    self.expire_on,
                    egui::DragValue::new(&mut self.expire_days)
                        .range(1..=3650)
                        .speed(0.2),
                )
                .labelled_by(c.id);
            changed |= r.changed();
            ui.label(t!("settings-junk-expire-days"));
        });
        ui.weak(t!("settings-junk-expire-explain"));
        if changed {
            let days = self.expire_on.then_some(self.expire_days);
            if let Err(e) = store.set_junk_expire_days(days) {
                self.error = Some(e.to_string());
            }
        }
        if let Some(e) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, format!("✖ {e}"));
        }
    }
}

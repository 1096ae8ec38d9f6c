//! The Junk part of Settings → Rules: what the filter has learned, whether
//! each account's provider verdict (`X-Spam-Flag: YES`, `X-Spam-Status:
//! Yes`, `*****SPAM*****`) files mail as junk, and "Move junk older than N
//! days to the Trash" (off by default: junk is never deleted for being junk;
//! the window applies the option after each sync, `popmail junk expire` from
//! the command line). Each change is a small write on the window's own
//! connection, saved at once.

use egui::Ui;

use crate::store::{AccountId, Store};

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
        ui.strong("Junk");
        ui.label(format!(
            "The junk filter has learned {} and {} (J and Shift+J, or Mark as junk and Not junk, \
             teach it).",
            crate::fmt::count(u64::from(self.learned.0), "junk message", "junk messages"),
            crate::fmt::count(u64::from(self.learned.1), "good message", "good messages"),
        ));
        for (id, name, trust) in &mut self.trust {
            if ui
                .checkbox(trust, format!("Trust {name}'s provider junk verdict"))
                .on_hover_text("X-Spam-Flag: YES, X-Spam-Status: Yes or a *****SPAM***** subject")
                .changed()
                && let Err(e) = store.set_junk_trusts_provider(*id, *trust)
            {
                self.error = Some(e.to_string());
            }
        }
        let mut changed = false;
        ui.horizontal(|ui| {
            let c = ui.checkbox(&mut self.expire_on, "Move junk older than");
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
            ui.label("days to the Trash");
        });
        ui.weak(
            "Off by default. Junk is never deleted for being junk: this moves it to the Trash \
             after each sync, where it can be restored until the Trash is emptied.",
        );
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

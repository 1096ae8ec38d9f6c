//! The status bar: each account's sync state from the sync worker's events
//! (progress with message and byte counts, the outcome, or the last error in
//! words with a window showing the redacted POP3 protocol log), the count of
//! new messages since the window opened, what the background threads are
//! doing, and the last move or delete in words with its Undo ([`Notices`]).

use std::collections::BTreeMap;

use egui::{RichText, Ui};

use super::background::{Undo, Write};
use super::dialogs::Dialog;
use super::intents::Intent;
use crate::fmt as format;
use crate::store::{Account, AccountId, Folder};
use crate::sync::{Event, Summary};
use crate::t;

/// One account's sync state.
#[derive(Debug, Clone, PartialEq)]
pub enum AccountSync {
    /// Connecting or downloading.
    Syncing {
        /// Messages done.
        done: u64,
        /// Messages to do.
        total: u64,
        /// Bytes done.
        bytes_done: u64,
        /// Bytes to do.
        bytes_total: u64,
    },
    /// The last sync ended well.
    Finished(Summary),
    /// The last sync failed.
    Failed {
        /// In words, with a suggestion.
        message: String,
        /// The protocol log, credentials redacted.
        log: Vec<String>,
        /// The account must sign in again.
        sign_in: bool,
    },
}

/// Sync state of every account.
#[derive(Default)]
pub struct SyncStatus {
    /// Per account.
    pub accounts: BTreeMap<AccountId, AccountSync>,
    /// New messages since the window opened.
    pub new_mail: u64,
    /// The account whose error details are open.
    pub details: Option<AccountId>,
    /// The sync worker stopped, and why.
    pub stopped: Option<String>,
    /// The last write in words, and how to undo it.
    pub notices: Notices,
}

/// The last move or delete in words, and how to undo it.
#[derive(Debug, Default)]
pub struct Notices {
    undo: Option<(String, Undo)>,
    notice: Option<String>,
}

/// What the app does after a write finished (see [`Notices::on_wrote`]).
#[derive(Debug, Default)]
pub struct WroteEffect {
    /// Re-read folders and accounts (their counts changed).
    pub refresh: bool,
    /// Re-read the list shown.
    pub reload: bool,
    /// A dialog to show.
    pub dialog: Option<Dialog>,
    /// A sentence for the error line.
    pub error: Option<String>,
}

impl Notices {
    /// What Undo would undo, in words ("move to Archive").
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.as_ref().map(|(what, _)| what.as_str())
    }

    /// The last write in words ("Moved 3 messages to Archive.").
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Takes the undo: the write that undoes the last move or delete.
    pub fn take_undo(&mut self) -> Option<Write> {
        let (_, undo) = self.undo.take()?;
        self.notice = None;
        Some(match undo {
            Undo::MoveBack(pairs) => Write::MoveBack(pairs),
            Undo::Restore(ids) => Write::Restore(ids),
            Undo::Trash(ids) => Write::Trash(ids),
        })
    }

    /// A write finished: says what it did, remembers how to undo it, and
    /// tells the app what to re-read or show.
    pub fn on_wrote(
        &mut self,
        w: &Write,
        result: Result<(usize, Option<Undo>), String>,
        folders: &[Folder],
    ) -> WroteEffect {
        let mut effect = WroteEffect {
            refresh: true,
            reload: true,
            ..WroteEffect::default()
        };
        let (n, undo) = match result {
            Ok(r) => r,
            Err(e) => {
                effect.error = Some(e);
                return effect;
            }
        };
        let what = match w {
            Write::Move(_, to) => {
                let name = folders
                    .iter()
                    .find(|f| f.id == *to)
                    .map(super::folder_names::display_name)
                    .unwrap_or_default();
                Some((
                    t!("window-undo-move", folder = &name),
                    t!("window-notice-moved", count = n, folder = name),
                ))
            }
            Write::Trash(_) => Some((
                t!("window-undo-delete"),
                t!("window-notice-trashed", count = n),
            )),
            Write::Restore(_) => Some((
                t!("window-undo-restore"),
                t!("window-notice-restored", count = n),
            )),
            Write::Expunge(_) | Write::Empty(_) => {
                *self = Notices::default();
                let text = t!("window-notice-deleted", count = n);
                effect.dialog = Some(Dialog::Message(t!("window-notice-deleted-title"), text));
                None
            }
            Write::Save(..) => {
                let text = t!("window-notice-saved", count = n);
                effect.dialog = Some(Dialog::Message(t!("window-notice-saved-title"), text));
                effect.refresh = false;
                effect.reload = false;
                None
            }
            Write::MoveBack(_) => {
                self.notice = None;
                None
            }
            // Answered as `Done::RemovedAccount`, not here.
            Write::RemoveAccount { .. } => None,
            // Only the counts and these rows change: no list reload.
            Write::Flag(..) => {
                effect.reload = false;
                None
            }
        };
        if let (Some((label, text)), Some(undo)) = (what, undo) {
            self.undo = Some((label, undo));
            self.notice = Some(text);
        }
        effect
    }
}

impl SyncStatus {
    /// Takes in one event.
    pub fn on_event(&mut self, event: &Event) {
        match event {
            Event::Started { account } => {
                self.accounts.insert(
                    *account,
                    AccountSync::Syncing {
                        done: 0,
                        total: 0,
                        bytes_done: 0,
                        bytes_total: 0,
                    },
                );
            }
            Event::Progress {
                account,
                messages_done,
                messages_total,
                bytes_done,
                bytes_total,
            } => {
                self.accounts.insert(
                    *account,
                    AccountSync::Syncing {
                        done: *messages_done,
                        total: *messages_total,
                        bytes_done: *bytes_done,
                        bytes_total: *bytes_total,
                    },
                );
            }
            Event::NewMail { count, .. } => self.new_mail += count,
            Event::Finished { account, summary } => {
                self.accounts
                    .insert(*account, AccountSync::Finished(summary.clone()));
            }
            Event::Failed {
                account,
                message,
                log,
                sign_in,
                ..
            } => {
                self.accounts.insert(
                    *account,
                    AccountSync::Failed {
                        message: message.clone(),
                        log: log.clone(),
                        sign_in: *sign_in,
                    },
                );
            }
            Event::Stopped { reason } => self.stopped = Some(reason.clone()),
            Event::DryRun { .. } | Event::TestStep { .. } | Event::FullFetched { .. } => {}
        }
    }

    /// Whether an account is syncing now.
    pub fn syncing(&self, account: AccountId) -> bool {
        matches!(
            self.accounts.get(&account),
            Some(AccountSync::Syncing { .. })
        )
    }

    /// Whether any account is syncing.
    pub fn any_syncing(&self) -> bool {
        self.accounts
            .values()
            .any(|s| matches!(s, AccountSync::Syncing { .. }))
    }

    /// The last sync error, if any account failed.
    pub fn last_error(&self) -> Option<String> {
        self.accounts.values().find_map(|s| match s {
            AccountSync::Failed { message, .. } => Some(message.clone()),
            _ => None,
        })
    }

    /// The bar; `fallback` is shown when there is no notice (the demo's port).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        accounts: &[Account],
        sync_off: Option<&str>,
        busy: Option<&str>,
        fallback: Option<&str>,
        out: &mut Vec<Intent>,
    ) {
        let notice = self.notices.notice().or(fallback).map(str::to_owned);
        let can_undo = self.notices.undo.is_some();
        ui.horizontal(|ui| {
            if let Some(why) = sync_off {
                ui.add_enabled(false, egui::Button::new(format!("⟳ {}", t!("window-sync"))))
                    .on_disabled_hover_text(why);
            } else if self.any_syncing() {
                if ui
                    .button(format!("⏹ {}", t!("window-stop")))
                    .on_hover_text(t!("window-stop-hint"))
                    .clicked()
                {
                    out.push(Intent::CancelSync);
                }
            } else if ui
                .add_enabled(
                    !accounts.is_empty(),
                    egui::Button::new(format!("⟳ {}", t!("window-sync"))),
                )
                .on_hover_text(t!("window-sync-hint"))
                .clicked()
            {
                out.push(Intent::SyncAll);
            }
            for account in accounts {
                let name = &account.settings.name;
                match self.accounts.get(&account.id) {
                    None => {}
                    Some(AccountSync::Syncing {
                        done,
                        total,
                        bytes_done,
                        bytes_total,
                    }) => {
                        ui.separator();
                        ui.spinner();
                        let text = if *total == 0 {
                            t!("window-sync-checking", name = name)
                        } else {
                            t!(
                                "window-sync-progress",
                                name = name,
                                done = *done,
                                total = *total,
                                bytes_done = format::size(*bytes_done),
                                bytes_total = format::size(*bytes_total)
                            )
                        };
                        #[allow(clippy::cast_precision_loss)]
                        let frac = if *bytes_total > 0 {
                            *bytes_done as f32 / *bytes_total as f32
                        } else if *total > 0 {
                            *done as f32 / *total as f32
                        } else {
                            0.0
                        };
                        ui.add(
                            egui::ProgressBar::new(frac.clamp(0.0, 1.0))
                                .desired_width(120.0)
                                .desired_height(12.0),
                        )
                        .on_hover_text(&text);
                        ui.label(text);
                    }
                    Some(AccountSync::Finished(s)) => {
                        ui.separator();
                        let text = if s.cancelled {
                            t!("window-sync-cancelled", name = name)
                        } else if s.downloaded == 0 {
                            t!("window-sync-up-to-date", name = name)
                        } else {
                            t!(
                                "window-sync-downloaded",
                                name = name,
                                count = s.downloaded,
                                size = format::size(s.bytes)
                            )
                        };
                        ui.label(format!("✔ {text}"));
                    }
                    Some(AccountSync::Failed {
                        message, sign_in, ..
                    }) => {
                        ui.separator();
                        // Cut to the room left beside its buttons (the whole
                        // sentence is in the hover and in Details…).
                        let buttons = if *sign_in { 230.0 } else { 110.0 };
                        let room = (ui.available_width() - buttons).max(80.0);
                        ui.scope(|ui| {
                            ui.set_max_width(room);
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!("⚠ {name}: {message}"))
                                        .color(ui.visuals().error_fg_color),
                                )
                                .truncate(),
                            )
                            .on_hover_text(message);
                        });
                        if *sign_in
                            && ui
                                .button(t!("window-sign-in-again"))
                                .on_hover_text(t!("window-sign-in-again-hint", name = name))
                                .clicked()
                        {
                            out.push(Intent::Settings(super::intents::Open::SignInAgain(
                                account.id,
                            )));
                        }
                        if ui
                            .button(t!("window-details"))
                            .on_hover_text(t!("window-details-hint", name = name))
                            .clicked()
                        {
                            self.details = Some(account.id);
                        }
                    }
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if self.new_mail > 0 {
                    ui.label(
                        RichText::new(t!("window-new-messages", count = self.new_mail)).strong(),
                    );
                }
                if let Some(b) = busy {
                    ui.label(b);
                    ui.spinner();
                }
                if let Some(n) = &notice {
                    if can_undo
                        && ui
                            .button(t!("window-undo"))
                            .on_hover_text(t!("window-undo-hint"))
                            .clicked()
                    {
                        out.push(Intent::Undo);
                    }
                    ui.label(n);
                }
                if let Some(r) = &self.stopped {
                    ui.weak(t!("window-sync-stopped", reason = r));
                }
            });
        });
        self.details_ui(ui.ctx(), accounts, out);
    }

    fn details_ui(&mut self, ctx: &egui::Context, accounts: &[Account], out: &mut Vec<Intent>) {
        let Some(id) = self.details else { return };
        let name = accounts.iter().find(|a| a.id == id).map_or_else(
            || t!("window-account-fallback"),
            |a| a.settings.name.clone(),
        );
        let mut open = true;
        let mut close = false;
        egui::Window::new(t!("window-sync-error-title", name = name))
            .id(egui::Id::unique("sync-error-details"))
            .open(&mut open)
            .default_size([560.0, 360.0])
            .show(ctx, |ui| {
                if let Some(AccountSync::Failed { message, log, .. }) = self.accounts.get(&id) {
                    ui.add(egui::Label::new(RichText::new(message).strong()).wrap());
                    ui.add_space(6.0);
                    ui.label(t!("window-protocol-log"));
                    egui::ScrollArea::vertical()
                        .max_height(260.0)
                        .auto_shrink([false, true])
                        .show(ui, |ui| {
                            if log.is_empty() {
                                ui.weak(t!("window-protocol-log-empty"));
                            }
                            for line in log {
                                ui.label(RichText::new(line).monospace());
                            }
                        });
                } else {
                    ui.label(t!("window-sync-not-failed"));
                }
                ui.horizontal(|ui| {
                    if ui.button(t!("window-open-account-settings")).clicked() {
                        out.push(Intent::Settings(super::intents::Open::Account(id)));
                        close = true;
                    }
                    if ui.button(t!("common-close")).clicked() {
                        close = true;
                    }
                });
            });
        if !open || close {
            self.details = None;
        }
    }
}

/// The error line above the list, with its Dismiss button.
pub fn error_line_ui(ui: &mut Ui, error: Option<&str>, out: &mut Vec<Intent>) {
    let Some(e) = error else { return };
    ui.horizontal(|ui| {
        ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {e}"));
        if ui.small_button(t!("window-dismiss")).clicked() {
            out.push(Intent::DismissError);
        }
    });
}

#[cfg(test)]
mod tests {
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::account::AccountSettings;
    use crate::store::FolderId;

    #[test]
    fn progress_is_drawn_with_message_and_byte_counts() {
        let account = Account {
            id: AccountId(1),
            inbox: FolderId(1),
            settings: AccountSettings {
                name: "Home".into(),
                ..AccountSettings::default()
            },
        };
        let mut status = SyncStatus::default();
        status.on_event(&Event::Started {
            account: account.id,
        });
        status.on_event(&Event::Progress {
            account: account.id,
            messages_done: 3,
            messages_total: 18,
            bytes_done: 2048,
            bytes_total: 28 * 1024,
        });
        status.on_event(&Event::NewMail {
            account: account.id,
            folder: FolderId(1),
            count: 3,
            first: Vec::new(),
            news: true,
        });
        let accounts = vec![account];
        let mut h = egui_kittest::Harness::new_ui(move |ui| {
            let mut out = Vec::new();
            status.ui(ui, &accounts, None, None, None, &mut out);
        });
        h.step();
        assert!(
            h.query_all_by_label("Home: 3 of 18 messages, 2.0 KB of 28 KB")
                .next()
                .is_some()
        );
        assert!(h.query_by_label("3 new messages").is_some());
        assert!(
            h.query_by_label("⏹ Stop").is_some(),
            "a sync can be cancelled"
        );
    }
}

//! The settings dialog's Preferences tab: theme, font size, reader position,
//! mark-as-read delay (saved in eframe storage with the rest of
//! [`Prefs`]), desktop notifications (on, with senders and subjects, and
//! why they cannot be shown here when no service answers), and the data folder: where
//! it is, opening it, and "Back up now…" — SQLite's online backup API
//! (<https://www.sqlite.org/backup.html>) run by the job worker, so the copy
//! is consistent while popmail keeps running, with progress and a result.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::fmt as format;
use crate::jobs::{JobCommand, JobEvent, JobSummary, JobWorker};
use crate::ui::FilePicker;
use crate::ui::intents::Intent;
use crate::ui::prefs::{FONT_SIZE_RANGE, Prefs, ReaderPosition, ThemeChoice};

/// A backup through the session's job worker.
#[derive(Default)]
pub struct Backup {
    state: State,
}

#[derive(Debug, Default)]
enum State {
    #[default]
    Idle,
    Running(PathBuf, f32),
    Done(String),
    Failed(String),
}

impl Backup {
    /// Whether a backup is running.
    pub fn running(&self) -> bool {
        matches!(self.state, State::Running(..))
    }

    /// Starts a backup of the store to `to` on the job worker.
    fn start(&mut self, jobs: &JobWorker, to: PathBuf) {
        self.state = match jobs.send(JobCommand::Backup { to: to.clone() }) {
            Ok(()) => State::Running(to, 0.0),
            Err(_) => State::Failed("the job worker has stopped".into()),
        };
    }

    /// Takes in a job worker event while a backup runs; returns whether it
    /// was the backup's (the window routes the others to import/export).
    pub fn on_event(&mut self, e: &JobEvent) -> bool {
        if !self.running() {
            return false;
        }
        match e {
            JobEvent::Progress(p) => {
                if let State::Running(_, frac) = &mut self.state
                    && let Some(total) = p.total_bytes.filter(|t| *t > 0)
                {
                    #[allow(clippy::cast_precision_loss)]
                    let f = p.bytes as f32 / total as f32;
                    *frac = f.clamp(0.0, 1.0);
                }
            }
            JobEvent::Finished(JobSummary::Backup(path)) => {
                let size = match std::fs::metadata(path) {
                    Ok(m) => format::size(m.len()),
                    Err(e) => format!("its size is unknown: {e}"),
                };
                self.state = State::Done(format!(
                    "Backup saved to {} ({size}). To restore it, quit popmail and put it in \
                     place of {} in the data folder.",
                    path.display(),
                    crate::paths::STORE_FILE
                ));
            }
            JobEvent::Cancelled(_) => {
                self.state = State::Failed("The backup was cancelled.".into());
            }
            JobEvent::Failed(why) => self.state = State::Failed(why.clone()),
            JobEvent::Stopped { reason } => {
                self.state = State::Failed(format!("the job worker stopped: {reason}"));
            }
            JobEvent::Started(_) | JobEvent::Finished(_) => {}
        }
        true
    }
}

/// What the Preferences tab shows besides the preferences.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shown<'a> {
    /// The open data folder, if any.
    pub data_dir: Option<&'a Path>,
    /// Why desktop notifications cannot be shown here, when known.
    pub notify_unavailable: Option<&'a str>,
}

/// The Preferences tab.
pub fn preferences_ui(
    ui: &mut Ui,
    prefs: &Prefs,
    shown: Shown<'_>,
    jobs: Option<&JobWorker>,
    backup: &mut Backup,
    picker: &mut dyn FilePicker,
    out: &mut Vec<Intent>,
) {
    // Edits a copy; the app takes the new preferences from the intent.
    let mut copy = prefs.clone();
    prefs_grid(ui, &mut copy, shown.notify_unavailable);
    if copy != *prefs {
        out.push(Intent::SetPrefs(Box::new(copy)));
    }
    data_folder_ui(ui, shown.data_dir, jobs, backup, picker);
}

/// Theme, font size, reader position, mark-read delay, notifications.
fn prefs_grid(ui: &mut Ui, prefs: &mut Prefs, notify_unavailable: Option<&str>) {
    egui::Grid::new("prefs-grid")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Theme");
            ui.horizontal(|ui| {
                ui.selectable_value(&mut prefs.theme, ThemeChoice::System, "System");
                ui.selectable_value(&mut prefs.theme, ThemeChoice::Light, "Light");
                ui.selectable_value(&mut prefs.theme, ThemeChoice::Dark, "Dark");
            });
            ui.end_row();
            let l = ui.label("Font size");
            ui.add(egui::Slider::new(&mut prefs.font_size, FONT_SIZE_RANGE).suffix(" pt"))
                .labelled_by(l.id);
            ui.end_row();
            ui.label("Reader");
            ui.horizontal(|ui| {
                ui.selectable_value(&mut prefs.reader_position, ReaderPosition::Right, "Right");
                ui.selectable_value(&mut prefs.reader_position, ReaderPosition::Bottom, "Bottom");
            });
            ui.end_row();
            let l = ui.label("Mark read after");
            ui.add(
                egui::Slider::new(&mut prefs.mark_read_delay_secs, 0.0..=30.0)
                    .suffix(" s")
                    .step_by(0.5),
            )
            .labelled_by(l.id)
            .on_hover_text("0 marks a message read as soon as it opens");
            ui.end_row();
            ui.label("Notifications");
            ui.vertical(|ui| {
                ui.checkbox(&mut prefs.notify, "Notify me when new mail arrives");
                ui.add_enabled(
                    prefs.notify,
                    egui::Checkbox::new(
                        &mut prefs.notify_details,
                        "Show the sender and subject (never while locked)",
                    ),
                );
                if let Some(why) = notify_unavailable {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(format!(
                                "Notifications cannot be shown here: {why}. The status bar \
                                 still counts new messages."
                            ))
                            .weak(),
                        )
                        .wrap(),
                    );
                }
            });
            ui.end_row();
        });
}

/// The data folder: where it is, opening it, and the backup.
fn data_folder_ui(
    ui: &mut Ui,
    data_dir: Option<&Path>,
    jobs: Option<&JobWorker>,
    backup: &mut Backup,
    picker: &mut dyn FilePicker,
) {
    ui.add_space(10.0);
    ui.separator();
    ui.label(RichText::new("Data folder").strong());
    let Some(dir) = data_dir else {
        ui.weak("No data folder is open.");
        return;
    };
    ui.label(RichText::new(dir.display().to_string()).monospace());
    ui.weak("All mail and settings live here (passwords only when no keychain is available).");
    // One job at a time: an import or export running keeps the backup waiting.
    let jobs = jobs.filter(|j| !j.busy() || backup.running());
    ui.horizontal(|ui| {
        if ui
            .button("Open folder")
            .on_hover_text("Show the data folder in the file manager")
            .clicked()
        {
            ui.ctx()
                .open_url(egui::OpenUrl::new_tab(format!("file://{}", dir.display())));
        }
        if ui
            .add_enabled(
                jobs.is_some() && !backup.running(),
                egui::Button::new("Back up now…"),
            )
            .on_hover_text("Copy all mail and settings to a new file, while popmail keeps running")
            .clicked()
        {
            let name = format!(
                "popmail-backup-{}.sqlite3",
                format::date_time(crate::store::now())
                    .replace(' ', "-")
                    .replace(':', "")
            );
            if let Some(jobs) = jobs
                && let Some(to) = picker.save_file(&name)
            {
                backup.start(jobs, to);
            }
        }
    });
    match &backup.state {
        State::Idle => {}
        State::Running(to, frac) => {
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new(*frac)
                        .desired_width(200.0)
                        .show_percentage(),
                );
                ui.label(format!("Backing up to {}…", to.display()));
                if ui.button("Cancel backup").clicked()
                    && let Some(jobs) = jobs
                {
                    jobs.cancel();
                }
            });
        }
        State::Done(text) => {
            ui.add(egui::Label::new(format!("✔ {text}")).wrap());
        }
        State::Failed(text) => {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("✖ The backup failed: {text}"))
                        .color(ui.visuals().error_fg_color),
                )
                .wrap(),
            );
        }
    }
}

//! The settings dialog's Preferences tab: theme, font size, reader position,
//! mark-as-read delay, the language (switched at once; saved in eframe storage with the rest of
//! [`Prefs`]), desktop notifications (on, with senders and subjects, and
//! why they cannot be shown here when no service answers), and the data folder: where
//! it is, opening it, and "Back up now…" — SQLite's online backup API
//! (<https://www.sqlite.org/backup.html>) run by the job worker, so the copy
//! is consistent while popmail keeps running, with progress and a result.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::fmt as format;
use crate::i18n::Lang;
use crate::jobs::{JobCommand, JobEvent, JobSummary, JobWorker};
use crate::t;
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
            Err(_) => State::Failed(t!("settings-backup-worker-stopped")),
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
                    Err(e) => t!("settings-backup-size-unknown", error = e.to_string()),
                };
                self.state = State::Done(t!(
                    "settings-backup-saved",
                    path = path.display().to_string(),
                    size = size,
                    file = crate::paths::STORE_FILE
                ));
            }
            JobEvent::Cancelled(_) => {
                self.state = State::Failed(t!("settings-backup-cancelled"));
            }
            JobEvent::Failed(why) => self.state = State::Failed(why.clone()),
            JobEvent::Stopped { reason } => {
                self.state = State::Failed(t!(
                    "settings-backup-worker-stopped-why",
                    reason = reason.as_str()
                ));
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
            language_row(ui, prefs);
            ui.label(t!("settings-theme"));
            ui.horizontal(|ui| {
                ui.selectable_value(
                    &mut prefs.theme,
                    ThemeChoice::System,
                    t!("settings-theme-system"),
                );
                ui.selectable_value(
                    &mut prefs.theme,
                    ThemeChoice::Light,
                    t!("settings-theme-light"),
                );
                ui.selectable_value(
                    &mut prefs.theme,
                    ThemeChoice::Dark,
                    t!("settings-theme-dark"),
                );
            });
            ui.end_row();
            let l = ui.label(t!("settings-font-size"));
            ui.add(
                egui::Slider::new(&mut prefs.font_size, FONT_SIZE_RANGE)
                    .suffix(t!("settings-font-size-unit"))
                    .custom_formatter(|v, _| crate::i18n::number(v, 1))
                    .custom_parser(parse_decimal),
            )
            .labelled_by(l.id);
            ui.end_row();
            ui.label(t!("settings-reader"));
            ui.horizontal(|ui| {
                ui.selectable_value(
                    &mut prefs.reader_position,
                    ReaderPosition::Right,
                    t!("settings-reader-right"),
                );
                ui.selectable_value(
                    &mut prefs.reader_position,
                    ReaderPosition::Bottom,
                    t!("settings-reader-bottom"),
                );
            });
            ui.end_row();
            let l = ui.label(t!("settings-mark-read-after"));
            ui.add(
                egui::Slider::new(&mut prefs.mark_read_delay_secs, 0.0..=30.0)
                    .suffix(t!("settings-seconds-unit"))
                    .step_by(0.5)
                    .custom_formatter(|v, _| crate::i18n::number(v, 1))
                    .custom_parser(parse_decimal),
            )
            .labelled_by(l.id)
            .on_hover_text(t!("settings-mark-read-hint"));
            ui.end_row();
            ui.label(t!("settings-notifications"));
            ui.vertical(|ui| {
                ui.checkbox(&mut prefs.notify, t!("settings-notify"));
                ui.add_enabled(
                    prefs.notify,
                    egui::Checkbox::new(&mut prefs.notify_details, t!("settings-notify-details")),
                );
                if let Some(why) = notify_unavailable {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(t!("settings-notify-unavailable", why = why))
                                .weak(),
                        )
                        .wrap(),
                    );
                }
            });
            ui.end_row();
        });
}

/// The language: the system's, or one chosen; a choice applies at once (the
/// rest of this frame already reads it) and is saved with the preferences.
fn language_row(ui: &mut Ui, prefs: &mut Prefs) {
    let chosen = prefs.language();
    let name = |lang: Option<Lang>| lang.map_or_else(|| t!("lang-system"), Lang::name);
    let l = ui.label(t!("settings-language"));
    let mut pick = chosen;
    egui::ComboBox::from_id_salt("prefs-language") // not translated: an egui Id
        .selected_text(name(chosen))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut pick, None, name(None));
            for lang in Lang::ALL {
                ui.selectable_value(&mut pick, Some(lang), lang.name());
            }
        })
        .response
        .labelled_by(l.id);
    if pick != chosen {
        prefs.set_language(pick);
    }
    ui.end_row();
}

/// A number typed into a slider, with the decimal point or the decimal
/// comma ("1,5" in Indonesian).
fn parse_decimal(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse().ok()
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
    ui.label(RichText::new(t!("settings-data-folder")).strong());
    let Some(dir) = data_dir else {
        ui.weak(t!("settings-no-data-folder"));
        return;
    };
    ui.label(RichText::new(dir.display().to_string()).monospace());
    ui.weak(t!("settings-data-folder-holds"));
    // One job at a time: an import or export running keeps the backup waiting.
    let jobs = jobs.filter(|j| !j.busy() || backup.running());
    ui.horizontal(|ui| {
        if ui
            .button(t!("settings-open-folder"))
            .on_hover_text(t!("settings-open-folder-hint"))
            .clicked()
        {
            ui.ctx()
                .open_url(egui::OpenUrl::new_tab(format!("file://{}", dir.display())));
        }
        if ui
            .add_enabled(
                jobs.is_some() && !backup.running(),
                egui::Button::new(t!("settings-back-up")),
            )
            .on_hover_text(t!("settings-back-up-hint"))
            .clicked()
        {
            let name = format!(
                "popmail-backup-{}.sqlite3", // not translated: a file name
                format::file_stamp(crate::store::now())
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
                ui.label(t!("settings-backing-up", path = to.display().to_string()));
                if ui.button(t!("settings-cancel-backup")).clicked()
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
                    RichText::new(format!(
                        "✖ {}",
                        t!("settings-backup-failed", error = text.as_str())
                    ))
                    .color(ui.visuals().error_fg_color),
                )
                .wrap(),
            );
        }
    }
}

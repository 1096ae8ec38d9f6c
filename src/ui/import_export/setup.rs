//! The import and export dialogs (egui modals): what, which format, where; and
//! the question before an export replaces a file or writes into a directory
//! that exists. They only edit their own state and report [`Intent`]s.

use std::path::PathBuf;

use egui::{Id, Modal, RichText, Ui};

use crate::mailbox::Format;
use crate::store::{Folder, FolderId, FolderRole, MessageId};
use crate::t;
use crate::ui::intents::{Intent, Transfer};

/// Where imported mail goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportTarget {
    /// A new folder named after the file or folder (reused if it exists).
    New,
    /// A folder that exists (none chosen yet: `None`).
    Existing(Option<FolderId>),
}

/// The import dialog's choices.
#[derive(Debug, Clone)]
pub struct ImportSetup {
    /// The file or folder to import.
    pub path: Option<PathBuf>,
    /// Its format ([`Format::Auto`] by default).
    pub format: Format,
    /// Where the mail goes.
    pub target: ImportTarget,
    /// Run the message rules over the imported mail.
    pub rules: bool,
}

impl ImportSetup {
    /// A new dialog, with a path (dropped) or without.
    pub fn new(path: Option<PathBuf>) -> Self {
        ImportSetup {
            path,
            format: Format::Auto,
            target: ImportTarget::New,
            rules: false,
        }
    }
}

/// What an export covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportWhat {
    /// A folder (and, if chosen, its subfolders).
    Folder(FolderId),
    /// Messages chosen in the list.
    Messages(Vec<MessageId>),
}

/// The export dialog's choices.
#[derive(Debug, Clone)]
pub struct ExportSetup {
    /// What to export.
    pub what: ExportWhat,
    /// Include the folders below it.
    pub subfolders: bool,
    /// mboxrd (default), mboxo, Maildir or EML.
    pub format: Format,
    /// The file or directory to create.
    pub dest: Option<PathBuf>,
}

impl ExportSetup {
    /// A new dialog: mboxrd, with subfolders.
    pub fn new(what: ExportWhat) -> Self {
        ExportSetup {
            what,
            subfolders: true,
            format: Format::Mboxrd,
            dest: None,
        }
    }
}

const IMPORT_FORMATS: [Format; 6] = [
    Format::Auto,
    Format::Mbox,
    Format::Mboxrd,
    Format::Mboxo,
    Format::Maildir,
    Format::Eml,
];

const EXPORT_FORMATS: [Format; 4] = [Format::Mboxrd, Format::Mboxo, Format::Maildir, Format::Eml];

/// A format's name in the dialogs.
fn format_name(f: Format) -> String {
    match f {
        Format::Auto => t!("import-format-auto"),
        Format::Mbox => t!("import-format-mbox"),
        Format::Mboxrd => "mbox (mboxrd)".to_owned(), // not translated: a format name
        Format::Mboxo => "mbox (mboxo)".to_owned(),   // not translated: a format name
        Format::Maildir => "Maildir".to_owned(),      // not translated: a format name
        Format::Eml => t!("import-format-eml"),
    }
}

/// What an export format writes.
fn format_hint(f: Format) -> String {
    match f {
        Format::Mboxo => t!("import-format-mboxo-hint"),
        Format::Maildir => t!("import-format-maildir-hint"),
        Format::Eml => t!("import-format-eml-hint"),
        Format::Mboxrd | Format::Mbox | Format::Auto => t!("import-format-mboxrd-hint"),
    }
}

fn folder_label(f: &Folder) -> String {
    f.qualified_name()
}

fn modal(ctx: &egui::Context, id: &str, body: impl FnOnce(&mut Ui)) -> bool {
    Modal::new(Id::unique(id))
        .show(ctx, |ui| {
            ui.set_max_width(500.0);
            body(ui);
        })
        .should_close()
}

fn busy_note(ui: &mut Ui, busy: bool) {
    if busy {
        ui.add_space(4.0);
        ui.add(
            egui::Label::new(RichText::new(t!("import-busy")).color(ui.visuals().warn_fg_color))
                .wrap(),
        );
    }
}

/// The import dialog.
pub fn import_ui(
    ctx: &egui::Context,
    s: &mut ImportSetup,
    folders: &[Folder],
    busy: bool,
    out: &mut Vec<Intent>,
) {
    let close = modal(ctx, "import-dialog", |ui| {
        ui.heading(t!("import-title"));
        ui.add(egui::Label::new(t!("import-explain")).wrap());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button(t!("import-file"))
                .on_hover_text(t!("import-file-hint"))
                .clicked()
            {
                out.push(Intent::ImportExport(Transfer::PickImportFile));
            }
            if ui
                .button(t!("import-folder"))
                .on_hover_text(t!("import-folder-hint"))
                .clicked()
            {
                out.push(Intent::ImportExport(Transfer::PickImportFolder));
            }
        });
        ui.add_space(4.0);
        match &s.path {
            Some(p) => {
                ui.add(egui::Label::new(RichText::new(p.display().to_string()).strong()).wrap());
            }
            None => {
                ui.weak(t!("import-nothing-chosen"));
            }
        }
        ui.add_space(8.0);
        egui::Grid::new("import-grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let l = ui.label(t!("import-format"));
                let current = if IMPORT_FORMATS.contains(&s.format) {
                    format_name(s.format)
                } else {
                    String::new()
                };
                egui::ComboBox::from_id_salt("import-format")
                    .selected_text(current)
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        for f in IMPORT_FORMATS {
                            ui.selectable_value(&mut s.format, f, format_name(f));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                ui.label(t!("import-into"));
                ui.vertical(|ui| target_ui(ui, s, folders));
                ui.end_row();
            });
        busy_note(ui, busy);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready =
                s.path.is_some() && !busy && !matches!(s.target, ImportTarget::Existing(None));
            if ui
                .add_enabled(ready, egui::Button::new(t!("import-start")))
                .clicked()
            {
                out.push(Intent::ImportExport(Transfer::StartImport));
            }
            if ui.button(t!("common-cancel")).clicked() {
                out.push(Intent::ImportExport(Transfer::CloseSetup));
            }
        });
    });
    if close {
        out.push(Intent::ImportExport(Transfer::CloseSetup));
    }
}

fn target_ui(ui: &mut Ui, s: &mut ImportSetup, folders: &[Folder]) {
    let new_name = s
        .path
        .as_deref()
        .map(crate::jobs::import::source_name)
        .unwrap_or_default();
    let new_text = if s.path.is_some() {
        t!("import-new-folder-named", name = new_name)
    } else {
        t!("import-new-folder")
    };
    ui.radio_value(&mut s.target, ImportTarget::New, new_text)
        .on_hover_text(t!("import-new-folder-hint"));
    let existing = matches!(s.target, ImportTarget::Existing(_));
    let radio = ui.radio(existing, t!("import-existing-folder"));
    if radio.clicked() && !existing {
        s.target = ImportTarget::Existing(None);
    }
    if let ImportTarget::Existing(chosen) = &mut s.target {
        let text = chosen
            .and_then(|id| folders.iter().find(|f| f.id == id))
            .map_or_else(|| t!("import-choose-folder"), folder_label);
        egui::ComboBox::from_id_salt("import-target")
            .selected_text(text)
            .width(220.0)
            .show_ui(ui, |ui| {
                for f in folders.iter().filter(|f| f.role != FolderRole::Trash) {
                    ui.selectable_value(chosen, Some(f.id), folder_label(f));
                }
            })
            .response
            .labelled_by(radio.id);
    }
    ui.checkbox(&mut s.rules, t!("import-run-rules"))
        .on_hover_text(t!("import-run-rules-hint"));
}

/// The export dialog.
pub fn export_ui(
    ctx: &egui::Context,
    s: &mut ExportSetup,
    folders: &[Folder],
    busy: bool,
    out: &mut Vec<Intent>,
) {
    let close = modal(ctx, "export-dialog", |ui| {
        ui.heading(t!("import-export-title"));
        ui.add_space(6.0);
        egui::Grid::new("export-grid")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let l = ui.label(t!("import-export-what"));
                ui.vertical(|ui| what_ui(ui, s, folders, l.id));
                ui.end_row();
                ui.label(t!("import-format"));
                ui.vertical(|ui| {
                    let before = s.format.is_mbox();
                    for f in EXPORT_FORMATS {
                        ui.radio_value(&mut s.format, f, format_name(f))
                            .on_hover_text(format_hint(f));
                    }
                    if EXPORT_FORMATS.contains(&s.format) {
                        let hint = format_hint(s.format);
                        ui.add(egui::Label::new(RichText::new(hint).weak()).wrap());
                    }
                    // A file name does not suit a directory, nor the other way round.
                    if before != s.format.is_mbox() {
                        s.dest = None;
                    }
                });
                ui.end_row();
                ui.label(t!("import-export-to"));
                ui.vertical(|ui| {
                    match &s.dest {
                        Some(p) => ui.add(
                            egui::Label::new(RichText::new(p.display().to_string()).strong())
                                .wrap(),
                        ),
                        None => ui.weak(t!("import-export-not-chosen")),
                    };
                    let what = if s.format.is_mbox() {
                        t!("import-export-choose-file")
                    } else {
                        t!("import-export-choose-dir")
                    };
                    if ui.button(what).clicked() {
                        out.push(Intent::ImportExport(Transfer::PickExportDest));
                    }
                });
                ui.end_row();
            });
        busy_note(ui, busy);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = s.dest.is_some() && !busy;
            if ui
                .add_enabled(ready, egui::Button::new(t!("import-export-start")))
                .clicked()
            {
                out.push(Intent::ImportExport(Transfer::StartExport(false)));
            }
            if ui.button(t!("common-cancel")).clicked() {
                out.push(Intent::ImportExport(Transfer::CloseSetup));
            }
        });
    });
    if close {
        out.push(Intent::ImportExport(Transfer::CloseSetup));
    }
}

fn what_ui(ui: &mut Ui, s: &mut ExportSetup, folders: &[Folder], label: Id) {
    match &mut s.what {
        ExportWhat::Messages(ids) => {
            ui.label(t!(
                "import-export-selected",
                messages = crate::fmt::messages(ids.len() as u64)
            ));
        }
        ExportWhat::Folder(id) => {
            let text = folders
                .iter()
                .find(|f| f.id == *id)
                .map_or_else(String::new, |f| {
                    format!("{} ({})", folder_label(f), f.total)
                });
            egui::ComboBox::from_id_salt("export-folder")
                .selected_text(text)
                .width(240.0)
                .show_ui(ui, |ui| {
                    for f in folders {
                        ui.selectable_value(id, f.id, folder_label(f));
                    }
                })
                .response
                .labelled_by(label);
            let folder = *id;
            if folders.iter().any(|f| f.parent == Some(folder)) {
                ui.checkbox(&mut s.subfolders, t!("import-export-subfolders"));
            }
        }
    }
}

/// The question before an export replaces or writes into what exists.
pub fn overwrite_ui(ctx: &egui::Context, format: Format, paths: &[PathBuf], out: &mut Vec<Intent>) {
    let close = modal(ctx, "export-overwrite", |ui| {
        let mbox = format.is_mbox();
        ui.heading(if mbox {
            t!("import-overwrite-file-title")
        } else {
            t!("import-overwrite-dir-title")
        });
        ui.label(t!("import-overwrite-exists"));
        for p in paths {
            ui.add(egui::Label::new(RichText::new(p.display().to_string()).strong()).wrap());
        }
        ui.add(
            egui::Label::new(if mbox {
                t!("import-overwrite-file")
            } else {
                t!("import-overwrite-dir")
            })
            .wrap(),
        );
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let label = if mbox {
                t!("import-overwrite-replace")
            } else {
                t!("import-overwrite-into")
            };
            if ui.button(label).clicked() {
                out.push(Intent::ImportExport(Transfer::StartExport(true)));
            }
            if ui.button(t!("import-overwrite-back")).clicked() {
                out.push(Intent::ImportExport(Transfer::BackToExport));
            }
        });
    });
    if close {
        out.push(Intent::ImportExport(Transfer::BackToExport));
    }
}

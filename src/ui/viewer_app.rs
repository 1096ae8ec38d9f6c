//! `popmail FILE.eml` (issue 16): one message in a window of its own, read
//! from the file and never stored — no store is opened, so an encrypted store
//! stays locked. The same reader as the main window (rich HTML, images under
//! limits, attachments with the usual warnings: Save, Open, Preview), without
//! the actions on stored mail. "Import into popmail…" hands the file to the
//! main window (a running one takes it over; otherwise one starts), where the
//! import dialog opens with it chosen.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui::Ui;

use super::background::Opened;
use super::dialogs::Dialogs;
use super::intents::{Intent, SaveRequest};
use super::picker::{FilePicker, RfdPicker};
use super::reader::{Reader, SaveOutcome};
use crate::account::limits;
use crate::store::{FolderId, MessageId, MessageRow};

/// Whether `path` is one message (an `.eml` file) rather than a mailbox: a
/// regular file that does not start like an mbox (`From `).
pub fn is_single_message(path: &Path) -> bool {
    use std::io::Read as _;
    if !path.is_file() {
        return false;
    }
    let mut head = [0u8; 5];
    let read = std::fs::File::open(path).and_then(|mut f| f.read(&mut head));
    !matches!(read, Ok(5) if &head == b"From ")
}

/// What "Import into popmail…" does with the file (an error in words).
pub type ImportHandoff = Box<dyn FnMut(&Path) -> Result<(), String>>;

/// The viewer window's app.
pub struct MessageViewer {
    path: PathBuf,
    reader: Reader,
    dialogs: Dialogs,
    picker: Box<dyn FilePicker>,
    notice: Option<String>,
    /// Starts the main window with the file (tests replace it).
    import: ImportHandoff,
}

impl MessageViewer {
    /// The viewer of the message in `path` (a clear error in the window when
    /// it cannot be read).
    pub fn new(path: PathBuf) -> MessageViewer {
        let mut reader = Reader::default();
        reader.read_only = true;
        let generation = reader.open(MessageId(0));
        reader.on_opened(generation, load(&path).map(Box::new), 0.0);
        MessageViewer {
            path,
            reader,
            dialogs: Dialogs::default(),
            picker: Box::new(RfdPicker),
            notice: None,
            import: Box::new(start_main_window),
        }
    }

    /// Replaces the file dialogs (tests).
    pub fn set_file_picker(&mut self, picker: Box<dyn FilePicker>) {
        self.picker = picker;
    }

    /// Replaces what "Import into popmail…" does (tests).
    pub fn set_import(&mut self, import: ImportHandoff) {
        self.import = import;
    }

    /// The window's content for this frame.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let mut out = Vec::new();
        egui::Panel::top("viewer-bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(self.path.display().to_string()).weak());
                if ui.button(crate::t!("window-viewer-import")).clicked() {
                    self.notice = Some(match (self.import)(&self.path) {
                        Ok(()) => crate::t!("window-viewer-import-started"),
                        Err(e) => crate::t!("window-viewer-import-failed", error = e),
                    });
                }
                if let Some(n) = &self.notice {
                    ui.label(n);
                }
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            self.reader.ui(ui, false, &mut out);
        });
        self.dialogs.ui(ui.ctx(), &[], &mut out);
        for intent in out {
            self.apply(intent);
        }
    }

    fn apply(&mut self, intent: Intent) {
        if let Some(d) = Dialogs::ask_for(&intent, &[]) {
            self.dialogs.show(d);
            return;
        }
        match intent {
            Intent::OpenLink(url) => {
                // The confirm dialog showed the target first.
                if let Err(e) = open::that_detached(&url) {
                    self.notice = Some(crate::t!(
                        "window-viewer-link-failed",
                        error = e.to_string()
                    ));
                }
            }
            Intent::Save(req) => self.save(req, false),
            Intent::SaveConfirmed(req) => self.save(req, true),
            Intent::SaveTo(i, path) => {
                if let Some(super::background::Write::Save(_, parts)) =
                    self.reader.save_to(vec![(i, path)])
                {
                    self.write(&parts);
                }
            }
            Intent::ViewSource => {
                if let Some(d) = self.reader.source() {
                    self.dialogs.show(d);
                }
            }
            // Nothing else applies to a message outside the store.
            _ => {}
        }
    }

    fn save(&mut self, req: SaveRequest, confirmed: bool) {
        match self.reader.save(req, confirmed, self.picker.as_mut()) {
            Some(SaveOutcome::Ask(d)) => self.dialogs.show(d),
            Some(SaveOutcome::Write(super::background::Write::Save(_, parts))) => {
                self.write(&parts);
            }
            Some(SaveOutcome::Write(_)) | None => {}
        }
    }

    /// Writes attachments (the file dialogs asked before any overwrite).
    fn write(&mut self, parts: &[(String, PathBuf)]) {
        let Some(raw) = self.reader.opened.as_ref().map(|o| Arc::clone(&o.raw)) else {
            return;
        };
        let mut saved = 0;
        for (part, dest) in parts {
            let written = crate::mail::attachment_bytes(&raw, part)
                .map_err(|e| e.to_string())
                .and_then(|bytes| std::fs::write(dest, bytes).map_err(|e| e.to_string()));
            match written {
                Ok(()) => saved += 1,
                Err(e) => {
                    self.notice = Some(crate::t!(
                        "window-viewer-save-failed",
                        path = dest.display().to_string(),
                        error = e
                    ));
                    return;
                }
            }
        }
        self.notice = Some(crate::t!("window-viewer-saved", count = saved));
    }

    /// The message as the reader shows it (tests).
    pub fn reader(&self) -> &Reader {
        &self.reader
    }
}

impl eframe::App for MessageViewer {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
}

/// Reads and parses the message in `path`, as the store would show it.
fn load(path: &Path) -> Result<Opened, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .len();
    if size > limits::MAX_MESSAGE_SIZE {
        return Err(crate::t!(
            "window-viewer-too-large",
            path = path.display().to_string(),
            size = crate::fmt::size(size),
            limit = crate::fmt::size(limits::MAX_MESSAGE_SIZE)
        ));
    }
    let raw = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let env = crate::mail::envelope(&raw);
    let view = crate::mail::view(&raw);
    let row = MessageRow {
        id: MessageId(0),
        folder: FolderId(0),
        account: None,
        date: env.date.unwrap_or(0),
        thread_key: env.thread_key(),
        from_name: env.from_name,
        from_addr: env.from_addr,
        subject: env.subject,
        size,
        flags: crate::store::Flags::SEEN,
        has_attachments: env.has_attachments,
        partial: false,
        snippet: env.snippet,
        sha256: sha2::Digest::finalize(<sha2::Sha256 as sha2::Digest>::new_with_prefix(&raw))
            .into(),
    };
    Ok(Opened {
        row,
        raw: Arc::new(raw),
        view,
    })
}

/// "Import into popmail…": this program again, with `--import FILE`.
fn start_main_window(path: &Path) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    std::process::Command::new(exe)
        .arg("--import")
        .arg(path)
        .spawn()
        .map(drop)
        .map_err(|e| e.to_string())
}

/// Opens the viewer window on `path` and runs until it is closed.
pub fn run(path: PathBuf) -> Result<(), super::Error> {
    let title = format!(
        "{} — popmail", // not translated: the app's name
        path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned()
        )
    );
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("popmail")
            .with_inner_size([900.0, 700.0])
            .with_min_inner_size([480.0, 360.0]),
        ..Default::default()
    };
    eframe::run_native(
        "popmail-viewer",
        native,
        Box::new(move |cc| {
            super::fonts::install_fallbacks(&cc.egui_ctx);
            Ok(Box::new(MessageViewer::new(path)))
        }),
    )
    .map_err(|e| super::Error::Window(e.to_string()))
}

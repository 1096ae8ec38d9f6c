//! The reader's viewer window: an image at full size (one of the message's
//! decoded images, clicked in the body) and previews of image and text
//! attachments.
//!
//! Previews are made off the UI thread on the one worker shape
//! ([`crate::worker::Worker`]): the part is decoded from the message's bytes
//! ([`crate::mail::attachment_bytes`]); an image goes through the same
//! limited decoder as inline images ([`crate::mail::rich::images::decode`],
//! so a decompression bomb is refused before any pixel is decoded), text is
//! read as UTF-8 (lossy) and cut at [`MAX_PREVIEW_TEXT`]. Nothing is written
//! to disk and nothing is fetched.

use std::sync::Arc;

use egui::{RichText, Ui};

use crate::mail::Attachment;
use crate::mail::rich::images::{Budget, Decoded, decode};
use crate::worker::{Spawn, StopEvent, Worker};

/// Most bytes of a text attachment shown in its preview.
pub const MAX_PREVIEW_TEXT: usize = 512 * 1024;

/// Whether the reader previews an attachment of this type.
pub(super) fn can_preview(mime: &str) -> bool {
    matches!(
        mime,
        "image/png" | "image/jpeg" | "image/jpg" | "image/gif" | "image/webp"
    ) || mime.starts_with("text/") && mime != "text/html"
}

/// What the viewer shows.
pub(super) enum View {
    /// Being made.
    Loading,
    /// An image, at its own size.
    Image(egui::TextureHandle),
    /// Text (already cut), and whether it was cut.
    Text(String, bool),
    /// It cannot be shown, and why.
    Failed(String),
}

/// One attachment to preview.
pub(super) struct Job {
    raw: Arc<Vec<u8>>,
    part_path: String,
    mime: String,
    serial: u64,
}

/// What the preview worker answers.
pub(super) enum Made {
    /// The pixels of an image preview.
    Image(u64, Decoded),
    /// The text of a text preview, and whether it was cut.
    Text(u64, String, bool),
    /// Why it cannot be shown.
    Failed(u64, String),
    /// The worker stopped, and why.
    Stopped(String),
}

impl StopEvent for Made {
    fn stopped(reason: String) -> Self {
        Made::Stopped(reason)
    }
}

/// The viewer window and its worker.
#[derive(Default)]
pub(super) struct Viewer {
    /// The window's title and content, while it is open.
    pub shown: Option<(String, View)>,
    worker: Option<Worker<Job, Made>>,
    /// Which request the window waits for (older answers are dropped).
    serial: u64,
}

impl Viewer {
    /// Shows an already decoded image at full size.
    pub fn show_image(&mut self, title: &str, texture: egui::TextureHandle) {
        self.serial += 1;
        self.shown = Some((title.to_string(), View::Image(texture)));
    }

    /// Starts a preview of `a` (an image or text attachment of `raw`).
    pub fn preview(&mut self, ctx: &egui::Context, raw: &Arc<Vec<u8>>, a: &Attachment) {
        self.serial += 1;
        self.shown = Some((a.name.clone(), View::Loading));
        if self.worker.as_ref().is_none_or(Worker::is_finished) {
            let repaint_ctx = ctx.clone();
            let spawn = Spawn::named("reader-preview")
                .repaint(Arc::new(move || repaint_ctx.request_repaint()));
            match Worker::spawn(spawn, run) {
                Ok(w) => self.worker = Some(w),
                Err(e) => {
                    self.shown = Some((a.name.clone(), View::Failed(e.to_string())));
                    return;
                }
            }
        }
        let job = Job {
            raw: Arc::clone(raw),
            part_path: a.part_path.clone(),
            mime: a.mime.clone(),
            serial: self.serial,
        };
        if !matches!(self.worker.as_ref().map(|w| w.send(job)), Some(Ok(()))) {
            self.shown = Some((
                a.name.clone(),
                View::Failed(crate::t!("reader-preview-unavailable")),
            ));
        }
    }

    /// Takes the worker's answers (uploads an image preview).
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some(worker) = &self.worker else { return };
        let mut stopped = None;
        while let Some(made) = worker.try_recv() {
            let (serial, view) = match made {
                Made::Image(s, d) => {
                    let image = egui::ColorImage::from_rgba_unmultiplied(
                        [d.width as usize, d.height as usize],
                        &d.rgba,
                    );
                    let texture =
                        ctx.load_texture("reader-preview", image, egui::TextureOptions::LINEAR);
                    (s, View::Image(texture))
                }
                Made::Text(s, t, cut) => (s, View::Text(t, cut)),
                Made::Failed(s, why) => (s, View::Failed(why)),
                Made::Stopped(why) => {
                    stopped = Some(why);
                    continue;
                }
            };
            if serial == self.serial
                && let Some((_, shown)) = &mut self.shown
            {
                *shown = view;
            }
        }
        if let Some(why) = stopped {
            // The next preview starts a new worker.
            self.worker = None;
            if let Some((_, shown @ View::Loading)) = &mut self.shown {
                *shown = View::Failed(why);
            }
        }
    }

    /// The window, while something is shown.
    pub fn ui(&mut self, ctx: &egui::Context) {
        let Some((title, view)) = &self.shown else {
            return;
        };
        let mut open = true;
        let mut close = false;
        egui::Window::new(format!("{title} — popmail")) // not translated: the app's name
            .id(egui::Id::unique("reader-viewer"))
            .open(&mut open)
            .default_size([760.0, 560.0])
            .resizable(true)
            .collapsible(false)
            .show(ctx, |ui| {
                close = ui.button(crate::t!("common-close")).clicked();
                view_ui(ui, view);
            });
        if !open || close {
            self.shown = None;
        }
    }
}

fn view_ui(ui: &mut Ui, view: &View) {
    match view {
        View::Loading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::t!("reader-preview-preparing"));
            });
        }
        View::Failed(why) => {
            ui.label(
                RichText::new(crate::t!("reader-preview-failed", reason = why.as_str())).italics(),
            );
        }
        View::Image(texture) => {
            let size = texture.size_vec2() / ui.ctx().pixels_per_point();
            ui.weak(crate::t!(
                "reader-preview-pixels",
                width = texture.size()[0].to_string(),
                height = texture.size()[1].to_string()
            ));
            egui::ScrollArea::both()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add(
                        egui::Image::new((texture.id(), size))
                            .alt_text(crate::t!("reader-preview-alt")),
                    );
                });
        }
        View::Text(text, cut) => {
            if *cut {
                ui.weak(crate::t!("reader-preview-cut"));
            }
            egui::ScrollArea::both()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.add(
                        egui::Label::new(RichText::new(text.as_str()).monospace()).selectable(true),
                    );
                });
        }
    }
}

fn run(inbox: crate::worker::Inbox<Job>, outbox: crate::worker::Outbox<Made>) -> String {
    while let Some(job) = inbox.recv() {
        let made = make(&job);
        if outbox.send(made).is_err() {
            return "the reader closed".to_string(); // not translated: a worker's stop reason, after the reader is gone
        }
        outbox.done(1);
    }
    "the reader closed".to_string() // not translated: a worker's stop reason, after the reader is gone
}

fn make(job: &Job) -> Made {
    let bytes = match crate::mail::attachment_bytes(&job.raw, &job.part_path) {
        Ok(b) => b,
        Err(e) => return Made::Failed(job.serial, e.to_string()),
    };
    if job.mime.starts_with("image/") {
        match decode(&bytes, &mut Budget::default()) {
            Ok(d) => Made::Image(job.serial, d),
            Err(e) => Made::Failed(job.serial, e.to_string()),
        }
    } else {
        let cut = bytes.len() > MAX_PREVIEW_TEXT;
        let text = String::from_utf8_lossy(bytes.get(..MAX_PREVIEW_TEXT).unwrap_or(&bytes));
        Made::Text(job.serial, text.into_owned(), cut)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_images_and_text_but_not_html_or_programs() {
        for m in [
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "text/plain",
            "text/csv",
        ] {
            assert!(can_preview(m), "{m}");
        }
        for m in [
            "text/html",
            "application/pdf",
            "application/x-msdownload",
            "image/svg+xml",
        ] {
            assert!(!can_preview(m), "{m}");
        }
    }
}

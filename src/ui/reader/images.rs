//! Decoding the open message's images off the UI thread, with the one
//! worker shape of popmail ([`crate::worker::Worker`]), and keeping them as
//! egui textures.
//!
//! The worker takes the message's bytes and rich model, runs
//! [`crate::mail::rich::images::decode_document`] (limits per image and per
//! message, nothing fetched) and answers with the pixels. The reader turns
//! them into textures on the UI thread (one upload each) and drops them when
//! another message opens.

use std::sync::Arc;

use crate::mail::Attachment;
use crate::mail::rich::Document;
use crate::mail::rich::images::{Decoded, Error as ImageError, decode_document};
use crate::store::MessageId;
use crate::worker::{Spawn, StopEvent, Worker};

/// What the reader asks the decoder.
pub(super) struct Decode {
    /// The message.
    pub id: MessageId,
    /// Its stored bytes.
    pub raw: Arc<Vec<u8>>,
    /// Its parts (for `cid:`).
    pub attachments: Vec<Attachment>,
    /// Its rich model.
    pub doc: Arc<Document>,
}

/// What the decoder answers.
#[derive(Debug)]
pub(super) enum Answer {
    /// Every image of the message, in [`Document::images`] order.
    Images(MessageId, Vec<Result<Decoded, ImageError>>),
    /// The worker stopped, and why.
    Stopped(String),
}

impl StopEvent for Answer {
    fn stopped(reason: String) -> Self {
        Answer::Stopped(reason)
    }
}

/// One image as the reader shows it.
pub(super) enum Slot {
    /// Decoded and uploaded.
    Texture(egui::TextureHandle),
    /// Not shown, and why ("image too large to show", …).
    Failed(String),
}

/// The images of the open message (empty while decoding).
pub(super) type Shown = Vec<Slot>;

/// The decoder and the textures of one message.
#[derive(Default)]
pub(super) struct Images {
    worker: Option<Worker<Decode, Answer>>,
    /// Which message `shown` belongs to (or is being decoded for).
    pub for_id: Option<MessageId>,
    /// The images, once decoded.
    pub shown: Shown,
}

impl Images {
    /// Starts decoding `doc`'s images unless already done for `id`.
    pub fn request(
        &mut self,
        ctx: &egui::Context,
        id: MessageId,
        raw: &Arc<Vec<u8>>,
        attachments: &[Attachment],
        doc: &Arc<Document>,
    ) {
        if self.for_id == Some(id) {
            return;
        }
        self.for_id = Some(id);
        self.shown.clear();
        if doc.images().is_empty() {
            return;
        }
        if self.worker.as_ref().is_none_or(Worker::is_finished) {
            let repaint_ctx = ctx.clone();
            let spawn = Spawn::named("reader-images")
                .repaint(Arc::new(move || repaint_ctx.request_repaint()));
            // A thread that cannot start leaves `worker` empty; the images
            // then say they cannot be decoded (below).
            self.worker = Worker::spawn(spawn, |inbox, outbox| {
                while let Some(job) = inbox.recv() {
                    let Decode {
                        id,
                        raw,
                        attachments,
                        doc,
                    } = job;
                    let images = decode_document(&raw, &attachments, &doc);
                    if outbox.send(Answer::Images(id, images)).is_err() {
                        return "the reader closed".to_string(); // not translated: a worker's stop reason, after the reader is gone
                    }
                    outbox.done(1);
                }
                "the reader closed".to_string() // not translated: a worker's stop reason, after the reader is gone
            })
            .ok(); // no thread: the images say they cannot be decoded
        }
        let sent = self.worker.as_ref().map(|w| {
            w.send(Decode {
                id,
                raw: Arc::clone(raw),
                attachments: attachments.to_vec(),
                doc: Arc::clone(doc),
            })
        });
        if !matches!(sent, Some(Ok(()))) {
            self.shown = doc
                .images()
                .iter()
                .map(|_| Slot::Failed(crate::t!("reader-images-unavailable")))
                .collect();
        }
    }

    /// Takes the decoder's answers; uploads the open message's images.
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some(worker) = &self.worker else { return };
        let mut stopped = None;
        while let Some(event) = worker.try_recv() {
            match event {
                Answer::Images(id, images) if Some(id) == self.for_id => {
                    self.shown = images
                        .into_iter()
                        .enumerate()
                        .map(|(i, r)| match r {
                            Ok(d) => {
                                let image = egui::ColorImage::from_rgba_unmultiplied(
                                    [d.width as usize, d.height as usize],
                                    &d.rgba,
                                );
                                Slot::Texture(ctx.load_texture(
                                    format!("reader-image-{}-{i}", id.0),
                                    image,
                                    egui::TextureOptions::LINEAR,
                                ))
                            }
                            Err(e) => Slot::Failed(e.to_string()),
                        })
                        .collect();
                }
                Answer::Images(..) => {}
                Answer::Stopped(why) => stopped = Some(why),
            }
        }
        if let Some(why) = stopped {
            // A stopped decoder is started again by the next request; the
            // open message's images say why they are missing.
            self.worker = None;
            if self.shown.is_empty() {
                self.shown.push(Slot::Failed(why));
            }
        }
    }
}

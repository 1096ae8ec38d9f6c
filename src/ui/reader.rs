//! The reader: the open message's From/To/Cc/Date/Subject, its body (HTML as
//! rich text through [`html_view`], with images decoded off the UI thread by
//! [`images`] and a banner counting the remote images never loaded; plain
//! text with quote levels, collapsed quote chains and a dimmed signature
//! through [`plain_view`]; "Show as plain text" / "Show HTML" per message),
//! its attachments with Open ([`open`]: the system's application, from a
//! private copy, warning first for programs), Preview and full-size images
//! ([`viewer`]), Save… and Save all…, a notice naming the font package to
//! install when no system font covers a script of the message
//! ([`crate::ui::fonts`]),
//! "Show all headers", "View source", and for a headers-only message a button
//! to download the rest. Links (http, https, mailto) are underlined; a click
//! shows the target and asks before anything opens.
//!
//! The reader also decides how attachments are saved ([`Reader::save`]): it
//! warns about programs and scripts, asks before replacing a file, and gives
//! each file of "Save all" a name of its own; the write thread saves them.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{RichText, Ui};

mod html_view;
mod images;
mod long_body;
mod open;
mod parts;
mod plain_view;
mod viewer;

pub use open::{AttachmentFolder, Error as OpenError, Launch, system_launch, write_copy};

use long_body::{Body, body_ui};
use parts::{attachments_ui, banner, header_row};

use super::attachments::{is_dangerous, safe_file_name, unique_path};
use super::background::{Opened, Write};
use super::dialogs::Dialog;
use super::intents::{Intent, SaveRequest};
use super::picker::FilePicker;
use crate::fmt as format;
use crate::store::{Flags, MessageId};
use crate::t;

/// Most body text laid out at once; the rest waits for "Show everything".
pub(super) const SHOWN_TEXT: usize = 256 * 1024;

/// The reader pane.
#[derive(Default)]
pub struct Reader {
    /// The message shown (or loading).
    pub id: Option<MessageId>,
    /// It, once read and parsed.
    pub opened: Option<Box<Opened>>,
    /// Generation of the last open request.
    pub generation: u64,
    /// Why it could not be shown.
    pub error: Option<String>,
    /// When it was shown (egui time), for marking it read.
    pub shown_at: Option<f64>,
    /// It has been marked read already (or was read).
    pub marked: bool,
    /// Show every header.
    pub all_headers: bool,
    /// Lay out the whole body even when long.
    pub show_everything: bool,
    body: Option<Body>,
    /// Show the plain text instead of the HTML of the open message.
    pub plain_mode: bool,
    /// Show every level of a long quote chain.
    pub show_quoted: bool,
    /// The open message's rich model, shared with the image decoder.
    rich: Option<(MessageId, Arc<crate::mail::rich::Document>)>,
    /// The open message's plain paragraphs (flowed, quotes, signature).
    plain: Option<(MessageId, Vec<crate::mail::flowed::PlainParagraph>)>,
    images: images::Images,
    /// Opening attachments: the private folder lives as long as the reader.
    opener: open::Opener,
    /// Full-size images and attachment previews.
    viewer: viewer::Viewer,
    /// A message outside the store (`popmail FILE.eml`): no flags, moves
    /// or downloads.
    pub read_only: bool,
    /// The scripts the open message uses (for fonts).
    scripts: Option<(
        MessageId,
        std::collections::BTreeSet<crate::ui::fonts::Script>,
    )>,
}

/// What saving attachments needs next.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Ask first (a risky file, or a file that exists).
    Ask(Dialog),
    /// Save: send this to the write thread.
    Write(Write),
}

/// Whether the open message is due to be marked read.
#[derive(Debug, PartialEq)]
pub enum ReadTimer {
    /// Nothing to do (nothing open, or already read).
    Idle,
    /// Mark this message read now.
    Mark(MessageId),
    /// Look again after this many seconds.
    Wait(f64),
}

impl Reader {
    /// Starts showing `id` (the parse arrives from the background).
    pub fn open(&mut self, id: MessageId) -> u64 {
        if self.id != Some(id) {
            self.opened = None;
            self.body = None;
            self.show_everything = false;
            self.plain_mode = false;
            self.show_quoted = false;
        }
        self.id = Some(id);
        self.error = None;
        self.generation += 1;
        self.generation
    }

    /// Shows nothing.
    pub fn clear(&mut self) {
        *self = Reader {
            scripts: None,
            generation: self.generation + 1,
            all_headers: self.all_headers,
            opener: std::mem::take(&mut self.opener),
            ..Reader::default()
        };
    }

    /// The parse arrived.
    pub fn on_opened(&mut self, generation: u64, result: Result<Box<Opened>, String>, now: f64) {
        if generation != self.generation {
            return;
        }
        match result {
            Ok(o) => {
                self.marked = o.row.flags.contains(Flags::SEEN);
                self.shown_at = Some(now);
                self.opened = Some(o);
                self.body = None;
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Stops showing the message if it is one of `ids` (they moved away).
    pub fn forget(&mut self, ids: &[MessageId]) {
        if self.id.is_some_and(|r| ids.contains(&r)) {
            self.clear();
        }
    }

    /// Shows new flags on the open message before the store has them.
    pub fn patch_flags(&mut self, ids: &[MessageId], flag: Flags, on: bool) {
        if let Some(o) = &mut self.opened
            && ids.contains(&o.row.id)
        {
            o.row.flags = o.row.flags.with(flag, on);
            if flag == Flags::SEEN {
                self.marked = true;
            }
        }
    }

    /// The flags of `id`, if it is the open message.
    pub fn flags_of(&self, id: MessageId) -> Option<Flags> {
        self.opened
            .as_ref()
            .filter(|o| o.row.id == id)
            .map(|o| o.row.flags)
    }

    /// The source window of the open message.
    pub fn source(&self) -> Option<Dialog> {
        let o = self.opened.as_ref()?;
        Some(Dialog::Source(o.row.subject.clone(), o.raw.clone()))
    }

    /// Whether the open message has been shown for `delay` seconds at `now`
    /// and is not read yet; marking it is left to the caller.
    pub fn read_timer(&mut self, now: f64, delay: f64) -> ReadTimer {
        let (Some(opened), Some(at)) = (&self.opened, self.shown_at) else {
            return ReadTimer::Idle;
        };
        if self.marked {
            ReadTimer::Idle
        } else if now - at >= delay {
            self.marked = true;
            ReadTimer::Mark(opened.row.id)
        } else {
            ReadTimer::Wait(delay - (now - at))
        }
    }

    /// Saves attachments of the open message: asks first about risky files
    /// (unless `confirmed`) and about replacing a file, picks where with
    /// `picker`, and gives each file of "Save all" its own name. `None`:
    /// nothing to do (nothing open, or the picker was cancelled).
    pub fn save(
        &self,
        req: SaveRequest,
        confirmed: bool,
        picker: &mut dyn FilePicker,
    ) -> Option<SaveOutcome> {
        let list = &self.opened.as_ref()?.view.attachments;
        let chosen: Vec<usize> = match req {
            SaveRequest::One(i) => vec![i],
            SaveRequest::All => (0..list.len()).collect(),
        };
        if !confirmed {
            let risky: Vec<&str> = chosen
                .iter()
                .filter_map(|i| list.get(*i))
                .filter(|a| is_dangerous(&a.name, &a.mime))
                .map(|a| a.name.as_str())
                .collect();
            if !risky.is_empty() {
                return Some(SaveOutcome::Ask(Dialog::Dangerous(req, risky.join(", "))));
            }
        }
        match req {
            SaveRequest::One(i) => {
                let a = list.get(i)?;
                let path = picker.save_file(&safe_file_name(&a.name))?;
                if path.exists() {
                    Some(SaveOutcome::Ask(Dialog::Overwrite(i, path)))
                } else {
                    self.save_to(vec![(i, path)]).map(SaveOutcome::Write)
                }
            }
            SaveRequest::All => {
                let dir = picker.pick_folder()?;
                let mut taken: Vec<PathBuf> = Vec::new();
                let mut plan = Vec::new();
                for (i, a) in list.iter().enumerate() {
                    let name = safe_file_name(&a.name);
                    let mut path = unique_path(&dir, &name);
                    let mut n = 2;
                    while taken.contains(&path) {
                        path = unique_path(&dir, &format!("{n}-{name}"));
                        n += 1;
                    }
                    taken.push(path.clone());
                    plan.push((i, path));
                }
                self.save_to(plan).map(SaveOutcome::Write)
            }
        }
    }

    /// The write that saves these attachments (index, file) of the open message.
    pub fn save_to(&self, plan: Vec<(usize, PathBuf)>) -> Option<Write> {
        let o = self.opened.as_ref()?;
        let parts = plan
            .into_iter()
            .filter_map(|(i, p)| o.view.attachments.get(i).map(|a| (a.part_path.clone(), p)))
            .collect();
        Some(Write::Save(o.row.id, parts))
    }

    /// Opens attachments with `launch` instead of the system's default
    /// application (tests record the launch instead of starting a viewer).
    pub fn set_attachment_launcher(&mut self, launch: Launch) {
        self.opener.set_launch(launch);
    }

    /// The private folder opened attachments are copied to, once made.
    pub fn attachment_folder(&self) -> Option<&std::path::Path> {
        self.opener.folder()
    }

    /// The pane.
    pub fn ui(&mut self, ui: &mut Ui, can_sync: bool, out: &mut Vec<Intent>) {
        crate::ui::fonts::with(ui.ctx(), |f| f.poll(ui.ctx()));
        let Some(id) = self.id else {
            // Centred, not justified: a wrapped line (Indonesian, a narrow pane) would be spread out.
            ui.with_layout(
                egui::Layout::centered_and_justified(egui::Direction::TopDown)
                    .with_cross_justify(false),
                |ui| ui.weak(t!("reader-select-message")),
            );
            return;
        };
        if let Some(e) = &self.error {
            ui.colored_label(
                ui.visuals().error_fg_color,
                t!("reader-cannot-show", error = e.as_str()),
            );
            return;
        }
        self.images.poll(ui.ctx());
        self.opener.poll();
        self.viewer.poll(ui.ctx());
        if let Some(o) = self.opened.as_deref() {
            if let Some(doc) = &o.view.rich
                && self.rich.as_ref().is_none_or(|(rid, _)| *rid != o.row.id)
            {
                self.rich = Some((o.row.id, Arc::new(doc.clone())));
            }
            if self.plain.as_ref().is_none_or(|(pid, _)| *pid != o.row.id) {
                self.plain = Some((o.row.id, o.view.plain_paragraphs()));
            }
            if self
                .scripts
                .as_ref()
                .is_none_or(|(sid, _)| *sid != o.row.id)
            {
                let env = &o.view.envelope;
                let mut scripts = crate::ui::fonts::scripts_in(&o.view.body);
                scripts.extend(crate::ui::fonts::scripts_in(&env.subject));
                scripts.extend(crate::ui::fonts::scripts_in(&env.from_name));
                crate::ui::fonts::with(ui.ctx(), |f| f.need(ui.ctx(), scripts.clone()));
                self.scripts = Some((o.row.id, scripts));
            }
            if let Some((rid, doc)) = &self.rich
                && *rid == o.row.id
            {
                self.images
                    .request(ui.ctx(), o.row.id, &o.raw, &o.view.attachments, doc);
            }
        }
        let Reader {
            opened,
            all_headers,
            show_everything,
            body,
            plain_mode,
            show_quoted,
            rich,
            plain,
            images,
            opener,
            viewer,
            scripts,
            read_only,
            ..
        } = self;
        let rich = rich
            .as_ref()
            .filter(|(rid, _)| Some(*rid) == opened.as_deref().map(|o| o.row.id))
            .map(|(_, d)| Arc::clone(d));
        let Some(opened) = opened.as_deref() else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t!("reader-opening"));
            });
            return;
        };
        let env = &opened.view.envelope;
        let row = &opened.row;
        egui::ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let subject = if env.subject.is_empty() {
                    t!("window-no-subject")
                } else {
                    env.subject.clone()
                };
                ui.add(egui::Label::new(RichText::new(subject).heading()).wrap());
                ui.add_space(4.0);
                egui::Grid::new("reader-headers")
                    .num_columns(2)
                    .spacing([10.0, 3.0])
                    .show(ui, |ui| {
                        let from = if env.from_name.is_empty() {
                            env.from_addr.clone()
                        } else {
                            format!("{} <{}>", env.from_name, env.from_addr)
                        };
                        header_row(ui, &t!("reader-header-from"), &from);
                        if !env.to.is_empty() {
                            header_row(ui, &t!("reader-header-to"), &env.to);
                        }
                        if !env.cc.is_empty() {
                            header_row(ui, &t!("reader-header-cc"), &env.cc);
                        }
                        let date = env.date.map_or_else(
                            || {
                                env.date_header
                                    .clone()
                                    .unwrap_or_else(|| t!("reader-no-date"))
                            },
                            format::date_time_long,
                        );
                        header_row(ui, &t!("reader-header-date"), &date);
                    });
                ui.add_space(4.0);
                ui.horizontal_wrapped(|ui| {
                    if !*read_only {
                        store_actions(ui, id, row.flags, out);
                    }
                    ui.toggle_value(all_headers, t!("reader-show-all-headers"));
                    if ui.button(t!("reader-view-source")).clicked() {
                        out.push(Intent::ViewSource);
                    }
                    if rich.is_some() {
                        let label = if *plain_mode {
                            t!("reader-show-html")
                        } else {
                            t!("reader-show-plain")
                        };
                        if ui.button(label).clicked() {
                            *plain_mode = !*plain_mode;
                        }
                    }
                });
                if *all_headers {
                    egui::CollapsingHeader::new(t!("reader-all-headers"))
                        .default_open(true)
                        .show(ui, |ui| {
                            egui::Grid::new("reader-all-headers")
                                .num_columns(2)
                                .striped(true)
                                .show(ui, |ui| {
                                    for (k, v) in &opened.view.headers {
                                        ui.label(RichText::new(k).strong());
                                        ui.add(egui::Label::new(v).wrap());
                                        ui.end_row();
                                    }
                                });
                        });
                }
                if row.partial && !*read_only {
                    banner(ui, &t!("reader-headers-only"), |ui| {
                        let b =
                            ui.add_enabled(can_sync, egui::Button::new(t!("reader-download-full")));
                        let b = if can_sync {
                            b
                        } else {
                            b.on_disabled_hover_text(t!("reader-sync-unavailable"))
                        };
                        if b.clicked() {
                            out.push(Intent::FetchFull(id));
                        }
                    });
                }
                let show_rich = rich.as_ref().filter(|_| !*plain_mode);
                match &show_rich {
                    Some(doc) if doc.remote_images > 0 => banner(
                        ui,
                        &t!("reader-remote-images-blocked", count = doc.remote_images),
                        |_| {},
                    ),
                    Some(_) => {}
                    None if opened.view.from_html => banner(ui, &t!("reader-html-as-text"), |_| {}),
                    None => {}
                }
                if let Some((_, scripts)) = &scripts
                    && !scripts.is_empty()
                {
                    let tell = crate::ui::fonts::with(ui.ctx(), |f| f.to_tell(scripts));
                    if !tell.is_empty() {
                        banner(ui, &crate::ui::fonts::install_hint(&tell), |ui| {
                            if ui
                                .button(t!("common-ok"))
                                .on_hover_text(t!("reader-fonts-dismiss-hint"))
                                .clicked()
                            {
                                crate::ui::fonts::with(ui.ctx(), |f| {
                                    f.told.extend(tell.iter().copied())
                                });
                            }
                        });
                    }
                }
                if !opened.view.attachments.is_empty() {
                    ui.add_space(4.0);
                    match attachments_ui(ui, opened, opener.status.as_ref(), out) {
                        Some(parts::Action::Open(i)) => {
                            opener.open(ui.ctx(), &opened.raw, &opened.view.attachments, i, false);
                        }
                        Some(parts::Action::Preview(i)) => {
                            if let Some(a) = opened.view.attachments.get(i) {
                                viewer.preview(ui.ctx(), &opened.raw, a);
                            }
                        }
                        None => {}
                    }
                }
                ui.separator();
                let paragraphs = plain
                    .as_ref()
                    .filter(|(pid, _)| *pid == id)
                    .map(|(_, p)| p.as_slice())
                    .filter(|p| !p.is_empty());
                if let Some(doc) = show_rich {
                    let full = html_view::document_ui(ui, doc, &images.shown, out);
                    if let Some(i) = full
                        && let Some(images::Slot::Texture(t)) = images.shown.get(i)
                    {
                        let alt = doc
                            .images()
                            .get(i)
                            .map(|im| im.alt.clone())
                            .unwrap_or_default();
                        let title = if alt.is_empty() {
                            t!("reader-image")
                        } else {
                            alt
                        };
                        viewer.show_image(&title, t.clone());
                    }
                    if doc.truncated {
                        ui.weak(t!("reader-truncated"));
                    }
                } else if let Some(paragraphs) =
                    paragraphs.filter(|_| opened.view.body.len() <= SHOWN_TEXT)
                {
                    plain_view::plain_ui(ui, paragraphs, show_quoted, out);
                } else {
                    body_ui(ui, opened, body, show_everything, out);
                }
            });
        viewer.ui(ui.ctx());
        if let Some((index, name)) = opener.confirm.clone() {
            match parts::confirm_open(ui.ctx(), &name) {
                Some(true) => {
                    opener.open(ui.ctx(), &opened.raw, &opened.view.attachments, index, true);
                }
                Some(false) => opener.confirm = None,
                None => {}
            }
        }
    }
}

/// Lays out a rich HTML document exactly as the reader does (images shown
/// as their placeholders): for benchmarks of the layout alone. Clicks are
/// ignored.
pub fn rich_document_ui(ui: &mut Ui, doc: &crate::mail::rich::Document) {
    let mut ignored = Vec::new();
    // Full-size requests need the reader's viewer; here they are ignored.
    let _ = html_view::document_ui(ui, doc, &Vec::new(), &mut ignored); // no viewer here
}

/// Mark read, star, archive and delete: the actions on a stored message.
fn store_actions(ui: &mut Ui, id: MessageId, flags: Flags, out: &mut Vec<Intent>) {
    let read = flags.contains(Flags::SEEN);
    let starred = flags.contains(Flags::FLAGGED);
    if ui
        .button(if read {
            t!("reader-mark-unread")
        } else {
            t!("reader-mark-read")
        })
        .clicked()
    {
        out.push(Intent::SetFlag(vec![id], Flags::SEEN, !read));
    }
    if ui
        .button(if starred {
            format!("★ {}", t!("reader-unstar"))
        } else {
            format!("☆ {}", t!("reader-star"))
        })
        .clicked()
    {
        out.push(Intent::SetFlag(vec![id], Flags::FLAGGED, !starred));
    }
    if ui.button(t!("window-archive")).clicked() {
        out.push(Intent::Archive(vec![id]));
    }
    if ui.button(t!("common-delete")).clicked() {
        out.push(Intent::Trash(vec![id]));
    }
}

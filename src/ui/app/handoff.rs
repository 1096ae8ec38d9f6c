//! Files for the window (issue 16): given on the command line
//! (`popmail FILE…`) or handed over by a later start through
//! [`crate::ui::instance`]. A later start without files just raises the
//! window. An mbox file or a Maildir folder (or any other file) opens the
//! import dialog with it chosen, once a store is open and unlocked.

use std::path::PathBuf;

use super::super::instance::Instance;
use super::super::intents::{Intent, Transfer};
use super::App;

impl App {
    /// Serves the hand-off of later starts (the first window of its data
    /// folder).
    pub fn serve(&mut self, instance: Option<Instance>) {
        if let Some(i) = &instance {
            i.wake(&self.ctx);
        }
        self.instance = instance;
    }

    /// Takes in files handed over, and opens what waits once a store is open.
    pub(super) fn take_handed_files(&mut self) {
        if let Some(i) = &self.instance {
            while let Some(paths) = i.try_recv() {
                self.ctx
                    .send_viewport_cmd(egui::ViewportCommand::Minimized(false));
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
                self.handed.extend(paths);
            }
        }
        if self.session.is_none() || self.lock.is_some() || self.jobs.modal() {
            return;
        }
        // One import dialog at a time: the next file waits for this one.
        if let Some(path) = take_first(&mut self.handed) {
            self.apply(Intent::ImportExport(Transfer::Import(Some(path))));
        }
    }
}

fn take_first(paths: &mut Vec<PathBuf>) -> Option<PathBuf> {
    (!paths.is_empty()).then(|| paths.remove(0))
}

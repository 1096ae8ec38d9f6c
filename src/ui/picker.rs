//! File dialogs behind a trait: the desktop's (rfd) in the app, scripted
//! ones in tests (rfd needs a desktop portal, which tests must not rely on).

use std::path::PathBuf;

/// Where "Save…" asks for a file. The default uses the desktop's dialogs
/// (rfd); tests put in one that answers without a dialog.
pub trait FilePicker {
    /// A file to save `suggested` as, or `None` if cancelled.
    fn save_file(&mut self, suggested: &str) -> Option<PathBuf>;
    /// A folder to save into, or `None` if cancelled.
    fn pick_folder(&mut self) -> Option<PathBuf>;
    /// An existing file to import, or `None` if cancelled.
    fn open_file(&mut self) -> Option<PathBuf> {
        None
    }
    /// An existing folder to import; by default the folder dialog.
    fn open_folder(&mut self) -> Option<PathBuf> {
        self.pick_folder()
    }
    /// An existing file to open (`extensions` without dots), or `None` if cancelled.
    fn pick_file(&mut self, title: &str, extensions: &[&str]) -> Option<PathBuf> {
        // Not a Result: the default has no dialog, so it ignores its arguments.
        let _ = (title, extensions);
        None
    }
}

/// The desktop's file dialogs.
pub(super) struct RfdPicker;

impl FilePicker for RfdPicker {
    fn save_file(&mut self, suggested: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_file_name(suggested).save_file()
    }
    fn pick_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new().pick_folder()
    }
    fn open_file(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(crate::t!("window-import-file-title"))
            .pick_file()
    }
    fn open_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(crate::t!("window-import-folder-title"))
            .pick_folder()
    }
    fn pick_file(&mut self, title: &str, extensions: &[&str]) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(title, extensions)
            .pick_file()
    }
}

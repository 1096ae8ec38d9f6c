//! What tests, benchmarks and the runner ask of the [`App`] and set on it
//! (kept out of `app.rs`, which lays out the window).

use super::super::picker::FilePicker;
use super::super::prefs::Prefs;
use super::{App, Intent, Session};
use crate::store::Scope;

impl App {
    /// Replaces the file dialogs (tests).
    pub fn set_file_picker(&mut self, picker: Box<dyn FilePicker>) {
        self.picker = picker;
    }

    /// Replaces the system's default application that "Open" hands
    /// attachments to (tests record the launch instead).
    pub fn set_attachment_launcher(&mut self, launch: crate::ui::AttachmentLaunch) {
        self.reader.set_attachment_launcher(launch);
    }

    /// The private folder opened attachments are copied to, once made.
    pub fn attachment_folder(&self) -> Option<&std::path::Path> {
        self.reader.attachment_folder()
    }

    /// Replaces the browser that the settings dialog's "Sign in with …"
    /// opens (tests play the browser).
    pub fn set_browser(
        &mut self,
        browser: std::sync::Arc<dyn crate::oauth::Browser + Send + Sync>,
    ) {
        self.settings.set_browser(browser);
    }

    /// Replaces what the account form's "Find settings" asks (tests answer
    /// from local servers).
    pub fn set_discoverer(&mut self, make: crate::discovery::MakeDiscoverer) {
        self.settings.set_discoverer(make);
    }

    /// Keeps passwords typed in the settings dialog out of the OS keychain
    /// (tests): they go to the store, and the dialog says so.
    pub fn set_keychain(&mut self, on: bool) {
        self.settings.set_keychain(on);
    }

    /// The preferences (tests set the mark-read delay, benchmarks the sort).
    pub fn prefs_mut(&mut self) -> &mut Prefs {
        &mut self.prefs
    }

    /// Opens the settings dialog on its Accounts tab (tests; users go
    /// through File → Account settings…, whatever its words in their
    /// language).
    pub fn open_account_settings(&mut self) {
        self.apply(Intent::Settings(crate::ui::intents::Open::Accounts));
    }

    /// Opens the settings dialog on its Preferences tab (tests).
    pub fn open_preferences(&mut self) {
        self.apply(Intent::Preferences);
    }

    /// Whether a dialog is on screen (tests).
    pub fn has_dialog(&self) -> bool {
        self.dialogs.is_open()
    }

    /// The last new-mail notifications handed to the notifier (tests).
    pub fn notes_sent(&self) -> &[crate::notify::Note] {
        self.notes.sent()
    }

    /// Whether background work is queued or running (tests wait for it).
    pub fn busy(&self) -> bool {
        self.session.as_ref().is_some_and(Session::busy)
            || self.list.loading()
            || self.jobs.running()
    }

    /// Whether the sync worker reports a sync in progress.
    pub fn syncing(&self) -> bool {
        self.status.any_syncing()
    }

    /// The last sync error shown in the status bar, if any account failed.
    pub fn last_sync_error(&self) -> Option<String> {
        self.status.last_error()
    }

    /// The data directory in use.
    pub fn data_dir(&self) -> Option<&std::path::Path> {
        self.session.as_ref().map(|s| s.data_dir.as_path())
    }

    /// Number of rows in the message list.
    pub fn list_len(&self) -> u64 {
        self.list.len()
    }

    /// Rows on screen whose data has not arrived yet (benchmarks).
    pub fn list_rows_missing(&self) -> u64 {
        self.list.missing_on_screen()
    }

    /// Shows a scope (benchmarks; users click the folder pane).
    pub fn show_scope(&mut self, scope: Scope) {
        self.apply(Intent::ShowScope(scope));
    }

    /// Scrolls the message list to a fraction of its length (benchmarks).
    pub fn scroll_list_to(&mut self, fraction: f64) {
        self.list.scroll_to_fraction(fraction);
    }

    /// Sorts by a column as a header click does (benchmarks).
    pub fn click_sort(&mut self, key: crate::store::SortKey) {
        self.apply(Intent::Sort(key));
    }

    /// Whether a conversion (encrypt or decrypt from Preferences → Security) runs.
    pub fn converting(&self) -> bool {
        self.security.converting()
    }
}

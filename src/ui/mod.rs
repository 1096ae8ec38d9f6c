//! The reader window: folders on the left, the message list in the centre,
//! the reader on the right (or below), a search box, a status bar with each
//! account's sync state, and a welcome page for an empty store.
//!
//! Built on eframe (glow) and egui. The UI thread never waits on the network,
//! a long query or a job:
//! - reads that grow with folder size (the full sorted id list of a folder,
//!   conversations, full-text search, parsing a message for the reader) run on
//!   the named thread `popmail-ui-read` with its own store connection; stale
//!   answers are dropped by generation number;
//! - writes (moves, Trash, restore, delete for good, emptying the Trash,
//!   saving attachments, removing an account) run on `popmail-ui-write`,
//!   committing in batches; the list's rows and counts are read on
//!   `popmail-ui-rows`, so painting only reads memory;
//! - import, export and backup run on the session's one job worker
//!   (`popmail-jobs`);
//! - the sync worker (`crate::sync`) talks POP3 (RFC 1939) and answers with
//!   events that every frame drains with `try_recv`.
//!
//! The message list is virtualised: it asks only for the rows on screen
//! (`Store::page` at first, then `Store::rows` over the id list loaded in the
//! background, both on the rows thread) and draws its own scrollbar, so a
//! folder of a million messages opens and scrolls at frame rate; positions
//! are kept as `u64` row indices, never as f32 pixel offsets.
//!
//! Saved state ([`prefs::Prefs`]) is layout and preferences only, persisted
//! through eframe storage; mail stays in SQLite, passwords never leave the
//! credentials store. Every control has an AccessKit label (screen readers use
//! them, and so do the egui_kittest tests).
//!
//! Seams (arrows point one way: app → panels → shared small types):
//! - **Panels own their state** and draw themselves: `folders`, `message_list` + `list_paint`, `reader`,
//!   `search`, `status_bar`, `welcome`, `dialogs`, `menus` + `toolbar`,
//!   `import_export` (its dialogs, job progress and summaries) and
//!   `settings` (accounts, diagnosis, preferences).
//! - **They read a small context**: `context::View` (folders, accounts,
//!   scope, selection, preferences; built once per frame) or the few values
//!   they need, and the session's store handle for small reads only.
//! - **They push intents**: `intents::Intent` is the one action type (import
//!   and export steps, account saves and removals, preference changes
//!   included). Nothing a panel draws writes the store.
//! - **App applies**: `app` lays out the panels (`layout` draws the three
//!   mail panes), hands the workers' answers to the panels at the start of
//!   each frame (`answers::Listeners`, which return follow-up intents) and
//!   applies the intents after it in `App::apply`, which routes each intent
//!   to the panel that owns the state it changes (`messages::Messages` for
//!   what the list, the search results and the reader do together):
//!   `status_bar::Notices` (a write's wording and its undo), `Reader::save`
//!   (risky files, replacing, unique names), `Dialogs::ask_for`,
//!   `FolderPane::change`, `Settings::act`, `ImportExport::act`, and each of
//!   list, reader and search `patch_flags`/`forget`.
//! - **Workers**: `background` (the read, rows and write threads on
//!   [`crate::worker::Worker`]) and `session` (store + those threads + the
//!   one job worker + the sync worker + the demo server of one data
//!   directory).
//!
//! Other files: `keys` (the keyboard), `prefs`, `fonts` (system fonts for
//! every script), `conversations` (the conversation order), `attachments`
//! (file-name safety), `links`, `picker` (file dialogs behind a trait).

mod answers;
mod app;
mod attachments;
mod background;
mod context;
mod conversations;
mod dialogs;
mod folder_names;
mod folders;
mod fonts;
mod import_export;
pub mod instance;
mod intents;
mod keys;
mod layout;
mod links;
mod list_paint;
mod lock;
mod menus;
mod message_list;
mod messages;
mod notifications;
#[cfg(test)]
mod panel_tests;
mod picker;
pub mod prefs;
mod reader;
mod row_menu;
mod search;
mod security;
mod session;
mod settings;
mod status_bar;
mod toolbar;
pub mod viewer_app;
mod welcome;

use std::path::PathBuf;

pub use app::App;
pub use attachments::{is_dangerous, safe_file_name};
pub use fonts::{Script, Source as FontSource, set_source as set_font_source};
pub use picker::FilePicker;
pub use reader::{
    AttachmentFolder, Launch as AttachmentLaunch, OpenError, rich_document_ui, system_launch,
    write_copy,
};

/// How the window starts.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// The data directory (the store lives in `data_dir/popmail.sqlite3`).
    pub data_dir: PathBuf,
    /// Open the demo directly (`popmail --demo`): start the built-in demo POP3
    /// server, use the demo data directory and sync.
    pub demo: bool,
    /// Test hook: caps the store at this many pages (see
    /// [`crate::store::StoreConfig::with_max_page_count`]), so tests can show
    /// the window on a full disk.
    #[doc(hidden)]
    pub store_page_limit: Option<u64>,
    /// Mail files to open (`popmail FILE…`): an mbox file or a Maildir
    /// folder opens the import dialog with it chosen.
    pub open: Vec<PathBuf>,
}

/// Errors that stop the window.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data directory could not be created.
    #[error(transparent)]
    DataDir(#[from] crate::paths::Error),
    /// The store could not be opened.
    #[error(transparent)]
    Store(#[from] crate::store::Error),
    /// A background thread could not be started.
    #[error("{}", crate::t!("error-ui-thread", name = *name, error = source.to_string()))]
    Thread {
        /// The thread's name.
        name: &'static str,
        /// The OS error.
        source: std::io::Error,
    },
    /// The windowing system failed (no display, no OpenGL).
    #[error("{}", crate::t!("error-ui-window", error = _0))]
    Window(String),
}

/// Opens the window and runs until it is closed.
pub fn run(opts: RunOptions) -> Result<(), Error> {
    crate::paths::ensure_private_dir(&opts.data_dir)?;
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("popmail")
            .with_app_id("popmail")
            .with_inner_size([1180.0, 760.0])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    // Open the store once before the window, so a broken or too-new store is
    // reported on the terminal instead of in a window that cannot work.
    // An encrypted store is checked once unlocked, in the window.
    let data_dir = session::data_dir_for(&opts)?;
    let config = crate::store::StoreConfig::in_dir(&data_dir);
    crate::store::recover_conversion(config.path())?;
    if !crate::store::is_encrypted(config.path())? {
        drop(crate::store::Store::open(&config)?);
    }
    // One window per data folder: a second start hands its files over.
    let instance = match instance::claim(None, &data_dir, &opts.open) {
        Ok(instance::Claim::Handed) => {
            eprintln!("{}", instance::handed_over());
            return Ok(());
        }
        Ok(instance::Claim::First(i)) => Some(i),
        // No session bus (or it refused): every start opens a window.
        Err(_) => None,
    };
    eframe::run_native(
        "popmail",
        native,
        Box::new(move |cc| {
            let mut app = App::from_creation(cc, opts);
            app.serve(instance);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| Error::Window(e.to_string()))
}

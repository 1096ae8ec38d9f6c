//! The eframe window (placeholder until the reader window lands).

use std::path::PathBuf;

/// How the window is started.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The data folder.
    pub data_dir: PathBuf,
    /// Open the demo.
    pub demo: bool,
}

/// Errors of the window.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// eframe failed.
    #[error("cannot open the window: {0}")]
    Eframe(String),
}

/// Opens the window and runs until it closes.
pub fn run(_opts: RunOptions) -> Result<(), Error> {
    Err(Error::Eframe("the window is not built yet".into()))
}

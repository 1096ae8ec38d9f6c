//! Where popmail keeps its data.
//!
//! The default is the platform data directory from `directories`
//! (`~/.local/share/popmail/` on Linux). `--data-dir DIR` or the
//! `POPMAIL_DATA_DIR` environment variable override it. The directory is
//! created owner-only (0700) and the database file owner-only (0600).

use std::path::{Path, PathBuf};

/// File name of the store inside the data directory.
pub const STORE_FILE: &str = "popmail.sqlite3";

/// Errors finding or creating the data directory.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The platform has no home directory to derive a data directory from.
    #[error("{}", crate::t!("error-paths-no-home"))]
    NoHome,
    /// Creating the data directory failed.
    #[error("{}", crate::t!("error-paths-create", path = path.display().to_string(), error = source.to_string()))]
    Create {
        /// The directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// The default data directory of this platform.
pub fn default_data_dir() -> Result<PathBuf, Error> {
    directories::ProjectDirs::from("", "", "popmail")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(Error::NoHome)
}

/// The data directory for the demo mailbox, kept apart from real mail.
pub fn demo_data_dir(base: &Path) -> PathBuf {
    base.join("demo")
}

/// Creates `dir` (and parents) if needed, owner-only on Unix.
pub fn ensure_private_dir(dir: &Path) -> Result<(), Error> {
    let create = |e| Error::Create {
        path: dir.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(dir).map_err(create)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(create)?;
    }
    Ok(())
}

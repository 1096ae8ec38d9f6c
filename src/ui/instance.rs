//! One window per data folder (issue 16): the first `popmail` of a session
//! owns a D-Bus name on the session bus (derived from its data folder) and
//! serves `io.github.popmail.Instance1.Open(paths)`; a second `popmail`
//! started with files (a double-click in the file manager) hands them to it
//! and exits, so there is never a second window writing the same store. This
//! is how desktop applications do it (GApplication uses the same scheme).
//! Without a session bus there is no hand-off, and every start opens a window.
//!
//! The D-Bus connection is zbus's (the crate that also carries the keychain
//! and the notifications); no socket is opened here.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crossbeam_channel::{Receiver, Sender};
use sha2::Digest as _;
use zbus::blocking::{Connection, Proxy, connection};
use zbus::fdo::{RequestNameFlags, RequestNameReply};

/// The object path of the service.
const PATH: &str = "/io/github/popmail/Instance";
/// Its interface.
const IFACE: &str = "io.github.popmail.Instance1";

/// Errors claiming the instance or handing files over.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The session bus or the running instance refused.
    #[error("{}", crate::t!("error-instance-bus", error = _0.to_string()))]
    Bus(#[from] zbus::Error),
    /// The running instance did not take the files.
    #[error("{}", crate::t!("error-instance-refused"))]
    Refused,
}

/// What a second start prints after handing its files to the running window.
pub fn handed_over() -> String {
    crate::t!("window-already-open")
}

/// What starting up found.
pub enum Claim {
    /// This is the first window of its data folder: it serves the hand-off.
    First(Instance),
    /// Another window of the same data folder runs and took the files.
    Handed,
}

/// The service of the first window: files handed over by later starts.
pub struct Instance {
    _conn: Connection,
    rx: Receiver<Vec<PathBuf>>,
    wake: Arc<OnceLock<egui::Context>>,
}

impl Instance {
    /// Files handed over since the last look (never blocks).
    pub fn try_recv(&self) -> Option<Vec<PathBuf>> {
        self.rx.try_recv().ok()
    }

    /// Wakes `ctx` when files arrive.
    pub fn wake(&self, ctx: &egui::Context) {
        // Set once; a second window context would be a bug, not a failure.
        let _ = self.wake.set(ctx.clone()); // see above
    }
}

struct Service {
    tx: Sender<Vec<PathBuf>>,
    wake: Arc<OnceLock<egui::Context>>,
}

#[zbus::interface(name = "io.github.popmail.Instance1")]
impl Service {
    /// Opens `paths` (none: just raise the window). True when taken.
    fn open(&self, paths: Vec<String>) -> bool {
        let taken = self
            .tx
            .send(paths.into_iter().map(PathBuf::from).collect())
            .is_ok();
        if let Some(ctx) = self.wake.get() {
            ctx.request_repaint();
        }
        taken
    }
}

/// The bus name of the window of `data_dir`.
pub fn bus_name(data_dir: &Path) -> String {
    let digest = sha2::Sha256::digest(data_dir.as_os_str().as_encoded_bytes());
    format!("io.github.popmail.Popmail.d{}", hex::encode(&digest[..8]))
}

/// Claims the window of `data_dir` on the session bus (`address`: another
/// bus, for tests), or hands `files` to the window that already has it.
pub fn claim(address: Option<&str>, data_dir: &Path, files: &[PathBuf]) -> Result<Claim, Error> {
    let conn = match address {
        Some(a) => connection::Builder::address(a)?.build()?,
        None => Connection::session()?,
    };
    let name = bus_name(data_dir);
    let (tx, rx) = crossbeam_channel::unbounded();
    let wake = Arc::new(OnceLock::new());
    let service = Service {
        tx,
        wake: Arc::clone(&wake),
    };
    conn.object_server().at(PATH, service)?;
    let reply = conn.request_name_with_flags(name.as_str(), RequestNameFlags::DoNotQueue.into());
    match reply {
        Ok(RequestNameReply::PrimaryOwner | RequestNameReply::AlreadyOwner) => {
            Ok(Claim::First(Instance {
                _conn: conn,
                rx,
                wake,
            }))
        }
        Err(e) if !matches!(e, zbus::Error::NameTaken) => Err(e.into()),
        // zbus reports `Exists` as `NameTaken`.
        Ok(RequestNameReply::Exists | RequestNameReply::InQueue) | Err(_) => {
            let proxy = Proxy::new(&conn, name.as_str(), PATH, IFACE)?;
            let paths: Vec<String> = files
                .iter()
                .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            let taken: bool = proxy.call("Open", &(paths,))?; // not translated: a D-Bus method name
            if taken {
                Ok(Claim::Handed)
            } else {
                Err(Error::Refused)
            }
        }
    }
}

//! A second real POP3 server beside Dovecot: Courier's `courierpop3d`
//! (Debian `courier-pop`), one process per connection, on 127.0.0.1, over
//! a Maildir in a temporary directory. No system service is started.
//!
//! Courier splits a session in two programs: `courierpop3login` runs the
//! AUTHORIZATION state (RFC 1939 §4) against `authdaemond`, whose config
//! and socket paths are compiled in (`/etc/courier`, `/run/courier`), and
//! then execs `courierpop3d` with `AUTHENTICATED` and the Maildir. A
//! system-wide authdaemon is what this launcher avoids, so the
//! AUTHORIZATION state is played here, in test code: Courier's greeting and
//! pre-login CAPA (as `courierpop3login` sends them), USER/PASS checked
//! against the one user. The reply to PASS and the whole TRANSACTION and
//! UPDATE states (STAT, LIST, UIDL, TOP, RETR, DELE, RSET, CAPA, QUIT) are
//! Courier's own `courierpop3d`, talking on the socket itself: the front
//! reads byte by byte, so nothing the client sent after PASS is held back.
//!
//! Courier sends a Maildir file with its LF line ends as CRLF; its truth is
//! what RETR delivers.
//!
//! The `courier-pop` package cannot be installed beside `dovecot-pop3d`
//! (both provide `pop3-server` and conflict), so its `.deb` is fetched with
//! `apt-get download` and unpacked with `dpkg-deb -x` into a cache folder
//! under the system temp dir, once; its libraries (`courier-authlib`, …)
//! are ordinary packages in `support::system`'s list.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

const POP3D_IN_DEB: &str = "usr/lib/courier/courier/courierpop3d";

/// The user and password the front accepts.
pub const USER: &str = "carol";
/// The password of [`USER`].
pub const PASSWORD: &str = "carol-pw";

/// A running Courier POP3 front; stops accepting when dropped.
pub struct Courier {
    dir: tempfile::TempDir,
    port: u16,
    stop: Arc<AtomicBool>,
    /// Sessions still running: Courier answers `+OK` to QUIT before it has
    /// removed the deleted files, so the Maildir is read only after they end.
    sessions: Arc<AtomicUsize>,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

impl Courier {
    /// Starts the front, panicking with the package to install when Courier is missing.
    pub fn start() -> Courier {
        if let Err(e) = super::system::ensure() {
            panic!("cannot start Courier pop3d: {e}");
        }
        let pop3d = match pop3d() {
            Ok(p) => p,
            Err(e) => panic!("cannot get Courier pop3d: {e}"),
        };
        let dir = tempfile::Builder::new()
            .prefix("popmail-courier")
            .tempdir()
            .expect("temp dir");
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(dir.path().join("Maildir").join(sub)).expect("maildir");
        }
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).expect("nonblocking");
        let port = listener.local_addr().expect("addr").port();
        let stop = Arc::new(AtomicBool::new(false));
        let (stop2, maildir) = (stop.clone(), dir.path().join("Maildir"));
        let pop3d = Arc::new(pop3d);
        let sessions = Arc::new(AtomicUsize::new(0));
        let live = sessions.clone();
        std::thread::Builder::new()
            .name("courier-front".into())
            .spawn(move || {
                while !stop2.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let (maildir, pop3d) = (maildir.clone(), pop3d.clone());
                            let live = live.clone();
                            live.fetch_add(1, Ordering::SeqCst);
                            // One thread per connection, as a forking server would.
                            let spawned = std::thread::Builder::new()
                                .name("courier-session".into())
                                .spawn(move || {
                                    front(stream, &maildir, &pop3d);
                                    live.fetch_sub(1, Ordering::SeqCst);
                                });
                            assert!(spawned.is_ok(), "cannot start a Courier session thread");
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
            .expect("spawn courier front");
        Courier {
            dir,
            port,
            stop,
            sessions,
        }
    }

    /// The port on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The Maildir Courier serves.
    pub fn maildir(&self) -> PathBuf {
        self.dir.path().join("Maildir")
    }

    /// Delivers a message (Maildir `new/`, LF line ends as Maildir wants).
    pub fn add_message(&self, bytes: &[u8]) {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let name = format!(
            "{}.P{}Q{n}.popmail-test",
            1_700_000_000 + n,
            std::process::id()
        );
        let tmp = self.maildir().join("tmp").join(&name);
        std::fs::write(&tmp, bytes).expect("write message");
        std::fs::rename(&tmp, self.maildir().join("new").join(&name)).expect("deliver");
    }

    /// Messages in the Maildir (`new/` and `cur/`), once every session has
    /// ended (waiting at most a minute).
    pub fn message_count(&self) -> usize {
        let deadline = std::time::Instant::now() + Duration::from_secs(60);
        while self.sessions.load(Ordering::SeqCst) > 0 {
            assert!(
                std::time::Instant::now() < deadline,
                "a Courier session did not end within a minute"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        ["new", "cur"]
            .iter()
            .map(|sub| {
                std::fs::read_dir(self.maildir().join(sub))
                    .map(|d| d.count())
                    .unwrap_or(0)
            })
            .sum()
    }
}

impl Drop for Courier {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// Reads one command line byte by byte (no read-ahead past it).
fn line(stream: &mut TcpStream) -> Option<String> {
    let mut out = Vec::new();
    let mut b = [0u8; 1];
    while out.last() != Some(&b'\n') {
        if stream.read(&mut b).ok()? == 0 || out.len() > 1024 {
            return None;
        }
        out.push(b[0]);
    }
    Some(String::from_utf8_lossy(&out).trim_end().to_string())
}

/// The unpacked `courierpop3d`, fetched and unpacked on first use.
fn pop3d() -> Result<PathBuf, String> {
    static DONE: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    DONE.get_or_init(unpack).clone()
}

fn run(cmd: &mut Command) -> Result<(), String> {
    let out = cmd
        .output()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{cmd:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

fn unpack() -> Result<PathBuf, String> {
    let how = "these tests need Courier's pop3d from the Debian package courier-pop \
               (`apt-get download courier-pop`, as root with the network to Debian)";
    let cache = std::env::temp_dir().join("popmail-tests-courier-pop");
    let binary = cache.join("root").join(POP3D_IN_DEB);
    if binary.exists() {
        return Ok(binary);
    }
    let _ = std::fs::remove_dir_all(&cache); // a half-made cache from an earlier run
    std::fs::create_dir_all(&cache).map_err(|e| format!("{}: {e}", cache.display()))?;
    // apt's sandbox user must be able to write the download folder.
    std::fs::set_permissions(&cache, std::os::unix::fs::PermissionsExt::from_mode(0o777))
        .map_err(|e| e.to_string())?;
    run(Command::new("apt-get")
        .args(["download", "-qq", "courier-pop"])
        .current_dir(&cache))
    .map_err(|e| format!("{e}; {how}"))?;
    let deb = std::fs::read_dir(&cache)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "deb"))
        .ok_or_else(|| format!("apt-get download left no .deb; {how}"))?;
    run(Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(cache.join("root")))
    .map_err(|e| format!("{e}; {how}"))?;
    if binary.exists() {
        Ok(binary)
    } else {
        Err(format!(
            "{} is not in {}; {how}",
            POP3D_IN_DEB,
            deb.display()
        ))
    }
}

/// The AUTHORIZATION state, then `courierpop3d` on the socket.
fn front(mut s: TcpStream, maildir: &Path, pop3d: &Path) {
    let _ = s.set_read_timeout(Some(Duration::from_secs(30)));
    let say = |s: &mut TcpStream, text: &str| s.write_all(text.as_bytes()).is_ok();
    if !say(&mut s, "+OK Hello there.\r\n") {
        return;
    }
    let mut user_ok = false;
    while let Some(cmd) = line(&mut s) {
        let (verb, arg) = cmd.split_once(' ').unwrap_or((cmd.as_str(), ""));
        let reply = match verb.to_ascii_uppercase().as_str() {
            // courierpop3login's pre-login list (pop3login.c).
            // No STLS: this front has no TLS (Dovecot covers TLS).
            "CAPA" => "+OK Here's what I can do:\r\nTOP\r\nUSER\r\nLOGIN-DELAY 10\r\nPIPELINING\r\nUIDL\r\nIMPLEMENTATION Courier Mail Server\r\n.\r\n"
                .to_string(),
            "USER" => {
                user_ok = arg == USER;
                "+OK Password required.\r\n".into()
            }
            "PASS" if user_ok && arg == PASSWORD => {
                let (Ok(a), Ok(b)) = (s.try_clone(), s.try_clone()) else {
                    return;
                };
                let status = Command::new(pop3d)
                    .arg(maildir)
                    .env_clear()
                    .env("PATH", "/usr/bin:/bin")
                    .env("AUTHENTICATED", USER)
                    .env("MAILDIR", maildir)
                    .env("TCPREMOTEIP", "127.0.0.1")
                    .stdin(Stdio::from(OwnedFd::from(a)))
                    .stdout(Stdio::from(OwnedFd::from(b)))
                    .stderr(Stdio::null())
                    .status();
                // The session ends with courierpop3d; its exit status is Courier's business.
                let _ = status;
                return;
            }
            "PASS" => "-ERR Login failed.\r\n".into(),
            "QUIT" => {
                say(&mut s, "+OK Better luck next time.\r\n");
                return;
            }
            _ => "-ERR Invalid command.\r\n".into(),
        };
        if !say(&mut s, &reply) {
            return;
        }
    }
}

//! A private D-Bus session bus for the tests (`dbus-daemon --session` on a
//! socket of its own, never the user's), and the system keychain on it:
//! gnome-keyring's Secret Service, unlocked with a test password, its
//! keyrings in a temporary home. The popmail binary run with
//! [`Keychain::command`] finds that keychain through
//! `DBUS_SESSION_BUS_ADDRESS`, exactly as a desktop session's program would.
//! Both daemons are killed when the value is dropped.

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::system;

/// A `dbus-daemon` session bus of the test's own.
pub struct SessionBus {
    daemon: Child,
    address: String,
}

impl SessionBus {
    /// Starts the bus (installing `dbus-daemon` first if the suite may).
    pub fn start() -> Self {
        system::ensure().unwrap_or_else(|e| panic!("a private D-Bus needs: {e}"));
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--nopidfile", "--print-address=1"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            // It warns that it cannot raise its fd limit as a test user.
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-daemon");
        let stdout = daemon.stdout.take().expect("dbus-daemon's stdout");
        let mut address = String::new();
        BufReader::new(stdout)
            .read_line(&mut address)
            .expect("dbus-daemon prints its address");
        let address = address.trim().to_string();
        assert!(
            address.starts_with("unix:"),
            "dbus-daemon printed no address: {address:?}"
        );
        SessionBus { daemon, address }
    }

    /// The bus address (`DBUS_SESSION_BUS_ADDRESS`).
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Whether a client owns `name` on this bus.
    pub fn has_owner(&self, name: &str) -> bool {
        Command::new("dbus-send")
            .args([
                &format!("--bus={}", self.address),
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                &format!("string:{name}"),
            ])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("boolean true"))
    }

    /// Waits (at most 20 s) until a client owns `name` on this bus.
    pub fn wait_for(&self, name: &str) {
        let start = Instant::now();
        while !self.has_owner(name) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "nothing took the D-Bus name {name} within 20 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        // Already gone is fine: the test is over either way.
        let _ = self.daemon.kill(); // see above
        let _ = self.daemon.wait(); // reaps it; nothing to report
    }
}

/// The system keychain (gnome-keyring's Secret Service) on a private bus.
pub struct Keychain {
    daemon: Child,
    bus: SessionBus,
    _home: tempfile::TempDir,
}

impl Keychain {
    /// Starts a bus and an unlocked gnome-keyring on it.
    pub fn start() -> Self {
        let bus = SessionBus::start();
        let home = tempfile::tempdir().expect("keychain home");
        let run = home.path().join("run");
        std::fs::create_dir(&run).expect("runtime dir");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&run, std::fs::Permissions::from_mode(0o700))
                .expect("runtime dir mode");
        }
        let mut daemon = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", bus.address())
            .env("HOME", home.path())
            .env("XDG_RUNTIME_DIR", &run)
            .env("XDG_DATA_HOME", home.path().join("data"))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start gnome-keyring-daemon");
        {
            let mut stdin = daemon.stdin.take().expect("its stdin");
            stdin
                .write_all(b"keychain test password")
                .expect("unlock the keyring");
        }
        bus.wait_for("org.freedesktop.secrets");
        Keychain {
            daemon,
            bus,
            _home: home,
        }
    }

    /// The bus the keychain is on.
    pub fn bus(&self) -> &SessionBus {
        &self.bus
    }

    /// Points `command` at this keychain (and lifts the suite's usual
    /// `POPMAIL_NO_KEYCHAIN`).
    pub fn apply<'c>(&self, command: &'c mut Command) -> &'c mut Command {
        command
            .env("DBUS_SESSION_BUS_ADDRESS", self.bus.address())
            .env_remove("POPMAIL_NO_KEYCHAIN")
    }
}

impl Drop for Keychain {
    fn drop(&mut self) {
        // Already gone is fine: the test is over either way.
        let _ = self.daemon.kill(); // see above
        let _ = self.daemon.wait(); // reaps it; nothing to report
    }
}

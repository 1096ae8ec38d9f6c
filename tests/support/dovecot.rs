//! Starts a private Dovecot POP3 server (Debian `dovecot-pop3d`) on
//! 127.0.0.1 for interop tests and benchmarks.
//!
//! Everything lives in a temporary directory: the config, a generated CA and
//! server certificate (`support::certs`), a passwd-file with plaintext
//! passwords (so APOP and CRAM-MD5 work), maildirs owned by uid/gid 8
//! (`mail`; Dovecot refuses uid 0), the base_dir and the log file. Ports are
//! free ports picked at start. The server is killed on drop.
//!
//! Usable from a bench with
//! `#[path = "../tests/support/certs.rs"] mod certs;` and
//! `#[path = "../tests/support/dovecot.rs"] mod dovecot;` (it uses only
//! std and `tempfile`).

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::certs::TestCerts;

const DOVECOT: &str = "/usr/sbin/dovecot";
const POP3_BINARY: &str = "/usr/lib/dovecot/pop3";
const MAIL_ID: u32 = 8;

/// What to start.
#[derive(Debug, Clone)]
pub struct DovecotOptions {
    /// (user name, password) pairs.
    pub users: Vec<(String, String)>,
    /// Enable TLS: implicit TLS on [`Dovecot::tls_port`] and STLS on the
    /// plain port. When false, neither is offered.
    pub tls: bool,
    /// Advertise and allow PIPELINING (Dovecot always does; kept for clarity).
    pub pipelining: bool,
    /// The loopback address to listen on (loopback answers on all of 127/8).
    pub address: &'static str,
    /// The server certificate's subjectAltName (openssl syntax).
    pub cert_san: &'static str,
    /// The oauth2 passdb variant: the URL of an RFC 7662 introspection
    /// endpoint (`support::idp`). Users then sign in with access tokens
    /// through XOAUTH2 / OAUTHBEARER (or PLAIN with the token), checked by
    /// `passdb { driver = oauth2 }` instead of the passwd-file; their
    /// passwords in `users` are ignored.
    pub oauth2_introspection: Option<String>,
}

impl Default for DovecotOptions {
    fn default() -> Self {
        DovecotOptions {
            users: vec![("alice".into(), "alice-pw".into())],
            tls: true,
            pipelining: true,
            address: "127.0.0.1",
            cert_san: super::certs::DEFAULT_SAN,
            oauth2_introspection: None,
        }
    }
}

/// A running Dovecot; killed when dropped.
pub struct Dovecot {
    child: Child,
    address: &'static str,
    dir: tempfile::TempDir,
    plain_port: u16,
    tls_port: Option<u16>,
    certs: Option<TestCerts>,
}

fn free_port() -> Result<u16, String> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(l.local_addr().map_err(|e| e.to_string())?.port())
}

fn chown_mail(path: &Path) -> Result<(), String> {
    std::os::unix::fs::chown(path, Some(MAIL_ID), Some(MAIL_ID))
        .map_err(|e| format!("chown {}: {e}", path.display()))
}

fn mkdir(path: &Path, mail_owned: bool) -> Result<(), String> {
    std::fs::create_dir_all(path).map_err(|e| format!("mkdir {}: {e}", path.display()))?;
    std::fs::set_permissions(
        path,
        std::fs::Permissions::from_mode(if mail_owned { 0o700 } else { 0o755 }),
    )
    .map_err(|e| e.to_string())?;
    if mail_owned {
        chown_mail(path)?;
    }
    Ok(())
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

impl Dovecot {
    /// Starts Dovecot, panicking with a clear message (naming the package to
    /// install) when it cannot.
    pub fn start(opts: &DovecotOptions) -> Dovecot {
        match Dovecot::try_start(opts) {
            Ok(d) => d,
            Err(e) => panic!("cannot start Dovecot: {e}"),
        }
    }

    /// Starts Dovecot, or says why not.
    pub fn try_start(opts: &DovecotOptions) -> Result<Dovecot, String> {
        super::system::ensure()?;
        if !Path::new(DOVECOT).exists() || !Path::new(POP3_BINARY).exists() {
            return Err(format!(
                "{DOVECOT} or {POP3_BINARY} is missing: these tests need a real POP3 server; run `apt-get install dovecot-pop3d`"
            ));
        }
        let mut last = String::new();
        for _ in 0..3 {
            match Dovecot::start_once(opts) {
                Ok(d) => return Ok(d),
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    fn start_once(opts: &DovecotOptions) -> Result<Dovecot, String> {
        let dir = tempfile::Builder::new()
            .prefix("popmail-dovecot")
            .tempdir()
            .map_err(|e| e.to_string())?;
        let root = dir.path().to_path_buf();
        mkdir(&root, false)?;
        for sub in ["run", "state", "certs"] {
            mkdir(&root.join(sub), false)?;
        }
        mkdir(&root.join("mail"), false)?;
        let certs = if opts.tls {
            Some(TestCerts::generate_for(&root.join("certs"), opts.cert_san)?)
        } else {
            None
        };
        let mut passwd = String::new();
        for (user, pw) in &opts.users {
            passwd.push_str(&format!("{user}:{{PLAIN}}{pw}::::::\n"));
            mkdir(&root.join("mail").join(user), true)?;
            for sub in ["cur", "new", "tmp"] {
                mkdir(&root.join("mail").join(user).join(sub), true)?;
            }
        }
        std::fs::write(root.join("passwd"), passwd).map_err(|e| e.to_string())?;
        let plain_port = free_port()?;
        let tls_port = if opts.tls { Some(free_port()?) } else { None };
        let ssl = match &certs {
            Some(c) => format!(
                "ssl = yes\nssl_cert = <{}\nssl_key = <{}\nssl_min_protocol = TLSv1.2\n",
                c.cert_pem.display(),
                c.key_pem.display()
            ),
            None => "ssl = no\n".to_string(),
        };
        let r = root.display();
        let (mechanisms, passdb) = match &opts.oauth2_introspection {
            None => (
                "plain login cram-md5 apop".to_string(),
                format!(
                    "driver = passwd-file\n  args = scheme=PLAIN username_format=%u {r}/passwd"
                ),
            ),
            Some(url) => {
                std::fs::write(
                    root.join("oauth2.conf"),
                    format!(
                        "introspection_mode = post\nintrospection_url = {url}\n\
                         force_introspection = yes\nusername_attribute = username\n\
                         active_attribute = active\nactive_value = true\n"
                    ),
                )
                .map_err(|e| e.to_string())?;
                (
                    "plain xoauth2 oauthbearer".to_string(),
                    format!("driver = oauth2\n  args = {r}/oauth2.conf"),
                )
            }
        };
        let config = format!(
            "base_dir = {r}/run
state_dir = {r}/state
log_path = {r}/dovecot.log
info_log_path = {r}/dovecot.log
protocols = pop3
listen = {address}
{ssl}disable_plaintext_auth = no
auth_mechanisms = {mechanisms}
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
mail_location = maildir:{r}/mail/%u
first_valid_uid = {MAIL_ID}
first_valid_gid = {MAIL_ID}
mail_uid = {MAIL_ID}
mail_gid = {MAIL_ID}
default_internal_user = dovecot
default_login_user = dovenull
pop3_uidl_format = %08Xu%08Xv
passdb {{
  {passdb}
}}
userdb {{
  driver = static
  args = uid={MAIL_ID} gid={MAIL_ID} home={r}/mail/%u
}}
service pop3-login {{
  inet_listener pop3 {{
    address = {address}
    port = {plain_port}
  }}
  inet_listener pop3s {{
    address = {address}
    port = {tls}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
{penalty}}}
",
            tls = tls_port.unwrap_or(0),
            address = opts.address,
            // With OAuth, tests refuse tokens on purpose and log in again
            // at once; the auth penalty (2 s, doubling, per client IP)
            // would stall them. An unusable anvil socket turns it off
            // (Dovecot's documented way).
            penalty = if opts.oauth2_introspection.is_some() {
                "  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n"
            } else {
                ""
            },
        );
        let conf_path = root.join("dovecot.conf");
        std::fs::write(&conf_path, config).map_err(|e| e.to_string())?;
        let child = Command::new(DOVECOT)
            .arg("-F")
            .arg("-c")
            .arg(&conf_path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run {DOVECOT}: {e}; apt-get install dovecot-pop3d"))?;
        let mut d = Dovecot {
            child,
            address: opts.address,
            dir,
            plain_port,
            tls_port,
            certs,
        };
        d.wait_ready()?;
        Ok(d)
    }

    fn wait_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                let mut err = String::new();
                if let Some(mut e) = self.child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut err);
                }
                return Err(format!(
                    "dovecot exited ({status}): {err}\n{}",
                    self.log_text()
                ));
            }
            if let Ok(s) = TcpStream::connect((self.address, self.plain_port)) {
                let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
                let mut line = String::new();
                if BufReader::new(s).read_line(&mut line).is_ok() && line.starts_with("+OK") {
                    return Ok(());
                }
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err(format!(
            "dovecot did not answer within 15 s\n{}",
            self.log_text()
        ))
    }

    /// The implicit-TLS (pop3s) port. Panics if started without TLS.
    pub fn tls_port(&self) -> u16 {
        self.tls_port.expect("Dovecot was started with tls: false")
    }

    /// The plain port (STLS offered there when TLS is on).
    pub fn plain_port(&self) -> u16 {
        self.plain_port
    }

    /// The CA that signed the server certificate. Panics without TLS.
    pub fn ca_pem_path(&self) -> PathBuf {
        self.certs
            .as_ref()
            .expect("Dovecot was started with tls: false")
            .ca_pem
            .clone()
    }

    /// SHA-256 fingerprint of the server certificate (lowercase hex). Panics without TLS.
    pub fn server_sha256(&self) -> String {
        self.certs
            .as_ref()
            .expect("Dovecot was started with tls: false")
            .sha256
            .clone()
    }

    /// The user's maildir.
    pub fn maildir(&self, user: &str) -> PathBuf {
        self.dir.path().join("mail").join(user)
    }

    /// Delivers a message into the user's maildir (`new/`), owned by `mail`.
    pub fn add_message(&self, user: &str, bytes: &[u8]) {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let name = format!(
            "{}.P{}Q{n}.popmail-test",
            1_700_000_000 + n,
            std::process::id()
        );
        let dir = self.maildir(user);
        let tmp = dir.join("tmp").join(&name);
        std::fs::write(&tmp, bytes).expect("write message");
        chown_mail(&tmp).expect("chown message");
        std::fs::rename(&tmp, dir.join("new").join(&name)).expect("deliver message");
    }

    /// Messages in the user's maildir (`new/` and `cur/`).
    pub fn message_count(&self, user: &str) -> usize {
        ["new", "cur"]
            .iter()
            .map(|sub| {
                std::fs::read_dir(self.maildir(user).join(sub))
                    .map(|d| d.count())
                    .unwrap_or(0)
            })
            .sum()
    }

    /// Dovecot's log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        // SIGTERM lets the master stop its children; SIGKILL if it lingers.
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

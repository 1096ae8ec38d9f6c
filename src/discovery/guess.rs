//! The last step of discovery: guess `pop.DOMAIN`, `pop3.DOMAIN` and
//! `mail.DOMAIN`, first on port 995 with implicit TLS, then on 110 with STLS
//! (RFC 8314 §5.1 prefers implicit TLS; RFC 2595 STLS fails closed), and
//! keep the first that answers as a POP3 server.
//!
//! The probe goes through [`Prober`], so tests can send it to 127.0.0.1;
//! [`Pop3Prober`] uses the POP3 client's own connect (greeting, CAPA, STLS,
//! certificate check) and logs in to nothing.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::account::Security;
use crate::pop3;
use crate::secret::Secret;
use crate::worker::Cancel;

/// How long one probe may wait for the connection and for each answer.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(6);

/// Checks whether a POP3 server answers at a host and port.
pub trait Prober: Send + Sync {
    /// `Ok` when a POP3 server greeted (and, for TLS or STLS, the
    /// encryption came up with a trusted certificate); else why not.
    fn probe(
        &self,
        host: &str,
        port: u16,
        security: Security,
        cancel: &Cancel,
    ) -> Result<(), String>;
}

/// Rewrites the probed address (host, port) → (host, port); tests send the
/// guesses to a local server this way.
pub type Target = Arc<dyn Fn(&str, u16) -> (String, u16) + Send + Sync>;

/// Probes with [`pop3::Client::connect`].
#[derive(Clone, Default)]
pub struct Pop3Prober {
    /// An extra trusted CA certificate (PEM).
    pub ca_file: Option<PathBuf>,
    /// Where the connection really goes (tests); `None`: where it says.
    pub target: Option<Target>,
}

impl Prober for Pop3Prober {
    fn probe(
        &self,
        host: &str,
        port: u16,
        security: Security,
        cancel: &Cancel,
    ) -> Result<(), String> {
        if cancel.is_cancelled() {
            return Err("cancelled".to_string());
        }
        let (host, port) = match &self.target {
            Some(t) => t(host, port),
            None => (host.to_string(), port),
        };
        let mut cfg = pop3::Config::new(host, "", Secret::new(String::new()));
        cfg.security = security;
        cfg.port = port;
        cfg.ca_file.clone_from(&self.ca_file);
        cfg.connect_timeout = PROBE_TIMEOUT;
        cfg.read_timeout = PROBE_TIMEOUT;
        let client = pop3::Client::connect(&cfg).map_err(|e| e.to_string())?;
        // The probe only needed the greeting; a failed QUIT changes nothing.
        let _ = client.quit(); // only the greeting mattered
        Ok(())
    }
}

/// The guesses for `domain`, in the order tried.
pub fn candidates(domain: &str) -> Vec<(String, u16, Security)> {
    let mut out = Vec::new();
    for security in [Security::Tls, Security::StartTls] {
        for prefix in ["pop", "pop3", "mail"] {
            out.push((
                format!("{prefix}.{domain}"),
                security.default_port(),
                security,
            ));
        }
    }
    out
}

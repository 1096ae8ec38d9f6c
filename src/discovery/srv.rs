//! DNS SRV records for POP3 (RFC 6186 §3.2): `_pop3s._tcp.DOMAIN` (implicit
//! TLS, preferred as RFC 8314 §5.1 asks) then `_pop3._tcp.DOMAIN` (used with
//! STLS, never in the clear). A target of `.` means "no such service here"
//! (RFC 2782). The third step of discovery.
//!
//! The look-up goes through [`SrvResolver`], so tests can answer from a
//! local DNS stub; [`SystemResolver`] asks the system's name servers through
//! [`crate::oauth::dns`].

use std::net::SocketAddr;
use std::time::Duration;

use crate::account::Security;
use crate::oauth::dns::{self, SrvRecord};
use crate::worker::Cancel;

/// How long one name server has to answer.
pub const DNS_TIMEOUT: Duration = Duration::from_secs(4);

/// Answers SRV questions.
pub trait SrvResolver: Send + Sync {
    /// The SRV records of `name`, best first; empty when there are none.
    fn srv(&self, name: &str, cancel: &Cancel) -> Result<Vec<SrvRecord>, String>;
}

/// Asks the given name servers (the system's by default) over UDP.
#[derive(Debug, Clone)]
pub struct SystemResolver {
    /// The name servers, tried in order.
    pub servers: Vec<SocketAddr>,
    /// How long each has to answer.
    pub timeout: Duration,
}

impl SystemResolver {
    /// The name servers of `/etc/resolv.conf`.
    pub fn new() -> Self {
        SystemResolver {
            servers: dns::system_nameservers(),
            timeout: DNS_TIMEOUT,
        }
    }
}

impl Default for SystemResolver {
    fn default() -> Self {
        Self::new()
    }
}

impl SrvResolver for SystemResolver {
    fn srv(&self, name: &str, cancel: &Cancel) -> Result<Vec<SrvRecord>, String> {
        dns::lookup_srv(&self.servers, name, self.timeout, cancel).map_err(|e| e.to_string())
    }
}

/// The first usable server the SRV records of `domain` name: `(record name,
/// host, port, security)`, or why there is none.
pub fn find(
    resolver: &dyn SrvResolver,
    domain: &str,
    cancel: &Cancel,
) -> Result<(String, String, u16, Security), String> {
    let mut why = Vec::new();
    for (service, security) in [("_pop3s", Security::Tls), ("_pop3", Security::StartTls)] {
        let name = format!("{service}._tcp.{domain}");
        match resolver.srv(&name, cancel) {
            Ok(records) => {
                let usable = records.into_iter().find(|r| {
                    r.port > 0 && super::autoconfig::valid_host(&r.target) && r.target != "."
                });
                match usable {
                    Some(r) => return Ok((name, r.target.to_ascii_lowercase(), r.port, security)),
                    None => why.push(crate::t!("discovery-srv-no-record", name = &name)),
                }
            }
            Err(e) => why.push(format!("{name}: {e}")),
        }
    }
    Err(why.join("; "))
}

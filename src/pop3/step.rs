//! Progress of opening a POP3 session, reported as it happens (the
//! "Test connection" view): name resolution, TCP, TLS (RFC 8314 implicit
//! TLS or RFC 2595 STLS), the RFC 1939 greeting and the RFC 2449 `CAPA`
//! capabilities. A leaf: the transport, the login state machine and the
//! client all report through it.

use std::net::SocketAddr;

use crate::pop3::capa::Capabilities;
use crate::pop3::cert::CertInfo;

/// A step of connecting, reported as it happens (for "Test connection").
#[derive(Debug, Clone)]
pub enum Step {
    /// The host name resolved to these addresses.
    Resolved {
        /// Addresses found.
        addrs: Vec<SocketAddr>,
    },
    /// TCP connected.
    Connected {
        /// The address connected to.
        addr: SocketAddr,
    },
    /// TLS is up and the certificate verified.
    TlsEstablished {
        /// The server certificate.
        cert: CertInfo,
        /// True for STLS, false for implicit TLS.
        upgraded: bool,
    },
    /// The server greeted us.
    Greeting {
        /// Greeting text.
        text: String,
    },
    /// The capabilities are known.
    Capabilities(Capabilities),
}

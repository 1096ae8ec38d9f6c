//! The byte stream under a session: TCP (std) with TLS (native-tls).
//!
//! - Implicit TLS (RFC 8314 §3.3) handshakes right after the TCP connect;
//!   STLS (RFC 2595 §4) upgrades a plain stream in [`Transport::start_tls`].
//! - Verification is always on: the system roots plus an optional extra CA
//!   file, and the host name. A pinned SHA-256 fingerprint replaces chain
//!   verification: the leaf certificate must then match it exactly, which is
//!   the only way a self-signed certificate is accepted.
//! - When verification fails, a second connection that accepts any
//!   certificate (and sends nothing but `STLS` where needed) fetches the
//!   certificate, so [`Error::CertificateUntrusted`] can report its subject
//!   and fingerprint and the UI can offer pinning; or, when the certificate
//!   is for other names than the host, [`Error::CertificateNameMismatch`]
//!   names both (and pinning is not offered). No credential is ever sent
//!   on that connection.
//! - Every read and write has the account's timeout.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::time::Duration;

use native_tls::{Certificate, HandshakeError, TlsConnector, TlsStream};

use crate::pop3::cert::{CertInfo, normalize_fingerprint};
use crate::pop3::config::{Config, Security};
use crate::pop3::error::Error;
use crate::pop3::response::{STATUS_LINE_MAX, find_line, parse_status};
use crate::pop3::step::Step;

/// A byte stream a [`crate::pop3::Client`] talks over. Implemented by
/// [`TcpTransport`]; tests implement it to replay byte transcripts.
pub trait Transport: Read + Write + Send {
    /// Whether the bytes are encrypted on the wire.
    fn is_encrypted(&self) -> bool;
    /// The verified server certificate, once TLS is up.
    fn certificate(&self) -> Option<&CertInfo>;
    /// Performs the TLS handshake after a `+OK` to `STLS`.
    fn start_tls(self: Box<Self>) -> Result<Box<dyn Transport>, Error>;
    /// Changes how long a read may wait, e.g. shortened for the `QUIT` of
    /// an error path. Transports without a socket (test replays) keep the
    /// default, which changes nothing.
    fn set_read_timeout(&mut self, _timeout: Duration) -> io::Result<()> {
        Ok(())
    }
}

#[derive(Debug, Clone)]
struct TlsSettings {
    host: String,
    ca_pem: Option<Vec<u8>>,
    pin: Option<String>,
    timeout: Duration,
    connect_timeout: Duration,
    addr: SocketAddr,
}

enum Inner {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

/// A TCP connection, plain or TLS.
pub struct TcpTransport {
    inner: Inner,
    settings: TlsSettings,
    cert: Option<CertInfo>,
}

fn io_error(during: &str, e: io::Error) -> Error {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => Error::Timeout {
            during: during.to_string(),
        },
        io::ErrorKind::UnexpectedEof
        | io::ErrorKind::ConnectionReset
        | io::ErrorKind::ConnectionAborted
        | io::ErrorKind::BrokenPipe => Error::ConnectionClosed {
            during: during.to_string(),
        },
        _ => Error::Io {
            during: during.to_string(),
            source: e,
        },
    }
}

/// Maps a socket error to [`Error`] with what was being done.
pub(crate) fn map_io(during: &str, e: io::Error) -> Error {
    io_error(during, e)
}

fn tcp_connect(
    addr: SocketAddr,
    settings_timeout: Duration,
    connect_timeout: Duration,
) -> Result<TcpStream, Error> {
    let stream =
        TcpStream::connect_timeout(&addr, connect_timeout).map_err(|e| match e.kind() {
            io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => Error::Timeout {
                during: crate::t!("pop3-during-connecting", addr = addr.to_string()),
            },
            _ => Error::Connect {
                addr: addr.to_string(),
                source: e,
            },
        })?;
    let set =
        |r: io::Result<()>| r.map_err(|e| io_error(&crate::t!("pop3-during-socket-setup"), e));
    set(stream.set_read_timeout(Some(settings_timeout)))?;
    set(stream.set_write_timeout(Some(settings_timeout)))?;
    set(stream.set_nodelay(true))?;
    Ok(stream)
}

fn connector(settings: &TlsSettings, accept_any: bool) -> Result<TlsConnector, Error> {
    let mut b = TlsConnector::builder();
    b.min_protocol_version(Some(native_tls::Protocol::Tlsv12));
    if let Some(pem) = &settings.ca_pem {
        for cert in Certificate::stack_from_pem(pem).map_err(|e| Error::InvalidConfig {
            detail: crate::t!("pop3-bad-ca-file", error = e.to_string()),
        })? {
            b.add_root_certificate(cert);
        }
    }
    if accept_any {
        b.danger_accept_invalid_certs(true);
        b.danger_accept_invalid_hostnames(true);
    }
    b.build().map_err(|e| Error::Tls {
        detail: e.to_string(),
    })
}

fn peer_info(stream: &TlsStream<TcpStream>) -> Result<CertInfo, Error> {
    let cert = stream
        .peer_certificate()
        .map_err(|e| Error::Tls {
            detail: e.to_string(),
        })?
        .ok_or_else(|| Error::Tls {
            detail: crate::t!("pop3-no-certificate"),
        })?;
    let der = cert.to_der().map_err(|e| Error::Tls {
        detail: e.to_string(),
    })?;
    Ok(CertInfo::from_der(&der))
}

enum Handshake {
    Done(Box<TlsStream<TcpStream>>, CertInfo),
    Untrusted(String),
}

fn handshake(tcp: TcpStream, settings: &TlsSettings, accept_any: bool) -> Result<Handshake, Error> {
    let connector = connector(settings, accept_any || settings.pin.is_some())?;
    match connector.connect(&settings.host, tcp) {
        Ok(stream) => {
            let info = peer_info(&stream)?;
            if let Some(pin) = &settings.pin
                && !accept_any
                && *pin != info.sha256
            {
                return Err(Error::CertificateUntrusted {
                    subject: info.subject,
                    issuer: info.issuer,
                    sha256: info.sha256,
                    not_after: info.not_after,
                    reason: crate::t!("pop3-pin-mismatch"),
                });
            }
            Ok(Handshake::Done(Box::new(stream), info))
        }
        Err(HandshakeError::WouldBlock(_)) => Err(Error::Timeout {
            during: crate::t!("pop3-during-tls"),
        }),
        Err(HandshakeError::Failure(e)) if accept_any || settings.pin.is_some() => {
            Err(Error::Tls {
                detail: e.to_string(),
            })
        }
        Err(HandshakeError::Failure(e)) => Ok(Handshake::Untrusted(e.to_string())),
    }
}

/// Reads one status line without buffering past it (for the probe only).
fn probe_line(tcp: &mut TcpStream) -> Result<bool, Error> {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        let n = tcp
            .read(&mut byte)
            .map_err(|e| io_error(&crate::t!("pop3-during-probe"), e))?;
        if n == 0 {
            return Err(Error::ConnectionClosed {
                during: crate::t!("pop3-during-probe"),
            });
        }
        line.push(byte[0]);
        match find_line(&line, STATUS_LINE_MAX) {
            Ok(Some(l)) => {
                let content = line.get(..l.content_len).unwrap_or_default();
                // The probe only needs "+OK or not": a malformed line is a no.
                return Ok(parse_status(content).map(|s| s.ok).unwrap_or(false));
            }
            Ok(None) => {}
            Err(_) => return Ok(false),
        }
    }
}

/// Opens a second connection accepting any certificate, only to read the
/// certificate that failed verification. Sends nothing but `STLS`.
fn probe_certificate(settings: &TlsSettings, stls: bool) -> Result<CertInfo, Error> {
    let mut tcp = tcp_connect(settings.addr, settings.timeout, settings.connect_timeout)?;
    if stls {
        if !probe_line(&mut tcp)? {
            return Err(Error::Tls {
                detail: crate::t!("pop3-probe-bad-greeting"),
            });
        }
        tcp.write_all(b"STLS\r\n")
            .map_err(|e| io_error(&crate::t!("pop3-during-probe"), e))?;
        if !probe_line(&mut tcp)? {
            return Err(Error::Tls {
                detail: crate::t!("pop3-probe-stls-refused"),
            });
        }
    }
    match handshake(tcp, settings, true)? {
        Handshake::Done(_, info) => Ok(info),
        Handshake::Untrusted(detail) => Err(Error::Tls { detail }),
    }
}

fn secure(
    tcp: TcpStream,
    settings: &TlsSettings,
    stls: bool,
) -> Result<(Box<TlsStream<TcpStream>>, CertInfo), Error> {
    match handshake(tcp, settings, false)? {
        Handshake::Done(stream, info) => Ok((stream, info)),
        Handshake::Untrusted(reason) => match probe_certificate(settings, stls) {
            Ok(info) if !info.names.is_empty() && !info.is_for(&settings.host) => {
                Err(Error::CertificateNameMismatch {
                    host: settings.host.clone(),
                    names: info.names,
                    sha256: info.sha256,
                    reason,
                })
            }
            Ok(info) => Err(Error::CertificateUntrusted {
                subject: info.subject,
                issuer: info.issuer,
                sha256: info.sha256,
                not_after: info.not_after,
                reason,
            }),
            // The probe only adds detail; without it, the handshake's own reason stands.
            Err(_) => Err(Error::Tls { detail: reason }),
        },
    }
}

impl TcpTransport {
    /// Resolves the host, connects (trying each address), and for
    /// [`Security::Tls`] performs the handshake. Reports steps as they happen.
    pub fn connect(cfg: &Config, on_step: &mut dyn FnMut(&Step)) -> Result<TcpTransport, Error> {
        let pin = match &cfg.pinned_sha256 {
            Some(p) => Some(
                normalize_fingerprint(p).ok_or_else(|| Error::InvalidConfig {
                    detail: crate::t!("pop3-bad-pin", pin = p),
                })?,
            ),
            None => None,
        };
        let ca_pem = match &cfg.ca_file {
            Some(path) => Some(std::fs::read(path).map_err(|e| Error::InvalidConfig {
                detail: crate::t!(
                    "pop3-cannot-read-ca-file",
                    path = path.display().to_string(),
                    error = e.to_string()
                ),
            })?),
            None => None,
        };
        let addrs: Vec<SocketAddr> = (cfg.host.as_str(), cfg.port)
            .to_socket_addrs()
            .map_err(|e| Error::Resolve {
                host: cfg.host.clone(),
                source: e,
            })?
            .collect();
        on_step(&Step::Resolved {
            addrs: addrs.clone(),
        });
        let mut last = Error::Resolve {
            host: cfg.host.clone(),
            source: io::Error::new(io::ErrorKind::NotFound, crate::t!("pop3-no-addresses")),
        };
        for addr in addrs {
            match tcp_connect(addr, cfg.read_timeout, cfg.connect_timeout) {
                Ok(tcp) => {
                    on_step(&Step::Connected { addr });
                    let settings = TlsSettings {
                        host: cfg.host.clone(),
                        ca_pem,
                        pin,
                        timeout: cfg.read_timeout,
                        connect_timeout: cfg.connect_timeout,
                        addr,
                    };
                    let mut t = TcpTransport {
                        inner: Inner::Plain(tcp),
                        settings,
                        cert: None,
                    };
                    if cfg.security == Security::Tls {
                        t = t.upgrade(false)?;
                        if let Some(cert) = &t.cert {
                            on_step(&Step::TlsEstablished {
                                cert: cert.clone(),
                                upgraded: false,
                            });
                        }
                    }
                    return Ok(t);
                }
                Err(e) => last = e,
            }
        }
        Err(last)
    }

    fn upgrade(self, stls: bool) -> Result<TcpTransport, Error> {
        let Inner::Plain(tcp) = self.inner else {
            return Err(Error::Tls {
                detail: crate::t!("pop3-tls-already-active"),
            });
        };
        let (stream, info) = secure(tcp, &self.settings, stls)?;
        Ok(TcpTransport {
            inner: Inner::Tls(stream),
            settings: self.settings,
            cert: Some(info),
        })
    }
}

impl Read for TcpTransport {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.inner {
            Inner::Plain(s) => s.read(buf),
            Inner::Tls(s) => s.read(buf),
        }
    }
}

impl Write for TcpTransport {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.inner {
            Inner::Plain(s) => s.write(buf),
            Inner::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Inner::Plain(s) => s.flush(),
            Inner::Tls(s) => s.flush(),
        }
    }
}

impl Transport for TcpTransport {
    fn is_encrypted(&self) -> bool {
        matches!(self.inner, Inner::Tls(_))
    }

    fn certificate(&self) -> Option<&CertInfo> {
        self.cert.as_ref()
    }

    fn start_tls(self: Box<Self>) -> Result<Box<dyn Transport>, Error> {
        Ok(Box::new((*self).upgrade(true)?))
    }

    fn set_read_timeout(&mut self, timeout: Duration) -> io::Result<()> {
        let tcp = match &self.inner {
            Inner::Plain(s) => s,
            Inner::Tls(s) => s.get_ref(),
        };
        tcp.set_read_timeout(Some(timeout))
    }
}

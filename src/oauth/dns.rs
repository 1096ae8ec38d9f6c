//! DNS SRV look-ups for settings discovery (RFC 6186 §3.2: `_pop3s._tcp`
//! and `_pop3._tcp`), over UDP (RFC 1035 §4.2.1) to the system's name
//! servers (`/etc/resolv.conf`, resolv.conf(5)).
//!
//! Messages are encoded and parsed by `hickory-proto`; only the socket is
//! ours. Answers are hostile input: at most [`MAX_ANSWER`] bytes are read,
//! the answer's ID and question must match ours, every wait is bounded by
//! the caller's timeout, and a raised [`Cancel`] stops between servers.
//!
//! It lives in `oauth` because only `oauth` and `pop3` may open sockets;
//! `crate::discovery` uses it through its resolver trait.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

use hickory_proto::op::{Message, MessageType, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, RecordType};

use crate::worker::Cancel;

/// Largest UDP answer read (RFC 1035 §2.3.4 limits plain UDP to 512 bytes;
/// EDNS answers may be larger, so leave room).
pub const MAX_ANSWER: usize = 4096;

/// One SRV record (RFC 2782).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrvRecord {
    /// Lower is tried first.
    pub priority: u16,
    /// Among equal priorities, higher is chosen more often.
    pub weight: u16,
    /// The service's port.
    pub port: u16,
    /// The service's host, without the final dot (`.` alone means "no
    /// service here", RFC 2782).
    pub target: String,
}

/// Why a look-up failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsError {
    /// The name cannot be put in a DNS question.
    #[error("{}", crate::t!("error-dns-bad-name", name = name))]
    BadName {
        /// The name.
        name: String,
    },
    /// No name server answered in time, or the socket failed.
    #[error("{}", crate::t!("error-dns-no-answer", name = name, detail = detail))]
    NoAnswer {
        /// The name asked for.
        name: String,
        /// What went wrong.
        detail: String,
    },
    /// The name server answered with an error other than "no such name".
    #[error("{}", crate::t!("error-dns-refused", name = name, code = code))]
    ServerError {
        /// The name asked for.
        name: String,
        /// The response code.
        code: String,
    },
    /// The look-up was cancelled.
    #[error("{}", crate::t!("error-dns-cancelled"))]
    Cancelled,
}

/// The name servers of `/etc/resolv.conf` (port 53), else none.
pub fn system_nameservers() -> Vec<SocketAddr> {
    match std::fs::read_to_string("/etc/resolv.conf") {
        Ok(text) => parse_resolv_conf(&text),
        Err(_) => Vec::new(), // no resolv.conf: no SRV look-up, discovery goes on
    }
}

/// The `nameserver` lines of a resolv.conf(5) text.
pub fn parse_resolv_conf(text: &str) -> Vec<SocketAddr> {
    text.lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            match (words.next(), words.next()) {
                (Some("nameserver"), Some(addr)) => addr
                    .split('%')
                    .next()
                    .and_then(|a| a.parse::<IpAddr>().ok())
                    .map(|ip| SocketAddr::new(ip, 53)),
                _ => None,
            }
        })
        .collect()
}

/// Asks `servers` in turn for the SRV records of `name`, each within
/// `timeout`. "No such name" and "no records" give an empty list.
pub fn lookup_srv(
    servers: &[SocketAddr],
    name: &str,
    timeout: Duration,
    cancel: &Cancel,
) -> Result<Vec<SrvRecord>, DnsError> {
    let fqdn = if name.ends_with('.') {
        name.to_string()
    } else {
        format!("{name}.")
    };
    let qname = Name::from_ascii(&fqdn).map_err(|_| DnsError::BadName {
        name: name.to_string(),
    })?;
    let mut question = Message::query();
    question.metadata.recursion_desired = true;
    question.add_query(Query::query(qname.clone(), RecordType::SRV));
    let bytes = question.to_vec().map_err(|_| DnsError::BadName {
        name: name.to_string(),
    })?;
    let mut last = DnsError::NoAnswer {
        name: name.to_string(),
        detail: crate::t!("dns-no-server"),
    };
    for server in servers {
        if cancel.is_cancelled() {
            return Err(DnsError::Cancelled);
        }
        match ask(*server, &bytes, question.metadata.id, &qname, timeout) {
            Ok(answer) => return records(name, &answer),
            Err(detail) => {
                last = DnsError::NoAnswer {
                    name: name.to_string(),
                    detail: format!("{server}: {detail}"),
                }
            }
        }
    }
    Err(last)
}

/// Sends `bytes` to `server` and waits for the matching answer.
fn ask(
    server: SocketAddr,
    bytes: &[u8],
    id: u16,
    qname: &Name,
    timeout: Duration,
) -> Result<Message, String> {
    let local: SocketAddr = if server.is_ipv4() {
        (Ipv4Addr::UNSPECIFIED, 0).into()
    } else {
        (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
    };
    let socket = UdpSocket::bind(local).map_err(|e| e.to_string())?;
    socket.connect(server).map_err(|e| e.to_string())?;
    socket.send(bytes).map_err(|e| e.to_string())?;
    let deadline = Instant::now() + timeout;
    let mut buf = vec![0u8; MAX_ANSWER];
    loop {
        let left = deadline
            .checked_duration_since(Instant::now())
            .filter(|d| !d.is_zero())
            .ok_or_else(|| crate::t!("dns-timeout", ms = timeout.as_millis().to_string()))?;
        socket
            .set_read_timeout(Some(left))
            .map_err(|e| e.to_string())?;
        let n = socket.recv(&mut buf).map_err(|e| match e.kind() {
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
                crate::t!("dns-timeout", ms = timeout.as_millis().to_string())
            }
            _ => e.to_string(),
        })?;
        let Some(data) = buf.get(..n) else {
            continue;
        };
        // A datagram that is not our answer (spoofed, stale, garbage) is
        // ignored and we keep waiting, as RFC 5452 §9.1 advises.
        let Ok(answer) = Message::from_vec(data) else {
            continue;
        };
        let ours = answer.metadata.id == id
            && answer.metadata.message_type == MessageType::Response
            && answer.queries.first().is_some_and(|q| {
                q.name().eq_ignore_root(qname) && q.query_type() == RecordType::SRV
            });
        if ours {
            return Ok(answer);
        }
    }
}

/// The SRV records of an answer, in RFC 2782 order (priority, then weight
/// descending).
fn records(name: &str, answer: &Message) -> Result<Vec<SrvRecord>, DnsError> {
    match answer.metadata.response_code {
        ResponseCode::NoError | ResponseCode::NXDomain => {}
        other => {
            return Err(DnsError::ServerError {
                name: name.to_string(),
                code: other.to_string(),
            });
        }
    }
    let mut out: Vec<SrvRecord> = answer
        .answers
        .iter()
        .filter_map(|r| match &r.data {
            RData::SRV(srv) => Some(SrvRecord {
                priority: srv.priority,
                weight: srv.weight,
                port: srv.port,
                target: srv.target.to_ascii().trim_end_matches('.').to_string(),
            }),
            _ => None,
        })
        .collect();
    out.sort_by(|a, b| a.priority.cmp(&b.priority).then(b.weight.cmp(&a.weight)));
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn resolv_conf_nameservers() {
        let text = "# comment\nsearch example.com\nnameserver 192.0.2.53\nnameserver fe80::1%eth0\nnameserver bogus\n";
        assert_eq!(
            parse_resolv_conf(text),
            vec![
                "192.0.2.53:53".parse().unwrap(),
                "[fe80::1]:53".parse().unwrap()
            ]
        );
    }
}

//! Facts about a server certificate for the UI: subject, issuer, validity
//! end and SHA-256 fingerprint, and the fingerprint format used for pinning.
//!
//! Parsing is minimal DER (ITU-T X.690) over the X.509 structure of RFC 5280
//! §4.1: `Certificate ::= SEQUENCE { tbsCertificate, ... }` and
//! `TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber,
//! signature, issuer, validity, subject, ... }`. Names are rendered as
//! `CN=…, O=…` (RFC 4514 style, most common attributes only). The
//! subjectAltName extension (RFC 5280 §4.2.1.6: `dNSName` and `iPAddress`)
//! gives the names the certificate is for; [`CertInfo::is_for`] matches a
//! host against them (RFC 6125 §6.4: exact, or a `*` as the whole left-most
//! label) only to *explain* a refusal: the verdict is always the TLS
//! library's. An unreadable certificate still gets its fingerprint, which
//! is all pinning needs.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use sha2::{Digest, Sha256};

/// What the UI shows about a server certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInfo {
    /// Subject distinguished name, e.g. `CN=mail.example.org, O=Example`.
    pub subject: String,
    /// Issuer distinguished name.
    pub issuer: String,
    /// SHA-256 of the DER certificate, 64 lowercase hex digits.
    pub sha256: String,
    /// Start of validity, `YYYY-MM-DD HH:MM:SS UTC`.
    pub not_before: String,
    /// End of validity, `YYYY-MM-DD HH:MM:SS UTC`.
    pub not_after: String,
    /// The names in its subjectAltName: DNS names and IP addresses, as text.
    pub names: Vec<String>,
}

impl CertInfo {
    /// Reads the facts from a DER certificate.
    pub fn from_der(der: &[u8]) -> CertInfo {
        let sha256 = Sha256::digest(der)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let parsed = parse_tbs(der);
        let unknown = || "(unreadable)".to_string();
        match parsed {
            Some(p) => CertInfo {
                subject: p.subject,
                issuer: p.issuer,
                sha256,
                not_before: p.not_before,
                not_after: p.not_after,
                names: p.names,
            },
            None => CertInfo {
                subject: unknown(),
                issuer: unknown(),
                sha256,
                not_before: unknown(),
                not_after: unknown(),
                names: Vec::new(),
            },
        }
    }

    /// Whether `host` (a DNS name or an IP address, as in the account) is
    /// one of [`CertInfo::names`]. For explaining a refusal only.
    pub fn is_for(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        if let Ok(ip) = host.trim_matches(['[', ']']).parse::<IpAddr>() {
            return self
                .names
                .iter()
                .any(|n| n.parse::<IpAddr>().is_ok_and(|a| a == ip));
        }
        self.names.iter().any(|name| {
            let name = name.trim_end_matches('.');
            if name.eq_ignore_ascii_case(host) {
                return true;
            }
            match (name.strip_prefix("*."), host.split_once('.')) {
                (Some(parent), Some((label, rest))) => {
                    !label.is_empty() && parent.contains('.') && parent.eq_ignore_ascii_case(rest)
                }
                _ => false,
            }
        })
    }

    /// The fingerprint as colon-separated upper-case pairs (`AB:CD:…`), the
    /// form `openssl x509 -fingerprint -sha256` prints.
    pub fn sha256_colons(&self) -> String {
        let upper = self.sha256.to_ascii_uppercase();
        let pairs: Vec<&str> = (0..upper.len() / 2)
            .filter_map(|i| upper.get(2 * i..2 * i + 2))
            .collect();
        pairs.join(":")
    }
}

/// Normalises a fingerprint typed by a person or copied from openssl:
/// strips an optional `sha256:` prefix, colons and spaces; requires 64 hex
/// digits; returns them lowercase.
pub fn normalize_fingerprint(input: &str) -> Option<String> {
    let trimmed = input.trim();
    let body = match trimmed.split_once(':') {
        Some((prefix, rest)) if prefix.eq_ignore_ascii_case("sha256") => rest,
        _ => trimmed,
    };
    let hex: String = body
        .chars()
        .filter(|c| *c != ':' && !c.is_whitespace())
        .collect();
    (hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| hex.to_ascii_lowercase())
}

struct Tbs {
    subject: String,
    issuer: String,
    not_before: String,
    not_after: String,
    names: Vec<String>,
}

/// Splits one DER TLV off `data`: (tag, content, rest).
fn tlv(data: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = data.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (first as usize, rest)
    } else {
        let n = (first & 0x7f) as usize;
        if n == 0 || n > 4 {
            return None;
        }
        let (bytes, rest) = rest.split_at_checked(n)?;
        (
            bytes.iter().fold(0usize, |acc, b| (acc << 8) | *b as usize),
            rest,
        )
    };
    let (content, rest) = rest.split_at_checked(len)?;
    Some((tag, content, rest))
}

fn parse_tbs(der: &[u8]) -> Option<Tbs> {
    let (_, cert, _) = tlv(der)?;
    let (_, tbs, _) = tlv(cert)?;
    let (tag, _, mut rest) = tlv(tbs)?;
    if tag == 0xa0 {
        (_, _, rest) = tlv(rest)?; // serial number
    }
    let (_, _, rest) = tlv(rest)?; // signature algorithm
    let (_, issuer, rest) = tlv(rest)?;
    let (_, validity, rest) = tlv(rest)?;
    let (_, subject, rest) = tlv(rest)?;
    let (t1, before, vrest) = tlv(validity)?;
    let (t2, after, _) = tlv(vrest)?;
    Some(Tbs {
        subject: name(subject),
        issuer: name(issuer),
        not_before: time(t1, before)?,
        not_after: time(t2, after)?,
        names: alt_names(rest),
    })
}

/// The subjectAltName entries (OID 2.5.29.17) in the TBS fields after the
/// subject: `subjectPublicKeyInfo`, `[1]`, `[2]`, `[3] Extensions`.
fn alt_names(mut rest: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    while let Some((tag, content, next)) = tlv(rest) {
        rest = next;
        if tag != 0xa3 {
            continue;
        }
        let Some((_, mut extensions, _)) = tlv(content) else {
            break;
        };
        while let Some((_, extension, more)) = tlv(extensions) {
            extensions = more;
            let Some((_, oid, mut after)) = tlv(extension) else {
                continue;
            };
            if oid != [0x55, 0x1d, 0x11] {
                continue;
            }
            if let Some((0x01, _, r)) = tlv(after) {
                after = r; // critical flag
            }
            let Some((0x04, octets, _)) = tlv(after) else {
                continue;
            };
            let Some((_, mut general, _)) = tlv(octets) else {
                continue;
            };
            while let Some((tag, value, more)) = tlv(general) {
                general = more;
                match (tag, value.len()) {
                    (0x82, _) => out.push(string_value(0x16, value)),
                    (0x87, 4) | (0x87, 16) => out.push(ip_text(value)),
                    _ => {}
                }
            }
        }
    }
    out
}

fn ip_text(octets: &[u8]) -> String {
    if let Ok(v4) = <[u8; 4]>::try_from(octets) {
        Ipv4Addr::from(v4).to_string()
    } else if let Ok(v6) = <[u8; 16]>::try_from(octets) {
        Ipv6Addr::from(v6).to_string()
    } else {
        String::new()
    }
}

fn oid_label(oid: &[u8]) -> String {
    match oid {
        [0x55, 0x04, 0x03] => "CN".into(),
        [0x55, 0x04, 0x06] => "C".into(),
        [0x55, 0x04, 0x07] => "L".into(),
        [0x55, 0x04, 0x08] => "ST".into(),
        [0x55, 0x04, 0x0a] => "O".into(),
        [0x55, 0x04, 0x0b] => "OU".into(),
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01] => "emailAddress".into(),
        _ => {
            let mut parts = Vec::new();
            let mut value: u64 = 0;
            for (i, b) in oid.iter().enumerate() {
                value = (value << 7) | u64::from(b & 0x7f);
                if b & 0x80 == 0 {
                    if i == 0 || parts.is_empty() {
                        parts.push((value / 40).min(2));
                        parts.push(value - 40 * (value / 40).min(2));
                    } else {
                        parts.push(value);
                    }
                    value = 0;
                }
            }
            parts
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(".")
        }
    }
}

fn string_value(tag: u8, content: &[u8]) -> String {
    let s = if tag == 0x1e {
        let units: Vec<u16> = content
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(content).into_owned()
    };
    s.chars().filter(|c| !c.is_control()).collect()
}

fn name(mut seq: &[u8]) -> String {
    let mut parts = Vec::new();
    while let Some((_, set, rest)) = tlv(seq) {
        seq = rest;
        let mut set = set;
        while let Some((_, atv, rest)) = tlv(set) {
            set = rest;
            if let Some((_, oid, after)) = tlv(atv)
                && let Some((tag, value, _)) = tlv(after)
            {
                parts.push(format!("{}={}", oid_label(oid), string_value(tag, value)));
            }
        }
    }
    if parts.is_empty() {
        "(empty)".to_string()
    } else {
        parts.join(", ")
    }
}

/// A UTCTime/GeneralizedTime as text; `None` for a malformed one, which
/// the caller shows as unknown (a certificate fact, not a reason to fail).
fn time(tag: u8, content: &[u8]) -> Option<String> {
    // Malformed time text is "unknown", as the doc comment says.
    let s = std::str::from_utf8(content).ok()?;
    let (year, rest) = match tag {
        0x17 => {
            let yy: u32 = s.get(..2)?.parse().ok()?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, s.get(2..)?)
        }
        0x18 => (s.get(..4)?.parse().ok()?, s.get(4..)?),
        _ => return None,
    };
    let field = |i: usize| rest.get(i..i + 2);
    Some(format!(
        "{year:04}-{}-{} {}:{}:{} UTC",
        field(0)?,
        field(2)?,
        field(4)?,
        field(6)?,
        field(8)?
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_normalise() {
        let hex = "ab".repeat(32);
        assert_eq!(normalize_fingerprint(&hex).as_deref(), Some(hex.as_str()));
        let colons = vec!["AB"; 32].join(":");
        assert_eq!(
            normalize_fingerprint(&colons).as_deref(),
            Some(hex.as_str())
        );
        assert_eq!(
            normalize_fingerprint(&format!("SHA256:{colons}")).as_deref(),
            Some(hex.as_str())
        );
        assert_eq!(normalize_fingerprint("abc"), None);
    }

    #[test]
    fn garbage_still_has_fingerprint() {
        let info = CertInfo::from_der(b"\x30\x82\xff");
        assert_eq!(info.sha256.len(), 64);
        assert_eq!(info.subject, "(unreadable)");
        assert_eq!(info.sha256_colons().len(), 95);
        assert!(info.names.is_empty() && !info.is_for("localhost"));
    }

    #[test]
    fn host_matching_for_explanations() {
        let info = CertInfo {
            names: vec![
                "localhost".into(),
                "*.example.org".into(),
                "127.0.0.1".into(),
            ],
            ..CertInfo::from_der(b"")
        };
        assert!(info.is_for("LOCALHOST."));
        assert!(info.is_for("pop.example.org"));
        assert!(!info.is_for("a.pop.example.org"));
        assert!(!info.is_for("example.org"));
        assert!(info.is_for("127.0.0.1"));
        assert!(!info.is_for("127.0.0.2"));
        let wild_tld = CertInfo {
            names: vec!["*.org".into()],
            ..CertInfo::from_der(b"")
        };
        assert!(!wild_tld.is_for("example.org"));
    }
}

//! The server's capability list from `CAPA` (RFC 2449 §5–6).
//!
//! Each line of the multi-line reply is a capability name and optional
//! arguments: `TOP`, `UIDL`, `USER`, `SASL PLAIN LOGIN`, `STLS` (RFC 2595),
//! `PIPELINING`, `RESP-CODES`, `AUTH-RESP-CODE` (RFC 3206),
//! `LOGIN-DELAY 900 [USER]`, `EXPIRE 0|NEVER [USER]`, `IMPLEMENTATION text`.
//! Unknown capabilities are kept by name. A server without CAPA (plain
//! RFC 1939) is represented by [`Capabilities::default`] with
//! `capa_supported == false`; USER is assumed then.

use crate::pop3::response::printable;

/// How long the server keeps retrieved messages (`EXPIRE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expire {
    /// `EXPIRE NEVER`: messages stay until deleted.
    Never,
    /// `EXPIRE n`: retrieved messages may be deleted after `n` days (0: at once).
    Days(u32),
}

/// The capabilities a server advertised.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// The server answered CAPA with `+OK`.
    pub capa_supported: bool,
    /// `TOP` is supported.
    pub top: bool,
    /// `UIDL` is supported.
    pub uidl: bool,
    /// `USER`/`PASS` is supported.
    pub user: bool,
    /// SASL mechanisms offered for `AUTH`, upper-cased.
    pub sasl: Vec<String>,
    /// `STLS` is offered.
    pub stls: bool,
    /// Commands may be pipelined.
    pub pipelining: bool,
    /// Response codes are sent.
    pub resp_codes: bool,
    /// The `AUTH` response code is sent on credential failures.
    pub auth_resp_code: bool,
    /// Minimum seconds between logins, if advertised.
    pub login_delay: Option<u64>,
    /// Message retention, if advertised.
    pub expire: Option<Expire>,
    /// Server implementation text, if advertised.
    pub implementation: Option<String>,
    /// Other capability names, upper-cased.
    pub other: Vec<String>,
}

impl Capabilities {
    /// Whether the SASL mechanism `name` is offered.
    pub fn has_sasl(&self, name: &str) -> bool {
        self.sasl.iter().any(|m| m.eq_ignore_ascii_case(name))
    }

    /// Whether USER/PASS may be used: advertised, or assumed for servers
    /// without CAPA (RFC 1939).
    pub fn user_allowed(&self) -> bool {
        self.user || !self.capa_supported
    }

    /// Adds one CAPA line (without terminator).
    pub fn add_line(&mut self, line: &[u8]) {
        let text = printable(line);
        let mut words = text.split_ascii_whitespace();
        let Some(name) = words.next() else { return };
        let name = name.to_ascii_uppercase();
        let args: Vec<&str> = words.collect();
        match name.as_str() {
            "TOP" => self.top = true,
            "UIDL" => self.uidl = true,
            "USER" => self.user = true,
            "STLS" => self.stls = true,
            "PIPELINING" => self.pipelining = true,
            "RESP-CODES" => self.resp_codes = true,
            "AUTH-RESP-CODE" => self.auth_resp_code = true,
            "SASL" => self
                .sasl
                .extend(args.iter().map(|m| m.to_ascii_uppercase())),
            // A malformed LOGIN-DELAY or EXPIRE argument is as good as none:
            // both are advisory (RFC 2449 §6.5, §6.7).
            "LOGIN-DELAY" => self.login_delay = args.first().and_then(|a| a.parse().ok()),
            "EXPIRE" => {
                self.expire = match args.first() {
                    Some(a) if a.eq_ignore_ascii_case("NEVER") => Some(Expire::Never),
                    Some(a) => a.parse().ok().map(Expire::Days),
                    None => None,
                }
            }
            "IMPLEMENTATION" => {
                let rest = text
                    .trim_start()
                    .get(name.len()..)
                    .unwrap_or_default()
                    .trim();
                self.implementation = Some(rest.to_string());
            }
            _ => self.other.push(name),
        }
    }

    /// Builds capabilities from CAPA lines.
    pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a [u8]>) -> Self {
        let mut caps = Capabilities {
            capa_supported: true,
            ..Capabilities::default()
        };
        for line in lines {
            caps.add_line(line);
        }
        caps
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc2449_example() {
        let lines: [&[u8]; 9] = [
            b"TOP",
            b"USER",
            b"SASL CRAM-MD5 KERBEROS_V4",
            b"RESP-CODES",
            b"LOGIN-DELAY 900",
            b"PIPELINING",
            b"EXPIRE 60",
            b"UIDL",
            b"IMPLEMENTATION Shlemazle-Plotz-v302",
        ];
        let c = Capabilities::from_lines(lines);
        assert!(c.top && c.user && c.uidl && c.pipelining && c.resp_codes && !c.stls);
        assert!(c.has_sasl("cram-md5") && c.has_sasl("KERBEROS_V4"));
        assert_eq!(c.login_delay, Some(900));
        assert_eq!(c.expire, Some(Expire::Days(60)));
        assert_eq!(c.implementation.as_deref(), Some("Shlemazle-Plotz-v302"));
    }
}

//! Encoding of POP3 commands (RFC 1939 §3: keyword, arguments, CRLF) and
//! their redacted form for logs and error messages.
//!
//! Credentials never reach a log: `PASS`, the `APOP` digest, SASL initial
//! responses and continuation lines are shown as `***`. Arguments are
//! checked for CR, LF and NUL before encoding so a setting cannot inject a
//! second command.

use crate::secret::Secret;

/// A command the client sends.
#[derive(Debug, Clone)]
pub enum Command {
    /// `CAPA` (RFC 2449).
    Capa,
    /// `STLS` (RFC 2595).
    Stls,
    /// `USER name`.
    User(String),
    /// `PASS password`.
    Pass(Secret),
    /// `APOP name digest`.
    Apop {
        /// Login name.
        user: String,
        /// MD5 digest, hex (a credential: redacted in logs).
        digest: Secret,
    },
    /// `AUTH mechanism [initial-response]` (RFC 5034).
    Auth {
        /// SASL mechanism name.
        mechanism: String,
        /// Optional base64 initial response (redacted in logs).
        initial: Option<Secret>,
    },
    /// A base64 line answering a SASL challenge (redacted in logs).
    SaslResponse(Secret),
    /// `STAT`.
    Stat,
    /// `LIST [msg]`.
    List(Option<u32>),
    /// `UIDL [msg]`.
    Uidl(Option<u32>),
    /// `RETR msg`.
    Retr(u32),
    /// `TOP msg lines`.
    Top(u32, u32),
    /// `DELE msg`.
    Dele(u32),
    /// `RSET`.
    Rset,
    /// `NOOP`.
    Noop,
    /// `QUIT`.
    Quit,
}

/// Whether `s` may be sent as a command argument (no CR, LF or NUL).
pub fn is_safe_argument(s: &str) -> bool {
    !s.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0))
}

fn opt(name: &str, n: Option<u32>) -> String {
    match n {
        Some(n) => format!("{name} {n}"),
        None => name.to_string(),
    }
}

impl Command {
    /// The command line as text, credentials included (no CRLF).
    fn wire_text(&self) -> String {
        match self {
            Command::Pass(p) => format!("PASS {}", p.expose()),
            Command::Apop { user, digest } => format!("APOP {user} {}", digest.expose()),
            Command::Auth {
                mechanism,
                initial: Some(i),
            } => format!("AUTH {mechanism} {}", i.expose()),
            Command::SaslResponse(r) => r.expose().to_string(),
            other => other.redacted(),
        }
    }

    /// Appends the encoded command, CRLF included, to `out`.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.wire_text().as_bytes());
        out.extend_from_slice(b"\r\n");
    }

    /// The command as it may appear in a log or error message.
    pub fn redacted(&self) -> String {
        match self {
            Command::Capa => "CAPA".into(),
            Command::Stls => "STLS".into(),
            Command::User(u) => format!("USER {u}"),
            Command::Pass(_) => "PASS ***".into(),
            Command::Apop { user, .. } => format!("APOP {user} ***"),
            Command::Auth {
                mechanism,
                initial: Some(_),
            } => format!("AUTH {mechanism} ***"),
            Command::Auth {
                mechanism,
                initial: None,
            } => format!("AUTH {mechanism}"),
            Command::SaslResponse(_) => "***".into(),
            Command::Stat => "STAT".into(),
            Command::List(n) => opt("LIST", *n),
            Command::Uidl(n) => opt("UIDL", *n),
            Command::Retr(n) => format!("RETR {n}"),
            Command::Top(n, k) => format!("TOP {n} {k}"),
            Command::Dele(n) => format!("DELE {n}"),
            Command::Rset => "RSET".into(),
            Command::Noop => "NOOP".into(),
            Command::Quit => "QUIT".into(),
        }
    }

    /// Whether the reply to this command is multi-line after `+OK`.
    pub fn multiline(&self) -> bool {
        matches!(
            self,
            Command::Capa
                | Command::List(None)
                | Command::Uidl(None)
                | Command::Retr(_)
                | Command::Top(..)
        )
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn encoding_and_redaction() {
        let mut out = Vec::new();
        Command::Pass(Secret::new("hunter2")).encode(&mut out);
        assert_eq!(out, b"PASS hunter2\r\n");
        assert_eq!(Command::Pass(Secret::new("hunter2")).redacted(), "PASS ***");
        let c = Command::Auth {
            mechanism: "PLAIN".into(),
            initial: Some(Secret::new("AGEAYg==")),
        };
        assert!(!c.redacted().contains("AGEAYg"));
        assert_eq!(Command::Top(1, 10).redacted(), "TOP 1 10");
        assert!(!is_safe_argument("a\r\nDELE 1"));
    }
}

//! The client side of each SASL mechanism popmail speaks through `AUTH`
//! (RFC 5034 §4): PLAIN (RFC 4616), LOGIN, CRAM-MD5 (RFC 2195), XOAUTH2
//! (Google's and Microsoft's forms) and OAUTHBEARER (RFC 7628) — the `AUTH`
//! command and the answer to each `+` challenge, over bytes only. The login
//! state machine ([`super::login`]) drives an exchange one reply at a time.

use crate::pop3::auth::{self, Mechanism};
use crate::pop3::command::Command;
use crate::pop3::response::ParseError;
use crate::secret::Secret;

/// The client side of one SASL mechanism (RFC 5034 §4): the `AUTH`
/// command and the answer to each `+` challenge.
#[derive(Debug)]
pub(crate) enum Sasl {
    /// PLAIN: the message, sent as initial response when it fits.
    Plain {
        /// The PLAIN message.
        message: String,
        /// Sent on the AUTH line.
        in_command: bool,
    },
    /// LOGIN: the user name, then the password.
    Login,
    /// CRAM-MD5: one answer to the challenge.
    CramMd5,
    /// XOAUTH2 or OAUTHBEARER: the token message, in the `AUTH` line or
    /// after the server's empty `+`.
    OAuth {
        /// The token message.
        message: String,
        /// Sent on the AUTH line.
        in_command: bool,
    },
}

impl Sasl {
    /// The `AUTH` command that starts the exchange.
    pub(crate) fn command(&self, mechanism: Mechanism) -> Command {
        let initial = match self {
            Sasl::Plain {
                message,
                in_command: true,
            }
            | Sasl::OAuth {
                message,
                in_command: true,
            } => Some(Secret::new(message.clone())),
            _ => None,
        };
        Command::Auth {
            mechanism: mechanism.name().into(),
            initial,
        }
    }

    /// The answer to challenge number `step`; `None` when the mechanism
    /// has nothing more to say.
    pub(crate) fn respond(
        &self,
        creds: &Credentials,
        challenge: &str,
        step: usize,
    ) -> Option<Result<String, ParseError>> {
        match self {
            Sasl::Plain {
                message,
                in_command,
            } => (step == 0 && !in_command).then(|| Ok(message.clone())),
            Sasl::Login => match step {
                0 => Some(Ok(auth::login_response(&creds.username))),
                1 => Some(Ok(auth::login_response(creds.password.expose()))),
                _ => None,
            },
            Sasl::CramMd5 => (step == 0).then(|| {
                auth::cram_md5_response(&creds.username, creds.password.expose(), challenge)
            }),
            Sasl::OAuth {
                message,
                in_command,
            } => (step == 0 && !in_command && challenge.is_empty()).then(|| Ok(message.clone())),
        }
    }

    /// Whether `challenge` (the `step`th) is an OAuth mechanism's error
    /// report rather than a request for the token.
    pub(crate) fn is_oauth_error(&self, challenge: &str, step: usize) -> bool {
        match self {
            Sasl::OAuth { in_command, .. } => *in_command || step > 0 || !challenge.is_empty(),
            _ => false,
        }
    }
}

#[derive(Debug)]
pub(crate) struct Credentials {
    /// The login name.
    pub(crate) username: String,
    /// The password or, for OAuth, the access token.
    pub(crate) password: Secret,
}

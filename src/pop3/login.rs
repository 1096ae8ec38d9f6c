//! Logging in: the AUTHORIZATION state of RFC 1939 §4 and §7.
//!
//! `USER`/`PASS` and `APOP` (RFC 1939), and SASL `AUTH` (RFC 5034) with the
//! mechanisms of [`crate::pop3::auth`]. A `-ERR` is turned into a typed
//! error by its response code (RFC 2449 `IN-USE`, `LOGIN-DELAY`; RFC 3206
//! `SYS/TEMP`, `SYS/PERM`, `AUTH`); without one it is a failed login. The
//! SASL exchange is bounded and cancelled with `*` when the server asks
//! more than the mechanism has to say. Credentials are sent only as
//! [`Command`]s whose log form is redacted.

use crate::pop3::auth::{self, Mechanism};
use crate::pop3::client::{Client, State, refusal};
use crate::pop3::command::{Command, is_safe_argument};
use crate::pop3::error::Error;
use crate::pop3::response::{AuthReply, Status};
use crate::secret::Secret;

/// Answers SASL challenge number `step`; `None` when no more are expected.
type SaslResponder<'a> = dyn FnMut(&str, usize) -> Option<Result<String, String>> + 'a;

impl Client {
    /// Authenticates with the account's method. Never sends a password over
    /// an unencrypted connection unless the account allows it.
    pub fn login(&mut self) -> Result<(), Error> {
        self.check_usable("login", false)?;
        let cfg = &self.cfg;
        if !is_safe_argument(&cfg.username) || !is_safe_argument(cfg.password.expose()) {
            return Err(Error::InvalidConfig {
                detail: "the user name or password contains a line break or NUL".to_string(),
            });
        }
        let mech = auth::choose(
            cfg.auth,
            &self.caps,
            self.greeting.apop_timestamp.is_some(),
            self.is_encrypted(),
            cfg.allow_plaintext_password,
        )?;
        let r = self.authenticate(mech);
        let r = self.guard(r);
        if r.is_ok() {
            self.state = State::Transaction;
            self.mechanism = Some(mech);
        }
        r
    }

    fn auth_result(&self, command: &str, status: &Status) -> Result<(), Error> {
        if status.ok {
            Ok(())
        } else {
            Err(refusal(command, status, self.caps.login_delay, true))
        }
    }

    fn authenticate(&mut self, mech: Mechanism) -> Result<(), Error> {
        let user = self.cfg.username.clone();
        let password = self.cfg.password.clone();
        match mech {
            Mechanism::User => {
                self.conn.send(&[Command::User(user.clone())])?;
                let status = self.conn.read_status("USER")?;
                self.auth_result("USER", &status)?;
                self.conn.send(&[Command::Pass(password)])?;
                let status = self.conn.read_status("PASS")?;
                self.auth_result("PASS", &status)
            }
            Mechanism::Apop => {
                let ts = self.greeting.apop_timestamp.clone().unwrap_or_default();
                let digest = Secret::new(auth::apop_digest(&ts, password.expose()));
                self.conn.send(&[Command::Apop { user, digest }])?;
                let status = self.conn.read_status("APOP")?;
                self.auth_result("APOP", &status)
            }
            Mechanism::Plain => {
                let initial = auth::plain_initial_response(&user, password.expose());
                let with_initial = initial.len() + 12 <= 255;
                let cmd = Command::Auth {
                    mechanism: "PLAIN".into(),
                    initial: with_initial.then(|| Secret::new(initial.clone())),
                };
                self.sasl(cmd, &mut |_, step| {
                    (step == 0 && !with_initial).then(|| Ok(initial.clone()))
                })
            }
            Mechanism::Login => {
                let cmd = Command::Auth {
                    mechanism: "LOGIN".into(),
                    initial: None,
                };
                self.sasl(cmd, &mut |_, step| match step {
                    0 => Some(Ok(auth::login_response(&user))),
                    1 => Some(Ok(auth::login_response(password.expose()))),
                    _ => None,
                })
            }
            Mechanism::CramMd5 => {
                let cmd = Command::Auth {
                    mechanism: "CRAM-MD5".into(),
                    initial: None,
                };
                self.sasl(cmd, &mut |challenge, step| {
                    (step == 0)
                        .then(|| auth::cram_md5_response(&user, password.expose(), challenge))
                })
            }
        }
    }

    /// Runs a SASL exchange: `respond(challenge, step)` answers each `+`
    /// challenge, or returns `None` when no more challenges are expected.
    fn sasl(&mut self, cmd: Command, respond: &mut SaslResponder<'_>) -> Result<(), Error> {
        let name = cmd.redacted();
        self.conn.send(&[cmd])?;
        for step in 0..8 {
            match self.conn.read_auth_reply(&name)? {
                AuthReply::Done(status) => return self.auth_result(&name, &status),
                AuthReply::Continue(challenge) => match respond(&challenge, step) {
                    Some(Ok(answer)) => self
                        .conn
                        .send(&[Command::SaslResponse(Secret::new(answer))])?,
                    other => {
                        // RFC 5034 §4: "*" cancels the exchange; the server answers -ERR.
                        self.conn.send(&[Command::SaslResponse(Secret::new("*"))])?;
                        self.conn.read_status(&name)?;
                        let detail = match other {
                            Some(Err(detail)) => detail,
                            _ => "the server sent more SASL challenges than the mechanism has"
                                .to_string(),
                        };
                        return Err(Error::Protocol {
                            command: name,
                            detail,
                        });
                    }
                },
            }
        }
        Err(Error::Protocol {
            command: name,
            detail: "the SASL exchange did not end".to_string(),
        })
    }
}

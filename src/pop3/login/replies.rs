//! The login machine's answers to each server reply — greeting, CAPA lines,
//! the final `+OK`/`-ERR` of a command, SASL `+` challenges — and the
//! mechanism fallback (RFC 5034 §4: a mechanism refused at `AUTH`, before any
//! credential was sent, lets "automatic" try the next one).

use super::*;

impl Login {
    pub(super) fn has_timestamp(&self) -> bool {
        self.greeting
            .as_ref()
            .is_some_and(|g| g.apop_timestamp.is_some())
    }

    /// The next acceptable mechanism not tried yet; `Ok(None)` when none is
    /// left. When only mechanisms that would send the password in clear are
    /// left (and the account does not allow that), says so.
    pub(super) fn next_mechanism(&self) -> Result<Option<Mechanism>, Error> {
        let untried = |all: Vec<Mechanism>| all.into_iter().find(|m| !self.tried.contains(m));
        let acceptable = auth::candidates(
            self.method,
            self.oauth_mechanism,
            &self.caps,
            self.has_timestamp(),
            self.encrypted,
            self.allow_plaintext_password,
        );
        let tried = auth::names(&self.tried);
        match acceptable {
            Ok(all) => {
                if let Some(m) = untried(all) {
                    return Ok(Some(m));
                }
            }
            Err(Error::PlaintextRefused { mechanism, .. }) => {
                return Err(Error::PlaintextRefused { mechanism, tried });
            }
            Err(e) => return Err(e),
        }
        let password_ok = self.encrypted || self.allow_plaintext_password;
        if self.method == AuthMethod::Auto && !password_ok {
            let unsafe_left = auth::candidates(
                self.method,
                self.oauth_mechanism,
                &self.caps,
                self.has_timestamp(),
                true,
                true,
            )
            .ok()
            .and_then(untried);
            if let Some(m) = unsafe_left {
                return Err(Error::PlaintextRefused {
                    mechanism: m.name().to_string(),
                    tried,
                });
            }
        }
        Ok(None)
    }

    /// The error once no mechanism is left: the password is blamed only
    /// when a credential was refused.
    pub(super) fn exhausted(&self) -> Error {
        let tried = auth::names(&self.tried);
        let server_text = self.last_refusal.clone();
        if self.credential_refused {
            Error::AuthFailed { server_text, tried }
        } else {
            Error::MechanismsRefused { tried, server_text }
        }
    }

    pub(super) fn begin(&mut self, mechanism: Mechanism) {
        self.tried.push(mechanism);
        let user = self.creds.username.clone();
        let secret = self.creds.password.clone();
        let password = secret.expose();
        let sasl = match mechanism {
            Mechanism::User => {
                self.send(Command::User(user));
                self.state = State::UserSent;
                return;
            }
            Mechanism::Apop => {
                let timestamp = self
                    .greeting
                    .as_ref()
                    .and_then(|g| g.apop_timestamp.clone())
                    .unwrap_or_default();
                let digest = Secret::new(auth::apop_digest(&timestamp, password));
                self.send(Command::Apop { user, digest });
                self.state = State::ApopSent;
                return;
            }
            Mechanism::Plain => {
                let message = auth::plain_initial_response(&user, password);
                // "AUTH PLAIN " + message + CRLF must fit RFC 5034's 255 octets.
                let in_command = message.len() + 12 <= 255;
                Sasl::Plain {
                    message,
                    in_command,
                }
            }
            Mechanism::Login => Sasl::Login,
            Mechanism::CramMd5 => Sasl::CramMd5,
            Mechanism::XOAuth2 => Sasl::OAuth {
                message: auth::xoauth2_response(&user, password),
                in_command: self.oauth_initial_response,
            },
            Mechanism::OAuthBearer => Sasl::OAuth {
                message: auth::oauthbearer_response(&user, &self.host, self.port, password),
                in_command: self.oauth_initial_response,
            },
        };
        self.send(sasl.command(mechanism));
        self.state = State::Sasl {
            sasl,
            mechanism,
            replies: 0,
        };
    }

    pub(super) fn send(&mut self, cmd: Command) {
        self.queue.push_back(Action::Send(cmd));
    }

    /// Says `QUIT`, then fails with `error` whatever the answer.
    pub(super) fn close(&mut self, error: Error) {
        self.send(Command::Quit);
        self.state = State::Closing(error);
    }

    pub(super) fn status(&self, line: &[u8]) -> Result<Status, Error> {
        parse_status(line).map_err(|e| Error::parse(&self.during, e))
    }

    /// A refused authentication command; `credential_sent`: the refused
    /// command (or an earlier one of this mechanism) carried a credential.
    ///
    /// Mechanism fallback happens here. A refusal with a response code
    /// that is not about credentials (`IN-USE`, `LOGIN-DELAY`, `SYS/*`)
    /// ends the login. Otherwise "automatic" tries the next acceptable
    /// mechanism when the refused one sent no credential (the server
    /// refused the mechanism itself at `AUTH`), or was APOP (servers
    /// announce a timestamp for users without an APOP secret). The password
    /// is blamed only when a credential was refused.
    pub(super) fn refused(&mut self, status: &Status, credential_sent: bool) -> Result<(), Error> {
        let error = Error::refusal(&self.during, status, self.caps.login_delay, true);
        if !matches!(error, Error::AuthFailed { .. }) {
            return Err(error);
        }
        self.credential_refused |= credential_sent;
        self.last_refusal = status.text.clone();
        let current = self.tried.last().copied();
        let may_fall_back = self.method == AuthMethod::Auto
            && (!credential_sent || current == Some(Mechanism::Apop));
        if may_fall_back && let Some(next) = self.next_mechanism()? {
            self.after_refusal = true;
            self.begin(next);
            return Ok(());
        }
        Err(self.exhausted())
    }

    /// The server's final reply after an OAuth error challenge.
    pub(super) fn on_oauth_final(&mut self, status_text: &str, line: &[u8]) -> Result<(), Error> {
        let status = self.status(line)?;
        if status.ok {
            // The token was refused; a server that then says +OK is broken.
            return Err(Error::Protocol {
                command: self.during.clone(),
                detail: Violation::SaslUnfinished,
            });
        }
        Err(self.token_refused(status_text.to_string(), &status))
    }

    /// A refused OAuth token: a plain authentication failure means the
    /// sign-in has expired; coded refusals (`SYS/TEMP`, `IN-USE`…) stay.
    pub(super) fn token_refused(&self, oauth_status: String, status: &Status) -> Error {
        match Error::refusal(&self.during, status, self.caps.login_delay, true) {
            Error::AuthFailed { server_text, .. } => Error::SignInExpired {
                status: oauth_status,
                server_text,
            },
            other => other,
        }
    }

    pub(super) fn misuse(&mut self, state: State, detail: &str) -> Error {
        self.state = state;
        Error::WrongState {
            command: crate::t!("pop3-during-login"),
            detail: detail.to_string(),
        }
    }

    pub(super) fn on_greeting(&mut self, line: &[u8]) -> Result<(), Error> {
        let status = self.status(line)?;
        if !status.ok {
            return Err(Error::refusal(
                &crate::t!("pop3-during-greeting"),
                &status,
                None,
                false,
            ));
        }
        let greeting = parse_greeting(&status);
        self.queue.push_back(Action::Report(Step::Greeting {
            text: greeting.text.clone(),
        }));
        self.greeting = Some(greeting);
        self.send(Command::Capa);
        self.state = State::CapaStatus;
        Ok(())
    }

    pub(super) fn on_capa_line(
        &mut self,
        mut caps: Capabilities,
        bytes: u64,
        line: &[u8],
    ) -> Result<(), Error> {
        if line == b"." {
            self.capabilities_known(caps);
            return Ok(());
        }
        let line = line.strip_prefix(b".").unwrap_or(line);
        let bytes = bytes + line.len() as u64 + 2;
        if bytes > CAPA_MAX {
            return Err(Error::MessageTooLarge {
                msg: 0,
                limit: CAPA_MAX,
            });
        }
        caps.add_line(line);
        self.state = State::CapaLines { caps, bytes };
        Ok(())
    }

    pub(super) fn capabilities_known(&mut self, caps: Capabilities) {
        let stls = caps.stls;
        self.caps = caps;
        if self.security == Security::StartTls && !self.encrypted {
            if stls {
                self.send(Command::Stls);
                self.state = State::StlsReply;
            } else {
                self.close(Error::StlsUnavailable);
            }
            return;
        }
        self.queue
            .push_back(Action::Report(Step::Capabilities(self.caps.clone())));
        if !std::mem::take(&mut self.resume) {
            self.state = State::Opened;
            return;
        }
        match self.next_mechanism() {
            Ok(Some(next)) => self.begin(next),
            Ok(None) => self.close(self.exhausted()),
            Err(e) => self.close(e),
        }
    }

    pub(super) fn on_final(&mut self, line: &[u8], mechanism: Mechanism) -> Result<(), Error> {
        let status = self.status(line)?;
        if !status.ok {
            return self.refused(&status, true);
        }
        self.state = State::Done(mechanism);
        Ok(())
    }

    pub(super) fn on_sasl(
        &mut self,
        sasl: Sasl,
        mechanism: Mechanism,
        replies: usize,
        line: &[u8],
    ) -> Result<(), Error> {
        let reply = parse_auth_reply(line).map_err(|e| Error::parse(&self.during, e))?;
        let challenge = match reply {
            AuthReply::Done(status) if status.ok => {
                self.state = State::Done(mechanism);
                return Ok(());
            }
            AuthReply::Done(status) if mechanism.is_oauth() => {
                return Err(self.token_refused(String::new(), &status));
            }
            AuthReply::Done(status) => {
                let initial = matches!(
                    sasl,
                    Sasl::Plain {
                        in_command: true,
                        ..
                    }
                );
                return self.refused(&status, replies > 0 || initial);
            }
            AuthReply::Continue(challenge) => challenge,
        };
        if sasl.is_oauth_error(&challenge, replies) {
            // RFC 7628 §3.2.3: answer the error so the server sends its -ERR.
            let status = auth::oauth_error_status(&challenge).unwrap_or_default();
            self.send(Command::SaslResponse(Secret::new(
                auth::oauth_abort_response(mechanism),
            )));
            self.state = State::SaslOAuthRejected { status };
            return Ok(());
        }
        match sasl.respond(&self.creds, &challenge, replies) {
            Some(Ok(answer)) => {
                self.send(Command::SaslResponse(Secret::new(answer)));
                self.state = if replies + 1 >= SASL_MAX_REPLIES {
                    State::Failing(Error::Protocol {
                        command: self.during.clone(),
                        detail: Violation::SaslUnfinished,
                    })
                } else {
                    State::Sasl {
                        sasl,
                        mechanism,
                        replies: replies + 1,
                    }
                };
            }
            other => {
                // RFC 5034 §4: "*" cancels the exchange; the server answers -ERR.
                self.send(Command::SaslResponse(Secret::new("*")));
                let detail = match other {
                    Some(Err(e)) => Violation::Parse(e),
                    _ => Violation::ExtraChallenge,
                };
                self.state = State::SaslCancelled { detail };
            }
        }
        Ok(())
    }
}

//! Settings discovery: from an email address to a POP3 server, a way to
//! sign in, and the notes a person needs, saying where the answer came from.
//!
//! In order, the first that answers wins:
//! 1. [`table`]: popmail's built-in list of the large providers, with their
//!    quirks (iCloud has no POP3: an error that says so);
//! 2. [`autoconfig`]: the provider's `config-v1.1.xml` (Thunderbird's public
//!    format) at `autoconfig.DOMAIN` and `DOMAIN/.well-known/autoconfig/`;
//! 3. [`srv`]: DNS SRV `_pop3s._tcp` / `_pop3._tcp` (RFC 6186);
//! 4. [`guess`]: `pop.`, `pop3.`, `mail.` + DOMAIN on 995, then 110 with
//!    STLS, each probed.
//!
//! Every step can be replaced ([`Discoverer`] holds the HTTP client, the
//! autoconfig addresses, the SRV resolver and the prober), so the tests run
//! against local servers. [`worker`] runs [`Discoverer::find`] on a
//! [`crate::worker::Worker`] with cancel and progress.
//!
//! Below `ui` and `cli`; imports `account`, `oauth` (the only HTTP and DNS
//! client), `pop3` (the probe), `secret` and `worker`.

pub mod autoconfig;
pub mod guess;
pub mod srv;
pub mod table;
pub mod worker;

use std::sync::Arc;

use crate::account::{AccountSettings, AuthMethod, OAuthProvider, OAuthSettings, Security};
use crate::oauth::HttpClient;
use crate::t;
use crate::worker::Cancel;

pub use guess::{Pop3Prober, Prober};
pub use srv::{SrvResolver, SystemResolver};
pub use worker::{DiscoveryEvent, DiscoveryWorker, spawn};

/// A way to sign in that a provider accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthChoice {
    /// The account's own password.
    Password,
    /// A password made for mail programs in the provider's web settings.
    AppPassword {
        /// The page where it is made.
        link: &'static str,
    },
    /// OAuth 2.0 sign-in with this provider.
    OAuth2(OAuthProvider),
}

impl AuthChoice {
    /// The choice in words, as a button or line shows it (current language).
    pub fn label(self) -> String {
        match self {
            AuthChoice::Password => t!("discovery-auth-password"),
            AuthChoice::AppPassword { .. } => t!("discovery-auth-app-password"),
            AuthChoice::OAuth2(p) => t!("discovery-auth-oauth", provider = provider_name(p)),
        }
    }
}

/// An OAuth provider's name for people (current language for "your
/// identity provider").
pub fn provider_name(p: OAuthProvider) -> String {
    match p {
        OAuthProvider::Google => "Google".into(), // not translated: a name
        OAuthProvider::Microsoft => "Microsoft".into(), // not translated: a name
        OAuthProvider::Yahoo => "Yahoo".into(),   // not translated: a name
        OAuthProvider::Aol => "AOL".into(),
        OAuthProvider::Fastmail => "Fastmail".into(), // not translated: a name
        OAuthProvider::Custom => t!("discovery-custom-provider"),
    }
}

/// Where the settings came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// popmail's built-in table.
    Table {
        /// The provider's name.
        provider: &'static str,
    },
    /// An autoconfig file.
    Autoconfig {
        /// Its address.
        url: String,
    },
    /// A DNS SRV record.
    Srv {
        /// The record's name.
        record: String,
    },
    /// A guessed host that answered as a POP3 server.
    Guess,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Table { provider } => {
                f.write_str(&t!("discovery-source-table", provider = *provider))
            }
            Source::Autoconfig { url } => {
                f.write_str(&t!("discovery-source-autoconfig", url = url))
            }
            Source::Srv { record } => f.write_str(&t!("discovery-source-srv", record = record)),
            Source::Guess => f.write_str(&t!("discovery-source-guess")),
        }
    }
}

/// The settings found for an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The address asked about.
    pub email: String,
    /// The provider's name, when known.
    pub provider: Option<String>,
    /// POP3 server.
    pub host: String,
    /// Port.
    pub port: u16,
    /// Connection security.
    pub security: Security,
    /// Login name.
    pub username: String,
    /// Ways to sign in, the best first (never empty).
    pub auth: Vec<AuthChoice>,
    /// Notes for the person.
    pub notes: Vec<String>,
    /// Where this came from.
    pub source: Source,
    /// Earlier steps that gave nothing, each with why.
    pub skipped: Vec<String>,
}

impl Found {
    /// Writes the found settings, with `choice` of sign-in, into `s`. An
    /// OAuth choice keeps a client ID already set for the same provider.
    pub fn apply(&self, s: &mut AccountSettings, choice: AuthChoice) {
        s.email.clone_from(&self.email);
        s.host.clone_from(&self.host);
        s.port = self.port;
        s.security = self.security;
        s.username.clone_from(&self.username);
        match choice {
            AuthChoice::Password | AuthChoice::AppPassword { .. } => {
                s.auth = AuthMethod::Auto;
                s.oauth = None;
            }
            AuthChoice::OAuth2(provider) => {
                s.auth = AuthMethod::OAuth2;
                let keep = s.oauth.take().filter(|o| o.provider == provider);
                s.oauth = Some(keep.unwrap_or(OAuthSettings {
                    provider,
                    ..OAuthSettings::default()
                }));
            }
        }
    }

    /// Several lines for people, in the current language: server, source,
    /// sign-in, notes.
    pub fn describe(&self) -> String {
        let server = t!(
            "discovery-found-server",
            host = &self.host,
            port = self.port.to_string(),
            security = self.security.as_str(),
            user = &self.username
        );
        let mut out = match self.provider.as_deref() {
            Some(p) => t!("discovery-found-provider", provider = p, server = server),
            None => server,
        };
        out.push('\n');
        out.push_str(&t!(
            "discovery-found-source",
            source = self.source.to_string()
        ));
        out.push('\n');
        out.push_str(&t!(
            "discovery-found-sign-in",
            ways = self
                .auth
                .iter()
                .map(|a| match a {
                    AuthChoice::AppPassword { link } => {
                        t!("discovery-auth-app-password-link", link = *link)
                    }
                    other => other.label(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ));
        for note in &self.notes {
            out.push('\n');
            out.push_str(&t!("discovery-found-note", note = note));
        }
        out
    }
}

/// Why no settings were found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The address is not `local@domain`.
    #[error("{}", crate::t!("error-discovery-bad-address", address = address))]
    BadAddress {
        /// The address as typed.
        address: String,
    },
    /// The provider has no POP3 service.
    #[error("{}", crate::t!("error-discovery-no-pop3", provider = *provider, note = note))]
    NoPop3 {
        /// The provider.
        provider: &'static str,
        /// What to do instead, in the current language.
        note: String,
    },
    /// No step found a server.
    #[error("{}", crate::t!("error-discovery-nothing", domain = domain, tried = tried.join("\n")))]
    NotFound {
        /// The mail domain.
        domain: String,
        /// Each step and why it gave nothing.
        tried: Vec<String>,
    },
    /// The search was cancelled.
    #[error("{}", crate::t!("error-discovery-cancelled"))]
    Cancelled,
}

/// Splits an address into its local part and lower-case domain.
pub fn split_address(address: &str) -> Result<(String, String), Error> {
    let bad = || Error::BadAddress {
        address: address.to_string(),
    };
    let address = address.trim();
    let (local, domain) = address.rsplit_once('@').ok_or_else(bad)?;
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    if local.is_empty()
        || local.chars().any(|c| c.is_whitespace() || c.is_control())
        || !domain.contains('.')
        || !autoconfig::valid_host(&domain)
    {
        return Err(bad());
    }
    Ok((local.to_string(), domain))
}

/// The autoconfig addresses of a domain, in the order tried.
pub type AutoconfigUrls = Arc<dyn Fn(&str) -> Vec<String> + Send + Sync>;

/// Everything discovery talks to; each part replaceable for tests.
#[derive(Clone)]
pub struct Discoverer {
    /// The HTTP client (its cancel flag is [`Discoverer::cancel`]'s).
    pub http: HttpClient,
    /// The autoconfig addresses for a domain, in order.
    pub autoconfig_urls: AutoconfigUrls,
    /// The SRV resolver.
    pub resolver: Arc<dyn SrvResolver>,
    /// The POP3 prober.
    pub prober: Arc<dyn Prober>,
    /// Raised to stop.
    pub cancel: Cancel,
}

/// Builds a [`Discoverer`] around a worker's cancel flag.
pub type MakeDiscoverer = Arc<dyn Fn(Cancel) -> Discoverer + Send + Sync>;

impl Discoverer {
    /// The real network: autoconfig over https, the system's DNS, probes
    /// where the names point.
    pub fn system(cancel: Cancel) -> Self {
        Discoverer {
            http: HttpClient::new(cancel.clone()),
            autoconfig_urls: Arc::new(autoconfig::urls),
            resolver: Arc::new(SystemResolver::new()),
            prober: Arc::new(Pop3Prober::default()),
            cancel,
        }
    }

    /// [`Discoverer::system`] as a [`MakeDiscoverer`].
    pub fn system_maker() -> MakeDiscoverer {
        Arc::new(Discoverer::system)
    }

    fn check_cancel(&self) -> Result<(), Error> {
        if self.cancel.is_cancelled() {
            Err(Error::Cancelled)
        } else {
            Ok(())
        }
    }

    /// Finds settings for `email`, telling `progress` what it is doing.
    pub fn find(&self, email: &str, progress: &mut dyn FnMut(String)) -> Result<Found, Error> {
        let (local, domain) = split_address(email)?;
        let email = format!("{local}@{domain}");
        let mut tried = Vec::new();

        progress(t!("discovery-progress-table"));
        if let Some(found) = from_table(&email, &domain)? {
            return Ok(found);
        }
        tried.push(t!("discovery-skipped-table", domain = &domain));

        for url in (self.autoconfig_urls)(&domain) {
            self.check_cancel()?;
            progress(t!("discovery-progress-autoconfig", url = &url));
            match autoconfig::fetch(&self.http, &url, &email) {
                Ok(config) => return Ok(from_autoconfig(&email, &url, config, tried)),
                Err(autoconfig::AutoconfigError::Fetch {
                    source: crate::oauth::http::HttpError::Cancelled,
                    ..
                }) => return Err(Error::Cancelled),
                Err(e) => tried.push(t!(
                    "discovery-skipped-autoconfig",
                    url = &url,
                    error = e.to_string()
                )),
            }
        }

        self.check_cancel()?;
        progress(t!("discovery-progress-srv", domain = &domain));
        match srv::find(self.resolver.as_ref(), &domain, &self.cancel) {
            Ok((record, host, port, security)) => {
                let mut notes = vec![t!("discovery-note-guessed-user")];
                if host != domain && !host.ends_with(&format!(".{domain}")) {
                    notes.push(t!("discovery-note-outside", host = &host, domain = &domain));
                }
                return Ok(Found {
                    provider: None,
                    username: email.clone(),
                    email,
                    host,
                    port,
                    security,
                    auth: vec![AuthChoice::Password],
                    notes,
                    source: Source::Srv { record },
                    skipped: tried,
                });
            }
            Err(why) => tried.push(t!("discovery-skipped-srv", error = why.to_string())),
        }

        for (host, port, security) in guess::candidates(&domain) {
            self.check_cancel()?;
            progress(t!(
                "discovery-progress-guess",
                host = &host,
                port = port.to_string()
            ));
            match self.prober.probe(&host, port, security, &self.cancel) {
                Ok(()) => {
                    return Ok(Found {
                        provider: None,
                        username: email.clone(),
                        email,
                        host,
                        port,
                        security,
                        auth: vec![AuthChoice::Password],
                        notes: vec![t!("discovery-note-guessed-user")],
                        source: Source::Guess,
                        skipped: tried,
                    });
                }
                Err(why) => tried.push(format!("{host}:{port}: {why}")),
            }
        }
        self.check_cancel()?;
        Err(Error::NotFound { domain, tried })
    }
}

fn from_table(email: &str, domain: &str) -> Result<Option<Found>, Error> {
    let Some(entry) = table::lookup(domain) else {
        return Ok(None);
    };
    let Some(host) = entry.host else {
        return Err(Error::NoPop3 {
            provider: entry.name,
            note: entry
                .notes_in_words()
                .into_iter()
                .next()
                .unwrap_or_default(),
        });
    };
    Ok(Some(Found {
        email: email.to_string(),
        provider: Some(entry.name.to_string()),
        host: host.to_string(),
        port: entry.port,
        security: entry.security,
        username: email.to_string(),
        auth: entry.auth.to_vec(),
        notes: entry.notes_in_words(),
        source: Source::Table {
            provider: entry.name,
        },
        skipped: Vec::new(),
    }))
}

fn from_autoconfig(
    email: &str,
    url: &str,
    config: autoconfig::Autoconfig,
    skipped: Vec<String>,
) -> Found {
    // Prefer implicit TLS, then STLS, then whatever the file lists first.
    let mut servers = config.servers;
    servers.sort_by_key(|s| match s.security {
        Security::Tls => 0,
        Security::StartTls => 1,
        Security::Plain => 2,
    });
    let mut notes = config.notes;
    let (host, port, security, username, auth) = match servers.into_iter().next() {
        Some(s) => (s.host, s.port, s.security, s.username, s.auth),
        None => (String::new(), 995, Security::Tls, String::new(), Vec::new()),
    };
    if security == Security::Plain {
        notes.push(t!("discovery-note-plain-only"));
    }
    let mut choices = Vec::new();
    if auth.contains(&autoconfig::AutoAuth::OAuth2) {
        notes.push(t!("discovery-note-oauth"));
    }
    if auth.is_empty() || auth.contains(&autoconfig::AutoAuth::Password) {
        choices.push(AuthChoice::Password);
    } else {
        notes.push(t!("discovery-note-unknown-auth"));
        choices.push(AuthChoice::Password);
    }
    Found {
        email: email.to_string(),
        provider: config.display_name,
        host,
        port,
        security,
        username: if username.is_empty() {
            email.to_string()
        } else {
            username
        },
        auth: choices,
        notes,
        source: Source::Autoconfig {
            url: url.to_string(),
        },
        skipped,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn addresses_split() {
        assert_eq!(
            split_address(" Ann@Example.COM ").unwrap(),
            ("Ann".to_string(), "example.com".to_string())
        );
        assert!(split_address("nobody").is_err());
        assert!(split_address("a@localhost").is_err());
        assert!(split_address("a b@example.com").is_err());
    }
}

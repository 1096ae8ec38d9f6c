//! The provider's autoconfig file: the public Thunderbird format
//! `config-v1.1.xml` (Mozilla wiki "Thunderbird:Autoconfiguration:
//! ConfigFileFormat"), fetched from `https://autoconfig.DOMAIN/mail/
//! config-v1.1.xml` and `https://DOMAIN/.well-known/autoconfig/mail/
//! config-v1.1.xml`, the second step of discovery.
//!
//! The file is hostile input:
//! - it is fetched through [`crate::oauth::HttpClient::get`]: `https://`
//!   only, at most [`MAX_FILE`] bytes within [`FETCH_TIMEOUT`], redirects
//!   never down to `http://` and only within the mail domain or to the
//!   known sign-in hosts;
//! - it is read with `quick-xml`, which expands no entity; a `<!DOCTYPE>`
//!   (the only way to declare entities, XML 1.0 §4.2) is refused outright,
//!   and only the five predefined entities and character references are
//!   accepted in text (XML 1.0 §4.6, §4.1);
//! - depth, element count and text length are bounded; every value is
//!   checked (host names are names, ports are numbers from 1 to 65535,
//!   `socketType` is one of `SSL`, `STARTTLS`, `plain`), and each refusal
//!   says what was wrong.
//!
//! [`parse`] is pure, for the tests and the `autoconfig` fuzz target.

use std::time::Duration;

use quick_xml::events::Event;

use crate::account::Security;
use crate::oauth::http::{GetLimits, HttpError};
use crate::oauth::{HttpClient, SIGN_IN_HOSTS};

/// Largest autoconfig file accepted (real ones are 2–10 KB).
pub const MAX_FILE: u64 = 256 * 1024;
/// Longest a fetch may take, redirects included.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(15);
/// Deepest element nesting accepted.
pub const MAX_DEPTH: usize = 16;
/// Most XML events read from one file.
pub const MAX_EVENTS: usize = 20_000;
/// Longest text of one element, in bytes.
pub const MAX_TEXT: usize = 2048;
/// Most POP3 servers kept from one file.
pub const MAX_SERVERS: usize = 8;
/// Most notes (`<instruction>` texts) kept from one file.
pub const MAX_NOTES: usize = 4;

/// Why an autoconfig file was not used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AutoconfigError {
    /// Fetching it failed.
    #[error("{}", crate::t!("error-autoconfig-fetch", url = url, error = source.to_string()))]
    Fetch {
        /// The address.
        url: String,
        /// Why.
        source: HttpError,
    },
    /// It is not well-formed XML, or not UTF-8.
    #[error("{}", crate::t!("error-autoconfig-xml", detail = detail))]
    NotXml {
        /// The XML reader's complaint.
        detail: String,
    },
    /// It declares a DTD, which could define entities.
    #[error("{}", crate::t!("error-autoconfig-dtd"))]
    Dtd,
    /// It refers to an entity other than the five predefined ones.
    #[error("{}", crate::t!("error-autoconfig-entity", name = name))]
    Entity {
        /// The entity's name.
        name: String,
    },
    /// It exceeds a size bound.
    #[error("{}", crate::t!("error-autoconfig-too-big", what = what))]
    TooBig {
        /// Which bound, in words (current language).
        what: String,
    },
    /// Its root element is not `clientConfig`.
    #[error("{}", crate::t!("error-autoconfig-root", root = root))]
    NotAutoconfig {
        /// The root element's name.
        root: String,
    },
    /// A value has the wrong type.
    #[error("{}", crate::t!("error-autoconfig-bad-field", field = *field, value = value, why = why))]
    BadValue {
        /// The element.
        field: &'static str,
        /// The value as found (shortened).
        value: String,
        /// What it should be, in words (current language).
        why: String,
    },
    /// A POP3 server entry lacks a required element.
    #[error("{}", crate::t!("error-autoconfig-missing", field = *field))]
    Missing {
        /// The element.
        field: &'static str,
    },
    /// The file lists no POP3 server (IMAP only, typically).
    #[error("{}", crate::t!("error-autoconfig-no-pop3"))]
    NoPop3,
}

/// Which way of signing in a server entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoAuth {
    /// `password-cleartext` or `password-encrypted`.
    Password,
    /// `OAuth2`.
    OAuth2,
    /// Anything popmail cannot do (`NTLM`, `GSSAPI`, `client-IP-address`, …).
    Other,
}

/// One `<incomingServer type="pop3">`, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopServer {
    /// Host name (placeholders replaced).
    pub host: String,
    /// Port, 1–65535.
    pub port: u16,
    /// Connection security.
    pub security: Security,
    /// User name (placeholders replaced); empty when the file gives none.
    pub username: String,
    /// The `<authentication>` values, in file order.
    pub auth: Vec<AutoAuth>,
}

/// What a file says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Autoconfig {
    /// `<displayName>` of the provider, when given.
    pub display_name: Option<String>,
    /// The POP3 servers, at least one, in file order.
    pub servers: Vec<PopServer>,
    /// `<instruction>` texts (English or unmarked) for the person.
    pub notes: Vec<String>,
}

/// The two addresses of `domain`'s autoconfig file, in the order tried.
pub fn urls(domain: &str) -> Vec<String> {
    vec![
        format!("https://autoconfig.{domain}/mail/config-v1.1.xml"),
        format!("https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml"),
    ]
}

/// Whether a redirect to `url` may be followed when looking for `domain`'s
/// file first asked at `first`.
pub fn may_follow(domain: &str, first: &url::Url, url: &url::Url) -> Result<(), String> {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let within = host == domain || host.ends_with(&format!(".{domain}"));
    let same = first
        .host_str()
        .is_some_and(|h| h.eq_ignore_ascii_case(&host));
    if within || same || SIGN_IN_HOSTS.contains(&host.as_str()) {
        Ok(())
    } else {
        Err(crate::t!("autoconfig-redirect-leaves", domain = domain))
    }
}

/// Fetches and parses the file at `url` for `email`.
pub fn fetch(http: &HttpClient, url: &str, email: &str) -> Result<Autoconfig, AutoconfigError> {
    let domain = email
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let fetch_err = |source| AutoconfigError::Fetch {
        url: url.to_string(),
        source,
    };
    let first = url::Url::parse(url).map_err(|e| {
        fetch_err(HttpError::Refused {
            url: url.to_string(),
            reason: e.to_string(),
        })
    })?;
    let limits = GetLimits {
        max_body: MAX_FILE,
        timeout: FETCH_TIMEOUT,
    };
    let body = http
        .get(url, limits, &|next| may_follow(&domain, &first, next))
        .map_err(fetch_err)?;
    parse(&body, email)
}

/// Where the reader is in the document.
#[derive(Default)]
struct Current {
    in_pop3: bool,
    host: Option<String>,
    port: Option<String>,
    socket: Option<String>,
    username: Option<String>,
    auth: Vec<AutoAuth>,
}

/// Parses an autoconfig file for `email` (`local@domain`, used for the
/// `%EMAILADDRESS%`, `%EMAILLOCALPART%` and `%EMAILDOMAIN%` placeholders).
pub fn parse(bytes: &[u8], email: &str) -> Result<Autoconfig, AutoconfigError> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut out = Autoconfig::default();
    let mut server = Current::default();
    let mut saw_root = false;
    let mut at_eof = false;
    for _ in 0..MAX_EVENTS {
        let event = reader.read_event().map_err(|e| AutoconfigError::NotXml {
            detail: e.to_string(),
        })?;
        match event {
            Event::DocType(_) => return Err(AutoconfigError::Dtd),
            Event::Start(start) => {
                let name = local_name(start.local_name().as_ref());
                if stack.is_empty() {
                    if saw_root || name != "clientConfig" {
                        return Err(AutoconfigError::NotAutoconfig { root: name });
                    }
                    saw_root = true;
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(AutoconfigError::TooBig {
                        what: crate::t!("autoconfig-bound-nesting"),
                    });
                }
                if name == "incomingServer" {
                    let kind = start
                        .try_get_attribute("type")
                        .ok()
                        .flatten()
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        });
                    server = Current {
                        in_pop3: kind.as_deref() == Some("pop3"),
                        ..Current::default()
                    };
                }
                if name == "instruction" {
                    let lang = start
                        .try_get_attribute("lang")
                        .ok()
                        .flatten()
                        .and_then(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .ok()
                                .map(|v| v.into_owned())
                        });
                    if !lang.as_deref().is_none_or(|l| l.starts_with("en")) {
                        // Not English: skip its text by marking the element.
                        stack.push("instruction-other".to_string());
                        text.clear();
                        continue;
                    }
                }
                stack.push(name);
                text.clear();
            }
            Event::Empty(start) => {
                if stack.is_empty() {
                    let root = local_name(start.local_name().as_ref());
                    return Err(if root == "clientConfig" {
                        AutoconfigError::NoPop3
                    } else {
                        AutoconfigError::NotAutoconfig { root }
                    });
                }
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| AutoconfigError::NotXml {
                    detail: e.to_string(),
                })?;
                push_text(&mut text, &s)?;
            }
            Event::CData(c) => {
                let s = c.decode().map_err(|e| AutoconfigError::NotXml {
                    detail: e.to_string(),
                })?;
                push_text(&mut text, &s)?;
            }
            Event::GeneralRef(r) => {
                let name = r.decode().map_err(|e| AutoconfigError::NotXml {
                    detail: e.to_string(),
                })?;
                let c = match name.as_ref() {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "apos" => '\'',
                    "quot" => '"',
                    _ => match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        _ => {
                            return Err(AutoconfigError::Entity {
                                name: shorten(&name),
                            });
                        }
                    },
                };
                push_text(&mut text, c.encode_utf8(&mut [0; 4]))?;
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                let value = std::mem::take(&mut text).trim().to_string();
                let parent = stack.last().map(String::as_str).unwrap_or_default();
                end_element(&name, parent, value, &mut server, &mut out, email)?;
                if stack.is_empty() {
                    break;
                }
            }
            Event::Eof => {
                at_eof = true;
                break;
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(if !at_eof {
            AutoconfigError::TooBig {
                what: crate::t!("autoconfig-bound-elements"),
            }
        } else {
            AutoconfigError::NotXml {
                detail: crate::t!("autoconfig-ends-early"),
            }
        });
    }
    if !saw_root {
        return Err(AutoconfigError::NotAutoconfig {
            root: "nothing".to_string(),
        });
    }
    if out.servers.is_empty() {
        return Err(AutoconfigError::NoPop3);
    }
    Ok(out)
}

fn push_text(text: &mut String, s: &str) -> Result<(), AutoconfigError> {
    if text.len() + s.len() > MAX_TEXT {
        return Err(AutoconfigError::TooBig {
            what: crate::t!("autoconfig-bound-text"),
        });
    }
    text.push_str(s);
    Ok(())
}

fn local_name(raw: &[u8]) -> String {
    shorten(&String::from_utf8_lossy(raw))
}

/// At most 60 characters of `s`, for error messages.
fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

fn end_element(
    name: &str,
    parent: &str,
    value: String,
    server: &mut Current,
    out: &mut Autoconfig,
    email: &str,
) -> Result<(), AutoconfigError> {
    match (parent, name) {
        ("emailProvider", "displayName") if out.display_name.is_none() && !value.is_empty() => {
            out.display_name = Some(clean_text(&value));
        }
        ("incomingServer", field) if server.in_pop3 => {
            let slot = match field {
                "hostname" => &mut server.host,
                "port" => &mut server.port,
                "socketType" => &mut server.socket,
                "username" => &mut server.username,
                "authentication" => {
                    server.auth.push(match value.as_str() {
                        "password-cleartext" | "password-encrypted" | "plain" | "secure" => {
                            AutoAuth::Password
                        }
                        "OAuth2" => AutoAuth::OAuth2,
                        _ => AutoAuth::Other,
                    });
                    return Ok(());
                }
                _ => return Ok(()),
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
        (_, "incomingServer") if server.in_pop3 => {
            let done = std::mem::take(server);
            if out.servers.len() < MAX_SERVERS {
                out.servers.push(check_server(done, email)?);
            }
        }
        (_, "instruction") if !value.is_empty() && out.notes.len() < MAX_NOTES => {
            out.notes.push(clean_text(&value));
        }
        _ => {}
    }
    Ok(())
}

/// Collapses whitespace and drops control characters.
fn clean_text(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Replaces the format's placeholders.
fn substitute(s: &str, email: &str) -> String {
    let (local, domain) = email.rsplit_once('@').unwrap_or((email, ""));
    s.replace("%EMAILADDRESS%", email)
        .replace("%EMAILLOCALPART%", local)
        .replace("%EMAILDOMAIN%", domain)
}

/// Whether `host` is a plausible DNS name or IP address.
pub fn valid_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
}

fn check_server(c: Current, email: &str) -> Result<PopServer, AutoconfigError> {
    let host_raw = c
        .host
        .ok_or(AutoconfigError::Missing { field: "hostname" })?;
    let host = substitute(&host_raw, email).to_ascii_lowercase();
    if !valid_host(&host) {
        return Err(AutoconfigError::BadValue {
            field: "hostname",
            value: shorten(&host_raw),
            why: crate::t!("autoconfig-why-host"),
        });
    }
    let socket = c.socket.ok_or(AutoconfigError::Missing {
        field: "socketType",
    })?;
    let security = match socket.as_str() {
        "SSL" | "TLS" => Security::Tls,
        "STARTTLS" => Security::StartTls,
        "plain" => Security::Plain,
        _ => {
            return Err(AutoconfigError::BadValue {
                field: "socketType",
                value: shorten(&socket),
                why: crate::t!("autoconfig-why-socket"),
            });
        }
    };
    let port = match c.port {
        None => security.default_port(),
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 => n,
            _ => {
                return Err(AutoconfigError::BadValue {
                    field: "port",
                    value: shorten(&p),
                    why: crate::t!("autoconfig-why-port"),
                });
            }
        },
    };
    let username = substitute(c.username.as_deref().unwrap_or_default(), email);
    if username.chars().any(char::is_control) || username.len() > 255 {
        return Err(AutoconfigError::BadValue {
            field: "username",
            value: shorten(&username),
            why: crate::t!("autoconfig-why-username"),
        });
    }
    Ok(PopServer {
        host,
        port,
        security,
        username,
        auth: c.auth,
    })
}

//! One-off jobs of the sync worker: "Test connection" step by step, the
//! dry run ("what would the next sync delete on the server?"), and fetching
//! the full message for a headers-only one.
//!
//! Each signs in as a sync does ([`session::login_config`]): the saved
//! password, or for an OAuth 2.0 account (RFC 6749, RFC 7628) a fresh
//! access token, refreshed once more when the server refuses it.

use super::policy::{Downloads, OnServer, plan_deletions};
use super::session::{self, pop3_config};
use super::{CertSummary, DryRunReport, Emitter, Error, Event, SyncOptions, TestStep};
use crate::account::{AccountSettings, AuthMethod};
use crate::pop3::{self, Client, ProtocolLog, Step};
use crate::secret::Secret;
use crate::store::{Account, AccountId, Dedupe, Flags, MessageId, NewMessage, Store};
use crate::t;
use crate::worker::Cancel;

fn cert_summary(c: &pop3::CertInfo) -> CertSummary {
    CertSummary {
        subject: c.subject.clone(),
        issuer: c.issuer.clone(),
        sha256: c.sha256.clone(),
        not_after: c.not_after.clone(),
    }
}

/// What "Test connection" signs in with, for `settings` as typed: the
/// password typed (or saved); for OAuth 2.0, the saved sign-in of the
/// account being edited (`account`), else the access token of a sign-in
/// just made in the form (handed over as `password`).
fn test_config(
    options: &SyncOptions,
    settings: &AccountSettings,
    account: Option<AccountId>,
    password: Secret,
) -> Result<pop3::Config, Error> {
    if settings.auth != AuthMethod::OAuth2 {
        return Ok(pop3_config(settings, password, options.timeouts));
    }
    if password.is_empty() {
        let Some(id) = account else {
            return Err(Error::SignInNeeded(settings.name.clone()));
        };
        let store = Store::open(&options.store)?;
        let saved = store.account(id)?;
        let account = Account {
            settings: settings.clone(),
            ..saved
        };
        return session::login_config(&store, &account, options.timeouts, &Cancel::new(), None);
    }
    let oauth = settings
        .oauth
        .as_ref()
        .ok_or_else(|| Error::SignInNeeded(settings.name.clone()))?;
    let endpoints = crate::oauth::resolve(oauth, &|k| std::env::var(k).ok())?;
    let mut cfg = pop3_config(settings, password, options.timeouts);
    cfg.oauth_mechanism = endpoints.mechanism;
    cfg.oauth_initial_response = endpoints.initial_response;
    Ok(cfg)
}

/// Tries `settings` and reports each step as it happens. `password` is the
/// password typed, or for OAuth 2.0 an access token or empty (see
/// [`test_config`]); `account` is the saved account being edited, if any.
pub fn test_connection(
    options: &SyncOptions,
    emit: &Emitter,
    request: u64,
    settings: &AccountSettings,
    account: Option<AccountId>,
    password: Secret,
) {
    let step = |name: &str,
                outcome: Result<String, String>,
                certificate: Option<CertSummary>,
                last: bool| {
        emit.send(Event::TestStep {
            request,
            step: TestStep {
                name: name.into(),
                outcome,
            },
            certificate,
            last,
        });
    };
    let cfg = match test_config(options, settings, account, password) {
        Ok(cfg) => cfg,
        Err(e) => {
            step(&t!("sync-step-sign-in"), Err(e.user_message()), None, true);
            return;
        }
    };
    let mut log = ProtocolLog::new();
    let mut on_step = |s: &Step| match s {
        Step::Resolved { addrs } => step(
            &t!("sync-step-resolve"),
            Ok(t!(
                "sync-step-resolved",
                host = &cfg.host,
                addresses = addrs
                    .iter()
                    .map(|a| a.ip().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            None,
            false,
        ),
        Step::Connected { addr } => step(
            &t!("sync-step-connect"),
            Ok(t!("sync-step-connected", addr = addr.to_string())),
            None,
            false,
        ),
        Step::TlsEstablished { cert, upgraded } => step(
            &t!("sync-step-tls"),
            Ok(t!(
                "sync-step-tls-up",
                upgraded = if *upgraded { "yes" } else { "no" },
                subject = &cert.subject,
                issuer = &cert.issuer,
                until = &cert.not_after
            )),
            Some(cert_summary(cert)),
            false,
        ),
        Step::Greeting { text } => step(&t!("sync-step-greeting"), Ok(text.clone()), None, false),
        Step::Capabilities(caps) => step(
            &t!("sync-step-capabilities"),
            Ok(describe_capabilities(caps)),
            None,
            false,
        ),
    };
    let mut client = match Client::connect_with(&cfg, &mut log, &mut on_step) {
        Ok(c) => c,
        Err(e) => {
            let err = Error::from(e);
            let mut text = err.user_message();
            if let Some(hint) = port_hint(settings, &err) {
                text.push(' ');
                text.push_str(&hint);
            }
            step(&failed_step(&err), Err(text), err.certificate(), true);
            return;
        }
    };
    if let Err(e) = client.login() {
        step(
            &t!("sync-step-login"),
            Err(Error::from(e).user_message()),
            None,
            true,
        );
        return;
    }
    step(
        &t!("sync-step-login"),
        Ok(t!("sync-step-signed-in", user = &settings.username)),
        None,
        false,
    );
    match client.stat() {
        Ok((count, size)) => {
            // The test is answered; a QUIT that fails changes nothing on the server.
            let _ = client.quit();
            step(
                &t!("sync-step-mailbox"),
                Ok(t!(
                    "sync-step-on-server",
                    messages = crate::fmt::messages(u64::from(count)),
                    size = crate::fmt::size(size)
                )),
                None,
                true,
            );
        }
        Err(e) => step(
            &t!("sync-step-mailbox"),
            Err(Error::from(e).user_message()),
            None,
            true,
        ),
    }
}

/// What the server offers (RFC 2449 CAPA), in words.
fn describe_capabilities(caps: &pop3::Capabilities) -> String {
    if !caps.capa_supported {
        return t!("sync-caps-none");
    }
    let mut sign_in: Vec<String> = Vec::new();
    if caps.user {
        sign_in.push("USER/PASS".into());
    }
    sign_in.extend(caps.sasl.iter().cloned());
    let mut parts = vec![if sign_in.is_empty() {
        t!("sync-caps-no-sign-in")
    } else {
        t!("sync-caps-sign-in", methods = sign_in.join(", "))
    }];
    if caps.stls {
        parts.push("STARTTLS".into());
    }
    if caps.uidl {
        parts.push(t!("sync-caps-uidl"));
    } else {
        parts.push(t!("sync-caps-no-uidl"));
    }
    if caps.top {
        parts.push(t!("sync-caps-top"));
    }
    if caps.pipelining {
        parts.push(t!("sync-caps-pipelining"));
    }
    if let Some(s) = caps.login_delay {
        parts.push(t!("sync-caps-login-delay", seconds = s));
    }
    match caps.expire {
        Some(pop3::Expire::Never) => parts.push(t!("sync-caps-expire-never")),
        Some(pop3::Expire::Days(0)) => parts.push(t!("sync-caps-expire-now")),
        Some(pop3::Expire::Days(d)) => parts.push(t!("sync-caps-expire-days", days = d)),
        None => {}
    }
    if let Some(i) = caps.implementation.as_deref().filter(|i| !i.is_empty()) {
        parts.push(t!("sync-caps-server", name = i));
    }
    parts.join("; ")
}

/// When a connection fails before login and the port is the conventional
/// port of another security mode (995: implicit TLS, RFC 8314; 110: plain or
/// STLS, RFC 1939/2595), a suggestion to match them.
fn port_hint(settings: &AccountSettings, e: &Error) -> Option<String> {
    use crate::account::Security;
    let early = matches!(
        e,
        Error::Pop3(
            pop3::Error::Tls { .. }
                | pop3::Error::Timeout { .. }
                | pop3::Error::ConnectionClosed { .. }
                | pop3::Error::Protocol { .. }
                | pop3::Error::Io { .. }
        )
    );
    if !early {
        return None;
    }
    match (settings.security, settings.port) {
        (Security::Tls, 110) => Some(t!("sync-hint-port-110")),
        (Security::StartTls | Security::Plain, 995) => Some(t!("sync-hint-port-995")),
        _ => None,
    }
}

fn failed_step(e: &Error) -> String {
    match e {
        Error::Pop3(pop3::Error::Resolve { .. }) => t!("sync-step-resolve"),
        Error::Pop3(pop3::Error::Connect { .. }) => t!("sync-step-connect"),
        Error::Pop3(
            pop3::Error::Tls { .. }
            | pop3::Error::CertificateUntrusted { .. }
            | pop3::Error::CertificateNameMismatch { .. }
            | pop3::Error::StlsUnavailable
            | pop3::Error::StlsRefused { .. },
        ) => t!("sync-step-tls"),
        _ => t!("sync-step-connect"),
    }
}

/// Says what the next sync of `account` would delete on the server.
pub fn dry_run(options: &SyncOptions, emit: &Emitter, account: AccountId) {
    let report = dry_run_report(options, account).map_err(|e| e.user_message());
    emit.send(Event::DryRun { account, report });
}

fn dry_run_report(options: &SyncOptions, account: AccountId) -> Result<DryRunReport, Error> {
    let store = Store::open(&options.store)?;
    let account = store.account(account)?;
    let (client, server) = open_and_list(options, &store, &account)?;
    // Nothing was changed on the server; a failed QUIT costs nothing.
    let _ = client.quit();
    let ledger = store.ledger(account.id)?;
    let now = (options.clock)();
    let new: Vec<OnServer> = server
        .iter()
        .filter(|m| !ledger.contains_key(&m.uidl))
        .cloned()
        .collect();
    let downloads = Downloads::split(account.settings.max_size_kb, new);
    // The same plan a sync makes once these downloads are stored.
    let mut projected = downloads.stored(&ledger, now);
    super::policy::keep_on_server(&mut projected, &store.kept_on_server(account.id)?);
    let plan = plan_deletions(
        account.settings.policy,
        account.settings.delete_when_deleted_here,
        &server,
        &projected,
        now,
    );
    let times: Vec<i64> = plan
        .iter()
        .filter_map(|(m, _)| projected.get(&m.uidl))
        .map(|e| e.downloaded_at)
        .collect();
    Ok(DryRunReport {
        on_server: server.len() as u64,
        would_delete: plan.len() as u64,
        would_delete_bytes: plan.iter().map(|(m, _)| m.size).sum(),
        received_between: times
            .iter()
            .min()
            .zip(times.iter().max())
            .map(|(a, b)| (*a, *b)),
        would_download: downloads.len() as u64,
    })
}

/// Logs in to an account's server as a sync does (password or OAuth) and
/// lists what is there. An access token the server refuses at login is
/// refreshed once more, as in a sync.
fn open_and_list(
    options: &SyncOptions,
    store: &Store,
    account: &Account,
) -> Result<(Client, Vec<OnServer>), Error> {
    let cancel = Cancel::new();
    let cfg = session::login_config(store, account, options.timeouts, &cancel, None)?;
    let mut client = match session::open(&cfg) {
        Err(pop3::Error::SignInExpired { .. }) if account.settings.auth == AuthMethod::OAuth2 => {
            let cfg = session::login_config(
                store,
                account,
                options.timeouts,
                &cancel,
                Some(&cfg.password),
            )?;
            session::open(&cfg)?
        }
        other => other?,
    };
    let server = session::listing(&mut client)?.messages;
    Ok((client, server))
}

/// Downloads the full message for a headers-only one and replaces it.
pub fn fetch_full(options: &SyncOptions, emit: &Emitter, message: MessageId) {
    let new = fetch_full_inner(options, message).map_err(|e| e.user_message());
    emit.send(Event::FullFetched { old: message, new });
}

fn fetch_full_inner(options: &SyncOptions, message: MessageId) -> Result<MessageId, Error> {
    let mut store = Store::open(&options.store)?;
    let (Some(account), Some(uidl)) = store.message_origin(message)? else {
        return Err(crate::store::Error::Invalid(t!("sync-full-not-from-account")).into());
    };
    let account = store.account(account)?;
    let (mut client, server) = open_and_list(options, &store, &account)?;
    let Some(m) = server.iter().find(|m| m.uidl == uidl) else {
        // The error below is the one to report; nothing was changed there,
        // so QUIT waits only a few seconds.
        let _ = client.quit_after_error(); // the error below is what counts
        return Err(crate::store::Error::NotFound(t!("sync-full-gone")).into());
    };
    let raw = client.retr(m.msg)?;
    // RETR changes nothing on the server; the bytes are what matters now.
    let _ = client.quit();
    let full = NewMessage::prepare(raw, account.inbox, Flags::default())
        .from_account(account.id, Some(uidl.clone()))
        .dedupe(Dedupe::None);
    Ok(store.replace_partial(message, &uidl, full)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Security;

    fn settings(security: Security, port: u16) -> AccountSettings {
        AccountSettings {
            security,
            port,
            ..AccountSettings::default()
        }
    }

    #[test]
    fn a_port_of_the_other_security_mode_gets_a_hint() {
        let handshake = Error::Pop3(pop3::Error::Tls {
            detail: "wrong version number".into(),
        });
        let hint = port_hint(&settings(Security::Tls, 110), &handshake).expect("hint");
        assert!(hint.contains("choose STARTTLS for port 110"));
        let silent = Error::Pop3(pop3::Error::Timeout {
            during: "the greeting".into(),
        });
        assert!(
            port_hint(&settings(Security::StartTls, 995), &silent)
                .is_some_and(|h| h.contains("choose TLS for port 995"))
        );
        assert_eq!(port_hint(&settings(Security::Tls, 995), &handshake), None);
        let refused = Error::Pop3(pop3::Error::AuthFailed {
            server_text: "no".into(),
            tried: String::new(),
        });
        assert_eq!(port_hint(&settings(Security::Tls, 110), &refused), None);
    }

    #[test]
    fn capabilities_in_words() {
        let caps = pop3::Capabilities::from_lines([
            b"USER".as_slice(),
            b"SASL PLAIN LOGIN",
            b"STLS",
            b"UIDL",
            b"TOP",
            b"IMPLEMENTATION Dovecot",
        ]);
        assert_eq!(
            describe_capabilities(&caps),
            "sign-in: USER/PASS, PLAIN, LOGIN; STARTTLS; unique IDs (UIDL); headers only (TOP); \
             server: Dovecot"
        );
        assert!(describe_capabilities(&pop3::Capabilities::default()).contains("no CAPA"));
    }
}

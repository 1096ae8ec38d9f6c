//! Opening a POP3 session for an account, and learning what is on the server.
//!
//! Identity: a message is known by its UIDL (RFC 1939 §7); a UIDL listed
//! twice is made distinct by `identity`. For servers without UIDL, popmail
//! derives one from the message's headers, fetched with `TOP n 0` (or RETR
//! without TOP), as Evolution does: `hdr:` + SHA-256 of the header block
//! (`identity::header_identity`). The trade-offs: two byte-identical header
//! blocks (extremely rare: they would share Message-ID, Date and Received
//! lines) are told apart only by their order (`#2`); a server that rewrites
//! headers makes the message look new (it is then deduplicated by its
//! SHA-256 when the bytes are the same).
//!
//! Signing in: [`login_config`] hands the login the password, or for an
//! OAuth 2.0 account a fresh access token. Access tokens live only in this
//! process's memory ([`ACCESS`]); one is refreshed (RFC 6749 §6) when it
//! is near its expiry, and once more when the server refused it. A refresh
//! token the provider no longer accepts is forgotten, and the account then
//! fails with [`Error::SignInNeeded`] ("sign in again") until
//! `popmail account login` signs it in; other accounts are not affected.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

use super::identity;
pub use super::identity::header_identity;
use super::policy::OnServer;
use super::{Error, Timeouts};
use crate::account::{AccountSettings, AuthMethod};
use crate::credentials;
use crate::oauth::{self, HttpClient, Tokens};
use crate::pop3::{self, Client};
use crate::secret::Secret;
use crate::store::{Account, Store};
use crate::worker::Cancel;

/// Access tokens of OAuth accounts, by store file and account id: memory
/// only, never saved.
static ACCESS: Mutex<Option<HashMap<String, Tokens>>> = Mutex::new(None);

fn access_key(store: &Store, account: &Account) -> String {
    format!("{}#{}", store.path().display(), account.id.0)
}

/// Keeps `tokens` as the in-memory sign-in of `account` (after a sign-in by
/// the CLI or the window, so the next sync needs no refresh).
pub fn remember_access(store: &Store, account: &Account, tokens: &Tokens) {
    let mut map = ACCESS.lock().unwrap_or_else(PoisonError::into_inner);
    map.get_or_insert_with(HashMap::new)
        .insert(access_key(store, account), tokens.clone());
}

/// The POP3 settings of `account` with what its login presents: the saved
/// password, or a fresh OAuth access token. `refused` is an access token the
/// server just refused: it is not handed out again (one more refresh).
pub fn login_config(
    store: &Store,
    account: &Account,
    timeouts: Timeouts,
    cancel: &Cancel,
    refused: Option<&Secret>,
) -> Result<pop3::Config, Error> {
    let s = &account.settings;
    if s.auth != AuthMethod::OAuth2 {
        let password = credentials::load(store, account.id)?
            .ok_or_else(|| Error::NoPassword(s.name.clone()))?;
        return Ok(pop3_config(s, password, timeouts));
    }
    let settings = s
        .oauth
        .as_ref()
        .ok_or_else(|| Error::SignInNeeded(s.name.clone()))?;
    let endpoints = oauth::resolve(settings, &|k| std::env::var(k).ok())?;
    let key = access_key(store, account);
    let cached = ACCESS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .as_ref()
        .and_then(|m| m.get(&key).cloned());
    let usable = cached
        .filter(|t| !t.needs_refresh(SystemTime::now()) && refused.is_none_or(|r| *r != t.access));
    let tokens = match usable {
        Some(t) => t,
        None => {
            let refresh = credentials::load_refresh_token(store, account.id)?
                .ok_or_else(|| Error::SignInNeeded(s.name.clone()))?;
            match oauth::refresh(&endpoints, &refresh, &HttpClient::new(cancel.clone())) {
                Ok(t) => {
                    if let Some(new) = t.refresh.as_ref().filter(|n| **n != refresh) {
                        credentials::save_refresh_token(store, account.id, new)?;
                    }
                    remember_access(store, account, &t);
                    t
                }
                Err(oauth::Error::SignInAgain { .. }) => {
                    credentials::forget_refresh_token(store, account.id)?;
                    return Err(Error::SignInNeeded(s.name.clone()));
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    let mut cfg = pop3_config(s, tokens.access, timeouts);
    cfg.oauth_mechanism = endpoints.mechanism;
    cfg.oauth_initial_response = endpoints.initial_response;
    Ok(cfg)
}

/// The POP3 settings of an account.
pub fn pop3_config(s: &AccountSettings, password: Secret, timeouts: Timeouts) -> pop3::Config {
    let mut cfg = pop3::Config::new(s.host.clone(), s.username.clone(), password);
    cfg.port = s.port;
    cfg.security = s.security;
    cfg.allow_plaintext_password = s.allow_plaintext_password;
    cfg.auth = s.auth;
    cfg.ca_file = s.ca_file.clone();
    cfg.pinned_sha256 = s.pinned_sha256.clone();
    cfg.connect_timeout = timeouts.connect;
    cfg.read_timeout = timeouts.read;
    cfg
}

/// Connects and logs in.
pub fn open(cfg: &pop3::Config) -> Result<Client, pop3::Error> {
    let mut client = Client::connect(cfg)?;
    client.login()?;
    Ok(client)
}

/// What is on the server, as a sync sees it.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Every message with its identity, in message-number order.
    pub messages: Vec<OnServer>,
    /// The identities given to messages whose UIDL the server listed more
    /// than once (see `sync::identity`).
    pub shared_uidl: HashSet<String>,
}

/// Every message on the server with its identity, in message-number order.
pub fn listing(client: &mut Client) -> Result<Listing, Error> {
    let sizes = client.list()?;
    let ids: Vec<(u32, String)> = match client.uidl() {
        Ok(list) => list
            .into_iter()
            .map(|(n, u)| (n, u.as_str().to_string()))
            .collect(),
        Err(pop3::Error::UidlUnsupported) => {
            let mut out = Vec::with_capacity(sizes.len());
            for (n, _) in &sizes {
                let headers = head(client, *n)?;
                out.push((*n, header_identity(&headers)));
            }
            out
        }
        Err(e) => return Err(e.into()),
    };
    let mut out: Vec<OnServer> = sizes
        .into_iter()
        .filter_map(|(msg, size)| {
            ids.iter()
                .find(|(n, _)| *n == msg)
                .map(|(_, uidl)| OnServer {
                    msg,
                    size,
                    uidl: uidl.clone(),
                })
        })
        .collect();
    out.sort_by_key(|m| m.msg);
    let shared_uidl = identity::distinguish(&mut out, &mut |msg| head(client, msg))?;
    Ok(Listing {
        messages: out,
        shared_uidl,
    })
}

/// A message's header block: `TOP n 0`, or the whole message when the
/// server has no TOP (RFC 2449 §6.4: not in CAPA; or refused).
pub fn head(client: &mut Client, msg: u32) -> Result<Vec<u8>, pop3::Error> {
    let caps = client.capabilities();
    if !caps.capa_supported || caps.top {
        match client.top(msg, 0) {
            Err(pop3::Error::Rejected { .. }) => {}
            other => return other,
        }
    }
    client.retr(msg)
}

/// The Message-ID in a header block, without angle brackets.
pub fn message_id(top0: &[u8]) -> Option<String> {
    crate::mail::envelope(top0).message_id
}

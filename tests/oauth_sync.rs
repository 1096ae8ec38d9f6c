//! The sync worker with OAuth 2.0 accounts, in process, against the mock
//! identity provider and Dovecot's oauth2 passdb: the browser flow, then a
//! sync on the access token kept in memory; an access token the server
//! refuses is refreshed once and the sync goes on with no duplicate
//! download; a token near its expiry is refreshed before login; a revoked
//! refresh token gives "Sign in again" and is forgotten, while a second
//! account in the same worker still syncs; the protocol log never shows a
//! token; the dry run, "fetch full message" and "Test connection" sign in
//! with OAuth too. Also the store's migration 0002 (OAuth settings, refresh tokens)
//! over a version-1 store.

use std::time::Duration;

use popmail::account::{AccountSettings, AuthMethod};
use popmail::credentials;
use popmail::oauth::HttpClient;
use popmail::store::{Account, Scope, Store};
use popmail::worker::Cancel;

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::idp::{Idp, TestBrowser};
use crate::support::store::DataDir;
use crate::support::sync::{Outcome, TestClock, dovecot_settings, sync_accounts, worker};

fn sign_in_account(
    store: &mut Store,
    idp: &Idp,
    d: &Dovecot,
    name: &str,
    user: &str,
) -> (Account, popmail::oauth::Tokens) {
    idp.set_user(user);
    let tokens = popmail::oauth::browser::sign_in_within(
        &idp.endpoints(false),
        &TestBrowser::default(),
        &mut |_: &str, _: bool| {},
        &HttpClient::new(Cancel::new()),
        Duration::from_secs(20),
    )
    .unwrap();
    let settings = AccountSettings {
        username: user.into(),
        auth: AuthMethod::OAuth2,
        oauth: Some(idp.settings(false)),
        ..dovecot_settings(d, name, popmail::account::Policy::Keep)
    };
    let account = store.add_account(&settings).unwrap();
    assert_eq!(store.account(account.id).unwrap().settings, settings);
    credentials::save_refresh_token(store, account.id, tokens.refresh.as_ref().unwrap()).unwrap();
    popmail::sync::session::remember_access(store, &account, &tokens);
    (account, tokens)
}

fn msg(tag: &str) -> Vec<u8> {
    format!("Subject: {tag}\r\nMessage-ID: <{tag}@x>\r\n\r\nbody {tag}\r\n").into_bytes()
}

fn finished(o: &Outcome) -> u64 {
    match o {
        Outcome::Finished(s) => s.downloaded,
        Outcome::Failed(m, log) => panic!("sync failed: {m}\n{}", log.join("\n")),
    }
}

#[test]
fn oauth_sync_refreshes_silently_and_revocation_needs_sign_in() {
    let idp = Idp::start("alice");
    let d = Dovecot::start(&DovecotOptions {
        users: vec![
            ("alice".into(), String::new()),
            ("bob".into(), String::new()),
        ],
        oauth2_introspection: Some(idp.url("/introspect")),
        ..DovecotOptions::default()
    });
    d.add_message("alice", &msg("a0"));
    d.add_message("alice", &msg("a1"));
    d.add_message("bob", &msg("b0"));
    let data = DataDir::new();
    let mut store = data.store();
    let (alice, alice_tokens) = sign_in_account(&mut store, &idp, &d, "work", "alice");
    let (bob, _) = sign_in_account(&mut store, &idp, &d, "home", "bob");
    let clock = TestClock::at(1_700_000_000);
    // A fresh worker per step: a SyncAccount sent while the previous
    // sync's thread is still ending is dropped by the worker. The access
    // tokens in memory are the process's, so they carry over.
    let sync = |ids: &[popmail::store::AccountId]| {
        let w = worker(&data, &clock);
        let r = sync_accounts(&w, ids);
        w.shutdown();
        r
    };

    // The access tokens from the sign-in are used as they are.
    let r = sync(&[alice.id, bob.id]);
    assert_eq!(r.iter().map(|(_, o, _)| finished(o)).sum::<u64>(), 3);
    assert_eq!(idp.refreshes(), 0);

    // The provider kills the access tokens early: the login is refused, one
    // refresh, and the sync goes on without the user and without duplicates.
    idp.expire_access_tokens();
    d.add_message("alice", &msg("a2"));
    let r = sync(&[alice.id]);
    assert_eq!(finished(&r[0].1), 1, "only the new message");
    assert_eq!(idp.refreshes(), 1);
    let refused = idp.introspections().1;
    assert!(refused >= 1);
    assert_eq!(store.count(Scope::UnifiedInbox).unwrap(), 4);
    let rotated = credentials::load_refresh_token(&store, alice.id)
        .unwrap()
        .unwrap();
    assert_ne!(
        Some(&rotated),
        alice_tokens.refresh.as_ref(),
        "rotation kept"
    );

    // Tokens close to their expiry are refreshed before the login: once
    // the access token in memory is a short-lived one, every sync refreshes
    // first and no login is refused.
    idp.set_access_ttl(Duration::from_secs(30));
    idp.expire_access_tokens();
    let r = sync(&[alice.id]);
    assert_eq!(finished(&r[0].1), 0);
    assert_eq!(idp.refreshes(), 2);
    let refused = idp.introspections().1;
    for _ in 0..2 {
        let r = sync(&[alice.id]);
        assert_eq!(finished(&r[0].1), 0);
    }
    assert_eq!(
        idp.refreshes(),
        4,
        "each sync refreshed the short-lived token"
    );
    assert_eq!(idp.introspections().1, refused, "no login was refused");

    // Revoked: "Sign in again" for alice, forgotten; bob still syncs.
    idp.revoke_refresh_tokens("alice");
    idp.expire_access_tokens();
    d.add_message("bob", &msg("b1"));
    let r = sync(&[alice.id, bob.id]);
    for (id, outcome, _) in &r {
        if *id == alice.id {
            let Outcome::Failed(m, _) = outcome else {
                panic!("{outcome:?}")
            };
            assert!(m.contains("Sign in again"), "{m}");
        } else {
            assert_eq!(finished(outcome), 1);
        }
    }
    assert_eq!(
        credentials::load_refresh_token(&store, alice.id).unwrap(),
        None
    );

    // No token in any protocol log.
    let logs: Vec<String> = r
        .iter()
        .flat_map(|(_, o, _)| match o {
            Outcome::Failed(_, log) => log.clone(),
            Outcome::Finished(_) => Vec::new(),
        })
        .collect();
    for t in idp.issued_tokens() {
        assert!(!logs.iter().any(|l| l.contains(&t)));
    }
}

/// A store made before OAuth (schema version 1) is migrated, not recreated:
/// its password account reads back unchanged, and it then takes an OAuth
/// account and a refresh token.
#[test]
fn oauth_store_migrates_from_version_1() {
    let data = DataDir::new();
    Store::create_at_version(&data.store_path(), 1).unwrap();
    let mut store = data.store();
    let idp_settings = popmail::account::OAuthSettings {
        client_id: Some("id".into()),
        token_url: Some("https://idp.example/token".into()),
        ..Default::default()
    };
    let plain = AccountSettings {
        name: "old".into(),
        host: "pop.example.org".into(),
        port: 995,
        username: "u".into(),
        auth: AuthMethod::CramMd5,
        ..AccountSettings::default()
    };
    let old = store.add_account(&plain).unwrap();
    assert_eq!(store.account(old.id).unwrap().settings, plain);
    let oauth = AccountSettings {
        name: "new".into(),
        auth: AuthMethod::OAuth2,
        oauth: Some(idp_settings.clone()),
        ..plain.clone()
    };
    let new = store.add_account(&oauth).unwrap();
    assert_eq!(store.account(new.id).unwrap().settings, oauth);
    // Saved by a form without OAuth fields: the stored ones stay.
    let mut edited = oauth.clone();
    edited.oauth = None;
    edited.port = 1995;
    store.update_account(new.id, &edited).unwrap();
    let back = store.account(new.id).unwrap().settings;
    assert_eq!((back.port, back.oauth), (1995, Some(idp_settings)));
    // Switched to a password: the OAuth settings go.
    edited.auth = AuthMethod::Plain;
    store.update_account(new.id, &edited).unwrap();
    let back = store.account(new.id).unwrap().settings;
    assert_eq!((back.auth, back.oauth), (AuthMethod::Plain, None));
    // An OAuth account without settings is refused in words.
    let bare = AccountSettings {
        name: "bare".into(),
        auth: AuthMethod::OAuth2,
        ..plain.clone()
    };
    let err = store.add_account(&bare).unwrap_err();
    assert!(err.to_string().contains("provider settings"), "{err}");
    store
        .set_stored_refresh_token(old.id, Some("rt-x"))
        .unwrap();
    assert_eq!(
        store.stored_refresh_token(old.id).unwrap().as_deref(),
        Some("rt-x")
    );
    store.set_stored_refresh_token(old.id, None).unwrap();
    assert_eq!(store.stored_refresh_token(old.id).unwrap(), None);
}

/// Waits (at most a minute) for the first event `pick` accepts.
fn wait_for<T>(
    w: &popmail::sync::SyncWorker,
    mut pick: impl FnMut(popmail::sync::Event) -> Option<T>,
) -> T {
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let e = w
            .events()
            .recv_timeout(left)
            .expect("no answer in a minute");
        if let Some(t) = pick(e) {
            return t;
        }
    }
}

/// The one-off jobs of the sync worker sign in as a sync does: the dry run,
/// "fetch full message" and "Test connection" of an OAuth account work
/// (after the server refused the access token in memory: one refresh), and
/// a test without any sign-in says "Sign in again".
#[test]
fn oauth_ops_dry_run_fetch_full_and_test_connection() {
    use popmail::store::Sort;
    use popmail::sync::{Command, Event};
    let idp = Idp::start("alice");
    let d = Dovecot::start(&DovecotOptions {
        users: vec![("alice".into(), String::new())],
        oauth2_introspection: Some(idp.url("/introspect")),
        ..DovecotOptions::default()
    });
    d.add_message("alice", &msg("small"));
    let mut large = msg("large");
    large.extend(std::iter::repeat_n(b"0123456789abcdef\r\n".as_slice(), 4000).flatten());
    d.add_message("alice", &large);
    let data = DataDir::new();
    let mut store = data.store();
    let (mut alice, _) = sign_in_account(&mut store, &idp, &d, "work", "alice");
    alice.settings.max_size_kb = Some(10);
    store.update_account(alice.id, &alice.settings).unwrap();
    let clock = TestClock::at(1_700_000_000);
    let w = worker(&data, &clock);
    let r = sync_accounts(&w, &[alice.id]);
    assert_eq!(finished(&r[0].1), 2);

    idp.expire_access_tokens();
    d.add_message("alice", &msg("new"));
    w.send(Command::DryRun(alice.id));
    let report = wait_for(&w, |e| match e {
        Event::DryRun { report, .. } => Some(report),
        _ => None,
    })
    .expect("dry run of an OAuth account");
    assert_eq!((report.on_server, report.would_download), (3, 1));
    assert_eq!(idp.refreshes(), 1, "the refused token was refreshed once");

    let rows = store
        .page(Scope::Folder(alice.inbox), Sort::default(), 0, 10)
        .unwrap();
    let partial = rows.iter().find(|r| r.partial).expect("a headers-only row");
    w.send(Command::FetchFull(partial.id));
    let new = wait_for(&w, |e| match e {
        Event::FullFetched { new, .. } => Some(new),
        _ => None,
    })
    .expect("fetch full of an OAuth account");
    assert_eq!(store.raw(new).unwrap(), large);

    let test = |account: Option<popmail::store::AccountId>| {
        w.send(Command::TestConnection {
            request: 7,
            settings: Box::new(alice.settings.clone()),
            account,
            password: popmail::secret::Secret::new(""),
        });
        let mut steps = Vec::new();
        wait_for(&w, |e| match e {
            Event::TestStep { step, last, .. } => {
                steps.push(step);
                last.then(|| steps.clone())
            }
            _ => None,
        })
    };
    let steps = test(Some(alice.id));
    let login = steps.iter().find(|s| s.name == "Login").expect("a login");
    assert_eq!(login.outcome, Ok("signed in as alice".to_string()));
    assert!(steps.last().unwrap().outcome.is_ok(), "{steps:?}");
    let steps = test(None);
    let only = steps.last().unwrap();
    assert!(
        only.outcome
            .as_ref()
            .is_err_and(|m| m.contains("Sign in again")),
        "{steps:?}"
    );
    w.shutdown();
}

//! The sync worker against a scripted server that misbehaves on cue: a drop
//! at every response boundary, `-ERR` to each command, a stall past the
//! timeout. Each time: a clear error event for that account, the other
//! account (served well at the same moment) finishes, nothing half-stored,
//! nothing marked deleted on the server without a `+OK` to QUIT, and a later
//! good sync stores every message exactly once.

use std::collections::HashMap;
use std::time::Duration;

use popmail::account::{AccountSettings, AuthMethod, Policy, Security};
use popmail::store::{Scope, Sort};
use popmail::sync::Timeouts;

use crate::support::scripted_server::{Fault, ScriptedServer, ServerScript};
use crate::support::store::DataDir;
use crate::support::sync::{Outcome, TestClock, add_account, sync_accounts, worker_with_timeouts};

fn script_messages(server: &str) -> Vec<Vec<u8>> {
    (0..5)
        .map(|i| format!("From: f{i}@{server}.example.org\r\nSubject: scripted {i}\r\nMessage-ID: <s{i}@{server}>\r\n\r\nbody {i}\r\n.dot line\r\n").into_bytes())
        .collect()
}

fn settings(name: &str, port: u16) -> AccountSettings {
    AccountSettings {
        name: name.into(),
        host: "127.0.0.1".into(),
        port,
        security: Security::Plain,
        allow_plaintext_password: true,
        username: "user".into(),
        auth: AuthMethod::User,
        policy: Policy::Delete,
        enabled: true,
        ..AccountSettings::default()
    }
}

#[test]
fn every_fault_is_a_clear_error_and_costs_nothing() {
    let faults = [
        Fault::DropAt("GREETING"),
        Fault::DropAt("CAPA"),
        Fault::DropAt("USER"),
        Fault::DropAt("PASS"),
        Fault::DropAt("LIST"),
        Fault::DropAt("UIDL"),
        Fault::DropAt("RETR"),
        Fault::DropMidReply("RETR"),
        Fault::DropMidReply("UIDL"),
        Fault::DropAt("DELE"),
        Fault::DropAt("QUIT"),
        Fault::ErrTo("USER"),
        Fault::ErrTo("PASS"),
        Fault::ErrTo("LIST"),
        Fault::ErrTo("RETR"),
        Fault::ErrTo("DELE"),
        Fault::ErrTo("QUIT"),
        Fault::Garbage("RETR"),
        Fault::InvalidUidl,
        Fault::NoTerminator,
        Fault::Stall("RETR"),
    ];
    let messages = script_messages("bad");
    let good_messages = script_messages("good");
    let timeouts = Timeouts {
        connect: Duration::from_secs(5),
        read: Duration::from_millis(1500),
    };
    for fault in faults {
        let name = format!("{fault:?}");
        let bad_server = ScriptedServer::start(ServerScript {
            messages: messages.clone(),
            fault: fault.clone(),
            ..ServerScript::default()
        });
        let good_server = ScriptedServer::start(ServerScript {
            messages: good_messages.clone(),
            ..ServerScript::default()
        });
        let data = DataDir::new();
        let mut store = data.store();
        let bad = add_account(&mut store, &settings("bad", bad_server.port()), "secret");
        let good = add_account(&mut store, &settings("good", good_server.port()), "secret");
        drop(store);
        let clock = TestClock::at(1_790_000_000);
        let w = worker_with_timeouts(&data, &clock, timeouts);
        let results = sync_accounts(&w, &[bad.id, good.id]);
        w.shutdown();
        let outcome = |id| {
            results
                .iter()
                .find(|(a, _, _)| *a == id)
                .map(|(_, o, _)| o)
                .unwrap()
        };
        match outcome(bad.id) {
            Outcome::Failed(message, _) => {
                assert!(
                    message.len() > 20 && message.ends_with('.'),
                    "{name}: unclear message {message:?}"
                )
            }
            Outcome::Finished(s) => panic!("{name}: a faulty server must fail the sync, got {s:?}"),
        }
        match outcome(good.id) {
            Outcome::Finished(s) => assert_eq!(s.downloaded, 5, "{name}: the good account"),
            Outcome::Failed(m, _) => panic!("{name}: the good account failed too: {m}"),
        }

        let store = data.store();
        // Whatever the faulty session stored is complete and correct…
        for id in store
            .sorted_ids(Scope::Folder(bad.inbox), Sort::default())
            .unwrap()
        {
            let raw = store.raw(id).unwrap();
            assert!(
                messages.contains(&raw),
                "{name}: a stored message differs from the server's"
            );
        }
        // …and no deletion is recorded without a +OK to QUIT.
        assert!(
            store
                .ledger(bad.id)
                .unwrap()
                .values()
                .all(|e| e.server_deleted_at.is_none()),
            "{name}: deletion recorded without QUIT"
        );
        drop(store);

        // The server comes back to health: every message, exactly once.
        let healed = ScriptedServer::start(ServerScript {
            messages: messages.clone(),
            ..ServerScript::default()
        });
        let mut store = data.store();
        store
            .update_account(bad.id, &settings("bad", healed.port()))
            .unwrap();
        drop(store);
        let w = worker_with_timeouts(&data, &clock, timeouts);
        let results = sync_accounts(&w, &[bad.id]);
        w.shutdown();
        assert!(
            matches!(results[0].1, Outcome::Finished(_)),
            "{name}: healed sync: {:?}",
            results[0].1
        );
        let store = data.store();
        let mut seen: HashMap<Vec<u8>, usize> = HashMap::new();
        for id in store
            .sorted_ids(Scope::Folder(bad.inbox), Sort::default())
            .unwrap()
        {
            *seen.entry(store.raw(id).unwrap()).or_default() += 1;
        }
        for m in &messages {
            assert_eq!(
                seen.get(m),
                Some(&1),
                "{name}: each message exactly once after healing"
            );
        }
    }
}

/// A server that refuses UIDL is synced by identities derived from the
/// headers (`TOP n 0`): everything once, nothing twice.
#[test]
fn a_server_without_uidl_is_synced_by_header_identity() {
    let messages = script_messages("nouidl");
    let server = ScriptedServer::start(ServerScript {
        messages: messages.clone(),
        fault: Fault::ErrTo("UIDL"),
        ..ServerScript::default()
    });
    let data = DataDir::new();
    let mut s = settings("nouidl", server.port());
    s.policy = Policy::Keep;
    let account = add_account(&mut data.store(), &s, "secret");
    let clock = TestClock::at(1_790_000_000);
    let timeouts = Timeouts {
        connect: Duration::from_secs(5),
        read: Duration::from_secs(5),
    };
    for expected in [5, 0] {
        let w = worker_with_timeouts(&data, &clock, timeouts);
        let results = sync_accounts(&w, &[account.id]);
        w.shutdown();
        match &results[0].1 {
            Outcome::Finished(summary) => assert_eq!(summary.downloaded, expected),
            Outcome::Failed(m, _) => panic!("{m}"),
        }
    }
    let ledger = data.store().ledger(account.id).unwrap();
    assert_eq!(ledger.len(), 5);
    assert!(
        ledger.keys().all(|k| k.starts_with("hdr:")),
        "{:?}",
        ledger.keys()
    );
}

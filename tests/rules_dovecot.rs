//! Rules on receive against a real Dovecot: a rule's folder is where the
//! message is first stored (the new-mail events never name the Inbox for it),
//! "leave on server" keeps exactly its messages under the delete policy,
//! "delete from server" removes exactly its messages under the keep policy,
//! "download in full" fetches a message above the size limit whole,
//! and the junk filter's provider verdict files junk in the Junk folder.

use std::collections::BTreeSet;

use popmail::account::Policy;
use popmail::rules::Rule;
use popmail::rules::syntax::parse_rule;
use popmail::store::{FolderId, Scope, Sort};
use popmail::sync::Event;

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::store::DataDir;
use crate::support::sync::{
    TestClock, add_account, dovecot_settings, sync_accounts, sync_once, worker,
};

const T0: i64 = 1_790_000_000;

fn message(i: usize, from: &str, extra_header: &str) -> Vec<u8> {
    format!(
        "From: Sender <{from}>\r\nTo: alice@example.org\r\nSubject: message {i}\r\n{extra_header}\
         Date: Mon, 2 Nov 2026 10:{:02}:00 +0000\r\nMessage-ID: <r{i}@example.org>\r\n\r\n\
         body of message {i}\r\n",
        i % 60
    )
    .into_bytes()
}

fn rule(name: &str, conditions: &[&str], actions: &[&str]) -> Rule {
    parse_rule(name, conditions, actions).unwrap()
}

fn subjects(data: &DataDir, folder: FolderId) -> BTreeSet<String> {
    let store = data.store();
    let ids = store
        .sorted_ids(Scope::Folder(folder), Sort::default())
        .unwrap();
    store
        .rows(&ids)
        .unwrap()
        .into_iter()
        .map(|r| r.subject)
        .collect()
}

fn names(range: impl Iterator<Item = usize>) -> BTreeSet<String> {
    range.map(|i| format!("message {i}")).collect()
}

/// Seeds 10 messages: even ones from boss@example.com, odd from others.
fn seeded() -> Dovecot {
    let d = Dovecot::start(&DovecotOptions::default());
    for i in 0..10 {
        let from = if i % 2 == 0 {
            "boss@example.com".to_string()
        } else {
            format!("n{i}@example.net")
        };
        d.add_message("alice", &message(i, &from, ""));
    }
    d
}

/// The subjects of the messages still in the server's maildir.
fn on_server(d: &Dovecot) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for sub in ["new", "cur"] {
        for e in std::fs::read_dir(d.maildir("alice").join(sub)).unwrap() {
            let raw = std::fs::read(e.unwrap().path()).unwrap();
            out.insert(popmail::mail::envelope(&raw).subject);
        }
    }
    out
}

/// Seeds the server, adds an account with `policy` and the one rule
/// `boss: from is boss@example.com → action`.
fn with_boss_rule(policy: Policy, action: &str) -> (Dovecot, DataDir, popmail::store::Account) {
    let d = seeded();
    let data = DataDir::new();
    let account = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "a", policy),
        "alice-pw",
    );
    data.store()
        .set_rules(&[rule("boss", &["from is boss@example.com"], &[action])])
        .unwrap();
    (d, data, account)
}

#[test]
fn rules_move_from_a_sender_stores_straight_into_the_folder() {
    let d = seeded();
    let data = DataDir::new();
    let clock = TestClock::at(T0);
    let account = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "a", Policy::Keep),
        "alice-pw",
    );
    data.store()
        .set_rules(&[rule(
            "boss",
            &["from is boss@example.com"],
            &["move Boss", "star"],
        )])
        .unwrap();

    let w = worker(&data, &clock);
    let results = sync_accounts(&w, &[account.id]);
    let (_, outcome, events) = results.into_iter().next().unwrap();
    assert_eq!(outcome.summary().downloaded, 10);
    let boss = data.store().resolve_folder("Boss").unwrap();
    let mut new_in: std::collections::HashMap<FolderId, u64> = Default::default();
    for e in &events {
        if let Event::NewMail { folder, count, .. } = e {
            *new_in.entry(*folder).or_default() += count;
        }
    }
    assert_eq!(new_in.get(&boss.id), Some(&5), "{new_in:?}");
    assert_eq!(
        new_in.get(&account.inbox),
        Some(&5),
        "only the others arrive in the Inbox"
    );
    assert_eq!(subjects(&data, boss.id), names((0..10).step_by(2)));
    assert_eq!(subjects(&data, account.inbox), names((1..10).step_by(2)));
    let store = data.store();
    let rows = store
        .rows(
            &store
                .sorted_ids(Scope::Folder(boss.id), Sort::default())
                .unwrap(),
        )
        .unwrap();
    assert!(
        rows.iter()
            .all(|r| r.flags.contains(popmail::store::Flags::FLAGGED))
    );
    assert_eq!(d.message_count("alice"), 10, "keep policy: nothing deleted");
}

#[test]
fn rules_leave_on_server_under_the_delete_policy_keeps_exactly_those() {
    let (d, data, account) = with_boss_rule(Policy::Delete, "leave-on-server");
    let clock = TestClock::at(T0);
    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.deleted_on_server), (10, 5));
    assert_eq!(d.message_count("alice"), 5);
    // A second sync still keeps them, and downloads nothing again.
    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.deleted_on_server), (0, 0));
    assert_eq!(d.message_count("alice"), 5);
    assert_eq!(
        on_server(&d),
        names((0..10).step_by(2)),
        "exactly the boss's mail stays"
    );
    let kept = data.store().kept_on_server(account.id).unwrap();
    assert_eq!(kept.len(), 5);
    let ledger = data.store().ledger(account.id).unwrap();
    for uidl in &kept {
        assert!(ledger[uidl].server_deleted_at.is_none());
    }
    assert_eq!(
        subjects(&data, account.inbox),
        names(0..10),
        "everything stored"
    );
}

#[test]
fn rules_delete_from_server_under_keep_removes_exactly_those() {
    let (d, data, account) = with_boss_rule(Policy::Keep, "delete-from-server");
    let clock = TestClock::at(T0);
    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.deleted_on_server), (10, 5));
    assert_eq!(d.message_count("alice"), 5);
    assert_eq!(
        on_server(&d),
        names((1..10).step_by(2)),
        "exactly the boss's mail is gone"
    );
    let ledger = data.store().ledger(account.id).unwrap();
    let deleted: Vec<_> = ledger
        .values()
        .filter(|e| e.server_deleted_at.is_some())
        .collect();
    assert_eq!(deleted.len(), 5);
    assert_eq!(
        subjects(&data, account.inbox),
        names(0..10),
        "deleted there, stored here"
    );
    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.deleted_on_server), (0, 0));
    assert_eq!(d.message_count("alice"), 5);
}

#[test]
fn junk_provider_verdict_files_junk_unless_the_account_distrusts_it() {
    let d = Dovecot::start(&DovecotOptions::default());
    d.add_message(
        "alice",
        &message(0, "spammer@example.biz", "X-Spam-Flag: YES\r\n"),
    );
    d.add_message(
        "alice",
        &message(1, "friend@example.net", "X-Spam-Status: No, score=0.1\r\n"),
    );
    let data = DataDir::new();
    let clock = TestClock::at(T0);
    let account = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "a", Policy::Keep),
        "alice-pw",
    );
    sync_once(&data, &clock, account.id).summary();
    let junk = data.store().junk_folder().unwrap();
    assert_eq!(subjects(&data, junk), names(0..1));
    assert_eq!(subjects(&data, account.inbox), names(1..2));

    d.add_message(
        "alice",
        &message(2, "spammer@example.biz", "X-Spam-Flag: YES\r\n"),
    );
    data.store()
        .set_junk_trusts_provider(account.id, false)
        .unwrap();
    sync_once(&data, &clock, account.id).summary();
    assert_eq!(
        subjects(&data, account.inbox),
        names(1..3),
        "not trusted: stays in the Inbox"
    );
}

#[test]
fn rules_download_full_fetches_whole_messages_above_the_size_limit() {
    let d = Dovecot::start(&DovecotOptions::default());
    let big = |i: usize, from: &str| {
        let mut m = message(i, from, "");
        m.extend("filler line of a large message\r\n".repeat(200).as_bytes());
        m
    };
    d.add_message("alice", &big(0, "boss@example.com"));
    d.add_message("alice", &big(1, "n1@example.net"));
    let data = DataDir::new();
    let clock = TestClock::at(T0);
    let mut settings = dovecot_settings(&d, "a", Policy::Keep);
    settings.max_size_kb = Some(2);
    let account = add_account(&mut data.store(), &settings, "alice-pw");
    data.store()
        .set_rules(&[rule(
            "whole",
            &["from is boss@example.com"],
            &["download-full"],
        )])
        .unwrap();
    let s = sync_once(&data, &clock, account.id).summary();
    assert_eq!((s.downloaded, s.partial), (2, 1));
    let store = data.store();
    let ids = store
        .sorted_ids(Scope::Folder(account.inbox), Sort::default())
        .unwrap();
    let rows = store.rows(&ids).unwrap();
    let by_subject = |s: &str| rows.iter().find(|r| r.subject == s).unwrap();
    assert!(
        !by_subject("message 0").partial,
        "the rule's message is whole"
    );
    assert_eq!(
        store.raw(by_subject("message 0").id).unwrap(),
        big(0, "boss@example.com")
    );
    assert!(
        by_subject("message 1").partial,
        "the other stays headers-only"
    );
}

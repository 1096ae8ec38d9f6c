//! `popmail junk …` through the real binary, and the junk filter deciding a
//! sync: train from folders, classify without moving, mark junk / not junk
//! (the sender becomes safe), reset; a trained filter files junk from
//! Dovecot into the Junk folder while a safe sender's mail stays in the Inbox.

use popmail::account::Policy;
use popmail::store::{Scope, Sort};

use crate::rules_cli::ok;
use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::store::{DataDir, fill_folder};
use crate::support::sync::{TestClock, add_account, dovecot_settings, sync_once};

fn spam(i: usize) -> Vec<u8> {
    format!(
        "From: Prize Desk <winner{i}@lottery-prize.example>\r\nTo: you@example.org\r\n\
         Subject: You have WON {i} million\r\nContent-Type: text/html\r\n\
         Message-ID: <s{i}@lottery-prize.example>\r\n\r\n\
         <p>Claim your prize now at http://claim.lottery-prize.example/x casino free money</p>\r\n"
    )
    .into_bytes()
}

fn good(i: usize, from: &str) -> Vec<u8> {
    format!(
        "From: Alice <{from}>\r\nTo: you@example.org\r\nSubject: Meeting notes {i}\r\n\
         Message-ID: <g{i}@example.com>\r\n\r\n\
         Hi, the notes from our meeting about the release schedule. See you on Monday.\r\n"
    )
    .into_bytes()
}

fn trained(data: &DataDir) {
    let spam: Vec<Vec<u8>> = (0..15).map(spam).collect();
    let good: Vec<Vec<u8>> = (0..15).map(|i| good(i, "alice@example.com")).collect();
    fill_folder(&mut data.store(), "TrainJunk", &spam);
    fill_folder(&mut data.store(), "TrainGood", &good);
    let out = ok(&data.popmail(&[
        "junk",
        "train",
        "--junk",
        "TrainJunk",
        "--good",
        "TrainGood",
        "--quiet",
    ]));
    assert!(out.contains("knows 15 junk and 15 good"), "{out}");
}

#[test]
fn junk_cli_train_classify_mark_and_reset() {
    let data = DataDir::new();
    trained(&data);
    // Training twice counts once.
    let out = ok(&data.popmail(&["junk", "train", "--junk", "TrainJunk", "--quiet"]));
    assert!(
        out.contains("Learned 0 of 15") && out.contains("knows 15 junk"),
        "{out}"
    );

    let (folder, ids) = fill_folder(
        &mut data.store(),
        "Check",
        &[spam(100), good(100, "alice@example.com")],
    );
    let lines = ok(&data.popmail(&["junk", "classify", "Check", "--json"]));
    let verdicts: Vec<serde_json::Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let verdict_of = |id: popmail::store::MessageId| {
        verdicts
            .iter()
            .find(|v| v["id"] == id.0)
            .map(|v| v["verdict"].as_str().unwrap().to_string())
    };
    assert_eq!(verdict_of(ids[0]).as_deref(), Some("junk"), "{lines}");
    assert_eq!(verdict_of(ids[1]).as_deref(), Some("good"), "{lines}");
    assert_eq!(
        data.store().count(Scope::Folder(folder)).unwrap(),
        2,
        "classify moves nothing"
    );

    // Marking junk moves to Junk and retrains; --not brings it back and makes the sender safe.
    ok(&data.popmail(&["junk", "mark", &ids[1].0.to_string()]));
    let store = data.store();
    let junk = store.junk_folder().unwrap();
    assert_eq!(
        store
            .sorted_ids(Scope::Folder(junk), Sort::default())
            .unwrap(),
        vec![ids[1]]
    );
    assert_eq!(store.junk_totals().unwrap(), (16, 15));
    drop(store);
    ok(&data.popmail(&["junk", "mark", "--not", &ids[1].0.to_string()]));
    let store = data.store();
    assert_eq!(
        store.junk_totals().unwrap(),
        (15, 16),
        "the junk mark was taken back"
    );
    assert!(
        store
            .junk_safe_senders()
            .unwrap()
            .contains("alice@example.com")
    );
    assert!(
        store
            .sorted_ids(Scope::Folder(junk), Sort::default())
            .unwrap()
            .is_empty()
    );
    drop(store);

    let out = data.popmail(&["junk", "mark", "999999"]);
    assert!(
        !out.status.success()
            && String::from_utf8_lossy(&out.stderr).contains("no message with id 999999")
    );

    ok(&data.popmail(&["junk", "reset"]));
    assert_eq!(data.store().junk_totals().unwrap(), (0, 0));
    assert!(data.store().junk_model().unwrap().tokens.is_empty());
}

#[test]
fn junk_filter_files_sync_junk_in_junk_and_spares_safe_senders() {
    let data = DataDir::new();
    trained(&data);
    let d = Dovecot::start(&DovecotOptions::default());
    d.add_message("alice", &spam(200));
    d.add_message("alice", &good(200, "alice@example.com"));
    // Spam-looking mail from a sender marked "not junk" is never junk.
    let mut safe = spam(201);
    let text = String::from_utf8(safe.clone())
        .unwrap()
        .replace("winner201@lottery-prize.example", "pal@example.org");
    safe = text.into_bytes();
    d.add_message("alice", &safe);
    data.store()
        .junk_add_safe_sender("Pal@example.org")
        .unwrap();

    let clock = TestClock::at(1_790_000_000);
    let account = add_account(
        &mut data.store(),
        &dovecot_settings(&d, "a", Policy::Keep),
        "alice-pw",
    );
    let said = ok(&data.popmail(&["junk", "trust-provider", "a"]));
    assert!(said.contains("is trusted"), "{said}");
    let said = ok(&data.popmail(&["junk", "trust-provider", "a", "no"]));
    assert!(said.contains("is ignored"), "{said}");
    assert!(!data.store().junk_trusts_provider(account.id).unwrap());
    sync_once(&data, &clock, account.id).summary();
    let store = data.store();
    let subjects = |f| {
        let ids = store.sorted_ids(Scope::Folder(f), Sort::default()).unwrap();
        let mut s: Vec<String> = store
            .rows(&ids)
            .unwrap()
            .into_iter()
            .map(|r| r.subject)
            .collect();
        s.sort();
        s
    };
    let junk = store.junk_folder().unwrap();
    assert_eq!(subjects(junk), vec!["You have WON 200 million"]);
    assert_eq!(
        subjects(account.inbox),
        vec!["Meeting notes 200", "You have WON 201 million"]
    );
    // The list's junk column: the filed junk carries the flag, the rest not.
    let junk_flag = |f| {
        store
            .page(Scope::Folder(f), Sort::default(), 0, 10)
            .unwrap()
            .into_iter()
            .filter(|r| r.flags.contains(popmail::store::Flags::JUNK))
            .count()
    };
    assert_eq!(junk_flag(junk), 1);
    assert_eq!(junk_flag(account.inbox), 0);
}

#[test]
fn junk_cli_expire_moves_only_old_junk_to_the_trash_and_only_when_turned_on() {
    use popmail::store::{Flags, FolderRole, NewMessage};
    let data = DataDir::new();
    let (junk, trash) = {
        let mut store = data.store();
        let junk = store.junk_folder().unwrap();
        let now = popmail::store::now();
        let batch: Vec<NewMessage> = [(0, now - 40 * 86_400), (1, now - 86_400)]
            .into_iter()
            .map(|(i, at)| NewMessage::prepare(spam(i), junk, Flags::JUNK).received_at(at))
            .collect();
        store.insert_batch(&batch).unwrap();
        (junk, store.special_folder(FolderRole::Trash).unwrap())
    };
    let count = |f| data.store().count(Scope::Folder(f)).unwrap();
    let off = ok(&data.popmail(&["junk", "expire"]));
    assert!(off.contains("the option is off"), "{off}");
    assert_eq!((count(junk), count(trash)), (2, 0), "off by default");
    let on = ok(&data.popmail(&["junk", "expire", "30"]));
    assert!(
        on.contains("older than 30 days") && on.contains("1 message moved"),
        "{on}"
    );
    assert_eq!(
        (count(junk), count(trash)),
        (1, 1),
        "only the 40-day-old one"
    );
    assert_eq!(data.store().junk_expire_days().unwrap(), Some(30));
    ok(&data.popmail(&["junk", "expire", "off"]));
    assert_eq!(data.store().junk_expire_days().unwrap(), None);
    let bad = data.popmail(&["junk", "expire", "soon"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a number of days"));
}

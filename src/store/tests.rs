use super::*;
use crate::account::{AccountSettings, Policy};

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&StoreConfig::new(dir.path().join("s.sqlite3"))).unwrap();
    (dir, store)
}

fn msg(subject: &str, from: &str, date: &str, body: &str) -> Vec<u8> {
    format!("From: {from}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <{subject}@t>\r\n\r\n{body}\r\n").into_bytes()
}

fn settings(name: &str) -> AccountSettings {
    AccountSettings {
        name: name.into(),
        host: "pop.example.org".into(),
        port: 995,
        username: "me".into(),
        enabled: true,
        ..AccountSettings::default()
    }
}

#[test]
fn new_store_is_private_and_refuses_newer_schema_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    let store = Store::open(&StoreConfig::new(&path)).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    store
        .conn
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    // Leaving WAL needs the only connection: stop the indexer (it has one).
    let mut store = store;
    store.indexer = None;
    store
        .conn
        .pragma_update(None, "journal_mode", "DELETE")
        .unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&StoreConfig::new(&path)).unwrap_err();
    assert!(
        matches!(err, Error::TooNew { found, .. } if found == SCHEMA_VERSION + 1),
        "{err}"
    );
    assert!(err.to_string().contains("newer version of popmail"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn every_earlier_schema_version_upgrades() {
    for version in 0..MIGRATIONS.len() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.sqlite3");
        Store::create_at_version(&path, version).unwrap();
        let store = Store::open(&StoreConfig::new(&path)).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        store.integrity_check().unwrap();
        assert!(store.special_folder(FolderRole::Trash).is_ok());
    }
}

#[test]
fn insert_dedupe_count_and_page_in_every_order() {
    let (_d, mut store) = temp_store();
    let f = store.create_folder("Box", None, FolderRole::User).unwrap();
    let raws = [
        msg(
            "beta",
            "Zed <z@x>",
            "Mon, 1 Jan 2024 10:00:00 +0000",
            "bbbb",
        ),
        msg("alpha", "Amy <a@x>", "Tue, 2 Jan 2024 10:00:00 +0000", "a"),
        msg(
            "Re: gamma",
            "Bob <b@x>",
            "Sun, 31 Dec 2023 10:00:00 +0000",
            "ggggggggg",
        ),
    ];
    let batch: Vec<_> = raws
        .iter()
        .map(|r| NewMessage::prepare(r.clone(), f, Flags::default()).dedupe(Dedupe::InFolder))
        .collect();
    let out = store.insert_batch(&batch).unwrap();
    assert!(out.iter().all(|i| matches!(i, Inserted::New(_))));
    let again = store.insert_batch(&batch[..1]).unwrap();
    assert!(matches!(again[0], Inserted::Duplicate(id) if id == out[0].id()));
    assert_eq!(store.count(Scope::Folder(f)).unwrap(), 3);
    assert_eq!(store.folder(f).unwrap().unread, 3);

    let subjects = |key, descending| -> Vec<String> {
        store
            .page(Scope::Folder(f), Sort { key, descending }, 0, 10)
            .unwrap()
            .into_iter()
            .map(|r| r.subject)
            .collect()
    };
    assert_eq!(
        subjects(SortKey::Date, true),
        ["alpha", "beta", "Re: gamma"]
    );
    assert_eq!(
        subjects(SortKey::Subject, false),
        ["alpha", "beta", "Re: gamma"]
    );
    assert_eq!(
        subjects(SortKey::From, false),
        ["alpha", "Re: gamma", "beta"]
    );
    assert_eq!(subjects(SortKey::Size, true)[0], "Re: gamma");
    let ids = store.sorted_ids(Scope::Folder(f), Sort::default()).unwrap();
    assert_eq!(store.rows(&ids[1..2]).unwrap()[0].subject, "beta");
    assert_eq!(
        store
            .page(Scope::Folder(f), Sort::default(), 2, 10)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(store.raw(out[1].id()).unwrap(), raws[1]);
}

#[test]
fn flags_trash_restore_and_expunge_keep_counters_and_ledger() {
    let (_d, mut store) = temp_store();
    let mut s = settings("acct");
    s.delete_when_deleted_here = true;
    let acct = store.add_account(&s).unwrap();
    let dl = NewDownload {
        uidl: "u1".into(),
        server_size: 10,
        header_key: None,
        message: NewMessage::prepare(
            msg("hello", "a@x", "Mon, 1 Jan 2024 10:00:00 +0000", "x"),
            acct.inbox,
            Flags::default(),
        )
        .from_account(acct.id, Some("u1".into()))
        .dedupe(Dedupe::InAccount),
    };
    let id = store.record_downloads(acct.id, &[dl], 100).unwrap()[0].id();
    store.set_flag(&[id], Flags::SEEN, true).unwrap();
    assert_eq!(store.folder(acct.inbox).unwrap().unread, 0);
    store.trash(&[id]).unwrap();
    let trash = store.special_folder(FolderRole::Trash).unwrap();
    assert_eq!(store.row(id).unwrap().folder, trash);
    assert_eq!(store.folder(acct.inbox).unwrap().total, 0);
    store.restore(&[id]).unwrap();
    assert_eq!(store.row(id).unwrap().folder, acct.inbox);
    assert!(store.wait_for_index(|_| true).unwrap());
    assert_eq!(store.search("hello", None, 10).unwrap(), [id]);
    assert_eq!(store.expunge(&[id]).unwrap(), 1);
    // Gone from results at once, before the indexer has forgotten it.
    assert!(store.search("hello", None, 10).unwrap().is_empty());
    let ledger = store.ledger(acct.id).unwrap();
    let entry = &ledger["u1"];
    assert_eq!(entry.message, None);
    assert!(entry.deleted_here_at.is_some() && entry.delete_pending);
    store
        .mark_server_deleted(acct.id, &["u1".into()], 200)
        .unwrap();
    let entry = &store.ledger(acct.id).unwrap()["u1"];
    assert_eq!(entry.server_deleted_at, Some(200));
    assert!(!entry.delete_pending);
}

#[test]
fn account_names_are_unique_and_removal_can_keep_mail() {
    let (_d, mut store) = temp_store();
    let a = store.add_account(&settings("one")).unwrap();
    assert!(matches!(
        store.add_account(&settings("one")),
        Err(Error::Conflict(_))
    ));
    let mut bad = settings("two");
    bad.policy = Policy::KeepDays(0);
    assert!(matches!(store.add_account(&bad), Err(Error::Invalid(_))));
    let m = NewMessage::prepare(
        msg("kept", "a@x", "Mon, 1 Jan 2024 10:00:00 +0000", "x"),
        a.inbox,
        Flags::default(),
    );
    store.insert_batch(&[m]).unwrap();
    let kept = store.remove_account(a.id, true).unwrap().unwrap();
    assert_eq!(store.folder(kept).unwrap().total, 1);
    assert!(store.accounts().unwrap().is_empty());
}

#[test]
fn folders_resolve_by_name_and_refuse_bad_names() {
    let (_d, store) = temp_store();
    let f = store
        .create_folder("Projects", None, FolderRole::User)
        .unwrap();
    assert_eq!(store.resolve_folder("Projects").unwrap().id, f);
    assert_eq!(store.resolve_folder(&f.0.to_string()).unwrap().id, f);
    assert!(store.create_folder("a/b", None, FolderRole::User).is_err());
    assert!(
        store
            .create_folder("Projects", None, FolderRole::User)
            .is_err()
    );
    store.rename_folder(f, "Work").unwrap();
    assert!(matches!(
        store.resolve_folder("Projects"),
        Err(Error::NotFound(_))
    ));
    store.delete_folder(f).unwrap();
    let trash = store.special_folder(FolderRole::Trash).unwrap();
    assert!(store.delete_folder(trash).is_err());
}

#[test]
fn stored_bytes_cannot_be_rewritten() {
    let (_d, mut store) = temp_store();
    let f = store.create_folder("Box", None, FolderRole::User).unwrap();
    let id = store
        .insert_batch(&[NewMessage::prepare(
            b"Subject: x\r\n\r\ny".to_vec(),
            f,
            Flags::default(),
        )])
        .unwrap()[0]
        .id();
    let err = store
        .conn
        .execute(
            "UPDATE message_bodies SET raw = x'00' WHERE message_id = ?1",
            [id.0],
        )
        .unwrap_err();
    assert!(err.to_string().contains("immutable"), "{err}");
}

#[test]
fn backup_copies_a_consistent_store() {
    let (dir, mut store) = temp_store();
    let f = store.create_folder("Box", None, FolderRole::User).unwrap();
    store
        .insert_batch(&[NewMessage::prepare(
            b"Subject: x\r\n\r\ny".to_vec(),
            f,
            Flags::default(),
        )])
        .unwrap();
    let dest = dir.path().join("backup.sqlite3");
    let mut calls = 0;
    store
        .backup_to(&dest, |_, _| {
            calls += 1;
            true
        })
        .unwrap();
    assert!(calls > 0);
    assert!(
        store.backup_to(&dest, |_, _| true).is_err(),
        "must not overwrite"
    );
    let copy = Store::open(&StoreConfig::new(&dest)).unwrap();
    assert_eq!(copy.count(Scope::Folder(f)).unwrap(), 1);
}

#[test]
fn unified_inbox_pages_merge_every_inbox_in_each_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&StoreConfig::new(dir.path().join("s.sqlite3"))).unwrap();
    let a = store.add_account(&settings("a")).unwrap().inbox;
    let b = store.add_account(&settings("b")).unwrap().inbox;
    let other = store
        .create_folder("Other", None, FolderRole::User)
        .unwrap();
    let batch: Vec<NewMessage> = (0..90)
        .map(|i| {
            let raw = msg(
                &format!("s{:02}", (i * 37) % 90),
                &format!("f{:02}@x", (i * 11) % 90),
                &format!("Mon, {} Nov 2026 10:{:02}:00 +0000", 1 + i % 28, i % 60),
                &"x".repeat(i * 7),
            );
            let folder = [a, b, other][i % 3];
            NewMessage::prepare(raw, folder, Flags::default())
        })
        .collect();
    store.insert_batch(&batch).unwrap();
    for key in SortKey::ALL {
        for descending in [false, true] {
            let sort = Sort { key, descending };
            // The whole order (one query over both Inboxes) is the truth.
            let all = store.sorted_ids(Scope::UnifiedInbox, sort).unwrap();
            assert_eq!(all.len(), 60);
            for (offset, limit) in [(0, 50), (0, 7), (13, 20), (55, 50), (60, 5)] {
                let page: Vec<MessageId> = store
                    .page(Scope::UnifiedInbox, sort, offset, limit)
                    .unwrap()
                    .iter()
                    .map(|r| r.id)
                    .collect();
                let want: Vec<MessageId> = all
                    .iter()
                    .copied()
                    .skip(offset as usize)
                    .take(limit as usize)
                    .collect();
                assert_eq!(page, want, "{sort:?} offset {offset} limit {limit}");
            }
        }
    }
}

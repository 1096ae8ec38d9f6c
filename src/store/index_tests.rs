//! Tests of the index file and its indexer (issue 17): layout, watermark
//! catch-up, ids never reused, exact results across deletes, the text cap,
//! the migration from the in-file FTS table, backup, repair.

use super::index::{INDEX_TEXT_CAP, index_path};
use rusqlite::params;

use super::*;

fn msg(subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: a@example.org\r\nSubject: {subject}\r\nMessage-ID: <{subject}@t>\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

fn fill(store: &mut Store, folder: FolderId, words: &[&str]) -> Vec<MessageId> {
    let batch: Vec<_> = words
        .iter()
        .map(|w| NewMessage::prepare(msg(w, &format!("body {w}body")), folder, Flags::default()))
        .collect();
    store
        .insert_batch(&batch)
        .unwrap()
        .into_iter()
        .map(Inserted::id)
        .collect()
}

fn hits(store: &Store, q: &str) -> Vec<MessageId> {
    store.search(q, None, 100).unwrap()
}

fn caught_up(store: &Store) {
    assert!(store.wait_for_index(|_| true).unwrap());
    assert_eq!(store.index_backlog().unwrap(), 0);
}

#[test]
fn index_is_a_second_private_file_and_everything_becomes_searchable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    let mut store = Store::open(&StoreConfig::new(&path)).unwrap();
    let f = store.create_folder("F", None, FolderRole::User).unwrap();
    let words: Vec<String> = (0..2_500).map(|i| format!("wombat{i}")).collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let ids = fill(&mut store, f, &refs);
    caught_up(&store);
    for (i, id) in ids.iter().enumerate().step_by(97) {
        assert_eq!(hits(&store, &format!("wombat{i}body")), [*id]);
        assert_eq!(
            store.search(&format!("wombat{i}body"), Some(f), 5).unwrap(),
            [*id]
        );
    }
    let index = index_path(&path);
    assert_eq!(index, dir.path().join("s.index.sqlite3"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&index).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The store file itself has no full-text table any more.
    let fts: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name LIKE '%fts%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fts, 0);
}

#[test]
fn index_ids_are_never_reused_and_deleted_mail_never_appears() {
    let (_dir, mut store) = temp();
    let f = store.create_folder("F", None, FolderRole::User).unwrap();
    let ids = fill(&mut store, f, &["koala", "emu", "dingo"]);
    caught_up(&store);
    // Delete the newest: a plain rowid table would hand its id out again.
    assert_eq!(store.expunge(&[ids[2]]).unwrap(), 1);
    assert!(
        hits(&store, "dingo").is_empty(),
        "hidden before the indexer runs"
    );
    let again = fill(&mut store, f, &["numbat"]);
    assert!(again[0].0 > ids[2].0, "{again:?} after {ids:?}");
    caught_up(&store);
    assert_eq!(hits(&store, "numbatbody"), again);
    assert!(hits(&store, "dingobody").is_empty());
    // The indexer forgot it too: nothing left in the index for it.
    let left: i64 = store
        .index
        .query_row(
            "SELECT count(*) FROM fts WHERE fts MATCH 'dingobody'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
    // Moves are seen by folder searches at once.
    let g = store.create_folder("G", None, FolderRole::User).unwrap();
    store.move_messages(&[ids[0]], g).unwrap();
    assert_eq!(store.search("koala", Some(g), 5).unwrap(), [ids[0]]);
    assert!(store.search("koala", Some(f), 5).unwrap().is_empty());
}

#[test]
fn index_text_is_capped_per_message() {
    let (_dir, mut store) = temp();
    let f = store.create_folder("F", None, FolderRole::User).unwrap();
    let filler = "lorem ipsum ".repeat(INDEX_TEXT_CAP / 12 + 100);
    let body = format!("earlyword {filler} lateword");
    let raw = msg("cap", &body);
    let id = store
        .insert_batch(&[NewMessage::prepare(raw, f, Flags::default())])
        .unwrap()[0]
        .id();
    caught_up(&store);
    assert_eq!(hits(&store, "earlyword"), [id]);
    assert!(hits(&store, "lateword").is_empty(), "past the cap");
}

#[test]
fn index_catches_up_after_losing_its_file_or_falling_behind() {
    let dir = tempfile::tempdir().unwrap();
    let config = StoreConfig::new(dir.path().join("s.sqlite3"));
    let mut store = Store::open(&config).unwrap();
    let f = store.create_folder("F", None, FolderRole::User).unwrap();
    let ids = fill(&mut store, f, &["bilby", "quoll"]);
    caught_up(&store);
    // A crash after the store's commit and before the index's: the
    // watermark is behind (here: undone by hand, with the text still there).
    store
        .index
        .execute("UPDATE state SET watermark = 0", [])
        .unwrap();
    drop(store);
    let store = Store::open(&config).unwrap();
    caught_up(&store);
    assert_eq!(
        hits(&store, "bilbybody"),
        [ids[0]],
        "indexed once, found once"
    );
    drop(store);
    // The index file lost, or unreadable (written under another key).
    std::fs::write(
        index_path(config.path()),
        b"not a database at all, just junk",
    )
    .unwrap();
    let store = Store::open(&config).unwrap();
    caught_up(&store);
    assert_eq!(hits(&store, "quollbody"), [ids[1]]);
    drop(store);
    for file in index::index_files(config.path()) {
        let _ = std::fs::remove_file(file); // some may not exist
    }
    let store = Store::open(&config).unwrap();
    caught_up(&store);
    assert_eq!(hits(&store, "quollbody"), [ids[1]]);
}

#[test]
fn index_ahead_of_its_store_or_of_another_store_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let config = StoreConfig::new(dir.path().join("s.sqlite3"));
    let mut store = Store::open(&config).unwrap();
    let f = store.create_folder("F", None, FolderRole::User).unwrap();
    let ids = fill(&mut store, f, &["possum"]);
    caught_up(&store);
    store
        .index
        .execute("UPDATE state SET watermark = 1000000", [])
        .unwrap();
    drop(store);
    let store = Store::open(&config).unwrap();
    caught_up(&store);
    assert_eq!(hits(&store, "possumbody"), ids);
    store
        .index
        .execute("UPDATE state SET store_id = x'00'", [])
        .unwrap();
    drop(store);
    let store = Store::open(&config).unwrap();
    caught_up(&store);
    assert_eq!(hits(&store, "possumbody"), ids);
}

#[test]
fn index_migration_moves_the_in_file_fts_table_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    Store::create_at_version(&path, 4).unwrap();
    {
        // A store as popmail wrote it before issue 17: FTS inside the file.
        let conn = Connection::open(&path).unwrap();
        for (id, word) in [(1, "echidna"), (2, "wallaby"), (5, "platypus")] {
            conn.execute(
                "INSERT INTO messages (id, folder_id, sha256, size, thread_key, subject, \
                 subject_sort, from_name, from_addr, from_sort, to_addrs, cc_addrs, date, \
                 received_at, has_attachments, snippet) \
                 VALUES (?1, 1, randomblob(32), 10, ?2, ?2, ?2, '', 'a@b', 'a@b', '', '', 0, 0, 0, '')",
                params![id, word],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO message_bodies (message_id, raw) VALUES (?1, ?2)",
                params![id, msg(word, &format!("{word}body"))],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO messages_fts (rowid, subject, sender, recipients, body) \
                 VALUES (?1, ?2, '', '', ?3)",
                params![id, word, format!("{word}body")],
            )
            .unwrap();
        }
        conn.execute("DELETE FROM messages WHERE id = 5", [])
            .unwrap();
    }
    let mut store = Store::open(&StoreConfig::new(&path)).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let tables: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name LIKE 'messages_fts%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 0, "the old table and its shadow tables are gone");
    caught_up(&store);
    assert_eq!(hits(&store, "echidnabody"), [MessageId(1)]);
    assert_eq!(hits(&store, "wallaby"), [MessageId(2)]);
    // Ids continue above the highest ever stored (2; 5 was deleted before
    // the migration and is not known, so above the highest stored).
    let f = store.create_folder("F", None, FolderRole::User).unwrap();
    let new = fill(&mut store, f, &["bandicoot"]);
    assert_eq!(new, [MessageId(3)]);
    caught_up(&store);
    assert_eq!(hits(&store, "bandicootbody"), new);
}

#[test]
fn index_backup_copies_both_files_and_the_copy_is_searchable() {
    let (dir, mut store) = temp();
    let f = store.create_folder("F", None, FolderRole::User).unwrap();
    let ids = fill(&mut store, f, &["kookaburra", "galah"]);
    caught_up(&store);
    let dest = dir.path().join("backup.sqlite3");
    store.backup_to(&dest, |_, _| true).unwrap();
    assert!(index_path(&dest).exists(), "the index is copied beside it");
    // The copy is searchable as it is, with nothing to catch up.
    let copy = Store::open(&StoreConfig::new(&dest)).unwrap();
    assert_eq!(copy.index_backlog().unwrap(), 0);
    assert_eq!(copy.search("galahbody", None, 5).unwrap(), [ids[1]]);
    // A name taken by either file is refused.
    let other = dir.path().join("other.sqlite3");
    std::fs::write(index_path(&other), b"x").unwrap();
    assert!(matches!(
        store.backup_to(&other, |_, _| true),
        Err(Error::Conflict(_))
    ));
    assert!(!other.exists());
}

fn temp() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&StoreConfig::new(dir.path().join("s.sqlite3"))).unwrap();
    (dir, store)
}

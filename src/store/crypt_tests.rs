//! Tests of the encrypted store: keyed open, wrong keys, conversion and its
//! recovery, encrypted backups.

use super::*;

fn msg(i: usize) -> Vec<u8> {
    format!(
        "From: zyxsender{i}@example.org\r\nSubject: quokkasubject{i}\r\n\
         Message-ID: <m{i}@t>\r\n\r\nplatypusbody{i} words\r\n"
    )
    .into_bytes()
}

fn fill(store: &mut Store, n: usize) {
    let folder = store
        .create_folder("Crypt", None, FolderRole::User)
        .unwrap();
    let batch: Vec<_> = (0..n)
        .map(|i| NewMessage::prepare(msg(i), folder, Flags::default()))
        .collect();
    store.insert_batch(&batch).unwrap();
}

fn files_contain(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    let mut hits = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let bytes = std::fs::read(&p).unwrap();
        if bytes.windows(needle.len()).any(|w| w == needle) {
            hits.push(p);
        }
    }
    hits
}

fn read_all(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn crypt_encrypted_store_hides_mail_and_refuses_wrong_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    let key = DataKey::generate().unwrap();
    let config = StoreConfig::new(&path).with_key(Some(key.clone()));
    let mut store = Store::open(&config).unwrap();
    fill(&mut store, 20);
    // FTS5 is in the SQLCipher build, and the index works encrypted.
    assert!(store.wait_for_index(|_| true).unwrap());
    assert_eq!(store.search("platypusbody7", None, 10).unwrap().len(), 1);
    // Nothing readable in the file or its WAL, even while open.
    assert!(files_contain(dir.path(), b"quokkasubject").is_empty());
    assert!(files_contain(dir.path(), b"platypusbody").is_empty());
    assert!(files_contain(dir.path(), b"zyxsender").is_empty());
    let temp_store: i64 = store
        .conn
        .query_row("PRAGMA temp_store", [], |r| r.get(0))
        .unwrap();
    assert_eq!(temp_store, 2, "temp_store = MEMORY");
    store.integrity_check().unwrap();
    store.cipher_integrity_check().unwrap();
    drop(store);
    assert!(is_encrypted(&path).unwrap());

    let before = read_all(dir.path());
    let e = Store::open(&StoreConfig::new(&path)).unwrap_err();
    assert!(matches!(e, Error::Locked { .. }), "{e}");
    assert!(e.to_string().contains("POPMAIL_PASSPHRASE"), "{e}");
    let wrong = StoreConfig::new(&path).with_key(Some(DataKey::generate().unwrap()));
    let e = Store::open(&wrong).unwrap_err();
    assert!(matches!(e, Error::WrongKey { .. }), "{e}");
    assert_eq!(read_all(dir.path()), before, "failed opens change no byte");

    let store = Store::open(&config).unwrap();
    assert!(store.wait_for_index(|_| true).unwrap());
    assert_eq!(store.search("quokkasubject3", None, 10).unwrap().len(), 1);
}

#[test]
fn crypt_conversion_round_trip_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    let mut store = Store::open(&StoreConfig::new(&path)).unwrap();
    fill(&mut store, 50);
    let digest = store.content_digest().unwrap();
    assert!(!is_encrypted(&path).unwrap());

    let key = DataKey::generate().unwrap();
    let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let c = calls.clone();
    let config = store
        .convert(
            Some(key.clone()),
            Box::new(move |_, _| {
                c.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                true
            }),
        )
        .unwrap();
    assert!(calls.load(std::sync::atomic::Ordering::SeqCst) >= 1);
    assert_eq!(config.key(), Some(&key));
    assert!(is_encrypted(&path).unwrap());
    assert!(files_contain(dir.path(), b"platypusbody").is_empty());
    let names: Vec<_> = read_all(dir.path()).into_iter().map(|(p, _)| p).collect();
    assert_eq!(names, vec![path.clone()], "only the store is left");
    let store = Store::open(&config).unwrap();
    assert_eq!(store.content_digest().unwrap(), digest);
    store.integrity_check().unwrap();
    store.cipher_integrity_check().unwrap();
    assert!(store.wait_for_index(|_| true).unwrap());
    assert_eq!(store.search("quokkasubject42", None, 10).unwrap().len(), 1);

    let config = store.convert(None, Box::new(|_, _| true)).unwrap();
    assert!(config.key().is_none());
    assert!(!is_encrypted(&path).unwrap());
    let store = Store::open(&config).unwrap();
    assert_eq!(store.content_digest().unwrap(), digest);
    store.integrity_check().unwrap();
}

#[test]
fn crypt_cancelled_conversion_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    let mut store = Store::open(&StoreConfig::new(&path)).unwrap();
    fill(&mut store, 200);
    let digest = store.content_digest().unwrap();
    let e = store
        .convert(Some(DataKey::generate().unwrap()), Box::new(|_, _| false))
        .unwrap_err();
    assert!(matches!(e, Error::Conversion(_)), "{e}");
    assert!(!is_encrypted(&path).unwrap());
    assert!(!dir.path().join("s.sqlite3.new").exists());
    assert!(!dir.path().join("s.sqlite3.convert").exists());
    let store = Store::open(&StoreConfig::new(&path)).unwrap();
    assert_eq!(store.content_digest().unwrap(), digest);
}

#[test]
fn crypt_open_rolls_back_a_conversion_caught_while_copying() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    let mut store = Store::open(&StoreConfig::new(&path)).unwrap();
    fill(&mut store, 5);
    let digest = store.content_digest().unwrap();
    drop(store);
    // What a kill during the copy leaves: a journal and a partial new file.
    std::fs::write(
        dir.path().join("s.sqlite3.convert"),
        br#"{"direction":"encrypt","state":"copying"}"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("s.sqlite3.new"), b"partial garbage").unwrap();
    let store = Store::open(&StoreConfig::new(&path)).unwrap();
    assert_eq!(store.content_digest().unwrap(), digest);
    assert!(!dir.path().join("s.sqlite3.new").exists());
    assert!(!dir.path().join("s.sqlite3.convert").exists());
}

#[test]
fn crypt_backup_of_an_encrypted_store_is_encrypted_with_the_same_key() {
    let dir = tempfile::tempdir().unwrap();
    let key = DataKey::generate().unwrap();
    let config = StoreConfig::new(dir.path().join("s.sqlite3")).with_key(Some(key.clone()));
    let mut store = Store::open(&config).unwrap();
    fill(&mut store, 30);
    let digest = store.content_digest().unwrap();
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("backup.sqlite3");
    store.backup_to(&dest, |_, _| true).unwrap();
    assert!(is_encrypted(&dest).unwrap());
    assert!(files_contain(out.path(), b"quokkasubject").is_empty());
    assert!(matches!(
        Store::open(&StoreConfig::new(&dest)).unwrap_err(),
        Error::Locked { .. }
    ));
    let copy = Store::open(&StoreConfig::new(&dest).with_key(Some(key))).unwrap();
    assert_eq!(copy.content_digest().unwrap(), digest);
}

#[test]
fn crypt_conversion_is_refused_while_another_connection_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let config = StoreConfig::new(dir.path().join("s.sqlite3"));
    let mut a = Store::open(&config).unwrap();
    fill(&mut a, 5);
    let other = Store::open(&config).unwrap();
    let before = other.content_digest().unwrap();
    let key = DataKey::generate().unwrap();
    let err = a
        .convert(Some(key.clone()), Box::new(|_, _| true))
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err}");
    assert!(err.to_string().contains("open elsewhere"), "{err}");
    // Nothing changed: the other connection still reads (and writes) it.
    assert_eq!(other.content_digest().unwrap(), before);
    assert!(!is_encrypted(config.path()).unwrap());
    assert!(!journal_path_exists(config.path()));
    drop(other);
    let a = Store::open(&config).unwrap();
    let enc = a.convert(Some(key), Box::new(|_, _| true)).unwrap();
    let b = Store::open(&enc).unwrap();
    assert_eq!(b.content_digest().unwrap(), before);
}

fn journal_path_exists(store: &Path) -> bool {
    let mut s = store.as_os_str().to_os_string();
    s.push(".convert");
    PathBuf::from(s).exists()
}

fn cipher_page_size(store: &Store) -> i64 {
    let text: String = store
        .conn
        .query_row("PRAGMA cipher_page_size", [], |r| r.get(0))
        .unwrap();
    text.parse().unwrap()
}

#[test]
fn crypt_new_encrypted_stores_use_16k_pages_and_4k_stores_still_open() {
    let dir = tempfile::tempdir().unwrap();
    let key = DataKey::generate().unwrap();
    // New encrypted store, and one converted from plaintext: 16 KiB pages.
    let config = StoreConfig::new(dir.path().join("new.sqlite3")).with_key(Some(key.clone()));
    let mut store = Store::open(&config).unwrap();
    fill(&mut store, 10);
    assert_eq!(store.config().cipher_page_size(), Some(CIPHER_PAGE_SIZE));
    assert_eq!(cipher_page_size(&store), i64::from(CIPHER_PAGE_SIZE));
    let plain = StoreConfig::new(dir.path().join("conv.sqlite3"));
    let mut p = Store::open(&plain).unwrap();
    fill(&mut p, 10);
    let converted = p.convert(Some(key.clone()), Box::new(|_, _| true)).unwrap();
    let c = Store::open(&converted).unwrap();
    assert_eq!(cipher_page_size(&c), i64::from(CIPHER_PAGE_SIZE));
    c.cipher_integrity_check().unwrap();
    drop(c);

    // A store written with SQLCipher's default 4096 (round 1) still opens,
    // for every connection and for a backup, and converts back.
    let legacy_path = dir.path().join("legacy.sqlite3");
    let mut legacy = StoreConfig::new(&legacy_path).with_key(Some(key.clone()));
    legacy.cipher_page_size = Some(LEGACY_CIPHER_PAGE_SIZE);
    let mut old = Store::open(&legacy).unwrap();
    fill(&mut old, 25);
    let digest = old.content_digest().unwrap();
    drop(old);
    let fresh = StoreConfig::new(&legacy_path).with_key(Some(key.clone()));
    let reopened = Store::open(&fresh).unwrap();
    assert_eq!(
        reopened.config().cipher_page_size(),
        Some(LEGACY_CIPHER_PAGE_SIZE)
    );
    assert_eq!(reopened.content_digest().unwrap(), digest);
    reopened.integrity_check().unwrap();
    reopened.cipher_integrity_check().unwrap();
    let worker = Store::open(reopened.config()).unwrap();
    assert_eq!(worker.content_digest().unwrap(), digest);
    drop(worker);
    let dest = dir.path().join("legacy-backup.sqlite3");
    reopened.backup_to(&dest, |_, _| true).unwrap();
    let copy = Store::open(&StoreConfig::new(&dest).with_key(Some(key.clone()))).unwrap();
    assert_eq!(copy.content_digest().unwrap(), digest);
    drop(copy);
    let back = reopened.convert(None, Box::new(|_, _| true)).unwrap();
    assert_eq!(
        Store::open(&back).unwrap().content_digest().unwrap(),
        digest
    );
    // A wrong key is still "wrong key", after both page sizes were tried.
    let wrong = StoreConfig::new(dir.path().join("new.sqlite3"))
        .with_key(Some(DataKey::generate().unwrap()));
    drop(store);
    assert!(matches!(
        Store::open(&wrong).unwrap_err(),
        Error::WrongKey { .. }
    ));
}

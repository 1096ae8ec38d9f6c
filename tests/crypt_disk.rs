//! No plaintext on disk: with encryption on, an import, a sync of real mail
//! from Dovecot, a search and a backup leave none of the test messages'
//! unique words (subjects, body words, addresses, attachment names) in any
//! byte of any file under the data folder or the backup's folder.

use std::process::Output;

use crate::crypt_support::{UNIQUE, hits_of, message, open, popmail};
use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::store::DataDir;

const PASS: &str = "disk test pass";

/// Words only in the messages put on the Dovecot server.
const SYNCED: &[&str] = &[
    "platypussubject",
    "bilbybody",
    "dingosender",
    "cassowaryattachment",
];

fn synced_message(i: usize) -> Vec<u8> {
    format!(
        "From: dingosender{i}@example.net\r\nTo: alice@example.net\r\n\
         Subject: platypussubject {i}\r\nMessage-ID: <disk{i}@example.net>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nbilbybody {i}\r\n\
         --b\r\nContent-Type: text/plain\r\n\
         Content-Disposition: attachment; filename=\"cassowaryattachment{i}.txt\"\r\n\r\n\
         notes\r\n--b--\r\n"
    )
    .into_bytes()
}

fn run(data: &DataDir, args: &[&str]) -> Output {
    let out = popmail(data)
        .args(args)
        .env("POPMAIL_PASSPHRASE", PASS)
        .env("POPMAIL_NEW_PASSPHRASE", PASS)
        .env("TEST_PW", "alice-pw")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "popmail {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn crypt_disk_no_plaintext_after_import_sync_search_and_backup() {
    let words: Vec<&str> = UNIQUE.iter().chain(SYNCED).copied().collect();
    let data = DataDir::plaintext();
    drop(data.store());
    run(&data, &["encrypt", "--passphrase", "--quiet"]);

    // An import, from an mbox outside the data folder.
    let src = tempfile::tempdir().unwrap();
    let mbox = src.path().join("in.mbox");
    let mut text = Vec::new();
    for i in 0..20 {
        text.extend_from_slice(b"From someone@example.org Mon Jan  1 00:00:00 2024\n");
        text.extend(message(i).iter().filter(|&&b| b != b'\r'));
        text.push(b'\n');
    }
    std::fs::write(&mbox, &text).unwrap();
    // The grep itself finds the words where they are in plaintext.
    assert_eq!(hits_of(src.path(), UNIQUE).len(), UNIQUE.len());
    run(
        &data,
        &["import", mbox.to_str().unwrap(), "--folder", "Imported"],
    );

    // A sync of real mail.
    let d = Dovecot::start(&DovecotOptions::default());
    for i in 0..10 {
        d.add_message("alice", &synced_message(i));
    }
    let port = d.tls_port().to_string();
    let ca = d.ca_pem_path();
    run(
        &data,
        &[
            "account",
            "add",
            "work",
            "--host",
            "127.0.0.1",
            "--port",
            &port,
            "--user",
            "alice",
            "--password-env",
            "TEST_PW",
            "--ca-file",
            ca.to_str().unwrap(),
            "--policy",
            "keep",
        ],
    );
    let sync = run(&data, &["sync"]);
    assert!(
        String::from_utf8_lossy(&sync.stderr).contains("10 downloaded"),
        "{}",
        String::from_utf8_lossy(&sync.stderr)
    );

    // Searches that find both kinds of mail: the words are in the store.
    for (word, n) in [("wombatsubject", 20), ("bilbybody", 10)] {
        let out = run(&data, &["search", word, "--json"]);
        // One JSON object a line.
        let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), n, "search {word}");
    }

    // A backup, into its own folder.
    let backups = tempfile::tempdir().unwrap();
    let store = open(&data, PASS);
    assert!(store.is_encrypted());
    store
        .backup_to(&backups.path().join("backup.sqlite3"), |_, _| true)
        .unwrap();
    drop(store);

    let hits = hits_of(data.path(), &words);
    assert!(hits.is_empty(), "plaintext in the data folder: {hits:?}");
    let hits = hits_of(backups.path(), &words);
    assert!(hits.is_empty(), "plaintext in the backup: {hits:?}");
}

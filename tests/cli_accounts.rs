//! Accounts and sync on the command line, against a real Dovecot:
//! `account add|edit|list|remove` and `sync [--dry-run]`, with the password
//! taken from an environment variable (never argv) and errors as one line.

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::store::DataDir;

fn popmail(data: &DataDir, args: &[&str]) -> std::process::Output {
    // The data folder's command: in the encrypted pass it passes the passphrase.
    data.command()
        .args(args)
        .env("POPMAIL_NO_KEYCHAIN", "1")
        .env("TEST_PW", "alice-pw")
        .output()
        .unwrap()
}

fn ok(o: &std::process::Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn add_sync_dry_run_edit_and_remove_an_account() {
    let d = Dovecot::start(&DovecotOptions::default());
    for i in 0..3 {
        d.add_message(
            "alice",
            format!("Subject: cli {i}\r\nMessage-ID: <cli{i}@x>\r\n\r\nbody {i}\r\n").as_bytes(),
        );
    }
    let data = DataDir::new();
    let port = d.tls_port().to_string();
    let ca = d.ca_pem_path();
    let ca = ca.to_str().unwrap();
    let add = popmail(
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
        ],
    );
    assert!(
        !add.status.success(),
        "no password source and no terminal must fail"
    );
    assert!(String::from_utf8_lossy(&add.stderr).contains("--password-env"));

    ok(&popmail(
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
            ca,
            "--policy",
            "keep-days:7",
            "--max-size",
            "500",
            "--interval",
            "15",
        ],
    ));
    let list: serde_json::Value =
        serde_json::from_str(&ok(&popmail(&data, &["account", "list", "--json"]))).unwrap();
    let a = &list[0];
    assert_eq!(a["name"], "work");
    assert_eq!(a["policy"]["KeepDays"], 7);
    assert_eq!(a["max_size_kb"], 500);
    assert!(
        !list.to_string().contains("alice-pw"),
        "the password must not be listed"
    );

    let dry = ok(&popmail(&data, &["sync", "--dry-run"]));
    assert!(
        dry.contains("3 messages are there now") && dry.contains("would delete nothing"),
        "{dry}"
    );
    let out = popmail(&data, &["sync"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("3 downloaded"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(d.message_count("alice"), 3);

    ok(&popmail(
        &data,
        &["account", "edit", "work", "--policy", "delete"],
    ));
    let dry = ok(&popmail(&data, &["sync", "--dry-run"]));
    assert!(dry.contains("would delete 3 messages"), "{dry}");
    ok(&popmail(&data, &["sync"]));
    assert_eq!(d.message_count("alice"), 0);

    let bad = popmail(
        &data,
        &["account", "edit", "work", "--policy", "keep-days:0"],
    );
    assert!(!bad.status.success());
    assert_eq!(String::from_utf8_lossy(&bad.stderr).lines().count(), 1);

    let removed = ok(&popmail(&data, &["account", "remove", "work"]));
    assert!(removed.contains("3 messages"), "{removed}");
    let folders = ok(&popmail(&data, &["folders"]));
    assert!(folders.contains("work (removed account)"), "{folders}");
}

#[test]
fn sync_fails_with_a_clear_line_and_status_when_the_server_is_down() {
    let data = DataDir::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    ok(&popmail(
        &data,
        &[
            "account",
            "add",
            "down",
            "--host",
            "127.0.0.1",
            "--port",
            &port,
            "--user",
            "u",
            "--password-env",
            "TEST_PW",
        ],
    ));
    let out = popmail(&data, &["sync"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("down: failed:"), "{err}");
}

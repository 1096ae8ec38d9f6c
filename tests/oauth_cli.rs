//! OAuth 2.0 on the command line against the mock identity provider and a
//! real Dovecot with an oauth2 passdb: `popmail account add … --auth oauth2
//! --oauth-provider custom … --device` (the device code on stderr, the test
//! playing the person), then `popmail sync` downloads; a revoked refresh
//! token gives "Sign in again" for that account while a second account still
//! syncs; `popmail account login NAME --device` signs it in again; no token
//! ever appears on stderr or stdout, and no access token in the store. With
//! a system keychain (gnome-keyring on a private D-Bus), no token at all is
//! in any file of the data folder: the refresh token lives in the keychain.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

use crate::support::dovecot::{Dovecot, DovecotOptions};
use crate::support::idp::{CLIENT_ID, Idp};
use crate::support::store::DataDir;

fn popmail(data: &DataDir) -> Command {
    let mut c = crate::support::popmail_binary();
    c.arg("--data-dir")
        .arg(data.path())
        .env("POPMAIL_NO_KEYCHAIN", "1")
        .env_remove("POPMAIL_DATA_DIR");
    c
}

/// Runs popmail with `args`, approving the device code it prints on stderr.
/// With `keychain`, the binary uses that system keychain.
fn with_device_code(
    data: &DataDir,
    idp: &Idp,
    args: &[String],
    keychain: Option<&crate::support::dbus::Keychain>,
) -> Output {
    let mut command = popmail(data);
    if let Some(k) = keychain {
        k.apply(&mut command);
    }
    let mut child = command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut seen = String::new();
    for line in BufReader::new(stderr).lines() {
        let line = line.unwrap();
        seen.push_str(&line);
        seen.push('\n');
        if let Some(code) = line.split("enter the code ").nth(1) {
            assert!(line.contains(&idp.url("/activate")), "{line}");
            assert!(idp.approve(code.trim()), "unknown code {code}");
        }
    }
    let out = child.wait_with_output().unwrap();
    Output {
        status: out.status,
        stdout: out.stdout,
        stderr: seen.into_bytes(),
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn add_args(name: &str, user: &str, d: &Dovecot, idp: &Idp) -> Vec<String> {
    [
        "account",
        "add",
        name,
        "--host",
        "127.0.0.1",
        "--port",
        &d.tls_port().to_string(),
        "--ca-file",
        d.ca_pem_path().to_str().unwrap(),
        "--user",
        user,
        "--auth",
        "oauth2",
        "--oauth-provider",
        "custom",
        "--client-id",
        CLIENT_ID,
        "--oauth-authorize-url",
        &idp.url("/authorize"),
        "--oauth-token-url",
        &idp.url("/token"),
        "--oauth-device-url",
        &idp.url("/device"),
        "--oauth-scope",
        "pop offline_access",
        "--device",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn oauth_cli_device_sign_in_sync_revoke_and_sign_in_again() {
    let idp = Idp::start("alice");
    let d = Dovecot::start(&DovecotOptions {
        users: vec![
            ("alice".into(), String::new()),
            ("bob".into(), String::new()),
        ],
        oauth2_introspection: Some(idp.url("/introspect")),
        ..DovecotOptions::default()
    });
    for i in 0..2 {
        d.add_message(
            "alice",
            format!("Subject: a{i}\r\nMessage-ID: <a{i}@x>\r\n\r\nbody {i}\r\n").as_bytes(),
        );
    }
    d.add_message("bob", b"Subject: b0\r\nMessage-ID: <b0@x>\r\n\r\nbob\r\n");
    let data = DataDir::new();
    let mut outputs = Vec::new();

    let add = with_device_code(&data, &idp, &add_args("work", "alice", &d, &idp), None);
    assert!(add.status.success(), "{}", text(&add));
    assert!(
        text(&add).contains("signed in with custom"),
        "{}",
        text(&add)
    );
    outputs.push(text(&add));
    idp.set_user("bob");
    let add = with_device_code(&data, &idp, &add_args("home", "bob", &d, &idp), None);
    assert!(add.status.success(), "{}", text(&add));
    outputs.push(text(&add));

    let list = popmail(&data)
        .args(["account", "list", "--json"])
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(list[1]["auth"], "oauth2", "{list}");
    assert_eq!(list[1]["oauth"]["token_url"], idp.url("/token"));

    let sync = popmail(&data).arg("sync").output().unwrap();
    assert!(sync.status.success(), "{}\n{}", text(&sync), d.log_text());
    assert!(text(&sync).contains("2 downloaded"), "{}", text(&sync));
    assert!(text(&sync).contains("1 downloaded"), "{}", text(&sync));
    outputs.push(text(&sync));
    assert_eq!(idp.refreshes(), 2, "each new process refreshes once");

    // Again: the refresh token rotated; nothing is downloaded twice.
    let sync = popmail(&data).arg("sync").output().unwrap();
    assert!(sync.status.success(), "{}", text(&sync));
    assert!(!text(&sync).contains("downloaded 1"), "{}", text(&sync));
    outputs.push(text(&sync));
    assert_eq!(inbox_total(&data), 3);

    // The provider withdraws alice's sign-in: her account says "Sign in
    // again"; bob's still syncs.
    idp.revoke_refresh_tokens("alice");
    d.add_message(
        "bob",
        b"Subject: b1\r\nMessage-ID: <b1@x>\r\n\r\nbob again\r\n",
    );
    let sync = popmail(&data).arg("sync").output().unwrap();
    let t = text(&sync);
    outputs.push(t.clone());
    assert!(!sync.status.success(), "{t}");
    assert!(
        t.contains("Sign in again") && t.contains("popmail account login work"),
        "{t}"
    );
    assert!(t.contains("1 downloaded"), "bob still syncs: {t}");
    assert_eq!(inbox_total(&data), 4);

    idp.set_user("alice");
    let login = with_device_code(
        &data,
        &idp,
        &["account", "login", "work", "--device"].map(String::from),
        None,
    );
    assert!(login.status.success(), "{}", text(&login));
    outputs.push(text(&login));
    d.add_message(
        "alice",
        b"Subject: a2\r\nMessage-ID: <a2@x>\r\n\r\nagain\r\n",
    );
    let sync = popmail(&data)
        .args(["sync", "--account", "work"])
        .output()
        .unwrap();
    assert!(sync.status.success(), "{}", text(&sync));
    outputs.push(text(&sync));
    assert_eq!(inbox_total(&data), 5);

    // No token on any output; no access token in the store files.
    let issued = idp.issued_tokens();
    assert!(issued.len() >= 8, "{issued:?}");
    let mut files = Vec::new();
    for e in std::fs::read_dir(data.path()).unwrap() {
        files.push(std::fs::read(e.unwrap().path()).unwrap_or_default());
    }
    for token in &issued {
        for out in &outputs {
            assert!(!out.contains(token.as_str()), "token on the output: {out}");
        }
        if token.starts_with("at-") {
            for f in &files {
                assert!(
                    !f.windows(token.len()).any(|w| w == token.as_bytes()),
                    "access token in the store"
                );
            }
        }
    }
}

fn inbox_total(data: &DataDir) -> u64 {
    data.store()
        .count(popmail::store::Scope::UnifiedInbox)
        .unwrap()
}

#[test]
fn oauth_cli_with_a_keychain_no_token_is_in_the_store_files() {
    let keychain = crate::support::dbus::Keychain::start();
    let idp = Idp::start("alice");
    let d = Dovecot::start(&DovecotOptions {
        users: vec![("alice".into(), String::new())],
        oauth2_introspection: Some(idp.url("/introspect")),
        ..DovecotOptions::default()
    });
    d.add_message(
        "alice",
        b"Subject: k0\r\nMessage-ID: <k0@x>\r\n\r\nbody\r\n",
    );
    let data = DataDir::plaintext();
    let add = with_device_code(
        &data,
        &idp,
        &add_args("work", "alice", &d, &idp),
        Some(&keychain),
    );
    assert!(add.status.success(), "{}", text(&add));
    // Two syncs: each process refreshes with the token the keychain holds
    // (the second one with the token the first one rotated in).
    for _ in 0..2 {
        let sync = keychain
            .apply(&mut popmail(&data))
            .arg("sync")
            .output()
            .unwrap();
        assert!(sync.status.success(), "{}\n{}", text(&sync), d.log_text());
    }
    assert_eq!(inbox_total(&data), 1);
    assert_eq!(
        idp.refreshes(),
        2,
        "the refresh tokens came from the keychain"
    );
    // Without the keychain the refresh token is not there: sign in again.
    let sync = popmail(&data).arg("sync").output().unwrap();
    assert!(text(&sync).contains("Sign in again"), "{}", text(&sync));
    // No token, access or refresh, in any file of the data folder.
    let issued = idp.issued_tokens();
    assert!(issued.iter().any(|t| !t.starts_with("at-")), "{issued:?}");
    for e in std::fs::read_dir(data.path()).unwrap() {
        let path = e.unwrap().path();
        let bytes = std::fs::read(&path).unwrap_or_default();
        for token in &issued {
            assert!(
                !bytes.windows(token.len()).any(|w| w == token.as_bytes()),
                "{token} is in {} in clear text",
                path.display()
            );
        }
    }
}

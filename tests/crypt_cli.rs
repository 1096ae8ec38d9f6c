//! `popmail encrypt`, `decrypt`, `passphrase change`, `lock-status` and
//! `unlock --recovery-key-env` through the real binary: wrong passphrases
//! change no byte, damaged key files are clear errors, the recovery key
//! opens the store, and nothing readable is left on disk.

use crate::crypt_support::{fails, fill, ok, open, plaintext_hits, popmail, snapshot};
use crate::support::store::DataDir;

#[test]
fn crypt_cli_passphrase_life_cycle() {
    let data = DataDir::plaintext();
    fill(&data, 20);
    let digest = open(&data, "").content_digest().unwrap();

    let out = ok(popmail(&data)
        .args(["encrypt", "--passphrase", "--quiet"])
        .env("POPMAIL_NEW_PASSPHRASE", "first pass")
        .output()
        .unwrap());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("Recovery key"), "{err}");
    assert!(err.contains("cannot promise"), "{err}");
    let recovery = err
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 71 && l.matches('-').count() == 7)
        .expect("the recovery key line")
        .to_string();
    assert!(
        plaintext_hits(data.path()).is_empty(),
        "{:?}",
        plaintext_hits(data.path())
    );
    let status = ok(popmail(&data).arg("lock-status").output().unwrap());
    assert_eq!(
        String::from_utf8_lossy(&status.stdout).trim(),
        "encrypted; unlocked by: passphrase, recovery key"
    );

    // No terminal, no passphrase: refused at once, saying how.
    let started = std::time::Instant::now();
    fails(
        popmail(&data).arg("folders").output().unwrap(),
        "POPMAIL_PASSPHRASE_FILE",
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));

    // A wrong passphrase changes no byte of the store or the key file.
    let before = snapshot(&data);
    fails(
        popmail(&data)
            .arg("folders")
            .env("POPMAIL_PASSPHRASE", "nope")
            .output()
            .unwrap(),
        "wrong passphrase",
    );
    assert_eq!(snapshot(&data), before);

    let pass_file = data.path().parent().unwrap().join(format!(
        "pass-{}",
        data.path().file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&pass_file, "first pass\n").unwrap();
    let found = ok(popmail(&data)
        .args(["search", "echidnabody"])
        .env("POPMAIL_PASSPHRASE_FILE", &pass_file)
        .output()
        .unwrap());
    assert!(String::from_utf8_lossy(&found.stdout).contains("wombatsubject"));
    std::fs::remove_file(&pass_file).unwrap();

    // Passphrase change: rewraps the key; the store file is not rewritten.
    let store_before = std::fs::read(data.store_path()).unwrap();
    ok(popmail(&data)
        .args(["passphrase", "change"])
        .env("POPMAIL_PASSPHRASE", "first pass")
        .env("POPMAIL_NEW_PASSPHRASE", "second pass")
        .output()
        .unwrap());
    assert_eq!(std::fs::read(data.store_path()).unwrap(), store_before);
    fails(
        popmail(&data)
            .arg("folders")
            .env("POPMAIL_PASSPHRASE", "first pass")
            .output()
            .unwrap(),
        "wrong passphrase",
    );
    ok(popmail(&data)
        .arg("folders")
        .env("POPMAIL_PASSPHRASE", "second pass")
        .output()
        .unwrap());

    // The recovery key sets a new passphrase.
    fails(
        popmail(&data)
            .args(["unlock", "--recovery-key-env", "REC"])
            .env("REC", "0123-not-a-key")
            .env("POPMAIL_NEW_PASSPHRASE", "x")
            .output()
            .unwrap(),
        "not a recovery key",
    );
    ok(popmail(&data)
        .args(["unlock", "--recovery-key-env", "REC"])
        .env("REC", &recovery)
        .env("POPMAIL_NEW_PASSPHRASE", "third pass")
        .output()
        .unwrap());
    assert_eq!(open(&data, "third pass").content_digest().unwrap(), digest);

    // A damaged key file: a clear error, no panic, the store untouched.
    let kpath = data.path().join(popmail::keys::KEY_FILE);
    let good = std::fs::read(&kpath).unwrap();
    std::fs::write(&kpath, &good[..good.len() / 3]).unwrap();
    let store_bytes = std::fs::read(data.store_path()).unwrap();
    fails(
        popmail(&data)
            .arg("folders")
            .env("POPMAIL_PASSPHRASE", "third pass")
            .output()
            .unwrap(),
        "damaged",
    );
    assert_eq!(std::fs::read(data.store_path()).unwrap(), store_bytes);
    std::fs::write(&kpath, &good).unwrap();

    ok(popmail(&data)
        .args(["decrypt", "--quiet"])
        .env("POPMAIL_PASSPHRASE", "third pass")
        .output()
        .unwrap());
    let status = ok(popmail(&data).arg("lock-status").output().unwrap());
    assert_eq!(
        String::from_utf8_lossy(&status.stdout).trim(),
        "not encrypted"
    );
    assert!(!kpath.exists());
    assert_eq!(open(&data, "").content_digest().unwrap(), digest);
    ok(popmail(&data).arg("folders").output().unwrap());
}

#[test]
fn crypt_cli_wrong_passphrases_are_rate_limited() {
    let data = DataDir::plaintext();
    fill(&data, 2);
    ok(popmail(&data)
        .args(["encrypt", "--quiet"])
        .env("POPMAIL_NEW_PASSPHRASE", "right")
        .output()
        .unwrap());
    let before = snapshot(&data);
    // Five wrong passphrases, each let through once its wait is over: the
    // wait doubles after the third (1 s, 2 s, then 4 s), and a 4 s wait is
    // long enough that the next attempt below cannot slip past it on a
    // loaded machine (the limiter counts whole seconds).
    let mut wrong = 0;
    for _ in 0..40 {
        if wrong == 5 {
            break;
        }
        let out = popmail(&data)
            .arg("folders")
            .env("POPMAIL_PASSPHRASE", "wrong")
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        if err.contains("try again in") {
            std::thread::sleep(std::time::Duration::from_millis(500));
            continue;
        }
        assert!(err.contains("wrong passphrase"), "{err}");
        wrong += 1;
    }
    assert_eq!(wrong, 5, "five wrong passphrases were tried");
    // Now even the right one must wait: refused without trying it.
    fails(
        popmail(&data)
            .arg("folders")
            .env("POPMAIL_PASSPHRASE", "right")
            .output()
            .unwrap(),
        "try again in",
    );
    assert_eq!(
        snapshot(&data),
        before,
        "the rate limit keeps its state elsewhere"
    );
    assert!(data.path().join(popmail::keys::ATTEMPTS_FILE).exists());
}

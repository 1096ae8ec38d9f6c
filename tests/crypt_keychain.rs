//! The system keychain for real: gnome-keyring's Secret Service on a private
//! D-Bus (`support::dbus`). `popmail encrypt --keychain` keeps the store's
//! wrapping key there, so the store opens with nothing typed; switching an
//! encrypted store between the keychain and a passphrase (either way) only
//! rewraps the key header, keeps the recovery key, and never touches the
//! mail; without a keychain the switch fails clearly and changes no byte.

use crate::crypt_support::{fails, fill, ok, open, popmail, snapshot};
use crate::support::dbus::Keychain;
use crate::support::store::DataDir;

fn lock_status(data: &DataDir, keychain: &Keychain) -> String {
    let out = ok(keychain
        .apply(&mut popmail(data))
        .arg("lock-status")
        .output()
        .unwrap());
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn crypt_keychain_encrypt_then_switch_to_a_passphrase_and_back() {
    let keychain = Keychain::start();
    let data = DataDir::plaintext();
    fill(&data, 10);
    let digest = open(&data, "").content_digest().unwrap();

    // Encrypted, unlocked by the keychain: opens with nothing typed.
    ok(keychain
        .apply(&mut popmail(&data))
        .args(["encrypt", "--keychain", "--quiet"])
        .output()
        .unwrap());
    assert_eq!(
        lock_status(&data, &keychain),
        "encrypted; unlocked by: system keychain"
    );
    let folders = ok(keychain
        .apply(&mut popmail(&data))
        .arg("folders")
        .output()
        .unwrap());
    assert!(String::from_utf8_lossy(&folders.stdout).contains("Cryptfolder"));
    // Without the keychain it does not open (and says why).
    fails(
        popmail(&data).arg("folders").output().unwrap(),
        "system keychain",
    );

    // To a passphrase: a recovery key is shown once, the keychain entry goes.
    let out = ok(keychain
        .apply(&mut popmail(&data))
        .args(["encrypt", "--passphrase"])
        .env("POPMAIL_NEW_PASSPHRASE", "switched pass")
        .output()
        .unwrap());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("Recovery key"), "{err}");
    assert!(err.contains("now asks for the passphrase"), "{err}");
    assert_eq!(
        lock_status(&data, &keychain),
        "encrypted; unlocked by: passphrase, recovery key"
    );
    assert_eq!(
        open(&data, "switched pass").content_digest().unwrap(),
        digest
    );
    fails(
        keychain
            .apply(&mut popmail(&data))
            .arg("folders")
            .output()
            .unwrap(),
        "POPMAIL_PASSPHRASE_FILE",
    );

    // Back to the keychain (the passphrase opens the store to rewrap it).
    let out = ok(keychain
        .apply(&mut popmail(&data))
        .args(["encrypt", "--keychain"])
        .env("POPMAIL_PASSPHRASE", "switched pass")
        .output()
        .unwrap());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("now opens by the system keychain"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        lock_status(&data, &keychain),
        "encrypted; unlocked by: recovery key, system keychain"
    );
    ok(keychain
        .apply(&mut popmail(&data))
        .arg("folders")
        .output()
        .unwrap());
    fails(
        keychain
            .apply(&mut popmail(&data))
            .args(["encrypt", "--keychain"])
            .output()
            .unwrap(),
        "already encrypted and unlocked by the system keychain",
    );
}

#[test]
fn crypt_keychain_missing_keychain_leaves_a_passphrase_store_as_it_was() {
    let data = DataDir::plaintext();
    fill(&data, 3);
    ok(popmail(&data)
        .args(["encrypt", "--passphrase", "--quiet"])
        .env("POPMAIL_NEW_PASSPHRASE", "kept pass")
        .output()
        .unwrap());
    let before = snapshot(&data);
    fails(
        popmail(&data)
            .args(["encrypt", "--keychain"])
            .env("POPMAIL_PASSPHRASE", "kept pass")
            .output()
            .unwrap(),
        "cannot go to the system keychain",
    );
    assert_eq!(snapshot(&data), before, "no byte changed");
}

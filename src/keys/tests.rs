//! Tests of the key wrappings and the header file.
use super::*;

#[test]
fn passphrase_and_recovery_unwrap_the_same_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(KEY_FILE);
    let key = DataKey::generate().unwrap();
    let rec = WrapKey::generate().unwrap();
    let mut h = Header::default();
    h.wrap_passphrase(&key, &Secret::new("correct horse"))
        .unwrap();
    h.wrap_with(Kind::Recovery, &rec, &key).unwrap();
    h.save(&path).unwrap();
    let h = Header::load(&path).unwrap();
    let k1 = h
        .unlock_passphrase(&Secret::new("correct horse"), &path)
        .unwrap();
    assert_eq!(k1, key);
    let text = recovery_text(&rec);
    let back = WrapKey::from_hex(text.expose()).unwrap();
    assert_eq!(h.unlock_with(Kind::Recovery, &back, &path).unwrap(), key);
    assert!(matches!(
        h.unlock_passphrase(&Secret::new("wrong"), &path),
        Err(Error::WrongPassphrase)
    ));
    assert!(format!("{key:?}").contains("***"));
    assert!(!format!("{key:?}").contains(&hex::encode(key.0)));
}

#[test]
fn damaged_headers_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(KEY_FILE);
    let key = DataKey::generate().unwrap();
    let mut h = Header::default();
    h.wrap_passphrase(&key, &Secret::new("pw")).unwrap();
    h.save(&path).unwrap();
    let good = std::fs::read(&path).unwrap();
    for cut in [0, 1, good.len() / 2, good.len() - 2] {
        std::fs::write(&path, &good[..cut]).unwrap();
        let e = Header::load(&path).unwrap_err();
        assert!(matches!(e, Error::Corrupt { .. }), "{e}");
        assert!(e.to_string().contains("damaged"));
    }
    // A flipped byte in the wrapped key: the AEAD refuses it.
    let text = String::from_utf8(good).unwrap();
    let w = &h.wrappings[0].ciphertext;
    let mut flipped = w.clone().into_bytes();
    flipped[3] = if flipped[3] == b'A' { b'B' } else { b'A' };
    let edited = text.replace(w, std::str::from_utf8(&flipped).unwrap());
    std::fs::write(&path, edited).unwrap();
    let h2 = Header::load(&path).unwrap();
    assert!(h2.unlock_passphrase(&Secret::new("pw"), &path).is_err());
}

#[test]
fn rate_limit_waits_after_free_attempts() {
    let dir = tempfile::tempdir().unwrap();
    let rl = RateLimit::in_dir(dir.path());
    for _ in 0..FREE_ATTEMPTS {
        rl.check().unwrap();
        rl.failed().unwrap();
    }
    assert!(matches!(rl.check(), Err(Error::TooManyAttempts(_))));
    rl.succeeded().unwrap();
    rl.check().unwrap();
}

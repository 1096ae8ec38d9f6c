//! Distinct ledger identities for messages that share a UIDL.
//!
//! RFC 1939 §7 says a unique-id is unique within a mailbox, but some
//! servers derive it from an `X-UIDL` header, and a sender can forge that
//! header. Refusing such a mailbox would store nothing, on every sync
//! (issue 11); taking the UIDL at its word would make two messages one.
//! So every message whose UIDL is listed more than once is known by
//! `UIDL#` + the SHA-256 of its header block ([`header_identity`], which
//! also names messages on servers without UIDL,
//! from `TOP n 0`, or from `RETR n` when the server has no TOP). That key
//! is stable across sessions, whatever the message numbers, so nothing is
//! downloaded twice and a deletion (planned per identity) maps back to the
//! right message number in each session. Two messages whose header blocks
//! are byte-identical too get `#2`, `#3`, … in message-number order: the
//! only case where the identity depends on the order.
//!
//! Trade-off: a message first downloaded while its UIDL was unique gets a
//! new identity once a second message claims that UIDL. It is downloaded
//! again and deduplicated by its SHA-256 (one copy is kept); the old ledger
//! row goes stale.

use std::collections::{HashMap, HashSet};

use sha2::{Digest, Sha256};

use super::policy::OnServer;

/// Gives every message of `messages` whose identity is shared with another
/// one a distinct identity derived from its header block, fetched with
/// `head(msg)`. Returns the new identities (empty when nothing was shared).
pub fn distinguish<E>(
    messages: &mut [OnServer],
    head: &mut dyn FnMut(u32) -> Result<Vec<u8>, E>,
) -> Result<HashSet<String>, E> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for m in messages.iter() {
        *count.entry(m.uidl.clone()).or_default() += 1;
    }
    let mut given = HashSet::new();
    for m in messages.iter_mut() {
        if count.get(&m.uidl).is_none_or(|n| *n < 2) {
            continue;
        }
        let headers = head(m.msg)?;
        let digest = header_identity(&headers);
        let digest = digest.strip_prefix("hdr:").unwrap_or(&digest);
        let base = format!("{}#{digest}", m.uidl);
        let mut identity = base.clone();
        let mut k = 1;
        while given.contains(&identity) {
            k += 1;
            identity = format!("{base}#{k}");
        }
        given.insert(identity.clone());
        m.uidl = identity;
    }
    Ok(given)
}

/// The identity of a message derived from its header block.
pub fn header_identity(top0: &[u8]) -> String {
    let end = find_header_end(top0);
    let digest = Sha256::digest(top0.get(..end).unwrap_or(top0));
    format!("hdr:{}", crate::store::hex(&digest[..20]))
}

fn find_header_end(b: &[u8]) -> usize {
    for (i, w) in b.windows(2).enumerate() {
        if w == b"\n\n" {
            return i + 1;
        }
        if w == b"\n\r" && b.get(i + 2) == Some(&b'\n') {
            return i + 1;
        }
    }
    b.len()
}

/// The sentence telling the user that `n` downloaded messages shared a
/// unique-id with another message.
pub fn notice(n: u64) -> String {
    crate::t!("sync-notice-duplicate-uidl", count = n)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn on(msg: u32, uidl: &str) -> OnServer {
        OnServer {
            msg,
            size: 10,
            uidl: uidl.into(),
        }
    }

    fn heads(msg: u32) -> Result<Vec<u8>, ()> {
        Ok(match msg {
            1 | 4 => b"Subject: same\r\n\r\n".to_vec(),
            n => format!("Subject: {n}\r\n\r\n").into_bytes(),
        })
    }

    #[test]
    fn header_identity_ignores_the_body_and_line_endings_matter_not_for_stability() {
        let a = header_identity(b"Subject: x\r\nMessage-ID: <1@x>\r\n\r\nbody one");
        let b = header_identity(b"Subject: x\r\nMessage-ID: <1@x>\r\n\r\nbody two");
        let c = header_identity(b"Subject: y\r\nMessage-ID: <1@x>\r\n\r\nbody one");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert!(a.starts_with("hdr:") && a.len() <= 70);
    }

    #[test]
    fn only_shared_uidls_change_and_each_becomes_distinct_and_stable() {
        let mut a = vec![on(1, "x"), on(2, "y"), on(3, "x"), on(4, "x")];
        let mut asked = Vec::new();
        let given = distinguish(&mut a, &mut |n| {
            asked.push(n);
            heads(n)
        })
        .unwrap();
        assert_eq!(asked, [1, 3, 4], "only the shared ones are fetched");
        assert_eq!(a[1].uidl, "y");
        let ids: HashSet<&str> = a.iter().map(|m| m.uidl.as_str()).collect();
        assert_eq!(ids.len(), 4, "{a:?}");
        assert_eq!(given.len(), 3);
        assert!(a[0].uidl.starts_with("x#") && a[2].uidl.starts_with("x#"));
        assert_eq!(a[3].uidl, format!("{}#2", a[0].uidl), "identical headers");

        // Another session, other numbers (message 2 gone): the same identities.
        let mut b = vec![on(1, "x"), on(2, "x")];
        distinguish(&mut b, &mut |n| heads(if n == 1 { 1 } else { 3 })).unwrap();
        assert_eq!(b[0].uidl, a[0].uidl);
        assert_eq!(b[1].uidl, a[2].uidl);
    }

    #[test]
    fn unique_listings_fetch_nothing_and_errors_pass_through() {
        let mut a = vec![on(1, "x"), on(2, "y")];
        let given = distinguish(&mut a, &mut |_| Err::<Vec<u8>, _>("no")).unwrap();
        assert!(given.is_empty());
        let mut b = vec![on(1, "x"), on(2, "x")];
        assert_eq!(
            distinguish(&mut b, &mut |_| Err::<Vec<u8>, _>("no")),
            Err("no")
        );
    }
}

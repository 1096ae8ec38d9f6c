//! The mbox reader (RFC 4155): `From_` detection, mboxrd/mboxo unquoting,
//! `Content-Length:` bodies, damaged regions. Invariants: reading arbitrary
//! bytes never panics in any variant, and damaged regions stay inside the
//! input; writing arbitrary message bodies as mboxrd and reading them back
//! gives the same messages, byte for byte, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use popmail::mailbox::{MboxReader, MboxVariant, MboxWriter, ReadItem, ReadOptions};

fn read(data: &[u8], variant: MboxVariant) -> Vec<ReadItem> {
    let path = std::path::Path::new("fuzz.mbox");
    MboxReader::new(data, path, variant, ReadOptions::default())
        .map(|i| i.expect("reading from memory cannot fail"))
        .collect()
}

fuzz_target!(|data: &[u8]| {
    for v in [
        MboxVariant::Mboxrd,
        MboxVariant::Mboxo,
        MboxVariant::Mboxcl,
        MboxVariant::Mboxcl2,
    ] {
        for item in read(data, v) {
            match item {
                ReadItem::Message(m) => assert!(m.offset <= data.len() as u64),
                ReadItem::Damaged(d) => {
                    assert!(d.offset + d.length <= data.len() as u64, "{d}")
                }
            }
        }
    }

    // Round trip: the input, split at 0xFF bytes, gives message bodies.
    let messages: Vec<Vec<u8>> = data
        .split(|&b| b == 0xff)
        .enumerate()
        .map(|(i, body)| {
            let mut m = format!("X-Fuzz: {i}\n\n").into_bytes();
            m.extend_from_slice(body);
            if !m.ends_with(b"\n") {
                m.push(b'\n');
            }
            m
        })
        .collect();
    let mut w = MboxWriter::new(Vec::new(), MboxVariant::Mboxrd);
    for m in &messages {
        w.write_message(m, 1_700_000_000).expect("write to memory");
    }
    let file = w.finish().expect("flush to memory");
    let back: Vec<Vec<u8>> = read(&file, MboxVariant::Mboxrd)
        .into_iter()
        .map(|i| match i {
            ReadItem::Message(m) => m.bytes,
            ReadItem::Damaged(d) => panic!("damage in our own mbox: {d}"),
        })
        .collect();
    assert_eq!(back, messages, "mbox write→read round trip");
});

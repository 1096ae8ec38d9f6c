//! Maildir file names and `:2,` info flags (cr.yp.to/proto/maildir.html).
//! Invariants: any name parses without panic; flags written by `info_for`
//! read back identical, also behind an arbitrary unique part.
#![no_main]

use libfuzzer_sys::fuzz_target;
use popmail::mailbox::Flags;
use popmail::mailbox::maildir::{flags_from_name, info_for};

fuzz_target!(|data: &[u8]| {
    let name = String::from_utf8_lossy(data);
    let _ = flags_from_name(&name);
    let bits = data.first().copied().unwrap_or(0);
    let f = Flags {
        seen: bits & 1 != 0,
        flagged: bits & 2 != 0,
        answered: bits & 4 != 0,
        trashed: bits & 8 != 0,
        draft: bits & 16 != 0,
    };
    let unique: String = name.chars().filter(|&c| c != ':').collect();
    assert_eq!(flags_from_name(&format!("{unique}{}", info_for(f))), f);
});

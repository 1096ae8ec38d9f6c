//! Named fault-injection points for crash tests (a leaf: imports nothing
//! of the crate), used by `crate::sync` and `crate::store`.
//!
//! When the environment variable `POPMAIL_FAILPOINT` names a point, the
//! process prints `popmail: failpoint NAME reached` on stderr when it gets
//! there and then waits, so that a test can kill it (SIGKILL) at exactly that
//! step. Unset (always, in normal use), a failpoint costs one comparison.
//!
//! Points of the sync (`crate::sync`): `mid-retr` (some messages received,
//! not yet committed), `after-commit` (committed durably, DELE not yet
//! sent), `after-dele` (DELE sent, QUIT not yet sent), `mid-quit` (QUIT
//! answered, the ledger not yet told).
//!
//! Points of the store conversion (`crate::store`'s `convert`, in order):
//! `convert-journal`, `convert-copying`, `convert-copied`, `convert-ready`,
//! `convert-wal-removed`, `convert-renamed`.

use std::sync::OnceLock;
use std::time::Duration;

fn armed() -> Option<&'static str> {
    static POINT: OnceLock<Option<String>> = OnceLock::new();
    POINT
        .get_or_init(|| std::env::var("POPMAIL_FAILPOINT").ok())
        .as_deref()
}

/// Stops here forever when `POPMAIL_FAILPOINT` is `name`.
pub fn hit(name: &str) {
    if armed() == Some(name) {
        eprintln!("popmail: failpoint {name} reached");
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    }
}

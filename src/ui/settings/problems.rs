//! What can be wrong with the account form: the fields that can carry a
//! problem, and one sentence per field. A leaf shared by the form (which
//! shows the sentences) and `validation` (which writes them).

use std::collections::BTreeMap;

/// A field of the account form that can carry a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// Account name.
    Name,
    /// Email address.
    Email,
    /// Server host.
    Host,
    /// Server port.
    Port,
    /// The "password is sent unencrypted" consent.
    Plaintext,
    /// User name.
    Username,
    /// Password (required for a new account).
    Password,
    /// Days to keep a copy on the server.
    KeepDays,
    /// Size above which only headers are downloaded.
    MaxSize,
    /// Minutes between checks.
    Interval,
    /// The OAuth 2.0 provider settings or sign-in.
    OAuth,
}

/// The problems of a form, one sentence per field.
pub type Problems = BTreeMap<Field, String>;

//! Safety bounds shared by every layer: one named constant per limit, each
//! with the reason for its value. A limit protects memory and time against a
//! hostile or broken peer (server, mailbox file); none of them is a policy the
//! user sets.

use std::time::Duration;

/// Largest single message popmail accepts, from a server (RETR/TOP) or from a
/// mailbox file. A message is held in memory while it is parsed and stored,
/// and SQLite refuses blobs over 1,000,000,000 bytes (`SQLITE_MAX_LENGTH`), so
/// half a GiB keeps one message well inside both while no real mail (servers
/// cap attachments at 25–150 MB) comes near it.
pub const MAX_MESSAGE_SIZE: u64 = 512 * 1024 * 1024;

/// Most entries accepted in a POP3 LIST or UIDL listing. A million messages is
/// far beyond any real maildrop, while the listing's memory (a UIDL is at most
/// 70 bytes, RFC 1939 §7) stays under 100 MB.
pub const MAX_LISTING: usize = 1_000_000;

/// Longest line accepted inside message content (RETR/TOP). RFC 5322 allows
/// 998 octets, but real mail carries long base64 or HTML lines; 1 MiB takes
/// them all while bounding a line that never ends.
pub const MAX_CONTENT_LINE: usize = 1024 * 1024;

/// Time to establish a TCP connection, per address. Long enough for a slow
/// mobile link (several round trips plus SYN retransmits at 1 s and 3 s),
/// short enough that a dead host is reported within a glance.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);

/// Time each socket read or write may take. A busy server may pause for many
/// seconds while it opens a large maildrop (Dovecot indexes it first); a
/// minute covers that without hanging forever on a silent peer.
pub const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Time to wait for the answer to a `QUIT` sent on an error path (a refused
/// STLS or login, a failed sync). The session has failed already and QUIT is
/// a courtesy there, so a server that never answers must not add the full
/// [`READ_TIMEOUT`] to the failure: a healthy server answers QUIT at once,
/// and a few seconds cover a slow link's round trip.
pub const QUIT_TIMEOUT: Duration = Duration::from_secs(3);

/// Idle time after which a POP3 session sends NOOP to stay alive. RFC 1939 §3
/// lets servers drop a session idle for 10 minutes; two minutes keeps well
/// clear of stricter servers.
pub const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(120);

/// Commands outstanding at once when the server advertises PIPELINING
/// (RFC 2449). 64 fills a 50 ms round trip at loopback speeds (measured by
/// `scripts/bench pop3`) while keeping the unread replies small.
pub const PIPELINE_WINDOW: usize = 64;

/// How much work one write transaction may collect before it commits: the
/// bound on what a crash or a cancel costs, and on how long the UI's own small
/// writes wait for the writer (WAL allows one writer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchLimit {
    /// Messages per transaction.
    pub messages: usize,
    /// Raw bytes per transaction.
    pub bytes: usize,
    /// Time spent collecting one transaction.
    pub time: Duration,
}

/// Batches of the sync: each one is a durable commit (`synchronous=FULL`, an
/// fsync) that must happen before DELE, so they are larger than an import's
/// to spend fewer fsyncs per message (measured by `scripts/bench sync`).
pub const SYNC_BATCH: BatchLimit = BatchLimit {
    messages: 2_000,
    bytes: 32 * 1024 * 1024,
    time: Duration::from_millis(200),
};

/// Batches of an import: ordinary commits (no fsync is owed to a server), kept
/// small so a cancel or crash loses at most 100 ms of work and memory stays at a
/// few batches (measured by `scripts/bench import`).
pub const IMPORT_BATCH: BatchLimit = BatchLimit {
    messages: 1_000,
    bytes: 8 << 20,
    time: Duration::from_millis(100),
};

/// Messages deleted per transaction when a folder is emptied or an account's
/// mail is removed: each round is short, so the UI's writes interleave.
pub const DELETE_BATCH: usize = 2_000;

/// Most memory one rule's regular expression may compile to (the `regex`
/// crate's `RegexBuilder::size_limit`). A pattern someone pastes from the
/// web compiles to a few KB; 1 MiB refuses a pathological one (e.g. nested
/// counted repetitions) with a clear error instead of gigabytes.
pub const RULE_REGEX_SIZE: usize = 1024 * 1024;

/// Most rules in one list. Rules run on every new message; a thousand is far
/// more than anyone curates by hand and keeps a sync's cost bounded.
pub const MAX_RULES: usize = 1_000;

/// Most bytes of body text a rule or the junk filter reads of one message.
/// Spam and the phrases rules look for sit near the top; 256 KiB keeps one
/// huge message from costing more than a few milliseconds.
pub const RULE_BODY_TEXT: usize = 256 * 1024;

/// Most distinct tokens the junk filter takes from one message. SpamBayes'
/// clues come from the 150 strongest; a few thousand candidates is plenty and
/// bounds a message built to bloat the token table.
pub const JUNK_TOKENS_PER_MESSAGE: usize = 3_000;

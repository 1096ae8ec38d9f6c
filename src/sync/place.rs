//! The one decision point for a new message: where it goes, with which
//! flags, and what happens to it on the server. Before this, "every new
//! message goes to the account's Inbox with default flags" was assumed where
//! messages were prepared, where they were committed, and in the new-mail
//! event; now the rules, the provider's verdict and the junk filter feed
//! [`Placer::decide`] (pure, on the reading thread), and the writer resolves
//! the folder with [`Folders::resolve`] just before the durable commit that
//! stores the message, its ledger row and its server mark together
//! (invariant 9: rules decide before the commit).
//!
//! Junk, in order: a rule's "junk"/"not junk" wins; then senders the user
//! marked "not junk" (and the account's own address) are never junk; then
//! the provider's verdict when the account trusts it; then the Bayesian
//! filter once it has been trained with both junk and good mail. Junk goes
//! to the local Junk folder unless a rule chose a folder. Nothing is ever
//! deleted for being junk.

use std::collections::{HashMap, HashSet};

use crate::account::limits;
use crate::rules::junk::{self, Model, Verdict};
use crate::rules::{Destination, Facts, RuleSet};
use crate::store::{Account, Dedupe, Flags, FolderId, FolderRole, NewMessage, ServerMark, Store};

use super::Error;

/// What was decided for one message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Placement {
    /// Where it goes.
    pub destination: Destination,
    /// Its flags when stored.
    pub flags: Flags,
    /// What happens on the server.
    pub server: ServerMark,
    /// A rule asked for the whole message although it is above the size limit.
    pub download_full: bool,
    /// The junk filter's verdict, when it ran.
    pub verdict: Option<Verdict>,
}

/// Everything [`Placer::decide`] needs, loaded once per sync.
#[derive(Debug)]
pub struct Placer {
    rules: RuleSet,
    model: Option<Model>,
    safe_senders: HashSet<String>,
    trust_provider: bool,
    account_name: String,
    now: i64,
}

impl Placer {
    /// Loads the rules and the junk filter for `account`. Rules that no
    /// longer validate stop the sync with the reason, before anything is
    /// downloaded: a message is never placed by half a rule list.
    pub fn load(store: &Store, account: &Account, now: i64) -> Result<Placer, Error> {
        let rules = RuleSet::compile(&store.rules()?)?;
        let model = store.junk_model()?;
        let trained = model.spam_messages > 0 && model.good_messages > 0;
        let mut safe_senders = store.junk_safe_senders()?;
        if !account.settings.email.is_empty() {
            safe_senders.insert(account.settings.email.to_lowercase());
        }
        Ok(Placer {
            rules,
            model: trained.then_some(model),
            safe_senders,
            trust_provider: store.junk_trusts_provider(account.id)?,
            account_name: account.settings.name.clone(),
            now,
        })
    }

    /// Decides for one prepared message; `server_size` is its size on the
    /// server (larger than the bytes for a headers-only download).
    pub fn decide(&self, message: &NewMessage, server_size: u64) -> Placement {
        if self.rules.is_empty() && self.model.is_none() && !self.trust_provider {
            return Placement::default();
        }
        let envelope = message.envelope();
        let headers = crate::mail::headers(message.raw());
        let facts = Facts::new(
            envelope,
            &headers,
            message.body_text(),
            server_size,
            &self.account_name,
        )
        .at(message.received(), self.now);
        let d = self.rules.evaluate(&facts);
        let mut p = Placement {
            destination: d.destination.clone(),
            flags: Flags::default()
                .with(Flags::SEEN, d.read)
                .with(Flags::FLAGGED, d.starred)
                .with(Flags::JUNK, d.junk == Some(true)),
            server: ServerMark {
                keep: d.server.leave,
                delete: d.server.delete_now,
            },
            download_full: d.server.download_full,
            verdict: None,
        };
        if d.junk.is_some()
            || self
                .safe_senders
                .contains(&envelope.from_addr.to_lowercase())
        {
            return p;
        }
        let junk = if self.trust_provider && junk::provider_says_junk(&headers, &envelope.subject) {
            true
        } else if let Some(model) = &self.model {
            let tokens = junk::tokens(envelope, &headers, message.body_text(), message.raw());
            let verdict = model.classify(&tokens).verdict;
            p.verdict = Some(verdict);
            verdict == Verdict::Junk
        } else {
            false
        };
        if junk {
            // The message list's junk column shows it wherever it goes.
            p.flags = p.flags.with(Flags::JUNK, true);
            if !d.folder_chosen() {
                p.destination = Destination::Junk;
            }
        }
        p
    }
}

/// Destination → folder, for one account, creating folders when missing
/// (an empty folder left by a crash costs nothing; the message itself is
/// placed in the commit that stores it).
#[derive(Debug)]
pub struct Folders {
    inbox: FolderId,
    known: HashMap<Destination, FolderId>,
}

impl Folders {
    /// The folders of `account`.
    pub fn new(account: &Account) -> Self {
        Folders {
            inbox: account.inbox,
            known: HashMap::new(),
        }
    }

    /// The folder a destination names.
    pub fn resolve(&mut self, store: &Store, d: &Destination) -> Result<FolderId, Error> {
        if *d == Destination::Inbox {
            return Ok(self.inbox);
        }
        if let Some(id) = self.known.get(d) {
            return Ok(*id);
        }
        let id = match d {
            Destination::Inbox => self.inbox,
            Destination::Folder(name) => store.ensure_folder(name, None, FolderRole::User)?,
            Destination::Trash => store.special_folder(FolderRole::Trash)?,
            Destination::Junk => store.junk_folder()?,
        };
        self.known.insert(d.clone(), id);
        Ok(id)
    }

    /// `message` placed: its folder and flags set, dedupe kept for downloads.
    pub fn place(
        &mut self,
        store: &Store,
        message: NewMessage,
        placement: &Placement,
    ) -> Result<NewMessage, Error> {
        let folder = self.resolve(store, &placement.destination)?;
        Ok(message
            .with_folder_and_flags(folder, placement.flags)
            .dedupe(Dedupe::Anywhere))
    }
}

/// Whether a headers-only candidate is fetched whole because a rule said so.
pub fn promote(placement: &Placement, server_size: u64) -> bool {
    placement.download_full && server_size <= limits::MAX_MESSAGE_SIZE
}

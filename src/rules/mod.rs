//! Message rules and the junk filter: pure functions over a parsed message,
//! no storage, no network (the store keeps the rules and the token counts;
//! the sync and the CLI feed them in).
//!
//! - [`model`]: the rule model, which is also the JSON file format of
//!   `popmail rule export`/`import`;
//! - [`eval`]: validation with words a person reads, and evaluation into one
//!   [`Decision`] (folder, flags, junk, server action). Regular expressions
//!   use the `regex` crate (linear time, no backtracking) with
//!   `RegexBuilder::size_limit` ([`crate::account::limits::RULE_REGEX_SIZE`]);
//! - [`syntax`]: the compact text form the CLI takes and prints;
//! - [`junk`]: the provider's verdict (`X-Spam-Flag`, `X-Spam-Status`,
//!   `*****SPAM*****`) and a Bayesian filter with Gary Robinson's
//!   chi-squared (Fisher) combining, as SpamBayes does.
//!
//! Rules run in list order; the actions of every matching rule apply in
//! order until one says "stop". [`sieve`] writes them as a Sieve (RFC 5228)
//! script for a server that filters.

pub mod eval;
pub mod junk;
pub mod model;
pub mod sieve;
pub mod syntax;

pub use eval::{Decision, Destination, Facts, RuleSet, ServerAction, validate};
pub use model::{Action, Combine, Condition, Field, Matcher, RULE_FILE_VERSION, Rule, RuleFile};

/// Errors of rules: a rule that cannot run, a file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule is not valid.
    #[error("{}", crate::t!("error-rules-invalid", rule = rule, detail = detail))]
    Invalid {
        /// The rule's name.
        rule: String,
        /// What is wrong, in words.
        detail: String,
    },
    /// A condition or action in the compact syntax does not parse.
    #[error("{}", crate::t!("error-rules-syntax", text = text, detail = detail))]
    Syntax {
        /// What was given.
        text: String,
        /// What is wrong.
        detail: String,
    },
    /// More rules than popmail runs.
    #[error("{}", crate::t!("error-rules-too-many", count = *count, max = *max))]
    TooMany {
        /// How many were given.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A rule file is not valid JSON of the expected shape.
    #[error("{}", crate::t!("error-rules-json", error = _0.to_string()))]
    Json(#[from] serde_json::Error),
    /// A rule file from a newer popmail.
    #[error("{}", crate::t!("error-rules-version", version = _0.to_string()))]
    Version(u32),
}

/// Reads a rule file (JSON) and checks every rule in it.
pub fn import_json(text: &str) -> Result<Vec<Rule>, Error> {
    let file: RuleFile = serde_json::from_str(text)?;
    if file.version != RULE_FILE_VERSION {
        return Err(Error::Version(file.version));
    }
    RuleSet::compile(&file.rules)?;
    Ok(file.rules)
}

/// Writes rules as a rule file (pretty JSON).
pub fn export_json(rules: &[Rule]) -> Result<String, Error> {
    Ok(serde_json::to_string_pretty(&RuleFile {
        version: RULE_FILE_VERSION,
        rules: rules.to_vec(),
    })?)
}

#[cfg(test)]
mod tests;

//! Why a sync of one account failed, in words a user understands.

use crate::{credentials, oauth, pop3, store};

/// Errors of an account's sync.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The POP3 session failed.
    #[error(transparent)]
    Pop3(#[from] pop3::Error),
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// The password could not be read.
    #[error(transparent)]
    Credentials(#[from] credentials::Error),
    /// No password is saved for the account.
    #[error("{}", crate::t!("error-sync-no-password", account = _0))]
    NoPassword(String),
    /// The OAuth 2.0 sign-in could not be refreshed (network, provider).
    #[error(transparent)]
    OAuth(#[from] oauth::Error),
    /// The account must sign in again: it never signed in, or the provider
    /// withdrew the sign-in.
    #[error("{}", crate::t!("error-sync-sign-in", account = _0))]
    SignInNeeded(String),
    /// The worker could not start a thread.
    #[error("{}", crate::t!("error-sync-thread", error = _0.to_string()))]
    Thread(std::io::Error),
    /// The stored rules cannot run.
    #[error(transparent)]
    Rules(#[from] crate::rules::Error),
}

impl Error {
    /// A sentence for the user, with a suggestion where one helps.
    pub fn user_message(&self) -> String {
        match self {
            Error::Pop3(e) => e.user_message(),
            Error::Store(e) => {
                format!("The local mail store failed: {e}. Nothing was deleted on the server.")
            }
            Error::Credentials(e) => format!("The password could not be read: {e}."),
            Error::NoPassword(name) => {
                format!(
                    "No password is saved for \"{name}\". Open Settings → Accounts and enter it."
                )
            }
            Error::OAuth(e) => format!("The sign-in could not be renewed: {e}."),
            Error::SignInNeeded(name) => format!(
                "Sign in again: \"{name}\" is no longer signed in. Run `popmail account login {name}`."
            ),
            Error::Thread(e) => format!("popmail could not start a sync thread: {e}."),
            Error::Rules(e) => format!(
                "The message rules cannot run: {e}. Fix the rule (`popmail rule list`); nothing \
                 was downloaded or deleted."
            ),
        }
    }

    /// Whether the account must sign in again (the "Sign in again" state).
    pub fn needs_sign_in(&self) -> bool {
        matches!(
            self,
            Error::SignInNeeded(_) | Error::Pop3(pop3::Error::SignInExpired { .. })
        )
    }

    /// The untrusted certificate, when that is why it failed.
    pub fn certificate(&self) -> Option<super::CertSummary> {
        match self {
            Error::Pop3(pop3::Error::CertificateUntrusted {
                subject,
                issuer,
                sha256,
                not_after,
                ..
            }) => Some(super::CertSummary {
                subject: subject.clone(),
                issuer: issuer.clone(),
                sha256: sha256.clone(),
                not_after: not_after.clone(),
            }),
            _ => None,
        }
    }
}

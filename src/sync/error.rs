//! Why a sync of one account failed, in words a user understands.

use crate::{credentials, oauth, pop3, store, t};

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
    /// A sentence for the user, with a suggestion where one helps, in the
    /// current language.
    pub fn user_message(&self) -> String {
        match self {
            Error::Pop3(e) => e.user_message(),
            Error::Store(e) => t!("sync-say-store", error = e.to_string()),
            Error::Credentials(e) => t!("sync-say-credentials", error = e.to_string()),
            Error::NoPassword(name) => t!("sync-say-no-password", account = name),
            Error::OAuth(e) => t!("sync-say-oauth", error = e.to_string()),
            Error::SignInNeeded(name) => t!("sync-say-sign-in", account = name),
            Error::Thread(e) => t!("sync-say-thread", error = e.to_string()),
            Error::Rules(e) => t!("sync-say-rules", error = e.to_string()),
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

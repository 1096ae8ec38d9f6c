//! The built-in table of the large providers: POP3 server, sign-in
//! choices and the notes a person needs (turn POP on, make an app
//! password). The first step of discovery, and the only one that knows
//! quirks.
//!
//! Sources, each provider's own help pages (checked 2026): Gmail "Read Gmail
//! messages on other email clients using POP" (pop.gmail.com:995, POP must be
//! enabled, `recent:` prefix, about 250 messages per session); Microsoft
//! "POP, IMAP, and SMTP settings for Outlook.com" and "Authenticate an IMAP,
//! POP or SMTP connection using OAuth" (outlook.office365.com:995, OAuth2
//! only since September 2024 / October 2022 for Exchange Online); Yahoo and
//! AOL "IMAP server settings" (pop.mail.yahoo.com, pop.aol.com, app
//! passwords); GMX and WEB.DE help (pop.gmx.net / pop.gmx.com, pop3.web.de,
//! POP3 off until enabled in the web settings); Fastmail "Server names and
//! ports" (pop.fastmail.com, app passwords); Zoho Mail "POP access"
//! (pop.zoho.com / pop.zoho.eu); Yandex (pop.yandex.com); Mail.ru
//! (pop.mail.ru, passwords for external applications); Apple "iCloud Mail
//! server settings" (IMAP only).

use crate::account::{OAuthProvider, Security};

use super::AuthChoice;

/// What the table says of one provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The provider's name, for people.
    pub name: &'static str,
    /// Mail domains it serves.
    pub domains: &'static [&'static str],
    /// POP3 server, or `None` when the provider offers no POP3 at all.
    pub host: Option<&'static str>,
    /// POP3 port (implicit TLS everywhere in this table).
    pub port: u16,
    /// Connection security.
    pub security: Security,
    /// Ways to sign in, the best first.
    pub auth: &'static [AuthChoice],
    /// Notes for the person: Fluent keys (`locales/*/errors.ftl`), said in
    /// the current language by [`Entry::notes_in_words`].
    pub notes: &'static [&'static str],
}

const GMAIL_NOTES: &[&str] = &[
    "discovery-table-gmail-pop-on",
    "discovery-table-gmail-250",
    "discovery-table-gmail-recent",
];

const MICROSOFT_NOTES: &[&str] = &[
    "discovery-table-microsoft-oauth",
    "discovery-table-microsoft-pop-on",
];

impl Entry {
    /// The notes in the current language.
    pub fn notes_in_words(&self) -> Vec<String> {
        self.notes.iter().map(|k| crate::i18n::tr(k)).collect()
    }
}

/// Every provider the table knows.
pub const ENTRIES: &[Entry] = &[
    Entry {
        name: "Gmail",
        domains: &["gmail.com", "googlemail.com"],
        host: Some("pop.gmail.com"),
        port: 995,
        security: Security::Tls,
        auth: &[
            AuthChoice::OAuth2(OAuthProvider::Google),
            AuthChoice::AppPassword {
                link: "https://myaccount.google.com/apppasswords",
            },
        ],
        notes: GMAIL_NOTES,
    },
    Entry {
        name: "Outlook.com",
        domains: &[
            "outlook.com",
            "hotmail.com",
            "live.com",
            "msn.com",
            "passport.com",
            "outlook.de",
            "outlook.fr",
            "outlook.es",
            "outlook.it",
            "hotmail.co.uk",
            "hotmail.de",
            "hotmail.fr",
            "hotmail.it",
            "hotmail.es",
            "live.co.uk",
            "live.de",
            "live.fr",
            "live.nl",
        ],
        host: Some("outlook.office365.com"),
        port: 995,
        security: Security::Tls,
        auth: &[AuthChoice::OAuth2(OAuthProvider::Microsoft)],
        notes: MICROSOFT_NOTES,
    },
    Entry {
        name: "Microsoft 365",
        domains: &["onmicrosoft.com"],
        host: Some("outlook.office365.com"),
        port: 995,
        security: Security::Tls,
        auth: &[AuthChoice::OAuth2(OAuthProvider::Microsoft)],
        notes: &["discovery-table-m365-oauth", "discovery-table-m365-admin"],
    },
    Entry {
        name: "Yahoo Mail",
        domains: &[
            "yahoo.com",
            "yahoo.co.uk",
            "yahoo.de",
            "yahoo.fr",
            "yahoo.it",
            "yahoo.es",
            "yahoo.ca",
            "yahoo.com.au",
            "yahoo.com.br",
            "yahoo.in",
            "ymail.com",
            "rocketmail.com",
        ],
        host: Some("pop.mail.yahoo.com"),
        port: 995,
        security: Security::Tls,
        auth: &[
            AuthChoice::AppPassword {
                link: "https://login.yahoo.com/account/security/app-passwords",
            },
            AuthChoice::OAuth2(OAuthProvider::Yahoo),
        ],
        notes: &["discovery-table-yahoo-app-password"],
    },
    Entry {
        name: "AOL Mail",
        domains: &["aol.com", "aim.com", "aol.co.uk", "aol.de", "aol.fr"],
        host: Some("pop.aol.com"),
        port: 995,
        security: Security::Tls,
        auth: &[
            AuthChoice::AppPassword {
                link: "https://login.aol.com/account/security/app-passwords",
            },
            AuthChoice::OAuth2(OAuthProvider::Aol),
        ],
        notes: &["discovery-table-aol-app-password"],
    },
    Entry {
        name: "GMX",
        domains: &["gmx.net", "gmx.de", "gmx.at", "gmx.ch", "gmx.li"],
        host: Some("pop.gmx.net"),
        port: 995,
        security: Security::Tls,
        auth: &[AuthChoice::Password],
        notes: &["discovery-table-gmx-net-pop-on"],
    },
    Entry {
        name: "GMX",
        domains: &[
            "gmx.com",
            "gmx.co.uk",
            "gmx.fr",
            "gmx.es",
            "gmx.us",
            "gmx.eu",
        ],
        host: Some("pop.gmx.com"),
        port: 995,
        security: Security::Tls,
        auth: &[AuthChoice::Password],
        notes: &["discovery-table-gmx-com-pop-on"],
    },
    Entry {
        name: "WEB.DE",
        domains: &["web.de"],
        host: Some("pop3.web.de"),
        port: 995,
        security: Security::Tls,
        auth: &[AuthChoice::Password],
        notes: &["discovery-table-webde-pop-on"],
    },
    Entry {
        name: "Fastmail",
        domains: &[
            "fastmail.com",
            "fastmail.fm",
            "fastmail.net",
            "fastmail.org",
            "fastmail.to",
            "messagingengine.com",
        ],
        host: Some("pop.fastmail.com"),
        port: 995,
        security: Security::Tls,
        auth: &[
            AuthChoice::AppPassword {
                link: "https://app.fastmail.com/settings/security/apps",
            },
            AuthChoice::OAuth2(OAuthProvider::Fastmail),
        ],
        notes: &["discovery-table-fastmail-app-password"],
    },
    Entry {
        name: "Zoho Mail",
        domains: &["zoho.com", "zohomail.com"],
        host: Some("pop.zoho.com"),
        port: 995,
        security: Security::Tls,
        auth: &[
            AuthChoice::Password,
            AuthChoice::AppPassword {
                link: "https://accounts.zoho.com/home#security/app_password",
            },
        ],
        notes: &["discovery-table-zoho-pop-on"],
    },
    Entry {
        name: "Zoho Mail (EU)",
        domains: &["zoho.eu", "zohomail.eu"],
        host: Some("pop.zoho.eu"),
        port: 995,
        security: Security::Tls,
        auth: &[
            AuthChoice::Password,
            AuthChoice::AppPassword {
                link: "https://accounts.zoho.eu/home#security/app_password",
            },
        ],
        notes: &["discovery-table-zoho-pop-on"],
    },
    Entry {
        name: "Yandex Mail",
        domains: &[
            "yandex.com",
            "yandex.ru",
            "ya.ru",
            "yandex.by",
            "yandex.kz",
            "yandex.ua",
            "narod.ru",
        ],
        host: Some("pop.yandex.com"),
        port: 995,
        security: Security::Tls,
        auth: &[AuthChoice::AppPassword {
            link: "https://id.yandex.com/security/app-passwords",
        }],
        notes: &["discovery-table-yandex-clients"],
    },
    Entry {
        name: "Mail.ru",
        domains: &["mail.ru", "inbox.ru", "list.ru", "bk.ru", "internet.ru"],
        host: Some("pop.mail.ru"),
        port: 995,
        security: Security::Tls,
        auth: &[AuthChoice::AppPassword {
            link: "https://account.mail.ru/user/2-step-auth/passwords/",
        }],
        notes: &["discovery-table-mailru-password"],
    },
    Entry {
        name: "iCloud Mail",
        domains: &["icloud.com", "me.com", "mac.com"],
        host: None,
        port: 0,
        security: Security::Tls,
        auth: &[],
        notes: &["discovery-table-icloud-no-pop"],
    },
];

/// The table's entry for `domain` (lower case), matching the domain itself
/// or, for Microsoft 365's `onmicrosoft.com`, any name under it.
pub fn lookup(domain: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| {
        e.domains.iter().any(|d| {
            domain == *d
                || (*d == "onmicrosoft.com"
                    && domain
                        .strip_suffix(d)
                        .is_some_and(|rest| rest.ends_with('.')))
        })
    })
}

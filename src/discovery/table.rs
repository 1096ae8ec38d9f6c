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
    /// Notes for the person, in words.
    pub notes: &'static [&'static str],
}

const GMAIL_NOTES: &[&str] = &[
    "Turn on POP in Gmail's settings > Forwarding and POP/IMAP before the first download.",
    "Gmail hands out at most about 250 messages per session; popmail keeps going until all are in.",
    "Gmail's “recent:” user name prefix (recent:you@gmail.com) fetches the last 30 days, including mail already downloaded elsewhere.",
];

const MICROSOFT_NOTES: &[&str] = &[
    "Microsoft accepts only OAuth2 sign-in for POP3 (Exchange Online since October 2022, personal accounts since September 2024): choose “Sign in with Microsoft”.",
    "Turn on POP in Outlook's settings > Mail > Forwarding and IMAP > POP options.",
];

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
        notes: &[
            "Microsoft 365 accepts only OAuth2 sign-in for POP3: choose “Sign in with Microsoft”; set your organisation's tenant if “common” is refused.",
            "Your administrator must allow POP for your mailbox.",
        ],
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
        notes: &[
            "Yahoo needs an app password: make one at https://login.yahoo.com/account/security/app-passwords and use it instead of your password.",
        ],
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
        notes: &[
            "AOL needs an app password: make one at https://login.aol.com/account/security/app-passwords and use it instead of your password.",
        ],
    },
    Entry {
        name: "GMX",
        domains: &["gmx.net", "gmx.de", "gmx.at", "gmx.ch", "gmx.li"],
        host: Some("pop.gmx.net"),
        port: 995,
        security: Security::Tls,
        auth: &[AuthChoice::Password],
        notes: &[
            "GMX: enable POP3 in the web settings (E-Mail > Settings > POP3 & IMAP) before the first download.",
        ],
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
        notes: &[
            "GMX: enable POP3 in the web settings (Settings > POP3 & IMAP) before the first download.",
        ],
    },
    Entry {
        name: "WEB.DE",
        domains: &["web.de"],
        host: Some("pop3.web.de"),
        port: 995,
        security: Security::Tls,
        auth: &[AuthChoice::Password],
        notes: &[
            "WEB.DE: enable POP3 in the web settings (E-Mail > Einstellungen > POP3/IMAP Abruf) before the first download.",
        ],
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
        notes: &[
            "Fastmail needs an app password with POP access: make one in Settings > Privacy & Security > Manage app passwords.",
        ],
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
        notes: &[
            "Zoho: enable POP access in Mail settings > POP/IMAP Access; with two-factor sign-in, use an app-specific password.",
        ],
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
        notes: &[
            "Zoho: enable POP access in Mail settings > POP/IMAP Access; with two-factor sign-in, use an app-specific password.",
        ],
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
        notes: &[
            "Yandex: allow access by mail clients in Mail settings > Email clients, and use an app password.",
        ],
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
        notes: &[
            "Mail.ru needs a password for external applications: make one under Security > Passwords for external applications.",
        ],
    },
    Entry {
        name: "iCloud Mail",
        domains: &["icloud.com", "me.com", "mac.com"],
        host: None,
        port: 0,
        security: Security::Tls,
        auth: &[],
        notes: &[
            "iCloud Mail offers only IMAP, not POP3, so popmail cannot download from it. Forward your iCloud mail to a POP3 account instead.",
        ],
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

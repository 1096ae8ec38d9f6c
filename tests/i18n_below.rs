//! The sentences made below the window and the CLI (issue 16): POP3 and sync
//! errors as people read them, the "Test connection" steps and the rules'
//! descriptions come out in the thread's language, with the server's own
//! words left as they are. The English wording is the one the other tests
//! and the documentation show.

use popmail::i18n::{self, Lang};
use popmail::{pop3, sync};

fn in_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let _guard = i18n::for_this_thread(lang);
    f()
}

#[test]
fn i18n_pop3_user_messages_follow_the_language() {
    let refused = || pop3::Error::AuthFailed {
        server_text: "[AUTH] Authentication failed.".into(),
        tried: String::new(),
    };
    let en = in_lang(Lang::En, || refused().user_message());
    let id = in_lang(Lang::Id, || refused().user_message());
    assert_eq!(
        en,
        "The server rejected the user name or password (“[AUTH] Authentication failed.”). \
         Check them in the account settings."
    );
    assert!(
        id.starts_with("Server menolak nama pengguna atau kata sandi"),
        "{id}"
    );
    // The server's words go in untranslated.
    assert!(id.contains("“[AUTH] Authentication failed.”"), "{id}");

    let delay = |s| pop3::Error::LoginDelay {
        server_text: String::new(),
        seconds: Some(s),
    };
    assert!(in_lang(Lang::En, || delay(1).user_message()).contains("every 1 second."));
    assert!(in_lang(Lang::En, || delay(300).user_message()).contains("every 300 seconds."));
    assert!(in_lang(Lang::Id, || delay(300).user_message()).contains("setiap 300 detik"));
}

#[test]
fn i18n_pop3_during_words_are_translated_and_commands_stay() {
    // What was being done goes into the sentence in the language; a POP3
    // command stays the command.
    let closed = |during: &str| pop3::Error::ConnectionClosed {
        during: during.into(),
    };
    let greeting = in_lang(Lang::Id, || {
        closed(&popmail::t!("pop3-during-greeting")).user_message()
    });
    assert!(greeting.contains("saat sapaan server"), "{greeting}");
    let retr = in_lang(Lang::Id, || closed("RETR 3").user_message());
    assert!(retr.contains("saat RETR 3"), "{retr}");
}

#[test]
fn i18n_sync_user_messages_follow_the_language() {
    let e = || sync::Error::NoPassword("Kantor".into());
    assert_eq!(
        in_lang(Lang::En, || e().user_message()),
        "No password is saved for \"Kantor\". Open Settings → Accounts and enter it."
    );
    let id = in_lang(Lang::Id, || e().user_message());
    assert!(
        id.contains("Belum ada kata sandi tersimpan untuk \"Kantor\""),
        "{id}"
    );
    // A POP3 failure inside a sync reads as the POP3 sentence.
    let inner = || {
        sync::Error::from(pop3::Error::InUse {
            server_text: "locked".into(),
        })
    };
    assert!(in_lang(Lang::Id, || inner().user_message()).starts_with("Kotak surat sedang dipakai"));
}

#[test]
fn i18n_rule_checks_follow_the_language_and_the_format_does_not() {
    use popmail::rules::{self, Action, Condition, Field, Matcher, Rule};
    let rule = Rule {
        name: "Bos".into(),
        enabled: true,
        combine: rules::Combine::All,
        conditions: vec![Condition {
            field: Field::Size,
            matcher: Matcher::Contains,
            value: "2M".into(),
        }],
        actions: vec![Action::MoveTo("Kerja".into())],
    };
    let en = in_lang(Lang::En, || {
        rules::validate(&rule).expect_err("bad").to_string()
    });
    assert!(
        en.contains(
            "condition 1 (the size contains \"2M\"): the size is compared with \"greater\" or \
             \"less\", not \"contains\""
        ),
        "{en}"
    );
    let id = in_lang(Lang::Id, || {
        rules::validate(&rule).expect_err("bad").to_string()
    });
    assert!(
        id.contains("syarat 1 (ukuran memuat \"2M\"): ukuran dibandingkan dengan"),
        "{id}"
    );
    assert_eq!(
        in_lang(Lang::Id, || rule.actions[0].describe()),
        "pindahkan ke \"Kerja\""
    );
    // The stored form is the same in every language.
    let json_en = in_lang(Lang::En, || rules::export_json(std::slice::from_ref(&rule)));
    let json_id = in_lang(Lang::Id, || rules::export_json(std::slice::from_ref(&rule)));
    assert_eq!(json_en.expect("json"), json_id.expect("json"));
    // The rule editor's hint says "ya atau tidak": those words are accepted.
    let mut attach = rule.clone();
    attach.conditions = vec![Condition {
        field: Field::HasAttachments,
        matcher: Matcher::Is,
        value: "ya".into(),
    }];
    assert!(rules::validate(&attach).is_ok());
}

#[test]
fn i18n_oauth_names_the_endpoint_in_the_language() {
    use popmail::oauth::{Part, check_endpoint};
    let e = || check_endpoint(Part::TokenEndpoint, "http://login.example/token").unwrap_err();
    let en = in_lang(Lang::En, || e().to_string());
    let id = in_lang(Lang::Id, || e().to_string());
    assert!(en.starts_with("the token endpoint address"), "{en}");
    assert!(id.starts_with("alamat endpoint token"), "{id}");
    let creds = in_lang(Lang::Id, || {
        check_endpoint(Part::AuthorizationEndpoint, "https://u:p@login.example/")
            .unwrap_err()
            .to_string()
    });
    assert!(
        creds.contains("memuat nama pengguna atau kata sandi"),
        "{creds}"
    );
}

#[test]
fn i18n_found_settings_and_damage_follow_the_language() {
    use popmail::account::Security;
    use popmail::discovery::{AuthChoice, Found, Source};
    use popmail::mailbox::{Damage, DamageReason};
    let found = Found {
        email: "ani@contoh.test".into(),
        provider: None,
        host: "pop.contoh.test".into(),
        port: 995,
        security: Security::Tls,
        username: "ani@contoh.test".into(),
        auth: vec![AuthChoice::Password],
        notes: vec![],
        source: Source::Guess,
        skipped: vec![],
    };
    let en = in_lang(Lang::En, || found.describe());
    assert!(
        en.starts_with(
            "POP3 server pop.contoh.test:995 (tls), user name ani@contoh.test\nfound in a guess"
        ),
        "{en}"
    );
    let id = in_lang(Lang::Id, || found.describe());
    assert!(id.contains("server POP3 pop.contoh.test:995"), "{id}");
    assert!(id.contains("masuk dengan: Kata sandi"), "{id}");

    let damage = Damage {
        path: "kotak.mbox".into(),
        offset: 12345,
        length: 1,
        reason: DamageReason::NoHeader,
    };
    assert_eq!(
        in_lang(Lang::En, || damage.to_string()),
        "kotak.mbox: skipped 1 byte at offset 12345: does not start with a header field"
    );
    assert_eq!(
        in_lang(Lang::Id, || damage.to_string()),
        "kotak.mbox: 1 byte dilewati di posisi 12345: tidak diawali kolom kepala pesan"
    );
}

#[test]
fn i18n_every_provider_note_is_a_message_in_every_language() {
    use popmail::discovery::table::ENTRIES;
    let mut notes = 0;
    for entry in ENTRIES {
        for key in entry.notes {
            notes += 1;
            for lang in Lang::ALL {
                assert!(
                    i18n::lookup_exact(lang, key).is_some(),
                    "{}: note {key} has no {} message",
                    entry.name,
                    lang.code()
                );
            }
        }
        // What a person reads is words, not the key.
        for words in in_lang(Lang::Id, || entry.notes_in_words()) {
            assert!(!words.starts_with("discovery-table-"), "{words}");
        }
    }
    assert!(notes > 10, "only {notes} notes");
    let gmail = ENTRIES.iter().find(|e| e.name == "Gmail").expect("Gmail");
    assert!(in_lang(Lang::Id, || gmail.notes_in_words())[0].starts_with("Aktifkan POP"));
}

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
    let en = in_lang(Lang::En, || rules::validate(&rule).expect_err("bad").to_string());
    assert!(
        en.contains(
            "condition 1 (the size contains \"2M\"): the size is compared with \"greater\" or \
             \"less\", not \"contains\""
        ),
        "{en}"
    );
    let id = in_lang(Lang::Id, || rules::validate(&rule).expect_err("bad").to_string());
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

use super::*;

fn env_of<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
    move |name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    }
}

#[test]
fn locale_names_map_to_languages() {
    assert_eq!(Lang::from_code("id_ID.UTF-8"), Some(Lang::Id));
    assert_eq!(Lang::from_code("in_ID"), Some(Lang::Id));
    assert_eq!(Lang::from_code("id"), Some(Lang::Id));
    assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_code("en_US.UTF-8@euro"), Some(Lang::En));
    assert_eq!(Lang::from_code("de_DE.UTF-8"), None);
    assert_eq!(Lang::from_code(""), None);
}

#[test]
fn the_system_language_follows_gettexts_order() {
    let none = || None;
    // LC_ALL beats LC_MESSAGES beats LANG.
    let vars = [("LC_ALL", "id_ID.UTF-8"), ("LANG", "en_US.UTF-8")];
    assert_eq!(language_from(env_of(&vars), none), Lang::Id);
    let vars = [("LC_MESSAGES", "en_GB.UTF-8"), ("LANG", "id_ID.UTF-8")];
    assert_eq!(language_from(env_of(&vars), none), Lang::En);
    let vars = [("LC_ALL", ""), ("LANG", "id_ID.UTF-8")];
    assert_eq!(language_from(env_of(&vars), none), Lang::Id);
    // LANGUAGE's list goes first unless the locale is C.
    let vars = [("LANG", "en_US.UTF-8"), ("LANGUAGE", "fr:id:en")];
    assert_eq!(language_from(env_of(&vars), none), Lang::Id);
    let vars = [("LANG", "C.UTF-8"), ("LANGUAGE", "id")];
    assert_eq!(language_from(env_of(&vars), none), Lang::En);
    // A language popmail does not speak reads as English.
    let vars = [("LANG", "de_DE.UTF-8")];
    assert_eq!(language_from(env_of(&vars), none), Lang::En);
    // Nothing set: the platform decides.
    assert_eq!(
        language_from(env_of(&[]), || Some("id-ID".into())),
        Lang::Id
    );
    assert_eq!(language_from(env_of(&[]), none), Lang::En);
}

#[test]
fn messages_follow_the_threads_language() {
    let _lang = for_this_thread(Lang::En);
    assert_eq!(t!("common-cancel"), "Cancel");
    {
        let _id = for_this_thread(Lang::Id);
        assert_eq!(t!("common-cancel"), "Batal");
        // Preferences switching on this thread changes only this thread.
        set(Lang::En);
        assert_eq!(t!("common-cancel"), "Cancel");
        assert_eq!(current(), Lang::En);
    }
    assert_eq!(current(), Lang::En);
}

#[test]
fn plurals_follow_cldr_in_each_language() {
    let _lang = for_this_thread(Lang::En);
    assert_eq!(t!("count-messages", count = 1_u64), "1 message");
    assert_eq!(t!("count-messages", count = 5_u64), "5 messages");
    assert_eq!(t!("count-messages", count = 0_u64), "0 messages");
    assert_eq!(t!("count-messages", count = 12_345_u64), "12,345 messages");
    set(Lang::Id);
    assert_eq!(t!("count-messages", count = 1_u64), "1 pesan");
    assert_eq!(t!("count-messages", count = 5_u64), "5 pesan");
    assert_eq!(t!("count-messages", count = 12_345_u64), "12.345 pesan");
}

#[test]
fn numbers_use_the_languages_separators() {
    let _lang = for_this_thread(Lang::En);
    assert_eq!(number(1.5, 1), "1.5");
    assert_eq!(number(1_234_567.0, 0), "1,234,567");
    assert_eq!(number(-1_234.25, 2), "-1,234.25");
    assert_eq!(number(-0.01, 1), "0.0");
    assert_eq!(number(999.0, 0), "999");
    set(Lang::Id);
    assert_eq!(number(1.5, 1), "1,5");
    assert_eq!(number(1_234_567.0, 0), "1.234.567");
    assert_eq!(number(1_000.5, 1), "1.000,5");
    assert_eq!(t!("size-mb", n = 1.5), "1,5 MB");
}

#[test]
fn a_language_lacking_a_message_is_seen_by_the_exact_lookup() {
    assert_eq!(
        lookup_exact(Lang::Id, "common-save").as_deref(),
        Some("Simpan")
    );
    assert_eq!(lookup_exact(Lang::Id, "no-such-key-anywhere"), None);
}

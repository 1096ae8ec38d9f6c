//! The command line in the person's language (issue 16): real commands on a
//! real store with `LANG=id_ID.UTF-8` print Indonesian tables, summaries with
//! counts, sizes with the decimal comma, and errors; `LANG=en_US.UTF-8`
//! prints English; `--json` is the same in every language. The sentences the
//! window shares with the CLI (notifications, the dry run, errors) follow the
//! thread's language.

use std::path::Path;
use std::process::Output;

use crate::support::popmail_binary;
use crate::support::store::{DataDir, fill_folder, simple_message};

/// Runs popmail on `data` in the language of `lang` (a POSIX locale name),
/// with the variables that would override it cleared.
fn popmail_in(data: &DataDir, lang: &str, args: &[&str]) -> Output {
    data.command()
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .args(args)
        .output()
        .expect("run popmail")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "popmail failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn fails(o: &Output) -> String {
    assert!(
        !o.status.success(),
        "popmail should have failed: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// An mbox file of `n` small messages.
fn mbox(dir: &Path, name: &str, n: usize) -> std::path::PathBuf {
    let mut text = Vec::new();
    for i in 0..n {
        text.extend_from_slice(b"From sender@example.org Mon Jan  1 10:00:00 2024\n");
        text.extend_from_slice(
            &simple_message(
                &format!("{name} message {i}"),
                "Ann <ann@example.org>",
                "hello",
            )
            .into_iter()
            .filter(|b| *b != b'\r')
            .collect::<Vec<u8>>(),
        );
        text.push(b'\n');
    }
    let path = dir.join(format!("{name}.mbox"));
    std::fs::write(&path, text).expect("write mbox");
    path
}

/// A store with a folder "Projects" of two messages, one of 1.5 KB.
fn store_with_messages() -> DataDir {
    let data = DataDir::new();
    let mut store = data.store();
    fill_folder(
        &mut store,
        "Projects",
        &[
            simple_message("Big report", "Ann <ann@example.org>", &"x".repeat(1400)),
            simple_message("Lunch", "Bob <bob@example.org>", "pizza?"),
        ],
    );
    data
}

#[test]
fn cli_language_indonesian_tables_sizes_and_json() {
    let data = store_with_messages();
    let folders = ok(&popmail_in(&data, "id_ID.UTF-8", &["folders"]));
    let heading = folders.lines().next().unwrap_or_default();
    assert!(
        heading.contains("PESAN") && heading.contains("BELUM DIBACA"),
        "{folders}"
    );
    assert!(!heading.contains("MESSAGES"), "{folders}");

    let list = ok(&popmail_in(&data, "id_ID.UTF-8", &["list", "Projects"]));
    let big = list
        .lines()
        .find(|l| l.contains("Big report"))
        .unwrap_or_else(|| panic!("no Big report row: {list}"));
    // 1.5 KB with the Indonesian decimal comma; the date's month in Indonesian.
    assert!(big.contains("1,5 KB"), "{big}");
    assert!(big.contains("Jan 2024"), "{big}");

    let show_id = ok(&popmail_in(&data, "id_ID.UTF-8", &["search", "pizza"]));
    let id = show_id.split_whitespace().next().expect("an id");
    let shown = ok(&popmail_in(&data, "id_ID.UTF-8", &["show", id]));
    // Labels in Indonesian, the values lined up after the longest.
    assert!(shown.contains("Subjek:  Lunch"), "{shown}");
    assert!(shown.contains("Tanggal: Mon, 1 Jan 2024"), "{shown}");
    assert!(shown.contains("Dari:    Bob"), "{shown}");

    // Machine output does not change with the language.
    for args in [
        &["folders", "--json"][..],
        &["list", "Projects", "--json"][..],
    ] {
        let id = ok(&popmail_in(&data, "id_ID.UTF-8", args));
        let en = ok(&popmail_in(&data, "en_US.UTF-8", args));
        assert_eq!(id, en, "{args:?}");
        assert!(!id.is_empty());
    }
}

#[test]
fn cli_language_indonesian_import_counts() {
    let data = DataDir::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let one = mbox(dir.path(), "satu", 1);
    let five = mbox(dir.path(), "lima", 5);

    let out = ok(&popmail_in(
        &data,
        "id_ID.UTF-8",
        &["import", "--quiet", one.to_str().expect("utf-8 path")],
    ));
    assert!(out.contains("1 pesan diimpor ke \"satu\""), "{out}");
    assert!(out.contains("dilewati karena duplikat"), "{out}");
    let out = ok(&popmail_in(
        &data,
        "id_ID.UTF-8",
        &["import", "--quiet", five.to_str().expect("utf-8 path")],
    ));
    assert!(out.contains("5 pesan diimpor ke \"lima\""), "{out}");

    // The same import again in English: every message a duplicate, and the
    // English plural.
    let again = mbox(dir.path(), "again", 1);
    let out = ok(&popmail_in(
        &data,
        "en_US.UTF-8",
        &["import", "--quiet", again.to_str().expect("utf-8 path")],
    ));
    assert!(out.contains("Imported 1 message into \"again\""), "{out}");
    let out = ok(&popmail_in(
        &data,
        "en_US.UTF-8",
        &["import", "--quiet", five.to_str().expect("utf-8 path")],
    ));
    assert!(out.contains("Imported 0 messages into"), "{out}");
    assert!(out.contains("5 skipped as duplicates"), "{out}");
}

#[test]
fn cli_language_indonesian_errors() {
    let data = store_with_messages();
    let missing = data.path().join("tidak-ada.mbox");
    let err = fails(&popmail_in(
        &data,
        "id_ID.UTF-8",
        &["import", missing.to_str().expect("utf-8 path")],
    ));
    assert!(err.starts_with("popmail: mengimpor "), "{err}");
    assert!(!err.contains("importing"), "{err}");

    let err = fails(&popmail_in(
        &data,
        "id_ID.UTF-8",
        &["sync", "--account", "Tidak Ada"],
    ));
    assert!(
        err.contains("tidak ada akun bernama \"Tidak Ada\""),
        "{err}"
    );
    let err = fails(&popmail_in(&data, "id_ID.UTF-8", &["list", "Nope"]));
    assert!(err.contains("tidak ada folder bernama \"Nope\""), "{err}");

    // An error of the CLI's own, and one of a library type (crate::keys)
    // through its Display.
    let err = fails(&popmail_in(&data, "id_ID.UTF-8", &["decrypt", "--quiet"]));
    assert!(err.contains("penyimpanan surel tidak terenkripsi"), "{err}");
    let err = fails(
        &data
            .command()
            .env("LANG", "id_ID.UTF-8")
            .env_remove("LC_ALL")
            .env("RECOVERY", "not-hex")
            .args(["unlock", "--recovery-key-env", "RECOVERY"])
            .output()
            .expect("run popmail"),
    );
    assert!(err.contains("ini bukan kunci pemulihan"), "{err}");

    // English for an English locale.
    let err = fails(&popmail_in(
        &data,
        "en_US.UTF-8",
        &["sync", "--account", "Tidak Ada"],
    ));
    assert!(err.contains("no account named \"Tidak Ada\""), "{err}");
    let err = fails(&popmail_in(
        &data,
        "en_US.UTF-8",
        &["import", missing.to_str().expect("utf-8 path")],
    ));
    assert!(err.starts_with("popmail: importing "), "{err}");
}

#[test]
fn cli_language_languages_variable_and_c_locale() {
    let data = store_with_messages();
    // LANGUAGE's list goes first unless the locale is C.
    let out = data
        .command()
        .env("LANG", "en_US.UTF-8")
        .env("LANGUAGE", "id:en")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .arg("folders")
        .output()
        .expect("run popmail");
    assert!(ok(&out).contains("BELUM DIBACA"));
    // The helper every other test uses: English whatever the tester's LANG.
    let out = data
        .command()
        .env("LANG", "id_ID.UTF-8")
        .env("LANGUAGE", "id")
        .arg("folders")
        .output()
        .expect("run popmail");
    assert!(ok(&out).contains("UNREAD"));
}

/// The sentences the window and the CLI share (notifications, the dry run,
/// error Displays) follow the thread's language.
#[test]
fn cli_language_shared_sentences_in_both_languages() {
    use popmail::i18n::{self, Lang};

    let report = popmail::sync::DryRunReport {
        on_server: 1,
        would_delete: 3,
        would_delete_bytes: 1536,
        received_between: None,
        would_download: 1,
    };
    let lines = vec!["Ann: Hi".to_string()];
    let wrong = popmail::keys::Error::WrongPassphrase;
    let wait = popmail::keys::Error::TooManyAttempts(30);
    {
        let _en = i18n::for_this_thread(Lang::En);
        let note = popmail::notify::note(1, Some("Work"), &[]);
        assert_eq!(note.summary, "1 new message in Work");
        let note = popmail::notify::note(4, Some("Work"), &lines);
        assert_eq!(note.summary, "4 new messages in Work");
        assert_eq!(note.body, "Ann: Hi\nand 3 more");
        assert_eq!(
            report.describe(),
            "The next sync would delete 3 messages (1.5 KB) from the server. \
             1 message is there now. It would first download 1 new message."
        );
        assert!(wrong.to_string().starts_with("wrong passphrase"), "{wrong}");
        assert_eq!(
            wait.to_string(),
            "too many wrong passphrases; try again in 30 s"
        );
    }
    let _id = i18n::for_this_thread(Lang::Id);
    let note = popmail::notify::note(4, Some("Kantor"), &lines);
    assert_eq!(note.summary, "4 pesan baru di Kantor");
    assert_eq!(note.body, "Ann: Hi\ndan 3 lainnya");
    assert_eq!(
        report.describe(),
        "Sinkronisasi berikutnya akan menghapus 3 pesan (1,5 KB) dari server. \
         Saat ini ada 1 pesan di sana. Sebelumnya akan diunduh 1 pesan baru."
    );
    assert!(
        wrong.to_string().starts_with("frasa sandi salah"),
        "{wrong}"
    );
    assert_eq!(
        wait.to_string(),
        "terlalu banyak frasa sandi salah; coba lagi dalam 30 dtk"
    );
}

#[test]
fn cli_language_errors_say_the_system_error_once() {
    let data = store_with_messages();
    let missing = data.path().join("tidak-ada.mbox");
    for (lang, start) in [
        ("id_ID.UTF-8", "popmail: mengimpor "),
        ("en_US.UTF-8", "popmail: importing "),
    ] {
        let err = fails(&popmail_in(
            &data,
            lang,
            &["import", missing.to_str().expect("utf-8 path")],
        ));
        assert!(err.starts_with(start), "{err}");
        assert_eq!(
            err.matches("(os error 2)").count(),
            1,
            "the system's words once: {err}"
        );
        assert_eq!(err.lines().count(), 1, "one line: {err}");
    }
    // A data folder that is a file: the library's sentence carries the
    // system error, its source is not printed again.
    let file = data.path().join("berkas");
    std::fs::write(&file, b"x").expect("write file");
    let err = fails(
        &popmail_binary()
            .arg("--data-dir")
            .arg(&file)
            .env("LANG", "id_ID.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .arg("folders")
            .output()
            .expect("run popmail"),
    );
    assert!(err.contains("tidak dapat dibuat"), "{err}");
    assert_eq!(err.matches("(os error").count(), 1, "{err}");
}

#[test]
fn cli_language_help_in_indonesian_and_english() {
    let data = DataDir::new();
    let id = ok(&popmail_in(&data, "id_ID.UTF-8", &["--help"]));
    for words in [
        "Pembaca surel luring untuk akun POP3",
        "Penggunaan: popmail",
        "Perintah:",
        "Opsi:",
        "Unduh surel baru dari semua akun yang aktif",
        "Tampilkan bantuan",
    ] {
        assert!(id.contains(words), "{words:?} missing:\n{id}");
    }
    assert!(!id.contains("Usage:") && !id.contains("Print help"), "{id}");
    let sync = ok(&popmail_in(&data, "id_ID.UTF-8", &["sync", "--help"]));
    assert!(sync.contains("Hanya akun ini"), "{sync}");
    assert!(sync.contains("Folder tempat penyimpanan surel"), "{sync}");
    let add = ok(&popmail_in(
        &data,
        "id_ID.UTF-8",
        &["account", "add", "--help"],
    ));
    assert!(
        add.contains("Argumen:") && add.contains("Nama host server"),
        "{add}"
    );
    // The help subcommand's tree takes the real commands' words.
    let help_junk = ok(&popmail_in(&data, "id_ID.UTF-8", &["help", "junk"]));
    assert!(
        help_junk.contains("Latih filter dari seluruh isi folder"),
        "{help_junk}"
    );

    let en = ok(&popmail_in(&data, "en_US.UTF-8", &["sync", "--help"]));
    assert!(
        en.starts_with(
            "Download new mail from every enabled account (or one)\n\nUsage: popmail sync"
        ),
        "{en}"
    );
    assert!(
        en.contains("Options:") && en.contains("  -h, --help "),
        "{en}"
    );
    assert!(en.contains("Print help"), "{en}");
}

/// Every command and argument of the command line has its help in every
/// language, and every `--help` message is one that some command or argument
/// uses (tests/i18n.rs leaves these keys to this test).
#[test]
fn cli_language_every_help_text_has_a_message_and_none_is_unused() {
    use popmail::cli::help::{arg_key, command_key, help_items};
    use popmail::i18n::{Lang, lookup_exact};
    let mut reached = std::collections::BTreeSet::new();
    let mut missing = Vec::new();
    for (path, arg) in help_items() {
        let names: Vec<&str> = path.iter().map(String::as_str).collect();
        let key = match &arg {
            None => command_key(&names),
            Some(id) => arg_key(&names, id),
        };
        for lang in Lang::ALL {
            if lookup_exact(lang, &key).is_none() {
                missing.push(format!("{} {path:?} {arg:?}: {key}", lang.code()));
            }
        }
        reached.insert(key);
    }
    assert!(
        missing.is_empty(),
        "help without a message:\n{}",
        missing.join("\n")
    );
    assert!(reached.len() > 100, "only {} help messages", reached.len());
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en/cli.ftl"))
        .expect("read cli.ftl");
    let unused: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim()))
        .filter(|k| crate::i18n::is_help_key(k) && !reached.contains(*k))
        .filter(|k| {
            ![
                "cli-help-usage",
                "cli-help-commands",
                "cli-help-arguments",
                "cli-help-options",
            ]
            .contains(k)
        })
        .collect();
    assert!(
        unused.is_empty(),
        "--help messages no command uses: {unused:?}"
    );
}

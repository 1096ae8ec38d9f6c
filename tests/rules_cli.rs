//! `popmail rule …` through the real binary: add/edit/list/remove with the
//! compact syntax, bad rules refused in words with nothing saved, JSON
//! export/import round trips, and `rule run` over a folder (dry run first).

use popmail::store::{Flags, Scope, Sort};

use crate::support::store::{DataDir, fill_folder, simple_message};

/// The stdout of a successful run (a failure panics with its stderr).
pub(crate) fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "popmail failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn fails(out: &std::process::Output) -> String {
    assert!(
        !out.status.success(),
        "popmail should fail: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn rules_cli_add_edit_list_remove_and_refuse_bad_rules() {
    let data = DataDir::new();
    ok(&data.popmail(&[
        "rule",
        "add",
        "Boss",
        "--if",
        "from is boss@example.com",
        "--then",
        "move Boss",
        "--then",
        "star",
    ]));
    ok(&data.popmail(&[
        "rule",
        "add",
        "Big",
        "--any",
        "--if",
        "size > 5M",
        "--if",
        "attachments is yes",
        "--then",
        "leave-on-server",
        "--position",
        "1",
    ]));
    let listed = ok(&data.popmail(&["rule", "list"]));
    let big = listed.find("1. Big").expect(&listed);
    let boss = listed.find("2. Boss").expect(&listed);
    assert!(big < boss);
    assert!(
        listed.contains("if   from is boss@example.com") && listed.contains("then move Boss"),
        "{listed}"
    );

    let err = fails(&data.popmail(&[
        "rule",
        "add",
        "Bad",
        "--if",
        "subject matches (oops",
        "--then",
        "read",
    ]));
    assert!(err.contains("not a valid pattern"), "{err}");
    let err = fails(&data.popmail(&[
        "rule",
        "add",
        "boss",
        "--if",
        "from contains x",
        "--then",
        "read",
    ]));
    assert!(err.contains("same name"), "{err}");
    let err = fails(&data.popmail(&["rule", "add", "X", "--if", "sender is x", "--then", "read"]));
    assert!(err.contains("not a field"), "{err}");
    assert_eq!(
        data.store().rules().unwrap().len(),
        2,
        "nothing saved by a refused change"
    );

    ok(&data.popmail(&[
        "rule",
        "edit",
        "Boss",
        "--disable",
        "--then",
        "read",
        "--rename",
        "Chief",
    ]));
    let rules = data.store().rules().unwrap();
    assert_eq!(rules[1].name, "Chief");
    assert!(!rules[1].enabled);
    assert_eq!(rules[1].actions, vec![popmail::rules::Action::MarkRead]);

    ok(&data.popmail(&["rule", "remove", "Big"]));
    let err = fails(&data.popmail(&["rule", "remove", "Big"]));
    assert!(err.contains("no rule named"), "{err}");
    assert_eq!(data.store().rules().unwrap().len(), 1);
}

#[test]
fn rules_cli_export_import_round_trip() {
    let a = DataDir::new();
    ok(&a.popmail(&[
        "rule",
        "add",
        "One",
        "--if",
        "subject contains invoice",
        "--then",
        "move Bills",
    ]));
    ok(&a.popmail(&[
        "rule",
        "add",
        "Two",
        "--if",
        "header:List-Id contains rust",
        "--then",
        "read",
        "--then",
        "stop",
    ]));
    let file = a.path().join("rules.json");
    ok(&a.popmail(&["rule", "export", file.to_str().unwrap()]));
    let json = ok(&a.popmail(&["rule", "list", "--json"]));
    assert!(json.contains("\"version\": 1"), "{json}");

    let b = DataDir::new();
    ok(&b.popmail(&["rule", "import", file.to_str().unwrap()]));
    assert_eq!(b.store().rules().unwrap(), a.store().rules().unwrap());
    let err = fails(&b.popmail(&["rule", "import", file.to_str().unwrap()]));
    assert!(err.contains("same name"), "importing twice clashes: {err}");
    ok(&b.popmail(&["rule", "import", "--replace", file.to_str().unwrap()]));
    std::fs::write(&file, "{ not json").unwrap();
    let err = fails(&b.popmail(&["rule", "import", file.to_str().unwrap()]));
    assert!(err.contains("not a popmail rule file"), "{err}");
    assert_eq!(b.store().rules().unwrap().len(), 2);
}

#[test]
fn rules_cli_run_on_a_folder_moves_and_flags_after_a_dry_run() {
    let data = DataDir::new();
    let msgs = vec![
        simple_message("invoice 1", "billing@shop.example", "pay"),
        simple_message("hello", "friend@example.net", "hi"),
        simple_message("invoice 2", "billing@shop.example", "pay"),
    ];
    let (folder, ids) = fill_folder(&mut data.store(), "Inbox2", &msgs);
    ok(&data.popmail(&[
        "rule",
        "add",
        "Bills",
        "--if",
        "from contains billing@",
        "--then",
        "move Bills",
        "--then",
        "read",
    ]));

    let dry = ok(&data.popmail(&["rule", "run", "Inbox2", "--dry-run", "--quiet"]));
    assert!(
        dry.contains("2 of 3 messages match") && dry.contains("move to \"Bills\""),
        "{dry}"
    );
    assert_eq!(
        data.store().count(Scope::Folder(folder)).unwrap(),
        3,
        "a dry run changes nothing"
    );

    let done = ok(&data.popmail(&["rule", "run", "Inbox2", "--quiet"]));
    assert!(done.contains("2 of 3 messages matched; 2 moved"), "{done}");
    let store = data.store();
    let bills = store.resolve_folder("Bills").unwrap();
    let in_bills = store
        .sorted_ids(Scope::Folder(bills.id), Sort::default())
        .unwrap();
    assert_eq!(in_bills.len(), 2);
    assert!(in_bills.contains(&ids[0]) && in_bills.contains(&ids[2]));
    assert!(
        store
            .rows(&in_bills)
            .unwrap()
            .iter()
            .all(|r| r.flags.contains(Flags::SEEN))
    );
    assert_eq!(
        store
            .sorted_ids(Scope::Folder(folder), Sort::default())
            .unwrap(),
        vec![ids[1]]
    );
}

#[test]
fn rules_cli_import_with_rules_sorts_the_imported_mail() {
    let data = DataDir::new();
    ok(&data.popmail(&[
        "rule",
        "add",
        "Bills",
        "--if",
        "from contains billing@",
        "--then",
        "move Bills",
        "--then",
        "star",
    ]));
    let mbox = data.path().join("in.mbox");
    let mut bytes = Vec::new();
    for (subject, from) in [
        ("invoice", "billing@shop.example"),
        ("hello", "friend@example.net"),
    ] {
        bytes.extend_from_slice(b"From x@y Mon Jan  1 10:00:00 2024\n");
        bytes.extend_from_slice(&simple_message(subject, from, "body"));
        bytes.extend_from_slice(b"\n");
    }
    std::fs::write(&mbox, &bytes).unwrap();
    let out = ok(&data.popmail(&["import", mbox.to_str().unwrap(), "--rules", "--quiet"]));
    assert!(
        out.contains("Rules: 1 of 2 messages matched; 1 moved"),
        "{out}"
    );
    let store = data.store();
    let bills = store.resolve_folder("Bills").unwrap();
    let ids = store
        .sorted_ids(Scope::Folder(bills.id), Sort::default())
        .unwrap();
    assert_eq!(ids.len(), 1);
    let row = store.row(ids[0]).unwrap();
    assert_eq!(row.subject, "invoice");
    assert!(row.flags.contains(Flags::FLAGGED));
}

#[test]
fn rules_cli_export_sieve_writes_a_script_sievec_compiles() {
    crate::support::system::ensure().unwrap();
    let data = DataDir::new();
    for args in [
        &[
            "Boss",
            "--if",
            "from is boss@example.com",
            "--then",
            "move Boss",
            "--then",
            "read",
        ][..],
        &[
            "Lists",
            "--if",
            "header:List-Id contains rust-lang",
            "--if",
            "body !contains unsubscribe",
            "--then",
            "move Rust",
            "--then",
            "stop",
        ],
        &[
            "Codes",
            "--any",
            "--if",
            "subject matches ^\\[[0-9]+\\]",
            "--if",
            "size > 5M",
            "--then",
            "star",
        ],
        &["Old", "--if", "age > 30", "--then", "trash"],
    ] {
        let mut all = vec!["rule", "add"];
        all.extend_from_slice(args);
        ok(&data.popmail(&all));
    }
    let file = data.path().join("rules.sieve");
    ok(&data.popmail(&["rule", "export", file.to_str().unwrap(), "--sieve"]));
    let script = std::fs::read_to_string(&file).unwrap();
    assert!(
        script.contains("require [\"imap4flags\", \"fileinto\", \"body\", \"regex\"];"),
        "{script}"
    );
    assert!(
        script.contains("if header :is \"from\" \"boss@example.com\" {"),
        "{script}"
    );
    assert!(
        script.contains("# rule \"Old\" is not exported: Sieve has no test for a message's age")
    );
    // Pigeonhole's compiler is the judge of the syntax.
    let out = std::process::Command::new("sievec")
        .arg(&file)
        .arg(data.path().join("rules.svbin"))
        .output()
        .expect("sievec runs (Debian package dovecot-sieve)");
    assert!(
        out.status.success(),
        "sievec refused the script:\n{}\n{script}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(data.path().join("rules.svbin").exists());
}

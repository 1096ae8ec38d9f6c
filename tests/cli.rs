//! The read-only command line against a real store: `folders`, `list`,
//! `show [--raw]`, `search`, and its errors (one line on stderr, non-zero exit).

use crate::support::store::{DataDir, fill_folder, simple_message};

fn stdout(o: &std::process::Output) -> String {
    assert!(
        o.status.success(),
        "popmail failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn folders_list_show_and_search_print_json() {
    let data = DataDir::new();
    let mut store = data.store();
    let (_, ids) = fill_folder(
        &mut store,
        "Projects",
        &[
            simple_message(
                "Quarterly report",
                "Ann <ann@example.org>",
                "numbers attached",
            ),
            simple_message("Lunch", "Bob <bob@example.org>", "pizza tomorrow?"),
        ],
    );
    drop(store);

    let folders: serde_json::Value =
        serde_json::from_str(&stdout(&data.popmail(&["folders", "--json"]))).unwrap();
    let projects = folders
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Projects")
        .unwrap();
    assert_eq!(projects["total"], 2);
    assert_eq!(projects["unread"], 2);

    let list = stdout(&data.popmail(&["list", "Projects", "--json"]));
    let rows: Vec<serde_json::Value> = list
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    for key in [
        "id", "folder", "date", "from", "subject", "size", "flags", "sha256",
    ] {
        assert!(rows[0].get(key).is_some(), "missing {key} in {}", rows[0]);
    }
    assert_eq!(rows[0]["folder"], "Projects");

    let hits = stdout(&data.popmail(&["search", "pizza", "--json"]));
    let hit: serde_json::Value = serde_json::from_str(hits.lines().next().unwrap()).unwrap();
    assert_eq!(hit["id"], ids[1].0);
    assert_eq!(hit["subject"], "Lunch");
    assert!(stdout(&data.popmail(&["search", "pizza", "--folder", "Trash"])).is_empty());

    let shown = stdout(&data.popmail(&["show", &ids[0].0.to_string()]));
    assert!(shown.contains("Subject: Quarterly report"), "{shown}");
    assert!(shown.contains("numbers attached"), "{shown}");
}

#[test]
fn errors_are_one_clear_line_and_a_failure_status() {
    let data = DataDir::new();
    for (args, expect) in [
        (&["list", "Nope"][..], "no folder named \"Nope\""),
        (&["show", "999"][..], "no message with id 999"),
    ] {
        let o = data.popmail(args);
        assert!(!o.status.success());
        let err = String::from_utf8(o.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("popmail: ") && err.contains(expect),
            "{err}"
        );
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn a_store_from_a_newer_popmail_is_refused_and_left_untouched() {
    // Plaintext in both passes: the test edits the header with plain SQLite.
    // (An encrypted store checks the same version, after the key: store tests.)
    let data = DataDir::plaintext();
    drop(data.store());
    let conn = rusqlite::Connection::open(data.store_path()).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    conn.pragma_update(None, "user_version", version + 1)
        .unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(conn);
    let before = std::fs::read(data.store_path()).unwrap();
    let o = data.popmail(&["folders"]);
    assert!(!o.status.success());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("newer version of popmail"), "{err}");
    assert_eq!(std::fs::read(data.store_path()).unwrap(), before);
}

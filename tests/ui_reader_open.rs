//! Opening attachments from the reader window, headless (egui_kittest): the
//! warning for programs, scripts and macro documents comes first, the copy
//! lands in a private folder (0700) with the attachment's bytes, and the
//! folder is removed when the window goes. The launch is injected, so no
//! viewer starts.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use popmail::store::{Flags, NewMessage, Store};

use crate::support::ui::*;

type H = egui_kittest::Harness<'static, popmail::ui::App>;

/// What the injected launcher saw: each path and the bytes there at launch.
type Launched = Arc<Mutex<Vec<(PathBuf, Vec<u8>)>>>;

fn window(dir: &Path, files: &[(&str, &str)]) -> (H, Launched) {
    let mut store = Store::open(&popmail::store::StoreConfig::new(
        dir.join(popmail::paths::STORE_FILE),
    ))
    .unwrap();
    let account = store.add_account(&account_settings("Work", 9)).unwrap();
    let batch: Vec<NewMessage> = files
        .iter()
        .enumerate()
        .map(|(n, (file, mime))| {
            NewMessage::prepare(
                attachment_message(n, file, mime),
                account.inbox,
                Flags::default(),
            )
            .from_account(account.id, None)
        })
        .collect();
    store.insert_batch(&batch).unwrap();
    drop(store);
    let mut h = harness(dir, false);
    let launched: Launched = Arc::default();
    let seen = Arc::clone(&launched);
    h.state_mut()
        .set_attachment_launcher(Arc::new(move |p: &Path| {
            let bytes = std::fs::read(p)?;
            seen.lock().unwrap().push((p.to_path_buf(), bytes));
            Ok(())
        }));
    settle(&mut h);
    (h, launched)
}

fn wait_for_launches(h: &mut H, launched: &Launched, n: usize) {
    wait_until(h, "the attachment to be opened", |_| {
        launched.lock().unwrap().len() >= n
    });
}

#[test]
fn ui_reader_open_warns_first_for_programs_scripts_and_macro_documents() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        ("setup.exe", "application/octet-stream"),
        ("invoice.js", "application/octet-stream"),
        ("budget.docm", "application/octet-stream"),
    ];
    let (mut h, launched) = window(dir.path(), &files);
    for (file, _) in files {
        click_row(&mut h, "Carol", &format!("Files: {file}"));
        click(&mut h, "Open");
        assert!(
            has_label(&h, "⚠ This file can run programs"),
            "{file}: warned before opening"
        );
        assert!(
            has_label_containing(&h, &format!("“{file}” is a program")),
            "{file}: the warning names it"
        );
        click(&mut h, "Cancel");
        assert!(!has_label(&h, "⚠ This file can run programs"));
        assert!(
            launched.lock().unwrap().is_empty(),
            "{file}: nothing opened after Cancel"
        );
    }
    // "Open anyway" opens it.
    click(&mut h, "Open");
    click(&mut h, "Open anyway");
    wait_for_launches(&mut h, &launched, 1);
    let (path, bytes) = launched.lock().unwrap()[0].clone();
    assert_eq!(path.file_name().unwrap(), "budget.docm");
    assert_eq!(bytes, b"hello attachment");
}

#[test]
fn ui_reader_open_copies_to_a_private_folder_removed_on_exit() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, launched) = window(dir.path(), &[("notes.txt", "text/plain")]);
    assert!(h.state().attachment_folder().is_none(), "made on first use");
    click_row(&mut h, "Carol", "Files: notes.txt");
    click(&mut h, "Open");
    assert!(
        !has_label(&h, "⚠ This file can run programs"),
        "no warning for a text file"
    );
    wait_for_launches(&mut h, &launched, 1);
    settle(&mut h);
    assert!(
        has_label_containing(&h, "Opened notes.txt"),
        "the user is told"
    );
    let folder = h.state().attachment_folder().unwrap().to_path_buf();
    let (path, bytes) = launched.lock().unwrap()[0].clone();
    assert_eq!(path.parent(), Some(folder.as_path()));
    assert_eq!(bytes, b"hello attachment");
    assert_eq!(std::fs::read(&path).unwrap(), b"hello attachment");
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "the folder is private");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "the copy is private");
    }
    // Opening it again makes a second copy, never replacing the first.
    click(&mut h, "Open");
    wait_for_launches(&mut h, &launched, 2);
    let second = launched.lock().unwrap()[1].0.clone();
    assert_ne!(second, path);
    assert!(path.exists() && second.exists());
    drop(h);
    assert!(!folder.exists(), "removed when the window goes");
}

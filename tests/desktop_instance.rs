//! One window per data folder (issue 16), over a private D-Bus session bus:
//! the first start owns the data folder's bus name; a later start with files
//! (a double-click in the file manager) hands them over and exits; another
//! data folder gets its own window; the real binary hands a mailbox over;
//! and the window opens the import dialog with a handed or command-line
//! mailbox chosen.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use popmail::ui::instance::{Claim, Instance, claim};

use crate::support::dbus::SessionBus;
use crate::support::ui::*;

fn first(bus: &SessionBus, data_dir: &Path) -> Instance {
    match claim(Some(bus.address()), data_dir, &[]).expect("claim") {
        Claim::First(i) => i,
        Claim::Handed => panic!("{} already had a window", data_dir.display()),
    }
}

fn received(instance: &Instance) -> Vec<PathBuf> {
    let start = Instant::now();
    loop {
        if let Some(paths) = instance.try_recv() {
            return paths;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "nothing was handed over"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn mbox(dir: &Path) -> PathBuf {
    let path = dir.join("Old mail.mbox");
    std::fs::copy("tests/data/regress/from-line-in-body.mbox", &path).unwrap();
    path
}

#[test]
fn desktop_instance_a_second_start_hands_its_files_to_the_first() {
    let bus = SessionBus::start();
    let data = tempfile::tempdir().unwrap();
    let window = first(&bus, data.path());
    let file = mbox(data.path());
    assert!(matches!(
        claim(
            Some(bus.address()),
            data.path(),
            std::slice::from_ref(&file)
        )
        .unwrap(),
        Claim::Handed
    ));
    assert_eq!(received(&window), vec![file]);
    // Without files a later start only raises the window.
    assert!(matches!(
        claim(Some(bus.address()), data.path(), &[]).unwrap(),
        Claim::Handed
    ));
    assert_eq!(received(&window), Vec::<PathBuf>::new());
    // Another data folder is another window.
    let other = tempfile::tempdir().unwrap();
    let _second = first(&bus, other.path());
}

#[test]
fn desktop_instance_the_binary_hands_a_mailbox_to_the_running_window() {
    let bus = SessionBus::start();
    let data = tempfile::tempdir().unwrap();
    let window = first(&bus, data.path());
    let file = mbox(data.path());
    let out = crate::support::popmail_binary()
        .arg("--data-dir")
        .arg(data.path())
        .arg(&file)
        .env("DBUS_SESSION_BUS_ADDRESS", bus.address())
        .env_remove("POPMAIL_DATA_DIR")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("already open"));
    assert_eq!(received(&window), vec![file]);
}

#[test]
fn desktop_instance_a_handed_mailbox_opens_the_import_dialog() {
    let bus = SessionBus::start();
    let data = tempfile::tempdir().unwrap();
    sample(data.path());
    let window = first(&bus, data.path());
    let mut h = harness(data.path(), false);
    h.state_mut().serve(Some(window));
    settle(&mut h);
    assert!(!has_label(&h, "Import mail"));
    let file = mbox(data.path());
    assert!(matches!(
        claim(
            Some(bus.address()),
            data.path(),
            std::slice::from_ref(&file)
        )
        .unwrap(),
        Claim::Handed
    ));
    let start = Instant::now();
    while !has_label(&h, "Import mail") {
        h.step();
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no import dialog"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        has_label(&h, &file.display().to_string()),
        "with the file chosen"
    );
}

#[test]
fn desktop_instance_a_mailbox_on_the_command_line_opens_the_import_dialog() {
    let data = tempfile::tempdir().unwrap();
    sample(data.path());
    let file = mbox(data.path());
    let mut h = harness_with(popmail::ui::RunOptions {
        data_dir: data.path().to_path_buf(),
        open: vec![file.clone()],
        ..Default::default()
    });
    settle(&mut h);
    assert!(has_label(&h, "Import mail"));
    assert!(has_label(&h, &file.display().to_string()));
}

//! The window's language (issue 16): Preferences → Language switches the
//! window between English and Bahasa Indonesia at once (the same run, the
//! next frame) and keeps the choice in the preferences; the settings dialog
//! rendered in Indonesian shows Indonesian labels (a smoke test of the
//! translation in the window).
//!
//! Each test gives its thread its own language
//! (`popmail::i18n::for_this_thread`), so the parallel window tests keep
//! theirs.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use popmail::i18n::{self, Lang};
use popmail::ui::App;

use crate::support::ui::*;

/// Opens the Language combo box (it shows the current choice) and picks `choice`.
fn choose_language(h: &mut Harness<'static, App>, shown: &str, choice: &str) {
    h.get_by(|n| {
        n.role() == Role::ComboBox && n.value().as_deref() == Some(shown)
            || n.role() == Role::ComboBox && n.label().as_deref() == Some(shown)
    })
    .click();
    h.run_steps(2);
    h.get_by(|n| n.label().as_deref() == Some(choice) && n.role() != Role::ComboBox)
        .click();
    h.run_steps(3);
}

#[test]
fn preferences_switch_the_window_to_indonesian_and_back_at_once() {
    let _lang = i18n::for_this_thread(Lang::En);
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    h.state_mut().open_preferences();
    h.run_steps(3);
    assert!(has_label(&h, "Preferences"), "the tab, in English");
    assert!(has_label(&h, "Theme"));
    assert!(has_label(&h, "Notify me when new mail arrives"));

    choose_language(&mut h, "System language", "Bahasa Indonesia");
    assert_eq!(i18n::current(), Lang::Id);
    assert_eq!(
        h.state_mut().prefs_mut().language,
        "id",
        "the choice is kept"
    );
    for label in [
        "Pengaturan",
        "Akun",
        "Preferensi",
        "Aturan",
        "Tema",
        "Tutup",
    ] {
        assert!(has_label(&h, label), "“{label}” after the switch");
    }
    assert!(has_label(&h, "Beri tahu saat ada pesan baru"));
    assert!(!has_label(&h, "Theme"), "no English left on the tab");
    assert!(!has_label(&h, "Preferences"));

    choose_language(&mut h, "Bahasa Indonesia", "English");
    assert_eq!(i18n::current(), Lang::En);
    assert_eq!(h.state_mut().prefs_mut().language, "en");
    assert!(has_label(&h, "Preferences"), "back in English");
    assert!(has_label(&h, "Theme"));
    assert!(!has_label(&h, "Tema"));
}

#[test]
fn the_settings_dialog_speaks_indonesian() {
    let _lang = i18n::for_this_thread(Lang::Id);
    let dir = tempfile::tempdir().unwrap();
    sample(dir.path());
    let mut h = harness(dir.path(), false);
    settle(&mut h);
    h.state_mut().open_account_settings();
    h.run_steps(3);
    for label in [
        "Pengaturan",
        "Akun",
        "Preferensi",
        "Aturan",
        "Tambah…",
        "Ubah…",
        "Hapus…",
        "Tutup",
    ] {
        assert!(has_label(&h, label), "“{label}” on the Accounts tab");
    }
    assert!(!has_label(&h, "Accounts"), "no English tab name");
    h.get_by_label("Preferensi").click();
    h.run_steps(3);
    for label in [
        "Bahasa",
        "Tema",
        "Ukuran huruf",
        "Notifikasi",
        "Folder data",
        "Cadangkan sekarang…",
    ] {
        assert!(has_label(&h, label), "“{label}” on the Preferences tab");
    }
    h.get_by_label("Aturan").click();
    h.run_steps(3);
    assert!(!has_label(&h, "Rules"), "no English tab name");
}

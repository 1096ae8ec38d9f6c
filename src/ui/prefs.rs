//! Saved layout and preferences: what eframe persists between runs (its
//! storage is a RON file in the platform data directory). Layout and choices
//! only — never mail, never passwords. Every field has a default
//! (`#[serde(default)]`), so an older or damaged entry loads as defaults.

use serde::{Deserialize, Serialize};

use crate::i18n::{self, Lang};
use crate::store::{Scope, Sort, SortKey};

/// The eframe storage key.
pub const STORAGE_KEY: &str = "popmail.prefs";

/// Light, dark, or whatever the system says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Where the reader sits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReaderPosition {
    /// Right of the message list.
    #[default]
    Right,
    /// Below the message list.
    Bottom,
}

impl ReaderPosition {
    /// The reader's panel here; the message list keeps room for its columns
    /// however the window shrinks.
    pub fn panel(self, ui: &egui::Ui) -> egui::Panel {
        match self {
            ReaderPosition::Right => {
                let w = ui.available_width();
                egui::Panel::right("reader")
                    .default_size(w * 0.42)
                    .max_size((w - 380.0).max(200.0))
            }
            ReaderPosition::Bottom => {
                let h = ui.available_height();
                egui::Panel::bottom("reader-bottom")
                    .default_size(h * 0.5)
                    .max_size((h - 150.0).max(120.0))
            }
        }
    }
}

/// Widths of the message list's fixed columns (Subject takes the rest).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ColumnWidths {
    /// Sender.
    pub from: f32,
    /// Date.
    pub date: f32,
    /// Size.
    pub size: f32,
}

impl Default for ColumnWidths {
    fn default() -> Self {
        Self {
            from: 150.0,
            date: 92.0,
            size: 64.0,
        }
    }
}

/// Everything the window remembers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Theme.
    pub theme: ThemeChoice,
    /// Body text size in points.
    pub font_size: f32,
    /// Where the reader sits.
    pub reader_position: ReaderPosition,
    /// Message list column widths.
    pub columns: ColumnWidths,
    /// Message list order.
    pub sort: Sort,
    /// Group the list by conversation.
    pub conversations: bool,
    /// Seconds a message stays open before it is marked read (0 = at once).
    pub mark_read_delay_secs: f32,
    /// Search everywhere instead of the current folder.
    pub search_everywhere: bool,
    /// The folder shown last.
    pub last_scope: Option<Scope>,
    /// Minutes without input after which an encrypted store locks (0: never).
    pub lock_after_minutes: u32,
    /// Keep the sync worker (and its key) running while the window is locked.
    pub sync_while_locked: bool,
    /// A desktop notification when a sync brings new mail.
    pub notify: bool,
    /// Notifications list the first senders and subjects (never while locked).
    pub notify_details: bool,
    /// The language chosen in Preferences, as its code (`en`, `id`); empty
    /// (or a code popmail does not speak) follows the system.
    pub language: String,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            font_size: 14.0,
            reader_position: ReaderPosition::Right,
            columns: ColumnWidths::default(),
            sort: Sort::default(),
            conversations: false,
            mark_read_delay_secs: 0.0,
            search_everywhere: false,
            last_scope: None,
            lock_after_minutes: 15,
            sync_while_locked: false,
            notify: true,
            notify_details: true,
            language: String::new(),
        }
    }
}

/// Smallest and largest font size offered.
pub const FONT_SIZE_RANGE: std::ops::RangeInclusive<f32> = 10.0..=24.0;

impl Prefs {
    /// Loads the saved preferences, or defaults.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Prefs {
        let mut prefs: Prefs = storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        prefs.sanitise();
        prefs
    }

    /// Saves the preferences.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }

    /// Sorts by a column as a header click does: the same column again
    /// reverses; a new one starts newest or largest first for dates and
    /// sizes. Conversation view ends.
    pub fn sort_by(&mut self, key: SortKey) {
        if self.sort.key == key && !self.conversations {
            self.sort.descending = !self.sort.descending;
        } else {
            self.sort.key = key;
            self.sort.descending = matches!(key, SortKey::Date | SortKey::Size);
        }
        self.conversations = false;
    }

    /// The language chosen, or `None` to follow the system.
    pub fn language(&self) -> Option<Lang> {
        Lang::from_code(&self.language)
    }

    /// Chooses a language (`None`: the system's) and switches to it at once.
    pub fn set_language(&mut self, lang: Option<Lang>) {
        self.language = lang.map(|l| l.code().to_owned()).unwrap_or_default();
        i18n::set(lang.unwrap_or_else(i18n::system_language));
    }

    /// At window start (after the system language is set): switches to the
    /// saved language, if one was chosen.
    pub fn apply_language(&self) {
        if let Some(lang) = self.language() {
            i18n::set(lang);
        }
    }

    /// Clamps values a damaged file could carry.
    pub fn sanitise(&mut self) {
        let (lo, hi) = (*FONT_SIZE_RANGE.start(), *FONT_SIZE_RANGE.end());
        if !self.font_size.is_finite() {
            self.font_size = 14.0;
        }
        self.font_size = self.font_size.clamp(lo, hi);
        if !self.mark_read_delay_secs.is_finite() {
            self.mark_read_delay_secs = 0.0;
        }
        self.mark_read_delay_secs = self.mark_read_delay_secs.clamp(0.0, 60.0);
        self.lock_after_minutes = self.lock_after_minutes.min(24 * 60);
        let c = &mut self.columns;
        for w in [&mut c.from, &mut c.date, &mut c.size] {
            if !w.is_finite() {
                *w = 100.0;
            }
            *w = w.clamp(40.0, 600.0);
        }
    }

    /// Applies theme and font size to the context.
    pub fn apply(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
        let size = self.font_size;
        ctx.all_styles_mut(|style| {
            use egui::{FontFamily, FontId, TextStyle};
            style.text_styles = [
                (
                    TextStyle::Small,
                    FontId::new(size * 0.78, FontFamily::Proportional),
                ),
                (TextStyle::Body, FontId::new(size, FontFamily::Proportional)),
                (
                    TextStyle::Button,
                    FontId::new(size, FontFamily::Proportional),
                ),
                (
                    TextStyle::Heading,
                    FontId::new(size * 1.45, FontFamily::Proportional),
                ),
                (
                    TextStyle::Monospace,
                    FontId::new(size * 0.93, FontFamily::Monospace),
                ),
            ]
            .into();
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_defaults_and_bad_values_are_clamped() {
        let mut p: Prefs =
            serde_json::from_str(r#"{"font_size": 99.0, "conversations": true}"#).expect("parses");
        p.sanitise();
        assert_eq!(p.font_size, 24.0);
        assert!(p.conversations);
        assert_eq!(p.reader_position, ReaderPosition::Right);
        assert_eq!(p.sort, Sort::default());
        assert_eq!(p.language(), None, "no language saved: the system's");
    }

    #[test]
    fn the_language_is_a_code_and_an_unknown_one_follows_the_system() {
        let p: Prefs = serde_json::from_str(r#"{"language": "id"}"#).expect("parses");
        assert_eq!(p.language(), Some(Lang::Id));
        let p: Prefs = serde_json::from_str(r#"{"language": "tlh"}"#).expect("parses");
        assert_eq!(p.language(), None);
        let _thread = i18n::for_this_thread(Lang::En);
        let mut p = Prefs::default();
        p.set_language(Some(Lang::Id));
        assert_eq!(p.language, "id");
        assert_eq!(i18n::current(), Lang::Id, "the switch is at once");
        p.set_language(None);
        assert_eq!(p.language, "");
        assert_eq!(i18n::current(), i18n::system_language());
    }
}

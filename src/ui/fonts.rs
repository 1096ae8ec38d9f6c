//! Fonts for every script. egui's bundled fonts (Ubuntu Light, Hack, Noto
//! Emoji and its emoji icon font) cover Latin, Greek, Cyrillic and emoji, but
//! not Chinese, Japanese, Korean, Arabic, Hebrew, Thai or Devanagari.
//!
//! [`Fonts`] finds system fonts for those with `fontdb` (which reads the
//! system's font folders and fontconfig's configuration) and adds them as
//! the last fallback of both families, only for the [`Script`]s that text on
//! screen needs ([`scripts_in`]): CJK at start (subjects in the list), the
//! rest when a message that uses them opens. Finding and reading fonts happens
//! on a worker thread ([`crate::worker::Worker`]); a face counts for a script
//! only when its character map (read with `skrifa`) has the script's sample
//! characters. When no font on the machine covers a script, the reader says
//! once which Debian package to install ([`Script::package`]). Nothing is
//! downloaded.
//!
//! The state is shared through the egui context ([`shared`]), so the window's
//! start and the reader use the same fonts and the same worker.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use skrifa::MetadataProvider as _;

use crate::worker::{Spawn, StopEvent, Worker};

/// A writing system egui's bundled fonts lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Script {
    /// Chinese and Japanese (Han, Hiragana, Katakana).
    Cjk,
    /// Korean (Hangul).
    Korean,
    /// Arabic.
    Arabic,
    /// Hebrew.
    Hebrew,
    /// Thai.
    Thai,
    /// Devanagari (Hindi, Marathi, Nepali …).
    Devanagari,
}

impl Script {
    /// Every script, in a fixed order.
    pub const ALL: [Script; 6] = [
        Script::Cjk,
        Script::Korean,
        Script::Arabic,
        Script::Hebrew,
        Script::Thai,
        Script::Devanagari,
    ];

    /// The script of `c`, if it is one of these.
    pub fn of(c: char) -> Option<Script> {
        Some(match u32::from(c) {
            0x3040..=0x30ff
            | 0x3400..=0x4dbf
            | 0x4e00..=0x9fff
            | 0xf900..=0xfaff
            | 0x3000..=0x303f
            | 0xff00..=0xffef
            | 0x20000..=0x2fa1f => Script::Cjk,
            0x1100..=0x11ff | 0x3130..=0x318f | 0xac00..=0xd7af => Script::Korean,
            0x0600..=0x06ff
            | 0x0750..=0x077f
            | 0x08a0..=0x08ff
            | 0xfb50..=0xfdff
            | 0xfe70..=0xfeff => Script::Arabic,
            0x0590..=0x05ff | 0xfb1d..=0xfb4f => Script::Hebrew,
            0x0e00..=0x0e7f => Script::Thai,
            0x0900..=0x097f | 0xa8e0..=0xa8ff => Script::Devanagari,
            _ => return None,
        })
    }

    /// Characters a font must have to count for this script.
    fn samples(self) -> &'static [char] {
        match self {
            Script::Cjk => &['中', '文', 'あ', 'ア'],
            Script::Korean => &['한', '글'],
            Script::Arabic => &['ع', 'ر', 'ب'],
            Script::Hebrew => &['ע', 'ב', 'ר'],
            Script::Thai => &['ไ', 'ท', 'ย'],
            Script::Devanagari => &['ह', 'ि', 'न'],
        }
    }

    /// Family names tried first (well-made fonts for the script).
    fn preferred(self) -> &'static [&'static str] {
        match self {
            Script::Cjk | Script::Korean => &[
                "Noto Sans CJK SC",    // not translated: font family names
                "Noto Sans CJK JP",    // not translated: font family names
                "Noto Sans CJK KR",    // not translated: font family names
                "Source Han Sans",     // not translated: font family names
                "WenQuanYi Micro Hei", // not translated: font family names
                "Droid Sans Fallback", // not translated: font family names
            ],
            Script::Arabic => &["Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans"], // not translated: font family names
            Script::Hebrew => &["Noto Sans Hebrew", "DejaVu Sans"], // not translated: font family names
            Script::Thai => &["Noto Sans Thai", "Noto Sans Thai Looped", "Tlwg Typo"], // not translated: font family names
            Script::Devanagari => &["Noto Sans Devanagari", "Lohit Devanagari"], // not translated: font family names
        }
    }

    /// The Debian package that brings a font for this script.
    pub fn package(self) -> &'static str {
        match self {
            Script::Cjk | Script::Korean => "fonts-noto-cjk",
            Script::Arabic | Script::Hebrew | Script::Thai | Script::Devanagari => {
                "fonts-noto-core"
            }
        }
    }

    /// The script's name for people.
    pub fn name(self) -> String {
        match self {
            Script::Cjk => crate::t!("window-script-cjk"),
            Script::Korean => crate::t!("window-script-korean"),
            Script::Arabic => crate::t!("window-script-arabic"),
            Script::Hebrew => crate::t!("window-script-hebrew"),
            Script::Thai => crate::t!("window-script-thai"),
            Script::Devanagari => crate::t!("window-script-devanagari"),
        }
    }
}

/// The scripts `text` uses, each once, in [`Script`] order.
pub fn scripts_in(text: &str) -> BTreeSet<Script> {
    let mut out = BTreeSet::new();
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if let Some(s) = Script::of(c) {
            out.insert(s);
            if out.len() == Script::ALL.len() {
                break;
            }
        }
    }
    out
}

/// Whether a paragraph reads right to left: its first strong letter is
/// Hebrew or Arabic (the rule of the Unicode bidi algorithm, UAX #9, P2–P3,
/// for these scripts). Such paragraphs are right-aligned; their text keeps
/// its order (egui lays out no bidi runs).
pub fn right_to_left(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(Script::of(c), Some(Script::Arabic | Script::Hebrew)))
}

/// Whether the face in `data` (at `index`) has every sample of `script`.
fn covers(data: &[u8], index: u32, script: Script) -> bool {
    skrifa::FontRef::from_index(data, index).is_ok_and(|f| {
        let map = f.charmap();
        script.samples().iter().all(|c| map.map(*c).is_some())
    })
}

/// A font found for a script: its family name, bytes and face index.
#[derive(Clone)]
pub struct Found {
    /// The family name (for people and the font's egui name).
    pub family: String,
    /// The font file.
    pub bytes: Arc<Vec<u8>>,
    /// The face in the file (collections hold several).
    pub index: u32,
}

impl std::fmt::Debug for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Found({}, {} bytes)", self.family, self.bytes.len()) // not translated: Debug output
    }
}

/// A regular face of `db` that covers `script`: a preferred family first,
/// else any face whose character map has the samples.
pub fn find(db: &fontdb::Database, script: Script) -> Option<Found> {
    let regular = |f: &&fontdb::FaceInfo| {
        f.style == fontdb::Style::Normal && (300..=500).contains(&f.weight.0)
    };
    let family = |f: &fontdb::FaceInfo| {
        f.families
            .first()
            .map(|(n, _)| n.clone())
            .unwrap_or_default()
    };
    let read = |f: &fontdb::FaceInfo| {
        db.with_face_data(f.id, |data, index| {
            covers(data, index, script).then(|| Found {
                family: family(f),
                bytes: Arc::new(data.to_vec()),
                index,
            })
        })
        .flatten()
    };
    let preferred = script.preferred().iter().find_map(|want| {
        db.faces()
            .filter(regular)
            .filter(|f| f.families.iter().any(|(n, _)| n == want))
            .find_map(read)
    });
    preferred.or_else(|| db.faces().filter(regular).find_map(read))
}

/// Where fonts come from: the system's by default; tests inject a database.
pub type Source = Arc<dyn Fn() -> fontdb::Database + Send + Sync>;

fn system_source() -> Source {
    Arc::new(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db
    })
}

/// What the font worker answers.
#[derive(Debug)]
enum Answer {
    /// A font for this script.
    Font(Script, Found),
    /// No font on the machine covers this script.
    Missing(Script),
    /// The worker stopped (the window is closing, or it panicked).
    Stopped,
}

impl StopEvent for Answer {
    fn stopped(_reason: String) -> Self {
        Answer::Stopped
    }
}

/// The fonts added so far, the scripts nothing covers, and the worker.
pub struct Fonts {
    source: Source,
    worker: Option<Worker<Vec<Script>, Answer>>,
    requested: BTreeSet<Script>,
    /// Scripts with a font added, and its family.
    pub added: Vec<(Script, String)>,
    /// Scripts no font on the machine covers.
    pub missing: BTreeSet<Script>,
    /// Missing scripts the user has been told about (and dismissed).
    pub told: BTreeSet<Script>,
}

impl Default for Fonts {
    fn default() -> Self {
        Fonts {
            source: system_source(),
            worker: None,
            requested: BTreeSet::new(),
            added: Vec::new(),
            missing: BTreeSet::new(),
            told: BTreeSet::new(),
        }
    }
}

/// The fonts state of this window (one per egui context).
pub fn shared(ctx: &egui::Context) -> Arc<Mutex<Fonts>> {
    ctx.data_mut(|d| Arc::clone(d.get_temp_mut_or_default::<Arc<Mutex<Fonts>>>(egui::Id::NULL)))
}

/// Runs `f` on the window's fonts state.
pub fn with<T>(ctx: &egui::Context, f: impl FnOnce(&mut Fonts) -> T) -> T {
    let shared = shared(ctx);
    // A poisoned lock only means a panic mid-frame; the state stays usable.
    let mut fonts = shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    f(&mut fonts)
}

/// At start: looks for a CJK font off the UI thread (subjects in the list).
pub fn install_fallbacks(ctx: &egui::Context) {
    with(ctx, |f| f.need(ctx, [Script::Cjk].into_iter().collect()));
}

/// Uses fonts from `source` instead of the system's, forgetting what was
/// found so far (tests: a machine with no font for a script).
pub fn set_source(ctx: &egui::Context, source: Source) {
    with(ctx, |f| {
        *f = Fonts {
            source,
            ..Fonts::default()
        };
    });
}

impl Fonts {
    /// Asks for fonts for `scripts` (those not asked for before).
    pub fn need(&mut self, ctx: &egui::Context, scripts: BTreeSet<Script>) {
        let new: Vec<Script> = scripts.difference(&self.requested).copied().collect();
        if new.is_empty() {
            return;
        }
        if self.worker.as_ref().is_none_or(Worker::is_finished) {
            let repaint_ctx = ctx.clone();
            let spawn = Spawn::named("popmail-fonts")
                .repaint(Arc::new(move || repaint_ctx.request_repaint()));
            let source = Arc::clone(&self.source);
            // No thread: the scripts stay unrequested and are asked for again
            // with the next message that needs them.
            self.worker = Worker::spawn(spawn, move |inbox, outbox| {
                let mut db = None;
                while let Some(scripts) = inbox.recv() {
                    let db = db.get_or_insert_with(|| source());
                    for s in scripts {
                        let answer = match find(db, s) {
                            Some(found) => Answer::Font(s, found),
                            None => Answer::Missing(s),
                        };
                        if outbox.send(answer).is_err() {
                            return "the window closed".to_string(); // not translated: a worker's stop reason, after the window is gone
                        }
                    }
                    outbox.done(1);
                }
                "the window closed".to_string() // not translated: a worker's stop reason, after the window is gone
            })
            .ok(); // no thread: asked again later, see above
        }
        if let Some(w) = &self.worker
            && w.send(new.clone()).is_ok()
        {
            self.requested.extend(new);
        }
    }

    /// Takes the worker's answers: adds each font found as the last fallback
    /// of both families (a face already added for another script is reused).
    pub fn poll(&mut self, ctx: &egui::Context) {
        let Some(worker) = &self.worker else { return };
        let mut stopped = false;
        while let Some(answer) = worker.try_recv() {
            match answer {
                Answer::Font(script, found) => {
                    let name = format!("system-{}-{}", found.family, found.index);
                    if !self.added.iter().any(|(_, f)| *f == found.family) {
                        let mut data = egui::FontData::from_owned(found.bytes.to_vec());
                        data.index = found.index;
                        ctx.add_font(egui::epaint::text::FontInsert::new(
                            &name,
                            data,
                            [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
                                .into_iter()
                                .map(|family| egui::epaint::text::InsertFontFamily {
                                    family,
                                    priority: egui::epaint::text::FontPriority::Lowest,
                                })
                                .collect(),
                        ));
                    }
                    self.added.push((script, found.family));
                }
                Answer::Missing(script) => {
                    self.missing.insert(script);
                }
                Answer::Stopped => stopped = true,
            }
        }
        if stopped {
            // The next request starts a new worker; scripts left unanswered
            // are asked for again.
            self.worker = None;
            let (added, missing) = (&self.added, &self.missing);
            self.requested
                .retain(|s| missing.contains(s) || added.iter().any(|(a, _)| a == s));
        }
    }

    /// The scripts of `needed` that no font covers and the user has not
    /// dismissed yet, with the package to install.
    pub fn to_tell(&self, needed: &BTreeSet<Script>) -> Vec<Script> {
        needed
            .iter()
            .filter(|s| self.missing.contains(s) && !self.told.contains(s))
            .copied()
            .collect()
    }
}

/// The sentence that says which package to install for `scripts`.
pub fn install_hint(scripts: &[Script]) -> String {
    let names: Vec<String> = scripts.iter().map(|s| s.name()).collect();
    let mut packages: Vec<&str> = scripts.iter().map(|s| s.package()).collect();
    packages.sort_unstable();
    packages.dedup();
    let and = format!(" {} ", crate::t!("window-fonts-and"));
    crate::t!(
        "window-fonts-missing",
        scripts = names.join(", "),
        packages = packages.join(&and),
        command = format!("sudo apt install {}", packages.join(" ")) // not translated: a command
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_recognised() {
        let s = scripts_in("Hello 東京 こんにちは 안녕 مرحبا שלום สวัสดี नमस्ते 😀");
        assert_eq!(s.into_iter().collect::<Vec<_>>(), Script::ALL.to_vec());
        assert!(scripts_in("Grüße, Ελλάδα, Россия 😀").is_empty());
    }

    #[test]
    fn right_to_left_by_the_first_strong_letter() {
        assert!(right_to_left("  123 שלום world"));
        assert!(right_to_left("«مرحبا» hello"));
        assert!(!right_to_left("hello שלום"));
        assert!(!right_to_left("12 34"));
    }

    #[test]
    fn a_font_with_the_script_is_found() {
        // DejaVu Sans covers Hebrew and Arabic; it does not cover Thai.
        let path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        let bytes = std::fs::read(path).unwrap_or_else(|e| {
            panic!("{path}: {e}: install the Debian package fonts-dejavu-core")
        });
        let mut db = fontdb::Database::new();
        db.load_font_data(bytes);
        assert_eq!(
            find(&db, Script::Hebrew).map(|f| f.family),
            Some("DejaVu Sans".into())
        );
        assert!(find(&db, Script::Arabic).is_some());
        assert!(find(&db, Script::Thai).is_none());
    }

    #[test]
    fn an_empty_machine_names_the_packages() {
        let db = fontdb::Database::new();
        for s in Script::ALL {
            assert!(find(&db, s).is_none(), "{s:?}");
        }
        let hint = install_hint(&[Script::Cjk, Script::Thai, Script::Arabic]);
        assert!(
            hint.contains("fonts-noto-cjk and fonts-noto-core"),
            "{hint}"
        );
        assert!(hint.contains("Chinese/Japanese, Thai, Arabic"), "{hint}");
    }
}

//! Fonts: egui's bundled fonts (Ubuntu Light, Hack, Noto Emoji) cover Latin,
//! Greek and Cyrillic, but not Chinese, Japanese or Korean. When the system
//! has a common CJK font, it is added as the last fallback of both families,
//! so such mail reads as text instead of boxes. Nothing is downloaded.

/// Well-known locations of a CJK font (the first one found is used).
const CJK_FONTS: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\YuGothM.ttc",
    "C:\\Windows\\Fonts\\malgun.ttf",
];

/// Adds a system CJK font as a fallback, if one is installed.
pub fn install_fallbacks(ctx: &egui::Context) {
    // A font that is not installed is the normal case: try the next one.
    let Some(bytes) = CJK_FONTS.iter().find_map(|p| std::fs::read(p).ok()) else {
        return;
    };
    let mut defs = egui::FontDefinitions::default();
    defs.font_data.insert(
        "system-cjk".into(),
        std::sync::Arc::new(egui::FontData::from_owned(bytes)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        defs.families
            .entry(family)
            .or_default()
            .push("system-cjk".into());
    }
    ctx.set_fonts(defs);
}

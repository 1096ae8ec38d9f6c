//! Every message of the SpamAssassin public corpus through the reader's
//! model: the rich document, its plain rendering and image decoding, with no
//! panic and no "could not render" fallback (every HTML part gets a model),
//! and a sample of the HTML messages through the window's layout code.

use popmail::mail::{self, rich};

#[test]
fn reader_spamassassin_corpus_renders_without_panic() {
    let messages = crate::support::spamassassin::messages();
    let mut html = 0;
    let mut with_text = 0;
    for (i, (group, raw)) in messages.iter().enumerate() {
        let view = std::panic::catch_unwind(|| mail::view(raw))
            .unwrap_or_else(|_| panic!("message {i} of {group} panicked in mail::view"));
        let Some(doc) = &view.rich else { continue };
        html += 1;
        let plain = std::panic::catch_unwind(|| {
            // Decoding images is part of what the window does.
            let _decoded = rich::images::decode_document(raw, &view.attachments, doc);
            rich::to_plain(doc, 80)
        })
        .unwrap_or_else(|_| panic!("message {i} of {group} panicked rendering"));
        if !plain.trim().is_empty() {
            with_text += 1;
        }
        assert!(
            !plain.contains("<p>") && !plain.contains("<br>") && !plain.contains("&nbsp;"),
            "message {i} of {group} shows markup: {plain}"
        );
    }
    // The corpus has about 1,500 HTML messages; nearly all carry visible text.
    assert!(html > 1000, "only {html} HTML messages found");
    assert!(
        with_text * 100 >= html * 95,
        "{with_text} of {html} rendered text"
    );
}

/// Every eighth HTML message of the corpus (about 190) also goes through the
/// window's layout (`popmail::ui::rich_document_ui`, the code the reader pane
/// runs) in a headless egui context at 800 px, with no panic. (All of them
/// take about 7 minutes in a debug build; the model test above covers all.)
#[test]
fn reader_spamassassin_corpus_sample_lays_out_in_the_window_without_panic() {
    let messages = crate::support::spamassassin::messages();
    let ctx = egui::Context::default();
    let mut laid_out = 0;
    let mut html = 0;
    for (i, (group, raw)) in messages.iter().enumerate() {
        let view = mail::view(raw);
        let Some(doc) = &view.rich else { continue };
        html += 1;
        if html % 8 != 0 {
            continue;
        }
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(800.0, 600.0),
            )),
            ..Default::default()
        };
        let mut out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            ctx.run_ui(input, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| popmail::ui::rich_document_ui(ui, doc));
            })
        }))
        .unwrap_or_else(|_| panic!("message {i} of {group} panicked in the layout"));
        // The textures a real window would upload are not needed here.
        out.textures_delta.clear();
        assert!(
            !out.shapes.is_empty(),
            "message {i} of {group} drew nothing"
        );
        laid_out += 1;
    }
    assert!(laid_out > 125, "only {laid_out} HTML messages laid out");
}

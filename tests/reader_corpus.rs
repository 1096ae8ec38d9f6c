//! Every message of the SpamAssassin public corpus through the reader's
//! model: the rich document, its plain rendering and image decoding, with no
//! panic and no "could not render" fallback (every HTML part gets a model).

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

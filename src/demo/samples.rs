//! The sample messages served by the demo server, embedded at build time.
//!
//! Each file in `assets/demo/` is an RFC 5322 message with CRLF line ends, written
//! for the demo (fictional people, `example.*` domains). Together they show what
//! the reader handles: plain text, HTML-only mail with remote images (never
//! loaded), `multipart/alternative`, attachments and an inline image, RFC 2047
//! encoded words, RFC 2231 file names, several charsets (ISO-8859-1, windows-1252,
//! KOI8-R, ISO-2022-JP, GB2312, UTF-8) and a four-message thread.
//!
//! Adding a file to `assets/demo/` means adding a line here; a test checks that
//! the two lists agree.

/// One embedded sample: its file name under `assets/demo/` and its bytes.
macro_rules! sample {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("../../assets/demo/", $name)) as &[u8],
        )
    };
}

static SAMPLES: &[(&str, &[u8])] = &[
    sample!("01-welcome.eml"),
    sample!("02-photo-walk.eml"),
    sample!("03-newsletter.eml"),
    sample!("04-bicycle-ready.eml"),
    sample!("05-minutes-attachments.eml"),
    sample!("06-winterfest-de.eml"),
    sample!("07-reservation-fr.eml"),
    sample!("08-concert-ru.eml"),
    sample!("09-meeting-ja.eml"),
    sample!("10-dinner-zh.eml"),
    sample!("11-naxos-el.eml"),
    sample!("12-hike-1.eml"),
    sample!("13-hike-2.eml"),
    sample!("14-hike-3.eml"),
    sample!("15-hike-4.eml"),
    sample!("16-order-shipped.eml"),
    sample!("17-dentist-reminder.eml"),
    sample!("18-apple-cake.eml"),
];

/// The demo's sample messages, in serving order: `(file name, raw bytes)`.
pub fn sample_messages() -> &'static [(&'static str, &'static [u8])] {
    SAMPLES
}

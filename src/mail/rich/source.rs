//! Where an `img` gets its bytes: `cid:` URLs (RFC 2392) name a part of the
//! message, `data:` URIs (RFC 2397) carry them inline, anything else is
//! remote and never fetched.

use std::sync::Arc;

use base64::Engine as _;

use super::{ImageSource, MAX_DATA_URI_BYTES};

/// Classifies an `img` `src`.
pub(super) fn image_source(src: &str) -> ImageSource {
    let lower = src.get(..5).unwrap_or(src).to_ascii_lowercase();
    if lower.starts_with("cid:") {
        let id = src.get(4..).unwrap_or_default();
        return ImageSource::Cid(percent_decode(id.trim_matches(['<', '>'])));
    }
    if lower == "data:" {
        return data_uri(src.get(5..).unwrap_or_default());
    }
    if src.is_empty() {
        return ImageSource::Unusable("no source".into());
    }
    ImageSource::Remote(src.to_string())
}

/// `data:[<mediatype>][;base64],<data>` (RFC 2397).
fn data_uri(rest: &str) -> ImageSource {
    let Some((meta, payload)) = rest.split_once(',') else {
        return ImageSource::Unusable("malformed data: URI".into());
    };
    let base64 = meta
        .rsplit(';')
        .next()
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("base64"));
    let mime = meta
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if payload.len() / 4 * 3 > MAX_DATA_URI_BYTES {
        return ImageSource::Unusable("image too large to show".into());
    }
    let bytes = if base64 {
        let clean: String = payload.chars().filter(|c| !c.is_whitespace()).collect();
        let clean = percent_decode(&clean);
        let engine = base64::engine::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new()
                .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
                .with_decode_allow_trailing_bits(true),
        );
        match engine.decode(&clean) {
            Ok(b) => b,
            Err(_) => return ImageSource::Unusable("the data: URI is not valid base64".into()),
        }
    } else {
        percent_decode(payload).into_bytes()
    };
    ImageSource::Data {
        mime,
        bytes: Arc::from(bytes),
    }
}

/// `%XX` escapes → characters (invalid escapes are kept as written).
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b, hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

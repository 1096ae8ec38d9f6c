//! Walking a MIME tree (RFC 2046): choose the text to show or index, and list
//! the attachments with their part paths.
//!
//! In `multipart/alternative` the plain part is preferred; HTML is turned into
//! text only when no plain part exists. A part path is the list of child
//! indices from the root, joined by `.` (`""` is the root itself).

use mailparse::{DispositionType, ParsedMail};

use super::{Error, html};

/// Most bytes of one HTML part turned into text (HTML beyond is cut).
const MAX_HTML_INPUT: usize = 2 * 1024 * 1024;

/// An attachment or inline part of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The file name the sender gave (decoded, RFC 2231), or a made-up one.
    pub name: String,
    /// The MIME type, lower-case.
    pub mime: String,
    /// Size in bytes after transfer decoding (0 when only indexing).
    pub size: u64,
    /// Where the part sits in the MIME tree, for [`attachment_bytes`].
    pub part_path: String,
    /// An inline part (e.g. an image referenced by the HTML), not a real attachment.
    pub inline: bool,
    /// The part's Content-ID without angle brackets (RFC 2392), if any.
    pub content_id: Option<String>,
}

/// The decoded bytes of the part whose Content-ID is `cid` (RFC 2392), for
/// an HTML `cid:` image. `None` when no part has that id.
pub fn cid_bytes(raw: &[u8], attachments: &[Attachment], cid: &str) -> Option<Vec<u8>> {
    let part = attachments.iter().find(|a| {
        a.content_id
            .as_deref()
            .is_some_and(|id| id.eq_ignore_ascii_case(cid))
    })?;
    attachment_bytes(raw, &part.part_path).ok()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Purpose {
    /// Text for the full-text index: fast, sizes not decoded.
    Index,
    /// Text for the reader: HTML rendered with links kept.
    View,
}

#[derive(Debug, Default)]
pub(super) struct Walk {
    pub text: String,
    pub from_html: bool,
    pub attachments: Vec<Attachment>,
    /// The first HTML part as the rich model (view only), even when the
    /// plain alternative was chosen for `text`.
    pub rich: Option<super::rich::Document>,
    /// `format=flowed` and `DelSp=yes` of the first plain part shown.
    pub flowed: Option<(bool, bool)>,
}

pub(super) fn walk(mail: &ParsedMail<'_>, purpose: Purpose) -> Walk {
    let mut walk = Walk::default();
    visit(mail, String::new(), purpose, &mut walk);
    walk
}

fn visit(part: &ParsedMail<'_>, path: String, purpose: Purpose, out: &mut Walk) {
    visit_mode(part, path, purpose, out, false);
}

/// With `attachments_only`, text parts are skipped (an alternative that was
/// not chosen) but attachments and inline images are still listed.
fn visit_mode(
    part: &ParsedMail<'_>,
    path: String,
    purpose: Purpose,
    out: &mut Walk,
    attachments_only: bool,
) {
    let mime = part.ctype.mimetype.to_ascii_lowercase();
    if mime.starts_with("multipart/") && !part.subparts.is_empty() {
        let chosen = if mime == "multipart/alternative" && !attachments_only {
            choose_alternative(&part.subparts).map(|(i, _)| i)
        } else {
            None
        };
        for (i, sub) in part.subparts.iter().enumerate() {
            let only = attachments_only || (mime == "multipart/alternative" && Some(i) != chosen);
            visit_mode(sub, child_path(&path, i), purpose, out, only);
        }
        return;
    }
    let disposition = part.get_content_disposition();
    let has_name = file_name(part).is_some();
    let is_text = mime == "text/plain" || mime == "text/html" || mime.is_empty();
    if is_text && disposition.disposition != DispositionType::Attachment && !has_name {
        if !attachments_only {
            append_text(part, &mime, purpose, out);
        } else if mime == "text/html" && purpose == Purpose::View && out.rich.is_none() {
            // The HTML alternative not chosen as text: kept for "Show HTML".
            let body = part
                .get_body()
                .unwrap_or_else(|_| String::from_utf8_lossy(part.raw_bytes).into_owned());
            out.rich = Some(super::rich::Document::from_html(&body));
        }
    } else {
        add_attachment(part, path, &mime, purpose, out);
    }
}

fn choose_alternative<'a, 'b>(subs: &'a [ParsedMail<'b>]) -> Option<(usize, &'a ParsedMail<'b>)> {
    let find = |want: &str| {
        subs.iter()
            .enumerate()
            .find(|(_, p)| p.ctype.mimetype.eq_ignore_ascii_case(want))
    };
    find("text/plain")
        .or_else(|| find("text/html"))
        .or_else(|| {
            subs.iter().enumerate().find(|(_, p)| {
                p.ctype
                    .mimetype
                    .to_ascii_lowercase()
                    .starts_with("multipart/")
            })
        })
        .or_else(|| subs.iter().enumerate().next_back())
}

fn append_text(part: &ParsedMail<'_>, mime: &str, purpose: Purpose, out: &mut Walk) {
    let body = part
        .get_body()
        .unwrap_or_else(|_| String::from_utf8_lossy(part.raw_bytes).into_owned());
    let text = if mime == "text/html" {
        let mut cut = body.len().min(MAX_HTML_INPUT);
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        let html_in = body.get(..cut).unwrap_or_default();
        if out.text.is_empty() {
            out.from_html = true;
        }
        match purpose {
            Purpose::Index => html::html_to_index_text(html_in),
            Purpose::View => {
                let doc = super::rich::Document::from_html(html_in);
                let text = super::rich::to_plain(&doc, html::WRAP_WIDTH);
                if out.rich.is_none() {
                    out.rich = Some(doc);
                }
                text
            }
        }
    } else {
        if out.flowed.is_none() && purpose == Purpose::View {
            let param = |k: &str| {
                part.ctype.params.get(k).is_some_and(|v| {
                    v.trim()
                        .eq_ignore_ascii_case(if k == "format" { "flowed" } else { "yes" })
                })
            };
            out.flowed = Some((param("format"), param("delsp")));
        }
        body
    };
    let text = text.trim_end();
    if text.is_empty() {
        return;
    }
    if !out.text.is_empty() {
        out.text.push_str("\n\n");
    }
    out.text.push_str(text);
}

fn add_attachment(
    part: &ParsedMail<'_>,
    path: String,
    mime: &str,
    purpose: Purpose,
    out: &mut Walk,
) {
    let disposition = part.get_content_disposition();
    let content_id = part
        .headers
        .iter()
        .find(|h| h.get_key_ref().eq_ignore_ascii_case("Content-ID"))
        .map(|h| {
            h.get_value()
                .trim()
                .trim_matches(['<', '>'])
                .trim()
                .to_string()
        })
        .filter(|id| !id.is_empty());
    let has_cid = content_id.is_some();
    let inline = disposition.disposition != DispositionType::Attachment
        && has_cid
        && mime.starts_with("image/");
    let name = file_name(part).unwrap_or_else(|| default_name(mime, out.attachments.len() + 1));
    let size = match purpose {
        Purpose::Index => 0,
        Purpose::View => part.get_body_raw().map_or(0, |b| b.len() as u64),
    };
    out.attachments.push(Attachment {
        name,
        mime: if mime.is_empty() {
            "application/octet-stream".into()
        } else {
            mime.to_string()
        },
        size,
        part_path: path,
        inline,
        content_id,
    });
}

fn file_name(part: &ParsedMail<'_>) -> Option<String> {
    let disposition = part.get_content_disposition();
    disposition
        .params
        .get("filename")
        .or_else(|| part.ctype.params.get("name"))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
}

fn default_name(mime: &str, n: usize) -> String {
    let ext = match mime {
        "message/rfc822" => "eml",
        "text/plain" => "txt",
        "text/html" => "html",
        "application/pdf" => "pdf",
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/gif" => "gif",
        _ => "bin",
    };
    format!("part-{n}.{ext}")
}

fn child_path(parent: &str, i: usize) -> String {
    if parent.is_empty() {
        (i + 1).to_string()
    } else {
        format!("{parent}.{}", i + 1)
    }
}

/// The decoded bytes of the part at `part_path` (see [`Attachment::part_path`]).
pub fn attachment_bytes(raw: &[u8], part_path: &str) -> Result<Vec<u8>, Error> {
    let mail = super::parse_mail_bounded(raw)
        .ok_or_else(|| Error::Parse("the MIME structure is malformed".into()))?;
    let mut part = &mail;
    if !part_path.is_empty() {
        for step in part_path.split('.') {
            let index = step
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .ok_or_else(|| Error::NoSuchPart(part_path.to_string()))?;
            part = part
                .subparts
                .get(index)
                .ok_or_else(|| Error::NoSuchPart(part_path.to_string()))?;
        }
    }
    part.get_body_raw().map_err(|e| Error::Parse(e.to_string()))
}

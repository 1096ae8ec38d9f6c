//! Raw message bytes → the columns of the message list ([`Envelope`]) and the
//! reader's view ([`MessageView`]).
//!
//! Messages are Internet Message Format (RFC 5322) with MIME (RFC 2045–2049):
//! encoded words in headers (RFC 2047), parameter continuations and charsets
//! (RFC 2231), multipart bodies (nested to any depth). Parsing is done by
//! `mailparse`; this module is its only user.
//!
//! Everything here is a pure function of the bytes. Nothing fetches remote
//! content. No input panics: a message that `mailparse` rejects still gets an
//! envelope (subject "(unparseable message)") so it can be listed and shown raw.

mod body;
pub mod flowed;
mod html;
pub mod rich;

pub use body::{Attachment, attachment_bytes, cid_bytes};
pub use html::{html_to_index_text, html_to_text};

use mailparse::{MailHeader, MailHeaderMap, ParsedMail};
use sha2::{Digest, Sha256};

/// Subject shown for a message that could not be parsed at all.
pub const UNPARSEABLE_SUBJECT: &str = "(unparseable message)";
/// Most characters of body text kept for the full-text index of one message.
pub const MAX_INDEX_TEXT: usize = 256 * 1024;
/// Most characters of body text shown by the reader.
pub const MAX_VIEW_TEXT: usize = 4 * 1024 * 1024;
const SNIPPET_CHARS: usize = 160;

/// Errors reading a part of a message.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The message's MIME structure could not be parsed.
    #[error("{}", crate::t!("error-mail-parse", error = _0))]
    Parse(String),
    /// The requested part does not exist.
    #[error("{}", crate::t!("error-mail-no-part", part = _0))]
    NoSuchPart(String),
}

/// The list columns of a message, parsed from its headers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Envelope {
    /// Message-ID without angle brackets.
    pub message_id: Option<String>,
    /// First In-Reply-To id.
    pub in_reply_to: Option<String>,
    /// References ids, oldest first.
    pub references: Vec<String>,
    /// Decoded subject ("" when missing).
    pub subject: String,
    /// Display name of the first From address ("" when none).
    pub from_name: String,
    /// Address of the first From address ("" when none).
    pub from_addr: String,
    /// Decoded To header as shown.
    pub to: String,
    /// Decoded Cc header as shown.
    pub cc: String,
    /// Date header as UTC epoch seconds, if it parsed.
    pub date: Option<i64>,
    /// The Date header exactly as written.
    pub date_header: Option<String>,
    /// Whether any part is an attachment.
    pub has_attachments: bool,
    /// The start of the text body, whitespace folded.
    pub snippet: String,
    /// Why parsing failed, when it did.
    pub parse_error: Option<String>,
}

impl Envelope {
    /// The conversation this message belongs to: the first id of References,
    /// else In-Reply-To, else its own Message-ID, else its normalised subject.
    pub fn thread_key(&self) -> String {
        self.references
            .first()
            .or(self.in_reply_to.as_ref())
            .or(self.message_id.as_ref())
            .map(|id| format!("<{id}>"))
            .unwrap_or_else(|| format!("s:{}", sort_subject(&self.subject)))
    }

    /// Sender as shown in the list: the name, else the address.
    pub fn sender_display(&self) -> &str {
        if self.from_name.is_empty() {
            &self.from_addr
        } else {
            &self.from_name
        }
    }
}

/// Everything the store derives from a message's bytes in one pass.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// SHA-256 of the raw bytes.
    pub sha256: [u8; 32],
    /// The list columns.
    pub envelope: Envelope,
    /// Decoded body text for the full-text index (at most [`MAX_INDEX_TEXT`]).
    pub index_text: String,
}

/// Parses raw bytes into what the store needs. Never fails.
pub fn parse(raw: &[u8]) -> Parsed {
    let sha256: [u8; 32] = Sha256::digest(raw).into();
    let Some(mail) = parse_mail_bounded(raw) else {
        return Parsed {
            sha256,
            envelope: unparseable_envelope(raw, "the MIME structure is malformed"),
            index_text: String::new(),
        };
    };
    let mut envelope = envelope_from_headers(&mail.headers);
    let walk = body::walk(&mail, body::Purpose::Index);
    envelope.has_attachments = !walk.attachments.iter().all(|a| a.inline);
    envelope.snippet = snippet(&walk.text);
    let mut index_text = walk.text;
    truncate_chars(&mut index_text, MAX_INDEX_TEXT);
    Parsed {
        sha256,
        envelope,
        index_text,
    }
}

/// Parses only the envelope. Never fails.
pub fn envelope(raw: &[u8]) -> Envelope {
    parse(raw).envelope
}

/// The message's header fields, decoded (RFC 2047), in order: what rules
/// and the junk filter read. Cheap: the body is not parsed. A message whose
/// header section does not parse yields no fields.
pub fn headers(raw: &[u8]) -> Vec<(String, String)> {
    match mailparse::parse_headers(raw) {
        Ok((headers, _)) => headers
            .iter()
            .map(|h| (h.get_key(), clean_line(&h.get_value())))
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// What the reader shows of a message.
#[derive(Debug, Clone, Default)]
pub struct MessageView {
    /// The list columns.
    pub envelope: Envelope,
    /// Every header, decoded, in order.
    pub headers: Vec<(String, String)>,
    /// The body as text: the plain part, or text made from HTML.
    pub body: String,
    /// Whether the body was made from HTML (the reader shows a banner).
    pub from_html: bool,
    /// Whether the body was cut at [`MAX_VIEW_TEXT`].
    pub truncated: bool,
    /// Attachments and inline parts.
    pub attachments: Vec<Attachment>,
    /// The first HTML part as the rich model, when the message has one
    /// (also when the plain alternative is what `body` shows).
    pub rich: Option<rich::Document>,
    /// `body` is `format=flowed` (RFC 3676).
    pub flowed: bool,
    /// `body` is flowed with `DelSp=yes`.
    pub delsp: bool,
}

impl MessageView {
    /// The plain body as paragraphs with quote levels and the signature
    /// marked ([`flowed::paragraphs`]); empty for a body made from HTML.
    pub fn plain_paragraphs(&self) -> Vec<flowed::PlainParagraph> {
        if self.from_html {
            return Vec::new();
        }
        flowed::paragraphs(&self.body, self.flowed, self.delsp)
    }
}

/// Parses raw bytes into the reader's view. Never fails: an unparseable
/// message yields a view whose body explains that and shows the raw text.
pub fn view(raw: &[u8]) -> MessageView {
    let Some(mail) = parse_mail_bounded(raw) else {
        let mut body = String::from_utf8_lossy(raw).into_owned();
        let truncated = truncate_chars(&mut body, MAX_VIEW_TEXT);
        return MessageView {
            envelope: unparseable_envelope(raw, "the MIME structure is malformed"),
            headers: Vec::new(),
            body,
            from_html: false,
            truncated,
            attachments: Vec::new(),
            rich: None,
            flowed: false,
            delsp: false,
        };
    };
    let mut envelope = envelope_from_headers(&mail.headers);
    let headers = mail
        .headers
        .iter()
        .map(|h| (h.get_key(), h.get_value()))
        .collect();
    let walk = body::walk(&mail, body::Purpose::View);
    envelope.has_attachments = !walk.attachments.iter().all(|a| a.inline);
    envelope.snippet = snippet(&walk.text);
    let mut text = walk.text;
    let truncated = truncate_chars(&mut text, MAX_VIEW_TEXT);
    MessageView {
        envelope,
        headers,
        body: text,
        from_html: walk.from_html,
        truncated,
        attachments: walk.attachments,
        rich: walk.rich,
        flowed: walk.flowed.is_some_and(|f| f.0),
        delsp: walk.flowed.is_some_and(|f| f.0 && f.1),
    }
}

/// Lower-cased subject without reply/forward prefixes, for sorting and threads.
pub fn sort_subject(subject: &str) -> String {
    let mut s = subject.trim();
    loop {
        let lower = s.to_lowercase();
        let stripped = [
            "re:", "fwd:", "fw:", "aw:", "wg:", "sv:", "vs:", "tr:", "réf:",
        ]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| p.chars().count()));
        match stripped {
            Some(n) => {
                s = s
                    .char_indices()
                    .nth(n)
                    .map_or("", |(i, _)| &s[i..])
                    .trim_start()
            }
            None => return lower.trim().to_string(),
        }
    }
}

/// mailparse recurses once per nesting level; refuse absurd depths before it
/// can exhaust the stack. Counting boundary declarations is a cheap upper bound.
const MAX_MIME_DEPTH: usize = 200;

fn parse_mail_bounded(raw: &[u8]) -> Option<ParsedMail<'_>> {
    if nesting_too_deep(raw, MAX_MIME_DEPTH) {
        return None;
    }
    // Unparseable: the caller lists it as "(unparseable message)", raw bytes kept.
    mailparse::parse_mail(raw).ok()
}

/// Each nested multipart must declare its own boundary, so the number of
/// distinct `boundary=` values bounds the nesting depth from above. The scan
/// jumps from `=` to `=` with memchr (parameter names are case-insensitive).
fn nesting_too_deep(raw: &[u8], limit: usize) -> bool {
    const KEY: &[u8] = b"boundary";
    let mut seen = std::collections::HashSet::new();
    for eq in memchr::memchr_iter(b'=', raw) {
        let Some(name) = eq
            .checked_sub(KEY.len())
            .and_then(|start| raw.get(start..eq))
        else {
            continue;
        };
        if !name.eq_ignore_ascii_case(KEY) {
            continue;
        }
        let rest = raw.get(eq + 1..).unwrap_or_default();
        let end = rest
            .iter()
            .position(|&b| b == b';' || b == b'\r' || b == b'\n')
            .unwrap_or(rest.len());
        seen.insert(rest.get(..end).unwrap_or_default());
        if seen.len() > limit {
            return true;
        }
    }
    false
}

fn envelope_from_headers(headers: &[MailHeader<'_>]) -> Envelope {
    let subject = headers
        .get_first_value("Subject")
        .map(|s| clean_line(&s))
        .unwrap_or_default();
    let (from_name, from_addr) = headers
        .get_first_header("From")
        .and_then(|h| mailparse::addrparse_header(h).ok())
        .and_then(|list| first_single(&list))
        .unwrap_or_else(|| {
            let raw = headers.get_first_value("From").unwrap_or_default();
            (String::new(), clean_line(&raw))
        });
    let date_header = headers.get_first_value("Date").map(|d| clean_line(&d));
    let date = date_header
        .as_deref()
        .and_then(|d| mailparse::dateparse(d).ok());
    let ids = |name: &str| -> Vec<String> {
        headers
            .get_first_value(name)
            .and_then(|v| mailparse::msgidparse(&v).ok())
            .map(|l| l.iter().map(|id| id.trim().to_string()).collect())
            .unwrap_or_default()
    };
    let message_id = ids("Message-ID").into_iter().next();
    let in_reply_to = ids("In-Reply-To").into_iter().next();
    let references = ids("References");
    Envelope {
        message_id,
        in_reply_to,
        references,
        subject,
        from_name,
        from_addr,
        to: headers
            .get_first_value("To")
            .map(|s| clean_line(&s))
            .unwrap_or_default(),
        cc: headers
            .get_first_value("Cc")
            .map(|s| clean_line(&s))
            .unwrap_or_default(),
        date,
        date_header,
        has_attachments: false,
        snippet: String::new(),
        parse_error: None,
    }
}

fn first_single(list: &mailparse::MailAddrList) -> Option<(String, String)> {
    list.iter().find_map(|a| match a {
        mailparse::MailAddr::Single(s) => Some((
            clean_line(s.display_name.as_deref().unwrap_or("")),
            clean_line(&s.addr),
        )),
        mailparse::MailAddr::Group(g) => g.addrs.first().map(|s| {
            (
                clean_line(s.display_name.as_deref().unwrap_or("")),
                clean_line(&s.addr),
            )
        }),
    })
}

fn unparseable_envelope(raw: &[u8], why: &str) -> Envelope {
    Envelope {
        subject: UNPARSEABLE_SUBJECT.to_string(),
        snippet: snippet(&String::from_utf8_lossy(&raw[..raw.len().min(1024)])),
        parse_error: Some(why.to_string()),
        ..Envelope::default()
    }
}

/// Turns control characters (left over from folding) into spaces and trims
/// the ends; runs of spaces are kept, as RFC 5322 unfolding keeps them.
fn clean_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

fn snippet(text: &str) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        if word.starts_with('>') {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if count >= SNIPPET_CHARS {
                return out;
            }
            out.push(c);
            count += 1;
        }
    }
    out
}

/// Cuts `s` to at most `max` bytes on a char boundary; returns whether it cut.
fn truncate_chars(s: &mut String, max: usize) -> bool {
    if s.len() <= max {
        return false;
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    true
}

#[cfg(test)]
mod tests;

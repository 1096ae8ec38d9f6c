//! A deterministic generator of realistic mail for benchmarks: 2–50 KB,
//! plain, HTML, multipart/alternative and multipart/mixed with base64
//! attachments, several charsets, a Zipf-like vocabulary so that searches hit
//! realistic numbers of messages.
#![allow(dead_code)]

use std::fmt::Write as _;

/// A small, fast, deterministic PRNG (xorshift64*).
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "ra", "to", "vi", "su", "pe", "da", "en", "or", "al", "ti", "mo", "re",
    "sa", "ba", "ce", "fu", "gi", "ho", "ju", "ke", "li", "ma", "nu", "po", "qui", "ro", "se",
    "ta", "un", "ve", "wa", "xe",
];

/// The benchmark vocabulary: `n` distinct made-up words.
pub fn vocabulary(n: usize) -> Vec<String> {
    let mut rng = Rng::new(7);
    let mut words = std::collections::BTreeSet::new();
    while words.len() < n {
        let len = 2 + rng.below(3);
        let w: String = (0..len)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect();
        words.insert(w);
    }
    let mut v: Vec<String> = words.into_iter().collect();
    // Shuffle so that rank (frequency) is unrelated to alphabetical order.
    for i in (1..v.len()).rev() {
        let j = rng.below(i + 1);
        v.swap(i, j);
    }
    v
}

/// Picks a word with a Zipf-like distribution (low ranks are common).
pub fn zipf_word<'a>(rng: &mut Rng, vocab: &'a [String]) -> &'a str {
    let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
    let rank = ((vocab.len() as f64).powf(u) - 1.0) as usize;
    &vocab[rank.min(vocab.len() - 1)]
}

const FIRST: &[&str] = &[
    "Anna",
    "Bruno",
    "Chloé",
    "Dmitri",
    "Elif",
    "Farid",
    "Greta",
    "Hiro",
    "Ines",
    "Jonas",
    "Kateřina",
    "Liu",
];
const LAST: &[&str] = &[
    "Müller", "Smith", "Dubois", "Ivanova", "Yılmaz", "Tanaka", "Rossi", "Novak", "García", "Chen",
];
const NON_ASCII: &[&str] = &[
    "Grüße",
    "naïve",
    "Straße",
    "привет",
    "письмо",
    "日本語",
    "メール",
    "中文",
    "邮件",
    "café",
];

fn paragraph(rng: &mut Rng, vocab: &[String], words: usize) -> String {
    let mut s = String::with_capacity(words * 8);
    for i in 0..words {
        if i > 0 {
            s.push(if i % 12 == 0 { '\n' } else { ' ' });
        }
        if rng.below(40) == 0 {
            s.push_str(NON_ASCII[rng.below(NON_ASCII.len())]);
        } else {
            s.push_str(zipf_word(rng, vocab));
        }
    }
    s
}

fn base64_blob(rng: &mut Rng, bytes: usize) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let chars = bytes.div_ceil(3) * 4;
    let mut s = String::with_capacity(chars + chars / 76 * 2);
    for i in 0..chars {
        s.push(A[(rng.next() & 63) as usize] as char);
        if i % 76 == 75 {
            s.push_str("\r\n");
        }
    }
    s.push_str("\r\n");
    s
}

/// Text laid out the way newsletters and rich mail are: tables, inline
/// styles, a tracking image (never fetched), links.
fn styled_html(text: &str, i: u64) -> String {
    let mut h = String::with_capacity(text.len() * 4);
    h.push_str("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0;padding:0} .btn{background:#0b5fff;color:#fff}</style></head>\r\n<body><table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f4f4f4\">\r\n");
    for line in text.split('\n') {
        let _ = write!(
            h,
            "<tr><td style=\"font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#333333;padding:6px 24px\"><p style=\"margin:0 0 12px 0\">{line}</p></td></tr>\r\n"
        );
    }
    let _ = write!(
        h,
        "<tr><td style=\"padding:12px 24px\"><a class=\"btn\" href=\"https://example.org/article/{i}?utm_source=newsletter&amp;utm_medium=email\" style=\"display:inline-block;padding:10px 18px;border-radius:4px\">Read more</a></td></tr>\r\n\
         <tr><td><img src=\"https://tracker.example.com/open/{i}.gif\" width=\"1\" height=\"1\" alt=\"\"></td></tr></table></body></html>"
    );
    h
}

/// Message number `i` of a benchmark mailbox (deterministic in `seed` and `i`).
pub fn message(seed: u64, i: u64, vocab: &[String]) -> Vec<u8> {
    let mut rng = Rng::new(seed ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let from = format!(
        "{} {}",
        FIRST[rng.below(FIRST.len())],
        LAST[rng.below(LAST.len())]
    );
    let addr = format!("user{}@example{}.org", rng.below(500), rng.below(20));
    let subject: Vec<&str> = (0..3 + rng.below(6))
        .map(|_| zipf_word(&mut rng, vocab))
        .collect();
    let day = 1 + rng.below(28);
    let hour = rng.below(24);
    let kind = rng.below(100);
    let charset = ["utf-8", "utf-8", "iso-8859-1", "windows-1252", "us-ascii"][rng.below(5)];
    let mut m = String::with_capacity(16 * 1024);
    let _ = write!(
        m,
        "Return-Path: <{addr}>\r\nReceived: from mx{0}.example.net by pop.example.org; Mon, {day} Oct 2025 {hour:02}:1{1}:00 +0000\r\n\
         From: =?utf-8?Q?{2}?= <{addr}>\r\nTo: Me <me@example.org>\r\nSubject: {3}\r\n\
         Date: Mon, {day} Oct 2025 {hour:02}:{4:02}:00 +0000\r\nMessage-ID: <bench.{i}.{seed}@example.org>\r\nMIME-Version: 1.0\r\n",
        rng.below(9),
        rng.below(10),
        from.replace(' ', "_")
            .replace('é', "=C3=A9")
            .replace('ü', "=C3=BC")
            .replace('ř', "=C5=99")
            .replace('ı', "=C4=B1")
            .replace('í', "=C3=AD"),
        subject.join(" "),
        rng.below(60),
    );
    if i % 7 == 3 {
        let _ = write!(m, "In-Reply-To: <bench.{}.{seed}@example.org>\r\n", i - 1);
    }
    // Sizes as mail really is: most of a large message is markup or an
    // attachment, not prose. Words average ~7 bytes with their space.
    match kind {
        // Plain text, 1.5–12 KB.
        0..=34 => {
            let words = (1_500 + rng.below(10_500)) / 7;
            let _ = write!(
                m,
                "Content-Type: text/plain; charset={charset}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            );
            m.push_str(&paragraph(&mut rng, vocab, words).replace('\n', "\r\n"));
            m.push_str("\r\n");
        }
        // Plain + styled HTML alternative, 4–30 KB.
        35..=64 => {
            let words = (800 + rng.below(5_000)) / 7;
            let text = paragraph(&mut rng, vocab, words);
            m.push_str("Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\n");
            let _ = write!(
                m,
                "Content-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n--alt\r\n",
                text.replace('\n', "\r\n")
            );
            m.push_str("Content-Type: text/html; charset=utf-8\r\n\r\n");
            m.push_str(&styled_html(&text, i));
            m.push_str("\r\n--alt--\r\n");
        }
        // HTML-only newsletter, 8–45 KB, mostly markup.
        65..=79 => {
            let words = (1_000 + rng.below(6_000)) / 7;
            let text = paragraph(&mut rng, vocab, words);
            let _ = write!(m, "Content-Type: text/html; charset={charset}\r\n\r\n");
            m.push_str(&styled_html(&text, i));
            m.push_str("\r\n");
        }
        // A short note with a PDF attachment, 10–50 KB.
        _ => {
            let words = (300 + rng.below(2_500)) / 7;
            let text = paragraph(&mut rng, vocab, words);
            m.push_str("Content-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n--mix\r\n");
            let _ = write!(
                m,
                "Content-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n--mix\r\n",
                text.replace('\n', "\r\n")
            );
            let _ = write!(
                m,
                "Content-Type: application/pdf; name=\"report-{i}.pdf\"\r\nContent-Disposition: attachment; filename=\"report-{i}.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            );
            let target = 10_000 + rng.below(40_000);
            let remaining = target.saturating_sub(m.len()) * 3 / 4;
            m.push_str(&base64_blob(&mut rng, remaining.max(512)));
            m.push_str("--mix--\r\n");
        }
    }
    m.into_bytes()
}

//! A deterministic generator of realistic messages for import/export tests and
//! the import benchmark: plain text, HTML, multipart/alternative and
//! multipart/mixed with base64 attachments, in us-ascii, UTF-8 and ISO-8859-1
//! (quoted-printable), 2–50 KB (skewed small: about 10 KB on average). Some
//! bodies contain lines starting `From `, `>From ` and `>>From ` to exercise mbox
//! quoting. Everything is derived from the message number, so a run is repeatable.
#![allow(dead_code)]

use base64::Engine as _;

/// A small, fast PRNG (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// Seeded generator.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    /// Next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const WORDS: &[&str] = &[
    "the", "meeting", "report", "budget", "project", "schedule", "please", "review", "attached",
    "thanks", "regards", "tomorrow", "deadline", "server", "invoice", "customer", "update",
    "release", "draft", "question", "answer", "weekend", "office", "travel", "contract", "notes",
    "design", "summary", "quarter", "results", "team", "lunch", "call", "agenda", "minutes",
];
const UTF8_WORDS: &[&str] = &[
    "café",
    "Grüße",
    "naïve",
    "señor",
    "日本語",
    "Ελληνικά",
    "Привет",
    "façade",
];
const LATIN1_WORDS: &[&[u8]] = &[
    b"caf\xe9",
    b"Gr\xfc\xdfe",
    b"na\xefve",
    b"se\xf1or",
    b"fa\xe7ade",
];

/// Kinds of generated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// text/plain, us-ascii.
    PlainAscii,
    /// text/plain, UTF-8, 8bit.
    PlainUtf8,
    /// text/plain, ISO-8859-1, quoted-printable.
    PlainLatin1,
    /// text/html.
    Html,
    /// multipart/alternative text + HTML.
    Alternative,
    /// multipart/mixed with a base64 attachment.
    WithAttachment,
}

fn words(rng: &mut Rng, out: &mut Vec<u8>, bytes: usize, utf8: bool) {
    let start = out.len();
    let mut col = 0;
    while out.len() - start < bytes {
        let w: &[u8] = if utf8 && rng.below(8) == 0 {
            UTF8_WORDS[rng.below(UTF8_WORDS.len() as u64) as usize].as_bytes()
        } else {
            WORDS[rng.below(WORDS.len() as u64) as usize].as_bytes()
        };
        out.extend_from_slice(w);
        col += w.len() + 1;
        if col > 66 {
            out.push(b'\n');
            col = 0;
            if rng.below(9) == 0 {
                out.push(b'\n');
            }
        } else {
            out.push(b' ');
        }
    }
    out.extend_from_slice(b".\n");
}

fn latin1_qp(rng: &mut Rng, out: &mut Vec<u8>, bytes: usize) {
    let start = out.len();
    let mut col = 0;
    while out.len() - start < bytes {
        if rng.below(6) == 0 {
            for &b in LATIN1_WORDS[rng.below(LATIN1_WORDS.len() as u64) as usize] {
                if b >= 0x80 {
                    out.extend_from_slice(format!("={b:02X}").as_bytes());
                    col += 3;
                } else {
                    out.push(b);
                    col += 1;
                }
            }
        } else {
            let w = WORDS[rng.below(WORDS.len() as u64) as usize].as_bytes();
            out.extend_from_slice(w);
            col += w.len();
        }
        if col > 66 {
            out.extend_from_slice(b"\n");
            col = 0;
        } else {
            out.push(b' ');
            col += 1;
        }
    }
    out.extend_from_slice(b".\n");
}

/// The size a message `i` aims at: 2–50 KB, about 10 KB on average.
pub fn target_size(rng: &mut Rng) -> usize {
    let u = rng.unit();
    (2048.0 * 25f64.powf(u * u)) as usize
}

/// Generates message number `i` (deterministic).
pub fn message(i: u64) -> Vec<u8> {
    let mut rng = Rng::new(i);
    let size = target_size(&mut rng);
    let kind = match rng.below(20) {
        0..=5 => Kind::PlainAscii,
        6..=8 => Kind::PlainUtf8,
        9..=10 => Kind::PlainLatin1,
        11..=12 => Kind::Html,
        13..=16 => Kind::Alternative,
        _ => Kind::WithAttachment,
    };
    message_of(i, kind, size, &mut rng)
}

/// Generates a message of a given kind and approximate size.
pub fn message_of(i: u64, kind: Kind, size: usize, rng: &mut Rng) -> Vec<u8> {
    let mut m = Vec::with_capacity(size + 1024);
    let day = 1 + i % 28;
    let (h, mi, s) = (i % 24, (i / 24) % 60, (i / 7) % 60);
    let sender = rng.below(500);
    m.extend_from_slice(
        format!(
            "Return-Path: <user{sender}@example.org>\n\
             Received: from mx{}.example.net (mx.example.net [192.0.2.{}])\n\tby mail.example.com with ESMTPS id {i:x}\n\tfor <me@example.com>; Mon, {day} Jan 2024 {h:02}:{mi:02}:{s:02} +0000\n\
             Message-ID: <{i}.{}@example.org>\n\
             Date: Mon, {day} Jan 2024 {h:02}:{mi:02}:{s:02} +0000\n\
             From: User {sender} <user{sender}@example.org>\n\
             To: Me <me@example.com>\n\
             Subject: {} {} #{i}\n\
             MIME-Version: 1.0\n",
            rng.below(9),
            rng.below(250),
            rng.next() % 100_000,
            WORDS[rng.below(WORDS.len() as u64) as usize],
            WORDS[rng.below(WORDS.len() as u64) as usize],
        )
        .as_bytes(),
    );
    if i % 7 == 3 {
        m.extend_from_slice(format!("In-Reply-To: <{}.1@example.org>\n", i - 1).as_bytes());
    }
    let budget = size.saturating_sub(m.len() + 200).max(200);
    let from_lines = i % 20 == 5;
    match kind {
        Kind::PlainAscii | Kind::PlainUtf8 => {
            let cs = if kind == Kind::PlainUtf8 {
                "utf-8"
            } else {
                "us-ascii"
            };
            m.extend_from_slice(
                format!(
                    "Content-Type: text/plain; charset={cs}\nContent-Transfer-Encoding: 8bit\n\n"
                )
                .as_bytes(),
            );
            if from_lines {
                m.extend_from_slice(
                    b"From the desk of the editor:\n>From a quote\n>>From deeper\n\n",
                );
            }
            words(rng, &mut m, budget, kind == Kind::PlainUtf8);
        }
        Kind::PlainLatin1 => {
            m.extend_from_slice(
                b"Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n",
            );
            latin1_qp(rng, &mut m, budget);
        }
        Kind::Html => {
            m.extend_from_slice(b"Content-Type: text/html; charset=utf-8\n\n<html><body>\n<p>");
            words(rng, &mut m, budget, true);
            m.extend_from_slice(b"</p>\n</body></html>\n");
        }
        Kind::Alternative => {
            let b = format!("alt-{i:x}");
            m.extend_from_slice(
                format!("Content-Type: multipart/alternative; boundary=\"{b}\"\n\n--{b}\nContent-Type: text/plain; charset=utf-8\n\n").as_bytes(),
            );
            if from_lines {
                m.extend_from_slice(b"From here on, plain text.\n");
            }
            words(rng, &mut m, budget / 2, true);
            m.extend_from_slice(
                format!("\n--{b}\nContent-Type: text/html; charset=utf-8\n\n<div>").as_bytes(),
            );
            words(rng, &mut m, budget / 2, true);
            m.extend_from_slice(format!("</div>\n--{b}--\n").as_bytes());
        }
        Kind::WithAttachment => {
            let b = format!("mix-{i:x}");
            m.extend_from_slice(
                format!("Content-Type: multipart/mixed; boundary=\"{b}\"\n\n--{b}\nContent-Type: text/plain; charset=us-ascii\n\n").as_bytes(),
            );
            words(rng, &mut m, budget / 4, false);
            let raw_len = budget * 3 / 4 * 3 / 4;
            let data: Vec<u8> = (0..raw_len).map(|_| rng.next() as u8).collect();
            let enc = base64::engine::general_purpose::STANDARD.encode(&data);
            m.extend_from_slice(
                format!("\n--{b}\nContent-Type: application/pdf; name=\"report-{i}.pdf\"\nContent-Disposition: attachment; filename=\"report-{i}.pdf\"\nContent-Transfer-Encoding: base64\n\n").as_bytes(),
            );
            for chunk in enc.as_bytes().chunks(76) {
                m.extend_from_slice(chunk);
                m.push(b'\n');
            }
            m.extend_from_slice(format!("--{b}--\n").as_bytes());
        }
    }
    m
}

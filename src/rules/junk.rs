//! The junk filter, pure: the provider's verdict, the tokenizer, and a
//! Bayesian classifier with Gary Robinson's chi-squared combining, as
//! SpamBayes does (Robinson, "A Statistical Approach to the Spam Problem",
//! Linux Journal 107, 2003; SpamBayes `classifier.py`, `chi2_spamprob`).
//!
//! - Each token's spam probability is Robinson's f(w) = (s·x + n·p) / (s + n),
//!   with p = spam ratio / (spam ratio + good ratio), x = 0.5, s = 0.45;
//! - the 150 tokens farthest from 0.5 (at least 0.1 away) are combined with
//!   Fisher's method both ways, S = 1 − χ²Q(−2 Σ ln(1−f)), H = 1 − χ²Q(−2 Σ ln f),
//!   and the score is (S − H + 1) / 2;
//! - a score of [`SPAM_CUTOFF`] or more is junk, [`HAM_CUTOFF`] or less is
//!   good, anything between is unsure (SpamBayes' defaults).
//!
//! Tokens come from the headers (subject words, addresses and names of
//! From/To/Cc/Reply-To, mailer, content type, Message-ID domain, Received
//! hosts, which header fields are present) and the decoded body (HTML turned
//! into text), plus the host names of its URLs. The provider's own headers
//! (`X-Spam-*`) are left out: that verdict is a separate, per-account choice.
//! The counts are kept by the store; [`Model`] is the in-memory form a sync
//! or a benchmark classifies with.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::account::limits;
use crate::mail::Envelope;

/// A score at or above this is junk.
pub const SPAM_CUTOFF: f64 = 0.90;
/// A score at or below this is good.
pub const HAM_CUTOFF: f64 = 0.20;
const UNKNOWN_PROB: f64 = 0.5;
const STRENGTH: f64 = 0.45;
const MIN_PROB_STRENGTH: f64 = 0.1;
const MAX_DISCRIMINATORS: usize = 150;

/// What the filter says of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Junk: it goes to the Junk folder.
    Junk,
    /// The filter is not sure: it stays where it is.
    Unsure,
    /// Good mail.
    Good,
}

impl Verdict {
    /// The verdict of a score.
    pub fn of(score: f64) -> Verdict {
        if score >= SPAM_CUTOFF {
            Verdict::Junk
        } else if score <= HAM_CUTOFF {
            Verdict::Good
        } else {
            Verdict::Unsure
        }
    }

    /// The verdict in a word.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Junk => "junk",
            Verdict::Unsure => "unsure",
            Verdict::Good => "good",
        }
    }
}

/// Whether the provider's filter said junk: `X-Spam-Flag: YES`,
/// `X-Spam-Status: Yes, …` (SpamAssassin), or a subject tagged `*****SPAM*****`.
pub fn provider_says_junk(headers: &[(String, String)], subject: &str) -> bool {
    let said = |name: &str| {
        headers.iter().any(|(k, v)| {
            k.eq_ignore_ascii_case(name)
                && v.trim_start()
                    .get(..3)
                    .is_some_and(|w| w.eq_ignore_ascii_case("yes"))
        })
    };
    said("X-Spam-Flag") || said("X-Spam-Status") || subject.contains("*****SPAM*****")
}

/// Spam and good counts of one token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Junk messages it was seen in.
    pub spam: u32,
    /// Good messages it was seen in.
    pub good: u32,
}

/// Token counts in memory: what classification reads.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Junk messages trained.
    pub spam_messages: u32,
    /// Good messages trained.
    pub good_messages: u32,
    /// Per token.
    pub tokens: HashMap<String, Counts>,
}

impl Model {
    /// Counts one message's tokens as junk or good.
    pub fn train(&mut self, tokens: &[String], junk: bool) {
        if junk {
            self.spam_messages += 1;
        } else {
            self.good_messages += 1;
        }
        for t in tokens {
            let c = self.tokens.entry(t.clone()).or_default();
            if junk {
                c.spam += 1;
            } else {
                c.good += 1;
            }
        }
    }

    /// Takes back a [`Model::train`] (a mark that changed its mind).
    pub fn untrain(&mut self, tokens: &[String], junk: bool) {
        if junk {
            self.spam_messages = self.spam_messages.saturating_sub(1);
        } else {
            self.good_messages = self.good_messages.saturating_sub(1);
        }
        for t in tokens {
            if let Some(c) = self.tokens.get_mut(t) {
                if junk {
                    c.spam = c.spam.saturating_sub(1);
                } else {
                    c.good = c.good.saturating_sub(1);
                }
                if c.spam == 0 && c.good == 0 {
                    self.tokens.remove(t);
                }
            }
        }
    }

    /// Robinson's f(w) for one token.
    fn prob(&self, c: Counts) -> f64 {
        let spam_ratio = f64::from(c.spam) / f64::from(self.spam_messages.max(1));
        let good_ratio = f64::from(c.good) / f64::from(self.good_messages.max(1));
        let n = f64::from(c.spam) + f64::from(c.good);
        if n == 0.0 || spam_ratio + good_ratio == 0.0 {
            return UNKNOWN_PROB;
        }
        let p = spam_ratio / (spam_ratio + good_ratio);
        (STRENGTH * UNKNOWN_PROB + n * p) / (STRENGTH + n)
    }

    /// Scores a message's tokens.
    pub fn classify(&self, tokens: &[String]) -> Classification {
        let mut clues: Vec<(f64, &str)> = tokens
            .iter()
            .filter_map(|t| {
                let c = self.tokens.get(t)?;
                let p = self.prob(*c);
                ((p - 0.5).abs() >= MIN_PROB_STRENGTH).then_some((p, t.as_str()))
            })
            .collect();
        clues.sort_by(|a, b| {
            (b.0 - 0.5)
                .abs()
                .total_cmp(&(a.0 - 0.5).abs())
                .then_with(|| a.1.cmp(b.1))
        });
        clues.truncate(MAX_DISCRIMINATORS);
        let score = chi2_combine(clues.iter().map(|c| c.0));
        Classification {
            score,
            verdict: Verdict::of(score),
            clues: clues
                .iter()
                .take(10)
                .map(|(p, t)| ((*t).to_string(), *p))
                .collect(),
        }
    }
}

/// A message's score and verdict, with its strongest clues.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Classification {
    /// 0 (good) … 1 (junk).
    pub score: f64,
    /// What the score means.
    pub verdict: Verdict,
    /// The ten strongest tokens and their probabilities.
    pub clues: Vec<(String, f64)>,
}

/// Fisher/Robinson chi-squared combining of token probabilities.
fn chi2_combine(probs: impl Iterator<Item = f64>) -> f64 {
    let (mut ln_spam, mut ln_good, mut n) = (0.0f64, 0.0f64, 0usize);
    for p in probs {
        let p = p.clamp(1e-6, 1.0 - 1e-6);
        ln_good += p.ln();
        ln_spam += (1.0 - p).ln();
        n += 1;
    }
    if n == 0 {
        return UNKNOWN_PROB;
    }
    let s = 1.0 - chi2q(-2.0 * ln_spam, 2 * n);
    let h = 1.0 - chi2q(-2.0 * ln_good, 2 * n);
    (s - h + 1.0) / 2.0
}

/// P(χ² ≥ x2) with `v` (even) degrees of freedom.
fn chi2q(x2: f64, v: usize) -> f64 {
    let m = x2 / 2.0;
    let mut term = (-m).exp();
    let mut sum = term;
    for i in 1..v / 2 {
        term *= m / i as f64;
        sum += term;
    }
    sum.min(1.0)
}

/// The distinct tokens of a message: headers, body text, URL host names,
/// and the MIME types of its parts (read from `raw`).
pub fn tokens(
    envelope: &Envelope,
    headers: &[(String, String)],
    body: &str,
    raw: &[u8],
) -> Vec<String> {
    let mut out = Tokens::default();
    // Ordered, so the tokens (and which of them fit under the cap) are the
    // same on every run: a classification must not change between runs.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (name, value) in headers {
        let name = name.to_ascii_lowercase();
        if name.starts_with("x-spam") {
            continue;
        }
        *counts.entry(name.clone()).or_default() += 1;
        match name.as_str() {
            "subject" => {
                for w in words(value) {
                    out.add(format!("subject:{w}"));
                }
                for run in value.split(|c: char| !"!?$%*".contains(c)) {
                    if !run.is_empty() {
                        out.add(format!("subject:punct:{run}"));
                    }
                }
                let letters: Vec<char> = value.chars().filter(|c| c.is_alphabetic()).collect();
                if letters.len() >= 6 && letters.iter().all(|c| c.is_uppercase()) {
                    out.add("subject:all-caps".into());
                }
            }
            "content-transfer-encoding" | "content-disposition" | "mime-version" => {
                out.add(format!("{name}:{}", value.trim().to_lowercase()));
            }
            "from" | "to" | "cc" | "reply-to" | "sender" => address_tokens(&mut out, &name, value),
            "x-mailer" | "user-agent" => out.add(format!("{name}:{}", value.to_lowercase())),
            "content-type" => {
                let ct = value.split(';').next().unwrap_or_default().trim();
                out.add(format!("content-type:{}", ct.to_lowercase()));
                if let Some(cs) = value.to_lowercase().split("charset=").nth(1) {
                    let cs = cs.trim_matches(|c: char| c == '"' || c.is_whitespace());
                    let cs = cs.split(';').next().unwrap_or_default();
                    out.add(format!("charset:{cs}"));
                }
            }
            "message-id" => {
                if let Some(domain) = value.rsplit('@').next().filter(|_| value.contains('@')) {
                    out.add(format!(
                        "message-id:@{}",
                        domain.trim_end_matches('>').to_lowercase()
                    ));
                } else {
                    out.add("message-id:invalid".into());
                }
            }
            "received" => {
                for w in value.split(|c: char| c.is_whitespace() || "()[];".contains(c)) {
                    if w.contains('.') && w.len() > 3 && w.len() < 60 {
                        let w = w.to_lowercase();
                        if w.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                            // An IP address: its /8, /16 and /24 too.
                            let parts: Vec<&str> = w.split('.').collect();
                            for n in 1..parts.len().min(4) {
                                let prefix = parts.get(..n).unwrap_or_default().join(".");
                                out.add(format!("received:ip:{prefix}"));
                            }
                        }
                        out.add(format!("received:{w}"));
                    }
                }
            }
            "date" => {
                let zone = value.split_whitespace().last().unwrap_or_default();
                out.add(format!("date:zone:{}", zone.to_lowercase()));
            }
            "references" | "in-reply-to" => {}
            _ => {
                // Short values of other fields (X-Priority, Precedence,
                // Importance, List-Id…) say much; long ones are unique noise.
                let v = value.trim();
                if !v.is_empty() && v.len() <= 60 {
                    out.add(format!("{name}:{}", v.to_lowercase()));
                }
            }
        }
    }
    for (name, n) in counts {
        out.add(format!("header:{name}:{}", n.min(5)));
    }
    part_types(&mut out, raw);
    if envelope.date.is_none() {
        out.add("date:missing-or-invalid".into());
    }
    let recipients = envelope.to.matches('@').count() + envelope.cc.matches('@').count();
    out.add(format!("recipients:{}", recipients.min(10)));
    if envelope.from_name.is_empty() {
        out.add("from:no-name".into());
    }
    if envelope.has_attachments {
        out.add("has-attachments".into());
    }
    let mut end = body.len().min(limits::RULE_BODY_TEXT);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let body = body.get(..end).unwrap_or_default();
    for raw in body.split_whitespace() {
        if out.full() {
            break;
        }
        if let Some((proto, host, path)) = url_parts(raw) {
            out.add(format!("proto:{proto}"));
            out.add(format!("url:{host}"));
            for part in host.split('.').filter(|p| !p.is_empty()) {
                out.add(format!("url-part:{part}"));
            }
            for piece in path
                .split(|c: char| "/.?=&-_%#".contains(c))
                .filter(|p| p.len() >= 2 && p.len() <= 20)
                .take(10)
            {
                out.add(format!("url-path:{piece}"));
            }
            continue;
        }
        body_word(&mut out, raw);
    }
    out.list
}

#[derive(Default)]
struct Tokens {
    seen: HashSet<String>,
    list: Vec<String>,
}

impl Tokens {
    fn add(&mut self, t: String) {
        if !self.full() && self.seen.insert(t.clone()) {
            self.list.push(t);
        }
    }

    fn full(&self) -> bool {
        self.list.len() >= limits::JUNK_TOKENS_PER_MESSAGE
    }
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| c.is_whitespace() || ",;:\"()[]<>".contains(c))
        .map(|w| w.trim_matches(|c: char| c.is_ascii_punctuation()))
        .filter(|w| !w.is_empty() && w.chars().count() <= 40)
        .map(str::to_lowercase)
}

fn address_tokens(out: &mut Tokens, name: &str, value: &str) {
    for w in words(value) {
        if let Some((local, domain)) = w.split_once('@') {
            out.add(format!("{name}:addr:{w}"));
            out.add(format!("{name}:domain:{domain}"));
            if local.is_empty() {
                out.add(format!("{name}:addr:empty-local"));
            }
        } else {
            out.add(format!("{name}:name:{w}"));
        }
    }
}

/// The scheme, host (lower case, without port) and path of an
/// `http(s)://` URL in a word.
fn url_parts(word: &str) -> Option<(&'static str, String, String)> {
    let lower = word.to_ascii_lowercase();
    let at = lower.find("http://").or_else(|| lower.find("https://"))?;
    let (scheme, rest) = lower.get(at..)?.split_once("://")?;
    let end = rest
        .find(|c: char| "/?#\"'<>)".contains(c))
        .unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    let proto = if scheme == "https" { "https" } else { "http" };
    (!host.is_empty() && host.len() <= 255).then(|| (proto, host.to_string(), path.to_string()))
}

/// The MIME types (and charsets) of the parts, from the `Content-Type`
/// lines of the raw message (SpamBayes reads every part's type, too).
fn part_types(out: &mut Tokens, raw: &[u8]) {
    const KEY: &[u8] = b"content-type:";
    let raw = raw
        .get(..raw.len().min(limits::RULE_BODY_TEXT))
        .unwrap_or_default();
    for at in memchr::memchr_iter(b':', raw) {
        let Some(start) = (at + 1).checked_sub(KEY.len()) else {
            continue;
        };
        if !raw
            .get(start..=at)
            .is_some_and(|k| k.eq_ignore_ascii_case(KEY))
        {
            continue;
        }
        let line_start = start == 0 || raw.get(start - 1) == Some(&b'\n');
        if !line_start {
            continue;
        }
        let rest = raw.get(at + 1..).unwrap_or_default();
        let end = rest
            .iter()
            .position(|&b| b == b';' || b == b'\r' || b == b'\n')
            .unwrap_or(rest.len())
            .min(60);
        let mime = String::from_utf8_lossy(rest.get(..end).unwrap_or_default())
            .trim()
            .to_ascii_lowercase();
        if !mime.is_empty() {
            out.add(format!("part:{mime}"));
        }
    }
}

/// A body word: 3–12 characters kept (lower case, outer punctuation
/// trimmed), addresses split, longer ones summarised as "skip" tokens
/// (SpamBayes does the same: long words are mostly encoded junk).
fn body_word(out: &mut Tokens, raw: &str) {
    let w = raw.trim_matches(|c: char| c.is_ascii_punctuation() && c != '$' && c != '!');
    let n = w.chars().count();
    if n < 3 {
        return;
    }
    if let Some((_, domain)) = w.split_once('@')
        && domain.contains('.')
    {
        out.add(format!("email-domain:{}", domain.to_lowercase()));
        return;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 3 && w.chars().all(|c| !c.is_lowercase()) && w != w.to_lowercase() {
        // SHOUTING is a clue of its own (the word itself is counted too).
        out.add(format!("upper:{}", w.chars().take(12).collect::<String>()));
    }
    let w = w.to_lowercase();
    if n <= 12 {
        out.add(w);
    } else {
        let first = w.chars().next().unwrap_or(' ');
        out.add(format!("skip:{first} {}", n / 10 * 10));
    }
}

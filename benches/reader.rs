//! `scripts/bench reader`: the reader's HTML path on newsletter-like mail.
//!
//! Generates 600 deterministic HTML messages of 50–500 KB (nested layout
//! tables, data tables, inline `cid:` PNG images and `data:` URIs, remote
//! images, hidden preheaders, links, styled text) and takes the 500 largest.
//! For each, times what the window does off the UI thread (`mail::view`:
//! MIME, the rich model; then decoding its images with the same
//! `decode_document` the image worker runs) and the first layout of the
//! document in a headless egui context (the same `rich_document_ui` the
//! reader calls), at 1280 px. Prints median and p99 per message for each and
//! in total, and the peak RSS of the run (VmHWM).
//!
//! Then the frame time while scrolling the longest message: the same
//! `rich_document_ui` in a scroll area, 1280×800, scrolled from top to bottom
//! by 60 px a frame (a mouse wheel); each frame is the egui pass plus
//! tessellation, timed on this thread (no GPU upload).
//!
//! Targets: p99 ≤ 50 ms per message off the UI thread; frame p99 ≤ 8 ms.

#[path = "common/gen.rs"]
mod generate;
#[path = "common/stats.rs"]
mod stats;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use base64::Engine as _;

use generate::Rng;
use popmail::mail::{self, rich};

fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// A small RGB PNG (stored, uncompressed deflate) of `w` × `h`.
fn png(w: u32, h: u32, seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([seed.wrapping_add(x as u8), (y as u8).wrapping_mul(3), 128])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("png");
    out.into_inner()
}

fn newsletter(i: u64, vocab: &[String]) -> Vec<u8> {
    let mut rng = Rng::new(1000 + i);
    let target = 50_000 + rng.below(450_000);
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut html = String::from(
        "<!DOCTYPE html><html><head><style>.x{color:#333}</style></head><body bgcolor='#f4f4f4'>",
    );
    html.push_str(
        "<div style='display:none;max-height:0;overflow:hidden'>Preheader text hidden</div>",
    );
    html.push_str("<table role='presentation' width='100%'><tr><td align='center'><table width='600' bgcolor='#ffffff'>");
    let mut images = Vec::new();
    let mut story = 0;
    while html.len() < target {
        story += 1;
        // Writing to a String cannot fail.
        let _ = write!(
            html,
            "<tr><td style='padding:12px'><table width='100%'><tr><td><h2 style='color:#1a4d8f'>Story {story}</h2>"
        );
        for _ in 0..3 {
            html.push_str("<p style='font-family:Arial;font-size:14px'>");
            for w in 0..60 {
                let word = &vocab[rng.below(vocab.len())];
                match w % 17 {
                    3 => {
                        // Writing to a String cannot fail.
                        let _ = write!(html, "<b>{word}</b> ");
                    }
                    7 => {
                        // Writing to a String cannot fail.
                        let _ = write!(
                            html,
                            "<a href='https://example.org/{story}/{w}'>{word}</a> "
                        );
                    }
                    11 => {
                        // Writing to a String cannot fail.
                        let _ = write!(html, "<span style='color:#c0392b'>{word}</span> ");
                    }
                    _ => {
                        // Writing to a String cannot fail.
                        let _ = write!(html, "{word} ");
                    }
                }
            }
            html.push_str("</p>");
        }
        match story % 4 {
            0 => {
                let n = images.len();
                images.push(png(120 + (n as u32 % 5) * 20, 80, n as u8));
                // Writing to a String cannot fail.
                let _ = write!(
                    html,
                    "<p><img src='cid:img{n}@bench' alt='Picture {n}' width='300'></p>"
                );
            }
            1 => {
                // Writing to a String cannot fail.
                let _ = write!(
                    html,
                    "<p><img src='data:image/png;base64,{}' alt='Icon'></p>",
                    b64.encode(png(24, 24, story as u8))
                );
            }
            2 => {
                // Writing to a String cannot fail.
                let _ = write!(
                    html,
                    "<p><a href='https://example.org'><img src='https://img.example.org/{story}.jpg' alt='Remote {story}' width='560' height='200'></a></p>"
                );
            }
            _ => {
                html.push_str("<table border='1'><tr><th>Item</th><th>Qty</th><th>Price</th></tr>");
                for r in 0..6 {
                    // Writing to a String cannot fail.
                    let _ = write!(
                        html,
                        "<tr><td>{}</td><td>{r}</td><td>{}.00</td></tr>",
                        vocab[rng.below(vocab.len())],
                        3 + r * 7
                    );
                }
                html.push_str("</table>");
            }
        }
        html.push_str(
            "<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul></td></tr></table></td></tr>",
        );
    }
    html.push_str("</table></td></tr></table><img src='https://t.example.org/o.gif' width='1' height='1'></body></html>");
    let mut m = format!(
        "From: News <news@example.org>\r\nTo: me@example.org\r\nSubject: Newsletter {i}\r\n\
         Date: Mon, 1 Jan 2024 10:00:00 +0000\r\nMessage-ID: <n{i}@bench>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/related; boundary=\"REL\"\r\n\r\n--REL\r\n\
         Content-Type: text/html; charset=utf-8\r\n\r\n{html}\r\n"
    );
    for (n, img) in images.iter().enumerate() {
        let enc = b64.encode(img);
        // Writing to a String cannot fail.
        let _ = write!(
            m,
            "--REL\r\nContent-Type: image/png\r\nContent-ID: <img{n}@bench>\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        );
        for chunk in enc.as_bytes().chunks(76) {
            m.push_str(std::str::from_utf8(chunk).unwrap_or_default());
            m.push_str("\r\n");
        }
    }
    m.push_str("--REL--\r\n");
    m.into_bytes()
}

fn main() {
    let vocab = generate::vocabulary(5000);
    let mut messages: Vec<Vec<u8>> = (0..600).map(|i| newsletter(i, &vocab)).collect();
    messages.sort_by_key(|m| std::cmp::Reverse(m.len()));
    messages.truncate(500);
    let sizes: Vec<usize> = messages.iter().map(Vec::len).collect();
    eprintln!(
        "reader: {} messages, {}–{} KB",
        messages.len(),
        sizes.last().copied().unwrap_or(0) / 1024,
        sizes.first().copied().unwrap_or(0) / 1024
    );
    let ctx = egui::Context::default();
    let mut model = Vec::new();
    let mut images = Vec::new();
    let mut layout = Vec::new();
    let mut total = Vec::new();
    let mut decoded_images = 0usize;
    for raw in &messages {
        let t0 = Instant::now();
        let view = mail::view(raw);
        let doc = view.rich.clone().expect("HTML messages have a model");
        let t1 = Instant::now();
        let decoded = rich::images::decode_document(raw, &view.attachments, &doc);
        decoded_images += decoded.iter().filter(|d| d.is_ok()).count();
        let t2 = Instant::now();
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            ..Default::default()
        };
        let out = ctx.run_ui(input, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| popmail::ui::rich_document_ui(ui, &doc));
        });
        std::hint::black_box(out);
        let t3 = Instant::now();
        model.push(t1 - t0);
        images.push(t2 - t1);
        layout.push(t3 - t2);
        total.push(t3 - t0);
    }
    stats::print("reader_model", &mut model);
    stats::print("reader_images", &mut images);
    stats::print("reader_first_layout", &mut layout);
    let mut off_ui: Vec<Duration> = model.iter().zip(&images).map(|(a, b)| *a + *b).collect();
    stats::print("reader_off_ui_thread", &mut off_ui);
    stats::print("reader_total", &mut total);
    println!("reader_images_decoded: {decoded_images} images");
    println!("reader_peak_rss: {:.0} MB", vm_hwm_kb() as f64 / 1024.0);
    off_ui.sort();
    let p99 = stats::quantile(&off_ui, 0.99);
    eprintln!(
        "target p99 ≤ 50 ms off the UI thread: {}",
        if p99 <= Duration::from_millis(50) {
            "met"
        } else {
            "NOT met"
        }
    );
    if let Some(longest) = messages.first() {
        let mut frames = scroll_frames(longest);
        println!("reader_scroll_frames: {} frames", frames.len());
        stats::print("reader_scroll_frame", &mut frames);
        let p99 = stats::quantile(&frames, 0.99);
        eprintln!(
            "target frame p99 ≤ 8 ms while scrolling: {}",
            if p99 <= Duration::from_millis(8) {
                "met"
            } else {
                "NOT met"
            }
        );
    }
}

/// Frame times (egui pass + tessellation) while scrolling `raw` from top to
/// bottom by 60 px a frame, after two warm-up frames.
fn scroll_frames(raw: &[u8]) -> Vec<Duration> {
    let view = mail::view(raw);
    let doc = view.rich.expect("HTML messages have a model");
    let ctx = egui::Context::default();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let mut frames = Vec::new();
    let mut offset = 0.0f32;
    let mut time = 0.0;
    for frame in 0.. {
        time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(screen),
            time: Some(time),
            ..Default::default()
        };
        let t = Instant::now();
        let mut content = 0.0f32;
        let out = ctx.run_ui(input, |ui| {
            let o = egui::ScrollArea::vertical()
                .vertical_scroll_offset(offset)
                .show(ui, |ui| popmail::ui::rich_document_ui(ui, &doc));
            content = o.content_size.y - o.inner_rect.height();
        });
        let shapes = ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(shapes);
        let dt = t.elapsed();
        if frame >= 2 {
            frames.push(dt);
            offset += 60.0;
        }
        if frame >= 2 && offset > content {
            break;
        }
        assert!(frame < 100_000, "the message never ends");
    }
    frames
}

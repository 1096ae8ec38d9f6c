//! `scripts/bench ui`: the reader window (the real `App`, in a headless egui
//! context, no window) over a store with 1,000,000 messages in one folder.
//!
//! Measures: the time to open the folder (from the click to the end of the
//! first frame that shows rows), CPU time per frame (egui pass + tessellation,
//! on this thread) while scrolling from top to bottom by the scrollbar and by
//! PageDown and by the wheel (paced at 60 Hz), and while re-sorting by each
//! column; plus how long the full order takes to arrive from the background
//! thread. Times are of the UI thread's work per frame, measured by the wall
//! clock on that thread.
//!
//! The store is generated once (small messages, batches of 10,000) and cached
//! under `target/bench-data/` (keyed by the schema); set `POPMAIL_BENCH_UI_MESSAGES` for another size.
//! Prints `metric: value unit` lines.

#[path = "common/stats.rs"]
mod stats;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sha2::Digest as _;

use popmail::store::{Flags, FolderRole, NewMessage, Scope, SortKey, Store};
use popmail::ui::{App, RunOptions};

const BATCH: usize = 10_000;
const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn main() {
    let total: u64 = std::env::var("POPMAIL_BENCH_UI_MESSAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    // The cache is keyed by the schema text, so a changed migration rebuilds it.
    let schema: [u8; 32] =
        sha2::Sha256::digest(include_bytes!("../migrations/0001_initial/up.sql")).into();
    let schema_key = popmail::store::hex(&schema[..4]);
    let data_dir = PathBuf::from(target)
        .join("bench-data")
        .join(format!("ui-{total}-{schema_key}"));
    ensure_store(&data_dir, total);
    let folder = Store::open(&popmail::store::StoreConfig::new(
        data_dir.join(popmail::paths::STORE_FILE),
    ))
    .and_then(|s| s.resolve_folder("Big"))
    .expect("the bench folder")
    .id;

    let ctx = egui::Context::default();
    let mut app = App::new(
        &ctx,
        None,
        RunOptions {
            data_dir: data_dir.clone(),
            demo: false,
            store_page_limit: None,
            ..Default::default()
        },
    );
    let mut clock = 0.0;
    // Warm up: fonts, the first layout.
    for _ in 0..3 {
        frame(&ctx, &mut app, &mut clock, Vec::new());
    }

    // Open the folder: the click, then the first frame with rows.
    let t = Instant::now();
    app.show_scope(Scope::Folder(folder));
    frame(&ctx, &mut app, &mut clock, Vec::new());
    // The folder's count and first page arrive from the rows thread: the
    // folder is open once it has a length and every row on screen is there.
    while app.list_len() == 0 || app.list_rows_missing() > 0 {
        assert!(t.elapsed().as_secs() < 60, "the folder never opened");
        frame(&ctx, &mut app, &mut clock, Vec::new());
    }
    let open = t.elapsed();
    assert_eq!(app.list_len(), total, "the folder lists every message");
    println!("messages: {total} count");
    println!("open_folder: {:.1} ms", ms(open));
    let order = wait_for_order(&ctx, &mut app, &mut clock);
    println!("full_order_ready: {:.1} ms", ms(order));

    // Frames below are paced at 60 Hz (the wait is not measured), as a
    // window's are, so rows read on the rows thread arrive in between.
    // `*_frames_with_placeholders` counts frames that drew a row as "…".

    // Scroll top to bottom by the scrollbar, 1,000 positions (1,000 rows apart:
    // every frame shows rows never seen before).
    let steps = 1_000;
    let mut samples = Vec::with_capacity(steps + 1);
    let mut blank = 0;
    for k in 0..=steps {
        #[allow(clippy::cast_precision_loss)]
        app.scroll_list_to(k as f64 / steps as f64);
        samples.push(paced(&ctx, &mut app, &mut clock, Vec::new(), &mut blank));
    }
    stats::print("frame_scrollbar_scroll", &mut samples);
    println!(
        "frame_scrollbar_scroll_frames_with_placeholders: {blank} of {}",
        steps + 1
    );

    // Keyboard: PageDown 500 times from the top (real key events); each
    // opens the message under the cursor in the reader and marks it read.
    app.scroll_list_to(0.0);
    frame(&ctx, &mut app, &mut clock, vec![key(egui::Key::Home)]);
    let mut samples = Vec::with_capacity(500);
    let mut blank = 0;
    for _ in 0..500 {
        let keys = vec![key(egui::Key::PageDown)];
        samples.push(paced(&ctx, &mut app, &mut clock, keys, &mut blank));
    }
    stats::print("frame_pagedown", &mut samples);
    println!("frame_pagedown_frames_with_placeholders: {blank} of 500");

    // Wheel: 500 frames of scrolling with the pointer over the list.
    let mut samples = Vec::with_capacity(500);
    let mut blank = 0;
    for _ in 0..500 {
        let events = vec![
            egui::Event::PointerMoved(egui::pos2(500.0, 400.0)),
            egui::Event::MouseWheel {
                unit: egui::MouseWheelUnit::Line,
                delta: egui::vec2(0.0, -5.0),
                phase: egui::TouchPhase::Move,
                modifiers: egui::Modifiers::NONE,
                source: egui::MouseWheelSource::Wheel,
            },
        ];
        samples.push(paced(&ctx, &mut app, &mut clock, events, &mut blank));
    }
    stats::print("frame_wheel_scroll", &mut samples);
    println!("frame_wheel_scroll_frames_with_placeholders: {blank} of 500");

    // Re-sort by each column (twice: ascending/descending), frames until the
    // new order has arrived.
    let mut samples = Vec::new();
    for key in SortKey::ALL {
        for _ in 0..2 {
            let t = Instant::now();
            app.click_sort(key);
            samples.push(frame(&ctx, &mut app, &mut clock, Vec::new()));
            while app.busy() {
                samples.push(frame(&ctx, &mut app, &mut clock, Vec::new()));
                std::thread::sleep(Duration::from_millis(2));
            }
            let name = format!("{key:?}").to_lowercase();
            println!("resort_{name}_order_ready: {:.1} ms", ms(t.elapsed()));
        }
    }
    stats::print("frame_resort", &mut samples);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn key(k: egui::Key) -> egui::Event {
    egui::Event::Key {
        key: k,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }
}

/// One frame: input, the app's pass, tessellation. Returns its duration.
fn frame(
    ctx: &egui::Context,
    app: &mut App,
    clock: &mut f64,
    events: Vec<egui::Event>,
) -> Duration {
    *clock += 1.0 / 60.0;
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        time: Some(*clock),
        predicted_dt: 1.0 / 60.0,
        events,
        ..Default::default()
    };
    let t = Instant::now();
    let out = ctx.run_ui(input, |ui| app.frame_ui(ui));
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    let d = t.elapsed();
    std::hint::black_box(prims);
    d
}

/// A frame, then the rest of a 60 Hz frame interval; counts placeholder frames.
fn paced(
    ctx: &egui::Context,
    app: &mut App,
    clock: &mut f64,
    events: Vec<egui::Event>,
    blank: &mut u32,
) -> Duration {
    let d = frame(ctx, app, clock, events);
    if app.list_rows_missing() > 0 {
        *blank += 1;
    }
    std::thread::sleep(Duration::from_micros(16_667).saturating_sub(d));
    d
}

fn wait_for_order(ctx: &egui::Context, app: &mut App, clock: &mut f64) -> Duration {
    let t = Instant::now();
    while app.busy() {
        frame(ctx, app, clock, Vec::new());
        std::thread::sleep(Duration::from_millis(5));
        assert!(
            t.elapsed() < Duration::from_secs(120),
            "the order never arrived"
        );
    }
    t.elapsed()
}

/// Builds the store once; later runs reuse it.
fn ensure_store(dir: &Path, total: u64) {
    let done = dir.join("complete");
    if done.exists() {
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("bench data dir");
    let t = Instant::now();
    let mut store = Store::open(&popmail::store::StoreConfig::new(
        dir.join(popmail::paths::STORE_FILE),
    ))
    .expect("store");
    let folder = store
        .create_folder("Big", None, FolderRole::User)
        .expect("folder");
    let (tx, rx) = crossbeam_channel::bounded::<Vec<NewMessage>>(2);
    let maker = std::thread::Builder::new()
        .name("bench-ui-generate".into())
        .spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            for i in 0..total {
                let flags = if i % 3 == 0 {
                    Flags::default()
                } else {
                    Flags::SEEN
                };
                batch.push(NewMessage::prepare(small_message(i), folder, flags));
                if batch.len() == BATCH && tx.send(std::mem::take(&mut batch)).is_err() {
                    return;
                }
            }
            let _ = tx.send(batch);
        })
        .expect("generator thread");
    for batch in rx {
        store.insert_batch(&batch).expect("insert");
    }
    maker.join().expect("generator");
    std::fs::write(&done, b"").expect("marker");
    println!("generated_store: {:.1} s", t.elapsed().as_secs_f64());
}

/// A small message: one of 500 senders, a subject from a few words, a date
/// spread over ten years, a line of body.
fn small_message(i: u64) -> Vec<u8> {
    const WORDS: [&str; 16] = [
        "report", "meeting", "invoice", "holiday", "update", "plan", "photos", "draft", "review",
        "budget", "release", "dinner", "notes", "question", "ticket", "order",
    ];
    let h = i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let w = |k: u64| WORDS[((h >> (k * 4)) % 16) as usize];
    let sender = h % 500;
    let date = 1_400_000_000 + (h % 315_360_000);
    format!(
        "From: Sender {sender} <s{sender}@example.org>\r\nTo: me@example.org\r\n\
         Subject: {} {} {} #{i}\r\nDate: {}\r\nMessage-ID: <b{i}@example.org>\r\n\r\n\
         About the {} and the {}.\r\n",
        w(1),
        w(2),
        w(3),
        rfc2822(date),
        w(4),
        w(5)
    )
    .into_bytes()
}

fn rfc2822(epoch: u64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = epoch / 86_400;
    let secs = epoch % 86_400;
    // Civil from days (Howard Hinnant), for a valid Date header.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{d} {} {y} {:02}:{:02}:{:02} +0000",
        MONTHS[(m - 1) as usize],
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

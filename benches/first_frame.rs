//! The first frame on a large register: with 100,000 cases, the time from opening the register
//! to the list's first frame (Store::open with its checks, App::new sorting every summary, one
//! draw at 120x35), beside a bare baseline in the same run — sled::open with the same cache and
//! reading every summary of the summaries tree (iterate + deserialize, what any list needs).
//! Target: privdesk within 1.5x of the baseline. The app then checks the whole journal's chain
//! on a thread of its own; each measurement waits (untimed) until that check has finished, so
//! it never runs beside the next one. Then the real binary's resident memory after
//! its first frame (`privdesk --db DIR headless -`, VmRSS and VmHWM from /proc).
//!
//! The register is built once (200 changes of 500 registrations through `Store::save`) into
//! `target/privdesk-bench-100k/` and reused by later runs; delete that folder to rebuild.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::now;
use criterion::{Criterion, criterion_group, criterion_main};
use privdesk::app::App;
use privdesk::clock::Clock;
use privdesk::domain::Summary;
use privdesk::i18n::Lang;
use privdesk::store::working::CACHE_CAPACITY;
use privdesk::store::{OpenOptions, SLED_DIR, Store};
use privdesk::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const CASES: u32 = 100_000;

fn register_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/privdesk-bench-100k")
}

/// Builds the register once; later runs reuse it when it holds every case.
fn build(dir: &Path) {
    if dir.exists() {
        if let Ok(store) = Store::open(dir, &OpenOptions::existing(now()))
            && store.case_count() == CASES as usize
        {
            return;
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
    let started = Instant::now();
    let mut opts = OpenOptions::existing(now());
    opts.create = Some(true);
    let mut store = Store::open(dir, &opts).unwrap();
    common::fill(&mut store, CASES);
    store.flush().unwrap();
    println!("built {CASES} cases in {:.1?}", started.elapsed());
}

/// privdesk: open the register, make the app, draw the first frame. The live app is returned
/// so that closing it (sled's flush on drop) is not counted as time to the first frame.
fn first_frame(dir: &Path, theme: &Theme) -> (usize, App) {
    let store = Store::open(dir, &OpenOptions::existing(now())).unwrap();
    let app = App::new(store, Clock::Fixed(now()), Lang::Nl);
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    terminal
        .draw(|f| privdesk::ui::draw(&app, theme, f))
        .unwrap();
    (app.total_len(), app)
}

/// Where privdesk's time goes: opening the store, making the app, drawing.
fn breakdown(dir: &Path, theme: &Theme) {
    let t = Instant::now();
    let store = Store::open(dir, &OpenOptions::existing(now())).unwrap();
    let open = t.elapsed();
    let t = Instant::now();
    let app = App::new(store, Clock::Fixed(now()), Lang::Nl);
    let make = t.elapsed();
    let t = Instant::now();
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    terminal
        .draw(|f| privdesk::ui::draw(&app, theme, f))
        .unwrap();
    let draw = t.elapsed();
    chain_checked(&app);
    let t = Instant::now();
    drop(app);
    let close = t.elapsed();
    println!(
        "  of which: Store::open {open:.1?}, App::new {make:.1?}, draw {draw:.1?}, close {close:.1?}"
    );
}

/// The baseline: sled::open with the same cache, every summary read and deserialized (the
/// database is returned, so its close is not counted either).
fn bare(dir: &Path) -> (usize, sled::Db) {
    let db = sled::Config::new()
        .path(dir.join(SLED_DIR))
        .cache_capacity(CACHE_CAPACITY)
        .open()
        .unwrap();
    let tree = db.open_tree("summaries").unwrap();
    let summaries: Vec<Summary> = tree
        .iter()
        .map(|kv| serde_json::from_slice(&kv.unwrap().1).unwrap())
        .collect();
    (summaries.len(), db)
}

/// Mean of `n` runs of `f`, each timed up to its result; then, untimed, `settle` waits for
/// what the result left running, and it is dropped.
fn mean<T>(n: u32, mut f: impl FnMut() -> (usize, T), settle: impl Fn(&T)) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..n {
        let started = Instant::now();
        let (len, live) = f();
        total += started.elapsed();
        assert_eq!(len, CASES as usize);
        settle(&live);
        drop(live);
    }
    total / n
}

/// Waits until the app's background check of the journal's chain has finished (about three
/// seconds of one core at 100,000 cases), so that it never runs beside the next measurement.
fn chain_checked(app: &App) {
    while app.chain_state().is_none() {
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The binary's resident memory after its first frame: (VmRSS, VmHWM) in MiB.
fn resident(dir: &Path) -> (f64, f64, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_privdesk"))
        .args(["--db", dir.to_str().unwrap(), "headless", "-"])
        .env("PRIVDESK_CONFIG", "/dev/null")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    stdin.write_all(b"screen\n").unwrap();
    stdin.flush().unwrap();
    let mut line = String::new();
    while !line.starts_with("--- end ---") {
        line.clear();
        if out.read_line(&mut line).unwrap() == 0 {
            break;
        }
    }
    let elapsed = started.elapsed();
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    let kib = |key: &str| -> f64 {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 1024.0
    };
    let (rss, hwm) = (kib("VmRSS:"), kib("VmHWM:"));
    drop(stdin);
    child.wait().unwrap();
    (rss, hwm, elapsed)
}

fn bench(c: &mut Criterion) {
    let dir = register_dir();
    build(&dir);
    let theme = Theme::load("default", None, true).unwrap();
    // Warm the page cache for both, then compare means taken in the same run.
    chain_checked(&first_frame(&dir, &theme).1);
    bare(&dir);
    breakdown(&dir, &theme);
    let ours = mean(5, || first_frame(&dir, &theme), chain_checked);
    let base = mean(5, || bare(&dir), |_| {});
    println!(
        "first frame with {CASES} cases: privdesk {ours:.1?}, bare summaries iteration {base:.1?}, ratio {:.2} (target <= 1.5)",
        ours.as_secs_f64() / base.as_secs_f64()
    );
    let (rss, hwm, took) = resident(&dir);
    println!(
        "the binary (headless, first frame in {took:.1?}): resident {rss:.1} MiB, peak {hwm:.1} MiB"
    );
    let mut g = c.benchmark_group("first_frame_100k");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("privdesk", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let started = Instant::now();
                let (_, app) = first_frame(&dir, &theme);
                total += started.elapsed();
                chain_checked(&app);
            }
            total
        })
    });
    g.bench_function("bare_summaries", |b| b.iter_with_large_drop(|| bare(&dir)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The FG's view at scale (issue 21): on a bulk register of 100,000 cases (three years), the
//! time `o` takes to build and draw the overview, and the time of the yearly report — its
//! figures in-process, and the release binary end to end (open, compute, record, write JSON).
//! Targets: the overview under 0.5 s, the report under 5 s. A plain main, like `scale`.
//! `PRIVDESK_SCALE_CASES` changes the size.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use privdesk::app::{Action, App};
use privdesk::clock::Clock;
use privdesk::demo::{amsterdam_instant, bulk};
use privdesk::i18n::Lang;
use privdesk::store::{OpenOptions, Store};
use privdesk::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn now() -> DateTime<Utc> {
    amsterdam_instant(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), 9, 0).unwrap()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Builds and draws the overview `runs` times on one open app; the seconds of each.
fn overview(reg: &Path, runs: usize) -> Vec<f64> {
    let store = Store::open(reg, &OpenOptions::existing(now())).unwrap();
    let mut app = App::new(store, Clock::Fixed(now()), Lang::Nl);
    // The background check of the chain runs at start: let it finish first.
    while app.chain_state().is_none() {
        std::thread::sleep(Duration::from_millis(20));
    }
    let theme = Theme::load("default", None, true).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    let mut out = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        app.update(Action::Overview);
        terminal
            .draw(|f| privdesk::ui::draw(&app, &theme, f))
            .unwrap();
        out.push(t.elapsed().as_secs_f64());
        assert!(app.overview().is_some());
        app.update(Action::Back);
    }
    out
}

fn main() {
    let n: u32 = std::env::var("PRIVDESK_SCALE_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let reg = tmp.path().join("reg");
    let t = Instant::now();
    bulk::build(&reg, n, now()).unwrap();
    println!(
        "fg_view: {n} cases built in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let o = overview(&reg, 5);
    println!(
        "overview (o: build + draw): median {:.3} s (target < 0.5 s); runs {:?}",
        median(o.clone()),
        o
    );

    // The figures alone, in-process (every case of the year read whole).
    let store = Store::open(&reg, &OpenOptions::existing(now())).unwrap();
    let mut figures = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let r = privdesk::cli::report::compute(&store, 2025, now()).unwrap();
        figures.push(t.elapsed().as_secs_f64());
        let received: u64 = r.kinds.0.iter().map(|(_, f)| f.received).sum();
        assert!(received > 0);
    }
    drop(store);
    println!(
        "report figures for 2025 in-process: median {:.2} s; runs {:?}",
        median(figures.clone()),
        figures
    );

    // The binary end to end: open, compute, record the line, write the JSON.
    let mut bin = Vec::new();
    for i in 0..3 {
        let out = tmp.path().join(format!("report-{i}.json"));
        let t = Instant::now();
        let o = Command::new(env!("CARGO_BIN_EXE_privdesk"))
            .arg("--db")
            .arg(&reg)
            .args(["report", "--year", "2025", "--format", "json", "--out"])
            .arg(&out)
            .env("PRIVDESK_CONFIG", "/dev/null")
            .env_remove("PRIVDESK_DB")
            .output()
            .unwrap();
        bin.push(t.elapsed().as_secs_f64());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    println!(
        "privdesk report --year 2025 --format json: median {:.2} s (target < 5 s); runs {:?}",
        median(bin.clone()),
        bin
    );
}

//! Key latency on a large register: with 10,000 cases, one key press handled by the app and
//! the frame drawn at 120x35 into the headless TestBackend — what a user waits for per key.
//! Target: p99 under 2 ms. Criterion gives the mean and median; the p50/p99 lines printed
//! before each group come from 2,000 timed presses.
//!
//! The register is built through `Store::save` in changes of 500 registrations each (no bulk
//! builder yet), so building takes a few seconds before the measurement starts.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

mod common;

use common::now;
use criterion::{Criterion, criterion_group, criterion_main};
use privdesk::app::{App, Key, parse_keys};
use privdesk::clock::Clock;
use privdesk::i18n::Lang;
use privdesk::store::{OpenOptions, Store};
use privdesk::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const CASES: u32 = 10_000;

fn build(dir: &std::path::Path) -> Store {
    let mut opts = OpenOptions::existing(now());
    opts.create = Some(true);
    let mut store = Store::open(dir, &opts).unwrap();
    common::fill(&mut store, CASES);
    store
}

fn key(k: &str) -> Key {
    parse_keys(k).unwrap()[0]
}

/// Presses `keys` in turn, drawing after each, and prints the p50 and p99 of `samples` presses.
fn percentiles(app: &mut App, terminal: &mut Terminal<TestBackend>, keys: &[Key], label: &str) {
    let samples = 2_000;
    let theme = Theme::load("default", None, false).unwrap();
    let mut times: Vec<Duration> = Vec::with_capacity(samples);
    for i in 0..samples {
        let k = keys[i % keys.len()];
        let start = Instant::now();
        app.handle_key(k);
        terminal
            .draw(|f| privdesk::ui::draw(app, &theme, f))
            .unwrap();
        times.push(start.elapsed());
    }
    times.sort();
    let p = |q: f64| times[((samples as f64 - 1.0) * q) as usize];
    println!(
        "{label}: p50 {:?}  p99 {:?}  max {:?}",
        p(0.50),
        p(0.99),
        times[samples - 1]
    );
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = build(&dir.path().join("register"));
    let theme = Theme::load("default", None, false).unwrap();
    let mut app = App::new(store, Clock::Fixed(now()), Lang::Nl);
    // The app checks the journal's chain on a thread of its own at start: measure keys after.
    while app.chain_state().is_none() {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    app.update(privdesk::app::Action::Resize(120, 35));
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    terminal
        .draw(|f| privdesk::ui::draw(&app, &theme, f))
        .unwrap();
    assert_eq!(app.visible_len(), CASES as usize);

    let (j, k) = (key("j"), key("k"));
    percentiles(
        &mut app,
        &mut terminal,
        &[j, j, k, k],
        "move (j/k) + draw, 10k cases",
    );
    c.bench_function("move (j/k) + draw, 10k cases, 120x35", |b| {
        let mut down = true;
        b.iter(|| {
            app.handle_key(if down { j } else { k });
            down = !down;
            terminal
                .draw(|f| privdesk::ui::draw(&app, &theme, f))
                .unwrap();
        })
    });

    // Typing in the search box refilters all 10,000 cases on every key.
    app.handle_key(key("/"));
    let (seven, bs) = (key("7"), key("<BS>"));
    percentiles(
        &mut app,
        &mut terminal,
        &[seven, bs],
        "search key + draw, 10k cases",
    );
    c.bench_function("search key (refilter 10k) + draw, 120x35", |b| {
        let mut typing = true;
        b.iter(|| {
            app.handle_key(if typing { seven } else { bs });
            typing = !typing;
            terminal
                .draw(|f| privdesk::ui::draw(&app, &theme, f))
                .unwrap();
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

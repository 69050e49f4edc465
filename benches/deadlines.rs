//! Time per deadline computation: every day of 2000–2100 × every kind (datalek: the 72 hours
//! from noon UTC that day). Criterion's throughput line gives computations per second; the
//! target is under 200 ns per computation.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use privdesk::domain::deadline::{breach_deadline, legal_dates};
use privdesk::domain::kind::CaseKind;

/// Every receipt day of 2000–2100 with the instant used for a datalek.
fn days() -> Vec<(NaiveDate, DateTime<Utc>)> {
    let mut d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
    let mut v = Vec::new();
    while d <= end {
        v.push((d, d.and_hms_opt(12, 0, 0).unwrap().and_utc()));
        d = d.succ_opt().unwrap();
    }
    v
}

/// One pass over every day × every kind; returns a checksum so nothing is optimised away.
fn all(days: &[(NaiveDate, DateTime<Utc>)], extended: bool) -> i64 {
    let mut sum = 0i64;
    for &(day, noon) in days {
        for kind in CaseKind::ALL {
            if kind.is_datalek() {
                let t = breach_deadline(black_box(noon), None).unwrap();
                sum = sum.wrapping_add(t.timestamp());
            } else if extended && !kind.may_extend() {
                // No extension exists: count the refusal as the computation.
                sum += i64::from(legal_dates(black_box(kind), black_box(day), true).is_err());
            } else {
                let d = legal_dates(black_box(kind), black_box(day), extended).unwrap();
                sum = sum.wrapping_add(i64::from(d.answer.num_days_from_ce()));
            }
        }
    }
    sum
}

fn bench(c: &mut Criterion) {
    let days = days();
    let n = (days.len() * CaseKind::ALL.len()) as u64;
    let mut g = c.benchmark_group("deadlines_2000_2100_every_kind");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n));
    g.bench_function("first", |b| b.iter(|| black_box(all(&days, false))));
    g.bench_function("extended", |b| b.iter(|| black_box(all(&days, true))));
    g.finish();
    // A plain figure, independent of criterion's output format.
    let start = std::time::Instant::now();
    let rounds = 5;
    for _ in 0..rounds {
        black_box(all(&days, false));
    }
    let ns = start.elapsed().as_nanos() as f64 / (rounds as f64 * n as f64);
    println!("{n} computations per pass; {ns:.1} ns per deadline computation (first period)");
}

criterion_group!(benches, bench);
criterion_main!(benches);

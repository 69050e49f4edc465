//! Large registers in bulk, for benchmarks and scale tests (issue 5, design.md "Space and
//! speed"): 100,000 cases through `Store::save` would be 100,000 fsyncs, an hour; here the
//! journal is written directly with the journal's own line encoder and one `sync_data` at the
//! end, and the working store is then rebuilt from it by `privdesk repair`'s code.
//!
//! Every case is built through the domain, like the demo seed: each change is applied to an
//! in-memory case with the stamp it will carry in the journal before it is written, so the
//! register holds only what the app itself could have recorded, and replaying it (repair,
//! backup) accepts it. Cases arrive over three years before `now`, in working hours; their
//! changes (checklist answers, waiting, extensions, decisions, letters, replies, closes) follow
//! over the weeks after, merged into one time-ordered journal, and whatever would lie after
//! `now` has not happened yet — so old cases are mostly closed and recent ones open.
//!
//! The register is a **demo** register (its first line says so): its history is fabricated and
//! backdated, and its names are fictitious.
//!
//! - `names` — the fictitious people: handlers, parents, children.
//! - `plans` — the course each case takes, a verzoek's or a datalek's.
//! - `case_plan` — one case's changes, each applied to the case by the domain as it is planned.
//! - here — the journal written in time order from all the plans, then the working store
//!   rebuilt.

mod case_plan;
mod names;
mod plans;

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{DateTime, Datelike, Duration, Utc};

use crate::demo::amsterdam_instant;
use crate::domain::deadline::amsterdam_date;
use crate::domain::{CaseId, Event};

use crate::store::journal::{self, JOURNAL_FILE, ZERO_HASH};
use crate::store::{StoreError, create_private_dir, maintenance};

use names::HANDLERS;
use plans::{Course, course, plan_datalek, plan_verzoek};

/// How many years of cases a bulk register spans.
pub const YEARS: i64 = 3;

/// What [`build`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BulkReport {
    /// Cases in the register (and in the rebuilt working store).
    pub cases: u64,
    /// Journal lines.
    pub changes: u64,
    /// Events over all lines.
    pub events: u64,
    /// The journal's size in bytes.
    pub journal_bytes: u64,
    /// Cases whose planned course the domain refused, registered only instead (should be 0;
    /// a test keeps it so).
    pub simplified: u64,
}

/// Builds a register of `n` fictitious cases in `dir` (created 0700; refused unless missing or
/// empty): writes the journal in one go, fsyncs it once, then rebuilds the working store from
/// it as `privdesk repair` does. Deterministic for a given `n` and `now`.
pub fn build(dir: &Path, n: u32, now: DateTime<Utc>) -> Result<BulkReport, StoreError> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(StoreError::NotEmpty(dir.to_path_buf()));
    }
    create_private_dir(dir)?;
    let report = write_journal(dir, n, now)?;
    let opts = maintenance::RepairOptions {
        now,
        accept_loss: false,
        user: None,
    };
    let cases = maintenance::rebuild(dir, &opts)?.cases;
    if cases != report.cases {
        return Err(StoreError::Damaged(crate::store::Damage::Count {
            found: cases,
            expected: report.cases,
        }));
    }
    Ok(report)
}

/// A small deterministic generator (SplitMix64): no dependency, the same register every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// One planned journal line: when, by whom, what.
struct Planned {
    at: DateTime<Utc>,
    user: &'static str,
    events: Vec<Event>,
}

/// Writes the journal of `n` cases: the creation line, then every planned change in time order.
fn write_journal(dir: &Path, n: u32, now: DateTime<Utc>) -> Result<BulkReport, StoreError> {
    let path = dir.join(JOURNAL_FILE);
    let file = journal::create_options()
        .write(true)
        .create_new(true)
        .open(&path)?;
    let mut w = Writer {
        out: BufWriter::with_capacity(1 << 20, file),
        seq: 0,
        cases: 0,
        prev: ZERO_HASH.to_string(),
        report: BulkReport::default(),
    };
    let today = amsterdam_date(now);
    let first_day = today - Duration::days(YEARS * 365);
    let days = (today - first_day).num_days().max(1) as u64;
    let start = amsterdam_instant(first_day, 8, 0).unwrap_or(now);
    w.emit(Planned {
        at: start.min(now),
        user: HANDLERS[0],
        events: vec![Event::RegisterCreated { demo: true }],
    })?;
    let n = u64::from(n);
    // Cases are spread evenly over the days before today, in working hours (08:30–16:30).
    let per_day = n.div_ceil(days) + 1;
    let step = Duration::seconds((8 * 3600 / per_day as i64).max(1));
    let mut numbers: HashMap<(char, i32), u32> = HashMap::new();
    let mut merge = Merge::default();
    for k in 0..n {
        let day = k * days / n;
        let first_of_day = (day * n).div_ceil(days);
        let date = first_day + Duration::days(day as i64);
        let reg =
            amsterdam_instant(date, 8, 30).unwrap_or(start) + step * (k - first_of_day) as i32;
        merge.emit_until(Some(reg), &mut w)?;
        let year = amsterdam_date(reg).year();
        let datalek = k % 20 == 7;
        let letter = if datalek { 'D' } else { 'V' };
        let number = numbers.entry((letter, year)).or_insert(0);
        *number += 1;
        let id = CaseId::new(letter, year, *number);
        let seed = k ^ 0x5EED_CA5E;
        let mut rng = Rng(seed);
        let planned = if datalek {
            let close = rng.below(5) != 0;
            plan_datalek(&mut rng, id, reg, now, close)
        } else {
            let c = course(&mut rng);
            plan_verzoek(&mut rng, id, reg, now, c)
        };
        let planned = match planned {
            Ok(p) => p,
            Err(_) => {
                w.report.simplified += 1;
                let mut rng = Rng(seed);
                if datalek {
                    plan_datalek(&mut rng, id, reg, now, false)
                } else {
                    plan_verzoek(&mut rng, id, reg, now, Course::Stalled)
                }
                .map_err(StoreError::Refused)?
            }
        };
        let mut queue: VecDeque<Planned> = planned.into();
        // Everything before `reg` is written: the registration goes now, the rest waits.
        if let Some(registration) = queue.pop_front() {
            w.emit(registration)?;
        }
        merge.push(k, queue);
    }
    merge.emit_until(None, &mut w)?;
    let file = w.out.into_inner().map_err(|e| e.into_error())?;
    file.sync_data()?;
    journal::sync_dir(dir)?;
    let mut report = w.report;
    report.journal_bytes = file.metadata()?.len();
    Ok(report)
}

/// The cases under way: each one's remaining changes, and a heap of their next change's time
/// (ties in the order they were queued), so the journal comes out in time order.
#[derive(Default)]
struct Merge {
    pending: BinaryHeap<Reverse<(DateTime<Utc>, u64, u64)>>,
    plans: HashMap<u64, VecDeque<Planned>>,
    order: u64,
}

impl Merge {
    fn push(&mut self, slot: u64, queue: VecDeque<Planned>) {
        if let Some(next) = queue.front() {
            self.order += 1;
            self.pending.push(Reverse((next.at, self.order, slot)));
            self.plans.insert(slot, queue);
        }
    }

    /// Writes every queued change up to and including `until` (all of them for `None`).
    fn emit_until(
        &mut self,
        until: Option<DateTime<Utc>>,
        w: &mut Writer,
    ) -> Result<(), StoreError> {
        while let Some(Reverse((at, _, slot))) = self.pending.peek().copied() {
            if until.is_some_and(|u| at > u) {
                break;
            }
            self.pending.pop();
            let Some(mut queue) = self.plans.remove(&slot) else {
                continue;
            };
            if let Some(p) = queue.pop_front() {
                w.emit(p)?;
            }
            self.push(slot, queue);
        }
        Ok(())
    }
}

/// Encodes and writes the journal lines, chaining them.
struct Writer {
    out: BufWriter<fs::File>,
    seq: u64,
    cases: u64,
    prev: String,
    report: BulkReport,
}

impl Writer {
    fn emit(&mut self, p: Planned) -> Result<(), StoreError> {
        self.seq += 1;
        self.cases += p.events.iter().filter(|e| e.creates_case()).count() as u64;
        let (line, hash) =
            journal::encode_line(self.seq, &p.at, p.user, &p.events, self.cases, &self.prev)
                .map_err(io::Error::other)?;
        self.out.write_all(&line)?;
        self.prev = hash;
        self.report.changes = self.seq;
        self.report.cases = self.cases;
        self.report.events += p.events.len() as u64;
        Ok(())
    }
}

//! The register at 100,000 cases (issue 5), measured side by side in one run and printed:
//!
//! - build: the bulk builder (journal in one go, then the working store rebuilt);
//! - (a) `Store::open` + all summaries vs. its floor, a bare `sled::open` + iteration of the
//!   `summaries` tree deserialising each value — both including `sled::open`, each in a fresh
//!   process (so sled's lingering lock and a warm heap favour neither), interleaved so both
//!   see the same disk. Target: at most 1.5×;
//! - (b) `privdesk audit verify` of the whole journal, in MB/s;
//! - (c) `privdesk repair` of the whole register, in seconds;
//! - (d) resident memory after open + load (VmRSS, and the peak VmHWM) in that fresh process.
//!   Target: at most 100 MB;
//! - (e) `Store::history(id)` through the working store's line index, over a few hundred
//!   cases, vs. its streamed fallback (the whole journal read for one case);
//! - (f) the migration of a schema-1 working store at open (copy aside + line index built);
//! - (g) the open after a kill: one saved line that sled never applied, replayed at open.
//!
//! (b), (c) and `privdesk export json` run the release binary under `/usr/bin/time -v`, which
//! also gives each one's peak memory.
//!
//! A plain `harness = false` main: criterion's ten-sample minimum would make a run of repair
//! take many minutes on a shared machine. `PRIVDESK_SCALE_CASES` (default 100000) and
//! `PRIVDESK_SCALE_RUNS` (default 3) change the size and the number of interleaved runs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use privdesk::demo::amsterdam_instant;
use privdesk::demo::bulk;
use privdesk::domain::{Event, Summary};
use privdesk::store::journal::{self, JOURNAL_FILE};
use privdesk::store::working::CACHE_CAPACITY;
use privdesk::store::{Health, OpenOptions, SLED_DIR, Store};

const CHILD: &str = "PRIVDESK_SCALE_CHILD";

fn now() -> DateTime<Utc> {
    amsterdam_instant(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), 9, 0).unwrap()
}

fn env_or(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `VmRSS` and `VmHWM` of this process, in kB.
fn memory_kb() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// The child process: one open in a fresh process, printed as `seconds cases rss_kb hwm_kb`.
fn child(mode: &str, reg: &Path) {
    let start = Instant::now();
    let (count, keep): (usize, Vec<Summary>) = match mode {
        "store" => {
            let store = Store::open(reg, &OpenOptions::existing(now())).unwrap();
            assert_eq!(store.health(), &Health::Ok);
            // The summaries as the workbench takes them: shared with the store, not copied.
            let all = store.shared_summaries();
            let n = all.len();
            let elapsed = start.elapsed();
            let (rss, hwm) = memory_kb();
            println!("{} {n} {rss} {hwm}", elapsed.as_secs_f64());
            drop(all);
            return;
        }
        _ => {
            let db = sled::Config::new()
                .path(reg.join(SLED_DIR))
                .cache_capacity(CACHE_CAPACITY)
                .open()
                .unwrap();
            let tree = db.open_tree("summaries").unwrap();
            let all: Vec<Summary> = tree
                .iter()
                .values()
                .map(|v| serde_json::from_slice(&v.unwrap()).unwrap())
                .collect();
            (all.len(), all)
        }
    };
    let elapsed = start.elapsed();
    let (rss, hwm) = memory_kb();
    println!("{} {count} {rss} {hwm}", elapsed.as_secs_f64());
    drop(keep);
}

struct Measured {
    secs: f64,
    cases: u64,
    rss_kb: u64,
    hwm_kb: u64,
}

fn run_child(mode: &str, reg: &Path) -> Measured {
    let out = Command::new(std::env::current_exe().unwrap())
        .env(CHILD, mode)
        .env("PRIVDESK_SCALE_DIR", reg)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let f: Vec<&str> = text.split_whitespace().collect();
    Measured {
        secs: f[0].parse().unwrap(),
        cases: f[1].parse().unwrap(),
        rss_kb: f[2].parse().unwrap(),
        hwm_kb: f[3].parse().unwrap(),
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.flatten()
                .map(|e| match e.file_type() {
                    Ok(t) if t.is_dir() => dir_size(&e.path()),
                    _ => e.metadata().map_or(0, |m| m.len()),
                })
                .sum()
        })
        .unwrap_or(0)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    if let Ok(mode) = std::env::var(CHILD) {
        let reg = PathBuf::from(std::env::var_os("PRIVDESK_SCALE_DIR").unwrap());
        child(&mode, &reg);
        return;
    }
    let n = env_or("PRIVDESK_SCALE_CASES", 100_000);
    let runs = env_or("PRIVDESK_SCALE_RUNS", 3).max(1);
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let reg = tmp.path().join("reg");

    println!("scale: {n} cases, {runs} interleaved runs");
    let t = Instant::now();
    let report = bulk::build(&reg, n, now()).unwrap();
    let built = t.elapsed();
    let journal_bytes = report.journal_bytes;
    println!(
        "build: {:.1} s — {} changes, {} events ({:.1} per case), journal {:.0} MB, working store {:.0} MB on disk",
        built.as_secs_f64(),
        report.changes,
        report.events,
        report.events as f64 / f64::from(n.max(1)),
        mb(journal_bytes),
        mb(dir_size(&reg.join(SLED_DIR))),
    );

    // (a) and (d): fresh processes, interleaved, the order swapped every run.
    let (mut store_t, mut bare_t) = (Vec::new(), Vec::new());
    let mut store_mem = Vec::new();
    for r in 0..runs {
        let order = if r % 2 == 0 {
            ["store", "bare"]
        } else {
            ["bare", "store"]
        };
        for mode in order {
            // sled's background threads of the previous process are gone; let the disk settle.
            std::thread::sleep(Duration::from_millis(200));
            let m = run_child(mode, &reg);
            assert_eq!(m.cases, u64::from(n));
            if mode == "store" {
                store_t.push(m.secs);
                store_mem.push((m.rss_kb, m.hwm_kb));
            } else {
                bare_t.push(m.secs);
            }
        }
    }
    let (s, b) = (median(store_t.clone()), median(bare_t.clone()));
    println!(
        "(a) open + all summaries: Store::open {:.3} s vs bare sled iteration {:.3} s = {:.2}× (target ≤ 1.5×); runs store {:?} bare {:?}",
        s,
        b,
        s / b,
        store_t,
        bare_t
    );
    let (rss, hwm) = store_mem[store_mem.len() / 2];
    println!(
        "(d) memory after open + load: VmRSS {:.1} MB (target ≤ 100 MB), peak VmHWM {:.1} MB",
        rss as f64 / 1024.0,
        hwm as f64 / 1024.0
    );

    // (b), (c), (d): the release binary, each under /usr/bin/time -v for its peak memory.
    let path = reg.join(JOURNAL_FILE);
    let mut verify_t = Vec::new();
    let mut verify_peak = 0;
    for _ in 0..runs {
        let (secs, peak, out) = timed_binary(&reg, &["audit", "verify"]);
        assert!(out.contains(&report.changes.to_string()), "{out}");
        verify_t.push(secs);
        verify_peak = verify_peak.max(peak);
    }
    let v = median(verify_t.clone());
    println!(
        "(b) audit verify: {:.2} s for {:.0} MB = {:.0} MB/s, peak RSS {:.0} MB; runs {:?}",
        v,
        mb(journal_bytes),
        mb(journal_bytes) / v,
        verify_peak as f64 / 1024.0,
        verify_t
    );
    assert_eq!(journal::verify(&path).unwrap().0, report.changes);

    // (c) repair of the whole register (once: it is the slowest).
    let (repaired, repair_peak, out) = timed_binary(&reg, &["repair"]);
    assert!(out.contains(&n.to_string()), "{out}");
    println!(
        "(c) repair: {repaired:.1} s for {n} cases, peak RSS {:.0} MB",
        repair_peak as f64 / 1024.0
    );
    for e in std::fs::read_dir(&reg).unwrap().flatten() {
        if e.file_name().to_string_lossy().starts_with("sled.damaged-") {
            std::fs::remove_dir_all(e.path()).unwrap();
        }
    }

    // (d) the binary, end to end: open, load, write every case as JSON.
    let out_file = tmp.path().join("zaken.json");
    let (secs, peak, _) = timed_binary(
        &reg,
        &["export", "json", "--out", out_file.to_str().unwrap()],
    );
    println!(
        "(d) privdesk export json: {secs:.1} s, peak RSS {:.1} MB, file {:.0} MB",
        peak as f64 / 1024.0,
        mb(std::fs::metadata(&out_file).map_or(0, |m| m.len()))
    );

    history_by_index(&reg);
    migration(&reg);
    after_a_kill(&reg, n);
}

/// (g): the open after a kill between a save's two steps: one line in the journal that sled
/// never applied, replayed at open (in a fresh process, like (a)).
fn after_a_kill(reg: &Path, n: u32) {
    let id = {
        let store = Store::open(reg, &OpenOptions::existing(now())).unwrap();
        store.summaries()[0].id
    };
    let (mut j, _) = journal::Journal::open(reg, "bench").unwrap();
    let cases = j.last().unwrap().cases;
    j.append(now(), "bench", vec![Event::Viewed { case: id }], cases)
        .unwrap();
    drop(j);
    std::thread::sleep(Duration::from_millis(200));
    let m = run_child("store", reg);
    assert_eq!(m.cases, u64::from(n));
    println!(
        "(g) open after a kill (one saved line to replay): {:.3} s, VmRSS {:.1} MB, peak VmHWM {:.1} MB",
        m.secs,
        m.rss_kb as f64 / 1024.0,
        m.hwm_kb as f64 / 1024.0
    );
}

/// (e): `history(id)` through the index for about 300 cases spread over the register, and
/// the streamed fallback for three of them (each reads the whole journal).
fn history_by_index(reg: &Path) {
    let store = Store::open(reg, &OpenOptions::existing(now())).unwrap();
    assert_eq!(store.health(), &Health::Ok);
    let ids: Vec<_> = store.summaries().iter().map(|s| s.id).collect();
    let picked: Vec<_> = ids
        .iter()
        .step_by((ids.len() / 300).max(1))
        .copied()
        .collect();
    let t = Instant::now();
    let mut lines = 0;
    for id in &picked {
        lines += store.history(*id).unwrap().len();
    }
    let by_index = t.elapsed().as_secs_f64() / picked.len() as f64;
    let mut streamed = Vec::new();
    for id in picked.iter().step_by((picked.len() / 3).max(1)).take(3) {
        let t = Instant::now();
        let h = store.history_streamed_for_tests(*id).unwrap();
        streamed.push(t.elapsed().as_secs_f64());
        assert_eq!(h, store.history(*id).unwrap());
    }
    let s = median(streamed.clone());
    println!(
        "(e) history(id): {:.3} ms per case through the index ({} cases, {:.1} events each) vs {:.3} s streamed = {:.0}× faster; streamed runs {:?}",
        by_index * 1e3,
        picked.len(),
        lines as f64 / picked.len() as f64,
        s,
        s / by_index,
        streamed
    );
}

/// (f): the register's working store turned into a schema-1 one (no line index), then opened:
/// copied aside and migrated. The copy is removed afterwards.
fn migration(reg: &Path) {
    let store = Store::open(reg, &OpenOptions::existing(now())).unwrap();
    store
        .working_for_tests()
        .unwrap()
        .make_schema_1_for_tests()
        .unwrap();
    drop(store);
    let before = dir_size(&reg.join(SLED_DIR));
    let t = Instant::now();
    let store = Store::open(reg, &OpenOptions::existing(now())).unwrap();
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(store.health(), &Health::Ok);
    let m = store.migrated().unwrap().clone();
    drop(store);
    println!(
        "(f) migration 1 → 2 at open: {secs:.1} s (copy of {:.0} MB aside + line index + open); working store {:.0} MB after",
        mb(before),
        mb(dir_size(&reg.join(SLED_DIR)))
    );
    std::fs::remove_dir_all(&m.copy).unwrap();
}

/// Runs the release binary on the register under `/usr/bin/time -v` (when present): wall
/// seconds, peak resident kB (0 without `time`), standard output.
fn timed_binary(reg: &Path, args: &[&str]) -> (f64, u64, String) {
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-v").arg(env!("CARGO_BIN_EXE_privdesk"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_privdesk"))
    };
    cmd.arg("--db")
        .arg(reg)
        .args(args)
        .env_remove("PRIVDESK_DB");
    let t = Instant::now();
    let out = cmd.output().unwrap();
    let secs = t.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {err}");
    let peak_kb = err
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    (
        secs,
        peak_kb,
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

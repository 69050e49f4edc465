//! The crash test: a child process saves changes in a loop, printing each change's seq only
//! after its save returned; it is killed with SIGKILL at random moments. After every kill the
//! register must open healthy, hold every printed change whole, hold no half change, and pass
//! `audit verify`.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use privdesk::domain::{CaseId, CaseKind};
use privdesk::store::journal::{self, JOURNAL_FILE};
use privdesk::store::{Health, Store};

/// Set in the child process: the register folder to hammer.
const CHILD_ENV: &str = "PRIVDESK_CRASH_CHILD_DB";

/// The child: every change registers two cases with consecutive numbers (a pair), so a half
/// change would show as a case without its partner.
#[test]
fn crash_child() {
    let Some(db) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(Path::new(&db), &create_opts()).unwrap();
    let mut out = std::io::stdout().lock();
    loop {
        let a = store.next_case_id(CaseKind::Inzage, now());
        let b = CaseId::new(a.letter, a.year, a.number + 1);
        let seq = store
            .save(
                vec![verzoek(a, "Paar Eerste"), verzoek(b, "Paar Tweede")],
                now(),
            )
            .unwrap();
        writeln!(out, "SAVED {seq} {} {}", a.number, b.number).unwrap();
        out.flush().unwrap();
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

#[cfg(unix)]
#[test]
fn sigkill_at_random_moments_loses_no_saved_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("reg");
    drop(open(&db));
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut printed: BTreeSet<u64> = BTreeSet::new();
    let mut pairs: BTreeSet<(u32, u32)> = BTreeSet::new();
    let (mut kills, mut torn, mut unprinted) = (0u32, 0u32, 0u64);
    let mut prev_last = 1u64;
    let mut history: Vec<String> = Vec::new();
    let mut replays = 0u32;
    while kills < 50 || (kills < 80 && started.elapsed() < Duration::from_secs(30)) {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                // libtest may have written `test crash_child ... ` before the first line.
                .filter_map(|l| l.find("SAVED ").map(|i| l[i..].to_string()))
                .collect::<Vec<_>>()
        });
        std::thread::sleep(Duration::from_millis(20 + rng.next(200)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        kills += 1;
        let got = reader.join().unwrap();
        let run_first = got.first().cloned();
        let run_last = got.last().cloned();
        let mut run_seqs = Vec::new();
        for line in got {
            let f: Vec<u64> = line
                .split(' ')
                .skip(1)
                .map(|x| x.parse().unwrap())
                .collect();
            run_seqs.push(f[0]);
            printed.insert(f[0]);
            pairs.insert((f[1] as u32, f[2] as u32));
        }

        let store = Store::open(&db, &create_opts()).unwrap();
        assert_eq!(*store.health(), Health::Ok, "seed {seed}, kill {kills}");
        torn += u32::from(store.torn_tail().is_some());
        replays += u32::from(store.replayed() > 0);
        let last = store.last_seq();
        // This run printed the changes right after the previous one's, in order...
        let expected: Vec<u64> = (prev_last + 1..=prev_last + run_seqs.len() as u64).collect();
        assert_eq!(run_seqs, expected, "seed {seed}");
        // ...every one of them is there, and at most the one being saved at the kill is
        // there unprinted.
        let printed_to = prev_last + run_seqs.len() as u64;
        assert!(
            last == printed_to || last == printed_to + 1,
            "seed {seed}: {last} vs {printed_to}; this run {run_first:?}..{run_last:?}; history {}",
            history.join(" | ")
        );
        unprinted += last - printed_to;
        history.push(format!("{run_first:?}..{run_last:?} last {last}"));
        prev_last = last;
        let ids: BTreeSet<u32> = store.summaries().iter().map(|s| s.id.number).collect();
        assert_eq!(ids.len() as u64, 2 * (last - 1), "seed {seed}");
        for (a, b) in &pairs {
            assert!(ids.contains(a) && ids.contains(b), "seed {seed}: pair {a}");
        }
        for n in &ids {
            let partner = if n % 2 == 1 { n + 1 } else { n - 1 };
            assert!(ids.contains(&partner), "seed {seed}: half change at {n}");
        }
        let (count, head) = journal::verify(&db.join(JOURNAL_FILE)).unwrap();
        assert_eq!((count, head.as_str()), (last, store.head_hash()));
        drop(store);
    }
    eprintln!(
        "crash test: {kills} kills, {} saves reported, {torn} torn tails, {replays} opens replayed, {:.1} s, seed {seed}, {unprinted} saved but unprinted at the kill",
        printed.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(printed.len() > 50, "too few saves to mean anything");
}

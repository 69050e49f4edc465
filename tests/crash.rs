//! The crash test: a child process saves changes in a loop, printing each change's seq only
//! after its save returned; it is killed with SIGKILL at random moments. After every kill the
//! register must open healthy, hold every printed change whole, hold no half change, and pass
//! `audit verify`.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use privdesk::domain::{CaseId, CaseKind};
use privdesk::store::journal::{self, JOURNAL_FILE};
use privdesk::store::{Health, Store};

/// Set in the child process: the register folder to hammer.
const CHILD_ENV: &str = "PRIVDESK_CRASH_CHILD_DB";

/// The child, run by the crash test in a process of its own (this test binary, started with
/// [`CHILD_ENV`] set): every change registers two cases with consecutive numbers (a pair), so
/// a half change would show as a case without its partner. It never ends by itself: it opens
/// the register and saves until it is killed; a failed open or save ends it with a panic,
/// which the crash test reports as a failure (the child must die by the kill).
fn crash_child(db: &Path) -> ! {
    let mut store = Store::open(db, &create_opts()).unwrap();
    let mut out = std::io::stdout().lock();
    // Opening (exec, libtest, sled's recovery) can take longer than a whole kill interval on
    // a loaded machine, a debug build above all: the parent times most kills from here.
    writeln!(out, "READY {}", store.last_seq()).unwrap();
    out.flush().unwrap();
    loop {
        let pair = vec![
            verzoek(CaseId::provisional(CaseKind::Inzage), "Paar Eerste"),
            verzoek(CaseId::provisional(CaseKind::Inzage), "Paar Tweede"),
        ];
        let saved = store.save_seen(pair, &[], now()).unwrap();
        let (seq, a, b) = (saved.seq, saved.assigned[0], saved.assigned[1]);
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

/// The journal's last `n` lines in brief: seq, cases, the case numbers its events name, `at`.
fn journal_tail(db: &Path, n: usize) -> String {
    match journal::read_all(&db.join(JOURNAL_FILE)) {
        Ok(changes) => changes
            .iter()
            .rev()
            .take(n)
            .rev()
            .map(|c| {
                let nums: Vec<u32> = c
                    .events
                    .iter()
                    .filter_map(|e| e.case().map(|id| id.number))
                    .collect();
                format!(
                    "  seq {} cases {} numbers {nums:?} at {}",
                    c.seq, c.cases, c.at
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Err(e) => format!("  unreadable: {e}"),
    }
}

#[cfg(unix)]
#[test]
fn sigkill_at_random_moments_loses_no_saved_change() {
    // In the child process this test is the child.
    if let Some(db) = std::env::var_os(CHILD_ENV) {
        crash_child(Path::new(&db));
    }
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
            .args([
                "--exact",
                "sigkill_at_random_moments_loses_no_saved_change",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let child_pid = child.id();
        let stdout = child.stdout.take().unwrap();
        let stderr = child.stderr.take().unwrap();
        // Raw lines, unfiltered, with whether each ended in a newline; each line is also sent
        // as it comes, so the parent can wait for READY.
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            let mut raw: Vec<(String, bool)> = Vec::new();
            let mut err = None;
            loop {
                let mut buf = Vec::new();
                match r.read_until(b'\n', &mut buf) {
                    Ok(0) => break,
                    Ok(_) => {
                        let nl = buf.last() == Some(&b'\n');
                        if nl {
                            buf.pop();
                        }
                        let line = String::from_utf8_lossy(&buf).into_owned();
                        let _ = tx.send(line.clone());
                        raw.push((line, nl));
                    }
                    Err(e) => {
                        err = Some(e.to_string());
                        break;
                    }
                }
            }
            (raw, err)
        });
        let err_reader = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = BufReader::new(stderr).read_to_string(&mut s);
            s
        });
        // One kill in four at a random moment from the start (it may hit the open: torn tail,
        // replay, sled's recovery); the others at a random moment of the save loop.
        let from_start = rng.next(4) == 0;
        if !from_start {
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                match rx.recv_timeout(left) {
                    Ok(line) if line.contains("READY ") => break,
                    Ok(_) => {}
                    // The child ended before it was ready: its status and stderr will tell.
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                        let _ = child.kill();
                        panic!(
                            "seed {seed}, kill {}: child not ready after 60 s",
                            kills + 1
                        );
                    }
                }
            }
        }
        let slept = if from_start {
            rng.next(300)
        } else {
            rng.next(150)
        };
        std::thread::sleep(Duration::from_millis(slept));
        let killed = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        kills += 1;
        let (raw, read_err) = reader.join().unwrap();
        let child_err = err_reader.join().unwrap();
        let got: Vec<String> = raw
            .iter()
            // libtest may have written `test sigkill_… ... ` before the first line.
            .filter_map(|(l, _)| l.find("SAVED ").map(|i| l[i..].to_string()))
            .collect();
        // The seq the child found at its open: the last one this parent saw, if it got that far.
        let ready: Option<u64> = raw.iter().find_map(|(l, _)| {
            l.find("READY ")
                .and_then(|i| l[i + "READY ".len()..].trim().parse().ok())
        });
        let run_first = got.first().cloned();
        let run_last = got.last().cloned();
        let mut run_seqs = Vec::new();
        for line in &got {
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
        let run_torn = store.torn_tail().map(|t| t.bytes);
        let run_replayed = store.replayed();
        let last = store.last_seq();
        let printed_to = prev_last + run_seqs.len() as u64;
        let report = |what: &str| {
            let tail: Vec<String> = raw
                .iter()
                .rev()
                .take(4)
                .rev()
                .map(|(l, nl)| format!("{l:?}{}", if *nl { "" } else { " (no newline)" }))
                .collect();
            format!(
                "seed {seed}, kill {kills}: {what}\n\
                 this run: pid {child_pid}, slept {slept} ms (from start {from_start}), kill {killed:?}, status {status:?}, \
                 {} stdout lines, read error {read_err:?}, printed {run_first:?}..{run_last:?}, \
                 prev_last {prev_last}, printed_to {printed_to}, journal last {last}, \
                 torn {run_torn:?}, replayed {run_replayed}, child opened at {ready:?}\n\
                 stdout tail: {}\n\
                 child stderr: {child_err:?}\n\
                 journal tail:\n{}\n\
                 history:\n{}",
                raw.len(),
                tail.join(" | "),
                journal_tail(&db, 4),
                history.join("\n"),
            )
        };
        // The child was still opening or saving when it was killed: it did not end by itself
        // (a failed open or save panics).
        {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(
                status.signal(),
                Some(9),
                "{}",
                report("the child ended before the kill")
            );
        }
        assert_eq!(*store.health(), Health::Ok, "{}", report("health"));
        if let Some(r) = ready {
            assert_eq!(r, prev_last, "{}", report("child opened at another seq"));
        }
        torn += u32::from(run_torn.is_some());
        replays += u32::from(run_replayed > 0);
        // This run printed the changes right after the previous one's, in order...
        let expected: Vec<u64> = (prev_last + 1..=prev_last + run_seqs.len() as u64).collect();
        assert_eq!(
            run_seqs,
            expected,
            "{}",
            report("printed seqs not contiguous")
        );
        // ...every one of them is there, and at most the one being saved at the kill is
        // there unprinted.
        assert!(
            last == printed_to || last == printed_to + 1,
            "{}",
            report(&format!("{last} vs {printed_to}"))
        );
        unprinted += last - printed_to;
        let ids: BTreeSet<u32> = store.summaries().iter().map(|s| s.id.number).collect();
        assert_eq!(ids.len() as u64, 2 * (last - 1), "{}", report("case count"));
        for (a, b) in &pairs {
            assert!(
                ids.contains(a) && ids.contains(b),
                "{}",
                report(&format!("pair {a} missing"))
            );
        }
        for n in &ids {
            let partner = if n % 2 == 1 { n + 1 } else { n - 1 };
            assert!(
                ids.contains(&partner),
                "{}",
                report(&format!("half change at {n}"))
            );
        }
        let (count, head) = journal::verify(&db.join(JOURNAL_FILE)).unwrap();
        assert_eq!(
            (count, head.as_str()),
            (last, store.head_hash()),
            "{}",
            report("verify")
        );
        history.push(format!(
            "  kill {kills}: slept {slept} ms (from start {from_start}), status {status:?}, {} lines, printed {run_first:?}..{run_last:?}, last {last}, torn {run_torn:?}, replayed {run_replayed}, opened at {ready:?}",
            raw.len()
        ));
        prev_last = last;
        drop(store);
    }
    eprintln!(
        "crash test: {kills} kills, {} saves reported, {torn} torn tails, {replays} opens replayed, {:.1} s, seed {seed}, {unprinted} saved but unprinted at the kill",
        printed.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(printed.len() > 50, "too few saves to mean anything");
}

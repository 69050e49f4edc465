//! Step 2 failing: the journal append hits the file-size limit (as a full disk would). The
//! partial line is cut back, the change refused with exit code 5, and the next change appends
//! a whole line to an intact chain.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;
use privdesk::domain::Event;
use privdesk::store::StoreError;
use privdesk::store::journal::{self, JOURNAL_FILE};

/// Set in the child process: the register folder.
const CHILD_ENV: &str = "PRIVDESK_FSIZE_CHILD_DB";

/// The child, run with SIGXFSZ ignored so a write past the limit fails with EFBIG.
#[cfg(unix)]
#[test]
fn fsize_child() {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let Some(db) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let db = Path::new(&db);
    let mut store = open(db);
    let a = register(&mut store, "Anna Jansen");
    // sled writes from a thread of its own: flushed now, it has nothing to write while the
    // limit is low (a background write refused there would fail the store, not the append).
    store.flush().unwrap();
    let path = db.join(JOURNAL_FILE);
    let before = fs::read(&path).unwrap();
    let old = getrlimit(Resource::Fsize);
    let limit = Rlimit {
        current: Some(before.len() as u64 + 50),
        maximum: old.maximum,
    };
    setrlimit(Resource::Fsize, limit).unwrap();
    let refused = store.save(vec![Event::Viewed { case: a }], now());
    setrlimit(Resource::Fsize, old).unwrap();
    let e = refused.unwrap_err();
    assert!(matches!(e, StoreError::Disk(_)), "{e:?}");
    assert_eq!(e.exit_code(), 5);
    assert_eq!(fs::read(&path).unwrap(), before, "partial line left behind");
    assert_eq!(store.last_seq(), 2);
    let seq = store.save(vec![Event::Viewed { case: a }], now()).unwrap();
    assert_eq!(seq, 3);
    drop(store);
    assert_eq!(journal::verify(&path).unwrap().0, 3);
    println!("FSIZE-CHILD-OK");
}

#[cfg(unix)]
#[test]
fn a_failed_append_is_cut_back_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; exec \"$0\" --exact fsize_child --nocapture --test-threads=1")
        .arg(std::env::current_exe().unwrap())
        .env(CHILD_ENV, dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("FSIZE-CHILD-OK"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue 16: a full disk is named as such, and a file-size limit (`ulimit -f`) is reported
/// with exit 5 instead of a silent death by SIGXFSZ.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_and_a_file_size_limit_are_named_with_exit_5() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let mut store = open(&reg);
    register(&mut store, "Anna Jansen");
    drop(store);
    let bin = env!("CARGO_BIN_EXE_privdesk");
    let out = Command::new(bin)
        .arg("--db")
        .arg(&reg)
        .args(["export", "csv", "--out", "/dev/full"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(err.contains("de schijf is vol"), "{err}");
    // No `trap '' XFSZ` here: privdesk itself must turn the signal into an error.
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 1; exec \"$0\" --db \"$1\" export csv --out \"$2\"")
        .arg(bin)
        .arg(&reg)
        .arg(dir.path().join("zaken.csv"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{:?} {err}", out.status);
    assert!(err.contains("limiet voor bestandsgrootte"), "{err}");
    assert!(!dir.path().join("zaken.csv").exists());
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains("tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

//! An export to a path that is not a regular file (a named pipe, `/dev/null`) writes into it
//! and never replaces it with a file.
#![allow(clippy::unwrap_used)]
#![cfg(unix)]

mod common;
use common::{Run, privdesk_cmd};
use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::process::Command;

use privdesk::demo;
use privdesk::store::{OpenOptions, Store};

#[test]
fn an_export_into_a_named_pipe_writes_through_it_and_leaves_the_pipe() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("reg");
    let now = demo::amsterdam_instant("2026-11-23".parse().unwrap(), 9, 0).unwrap();
    let opts = OpenOptions {
        create: Some(true),
        now,
        cli_user: None,
        config_user: None,
    };
    let mut store = Store::open(&db, &opts).unwrap();
    for (at, change) in demo::plan(now).unwrap().into_iter().take(5) {
        store.save(change, at).unwrap();
    }
    drop(store);
    let exports = [
        vec!["export", "csv"],
        vec!["export", "breaches", "csv"],
        vec!["export", "json"],
    ];
    for (i, what) in exports.into_iter().enumerate() {
        let fifo = tmp.path().join(format!("pipe-{i}"));
        assert!(
            Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut text = String::new();
                std::fs::File::open(fifo)
                    .unwrap()
                    .read_to_string(&mut text)
                    .unwrap();
                text
            })
        };
        let o = privdesk_cmd::<&str>(None, &[])
            .arg("--db")
            .arg(&db)
            .args(["--now", "2026-11-23T10:00"])
            .args(&what)
            .arg("--out")
            .arg(&fifo)
            .run();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{what:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        // Checked before joining: a replaced pipe would leave the reader waiting forever.
        assert!(
            std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
            "{what:?} replaced the pipe"
        );
        let text = reader.join().unwrap();
        assert!(!text.is_empty(), "{what:?} wrote nothing into the pipe");
    }
}

//! A damaged working store (issue 5): bytes flipped in `sled/db` and the file truncated never
//! panic, never give a silently shorter list, and never show a case other than the journal's
//! (found at open, or when the case is read); `repair` brings back every case. Also the
//! schema version, backup and repair through the binary.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::path::Path;

use common::*;
use privdesk::domain::Case;
use privdesk::store::journal::{self, JOURNAL_FILE};
use privdesk::store::working::SCHEMA_VERSION;
use privdesk::store::{Health, OpenOptions, SLED_DIR, SPOT_CHECK, Store, StoreError, maintenance};

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// A register with more cases than open checks (so damage can hit a record that only its
/// first read checks), some changed after registration; returns their records.
fn seed(reg: &Path) -> Vec<Case> {
    let mut store = open(reg);
    let mut ids = Vec::new();
    for n in 0..SPOT_CHECK + 44 {
        ids.push(register(&mut store, &format!("Verzoeker {n}")));
    }
    for id in ids.iter().step_by(3) {
        start_waiting(&mut store, *id);
    }
    let cases = ids
        .iter()
        .map(|id| store.case(*id).unwrap().unwrap())
        .collect();
    drop(store);
    cases
}

fn all_cases(store: &Store, reference: &[Case]) -> Vec<Case> {
    reference
        .iter()
        .filter_map(|c| store.case(c.id).unwrap())
        .collect()
}

#[test]
fn flipped_bytes_and_truncation_never_panic_never_shorten_and_repair_restores() {
    let master = tempfile::tempdir().unwrap();
    let reference = seed(master.path());
    let db_len = fs::metadata(master.path().join(SLED_DIR).join("db"))
        .unwrap()
        .len();
    assert!(db_len > 0);
    type Corrupt = Box<dyn Fn(&mut Vec<u8>)>;
    let mut variants: Vec<(String, Corrupt)> = Vec::new();
    for off in [
        0,
        17,
        100,
        1000,
        4096,
        8192,
        db_len / 3,
        db_len / 2,
        db_len - 1,
    ] {
        let off = (off.min(db_len - 1)) as usize;
        variants.push((
            format!("flip@{off}"),
            Box::new(move |b: &mut Vec<u8>| {
                for i in off..(off + 4).min(b.len()) {
                    b[i] ^= 0xFF;
                }
            }),
        ));
    }
    for len in [db_len / 2, db_len / 4, 100, 0] {
        variants.push((
            format!("truncate@{len}"),
            Box::new(move |b: &mut Vec<u8>| b.truncate(len as usize)),
        ));
    }
    let mut report = Vec::new();
    for (name, corrupt) in &variants {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(master.path(), dir.path());
        let db = dir.path().join(SLED_DIR).join("db");
        let mut bytes = fs::read(&db).unwrap();
        corrupt(&mut bytes);
        fs::write(&db, &bytes).unwrap();

        let store = Store::open(dir.path(), &create_opts()).unwrap();
        let health = store.health().clone();
        assert_eq!(
            store.summaries().len(),
            reference.len(),
            "{name}: {health:?}"
        );
        assert_eq!(
            all_cases(&store, &reference),
            reference,
            "{name}: {health:?}"
        );
        report.push(format!("{name}: {health:?}"));
        drop(store);

        let cases = maintenance::repair(dir.path(), &repair_opts())
            .unwrap()
            .cases;
        assert_eq!(cases, reference.len() as u64, "{name}");
        let store = Store::open(dir.path(), &create_opts()).unwrap();
        assert_eq!(*store.health(), Health::Ok, "{name}");
        assert_eq!(all_cases(&store, &reference), reference, "{name}");
        assert!(
            fs::read_dir(dir.path()).unwrap().any(|e| e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("sled.damaged-")),
            "{name}"
        );
    }
    eprintln!("damage variants:\n  {}", report.join("\n  "));
}

#[test]
fn a_newer_working_store_is_refused_naming_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    seed_small(dir.path());
    {
        let db = raw_sled(&dir.path().join(SLED_DIR));
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", "99")
            .unwrap();
        db.flush().unwrap();
    }
    let e = Store::open(dir.path(), &create_opts()).unwrap_err();
    assert!(matches!(
        e,
        StoreError::NewerSchema {
            found: 99,
            supported: SCHEMA_VERSION
        }
    ));
    assert_eq!(e.exit_code(), 2);
    let m = e.message(privdesk::i18n::Lang::Nl);
    assert!(
        m.contains("99") && m.contains(&SCHEMA_VERSION.to_string()),
        "{m}"
    );
}

fn seed_small(reg: &Path) {
    let mut store = open(reg);
    register(&mut store, "Anna Jansen");
    register(&mut store, "Bert Bakker");
}

#[test]
fn backup_works_beside_an_open_register_and_opens_with_db() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let demo = OpenOptions {
        create: Some(true),
        now: now(),
        cli_user: None,
        config_user: None,
    };
    let mut store = Store::open(&reg, &demo).unwrap();
    register(&mut store, "Anna Jansen");
    register(&mut store, "Bert Bakker");
    let dest = dir.path().join("kopie");
    let out = privdesk(
        None,
        &[
            "--db".as_ref(),
            reg.as_os_str(),
            "backup".as_ref(),
            dest.as_os_str(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("3 wijzigingen, 2 zaken"));
    drop(store);
    let copy = Store::open(&dest, &OpenOptions::existing(now())).unwrap();
    assert_eq!(*copy.health(), Health::Ok);
    assert!(copy.is_demo());
    assert_eq!(copy.summaries().len(), 2);
    assert_eq!(journal::verify(&dest.join(JOURNAL_FILE)).unwrap().0, 3);
    drop(copy);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&dest).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }
    // A non-empty folder is refused.
    let out = privdesk(
        None,
        &[
            "--db".as_ref(),
            reg.as_os_str(),
            "backup".as_ref(),
            dest.as_os_str(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    // With the register free, the backup is recorded in its journal.
    let dest2 = dir.path().join("kopie2");
    let out = privdesk(
        None,
        &[
            "--db".as_ref(),
            reg.as_os_str(),
            "backup".as_ref(),
            dest2.as_os_str(),
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = fs::read_to_string(reg.join(JOURNAL_FILE)).unwrap();
    assert!(text.lines().last().unwrap().contains("backed_up"));
}

#[test]
fn repair_through_the_binary_reports_the_cases() {
    let dir = tempfile::tempdir().unwrap();
    seed_small(dir.path());
    fs::write(dir.path().join(SLED_DIR).join("db"), b"").unwrap();
    let out = privdesk(
        None,
        &["--db".as_ref(), dir.path().as_os_str(), "repair".as_ref()],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines[0], "werkopslag herbouwd: 2 zaken", "{said}");
    assert!(
        lines[1].starts_with("oude werkopslag bewaard in "),
        "{said}"
    );
    assert_eq!(
        lines[2], "herstel vastgelegd in het journaal (wijziging 4)",
        "{said}"
    );
    let store = Store::open(dir.path(), &create_opts()).unwrap();
    assert_eq!(*store.health(), Health::Ok);
    assert_eq!(store.summaries().len(), 2);
}

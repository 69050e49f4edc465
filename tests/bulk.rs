//! The bulk builder for benchmarks (issue 5): a register of fictitious cases written in one go
//! opens healthy, passes `audit verify`, and holds the cases asked for, every one accepted by
//! the domain on its planned course.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

use common::*;
use privdesk::demo::bulk;
use privdesk::domain::CaseKind;
use privdesk::domain::case::Status;
use privdesk::store::journal::{self, JOURNAL_FILE};
use privdesk::store::{Health, OpenOptions, Store, StoreError};

#[test]
fn a_bulk_register_of_200_cases_opens_healthy_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let report = bulk::build(&reg, 200, now()).unwrap();
    assert_eq!(report.cases, 200);
    assert_eq!(report.simplified, 0, "the domain refused a planned course");
    assert!(
        report.events >= 200 * 7,
        "too few events for realistic cases: {report:?}"
    );

    let store = Store::open(&reg, &OpenOptions::existing(now())).unwrap();
    assert_eq!(store.health(), &Health::Ok);
    assert!(store.is_demo(), "a fabricated register is a demo register");
    assert_eq!(store.case_count(), 200);
    assert_eq!(store.replayed(), 0, "the working store was rebuilt in full");
    assert_eq!(store.last_seq(), report.changes);
    let summaries = store.summaries();
    let kinds: BTreeSet<CaseKind> = summaries.iter().map(|s| s.kind).collect();
    assert_eq!(kinds.len(), CaseKind::ALL.len(), "{kinds:?}");
    let statuses: BTreeSet<Status> = summaries.iter().map(|s| s.status).collect();
    for s in [
        Status::Open,
        Status::Besloten,
        Status::Gesloten,
        Status::Ingetrokken,
    ] {
        assert!(statuses.contains(&s), "no {s:?} in {statuses:?}");
    }
    let years: BTreeSet<i32> = summaries.iter().map(|s| s.id.year).collect();
    assert!(years.len() >= 3, "{years:?}");
    drop(store);

    // The journal is in time order and its last line counts every case.
    let changes = journal::read_all(&reg.join(JOURNAL_FILE)).unwrap();
    assert!(changes.windows(2).all(|w| w[0].at <= w[1].at));
    assert!(changes.iter().all(|c| c.at <= now()));
    assert_eq!(changes.last().unwrap().cases, 200);

    let out = privdesk_cmd::<&str>(None, &[])
        .arg("--db")
        .arg(&reg)
        .args(["--lang", "en", "audit", "verify"])
        .run();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "journal intact: {} changes, head {}\nworking store agrees: change {}, 200 cases\n",
            report.changes,
            changes.last().unwrap().hash,
            report.changes
        )
    );
}

#[test]
fn bulk_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x"), "x").unwrap();
    assert!(matches!(
        bulk::build(dir.path(), 5, now()),
        Err(StoreError::NotEmpty(_))
    ));
}

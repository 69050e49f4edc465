//! The working store at scale (issues 5 and 7): replay writes cases in batches; open checks the
//! records of the most recently changed cases, and every other record is checked when read.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use privdesk::demo::bulk;
use privdesk::domain::{CaseId, Event};
use privdesk::store::journal::{self, JOURNAL_FILE};
use privdesk::store::working::Working;
use privdesk::store::{Damage, Health, SLED_DIR, SPOT_CHECK, Store};

#[test]
fn replay_in_small_batches_gives_the_same_cases_as_the_bulk_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    bulk::build(&reg, 80, now()).unwrap();
    let (changes, offsets) = journal::read_all_with_offsets(&reg.join(JOURNAL_FILE)).unwrap();
    let located = || offsets.iter().copied().zip(&changes);
    let other = Working::open(&dir.path().join("other")).unwrap();
    let replayed = other.replay_in_batches(located(), 7).unwrap();
    assert_eq!(replayed, changes.len() as u64);
    assert_eq!(other.applied_seq().unwrap(), changes.len() as u64);
    let store = Store::open(&reg, &create_opts()).unwrap();
    let summaries = store.summaries();
    assert_eq!(other.summaries().unwrap(), summaries);
    let w = store.working_for_tests().unwrap();
    for s in &summaries {
        assert_eq!(other.case(s.id).unwrap(), store.case(s.id).unwrap());
        // The line index too: small batches index every line once, as the bulk rebuild does.
        assert_eq!(
            other.line_offsets(s.id).unwrap(),
            w.line_offsets(s.id).unwrap()
        );
    }
    // Replaying again changes nothing: every case already has its changes.
    assert_eq!(other.replay_in_batches(located(), 7).unwrap(), 0);
}

#[test]
fn a_case_record_missing_behind_its_summary_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let ids: Vec<_> = (0..5)
        .map(|n| register(&mut store, &format!("Verzoeker {n}")))
        .collect();
    drop(store);
    {
        let db = raw_sled(&dir.path().join(SLED_DIR));
        db.open_tree("cases")
            .unwrap()
            .remove(ids[2].to_string().as_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let store = Store::open(dir.path(), &create_opts()).unwrap();
    assert_eq!(store.health(), &Health::Damaged(Damage::Missing));
    // Read-only from the journal, every case still there.
    assert_eq!(store.case_count(), 5);
    assert!(store.case(ids[2]).unwrap().is_some());
}

/// A bulk register with more cases than open checks, and its oldest-changed case: the one
/// open does not look at.
fn register_beyond_the_spot_check(reg: &std::path::Path) -> (CaseId, privdesk::domain::Case) {
    bulk::build(reg, SPOT_CHECK as u32 + 40, now()).unwrap();
    let store = Store::open(reg, &create_opts()).unwrap();
    assert_eq!(store.health(), &Health::Ok);
    let oldest = store
        .summaries()
        .into_iter()
        .min_by_key(|s| s.last_seq)
        .unwrap()
        .id;
    let case = store.case(oldest).unwrap().unwrap();
    (oldest, case)
}

/// Changes a case's record in the sled folder directly.
fn damage_record(reg: &std::path::Path, id: CaseId, record: Option<&privdesk::domain::Case>) {
    let db = raw_sled(&reg.join(SLED_DIR));
    let cases = db.open_tree("cases").unwrap();
    match record {
        Some(c) => cases
            .insert(id.to_string().as_bytes(), serde_json::to_vec(c).unwrap())
            .map(|_| ()),
        None => cases.remove(id.to_string().as_bytes()).map(|_| ()),
    }
    .unwrap();
    db.flush().unwrap();
}

#[test]
fn an_old_record_lost_is_found_when_read_and_the_case_comes_from_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let (oldest, before) = register_beyond_the_spot_check(&reg);
    damage_record(&reg, oldest, None);
    let store = Store::open(&reg, &create_opts()).unwrap();
    // Open checks the newest cases only: healthy, the whole list.
    assert_eq!(store.health(), &Health::Ok);
    assert_eq!(store.case_count(), SPOT_CHECK + 40);
    // Reading an intact case leaves it healthy.
    let newest = store
        .summaries()
        .into_iter()
        .max_by_key(|s| s.last_seq)
        .unwrap()
        .id;
    assert!(store.case(newest).unwrap().is_some());
    assert_eq!(store.health(), &Health::Ok);
    // Reading the lost one: damage, read-only, and the case as it was, from the journal.
    assert_eq!(store.case(oldest).unwrap(), Some(before));
    assert_eq!(store.health(), &Health::Damaged(Damage::Missing));
    assert_eq!(store.writable().unwrap_err().exit_code(), 4);
}

#[test]
fn a_save_on_a_lost_record_is_refused_as_damage_and_writes_no_line() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let (oldest, _) = register_beyond_the_spot_check(&reg);
    damage_record(&reg, oldest, None);
    let mut store = Store::open(&reg, &create_opts()).unwrap();
    let last = store.last_seq();
    let e = store
        .save(vec![Event::Viewed { case: oldest }], now())
        .unwrap_err();
    assert_eq!(e.exit_code(), 4);
    assert_eq!(store.last_seq(), last);
    assert_eq!(store.health(), &Health::Damaged(Damage::Missing));
    drop(store);
    assert_eq!(
        journal::read_all(&reg.join(JOURNAL_FILE)).unwrap().len() as u64,
        last
    );
}

#[test]
fn an_out_of_date_record_is_damage_at_open_when_recent_and_on_read_when_old() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let (oldest, before) = register_beyond_the_spot_check(&reg);
    let newest = {
        let store = Store::open(&reg, &create_opts()).unwrap();
        let s = store
            .summaries()
            .into_iter()
            .max_by_key(|s| s.last_seq)
            .unwrap();
        store.case(s.id).unwrap().unwrap()
    };
    // An old case whose record went back in time is found when it is read.
    let mut stale = before.clone();
    stale.last_seq -= 1;
    damage_record(&reg, oldest, Some(&stale));
    let store = Store::open(&reg, &create_opts()).unwrap();
    assert_eq!(store.health(), &Health::Ok);
    assert_eq!(store.case(oldest).unwrap(), Some(before.clone()));
    assert_eq!(store.health(), &Health::Damaged(Damage::Missing));
    drop(store);
    // The newest case's record out of date is found at open.
    damage_record(&reg, oldest, Some(&before));
    let mut stale = newest.clone();
    stale.last_seq -= 1;
    damage_record(&reg, newest.id, Some(&stale));
    let store = Store::open(&reg, &create_opts()).unwrap();
    assert_eq!(store.health(), &Health::Damaged(Damage::Missing));
    assert_eq!(store.case_count(), SPOT_CHECK + 40);
    assert_eq!(store.case(newest.id).unwrap(), Some(newest));
}

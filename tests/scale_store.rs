//! The working store at scale (issue 5): replay writes cases in batches, and the open-time
//! check that every summary has its case record is one pass over the case keys.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use privdesk::store::journal::{self, JOURNAL_FILE};
use privdesk::store::working::Working;
use privdesk::store::{Damage, Health, SLED_DIR, Store, bulk};

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

//! The working store's index of each case's journal lines (schema 2): a case's history reads
//! only its own lines, equals the streamed history, and falls back to streaming when the index
//! fails; replay, repair, backup and the bulk builder fill it; a schema-1 store is copied aside
//! and migrated at open, and says where the copy is.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::*;
use privdesk::app::App;
use privdesk::clock::Clock;
use privdesk::demo::bulk;
use privdesk::domain::{CaseId, Event};
use privdesk::i18n::Lang;
use privdesk::store::journal::{self, JOURNAL_FILE, Journal};
use privdesk::store::working::SCHEMA_VERSION;
use privdesk::store::{Damage, Health, HistoryEntry, OpenOptions, SLED_DIR, Store, maintenance};

/// Every case's history through the index equals the streamed one, and the index is used.
/// The journal is read once and grouped by case (what streaming gives per case, without
/// streaming it once per case); a few cases are streamed too.
fn assert_index_gives_every_history(store: &Store) {
    assert_eq!(store.health(), &Health::Ok);
    let mut all: BTreeMap<CaseId, Vec<HistoryEntry>> = BTreeMap::new();
    for c in journal::read_all(&store.dir().join(JOURNAL_FILE)).unwrap() {
        for e in c.events {
            if let Some(id) = e.case() {
                all.entry(id)
                    .or_default()
                    .push((c.seq, c.at, c.user.clone(), e));
            }
        }
    }
    let summaries = store.summaries();
    assert_eq!(all.len(), summaries.len());
    let w = store.working_for_tests().unwrap();
    for (n, s) in summaries.iter().enumerate() {
        let expected = &all[&s.id];
        if n % 25 == 0 {
            assert_eq!(&store.history_streamed_for_tests(s.id).unwrap(), expected);
        }
        let by_index = store.history_by_index_for_tests(s.id);
        assert_eq!(by_index.as_ref(), Some(expected), "{}", s.id);
        assert_eq!(&store.history(s.id).unwrap(), expected, "{}", s.id);
        // One offset per line that names the case.
        let mut seqs: Vec<u64> = expected.iter().map(|h| h.0).collect();
        seqs.dedup();
        assert_eq!(
            w.line_offsets(s.id).unwrap().unwrap().len(),
            seqs.len(),
            "{}",
            s.id
        );
    }
}

fn existing(reg: &Path) -> Store {
    Store::open(reg, &OpenOptions::existing(now())).unwrap()
}

#[test]
fn history_by_index_equals_the_streamed_history_of_a_bulk_register() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    bulk::build(&reg, 200, now()).unwrap();
    let store = existing(&reg);
    assert_index_gives_every_history(&store);
    // Lines that change no case record are in the index too.
    let summaries = store.summaries();
    let with = |pred: fn(&Event) -> bool| {
        summaries
            .iter()
            .filter(|s| {
                store
                    .history_by_index_for_tests(s.id)
                    .unwrap()
                    .iter()
                    .any(|h| pred(&h.3))
            })
            .count()
    };
    assert!(with(|e| matches!(e, Event::Viewed { .. })) > 50);
    assert!(with(|e| matches!(e, Event::LetterMade { .. })) > 50);
    // A case that does not exist has no history, as streaming says.
    let ghost = CaseId::new('V', 1999, 1);
    assert_eq!(store.history(ghost).unwrap(), vec![]);
    assert_eq!(store.history_by_index_for_tests(ghost), Some(vec![]));
}

#[test]
fn saves_index_every_case_their_line_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let a = register(&mut store, "Anna Jansen");
    let b = register(&mut store, "Bert de Vries");
    store.save(vec![Event::Viewed { case: a }], now()).unwrap();
    store
        .save(
            vec![
                Event::Viewed { case: b },
                Event::LetterMade {
                    case: b,
                    letter: privdesk::domain::LetterKind::Ontvangstbevestiging,
                    format: None,
                    sha256: None,
                },
                Event::Viewed { case: a },
            ],
            now(),
        )
        .unwrap();
    let offsets = |store: &Store, id| {
        store
            .working_for_tests()
            .unwrap()
            .line_offsets(id)
            .unwrap()
            .unwrap()
    };
    // Each offset is where its line starts (one per line, however many events name the case).
    let text = fs::read_to_string(dir.path().join(JOURNAL_FILE)).unwrap();
    let starts: Vec<u64> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i as u64 + 1))
        .collect();
    assert_eq!(offsets(&store, a), vec![starts[1], starts[3], starts[4]]);
    assert_eq!(offsets(&store, b), vec![starts[2], starts[4]]);
    assert_eq!(store.history(b).unwrap().len(), 3);
    drop(store);
    let store = open(dir.path());
    assert_index_gives_every_history(&store);
}

#[test]
fn a_missing_or_wrong_index_entry_is_damage_and_the_history_comes_from_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let a = register(&mut store, "Anna Jansen");
    let b = register(&mut store, "Bert de Vries");
    for case in [a, b, a] {
        store.save(vec![Event::Viewed { case }], now()).unwrap();
    }
    start_waiting(&mut store, a);
    let expected = store.history_streamed_for_tests(a).unwrap();
    assert_eq!(expected.len(), 4);
    let w = store.working_for_tests().unwrap();
    let good = w.line_offsets(a).unwrap().unwrap();
    let of_b = w.line_offsets(b).unwrap().unwrap();
    let journal_len = fs::metadata(dir.path().join(JOURNAL_FILE)).unwrap().len();
    let wrong: Vec<(&str, Option<Vec<u64>>)> = vec![
        ("removed", None),
        ("empty", Some(vec![])),
        (
            "mid-line",
            Some(
                std::iter::once(good[0] + 1)
                    .chain(good[1..].iter().copied())
                    .collect(),
            ),
        ),
        (
            "another case's line",
            Some(vec![good[0], of_b[1], good[2], good[3]]),
        ),
        (
            "out of order",
            Some(vec![good[0], good[2], good[1], good[3]]),
        ),
        (
            "twice",
            Some(vec![good[0], good[1], good[1], good[2], good[3]]),
        ),
        (
            "past the end",
            Some(vec![good[0], good[1], journal_len + 10]),
        ),
        ("at the end", Some(vec![good[0], journal_len])),
        ("without its creation", Some(good[1..].to_vec())),
        ("without its newest line", Some(good[..3].to_vec())),
    ];
    drop(store);
    for (name, offsets) in wrong {
        let store = open(dir.path());
        let w = store.working_for_tests().unwrap();
        w.set_line_offsets_for_tests(a, offsets.as_deref()).unwrap();
        assert_eq!(store.history_by_index_for_tests(a), None, "{name}");
        // The right history from the journal, and the wrong index is damage found on read.
        assert_eq!(store.health(), &Health::Ok, "{name}");
        assert_eq!(store.history(a).unwrap(), expected, "{name}");
        assert_eq!(store.health(), &Health::Damaged(Damage::Index), "{name}");
        w.set_line_offsets_for_tests(a, Some(&good)).unwrap();
    }
    let mut store = open(dir.path());
    assert_eq!(store.history_by_index_for_tests(a), Some(expected.clone()));
    // A save on a case whose entry went missing: the entry holds the new line only, which
    // does not create the case, so history falls back (and says the index is damaged).
    let w = store.working_for_tests().unwrap();
    w.set_line_offsets_for_tests(a, None).unwrap();
    store.save(vec![Event::Viewed { case: a }], now()).unwrap();
    assert_eq!(store.history_by_index_for_tests(a), None);
    assert_eq!(store.history(a).unwrap().len(), 5);
    assert_eq!(store.health(), &Health::Damaged(Damage::Index));
    drop(store);

    // An entry that is not a list of offsets.
    {
        let db = raw_sled(&dir.path().join(SLED_DIR));
        db.open_tree("lines")
            .unwrap()
            .insert(b.to_string().as_bytes(), &b"12345"[..])
            .unwrap();
        db.flush().unwrap();
    }
    let store = open(dir.path());
    assert_eq!(store.health(), &Health::Ok);
    assert_eq!(store.history_by_index_for_tests(b), None);
    assert_eq!(
        store.history(b).unwrap(),
        store.history_streamed_for_tests(b).unwrap()
    );
    assert_eq!(store.history(b).unwrap().len(), 2);
    assert_eq!(store.health(), &Health::Damaged(Damage::Index));
}

#[test]
fn replay_after_a_kill_fills_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let a = register(&mut store, "Anna Jansen");
    let b = register(&mut store, "Bert de Vries");
    drop(store);
    // Saved in the journal, never applied to sled: a kill between the two steps of a save.
    let c = CaseId::new('V', 2026, 3);
    {
        let (mut j, _) = Journal::open(dir.path(), "t").unwrap();
        let user = "Test Gebruiker";
        j.append(now(), user, vec![Event::Viewed { case: a }], 2)
            .unwrap();
        j.append(now(), user, vec![waiting(a)], 2).unwrap();
        j.append(now(), user, vec![verzoek(c, "Cor Citroen")], 3)
            .unwrap();
    }
    let store = open(dir.path());
    assert_eq!(store.replayed(), 3);
    assert_eq!(store.history_by_index_for_tests(a).unwrap().len(), 3);
    assert_eq!(store.history_by_index_for_tests(c).unwrap().len(), 1);
    assert_index_gives_every_history(&store);
    // applied_seq falls back: the replay goes over lines already indexed, and keeps each once.
    store
        .working_for_tests()
        .unwrap()
        .set_applied_seq(1)
        .unwrap();
    drop(store);
    let store = open(dir.path());
    assert_eq!(store.replayed(), 5);
    assert_index_gives_every_history(&store);
    assert_eq!(store.history(b).unwrap().len(), 1);
}

#[test]
fn repair_and_backup_build_a_working_index() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    let mut store = open(&reg);
    let ids: Vec<CaseId> = (0..12)
        .map(|n| register(&mut store, &format!("Verzoeker {n}")))
        .collect();
    for id in ids.iter().step_by(2) {
        store
            .save(vec![Event::Viewed { case: *id }], now())
            .unwrap();
    }
    drop(store);
    assert_eq!(maintenance::repair(&reg, &repair_opts()).unwrap().cases, 12);
    let store = open(&reg);
    assert_eq!(store.replayed(), 0);
    assert_index_gives_every_history(&store);
    assert_eq!(store.history(ids[0]).unwrap().len(), 2);
    drop(store);
    let dest = dir.path().join("kopie");
    maintenance::backup(&reg, &dest).unwrap();
    let copy = existing(&dest);
    assert_eq!(copy.replayed(), 0);
    assert_index_gives_every_history(&copy);
}

/// Builds a bulk register and turns its working store into a schema-1 one (no `lines`).
fn schema_1_register(reg: &Path, n: u32) {
    bulk::build(reg, n, now()).unwrap();
    let store = existing(reg);
    store
        .working_for_tests()
        .unwrap()
        .make_schema_1_for_tests()
        .unwrap();
    drop(store);
}

/// The folders in `dir` whose names start with `prefix`.
fn folders(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    v.sort();
    v
}

/// A copy's `meta.schema_version` and whether it has a `lines` tree, read with bare sled.
fn schema_of(sled_dir: &Path) -> (String, bool) {
    let db = raw_sled(sled_dir);
    let v = db
        .open_tree("meta")
        .unwrap()
        .get("schema_version")
        .unwrap()
        .unwrap();
    let lines = db.tree_names().iter().any(|n| n.as_ref() == b"lines");
    (String::from_utf8(v.to_vec()).unwrap(), lines)
}

#[test]
fn a_schema_1_store_is_copied_aside_migrated_and_names_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    schema_1_register(&reg, 60);
    assert_eq!(schema_of(&reg.join(SLED_DIR)), ("1".into(), false));

    let store = existing(&reg);
    assert_eq!(store.health(), &Health::Ok);
    let m = store.migrated().unwrap().clone();
    assert_eq!((m.from, m.to, m.failed), (1, SCHEMA_VERSION, false));
    assert_eq!(folders(&reg, "sled.schema1-"), vec![m.copy.clone()]);
    assert_eq!(
        m.copy.file_name().unwrap().to_string_lossy(),
        "sled.schema1-20261123T090000Z"
    );
    let path = m.copy.display().to_string();
    assert_eq!(
        m.message(Lang::Nl),
        format!(
            "werkopslag bijgewerkt van versie 1 naar {SCHEMA_VERSION}; de oude staat bewaard in {path}"
        )
    );
    assert_eq!(
        m.message(Lang::En),
        format!(
            "working store upgraded from version 1 to {SCHEMA_VERSION}; the old one is kept in {path}"
        )
    );
    assert_eq!(
        store.open_notice(Lang::En),
        Some((m.message(Lang::En), false))
    );
    let w = store.working_for_tests().unwrap();
    assert_eq!(w.schema_version().unwrap(), Some(u64::from(SCHEMA_VERSION)));
    assert_index_gives_every_history(&store);
    // The TUI says it on the status line.
    let app = App::new(store, Clock::Fixed(now()), Lang::Nl);
    let msg = app.message().unwrap();
    assert!(msg.text.contains(&path) && !msg.error, "{msg:?}");
    drop(app);

    // The copy is the old store: schema 1, no index, private.
    assert_eq!(schema_of(&m.copy), ("1".into(), false));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&m.copy), 0o700);
        for e in fs::read_dir(&m.copy).unwrap() {
            let p = e.unwrap().path();
            let expected = if p.is_dir() { 0o700 } else { 0o600 };
            assert_eq!(mode(&p), expected, "{}", p.display());
        }
    }

    // Migrated once: the next open says nothing.
    let store = existing(&reg);
    assert_eq!(store.migrated(), None);
    assert_eq!(store.open_notice(Lang::Nl), None);
    assert_index_gives_every_history(&store);
}

#[test]
fn a_schema_1_store_with_changes_to_replay_is_migrated_then_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    schema_1_register(&reg, 30);
    let id = existing_summary(&reg);
    // A line saved by the old privdesk but never applied to its sled (a kill).
    {
        let (mut j, _) = Journal::open(&reg, "t").unwrap();
        let cases = j.last().unwrap().cases;
        j.append(
            now(),
            "Demo Gebruiker",
            vec![Event::Viewed { case: id }],
            cases,
        )
        .unwrap();
    }
    let store = existing(&reg);
    assert_eq!(store.health(), &Health::Ok);
    assert!(!store.migrated().unwrap().failed);
    assert_eq!(store.replayed(), 1);
    let h = store.history_by_index_for_tests(id).unwrap();
    assert_eq!(h.last().unwrap().3, Event::Viewed { case: id });
    assert_index_gives_every_history(&store);
}

/// The first case id of a register (read from its journal).
fn existing_summary(reg: &Path) -> CaseId {
    journal::read_all(&reg.join(JOURNAL_FILE))
        .unwrap()
        .iter()
        .flat_map(|c| c.events.iter())
        .find_map(Event::case)
        .unwrap()
}

#[test]
fn a_failed_migration_keeps_the_copy_and_opens_damaged_until_repair() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    schema_1_register(&reg, 20);
    // An unreadable record in the old store: the migration stops after the copy.
    {
        let db = raw_sled(&reg.join(SLED_DIR));
        db.open_tree("meta")
            .unwrap()
            .insert("applied_seq", "kapot")
            .unwrap();
        db.flush().unwrap();
    }
    let store = existing(&reg);
    assert_eq!(store.health(), &Health::Damaged(Damage::Migration));
    let m = store.migrated().unwrap().clone();
    assert!(m.failed);
    assert!(m.copy.is_dir());
    assert_eq!(schema_of(&m.copy).0, "1");
    let path = m.copy.display().to_string();
    assert_eq!(
        m.message(Lang::En),
        format!(
            "upgrading the working store from version 1 to {SCHEMA_VERSION} failed; the old one is kept in {path}"
        )
    );
    assert!(store.open_notice(Lang::Nl).unwrap().1);
    // Read-only from the journal, every case there, history streamed.
    assert_eq!(store.case_count(), 20);
    assert!(store.writable().is_err());
    let id = store.summaries()[0].id;
    assert!(!store.history(id).unwrap().is_empty());
    assert_eq!(
        Damage::Migration.message(Lang::Nl),
        "bijwerken van de werkopslag naar deze versie faalde"
    );
    drop(store);
    // Never half-migrated: the store is still schema 1.
    assert_eq!(schema_of(&reg.join(SLED_DIR)).0, "1");
    // Opened again (later), it fails again, naming the same copy: no second copy.
    let later = OpenOptions {
        now: at("2026-11-24T09:00:00Z"),
        ..OpenOptions::existing(now())
    };
    let store = Store::open(&reg, &later).unwrap();
    assert_eq!(store.health(), &Health::Damaged(Damage::Migration));
    assert_eq!(store.migrated().unwrap().copy, m.copy);
    assert_eq!(folders(&reg, "sled.schema1-"), vec![m.copy.clone()]);
    drop(store);

    maintenance::repair(&reg, &repair_opts()).unwrap();
    let store = existing(&reg);
    assert_eq!(store.health(), &Health::Ok);
    assert_eq!(store.migrated(), None);
    assert_index_gives_every_history(&store);
}

/// Runs privdesk (in English) with `args` on a fresh schema-1 register of 10 cases, and checks
/// that it succeeds, made one copy and named it on standard error. Returns the temporary folder
/// (the register is its `reg`).
fn names_the_copy_when_run_with(args: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    schema_1_register(&reg, 10);
    let out = privdesk_cmd::<&str>(None, &[])
        .arg("--db")
        .arg(&reg)
        .args(["--lang", "en"])
        .args(args)
        .current_dir(dir.path())
        .run();
    assert_eq!(out.status.code(), Some(0));
    let copy = folders(&reg, "sled.schema1-");
    assert_eq!(copy.len(), 1);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "working store upgraded from version 1 to {SCHEMA_VERSION}; the old one is kept in {}\n",
            copy[0].display()
        )
    );
    dir
}

#[test]
fn the_command_line_names_the_copy_of_a_migrated_store() {
    names_the_copy_when_run_with(&["export", "csv"]);
}

#[test]
fn a_backup_that_upgrades_its_source_names_the_copy() {
    // A relative backup folder: inside the temporary folder the command runs in.
    let dir = names_the_copy_when_run_with(&["backup", "kopie"]);
    assert_eq!(existing(&dir.path().join("kopie")).health(), &Health::Ok);
}

/// Schema 3 (issue 18): summaries grew (a restriction in force, a case flagged for review), so a
/// schema-2 store has every summary written again from its case record at open — a summary
/// left as an older privdesk wrote it would tag the list wrongly until its case next changed.
#[test]
fn a_schema_2_store_has_every_summary_written_again_from_its_record() {
    summaries_written_again_from(2);
}

/// Schema 4 (issue 21): summaries carry the reply's date and the AP notification's instant, which
/// the FG's overview counts; a schema-3 store has them written again at open.
#[test]
fn a_schema_3_store_has_every_summary_written_again_from_its_record() {
    summaries_written_again_from(3);
}

fn summaries_written_again_from(old_version: u64) {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    bulk::build(&reg, 40, now()).unwrap();
    let store = existing(&reg);
    let id = store.summaries()[0].id;
    let party = store.summary(id).unwrap().party.clone();
    drop(store);
    {
        // As an older privdesk left it: schema 2, and a summary that says less than its record.
        let db = raw_sled(&reg.join(SLED_DIR));
        db.open_tree("meta")
            .unwrap()
            .insert("schema_version", old_version.to_string().as_bytes())
            .unwrap();
        let summaries = db.open_tree("summaries").unwrap();
        let key = id.to_string();
        let old = summaries.get(&key).unwrap().unwrap();
        let mut v: serde_json::Value = serde_json::from_slice(&old).unwrap();
        v["party"] = serde_json::Value::String("Geschreven door een oudere privdesk".into());
        summaries
            .insert(&key, serde_json::to_vec(&v).unwrap())
            .unwrap();
        db.flush().unwrap();
    }
    let store = existing(&reg);
    assert_eq!(store.health(), &Health::Ok);
    let m = store.migrated().unwrap().clone();
    assert_eq!(
        (m.from, m.to, m.failed),
        (old_version, SCHEMA_VERSION, false)
    );
    assert_eq!(store.summary(id).unwrap().party, party);
    drop(store);
    assert_eq!(schema_of(&reg.join(SLED_DIR)).0, SCHEMA_VERSION.to_string());
}

//! The team's register on a real PostgreSQL server (issue 19). The server comes from the
//! environment `pg_virtualenv` exports (PGHOST, PGPORT, PGUSER, PGPASSWORD): each test makes a
//! database and logins of its own. Without a server every test says it was skipped and passes;
//! with `PRIVDESK_TEST_PG=required` (as `.ci/run` sets) a skip fails.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::io::Write;

use chrono::{Duration, Utc};
use privdesk::domain::checklist::{Answer, StepId};
use privdesk::domain::{CaseId, CaseKind, Event};
use privdesk::store::postgres::{self as pgstore, PgRegister, PgTarget, Role};
use privdesk::store::{PgFailure, Register, Seen, Store, StoreError, journal};

use common::pg::Pg;
use common::verzoek;
use common::vier_ogen::{Team, Who, scenario};
use privdesk::domain::case::{Decision, Refusal, Subject};

fn new_verzoek() -> Event {
    verzoek(CaseId::provisional(CaseKind::Inzage), "Ouder Testpersoon")
}

fn answer(case: CaseId, yes: bool) -> Event {
    Event::Answered {
        case,
        step: StepId::IdentiteitGecontroleerd,
        answer: Answer::YesNo(yes),
    }
}

/// What every register must do (issue 19: the same suite on both): ids given in the save,
/// the case read back, its history, the summaries, the head, and a stale version refused
/// naming who and when.
fn suite(reg: &mut dyn Register, user: &str) {
    let now = Utc::now();
    let year = privdesk::domain::deadline::amsterdam_date(now)
        .format("%Y")
        .to_string();
    let before = reg.head().seq;
    let a = reg.save(vec![new_verzoek()], &[], now).unwrap();
    let b = reg.save(vec![new_verzoek()], &[], now).unwrap();
    let (a, b) = (a.assigned[0], b.assigned[0]);
    assert_eq!(a.to_string(), format!("V-{year}-0001"));
    assert_eq!(b.to_string(), format!("V-{year}-0002"));
    assert_eq!(reg.head().seq, before + 2);
    let case = reg.case(a).unwrap().unwrap();
    assert_eq!(case.id, a);
    let seen = Seen::of(&case);
    let saved = reg.save(vec![answer(a, true)], &[seen], now).unwrap();
    assert_eq!(saved.changed.len(), 1);
    assert_eq!(saved.changed[0].last_seq, saved.seq);
    assert_eq!(reg.summary(a).unwrap().last_seq, saved.seq);
    let history = reg.history(a).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].0, saved.seq);
    assert_eq!(history[1].2, user);
    assert_eq!(reg.summaries().len(), 2);
    // The version seen before that change is stale now.
    match reg.save(vec![answer(a, false)], &[seen], now) {
        Err(StoreError::Conflict { case, by, .. }) => {
            assert_eq!(case, a);
            assert_eq!(by, user);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(reg.head().seq, saved.seq, "a refused save writes nothing");
    // Reading is recorded and leaves the version as it is.
    reg.save(vec![Event::Viewed { case: a }], &[], now).unwrap();
    assert_eq!(reg.case(a).unwrap().unwrap().last_seq, saved.seq);
    // A change to another step on the same stale version does not clash: it is checked
    // against the case as it now is and saved, and both answers stand.
    let other = reg
        .save(
            vec![answer_step(a, StepId::VerzoekDuidelijk, true)],
            &[seen],
            now,
        )
        .unwrap();
    let case = reg.case(a).unwrap().unwrap();
    assert_eq!(case.last_seq, other.seq);
    assert!(case.answers.contains_key(&StepId::IdentiteitGecontroleerd));
    assert!(case.answers.contains_key(&StepId::VerzoekDuidelijk));
    // A decision on a version older than those answers clashes with them.
    let decided = Event::Ended {
        case: a,
        ending: privdesk::domain::case::Ending::Vervallen {
            reason: "dubbel geregistreerd".into(),
        },
    };
    assert!(matches!(
        reg.save(vec![decided], &[seen], now),
        Err(StoreError::Conflict { .. })
    ));
}

fn answer_step(case: CaseId, step: StepId, yes: bool) -> Event {
    Event::Answered {
        case,
        step,
        answer: Answer::YesNo(yes),
    }
}

#[test]
fn the_store_suite_holds_on_the_local_register() {
    let dir = tempfile::tempdir().unwrap();
    let mut opts = common::create_opts();
    opts.now = Utc::now();
    let mut store = Store::open(dir.path(), &opts).unwrap();
    suite(&mut store, "Test Gebruiker");
}

#[test]
fn the_store_suite_holds_on_postgres_and_its_chain_checks_by_the_hash_rule() {
    let Some(pg) = Pg::new("the_store_suite_holds_on_postgres") else {
        return;
    };
    let jan = pg.login("jan", "handler");
    let mut reg = pg.open(&jan);
    assert_eq!(reg.role(), Some(Role::Handler));
    assert_eq!(reg.user(), jan);
    suite(&mut reg, &jan);
    let (count, head) = pg.verify();
    assert_eq!(count, reg.head().seq);
    assert_eq!(head, reg.head().hash);
    // The first line is the register's creation, by the first handler who opened it.
    let first = journal::parse_line(pg.lines()[0].as_bytes()).unwrap();
    assert_eq!(first.events, vec![Event::RegisterCreated { demo: false }]);
    assert_eq!(
        reg.check_chain().wait(),
        &privdesk::store::ChainState::Intact(count)
    );
}

#[test]
fn init_is_idempotent_writes_no_line_and_refuses_a_non_utf8_database() {
    let Some(pg) = Pg::new("init_is_idempotent") else {
        return;
    };
    let target = pg.target(&pg.admin_user, &pg.admin_pw);
    pgstore::init(&target, &pg.prefix).unwrap();
    assert!(pg.lines().is_empty(), "db init writes no journal line");
    // Another prefix on the same register is refused (its function names its roles).
    assert!(matches!(
        pgstore::init(&target, "other_"),
        Err(StoreError::Pg(PgFailure::OtherPrefix(_)))
    ));
    let latin = format!("{}_latin", pg.db);
    pg.admin("postgres")
        .batch_execute(&format!(
            "CREATE DATABASE {latin} ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
        ))
        .unwrap();
    let target = PgTarget::parse(&pg.url(&pg.admin_user, &pg.admin_pw, &latin)).unwrap();
    match pgstore::init(&target, &pg.prefix) {
        Err(StoreError::Pg(PgFailure::NotUtf8(enc))) => assert_eq!(enc, "LATIN1"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// A case goes only to a handler's login of this register (issue 22): a misspelt name, or the
/// FG, is refused by the database, so no case drops out of everyone's "mijn zaken".
#[test]
fn a_case_is_given_only_to_a_handler_of_the_register() {
    let Some(pg) = Pg::new("a_case_is_given_only_to_a_handler") else {
        return;
    };
    let (jan, piet) = (pg.login("jan", "handler"), pg.login("piet", "handler"));
    let fg = pg.login("dpo", "fg");
    let mut reg = pg.open(&jan);
    let id = reg
        .save(vec![new_verzoek()], &[], Utc::now())
        .unwrap()
        .assigned[0];
    let give = |to: &str| Event::HandlerAssigned {
        case: id,
        handler: to.into(),
    };
    for wrong in [format!("{piet}x"), fg] {
        match reg.save(vec![give(&wrong)], &[], Utc::now()) {
            Err(StoreError::Pg(PgFailure::NotAHandler)) => {}
            other => panic!("{wrong}: expected a refusal, got {other:?}"),
        }
    }
    reg.save(vec![give(&piet)], &[], Utc::now()).unwrap();
    assert_eq!(reg.summary(id).unwrap().handler, piet);
}

/// A summary written by an older privdesk (here: one that says less than its record) is
/// written again from its case's record when `db init` runs again, as a local register does
/// at a schema change; the journal gets no line.
#[test]
fn init_again_writes_every_summary_again_from_its_record() {
    let Some(pg) = Pg::new("init_again_writes_every_summary") else {
        return;
    };
    let jan = pg.login("jan", "handler");
    let mut reg = pg.open(&jan);
    let id = reg
        .save(vec![new_verzoek()], &[], Utc::now())
        .unwrap()
        .assigned[0];
    drop(reg);
    let lines = pg.lines().len();
    pg.admin(&pg.db)
        .execute(
            "UPDATE privdesk.summaries SET summary = jsonb_set(summary, '{party}', '\"oud\"')",
            &[],
        )
        .unwrap();
    assert_eq!(pg.open(&jan).summary(id).unwrap().party, "oud");
    pgstore::init(&pg.target(&pg.admin_user, &pg.admin_pw), &pg.prefix).unwrap();
    assert_eq!(
        pg.open(&jan).summary(id).unwrap().party,
        "Ouder Testpersoon"
    );
    assert_eq!(pg.lines().len(), lines, "db init writes no journal line");
}

#[test]
fn two_handlers_one_case_a_conflict_names_who_and_when_and_a_fresh_save_passes() {
    let Some(pg) = Pg::new("two_handlers_one_case") else {
        return;
    };
    let (jan, piet) = (pg.login("jan", "handler"), pg.login("piet", "handler"));
    let mut a = pg.open(&jan);
    let mut b = pg.open(&piet);
    let id = a
        .save(vec![new_verzoek()], &[], Utc::now())
        .unwrap()
        .assigned[0];
    // Piet's register sees Jan's case without reopening.
    assert!(b.summaries().iter().any(|s| s.id == id));
    let seen_by_jan = Seen::of(&a.case(id).unwrap().unwrap());
    let when = Utc::now();
    b.save(
        vec![answer(id, true)],
        &[Seen::of(&b.case(id).unwrap().unwrap())],
        when,
    )
    .unwrap();
    match a.save(vec![answer(id, false)], &[seen_by_jan], Utc::now()) {
        Err(StoreError::Conflict { case, by, at }) => {
            assert_eq!(case, id);
            assert_eq!(by, piet);
            assert_eq!(at.timestamp(), when.timestamp());
            let msg = StoreError::Conflict { case, by, at }.message(privdesk::i18n::Lang::Nl);
            assert!(msg.contains(&piet), "{msg}");
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    // Reloaded, Jan's change goes through on the new state; a read needs no version at all.
    let fresh = Seen::of(&a.case(id).unwrap().unwrap());
    a.save(vec![answer(id, false)], &[fresh], Utc::now())
        .unwrap();
    a.save(vec![Event::Viewed { case: id }], &[], Utc::now())
        .unwrap();
    // Both register new cases: the database gives distinct ids.
    let x = a
        .save(vec![new_verzoek()], &[], Utc::now())
        .unwrap()
        .assigned[0];
    let y = b
        .save(vec![new_verzoek()], &[], Utc::now())
        .unwrap()
        .assigned[0];
    assert_ne!(x, y);
    pg.verify();
}

#[test]
fn ten_writers_a_hundred_saves_each_lose_nothing_and_keep_the_chain() {
    let Some(pg) = Pg::new("ten_writers") else {
        return;
    };
    let mut first = pg.open(&pg.login("w_setup", "handler"));
    let shared: Vec<CaseId> = (0..4)
        .map(|_| {
            first
                .save(vec![new_verzoek()], &[], Utc::now())
                .unwrap()
                .assigned[0]
        })
        .collect();
    let logins: Vec<String> = (0..10)
        .map(|i| pg.login(&format!("w{i}"), "handler"))
        .collect();
    let pg = std::sync::Arc::new(pg);
    let threads: Vec<_> = logins
        .into_iter()
        .enumerate()
        .map(|(i, login)| {
            let pg = std::sync::Arc::clone(&pg);
            let shared = shared.clone();
            std::thread::spawn(move || {
                let mut reg = pg.open(&login);
                // (seq, event, version seen) of every acknowledged save; the ids it was
                // given; conflicts.
                let mut acked: Vec<(u64, Event, Option<u64>)> = Vec::new();
                let mut ids = Vec::new();
                let mut conflicts = 0;
                for n in 0..100usize {
                    let case = shared[(i + n) % shared.len()];
                    let (event, seen) = if n % 10 == 0 {
                        (new_verzoek(), vec![])
                    } else if n % 3 == 0 {
                        (Event::Viewed { case }, vec![])
                    } else {
                        let seen = Seen::of(&reg.case(case).unwrap().unwrap());
                        // Two steps, so that some stale saves clash and others do not.
                        let step = if n % 4 < 2 {
                            StepId::IdentiteitGecontroleerd
                        } else {
                            StepId::VerzoekDuidelijk
                        };
                        (answer_step(case, step, n % 2 == 0), vec![seen])
                    };
                    match reg.save(vec![event.clone()], &seen, Utc::now()) {
                        Ok(saved) => {
                            ids.extend(saved.assigned.iter().copied());
                            let mut event = event;
                            if let (Some(id), Some(given)) =
                                (event.new_case_mut(), saved.assigned.first())
                            {
                                *id = *given;
                            }
                            acked.push((saved.seq, event, seen.first().map(|s| s.version)));
                        }
                        Err(StoreError::Conflict { case: c, by, .. }) => {
                            assert_eq!(c, case);
                            assert!(!by.is_empty());
                            assert!(!seen.is_empty(), "only a save with versions conflicts");
                            conflicts += 1;
                        }
                        Err(e) => panic!("writer {i}: {e:?}"),
                    }
                }
                (login, acked, ids, conflicts)
            })
        })
        .collect();
    let results: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let (count, _head) = pg.verify();
    let lines = pg.lines();
    assert_eq!(count as usize, lines.len());
    let mut all_ids = BTreeSet::new();
    let mut acked_total = 0;
    let parsed: Vec<_> = lines
        .iter()
        .map(|l| journal::parse_line(l.as_bytes()).unwrap())
        .collect();
    let mut merged = 0;
    for (login, acked, ids, _) in &results {
        for (seq, event, seen) in acked {
            let c = &parsed[*seq as usize - 1];
            // No lost update (design.md "Versions and conflicts"): an answer saved on a
            // stale version was saved only if nobody answered the same step of the case
            // in between; a stale save that did not clash was saved on the new state.
            if let (Some(v), Event::Answered { case, step, .. }) = (seen, event) {
                let between: Vec<&Event> = parsed[*v as usize..*seq as usize - 1]
                    .iter()
                    .flat_map(|l| l.events.iter())
                    .filter(|e| e.case() == Some(*case) && e.changes_case())
                    .collect();
                assert!(
                    !between
                        .iter()
                        .any(|e| matches!(e, Event::Answered { step: s, .. } if s == step)),
                    "line {seq} overwrote an answer its writer had not seen"
                );
                if !between.is_empty() {
                    merged += 1;
                }
            }
            assert_eq!(&c.user, login, "line {seq} is the writer's");
            assert_eq!(
                c.events,
                vec![event.clone()],
                "line {seq} holds the save acknowledged"
            );
        }
        acked_total += acked.len();
        for id in ids {
            assert!(all_ids.insert(*id), "id {id} given twice");
        }
    }
    // Every line after the setup is an acknowledged save: none lost, none invented.
    assert_eq!(acked_total, lines.len() - 1 - shared.len());
    assert_eq!(all_ids.len(), 10 * 10);
    let conflicts: usize = results.iter().map(|r| r.3).sum();
    eprintln!(
        "ten writers: {acked_total} saves ({merged} on a stale version without a clash), {conflicts} conflicts refused"
    );
}

#[test]
fn a_handler_cannot_rewrite_the_journal_or_forge_a_line() {
    let Some(pg) = Pg::new("a_handler_cannot_rewrite") else {
        return;
    };
    let jan = pg.login("jan", "handler");
    let mut reg = pg.open(&jan);
    reg.save(vec![new_verzoek()], &[], Utc::now()).unwrap();
    let mut c = pg.client(&jan);
    for sql in [
        "UPDATE privdesk.journal SET line = line WHERE seq = 1",
        "DELETE FROM privdesk.journal WHERE seq = 2",
        "TRUNCATE privdesk.journal",
        "INSERT INTO privdesk.journal VALUES (99, '{}', 'x', 'x', 'x')",
        "UPDATE privdesk.cases SET version = 0",
    ] {
        let e = c.batch_execute(sql).unwrap_err();
        assert_eq!(
            e.code(),
            Some(&::postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{sql}"
        );
    }
    // Even the owner (whose grants allow it) is stopped by the triggers.
    let mut admin = pg.admin(&pg.db);
    for sql in [
        "UPDATE privdesk.journal SET line = line WHERE seq = 1",
        "DELETE FROM privdesk.journal WHERE seq = 2",
        "TRUNCATE privdesk.journal",
    ] {
        let e = admin.batch_execute(sql).unwrap_err();
        assert_eq!(e.code().map(|c| c.code()), Some("PD008"), "{sql}");
    }
    // A line in another user's name, or backdated, is refused by append itself.
    let head = reg.head();
    let other = pg.login("piet", "handler");
    let mut forge = |user: &str, at: chrono::DateTime<Utc>| {
        let (line, _) = journal::encode_line(
            head.seq + 1,
            &at,
            user,
            &[Event::Exported { what: "csv".into() }],
            1,
            &head.hash,
        )
        .unwrap();
        let line = String::from_utf8(line).unwrap();
        let e = c
            .query_one(
                "SELECT privdesk.append($1, '{}', '{}', '[]'::jsonb)",
                &[&line.trim_end()],
            )
            .unwrap_err();
        e.code().map(|c| c.code().to_string())
    };
    assert_eq!(forge(&other, Utc::now()).as_deref(), Some("PD005"));
    assert_eq!(
        forge(&jan, Utc::now() - Duration::hours(1)).as_deref(),
        Some("PD003")
    );
    assert_eq!(reg.head(), head, "nothing was appended");
}

#[test]
fn the_fg_reads_and_exports_but_changes_no_case() {
    let Some(pg) = Pg::new("the_fg_reads") else {
        return;
    };
    let mut jan = pg.open(&pg.login("jan", "handler"));
    let id = jan
        .save(vec![new_verzoek()], &[], Utc::now())
        .unwrap()
        .assigned[0];
    let mut fg = pg.open(&pg.login("dpo", "fg"));
    assert_eq!(fg.role(), Some(Role::Fg));
    assert!(fg.case(id).unwrap().is_some());
    fg.save(vec![Event::Viewed { case: id }], &[], Utc::now())
        .unwrap();
    // Issue 21: the FG records her yearly report (it changes no case).
    let head = fg.head();
    fg.save(
        vec![Event::ReportMade {
            year: 2026,
            head: format!("{}:{}", head.seq, head.hash),
        }],
        &[],
        Utc::now(),
    )
    .unwrap();
    let seen = Seen::of(&fg.case(id).unwrap().unwrap());
    // Refused by the domain's rules in the save path (issue 22), and by `append` itself.
    for refused in [vec![answer(id, true)], vec![new_verzoek()]] {
        match fg.save(refused, &[seen], Utc::now()) {
            Err(StoreError::Refused(privdesk::domain::case::Refusal::RoleMayNot)) => {}
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
    assert_eq!(fg.summaries().len(), 1);
    pg.verify();
}

#[test]
fn db_migrate_of_the_demo_keeps_the_head_hash_and_marks_the_local_register_moved() {
    let Some(pg) = Pg::new("db_migrate_of_the_demo") else {
        return;
    };
    let temp = privdesk::cli::session::demo_register(Utc::now()).unwrap();
    let dir = temp.register();
    let local_head = journal::verify(&dir.join("journal.jsonl")).unwrap();
    let target = pg.target(&pg.admin_user, &pg.admin_pw);
    let report = pgstore::migrate(&dir, &target, "beheer").unwrap();
    assert_eq!((report.changes, report.head.clone()), local_head);
    assert_eq!(pg.verify(), local_head);
    // The bytes are the local journal's, line for line.
    let local = std::fs::read_to_string(dir.join("journal.jsonl")).unwrap();
    assert_eq!(pg.lines().join("\n") + "\n", local);
    // The team's register opens on it as a demo register with every case.
    let reg = pg.open(&pg.login("jan", "handler"));
    assert!(reg.is_demo());
    assert_eq!(reg.summaries().len() as u64, report.cases);
    // The local register is read-only from now on, and a second move is refused.
    let store = Store::open(&dir, &common::create_opts()).unwrap();
    let refused = store.writable().unwrap_err();
    assert!(
        refused
            .message(privdesk::i18n::Lang::Nl)
            .contains("verhuisd")
    );
    let (notice, _) = store.open_notice(privdesk::i18n::Lang::Nl).unwrap();
    assert!(
        notice.contains(&format!("verhuisd naar {}", target.display())),
        "{notice}"
    );
    assert!(!notice.contains(&pg.admin_pw));
    drop(store);
    assert!(matches!(
        pgstore::migrate(&dir, &target, "beheer"),
        Err(StoreError::Pg(PgFailure::Moved(_)))
    ));
}

fn privdesk(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_privdesk"))
        .args(args)
        .env_remove("PRIVDESK_DB")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_commands_work_on_postgres_and_a_backup_is_a_local_register_with_the_same_bytes() {
    let Some(pg) = Pg::bare("the_commands_work_on_postgres") else {
        return;
    };
    let admin = pg.url(&pg.admin_user, &pg.admin_pw, &pg.db);
    let prefix = format!("--role-prefix={}", pg.prefix);
    for _ in 0..2 {
        let (code, out, err) = privdesk(&["db", "init", &admin, &prefix]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(!out.contains(&pg.admin_pw) && !err.contains(&pg.admin_pw));
    }
    assert!(pg.lines().is_empty(), "db init writes no journal line");
    let jan = pg.login("jan", "handler");
    let url = pg.url(&jan, &format!("pw-{jan}"), &pg.db);
    let id = pg
        .open(&jan)
        .save(vec![new_verzoek()], &[], Utc::now())
        .unwrap()
        .assigned[0];
    let (code, csv, _) = privdesk(&["--db", &url, "export", "csv"]);
    assert_eq!(code, 0);
    assert!(csv.contains(&id.to_string()));
    // audit verify prints the head; --expect holds the journal to it.
    let (code, out, _) = privdesk(&["--db", &url, "audit", "verify"]);
    assert_eq!(code, 0, "{out}");
    let (count, hash) = pg.verify();
    let anchor = format!("{count}:{hash}");
    assert!(out.contains(&anchor), "{out}");
    let (code, _, _) = privdesk(&["--db", &url, "audit", "verify", "--expect", &anchor]);
    assert_eq!(code, 0);
    let wrong = format!("{count}:{}", "0".repeat(64));
    let (code, _, _) = privdesk(&["--db", &url, "audit", "verify", "--expect", &wrong]);
    assert_eq!(code, 1);
    // backup: a local register folder with the database's journal bytes.
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("kopie");
    let (code, out, err) = privdesk(&["--db", &url, "backup", dest.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    let copied = std::fs::read_to_string(dest.join("journal.jsonl")).unwrap();
    let lines = pg.lines();
    // The backup itself is recorded in the team's journal after the copy.
    assert!(
        journal::parse_line(lines.last().unwrap().as_bytes())
            .unwrap()
            .events[0]
            .case()
            .is_none()
    );
    assert_eq!(copied, lines[..lines.len() - 1].join("\n") + "\n");
    let (code, out, _) = privdesk(&[
        "--db",
        dest.to_str().unwrap(),
        "audit",
        "verify",
        "--expect",
        &anchor,
    ]);
    assert_eq!(code, 0, "{out}");
    // What does not apply on PostgreSQL is refused, naming why.
    let (code, _, err) = privdesk(&["--db", &url, "--user", "iemand", "export", "csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("databaselogin"), "{err}");
    let (code, _, _) = privdesk(&["--db", &url, "repair"]);
    assert_eq!(code, 2);
    // A wrong password: refused, and the password is never repeated.
    let bad = pg.url(&jan, "geheim-fout", &pg.db);
    let (code, out, err) = privdesk(&["--db", &bad, "export", "csv"]);
    assert_eq!(code, 5);
    assert!(
        !out.contains("geheim-fout") && !err.contains("geheim-fout"),
        "{err}"
    );
    // The FG exports but makes no letter (a letter is a handler's act on a case).
    let fg = pg.login("dpo", "fg");
    let fg_url = pg.url(&fg, &format!("pw-{fg}"), &pg.db);
    let (code, _, _) = privdesk(&["--db", &fg_url, "export", "csv"]);
    assert_eq!(code, 0);
    let (code, out, err) = privdesk(&[
        "--db", &fg_url, "report", "--year", "2026", "--format", "json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"journal\""), "{out}");
    let out_dir = dir.path().join("brieven");
    let config = concat!(env!("CARGO_MANIFEST_DIR"), "/privdesk.example.toml");
    let letter = |url: &str| {
        privdesk(&[
            "--config",
            config,
            "--db",
            url,
            "letter",
            &id.to_string(),
            "ontvangstbevestiging",
            "--format",
            "md",
            "--out",
            out_dir.to_str().unwrap(),
        ])
    };
    let (code, _, err) = letter(&fg_url);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("FG"), "{err}");
    assert!(
        !out_dir.exists() || std::fs::read_dir(&out_dir).unwrap().next().is_none(),
        "a letter not in the audit trail must not exist"
    );
    let (code, out, err) = letter(&url);
    assert_eq!(code, 0, "{err}");
    assert!(std::path::Path::new(out.trim()).is_file());
}

#[test]
fn tls_is_used_when_asked_and_the_server_certificate_is_checked() {
    let Some(pg) = Pg::new("tls_is_used_when_asked") else {
        return;
    };
    let mut admin = pg.admin(&pg.db);
    let ssl: String = admin.query_one("SHOW ssl", &[]).unwrap().get(0);
    if ssl != "on" {
        let _ = writeln!(
            std::io::stderr(),
            "tls test: server without ssl, TLS not checked"
        );
        return;
    }
    let url = pg
        .url(&pg.admin_user, &pg.admin_pw, &pg.db)
        .replace("sslmode=disable", "sslmode=require");
    let target = PgTarget::parse(&url).unwrap();
    match target.connect() {
        Ok(mut c) => {
            let on: bool = c
                .query_one(
                    "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                    &[],
                )
                .unwrap()
                .get(0);
            assert!(on, "sslmode=require connected without TLS");
        }
        // A certificate the system does not trust is refused, never used unchecked.
        Err(e) => {
            let msg = e.message(privdesk::i18n::Lang::En);
            assert!(msg.contains("certificate") || msg.contains("tls"), "{msg}");
        }
    }
}

#[test]
fn the_workbench_runs_on_postgres_showing_who_is_logged_in_and_privdesk_db_names_it() {
    let Some(pg) = Pg::new("the_workbench_runs_on_postgres") else {
        return;
    };
    let jan = pg.login("jan", "handler");
    let url = pg.url(&jan, &format!("pw-{jan}"), &pg.db);
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("new.keys");
    std::fs::write(
        &script,
        "press n\nexpect Nieuw verzoek\npress <Tab><Tab><Tab>\ntype Karin Smit\n\
         press <Tab><Tab><Tab><Tab><Tab>\ntype Lisa Smit\npress <Tab>\ntype 2-5-2018\n\
         press <C-s>\nexpect geregistreerd.\npress <Esc>\nscreen\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_privdesk"))
        .args(["--db", &url, "headless", script.to_str().unwrap()])
        .env("PRIVDESK_CONFIG", "/dev/null")
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{screen}");
    assert!(
        screen.contains(&format!("· {jan} (behandelaar)")),
        "{screen}"
    );
    assert!(screen.contains("Karin Smit"), "{screen}");
    // Saved in the team's register, recorded in the login's name.
    let lines = pg.lines();
    let last = journal::parse_line(lines.last().unwrap().as_bytes()).unwrap();
    assert_eq!(last.user, jan);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"type\":\"registered\"") && l.contains(&jan))
    );
    // PRIVDESK_DB names a team's register for the commands as --db does.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_privdesk"))
        .args(["export", "csv"])
        .env("PRIVDESK_DB", &url)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Karin Smit"));
    pg.verify();
}

#[test]
fn a_lost_connection_fails_one_statement_and_the_next_reconnects() {
    let Some(pg) = Pg::new("a_lost_connection") else {
        return;
    };
    let jan = pg.login("jan", "handler");
    let mut reg = pg.open(&jan);
    let id = reg
        .save(vec![new_verzoek()], &[], Utc::now())
        .unwrap()
        .assigned[0];
    pg.admin(&pg.db)
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1",
            &[&jan],
        )
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    let before = pg.lines().len();
    // The statement that finds the connection gone fails, saying so; nothing half-saved.
    if let Err(e) = reg.save(vec![Event::Viewed { case: id }], &[], Utc::now()) {
        assert!(matches!(e, StoreError::Pg(PgFailure::Query(_))), "{e:?}");
        assert_eq!(pg.lines().len(), before);
    }
    let saved = reg
        .save(vec![Event::Viewed { case: id }], &[], Utc::now())
        .unwrap();
    assert_eq!(pg.lines().len() as u64, saved.seq);
    pg.verify();
}

#[test]
fn db_migrate_on_the_command_line_moves_a_backup_of_the_demo_and_the_folder_refuses_changes() {
    let Some(pg) = Pg::new("db_migrate_on_the_command_line") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let local = dir.path().join("register");
    let local = local.to_str().unwrap();
    let (code, out, err) = privdesk(&["--demo", "backup", local]);
    assert_eq!(code, 0, "{out}{err}");
    let (_, head) = journal::verify(&dir.path().join("register/journal.jsonl")).unwrap();
    let admin = pg.url(&pg.admin_user, &pg.admin_pw, &pg.db);
    let (code, out, err) = privdesk(&["db", "migrate", "--from", local, "--to", &admin]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(&head), "{out}");
    assert!(!out.contains(&pg.admin_pw));
    assert_eq!(pg.verify().1, head);
    // The folder still reads, and says where the register went; it takes no change.
    let (code, out, _) = privdesk(&["--db", local, "audit", "verify"]);
    assert_eq!(code, 0, "{out}");
    let (code, _, err) = privdesk(&["--db", local, "export", "csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("verhuisd"), "{err}");
    // A second move into a register with lines is refused.
    let (code, _, err) = privdesk(&["db", "migrate", "--from", local, "--to", &admin]);
    assert_eq!(code, 2, "{err}");
}

/// Two handlers' logins on one team's register.
struct Logins {
    a: PgRegister,
    b: PgRegister,
}

impl Team for Logins {
    fn act(&mut self, who: Who) -> &mut dyn Register {
        match who {
            Who::A => &mut self.a,
            Who::B => &mut self.b,
        }
    }
}

#[test]
fn vier_ogen_holds_on_postgres_between_two_logins_and_approvals_are_verified() {
    let Some(pg) = Pg::new("vier_ogen_holds_on_postgres") else {
        return;
    };
    let mut team = Logins {
        a: pg.open(&pg.login("anna", "handler")),
        b: pg.open(&pg.login("bert", "handler")),
    };
    let id = scenario(&mut team, &Utc::now, false);
    let case = team.b.case(id).unwrap().unwrap();
    assert!(matches!(
        case.proposal(Subject::Besluit).unwrap().state,
        privdesk::domain::case::ProposalState::Goedgekeurd {
            niet_geverifieerd: false,
            ..
        }
    ));
    pg.verify();
}

/// Forges a line as `login` straight into `append` (past the client's own checks): the
/// database's code for it.
fn forge_as(pg: &Pg, login: &str, events: &[Event], rows: &str) -> Option<String> {
    let mut c = pg.client(login);
    let head = c
        .query_one("SELECT seq, hash, cases FROM privdesk.head WHERE one", &[])
        .unwrap();
    let (seq, hash, cases): (i64, String, i64) = (head.get(0), head.get(1), head.get(2));
    let (line, _) = journal::encode_line(
        seq as u64 + 1,
        &Utc::now(),
        login,
        events,
        cases as u64,
        &hash,
    )
    .unwrap();
    let line = String::from_utf8(line).unwrap();
    let e = c
        .query_one(
            "SELECT privdesk.append($1, '{}', '{}', $2::text::jsonb)",
            &[&line.trim_end(), &rows],
        )
        .err()?;
    e.code().map(|c| c.code().to_string())
}

#[test]
fn the_fg_advises_on_postgres_but_neither_decides_nor_approves_even_past_the_client() {
    let Some(pg) = Pg::new("the_fg_advises_on_postgres") else {
        return;
    };
    let mut anna = pg.open(&pg.login("anna", "handler"));
    let id = anna
        .save(vec![new_verzoek()], &[], Utc::now())
        .unwrap()
        .assigned[0];
    anna.save(vec![answer(id, false)], &[], Utc::now()).unwrap();
    let decided = Event::Decided {
        case: id,
        decision: Decision::NietOntvankelijk,
        reason: "identiteit niet vastgesteld".into(),
        explanation: Some("Wij konden uw identiteit niet vaststellen.".into()),
        kept: String::new(),
    };
    let proposed = Event::Proposed {
        case: id,
        subject: Subject::Besluit,
    };
    anna.save(vec![decided.clone(), proposed.clone()], &[], Utc::now())
        .unwrap();
    let version = anna.case(id).unwrap().unwrap().last_seq;
    let fenna = pg.login("fenna", "fg");
    let mut fg = pg.open(&fenna);
    let approve = Event::Approved {
        case: id,
        subject: Subject::Besluit,
        version,
        niet_geverifieerd: false,
    };
    for e in [vec![approve.clone()], vec![decided.clone(), proposed]] {
        match fg.save(e, &[], Utc::now()) {
            Err(StoreError::Refused(Refusal::RoleMayNot)) => {}
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
    // The FG's advice: saved, on the case's record, its version unchanged.
    let advice = Event::AdviceGiven {
        case: id,
        text: "Overweeg eerst om aanvullend bewijs te vragen.".into(),
        on: privdesk::domain::deadline::amsterdam_date(Utc::now()),
    };
    let saved = fg.save(vec![advice], &[], Utc::now()).unwrap();
    let case = anna.case(id).unwrap().unwrap();
    assert_eq!(case.last_seq, version);
    assert_eq!(case.advice[&saved.seq].by, fenna);
    assert_eq!(fg.summary(id).unwrap().advice.given, 1);
    // The handler answers it.
    anna.save(
        vec![Event::AdviceAnswered {
            case: id,
            advice: saved.seq,
            followed: true,
            why: String::new(),
        }],
        &[],
        Utc::now(),
    )
    .unwrap();
    // Past the client, `append` refuses the FG an approval or a decision, and an advice line
    // whose row changes more than the advice.
    assert_eq!(
        forge_as(&pg, &fenna, &[approve], "[]").as_deref(),
        Some("PD004")
    );
    assert_eq!(
        forge_as(&pg, &fenna, &[decided], "[]").as_deref(),
        Some("PD004")
    );
    let mut c = pg.client(&fenna);
    let written: i64 = c
        .query_one(
            "SELECT written FROM privdesk.cases WHERE id = $1",
            &[&id.to_string()],
        )
        .unwrap()
        .get(0);
    let mut forged = anna.case(id).unwrap().unwrap();
    forged.decision = None;
    forged.vier_ogen.clear();
    let rows = serde_json::json!([{
        "id": id.to_string(),
        "base": written,
        "record": forged,
        "summary": privdesk::domain::Summary::of(&forged),
    }])
    .to_string();
    let advice = Event::AdviceGiven {
        case: id,
        text: "x".into(),
        on: privdesk::domain::deadline::amsterdam_date(Utc::now()),
    };
    assert_eq!(
        forge_as(&pg, &fenna, &[advice], &rows).as_deref(),
        Some("PD004")
    );
    assert!(anna.case(id).unwrap().unwrap().decision.is_some());
    pg.verify();
}

#[test]
fn one_login_proposes_a_refusal_the_other_approves_then_the_letter_is_made() {
    let Some(pg) = Pg::new("one_login_proposes_a_refusal") else {
        return;
    };
    let anna = pg.login("anna", "handler");
    let bert = pg.login("bert", "handler");
    let mut a = pg.open(&anna);
    let id = a
        .save(vec![new_verzoek()], &[], Utc::now())
        .unwrap()
        .assigned[0];
    a.save(vec![answer(id, false)], &[], Utc::now()).unwrap();
    a.save(
        vec![
            Event::Decided {
                case: id,
                decision: Decision::NietOntvankelijk,
                reason: "identiteit niet vastgesteld".into(),
                explanation: Some("Wij konden uw identiteit niet vaststellen.".into()),
                kept: String::new(),
            },
            Event::Proposed {
                case: id,
                subject: Subject::Besluit,
            },
        ],
        &[],
        Utc::now(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("privdesk.toml");
    std::fs::write(
        &config,
        "[organisatie]\nnaam = \"GGD Testregio\"\ntype = \"bestuursorgaan\"\nfg_naam = \"mr. F. FG\"\nfg_contact = \"fg@example.org\"\n",
    )
    .unwrap();
    let out = dir.path().join("brieven");
    let letter = |login: &str| {
        let url = pg.url(login, &format!("pw-{login}"), &pg.db);
        privdesk(&[
            "--db",
            &url,
            "--config",
            config.to_str().unwrap(),
            "letter",
            &id.to_string(),
            "besluit",
            "--format",
            "md",
            "--out",
            out.to_str().unwrap(),
        ])
    };
    // Awaiting approval: no letter, and none left behind.
    let (code, stdout, err) = letter(&anna);
    assert_ne!(code, 0, "{stdout}{err}");
    assert!(err.contains("wacht op goedkeuring"), "{err}");
    assert!(!out.join(format!("{id}-besluit.md")).exists());
    let mut b = pg.open(&bert);
    let version = b.case(id).unwrap().unwrap().last_seq;
    b.save(
        vec![Event::Approved {
            case: id,
            subject: Subject::Besluit,
            version,
            niet_geverifieerd: false,
        }],
        &[],
        Utc::now(),
    )
    .unwrap();
    let (code, stdout, err) = letter(&anna);
    assert_eq!(code, 0, "{stdout}{err}");
    assert!(out.join(format!("{id}-besluit.md")).exists());
    // The journal as an auditor extracts it shows both users.
    let users: Vec<(String, String)> = pg
        .lines()
        .iter()
        .map(|l| journal::parse_line(l.as_bytes()).unwrap())
        .flat_map(|c| {
            let user = c.user.clone();
            c.events.into_iter().map(move |e| {
                (
                    user.clone(),
                    serde_json::to_value(&e).unwrap()["type"]
                        .as_str()
                        .unwrap_or("")
                        .to_string(),
                )
            })
        })
        .collect();
    assert!(
        users.contains(&(anna.clone(), "proposed".into())),
        "{users:?}"
    );
    assert!(
        users.contains(&(bert.clone(), "approved".into())),
        "{users:?}"
    );
    assert!(
        users.contains(&(anna.clone(), "letter_made".into())),
        "{users:?}"
    );
    pg.verify();
}

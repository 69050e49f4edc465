//! Issue 18 (points 2–5): correcting a registered fact, notes, the datalek checklist and the
//! prompt flows, as key scripts in tests/scripts run by the real binary's headless driver on
//! the checklist fixture's register; the register is read back afterwards.
#![allow(clippy::unwrap_used)]

mod checklist_fixture;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use checklist_fixture::{fill, now, v};
use privdesk::domain::Event;
use privdesk::domain::case::Correction;
use privdesk::store::{OpenOptions, Store};

struct Run {
    out: Output,
    dir: tempfile::TempDir,
}

impl Run {
    fn stdout(&self) -> String {
        String::from_utf8(self.out.stdout.clone()).unwrap()
    }

    fn register(&self) -> PathBuf {
        self.dir.path().join("register")
    }
}

/// Runs a script on a fresh fixture register (wgbo, an organisation for the letters).
fn run(script: &str) -> Run {
    run_with(script, |_| {})
}

/// As [`run`], with `more` saved in the fixture register first.
fn run_with(script: &str, more: impl FnOnce(&mut Store)) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    fill(&db);
    let mut store = open(&db);
    more(&mut store);
    drop(store);
    let config = dir.path().join("privdesk.toml");
    std::fs::write(
        &config,
        format!(
            "[organisatie]\nnaam = \"GGD Voorbeeldregio\"\ntype = \"bestuursorgaan\"\n\
             fg_contact = \"fg@voorbeeld.invalid\"\ndossierregime = \"wgbo\"\n\
             [brieven]\nmap = \"{}\"\n",
            dir.path().join("brieven").display()
        ),
    )
    .unwrap();
    let path = format!("{}/tests/scripts/{script}", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_privdesk"))
        .args(["--db", db.to_str().unwrap()])
        .args(["--config", config.to_str().unwrap()])
        .args(["headless", &path])
        .env_remove("PRIVDESK_DB")
        .env_remove("PRIVDESK_CONFIG")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let r = Run { out, dir };
    assert_eq!(
        r.out.status.code(),
        Some(0),
        "{script}: {}{}",
        r.stdout(),
        String::from_utf8_lossy(&r.out.stderr)
    );
    r
}

fn open(db: &Path) -> Store {
    let opts = OpenOptions {
        create: Some(false),
        now: now(),
        cli_user: None,
        config_user: None,
    };
    Store::open(db, &opts).unwrap()
}

/// A birth date corrected on the detail turns "Mag" into "Beoordeling nodig" (the child is
/// 16: a parent needs the young person's written consent, domain.md §4); the journal line
/// holds the old and the new value and the reason.
#[test]
fn a_corrected_birth_date_turns_mag_into_beoordeling_nodig() {
    let r = run("correction_birth_date.keys");
    let store = open(&r.register());
    let case = store.case(v(1)).unwrap().unwrap();
    assert_eq!(
        case.request.unwrap().child.birth_date.to_string(),
        "2010-03-14"
    );
    let history = store.history(v(1)).unwrap();
    assert!(history.iter().any(|(_, _, _, e)| matches!(
        e,
        Event::Corrected { correction: Correction::BirthDate { from, to }, reason, .. }
            if from.to_string() == "2019-03-14" && to.to_string() == "2010-03-14"
                && reason == "typfout geboortejaar"
    )));
}

/// The deadline moves with a corrected receipt date; the history shows both values.
#[test]
fn the_deadline_moves_with_a_corrected_receipt_date_and_the_history_shows_both_values() {
    let r = run("correction_received.keys");
    let case = open(&r.register()).case(v(1)).unwrap().unwrap();
    assert_eq!(case.received().unwrap().to_string(), "2026-11-02");
    assert_eq!(case.deadline_corrections().count(), 1);
    assert_eq!(
        case.corrections.len(),
        1,
        "the unchanged value wrote nothing"
    );
    // The FG's list: the export names the correction that moved the deadline.
    let out = Command::new(env!("CARGO_BIN_EXE_privdesk"))
        .args(["--db", r.register().to_str().unwrap()])
        .args(["--now", "2026-11-23T09:30", "export", "json"])
        .env_remove("PRIVDESK_DB")
        .env_remove("PRIVDESK_CONFIG")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let case = doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "V-2026-0001")
        .unwrap();
    assert_eq!(case["answer_due"], "2026-12-02");
    assert_eq!(case["corrections"][0]["field"], "received");
    assert_eq!(case["corrections"][0]["moved_deadline"], true);
    assert_eq!(case["corrections"][0]["reason"], "poststempel 2 november");
    assert_eq!(case["review"], false);
}

/// A correction that makes the decision unlawful is saved only after j; the decision is kept
/// and the case flagged for review.
#[test]
fn a_correction_that_makes_the_decision_unlawful_is_saved_after_j_and_flags_the_case() {
    let r = run("correction_review.keys");
    insta::assert_snapshot!(r.stdout());
    let store = open(&r.register());
    let case = store.case(v(7)).unwrap().unwrap();
    assert!(case.needs_review());
    assert!(case.decision.is_some());
    assert!(store.summary(v(7)).unwrap().review);
    let corrected = store
        .history(v(7))
        .unwrap()
        .into_iter()
        .filter(|(_, _, _, e)| matches!(e, Event::Corrected { review: true, .. }))
        .count();
    assert_eq!(corrected, 1, "n recorded nothing, j recorded once");
}

/// A note on an ended case: journalled with its lines, and the case's version unchanged.
#[test]
fn a_note_of_two_lines_on_an_ended_case_is_journalled_and_changes_no_version() {
    let dir = tempfile::tempdir().unwrap();
    fill(&dir.path().join("register"));
    let before = open(&dir.path().join("register"))
        .case(v(6))
        .unwrap()
        .unwrap()
        .last_seq;
    let r = run("note.keys");
    insta::assert_snapshot!(r.stdout());
    let store = open(&r.register());
    // The ending is the script's last change of the case; the note after it changed no version.
    let case = store.case(v(6)).unwrap().unwrap();
    assert!(case.ending.is_some());
    let history = store.history(v(6)).unwrap();
    let ended = history
        .iter()
        .find(|(_, _, _, e)| matches!(e, Event::Ended { .. }))
        .map(|(seq, ..)| *seq)
        .unwrap();
    assert_eq!(case.last_seq, ended);
    assert!(case.last_seq > before);
    assert!(
        store
            .history(v(6))
            .unwrap()
            .iter()
            .any(|(_, _, _, e)| matches!(
                e,
                Event::NoteAdded { text, .. } if text == "gebeld met moeder\nstuurt ID dinsdag"
            ))
    );
}

/// Issue 18 point 1 (x): the parts of a destruction, each its own record, the confirmation
/// after the destruction.
#[test]
fn x_records_the_destruction_part_by_part_and_the_confirmation_last() {
    let r = run("checklist_destruction_parts.keys");
    let case = open(&r.register()).case(v(3)).unwrap().unwrap();
    assert!(case.destroyed_in_source.is_some());
    assert!(case.destroyed_at_processors.is_some());
    assert!(case.destruction_confirmation_sent.is_some());
}

/// Issue 18 point 1 (E): a dispute escalated bars the decision until resolved.
#[test]
fn e_escalates_a_dispute_which_bars_the_decision_until_resolved() {
    let r = run("checklist_dispute.keys");
    let case = open(&r.register()).case(v(4)).unwrap().unwrap();
    let d = case.dispute.unwrap();
    assert_eq!(d.to, "teamleider JGZ");
    assert!(d.resolved.is_some());
    assert!(case.decision.is_none());
}

/// Issue 18 point 1 (B): a restriction in force is listed, announced by letter, lifted only
/// after the announcement.
#[test]
fn b_lifts_a_restriction_only_after_the_announcement_and_the_list_shows_those_in_force() {
    use privdesk::domain::authority::DossierRegime;
    use privdesk::domain::case::{Channel, Child, Relation, RequestFacts, Requester};
    use privdesk::domain::checklist::{Answer, StepId};
    let r = run_with("restriction_lift.keys", |store| {
        let id = v(8);
        let registered = Event::Registered {
            case: id,
            request: RequestFacts {
                kind: privdesk::domain::CaseKind::Beperking,
                received: checklist_fixture::date("2026-11-16"),
                channel: Channel::Email,
                requester: Requester {
                    name: "Ruth Beperkt".into(),
                    relation: Relation::OuderMetGezag,
                    contact: "verzoeker@voorbeeld.invalid".into(),
                    address: String::new(),
                    salutation: None,
                },
                child: Child {
                    name: "Kind Beperkt".into(),
                    birth_date: checklist_fixture::date("2019-01-01"),
                },
                notes: String::new(),
                regime: DossierRegime::Wgbo,
                reply: None,
            },
        };
        store.save(vec![registered], now()).unwrap();
        for (step, answer) in [
            (
                StepId::GrondBeperking,
                Answer::Choice("juistheid_betwist".into()),
            ),
            (StepId::BeperkingGemarkeerd, Answer::YesNo(true)),
        ] {
            let e = Event::Answered {
                case: id,
                step,
                answer,
            };
            store.save(vec![e], now()).unwrap();
        }
    });
    let store = open(&r.register());
    let case = store.case(v(8)).unwrap().unwrap();
    assert!(!case.restriction_in_force());
    assert!(case.lift_announced.is_some() && case.restriction_lifted.is_some());
    assert!(!store.summary(v(8)).unwrap().restriction);
    let letter = r
        .dir
        .path()
        .join("brieven/V-2026-0008-aankondiging-opheffing.docx");
    assert!(letter.is_file(), "{}", letter.display());
}

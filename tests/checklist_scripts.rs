//! The checklist flows (issue 8): key scripts in tests/scripts/checklist_* run by the real
//! binary's headless driver on a register with known cases, the screens snapshotted.
#![allow(clippy::unwrap_used)]

mod checklist_fixture;
mod common;
use common::{Run as _, privdesk_cmd};

use std::path::Path;

use checklist_fixture::{fill, now, v};
use privdesk::domain::case::Ending;
use privdesk::domain::{Event, Status};
use privdesk::store::{OpenOptions, Store};

/// The settings of the tests: an organisation (a letter needs it), a regime, and the folder
/// letters go to.
fn config(dir: &Path, regime: &str) -> std::path::PathBuf {
    let path = dir.join("privdesk.toml");
    let letters = dir.join("brieven");
    std::fs::write(
        &path,
        format!(
            "[organisatie]\nnaam = \"GGD Voorbeeldregio\"\ntype = \"bestuursorgaan\"\n\
             fg_contact = \"fg@voorbeeld.invalid\"\ndossierregime = \"{regime}\"\n\
             [brieven]\nmap = \"{}\"\n",
            letters.display()
        ),
    )
    .unwrap();
    path
}

/// A script run in-process on a fresh fixture register: what it gave, and the register.
struct Run {
    code: u8,
    stdout: String,
    stderr: String,
    dir: tempfile::TempDir,
}

impl Run {
    fn stdout(&self) -> String {
        self.stdout.clone()
    }

    fn register(&self) -> std::path::PathBuf {
        self.dir.path().join("register")
    }
}

/// Runs a script on a fresh fixture register with `--config` of this regime.
fn run(script: &str, regime: &str) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    fill(&db);
    let config = config(dir.path(), regime);
    let path = format!("{}/tests/scripts/{script}", env!("CARGO_MANIFEST_DIR"));
    let (code, stdout, stderr) = common::screen::script(
        &[
            "--db",
            db.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
        ],
        &path,
    );
    Run {
        code,
        stdout,
        stderr,
        dir,
    }
}

fn passes(script: &str, regime: &str) -> Run {
    let r = run(script, regime);
    assert_eq!(r.code, 0, "{script}: {}{}", r.stdout, r.stderr);
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

#[test]
fn an_inzage_from_intake_to_closed() {
    let r = passes("checklist_inzage.keys", "wgbo");
    insta::assert_snapshot!(r.stdout());
    let store = open(&r.register());
    let case = store.case(v(1)).unwrap().unwrap();
    assert_eq!(case.status(), Status::Gesloten);
    // The letter is on disk and in the journal.
    let letter = r.dir.path().join("brieven/V-2026-0001-besluit.docx");
    assert!(letter.is_file(), "{}", letter.display());
    let history = store.history(v(1)).unwrap();
    assert!(history.iter().any(|(_, _, _, e)| matches!(
        e,
        Event::LetterMade {
            letter: privdesk::domain::LetterKind::Besluit,
            ..
        }
    )));
}

#[test]
fn an_extension_after_the_first_month_is_refused() {
    let r = passes("checklist_extension_late.keys", "wgbo");
    let case = open(&r.register()).case(v(2)).unwrap().unwrap();
    assert!(case.extension.is_none());
}

#[test]
fn a_vernietiging_for_a_14_year_old_with_abuse_signals_cannot_be_granted() {
    let r = passes("checklist_abuse.keys", "wgbo");
    let case = open(&r.register()).case(v(3)).unwrap().unwrap();
    assert!(case.decision.is_none());
}

#[test]
fn a_parent_of_a_13_year_old_without_consent_is_stopped_under_wgbo() {
    let r = passes("checklist_authority_wgbo.keys", "wgbo");
    let case = open(&r.register()).case(v(4)).unwrap().unwrap();
    assert!(case.decision.is_none());
}

#[test]
fn a_parent_of_a_13_year_old_without_consent_is_allowed_under_jeugdwet() {
    let r = passes("checklist_authority_jeugdwet.keys", "jeugdwet");
    let case = open(&r.register()).case(v(5)).unwrap().unwrap();
    assert!(case.decision.is_some());
}

#[test]
fn afgewezen_without_a_reason_is_refused() {
    let r = passes("checklist_afgewezen_no_reason.keys", "wgbo");
    let case = open(&r.register()).case(v(2)).unwrap().unwrap();
    assert!(case.decision.is_none());
}

#[test]
fn a_vervallen_case_stays_in_the_all_filter_and_the_journal() {
    let r = passes("checklist_vervallen.keys", "wgbo");
    let store = open(&r.register());
    let case = store.case(v(6)).unwrap().unwrap();
    assert_eq!(case.status(), Status::Vervallen);
    let history = store.history(v(6)).unwrap();
    assert!(history.iter().any(|(_, _, _, e)| matches!(
        e,
        Event::Ended {
            ending: Ending::Vervallen { .. },
            ..
        }
    )));
}

#[test]
fn a_refusal_sent_after_the_first_month_warns_naming_avg_12_4() {
    let r = passes("checklist_refusal_late.keys", "wgbo");
    let case = open(&r.register()).case(v(7)).unwrap().unwrap();
    assert!(
        case.reply_sent.is_some(),
        "the reply is recorded, with the warning"
    );
    // The export says when it was sent, that it was late, and by how many days.
    let o = privdesk_cmd::<&str>(None, &[])
        .args(["--db", r.register().to_str().unwrap()])
        .args(["--now", "2026-11-23T10:00", "export", "csv"])
        .env_remove("PRIVDESK_CONFIG")
        .run();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let cell = |col| common::csv_cell(&o.stdout, "V-2026-0007", col);
    assert_eq!(cell("antwoordtermijn"), "2026-11-02");
    assert_eq!(cell("antwoord verstuurd op"), "2026-11-23");
    assert_eq!(cell("antwoord op tijd"), "nee");
    assert_eq!(cell("antwoord dagen te laat"), "21");
    assert_eq!(
        cell("vernietiging op tijd"),
        "",
        "an afschrift has no destruction duty"
    );
    // An open case's answer is open.
    let cell = |col| common::csv_cell(&o.stdout, "V-2026-0001", col);
    assert_eq!(cell("antwoord op tijd"), "open");
}

#[test]
fn the_detail_makes_a_letter_with_l() {
    let r = passes("detail_letter.keys", "wgbo");
    let letter = r
        .dir
        .path()
        .join("brieven/V-2026-0001-ontvangstbevestiging.docx");
    assert!(letter.is_file(), "{}", letter.display());
    let history = open(&r.register()).history(v(1)).unwrap();
    assert!(history.iter().any(|(_, _, _, e)| matches!(
        e,
        Event::LetterMade {
            letter: privdesk::domain::LetterKind::Ontvangstbevestiging,
            format: Some(privdesk::domain::letter::Format::Docx),
            sha256: Some(_),
            ..
        }
    )));
}

/// Issue 18: y/n never open a prompt that swallows the next key; the same answer again writes
/// no journal line.
#[test]
fn y_and_n_open_no_prompt_and_the_same_answer_again_writes_nothing() {
    let r = passes("checklist_prompt_flow.keys", "wgbo");
    let history = open(&r.register()).history(v(1)).unwrap();
    let answers = history
        .iter()
        .filter(|(_, _, _, e)| {
            matches!(
                e,
                Event::Answered {
                    step: privdesk::domain::checklist::StepId::IdentiteitGecontroleerd,
                    ..
                }
            )
        })
        .count();
    assert_eq!(answers, 1);
}

/// Issue 18: the text typed into a refused decision is kept when the prompt is left to fix the
/// checklist, and nothing is recorded.
#[test]
fn text_typed_into_a_refused_decision_is_kept() {
    let r = passes("checklist_decision_draft.keys", "wgbo");
    let case = open(&r.register()).case(v(4)).unwrap().unwrap();
    assert!(case.decision.is_none());
}

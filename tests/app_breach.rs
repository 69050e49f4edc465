//! Datalek flows through the real binary's headless driver, snapshotted: the 72-hour clock
//! across the change to summer time on the list, the header and the detail; the breach
//! register and the AP form view.
#![allow(clippy::unwrap_used)]

mod app_fixture;
mod common;
use common::privdesk;

use std::path::Path;

use chrono::{DateTime, Utc};
use privdesk::domain::case::Refusal;
use privdesk::domain::case::{BreachFacts, BreachNature};
use privdesk::domain::checklist::Block;
use privdesk::domain::checklist::{Answer, StepId};
use privdesk::domain::instant::parse_instant;
use privdesk::domain::{CaseId, Event};
use privdesk::store::{OpenOptions, Store, StoreError};

fn inst(s: &str) -> DateTime<Utc> {
    parse_instant(s).unwrap()
}

/// A demo register (so a script may set the clock) made at `at`.
fn demo(dir: &Path, at: &str) -> Store {
    let opts = OpenOptions {
        create: Some(true),
        now: inst(at),
        cli_user: None,
        config_user: None,
    };
    Store::open(dir, &opts).unwrap()
}

fn breach(store: &mut Store, number: u32, aware: &str, nature: BreachNature, what: &str) -> CaseId {
    let id = CaseId::new('D', 2027, number);
    let e = Event::BreachRegistered {
        case: id,
        breach: BreachFacts {
            aware_at: inst(aware),
            processor_notice_at: None,
            processor: String::new(),
            reported_by: "Medewerker Locatie Noord".into(),
            nature,
            description: what.into(),
        },
    };
    store.save(vec![e], inst(aware)).unwrap();
    id
}

fn answer(store: &mut Store, id: CaseId, at: &str, step: StepId, answer: Answer) {
    let e = Event::Answered {
        case: id,
        step,
        answer,
    };
    store.save(vec![e], inst(at)).unwrap();
}

/// Runs a script from tests/scripts on the register in `db`, in-process; asserts it passed.
fn passes(db: &Path, script: &str) -> String {
    let path = format!("{}/tests/scripts/{script}", env!("CARGO_MANIFEST_DIR"));
    let (code, out, err) = common::screen::script(&["--db", db.to_str().unwrap()], &path);
    assert_eq!(code, 0, "{script}: {out}{err}");
    out
}

/// Runs a script on an empty throw-away register (no `--db`): everything through the screens.
fn passes_fresh(script: &str) -> String {
    let path = format!("{}/tests/scripts/{script}", env!("CARGO_MANIFEST_DIR"));
    let (code, out, err) = common::screen::script(&[], &path);
    assert_eq!(code, 0, "{script}: {out}{err}");
    out
}

#[test]
fn a_friday_afternoon_breach_has_48_real_hours_on_saturday_and_is_late_on_monday_evening() {
    passes_fresh("breach_clock.keys");
}

/// Issue 18 point 4: the nature takes several natures in one answer, and the optional
/// "aantal betrokkenen hoogstens" may be left empty.
#[test]
fn a_breach_takes_several_natures_and_the_optional_maximum_may_stay_empty() {
    insta::assert_snapshot!(passes_fresh("breach_natures.keys"));
}

#[test]
fn the_new_datalek_form_refuses_at_its_fields_and_counts_from_the_processors_notice() {
    passes_fresh("breach_form.keys");
}

#[test]
fn the_breach_register_and_the_ap_form() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    let mut store = demo(&db, "2027-03-26T16:30");
    let lost = breach(
        &mut store,
        1,
        "2027-03-26T16:00",
        BreachNature::Verloren,
        "USB-stick met een overzicht van afspraken verloren in de trein.",
    );
    let at = "2027-03-27T10:00";
    let text = |s: &str| Answer::Text(s.into());
    for (step, a) in [
        (StepId::WelkeGegevens, text("namen en afspraaktijden")),
        (StepId::BijzondereGegevens, Answer::YesNo(false)),
        (StepId::AantalBetrokkenen, Answer::Number(40)),
        (StepId::Kinderen, Answer::YesNo(true)),
        (StepId::Versleuteld, Answer::YesNo(true)),
        (StepId::Gevolgen, Answer::Choice("beschikbaarheid".into())),
        (StepId::Schade, text("geen: versleuteld, sleutel veilig")),
        (StepId::Risico, Answer::Choice("geen".into())),
        (
            StepId::RisicoToelichting,
            text("volledig versleuteld (AES-256)"),
        ),
        (StepId::ApMelding, Answer::Choice("niet_gemeld".into())),
        (
            StepId::RedenNietMelden,
            text("versleuteld, sleutel niet verloren"),
        ),
    ] {
        answer(&mut store, lost, at, step, a);
    }
    breach(
        &mut store,
        2,
        "2027-03-31T09:15",
        BreachNature::OnbevoegdeToegang,
        "Een medewerker zag dossiers in van kinderen buiten de eigen caseload.",
    );
    drop(store);
    insta::assert_snapshot!(passes(&db, "breach_register.keys"));
}

/// Every assessment step of a breach answered at `at`, with this risk (the notification and the
/// data subjects' decision left to the test).
fn assess(store: &mut Store, id: CaseId, at: &str, risk: &str) {
    let text = |s: &str| Answer::Text(s.into());
    let day = |s: &str| Answer::Date(s.parse().unwrap());
    for (step, a) in [
        (StepId::IncidentBegin, day("2027-03-26")),
        (StepId::NogGaande, Answer::YesNo(false)),
        (StepId::IncidentEinde, day("2027-03-26")),
        (StepId::AardInbreuk, Answer::Choice("lezen".into())),
        (StepId::WelkeGegevens, text("groeigegevens en adres")),
        (StepId::BijzondereGegevens, Answer::YesNo(true)),
        (StepId::Bsn, Answer::YesNo(false)),
        (StepId::AantalBetrokkenen, Answer::Number(1)),
        (StepId::Kinderen, Answer::YesNo(true)),
        (StepId::Versleuteld, Answer::YesNo(false)),
        (
            StepId::Ingeperkt,
            text("ontvanger gevraagd de brief te vernietigen"),
        ),
        (StepId::Gevolgen, Answer::Choice("vertrouwelijkheid".into())),
        (
            StepId::Schade,
            text("gezondheidsgegevens van een kind bij een onbekende"),
        ),
        (StepId::Risico, Answer::Choice(risk.into())),
        (
            StepId::RisicoToelichting,
            text("bijzondere gegevens, kind, herleidbaar"),
        ),
        (StepId::Maatregelen, text("adrescontrole bij verzending")),
        (StepId::FgGeraadpleegd, Answer::YesNo(true)),
    ] {
        answer(store, id, at, step, a);
    }
}

/// Leaves a register with one breach, aware Friday 26 March 2027 16:00, assessed at `at` with
/// this risk, in `db` (for trying scripts by hand too: `PRIVDESK_KEEP=dir`).
fn assessed(db: &Path, at: &str, risk: &str) -> CaseId {
    let mut store = demo(db, "2027-03-26T16:30");
    let id = breach(
        &mut store,
        1,
        "2027-03-26T16:00",
        BreachNature::VerkeerdeOntvanger,
        "Brief met groeigegevens naar een verkeerd adres gestuurd.",
    );
    assess(&mut store, id, at, risk);
    id
}

fn journal_lines(db: &Path) -> usize {
    std::fs::read_to_string(db.join("journal.jsonl"))
        .unwrap()
        .lines()
        .count()
}

/// Through the checklist screen: a notification after 72 hours is refused until the reason for
/// the delay is recorded (the refused answer never reaches the journal); with the reason it goes
/// through, and the breach closes.
#[test]
fn a_notification_after_72_hours_without_a_reason_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    assessed(&db, "2027-03-27T09:30", "risico");
    passes(&db, "breach_late.keys");
    let journal = std::fs::read_to_string(db.join("journal.jsonl")).unwrap();
    assert_eq!(
        journal.matches("\"step\":\"ap_gemeld_op\"").count(),
        1,
        "only the notification with its reason is recorded"
    );
    assert!(
        journal.contains(r#""step":"categorie_vertraging""#) && journal.contains("later_ontdekt"),
        "the delay's category is recorded"
    );
    // Both exports say when it was notified, that it was late, and by how many hours.
    let export = |what: &[&str]| {
        let mut args = vec![
            "--db",
            db.to_str().unwrap(),
            "--now",
            "2027-03-30T10:00",
            "export",
        ];
        args.extend(what);
        let o = privdesk(None, &args);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(0), "{err}");
        o.stdout
    };
    let breaches = export(&["breaches", "csv"]);
    let cell = |col| common::csv_cell(&breaches, "D-2027-0001", col);
    // Amsterdam wall-clock time a spreadsheet reads as a date-time, UTC beside it (issue 21).
    assert_eq!(cell("melding voldaan op"), "2027-03-30 09:00");
    assert_eq!(cell("melding voldaan op (UTC)"), "2027-03-30 07:00");
    assert_eq!(cell("melding op tijd"), "nee");
    assert_eq!(cell("melding uren te laat"), "16");
    let all = export(&["csv"]);
    let cell = |col| common::csv_cell(&all, "D-2027-0001", col);
    assert_eq!(cell("melding op tijd"), "nee");
    assert_eq!(cell("melding uren te laat"), "16");
    assert_eq!(cell("antwoord op tijd"), "", "a datalek has no answer duty");
}

/// The incident's start defaults to the day the organisation became aware of the breach, not
/// to the day the checklist is filled, and a start after it is refused.
#[test]
fn the_incident_start_defaults_to_the_moment_of_awareness() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    let mut store = demo(&db, "2027-03-26T16:30");
    breach(
        &mut store,
        1,
        "2027-03-26T16:00",
        BreachNature::VerkeerdeOntvanger,
        "Brief naar een verkeerd adres gestuurd.",
    );
    drop(store);
    passes(&db, "breach_incident_default.keys");
}

/// Through the checklist screen: a high-risk breach, notified on time, cannot close until the
/// data subjects decision is recorded, and an exception of AVG 34(3) needs its reasoning.
#[test]
fn a_high_risk_breach_cannot_close_until_the_data_subjects_decision_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    assessed(&db, "2027-03-27T09:30", "hoog_risico");
    passes(&db, "breach_high_risk.keys");
}

/// The register itself refuses what the screen refuses: a late notification without a reason,
/// and closing a high-risk breach without the data subjects decision, with the reasons in words.
#[test]
fn the_register_refuses_a_late_notice_without_reason_and_an_early_close() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    let id = assessed(&db, "2027-03-30T08:45", "hoog_risico");
    let mut store = Store::open(&db, &OpenOptions::existing(inst("2027-03-30T09:00"))).unwrap();
    let at = "2027-03-30T08:50";
    answer(
        &mut store,
        id,
        at,
        StepId::ApMelding,
        Answer::Choice("gemeld".into()),
    );
    let before = journal_lines(&db);
    let late = Event::Answered {
        case: id,
        step: StepId::ApGemeldOp,
        answer: Answer::Instant(inst("2027-03-30T08:30")),
    };
    let refused = store.save(vec![late], inst(at)).unwrap_err();
    assert!(
        matches!(
            refused,
            StoreError::Refused(Refusal::Blocked(Block::LateWithoutReason))
        ),
        "{refused:?}"
    );
    assert_eq!(
        refused.message(privdesk::i18n::Lang::Nl),
        "gemeld na 72 uur: een reden voor de vertraging is verplicht"
    );
    assert_eq!(
        journal_lines(&db),
        before,
        "a refused change never reaches the disk"
    );
    let close = Event::Closed {
        case: id,
        on: "2027-03-30".parse().unwrap(),
    };
    let refused = store.save(vec![close], inst(at)).unwrap_err();
    assert!(
        matches!(refused, StoreError::Refused(Refusal::Missing(_))),
        "{refused:?}"
    );
}

#[test]
#[ignore = "a helper: leaves an assessed breach in $PRIVDESK_KEEP to try scripts by hand"]
fn keep_an_assessed_breach() {
    let dir = std::env::var("PRIVDESK_KEEP").unwrap();
    let risk = std::env::var("PRIVDESK_RISK").unwrap_or_else(|_| "risico".into());
    assessed(Path::new(&dir), "2027-03-27T09:30", &risk);
}

/// Issue 18: at "risico" (not hoog) informing the data subjects can still be recorded, and is
/// not required to close.
#[test]
fn informing_the_data_subjects_is_recordable_below_high_risk() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    assessed(&db, "2027-03-27T09:30", "risico");
    passes(&db, "breach_inform_low_risk.keys");
    let journal = std::fs::read_to_string(db.join("journal.jsonl")).unwrap();
    assert!(journal.contains("\"step\":\"betrokkenen_informeren\""));
    assert!(journal.contains("\"step\":\"betrokkenen_geinformeerd_op\""));
}

/// Issue 18: the AP contact comes from `[ap_contact]` in the settings as each breach's default.
#[test]
fn the_ap_contact_defaults_from_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    assessed(&db, "2027-03-27T09:30", "risico");
    let config = dir.path().join("privdesk.toml");
    std::fs::write(
        &config,
        "[ap_contact]\nnaam = \"Mw. A. Contact\"\nfunctie = \"privacy officer\"\ntelefoon = \"030-7654321\"\n",
    )
    .unwrap();
    let path = format!(
        "{}/tests/scripts/breach_ap_contact.keys",
        env!("CARGO_MANIFEST_DIR")
    );
    let o = privdesk(
        None,
        &[
            "--db",
            db.to_str().unwrap(),
            "--config",
            config.to_str().unwrap(),
            "headless",
            &path,
        ],
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(o.status.code(), Some(0), "{out}");
    let journal = std::fs::read_to_string(db.join("journal.jsonl")).unwrap();
    assert!(journal.contains("030-7654321"));
}

//! Datalek flows through the real binary's headless driver, snapshotted: the 72-hour clock
//! across the change to summer time on the list, the header and the detail; the breach
//! register and the AP form view.
#![allow(clippy::unwrap_used)]

mod app_fixture;

use std::path::Path;

use app_fixture::privdesk;
use chrono::{DateTime, Utc};
use privdesk::domain::case::{BreachFacts, BreachNature};
use privdesk::domain::checklist::{Answer, StepId};
use privdesk::domain::instant::parse_instant;
use privdesk::domain::{CaseId, Event};
use privdesk::store::{OpenOptions, Store};

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

/// Runs a script from tests/scripts on the register in `db`; asserts it passed.
fn passes(db: &Path, script: &str) -> String {
    let path = format!("{}/tests/scripts/{script}", env!("CARGO_MANIFEST_DIR"));
    let o = privdesk(&["--db", db.to_str().unwrap(), "headless", &path], b"");
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{script}: {out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

#[test]
fn a_friday_afternoon_breach_has_48_real_hours_on_saturday_and_is_late_on_monday_evening() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    let mut store = demo(&db, "2027-03-26T16:30");
    breach(
        &mut store,
        1,
        "2027-03-26T16:00",
        BreachNature::VerkeerdeOntvanger,
        "Brief met groeigegevens naar een verkeerd adres gestuurd.",
    );
    drop(store);
    insta::assert_snapshot!(passes(&db, "breach_clock.keys"));
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

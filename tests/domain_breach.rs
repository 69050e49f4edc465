//! The datalek rules (domain.md §3.3, §5; AVG 33, 34): the clock, notification, data subjects,
//! closing.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Duration, Utc};
use privdesk::domain::breach::{AP_FORM, Field, is_filled};
use privdesk::domain::case::*;
use privdesk::domain::checklist::{Answer, Block, StepId};
use privdesk::domain::deadline::Level;
use privdesk::domain::event::{Event, Stamp};
use privdesk::domain::instant::parse_instant;
use privdesk::domain::kind::CaseId;
use privdesk::domain::summary::Summary;

fn inst(s: &str) -> DateTime<Utc> {
    parse_instant(s).unwrap()
}

struct B {
    case: Case,
    seq: u64,
    now: DateTime<Utc>,
}

impl B {
    fn aware(at: &str) -> B {
        let now = inst(at);
        let e = Event::BreachRegistered {
            case: CaseId::new('D', 2027, 1),
            breach: BreachFacts {
                aware_at: now,
                processor_notice_at: None,
                processor: String::new(),
                reported_by: "Otto Oefen".into(),
                nature: BreachNature::VerkeerdeOntvanger,
                description: "brief naar verkeerd adres".into(),
            },
        };
        let case = Case::register(
            &e,
            &Stamp {
                seq: 1,
                at: now,
                user: "t".into(),
            },
        )
        .unwrap();
        B { case, seq: 1, now }
    }

    fn at(mut self, s: &str) -> B {
        self.now = inst(s);
        self
    }

    fn try_answer(&mut self, step: StepId, answer: Answer) -> Result<(), Refusal> {
        self.seq += 1;
        let id = self.case.id;
        self.case.apply(
            &Event::Answered {
                case: id,
                step,
                answer,
            },
            &Stamp {
                seq: self.seq,
                at: self.now,
                user: "t".into(),
            },
        )
    }

    fn answer(&mut self, step: StepId, answer: Answer) {
        self.try_answer(step, answer).unwrap();
    }

    fn text(&mut self, step: StepId) {
        self.answer(step, Answer::Text("ingevuld".into()));
    }

    fn assess(&mut self, risk: &str) {
        let today = privdesk::domain::deadline::amsterdam_date(self.now);
        self.answer(
            StepId::IncidentBegin,
            Answer::Date(today - Duration::days(1)),
        );
        self.answer(StepId::NogGaande, Answer::YesNo(false));
        self.answer(
            StepId::IncidentEinde,
            Answer::Date(today - Duration::days(1)),
        );
        self.answer(StepId::AardInbreuk, Answer::Choice("lezen".into()));
        self.text(StepId::WelkeGegevens);
        self.answer(StepId::BijzondereGegevens, Answer::YesNo(true));
        self.answer(StepId::Bsn, Answer::YesNo(false));
        self.answer(StepId::AantalBetrokkenen, Answer::Number(3));
        self.answer(StepId::Kinderen, Answer::YesNo(true));
        self.answer(StepId::Versleuteld, Answer::YesNo(false));
        self.text(StepId::Ingeperkt);
        self.answer(StepId::Gevolgen, Answer::Choice("vertrouwelijkheid".into()));
        self.text(StepId::Schade);
        self.answer(StepId::Risico, Answer::Choice(risk.into()));
        self.text(StepId::RisicoToelichting);
        self.text(StepId::Maatregelen);
        self.answer(StepId::FgGeraadpleegd, Answer::YesNo(true));
    }

    fn notify(&mut self, at: &str) -> Result<(), Refusal> {
        self.answer(StepId::ApMelding, Answer::Choice("gemeld".into()));
        self.try_answer(StepId::ApGemeldOp, Answer::Instant(inst(at)))?;
        self.text(StepId::ApMeldnummer);
        self.text(StepId::ContactNaam);
        self.text(StepId::ContactFunctie);
        self.text(StepId::ContactTelefoon);
        Ok(())
    }

    fn close(&mut self) -> Result<(), Refusal> {
        self.seq += 1;
        let id = self.case.id;
        let on = privdesk::domain::deadline::amsterdam_date(self.now);
        self.case.apply(
            &Event::Closed { case: id, on },
            &Stamp {
                seq: self.seq,
                at: self.now,
                user: "t".into(),
            },
        )
    }
}

#[test]
fn the_clock_runs_72_real_hours_across_both_summer_time_changes_of_2027() {
    let b = B::aware("2027-03-26T16:00");
    assert_eq!(
        Summary::of(&b.case).breach_due,
        Some(inst("2027-03-29T17:00+02:00"))
    );
    let b = B::aware("2027-10-28T16:00");
    assert_eq!(
        Summary::of(&b.case).breach_due,
        Some(inst("2027-10-31T15:00+01:00"))
    );
}

#[test]
fn a_breach_is_bijna_under_24_hours_and_te_laat_after_72() {
    let b = B::aware("2027-03-26T16:00");
    let s = Summary::of(&b.case);
    assert_eq!(s.level(inst("2027-03-27T10:00")), Level::OpTijd);
    assert_eq!(s.level(inst("2027-03-28T18:00")), Level::Bijna);
    assert_eq!(s.level(inst("2027-03-29T17:01")), Level::TeLaat);
}

#[test]
fn a_notification_after_72_hours_needs_the_reason_for_the_delay_first() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-30T09:00");
    b.assess("risico");
    assert_eq!(
        b.notify("2027-03-30T08:00"),
        Err(Refusal::Blocked(Block::LateWithoutReason))
    );
    b.text(StepId::RedenVertraging);
    b.notify("2027-03-30T08:00").unwrap();
    b.close().unwrap();
    assert!(Summary::of(&b.case).breach_done);
}

#[test]
fn not_notifying_needs_a_risk_assessed_as_none_and_a_reason() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    b.assess("risico");
    let r = b.try_answer(StepId::ApMelding, Answer::Choice("niet_gemeld".into()));
    assert_eq!(r, Err(Refusal::Blocked(Block::NotificationRequired)));
    b.answer(StepId::Risico, Answer::Choice("geen".into()));
    b.answer(StepId::ApMelding, Answer::Choice("niet_gemeld".into()));
    assert!(matches!(b.close(), Err(Refusal::Missing(m)) if m == vec![StepId::RedenNietMelden]));
    b.text(StepId::RedenNietMelden);
    assert!(
        Summary::of(&b.case).breach_done,
        "a reasoned decision not to notify meets the duty"
    );
    b.close().unwrap();
}

#[test]
fn a_high_risk_breach_cannot_close_until_the_data_subjects_decision_is_recorded() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    b.assess("hoog_risico");
    b.notify("2027-03-27T08:00").unwrap();
    assert!(
        matches!(b.close(), Err(Refusal::Missing(m)) if m.contains(&StepId::BetrokkenenInformeren))
    );
    b.answer(
        StepId::BetrokkenenInformeren,
        Answer::Choice("publieke_mededeling".into()),
    );
    assert!(
        matches!(b.close(), Err(Refusal::Missing(m)) if m == vec![StepId::BetrokkenenToelichting])
    );
    b.text(StepId::BetrokkenenToelichting);
    b.close().unwrap();
    assert_eq!(b.case.status(), Status::Gesloten);
}

#[test]
fn the_ap_form_marks_what_is_still_empty() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    let empty = |b: &B| {
        AP_FORM
            .iter()
            .flat_map(|(_, fields)| fields.iter())
            .filter(|f| !is_filled(&b.case, **f))
            .count()
    };
    let before = empty(&b);
    assert!(is_filled(
        &b.case,
        Field::Fact(privdesk::domain::breach::Fact::AwareAt)
    ));
    assert!(!is_filled(&b.case, Field::Step(StepId::ApMeldnummer)));
    b.assess("risico");
    assert!(empty(&b) < before);
}

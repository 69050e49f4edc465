//! The datalek rules (domain.md §3.3, §5; AVG 33, 34): the clock, notification, data subjects,
//! closing.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, Duration, Utc};
use privdesk::domain::breach::{AP_FORM, Field, is_filled};
use privdesk::domain::case::CaseField;
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
        let aware =
            privdesk::domain::deadline::amsterdam_date(self.case.breach.as_ref().unwrap().aware_at);
        let today = aware;
        self.answer(
            StepId::IncidentBegin,
            Answer::Date(aware - Duration::days(1)),
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
    // Issue 21: and its category, which the yearly report counts (shown as required).
    assert_eq!(
        b.notify("2027-03-30T08:00"),
        Err(Refusal::Blocked(Block::LateWithoutCategory))
    );
    let step = privdesk::domain::checklist::find(b.case.kind, StepId::CategorieVertraging).unwrap();
    assert_eq!(
        b.case.need(step, b.now),
        privdesk::domain::checklist::Need::Required
    );
    let r = b.try_answer(
        StepId::CategorieVertraging,
        Answer::Choice("te_druk".into()),
    );
    assert_eq!(r, Err(Refusal::WrongAnswerType));
    b.answer(
        StepId::CategorieVertraging,
        Answer::Choice("verwerker_meldde_laat".into()),
    );
    b.notify("2027-03-30T08:00").unwrap();
    // Answered, it stays shown as required (never "(optioneel)").
    assert_eq!(
        b.case.need(step, b.now),
        privdesk::domain::checklist::Need::Required
    );
    b.close().unwrap();
    assert!(Summary::of(&b.case).breach_done);
}

/// A late notification recorded before the category existed (reason as free text only) still
/// reads back from the journal, and the category is not asked of it afterwards.
#[test]
fn a_late_notification_recorded_before_the_category_existed_still_replays() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-30T09:00");
    b.assess("risico");
    b.answer(StepId::ApMelding, Answer::Choice("gemeld".into()));
    b.text(StepId::RedenVertraging);
    let line = Event::Answered {
        case: b.case.id,
        step: StepId::ApGemeldOp,
        answer: Answer::Instant(inst("2027-03-30T08:00")),
    };
    let stamp = Stamp {
        seq: b.seq + 1,
        at: b.now,
        user: "t".into(),
    };
    b.case.replay(&line, &stamp).unwrap();
    b.seq += 1;
    let step = privdesk::domain::checklist::find(b.case.kind, StepId::CategorieVertraging).unwrap();
    assert_eq!(
        b.case.need(step, b.now),
        privdesk::domain::checklist::Need::Optional
    );
    for s in [
        StepId::ApMeldnummer,
        StepId::ContactNaam,
        StepId::ContactFunctie,
        StepId::ContactTelefoon,
    ] {
        b.text(s);
    }
    b.close().unwrap();
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

/// The clock shows real hours across the change to summer time: Saturday 16:00 CET is 48 real
/// hours before Monday 17:00 CEST, though the wall clock says 49.
#[test]
fn hours_left_count_real_hours_across_the_change_to_summer_time() {
    use privdesk::domain::deadline::breach_time_left;
    let b = B::aware("2027-03-26T16:00");
    let due = Summary::of(&b.case).breach_due.unwrap();
    let left = |at: &str| breach_time_left(due, inst(at)).hours_minutes();
    assert_eq!(left("2027-03-27T16:00"), (48, 0));
    assert_eq!(left("2027-03-28T16:00"), (25, 0));
    let late = breach_time_left(due, inst("2027-03-29T19:30"));
    assert!(late.is_late());
    assert_eq!(late.hours_minutes(), (2, 30));
}

/// And back to winter time: Saturday 16:00 CEST is 24 real hours before Sunday 15:00 CET.
#[test]
fn hours_left_count_real_hours_across_the_change_to_winter_time() {
    use privdesk::domain::deadline::breach_time_left;
    let b = B::aware("2027-10-28T16:00");
    let due = Summary::of(&b.case).breach_due.unwrap();
    assert_eq!(
        breach_time_left(due, inst("2027-10-30T16:00")).hours_minutes(),
        (24, 0)
    );
    let s = Summary::of(&b.case);
    assert_eq!(s.level(inst("2027-10-30T15:59")), Level::OpTijd);
    assert_eq!(s.level(inst("2027-10-30T16:01")), Level::Bijna);
    assert_eq!(s.level(inst("2027-10-31T15:01")), Level::TeLaat);
}

/// The clock runs from the earlier of the organisation's own awareness and the processor's
/// notice (domain.md §3.3).
#[test]
fn the_clock_runs_from_the_processors_notice_when_it_came_first() {
    let now = inst("2027-03-27T10:00");
    let register = |notice: Option<&str>| {
        Case::register(
            &Event::BreachRegistered {
                case: CaseId::new('D', 2027, 1),
                breach: BreachFacts {
                    aware_at: inst("2027-03-26T16:00"),
                    processor_notice_at: notice.map(inst),
                    processor: "Dossierleverancier".into(),
                    reported_by: "Otto Oefen".into(),
                    nature: BreachNature::Malware,
                    description: String::new(),
                },
            },
            &Stamp {
                seq: 1,
                at: now,
                user: "t".into(),
            },
        )
    };
    let early = register(Some("2027-03-26T09:00")).unwrap();
    assert_eq!(
        Summary::of(&early).breach_due,
        Some(inst("2027-03-29T10:00+02:00"))
    );
    let late = register(Some("2027-03-27T09:00")).unwrap();
    assert_eq!(
        Summary::of(&late).breach_due,
        Some(inst("2027-03-29T17:00+02:00"))
    );
    assert_eq!(
        register(Some("2027-03-27T11:00")),
        Err(Refusal::InFuture(CaseField::ProcessorNoticeAt))
    );
}

#[test]
fn awareness_in_the_future_is_refused_and_a_reporter_is_required() {
    let stamp = Stamp {
        seq: 1,
        at: inst("2027-03-26T16:00"),
        user: "t".into(),
    };
    let facts = |aware: &str, by: &str| Event::BreachRegistered {
        case: CaseId::new('D', 2027, 1),
        breach: BreachFacts {
            aware_at: inst(aware),
            processor_notice_at: None,
            processor: String::new(),
            reported_by: by.into(),
            nature: BreachNature::Verloren,
            description: String::new(),
        },
    };
    assert_eq!(
        Case::register(&facts("2027-03-26T16:01", "Otto"), &stamp),
        Err(Refusal::InFuture(CaseField::AwareAt))
    );
    assert_eq!(
        Case::register(&facts("2027-03-26T15:00", "  "), &stamp),
        Err(Refusal::Required(CaseField::ReportedBy))
    );
    assert!(Case::register(&facts("2027-03-26T16:00", "Otto"), &stamp).is_ok());
}

/// Notified within 72 hours: no reason for a delay is asked, and the case closes.
#[test]
fn a_timely_notification_needs_no_reason_and_the_case_closes() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-29T17:00");
    b.assess("risico");
    b.notify("2027-03-29T16:59").unwrap();
    assert!(Summary::of(&b.case).breach_done);
    assert_eq!(
        Summary::of(&b.case).level(inst("2027-03-30T09:00")),
        Level::Voldaan,
        "a met deadline is never late afterwards"
    );
    b.close().unwrap();
}

/// A notification time in the future is refused like any instant answer.
#[test]
fn a_notification_in_the_future_is_refused() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    b.assess("risico");
    assert_eq!(
        b.notify("2027-03-28T09:00"),
        Err(Refusal::InFuture(CaseField::Answer))
    );
}

/// A notification later the same day than the moment it is recorded, or before the breach
/// became known, cannot be true: refused.
#[test]
fn a_notification_later_today_or_before_awareness_is_refused() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    b.assess("risico");
    assert_eq!(
        b.notify("2027-03-27T09:01"),
        Err(Refusal::InFuture(CaseField::Answer))
    );
    assert_eq!(
        b.notify("2027-03-26T15:59"),
        Err(Refusal::Blocked(Block::NotifiedBeforeAwareness))
    );
    assert!(b.notify("2027-03-27T08:59").is_ok());
}

/// Once it was decided not to notify, the risk cannot be raised above none without notifying.
#[test]
fn raising_the_risk_after_deciding_not_to_notify_is_refused() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    b.assess("geen");
    b.answer(StepId::ApMelding, Answer::Choice("niet_gemeld".into()));
    assert_eq!(
        b.try_answer(StepId::Risico, Answer::Choice("hoog_risico".into())),
        Err(Refusal::Blocked(Block::NotificationRequired))
    );
}

/// Closing a datalek needs its assessment, the AP decision and the measures: a fresh breach
/// names what is missing, in checklist order.
#[test]
fn closing_a_fresh_breach_names_every_missing_step() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    let Err(Refusal::Missing(m)) = b.close() else {
        panic!("a fresh breach closed")
    };
    for s in [
        StepId::WelkeGegevens,
        StepId::Risico,
        StepId::Maatregelen,
        StepId::FgGeraadpleegd,
    ] {
        assert!(m.contains(&s), "{s:?} not named in {m:?}");
    }
    b.assess("risico");
    assert!(matches!(b.close(), Err(Refusal::Missing(m)) if m == vec![StepId::ApMelding]));
}

/// A closed breach takes no more answers; it stays in the register.
#[test]
fn a_closed_breach_takes_no_more_answers() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    b.assess("geen");
    b.answer(StepId::ApMelding, Answer::Choice("niet_gemeld".into()));
    b.text(StepId::RedenNietMelden);
    b.close().unwrap();
    assert_eq!(
        b.try_answer(StepId::Maatregelen, Answer::Text("later".into())),
        Err(Refusal::CaseClosed)
    );
}

/// The AP form asks the reason for a delay only once there is one: notified after the 72
/// hours, or not notified when they passed; and fields hidden by the decision not to notify
/// (the AP's number) are left out.
#[test]
fn the_ap_form_asks_for_a_delay_reason_only_when_late_and_leaves_out_what_does_not_apply() {
    use privdesk::domain::breach::{applies, is_optional};
    let reason = Field::Step(StepId::RedenVertraging);
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    assert!(!applies(&b.case, reason, inst("2027-03-29T16:59")));
    assert!(applies(&b.case, reason, inst("2027-03-29T17:01")));
    b.assess("risico");
    b.notify("2027-03-27T08:00").unwrap();
    assert!(
        !applies(&b.case, reason, inst("2027-04-02T09:00")),
        "on time"
    );
    assert!(applies(
        &b.case,
        Field::Step(StepId::ApMeldnummer),
        inst("2027-03-27T09:00")
    ));

    let mut n = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    n.assess("geen");
    n.answer(StepId::ApMelding, Answer::Choice("niet_gemeld".into()));
    let later = inst("2027-04-02T09:00");
    assert!(!applies(&n.case, Field::Step(StepId::ApMeldnummer), later));
    assert!(!applies(&n.case, reason, later));
    assert!(applies(
        &n.case,
        Field::Step(StepId::RedenNietMelden),
        later
    ));
    assert!(is_optional(&n.case, Field::Step(StepId::AantalRecords)));
    assert!(!is_optional(&n.case, Field::Step(StepId::Risico)));
    assert!(
        !is_optional(&n.case, reason),
        "asked only when late, then needed"
    );
}

/// Before the risk is assessed, the notification decision and the risk's reasoning are still to
/// do on the AP form, not hidden; the data subjects' decision may be recorded at every risk
/// level and is required only on high risk (issue 18, AVG 34).
#[test]
fn the_ap_form_shows_the_notification_decision_as_still_to_do_before_the_risk() {
    use privdesk::domain::breach::applies;
    let b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    let now = inst("2027-03-27T09:00");
    assert!(applies(&b.case, Field::Step(StepId::ApMelding), now));
    assert!(applies(
        &b.case,
        Field::Step(StepId::RisicoToelichting),
        now
    ));
    assert!(applies(
        &b.case,
        Field::Step(StepId::BetrokkenenInformeren),
        now
    ));
    assert!(privdesk::domain::breach::is_optional(
        &b.case,
        Field::Step(StepId::BetrokkenenInformeren)
    ));
}

/// The checklist asks the reason for a delay only when there is one: not after a timely
/// notification, but once the 72 hours passed without one (from the deadline's day).
#[test]
fn the_checklist_asks_for_the_delay_reason_only_when_late() {
    let shows = |b: &B, day: &str| {
        b.case
            .visible_steps(day.parse().unwrap())
            .iter()
            .any(|s| s.id == StepId::RedenVertraging)
    };
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-27T09:00");
    b.assess("risico");
    b.answer(StepId::ApMelding, Answer::Choice("gemeld".into()));
    assert!(!shows(&b, "2027-03-27"), "within the 72 hours");
    assert!(shows(&b, "2027-03-29"), "from the deadline's day");
    b.notify("2027-03-27T08:00").unwrap();
    assert!(!shows(&b, "2027-04-02"), "notified on time");
}

#[test]
fn the_incident_cannot_begin_after_awareness_nor_end_before_it_began() {
    let mut b = B::aware("2027-03-26T16:00").at("2027-03-28T09:00");
    let d = |s: &str| Answer::Date(s.parse().unwrap());
    assert_eq!(
        b.try_answer(StepId::IncidentBegin, d("2027-03-27")),
        Err(Refusal::Blocked(Block::IncidentAfterAwareness))
    );
    b.answer(StepId::IncidentBegin, d("2027-03-25"));
    b.answer(StepId::NogGaande, Answer::YesNo(false));
    assert_eq!(
        b.try_answer(StepId::IncidentEinde, d("2027-03-24")),
        Err(Refusal::TooEarly(CaseField::Answer))
    );
    b.answer(StepId::IncidentEinde, d("2027-03-25"));
}

/// Issue 18 point 4: the AP form's nature takes several natures (read and copied); a line
/// with one nature, written before, still reads; none, an unknown or a repeated nature is
/// refused.
#[test]
fn a_breach_nature_takes_several_natures_and_an_old_single_nature_still_reads_avg_33_3_a() {
    let mut b = B::aware("2027-03-26T16:30");
    b.answer(StepId::AardInbreuk, Answer::Choice("lezen".into()));
    let choices = |cs: &[&str]| Answer::Choices(cs.iter().map(|c| c.to_string()).collect());
    b.answer(StepId::AardInbreuk, choices(&["lezen", "kopieren"]));
    assert_eq!(
        b.case.answers[&StepId::AardInbreuk].answer.slugs(),
        vec!["lezen", "kopieren"]
    );
    assert_eq!(
        b.try_answer(StepId::AardInbreuk, choices(&[])),
        Err(Refusal::Required(privdesk::domain::case::CaseField::Answer))
    );
    assert_eq!(
        b.try_answer(StepId::AardInbreuk, choices(&["lezen", "lezen"])),
        Err(Refusal::WrongAnswerType)
    );
    assert_eq!(
        b.try_answer(StepId::AardInbreuk, choices(&["geraden"])),
        Err(Refusal::WrongAnswerType)
    );
    let line = r#"{"type":"answered","case":"D-2027-0001","step":"aard_inbreuk","answer":{"choice":"lezen"}}"#;
    assert!(serde_json::from_str::<Event>(line).is_ok());
    let text = serde_json::to_string(&Event::Answered {
        case: CaseId::new('D', 2027, 1),
        step: StepId::AardInbreuk,
        answer: choices(&["verloren", "gestolen"]),
    })
    .unwrap();
    assert!(
        text.contains(r#""answer":{"choices":["verloren","gestolen"]}"#),
        "{text}"
    );
}

//! Issue 18 point 2 and 3: correcting a registered fact (old and new value, a reason, the
//! deadlines and authority recomputed, a decision made unlawful only after confirmation and
//! then flagged for review, a moved deadline listed for the FG), and notes that change no
//! case.
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, NaiveDate, Utc};
use privdesk::demo::amsterdam_instant;
use privdesk::domain::authority::DossierRegime;
use privdesk::domain::case::*;
use privdesk::domain::checklist::{Answer, StepId, find};
use privdesk::domain::event::{Event, Stamp};
use privdesk::domain::kind::{CaseId, CaseKind};
use privdesk::domain::summary::Summary;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    amsterdam_instant(d(s), 10, 0).unwrap()
}

struct T {
    case: Case,
    seq: u64,
    now: DateTime<Utc>,
}

impl T {
    fn new(kind: CaseKind, received: &str, birth: &str, relation: Relation) -> T {
        let e = Event::Registered {
            case: CaseId::new('V', 2026, 1),
            request: RequestFacts {
                kind,
                received: d(received),
                channel: Channel::Email,
                requester: Requester {
                    name: "Fenna Fictief".into(),
                    relation,
                    contact: "x@voorbeeld.invalid".into(),
                    address: String::new(),
                    salutation: None,
                },
                child: Child {
                    name: "Lieke Fictief".into(),
                    birth_date: d(birth),
                },
                notes: String::new(),
                regime: DossierRegime::Wgbo,
                reply: None,
            },
        };
        let now = at(received);
        let stamp = Stamp {
            seq: 1,
            at: now,
            user: "t".into(),
        };
        T {
            case: Case::register(&e, &stamp).unwrap(),
            seq: 1,
            now,
        }
    }

    fn on(mut self, date: &str) -> T {
        self.now = at(date);
        self
    }

    fn stamp(&mut self) -> Stamp {
        self.seq += 1;
        Stamp {
            seq: self.seq,
            at: self.now,
            user: "t".into(),
        }
    }

    fn apply(&mut self, e: Event) -> Result<(), Refusal> {
        let before = self.case.clone();
        let stamp = self.stamp();
        let r = self.case.apply(&e, &stamp);
        if r.is_err() {
            assert_eq!(before, self.case, "a refused event changed the case");
        }
        r
    }

    fn answer_rest(&mut self) {
        let today = privdesk::domain::deadline::amsterdam_date(self.now);
        while let Some(step) = self.case.missing_steps(today, None).first().copied() {
            let s = find(self.case.kind, step).unwrap();
            use privdesk::domain::checklist::AnswerType::*;
            let a = match s.ty {
                YesNo => Answer::YesNo(!matches!(
                    step,
                    StepId::SignalenMishandeling | StepId::Bewaarplicht | StepId::BelangAnder
                )),
                Choice(o) | Choices(o) => Answer::Choice(o[0].into()),
                Date => Answer::Date(today),
                Instant => Answer::Instant(self.now),
                Text => Answer::Text("ok".into()),
                Number => Answer::Number(1),
            };
            let id = self.case.id;
            self.apply(Event::Answered {
                case: id,
                step,
                answer: a,
            })
            .unwrap();
        }
    }

    fn decide(&mut self, decision: Decision) -> Result<(), Refusal> {
        let id = self.case.id;
        self.apply(Event::Decided {
            case: id,
            decision,
            reason: "afweging".into(),
            explanation: Some("toelichting".into()),
            kept: String::new(),
        })
    }

    fn correct(&mut self, c: Correction, reason: &str, review: bool) -> Result<(), Refusal> {
        let id = self.case.id;
        self.apply(Event::Corrected {
            case: id,
            correction: c,
            reason: reason.into(),
            review,
        })
    }
}

/// domain.md §4: the child's age governs who may ask. A parent's inzage granted for an
/// 11-year-old; the birth date was a typo and the child is 16: the correction is refused until
/// the handler confirms it, then the decision is kept and the case flagged for review.
#[test]
fn a_corrected_birth_date_that_makes_a_granted_decision_unlawful_needs_confirmation_and_flags_review_domain_md_4()
 {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2015-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    t.answer_rest();
    t.decide(Decision::Toegewezen).unwrap();
    let c = Correction::BirthDate {
        from: d("2015-01-01"),
        to: d("2010-01-01"),
    };
    assert_eq!(
        t.correct(c.clone(), "typfout in geboortejaar", false),
        Err(Refusal::CorrectionConflicts(vec![Conflict::Decision]))
    );
    assert!(!t.case.needs_review());
    t.correct(c, "typfout in geboortejaar", true).unwrap();
    assert_eq!(
        t.case.request.as_ref().unwrap().child.birth_date,
        d("2010-01-01")
    );
    assert_eq!(
        t.case.decision.as_ref().unwrap().decision,
        Decision::Toegewezen,
        "the decision is kept"
    );
    assert!(t.case.needs_review());
    assert_eq!(t.case.corrections.len(), 1);
    assert_eq!(t.case.corrections[0].conflicts, vec![Conflict::Decision]);
    assert!(Summary::of(&t.case).review, "the list shows the flag");
    // A new decision on the corrected facts (the steps that now show answered) ends the
    // review: the young person of 16 did not consent, so the parent is not admissible.
    t.answer_rest();
    t.decide(Decision::NietOntvankelijk).unwrap();
    assert!(!t.case.needs_review());
}

/// A correction that makes nothing unlawful is saved at once (no confirmation), and the
/// authority follows the corrected fact.
#[test]
fn a_corrected_birth_date_before_a_decision_changes_the_authority_at_once_domain_md_4() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2015-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    let today = d("2026-11-10");
    let before = privdesk::domain::rights::authority(&t.case, today).unwrap();
    t.correct(
        Correction::BirthDate {
            from: d("2015-01-01"),
            to: d("2010-01-01"),
        },
        "typfout",
        false,
    )
    .unwrap();
    let after = privdesk::domain::rights::authority(&t.case, today).unwrap();
    assert_ne!(before.outcome, after.outcome);
    assert!(!t.case.needs_review());
}

/// AVG 12(3): the deadline follows a corrected receipt date at once, the correction is
/// listed for the FG as one that moved a deadline; a name correction is not.
#[test]
fn a_corrected_receipt_date_moves_the_deadline_and_is_listed_for_the_fg_avg_12_3() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2015-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    assert_eq!(Summary::of(&t.case).answer_due, Some(d("2026-12-02")));
    t.correct(
        Correction::Received {
            from: d("2026-11-02"),
            to: d("2026-10-20"),
        },
        "poststempel",
        false,
    )
    .unwrap();
    assert_eq!(Summary::of(&t.case).answer_due, Some(d("2026-11-20")));
    t.correct(
        Correction::Child {
            from: "Lieke Fictief".into(),
            to: "Lieke Fictief-Jansen".into(),
        },
        "achternaam",
        false,
    )
    .unwrap();
    let moved: Vec<_> = t.case.deadline_corrections().collect();
    assert_eq!(moved.len(), 1);
    assert!(matches!(moved[0].correction, Correction::Received { .. }));
    assert_eq!(t.case.corrections.len(), 2);
}

/// AVG 12(3): an extension's notice must lie within the first month. A receipt date corrected
/// to earlier puts the recorded notice after it: confirmed only, then flagged for review.
#[test]
fn a_corrected_receipt_date_that_puts_the_extension_after_the_first_month_is_confirmed_first_avg_12_3()
 {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2015-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-30");
    let id = t.case.id;
    t.apply(Event::Extended {
        case: id,
        reason: ExtensionReason::Complexiteit,
        explanation: "veel dossiers".into(),
        notice_sent: d("2026-11-30"),
    })
    .unwrap();
    let c = Correction::Received {
        from: d("2026-11-02"),
        to: d("2026-10-12"),
    };
    assert_eq!(
        t.correct(c.clone(), "poststempel", false),
        Err(Refusal::CorrectionConflicts(vec![Conflict::Extension]))
    );
    t.correct(c, "poststempel", true).unwrap();
    assert!(t.case.needs_review());
    assert!(t.case.corrections[0].moved_deadline);
}

/// A correction needs a reason, the value the case has now, a new value, and a new value
/// the registration would have accepted.
#[test]
fn a_correction_needs_a_reason_the_current_value_and_a_valid_new_one() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2015-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    let received = |from: &str, to: &str| Correction::Received {
        from: d(from),
        to: d(to),
    };
    assert_eq!(
        t.correct(received("2026-11-02", "2026-11-01"), " ", false),
        Err(Refusal::Required(privdesk::domain::case::CaseField::Reason))
    );
    assert_eq!(
        t.correct(received("2026-11-03", "2026-11-01"), "x", false),
        Err(Refusal::CorrectionStale)
    );
    assert_eq!(
        t.correct(received("2026-11-02", "2026-11-02"), "x", false),
        Err(Refusal::CorrectionUnchanged)
    );
    assert_eq!(
        t.correct(received("2026-11-02", "2026-11-11"), "x", false),
        Err(Refusal::InFuture(
            privdesk::domain::case::CaseField::Received
        ))
    );
    assert_eq!(
        t.correct(
            Correction::BirthDate {
                from: d("2015-01-01"),
                to: d("2026-11-05"),
            },
            "x",
            false
        ),
        Err(Refusal::TooEarly(
            privdesk::domain::case::CaseField::Received
        ))
    );
    assert_eq!(
        t.correct(
            Correction::Requester {
                from: "Fenna Fictief".into(),
                to: "  ".into(),
            },
            "x",
            false
        ),
        Err(Refusal::Required(
            privdesk::domain::case::CaseField::Requester
        ))
    );
    // The answer goes by secure e-mail (the channel): no postal address (data minimisation).
    assert_eq!(
        t.correct(
            Correction::Address {
                from: String::new(),
                to: "Dorpsstraat 1".into(),
            },
            "x",
            false
        ),
        Err(Refusal::NotNeeded(
            privdesk::domain::case::CaseField::Address
        ))
    );
    assert_eq!(
        t.correct(
            Correction::AwareAt {
                from: t.now,
                to: t.now,
            },
            "x",
            false
        ),
        Err(Refusal::CorrectionUnchanged)
    );
    assert_eq!(
        t.correct(
            Correction::Nature {
                from: BreachNature::Verloren,
                to: BreachNature::Gestolen,
            },
            "x",
            false
        ),
        Err(Refusal::NotForKind)
    );
}

/// The journal's wire format: old and new value under `correction`, `review` only when
/// confirmed; the line replays.
#[test]
fn a_correction_line_names_the_field_old_and_new_value_and_round_trips() {
    let e = Event::Corrected {
        case: CaseId::new('V', 2026, 1),
        correction: Correction::BirthDate {
            from: d("2015-01-01"),
            to: d("2010-01-01"),
        },
        reason: "typfout".into(),
        review: false,
    };
    let text = serde_json::to_string(&e).unwrap();
    assert_eq!(
        text,
        r#"{"type":"corrected","case":"V-2026-0001","correction":{"field":"birth_date","from":"2015-01-01","to":"2010-01-01"},"reason":"typfout"}"#
    );
    assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), e);
    let note = Event::NoteAdded {
        case: CaseId::new('V', 2026, 1),
        text: "gebeld met moeder\nstuurt ID dinsdag".into(),
    };
    let text = serde_json::to_string(&note).unwrap();
    assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), note);
}

/// A datalek's aware moment corrected moves the 72 hours.
#[test]
fn a_corrected_aware_moment_moves_the_72_hours_avg_33_1() {
    let id = CaseId::new('D', 2026, 1);
    let aware = at("2026-11-10");
    let e = Event::BreachRegistered {
        case: id,
        breach: BreachFacts {
            aware_at: aware,
            processor_notice_at: None,
            processor: String::new(),
            reported_by: "ICT".into(),
            nature: BreachNature::Verloren,
            description: String::new(),
        },
    };
    let stamp = Stamp {
        seq: 1,
        at: at("2026-11-11"),
        user: "t".into(),
    };
    let mut case = Case::register(&e, &stamp).unwrap();
    let due = Summary::of(&case).breach_due.unwrap();
    let earlier = aware - chrono::Duration::hours(5);
    case.apply(
        &Event::Corrected {
            case: id,
            correction: Correction::AwareAt {
                from: aware,
                to: earlier,
            },
            reason: "melding kwam eerder binnen".into(),
            review: false,
        },
        &Stamp {
            seq: 2,
            at: at("2026-11-11"),
            user: "t".into(),
        },
    )
    .unwrap();
    assert_eq!(
        Summary::of(&case).breach_due.unwrap(),
        due - chrono::Duration::hours(5)
    );
    assert_eq!(case.deadline_corrections().count(), 1);
}

/// design.md "Versions": a note leaves the case (and its version) as it is; also on a closed
/// case; an empty note is refused before it reaches the journal.
#[test]
fn a_note_changes_no_case_and_an_empty_note_is_refused() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2015-01-01",
        Relation::OuderMetGezag,
    );
    let id = t.case.id;
    let before = t.case.clone();
    let note = Event::NoteAdded {
        case: id,
        text: "gebeld met moeder\nstuurt ID dinsdag".into(),
    };
    assert!(!note.changes_case());
    t.apply(note.clone()).unwrap();
    assert_eq!(t.case, before, "a note changes no fact and no version");
    assert_eq!(check_new(&note), Ok(()));
    assert_eq!(
        check_new(&Event::NoteAdded {
            case: id,
            text: " \n ".into(),
        }),
        Err(Refusal::Required(privdesk::domain::case::CaseField::Note))
    );
}

/// AVG 7(3): a withdrawal of consent takes effect on receipt: its effective date is the date
/// of receipt, a later one is refused.
#[test]
fn a_withdrawal_of_consent_takes_effect_on_receipt_avg_7_3() {
    let mut t = T::new(
        CaseKind::IntrekkenToestemming,
        "2026-11-02",
        "2018-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    let id = t.case.id;
    let effective = |on: &str| Event::Answered {
        case: id,
        step: StepId::IngangsdatumIntrekking,
        answer: Answer::Date(d(on)),
    };
    assert_eq!(
        t.apply(effective("2026-11-09")),
        Err(Refusal::Blocked(
            privdesk::domain::checklist::Block::WithdrawalTakesEffectOnReceipt
        ))
    );
    t.apply(effective("2026-11-02")).unwrap();
    // A line written before the rule replays as it was.
    let mut replayed = t.case.clone();
    let stamp = t.stamp();
    replayed.replay(&effective("2026-11-09"), &stamp).unwrap();
}

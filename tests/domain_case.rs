//! The case model's rules: what `Case::apply` accepts and refuses, and what a decision or a
//! close needs (domain.md §3–§5).
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use privdesk::demo::amsterdam_instant;
use privdesk::domain::authority::DossierRegime;
use privdesk::domain::case::CaseField;
use privdesk::domain::case::*;
use privdesk::domain::checklist::{Answer, Block, Phase, StepId, find};
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
        T::under(DossierRegime::Wgbo, kind, received, birth, relation)
    }

    fn under(
        regime: DossierRegime,
        kind: CaseKind,
        received: &str,
        birth: &str,
        relation: Relation,
    ) -> T {
        let id = CaseId::new('V', 2026, 1);
        let e = Event::Registered {
            case: id,
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
                regime,
                reply: None,
            },
        };
        let now = at(received);
        let case = Case::register(
            &e,
            &Stamp {
                seq: 1,
                at: now,
                user: "t".into(),
            },
        )
        .unwrap();
        T { case, seq: 1, now }
    }

    fn on(mut self, date: &str) -> T {
        self.now = at(date);
        self
    }

    fn apply(&mut self, e: Event) -> Result<(), Refusal> {
        self.seq += 1;
        let before = self.case.clone();
        let r = self.case.apply(
            &e,
            &Stamp {
                seq: self.seq,
                at: self.now,
                user: "t".into(),
            },
        );
        if r.is_err() {
            assert_eq!(before, self.case, "a refused event changed the case");
        }
        r
    }

    fn answer(&mut self, step: StepId, a: Answer) {
        let id = self.case.id;
        self.apply(Event::Answered {
            case: id,
            step,
            answer: a,
        })
        .unwrap();
    }

    fn yes(&mut self, step: StepId, v: bool) {
        self.answer(step, Answer::YesNo(v));
    }

    fn choose(&mut self, step: StepId, c: &str) {
        self.answer(step, Answer::Choice(c.into()));
    }

    /// Answers what is missing with harmless defaults (yes / first option / a date / text).
    fn answer_rest(&mut self) {
        let today = privdesk::domain::deadline::amsterdam_date(self.now);
        while let Some(step) = self.case.missing_steps(today, None).first().copied() {
            let a = common::plausible_answer(self.case.kind, step, today, self.now);
            self.answer(step, a);
        }
    }

    fn decide(&mut self, decision: Decision, reason: &str) -> Result<(), Refusal> {
        let id = self.case.id;
        self.apply(Event::Decided {
            case: id,
            decision,
            reason: reason.into(),
            explanation: Some(reason.into()),
            kept: String::new(),
        })
    }
}

#[test]
fn registration_refuses_a_future_receipt_and_a_receipt_before_birth() {
    let id = CaseId::new('V', 2026, 1);
    let mk = |received: &str, birth: &str| Event::Registered {
        case: id,
        request: RequestFacts {
            kind: CaseKind::Inzage,
            received: d(received),
            channel: Channel::Brief,
            requester: Requester {
                name: "A".into(),
                relation: Relation::OuderMetGezag,
                contact: String::new(),
                address: String::new(),
                salutation: None,
            },
            child: Child {
                name: "B".into(),
                birth_date: d(birth),
            },
            notes: String::new(),
            regime: DossierRegime::Wgbo,
            reply: None,
        },
    };
    let stamp = Stamp {
        seq: 1,
        at: at("2026-11-23"),
        user: "t".into(),
    };
    assert_eq!(
        Case::register(&mk("2026-11-24", "2020-01-01"), &stamp),
        Err(Refusal::InFuture(CaseField::Received))
    );
    assert_eq!(
        Case::register(&mk("2019-12-31", "2020-01-01"), &stamp),
        Err(Refusal::TooEarly(CaseField::Received))
    );
    assert!(Case::register(&mk("2026-11-23", "2020-01-01"), &stamp).is_ok());
}

#[test]
fn an_extension_needs_a_reason_and_a_notice_within_the_first_month() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2027-01-31",
        "2020-01-01",
        Relation::OuderMetGezag,
    )
    .on("2027-03-05");
    let id = t.case.id;
    let ext = |sent: &str, why: &str| Event::Extended {
        case: id,
        reason: ExtensionReason::Complexiteit,
        explanation: why.into(),
        notice_sent: d(sent),
    };
    assert_eq!(
        t.apply(ext("2027-02-20", " ")),
        Err(Refusal::Required(CaseField::Explanation))
    );
    // The first month ends Sun 28 Feb, shifted to Mon 1 Mar: a notice on 2 Mar is too late.
    assert_eq!(
        t.apply(ext("2027-03-02", "complex")),
        Err(Refusal::ExtensionTooLate)
    );
    // A notice sent on 1 Mar counts, even when it is recorded later.
    t.apply(ext("2027-03-01", "complex")).unwrap();
    assert_eq!(t.case.status(), Status::Verlengd);
    assert_eq!(Summary::of(&t.case).answer_due, Some(d("2027-04-28")));
    assert_eq!(
        t.apply(ext("2027-03-01", "again")),
        Err(Refusal::AlreadyExtended)
    );
}

#[test]
fn a_withdrawal_of_consent_is_never_extended() {
    let mut t = T::new(
        CaseKind::IntrekkenToestemming,
        "2026-11-02",
        "2020-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    let id = t.case.id;
    let r = t.apply(Event::Extended {
        case: id,
        reason: ExtensionReason::AantalVerzoeken,
        explanation: "veel".into(),
        notice_sent: d("2026-11-05"),
    });
    assert_eq!(r, Err(Refusal::NotForKind));
}

#[test]
fn a_decision_waits_for_the_required_steps_and_names_them() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2020-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    match t.decide(Decision::Toegewezen, "") {
        Err(Refusal::Missing(steps)) => {
            assert_eq!(steps.first(), Some(&StepId::IdentiteitGecontroleerd));
            assert!(steps.contains(&StepId::DossiersDoorzocht));
            assert!(
                steps.contains(&StepId::GezagGecontroleerd),
                "a parent's gezag is checked"
            );
            assert!(
                !steps.contains(&StepId::Wilsbekwaam),
                "a 6-year-old is not assessed"
            );
        }
        other => panic!("{other:?}"),
    }
    t.answer_rest();
    t.decide(Decision::Toegewezen, "").unwrap();
    assert_eq!(t.case.status(), Status::Besloten);
}

#[test]
fn every_decision_but_toegewezen_needs_a_reason() {
    for decision in [
        Decision::DeelsToegewezen,
        Decision::Afgewezen,
        Decision::NietOntvankelijk,
    ] {
        let mut t = T::new(
            CaseKind::Afschrift,
            "2026-11-02",
            "2020-01-01",
            Relation::OuderMetGezag,
        )
        .on("2026-11-10");
        t.answer_rest();
        assert_eq!(
            t.decide(decision, "  "),
            Err(Refusal::Required(CaseField::Reason)),
            "{decision:?}"
        );
    }
}

#[test]
fn niet_ontvankelijk_needs_its_ground_and_identity_failure_allows_only_that() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2020-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    t.yes(StepId::IdentiteitGecontroleerd, false);
    assert_eq!(
        t.decide(Decision::Toegewezen, ""),
        Err(Refusal::Blocked(Block::IdentityNotEstablished))
    );
    t.decide(Decision::NietOntvankelijk, "identiteit niet vastgesteld")
        .unwrap();

    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2020-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    t.answer_rest();
    assert_eq!(
        t.decide(Decision::NietOntvankelijk, "zomaar"),
        Err(Refusal::Blocked(Block::NoGroundNietOntvankelijk))
    );
}

#[test]
fn steps_show_by_earlier_answers_and_hidden_steps_take_no_answer() {
    let mut t = T::new(
        CaseKind::Rectificatie,
        "2026-11-02",
        "2020-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    let id = t.case.id;
    let r = t.apply(Event::Answered {
        case: id,
        step: StepId::GecorrigeerdInBron,
        answer: Answer::YesNo(true),
    });
    assert_eq!(r, Err(Refusal::StepNotApplicable));
    t.choose(StepId::SoortCorrectie, "oordeel");
    let today = d("2026-11-10");
    let missing = t.case.missing_steps(today, Some(Phase::Beoordeling));
    assert_eq!(missing, vec![StepId::EigenVerklaringAangeboden]);
    let r = t.apply(Event::Answered {
        case: id,
        step: StepId::SoortCorrectie,
        answer: Answer::Choice("anders".into()),
    });
    assert_eq!(r, Err(Refusal::WrongAnswerType));
    let r = t.apply(Event::Answered {
        case: id,
        step: StepId::Ontvangstbevestiging,
        answer: Answer::Date(d("2026-11-11")),
    });
    assert_eq!(r, Err(Refusal::InFuture(CaseField::Answer)));
}

#[test]
fn a_vernietiging_with_abuse_signals_is_destroyed_only_for_a_wilsbekwaam_16_plus() {
    // 14 years old, wilsbekwaam, asks herself; signals of abuse.
    let mut t = T::new(
        CaseKind::Vernietiging,
        "2026-11-02",
        "2012-05-01",
        Relation::Zelf,
    )
    .on("2026-11-10");
    t.yes(StepId::SignalenMishandeling, true);
    t.choose(StepId::Wilsbekwaam, "ja");
    t.answer_rest();
    assert_eq!(
        t.decide(Decision::Toegewezen, ""),
        Err(Refusal::Blocked(Block::AbuseSignals))
    );
    assert_eq!(
        t.decide(Decision::DeelsToegewezen, "deel"),
        Err(Refusal::Blocked(Block::AbuseSignals))
    );
    t.decide(Decision::Afgewezen, "KNMG-meldcode: signalen")
        .unwrap();

    // 16 and wilsbekwaam: allowed.
    let mut t = T::new(
        CaseKind::Vernietiging,
        "2026-11-02",
        "2010-05-01",
        Relation::Zelf,
    )
    .on("2026-11-10");
    t.yes(StepId::SignalenMishandeling, true);
    t.choose(StepId::Wilsbekwaam, "ja");
    t.answer_rest();
    t.decide(Decision::Toegewezen, "").unwrap();
}

#[test]
fn closing_needs_the_reply_the_destruction_and_every_recipient() {
    let mut t = T::new(
        CaseKind::Vernietiging,
        "2026-11-02",
        "2010-05-01",
        Relation::Zelf,
    )
    .on("2026-11-20");
    let id = t.case.id;
    t.answer_rest();
    t.apply(Event::RecipientAdded {
        case: id,
        name: "huisarts".into(),
    })
    .unwrap();
    assert_eq!(
        t.apply(Event::Closed {
            case: id,
            on: d("2026-11-20")
        }),
        Err(Refusal::NoDecision)
    );
    t.decide(Decision::Toegewezen, "").unwrap();
    assert_eq!(
        t.apply(Event::Closed {
            case: id,
            on: d("2026-11-20")
        }),
        Err(Refusal::Blocked(Block::ReplyNotSent))
    );
    t.apply(Event::ReplySent {
        case: id,
        on: d("2026-11-19"),
    })
    .unwrap();
    assert_eq!(
        t.apply(Event::Closed {
            case: id,
            on: d("2026-11-20")
        }),
        Err(Refusal::Blocked(Block::DestructionNotConfirmed))
    );
    t.apply(Event::DestructionConfirmed {
        case: id,
        on: d("2026-11-19"),
    })
    .unwrap();
    assert_eq!(
        t.apply(Event::Closed {
            case: id,
            on: d("2026-11-20")
        }),
        Err(Refusal::Blocked(Block::RecipientsOpen))
    );
    t.apply(Event::RecipientDone {
        case: id,
        index: 0,
        outcome: RecipientOutcome::Told(d("2026-11-19")),
    })
    .unwrap();
    t.apply(Event::Closed {
        case: id,
        on: d("2026-11-20"),
    })
    .unwrap();
    assert_eq!(t.case.status(), Status::Gesloten);
    let s = Summary::of(&t.case);
    assert!(s.answer_done && s.destruction_done);
    // Closed: nothing more, until reopened with a reason.
    assert_eq!(
        t.apply(Event::ReplySent {
            case: id,
            on: d("2026-11-20")
        }),
        Err(Refusal::CaseClosed)
    );
    assert_eq!(
        t.apply(Event::Reopened {
            case: id,
            reason: "".into()
        }),
        Err(Refusal::Required(CaseField::Reason))
    );
    t.apply(Event::Reopened {
        case: id,
        reason: "klacht".into(),
    })
    .unwrap();
    assert_eq!(t.case.status(), Status::Besloten);
}

#[test]
fn vervallen_needs_a_reason_and_keeps_the_case() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2020-01-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    let id = t.case.id;
    let r = t.apply(Event::Ended {
        case: id,
        ending: Ending::Vervallen { reason: "".into() },
    });
    assert_eq!(r, Err(Refusal::Required(CaseField::Reason)));
    t.apply(Event::Ended {
        case: id,
        ending: Ending::Vervallen {
            reason: "dubbel".into(),
        },
    })
    .unwrap();
    assert_eq!(t.case.status(), Status::Vervallen);
    assert!(
        Summary::of(&t.case).open_dues().next().is_none(),
        "no duty left on a void case"
    );
}

#[test]
fn reading_a_case_changes_nothing() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2020-01-01",
        Relation::OuderMetGezag,
    );
    let before = t.case.clone();
    let id = t.case.id;
    t.apply(Event::Viewed { case: id }).unwrap();
    assert_eq!(before, t.case);
}

#[test]
fn events_serialise_with_explicit_stable_names() {
    let e = Event::Answered {
        case: CaseId::new('V', 2026, 42),
        step: StepId::IdentiteitGecontroleerd,
        answer: Answer::YesNo(true),
    };
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(
        json,
        r#"{"type":"answered","case":"V-2026-0042","step":"identiteit_gecontroleerd","answer":{"yes_no":true}}"#
    );
    let back: Event = serde_json::from_str(&json).unwrap();
    assert_eq!(back, e);
}

#[test]
fn a_parent_asking_inzage_for_a_13_year_old_needs_consent_under_wgbo_not_under_jeugdwet() {
    // Under the WGBO: no consent, no professional judgement → not to be granted.
    let mut t = T::under(
        DossierRegime::Wgbo,
        CaseKind::Inzage,
        "2026-11-02",
        "2013-05-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    t.choose(StepId::Wilsbekwaam, "ja");
    t.choose(StepId::ToestemmingKind, "geen");
    t.answer_rest();
    assert_eq!(
        t.decide(Decision::Toegewezen, ""),
        Err(Refusal::Blocked(Block::NotAuthorised))
    );
    // Stopped at the authority step: niet ontvankelijk is open, with its reason.
    t.decide(
        Decision::NietOntvankelijk,
        "geen toestemming van het kind (WGBO 7:457)",
    )
    .unwrap();

    // Under the Jeugdwet: the parent may, unless the hulpverlener judges it harms the help.
    let mut t = T::under(
        DossierRegime::Jeugdwet,
        CaseKind::Inzage,
        "2026-11-02",
        "2013-05-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    t.choose(StepId::Wilsbekwaam, "ja");
    t.choose(StepId::ToestemmingKind, "geen");
    t.yes(StepId::OordeelSchaadtHulp, false);
    t.answer_rest();
    t.decide(Decision::Toegewezen, "").unwrap();
}

#[test]
fn a_parent_without_gezag_cannot_be_granted_the_dossier() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2018-05-01",
        Relation::OuderZonderGezag,
    )
    .on("2026-11-10");
    // Issue 18: the holder's written consent is now asked of him, as of a third party.
    t.yes(StepId::ToestemmingRechthebbende, false);
    t.answer_rest();
    assert_eq!(
        t.decide(Decision::Toegewezen, ""),
        Err(Refusal::Blocked(Block::NotAuthorised))
    );
    t.decide(
        Decision::DeelsToegewezen,
        "informatie over belangrijke feiten (BW 1:377c)",
    )
    .unwrap();
}

// ---- Issue 8: every rule that gates a decision or a close, one test each where the tests
// above leave a gap. ----

fn kind_rest(kind: CaseKind) -> T {
    T::new(kind, "2026-11-02", "2018-05-01", Relation::OuderMetGezag).on("2026-11-10")
}

#[test]
fn portability_is_never_granted_for_the_statutory_task() {
    let mut t = kind_rest(CaseKind::Overdraagbaarheid);
    t.choose(StepId::GrondslagOverdracht, "wettelijke_taak");
    t.answer_rest();
    for d in [Decision::Toegewezen, Decision::DeelsToegewezen] {
        assert_eq!(
            t.decide(d, "x"),
            Err(Refusal::Blocked(Block::PortabilityNotApplicable)),
            "{d:?}"
        );
    }
    // On consent it may be granted.
    let mut t = kind_rest(CaseKind::Overdraagbaarheid);
    t.choose(StepId::GrondslagOverdracht, "toestemming");
    t.answer_rest();
    t.decide(Decision::Toegewezen, "").unwrap();
}

#[test]
fn an_objection_to_a_legal_obligation_is_never_granted() {
    let mut t = kind_rest(CaseKind::Bezwaar);
    t.choose(StepId::GrondslagVerwerking, "wettelijke_plicht");
    t.answer_rest();
    assert_eq!(
        t.decide(Decision::Toegewezen, ""),
        Err(Refusal::Blocked(Block::ObjectionNotApplicable))
    );
    t.decide(Decision::Afgewezen, "wettelijke plicht (6(1)(c))")
        .unwrap();
    // A public task can be objected to; the weighing is then required.
    let mut t = kind_rest(CaseKind::Bezwaar);
    t.choose(StepId::GrondslagVerwerking, "publieke_taak");
    match t.decide(Decision::Toegewezen, "") {
        Err(Refusal::Missing(steps)) => {
            assert!(steps.contains(&StepId::SpecifiekeSituatie));
            assert!(steps.contains(&StepId::BelangenAfgewogen));
        }
        other => panic!("{other:?}"),
    }
    t.answer_rest();
    t.decide(Decision::Toegewezen, "").unwrap();
}

#[test]
fn a_third_party_needs_the_written_consent_of_the_one_who_holds_the_right() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2018-05-01",
        Relation::Derde,
    )
    .on("2026-11-10");
    t.yes(StepId::ToestemmingRechthebbende, false);
    t.answer_rest();
    assert_eq!(
        t.decide(Decision::Toegewezen, ""),
        Err(Refusal::Blocked(Block::NotAuthorised))
    );
    t.yes(StepId::ToestemmingRechthebbende, true);
    t.decide(Decision::Toegewezen, "").unwrap();
}

#[test]
fn under_wgbo_the_professionals_judgement_stands_in_for_the_childs_consent() {
    let mut t = T::under(
        DossierRegime::Wgbo,
        CaseKind::Inzage,
        "2026-11-02",
        "2013-05-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    t.choose(StepId::Wilsbekwaam, "ja");
    t.choose(StepId::ToestemmingKind, "geen");
    t.yes(StepId::OordeelGeenBezwaar, true);
    t.answer_rest();
    t.decide(Decision::Toegewezen, "").unwrap();
}

#[test]
fn each_regimes_judgement_shows_only_under_that_regime_for_a_child_of_12_to_15() {
    let today = d("2026-11-10");
    for (regime, shown, hidden) in [
        (
            DossierRegime::Wgbo,
            StepId::OordeelGeenBezwaar,
            StepId::OordeelSchaadtHulp,
        ),
        (
            DossierRegime::Jeugdwet,
            StepId::OordeelSchaadtHulp,
            StepId::OordeelGeenBezwaar,
        ),
    ] {
        let mut t = T::under(
            regime,
            CaseKind::Inzage,
            "2026-11-02",
            "2013-05-01",
            Relation::OuderMetGezag,
        )
        .on("2026-11-10");
        let ids: Vec<StepId> = t.case.visible_steps(today).iter().map(|s| s.id).collect();
        assert!(ids.contains(&shown) && !ids.contains(&hidden), "{regime:?}");
        let id = t.case.id;
        assert_eq!(
            t.apply(Event::Answered {
                case: id,
                step: hidden,
                answer: Answer::YesNo(true),
            }),
            Err(Refusal::StepNotApplicable)
        );
    }
    // From 16 neither judgement applies: the young person's written consent does.
    let t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2009-05-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    let ids: Vec<StepId> = t.case.visible_steps(today).iter().map(|s| s.id).collect();
    assert!(!ids.contains(&StepId::OordeelGeenBezwaar));
    assert!(!ids.contains(&StepId::OordeelSchaadtHulp));
}

#[test]
fn under_jeugdwet_a_judgement_that_access_harms_the_help_leads_to_afgewezen() {
    let mut t = T::under(
        DossierRegime::Jeugdwet,
        CaseKind::Inzage,
        "2026-11-02",
        "2013-05-01",
        Relation::OuderMetGezag,
    )
    .on("2026-11-10");
    t.choose(StepId::Wilsbekwaam, "ja");
    t.choose(StepId::ToestemmingKind, "geen");
    t.yes(StepId::OordeelSchaadtHulp, true);
    // The intake is enough for a refusal on this ground; the kind's steps are not needed.
    let today = d("2026-11-10");
    while let Some(step) = t
        .case
        .missing_steps(today, Some(Phase::Intake))
        .first()
        .copied()
    {
        match find(t.case.kind, step).unwrap().ty {
            privdesk::domain::checklist::AnswerType::YesNo => t.yes(step, true),
            privdesk::domain::checklist::AnswerType::Date => t.answer(step, Answer::Date(today)),
            privdesk::domain::checklist::AnswerType::Choice(o)
            | privdesk::domain::checklist::AnswerType::Choices(o) => t.choose(step, o[0]),
            _ => t.answer(step, Answer::Text("ok".into())),
        }
    }
    assert!(!t.case.missing_steps(today, None).is_empty());
    assert_eq!(
        t.decide(Decision::Toegewezen, ""),
        Err(Refusal::Missing(t.case.missing_steps(today, None)))
    );
    t.decide(
        Decision::Afgewezen,
        "schaadt de hulpverlening (Jeugdwet 7.3.11)",
    )
    .unwrap();
}

#[test]
fn a_refused_vernietiging_closes_without_a_destruction_which_it_cannot_confirm() {
    let mut t = T::new(
        CaseKind::Vernietiging,
        "2026-11-02",
        "2010-05-01",
        Relation::Zelf,
    )
    .on("2026-11-20");
    let id = t.case.id;
    t.answer_rest();
    t.decide(Decision::Afgewezen, "bewaarplicht").unwrap();
    assert_eq!(
        t.apply(Event::DestructionConfirmed {
            case: id,
            on: d("2026-11-19"),
        }),
        Err(Refusal::NoDecision)
    );
    t.apply(Event::ReplySent {
        case: id,
        on: d("2026-11-19"),
    })
    .unwrap();
    t.apply(Event::Closed {
        case: id,
        on: d("2026-11-20"),
    })
    .unwrap();
}

#[test]
fn a_recipient_marked_impossible_with_a_reason_lets_the_case_close() {
    let mut t = kind_rest(CaseKind::Rectificatie);
    let id = t.case.id;
    t.answer_rest();
    t.apply(Event::RecipientAdded {
        case: id,
        name: "school".into(),
    })
    .unwrap();
    t.decide(Decision::Toegewezen, "").unwrap();
    t.apply(Event::ReplySent {
        case: id,
        on: d("2026-11-10"),
    })
    .unwrap();
    let close = Event::Closed {
        case: id,
        on: d("2026-11-10"),
    };
    assert_eq!(
        t.apply(close.clone()),
        Err(Refusal::Blocked(Block::RecipientsOpen))
    );
    assert_eq!(
        t.apply(Event::RecipientDone {
            case: id,
            index: 0,
            outcome: RecipientOutcome::Impossible(" ".into()),
        }),
        Err(Refusal::Required(CaseField::Reason))
    );
    t.apply(Event::RecipientDone {
        case: id,
        index: 0,
        outcome: RecipientOutcome::Impossible("school bestaat niet meer".into()),
    })
    .unwrap();
    t.apply(close).unwrap();
    // Inzage keeps no recipients.
    let mut t = kind_rest(CaseKind::Inzage);
    let id = t.case.id;
    assert_eq!(
        t.apply(Event::RecipientAdded {
            case: id,
            name: "school".into(),
        }),
        Err(Refusal::NotForKind)
    );
}

#[test]
fn the_reply_needs_a_decision_and_no_decision_is_recorded_twice_on_a_closed_case() {
    let mut t = kind_rest(CaseKind::Inzage);
    let id = t.case.id;
    assert_eq!(
        t.apply(Event::ReplySent {
            case: id,
            on: d("2026-11-10"),
        }),
        Err(Refusal::NoDecision)
    );
    t.answer_rest();
    t.apply(Event::Ended {
        case: id,
        ending: Ending::Ingetrokken {
            on: d("2026-11-09"),
            how: "telefonisch".into(),
        },
    })
    .unwrap();
    assert_eq!(t.case.status(), Status::Ingetrokken);
    assert_eq!(t.decide(Decision::Toegewezen, ""), Err(Refusal::CaseClosed));
}

/// Journal lines written before issue 15 (no `reply`, no `address`, no `explanation`) still
/// read, and mean what they meant: the answer goes the way the request came, and the decision
/// has no letter explanation of its own.
#[test]
fn journal_lines_from_before_the_two_texts_and_the_reply_method_still_read() {
    let registered = r#"{"type":"registered","case":"V-2026-0042","request":{"kind":"afschrift","received":"2026-11-02","channel":"email","requester":{"name":"Fenna Fictief","relation":"ouder_met_gezag","contact":"fenna@voorbeeld.invalid"},"child":{"name":"Lieke Fictief","birth_date":"2020-05-17"},"notes":"","regime":"wgbo"}}"#;
    let decided = r#"{"type":"decided","case":"V-2026-0042","decision":"afgewezen","reason":"Afweging voor het dossier."}"#;
    let e: Event = serde_json::from_str(registered).unwrap();
    let Event::Registered { request, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(request.reply, None);
    assert_eq!(request.reply_method(), ReplyMethod::BeveiligdeEmail);
    assert_eq!(request.requester.address, "");
    // Written again, the line is as it was.
    assert_eq!(serde_json::to_string(&e).unwrap(), registered);
    let e: Event = serde_json::from_str(decided).unwrap();
    let Event::Decided {
        explanation,
        reason,
        ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(*explanation, None);
    assert_eq!(reason, "Afweging voor het dossier.");
    assert_eq!(serde_json::to_string(&e).unwrap(), decided);
}

// ---- Issue 18: the rules of domain.md §4 and §5 that the checklist showed, now enforced ----

impl T {
    fn decide_keeping(&mut self, decision: Decision, kept: &str) -> Result<(), Refusal> {
        let id = self.case.id;
        self.apply(Event::Decided {
            case: id,
            decision,
            reason: "gewogen".into(),
            explanation: Some("uitleg".into()),
            kept: kept.into(),
        })
    }

    fn today(&self) -> NaiveDate {
        privdesk::domain::deadline::amsterdam_date(self.now)
    }

    fn outcome(&self) -> privdesk::domain::authority::Outcome {
        privdesk::domain::rights::authority(&self.case, self.today())
            .unwrap()
            .outcome
    }
}

#[test]
fn vernietiging_with_bewaarplicht_cannot_be_granted_wgbo_7_455_lid_2() {
    for step in [StepId::Bewaarplicht, StepId::BelangAnder] {
        let mut t = T::new(
            CaseKind::Vernietiging,
            "2026-11-02",
            "2018-01-01",
            Relation::OuderMetGezag,
        );
        t.answer_rest();
        t.yes(step, true);
        assert_eq!(
            t.decide_keeping(Decision::Toegewezen, ""),
            Err(Refusal::Blocked(Block::KeepDutyBarsFullDestruction)),
            "{step:?}"
        );
        // Deels toegewezen names what is kept (and why).
        assert_eq!(
            t.decide_keeping(Decision::DeelsToegewezen, "  "),
            Err(Refusal::Required(CaseField::Kept))
        );
        let mut refused = T {
            case: t.case.clone(),
            seq: t.seq,
            now: t.now,
        };
        assert_eq!(refused.decide_keeping(Decision::Afgewezen, ""), Ok(()));
        assert_eq!(
            t.decide_keeping(
                Decision::DeelsToegewezen,
                "het verzoek en het antwoord; lopende klacht"
            ),
            Ok(())
        );
    }
    // Without a duty or an interest, toegewezen stands.
    let mut t = T::new(
        CaseKind::Vernietiging,
        "2026-11-02",
        "2018-01-01",
        Relation::OuderMetGezag,
    );
    t.answer_rest();
    assert_eq!(t.decide_keeping(Decision::Toegewezen, ""), Ok(()));
}

#[test]
fn rectificatie_of_a_professional_judgement_is_not_granted_on_disagreement_alone_wgbo_7_454_lid_2_avg_16()
 {
    let mut t = T::new(
        CaseKind::Rectificatie,
        "2026-11-02",
        "2018-01-01",
        Relation::OuderMetGezag,
    );
    t.choose(StepId::SoortCorrectie, "oordeel");
    t.answer_rest();
    assert_eq!(
        t.decide(Decision::Toegewezen, ""),
        Err(Refusal::Blocked(Block::JudgementNotCorrected))
    );
    // The eigen verklaring is offered and added within this case.
    let today = t.today();
    let shows = |t: &T, s: StepId| t.case.visible_steps(today).iter().any(|step| step.id == s);
    assert!(t.case.said_yes(StepId::EigenVerklaringAangeboden));
    assert!(shows(&t, StepId::EigenVerklaringToegevoegd));
    t.answer(StepId::EigenVerklaringToegevoegd, Answer::Date(today));
    // A factual error is corrected as before; a judgement only when a professional agrees.
    assert!(shows(&t, StepId::OordeelGecorrigeerdDoor));
    t.answer(
        StepId::OordeelGecorrigeerdDoor,
        Answer::Text("jeugdarts De Vries".into()),
    );
    assert_eq!(t.decide(Decision::Toegewezen, ""), Ok(()));
}

#[test]
fn lifting_a_restriction_needs_the_requester_told_first_also_on_a_closed_case_avg_18_3() {
    let mut t = T::new(
        CaseKind::Beperking,
        "2026-11-02",
        "2018-01-01",
        Relation::OuderMetGezag,
    );
    t.answer_rest();
    assert!(t.case.said_yes(StepId::BeperkingGemarkeerd));
    assert!(t.case.restriction_in_force());
    t.decide(Decision::Toegewezen, "").unwrap();
    let id = t.case.id;
    t.apply(Event::ReplySent {
        case: id,
        on: d("2026-11-02"),
    })
    .unwrap();
    t.apply(Event::Closed {
        case: id,
        on: d("2026-11-02"),
    })
    .unwrap();
    let mut t = t.on("2026-12-01");
    assert_eq!(
        t.apply(Event::RestrictionLifted {
            case: id,
            on: d("2026-12-01")
        }),
        Err(Refusal::Blocked(Block::LiftNotAnnounced))
    );
    assert!(t.case.restriction_in_force());
    t.apply(Event::RestrictionLiftAnnounced {
        case: id,
        on: d("2026-11-20"),
    })
    .unwrap();
    assert_eq!(
        t.apply(Event::RestrictionLifted {
            case: id,
            on: d("2026-11-19")
        }),
        Err(Refusal::TooEarly(CaseField::On))
    );
    t.apply(Event::RestrictionLifted {
        case: id,
        on: d("2026-12-01"),
    })
    .unwrap();
    assert!(!t.case.restriction_in_force());
    assert_eq!(t.case.restriction_lifted, Some(d("2026-12-01")));
    assert!(t.case.closed.is_some(), "lifting does not reopen the case");
    assert_eq!(
        t.apply(Event::RestrictionLifted {
            case: id,
            on: d("2026-12-01")
        }),
        Err(Refusal::Blocked(Block::NoRestrictionInForce))
    );
}

#[test]
fn destruction_in_source_at_processors_and_confirmation_are_separate_and_late_after_the_wgbo_date_wgbo_7_455()
 {
    let mut t = T::new(
        CaseKind::Vernietiging,
        "2026-01-05",
        "2018-01-01",
        Relation::OuderMetGezag,
    );
    t.answer_rest();
    t.decide(Decision::Toegewezen, "").unwrap();
    let id = t.case.id;
    t.apply(Event::ReplySent {
        case: id,
        on: d("2026-01-05"),
    })
    .unwrap();
    let mut t = t.on("2026-05-01");
    let rec = |part, on: &str| Event::DestructionRecorded {
        case: id,
        part,
        on: d(on),
    };
    // The confirmation tells what was done: not before the destruction.
    assert_eq!(
        t.apply(rec(DestructionPart::Bevestiging, "2026-02-01")),
        Err(Refusal::Blocked(Block::DestructionNotConfirmed))
    );
    t.apply(rec(DestructionPart::Bronsysteem, "2026-02-01"))
        .unwrap();
    assert_eq!(t.case.destroyed_on(), None, "the processors still hold it");
    assert_eq!(
        t.apply(Event::Closed {
            case: id,
            on: d("2026-05-01")
        }),
        Err(Refusal::Blocked(Block::DestructionNotConfirmed))
    );
    t.apply(rec(DestructionPart::Verwerkers, "2026-04-20"))
        .unwrap();
    // The later of the two is the destruction; three months from 5 January is past.
    assert_eq!(t.case.destroyed_on(), Some(d("2026-04-20")));
    assert!(t.case.destruction_late());
    let duty = privdesk::domain::duty::duty(&t.case, privdesk::domain::duty::DutyKind::Destruction)
        .unwrap();
    assert!(matches!(
        duty.state,
        privdesk::domain::duty::DutyState::Met(privdesk::domain::duty::Met::Day(day)) if day == d("2026-04-20")
    ));
    // Destroyed but not confirmed: not closed yet; the confirmation is its own record.
    assert_eq!(
        t.apply(Event::Closed {
            case: id,
            on: d("2026-05-01")
        }),
        Err(Refusal::Blocked(Block::DestructionNotConfirmed))
    );
    t.apply(rec(DestructionPart::Bevestiging, "2026-04-30"))
        .unwrap();
    assert_eq!(t.case.destroyed_on(), Some(d("2026-04-20")), "unchanged");
    t.apply(Event::Closed {
        case: id,
        on: d("2026-05-01"),
    })
    .unwrap();
    // On time when both were done by the WGBO date.
    let mut early = T::new(
        CaseKind::Vernietiging,
        "2026-01-05",
        "2018-01-01",
        Relation::OuderMetGezag,
    );
    early.answer_rest();
    early.decide(Decision::Toegewezen, "").unwrap();
    let mut early = early.on("2026-02-01");
    early
        .apply(rec(DestructionPart::Verwerkers, "2026-01-20"))
        .unwrap();
    early
        .apply(rec(DestructionPart::Bronsysteem, "2026-02-01"))
        .unwrap();
    assert!(!early.case.destruction_late());
}

#[test]
fn a_pleegouder_gets_no_parents_rights_through_the_childs_consent_only_as_a_third_party_wgbo_7_457()
{
    use privdesk::domain::authority::Outcome;
    for relation in [Relation::Pleegouder, Relation::OuderZonderGezag] {
        // A wilsbekwaam 17-year-old's written consent: a disclosure as to a third party.
        let mut t = T::new(CaseKind::Inzage, "2026-11-02", "2009-03-01", relation);
        t.choose(StepId::Wilsbekwaam, "ja");
        t.choose(StepId::ToestemmingKind, "schriftelijk");
        assert_eq!(t.outcome(), Outcome::AlsDerde, "{relation:?}");
        assert_ne!(t.outcome(), Outcome::Mag);
        // Not the holder's other rights, consent or not.
        let mut r = T::new(CaseKind::Rectificatie, "2026-11-02", "2009-03-01", relation);
        r.choose(StepId::Wilsbekwaam, "ja");
        r.choose(StepId::ToestemmingKind, "schriftelijk");
        assert_eq!(r.outcome(), Outcome::NietBevoegd);
        // For a child of 8 the parents with gezag hold the right: their written consent is
        // asked of the pleegouder as of a third party.
        let mut y = T::new(CaseKind::Inzage, "2026-11-02", "2018-01-01", relation);
        let today = y.today();
        assert!(
            y.case
                .missing_steps(today, Some(Phase::Intake))
                .contains(&StepId::ToestemmingRechthebbende)
        );
        y.yes(StepId::ToestemmingRechthebbende, true);
        assert_eq!(y.outcome(), Outcome::AlsDerde);
    }
}

#[test]
fn two_parents_with_gezag_a_dispute_escalates_and_blocks_the_decision_until_resolved_domain_md_4() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2018-01-01",
        Relation::OuderMetGezag,
    );
    t.answer_rest();
    let id = t.case.id;
    assert_eq!(
        t.apply(Event::DisputeEscalated {
            case: id,
            to: " ".into()
        }),
        Err(Refusal::Required(CaseField::To))
    );
    t.apply(Event::DisputeEscalated {
        case: id,
        to: "jeugdarts en teamleider".into(),
    })
    .unwrap();
    assert!(t.case.dispute_open());
    assert_eq!(
        t.case.dispute.as_ref().unwrap().to,
        "jeugdarts en teamleider"
    );
    for decision in [
        Decision::Toegewezen,
        Decision::Afgewezen,
        Decision::NietOntvankelijk,
    ] {
        assert_eq!(
            t.decide(decision, "x"),
            Err(Refusal::Blocked(Block::DisputeEscalated))
        );
    }
    // The deadline is still shown and an extension still possible.
    let duty =
        privdesk::domain::duty::duty(&t.case, privdesk::domain::duty::DutyKind::Answer).unwrap();
    assert_eq!(duty.state, privdesk::domain::duty::DutyState::Open);
    t.apply(Event::Extended {
        case: id,
        reason: ExtensionReason::Complexiteit,
        explanation: "geschil tussen de ouders".into(),
        notice_sent: d("2026-11-02"),
    })
    .unwrap();
    t.apply(Event::DisputeResolved {
        case: id,
        how: "ouders eens na gesprek".into(),
    })
    .unwrap();
    assert!(!t.case.dispute_open());
    assert_eq!(t.decide(Decision::Toegewezen, ""), Ok(()));
    // Only between parents: a child asking itself has no such dispute.
    let mut c = T::new(CaseKind::Inzage, "2026-11-02", "2009-03-01", Relation::Zelf);
    let cid = c.case.id;
    assert_eq!(
        c.apply(Event::DisputeEscalated {
            case: cid,
            to: "x".into()
        }),
        Err(Refusal::Blocked(Block::DisputeNeedsParents))
    );
}

#[test]
fn gezag_records_what_was_checked_and_when_and_wilsbekwaamheid_who_and_when_wgbo_7_465() {
    let mut t = T::new(
        CaseKind::Inzage,
        "2026-11-02",
        "2012-01-01",
        Relation::OuderMetGezag,
    );
    let today = t.today();
    t.yes(StepId::GezagGecontroleerd, true);
    t.choose(StepId::Wilsbekwaam, "nee");
    let missing = t.case.missing_steps(today, Some(Phase::Intake));
    for s in [
        StepId::GezagBron,
        StepId::GezagGecontroleerdOp,
        StepId::WilsbekwaamBeoordeeldDoor,
        StepId::WilsbekwaamBeoordeeldOp,
    ] {
        assert!(missing.contains(&s), "{s:?} not asked");
    }
    t.choose(StepId::GezagBron, "gezagsregister");
    t.answer(StepId::GezagGecontroleerdOp, Answer::Date(d("2026-11-02")));
    t.answer(
        StepId::WilsbekwaamBeoordeeldDoor,
        Answer::Text("jeugdarts".into()),
    );
    t.answer(
        StepId::WilsbekwaamBeoordeeldOp,
        Answer::Date(d("2026-11-01")),
    );
    let missing = t.case.missing_steps(today, Some(Phase::Intake));
    assert!(!missing.contains(&StepId::GezagBron));
    assert!(!missing.contains(&StepId::WilsbekwaamBeoordeeldOp));
}

#[test]
fn intrekken_toestemming_follows_who_gives_consent_avg_7_3_wgbo_7_465() {
    use privdesk::domain::authority::Outcome;
    let case = |birth: &str, relation, wb: Option<&str>| {
        let mut t = T::new(
            CaseKind::IntrekkenToestemming,
            "2026-11-02",
            birth,
            relation,
        );
        if let Some(wb) = wb {
            t.choose(StepId::Wilsbekwaam, wb);
        }
        t
    };
    // Under 12: the parents.
    assert_eq!(
        case("2018-01-01", Relation::OuderMetGezag, None).outcome(),
        Outcome::Mag
    );
    assert_eq!(
        case("2018-01-01", Relation::Zelf, None).outcome(),
        Outcome::DoorVertegenwoordigers
    );
    // 12–15: the child or a parent with gezag; a 13-year-old is not niet ontvankelijk.
    let mut thirteen = case("2013-06-01", Relation::Zelf, Some("ja"));
    assert_eq!(thirteen.outcome(), Outcome::Mag);
    thirteen.answer_rest();
    assert_eq!(
        thirteen.decide(Decision::NietOntvankelijk, "x"),
        Err(Refusal::Blocked(Block::NoGroundNietOntvankelijk))
    );
    assert_eq!(
        case("2013-06-01", Relation::OuderMetGezag, Some("ja")).outcome(),
        Outcome::Mag
    );
    // Informing the other is recorded, not awaited (optional).
    let t = case("2013-06-01", Relation::Zelf, Some("ja"));
    let today = t.today();
    let step = find(CaseKind::IntrekkenToestemming, StepId::AnderGeinformeerd).unwrap();
    assert!(t.case.shows(step, today));
    assert_eq!(step.need, privdesk::domain::checklist::Need::Optional);
    assert_eq!(thirteen.decide(Decision::Toegewezen, ""), Ok(()));
    // From 16: the young person alone; not wilsbekwaam, the parents or voogd.
    assert_eq!(
        case("2010-01-01", Relation::Zelf, Some("ja")).outcome(),
        Outcome::Mag
    );
    assert_eq!(
        case("2010-01-01", Relation::OuderMetGezag, Some("ja")).outcome(),
        Outcome::NietBevoegd
    );
    assert_eq!(
        case("2010-01-01", Relation::OuderMetGezag, Some("nee")).outcome(),
        Outcome::Mag
    );
    assert_eq!(
        case("2010-01-01", Relation::Voogd, Some("nee")).outcome(),
        Outcome::Mag
    );
    assert_eq!(
        case("2010-01-01", Relation::Zelf, Some("nee")).outcome(),
        Outcome::DoorVertegenwoordigers
    );
}

/// Journal compatibility: a decision recorded under the rules of its day still replays when a
/// later rule would refuse it now (a 13-year-old's withdrawal decided niet ontvankelijk, before
/// issue 18), while a new change meets today's rules.
#[test]
fn a_decision_recorded_under_an_earlier_rule_still_replays() {
    let mut t = T::new(
        CaseKind::IntrekkenToestemming,
        "2026-11-02",
        "2013-06-01",
        Relation::Zelf,
    );
    t.choose(StepId::Wilsbekwaam, "ja");
    let old = Event::Decided {
        case: t.case.id,
        decision: Decision::NietOntvankelijk,
        reason: "onder 16 trekken de ouders in".into(),
        explanation: None,
        kept: String::new(),
    };
    let stamp = Stamp {
        seq: 99,
        at: t.now,
        user: "t".into(),
    };
    let mut now = t.case.clone();
    assert!(now.apply(&old, &stamp).is_err());
    let mut replayed = t.case.clone();
    replayed.replay(&old, &stamp).unwrap();
    assert_eq!(
        replayed.decision.as_ref().map(|d| d.decision),
        Some(Decision::NietOntvankelijk)
    );
}

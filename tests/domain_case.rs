//! The case model's rules: what `Case::apply` accepts and refuses, and what a decision or a
//! close needs (domain.md §3–§5).
#![allow(clippy::unwrap_used)]

use chrono::{DateTime, NaiveDate, Utc};
use privdesk::demo::amsterdam_instant;
use privdesk::domain::authority::DossierRegime;
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
            let s = find(self.case.kind, step).unwrap();
            use privdesk::domain::checklist::AnswerType::*;
            let a = match s.ty {
                YesNo => Answer::YesNo(!matches!(
                    step,
                    StepId::SignalenMishandeling | StepId::Bewaarplicht | StepId::BelangAnder
                )),
                Choice(o) => Answer::Choice(
                    if step == StepId::ToestemmingKind {
                        "gegeven"
                    } else {
                        o[0]
                    }
                    .into(),
                ),
                Date => Answer::Date(today),
                Instant => Answer::Instant(self.now),
                Text => Answer::Text("ok".into()),
                Number => Answer::Number(1),
            };
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
        Err(Refusal::InFuture("received"))
    );
    assert_eq!(
        Case::register(&mk("2019-12-31", "2020-01-01"), &stamp),
        Err(Refusal::TooEarly("received"))
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
        Err(Refusal::Required("explanation"))
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
            Err(Refusal::Required("reason")),
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
    assert_eq!(r, Err(Refusal::InFuture("answer")));
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
        Err(Refusal::Required("reason"))
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
    assert_eq!(r, Err(Refusal::Required("reason")));
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
            privdesk::domain::checklist::AnswerType::Choice(o) => t.choose(step, o[0]),
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
        Err(Refusal::Required("reason"))
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

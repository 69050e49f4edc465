//! Issue 22 on the local register and the in-memory one (the PostgreSQL register runs the same
//! scenario in `pg_store.rs`): vier ogen, the behandelaar, the FG's advice.
#![allow(clippy::unwrap_used)]

mod common;

use chrono::{DateTime, Duration, Utc};
use privdesk::domain::case::{
    BreachFacts, BreachNature, DecisionType, ExtensionReason, ProposalState, Refusal, Subject,
};
use privdesk::domain::checklist::{Answer, StepId};
use privdesk::domain::workflow::{self, Saver, VierOgen};
use privdesk::domain::{CaseId, CaseKind, Event, Role, rights};
use privdesk::store::memory::MemoryRegister;
use privdesk::store::{OpenOptions, Register, Saved, Store, StoreError};

use common::vier_ogen::{Team, Who, scenario};
use common::{at, now, verzoek};

fn refused(r: Result<Saved, StoreError>) -> Refusal {
    match r {
        Err(StoreError::Refused(r)) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn all_on() -> VierOgen {
    VierOgen::on(DecisionType::ALL)
}

fn open_local(dir: &std::path::Path, user: &str, policy: VierOgen) -> Store {
    let opts = OpenOptions {
        cli_user: Some(user.into()),
        ..common::create_opts()
    };
    let mut store = Store::open(dir, &opts).unwrap();
    store.set_vier_ogen(policy);
    store
}

/// A local register reopened as whichever handler acts.
struct Local {
    dir: tempfile::TempDir,
    store: Option<(Who, Store)>,
}

impl Team for Local {
    fn act(&mut self, who: Who) -> &mut dyn Register {
        if self.store.as_ref().is_none_or(|(w, _)| *w != who) {
            self.store = None;
            let user = match who {
                Who::A => "Anna Behandelaar",
                Who::B => "Bert Behandelaar",
            };
            self.store = Some((who, open_local(self.dir.path(), user, all_on())));
        }
        match &mut self.store {
            Some((_, s)) => s,
            None => unreachable!("opened above"),
        }
    }
}

/// One memory register, saved to as whichever user acts.
struct Memory(MemoryRegister);

impl Team for Memory {
    fn act(&mut self, who: Who) -> &mut dyn Register {
        let user = match who {
            Who::A => "Anna",
            Who::B => "Bert",
        };
        self.0.act_as(user, None);
        &mut self.0
    }
}

#[test]
fn on_a_local_register_vier_ogen_holds_and_its_approvals_say_not_verified() {
    let mut team = Local {
        dir: tempfile::tempdir().unwrap(),
        store: None,
    };
    let id = scenario(&mut team, &now, true);
    let s = team.act(Who::B);
    let case = s.case(id).unwrap().unwrap();
    let p = case.proposal(Subject::Besluit).unwrap();
    assert!(matches!(
        p.state,
        ProposalState::Goedgekeurd {
            niet_geverifieerd: true,
            ..
        }
    ));
    // Marked verified on a register of typed names: refused.
    let e = Event::Approved {
        case: id,
        subject: Subject::Besluit,
        version: case.last_seq,
        niet_geverifieerd: false,
    };
    assert_eq!(refused(s.save(vec![e], &[], now())), Refusal::Verification);
}

#[test]
fn on_the_memory_register_the_same_scenario_holds() {
    let mut reg = MemoryRegister::new("Anna", false, now());
    reg.set_vier_ogen(all_on());
    let mut team = Memory(reg);
    scenario(&mut team, &now, true);
}

#[test]
fn on_a_local_register_vier_ogen_is_off_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::open(dir.path());
    assert!(store.vier_ogen().types.is_empty());
    let id = common::register(&mut store, "Ouder");
    store
        .save(
            vec![
                Event::Answered {
                    case: id,
                    step: StepId::IdentiteitGecontroleerd,
                    answer: Answer::YesNo(false),
                },
                Event::Decided {
                    case: id,
                    decision: privdesk::domain::case::Decision::NietOntvankelijk,
                    reason: "geen identiteit".into(),
                    explanation: Some("geen identiteit".into()),
                    kept: String::new(),
                },
                Event::ReplySent {
                    case: id,
                    on: common::date("2026-11-23"),
                },
            ],
            now(),
        )
        .unwrap();
}

#[test]
fn the_fg_advises_but_neither_decides_nor_approves_and_advice_leaves_the_version() {
    let mut reg = MemoryRegister::new("Anna", false, now());
    reg.set_vier_ogen(all_on());
    reg.act_as("Anna", Some(Role::Handler));
    let id = reg
        .save(
            vec![verzoek(CaseId::provisional(CaseKind::Inzage), "Ouder")],
            &[],
            now(),
        )
        .unwrap()
        .assigned[0];
    let identity = Event::Answered {
        case: id,
        step: StepId::IdentiteitGecontroleerd,
        answer: Answer::YesNo(false),
    };
    reg.save(vec![identity], &[], now()).unwrap();
    let decided = Event::Decided {
        case: id,
        decision: privdesk::domain::case::Decision::NietOntvankelijk,
        reason: "r".into(),
        explanation: Some("e".into()),
        kept: String::new(),
    };
    let proposed = Event::Proposed {
        case: id,
        subject: Subject::Besluit,
    };
    reg.save(vec![decided.clone(), proposed.clone()], &[], now())
        .unwrap();
    let version = reg.case(id).unwrap().unwrap().last_seq;
    // A handler does not write the FG's advice.
    let advice = Event::AdviceGiven {
        case: id,
        text: "Overweeg deels toewijzen.".into(),
        on: common::date("2026-11-23"),
    };
    assert_eq!(
        refused(reg.save(vec![advice.clone()], &[], now())),
        Refusal::RoleMayNot
    );
    reg.act_as("Fenna FG", Some(Role::Fg));
    let approve = Event::Approved {
        case: id,
        subject: Subject::Besluit,
        version,
        niet_geverifieerd: false,
    };
    for e in [
        vec![approve],
        vec![decided, proposed],
        vec![Event::SentBack {
            case: id,
            subject: Subject::Besluit,
            reason: "nee".into(),
        }],
    ] {
        assert_eq!(refused(reg.save(e, &[], now())), Refusal::RoleMayNot);
    }
    let saved = reg.save(vec![advice], &[], now()).unwrap();
    let case = reg.case(id).unwrap().unwrap();
    assert_eq!(case.last_seq, version, "advice leaves the version as it is");
    assert_eq!(case.advice[&saved.seq].by, "Fenna FG");
    let summary = reg.summary(id).unwrap();
    assert_eq!(summary.advice.given, 1);
    assert!(summary.awaiting_approval, "advice approves nothing");
    // The handler answers: not followed needs a reason.
    reg.act_as("Anna", Some(Role::Handler));
    let answer = |followed: bool, why: &str| Event::AdviceAnswered {
        case: id,
        advice: saved.seq,
        followed,
        why: why.into(),
    };
    assert!(matches!(
        refused(reg.save(vec![answer(false, " ")], &[], now())),
        Refusal::Required(_)
    ));
    reg.save(
        vec![answer(false, "de identiteit bleef onzeker")],
        &[],
        now(),
    )
    .unwrap();
    let count = workflow::advice_count(reg.summaries().iter().map(|s| s.as_ref()));
    assert_eq!((count.given, count.followed, count.not_followed), (1, 0, 1));
    assert_eq!(reg.case(id).unwrap().unwrap().last_seq, version);
}

#[test]
fn the_domain_refuses_the_fg_a_decision_whoever_stores_it() {
    let kinds = Default::default();
    let fg = Saver {
        role: Some(Role::Fg),
    };
    let id = CaseId::new('V', 2026, 1);
    let e = Event::Approved {
        case: id,
        subject: Subject::Besluit,
        version: 3,
        niet_geverifieerd: false,
    };
    assert_eq!(
        workflow::check_change(&all_on(), fg, &[e], &kinds),
        Err(Refusal::RoleMayNot)
    );
    let advice = Event::AdviceGiven {
        case: id,
        text: "x".into(),
        on: common::date("2026-11-23"),
    };
    assert_eq!(
        workflow::check_change(&all_on(), fg, &[advice], &kinds),
        Ok(())
    );
}

#[test]
fn a_handler_is_assigned_and_reassigned_with_a_journal_line_and_it_moves_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::open(dir.path());
    let id = common::register(&mut store, "Ouder");
    assert_eq!(store.summary(id).unwrap().handler, "Test Gebruiker");
    let before = store.summary(id).unwrap().last_seq;
    let e = |h: &str| Event::HandlerAssigned {
        case: id,
        handler: h.into(),
    };
    assert_eq!(
        refused(store.save_seen(vec![e("Test Gebruiker")], &[], now())),
        Refusal::NotNeeded(privdesk::domain::case::CaseField::Handler)
    );
    let seq = store.save(vec![e("Bert Behandelaar")], now()).unwrap();
    let s = store.summary(id).unwrap();
    assert_eq!(s.handler, "Bert Behandelaar");
    assert_eq!(s.last_seq, seq);
    assert!(seq > before);
    let other = common::register(&mut store, "Ander");
    let all = Register::summaries(&store);
    let counts = workflow::per_handler(all.iter().map(|s| s.as_ref()));
    assert_eq!(counts["Bert Behandelaar"], 1);
    assert_eq!(counts["Test Gebruiker"], 1);
    assert_eq!(store.summary(other).unwrap().handler, "Test Gebruiker");
    // Reopened, the working store rebuilt from the journal says the same.
    drop(store);
    let store = common::open(dir.path());
    assert_eq!(store.summary(id).unwrap().handler, "Bert Behandelaar");
}

#[test]
fn an_extension_is_approved_only_within_the_first_month_and_moves_no_deadline_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_local(dir.path(), "Anna", all_on());
    // Received 20 November 2026: the first month ends Monday 21 December.
    let id = common::register(&mut store, "Ouder");
    let extended = Event::Extended {
        case: id,
        reason: ExtensionReason::Complexiteit,
        explanation: "Twee dossiers, vier jaar.".into(),
        notice_sent: common::date("2026-11-23"),
    };
    assert_eq!(
        refused(store.save_seen(vec![extended.clone()], &[], now())),
        Refusal::ApprovalRequired
    );
    let proposed = Event::Proposed {
        case: id,
        subject: Subject::Verlenging,
    };
    store.save(vec![extended, proposed], now()).unwrap();
    let s = store.summary(id).unwrap();
    assert!(!s.extended, "a proposed extension moves no deadline");
    assert_eq!(s.answer_due, Some(common::date("2026-12-21")));
    let version = s.last_seq;
    drop(store);
    let mut store = open_local(dir.path(), "Bert", all_on());
    let approve = Event::Approved {
        case: id,
        subject: Subject::Verlenging,
        version,
        niet_geverifieerd: true,
    };
    let late: DateTime<Utc> = at("2026-12-22T09:00:00Z");
    assert_eq!(
        refused(store.save_seen(vec![approve.clone()], &[], late)),
        Refusal::ExtensionTooLate
    );
    store
        .save(vec![approve], at("2026-12-21T15:00:00Z"))
        .unwrap();
    let s = store.summary(id).unwrap();
    assert!(s.extended);
    assert_eq!(s.answer_due, Some(common::date("2027-02-22")));
}

#[test]
fn not_notifying_the_ap_meets_the_72_hours_at_its_approval() {
    let aware = at("2026-11-20T09:00:00Z");
    let mut reg = MemoryRegister::new("Anna", false, aware);
    reg.set_vier_ogen(all_on());
    let breach = Event::BreachRegistered {
        case: CaseId::provisional(CaseKind::Datalek),
        breach: BreachFacts {
            aware_at: aware,
            processor_notice_at: None,
            processor: String::new(),
            reported_by: "ICT".into(),
            nature: BreachNature::Verloren,
            description: String::new(),
        },
    };
    let id = reg.save(vec![breach], &[], aware).unwrap().assigned[0];
    let t1 = aware + Duration::hours(10);
    let answer = |step, answer| Event::Answered {
        case: id,
        step,
        answer,
    };
    reg.save(
        vec![answer(StepId::Risico, Answer::Choice("geen".into()))],
        &[],
        t1,
    )
    .unwrap();
    let not_notify = answer(StepId::ApMelding, Answer::Choice("niet_gemeld".into()));
    assert_eq!(
        refused(reg.save(vec![not_notify.clone()], &[], t1)),
        Refusal::ApprovalRequired
    );
    let proposed = Event::Proposed {
        case: id,
        subject: Subject::NietMelden,
    };
    let reasons = answer(
        StepId::RedenNietMelden,
        Answer::Text("versleutelde laptop".into()),
    );
    reg.save(vec![not_notify, reasons, proposed], &[], t1)
        .unwrap();
    let case = reg.case(id).unwrap().unwrap();
    assert_eq!(rights::breach_duty_met(&case), None, "awaiting approval");
    assert!(!reg.summary(id).unwrap().breach_done);
    reg.act_as("Bert", None);
    let t2 = aware + Duration::hours(80);
    let approve = Event::Approved {
        case: id,
        subject: Subject::NietMelden,
        version: case.last_seq,
        niet_geverifieerd: true,
    };
    reg.save(vec![approve], &[], t2).unwrap();
    let case = reg.case(id).unwrap().unwrap();
    assert_eq!(rights::breach_duty_met(&case), Some(t2));
    assert!(reg.summary(id).unwrap().breach_done);
}

//! Issue 22's scenario, the same on every register: one handler proposes a refusal, a second
//! approves it; self-approval, a stale approval, a letter or reply before the approval are
//! refused; a later change to the answers voids the approval.

use chrono::{DateTime, Utc};
use privdesk::domain::case::{Decision, Refusal, Subject};
use privdesk::domain::checklist::{Answer, StepId};
use privdesk::domain::{CaseId, CaseKind, Event, LetterKind};
use privdesk::store::{Register, StoreError};

/// Who acts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// The handler who proposes.
    A,
    /// The second handler who approves.
    B,
}

fn refused(r: Result<privdesk::store::Saved, StoreError>) -> Refusal {
    match r {
        Err(StoreError::Refused(r)) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn identity(case: CaseId) -> Event {
    Event::Answered {
        case,
        step: StepId::IdentiteitGecontroleerd,
        answer: Answer::YesNo(false),
    }
}

fn decided(case: CaseId) -> Event {
    Event::Decided {
        case,
        decision: Decision::NietOntvankelijk,
        reason: "identiteit niet vastgesteld".into(),
        explanation: Some("Wij konden uw identiteit niet vaststellen.".into()),
        kept: String::new(),
    }
}

fn letter(case: CaseId) -> Event {
    Event::LetterMade {
        case,
        letter: LetterKind::Besluit,
        format: None,
        sha256: None,
    }
}

/// The registers of a team: `act(who)` gives the register as that handler sees it, with vier
/// ogen on for the defaults (a local register reopens as the other user: one session
/// at a time; a team's register has a login each).
pub trait Team {
    /// The register as `who`.
    fn act(&mut self, who: Who) -> &mut dyn Register;
}

/// Runs the scenario; `now()` is the instant of each save; `unverified` is how this register
/// marks approvals. Returns the case's id.
pub fn scenario(team: &mut dyn Team, now: &dyn Fn() -> DateTime<Utc>, unverified: bool) -> CaseId {
    let user_a = team.act(Who::A).user().to_string();
    let event = crate::common::verzoek(CaseId::provisional(CaseKind::Inzage), "Ouder Vierogen");
    let a = team.act(Who::A);
    let id = a.save(vec![event], &[], now()).unwrap().assigned[0];
    assert_eq!(
        a.summary(id).unwrap().handler,
        user_a,
        "the registrant handles it"
    );
    a.save(vec![identity(id)], &[], now()).unwrap();
    // A refusal recorded at once is refused: it must be proposed.
    assert_eq!(
        refused(a.save(vec![decided(id)], &[], now())),
        Refusal::ApprovalRequired
    );
    let proposal = Event::Proposed {
        case: id,
        subject: Subject::Besluit,
    };
    a.save(vec![decided(id), proposal], &[], now()).unwrap();
    assert!(a.summary(id).unwrap().awaiting_approval);
    // The letter and the reply wait for the approval.
    let reply = Event::ReplySent {
        case: id,
        on: privdesk::domain::deadline::amsterdam_date(now()),
    };
    assert_eq!(
        refused(a.save(vec![reply.clone()], &[], now())),
        Refusal::AwaitingApproval(Subject::Besluit)
    );
    assert_eq!(
        refused(a.save(vec![letter(id)], &[], now())),
        Refusal::AwaitingApproval(Subject::Besluit)
    );
    let approve = |version: u64| Event::Approved {
        case: id,
        subject: Subject::Besluit,
        version,
        niet_geverifieerd: unverified,
    };
    let version = a.case(id).unwrap().unwrap().last_seq;
    assert_eq!(
        refused(a.save(vec![approve(version)], &[], now())),
        Refusal::SelfApproval
    );
    let b = team.act(Who::B);
    let user_b = b.user().to_string();
    assert_ne!(user_a, user_b);
    // An approval names the version it was given on: an older one is refused.
    assert_eq!(
        refused(b.save(vec![approve(version - 1)], &[], now())),
        Refusal::ApprovalStale
    );
    b.save(vec![approve(version)], &[], now()).unwrap();
    assert!(!b.summary(id).unwrap().awaiting_approval);
    assert!(!b.case(id).unwrap().unwrap().unapproved(Subject::Besluit));
    // A later change to the answers voids it: the reply waits again.
    let a = team.act(Who::A);
    a.save(vec![identity(id)], &[], now()).unwrap();
    assert!(a.case(id).unwrap().unwrap().unapproved(Subject::Besluit));
    assert!(a.summary(id).unwrap().awaiting_approval);
    assert_eq!(
        refused(a.save(vec![reply.clone()], &[], now())),
        Refusal::AwaitingApproval(Subject::Besluit)
    );
    // Approved again; a read leaves the approval as it is, and the letter and reply go.
    let b = team.act(Who::B);
    let version = b.case(id).unwrap().unwrap().last_seq;
    b.save(vec![approve(version)], &[], now()).unwrap();
    b.save(vec![Event::Viewed { case: id }], &[], now())
        .unwrap();
    let a = team.act(Who::A);
    a.save(vec![letter(id)], &[], now()).unwrap();
    a.save(vec![reply], &[], now()).unwrap();
    // The journal shows who proposed and who approved.
    let history = a.history(id).unwrap();
    let by = |f: &dyn Fn(&Event) -> bool| -> Vec<String> {
        history
            .iter()
            .filter(|(_, _, _, e)| f(e))
            .map(|(_, _, u, _)| u.clone())
            .collect()
    };
    assert_eq!(by(&|e| matches!(e, Event::Proposed { .. })), vec![user_a]);
    assert_eq!(
        by(&|e| matches!(e, Event::Approved { .. })),
        vec![user_b.clone(), user_b]
    );
    id
}

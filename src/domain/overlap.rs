//! Two handlers, one case (design.md "Versions and conflicts"): what a change touches of a case,
//! and whether a change made on an older version clashes with the changes saved since.
//!
//! A handler who answered step A while a colleague answered step B loses nothing when both are
//! saved: the later change is checked again against the case as it now is (the domain's rules
//! on the new state) and saved. What the later handler could not have weighed — another answer
//! to the same step, another value of the same fact, a decision, a new status, the facts that
//! decide who may exercise the right — makes the save a conflict: refused, naming who changed the
//! case and when, so the handler reads the case again before deciding anything.
//!
//! One rule beyond the list of design.md, on purpose: a decision, an extension or a change of
//! status is taken on the whole case as its handler saw it, so it clashes with any change to the
//! case that handler did not see.

use std::collections::BTreeSet;

use super::case::FactField;
use super::checklist::StepId;
use super::event::Event;
use super::kind::CaseId;

/// What a change touches of one case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Touch {
    /// A checklist step's answer.
    Step(StepId),
    /// A registered fact.
    Fact(FactField),
    /// The list of AVG 19 recipients.
    Recipients,
    /// Who handles the case.
    Handler,
    /// The decision.
    Decision,
    /// The case's status or legal course: waiting, extension, reply, destruction, dispute,
    /// restriction, close, end, reopening.
    Status,
    /// What decides who may exercise the right for the child (domain.md §4): the requester's
    /// relation, the child's date of birth, the date of receipt, and the intake steps on
    /// wilsbekwaamheid, consent and the professional's judgement.
    Authority,
}

impl Touch {
    /// Touches of the whole case: a change that makes one clashes with any change made
    /// meanwhile.
    fn is_whole_case(self) -> bool {
        matches!(self, Touch::Decision | Touch::Status | Touch::Authority)
    }
}

/// The intake steps whose answers the authority table reads ([`super::rights::authority`]).
pub const AUTHORITY_STEPS: [StepId; 7] = [
    StepId::GezagGecontroleerd,
    StepId::Wilsbekwaam,
    StepId::ToestemmingKind,
    StepId::OordeelGeenBezwaar,
    StepId::OordeelSchaadtHulp,
    StepId::SignalenMishandeling,
    StepId::ToestemmingRechthebbende,
];

/// The facts the authority table reads: who asks, the child's age and the date it is taken on.
const AUTHORITY_FACTS: [FactField; 3] = [
    FactField::Relation,
    FactField::BirthDate,
    FactField::Received,
];

/// What `event` touches of its case; nothing for an event that leaves the case's version as
/// it is (a read, a letter, a note) or that names no case.
pub fn touches(event: &Event) -> Vec<Touch> {
    match event {
        Event::Answered { step, .. } => {
            let mut t = vec![Touch::Step(*step)];
            if AUTHORITY_STEPS.contains(step) {
                t.push(Touch::Authority);
            }
            t
        }
        Event::Corrected { correction, .. } => {
            let field = correction.field();
            let mut t = vec![Touch::Fact(field)];
            if AUTHORITY_FACTS.contains(&field) {
                t.push(Touch::Authority);
            }
            t
        }
        Event::RecipientAdded { .. } | Event::RecipientDone { .. } => vec![Touch::Recipients],
        Event::HandlerAssigned { .. } => vec![Touch::Handler],
        // A proposal, its approval or its return is part of the decision (vier ogen).
        Event::Decided { .. }
        | Event::Proposed { .. }
        | Event::Approved { .. }
        | Event::SentBack { .. } => vec![Touch::Decision],
        Event::Registered { .. }
        | Event::BreachRegistered { .. }
        | Event::WaitingStarted { .. }
        | Event::WaitingEnded { .. }
        | Event::Extended { .. }
        | Event::ReplySent { .. }
        | Event::DestructionConfirmed { .. }
        | Event::DestructionRecorded { .. }
        | Event::DisputeEscalated { .. }
        | Event::DisputeResolved { .. }
        | Event::RestrictionLiftAnnounced { .. }
        | Event::RestrictionLifted { .. }
        | Event::Closed { .. }
        | Event::Ended { .. }
        | Event::Reopened { .. } => vec![Touch::Status],
        Event::Viewed { .. }
        | Event::NoteAdded { .. }
        | Event::AdviceGiven { .. }
        | Event::AdviceAnswered { .. }
        | Event::LetterMade { .. }
        | Event::RegisterCreated { .. }
        | Event::Exported { .. }
        | Event::ReportMade { .. }
        | Event::BackedUp { .. }
        | Event::Repaired { .. } => Vec::new(),
    }
}

/// What the events about `case` touch of it.
fn touched<'a>(case: CaseId, events: impl IntoIterator<Item = &'a Event>) -> BTreeSet<Touch> {
    events
        .into_iter()
        .filter(|e| e.case() == Some(case))
        .flat_map(touches)
        .collect()
}

/// Whether `mine`, made on a version of `case` older than the changes `theirs` saved since,
/// clashes with them (see the module): `theirs` touched the decision, the status or the
/// authority facts; or `mine` does; or both touched the same step, fact or recipient list.
pub fn clashes<'a>(
    case: CaseId,
    theirs: impl IntoIterator<Item = &'a Event>,
    mine: impl IntoIterator<Item = &'a Event>,
) -> bool {
    let theirs = touched(case, theirs);
    if theirs.is_empty() {
        return false;
    }
    let mine = touched(case, mine);
    theirs.iter().any(|t| t.is_whole_case())
        || mine.iter().any(|t| t.is_whole_case())
        || theirs.intersection(&mine).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{Correction, Decision, Relation};
    use crate::domain::checklist::Answer;
    use crate::domain::kind::CaseKind;

    fn id() -> CaseId {
        CaseId::new(CaseKind::Inzage.id_letter(), 2026, 1)
    }

    fn answer(step: StepId) -> Event {
        Event::Answered {
            case: id(),
            step,
            answer: Answer::YesNo(true),
        }
    }

    #[test]
    fn different_steps_do_not_clash_and_the_same_step_does() {
        let a = [answer(StepId::DossiersDoorzocht)];
        let b = [answer(StepId::DerdenAfgeschermd)];
        assert!(!clashes(id(), &a, &b));
        assert!(clashes(id(), &a, &a));
    }

    #[test]
    fn a_decision_or_status_on_either_side_clashes() {
        let step = [answer(StepId::DossiersDoorzocht)];
        let decided = [Event::Decided {
            case: id(),
            decision: Decision::Toegewezen,
            reason: String::new(),
            explanation: None,
            kept: String::new(),
        }];
        let closed = [Event::Closed {
            case: id(),
            on: chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default(),
        }];
        assert!(clashes(id(), &decided, &step));
        assert!(clashes(id(), &step, &decided));
        assert!(clashes(id(), &closed, &step));
    }

    #[test]
    fn authority_facts_and_steps_clash_with_anything() {
        let relation = [Event::Corrected {
            case: id(),
            correction: Correction::Relation {
                from: Relation::OuderMetGezag,
                to: Relation::OuderZonderGezag,
            },
            reason: "r".into(),
            review: false,
        }];
        let wilsbekwaam = [answer(StepId::Wilsbekwaam)];
        let other = [answer(StepId::DossiersDoorzocht)];
        assert!(clashes(id(), &relation, &other));
        assert!(clashes(id(), &wilsbekwaam, &other));
    }

    #[test]
    fn reads_notes_and_other_cases_do_not_clash() {
        let other_case = CaseId::new(CaseKind::Inzage.id_letter(), 2026, 2);
        let theirs = [
            Event::Viewed { case: id() },
            Event::NoteAdded {
                case: id(),
                text: "n".into(),
            },
            Event::Answered {
                case: other_case,
                step: StepId::DossiersDoorzocht,
                answer: Answer::YesNo(true),
            },
        ];
        let mine = [answer(StepId::DossiersDoorzocht)];
        assert!(!clashes(id(), &theirs, &mine));
    }
}

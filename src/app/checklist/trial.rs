//! What the domain would refuse before a prompt opens: a refusal that nothing typed can cure
//! (the case is closed, there is no decision yet, a recipient is open) is said at once rather
//! than after the prompt is filled.

use super::Records;
use crate::app::App;
use crate::app::action::Task;
use crate::domain::case::{
    Decision, DestructionPart, Ending, ExtensionReason, RecipientOutcome, Refusal,
};
use crate::domain::{Case, CaseId, Event, Stamp};
use chrono::NaiveDate;

impl App {
    /// Asks the domain, before a prompt opens, whether the change could be made at all: a
    /// refusal that nothing typed can cure (the case is closed, there is no decision yet, a
    /// recipient is open) is said at once rather than after the prompt is filled. The trial
    /// runs on a copy with today's date and filler text; a refusal that depends on what is
    /// typed (an empty reason, a late notice date, missing steps for one decision) is left to
    /// the real change.
    pub(super) fn refused_before_prompt(&self, case: &Case, records: Records) -> Option<Refusal> {
        let (event, fits_any_input) = trial(records, case.id, self.today())?;
        let stamp = Stamp {
            seq: case.last_seq + 1,
            at: self.now,
            user: self.store.user().to_string(),
        };
        let mut trial = case.clone();
        trial
            .apply(&event, &stamp)
            .err()
            .filter(|r| !matches!(r, Refusal::Required(_)) && fits_any_input(r))
    }
}

/// A change tried on a copy of the case, with the refusals that no input could cure.
type Trial = (Event, fn(&Refusal) -> bool);

/// The trial change of a prompt's task, with filler text and today's date; `None` for the
/// prompts whose refusals all depend on what is typed.
fn trial(records: Records, id: CaseId, today: NaiveDate) -> Option<Trial> {
    match records {
        Records::Task(Task::Wait)
        | Records::WaitEnd
        | Records::Task(Task::ReplySent)
        | Records::Task(Task::Destroyed)
        | Records::Task(Task::Lift) => handling_trial(records, id, today),
        Records::Task(Task::Dispute)
        | Records::DisputeResolve
        | Records::Task(Task::AddRecipient)
        | Records::Task(Task::RecipientTold | Task::RecipientImpossible) => {
            party_trial(records, id, today)
        }
        Records::Task(Task::Close)
        | Records::Task(Task::Withdraw)
        | Records::Task(Task::Void)
        | Records::Task(Task::Reopen) => ending_trial(records, id, today),
        Records::Task(Task::Extend) | Records::Task(Task::Decide) => {
            decision_trial(records, id, today)
        }
        Records::Answer(_)
        | Records::Correct(_)
        | Records::Task(
            Task::Letter
            | Task::Correct
            | Task::Note
            | Task::Reassign
            | Task::Approve
            | Task::Advise
            | Task::AnswerAdvice,
        ) => None,
    }
}

/// Waiting, the reply, a destruction and a restriction's lift: only an impossible date is
/// left to what is typed.
fn handling_trial(records: Records, id: CaseId, today: NaiveDate) -> Option<Trial> {
    let filler = || "-".to_string();
    let trial: Trial = match records {
        Records::Task(Task::Wait) => (
            Event::WaitingStarted {
                case: id,
                since: today,
                awaiting: filler(),
            },
            |_| true,
        ),
        Records::WaitEnd => (
            Event::WaitingEnded {
                case: id,
                on: today,
                note: filler(),
            },
            |_| true,
        ),
        Records::Task(Task::ReplySent) => (
            Event::ReplySent {
                case: id,
                on: today,
            },
            |_| true,
        ),
        Records::Task(Task::Destroyed) => (
            Event::DestructionRecorded {
                case: id,
                part: DestructionPart::Bronsysteem,
                on: today,
            },
            |_| true,
        ),
        // Either step: a restriction must be in force (the announcement is then tried).
        Records::Task(Task::Lift) => (
            Event::RestrictionLiftAnnounced {
                case: id,
                on: today,
            },
            |r| !matches!(r, Refusal::InFuture(_) | Refusal::TooEarly(_)),
        ),
        _ => return None,
    };
    Some(trial)
}

/// A dispute and the AVG 19 recipients: who is named is typed, so only the state counts.
fn party_trial(records: Records, id: CaseId, today: NaiveDate) -> Option<Trial> {
    let filler = || "-".to_string();
    let trial: Trial = match records {
        Records::Task(Task::Dispute) => (
            Event::DisputeEscalated {
                case: id,
                to: filler(),
            },
            |_| true,
        ),
        Records::DisputeResolve => (
            Event::DisputeResolved {
                case: id,
                how: filler(),
            },
            |_| true,
        ),
        Records::Task(Task::AddRecipient) => (
            Event::RecipientAdded {
                case: id,
                name: filler(),
            },
            |_| true,
        ),
        Records::Task(Task::RecipientTold | Task::RecipientImpossible) => (
            Event::RecipientDone {
                case: id,
                index: 0,
                outcome: RecipientOutcome::Told(today),
            },
            |r| matches!(r, Refusal::CaseClosed),
        ),
        _ => return None,
    };
    Some(trial)
}

/// Closing, withdrawing, voiding and reopening the case.
fn ending_trial(records: Records, id: CaseId, today: NaiveDate) -> Option<Trial> {
    let filler = || "-".to_string();
    let trial: Trial = match records {
        Records::Task(Task::Close) => (
            Event::Closed {
                case: id,
                on: today,
            },
            |_| true,
        ),
        Records::Task(Task::Withdraw) => (
            Event::Ended {
                case: id,
                ending: Ending::Ingetrokken {
                    on: today,
                    how: filler(),
                },
            },
            |r| !matches!(r, Refusal::InFuture(_) | Refusal::TooEarly(_)),
        ),
        Records::Task(Task::Void) => (
            Event::Ended {
                case: id,
                ending: Ending::Vervallen { reason: filler() },
            },
            |_| true,
        ),
        Records::Task(Task::Reopen) => (
            Event::Reopened {
                case: id,
                reason: filler(),
            },
            |_| true,
        ),
        _ => return None,
    };
    Some(trial)
}

/// An extension and a decision: only a closed case, a kind that does not allow it, an
/// extension already made or an escalated dispute refuse whatever is typed.
fn decision_trial(records: Records, id: CaseId, today: NaiveDate) -> Option<Trial> {
    let filler = || "-".to_string();
    let trial: Trial = match records {
        Records::Task(Task::Extend) => (
            Event::Extended {
                case: id,
                reason: ExtensionReason::Complexiteit,
                explanation: filler(),
                notice_sent: today,
            },
            |r| {
                matches!(
                    r,
                    Refusal::CaseClosed | Refusal::AlreadyExtended | Refusal::NotForKind
                )
            },
        ),
        Records::Task(Task::Decide) => (
            Event::Decided {
                case: id,
                decision: Decision::Toegewezen,
                reason: filler(),
                explanation: Some(filler()),
                kept: String::new(),
            },
            // An escalated dispute bars every decision whatever is typed (issue 18).
            |r| {
                matches!(
                    r,
                    Refusal::CaseClosed
                        | Refusal::NotForKind
                        | Refusal::Blocked(crate::domain::checklist::Block::DisputeEscalated)
                )
            },
        ),
        _ => return None,
    };
    Some(trial)
}

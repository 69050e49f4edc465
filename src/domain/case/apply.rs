//! How a case comes to be and how it changes: `Case::register` from its registration event,
//! `Case::apply` for every later one, each refusing what breaks a rule.

use crate::domain::case::CaseField;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{
    CASE_FORMAT, Case, Decision, DecisionRecord, DestructionPart, Dispute, Ending, Extension,
    Recipient, RecipientOutcome, Refusal, Relation, Waiting,
};
use crate::domain::checklist::{self, AnswerRecord, Block};
use crate::domain::deadline::{self, amsterdam_date};
use crate::domain::event::{Event, Stamp};
use crate::domain::kind::CaseKind;

fn required(text: &str, field: CaseField) -> Result<(), Refusal> {
    if text.trim().is_empty() {
        Err(Refusal::Required(field))
    } else {
        Ok(())
    }
}

/// The earliest date of birth a new registration may give (issue 16): a child born before it
/// cannot be the subject of a youth-health request, so the date is a typing error.
pub const EARLIEST_BIRTH: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// What only a *new* change must satisfy, on top of what [`Case::register`] and
/// [`Case::apply`] check: rules added later than the journal's oldest lines, which replaying
/// those lines must not refuse (a register with an older line would no longer rebuild).
/// A birth date before [`EARLIEST_BIRTH`] is refused here; one in the future always was.
pub fn check_new(event: &Event) -> Result<(), Refusal> {
    if let Event::Registered { request, .. } = event
        && request.child.birth_date < EARLIEST_BIRTH
    {
        return Err(Refusal::TooEarly(CaseField::BirthDate));
    }
    // A note changes no case (it is not applied): its text is checked here.
    if let Event::NoteAdded { text, .. } = event {
        required(text, CaseField::Note)?;
        if text.chars().count() > NOTE_MAX {
            return Err(Refusal::TooLong(CaseField::Note));
        }
    }
    Ok(())
}

/// The longest note, in characters (the form's notes field holds as many).
pub const NOTE_MAX: usize = 10_000;

impl Case {
    /// Creates a case from its registration event, validating the facts.
    pub fn register(event: &Event, stamp: &Stamp) -> Result<Case, Refusal> {
        let today = amsterdam_date(stamp.at);
        let (id, kind, request, breach) = match event {
            Event::Registered { case, request } => {
                if request.kind.is_datalek() || case.letter != 'V' {
                    return Err(Refusal::NotForKind);
                }
                required(&request.requester.name, CaseField::Requester)?;
                required(&request.child.name, CaseField::Child)?;
                if request.received > today {
                    return Err(Refusal::InFuture(CaseField::Received));
                }
                if request.child.birth_date > today {
                    return Err(Refusal::InFuture(CaseField::BirthDate));
                }
                if request.received < request.child.birth_date {
                    return Err(Refusal::TooEarly(CaseField::Received));
                }
                if request.reply == Some(super::ReplyMethod::Post) {
                    required(&request.requester.address, CaseField::Address)?;
                }
                (*case, request.kind, Some(request.clone()), None)
            }
            Event::BreachRegistered { case, breach } => {
                if case.letter != 'D' {
                    return Err(Refusal::NotForKind);
                }
                required(&breach.reported_by, CaseField::ReportedBy)?;
                if breach.aware_at > stamp.at {
                    return Err(Refusal::InFuture(CaseField::AwareAt));
                }
                if breach.processor_notice_at.is_some_and(|p| p > stamp.at) {
                    return Err(Refusal::InFuture(CaseField::ProcessorNoticeAt));
                }
                (*case, CaseKind::Datalek, None, Some(breach.clone()))
            }
            _ => return Err(Refusal::WrongCase),
        };
        Ok(Case {
            format: CASE_FORMAT,
            id,
            kind,
            registered_at: stamp.at,
            registered_by: stamp.user.clone(),
            last_seq: stamp.seq,
            request,
            breach,
            answers: BTreeMap::new(),
            waiting: None,
            extension: None,
            decision: None,
            reply_sent: None,
            destruction_confirmed: None,
            recipients: Vec::new(),
            closed: None,
            ending: None,
            reopened: None,
            destroyed_in_source: None,
            destroyed_at_processors: None,
            destruction_confirmation_sent: None,
            dispute: None,
            lift_announced: None,
            restriction_lifted: None,
            corrections: Vec::new(),
            review: None,
        })
    }

    /// Applies an event to the case: the one way a case changes. A refused event leaves the
    /// case as it was (the caller applies to a clone, or checks first).
    pub fn apply(&mut self, event: &Event, stamp: &Stamp) -> Result<(), Refusal> {
        self.apply_as(event, stamp, true)
    }

    /// Applies an event read back from the journal: as [`Case::apply`], except that a
    /// decision is not gated again. It was gated when it was written, and the rules that gate
    /// a decision (the authority table, the checklist's steps) grow with the law and the
    /// issues: a decision lawfully recorded under the rules of its day must still replay.
    pub fn replay(&mut self, event: &Event, stamp: &Stamp) -> Result<(), Refusal> {
        self.apply_as(event, stamp, false)
    }

    fn apply_as(&mut self, event: &Event, stamp: &Stamp, gated: bool) -> Result<(), Refusal> {
        if event.case() != Some(self.id) || event.creates_case() {
            return Err(Refusal::WrongCase);
        }
        if !event.changes_case() {
            return Ok(());
        }
        let mut next = self.clone();
        next.apply_change(event, stamp, gated)?;
        next.last_seq = stamp.seq;
        *self = next;
        Ok(())
    }

    fn is_finished(&self) -> bool {
        self.closed.is_some() || self.ending.is_some()
    }

    fn apply_change(&mut self, event: &Event, stamp: &Stamp, gated: bool) -> Result<(), Refusal> {
        let today = amsterdam_date(stamp.at);
        let open_only = |c: &Case| {
            if c.is_finished() {
                Err(Refusal::CaseClosed)
            } else {
                Ok(())
            }
        };
        match event {
            Event::Answered { step, answer, .. } => {
                open_only(self)?;
                checklist::check_answer(self, *step, answer, stamp.at)?;
                // AVG 7(3): a withdrawal takes effect on receipt (issue 18; lines written
                // before the rule replay as they were).
                if gated
                    && *step == checklist::StepId::IngangsdatumIntrekking
                    && self.received().map(checklist::Answer::Date).as_ref() != Some(answer)
                {
                    return Err(Refusal::Blocked(Block::WithdrawalTakesEffectOnReceipt));
                }
                self.answers.insert(
                    *step,
                    AnswerRecord {
                        answer: answer.clone(),
                        by: stamp.user.clone(),
                        at: stamp.at,
                    },
                );
            }
            Event::WaitingStarted {
                since, awaiting, ..
            } => {
                open_only(self)?;
                if self.request.is_none() {
                    return Err(Refusal::NotForKind);
                }
                if self.waiting.is_some() {
                    return Err(Refusal::AlreadyWaiting);
                }
                required(awaiting, CaseField::Awaiting)?;
                if *since > today {
                    return Err(Refusal::InFuture(CaseField::Since));
                }
                self.waiting = Some(Waiting {
                    since: *since,
                    awaiting: awaiting.clone(),
                });
            }
            Event::WaitingEnded { on, .. } => {
                open_only(self)?;
                let Some(w) = &self.waiting else {
                    return Err(Refusal::NotWaiting);
                };
                if *on > today {
                    return Err(Refusal::InFuture(CaseField::On));
                }
                if *on < w.since {
                    return Err(Refusal::TooEarly(CaseField::On));
                }
                self.waiting = None;
            }
            Event::Extended {
                reason: ground,
                explanation,
                notice_sent,
                ..
            } => {
                open_only(self)?;
                if !self.kind.may_extend() {
                    return Err(Refusal::NotForKind);
                }
                if self.extension.is_some() {
                    return Err(Refusal::AlreadyExtended);
                }
                required(explanation, CaseField::Explanation)?;
                let received = self.received().ok_or(Refusal::NotForKind)?;
                if *notice_sent > today {
                    return Err(Refusal::InFuture(CaseField::NoticeSent));
                }
                if *notice_sent < received {
                    return Err(Refusal::TooEarly(CaseField::NoticeSent));
                }
                let last = deadline::extension_notice_deadline(self.kind, received)
                    .map_err(|_| Refusal::NotForKind)?;
                if *notice_sent > last {
                    return Err(Refusal::ExtensionTooLate);
                }
                self.extension = Some(Extension {
                    reason: *ground,
                    explanation: explanation.clone(),
                    notice_sent: *notice_sent,
                    by: stamp.user.clone(),
                });
            }
            Event::Decided {
                decision,
                reason,
                explanation,
                kept,
                ..
            } => {
                open_only(self)?;
                if self.request.is_none() {
                    return Err(Refusal::NotForKind);
                }
                if decision.needs_reason() {
                    required(reason, CaseField::Reason)?;
                    if let Some(explanation) = explanation {
                        required(explanation, CaseField::LetterExplanation)?;
                    }
                }
                if gated {
                    checklist::may_decide(self, *decision, today)?;
                    // WGBO 7:455 lid 2: what is kept is named when a duty or interest keeps
                    // part.
                    if *decision == Decision::DeelsToegewezen
                        && checklist::keep_duty_or_interest(self)
                    {
                        required(kept, CaseField::Kept)?;
                    }
                }
                self.decision = Some(DecisionRecord {
                    decision: *decision,
                    reason: reason.clone(),
                    explanation: explanation.clone(),
                    kept: kept.clone(),
                    on: today,
                    by: stamp.user.clone(),
                });
                self.waiting = None;
                // A decision taken again on the corrected facts ends the review.
                self.review = None;
            }
            // A registered fact corrected: also on a closed case (a typo stays a typo).
            Event::Corrected {
                correction,
                reason,
                review,
                ..
            } => {
                self.apply_correction(correction, reason, *review, &stamp.user, stamp.at, gated)?;
            }
            Event::ReplySent { on, .. } => {
                open_only(self)?;
                if self.decision.is_none() {
                    return Err(Refusal::NoDecision);
                }
                self.check_past_date(*on, today, CaseField::On)?;
                self.reply_sent = Some(*on);
            }
            Event::DestructionConfirmed { on, .. } => {
                open_only(self)?;
                self.check_destruction_granted()?;
                self.check_past_date(*on, today, CaseField::On)?;
                self.destruction_confirmed = Some(*on);
            }
            Event::DestructionRecorded { part, on, .. } => {
                open_only(self)?;
                self.check_destruction_granted()?;
                self.check_past_date(*on, today, CaseField::On)?;
                match part {
                    DestructionPart::Bronsysteem => self.destroyed_in_source = Some(*on),
                    DestructionPart::Verwerkers => self.destroyed_at_processors = Some(*on),
                    DestructionPart::Bevestiging => {
                        // The confirmation tells what was done: it follows the destruction.
                        let Some(done) = self.destroyed_on() else {
                            return Err(Refusal::Blocked(Block::DestructionNotConfirmed));
                        };
                        if *on < done {
                            return Err(Refusal::TooEarly(CaseField::On));
                        }
                        self.destruction_confirmation_sent = Some(*on);
                    }
                }
            }
            Event::DisputeEscalated { to, .. } => {
                open_only(self)?;
                let parents = self.request.as_ref().is_some_and(|r| {
                    matches!(
                        r.requester.relation,
                        Relation::OuderMetGezag | Relation::Voogd
                    )
                });
                if !parents {
                    return Err(Refusal::Blocked(Block::DisputeNeedsParents));
                }
                if self.dispute_open() {
                    return Err(Refusal::Blocked(Block::DisputeEscalated));
                }
                required(to, CaseField::To)?;
                self.dispute = Some(Dispute {
                    to: to.clone(),
                    since: today,
                    by: stamp.user.clone(),
                    resolved: None,
                });
            }
            Event::DisputeResolved { how, .. } => {
                open_only(self)?;
                let Some(d) = self.dispute.as_mut().filter(|d| d.resolved.is_none()) else {
                    return Err(Refusal::Blocked(Block::NoDisputeEscalated));
                };
                required(how, CaseField::How)?;
                d.resolved = Some((today, how.clone()));
            }
            // Lifting a restriction is its own event, also on a closed case (AVG 18(3)).
            Event::RestrictionLiftAnnounced { on, .. } => {
                if self.kind != CaseKind::Beperking {
                    return Err(Refusal::NotForKind);
                }
                if !self.restriction_in_force() {
                    return Err(Refusal::Blocked(Block::NoRestrictionInForce));
                }
                self.check_past_date(*on, today, CaseField::On)?;
                self.lift_announced = Some(*on);
            }
            Event::RestrictionLifted { on, .. } => {
                if self.kind != CaseKind::Beperking {
                    return Err(Refusal::NotForKind);
                }
                if !self.restriction_in_force() {
                    return Err(Refusal::Blocked(Block::NoRestrictionInForce));
                }
                let Some(told) = self.lift_announced else {
                    return Err(Refusal::Blocked(Block::LiftNotAnnounced));
                };
                self.check_past_date(*on, today, CaseField::On)?;
                if *on < told {
                    return Err(Refusal::TooEarly(CaseField::On));
                }
                self.restriction_lifted = Some(*on);
            }
            Event::RecipientAdded { name, .. } => {
                open_only(self)?;
                if !checklist::has_recipients(self.kind) {
                    return Err(Refusal::NotForKind);
                }
                required(name, CaseField::Name)?;
                self.recipients.push(Recipient {
                    name: name.clone(),
                    outcome: None,
                });
            }
            Event::RecipientDone { index, outcome, .. } => {
                open_only(self)?;
                match outcome {
                    RecipientOutcome::Told(on) => {
                        self.check_past_date(*on, today, CaseField::On)?
                    }
                    RecipientOutcome::Impossible(why) => required(why, CaseField::Reason)?,
                }
                let r = self
                    .recipients
                    .get_mut(*index)
                    .ok_or(Refusal::NoRecipient)?;
                r.outcome = Some(outcome.clone());
            }
            Event::Closed { on, .. } => {
                open_only(self)?;
                self.check_past_date(*on, today, CaseField::On)?;
                checklist::may_close(self, today)?;
                self.closed = Some(*on);
                self.waiting = None;
            }
            Event::Ended { ending, .. } => {
                open_only(self)?;
                match ending {
                    Ending::Ingetrokken { on, how } => {
                        if self.request.is_none() {
                            return Err(Refusal::NotForKind);
                        }
                        required(how, CaseField::How)?;
                        self.check_past_date(*on, today, CaseField::On)?;
                    }
                    Ending::Vervallen { reason } => required(reason, CaseField::Reason)?,
                }
                self.ending = Some(ending.clone());
                self.waiting = None;
            }
            Event::Reopened { reason, .. } => {
                if !self.is_finished() {
                    return Err(Refusal::CaseNotClosed);
                }
                required(reason, CaseField::Reason)?;
                self.closed = None;
                self.ending = None;
                let n = self.reopened.as_ref().map_or(0, |(n, _)| *n);
                self.reopened = Some((n + 1, reason.clone()));
            }
            Event::RegisterCreated { .. }
            | Event::Registered { .. }
            | Event::BreachRegistered { .. }
            | Event::Viewed { .. }
            | Event::LetterMade { .. }
            | Event::NoteAdded { .. }
            | Event::Exported { .. }
            | Event::BackedUp { .. }
            | Event::Repaired { .. } => return Err(Refusal::WrongCase),
        }
        Ok(())
    }

    /// A date of something done: not in the future, not before the case began.
    /// A destruction is recorded only on a Vernietiging granted (in part).
    fn check_destruction_granted(&self) -> Result<(), Refusal> {
        if self.kind != CaseKind::Vernietiging {
            return Err(Refusal::NotForKind);
        }
        match &self.decision {
            Some(d) if !matches!(d.decision, Decision::Afgewezen | Decision::NietOntvankelijk) => {
                Ok(())
            }
            _ => Err(Refusal::NoDecision),
        }
    }

    fn check_past_date(
        &self,
        on: NaiveDate,
        today: NaiveDate,
        field: CaseField,
    ) -> Result<(), Refusal> {
        if on > today {
            return Err(Refusal::InFuture(field));
        }
        let start = self
            .received()
            .unwrap_or_else(|| amsterdam_date(self.registered_at));
        if on < start {
            return Err(Refusal::TooEarly(field));
        }
        Ok(())
    }
}

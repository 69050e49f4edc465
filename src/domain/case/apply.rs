//! How a case comes to be and how it changes: `Case::register` from its registration event,
//! `Case::apply` for every later one, each refusing what breaks a rule.

use crate::domain::case::CaseField;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{
    CASE_FORMAT, Case, Decision, DecisionRecord, DestructionPart, Dispute, Ending, Extension,
    ExtensionReason, Recipient, RecipientOutcome, Refusal, Relation, Subject, Waiting,
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
            handler: None,
            vier_ogen: BTreeMap::new(),
            advice: BTreeMap::new(),
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
        // A letter waits for the approval of what it announces (issue 22).
        if let (Event::LetterMade { letter, .. }, true) = (event, gated) {
            self.letter_waits(*letter)?;
        }
        if event.is_advice() {
            let mut next = self.clone();
            next.apply_advice(event, stamp)?;
            *self = next;
            return Ok(());
        }
        if !event.changes_case() {
            return Ok(());
        }
        let mut next = self.clone();
        if event.voids_approval() {
            next.void_approvals();
        }
        next.apply_change(event, stamp, gated)?;
        next.last_seq = stamp.seq;
        *self = next;
        Ok(())
    }

    /// The FG's advice and the handler's answer: the record changes, its version does not.
    fn apply_advice(&mut self, event: &Event, stamp: &Stamp) -> Result<(), Refusal> {
        let today = amsterdam_date(stamp.at);
        match event {
            Event::AdviceGiven { text, on, .. } => {
                self.give_advice(stamp.seq, text, *on, &stamp.user, today)
            }
            Event::AdviceAnswered {
                advice,
                followed,
                why,
                ..
            } => self.answer_advice(*advice, *followed, why, &stamp.user, stamp.at),
            _ => Err(Refusal::WrongCase),
        }
    }

    /// Vier ogen and the behandelaar (issue 22).
    fn apply_team(&mut self, event: &Event, stamp: &Stamp) -> Result<(), Refusal> {
        match event {
            Event::HandlerAssigned { handler, .. } => self.assign(handler),
            Event::Proposed { subject, .. } => {
                self.open_only()?;
                let proposable = match subject {
                    Subject::Besluit => self.decision.is_some(),
                    Subject::Verlenging => self.extension.is_some(),
                    Subject::NietMelden => {
                        self.chosen(checklist::StepId::ApMelding)
                            == Some(checklist::ApBesluit::NietGemeld)
                    }
                };
                if !proposable {
                    return Err(Refusal::NoDecision);
                }
                self.propose(*subject, &stamp.user, stamp.at);
                Ok(())
            }
            Event::Approved {
                subject,
                version,
                niet_geverifieerd,
                ..
            } => {
                self.open_only()?;
                self.approve(
                    *subject,
                    *version,
                    *niet_geverifieerd,
                    &stamp.user,
                    stamp.at,
                )
            }
            Event::SentBack {
                subject, reason, ..
            } => {
                self.open_only()?;
                self.send_back(*subject, reason, &stamp.user, stamp.at)
            }
            _ => Err(Refusal::WrongCase),
        }
    }

    fn is_finished(&self) -> bool {
        self.closed.is_some() || self.ending.is_some()
    }

    /// Each event group has its own method, so that the rules of one group read in one place;
    /// this only hands the event's fields to it.
    fn apply_change(&mut self, event: &Event, stamp: &Stamp, gated: bool) -> Result<(), Refusal> {
        let today = amsterdam_date(stamp.at);
        match event {
            Event::Answered { step, answer, .. } => self.apply_answer(*step, answer, stamp, gated),
            Event::WaitingStarted {
                since, awaiting, ..
            } => self.apply_waiting_started(*since, awaiting, today),
            Event::WaitingEnded { on, .. } => self.apply_waiting_ended(*on, today),
            Event::Extended {
                reason,
                explanation,
                notice_sent,
                ..
            } => self.apply_extension(*reason, explanation, *notice_sent, stamp, today),
            Event::Decided {
                decision,
                reason,
                explanation,
                kept,
                ..
            } => {
                let decided = Decided {
                    decision: *decision,
                    reason,
                    explanation: explanation.as_deref(),
                    kept,
                };
                self.apply_decision(&decided, stamp, today, gated)
            }
            // A registered fact corrected: also on a closed case (a typo stays a typo).
            Event::Corrected {
                correction,
                reason,
                review,
                ..
            } => self.apply_correction(correction, reason, *review, &stamp.user, stamp.at, gated),
            Event::ReplySent { on, .. } => self.apply_reply_sent(*on, today),
            Event::DestructionConfirmed { on, .. } => self.apply_destruction_confirmed(*on, today),
            Event::DestructionRecorded { part, on, .. } => {
                self.apply_destruction_part(*part, *on, today)
            }
            Event::DisputeEscalated { to, .. } => self.apply_dispute_escalated(to, stamp, today),
            Event::DisputeResolved { how, .. } => self.apply_dispute_resolved(how, today),
            // Lifting a restriction is its own event, also on a closed case (AVG 18(3)).
            Event::RestrictionLiftAnnounced { on, .. } => self.apply_lift_announced(*on, today),
            Event::RestrictionLifted { on, .. } => self.apply_restriction_lifted(*on, today),
            Event::RecipientAdded { name, .. } => self.apply_recipient_added(name),
            Event::RecipientDone { index, outcome, .. } => {
                self.apply_recipient_done(*index, outcome, today)
            }
            Event::Closed { on, .. } => self.apply_closed(*on, today),
            Event::Ended { ending, .. } => self.apply_ended(ending, today),
            Event::Reopened { reason, .. } => self.apply_reopened(reason),
            Event::HandlerAssigned { .. }
            | Event::Proposed { .. }
            | Event::Approved { .. }
            | Event::SentBack { .. } => self.apply_team(event, stamp),
            Event::RegisterCreated { .. }
            | Event::AdviceGiven { .. }
            | Event::AdviceAnswered { .. }
            | Event::Registered { .. }
            | Event::BreachRegistered { .. }
            | Event::Viewed { .. }
            | Event::LetterMade { .. }
            | Event::NoteAdded { .. }
            | Event::Exported { .. }
            | Event::ReportMade { .. }
            | Event::BackedUp { .. }
            | Event::Repaired { .. } => Err(Refusal::WrongCase),
        }
    }

    /// Most changes are refused on a closed or ended case; the few that are not (a
    /// correction, lifting a restriction, reopening) do not call this.
    fn open_only(&self) -> Result<(), Refusal> {
        if self.is_finished() {
            Err(Refusal::CaseClosed)
        } else {
            Ok(())
        }
    }

    fn apply_answer(
        &mut self,
        step: checklist::StepId,
        answer: &checklist::Answer,
        stamp: &Stamp,
        gated: bool,
    ) -> Result<(), Refusal> {
        self.open_only()?;
        checklist::check_answer(self, step, answer, stamp.at)?;
        // A late notification names the delay's category (issue 21; lines written before the
        // rule replay as they were).
        if gated && step == checklist::StepId::ApGemeldOp {
            crate::domain::rights::check_late_category(self, answer)?;
        }
        // AVG 7(3): a withdrawal takes effect on receipt (issue 18; lines written
        // before the rule replay as they were).
        if gated
            && step == checklist::StepId::IngangsdatumIntrekking
            && self.received().map(checklist::Answer::Date).as_ref() != Some(answer)
        {
            return Err(Refusal::Blocked(Block::WithdrawalTakesEffectOnReceipt));
        }
        if step == checklist::StepId::ApMelding {
            // A new notification decision is a new proposal, or none (issue 22).
            self.vier_ogen.remove(&Subject::NietMelden);
        }
        self.answers.insert(
            step,
            AnswerRecord {
                answer: answer.clone(),
                by: stamp.user.clone(),
                at: stamp.at,
            },
        );
        Ok(())
    }

    fn apply_waiting_started(
        &mut self,
        since: NaiveDate,
        awaiting: &str,
        today: NaiveDate,
    ) -> Result<(), Refusal> {
        self.open_only()?;
        if self.request.is_none() {
            return Err(Refusal::NotForKind);
        }
        if self.waiting.is_some() {
            return Err(Refusal::AlreadyWaiting);
        }
        required(awaiting, CaseField::Awaiting)?;
        if since > today {
            return Err(Refusal::InFuture(CaseField::Since));
        }
        self.waiting = Some(Waiting {
            since,
            awaiting: awaiting.to_owned(),
        });
        Ok(())
    }

    fn apply_waiting_ended(&mut self, on: NaiveDate, today: NaiveDate) -> Result<(), Refusal> {
        self.open_only()?;
        let Some(w) = &self.waiting else {
            return Err(Refusal::NotWaiting);
        };
        if on > today {
            return Err(Refusal::InFuture(CaseField::On));
        }
        if on < w.since {
            return Err(Refusal::TooEarly(CaseField::On));
        }
        self.waiting = None;
        Ok(())
    }

    /// AVG 12(3): once, with reasons, told within the first month.
    fn apply_extension(
        &mut self,
        ground: ExtensionReason,
        explanation: &str,
        notice_sent: NaiveDate,
        stamp: &Stamp,
        today: NaiveDate,
    ) -> Result<(), Refusal> {
        self.open_only()?;
        if !self.kind.may_extend() {
            return Err(Refusal::NotForKind);
        }
        if self.extension.is_some() {
            return Err(Refusal::AlreadyExtended);
        }
        required(explanation, CaseField::Explanation)?;
        let received = self.received().ok_or(Refusal::NotForKind)?;
        if notice_sent > today {
            return Err(Refusal::InFuture(CaseField::NoticeSent));
        }
        if notice_sent < received {
            return Err(Refusal::TooEarly(CaseField::NoticeSent));
        }
        let last = deadline::extension_notice_deadline(self.kind, received)
            .map_err(|_| Refusal::NotForKind)?;
        if notice_sent > last {
            return Err(Refusal::ExtensionTooLate);
        }
        self.extension = Some(Extension {
            reason: ground,
            explanation: explanation.to_owned(),
            notice_sent,
            by: stamp.user.clone(),
        });
        Ok(())
    }

    fn apply_decision(
        &mut self,
        decided: &Decided<'_>,
        stamp: &Stamp,
        today: NaiveDate,
        gated: bool,
    ) -> Result<(), Refusal> {
        self.open_only()?;
        if self.request.is_none() {
            return Err(Refusal::NotForKind);
        }
        if decided.decision.needs_reason() {
            required(decided.reason, CaseField::Reason)?;
            if let Some(explanation) = decided.explanation {
                required(explanation, CaseField::LetterExplanation)?;
            }
        }
        if gated {
            checklist::may_decide(self, decided.decision, today)?;
            // WGBO 7:455 lid 2: what is kept is named when a duty or interest keeps
            // part.
            if decided.decision == Decision::DeelsToegewezen
                && checklist::keep_duty_or_interest(self)
            {
                required(decided.kept, CaseField::Kept)?;
            }
        }
        self.decision = Some(DecisionRecord {
            decision: decided.decision,
            reason: decided.reason.to_owned(),
            explanation: decided.explanation.map(str::to_owned),
            kept: decided.kept.to_owned(),
            on: today,
            by: stamp.user.clone(),
        });
        self.waiting = None;
        // A decision taken again on the corrected facts ends the review.
        self.review = None;
        // A new decision is a new proposal, or none (issue 22).
        self.vier_ogen.remove(&Subject::Besluit);
        Ok(())
    }

    fn apply_reply_sent(&mut self, on: NaiveDate, today: NaiveDate) -> Result<(), Refusal> {
        self.open_only()?;
        if self.decision.is_none() {
            return Err(Refusal::NoDecision);
        }
        // The reply waits for the decision's approval (issue 22).
        if self.unapproved(Subject::Besluit) {
            return Err(Refusal::AwaitingApproval(Subject::Besluit));
        }
        self.check_past_date(on, today, CaseField::On)?;
        self.reply_sent = Some(on);
        Ok(())
    }

    fn apply_destruction_confirmed(
        &mut self,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), Refusal> {
        self.open_only()?;
        self.check_destruction_granted()?;
        self.check_past_date(on, today, CaseField::On)?;
        self.destruction_confirmed = Some(on);
        Ok(())
    }

    fn apply_destruction_part(
        &mut self,
        part: DestructionPart,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), Refusal> {
        self.open_only()?;
        self.check_destruction_granted()?;
        self.check_past_date(on, today, CaseField::On)?;
        match part {
            DestructionPart::Bronsysteem => self.destroyed_in_source = Some(on),
            DestructionPart::Verwerkers => self.destroyed_at_processors = Some(on),
            DestructionPart::Bevestiging => {
                // The confirmation tells what was done: it follows the destruction.
                let Some(done) = self.destroyed_on() else {
                    return Err(Refusal::Blocked(Block::DestructionNotConfirmed));
                };
                if on < done {
                    return Err(Refusal::TooEarly(CaseField::On));
                }
                self.destruction_confirmation_sent = Some(on);
            }
        }
        Ok(())
    }

    /// Only parents (or a guardian) with gezag can dispute; privdesk never decides it.
    fn apply_dispute_escalated(
        &mut self,
        to: &str,
        stamp: &Stamp,
        today: NaiveDate,
    ) -> Result<(), Refusal> {
        self.open_only()?;
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
            to: to.to_owned(),
            since: today,
            by: stamp.user.clone(),
            resolved: None,
        });
        Ok(())
    }

    fn apply_dispute_resolved(&mut self, how: &str, today: NaiveDate) -> Result<(), Refusal> {
        self.open_only()?;
        let Some(d) = self.dispute.as_mut().filter(|d| d.resolved.is_none()) else {
            return Err(Refusal::Blocked(Block::NoDisputeEscalated));
        };
        required(how, CaseField::How)?;
        d.resolved = Some((today, how.to_owned()));
        Ok(())
    }

    /// Lifting a restriction needs one in force, on a Beperking.
    fn check_restriction_in_force(&self) -> Result<(), Refusal> {
        if self.kind != CaseKind::Beperking {
            return Err(Refusal::NotForKind);
        }
        if !self.restriction_in_force() {
            return Err(Refusal::Blocked(Block::NoRestrictionInForce));
        }
        Ok(())
    }

    fn apply_lift_announced(&mut self, on: NaiveDate, today: NaiveDate) -> Result<(), Refusal> {
        self.check_restriction_in_force()?;
        self.check_past_date(on, today, CaseField::On)?;
        self.lift_announced = Some(on);
        Ok(())
    }

    /// AVG 18(3): the requester is told before the restriction is lifted.
    fn apply_restriction_lifted(&mut self, on: NaiveDate, today: NaiveDate) -> Result<(), Refusal> {
        self.check_restriction_in_force()?;
        let Some(told) = self.lift_announced else {
            return Err(Refusal::Blocked(Block::LiftNotAnnounced));
        };
        self.check_past_date(on, today, CaseField::On)?;
        if on < told {
            return Err(Refusal::TooEarly(CaseField::On));
        }
        self.restriction_lifted = Some(on);
        Ok(())
    }

    fn apply_recipient_added(&mut self, name: &str) -> Result<(), Refusal> {
        self.open_only()?;
        if !checklist::has_recipients(self.kind) {
            return Err(Refusal::NotForKind);
        }
        required(name, CaseField::Name)?;
        self.recipients.push(Recipient {
            name: name.to_owned(),
            outcome: None,
        });
        Ok(())
    }

    fn apply_recipient_done(
        &mut self,
        index: usize,
        outcome: &RecipientOutcome,
        today: NaiveDate,
    ) -> Result<(), Refusal> {
        self.open_only()?;
        match outcome {
            RecipientOutcome::Told(on) => self.check_past_date(*on, today, CaseField::On)?,
            RecipientOutcome::Impossible(why) => required(why, CaseField::Reason)?,
        }
        let r = self.recipients.get_mut(index).ok_or(Refusal::NoRecipient)?;
        r.outcome = Some(outcome.clone());
        Ok(())
    }

    fn apply_closed(&mut self, on: NaiveDate, today: NaiveDate) -> Result<(), Refusal> {
        self.open_only()?;
        self.check_past_date(on, today, CaseField::On)?;
        checklist::may_close(self, today)?;
        self.closed = Some(on);
        self.waiting = None;
        Ok(())
    }

    fn apply_ended(&mut self, ending: &Ending, today: NaiveDate) -> Result<(), Refusal> {
        self.open_only()?;
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
        Ok(())
    }

    fn apply_reopened(&mut self, reason: &str) -> Result<(), Refusal> {
        if !self.is_finished() {
            return Err(Refusal::CaseNotClosed);
        }
        required(reason, CaseField::Reason)?;
        self.closed = None;
        self.ending = None;
        let n = self.reopened.as_ref().map_or(0, |(n, _)| *n);
        self.reopened = Some((n + 1, reason.to_owned()));
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

/// The fields of a decision, borrowed from its event: four of them travel together.
struct Decided<'a> {
    decision: Decision,
    reason: &'a str,
    explanation: Option<&'a str>,
    kept: &'a str,
}

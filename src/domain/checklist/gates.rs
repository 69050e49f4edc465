//! What a decision or a close still needs: the required steps, and the rules (`Block`) that
//! bar a decision or a close beyond them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::answer::Answer;
use super::step::{Phase::Intake, StepId};
use super::{ApBesluit, Correctie, OverdrachtGrond, RisicoNiveau, VerwerkingGrond, age_on};
use crate::domain::authority::NextStep;
use crate::domain::case::{Case, Decision, Refusal};
use crate::domain::kind::CaseKind;
use crate::domain::rights;

/// A rule that blocks a decision or a close, beyond missing steps (translated in i18n).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// Niet ontvankelijk needs a ground: identity not established or no authority.
    NoGroundNietOntvankelijk,
    /// The identity was not established: only niet ontvankelijk fits.
    IdentityNotEstablished,
    /// The requester may not exercise this right for the child (domain.md §4).
    NotAuthorised,
    /// With signs of abuse a dossier is destroyed only for a wilsbekwaam young person of 16+.
    AbuseSignals,
    /// AVG 20 does not apply to the JGZ's statutory task: offer a dossier transfer instead.
    PortabilityNotApplicable,
    /// A legal obligation (6(1)(c)) cannot be objected to.
    ObjectionNotApplicable,
    /// The reply has not been sent.
    ReplyNotSent,
    /// The destruction is not confirmed.
    DestructionNotConfirmed,
    /// An AVG 19 recipient is neither told nor marked impossible.
    RecipientsOpen,
    /// The AP was notified after 72 hours without a reason for the delay.
    LateWithoutReason,
    /// A new notification after 72 hours without the delay's category.
    LateWithoutCategory,
    /// Not notifying the AP needs a risk assessed as none ("unlikely to result in a risk").
    NotificationRequired,
    /// A breach cannot begin after the organisation became aware of it.
    IncidentAfterAwareness,
    /// The AP cannot have been notified before the organisation became aware of the breach.
    NotifiedBeforeAwareness,
    /// A legal duty to keep, or a substantial interest of someone else, bars destroying it all
    /// (WGBO 7:455 lid 2): only deels toegewezen, naming what is kept, or afgewezen.
    KeepDutyBarsFullDestruction,
    /// A professional judgement is not corrected on the requester's disagreement alone
    /// (WGBO 7:454 lid 2, AVG 16): the professional who agrees to correct it is recorded first;
    /// otherwise the eigen verklaring is offered.
    JudgementNotCorrected,
    /// Two parents with gezag dispute the request: escalated, never decided by privdesk,
    /// until the escalation is recorded as resolved.
    DisputeEscalated,
    /// A restriction is lifted only after the requester was told (AVG 18(3)).
    LiftNotAnnounced,
    /// No restriction in force to lift (or announce).
    NoRestrictionInForce,
    /// A dispute can only be escalated when a parent with gezag asks.
    DisputeNeedsParents,
    /// No dispute escalated (resolve).
    NoDisputeEscalated,
    /// A withdrawal of consent takes effect on receipt (AVG 7(3)): its effective date is the
    /// date of receipt, never later.
    WithdrawalTakesEffectOnReceipt,
}

fn blocked(b: Block) -> Result<(), Refusal> {
    Err(Refusal::Blocked(b))
}

/// What a decision still needs. Niet ontvankelijk needs the intake outcome that makes it so
/// (identity not established, or the authority table sending it there); every other decision
/// needs every required step of the intake and the kind, and must not be barred by the
/// authority table (domain.md §4) or a rule of the kind.
pub fn may_decide(case: &Case, decision: Decision, today: NaiveDate) -> Result<(), Refusal> {
    let identity_failed = matches!(
        case.answer(StepId::IdentiteitGecontroleerd),
        Some(Answer::YesNo(false))
    );
    if identity_failed {
        return if decision == Decision::NietOntvankelijk {
            Ok(())
        } else {
            blocked(Block::IdentityNotEstablished)
        };
    }
    if case.dispute_open() {
        return blocked(Block::DisputeEscalated);
    }
    let intake_missing = case.missing_steps(today, Some(Intake));
    let next = rights::authority(case, today).map(|a| a.outcome.next_step());
    match decision {
        Decision::NietOntvankelijk => {
            if !intake_missing.is_empty() {
                return Err(Refusal::Missing(intake_missing));
            }
            match next {
                Some(NextStep::NietOntvankelijk | NextStep::Await) => Ok(()),
                _ => blocked(Block::NoGroundNietOntvankelijk),
            }
        }
        Decision::Afgewezen => {
            if !intake_missing.is_empty() {
                return Err(Refusal::Missing(intake_missing));
            }
            // A refusal on authority grounds needs no further steps; otherwise every step.
            if matches!(next, Some(NextStep::Refuse | NextStep::InformOnly)) {
                return Ok(());
            }
            let missing = case.missing_steps(today, None);
            if !missing.is_empty() {
                return Err(Refusal::Missing(missing));
            }
            Ok(())
        }
        Decision::Toegewezen | Decision::DeelsToegewezen => may_grant(case, decision, today, next),
    }
}

/// A grant (in full or in part) needs every step, the authority table's go-ahead (or, in
/// part, its "inform only"), and no rule of the kind against it.
fn may_grant(
    case: &Case,
    decision: Decision,
    today: NaiveDate,
    next: Option<NextStep>,
) -> Result<(), Refusal> {
    let missing = case.missing_steps(today, None);
    if !missing.is_empty() {
        return Err(Refusal::Missing(missing));
    }
    let informs = next == Some(NextStep::InformOnly) && decision == Decision::DeelsToegewezen;
    if !matches!(next, Some(NextStep::Proceed)) && !informs {
        return blocked(
            if case.kind == CaseKind::Vernietiging && case.said_yes(StepId::SignalenMishandeling) {
                Block::AbuseSignals
            } else {
                Block::NotAuthorised
            },
        );
    }
    kind_bars_grant(case, decision, today)
}

/// The rules of a kind that bar a grant whatever the authority: abuse signals or a duty to
/// keep against destruction, an uncorrected judgement, a legal basis that excludes
/// portability or objection.
fn kind_bars_grant(case: &Case, decision: Decision, today: NaiveDate) -> Result<(), Refusal> {
    match case.kind {
        CaseKind::Vernietiging if abuse_bars_destruction(case, today) => {
            blocked(Block::AbuseSignals)
        }
        CaseKind::Vernietiging
            if decision == Decision::Toegewezen && keep_duty_or_interest(case) =>
        {
            blocked(Block::KeepDutyBarsFullDestruction)
        }
        CaseKind::Rectificatie
            if decision == Decision::Toegewezen
                && case.chosen(StepId::SoortCorrectie) == Some(Correctie::Oordeel)
                && !case.answers.contains_key(&StepId::OordeelGecorrigeerdDoor) =>
        {
            blocked(Block::JudgementNotCorrected)
        }
        CaseKind::Overdraagbaarheid
            if case.chosen(StepId::GrondslagOverdracht)
                == Some(OverdrachtGrond::WettelijkeTaak) =>
        {
            blocked(Block::PortabilityNotApplicable)
        }
        CaseKind::Bezwaar
            if case.chosen(StepId::GrondslagVerwerking)
                == Some(VerwerkingGrond::WettelijkePlicht) =>
        {
            blocked(Block::ObjectionNotApplicable)
        }
        _ => Ok(()),
    }
}

/// WGBO 7:455 lid 2: a legal duty to keep, or a substantial interest of someone else,
/// answered yes.
pub fn keep_duty_or_interest(case: &Case) -> bool {
    case.kind == CaseKind::Vernietiging
        && (case.said_yes(StepId::Bewaarplicht) || case.said_yes(StepId::BelangAnder))
}

/// KNMG-meldcode: with signs of abuse or domestic violence, destroy only when the young person
/// is at least 16 and wilsbekwaam.
fn abuse_bars_destruction(case: &Case, today: NaiveDate) -> bool {
    if !case.said_yes(StepId::SignalenMishandeling) {
        return false;
    }
    let age = case
        .request
        .as_ref()
        .map_or(0, |r| age_on(r.child.birth_date, today));
    !(age >= 16 && case.yes_no_choice(StepId::Wilsbekwaam) == Some(true))
}

/// What closing still needs: a verzoek a decision and a sent reply (Vernietiging: the
/// destruction confirmed unless refused) and every AVG 19 recipient dealt with; a datalek its
/// assessment, the AP decision, the data-subjects decision and the measures.
pub fn may_close(case: &Case, today: NaiveDate) -> Result<(), Refusal> {
    if case.kind.is_datalek() {
        let missing = case.missing_steps(today, None);
        if !missing.is_empty() {
            return Err(Refusal::Missing(missing));
        }
        if rights::breach_notified_late_without_reason(case) {
            return blocked(Block::LateWithoutReason);
        }
        if case.chosen(StepId::ApMelding) == Some(ApBesluit::NietGemeld)
            && case.chosen(StepId::Risico) != Some(RisicoNiveau::Geen)
        {
            return blocked(Block::NotificationRequired);
        }
        return Ok(());
    }
    let Some(d) = &case.decision else {
        return Err(Refusal::NoDecision);
    };
    if case.reply_sent.is_none() {
        return blocked(Block::ReplyNotSent);
    }
    let granted = matches!(d.decision, Decision::Toegewezen | Decision::DeelsToegewezen);
    // Destroyed in the source system and at the processors, and the confirmation sent (a
    // destruction recorded before these were separate counts as all three).
    let destruction_done = case.destruction_confirmed.is_some()
        || (case.destroyed_on().is_some() && case.destruction_confirmation_sent.is_some());
    if case.kind == CaseKind::Vernietiging && granted && !destruction_done {
        return blocked(Block::DestructionNotConfirmed);
    }
    if case.recipients.iter().any(|r| r.outcome.is_none()) {
        return blocked(Block::RecipientsOpen);
    }
    Ok(())
}

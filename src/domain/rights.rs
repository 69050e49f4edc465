//! Where the case model meets the rule tables: the authority outcome of a verzoek (domain.md
//! §4) and the breach notification rules (§3.3), read from a case's facts and answers.

use crate::domain::case::CaseField;
use chrono::NaiveDate;

use super::authority::{
    Assessment, AuthorityDates, AuthorityInput, RequesterRole, Right, Toestemming, assess,
};
use super::case::{Case, Refusal, Relation};
use super::checklist::{Answer, StepId};
use super::checklist::{ApBesluit, Block, ChoiceOption, KindToestemming, RisicoNiveau};
use super::deadline::{self, amsterdam_date};

/// The authority table's verdict (domain.md §4) for a verzoek, read from its facts and its
/// intake answers, with `on` as the decision date (the child's age then governs). `None` for a
/// datalek, or when the dates are out of order.
pub fn authority(case: &Case, on: NaiveDate) -> Option<Assessment> {
    let r = case.request.as_ref()?;
    let right = Right::new(r.kind).ok()?;
    let dates = AuthorityDates::new(r.child.birth_date, r.received, on.max(r.received)).ok()?;
    let mut input = AuthorityInput::new(right, dates, role(r.requester.relation));
    input.regime = r.regime;
    input.wilsbekwaam = case.yes_no_choice(StepId::Wilsbekwaam);
    input.child_consent = match case.chosen(StepId::ToestemmingKind) {
        Some(KindToestemming::Gegeven) => Toestemming::Gegeven,
        Some(KindToestemming::Schriftelijk) => Toestemming::Schriftelijk,
        Some(KindToestemming::Geen) | None => Toestemming::Geen,
    };
    input.wgbo_oordeel_geen_bezwaar = case.said_yes(StepId::OordeelGeenBezwaar);
    input.jeugdwet_schaadt_hulpverlening = yes_no(case, StepId::OordeelSchaadtHulp);
    input.signalen_mishandeling = yes_no(case, StepId::SignalenMishandeling);
    input.vertegenwoordiger_schriftelijke_toestemming =
        case.said_yes(StepId::ToestemmingRechthebbende);
    Some(assess(&input))
}

fn yes_no(case: &Case, step: StepId) -> Option<bool> {
    match case.answers.get(&step).map(|a| &a.answer) {
        Some(Answer::YesNo(b)) => Some(*b),
        _ => None,
    }
}

/// The authority table's name for the requester's relation.
pub fn role(relation: Relation) -> RequesterRole {
    match relation {
        Relation::Zelf => RequesterRole::Jeugdige,
        Relation::OuderMetGezag => RequesterRole::OuderMetGezag,
        Relation::Voogd => RequesterRole::Voogd,
        Relation::CuratorMentor => RequesterRole::CuratorOfMentor,
        Relation::OuderZonderGezag => RequesterRole::OuderZonderGezag,
        Relation::Pleegouder => RequesterRole::Pleegouder,
        Relation::Gezinsvoogd => RequesterRole::Gezinsvoogd,
        Relation::Derde => RequesterRole::Derde,
        Relation::Gemachtigde => RequesterRole::Gemachtigde,
    }
}

/// The 72-hour deadline of a datalek (from the earlier of own awareness and the processor's
/// notice).
pub fn breach_deadline(case: &Case) -> Option<chrono::DateTime<chrono::Utc>> {
    let b = case.breach.as_ref()?;
    deadline::breach_deadline(b.aware_at, b.processor_notice_at).ok()
}

/// Whether the AP was notified after 72 hours without a recorded reason for the delay
/// (AVG 33(1): a late notification must give its reasons).
pub fn breach_notified_late_without_reason(case: &Case) -> bool {
    let (Some(due), Some(Answer::Instant(at))) = (
        breach_deadline(case),
        case.answers.get(&StepId::ApGemeldOp).map(|r| &r.answer),
    ) else {
        return false;
    };
    *at > due && !case.answers.contains_key(&StepId::RedenVertraging)
}

/// A notification after 72 hours needs the delay's category beside its reason (issue 21: the
/// yearly report counts late notifications per category). Checked when the notification is
/// recorded, not on replay: a notification recorded before the category existed stays valid.
pub fn check_late_category(case: &Case, answer: &Answer) -> Result<(), Refusal> {
    match (breach_deadline(case), answer) {
        (Some(due), Answer::Instant(at))
            if *at > due && !case.answers.contains_key(&StepId::CategorieVertraging) =>
        {
            Err(Refusal::Blocked(Block::LateWithoutCategory))
        }
        _ => Ok(()),
    }
}

/// When the AP was notified of a breach, as recorded (none while not notified, or when the
/// reasoned decision was not to notify).
pub fn ap_notified_at(case: &Case) -> Option<chrono::DateTime<chrono::Utc>> {
    match case.chosen(StepId::ApMelding) {
        Some(ApBesluit::Gemeld) => match case.answers.get(&StepId::ApGemeldOp).map(|r| &r.answer) {
            Some(Answer::Instant(at)) => Some(*at),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a breach's notification duty is done: notified, or a reasoned decision not to.
pub fn breach_duty_done(case: &Case) -> bool {
    breach_duty_met(case).is_some()
}

/// When a breach's notification duty was met: the notification's instant as recorded, or the
/// moment the reasoned decision not to notify was recorded.
pub fn breach_duty_met(case: &Case) -> Option<chrono::DateTime<chrono::Utc>> {
    match case.chosen(StepId::ApMelding) {
        Some(ApBesluit::Gemeld) => match case.answers.get(&StepId::ApGemeldOp).map(|r| &r.answer) {
            Some(Answer::Instant(at)) => Some(*at),
            _ => None,
        },
        // Under vier ogen the decision not to notify is taken at its approval (issue 22).
        Some(ApBesluit::NietGemeld) => case
            .answers
            .get(&StepId::RedenNietMelden)
            .and_then(|r| case.not_notifying_taken_at(r.at)),
        None => None,
    }
}

/// The notification rules checked when a datalek step is answered (AVG 33): the AP may be left
/// unnotified only when the risk is assessed as none, and a notification after 72 hours is
/// refused until the reason for the delay is recorded.
pub fn check_breach_answer(case: &Case, step: StepId, answer: &Answer) -> Result<(), Refusal> {
    match (step, answer) {
        (StepId::ApMelding, Answer::Choice(c))
            if ApBesluit::from_slug(c) == Some(ApBesluit::NietGemeld)
                && case.chosen(StepId::Risico) != Some(RisicoNiveau::Geen) =>
        {
            Err(Refusal::Blocked(Block::NotificationRequired))
        }
        (StepId::Risico, Answer::Choice(c))
            if RisicoNiveau::from_slug(c) != Some(RisicoNiveau::Geen)
                && case.chosen(StepId::ApMelding) == Some(ApBesluit::NietGemeld) =>
        {
            Err(Refusal::Blocked(Block::NotificationRequired))
        }
        // The incident began before (or when) the organisation became aware of it, and ended
        // after it began: the AP form's timeline must be consistent.
        (StepId::IncidentBegin, Answer::Date(d)) => match case.breach.as_ref() {
            Some(b) if *d > amsterdam_date(b.aware_at) => {
                Err(Refusal::Blocked(Block::IncidentAfterAwareness))
            }
            _ => Ok(()),
        },
        (StepId::IncidentEinde, Answer::Date(d)) => {
            match case.answers.get(&StepId::IncidentBegin).map(|a| &a.answer) {
                Some(Answer::Date(begin)) if d < begin => Err(Refusal::TooEarly(CaseField::Answer)),
                _ => Ok(()),
            }
        }
        (StepId::ApGemeldOp, Answer::Instant(at))
            if case.breach.as_ref().is_some_and(|b| *at < b.aware_at) =>
        {
            Err(Refusal::Blocked(Block::NotifiedBeforeAwareness))
        }
        (StepId::ApGemeldOp, Answer::Instant(at)) => match breach_deadline(case) {
            Some(due) if *at > due && !case.answers.contains_key(&StepId::RedenVertraging) => {
                Err(Refusal::Blocked(Block::LateWithoutReason))
            }
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

//! Where the case model meets the rule tables: the authority outcome of a verzoek (domain.md
//! §4) and the breach notification rules (§3.3), read from a case's facts and answers.

use super::case::Case;
use super::checklist::{Answer, StepId};
use super::deadline;

/// Whether the authority rules refuse this requester for this right on `today` (the decision
/// date: the child's age then governs).
pub fn refuses(_case: &Case, _today: chrono::NaiveDate) -> bool {
    // Replaced by the authority table when `domain::authority` lands (same session).
    false
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

/// Whether a breach's notification duty is done: notified, or a reasoned decision not to.
pub fn breach_duty_done(case: &Case) -> bool {
    match case.choice(StepId::ApMelding) {
        Some("gemeld") => case.answers.contains_key(&StepId::ApGemeldOp),
        Some("niet_gemeld") => case.answers.contains_key(&StepId::RedenNietMelden),
        _ => false,
    }
}

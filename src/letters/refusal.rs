//! The refusal check: a letter the law would find wanting (no organisation name or type, no FG
//! contact, no decision, no recorded extension, a datalek, an ended case, a refusal without the
//! letter's own explanation, an answer by post without a postal address) is refused before
//! anything is rendered.

use super::{LetterError, LetterKind};
use crate::config::Organisatie;
use crate::domain::Case;
use crate::domain::case::{Ending, ReplyMethod};

/// Refuses a letter that would be wrong, naming what is missing. [`render`](super::render)
/// calls it first; the app may call it to grey out a letter it cannot make.
pub fn check(kind: LetterKind, case: &Case, org: &Organisatie) -> Result<(), LetterError> {
    if case.kind.is_datalek() || case.request.is_none() {
        return Err(LetterError::NotAVerzoek);
    }
    if matches!(
        case.ending,
        Some(Ending::Ingetrokken { .. } | Ending::Vervallen { .. })
    ) {
        return Err(LetterError::Ended);
    }
    let mut missing = Vec::new();
    if org.naam.is_none() {
        missing.push("organisatie.naam");
    }
    if org.org_type.is_none() {
        missing.push("organisatie.type");
    }
    if org.fg_contact.is_none() {
        missing.push("organisatie.fg_contact");
    }
    if !missing.is_empty() {
        return Err(LetterError::MissingSettings(missing));
    }
    if let Some(r) = &case.request
        && r.reply_method() == ReplyMethod::Post
        && r.requester.address.trim().is_empty()
    {
        return Err(LetterError::NoPostalAddress);
    }
    match kind {
        LetterKind::Ontvangstbevestiging => {}
        // AVG 18(3): the requester is told before a restriction in force is lifted.
        LetterKind::AankondigingOpheffing => {
            if case.kind != crate::domain::CaseKind::Beperking || !case.restriction_in_force() {
                return Err(LetterError::NoRestrictionInForce);
            }
        }
        LetterKind::Verlenging => match &case.extension {
            None if !case.kind.may_extend() => return Err(LetterError::NotExtendable(case.kind)),
            None => return Err(LetterError::NotExtended),
            Some(x) if x.explanation.trim().is_empty() => {
                return Err(LetterError::ExtensionWithoutReason);
            }
            Some(_) => {}
        },
        LetterKind::Besluit => match &case.decision {
            None => return Err(LetterError::NoDecision),
            Some(d) if d.decision.needs_reason() && d.reason.trim().is_empty() => {
                return Err(LetterError::DecisionWithoutReason(d.decision));
            }
            Some(d)
                if d.decision.needs_reason()
                    && d.explanation.as_deref().is_none_or(|e| e.trim().is_empty()) =>
            {
                return Err(LetterError::NoLetterExplanation(d.decision));
            }
            Some(_) => {}
        },
    }
    Ok(())
}

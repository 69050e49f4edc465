//! Correcting a registered fact (issue 18 point 2): an audited change of what was registered
//! (receipt date, channel, requester, relation, contact, postal address, child, birth date; a
//! datalek's aware moment, processor notice, nature), with a required reason. The event holds
//! the old and the new value; deadlines, authority and the list follow from the facts, so they
//! are recomputed at once.
//!
//! A correction that would make an earlier recorded decision unlawful (the child is now 16 and
//! a parent's request was granted; the receipt date moves the first month so an extension
//! came too late) is refused until the handler confirms it (`review` on the event): the
//! decision is kept and the case is flagged for review. A correction that moves a deadline is
//! recorded as such, so the FG can list them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{BreachNature, Case, CaseField, Channel, Refusal, Relation, ReplyMethod, RequestFacts};
use crate::domain::checklist;
use crate::domain::deadline::{self, amsterdam_date};
use crate::domain::rights;

/// A registered fact, without its value: what the correction prompt offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactField {
    /// A verzoek's date of receipt.
    Received,
    /// How the verzoek arrived.
    Channel,
    /// The requester's name.
    Requester,
    /// The requester's relation to the child.
    Relation,
    /// The requester's contact details.
    Contact,
    /// The postal address.
    Address,
    /// The child's name.
    Child,
    /// The child's date of birth.
    BirthDate,
    /// A datalek: when the organisation became aware.
    AwareAt,
    /// A datalek: when a processor told the organisation.
    ProcessorNotice,
    /// A datalek: what happened.
    Nature,
}

impl FactField {
    /// The facts of a verzoek that can be corrected, in the prompt's order.
    pub const VERZOEK: [FactField; 8] = [
        FactField::Received,
        FactField::Channel,
        FactField::Requester,
        FactField::Relation,
        FactField::Contact,
        FactField::Address,
        FactField::Child,
        FactField::BirthDate,
    ];
    /// The facts of a datalek that can be corrected, in the prompt's order.
    pub const DATALEK: [FactField; 3] = [
        FactField::AwareAt,
        FactField::ProcessorNotice,
        FactField::Nature,
    ];

    /// The facts of this case that can be corrected.
    pub fn of(case: &Case) -> &'static [FactField] {
        if case.breach.is_some() {
            &Self::DATALEK
        } else {
            &Self::VERZOEK
        }
    }
}

/// A correction: the fact, its old value and its new one. The journal's wire format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", rename_all = "snake_case", deny_unknown_fields)]
pub enum Correction {
    /// The date of receipt.
    Received {
        /// As registered.
        from: NaiveDate,
        /// As corrected.
        to: NaiveDate,
    },
    /// The channel.
    Channel {
        /// As registered.
        from: Channel,
        /// As corrected.
        to: Channel,
    },
    /// The requester's name.
    Requester {
        /// As registered.
        from: String,
        /// As corrected.
        to: String,
    },
    /// The relation to the child.
    Relation {
        /// As registered.
        from: Relation,
        /// As corrected.
        to: Relation,
    },
    /// The contact details.
    Contact {
        /// As registered.
        from: String,
        /// As corrected.
        to: String,
    },
    /// The postal address.
    Address {
        /// As registered.
        from: String,
        /// As corrected.
        to: String,
    },
    /// The child's name.
    Child {
        /// As registered.
        from: String,
        /// As corrected.
        to: String,
    },
    /// The child's date of birth.
    BirthDate {
        /// As registered.
        from: NaiveDate,
        /// As corrected.
        to: NaiveDate,
    },
    /// A datalek's moment of awareness.
    AwareAt {
        /// As registered.
        from: DateTime<Utc>,
        /// As corrected.
        to: DateTime<Utc>,
    },
    /// A datalek's processor notice (none: no processor told the organisation).
    ProcessorNotice {
        /// As registered.
        from: Option<DateTime<Utc>>,
        /// As corrected.
        to: Option<DateTime<Utc>>,
    },
    /// A datalek's nature.
    Nature {
        /// As registered.
        from: BreachNature,
        /// As corrected.
        to: BreachNature,
    },
}

impl Correction {
    /// The fact corrected.
    pub fn field(&self) -> FactField {
        match self {
            Correction::Received { .. } => FactField::Received,
            Correction::Channel { .. } => FactField::Channel,
            Correction::Requester { .. } => FactField::Requester,
            Correction::Relation { .. } => FactField::Relation,
            Correction::Contact { .. } => FactField::Contact,
            Correction::Address { .. } => FactField::Address,
            Correction::Child { .. } => FactField::Child,
            Correction::BirthDate { .. } => FactField::BirthDate,
            Correction::AwareAt { .. } => FactField::AwareAt,
            Correction::ProcessorNotice { .. } => FactField::ProcessorNotice,
            Correction::Nature { .. } => FactField::Nature,
        }
    }

    /// Whether the old and the new value are the same (nothing to correct).
    fn unchanged(&self) -> bool {
        match self {
            Correction::Received { from, to } | Correction::BirthDate { from, to } => from == to,
            Correction::Channel { from, to } => from == to,
            Correction::Relation { from, to } => from == to,
            Correction::Requester { from, to }
            | Correction::Contact { from, to }
            | Correction::Address { from, to }
            | Correction::Child { from, to } => from == to,
            Correction::AwareAt { from, to } => from == to,
            Correction::ProcessorNotice { from, to } => from == to,
            Correction::Nature { from, to } => from == to,
        }
    }
}

/// What a correction would make unlawful in what was recorded before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Conflict {
    /// The recorded decision would no longer be allowed on the corrected facts (the authority
    /// table, a step that now shows): the decision is kept, the case flagged for review.
    Decision,
    /// The extension's notice now lies after the first month (AVG 12(3)).
    Extension,
}

/// A correction as recorded on the case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionRecord {
    /// The fact, old and new value.
    pub correction: Correction,
    /// Why; required.
    pub reason: String,
    /// Who corrected it.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
    /// Whether it moved a legal deadline (the FG lists these).
    #[serde(default)]
    pub moved_deadline: bool,
    /// What it made unlawful and the handler confirmed (the case is then flagged for review).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// A case's legal deadlines as a correction may move them: the answer and destruction dates of
/// a verzoek, the 72-hour mark of a datalek.
type Deadlines = (
    Option<(NaiveDate, Option<NaiveDate>)>,
    Option<DateTime<Utc>>,
);

/// The case flagged for review after a correction the handler confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Since when (Amsterdam date).
    pub since: NaiveDate,
    /// What the correction made unlawful.
    pub conflicts: Vec<Conflict>,
}

impl Case {
    /// Whether the case is flagged for review: a correction made a recorded decision or
    /// extension unlawful and was confirmed; cleared by a new decision.
    pub fn needs_review(&self) -> bool {
        self.review.is_some()
    }

    /// The corrections that moved a legal deadline (for the FG's overview and export).
    pub fn deadline_corrections(&self) -> impl Iterator<Item = &CorrectionRecord> {
        self.corrections.iter().filter(|c| c.moved_deadline)
    }

    /// The case's legal deadlines, to see whether a correction moves one: the answer and
    /// destruction dates of a verzoek, the 72-hour mark of a datalek.
    fn deadlines(&self) -> Deadlines {
        let dates = self.request.as_ref().and_then(|r| {
            deadline::legal_dates(r.kind, r.received, self.extension.is_some())
                .ok()
                .map(|d| (d.answer, d.destruction))
        });
        (dates, rights::breach_deadline(self))
    }

    /// What the corrected case (`self`) makes unlawful that the case before (`before`) did
    /// not: the recorded decision on its date, the extension's notice.
    pub fn conflicts_after(&self, before: &Case) -> Vec<Conflict> {
        let mut out = Vec::new();
        if let Some(d) = &self.decision {
            let was = checklist::may_decide(before, d.decision, d.on).is_ok();
            let is = checklist::may_decide(self, d.decision, d.on).is_ok();
            if was && !is {
                out.push(Conflict::Decision);
            }
        }
        let late = |c: &Case| {
            let (Some(e), Some(r)) = (&c.extension, c.received()) else {
                return false;
            };
            deadline::extension_notice_deadline(c.kind, r).is_ok_and(|last| e.notice_sent > last)
        };
        if late(self) && !late(before) {
            out.push(Conflict::Extension);
        }
        out
    }

    /// A datalek's fact: its aware moment and processor notice cannot lie in the future.
    fn correct_breach(
        &mut self,
        correction: &Correction,
        at: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        match correction {
            Correction::AwareAt { from, to } => {
                let b = self.breach.as_mut().ok_or(Refusal::NotForKind)?;
                if b.aware_at != *from {
                    return Err(Refusal::CorrectionStale);
                }
                if *to > at {
                    return Err(Refusal::InFuture(CaseField::AwareAt));
                }
                b.aware_at = *to;
            }
            Correction::ProcessorNotice { from, to } => {
                let b = self.breach.as_mut().ok_or(Refusal::NotForKind)?;
                if b.processor_notice_at != *from {
                    return Err(Refusal::CorrectionStale);
                }
                if to.is_some_and(|t| t > at) {
                    return Err(Refusal::InFuture(CaseField::ProcessorNoticeAt));
                }
                b.processor_notice_at = *to;
            }
            Correction::Nature { from, to } => {
                let b = self.breach.as_mut().ok_or(Refusal::NotForKind)?;
                if b.nature != *from {
                    return Err(Refusal::CorrectionStale);
                }
                b.nature = *to;
            }
            _ => return Err(Refusal::NotForKind),
        }
        Ok(())
    }

    /// Applies a correction (see the module documentation). `gated`: a new change, whose
    /// conflicts must have been confirmed (`review`).
    pub(super) fn apply_correction(
        &mut self,
        correction: &Correction,
        reason: &str,
        review: bool,
        by: &str,
        at: DateTime<Utc>,
        gated: bool,
    ) -> Result<(), Refusal> {
        if reason.trim().is_empty() {
            return Err(Refusal::Required(CaseField::Reason));
        }
        if correction.unchanged() {
            return Err(Refusal::CorrectionUnchanged);
        }
        let today = amsterdam_date(at);
        let before = self.clone();
        match correction {
            Correction::AwareAt { .. }
            | Correction::ProcessorNotice { .. }
            | Correction::Nature { .. } => self.correct_breach(correction, at)?,
            Correction::Received { .. } | Correction::BirthDate { .. } => {
                let r = self.request.as_mut().ok_or(Refusal::NotForKind)?;
                correct_request_date(r, correction, today, gated)?;
            }
            _ => {
                let r = self.request.as_mut().ok_or(Refusal::NotForKind)?;
                correct_request_party(r, correction)?;
            }
        }
        let conflicts = self.conflicts_after(&before);
        if gated && !conflicts.is_empty() && !review {
            return Err(Refusal::CorrectionConflicts(conflicts));
        }
        if !conflicts.is_empty() {
            self.review = Some(Review {
                since: today,
                conflicts: conflicts.clone(),
            });
        }
        let moved_deadline = self.deadlines() != before.deadlines();
        self.corrections.push(CorrectionRecord {
            correction: correction.clone(),
            reason: reason.to_string(),
            by: by.to_string(),
            at,
            moved_deadline,
            conflicts,
        });
        Ok(())
    }
}

fn required(text: &str, field: CaseField) -> Result<(), Refusal> {
    if text.trim().is_empty() {
        Err(Refusal::Required(field))
    } else {
        Ok(())
    }
}

/// The receipt date and the birth date: each bounded by today and by the other (a request
/// cannot arrive before the child was born).
fn correct_request_date(
    r: &mut RequestFacts,
    correction: &Correction,
    today: NaiveDate,
    gated: bool,
) -> Result<(), Refusal> {
    match correction {
        Correction::Received { from, to } => {
            if r.received != *from {
                return Err(Refusal::CorrectionStale);
            }
            if *to > today {
                return Err(Refusal::InFuture(CaseField::Received));
            }
            if *to < r.child.birth_date {
                return Err(Refusal::TooEarly(CaseField::Received));
            }
            r.received = *to;
        }
        Correction::BirthDate { from, to } => {
            if r.child.birth_date != *from {
                return Err(Refusal::CorrectionStale);
            }
            if *to > today {
                return Err(Refusal::InFuture(CaseField::BirthDate));
            }
            if gated && *to < super::EARLIEST_BIRTH {
                return Err(Refusal::TooEarly(CaseField::BirthDate));
            }
            if r.received < *to {
                return Err(Refusal::TooEarly(CaseField::Received));
            }
            r.child.birth_date = *to;
        }
        _ => return Err(Refusal::NotForKind),
    }
    Ok(())
}

/// Who asked, how, and for which child: the address only when the answer goes by post.
fn correct_request_party(r: &mut RequestFacts, correction: &Correction) -> Result<(), Refusal> {
    match correction {
        Correction::Channel { from, to } => {
            if r.channel != *from {
                return Err(Refusal::CorrectionStale);
            }
            // A reply method taken from the channel would now go another way:
            // post needs an address.
            if r.reply.is_none()
                && ReplyMethod::for_channel(*to) == ReplyMethod::Post
                && r.requester.address.trim().is_empty()
            {
                return Err(Refusal::Required(CaseField::Address));
            }
            r.channel = *to;
        }
        Correction::Requester { from, to } => {
            if r.requester.name != *from {
                return Err(Refusal::CorrectionStale);
            }
            required(to, CaseField::Requester)?;
            r.requester.name = to.clone();
        }
        Correction::Relation { from, to } => {
            if r.requester.relation != *from {
                return Err(Refusal::CorrectionStale);
            }
            r.requester.relation = *to;
        }
        Correction::Contact { from, to } => {
            if r.requester.contact != *from {
                return Err(Refusal::CorrectionStale);
            }
            r.requester.contact = to.clone();
        }
        Correction::Address { from, to } => {
            if r.requester.address != *from {
                return Err(Refusal::CorrectionStale);
            }
            // An address only when the answer goes by post (data minimisation).
            if r.reply_method() == ReplyMethod::Post {
                required(to, CaseField::Address)?;
            } else if !to.trim().is_empty() {
                return Err(Refusal::NotNeeded(CaseField::Address));
            }
            r.requester.address = to.clone();
        }
        Correction::Child { from, to } => {
            if r.child.name != *from {
                return Err(Refusal::CorrectionStale);
            }
            required(to, CaseField::Child)?;
            r.child.name = to.clone();
        }
        _ => return Err(Refusal::NotForKind),
    }
    Ok(())
}

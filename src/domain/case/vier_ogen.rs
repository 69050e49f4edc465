//! A team's way of working on one case (issue 22, domain.md §8): its behandelaar, the second
//! pair of eyes on a decision that hurts a family when wrong, and the FG's advice.
//!
//! A proposal is recorded on the case with the decision it is about; only an approval by
//! someone else, given on the case as it then stands, lets the letter and the reply go out.
//! A later change to the facts, the answers or the decision voids that approval, because the
//! approver judged a case that no longer exists.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Case, CaseField, Decision, Refusal};
use crate::domain::checklist::{ApBesluit, ChoiceOption, StepId};
use crate::domain::deadline;
use crate::domain::kind::CaseKind;
use crate::domain::letter::LetterKind;

/// What a second handler approves: the decision, the extension, or not notifying the AP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The decision on a verzoek.
    Besluit,
    /// The extension of the answer period (AVG 12(3)).
    Verlenging,
    /// A datalek: the decision not to notify the AP (AVG 33(1)).
    NietMelden,
}

/// Where a proposal stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "is", rename_all = "snake_case")]
pub enum ProposalState {
    /// Awaiting a second handler.
    Voorgesteld,
    /// Approved by a second handler on the case version `version`.
    Goedgekeurd {
        /// Who approved.
        by: String,
        /// When.
        at: DateTime<Utc>,
        /// The case's version the approval was given on.
        version: u64,
        /// Given on a register whose users are names typed at start: nobody proved who
        /// approved ("niet geverifieerd").
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        niet_geverifieerd: bool,
    },
    /// Sent back to the proposer with a reason: the proposer records it anew.
    Teruggestuurd {
        /// Who sent it back.
        by: String,
        /// When.
        at: DateTime<Utc>,
        /// Why.
        reason: String,
    },
}

/// A decision proposed under vier ogen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// Who proposed it (never its approver).
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
    /// Where it stands.
    pub state: ProposalState,
}

impl Proposal {
    /// Whether a second handler approved it (and nothing voided that since).
    pub fn approved(&self) -> bool {
        matches!(self.state, ProposalState::Goedgekeurd { .. })
    }

    /// Whether it waits for a second handler.
    pub fn awaiting(&self) -> bool {
        self.state == ProposalState::Voorgesteld
    }
}

/// The FG's advice on a case, and what the handler did with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advice {
    /// The FG who gave it.
    pub by: String,
    /// The date of the advice.
    pub on: NaiveDate,
    /// The advice.
    pub text: String,
    /// The handler's answer, once recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<AdviceResponse>,
}

/// Whether the handler followed the FG's advice, and if not, why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdviceResponse {
    /// Followed.
    pub followed: bool,
    /// Why not (required when not followed).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    /// Who recorded it.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// The advice of a case by the seq of the line that gave it: applying a line twice (a replay)
/// gives the same record.
pub type AdviceBook = BTreeMap<u64, Advice>;

impl Case {
    /// The case's behandelaar: the one assigned, else the one who registered it.
    pub fn behandelaar(&self) -> &str {
        self.handler.as_deref().unwrap_or(&self.registered_by)
    }

    /// The proposal of `subject`, if one is recorded.
    pub fn proposal(&self, subject: Subject) -> Option<&Proposal> {
        self.vier_ogen.get(&subject)
    }

    /// Whether a recorded proposal still waits for its approval (or was sent back): then its
    /// letter, reply or effect waits.
    pub fn unapproved(&self, subject: Subject) -> bool {
        self.proposal(subject).is_some_and(|p| !p.approved())
    }

    /// Whether any proposal waits for a second handler.
    pub fn awaiting_approval(&self) -> bool {
        self.vier_ogen.values().any(Proposal::awaiting)
    }

    /// Whether the answer period is extended: recorded, and approved where it was proposed. A
    /// proposed extension moves no deadline: the first month keeps running.
    pub fn extended(&self) -> bool {
        self.extension.is_some() && !self.unapproved(Subject::Verlenging)
    }

    /// The letter `letter` waits for an approval: a decision letter for the decision's, an
    /// extension notice for the extension's.
    pub fn letter_waits(&self, letter: LetterKind) -> Result<(), Refusal> {
        let subject = match letter {
            LetterKind::Besluit => Subject::Besluit,
            LetterKind::Verlenging => Subject::Verlenging,
            LetterKind::Ontvangstbevestiging | LetterKind::AankondigingOpheffing => return Ok(()),
        };
        if self.unapproved(subject) {
            return Err(Refusal::AwaitingApproval(subject));
        }
        Ok(())
    }

    /// Records a proposal of `subject` by the stamp's user, replacing an earlier one.
    pub(super) fn propose(&mut self, subject: Subject, by: &str, at: DateTime<Utc>) {
        self.vier_ogen.insert(
            subject,
            Proposal {
                by: by.to_owned(),
                at,
                state: ProposalState::Voorgesteld,
            },
        );
    }

    /// A change to the facts, the answers or the decision voids the approvals given on the
    /// case before it (the approver judged the case as it then stood). An approved extension
    /// stays: its notice went out within the first month and cannot be approved again after.
    pub(super) fn void_approvals(&mut self) {
        for (subject, p) in &mut self.vier_ogen {
            if *subject != Subject::Verlenging && p.approved() {
                p.state = ProposalState::Voorgesteld;
            }
        }
    }

    /// Approves the proposal of `subject`: by someone other than the proposer, on the version
    /// the approver saw, and an extension only within the first month.
    pub(super) fn approve(
        &mut self,
        subject: Subject,
        version: u64,
        niet_geverifieerd: bool,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        let today = deadline::amsterdam_date(at);
        let current = self.last_seq;
        let first_month = match (subject, self.request.as_ref()) {
            (Subject::Verlenging, Some(r)) => {
                Some(deadline::extension_notice_deadline(self.kind, r.received))
            }
            _ => None,
        };
        let Some(p) = self.vier_ogen.get_mut(&subject) else {
            return Err(Refusal::NothingProposed(subject));
        };
        if !p.awaiting() {
            return Err(Refusal::NothingProposed(subject));
        }
        if p.by == by {
            return Err(Refusal::SelfApproval);
        }
        if version != current {
            return Err(Refusal::ApprovalStale);
        }
        if let Some(last) = first_month {
            let last = last.map_err(|_| Refusal::NotForKind)?;
            if today > last {
                return Err(Refusal::ExtensionTooLate);
            }
        }
        p.state = ProposalState::Goedgekeurd {
            by: by.to_owned(),
            at,
            version,
            niet_geverifieerd,
        };
        Ok(())
    }

    /// Sends the proposal of `subject` back with a reason. A sent-back extension is taken off
    /// the case, so that the handler may propose another.
    pub(super) fn send_back(
        &mut self,
        subject: Subject,
        reason: &str,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        if reason.trim().is_empty() {
            return Err(Refusal::Required(CaseField::Reason));
        }
        let Some(p) = self.vier_ogen.get_mut(&subject) else {
            return Err(Refusal::NothingProposed(subject));
        };
        if !p.awaiting() {
            return Err(Refusal::NothingProposed(subject));
        }
        if p.by == by {
            return Err(Refusal::SelfApproval);
        }
        p.state = ProposalState::Teruggestuurd {
            by: by.to_owned(),
            at,
            reason: reason.to_owned(),
        };
        if subject == Subject::Verlenging {
            self.extension = None;
        }
        Ok(())
    }

    /// Reassigns the case; the name must be given and differ from the current one.
    pub(super) fn assign(&mut self, handler: &str) -> Result<(), Refusal> {
        let handler = handler.trim();
        if handler.is_empty() {
            return Err(Refusal::Required(CaseField::Handler));
        }
        if handler == self.behandelaar() {
            return Err(Refusal::NotNeeded(CaseField::Handler));
        }
        self.handler = Some(handler.to_owned());
        Ok(())
    }

    /// Records the FG's advice of the line `seq`.
    pub(super) fn give_advice(
        &mut self,
        seq: u64,
        text: &str,
        on: NaiveDate,
        by: &str,
        today: NaiveDate,
    ) -> Result<(), Refusal> {
        if text.trim().is_empty() {
            return Err(Refusal::Required(CaseField::Advice));
        }
        if on > today {
            return Err(Refusal::InFuture(CaseField::On));
        }
        self.advice.insert(
            seq,
            Advice {
                by: by.to_owned(),
                on,
                text: text.to_owned(),
                response: None,
            },
        );
        Ok(())
    }

    /// Records whether the advice of line `advice` was followed; not followed needs a reason.
    pub(super) fn answer_advice(
        &mut self,
        advice: u64,
        followed: bool,
        why: &str,
        by: &str,
        at: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        if !followed && why.trim().is_empty() {
            return Err(Refusal::Required(CaseField::Reason));
        }
        let Some(a) = self.advice.get_mut(&advice) else {
            return Err(Refusal::NoAdvice);
        };
        a.response = Some(AdviceResponse {
            followed,
            why: why.to_owned(),
            by: by.to_owned(),
            at,
        });
        Ok(())
    }

    /// The moment the decision not to notify the AP counts as taken: under vier ogen its
    /// approval, else when its reasons were recorded. `None` while it waits.
    pub fn not_notifying_taken_at(&self, reasons_at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self.proposal(Subject::NietMelden) {
            None => Some(reasons_at),
            Some(Proposal {
                state: ProposalState::Goedgekeurd { at, .. },
                ..
            }) => Some(reasons_at.max(*at)),
            Some(_) => None,
        }
    }
}

/// Which decision types need a second pair of eyes (the config's `vier_ogen.besluiten`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionType {
    /// A refusal.
    Afgewezen,
    /// A partial grant.
    DeelsToegewezen,
    /// Not admissible.
    NietOntvankelijk,
    /// An extension of the answer period.
    Verlenging,
    /// A datalek not notified to the AP.
    DatalekNietMelden,
    /// A refused destruction (a Vernietiging refused).
    VernietigingGeweigerd,
}

impl DecisionType {
    /// Every type, the defaults.
    pub const ALL: [DecisionType; 6] = [
        DecisionType::Afgewezen,
        DecisionType::DeelsToegewezen,
        DecisionType::NietOntvankelijk,
        DecisionType::Verlenging,
        DecisionType::DatalekNietMelden,
        DecisionType::VernietigingGeweigerd,
    ];

    /// The type of a decision on a case of `kind`; toegewezen has none (it needs no approval).
    pub fn of_decision(kind: CaseKind, d: Decision) -> Option<DecisionType> {
        match (kind, d) {
            (_, Decision::Toegewezen) => None,
            (CaseKind::Vernietiging, Decision::Afgewezen) => {
                Some(DecisionType::VernietigingGeweigerd)
            }
            (_, Decision::Afgewezen) => Some(DecisionType::Afgewezen),
            (_, Decision::DeelsToegewezen) => Some(DecisionType::DeelsToegewezen),
            (_, Decision::NietOntvankelijk) => Some(DecisionType::NietOntvankelijk),
        }
    }

    /// The type an answer makes a proposal of: answering the AP question with "niet gemeld".
    pub fn of_answer(step: StepId, answer: &crate::domain::checklist::Answer) -> Option<Self> {
        match (step, answer) {
            (StepId::ApMelding, crate::domain::checklist::Answer::Choice(c))
                if ApBesluit::from_slug(c) == Some(ApBesluit::NietGemeld) =>
            {
                Some(DecisionType::DatalekNietMelden)
            }
            _ => None,
        }
    }
}

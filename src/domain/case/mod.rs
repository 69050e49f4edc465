//! The case model and `Case::apply`, the one way a case changes.
//!
//! A case holds facts (what was registered, answered, decided, sent); its status and its
//! deadlines are derived from them, never stored apart, so they can't disagree.
//!
//! - `facts` — what is registered: the facts of a verzoek or a datalek.
//! - `handling` — what is recorded while a case is handled: waiting, extension, decision,
//!   recipients, ending.
//! - `status` — the status a case shows, derived from those facts.
//! - `refusal` — why the domain refuses an event.
//! - `apply` — `Case::register` and `Case::apply`: how a case comes to be and changes.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::checklist::{self, AnswerRecord};
use super::kind::{CaseId, CaseKind};

mod apply;
pub use apply::{EARLIEST_BIRTH, NOTE_MAX, check_new};
mod correction;
pub use correction::{Conflict, Correction, CorrectionRecord, FactField, Review};
mod facts;
mod handling;
mod refusal;
mod status;
mod vier_ogen;
pub use vier_ogen::{
    Advice, AdviceBook, AdviceResponse, DecisionType, Proposal, ProposalState, Subject,
};

pub use facts::{
    BreachFacts, BreachNature, Channel, Child, Relation, ReplyMethod, RequestFacts, Requester,
    Salutation,
};
pub use handling::{
    Decision, DecisionRecord, DestructionPart, Dispute, Ending, Extension, ExtensionReason,
    Recipient, RecipientOutcome, Waiting,
};
pub use refusal::{CaseField, Refusal};
pub use status::Status;

/// The case record's format version (the journal line has its own `v`).
pub const CASE_FORMAT: u32 = 1;

/// A case: a verzoek or a datalek.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Case {
    /// The record format (`CASE_FORMAT`).
    pub format: u32,
    /// The human id.
    pub id: CaseId,
    /// The kind.
    pub kind: CaseKind,
    /// When it was registered.
    pub registered_at: DateTime<Utc>,
    /// Who registered it.
    pub registered_by: String,
    /// The journal seq of the last change applied to this case; replay skips what it has.
    pub last_seq: u64,
    /// The facts of a verzoek.
    #[serde(default)]
    pub request: Option<RequestFacts>,
    /// The facts of a datalek.
    #[serde(default)]
    pub breach: Option<BreachFacts>,
    /// Checklist answers by step.
    #[serde(default)]
    pub answers: BTreeMap<checklist::StepId, AnswerRecord>,
    /// Waiting for the requester.
    #[serde(default)]
    pub waiting: Option<Waiting>,
    /// The extension, if any.
    #[serde(default)]
    pub extension: Option<Extension>,
    /// The decision, if any.
    #[serde(default)]
    pub decision: Option<DecisionRecord>,
    /// When the reply was sent.
    #[serde(default)]
    pub reply_sent: Option<NaiveDate>,
    /// A Vernietiging: when the destruction was done.
    #[serde(default)]
    pub destruction_confirmed: Option<NaiveDate>,
    /// AVG 19 recipients.
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    /// When it was closed.
    #[serde(default)]
    pub closed: Option<NaiveDate>,
    /// How it ended without a decision.
    #[serde(default)]
    pub ending: Option<Ending>,
    /// How often it was reopened, and the last reason.
    #[serde(default)]
    pub reopened: Option<(u32, String)>,
    /// A Vernietiging: when it was destroyed in the source system.
    #[serde(default)]
    pub destroyed_in_source: Option<NaiveDate>,
    /// A Vernietiging: when it was destroyed at the processors.
    #[serde(default)]
    pub destroyed_at_processors: Option<NaiveDate>,
    /// A Vernietiging: when the confirmation was sent to the requester.
    #[serde(default)]
    pub destruction_confirmation_sent: Option<NaiveDate>,
    /// A dispute between two parents with gezag, escalated.
    #[serde(default)]
    pub dispute: Option<Dispute>,
    /// A Beperking: when the requester was told the restriction will be lifted (AVG 18(3)).
    #[serde(default)]
    pub lift_announced: Option<NaiveDate>,
    /// A Beperking: when the restriction was lifted.
    #[serde(default)]
    pub restriction_lifted: Option<NaiveDate>,
    /// Registered facts corrected since (issue 18), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<CorrectionRecord>,
    /// Flagged for review: a confirmed correction made a recorded decision or extension
    /// unlawful; cleared by a new decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// The behandelaar, once reassigned (issue 22); until then the registrant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<String>,
    /// Vier ogen (issue 22): the proposals recorded, by what they are about.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub vier_ogen: BTreeMap<Subject, Proposal>,
    /// The FG's advice (issue 22), by the seq of the line that gave it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub advice: AdviceBook,
}

impl Case {
    /// The date of receipt of a verzoek.
    pub fn received(&self) -> Option<NaiveDate> {
        self.request.as_ref().map(|r| r.received)
    }

    /// When the destruction was done (the WGBO duty): the later of the source system and the
    /// processors, or the single record written before they were separate.
    pub fn destroyed_on(&self) -> Option<NaiveDate> {
        match (self.destroyed_in_source, self.destroyed_at_processors) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => self.destruction_confirmed,
        }
    }

    /// Whether the destruction was done after the WGBO date (three months, never extended).
    pub fn destruction_late(&self) -> bool {
        let (Some(r), Some(on)) = (&self.request, self.destroyed_on()) else {
            return false;
        };
        super::deadline::destruction_deadline(self.kind, r.received).is_ok_and(|due| on > due)
    }

    /// Whether a dispute between the parents is escalated and not yet resolved.
    pub fn dispute_open(&self) -> bool {
        self.dispute.as_ref().is_some_and(|d| d.resolved.is_none())
    }

    /// Whether a Beperking's restriction is in force: marked in the source system, not refused,
    /// and not lifted.
    pub fn restriction_in_force(&self) -> bool {
        self.kind == CaseKind::Beperking
            && self.said_yes(checklist::StepId::BeperkingGemarkeerd)
            && self.restriction_lifted.is_none()
            && !self.decision.as_ref().is_some_and(|d| {
                matches!(d.decision, Decision::Afgewezen | Decision::NietOntvankelijk)
            })
            && self.ending.is_none()
    }

    /// The requester's name (a verzoek) or who reported it (a datalek): what the list shows.
    pub fn party_name(&self) -> &str {
        match (&self.request, &self.breach) {
            (Some(r), _) => &r.requester.name,
            (None, Some(b)) => &b.reported_by,
            (None, None) => "",
        }
    }
}

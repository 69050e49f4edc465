//! What is recorded while a case is handled: waiting for the requester, an extension, the
//! decision, the AVG 19 recipients, and an ending without a decision.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The ground for extending the answer period (AVG 12(3)); large effort alone is no ground.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtensionReason {
    /// The request is complex.
    Complexiteit,
    /// The number of requests.
    AantalVerzoeken,
}

/// A recorded extension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// The ground.
    pub reason: ExtensionReason,
    /// The reasons as told.
    pub explanation: String,
    /// When the requester was told.
    pub notice_sent: NaiveDate,
    /// Who recorded it.
    pub by: String,
}

/// The decision on a verzoek.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Granted.
    Toegewezen,
    /// Partly granted.
    DeelsToegewezen,
    /// Refused.
    Afgewezen,
    /// Not admissible (no authority, identity not established, ...).
    NietOntvankelijk,
}

impl Decision {
    /// Every decision, in the order the desk offers them.
    pub const ALL: [Decision; 4] = [
        Decision::Toegewezen,
        Decision::DeelsToegewezen,
        Decision::Afgewezen,
        Decision::NietOntvankelijk,
    ];

    /// A decision not (wholly) to act: it must reach the requester within the first month
    /// (AVG 12(4)) and name the remedies.
    pub fn is_refusal(self) -> bool {
        !matches!(self, Decision::Toegewezen)
    }

    /// Whether a reason must be given (everything but toegewezen).
    pub fn needs_reason(self) -> bool {
        self != Decision::Toegewezen
    }
}

/// A recorded decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// The decision.
    pub decision: Decision,
    /// The reasoning for the dossier: what the professional weighed. Never in a letter.
    pub reason: String,
    /// The explanation the letter gives; `None` on a decision recorded before privdesk asked
    /// for it (such a refusal gets no letter until it is decided again with one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// For a Vernietiging: what is kept.
    #[serde(default)]
    pub kept: String,
    /// Amsterdam date it was recorded.
    pub on: NaiveDate,
    /// Who recorded it.
    pub by: String,
}

/// Waiting for the requester; the legal date keeps running.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    /// Since when.
    pub since: NaiveDate,
    /// What is awaited.
    pub awaiting: String,
}

/// How an AVG 19 recipient was dealt with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientOutcome {
    /// Told on this date.
    Told(NaiveDate),
    /// Telling them is impossible or takes disproportionate effort (AVG 19), with the reason.
    Impossible(String),
}

/// Someone the data went to, who must be told of a rectificatie, vernietiging or beperking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    /// Who.
    pub name: String,
    /// Told, impossible, or still open (`None`).
    pub outcome: Option<RecipientOutcome>,
}

/// How a case ended without a decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "as", rename_all = "snake_case")]
pub enum Ending {
    /// Withdrawn by the requester.
    Ingetrokken {
        /// When.
        on: NaiveDate,
        /// How (by phone, by e-mail, ...).
        how: String,
    },
    /// Registered by mistake; nothing is deleted.
    Vervallen {
        /// Why; required.
        reason: String,
    },
}

/// A dispute between two parents with gezag, escalated (domain.md §4): privdesk never decides
/// it; the case cannot be decided until the escalation is recorded as resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    /// To whom it was escalated (the jeugdarts, the team lead, the FG's advice, the court).
    pub to: String,
    /// When it was escalated.
    pub since: NaiveDate,
    /// Who escalated it.
    pub by: String,
    /// When and how it was resolved, if it was.
    #[serde(default)]
    pub resolved: Option<(NaiveDate, String)>,
}

/// The parts of a destruction, each its own record (domain.md §5, §8): destroyed in the source
/// system, destroyed at the processors, and the confirmation sent to the requester.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DestructionPart {
    /// Destroyed in the source system.
    Bronsysteem,
    /// Destroyed at the processors.
    Verwerkers,
    /// The confirmation sent to the requester (not the WGBO duty).
    Bevestiging,
}

impl DestructionPart {
    /// Every part, in the order the prompt offers them.
    pub const ALL: [DestructionPart; 3] = [
        DestructionPart::Bronsysteem,
        DestructionPart::Verwerkers,
        DestructionPart::Bevestiging,
    ];
}

//! The status a case shows, derived from its facts and never stored apart.

use serde::{Deserialize, Serialize};

use super::{Case, Ending};

/// The status a case shows, derived from its facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being handled.
    Open,
    /// Reopened after it was closed or ended; being handled again.
    Heropend,
    /// Open, with the answer period extended.
    Verlengd,
    /// Waiting for the requester.
    Wachtend,
    /// Decided, not yet closed (reply, destruction or recipients outstanding).
    Besloten,
    /// Closed.
    Gesloten,
    /// Withdrawn by the requester.
    Ingetrokken,
    /// Registered by mistake.
    Vervallen,
}

impl Status {
    /// Every status, for filters.
    pub const ALL: [Status; 8] = [
        Status::Open,
        Status::Heropend,
        Status::Verlengd,
        Status::Wachtend,
        Status::Besloten,
        Status::Gesloten,
        Status::Ingetrokken,
        Status::Vervallen,
    ];

    /// Whether the case still needs work (counts as open in the list header).
    pub fn is_active(self) -> bool {
        !matches!(
            self,
            Status::Gesloten | Status::Ingetrokken | Status::Vervallen
        )
    }
}

impl Case {
    /// The status shown, derived from the facts.
    pub fn status(&self) -> Status {
        match (&self.ending, self.closed) {
            (Some(Ending::Vervallen { .. }), _) => Status::Vervallen,
            (Some(Ending::Ingetrokken { .. }), _) => Status::Ingetrokken,
            (None, Some(_)) => Status::Gesloten,
            (None, None) if self.decision.is_some() => Status::Besloten,
            (None, None) if self.waiting.is_some() => Status::Wachtend,
            (None, None) if self.extended() => Status::Verlengd,
            (None, None) if self.reopened.is_some() => Status::Heropend,
            (None, None) => Status::Open,
        }
    }
}

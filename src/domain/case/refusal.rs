//! Why the domain refused an event: one error for every rule a change can break.

use crate::domain::checklist;

/// Why the domain refused an event. The store refuses the whole change; the app shows the
/// translated text at the field or on the status line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The event is for another case, or creates a case that exists.
    #[error("event does not fit this case")]
    WrongCase,
    /// A required text is empty.
    #[error("required field empty: {0}")]
    Required(&'static str),
    /// A date lies in the future.
    #[error("date in the future: {0}")]
    InFuture(&'static str),
    /// A date lies before the date it must follow.
    #[error("date too early: {0}")]
    TooEarly(&'static str),
    /// The kind does not allow this (an extension of an intrekken toestemming, ...).
    #[error("not for this kind of case")]
    NotForKind,
    /// The case is closed or ended.
    #[error("the case is closed")]
    CaseClosed,
    /// The case is not closed or ended (reopen).
    #[error("the case is not closed")]
    CaseNotClosed,
    /// Already extended.
    #[error("already extended")]
    AlreadyExtended,
    /// The extension came after the first month (AVG 12(3)).
    #[error("extension after the first month")]
    ExtensionTooLate,
    /// Not waiting.
    #[error("not waiting")]
    NotWaiting,
    /// Already waiting.
    #[error("already waiting")]
    AlreadyWaiting,
    /// No decision recorded yet.
    #[error("no decision yet")]
    NoDecision,
    /// The step is unknown for this kind, hidden by earlier answers, or computed.
    #[error("step not applicable")]
    StepNotApplicable,
    /// The answer has the wrong type for the step.
    #[error("answer of the wrong type")]
    WrongAnswerType,
    /// Steps that must be answered first.
    #[error("steps missing: {0:?}")]
    Missing(Vec<checklist::StepId>),
    /// Blocked by a rule, with the rule's id (translated by the caller).
    #[error("blocked by rule {0:?}")]
    Blocked(checklist::Block),
    /// No such recipient.
    #[error("no such recipient")]
    NoRecipient,
    /// A value recorded only when something else asks for it (a postal address only when the
    /// answer goes by post: data minimisation).
    #[error("not needed: {0}")]
    NotNeeded(&'static str),
    /// A text longer than its field holds.
    #[error("text too long: {0}")]
    TooLong(&'static str),
    /// A correction whose new value is the old one.
    #[error("correction changes nothing")]
    CorrectionUnchanged,
    /// A correction whose old value is not the case's (another change came first).
    #[error("correction of a value the case no longer has")]
    CorrectionStale,
    /// A correction that makes what was recorded unlawful, not (yet) confirmed.
    #[error("correction conflicts with what was recorded: {0:?}")]
    CorrectionConflicts(Vec<super::Conflict>),
}

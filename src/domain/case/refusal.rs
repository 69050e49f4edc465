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
    #[error("required field empty: {0:?}")]
    Required(CaseField),
    /// A date lies in the future.
    #[error("date in the future: {0:?}")]
    InFuture(CaseField),
    /// A date lies before the date it must follow.
    #[error("date too early: {0:?}")]
    TooEarly(CaseField),
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
    #[error("not needed: {0:?}")]
    NotNeeded(CaseField),
    /// A text longer than its field holds.
    #[error("text too long: {0:?}")]
    TooLong(CaseField),
    /// A correction whose new value is the old one.
    #[error("correction changes nothing")]
    CorrectionUnchanged,
    /// A correction whose old value is not the case's (another change came first).
    #[error("correction of a value the case no longer has")]
    CorrectionStale,
    /// A correction that makes what was recorded unlawful, not (yet) confirmed.
    /// Vier ogen: approving (or sending back) one's own proposal (issue 22).
    #[error("self-approval")]
    SelfApproval,
    /// Vier ogen: nothing of this kind awaits approval.
    #[error("nothing proposed: {0:?}")]
    NothingProposed(super::Subject),
    /// Vier ogen: the case changed since the approver saw it.
    #[error("the approval is for another version of the case")]
    ApprovalStale,
    /// Vier ogen: this decision must be proposed and approved by a second handler.
    #[error("approval required")]
    ApprovalRequired,
    /// Vier ogen: the letter or the reply waits for the approval of the proposal.
    #[error("awaiting approval: {0:?}")]
    AwaitingApproval(super::Subject),
    /// The login's role may not record this (the FG advises; she does not decide or approve).
    #[error("not for this role")]
    RoleMayNot,
    /// An approval marked verified on a register without logins, or unmarked on one with.
    #[error("approval verification mark wrong")]
    Verification,
    /// No such advice on the case.
    #[error("no such advice")]
    NoAdvice,
    #[error("correction conflicts with what was recorded: {0:?}")]
    CorrectionConflicts(Vec<super::Conflict>),
}

/// The field of a case or an event a [`Refusal`] names: the app puts its message at that
/// field of a form, and i18n names it in words (`i18n::domain::field`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseField {
    /// The requester's name.
    Requester,
    /// The child's name.
    Child,
    /// The date the request was received.
    Received,
    /// The child's date of birth.
    BirthDate,
    /// The requester's postal address.
    Address,
    /// Who reported the breach.
    ReportedBy,
    /// When the organisation became aware of the breach.
    AwareAt,
    /// When the processor notified the breach.
    ProcessorNoticeAt,
    /// What a wait is for.
    Awaiting,
    /// Since when a wait runs.
    Since,
    /// The date of a step (reply sent, destruction, recipient told, ...).
    On,
    /// The explanation of an extension to the requester.
    Explanation,
    /// The explanation of a decision in the letter.
    LetterExplanation,
    /// When the extension notice was sent.
    NoticeSent,
    /// A reason (a refusal's, a voiding's, a reopening's, a recipient's impossibility).
    Reason,
    /// What else is kept after a destruction.
    Kept,
    /// Who a dispute was escalated to.
    To,
    /// How something was done (withdrawn, resolved, told).
    How,
    /// A recipient's name.
    Name,
    /// A checklist step's answer.
    Answer,
    /// A note's text.
    Note,
    /// The behandelaar (issue 22).
    Handler,
    /// The FG's advice (issue 22).
    Advice,
}

impl CaseField {
    /// Every field.
    pub const ALL: [CaseField; 23] = [
        CaseField::Requester,
        CaseField::Child,
        CaseField::Received,
        CaseField::BirthDate,
        CaseField::Address,
        CaseField::ReportedBy,
        CaseField::AwareAt,
        CaseField::ProcessorNoticeAt,
        CaseField::Awaiting,
        CaseField::Since,
        CaseField::On,
        CaseField::Explanation,
        CaseField::LetterExplanation,
        CaseField::NoticeSent,
        CaseField::Reason,
        CaseField::Kept,
        CaseField::To,
        CaseField::How,
        CaseField::Name,
        CaseField::Answer,
        CaseField::Note,
        CaseField::Handler,
        CaseField::Advice,
    ];
}

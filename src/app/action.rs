//! Everything a user can do, as values: the keymap turns keys into these, and
//! [`App::update`](super::App::update) is the one place they change the state.

use chrono::{DateTime, Utc};

use crate::domain::CaseKind;
use crate::domain::checklist::has_recipients;

/// One thing the user (or the driver, for time and screen size) asks of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Select the previous row (help: scroll up).
    Up,
    /// Select the next row (help: scroll down).
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// Scroll the detail one line up (`k`: reading, not the previous case).
    LineUp,
    /// Scroll the detail one line down (`j`: reading, not the next case).
    LineDown,
    /// The first row.
    Top,
    /// The last row.
    Bottom,
    /// Open the selected case.
    Open,
    /// Back out of the current screen; on the list, clear the search and the filters.
    Back,
    /// Leave privdesk.
    Quit,
    /// Show the keys.
    Help,
    /// Give the search box focus.
    SearchStart,
    /// Leave the search box, keeping what was typed.
    SearchDone,
    /// Leave the search box and clear it.
    SearchCancel,
    /// Delete the last character of the search.
    SearchBackspace,
    /// Type a character into the search (key routing, not the keymap, produces it).
    SearchChar(char),
    /// Show the next kind (all kinds, then each kind).
    NextKind,
    /// Show the previous kind.
    PrevKind,
    /// Show only the datalekken, or every kind again (one key rather than walking the kinds).
    OnlyBreaches,
    /// Show the next status selection (active, all, then each status).
    NextStatus,
    /// Show the previous status selection.
    PrevStatus,
    /// Show only the late cases, then only the due-soon ones, then all again.
    NextUrgency,
    /// Show only the cases with the next decision (none, then each decision).
    NextDecision,
    /// Show only the cases with the previous decision.
    PrevDecision,
    /// Show only the cases received in the next year (none, then each year, newest first).
    NextYear,
    /// Show only the cases received in the previous year of that cycle.
    PrevYear,
    /// Show why the case's deadlines are what they are ("Waarom deze datum?").
    Why,
    /// Show the FG's overview: tiles, late and at-risk cases with why, the months, the figures.
    Overview,
    /// Show the next behandelaar selection (all, mine, awaiting approval, each handler).
    NextHandler,
    /// Show the previous behandelaar selection.
    PrevHandler,
    /// Show the AP form view of a datalek (from its detail or the breach register).
    ApForm,
    /// Show the breach register: every datalek, notified or not (AVG 33(5)).
    Breaches,
    /// Time passed: read the clock again (the driver sends this now and then).
    Tick,
    /// Open the form for a new verzoek.
    NewRequest,
    /// Open the new-datalek form.
    NewBreach,
    /// Move the focus to the next form field.
    NextField,
    /// Move the focus to the previous form field.
    PrevField,
    /// Save the form (a refused save leaves it filled and says why at the field).
    Save,
    /// A key the focused form field claims as input (key routing, not the keymap, produces it).
    FieldInput(super::key::Key),
    /// Answer yes to the question asked (throw typed input away).
    Yes,
    /// Answer no: back to where the question was asked.
    No,
    /// Set the clock to a fixed instant (a script's `now`); refused unless on a demo register.
    SetNow(DateTime<Utc>),
    /// The screen has this size (width, height); sets the page for PgUp/PgDn.
    Resize(u16, u16),
    // ---- the checklist (issue 8) ----
    /// Open the checklist of the selected case (list) or of the case shown (detail).
    Checklist,
    /// Answer the step under the cursor with ja.
    AnswerYes,
    /// Answer the step under the cursor with nee.
    AnswerNo,
    /// Answer the step under the cursor in a prompt (a choice, a date, a text, a number).
    Answer,
    /// Start a change the checklist records through a prompt (or make a letter).
    Task(Task),
    /// In a prompt: the next field, or record on the last.
    PromptNext,
    /// In a prompt: the previous field.
    PromptPrev,
    /// In a prompt: cancel, recording nothing.
    PromptCancel,
}

/// A change to a case that a key starts and a prompt completes (the checklist's, and the
/// detail's letter): one key each, so they are actions; the prompt that records one is
/// `app::checklist::Records`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Task {
    /// Start waiting for the requester, or end the wait (by the case's state).
    Wait,
    /// Extend the answer period (AVG 12(3)).
    Extend,
    /// Record the decision.
    Decide,
    /// Record that the reply was sent.
    ReplySent,
    /// Confirm the destruction (Vernietiging).
    Destroyed,
    /// Add an AVG 19 recipient.
    AddRecipient,
    /// Mark a recipient told.
    RecipientTold,
    /// Mark telling a recipient impossible, with the reason.
    RecipientImpossible,
    /// Close the case.
    Close,
    /// The requester withdrew (ingetrokken).
    Withdraw,
    /// Registered by mistake (vervallen).
    Void,
    /// Reopen a closed or ended case.
    Reopen,
    /// Make a letter.
    Letter,
    /// Escalate a dispute between two parents with gezag, or record it resolved.
    Dispute,
    /// Beperking: announce the lifting to the requester, or lift the restriction (AVG 18(3)).
    Lift,
    /// Correct a registered fact, with a reason (issue 18).
    Correct,
    /// Add a note to the case (issue 18).
    Note,
    /// Give the case to another behandelaar (issue 22).
    Reassign,
    /// Approve a proposal, or send it back with a reason (vier ogen, issue 22).
    Approve,
    /// The FG's advice on the case (issue 22).
    Advise,
    /// Record whether the FG's advice was followed (issue 22).
    AnswerAdvice,
}

impl Task {
    /// Whether the change exists for a case of this kind (the domain refuses the others as
    /// `NotForKind`): waiting, deciding, replying, letters and withdrawal are a verzoek's, the
    /// extension not for every kind, the destruction a Vernietiging's, recipients only where
    /// AVG 19 applies.
    pub fn applies_to(self, kind: CaseKind) -> bool {
        match self {
            Task::Wait | Task::Decide | Task::ReplySent | Task::Letter | Task::Withdraw => {
                !kind.is_datalek()
            }
            Task::Extend => kind.may_extend(),
            Task::Destroyed => kind == CaseKind::Vernietiging,
            Task::Dispute => !kind.is_datalek(),
            Task::Lift => kind == CaseKind::Beperking,
            Task::AddRecipient | Task::RecipientTold | Task::RecipientImpossible => {
                has_recipients(kind)
            }
            Task::Close
            | Task::Void
            | Task::Reopen
            | Task::Correct
            | Task::Note
            | Task::Reassign
            | Task::Approve
            | Task::Advise
            | Task::AnswerAdvice => true,
        }
    }
}

impl Action {
    /// Whether the action would change a case (register one, answer, record a task, make a
    /// letter): the FG changes no case, so her keymap has none of these keys.
    pub fn changes_case(self) -> bool {
        matches!(
            self,
            Action::NewRequest
                | Action::NewBreach
                | Action::AnswerYes
                | Action::AnswerNo
                | Action::Answer
                | Action::Task(_)
        )
    }

    /// Whether a login of `role` may take the action (domain.md §8): the FG changes no case
    /// but gives her advice; a handler on a team's register does not give the FG's advice; a
    /// register without roles allows every action.
    pub fn allowed_for(self, role: Option<crate::domain::Role>) -> bool {
        use crate::domain::Role;
        let advice = self == Action::Task(Task::Advise);
        match role {
            Some(Role::Fg) => advice || !self.changes_case(),
            Some(Role::Handler) => !advice,
            None => true,
        }
    }

    /// Whether the action means anything for a case of this kind: the footer and the help of
    /// a case's screens show only the keys that do (a datalek has no decision or letter, a
    /// verzoek no AP form). A key that does not apply still reaches the app, whose refusal
    /// says why.
    pub fn applies_to(self, kind: CaseKind) -> bool {
        match self {
            Action::Task(task) => task.applies_to(kind),
            Action::ApForm => kind.is_datalek(),
            _ => true,
        }
    }
}

//! The prompt of each task a key starts on the checklist: waiting (one key starts or ends it),
//! the extension, the decision (the authority assessment's outcome offered first), the reply,
//! the destruction, AVG 19 recipients, the endings, reopening, and the letters. Dates start
//! filled with today.

use super::Records;
use crate::app::action::Task;
use crate::app::form::Field;
use crate::app::{Action, App, Mode};
use crate::domain::authority::NextStep;
use crate::domain::case::{Decision, ExtensionReason};
use crate::domain::checklist::{Answer, StepId};
use crate::domain::{Case, CaseKind, rights};
use crate::i18n::domain as names;
use crate::i18n::workbench::WorkMsg;
use crate::letters::LetterKind;

/// The decisions in the order the prompt offers them.
pub(super) const DECISIONS: [Decision; 4] = Decision::ALL;
/// The grounds of an extension in the order the prompt offers them.
pub(super) const GROUNDS: [ExtensionReason; 2] = [
    ExtensionReason::Complexiteit,
    ExtensionReason::AantalVerzoeken,
];

impl App {
    /// A date field starting at today.
    fn date_field(&self, label: WorkMsg) -> Field {
        Field::date(label.text(self.lang), Some(self.today())).required()
    }

    /// An empty text field.
    fn text_field(&self, label: WorkMsg) -> Field {
        Field::text(label.text(self.lang))
    }

    /// A choice field of these names.
    fn choice_field(&self, label: WorkMsg, names: Vec<String>, at: usize) -> Field {
        Field::choice(label.text(self.lang), names, at)
    }

    /// Opens the prompt of a task started by a key on the checklist (or the detail's letter
    /// key), unless the domain would refuse it whatever is typed (then says why at once).
    pub(in crate::app) fn start_task(&mut self, task: Task) {
        match task {
            Task::Correct => return self.start_correction(),
            Task::Note => return self.start_note(),
            Task::Reassign | Task::Approve | Task::Advise | Task::AnswerAdvice => {
                return self.start_team(task);
            }
            _ => {}
        }
        let Some(case) = self.work_case() else {
            return;
        };
        let lang = self.lang;
        // One key starts or ends the wait, by the case's state.
        let records = match task {
            Task::Wait if case.waiting.is_some() => Records::WaitEnd,
            Task::Dispute if case.dispute_open() => Records::DisputeResolve,
            task => Records::Task(task),
        };
        if let Some(r) = self.refused_before_prompt(&case, records) {
            self.say(names::refusal(&r, lang), true);
            return;
        }
        self.open_task_prompt(records, &case);
    }

    /// The fields each task asks for; a task that cannot start on this case says why.
    fn open_task_prompt(&mut self, records: Records, case: &Case) {
        let lang = self.lang;
        use WorkMsg as W;
        let (title, fields) = match records {
            Records::Answer(_) => return self.answer_prompt(),
            Records::Correct(_)
            | Records::Task(
                Task::Correct
                | Task::Note
                | Task::Reassign
                | Task::Approve
                | Task::Advise
                | Task::AnswerAdvice,
            ) => return,
            Records::WaitEnd => (
                W::PromptWaitEnd,
                vec![
                    self.text_field(W::FieldWaitNote),
                    self.date_field(W::FieldOn),
                ],
            ),
            Records::Task(Task::Wait) => (
                W::PromptWaitStart,
                vec![
                    self.text_field(W::FieldAwaiting),
                    self.date_field(W::FieldSince),
                ],
            ),
            Records::Task(Task::Extend) => {
                if !case.kind.may_extend() {
                    self.say(W::NoExtensionForKind.text(lang).to_string(), true);
                    return;
                }
                (W::PromptExtend, self.extension_fields())
            }
            Records::Task(Task::Decide) => return self.open_decision_prompt(records, case),
            Records::Task(Task::ReplySent) => {
                (W::PromptReplySent, vec![self.date_field(W::FieldOn)])
            }
            // Each part its own record: the source system, the processors, the confirmation.
            Records::Task(Task::Destroyed) => (W::PromptDestroyed, self.destruction_fields(case)),
            Records::Task(Task::Dispute) => (
                W::PromptDisputeEscalate,
                vec![self.text_field(W::FieldEscalatedTo)],
            ),
            Records::DisputeResolve => (
                W::PromptDisputeResolve,
                vec![self.text_field(W::FieldResolvedHow)],
            ),
            Records::Task(Task::Lift) => (W::PromptLift, self.lift_fields(case)),
            Records::Task(Task::AddRecipient) => (
                W::PromptAddRecipient,
                vec![self.text_field(W::FieldRecipient)],
            ),
            Records::Task(task @ (Task::RecipientTold | Task::RecipientImpossible)) => {
                if case.recipients.is_empty() {
                    let key = self
                        .keymap()
                        .hint(Mode::Checklist, Action::Task(Task::AddRecipient));
                    self.say(W::NoRecipients.fill(lang, &[("key", &key)]), true);
                    return;
                }
                self.recipient_outcome_prompt(task, case)
            }
            Records::Task(Task::Close) => (W::PromptClose, vec![self.date_field(W::FieldOn)]),
            Records::Task(Task::Withdraw) => (
                W::PromptWithdraw,
                vec![self.date_field(W::FieldOn), self.text_field(W::FieldHow)],
            ),
            Records::Task(Task::Void) => (W::PromptVoid, vec![self.text_field(W::FieldReason)]),
            Records::Task(Task::Reopen) => (W::PromptReopen, vec![self.text_field(W::FieldReason)]),
            Records::Task(Task::Letter) => (W::PromptLetter, self.letter_fields(case)),
        };
        self.open_prompt(records, title, fields);
    }

    /// The extension's grounds, its reasons as told to the requester, and the date told.
    fn extension_fields(&self) -> Vec<Field> {
        let grounds = GROUNDS
            .iter()
            .map(|g| names::extension_reason(*g, self.lang).to_string())
            .collect();
        vec![
            self.choice_field(WorkMsg::FieldGround, grounds, 0),
            self.text_field(WorkMsg::FieldExplanation),
            self.date_field(WorkMsg::FieldNoticeSent),
        ]
    }

    /// The decision prompt starts from what the authority assessment and the checklist
    /// already say, so the handler confirms rather than retypes.
    fn open_decision_prompt(&mut self, records: Records, case: &Case) {
        use WorkMsg as W;
        let lang = self.lang;
        // The authority table may send the case to niet ontvankelijk or afgewezen:
        // then that decision is offered first, with the assessment's reason filled in.
        let assessment = rights::authority(case, self.today());
        let (pick, reason) = match assessment.map(|a| (a.outcome.next_step(), a)) {
            Some((NextStep::NietOntvankelijk, a)) => (
                Decision::NietOntvankelijk,
                crate::i18n::authority::assessment_reason(&a, lang),
            ),
            Some((NextStep::Refuse, a)) => (
                Decision::Afgewezen,
                crate::i18n::authority::assessment_reason(&a, lang),
            ),
            _ => (Decision::Toegewezen, String::new()),
        };
        let at = DECISIONS.iter().position(|d| *d == pick).unwrap_or(0);
        let decisions = DECISIONS
            .iter()
            .map(|d| names::decision(*d, lang).to_string())
            .collect();
        // Two texts: the reasoning stays in the dossier, the letter gets its own. On
        // signals of abuse (KNMG-meldcode) the letter's default is the neutral ground,
        // and the status line says why.
        let signals = case.said_yes(StepId::SignalenMishandeling)
            || case.said_yes(StepId::SignalenMishandelingInzage);
        let explanation = if signals {
            names::neutral_ground(case.kind, lang).to_string()
        } else {
            reason.clone()
        };
        let mut fields = vec![
            self.choice_field(W::FieldDecision, decisions, at),
            self.text_field(W::FieldReasoning).filled(&reason),
            self.text_field(W::FieldLetterExplanation)
                .filled(&explanation),
        ];
        if case.kind == CaseKind::Vernietiging {
            let kept = match case.answers.get(&StepId::WatBewaard).map(|r| &r.answer) {
                Some(Answer::Text(t)) => t.clone(),
                _ => String::new(),
            };
            fields.push(self.text_field(W::FieldKept).filled(&kept));
        }
        self.open_prompt(records, W::PromptDecide, fields);
        if signals {
            self.say(W::NeutralGroundWhy.text(lang).to_string(), false);
        }
    }

    /// The part of a destruction first not yet recorded is offered first.
    fn destruction_fields(&self, case: &Case) -> Vec<Field> {
        use WorkMsg as W;
        let parts = [W::PartBronsysteem, W::PartVerwerkers, W::PartBevestiging]
            .iter()
            .map(|m| m.text(self.lang).to_string())
            .collect();
        let next = if case.destroyed_in_source.is_none() {
            0
        } else if case.destroyed_at_processors.is_none() {
            1
        } else {
            2
        };
        vec![
            self.choice_field(W::FieldDestructionPart, parts, next),
            self.date_field(W::FieldOn),
        ]
    }

    /// Announcing the lift comes before lifting (AVG 18(3)): the next of the two is offered.
    fn lift_fields(&self, case: &Case) -> Vec<Field> {
        use WorkMsg as W;
        let steps = [W::LiftAnnounce, W::LiftDo]
            .iter()
            .map(|m| m.text(self.lang).to_string())
            .collect();
        let next = usize::from(case.lift_announced.is_some());
        vec![
            self.choice_field(W::FieldLiftStep, steps, next),
            self.date_field(W::FieldOn),
        ]
    }

    /// A recipient told or impossible to tell: the first recipient still open is offered.
    fn recipient_outcome_prompt(&self, task: Task, case: &Case) -> (WorkMsg, Vec<Field>) {
        use WorkMsg as W;
        let open = case
            .recipients
            .iter()
            .position(|r| r.outcome.is_none())
            .unwrap_or(0);
        let who = self.choice_field(
            W::FieldRecipient,
            case.recipients.iter().map(|r| r.name.clone()).collect(),
            open,
        );
        if task == Task::RecipientTold {
            (
                W::PromptRecipientTold,
                vec![who, self.date_field(W::FieldOn)],
            )
        } else {
            (
                W::PromptRecipientImpossible,
                vec![who, self.text_field(W::FieldReason)],
            )
        }
    }

    /// Only the letters this kind of case may need are offered.
    fn letter_fields(&self, case: &Case) -> Vec<Field> {
        let letters = LetterKind::for_kind(case.kind)
            .iter()
            .map(|k| super::letter_name(*k).text(self.lang).to_string())
            .collect();
        vec![self.choice_field(WorkMsg::FieldLetter, letters, 0)]
    }
}

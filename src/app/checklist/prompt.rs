//! An open prompt: a short [`Form`] filled one field after the other. Enter checks the focused
//! field (a date must read as a date) and goes to the next, recording on the last; Shift-Tab
//! goes back; Esc cancels. The keys a field claims (text, its editing keys; in a choice a digit,
//! `y`/`n` for yes and no) reach it before the keymap, as in every form.

use chrono::NaiveDate;

use crate::app::App;
use crate::app::action::Task;
use crate::app::form::{Field, Form, read_date};
use crate::domain::case::{Decision, DestructionPart, Ending, ExtensionReason, RecipientOutcome};
use crate::domain::checklist::StepId;
use crate::domain::{CaseId, Event};
use crate::i18n::domain as names;
use crate::i18n::workbench::WorkMsg;
use crate::letters::LetterKind;

use super::flows::{DECISIONS, GROUNDS};

/// What a prompt records when it is complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Records {
    /// An answer to this step.
    Answer(StepId),
    /// The end of a wait (`w` while waiting; `Task::Wait` starts one).
    WaitEnd,
    /// The change a key started.
    Task(Task),
    /// The end of an escalated dispute (`Task::Dispute` while one is open).
    DisputeResolve,
    /// The new value of a registered fact and the reason (after `Task::Correct` chose it).
    Correct(crate::domain::case::FactField),
}

/// An open prompt: what it records, its title, and its fields.
#[derive(Clone, Debug)]
pub struct Prompt {
    /// What it records.
    pub records: Records,
    /// Its title, in the user's language.
    pub title: String,
    /// The fields, the focused one being filled.
    pub form: Form,
    /// A question about what was typed, waiting for a yes or no (a correction that would make
    /// a recorded decision unlawful).
    pub question: Option<crate::app::Confirm>,
}

impl App {
    /// What an action does in an open prompt.
    pub(in crate::app) fn update_prompt(&mut self, action: crate::app::Action) {
        use crate::app::Action as A;
        match action {
            A::FieldInput(key) => self.prompt_input(key),
            A::Up | A::Down => self.prompt_move(action == A::Down),
            A::PromptNext => self.prompt_next(),
            A::PromptPrev => self.prompt_prev(),
            A::PromptCancel => self.prompt_cancel(),
            _ => {}
        }
    }

    /// Opens a prompt of these fields, the first focused.
    pub(super) fn open_prompt(&mut self, records: Records, title: WorkMsg, fields: Vec<Field>) {
        let title = title.text(self.lang).to_string();
        self.open_prompt_titled(records, title, fields);
    }

    /// Opens a prompt under a title of its own (the team's prompts, issue 22).
    pub(super) fn open_prompt_titled(
        &mut self,
        records: Records,
        title: String,
        fields: Vec<Field>,
    ) {
        // A decision left with text typed in opens again with that text (issue 18).
        let draft = match self.checklist_mut() {
            Some(c) if records == Records::Task(Task::Decide) => c.draft.take(),
            _ => None,
        };
        if draft.is_some() {
            self.say(WorkMsg::DraftRestored.text(self.lang).to_string(), false);
        }
        let prompt = Prompt {
            records,
            title,
            form: draft.unwrap_or_else(|| Form::new(fields)),
            question: None,
        };
        if let Some(slot) = self.prompt_slot() {
            *slot = Some(prompt);
        }
    }

    /// Closes the prompt without recording anything. A decision with text typed in is kept
    /// as a draft for this case: what the handler wrote is not lost to a refusal.
    pub(in crate::app) fn prompt_cancel(&mut self) {
        if let Some(p) = self.prompt_slot().and_then(Option::take)
            && p.records == Records::Task(Task::Decide)
            && (1..p.form.fields().len()).any(|i| !p.form.text(i).is_empty())
            && let Some(c) = self.checklist_mut()
        {
            c.draft = Some(p.form);
        }
    }

    /// Gives a key the focused field claims to it.
    pub(in crate::app) fn prompt_input(&mut self, key: crate::app::Key) {
        let lang = self.lang;
        if let Some(p) = self.prompt_mut()
            && !p.form.input(key)
        {
            p.form.say_too_long(lang);
        }
    }

    /// A paste into the prompt's focused field, in one go.
    pub(in crate::app) fn prompt_paste(&mut self, text: &str) {
        let lang = self.lang;
        if let Some(p) = self.prompt_mut()
            && !p.form.paste(text)
        {
            p.form.say_too_long(lang);
        }
    }

    /// Up/Down in a choice field.
    pub(in crate::app) fn prompt_move(&mut self, down: bool) {
        if let Some(p) = self.prompt_mut() {
            p.form.step_choice(down);
        }
    }

    /// Back to the previous field.
    pub(in crate::app) fn prompt_prev(&mut self) {
        if let Some(p) = self.prompt_mut() {
            p.form.set_focus(p.form.focus().saturating_sub(1));
        }
    }

    /// Enter: checks the field's form (a date must read as a date), then goes to the next
    /// field, or records the prompt on the last.
    pub(in crate::app) fn prompt_next(&mut self) {
        let lang = self.lang;
        let Some(p) = self.prompt_mut() else {
            return;
        };
        let at = p.form.focus();
        if !p.form.check(at, lang) {
            let field = &p.form.fields()[at];
            let text = WorkMsg::BadField.fill(
                lang,
                &[
                    ("field", field.label()),
                    ("why", field.error().unwrap_or("")),
                ],
            );
            self.say(text, true);
            return;
        }
        if at + 1 < p.form.fields().len() {
            p.form.next();
            return;
        }
        let p = p.clone();
        self.submit(p);
    }

    /// Records a complete prompt: builds the event, saves it through the store (the domain
    /// validates; a refusal is said on the status line and the prompt stays open to fix it).
    fn submit(&mut self, mut p: Prompt) {
        let Some(id) = self.case_id() else { return };
        // The prompts that record no single event of their own go their own way.
        match p.records {
            Records::Answer(step) => return self.submit_answer(step, &mut p.form),
            Records::Task(Task::Correct) => return self.correction_chosen(p.form.choice(0)),
            Records::Correct(field) => return self.submit_correction(field, false),
            Records::Task(Task::Note) => return self.submit_note(),
            Records::Task(
                t @ (Task::Reassign | Task::Approve | Task::Advise | Task::AnswerAdvice),
            ) => {
                return self.submit_team(t);
            }
            Records::Task(Task::Letter) => {
                let kind = LetterKind::ALL
                    .get(p.form.choice(0))
                    .copied()
                    .unwrap_or(LetterKind::Ontvangstbevestiging);
                return self.make_letter(kind);
            }
            _ => {}
        }
        let Some(event) = self.task_event(id, p.records, &p.form) else {
            return;
        };
        let reply_on: Option<NaiveDate> = match &event {
            Event::ReplySent { on, .. } => Some(*on),
            _ => None,
        };
        if self.save_change(event, done_msg(p.records)) {
            self.close_prompt();
            if p.records == Records::Task(Task::Decide)
                && let Some(c) = self.checklist_mut()
            {
                c.draft = None;
            }
            if let Some(on) = reply_on {
                self.warn_late_refusal(on);
            }
        }
    }

    /// An answer typed in a step's prompt; an optional step left empty records nothing.
    fn submit_answer(&mut self, step: StepId, form: &mut Form) {
        if let Some(answer) = self.answer_of(step, form) {
            self.record_answer(step, answer, true);
        } else if !form.fields().iter().any(|f| f.is_required()) && form.text(0).is_empty() {
            // An optional step left empty: nothing to record (issue 18).
            self.close_prompt();
            self.say(
                WorkMsg::OptionalLeftEmpty.text(self.lang).to_string(),
                false,
            );
        }
    }

    /// The event a task's prompt records, read from its fields; `None` for the prompts that
    /// [`App::submit`] hands elsewhere.
    fn task_event(&self, id: CaseId, records: Records, form: &Form) -> Option<Event> {
        let today = self.today();
        let text = |i: usize| form.text(i);
        let date = |i: usize| read_date(&form.text(i)).unwrap_or(today);
        let choice = |i: usize| form.choice(i);
        let event = match records {
            Records::Answer(_)
            | Records::Correct(_)
            | Records::Task(
                Task::Correct
                | Task::Note
                | Task::Letter
                | Task::Reassign
                | Task::Approve
                | Task::Advise
                | Task::AnswerAdvice,
            ) => return None,
            Records::Task(Task::Wait) => Event::WaitingStarted {
                case: id,
                awaiting: text(0),
                since: date(1),
            },
            Records::WaitEnd => Event::WaitingEnded {
                case: id,
                note: text(0),
                on: date(1),
            },
            Records::Task(Task::Extend) => Event::Extended {
                case: id,
                reason: GROUNDS
                    .get(choice(0))
                    .copied()
                    .unwrap_or(ExtensionReason::Complexiteit),
                explanation: text(1),
                notice_sent: date(2),
            },
            Records::Task(Task::Decide) => self.decided_event(id, form),
            Records::Task(Task::ReplySent) => Event::ReplySent {
                case: id,
                on: date(0),
            },
            Records::Task(Task::Destroyed) => Event::DestructionRecorded {
                case: id,
                part: DestructionPart::ALL
                    .get(choice(0))
                    .copied()
                    .unwrap_or(DestructionPart::Bronsysteem),
                on: date(1),
            },
            Records::Task(Task::Dispute) => Event::DisputeEscalated {
                case: id,
                to: text(0),
            },
            Records::DisputeResolve => Event::DisputeResolved {
                case: id,
                how: text(0),
            },
            Records::Task(Task::Lift) if choice(0) == 0 => Event::RestrictionLiftAnnounced {
                case: id,
                on: date(1),
            },
            Records::Task(Task::Lift) => Event::RestrictionLifted {
                case: id,
                on: date(1),
            },
            Records::Task(Task::AddRecipient) => Event::RecipientAdded {
                case: id,
                name: text(0),
            },
            Records::Task(Task::RecipientTold) => Event::RecipientDone {
                case: id,
                index: choice(0),
                outcome: RecipientOutcome::Told(date(1)),
            },
            Records::Task(Task::RecipientImpossible) => Event::RecipientDone {
                case: id,
                index: choice(0),
                outcome: RecipientOutcome::Impossible(text(1)),
            },
            Records::Task(task @ (Task::Close | Task::Withdraw | Task::Void | Task::Reopen)) => {
                return Self::ending_event(id, task, form, today);
            }
        };
        Some(event)
    }

    /// Closing, withdrawing, voiding and reopening: the events that end a case or undo that.
    fn ending_event(id: CaseId, task: Task, form: &Form, today: NaiveDate) -> Option<Event> {
        let text = |i: usize| form.text(i);
        let date = |i: usize| read_date(&form.text(i)).unwrap_or(today);
        let event = match task {
            Task::Close => Event::Closed {
                case: id,
                on: date(0),
            },
            Task::Withdraw => Event::Ended {
                case: id,
                ending: Ending::Ingetrokken {
                    on: date(0),
                    how: text(1),
                },
            },
            Task::Void => Event::Ended {
                case: id,
                ending: Ending::Vervallen { reason: text(0) },
            },
            Task::Reopen => Event::Reopened {
                case: id,
                reason: text(0),
            },
            _ => return None,
        };
        Some(event)
    }

    /// A decision: the neutral ground is the default of a refusal, so a grant does not
    /// carry it into its letter.
    fn decided_event(&self, id: CaseId, form: &Form) -> Event {
        let text = |i: usize| form.text(i);
        let decision = DECISIONS
            .get(form.choice(0))
            .copied()
            .unwrap_or(Decision::Toegewezen);
        let mut explanation = text(2);
        // The neutral ground is the default of a refusal; a grant does not carry it.
        let kind = self.work_case().map(|c| c.kind);
        if !decision.is_refusal()
            && kind.is_some_and(|k| explanation == names::neutral_ground(k, self.lang))
        {
            explanation.clear();
        }
        Event::Decided {
            case: id,
            decision,
            reason: text(1),
            explanation: Some(explanation),
            kept: text(3),
        }
    }
}

/// What the status line says when a prompt's change is recorded.
fn done_msg(records: Records) -> WorkMsg {
    match records {
        Records::Answer(_) => WorkMsg::DoneAnswer,
        Records::WaitEnd => WorkMsg::DoneWaitEnd,
        Records::DisputeResolve => WorkMsg::DoneDispute,
        Records::Correct(_) => WorkMsg::DoneCorrect,
        Records::Task(task) => match task {
            Task::Wait => WorkMsg::DoneWaitStart,
            Task::Extend => WorkMsg::DoneExtend,
            Task::Decide => WorkMsg::DoneDecide,
            Task::ReplySent => WorkMsg::DoneReplySent,
            Task::Destroyed => WorkMsg::DoneDestroyed,
            Task::AddRecipient => WorkMsg::DoneAddRecipient,
            Task::RecipientTold | Task::RecipientImpossible => WorkMsg::DoneRecipient,
            Task::Close => WorkMsg::DoneClose,
            Task::Withdraw => WorkMsg::DoneWithdraw,
            Task::Void => WorkMsg::DoneVoid,
            Task::Reopen => WorkMsg::DoneReopen,
            Task::Letter => WorkMsg::DoneAnswer,
            Task::Dispute => WorkMsg::DoneDispute,
            Task::Lift => WorkMsg::DoneLift,
            Task::Correct => WorkMsg::DoneCorrect,
            Task::Note => WorkMsg::DoneNote,
            // The team's prompts say what they did themselves (issue 22).
            Task::Reassign | Task::Approve | Task::Advise | Task::AnswerAdvice => {
                WorkMsg::DoneAnswer
            }
        },
    }
}

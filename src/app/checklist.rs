//! The checklist workbench of one case: its steps (from the domain's tables, recomputed after
//! every change), the answers, and the prompts that record waiting, an extension, a decision,
//! the reply, the destruction, AVG 19 recipients, the endings and the letters.
//!
//! The screen holds no rules: what shows, what is missing and what may be decided or closed
//! is the domain's (`domain::checklist`, `Case::apply`); a refused change comes back as the
//! domain's [`Refusal`](crate::domain::case::Refusal), translated on the status line, and never
//! reaches the disk.
//!
//! A prompt is a short row of fields (a choice, a text, a date, a number) filled one after the
//! other: Enter goes to the next field and records on the last, Shift-Tab goes back, Esc
//! cancels. Dates are typed as `YYYY-MM-DD` and start filled with today.

use chrono::NaiveDate;

use super::{App, Screen};
use crate::domain::authority::NextStep;
use crate::domain::case::{Decision, Ending, ExtensionReason, RecipientOutcome, Refusal};
use crate::domain::checklist::{Answer, AnswerType, StepId};
use crate::domain::deadline::{self, amsterdam_date};
use crate::domain::instant::{InstantError, parse_date, parse_instant};
use crate::domain::{Case, CaseId, CaseKind, Event, Stamp, rights};
use crate::i18n::checklist::{option, question};
use crate::i18n::domain as names;
use crate::i18n::workbench::WorkMsg;
use crate::letters::{self, LetterKind, Template};

/// What a prompt records when it is complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// An answer to this step.
    Answer(StepId),
    /// Start waiting for the requester.
    WaitStart,
    /// Stop waiting.
    WaitEnd,
    /// Extend the answer period (AVG 12(3)).
    Extend,
    /// Record the decision.
    Decide,
    /// The reply was sent.
    ReplySent,
    /// The destruction was done (Vernietiging).
    Destroyed,
    /// Add an AVG 19 recipient.
    AddRecipient,
    /// A recipient was told.
    RecipientTold,
    /// Telling a recipient proved impossible.
    RecipientImpossible,
    /// Close the case.
    Close,
    /// The requester withdrew.
    Withdraw,
    /// Registered by mistake.
    Void,
    /// Reopen a closed or ended case.
    Reopen,
    /// Make a letter.
    Letter,
}

/// What a field takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// One of these labels.
    Choice(Vec<String>),
    /// Free text.
    Text,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A whole number.
    Number,
    /// A date and time (Amsterdam), `YYYY-MM-DD HH:MM`.
    Instant,
}

/// One field of a prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Its label, in the user's language.
    pub label: String,
    /// What it takes.
    pub kind: FieldKind,
    /// The text typed (text, date, number and instant fields).
    pub text: String,
    /// The option chosen (choice fields).
    pub choice: usize,
}

impl Field {
    fn text(label: String, kind: FieldKind, text: String) -> Field {
        Field {
            label,
            kind,
            text,
            choice: 0,
        }
    }

    fn choice(label: String, options: Vec<String>, choice: usize) -> Field {
        Field {
            label,
            kind: FieldKind::Choice(options),
            text: String::new(),
            choice,
        }
    }
}

/// An open prompt: its task, its title and fields, and the field being filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// What it records.
    pub task: Task,
    /// Its title.
    pub title: String,
    /// The fields, in order.
    pub fields: Vec<Field>,
    /// The field with focus.
    pub at: usize,
}

/// The open checklist: the case as last saved, the step under the cursor, an open prompt.
#[derive(Clone, Debug)]
pub struct Checklist {
    /// The case, reloaded from the register after every change.
    pub case: Case,
    /// The position of the cursor among the visible steps.
    pub cursor: usize,
    /// The prompt being filled, if any.
    pub prompt: Option<Prompt>,
}

const DATE_FORMAT: &str = "%Y-%m-%d";

/// The decisions in the order the prompt offers them.
const DECISIONS: [Decision; 4] = Decision::ALL;
const GROUNDS: [ExtensionReason; 2] = [
    ExtensionReason::Complexiteit,
    ExtensionReason::AantalVerzoeken,
];

impl App {
    /// The open checklist, for the screen.
    pub fn checklist(&self) -> Option<&Checklist> {
        self.checklist.as_ref()
    }

    /// The Amsterdam date of the clock's instant: the "today" of every rule.
    pub fn today(&self) -> NaiveDate {
        amsterdam_date(self.now)
    }

    /// Opens the checklist of the selected case (from the list, recording the read) or of the
    /// case in the detail.
    pub(super) fn open_checklist(&mut self) {
        let id = match self.screen() {
            Screen::Detail(id) => id,
            _ => {
                let Some(id) = self.selected_summary().map(|s| s.id) else {
                    self.say(WorkMsg::NothingSelected.text(self.lang).to_string(), true);
                    return;
                };
                if let Err(e) = self.store.save(vec![Event::Viewed { case: id }], self.now) {
                    let text = crate::i18n::ui::UiMsg::NotRecorded
                        .fill(self.lang, &[("why", &e.message(self.lang))]);
                    self.say(text, true);
                    return;
                }
                id
            }
        };
        match self.store.case(id) {
            Ok(Some(case)) => {
                let cursor = case
                    .missing_steps(self.today(), None)
                    .first()
                    .and_then(|m| {
                        case.visible_steps(self.today())
                            .iter()
                            .position(|s| s.id == *m)
                    })
                    .unwrap_or(0);
                self.checklist = Some(Checklist {
                    case,
                    cursor,
                    prompt: None,
                });
                self.screens.push(Screen::Checklist(id));
            }
            Ok(None) => {
                let text = WorkMsg::NoCase.fill(self.lang, &[("id", &id.to_string())]);
                self.say(text, true);
            }
            Err(e) => self.say(e.message(self.lang), true),
        }
    }

    /// Leaves the checklist (back to the list or the detail it came from).
    pub(super) fn close_checklist(&mut self) {
        self.checklist = None;
        self.screens.pop();
    }

    fn case_id(&self) -> Option<CaseId> {
        self.checklist.as_ref().map(|c| c.case.id)
    }

    /// Moves the cursor over the visible steps.
    pub(super) fn checklist_move(&mut self, down: bool) {
        let today = self.today();
        if let Some(c) = self.checklist.as_mut() {
            let n = c.case.visible_steps(today).len();
            c.cursor = if down {
                (c.cursor + 1).min(n.saturating_sub(1))
            } else {
                c.cursor.saturating_sub(1)
            };
        }
    }

    /// The step under the cursor.
    fn current_step(&self) -> Option<&'static crate::domain::checklist::Step> {
        let c = self.checklist.as_ref()?;
        c.case.visible_steps(self.today()).get(c.cursor).copied()
    }

    /// Answers the yes/no step under the cursor.
    pub(super) fn answer_yes_no(&mut self, yes: bool) {
        let Some(step) = self.current_step() else {
            return;
        };
        match step.ty {
            AnswerType::YesNo => {
                self.record_answer(step.id, Answer::YesNo(yes));
            }
            // A ja/nee choice (wilsbekwaam) takes the same keys.
            ty @ AnswerType::Choice(_) if takes_yes_no(ty) => {
                let slug = if yes { "ja" } else { "nee" };
                self.record_answer(step.id, Answer::Choice(slug.to_string()));
            }
            _ => self.say(WorkMsg::NotYesNo.text(self.lang).to_string(), true),
        }
    }

    /// Opens the prompt that answers the step under the cursor.
    pub(super) fn answer_prompt(&mut self) {
        let Some(step) = self.current_step() else {
            return;
        };
        let lang = self.lang;
        let label = question(step.id, lang).to_string();
        let current = self
            .checklist
            .as_ref()
            .and_then(|c| c.case.answers.get(&step.id))
            .map(|r| r.answer.clone());
        let field = match step.ty {
            AnswerType::YesNo => {
                let yes = !matches!(current, Some(Answer::YesNo(false)));
                Field::choice(
                    label,
                    vec![option("ja", lang).into(), option("nee", lang).into()],
                    usize::from(!yes),
                )
            }
            AnswerType::Choice(opts) => {
                let at = match &current {
                    Some(Answer::Choice(c)) => opts.iter().position(|o| o == c).unwrap_or(0),
                    _ => 0,
                };
                Field::choice(
                    label,
                    opts.iter().map(|o| option(o, lang).to_string()).collect(),
                    at,
                )
            }
            AnswerType::Date => {
                let text = match &current {
                    Some(Answer::Date(d)) => d.format(DATE_FORMAT).to_string(),
                    _ => self.today().format(DATE_FORMAT).to_string(),
                };
                Field::text(label, FieldKind::Date, text)
            }
            AnswerType::Instant => {
                // Written the way the prompt asks for it; a new answer starts at now (the AP
                // notification is usually recorded as it is made).
                let t = match &current {
                    Some(Answer::Instant(t)) => *t,
                    _ => self.now,
                };
                let text = wall_time(t);
                Field::text(label, FieldKind::Instant, text)
            }
            AnswerType::Text => {
                let text = match &current {
                    Some(Answer::Text(t)) => t.clone(),
                    _ => String::new(),
                };
                Field::text(label, FieldKind::Text, text)
            }
            AnswerType::Number => {
                let text = match &current {
                    Some(Answer::Number(n)) => n.to_string(),
                    _ => String::new(),
                };
                Field::text(label, FieldKind::Number, text)
            }
        };
        self.open_prompt(Task::Answer(step.id), WorkMsg::PromptAnswer, vec![field]);
    }

    fn open_prompt(&mut self, task: Task, title: WorkMsg, fields: Vec<Field>) {
        let title = title.text(self.lang).to_string();
        if let Some(c) = self.checklist.as_mut() {
            c.prompt = Some(Prompt {
                task,
                title,
                fields,
                at: 0,
            });
        }
    }

    fn today_text(&self) -> String {
        self.today().format(DATE_FORMAT).to_string()
    }

    fn date_field(&self, label: WorkMsg) -> Field {
        Field::text(
            label.text(self.lang).to_string(),
            FieldKind::Date,
            self.today_text(),
        )
    }

    fn text_field(&self, label: WorkMsg, text: String) -> Field {
        Field::text(label.text(self.lang).to_string(), FieldKind::Text, text)
    }

    /// Opens the prompt of a task started by a key on the checklist.
    pub(super) fn start_task(&mut self, task: Task) {
        let Some(case) = self.checklist.as_ref().map(|c| c.case.clone()) else {
            return;
        };
        let lang = self.lang;
        // One key starts or ends the wait, by the case's state.
        let task = match task {
            Task::WaitStart | Task::WaitEnd if case.waiting.is_some() => Task::WaitEnd,
            Task::WaitStart | Task::WaitEnd => Task::WaitStart,
            other => other,
        };
        if let Some(r) = self.refused_before_prompt(&case, task) {
            self.say(names::refusal(&r, lang), true);
            return;
        }
        use WorkMsg as W;
        let (title, fields) = match task {
            Task::Answer(_) => return self.answer_prompt(),
            Task::WaitEnd => (
                W::PromptWaitEnd,
                vec![
                    self.text_field(W::FieldWaitNote, String::new()),
                    self.date_field(W::FieldOn),
                ],
            ),
            Task::WaitStart => (
                W::PromptWaitStart,
                vec![
                    self.text_field(W::FieldAwaiting, String::new()),
                    self.date_field(W::FieldSince),
                ],
            ),
            Task::Extend => {
                if !case.kind.may_extend() {
                    self.say(W::NoExtensionForKind.text(lang).to_string(), true);
                    return;
                }
                (
                    W::PromptExtend,
                    vec![
                        Field::choice(
                            W::FieldGround.text(lang).into(),
                            GROUNDS
                                .iter()
                                .map(|g| names::extension_reason(*g, lang).to_string())
                                .collect(),
                            0,
                        ),
                        self.text_field(W::FieldExplanation, String::new()),
                        self.date_field(W::FieldNoticeSent),
                    ],
                )
            }
            Task::Decide => {
                // The authority table may send the case to niet ontvankelijk or afgewezen:
                // then that decision is offered first, with the assessment's reason filled in.
                let assessment = rights::authority(&case, self.today());
                let (pick, reason) = match assessment.map(|a| (a.outcome.next_step(), a)) {
                    Some((NextStep::NietOntvankelijk, a)) => {
                        (Decision::NietOntvankelijk, a.reason_text(lang))
                    }
                    Some((NextStep::Refuse, a)) => (Decision::Afgewezen, a.reason_text(lang)),
                    _ => (Decision::Toegewezen, String::new()),
                };
                let at = DECISIONS.iter().position(|d| *d == pick).unwrap_or(0);
                let mut fields = vec![
                    Field::choice(
                        W::FieldDecision.text(lang).into(),
                        DECISIONS
                            .iter()
                            .map(|d| names::decision(*d, lang).to_string())
                            .collect(),
                        at,
                    ),
                    self.text_field(W::FieldReason, reason),
                ];
                if case.kind == CaseKind::Vernietiging {
                    let kept = match case.answers.get(&StepId::WatBewaard).map(|r| &r.answer) {
                        Some(Answer::Text(t)) => t.clone(),
                        _ => String::new(),
                    };
                    fields.push(self.text_field(W::FieldKept, kept));
                }
                (W::PromptDecide, fields)
            }
            Task::ReplySent => (W::PromptReplySent, vec![self.date_field(W::FieldOn)]),
            Task::Destroyed => (W::PromptDestroyed, vec![self.date_field(W::FieldOn)]),
            Task::AddRecipient => (
                W::PromptAddRecipient,
                vec![self.text_field(W::FieldRecipient, String::new())],
            ),
            Task::RecipientTold | Task::RecipientImpossible => {
                if case.recipients.is_empty() {
                    self.say(W::NoRecipients.text(lang).to_string(), true);
                    return;
                }
                let open = case
                    .recipients
                    .iter()
                    .position(|r| r.outcome.is_none())
                    .unwrap_or(0);
                let who = Field::choice(
                    W::FieldRecipient.text(lang).into(),
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
                        vec![who, self.text_field(W::FieldReason, String::new())],
                    )
                }
            }
            Task::Close => (W::PromptClose, vec![self.date_field(W::FieldOn)]),
            Task::Withdraw => (
                W::PromptWithdraw,
                vec![
                    self.date_field(W::FieldOn),
                    self.text_field(W::FieldHow, String::new()),
                ],
            ),
            Task::Void => (
                W::PromptVoid,
                vec![self.text_field(W::FieldReason, String::new())],
            ),
            Task::Reopen => (
                W::PromptReopen,
                vec![self.text_field(W::FieldReason, String::new())],
            ),
            Task::Letter => (
                W::PromptLetter,
                vec![Field::choice(
                    W::FieldLetter.text(lang).into(),
                    LetterKind::ALL
                        .iter()
                        .map(|k| letter_name(*k).text(lang).to_string())
                        .collect(),
                    0,
                )],
            ),
        };
        self.open_prompt(task, title, fields);
    }

    /// Asks the domain, before a prompt opens, whether the change could be made at all: a
    /// refusal that nothing typed can cure (the case is closed, there is no decision yet, a
    /// recipient is open) is said at once rather than after the prompt is filled. The trial
    /// runs on a copy with today's date and filler text; a refusal that depends on what is
    /// typed (an empty reason, a late notice date, missing steps for one decision) is left to
    /// the real change.
    fn refused_before_prompt(&self, case: &Case, task: Task) -> Option<Refusal> {
        let today = self.today();
        let id = case.id;
        let filler = || "-".to_string();
        let (event, fits_any_input): (Event, fn(&Refusal) -> bool) = match task {
            Task::WaitStart | Task::WaitEnd if case.waiting.is_none() => (
                Event::WaitingStarted {
                    case: id,
                    since: today,
                    awaiting: filler(),
                },
                |_| true,
            ),
            Task::WaitStart | Task::WaitEnd => (
                Event::WaitingEnded {
                    case: id,
                    on: today,
                    note: filler(),
                },
                |_| true,
            ),
            Task::ReplySent => (
                Event::ReplySent {
                    case: id,
                    on: today,
                },
                |_| true,
            ),
            Task::Destroyed => (
                Event::DestructionConfirmed {
                    case: id,
                    on: today,
                },
                |_| true,
            ),
            Task::AddRecipient => (
                Event::RecipientAdded {
                    case: id,
                    name: filler(),
                },
                |_| true,
            ),
            Task::RecipientTold | Task::RecipientImpossible => (
                Event::RecipientDone {
                    case: id,
                    index: 0,
                    outcome: RecipientOutcome::Told(today),
                },
                |r| matches!(r, Refusal::CaseClosed),
            ),
            Task::Close => (
                Event::Closed {
                    case: id,
                    on: today,
                },
                |_| true,
            ),
            Task::Withdraw => (
                Event::Ended {
                    case: id,
                    ending: Ending::Ingetrokken {
                        on: today,
                        how: filler(),
                    },
                },
                |r| !matches!(r, Refusal::InFuture(_) | Refusal::TooEarly(_)),
            ),
            Task::Void => (
                Event::Ended {
                    case: id,
                    ending: Ending::Vervallen { reason: filler() },
                },
                |_| true,
            ),
            Task::Reopen => (
                Event::Reopened {
                    case: id,
                    reason: filler(),
                },
                |_| true,
            ),
            Task::Extend => (
                Event::Extended {
                    case: id,
                    reason: ExtensionReason::Complexiteit,
                    explanation: filler(),
                    notice_sent: today,
                },
                |r| {
                    matches!(
                        r,
                        Refusal::CaseClosed | Refusal::AlreadyExtended | Refusal::NotForKind
                    )
                },
            ),
            Task::Decide => (
                Event::Decided {
                    case: id,
                    decision: Decision::Toegewezen,
                    reason: filler(),
                    kept: String::new(),
                },
                |r| matches!(r, Refusal::CaseClosed | Refusal::NotForKind),
            ),
            Task::Answer(_) | Task::Letter => return None,
        };
        let stamp = Stamp {
            seq: case.last_seq + 1,
            at: self.now,
            user: self.store.user().to_string(),
        };
        let mut trial = case.clone();
        trial
            .apply(&event, &stamp)
            .err()
            .filter(|r| !matches!(r, Refusal::Required(_)) && fits_any_input(r))
    }

    // ---- the prompt ----

    fn prompt_mut(&mut self) -> Option<&mut Prompt> {
        self.checklist.as_mut().and_then(|c| c.prompt.as_mut())
    }

    /// Closes the prompt without recording anything.
    pub(super) fn prompt_cancel(&mut self) {
        if let Some(c) = self.checklist.as_mut() {
            c.prompt = None;
        }
    }

    /// Up/Down in a choice field.
    pub(super) fn prompt_move(&mut self, down: bool) {
        if let Some(f) = self.prompt_mut().and_then(|p| p.fields.get_mut(p.at))
            && let FieldKind::Choice(opts) = &f.kind
        {
            f.choice = if down {
                (f.choice + 1).min(opts.len().saturating_sub(1))
            } else {
                f.choice.saturating_sub(1)
            };
        }
    }

    /// A typed character: text in a text field; in a choice field a digit picks an option and
    /// j/k move.
    pub(super) fn prompt_char(&mut self, ch: char) {
        let lang = self.lang;
        let Some(f) = self.prompt_mut().and_then(|p| p.fields.get_mut(p.at)) else {
            return;
        };
        match &f.kind {
            FieldKind::Choice(opts) => {
                let yes_no = opts.len() == 2
                    && opts[0] == option("ja", lang)
                    && opts[1] == option("nee", lang);
                if let Some(d) = ch.to_digit(10).and_then(|d| usize::try_from(d).ok())
                    && (1..=opts.len()).contains(&d)
                {
                    f.choice = d - 1;
                } else if yes_no && (ch == 'y' || ch == 'n') {
                    f.choice = usize::from(ch == 'n');
                } else if ch == 'j' {
                    f.choice = (f.choice + 1).min(opts.len().saturating_sub(1));
                } else if ch == 'k' {
                    f.choice = f.choice.saturating_sub(1);
                }
            }
            _ => f.text.push(ch),
        }
    }

    /// Deletes the last character of a text field.
    pub(super) fn prompt_backspace(&mut self) {
        if let Some(f) = self.prompt_mut().and_then(|p| p.fields.get_mut(p.at)) {
            f.text.pop();
        }
    }

    /// Back to the previous field.
    pub(super) fn prompt_prev(&mut self) {
        if let Some(p) = self.prompt_mut() {
            p.at = p.at.saturating_sub(1);
        }
    }

    /// Enter: checks the field's form (a date must read as a date), then goes to the next
    /// field, or records the prompt on the last.
    pub(super) fn prompt_next(&mut self) {
        let lang = self.lang;
        let Some(p) = self.checklist.as_ref().and_then(|c| c.prompt.clone()) else {
            return;
        };
        let Some(field) = p.fields.get(p.at) else {
            return;
        };
        if let Err(msg) = field_form(field) {
            let text = msg.fill(lang, &[("field", &field.label)]);
            self.say(text, true);
            return;
        }
        if p.at + 1 < p.fields.len() {
            if let Some(p) = self.prompt_mut() {
                p.at += 1;
            }
            return;
        }
        self.submit(&p);
    }

    /// Records a complete prompt: builds the events, saves them through the store (the domain
    /// validates; a refusal is said on the status line and the prompt stays open to fix it).
    fn submit(&mut self, p: &Prompt) {
        let Some(id) = self.case_id() else { return };
        if p.task == Task::Letter {
            let kind = LetterKind::ALL
                .get(p.fields.first().map_or(0, |f| f.choice))
                .copied()
                .unwrap_or(LetterKind::Ontvangstbevestiging);
            self.make_letter(kind);
            return;
        }
        let text = |i: usize| p.fields.get(i).map(|f| f.text.trim().to_string());
        let text = |i: usize| text(i).unwrap_or_default();
        let date = |i: usize| parse_date(&text(i)).ok();
        let choice = |i: usize| p.fields.get(i).map_or(0, |f| f.choice);
        let today = self.today();
        let event = match p.task {
            Task::Answer(step) => {
                let Some(f) = p.fields.first() else { return };
                let Some(answer) = self.answer_of(step, f) else {
                    return;
                };
                self.record_answer(step, answer);
                return;
            }
            Task::WaitStart => Event::WaitingStarted {
                case: id,
                awaiting: text(0),
                since: date(1).unwrap_or(today),
            },
            Task::WaitEnd => Event::WaitingEnded {
                case: id,
                note: text(0),
                on: date(1).unwrap_or(today),
            },
            Task::Extend => Event::Extended {
                case: id,
                reason: GROUNDS
                    .get(choice(0))
                    .copied()
                    .unwrap_or(ExtensionReason::Complexiteit),
                explanation: text(1),
                notice_sent: date(2).unwrap_or(today),
            },
            Task::Decide => Event::Decided {
                case: id,
                decision: DECISIONS
                    .get(choice(0))
                    .copied()
                    .unwrap_or(Decision::Toegewezen),
                reason: text(1),
                kept: text(2),
            },
            Task::ReplySent => Event::ReplySent {
                case: id,
                on: date(0).unwrap_or(today),
            },
            Task::Destroyed => Event::DestructionConfirmed {
                case: id,
                on: date(0).unwrap_or(today),
            },
            Task::AddRecipient => Event::RecipientAdded {
                case: id,
                name: text(0),
            },
            Task::RecipientTold => Event::RecipientDone {
                case: id,
                index: choice(0),
                outcome: RecipientOutcome::Told(date(1).unwrap_or(today)),
            },
            Task::RecipientImpossible => Event::RecipientDone {
                case: id,
                index: choice(0),
                outcome: RecipientOutcome::Impossible(text(1)),
            },
            Task::Close => Event::Closed {
                case: id,
                on: date(0).unwrap_or(today),
            },
            Task::Withdraw => Event::Ended {
                case: id,
                ending: Ending::Ingetrokken {
                    on: date(0).unwrap_or(today),
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
            Task::Letter => return,
        };
        let reply_on = match &event {
            Event::ReplySent { on, .. } => Some(*on),
            _ => None,
        };
        if self.save_change(event, done_msg(p.task)) {
            self.prompt_cancel();
            if let Some(on) = reply_on {
                self.warn_late_refusal(on);
            }
        }
    }

    /// The typed answer of a step's field, or says why it does not read.
    fn answer_of(&mut self, step: StepId, f: &Field) -> Option<Answer> {
        let ty = crate::domain::checklist::find(self.checklist.as_ref()?.case.kind, step)?.ty;
        let text = f.text.trim();
        let answer = match ty {
            AnswerType::YesNo => Answer::YesNo(f.choice == 0),
            AnswerType::Choice(opts) => Answer::Choice(opts.get(f.choice)?.to_string()),
            AnswerType::Date => Answer::Date(parse_date(text).ok()?),
            AnswerType::Instant => Answer::Instant(typed_instant(text).ok()?),
            AnswerType::Number => Answer::Number(text.parse().ok()?),
            AnswerType::Text => Answer::Text(text.to_string()),
        };
        Some(answer)
    }

    fn record_answer(&mut self, step: StepId, answer: Answer) -> bool {
        let Some(case) = self.case_id() else {
            return false;
        };
        let event = Event::Answered { case, step, answer };
        let saved = self.save_change(event, WorkMsg::DoneAnswer);
        if saved {
            self.prompt_cancel();
            // On to the step after the one answered (the list may have changed around it).
            let today = self.today();
            if let Some(c) = self.checklist.as_mut() {
                let steps = c.case.visible_steps(today);
                if let Some(at) = steps.iter().position(|s| s.id == step) {
                    c.cursor = (at + 1).min(steps.len().saturating_sub(1));
                }
            }
            // The next step, if it is still open and no y/n answers it, opens its prompt: the
            // keys stay with the answers (letters typed on a text step would be commands).
            let next = self.current_step().filter(|s| {
                s.id != step
                    && self
                        .checklist
                        .as_ref()
                        .is_some_and(|c| !c.case.answers.contains_key(&s.id))
            });
            if let Some(next) = next
                && !takes_yes_no(next.ty)
            {
                self.answer_prompt();
            }
        }
        saved
    }

    /// Saves one event; on success reloads the case and the list and says `done`. On refusal
    /// says why (the domain's words) and returns false.
    fn save_change(&mut self, event: Event, done: WorkMsg) -> bool {
        let Some(id) = self.case_id() else {
            return false;
        };
        if let Err(e) = self.store.save(vec![event], self.now) {
            self.say(e.message(self.lang), true);
            return false;
        }
        if self.reload_case(id) {
            self.say(done.text(self.lang).to_string(), false);
        }
        true
    }

    /// Reads the case back after a save (and the list); false, having said why, when it
    /// cannot be read.
    fn reload_case(&mut self, id: CaseId) -> bool {
        self.load();
        let today = self.today();
        match self.store.case(id) {
            Ok(Some(case)) => {
                if let Some(c) = self.checklist.as_mut() {
                    let n = case.visible_steps(today).len();
                    c.case = case;
                    c.cursor = c.cursor.min(n.saturating_sub(1));
                }
                true
            }
            // Saved, but the case cannot be read back: say so rather than show a stale case.
            Ok(None) => {
                let text = WorkMsg::NoCase.fill(self.lang, &[("id", &id.to_string())]);
                self.say(text, true);
                false
            }
            Err(e) => {
                self.say(e.message(self.lang), true);
                false
            }
        }
    }

    /// AVG 12(4): a refusal must reach the requester within the first month; an extension does
    /// not move that month. Warns when the reply went out after it.
    fn warn_late_refusal(&mut self, sent: NaiveDate) {
        let Some(c) = self.checklist.as_ref() else {
            return;
        };
        if let Some(last) = late_refusal(&c.case, sent) {
            let text = WorkMsg::LateRefusal.fill(
                self.lang,
                &[("date", &last.format(DATE_FORMAT).to_string())],
            );
            self.say(text, true);
        }
    }

    /// Makes a letter from the case: renders it (the letters library refuses what the law would
    /// find wanting), writes it to the configured folder or the current one, and records it.
    fn make_letter(&mut self, kind: LetterKind) {
        let lang = self.lang;
        let Some(case) = self.checklist.as_ref().map(|c| c.case.clone()) else {
            return;
        };
        let made = Template::resolve(kind, lang, letters::override_dir().as_deref())
            .and_then(|t| {
                letters::render(
                    kind,
                    &case,
                    &self.config.organisatie,
                    lang,
                    self.today(),
                    &t,
                )
            })
            .and_then(|text| {
                let dir = self
                    .config
                    .brieven
                    .map
                    .clone()
                    .unwrap_or_else(|| std::path::PathBuf::from("."));
                letters::write_letter(&dir, case.id, kind, &text)
            });
        match made {
            Err(e) => {
                let text = WorkMsg::LetterRefused.fill(lang, &[("why", &e.message(lang))]);
                self.say(text, true);
            }
            Ok(path) => {
                let event = Event::LetterMade {
                    case: case.id,
                    letter: kind.slug().to_string(),
                };
                match self.store.save(vec![event], self.now) {
                    Ok(_) => {
                        self.prompt_cancel();
                        let path = path.display().to_string();
                        let text = WorkMsg::LetterMade.fill(lang, &[("path", &path)]);
                        self.say(text, false);
                    }
                    Err(e) => {
                        // Not in the audit trail: the letter must not exist either (as
                        // `privdesk letter` does).
                        let _ = std::fs::remove_file(&path);
                        let text =
                            WorkMsg::LetterNotRecorded.fill(lang, &[("why", &e.message(lang))]);
                        self.say(text, true);
                    }
                }
            }
        }
    }
}

/// The last day a refusal could reach the requester, when this reply of a refusal went out
/// after it (AVG 12(4)); `None` when on time or not a refusal.
pub fn late_refusal(case: &Case, sent: NaiveDate) -> Option<NaiveDate> {
    let d = case.decision.as_ref()?;
    if !d.decision.is_refusal() {
        return None;
    }
    let last = deadline::refusal_deadline(case.kind, case.received()?).ok()?;
    (sent > last).then_some(last)
}

/// Whether y/n answer a step: a yes/no question, or a choice of exactly ja and nee.
fn takes_yes_no(ty: AnswerType) -> bool {
    match ty {
        AnswerType::YesNo => true,
        AnswerType::Choice(opts) => opts == ["ja", "nee"],
        _ => false,
    }
}

/// The name of a letter.
pub fn letter_name(kind: LetterKind) -> WorkMsg {
    match kind {
        LetterKind::Ontvangstbevestiging => WorkMsg::LetterOntvangst,
        LetterKind::Verlenging => WorkMsg::LetterVerlenging,
        LetterKind::Besluit => WorkMsg::LetterBesluit,
    }
}

/// An instant as typed in a prompt: `YYYY-MM-DD HH:MM` (as the prompt asks) or anything
/// `parse_instant` reads (`T` between date and time, an explicit offset), Amsterdam time.
fn typed_instant(text: &str) -> Result<chrono::DateTime<chrono::Utc>, InstantError> {
    parse_instant(&text.trim().replacen(' ', "T", 1))
}

/// An instant as a prompt shows it for editing: Amsterdam wall time to the minute.
fn wall_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.with_timezone(&chrono_tz::Europe::Amsterdam)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// Whether a field's text reads as its kind (an empty text is the domain's to refuse, with the
/// field's name).
fn field_form(f: &Field) -> Result<(), WorkMsg> {
    let t = f.text.trim();
    match f.kind {
        FieldKind::Date if parse_date(t).is_err() => Err(WorkMsg::BadDate),
        FieldKind::Instant if typed_instant(t).is_err() => Err(WorkMsg::BadInstant),
        FieldKind::Number if t.parse::<u64>().is_err() => Err(WorkMsg::BadNumber),
        _ => Ok(()),
    }
}

fn done_msg(task: Task) -> WorkMsg {
    match task {
        Task::Answer(_) => WorkMsg::DoneAnswer,
        Task::WaitStart => WorkMsg::DoneWaitStart,
        Task::WaitEnd => WorkMsg::DoneWaitEnd,
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
    }
}

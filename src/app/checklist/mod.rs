//! The checklist workbench of one case: its steps (from the domain's tables, recomputed after
//! every change), the answers, and the prompts that record waiting, an extension, a decision,
//! the reply, the destruction, AVG 19 recipients, the endings and the letters.
//!
//! The screen holds no rules: what shows, what is missing and what may be decided or closed
//! is the domain's (`domain::checklist`, `Case::apply`); a refused change comes back as the
//! domain's [`Refusal`](crate::domain::case::Refusal), translated on the status line, and never
//! reaches the disk.
//!
//! - this file — the screen's state: the case, the cursor; opening, moving, saving a change.
//! - `answer` — answering the step under the cursor (y/n, or its prompt).
//! - `flows` — the prompt of each task: waiting, extension, decision, reply, destruction,
//!   recipients, endings, letters.
//! - `trial` — what the domain would refuse before a prompt opens.
//! - `prompt` — an open prompt (a short [`Form`](super::form::Form)) and what it records.
//! - `letter` — making a letter from the case.
//! - `correction` — correcting a registered fact (`C`, issue 18).
//! - `note` — a note on the case (`N`, issue 18).
//! - `team` — the behandelaar, vier ogen and the FG's advice (issue 22).

mod answer;
mod correction;
mod flows;
mod letter;
mod note;
mod prompt;
mod team;
mod trial;

use crate::store::{Seen, StoreError};
use chrono::NaiveDate;

pub use letter::letter_name;
pub use prompt::{Prompt, Records};

use super::screen::View;
use super::{Action, App, Screen};
use crate::domain::checklist::{self, Step, StepId};
use crate::domain::deadline::{self, amsterdam_date};
use crate::domain::{Case, CaseId, Event};
use crate::i18n::workbench::WorkMsg;

/// The open checklist: the case as last saved, the step under the cursor, the prompt being
/// filled, and a decision's text kept after a refusal.
#[derive(Clone, Debug)]
pub struct Checklist {
    /// The case, reloaded from the register after every change.
    pub case: Case,
    /// The step under the cursor.
    pub cursor: StepId,
    /// The prompt being filled, if any.
    pub prompt: Option<Prompt>,
    /// A decision prompt left with text typed in (refused, then Esc to fix the checklist): it
    /// opens again with that text (issue 18).
    pub draft: Option<super::form::Form>,
}

impl Checklist {
    /// The cursor's row among `steps` (the visible ones); the first row when its step is not
    /// among them.
    pub fn cursor_row(&self, steps: &[&Step]) -> usize {
        steps.iter().position(|s| s.id == self.cursor).unwrap_or(0)
    }
}

/// How a prompt writes a date it starts with, and a date in a message.
const DATE_FORMAT: &str = "%Y-%m-%d";

impl App {
    /// The Amsterdam date of the clock's instant: the "today" of every rule.
    pub fn today(&self) -> NaiveDate {
        amsterdam_date(self.now)
    }

    /// What an action does on the checklist.
    pub(in crate::app) fn update_checklist(&mut self, action: Action) {
        match action {
            Action::Up | Action::Down => self.checklist_move(action == Action::Down),
            Action::Back => {
                self.close_checklist();
                // The detail below shows what the checklist changed: read it again.
                if let Screen::Detail(id) = self.screen() {
                    self.load_case_view(id);
                }
            }
            Action::Why => self.open_why(),
            Action::AnswerYes => self.answer_yes_no(true),
            Action::AnswerNo => self.answer_yes_no(false),
            Action::Answer => self.answer_prompt(),
            Action::Task(task) => self.start_task(task),
            Action::ApForm => self.open_ap_form(self.ap_form_target()),
            _ => {}
        }
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
                if !self.record_read(id) {
                    return;
                }
                id
            }
        };
        match self.store.case(id) {
            Ok(Some(case)) => {
                let today = self.today();
                let visible = case.visible_steps(today);
                let missing = case.missing_steps(today, None);
                let cursor = missing
                    .first()
                    .filter(|m| visible.iter().any(|s| s.id == **m))
                    .copied()
                    .or_else(|| visible.first().map(|s| s.id));
                // Every kind has steps; a case with none visible has nothing to put a cursor on.
                let Some(cursor) =
                    cursor.or_else(|| checklist::steps(case.kind).next().map(|s| s.id))
                else {
                    return self.say_no_case(id);
                };
                self.screens.push(View::Checklist(Box::new(Checklist {
                    case,
                    cursor,
                    prompt: None,
                    draft: None,
                })));
            }
            Ok(None) => self.say_no_case(id),
            Err(e) => self.say(e.message(self.lang), true),
        }
    }

    /// Leaves the checklist (back to the list or the detail it came from).
    pub(super) fn close_checklist(&mut self) {
        self.screens.pop();
    }

    /// The case a prompt works on: the checklist's, or the detail's (its letter key).
    fn case_id(&self) -> Option<CaseId> {
        match self.screen() {
            Screen::Checklist(id) | Screen::Detail(id) => Some(id),
            _ => None,
        }
    }

    /// The case a prompt works on, as last read (see [`App::case_id`]).
    fn work_case(&self) -> Option<Case> {
        match self.screen() {
            Screen::Checklist(_) => self.checklist().map(|c| c.case.clone()),
            Screen::Detail(_) => self.case_view().and_then(|v| v.case.clone()),
            _ => None,
        }
    }

    /// Moves the cursor over the visible steps.
    pub(super) fn checklist_move(&mut self, down: bool) {
        let today = self.today();
        if let Some(c) = self.checklist_mut() {
            let steps = c.case.visible_steps(today);
            let at = c.cursor_row(&steps);
            let to = if down {
                (at + 1).min(steps.len().saturating_sub(1))
            } else {
                at.saturating_sub(1)
            };
            if let Some(s) = steps.get(to) {
                c.cursor = s.id;
            }
        }
    }

    /// The step under the cursor.
    fn current_step(&self) -> Option<&'static Step> {
        let c = self.checklist()?;
        let steps = c.case.visible_steps(self.today());
        steps.get(c.cursor_row(&steps)).copied()
    }

    /// Saves one event; on success reloads the case and the list and says `done`. On refusal
    /// says why (the domain's words) and returns false.
    fn save_change(&mut self, event: Event, done: WorkMsg) -> bool {
        let done = done.text(self.lang);
        self.save_change_saying(event, done)
    }

    /// Saves a team change (issue 22) and says `done`.
    fn save_team_change(&mut self, event: Event, done: crate::i18n::team::TeamMsg) -> bool {
        let done = done.text(self.lang);
        self.save_change_saying(event, done)
    }

    /// [`App::save_change`] with the words of its success.
    fn save_change_saying(&mut self, event: Event, done: &'static str) -> bool {
        use crate::i18n::team::TeamMsg;
        let Some(id) = self.case_id() else {
            return false;
        };
        let seen: Vec<Seen> = self.work_case().iter().map(Seen::of).collect();
        // Vier ogen (issue 22): a decision of a type the register has approved by a second
        // handler is recorded as its proposal, in the same change.
        let proposal = self
            .work_case()
            .and_then(|c| self.store.vier_ogen().proposal_for(&event, c.kind));
        let mut events = vec![event];
        if let Some(subject) = proposal {
            events.push(Event::Proposed { case: id, subject });
        }
        match self.commit(events, &seen) {
            Ok(saved) => {
                let case = saved.cases.into_iter().find(|c| c.id == id);
                if self.show_case(id, case) && saved.warning.is_none() {
                    let text = match proposal {
                        Some(_) => TeamMsg::DoneProposed.text(self.lang),
                        None => done,
                    };
                    self.say(text.to_string(), false);
                }
                true
            }
            Err(e @ StoreError::Conflict { .. }) => {
                // Someone else changed the case: show it as it is now, and say who and when.
                self.load();
                self.reload_case(id);
                self.say(e.message(self.lang), true);
                false
            }
            Err(e) => {
                self.say(e.message(self.lang), true);
                false
            }
        }
    }

    /// Reads the case back after a save (and the list); false, having said why, when it
    /// cannot be read.
    fn reload_case(&mut self, id: CaseId) -> bool {
        self.show_case(id, None)
    }

    /// Shows case `id` as saved: `saved` when the save returned its record (a record that
    /// did not change, a read, is read back), else read from the register.
    fn show_case(&mut self, id: CaseId, saved: Option<Case>) -> bool {
        if self.screen() == Screen::Detail(id) {
            // The detail shows the change in its history; a failed read says why there.
            self.load_case_view(id);
            return true;
        }
        let today = self.today();
        let read = match saved {
            Some(case) => Ok(Some(case)),
            None => self.store.case(id),
        };
        match read {
            Ok(Some(case)) => {
                if let Some(c) = self.checklist_mut() {
                    // A step the change hid leaves the cursor on the row where it was.
                    let row = c.cursor_row(&c.case.visible_steps(today));
                    let steps = case.visible_steps(today);
                    if !steps.iter().any(|s| s.id == c.cursor)
                        && let Some(s) = steps.get(row.min(steps.len().saturating_sub(1)))
                    {
                        c.cursor = s.id;
                    }
                    c.case = case;
                }
                true
            }
            // Saved, but the case cannot be read back: say so rather than show a stale case.
            Ok(None) => {
                self.say_no_case(id);
                false
            }
            Err(e) => {
                self.say(e.message(self.lang), true);
                false
            }
        }
    }

    /// Says that case `id` is not in the register.
    fn say_no_case(&mut self, id: CaseId) {
        let text = WorkMsg::NoCase.fill(self.lang, &[("id", &id.to_string())]);
        self.say(text, true);
    }

    /// AVG 12(4): a refusal must reach the requester within the first month; an extension does
    /// not move that month. Warns when the reply went out after it.
    fn warn_late_refusal(&mut self, sent: NaiveDate) {
        let Some(c) = self.checklist() else {
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

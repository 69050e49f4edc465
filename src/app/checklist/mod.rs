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

mod answer;
mod correction;
mod flows;
mod letter;
mod note;
mod prompt;
mod trial;

use chrono::NaiveDate;

pub use letter::letter_name;
pub use prompt::{Prompt, Records};

use super::{App, Screen};
use crate::domain::checklist::Step;
use crate::domain::deadline::{self, amsterdam_date};
use crate::domain::{Case, CaseId, Event};
use crate::i18n::workbench::WorkMsg;

/// The open checklist: the case as last saved, the step under the cursor.
#[derive(Clone, Debug)]
pub struct Checklist {
    /// The case, reloaded from the register after every change.
    pub case: Case,
    /// The position of the cursor among the visible steps.
    pub cursor: usize,
}

/// How a prompt writes a date it starts with, and a date in a message.
const DATE_FORMAT: &str = "%Y-%m-%d";

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
                if !self.record_read(id) {
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
                self.checklist = Some(Checklist { case, cursor });
                self.screens.push(Screen::Checklist(id));
            }
            Ok(None) => self.say_no_case(id),
            Err(e) => self.say(e.message(self.lang), true),
        }
    }

    /// Leaves the checklist (back to the list or the detail it came from).
    pub(super) fn close_checklist(&mut self) {
        self.checklist = None;
        self.prompt = None;
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
            Screen::Checklist(_) => self.checklist.as_ref().map(|c| c.case.clone()),
            Screen::Detail(_) => self.case_view.as_ref().and_then(|v| v.case.clone()),
            _ => None,
        }
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
    fn current_step(&self) -> Option<&'static Step> {
        let c = self.checklist.as_ref()?;
        c.case.visible_steps(self.today()).get(c.cursor).copied()
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
        self.refresh_summary(id);
        if self.screen() == Screen::Detail(id) {
            // The detail shows the change in its history; a failed read says why there.
            self.load_case_view(id);
            return true;
        }
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

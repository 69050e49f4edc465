//! A note on a case (issue 18 point 3): `N` on the detail or the checklist, at any time (also
//! on a closed case); several lines (Enter starts a new one, Tab records). Journalled and shown
//! in the history with its date and author; it changes no fact, so the case's version stays.

use super::Records;
use crate::app::form::Field;
use crate::app::{App, Task};
use crate::domain::Event;
use crate::i18n::workbench::WorkMsg;

impl App {
    /// `N`: the prompt of a note.
    pub(in crate::app) fn start_note(&mut self) {
        if self.work_case().is_none() {
            return;
        }
        let field = Field::multi(WorkMsg::FieldNote.text(self.lang)).required();
        self.open_prompt(Records::Task(Task::Note), WorkMsg::PromptNote, vec![field]);
    }

    /// Records the note of the open prompt; a refusal (an empty note) keeps the prompt open.
    pub(super) fn submit_note(&mut self) {
        let (Some(id), Some(p)) = (self.case_id(), self.prompt()) else {
            return;
        };
        let event = Event::NoteAdded {
            case: id,
            text: p.form.text(0),
        };
        if self.save_change(event, WorkMsg::DoneNote) {
            self.close_prompt();
        }
    }
}

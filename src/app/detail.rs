//! The case detail: opening it (the read is recorded first), stepping to the neighbouring case,
//! and what it shows beyond the summary: the full record and the case's history from the
//! journal. Both are read once, when the case opens (rendering never touches the register),
//! and dropped when the detail closes.

use super::screen::View;
use super::{Action, App};
use crate::domain::{Case, CaseId, Event};
use crate::i18n::ui::UiMsg;
use crate::store::HistoryEntry;

/// The open case as read from the register.
#[derive(Clone, Debug)]
pub struct CaseView {
    /// The case.
    pub id: CaseId,
    /// Its full record; `None` when it could not be read (then `error` says why).
    pub case: Option<Case>,
    /// Every change about it, oldest first: (seq, instant, user, event).
    pub history: Vec<HistoryEntry>,
    /// Why the record or the history could not be read, in the user's language.
    pub error: Option<String>,
    /// How far the detail is scrolled, in rows.
    pub scroll: u16,
}

impl App {
    /// What an action does on a case's detail.
    pub(super) fn update_detail(&mut self, action: Action) {
        use Action as A;
        match action {
            A::Up | A::Down => self.step_detail(action == A::Down),
            A::PageUp | A::PageDown | A::Top | A::Bottom | A::LineUp | A::LineDown => {
                self.scroll_detail(action)
            }
            A::Back => self.back(),
            A::Checklist => self.open_checklist(),
            A::Why => self.open_why(),
            A::ApForm => self.open_ap_form(self.ap_form_target()),
            A::Task(task) => self.start_task(task),
            _ => {}
        }
    }

    /// Reads the record and the history of case `id` again for the detail in view (it shows
    /// what a change did).
    pub(super) fn load_case_view(&mut self, id: CaseId) {
        let fresh = self.read_case_view(id);
        if let Some(v) = self.case_view_mut().filter(|v| v.id == id) {
            *v = fresh;
        }
    }

    /// Opens the detail of case `id` (already recorded as read).
    pub(super) fn push_detail(&mut self, id: CaseId) {
        let view = self.read_case_view(id);
        self.screens.push(View::Detail(Box::new(view), None));
    }

    /// Reads the record and the history of case `id` for the detail. A failed read still opens
    /// the detail (the summary is known) with the reason on it.
    pub(super) fn read_case_view(&self, id: CaseId) -> CaseView {
        let mut error = None;
        let case = match self.store.case(id) {
            Ok(c) => c,
            Err(e) => {
                error = Some(e.message(self.lang));
                None
            }
        };
        let history = match self.store.history(id) {
            Ok(h) => h,
            Err(e) => {
                error.get_or_insert_with(|| e.message(self.lang));
                Vec::new()
            }
        };
        CaseView {
            id,
            case,
            history,
            error,
            scroll: 0,
        }
    }

    /// Scrolls the detail: a page down or up, or to the top or the bottom. The renderer clamps
    /// the bottom to the detail's length (it knows the width the lines wrap to).
    pub(super) fn scroll_detail(&mut self, action: Action) {
        let page = u16::try_from(self.list.page.saturating_sub(2).max(1)).unwrap_or(u16::MAX);
        if let Some(v) = self.case_view_mut() {
            v.scroll = match action {
                Action::PageDown => v.scroll.saturating_add(page),
                Action::PageUp => v.scroll.saturating_sub(page),
                Action::Top => 0,
                Action::LineDown => v.scroll.saturating_add(1),
                Action::LineUp => v.scroll.saturating_sub(1),
                _ => u16::MAX,
            };
        }
    }

    /// Opens the selected case, recording that it was read (AVG accountability). If the
    /// register cannot record it, the case stays closed and the status line says why.
    pub(super) fn open(&mut self) {
        let Some(id) = self.selected_summary().map(|s| s.id) else {
            self.say(UiMsg::NothingSelected.text(self.lang).to_string(), true);
            return;
        };
        if self.record_read(id) {
            self.push_detail(id);
        }
    }

    /// Records that case `id` was read (AVG accountability); false, having said why on the
    /// status line, when the register cannot record it.
    pub(super) fn record_read(&mut self, id: CaseId) -> bool {
        match self.commit(vec![Event::Viewed { case: id }], &[]) {
            Ok(_) => true,
            Err(e) => {
                let text = UiMsg::NotRecorded.fill(self.lang, &[("why", &e.message(self.lang))]);
                self.say(text, true);
                false
            }
        }
    }

    /// In a detail, Up/Down step to the neighbouring case of the list (recording the read).
    pub(super) fn step_detail(&mut self, down: bool) {
        let before = self.list.selected;
        let next = if down {
            before.saturating_add(1)
        } else {
            before.saturating_sub(1)
        };
        self.select(next);
        if self.list.selected == before {
            return;
        }
        self.screens.pop();
        let len = self.screens.len();
        self.open();
        if self.screens.len() == len {
            // Not recorded: back where we were, the detail of the case before.
            self.list.selected = before;
            if let Some(id) = self.selected_summary().map(|s| s.id) {
                self.push_detail(id);
            }
        }
    }
}

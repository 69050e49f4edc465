//! What the case detail shows beyond the summary: the full record and the case's history from
//! the journal. Both are read once, when the case opens (rendering never touches the register),
//! and dropped when the detail closes.

use super::{Action, App};
use crate::domain::{Case, CaseId};
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
    /// Reads the record and the history of case `id` for the detail. A failed read still opens
    /// the detail (the summary is known) with the reason on it.
    pub(super) fn load_case_view(&mut self, id: CaseId) {
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
        self.case_view = Some(CaseView {
            id,
            case,
            history,
            error,
            scroll: 0,
        });
    }

    /// Scrolls the detail: a page down or up, or to the top or the bottom. The renderer clamps
    /// the bottom to the detail's length (it knows the width the lines wrap to).
    pub(super) fn scroll_detail(&mut self, action: Action) {
        let page = u16::try_from(self.page.saturating_sub(2).max(1)).unwrap_or(u16::MAX);
        if let Some(v) = self.case_view.as_mut() {
            v.scroll = match action {
                Action::PageDown => v.scroll.saturating_add(page),
                Action::PageUp => v.scroll.saturating_sub(page),
                Action::Top => 0,
                _ => u16::MAX,
            };
        }
    }
}

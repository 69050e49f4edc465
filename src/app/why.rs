//! "Waarom deze datum?" (issue 21): one key on a case's detail and checklist opens, over it,
//! each of the case's deadlines with the steps that made it — produced by the deadline code
//! itself (`domain::deadline::explain_*`), never a second copy of the rules.

use chrono::{DateTime, NaiveDate, Utc};

use super::screen::View;
use super::{Action, App};
use crate::domain::Case;
use crate::domain::deadline::{Step, Which, explain_breach, explain_verzoek};

/// One deadline and its steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Explained {
    /// A date deadline of a verzoek.
    Date(Which, NaiveDate, Vec<Step>),
    /// A breach's 72-hour mark.
    Breach(DateTime<Utc>, Vec<Step>),
}

/// The explanations of a case's deadlines (empty when none can be computed).
pub fn explain_case(case: &Case) -> Vec<Explained> {
    if let Some(r) = &case.request {
        let notice = case.extension.as_ref().map(|e| e.notice_sent);
        return explain_verzoek(r.kind, r.received, notice)
            .map(|all| {
                all.into_iter()
                    .map(|w| Explained::Date(w.which, w.date, w.steps))
                    .collect()
            })
            .unwrap_or_default();
    }
    if let Some(b) = &case.breach {
        return explain_breach(b.aware_at, b.processor_notice_at)
            .map(|(at, steps)| vec![Explained::Breach(at, steps)])
            .unwrap_or_default();
    }
    Vec::new()
}

impl App {
    /// Opens the explanation of the case in view (the checklist's, else the detail's).
    pub(super) fn open_why(&mut self) {
        let case = match self.checklist() {
            Some(c) if self.screen() == super::Screen::Checklist(c.case.id) => Some(&c.case),
            _ => self.case_view().and_then(|v| v.case.as_ref()),
        };
        if let Some(case) = case {
            let explained = explain_case(case);
            self.screens.push(View::Why(explained, 0));
        }
    }

    /// The explanation on top, if any, and how far it is scrolled.
    pub fn why(&self) -> Option<(&[Explained], u16)> {
        match self.screens.last() {
            Some(View::Why(e, scroll)) => Some((e.as_slice(), *scroll)),
            _ => None,
        }
    }

    /// What an action does on the explanation.
    pub(super) fn update_why(&mut self, action: Action) {
        match action {
            Action::Up | Action::Down => {
                if let Some(View::Why(_, scroll)) = self.top_mut() {
                    *scroll = if action == Action::Down {
                        scroll.saturating_add(1).min(40)
                    } else {
                        scroll.saturating_sub(1)
                    };
                }
            }
            Action::Back | Action::Why => self.back(),
            _ => {}
        }
    }
}

//! The screen stack (the list always at the bottom) and the mode it puts keys in: what the help
//! lists, and which actions apply to the case in view.

use super::{Action, App, Mode, StatusFilter, keymap};
use crate::domain::{CaseId, CaseKind};

/// One screen of the stack; the list is always at the bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The case list (home).
    List,
    /// A case's short detail.
    Detail(CaseId),
    /// The keys, generated from the keymap.
    Help,
    /// The AP form view of a datalek: its fields in the order of the AP's meldformulier.
    ApForm(CaseId),
    /// The breach register (AVG 33(5)): every datalek, notified or not.
    Breaches,
    /// A case's checklist.
    Checklist(CaseId),
    /// The form for a new verzoek.
    NewRequest,
    /// The new-datalek form.
    NewBreach,
}

/// A yes/no question, and what yes does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Throw the typed form away and go back.
    DiscardForm,
    /// Throw the typed form away and leave privdesk.
    DiscardAndQuit,
    /// Record a correction that makes a recorded decision or extension unlawful (issue 18):
    /// what it makes unlawful, for the question.
    Correction {
        /// The recorded decision would no longer be allowed.
        decision: bool,
        /// The recorded extension's notice would lie after the first month.
        extension: bool,
    },
}

impl App {
    /// The screen on top.
    pub fn screen(&self) -> Screen {
        self.screens.last().copied().unwrap_or(Screen::List)
    }

    /// The screen below the top one (what the help overlays).
    pub fn screen_below(&self) -> Screen {
        let n = self.screens.len();
        if n >= 2 {
            self.screens[n - 2]
        } else {
            Screen::List
        }
    }

    /// The mode the help was opened from (the screen under it): its keys come first.
    pub fn help_from(&self) -> Mode {
        match self.screen_below() {
            Screen::List | Screen::Help => Mode::List,
            Screen::Detail(_) => Mode::Detail,
            Screen::ApForm(_) => Mode::ApForm,
            Screen::Breaches => Mode::Breaches,
            Screen::Checklist(_) => Mode::Checklist,
            Screen::NewRequest | Screen::NewBreach => Mode::Form,
        }
    }

    /// What the help lists: each mode with its keys and their help texts, the mode it was opened
    /// from first, then the others in the table's order — all read from the one keymap.
    pub fn help_sections(&self) -> Vec<(Mode, keymap::HelpLines)> {
        let from = self.help_from();
        std::iter::once(from)
            .chain(Mode::ALL.into_iter().filter(|m| *m != from))
            .map(|m| {
                // The context (the case in view) is the screen the help was opened from.
                let keys = if m == from {
                    self.keymap.help(m, |a| self.applies(a))
                } else {
                    self.keymap.help(m, |_| true)
                };
                (m, keys)
            })
            .collect()
    }

    /// The kind of the case the screen is about (under the help, the screen it was opened
    /// from): the detail's or the checklist's case; none on the other screens.
    pub fn kind_in_view(&self) -> Option<CaseKind> {
        let screen = match self.screen() {
            Screen::Help => self.screen_below(),
            s => s,
        };
        match screen {
            Screen::Checklist(_) if let Some(c) = &self.checklist => Some(c.case.kind),
            Screen::Detail(id) | Screen::Checklist(id) | Screen::ApForm(id) => {
                self.summary(id).map(|s| s.kind)
            }
            _ => None,
        }
    }

    /// Whether an action applies to the case in view (every action does where no case is):
    /// the footer and the help show the keys of those that do.
    pub fn applies(&self, action: Action) -> bool {
        self.kind_in_view().is_none_or(|k| action.applies_to(k))
    }

    /// Where keys go now.
    pub fn mode(&self) -> Mode {
        if self.confirm.is_some() {
            return Mode::Confirm;
        }
        match self.screen() {
            Screen::List if self.searching => Mode::Search,
            Screen::List => Mode::List,
            Screen::Detail(_) if self.prompt.is_some() => Mode::Prompt,
            Screen::Detail(_) => Mode::Detail,
            Screen::Help => Mode::Help,
            Screen::ApForm(_) => Mode::ApForm,
            Screen::Breaches => Mode::Breaches,
            Screen::Checklist(_) if self.prompt.is_some() => Mode::Prompt,
            Screen::Checklist(_) => Mode::Checklist,
            Screen::NewRequest | Screen::NewBreach => Mode::Form,
        }
    }

    /// Backs out of the screen on top; on the list, clears the search and the filters.
    pub(super) fn back(&mut self) {
        if self.screens.len() > 1 {
            if let Some(Screen::Detail(_)) = self.screens.pop() {
                self.case_view = None;
            }
        } else if !self.search.is_empty()
            || self.kind_filter.is_some()
            || self.status_filter != StatusFilter::default()
        {
            self.search.clear();
            self.kind_filter = None;
            self.status_filter = StatusFilter::default();
            self.refilter();
        }
    }
}

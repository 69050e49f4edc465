//! The screen stack (the list always at the bottom): each screen with the state it owns, and
//! the mode it puts keys in — what the help lists, and which actions apply to the case in view.

use super::checklist::{Checklist, Prompt};
use super::detail::CaseView;
use super::form::Form;
use super::{Action, App, Mode, keymap};
use crate::domain::{Case, CaseId, CaseKind};

/// One screen of the stack with its own state; [`Screen`] names it.
#[derive(Debug)]
pub(super) enum View {
    /// The case list: its state is the app's `list`, which lives as long as the app.
    List,
    /// A case's detail, and the prompt open on it (a letter's), if any.
    Detail(Box<CaseView>, Option<Prompt>),
    /// The keys, and how far they are scrolled.
    Help(u16),
    /// The AP form of a datalek: the case, and the first row in view.
    ApForm(Box<Case>, usize),
    /// The breach register: every datalek read when it opened (newest first), the selected row.
    Breaches(Vec<Case>, usize),
    /// A case's checklist: the case, the cursor, the prompt and a kept decision draft.
    Checklist(Box<Checklist>),
    /// The FG's overview, as built when it opened.
    Overview(Box<super::overview::Overview>),
    /// "Waarom deze datum?" over a case's detail or checklist, and how far it is scrolled.
    Why(Vec<super::why::Explained>, u16),
    /// The new-verzoek form, and a question about throwing it away.
    NewRequest(Box<Form>, Option<Confirm>),
    /// The new-datalek form, and a question about throwing it away.
    NewBreach(Box<Form>, Option<Confirm>),
}

impl View {
    /// The screen's name.
    pub(super) fn id(&self) -> Screen {
        match self {
            View::List => Screen::List,
            View::Detail(v, _) => Screen::Detail(v.id),
            View::Help(_) => Screen::Help,
            View::ApForm(c, _) => Screen::ApForm(c.id),
            View::Breaches(..) => Screen::Breaches,
            View::Overview(..) => Screen::Overview,
            View::Why(..) => Screen::Why,
            View::Checklist(c) => Screen::Checklist(c.case.id),
            View::NewRequest(..) => Screen::NewRequest,
            View::NewBreach(..) => Screen::NewBreach,
        }
    }

    /// The prompt open on this screen.
    fn prompt(&self) -> Option<&Prompt> {
        match self {
            View::Detail(_, p) => p.as_ref(),
            View::Checklist(c) => c.prompt.as_ref(),
            _ => None,
        }
    }
}

/// One screen of the stack by name; the list is always at the bottom.
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
    /// The FG's overview.
    Overview,
    /// Why a case's deadlines are what they are, over its detail or checklist.
    Why,
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
    /// Opens the screen a session starts on, by the login's role: the one place it is chosen.
    /// The FG supervises: her overview opens first, the list beneath it (`Esc`); everyone else
    /// starts on the list.
    pub(super) fn open_start_screen(&mut self, role: Option<crate::domain::Role>) {
        if role == Some(crate::domain::Role::Fg) {
            self.open_overview();
        }
    }

    /// The screen on top.
    pub fn screen(&self) -> Screen {
        self.screens.last().map_or(Screen::List, View::id)
    }

    /// The screen below the top one (what the help overlays).
    pub fn screen_below(&self) -> Screen {
        let n = self.screens.len();
        if n >= 2 {
            self.screens[n - 2].id()
        } else {
            Screen::List
        }
    }

    /// The screen on top, to change its state.
    pub(super) fn top_mut(&mut self) -> Option<&mut View> {
        self.screens.last_mut()
    }

    /// The nearest screen from the top that `pick` accepts (a screen under the help is still
    /// in view).
    pub(super) fn find_view<'a, T: ?Sized>(
        &'a self,
        pick: impl Fn(&'a View) -> Option<&'a T>,
    ) -> Option<&'a T> {
        self.screens.iter().rev().find_map(pick)
    }

    /// The prompt open on the screen on top.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.screens.last().and_then(View::prompt)
    }

    /// The prompt open on the screen on top, to fill in.
    pub(super) fn prompt_mut(&mut self) -> Option<&mut Prompt> {
        match self.top_mut()? {
            View::Detail(_, p) => p.as_mut(),
            View::Checklist(c) => c.prompt.as_mut(),
            _ => None,
        }
    }

    /// The slot of the prompt of the screen on top (the detail's or the checklist's).
    pub(super) fn prompt_slot(&mut self) -> Option<&mut Option<Prompt>> {
        match self.top_mut()? {
            View::Detail(_, p) => Some(p),
            View::Checklist(c) => Some(&mut c.prompt),
            _ => None,
        }
    }

    /// Closes the prompt on top without keeping anything (it was recorded, or left empty).
    pub(super) fn close_prompt(&mut self) {
        if let Some(slot) = self.prompt_slot() {
            *slot = None;
        }
    }

    /// The open checklist, if one is in view.
    pub fn checklist(&self) -> Option<&Checklist> {
        self.find_view(|v| match v {
            View::Checklist(c) => Some(&**c),
            _ => None,
        })
    }

    /// The open checklist, to change.
    pub(super) fn checklist_mut(&mut self) -> Option<&mut Checklist> {
        self.screens.iter_mut().rev().find_map(|v| match v {
            View::Checklist(c) => Some(&mut **c),
            _ => None,
        })
    }

    /// The form on top (a new verzoek or datalek), while it is open.
    pub fn request_form(&self) -> Option<&Form> {
        match self.screens.last()? {
            View::NewRequest(f, _) | View::NewBreach(f, _) => Some(f),
            _ => None,
        }
    }

    /// The form on top, to fill in.
    pub(super) fn form_mut(&mut self) -> Option<&mut Form> {
        match self.top_mut()? {
            View::NewRequest(f, _) | View::NewBreach(f, _) => Some(f),
            _ => None,
        }
    }

    /// The question waiting for a yes or no, if any.
    pub fn confirm(&self) -> Option<Confirm> {
        match self.screens.last()? {
            View::NewRequest(_, c) | View::NewBreach(_, c) => *c,
            view => view.prompt().and_then(|p| p.question),
        }
    }

    /// Asks (or, with `None`, stops asking) a question about the form on top.
    pub(super) fn set_confirm(&mut self, question: Option<Confirm>) {
        if let Some(View::NewRequest(_, c) | View::NewBreach(_, c)) = self.top_mut() {
            *c = question;
        } else if let Some(p) = self.prompt_mut() {
            p.question = question;
        }
    }

    /// The open case's record and history.
    pub fn case_view(&self) -> Option<&CaseView> {
        self.find_view(|v| match v {
            View::Detail(c, _) => Some(&**c),
            _ => None,
        })
    }

    /// The open detail's view, to change.
    pub(super) fn case_view_mut(&mut self) -> Option<&mut CaseView> {
        self.screens.iter_mut().rev().find_map(|v| match v {
            View::Detail(c, _) => Some(&mut **c),
            _ => None,
        })
    }

    /// How far the help is scrolled.
    pub fn help_scroll(&self) -> u16 {
        match self.screens.last() {
            Some(View::Help(s)) => *s,
            _ => 0,
        }
    }

    /// The mode the help was opened from (the screen under it): its keys come first.
    pub fn help_from(&self) -> Mode {
        match self.screen_below() {
            Screen::List | Screen::Help => Mode::List,
            Screen::Detail(_) => Mode::Detail,
            Screen::ApForm(_) => Mode::ApForm,
            Screen::Breaches => Mode::Breaches,
            Screen::Overview => Mode::Overview,
            Screen::Why => Mode::Why,
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
            Screen::Checklist(_) if let Some(c) = self.checklist() => Some(c.case.kind),
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
        if self.confirm().is_some() {
            return Mode::Confirm;
        }
        if self.prompt().is_some() {
            return Mode::Prompt;
        }
        match self.screen() {
            Screen::List if self.list.searching => Mode::Search,
            Screen::List => Mode::List,
            Screen::Detail(_) => Mode::Detail,
            Screen::Help => Mode::Help,
            Screen::ApForm(_) => Mode::ApForm,
            Screen::Breaches => Mode::Breaches,
            Screen::Overview => Mode::Overview,
            Screen::Why => Mode::Why,
            Screen::Checklist(_) => Mode::Checklist,
            Screen::NewRequest | Screen::NewBreach => Mode::Form,
        }
    }

    /// What an action does on the help.
    pub(super) fn update_help(&mut self, action: Action) {
        match action {
            Action::Up | Action::Down => self.scroll_help(action == Action::Down),
            Action::Back => self.back(),
            _ => {}
        }
    }

    /// Scrolls the help a line down or up, never past its end.
    pub(super) fn scroll_help(&mut self, down: bool) {
        // The help's lines: a heading and the keys per mode, a blank line between.
        let lines: usize = self.help_sections().iter().map(|(_, k)| k.len() + 2).sum();
        let last = u16::try_from(lines.saturating_sub(self.list.page)).unwrap_or(u16::MAX);
        if let Some(View::Help(scroll)) = self.top_mut() {
            *scroll = if down {
                scroll.saturating_add(1).min(last)
            } else {
                scroll.saturating_sub(1)
            };
        }
    }

    /// Backs out of the screen on top; on the list, clears the search and the filters.
    pub(super) fn back(&mut self) {
        if self.screens.len() > 1 {
            self.screens.pop();
        } else if !self.list.search.is_empty() || !self.list.filters.is_default() {
            self.list.search.clear();
            self.list.filters = super::filter::Filters::default();
            self.refilter();
        }
    }
}

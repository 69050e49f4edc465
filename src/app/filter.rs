//! The list's filters beside the search: one small typed set, each filter a field, combinable.
//! A new filter (a handler, later) is a field here, a clause in [`Filters::passes`], a label in
//! [`Filters::labels`] with its words in the list's filter line, and an action with its key row
//! (stepped in `App::update_list`); the list's refilter, `Esc` and the header need no change.

use chrono::Datelike;

use crate::domain::case::Decision;
use crate::domain::deadline::Level;
use crate::domain::{CaseKind, Status, Summary};

use super::handler_filter::HandlerFilter;

/// Which statuses the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// The cases that still need work (the default).
    #[default]
    Actief,
    /// Every case.
    Alle,
    /// One status.
    Is(Status),
}

impl StatusFilter {
    /// The cycle `s` walks: active, all, then each status.
    pub(super) fn cycle() -> Vec<StatusFilter> {
        let mut v = vec![StatusFilter::Actief, StatusFilter::Alle];
        v.extend(Status::ALL.map(StatusFilter::Is));
        v
    }

    /// Whether a case of this status is shown.
    pub fn shows(self, status: Status) -> bool {
        match self {
            StatusFilter::Actief => status.is_active(),
            StatusFilter::Alle => true,
            StatusFilter::Is(s) => s == status,
        }
    }
}

/// How urgent a case must be to be shown (domain.md §3.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// A deadline passed whose duty is not done.
    TeLaat,
    /// At most 5 working days left (a breach: under 24 hours), not late.
    Bijna,
}

impl Urgency {
    /// Whether a case at `level` is shown.
    fn shows(self, level: Level) -> bool {
        match self {
            Urgency::TeLaat => level == Level::TeLaat,
            Urgency::Bijna => level == Level::Bijna,
        }
    }
}

/// The filters in force. The default shows the active cases of every kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// One kind, or all.
    pub kind: Option<CaseKind>,
    /// The statuses shown.
    pub status: StatusFilter,
    /// Only late, or only due-soon cases.
    pub urgency: Option<Urgency>,
    /// Only cases with this decision.
    pub decision: Option<Decision>,
    /// Only cases received (a datalek: known) in this year.
    pub year: Option<i32>,
    /// By behandelaar: mine, awaiting approval, one handler's (issue 22).
    pub handler: HandlerFilter,
}

/// One filter, to name it in the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// The kind filter.
    Kind(Option<CaseKind>),
    /// The status filter.
    Status(StatusFilter),
    /// The urgency filter (only while set).
    Urgency(Urgency),
    /// The decision filter (only while set).
    Decision(Decision),
    /// The year filter (only while set).
    Year(i32),
    /// The behandelaar filter (only while set).
    Handler(HandlerFilter),
}

impl Filters {
    /// Whether a case passes every filter but the status one (which the search by case number
    /// may override); `level` is its warning level now, `me` the session's user.
    pub fn passes(&self, s: &Summary, level: Level, me: &str) -> bool {
        self.kind.is_none_or(|k| k == s.kind)
            && self.handler.shows(s, me)
            && self.urgency.is_none_or(|u| u.shows(level))
            && self.decision.is_none_or(|d| s.decision == Some(d))
            && self.year.is_none_or(|y| s.received.year() == y)
    }

    /// Whether the level matters to [`Filters::passes`] (computing it is then needed).
    pub fn needs_level(&self) -> bool {
        self.urgency.is_some()
    }

    /// Whether every filter is at its default.
    pub fn is_default(&self) -> bool {
        *self == Filters::default()
    }

    /// What the header names: the kind and status always, the others while set.
    pub fn labels(&self) -> Vec<Label> {
        let mut out = vec![Label::Kind(self.kind), Label::Status(self.status)];
        out.extend(self.urgency.map(Label::Urgency));
        out.extend(self.decision.map(Label::Decision));
        out.extend(self.year.map(Label::Year));
        if self.handler != HandlerFilter::Alle {
            out.push(Label::Handler(self.handler.clone()));
        }
        out
    }

    /// The urgency after `t`: none, te laat, bijna, none.
    pub(super) fn step_urgency(&mut self) {
        self.urgency = match self.urgency {
            None => Some(Urgency::TeLaat),
            Some(Urgency::TeLaat) => Some(Urgency::Bijna),
            Some(Urgency::Bijna) => None,
        };
    }

    /// The decision after (or before) the current one: none, then each decision.
    pub(super) fn step_decision(&mut self, forward: bool) {
        let mut cycle = vec![None];
        cycle.extend(Decision::ALL.map(Some));
        self.decision = step(&cycle, self.decision, forward);
    }

    /// The year after (or before) the current one among `years` (newest first): none, then
    /// each year.
    pub(super) fn step_year(&mut self, years: &[i32], forward: bool) {
        let mut cycle = vec![None];
        cycle.extend(years.iter().copied().map(Some));
        self.year = step(&cycle, self.year, forward);
    }
}

/// The value after (or before) `current` in a cycle.
pub(super) fn step<T: PartialEq + Copy>(cycle: &[T], current: T, forward: bool) -> T {
    let n = cycle.len();
    let at = cycle.iter().position(|c| *c == current).unwrap_or(0);
    let next = if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    };
    cycle.get(next).copied().unwrap_or(current)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn cycles_return_to_none() {
        let mut f = Filters::default();
        f.step_urgency();
        assert_eq!(f.urgency, Some(Urgency::TeLaat));
        f.step_urgency();
        assert_eq!(f.urgency, Some(Urgency::Bijna));
        f.step_urgency();
        assert_eq!(f.urgency, None);
        f.step_year(&[2026, 2025], true);
        assert_eq!(f.year, Some(2026));
        f.step_year(&[2026, 2025], false);
        assert_eq!(f.year, None);
        f.step_year(&[2026, 2025], false);
        assert_eq!(f.year, Some(2025));
        f.step_decision(true);
        assert_eq!(f.decision, Some(Decision::ALL[0]));
        assert_eq!(f.labels().len(), 4);
    }
}

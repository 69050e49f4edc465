//! The FG's overview (issue 21): tiles with the counts, the late and due-soon cases with why
//! each one is, the requests of the last twelve months and how many were answered on time,
//! the handling times per kind and the breaches. Built once when it opens, from the list's
//! summaries (the figures) and only the shown late and due-soon cases (why); drawing reads it.
//! [`App::overview_view`] builds the screen value, so a start screen can be chosen as it.

use chrono::{DateTime, NaiveDate, Utc};

use super::screen::View;
use super::{Action, App};
use crate::domain::case::Case;
use crate::domain::checklist::StepId;
use crate::domain::deadline::{Level, amsterdam_date};
use crate::domain::duty::{DutyKind, DutyState, duties};
use crate::domain::report::{OverviewFigures, overview_figures};
use crate::domain::summary::Due;
use crate::domain::workflow::per_handler;
use crate::domain::{CaseId, CaseKind, Status};

/// How many late and due-soon cases the table holds (the most urgent first); the list's
/// te-laat and bijna filters show them all.
pub const AT_RISK_ROWS: usize = 200;

/// The tiles: counts over the whole register as of the moment the overview opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tiles {
    /// Active cases.
    pub open: usize,
    /// Active cases past a deadline.
    pub te_laat: usize,
    /// Active cases due within 5 working days.
    pub bijna: usize,
    /// Waiting for the requester.
    pub wachtend: usize,
    /// Extended and still active.
    pub extended: usize,
    /// Datalekken whose 72 hours still run (AP duty open).
    pub breaches: usize,
    /// The nearest of their 72-hour marks.
    pub breach_next: Option<DateTime<Utc>>,
}

/// Why a case is late or due soon: the duty whose deadline it is, and what holds it up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holdup {
    /// Waiting for the requester since this day.
    Waiting(NaiveDate),
    /// This required checklist step is not answered.
    Step(StepId),
    /// Decided; the reply is not recorded as sent.
    ReplyNotSent,
    /// Nothing recorded holds it: the duty itself is open.
    None,
}

/// One row of the late and due-soon table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AtRisk {
    /// The case.
    pub id: CaseId,
    /// Its kind.
    pub kind: CaseKind,
    /// Te laat or bijna.
    pub level: Level,
    /// The nearest open deadline.
    pub due: Due,
    /// The duty that deadline belongs to.
    pub duty: Option<DutyKind>,
    /// What holds it up.
    pub holdup: Holdup,
}

/// The overview's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    /// The counts.
    pub tiles: Tiles,
    /// The late cases, then the due-soon ones, each by the nearest deadline.
    pub rows: Vec<AtRisk>,
    /// The months, the handling times, the breaches.
    pub figures: OverviewFigures,
    /// Open cases per behandelaar, by name (an empty name: not recorded, a summary written
    /// before issue 22); `None` on a register without logins whose cases all have one handler,
    /// where a count per handler says nothing.
    pub handlers: Option<Vec<(String, usize)>>,
    /// The instant it was built.
    pub at: DateTime<Utc>,
    /// The selected row.
    pub selected: usize,
}

/// Why the case is where it is, from the case itself.
fn holdup(case: &Case, today: NaiveDate, duty: Option<DutyKind>) -> Holdup {
    if let Some(w) = &case.waiting {
        return Holdup::Waiting(w.since);
    }
    if duty == Some(DutyKind::Answer) && case.decision.is_some() && case.reply_sent.is_none() {
        return Holdup::ReplyNotSent;
    }
    match case.missing_steps(today, None).first() {
        Some(step) => Holdup::Step(*step),
        None => Holdup::None,
    }
}

impl App {
    /// The overview as a screen value, built now: what `o` opens, and what a start screen can
    /// be.
    pub(super) fn overview_view(&mut self) -> View {
        View::Overview(Box::new(self.build_overview()))
    }

    /// An overview in view, built again after others' saves; its selection stays.
    pub(super) fn rebuild_overviews(&mut self) {
        if !self.screens.iter().any(|v| matches!(v, View::Overview(..))) {
            return;
        }
        let fresh = self.build_overview();
        for view in &mut self.screens {
            if let View::Overview(o) = view {
                let selected = o.selected.min(fresh.rows.len().saturating_sub(1));
                **o = fresh.clone();
                o.selected = selected;
            }
        }
    }

    /// Opens the overview on top of the current screen.
    pub(super) fn open_overview(&mut self) {
        let view = self.overview_view();
        self.screens.push(view);
    }

    fn build_overview(&mut self) -> Overview {
        let now = self.now;
        let today = amsterdam_date(now);
        let mut tiles = Tiles::default();
        let mut risky: Vec<(crate::domain::summary::UrgencyKey, Level, usize)> = Vec::new();
        for (i, s) in self.list.summaries.iter().enumerate() {
            let (key, level) = s.urgency(now, today);
            if s.status.is_active() {
                tiles.open += 1;
                tiles.extended += usize::from(s.extended);
                match level {
                    Level::TeLaat => tiles.te_laat += 1,
                    Level::Bijna => tiles.bijna += 1,
                    _ => {}
                }
                if matches!(level, Level::TeLaat | Level::Bijna) {
                    risky.push((key, level, i));
                }
                if let Some(due) = s.breach_due.filter(|_| !s.breach_done) {
                    tiles.breaches += 1;
                    tiles.breach_next = Some(tiles.breach_next.map_or(due, |n| n.min(due)));
                }
            }
            tiles.wachtend += usize::from(s.status == Status::Wachtend);
        }
        risky.sort_unstable_by_key(|r| r.0);
        risky.truncate(AT_RISK_ROWS);
        let mut rows = Vec::with_capacity(risky.len());
        for (_, level, i) in risky {
            let s = std::sync::Arc::clone(&self.list.summaries[i]);
            let Some(due) = s.nearest() else { continue };
            // Reading a case to say why is not reading its personal data: the table shows
            // only procedural facts (no names, no typed text), so no "ingezien" line.
            let case = self.store.case(s.id).ok().flatten();
            let duty = case.as_ref().and_then(|c| {
                duties(c)
                    .into_iter()
                    .find(|d| d.state == DutyState::Open && d.due == due)
                    .map(|d| d.kind)
            });
            let holdup = case
                .as_ref()
                .map_or(Holdup::None, |c| holdup(c, today, duty));
            rows.push(AtRisk {
                id: s.id,
                kind: s.kind,
                level,
                due,
                duty,
                holdup,
            });
        }
        let figures = overview_figures(self.list.summaries.iter().map(|s| &**s), today);
        let open = per_handler(
            self.list
                .summaries
                .iter()
                .filter(|s| s.status.is_active())
                .map(|s| &**s),
        );
        // As the list's behandelaar column: on a team's register, or once the cases have more
        // than one handler.
        let handlers = self.shows_handlers().then(|| open.into_iter().collect());
        Overview {
            tiles,
            rows,
            figures,
            handlers,
            at: now,
            selected: 0,
        }
    }

    /// The open overview, if one is in view.
    pub fn overview(&self) -> Option<&Overview> {
        self.find_view(|v| match v {
            View::Overview(o) => Some(&**o),
            _ => None,
        })
    }

    /// What an action does on the overview.
    pub(super) fn update_overview(&mut self, action: Action) {
        match action {
            Action::Up | Action::Down => {
                if let Some(View::Overview(o)) = self.top_mut() {
                    let last = o.rows.len().saturating_sub(1);
                    o.selected = if action == Action::Down {
                        o.selected.saturating_add(1).min(last)
                    } else {
                        o.selected.saturating_sub(1)
                    };
                }
            }
            Action::Open => {
                let id = self
                    .overview()
                    .and_then(|o| o.rows.get(o.selected))
                    .map(|r| r.id);
                match id {
                    Some(id) if self.record_read(id) => self.push_detail(id),
                    Some(_) => {}
                    None => {
                        let text = crate::i18n::ui::UiMsg::NothingSelected.text(self.lang);
                        self.say(text.to_string(), true);
                    }
                }
            }
            Action::Back => self.back(),
            _ => {}
        }
    }
}

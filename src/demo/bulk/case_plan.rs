//! One case's planned changes: each applied by the domain to a copy of the case, with the
//! stamp it will carry in the journal, before it is kept; whatever would lie after `now` has
//! not happened yet.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::demo::amsterdam_instant;
use crate::domain::case::{Case, Refusal};
use crate::domain::checklist::{self, Phase};
use crate::domain::deadline::amsterdam_date;
use crate::domain::{CaseId, Event, Stamp};

use super::Planned;

/// One case's changes, each validated by the domain as it is planned.
pub(super) struct CasePlan {
    now: DateTime<Utc>,
    user: &'static str,
    pub(super) case: Option<Case>,
    /// The time of the last planned change; the next one comes later.
    t: DateTime<Utc>,
    pub(super) out: Vec<Planned>,
    /// A change would lie after `now`: the rest has not happened yet.
    done: bool,
}

impl CasePlan {
    /// A plan for a case that `user` registers at `reg`: nothing planned yet.
    pub(super) fn new(now: DateTime<Utc>, user: &'static str, reg: DateTime<Utc>) -> CasePlan {
        CasePlan {
            now,
            user,
            case: None,
            t: reg - Duration::minutes(3),
            out: Vec::new(),
            done: false,
        }
    }

    fn id(&self) -> Option<CaseId> {
        self.case.as_ref().map(|c| c.id)
    }

    fn start(&self) -> NaiveDate {
        self.case
            .as_ref()
            .and_then(|c| c.received())
            .unwrap_or_else(|| amsterdam_date(self.t))
    }

    /// The instant of a change on day `day` after the start (at 09:00 plus `minutes`), never
    /// before the previous change.
    pub(super) fn when(&self, day: i64, minutes: i64) -> DateTime<Utc> {
        let date = self.start() + Duration::days(day);
        let base = amsterdam_instant(date, 9, 0).unwrap_or(self.t) + Duration::minutes(minutes);
        base.max(self.t + Duration::minutes(3))
    }

    /// Applies `events` at `at` to a copy of the case and keeps the change; a change after
    /// `now` ends the plan (returns `Ok(false)`).
    pub(super) fn record(
        &mut self,
        at: DateTime<Utc>,
        events: Vec<Event>,
    ) -> Result<bool, Refusal> {
        if self.done || at > self.now {
            self.done = true;
            return Ok(false);
        }
        let stamp = Stamp {
            seq: 0,
            at,
            user: self.user.to_string(),
        };
        let mut next = self.case.clone();
        for e in &events {
            match &mut next {
                None => next = Some(Case::register(e, &stamp)?),
                Some(c) => c.apply(e, &stamp)?,
            }
        }
        self.case = next;
        self.t = at;
        self.out.push(Planned {
            at,
            user: self.user,
            events,
        });
        Ok(true)
    }

    /// Answers the required steps that show (of the intake only, or all), one change per step,
    /// `gap` minutes apart from day `day` on.
    pub(super) fn answer_steps(
        &mut self,
        intake_only: bool,
        day: i64,
        gap: i64,
    ) -> Result<(), Refusal> {
        for i in 0..60 {
            let at = self.when(day, i * gap);
            let today = amsterdam_date(at);
            let Some(c) = self.case.as_ref() else {
                return Ok(());
            };
            let phase = intake_only.then_some(Phase::Intake);
            let Some(step_id) = c.missing_steps(today, phase).first().copied() else {
                return Ok(());
            };
            let Some(step) = checklist::find(c.kind, step_id) else {
                return Ok(());
            };
            let answer = crate::demo::plausible_answer(c, step_id, step.ty, at);
            let id = c.id;
            let event = Event::Answered {
                case: id,
                step: step_id,
                answer,
            };
            if !self.record(at, vec![event])? {
                return Ok(());
            }
        }
        Ok(())
    }

    pub(super) fn view(&mut self, day: i64, minutes: i64) -> Result<bool, Refusal> {
        let Some(case) = self.id() else {
            return Ok(false);
        };
        self.record(self.when(day, minutes), vec![Event::Viewed { case }])
    }
}

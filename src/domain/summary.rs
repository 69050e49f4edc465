//! What the case list shows of a case, with its legal dates computed once when the case changes,
//! so drawing a frame never recomputes thousands of deadlines.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::case::{Case, Decision, Status};
use super::deadline::{self, Level, amsterdam_date, end_of_legal_day};
use super::kind::{CaseId, CaseKind};
use super::rights;
use super::workflow::AdviceCount;

/// The list's view of a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The id.
    pub id: CaseId,
    /// The kind.
    pub kind: CaseKind,
    /// The status.
    pub status: Status,
    /// The requester's name (verzoek) or who reported it (datalek).
    pub party: String,
    /// The child's name (verzoek).
    #[serde(default)]
    pub child: String,
    /// Date of receipt (verzoek) or the Amsterdam date of awareness (datalek).
    pub received: NaiveDate,
    /// The answer deadline (extended if extended); verzoeken only.
    #[serde(default)]
    pub answer_due: Option<NaiveDate>,
    /// Whether the answer duty (sending the reply) is done.
    #[serde(default)]
    pub answer_done: bool,
    /// A Vernietiging's WGBO destruction date.
    #[serde(default)]
    pub destruction_due: Option<NaiveDate>,
    /// Whether the destruction duty is done (confirmed, or the destruction refused).
    #[serde(default)]
    pub destruction_done: bool,
    /// A datalek's 72-hour mark.
    #[serde(default)]
    pub breach_due: Option<DateTime<Utc>>,
    /// Whether the AP notification duty is done (notified, or reasoned not to).
    #[serde(default)]
    pub breach_done: bool,
    /// Whether the answer period was extended.
    #[serde(default)]
    pub extended: bool,
    /// The journal seq of the case's last change.
    pub last_seq: u64,
    /// The decision recorded, if any (the search finds "afgewezen"). Absent in summaries
    /// written before issue 18 (rebuilt with the case's next change).
    #[serde(default)]
    pub decision: Option<Decision>,
    /// Flagged for review after a confirmed correction (issue 18). Absent in summaries
    /// written before.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub review: bool,
    /// A Beperking whose restriction is in force (issue 18: the list can show them).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub restriction: bool,
    /// When the reply was sent (issue 21: the FG's overview counts the months' answers on time
    /// and the handling times without reading every case). Absent in summaries written before
    /// (rebuilt with the case's next change, or by `privdesk repair`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_sent: Option<NaiveDate>,
    /// When the AP was notified of a datalek (issue 21, as `reply_sent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ap_notified: Option<DateTime<Utc>>,
    /// The behandelaar (issue 22; absent in summaries written before: the registrant's name
    /// is filled in when the case next changes).
    #[serde(default)]
    pub handler: String,
    /// A proposal awaits a second handler's approval (issue 22).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub awaiting_approval: bool,
    /// The FG's advice on the case, counted (issue 22). One member, so that a team's register
    /// can check that an FG's line changed nothing else of the summary.
    #[serde(default, skip_serializing_if = "AdviceCount::is_empty")]
    pub advice: AdviceCount,
}

/// One of a case's deadlines with its duty's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// A legal date (ends 23:59:59 Amsterdam).
    Date(NaiveDate),
    /// A breach's 72-hour instant.
    Instant(DateTime<Utc>),
}

impl Due {
    /// The instant the deadline ends, to sort dates and instants on one axis.
    pub fn ends(self) -> DateTime<Utc> {
        match self {
            Due::Date(d) => end_of_legal_day(d),
            Due::Instant(i) => i,
        }
    }

    /// Its warning level at `now`.
    pub fn level(self, now: DateTime<Utc>, done: bool) -> Level {
        self.level_on(now, amsterdam_date(now), done)
    }

    /// Its warning level at `now`, whose Amsterdam date `today` the caller already knows (the
    /// list ranks every case at start: one time-zone conversion for all, not one per deadline).
    fn level_on(self, now: DateTime<Utc>, today: NaiveDate, done: bool) -> Level {
        match self {
            Due::Date(d) => deadline::date_level(d, today, done),
            Due::Instant(i) => deadline::breach_level(i, now, done),
        }
    }
}

impl Summary {
    /// Computes the summary of a case.
    pub fn of(case: &Case) -> Summary {
        let status = case.status();
        let ended = case.ending.is_some();
        let (party, child, received) = match (&case.request, &case.breach) {
            (Some(r), _) => (r.requester.name.clone(), r.child.name.clone(), r.received),
            (None, Some(b)) => (
                b.reported_by.clone(),
                String::new(),
                amsterdam_date(b.aware_at),
            ),
            (None, None) => (
                String::new(),
                String::new(),
                amsterdam_date(case.registered_at),
            ),
        };
        let dates = case
            .request
            .as_ref()
            .and_then(|r| deadline::legal_dates(r.kind, r.received, case.extended()).ok());
        let refused = case.decision.as_ref().is_some_and(|d| {
            matches!(d.decision, Decision::Afgewezen | Decision::NietOntvankelijk)
        });
        Summary {
            id: case.id,
            kind: case.kind,
            status,
            party,
            child,
            received,
            answer_due: dates.map(|d| d.answer),
            answer_done: case.reply_sent.is_some() || ended,
            destruction_due: dates.and_then(|d| d.destruction),
            destruction_done: case.destroyed_on().is_some() || refused || ended,
            breach_due: rights::breach_deadline(case),
            breach_done: rights::breach_duty_done(case) || ended,
            extended: case.extended(),
            last_seq: case.last_seq,
            decision: case.decision.as_ref().map(|d| d.decision),
            review: case.needs_review(),
            restriction: case.restriction_in_force(),
            reply_sent: case.reply_sent,
            ap_notified: rights::ap_notified_at(case),
            handler: case.behandelaar().to_owned(),
            awaiting_approval: case.awaiting_approval(),
            advice: AdviceCount::of(case),
        }
    }

    /// The deadlines whose duty is not done yet.
    pub fn open_dues(&self) -> impl Iterator<Item = Due> + '_ {
        [
            (self.answer_due.map(Due::Date), self.answer_done),
            (self.destruction_due.map(Due::Date), self.destruction_done),
            (self.breach_due.map(Due::Instant), self.breach_done),
        ]
        .into_iter()
        .filter_map(|(due, done)| if done { None } else { due })
    }

    /// The nearest deadline whose duty is not done: what the list shows and sorts on.
    pub fn nearest(&self) -> Option<Due> {
        self.open_dues().min_by_key(|d| d.ends())
    }

    /// The worst warning level over the open deadlines (Voldaan when none is open).
    pub fn level(&self, now: DateTime<Utc>) -> Level {
        self.level_on(now, amsterdam_date(now))
    }

    fn level_on(&self, now: DateTime<Utc>, today: NaiveDate) -> Level {
        self.open_dues()
            .map(|d| d.level_on(now, today, false))
            .max()
            .unwrap_or(Level::Voldaan)
    }

    /// The urgency order of the list and the level, together (the list ranks every case at
    /// start): late first, then the nearest open deadline (verzoeken and datalekken on one time
    /// axis), then cases with no open deadline, newest first. `today` is `now`'s Amsterdam date.
    pub fn urgency(&self, now: DateTime<Utc>, today: NaiveDate) -> (UrgencyKey, Level) {
        let level = self.level_on(now, today);
        let rank = match level {
            Level::TeLaat => 0,
            Level::Bijna | Level::OpTijd => 1,
            Level::Voldaan => 2,
        };
        let ends = self
            .nearest()
            .map_or(DateTime::<Utc>::MAX_UTC, |d| d.ends());
        ((rank, ends, std::cmp::Reverse(self.id)), level)
    }
}

/// Where a case sorts in the list: rank (late, open, none open), the nearest deadline's end,
/// then newest id first.
pub type UrgencyKey = (u8, DateTime<Utc>, std::cmp::Reverse<CaseId>);

//! The FG's yearly figures (domain.md §6 and §8): per kind, per requester relation, and the
//! breaches, for the cases *received* in one year. Pure: the cases and "now" come in, the
//! figures go out; the command line formats them and anchors them in the journal.
//!
//! Definitions (domain.md §8): *on time* = the reply was sent on or before the answer deadline
//! in force (extended if extended; for a refusal — afgewezen, deels toegewezen, niet
//! ontvankelijk — always the first month). *Late* = the reply was sent after it, or no reply was
//! sent and the deadline had passed at `now` (a case that ended without a decision is neither).
//! *Handling time* = calendar days from receipt to reply sent. A breach is *notified in time*
//! when the AP notification instant is at or before the 72-hour mark. A Vernietiging is
//! *destroyed on time* when both the source system and the processors were done by the WGBO
//! date (the confirmation to the requester is a separate record).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Serialize;
use serde::ser::SerializeMap;

use super::case::{BreachNature, Case, Decision, Ending, Relation};
use super::checklist::{Answer, ApBesluit, StepId, VertragingReden};
use super::deadline::{self, amsterdam_date};
use super::duty::{DutyKind, DutyState, duty};
use super::kind::CaseKind;
use super::rights;
use super::summary::Due;
use super::workflow::AdviceCount;

/// The figures of one kind of verzoek.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct KindFigures {
    /// Received in the year.
    pub received: u64,
    /// With a decision recorded.
    pub decided: u64,
    /// Reply sent on or before the deadline in force.
    pub on_time: u64,
    /// Reply sent after it, or none sent and the deadline passed.
    pub late: u64,
    /// Extended (AVG 12(3)).
    pub extended: u64,
    /// Afgewezen, deels toegewezen and niet ontvankelijk together.
    pub refused: u64,
    /// Afgewezen.
    pub rejected: u64,
    /// Deels toegewezen.
    pub partly: u64,
    /// Niet ontvankelijk.
    pub not_admissible: u64,
    /// Ingetrokken.
    pub withdrawn: u64,
    /// Vervallen.
    pub lapsed: u64,
    /// Still open (not closed, not ended).
    pub open: u64,
    /// Mean handling time in calendar days; `None` without a reply.
    pub mean_days: Option<f64>,
    /// Median handling time (the mean of the two middle values for an even count).
    pub median_days: Option<f64>,
    /// The 90th percentile, nearest rank.
    pub p90_days: Option<i64>,
    /// The longest handling time.
    pub max_days: Option<i64>,
    /// A Vernietiging's WGBO duty (domain.md §8): destroyed in the source system and at the
    /// processors on or before the WGBO date. `None` where nothing counts: a kind without the
    /// duty, or no Vernietiging received.
    pub destroyed_on_time: Option<u64>,
    /// Destroyed after the WGBO date, or not destroyed and the date passed (a refusal or a
    /// case that ended without a decision has no duty left: neither).
    pub destroyed_late: Option<u64>,
}

/// The breaches registered in the year (by the Amsterdam date of awareness).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct BreachFigures {
    /// Registered.
    pub registered: u64,
    /// Notified to the AP at or before the 72-hour mark.
    pub notified_in_time: u64,
    /// Notified after it.
    pub notified_late: u64,
    /// The late notifications per category of the delay, keyed by [`late_reason_key`] (every
    /// key present, `uncategorised` for a notification recorded before the category existed).
    /// Counts only: the free-text reason stays in the dossier.
    pub late_by_reason: BTreeMap<&'static str, u64>,
    /// Reasoned decision not to notify.
    pub not_notified: u64,
    /// The data subjects were informed (AVG 34).
    pub subjects_informed: u64,
    /// Counts per nature (the journal's spelling: `verloren`, `verkeerde_ontvanger`, ...).
    pub by_nature: BTreeMap<String, u64>,
}

/// The journal line the figures were computed from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Anchor {
    /// Its seq.
    pub seq: u64,
    /// Its hash.
    pub hash: String,
    /// When the figures were computed from it (UTC).
    pub at: DateTime<Utc>,
}

/// The yearly report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearReport {
    /// The year of receipt.
    pub year: i32,
    /// Per kind of verzoek, in [`CaseKind::ALL`]'s order, keyed by the kebab-case name.
    pub kinds: Kinds,
    /// Verzoeken per requester relation (the journal's spelling: `ouder_met_gezag`, ...).
    pub roles: BTreeMap<String, u64>,
    /// The breaches.
    pub breaches: BreachFigures,
    /// The FG's advice on the year's cases (verzoeken and datalekken): given, answered as
    /// followed, answered as not followed (issue 22).
    pub advice: AdviceCount,
    /// The journal's head the figures were computed from.
    pub journal: Anchor,
}

/// The per-kind figures in a fixed order (every verzoek kind, never the datalek).
#[derive(Clone, Debug, PartialEq)]
pub struct Kinds(pub Vec<(CaseKind, KindFigures)>);

impl Serialize for Kinds {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (kind, figures) in &self.0 {
            map.serialize_entry(kind.slug(), figures)?;
        }
        map.end()
    }
}

/// Whether a decision is a refusal (AVG 12(4): the first month, whatever an extension says).
pub fn is_refusal(d: Decision) -> bool {
    matches!(
        d,
        Decision::Afgewezen | Decision::DeelsToegewezen | Decision::NietOntvankelijk
    )
}

/// The answer deadline a reply is measured against (domain.md §8): a refusal's is always the
/// first month, else the deadline in force (extended if extended).
pub fn due_in_force(
    kind: CaseKind,
    received: NaiveDate,
    extended: bool,
    decision: Option<Decision>,
) -> Option<NaiveDate> {
    if decision.is_some_and(is_refusal) {
        deadline::refusal_deadline(kind, received).ok()
    } else {
        deadline::legal_dates(kind, received, extended)
            .ok()
            .map(|d| d.answer)
    }
}

/// The answer deadline a verzoek's reply is measured against.
pub fn deadline_in_force(case: &Case) -> Option<NaiveDate> {
    let r = case.request.as_ref()?;
    let decision = case.decision.as_ref().map(|d| d.decision);
    due_in_force(r.kind, r.received, case.extension.is_some(), decision)
}

/// Builds the report over `cases` for `year`, as of `now`.
pub fn year_report<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    year: i32,
    now: DateTime<Utc>,
    journal: Anchor,
) -> YearReport {
    let today = amsterdam_date(now);
    let mut kinds: Vec<(CaseKind, KindFigures)> = CaseKind::ALL
        .into_iter()
        .filter(|k| !k.is_datalek())
        .map(|k| (k, KindFigures::default()))
        .collect();
    let mut days: BTreeMap<CaseKind, Vec<i64>> = BTreeMap::new();
    let mut roles: BTreeMap<String, u64> = Relation::ALL
        .into_iter()
        .map(|r| (journal_name(&r), 0))
        .collect();
    let mut breaches = BreachFigures {
        late_by_reason: LATE_REASON_KEYS.iter().map(|k| (*k, 0)).collect(),
        ..BreachFigures::default()
    };
    let mut advice = AdviceCount::default();
    for case in cases {
        if let Some(r) = &case.request {
            if r.received.year() != year {
                continue;
            }
            advice.add(AdviceCount::of(case));
            let Some((_, f)) = kinds.iter_mut().find(|(k, _)| *k == r.kind) else {
                continue;
            };
            *roles
                .entry(journal_name(&r.requester.relation))
                .or_default() += 1;
            count_verzoek(case, r.received, today, f, days.entry(r.kind).or_default());
        } else if let Some(b) = &case.breach {
            if amsterdam_date(b.aware_at).year() != year {
                continue;
            }
            advice.add(AdviceCount::of(case));
            count_breach(case, b.nature, &mut breaches);
        }
    }
    for (kind, f) in &mut kinds {
        if let Some(d) = days.get_mut(kind) {
            d.sort_unstable();
            (f.mean_days, f.median_days, f.p90_days, f.max_days) = spread(d);
        }
    }
    YearReport {
        year,
        kinds: Kinds(kinds),
        roles,
        breaches,
        advice,
        journal,
    }
}

/// Counts one verzoek into its kind's figures; its handling time into `days`.
fn count_verzoek(
    case: &Case,
    received: NaiveDate,
    today: NaiveDate,
    f: &mut KindFigures,
    days: &mut Vec<i64>,
) {
    f.received += 1;
    f.extended += u64::from(case.extension.is_some());
    match &case.ending {
        Some(Ending::Ingetrokken { .. }) => f.withdrawn += 1,
        Some(Ending::Vervallen { .. }) => f.lapsed += 1,
        None if case.closed.is_none() => f.open += 1,
        None => {}
    }
    if let Some(d) = &case.decision {
        f.decided += 1;
        match d.decision {
            Decision::Afgewezen => f.rejected += 1,
            Decision::DeelsToegewezen => f.partly += 1,
            Decision::NietOntvankelijk => f.not_admissible += 1,
            Decision::Toegewezen => {}
        }
        f.refused += u64::from(is_refusal(d.decision));
    }
    if let Some(d) = duty(case, DutyKind::Destruction) {
        let (on_time, late) = (
            f.destroyed_on_time.get_or_insert(0),
            f.destroyed_late.get_or_insert(0),
        );
        let due = match d.due {
            Due::Date(due) => due,
            Due::Instant(at) => amsterdam_date(at),
        };
        match d.state {
            DutyState::Met(_) if case.destroyed_on().is_some_and(|on| on <= due) => *on_time += 1,
            DutyState::Met(_) => *late += 1,
            DutyState::Open if today > due => *late += 1,
            DutyState::Open | DutyState::Moot => {}
        }
    }
    let due = deadline_in_force(case);
    match (case.reply_sent, due) {
        (Some(sent), Some(due)) => {
            if sent <= due {
                f.on_time += 1;
            } else {
                f.late += 1;
            }
            days.push((sent - received).num_days());
        }
        (Some(sent), None) => days.push((sent - received).num_days()),
        (None, Some(due)) if case.ending.is_none() && today > due => f.late += 1,
        (None, _) => {}
    }
}

/// The report's keys of the delay categories, in the step's order, then the one for a late
/// notification without a category.
pub const LATE_REASON_KEYS: [&str; 6] = [
    "discovered-later",
    "processor-late",
    "extent-unknown",
    "availability-capacity",
    "other",
    "uncategorised",
];

/// The report's stable English key of a delay category (`None`: recorded before the category
/// existed, "niet gecategoriseerd").
pub fn late_reason_key(reason: Option<VertragingReden>) -> &'static str {
    match reason {
        Some(VertragingReden::LaterOntdekt) => LATE_REASON_KEYS[0],
        Some(VertragingReden::VerwerkerMelddeLaat) => LATE_REASON_KEYS[1],
        Some(VertragingReden::OmvangOnbekend) => LATE_REASON_KEYS[2],
        Some(VertragingReden::Capaciteit) => LATE_REASON_KEYS[3],
        Some(VertragingReden::Anders) => LATE_REASON_KEYS[4],
        None => LATE_REASON_KEYS[5],
    }
}

/// Counts one datalek into the breach figures.
fn count_breach(case: &Case, nature: BreachNature, f: &mut BreachFigures) {
    f.registered += 1;
    *f.by_nature.entry(journal_name(&nature)).or_default() += 1;
    match case.chosen(StepId::ApMelding) {
        Some(ApBesluit::Gemeld) => {
            let at = match case.answers.get(&StepId::ApGemeldOp).map(|r| &r.answer) {
                Some(Answer::Instant(at)) => Some(*at),
                _ => None,
            };
            match (at, rights::breach_deadline(case)) {
                (Some(at), Some(due)) if at <= due => f.notified_in_time += 1,
                (Some(_), Some(_)) => {
                    f.notified_late += 1;
                    let key = late_reason_key(case.chosen(StepId::CategorieVertraging));
                    *f.late_by_reason.entry(key).or_default() += 1;
                }
                _ => {}
            }
        }
        Some(ApBesluit::NietGemeld) => f.not_notified += 1,
        None => {}
    }
    if case.choice(StepId::BetrokkenenInformeren) == Some("geinformeerd") {
        f.subjects_informed += 1;
    }
}

/// Mean, median, 90th percentile (nearest rank) and maximum of sorted values.
pub fn spread(sorted: &[i64]) -> (Option<f64>, Option<f64>, Option<i64>, Option<i64>) {
    let n = sorted.len();
    if n == 0 {
        return (None, None, None, None);
    }
    let sum: i64 = sorted.iter().sum();
    #[allow(clippy::cast_precision_loss)]
    let mean = sum as f64 / n as f64;
    #[allow(clippy::cast_precision_loss)]
    let median = if n % 2 == 1 {
        sorted[n / 2] as f64
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0
    };
    // Nearest rank: the smallest value with at least 90% of the values at or below it.
    let rank = (n * 9).div_ceil(10).max(1);
    (
        Some(mean),
        Some(median),
        sorted.get(rank - 1).copied(),
        sorted.last().copied(),
    )
}

/// One month of the overview's chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthFigures {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// Verzoeken received in it.
    pub received: u64,
    /// Of those, answered on or before the deadline in force.
    pub on_time: u64,
}

/// A kind's handling times over the overview's months.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Handling {
    /// The kind.
    pub kind: CaseKind,
    /// Replies counted.
    pub replies: u64,
    /// Median calendar days, receipt to reply.
    pub median: Option<f64>,
    /// The 90th percentile (nearest rank).
    pub p90: Option<i64>,
}

/// The breaches of the overview's months.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BreachCounts {
    /// Registered.
    pub registered: u64,
    /// Notified at or before the 72-hour mark.
    pub in_time: u64,
    /// Notified after it.
    pub late: u64,
    /// Not notified: the reasoned decision not to, or ended without a notification.
    pub not_notified: u64,
}

/// The FG's overview figures over the twelve months up to and including `today`'s month,
/// from the summaries alone (so the overview opens without reading every case).
#[derive(Clone, Debug, PartialEq)]
pub struct OverviewFigures {
    /// Oldest month first.
    pub months: Vec<MonthFigures>,
    /// Per verzoek kind.
    pub handling: Vec<Handling>,
    /// The breaches.
    pub breaches: BreachCounts,
    /// The FG's advice on the cases of those months (issue 22).
    pub advice: AdviceCount,
}

/// The index (0..12) of the month of `day` among the twelve ending in `today`'s month.
fn month_slot(day: NaiveDate, today: NaiveDate) -> Option<usize> {
    let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let back = months(today) - months(day);
    usize::try_from(11 - back).ok().filter(|i| *i < 12)
}

/// Computes the overview's figures from the summaries.
pub fn overview_figures<'a>(
    summaries: impl IntoIterator<Item = &'a super::Summary>,
    today: NaiveDate,
) -> OverviewFigures {
    let mut months: Vec<MonthFigures> = (0..12)
        .map(|i| {
            let first = today.with_day(1).unwrap_or(today);
            let d = first
                .checked_sub_months(chrono::Months::new(11 - i))
                .unwrap_or(first);
            MonthFigures {
                year: d.year(),
                month: d.month(),
                received: 0,
                on_time: 0,
            }
        })
        .collect();
    let mut days: BTreeMap<CaseKind, Vec<i64>> = BTreeMap::new();
    let mut breaches = BreachCounts::default();
    let mut advice = AdviceCount::default();
    for s in summaries {
        let Some(slot) = month_slot(s.received, today) else {
            continue;
        };
        advice.add(s.advice);
        if s.kind.is_datalek() {
            breaches.registered += 1;
            match (s.ap_notified, s.breach_due) {
                (Some(at), Some(due)) if at <= due => breaches.in_time += 1,
                (Some(_), _) => breaches.late += 1,
                (None, _) if s.breach_done => breaches.not_notified += 1,
                (None, _) => {}
            }
            continue;
        }
        months[slot].received += 1;
        if let Some(sent) = s.reply_sent {
            let due = due_in_force(s.kind, s.received, s.extended, s.decision);
            if due.is_some_and(|due| sent <= due) {
                months[slot].on_time += 1;
            }
            days.entry(s.kind)
                .or_default()
                .push((sent - s.received).num_days());
        }
    }
    let handling = CaseKind::ALL
        .into_iter()
        .filter(|k| !k.is_datalek())
        .map(|kind| {
            let mut d = days.remove(&kind).unwrap_or_default();
            d.sort_unstable();
            let (_, median, p90, _) = spread(&d);
            Handling {
                kind,
                replies: d.len() as u64,
                median,
                p90,
            }
        })
        .collect();
    OverviewFigures {
        months,
        handling,
        breaches,
        advice,
    }
}

/// The journal's spelling of a unit enum (its serde name).
pub fn journal_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn month_slots_run_over_twelve_months() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let today = d("2026-12-02");
        assert_eq!(month_slot(d("2026-12-31"), today), Some(11));
        assert_eq!(month_slot(d("2026-01-01"), today), Some(0));
        assert_eq!(month_slot(d("2025-12-31"), today), None);
        assert_eq!(month_slot(d("2027-01-01"), today), None);
        let f = overview_figures(std::iter::empty(), today);
        assert_eq!((f.months[0].year, f.months[0].month), (2026, 1));
        assert_eq!((f.months[11].year, f.months[11].month), (2026, 12));
    }

    #[test]
    fn spread_of_known_values() {
        assert_eq!(spread(&[]), (None, None, None, None));
        assert_eq!(spread(&[7]), (Some(7.0), Some(7.0), Some(7), Some(7)));
        // 1..=10: mean 5.5, median 5.5, p90 the 9th value, max 10.
        let v: Vec<i64> = (1..=10).collect();
        assert_eq!(spread(&v), (Some(5.5), Some(5.5), Some(9), Some(10)));
        // 1..=11: p90 rank ceil(9.9) = 10.
        let v: Vec<i64> = (1..=11).collect();
        assert_eq!(spread(&v).2, Some(10));
    }
}

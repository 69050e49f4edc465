//! "Waarom deze datum?": the steps a deadline computation took, recorded by the computation
//! itself. The deadline functions take a [`Trace`]; the plain ones pass `()`, which records
//! nothing, and [`explain_verzoek`] / [`explain_breach`] pass a `Vec<Step>`. One computation,
//! two outputs: the date and why it is that date can never disagree.

use chrono::{DateTime, Datelike, NaiveDate, Offset, Utc, Weekday};
use chrono_tz::Europe::Amsterdam;

use super::DeadlineError;
use super::breach_clock::breach_traced;
use super::verzoek_dates::{answer_traced, destruction_traced, extended_traced};
use crate::domain::calendar::{Holiday, holiday};
use crate::domain::kind::CaseKind;

/// The rule a period comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// AVG 12(3): one month from receipt.
    AvgOneMonth,
    /// AVG 12(3): two further months, from the unshifted end of the first month.
    AvgExtension,
    /// WGBO 7:455 lid 1: destruction within three months of receipt.
    WgboThreeMonths,
    /// AVG 33(1): 72 clock hours from awareness.
    Avg33Hours,
}

/// Why a day is not a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotWorking {
    /// A Saturday or a Sunday.
    Weekend(Weekday),
    /// An Atw art. 3(1) holiday.
    Holiday(Holiday),
}

/// Where a breach's clock starts from (the earlier of the two, domain.md §3.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockFrom {
    /// The organisation's own awareness.
    Aware,
    /// The processor's notice, which came earlier.
    Processor,
}

/// One step of a deadline's computation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The period starts from this day (the day itself is not counted).
    Received(NaiveDate),
    /// The rule that sets the period.
    Rule(Rule),
    /// `months` after `from` is the same date, `to` (Reg. 1182/71 art. 3(2)(c)).
    SameDate {
        /// Counted from.
        from: NaiveDate,
        /// Months counted.
        months: u32,
        /// The same date.
        to: NaiveDate,
    },
    /// `months` after `from` has no such date: the period ends on the month's last day, `to`.
    Clipped {
        /// Counted from.
        from: NaiveDate,
        /// Months counted.
        months: u32,
        /// The month's last day.
        to: NaiveDate,
    },
    /// The period may not end on this day (Reg. 1182/71 art. 3(4)).
    Skipped(NaiveDate, NotWorking),
    /// The first working day, where the period ends after skipping.
    FirstWorkingDay(NaiveDate),
    /// The extension: its notice was sent on this day (when known).
    Extension {
        /// When the requester was told.
        notice_sent: Option<NaiveDate>,
    },
    /// A breach's clock starts at this instant.
    ClockStart(DateTime<Utc>, ClockFrom),
    /// The Amsterdam clock changed within the period: from this UTC offset to that (seconds).
    ClockChange {
        /// The offset at the start.
        from_secs: i32,
        /// The offset at the end.
        to_secs: i32,
    },
    /// The breach's 72 hours end at this instant.
    EndsAt(DateTime<Utc>),
}

/// What a deadline computation reports on its way: nothing (`()`), or every step (`Vec`).
pub trait Trace {
    /// Records a step.
    fn note(&mut self, step: Step);
}

impl Trace for () {
    fn note(&mut self, _: Step) {}
}

impl Trace for Vec<Step> {
    fn note(&mut self, step: Step) {
        self.push(step);
    }
}

/// Records how `from + months` came out: the same date, or clipped to the month's end.
pub(super) fn note_months(t: &mut impl Trace, from: NaiveDate, months: u32, to: NaiveDate) {
    t.note(if to.day() == from.day() {
        Step::SameDate { from, months, to }
    } else {
        Step::Clipped { from, months, to }
    });
}

/// Records a day the shift passes over, with its reason.
pub(super) fn note_skipped(t: &mut impl Trace, day: NaiveDate) {
    let why = match holiday(day) {
        Some(h) => NotWorking::Holiday(h),
        None => NotWorking::Weekend(day.weekday()),
    };
    t.note(Step::Skipped(day, why));
}

/// Records a breach period's clock change, if the Amsterdam offset differs at its two ends.
pub(super) fn note_clock_change(t: &mut impl Trace, start: DateTime<Utc>, end: DateTime<Utc>) {
    let offset = |i: DateTime<Utc>| i.with_timezone(&Amsterdam).offset().fix().local_minus_utc();
    let (from_secs, to_secs) = (offset(start), offset(end));
    if from_secs != to_secs {
        t.note(Step::ClockChange { from_secs, to_secs });
    }
}

/// Which deadline an explanation is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// The answer (extended if extended).
    Answer,
    /// The WGBO destruction date of a Vernietiging.
    Destruction,
}

/// A date deadline and the steps that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateWhy {
    /// Which deadline.
    pub which: Which,
    /// The date, as the deadline functions give it.
    pub date: NaiveDate,
    /// How it was reached.
    pub steps: Vec<Step>,
}

/// A verzoek's deadlines with their explanations: the answer (extended when `extension_notice`
/// is `Some`: the day its notice was sent) and, for a Vernietiging, the destruction date.
pub fn explain_verzoek(
    kind: CaseKind,
    received: NaiveDate,
    extension_notice: Option<NaiveDate>,
) -> Result<Vec<DateWhy>, DeadlineError> {
    let mut steps = Vec::new();
    let date = match extension_notice {
        Some(sent) => {
            let date = extended_traced(kind, received, &mut steps)?;
            steps.push(Step::Extension {
                notice_sent: Some(sent),
            });
            date
        }
        None => answer_traced(kind, received, &mut steps)?,
    };
    let mut out = vec![DateWhy {
        which: Which::Answer,
        date,
        steps,
    }];
    if kind == CaseKind::Vernietiging {
        let mut steps = Vec::new();
        let date = destruction_traced(kind, received, &mut steps)?;
        out.push(DateWhy {
            which: Which::Destruction,
            date,
            steps,
        });
    }
    Ok(out)
}

/// A breach's 72-hour mark and the steps that made it.
pub fn explain_breach(
    aware: DateTime<Utc>,
    processor_notice: Option<DateTime<Utc>>,
) -> Result<(DateTime<Utc>, Vec<Step>), DeadlineError> {
    let mut steps = Vec::new();
    let at = breach_traced(aware, processor_notice, &mut steps)?;
    Ok((at, steps))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::deadline::testing::{ams, d};
    use crate::domain::deadline::{
        answer_deadline, breach_deadline, destruction_deadline, extended_deadline,
    };

    fn answer(kind: CaseKind, received: NaiveDate) -> DateWhy {
        explain_verzoek(kind, received, None).unwrap().remove(0)
    }

    #[test]
    fn same_date() {
        let w = answer(CaseKind::Inzage, d(2026, 3, 9));
        assert_eq!(
            w.date,
            answer_deadline(CaseKind::Inzage, d(2026, 3, 9)).unwrap()
        );
        assert_eq!(
            w.steps,
            vec![
                Step::Received(d(2026, 3, 9)),
                Step::Rule(Rule::AvgOneMonth),
                Step::SameDate {
                    from: d(2026, 3, 9),
                    months: 1,
                    to: d(2026, 4, 9)
                },
            ]
        );
    }

    #[test]
    fn clipped_then_weekend() {
        // 31 Jan 2027 → 28 Feb (clipped), a Sunday → Mon 1 Mar.
        let w = answer(CaseKind::Inzage, d(2027, 1, 31));
        assert_eq!(
            w.date,
            answer_deadline(CaseKind::Inzage, d(2027, 1, 31)).unwrap()
        );
        assert_eq!(w.date, d(2027, 3, 1));
        assert!(w.steps.contains(&Step::Clipped {
            from: d(2027, 1, 31),
            months: 1,
            to: d(2027, 2, 28)
        }));
        assert!(w.steps.contains(&Step::Skipped(
            d(2027, 2, 28),
            NotWorking::Weekend(Weekday::Sun)
        )));
        assert_eq!(w.steps.last(), Some(&Step::FirstWorkingDay(d(2027, 3, 1))));
    }

    #[test]
    fn weekend_days_each_named() {
        // Received Sat 28 Feb 2026 → Sat 28 Mar, Sun 29 Mar skipped → Mon 30 Mar.
        let w = answer(CaseKind::Bezwaar, d(2026, 2, 28));
        assert_eq!(
            w.date,
            answer_deadline(CaseKind::Bezwaar, d(2026, 2, 28)).unwrap()
        );
        let skipped: Vec<_> = w
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Skipped(day, why) => Some((*day, *why)),
                _ => None,
            })
            .collect();
        assert_eq!(
            skipped,
            vec![
                (d(2026, 3, 28), NotWorking::Weekend(Weekday::Sat)),
                (d(2026, 3, 29), NotWorking::Weekend(Weekday::Sun)),
            ]
        );
        assert_eq!(w.date, d(2026, 3, 30));
    }

    #[test]
    fn holidays_named() {
        // 25 Nov 2026 → 25 Dec (Eerste Kerstdag), 26 (Tweede), 27 Sunday → Mon 28 Dec.
        let w = answer(CaseKind::Bezwaar, d(2026, 11, 25));
        assert_eq!(
            w.date,
            answer_deadline(CaseKind::Bezwaar, d(2026, 11, 25)).unwrap()
        );
        assert_eq!(w.date, d(2026, 12, 28));
        let skipped: Vec<_> = w
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Skipped(_, why) => Some(*why),
                _ => None,
            })
            .collect();
        assert_eq!(
            skipped,
            vec![
                NotWorking::Holiday(Holiday::EersteKerstdag),
                NotWorking::Holiday(Holiday::TweedeKerstdag),
                NotWorking::Weekend(Weekday::Sun),
            ]
        );
    }

    #[test]
    fn extension_from_the_unshifted_first_month() {
        let notice = d(2027, 2, 20);
        let w = explain_verzoek(CaseKind::Inzage, d(2027, 1, 31), Some(notice))
            .unwrap()
            .remove(0);
        assert_eq!(
            w.date,
            extended_deadline(CaseKind::Inzage, d(2027, 1, 31)).unwrap()
        );
        assert_eq!(w.date, d(2027, 4, 28));
        assert!(w.steps.contains(&Step::Rule(Rule::AvgExtension)));
        // The two months count from the unshifted 28 Feb, not from Mon 1 Mar.
        assert!(w.steps.contains(&Step::SameDate {
            from: d(2027, 2, 28),
            months: 2,
            to: d(2027, 4, 28)
        }));
        assert_eq!(
            w.steps.last(),
            Some(&Step::Extension {
                notice_sent: Some(notice)
            })
        );
        // No extension for IntrekkenToestemming: the same error as the deadline function.
        assert_eq!(
            explain_verzoek(CaseKind::IntrekkenToestemming, d(2027, 1, 31), Some(notice)),
            Err(DeadlineError::NoExtension(CaseKind::IntrekkenToestemming))
        );
    }

    #[test]
    fn destruction_three_months() {
        let all = explain_verzoek(CaseKind::Vernietiging, d(2026, 11, 30), None).unwrap();
        let w = &all[1];
        assert_eq!(w.which, Which::Destruction);
        assert_eq!(
            w.date,
            destruction_deadline(CaseKind::Vernietiging, d(2026, 11, 30)).unwrap()
        );
        assert!(w.steps.contains(&Step::Rule(Rule::WgboThreeMonths)));
        assert!(w.steps.contains(&Step::Clipped {
            from: d(2026, 11, 30),
            months: 3,
            to: d(2027, 2, 28)
        }));
    }

    #[test]
    fn seventy_two_hours_across_summer_time() {
        let aware = ams(2027, 3, 26, 16, 0);
        let (at, steps) = explain_breach(aware, None).unwrap();
        assert_eq!(at, breach_deadline(aware, None).unwrap());
        assert_eq!(
            steps,
            vec![
                Step::ClockStart(aware, ClockFrom::Aware),
                Step::Rule(Rule::Avg33Hours),
                Step::ClockChange {
                    from_secs: 3600,
                    to_secs: 7200
                },
                Step::EndsAt(at),
            ]
        );
        // Without a clock change there is no such step; a processor's earlier notice starts it.
        let early = ams(2026, 12, 23, 9, 0);
        let (at, steps) = explain_breach(ams(2026, 12, 24, 10, 0), Some(early)).unwrap();
        assert_eq!(
            at,
            breach_deadline(ams(2026, 12, 24, 10, 0), Some(early)).unwrap()
        );
        assert_eq!(steps[0], Step::ClockStart(early, ClockFrom::Processor));
        assert!(!steps.iter().any(|s| matches!(s, Step::ClockChange { .. })));
    }
}

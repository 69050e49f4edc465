//! A datalek's clock: the 72 hours to notify the AP run from the earliest moment the
//! organisation knew (AVG 33(1)), in clock hours, never shifted.

use chrono::{DateTime, Duration, Utc};

use super::DeadlineError;
use super::explain::{ClockFrom, Rule, Step, Trace, note_clock_change};

/// Clock hours to notify the AP of a breach (AVG 33(1)).
pub const BREACH_HOURS: i64 = 72;

/// The moment a breach's clock starts: the earlier of the organisation's own awareness and the
/// processor's notice (domain.md §3.3, the rule of the earliest reading).
pub fn breach_clock_start(
    aware: DateTime<Utc>,
    processor_notice: Option<DateTime<Utc>>,
) -> DateTime<Utc> {
    match processor_notice {
        Some(p) if p < aware => p,
        _ => aware,
    }
}

/// The AP notification deadline: exactly 72 clock hours (UTC arithmetic: weekends, holidays and
/// clock changes included) after the clock starts (AVG 33(1); Reg. 1182/71 art. 3(4)).
pub fn breach_deadline(
    aware: DateTime<Utc>,
    processor_notice: Option<DateTime<Utc>>,
) -> Result<DateTime<Utc>, DeadlineError> {
    breach_traced(aware, processor_notice, &mut ())
}

/// [`breach_deadline`], telling `t` where the clock started and whether the Amsterdam clock
/// changed in between.
pub(super) fn breach_traced(
    aware: DateTime<Utc>,
    processor_notice: Option<DateTime<Utc>>,
    t: &mut impl Trace,
) -> Result<DateTime<Utc>, DeadlineError> {
    let start = breach_clock_start(aware, processor_notice);
    let from = if start == aware {
        ClockFrom::Aware
    } else {
        ClockFrom::Processor
    };
    t.note(Step::ClockStart(start, from));
    t.note(Step::Rule(Rule::Avg33Hours));
    let end = start
        .checked_add_signed(Duration::hours(BREACH_HOURS))
        .ok_or(DeadlineError::OutOfRange)?;
    note_clock_change(t, start, end);
    t.note(Step::EndsAt(end));
    Ok(end)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::deadline::testing::{ams, fmt};

    #[test]
    fn breach_examples_of_3_3() {
        let cases = [
            // Summer time starts 28 March 2027.
            (
                ams(2027, 3, 26, 16, 0),
                "2027-03-26T16:00+01:00 Fri",
                "2027-03-29T17:00+02:00 Mon",
            ),
            // Winter time starts 31 October 2027 at 03:00.
            (
                ams(2027, 10, 28, 16, 0),
                "2027-10-28T16:00+02:00 Thu",
                "2027-10-31T15:00+01:00 Sun",
            ),
            // Winter time starts 25 October 2026.
            (
                ams(2026, 10, 23, 16, 0),
                "2026-10-23T16:00+02:00 Fri",
                "2026-10-26T15:00+01:00 Mon",
            ),
            // No shift for holidays or Sundays.
            (
                ams(2026, 12, 24, 10, 0),
                "2026-12-24T10:00+01:00 Thu",
                "2026-12-27T10:00+01:00 Sun",
            ),
        ];
        for (aware, aware_s, want) in cases {
            assert_eq!(fmt(aware), aware_s);
            let dl = breach_deadline(aware, None).unwrap();
            assert_eq!(fmt(dl), want);
            assert_eq!(dl - aware, Duration::hours(72));
        }
    }

    #[test]
    fn breach_clock_runs_from_the_earlier_moment() {
        let own = ams(2027, 3, 26, 16, 0);
        let processor = ams(2027, 3, 25, 9, 30);
        assert_eq!(
            breach_deadline(own, Some(processor)).unwrap(),
            processor + Duration::hours(72)
        );
        let later = ams(2027, 3, 27, 9, 30);
        assert_eq!(
            breach_deadline(own, Some(later)).unwrap(),
            own + Duration::hours(72)
        );
        assert_eq!(breach_clock_start(own, Some(own)), own);
    }
}

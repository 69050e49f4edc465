//! How urgent a deadline is (domain.md §3.4): its warning level on a day or at a moment, the
//! days or the hours and minutes left, and when the extension-notice warning starts.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{DeadlineError, extension_notice_deadline};
use crate::domain::calendar::{self, count_working_days};
use crate::domain::kind::CaseKind;

/// A date deadline is *bijna* when at most this many working days remain.
pub const BIJNA_WORKING_DAYS: u32 = 5;
/// A breach deadline is *bijna* when less than this many hours remain.
pub const BIJNA_BREACH_HOURS: i64 = 24;

/// A deadline's warning level, ordered from harmless to urgent so the worst of several is the
/// maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Its duty is done (met), whatever happens to the case afterwards: never late.
    Voldaan,
    /// Open, with time to spare.
    OpTijd,
    /// Open and due soon: at most 5 working days left (a breach: under 24 hours).
    Bijna,
    /// Open and past its deadline.
    TeLaat,
}

/// The warning level of a date deadline on `today` (domain.md §3.4): met when `done`; te laat
/// once `today` is after the deadline; bijna when at most 5 working days remain counting from
/// tomorrow up to and including the deadline day.
pub fn date_level(deadline: NaiveDate, today: NaiveDate, done: bool) -> Level {
    if done {
        Level::Voldaan
    } else if today > deadline {
        Level::TeLaat
    } else if count_working_days(today, deadline, BIJNA_WORKING_DAYS + 1) <= BIJNA_WORKING_DAYS {
        Level::Bijna
    } else {
        Level::OpTijd
    }
}

/// Calendar days from `today` to the deadline; negative when late, 0 on the day itself.
pub fn days_left(deadline: NaiveDate, today: NaiveDate) -> i64 {
    (deadline - today).num_days()
}

/// The warning level of a breach deadline at `now`: met when `done`; te laat once `now` is after
/// the deadline; bijna when under 24 hours remain.
pub fn breach_level(deadline: DateTime<Utc>, now: DateTime<Utc>, done: bool) -> Level {
    if done {
        Level::Voldaan
    } else if now > deadline {
        Level::TeLaat
    } else if deadline - now < Duration::hours(BIJNA_BREACH_HOURS) {
        Level::Bijna
    } else {
        Level::OpTijd
    }
}

/// Time left to a breach deadline in whole minutes, rounded down so it never shows more time
/// than there is; negative when late.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeLeft {
    /// Whole minutes left (floor); negative once the deadline passed.
    pub minutes: i64,
}

impl TimeLeft {
    /// Whether the deadline has passed (by at least part of a minute).
    pub fn is_late(self) -> bool {
        self.minutes < 0
    }

    /// The magnitude as (hours, minutes), for "47:05 over" or "3:10 te laat".
    pub fn hours_minutes(self) -> (i64, i64) {
        let m = self.minutes.abs();
        (m / 60, m % 60)
    }
}

/// The time left to a breach deadline at `now`, for the hours-and-minutes display.
pub fn breach_time_left(deadline: DateTime<Utc>, now: DateTime<Utc>) -> TimeLeft {
    TimeLeft {
        minutes: (deadline - now).num_seconds().div_euclid(60),
    }
}

/// The first day of the extension-notice warning: 5 working days before the end of the first
/// month (domain.md §3.4). On and after it, [`date_level`] of the notice deadline is bijna.
pub fn extension_notice_warn_from(
    kind: CaseKind,
    received: NaiveDate,
) -> Result<NaiveDate, DeadlineError> {
    let deadline = extension_notice_deadline(kind, received)?;
    calendar::working_days_before(deadline, BIJNA_WORKING_DAYS).ok_or(DeadlineError::OutOfRange)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::deadline::testing::{ams, d};
    use crate::domain::deadline::{answer_deadline, breach_deadline};

    #[test]
    fn date_levels_at_their_boundaries() {
        // Deadline Fri 9 Apr 2027 (2027-03-09 Inzage). Working days after Fri 2 Apr up to and
        // including 9 Apr: Mon 5 .. Fri 9 = 5 → bijna. Thu 1 Apr: Fri 2 + 5 = 6 → op tijd.
        let dl = answer_deadline(CaseKind::Inzage, d(2027, 3, 9)).unwrap();
        assert_eq!(dl, d(2027, 4, 9));
        assert_eq!(date_level(dl, d(2027, 4, 1), false), Level::OpTijd);
        assert_eq!(date_level(dl, d(2027, 4, 2), false), Level::Bijna);
        assert_eq!(date_level(dl, d(2027, 4, 3), false), Level::Bijna); // Saturday
        assert_eq!(date_level(dl, d(2027, 4, 9), false), Level::Bijna); // the day itself
        assert_eq!(date_level(dl, d(2027, 4, 10), false), Level::TeLaat);
        // Done: met, never late.
        assert_eq!(date_level(dl, d(2027, 4, 10), true), Level::Voldaan);
        assert_eq!(date_level(dl, d(2027, 4, 1), true), Level::Voldaan);
        assert_eq!(days_left(dl, d(2027, 4, 1)), 8);
        assert_eq!(days_left(dl, d(2027, 4, 9)), 0);
        assert_eq!(days_left(dl, d(2027, 4, 12)), -3);
    }

    #[test]
    fn holidays_stretch_the_bijna_window() {
        // Deadline Fri 7 May 2027 (Rectificatie 5 Apr): Wed 5 May and Thu 6 May are holidays.
        // From Thu 29 Apr: Fri 30, Mon 3, Tue 4, Fri 7 = 4 → bijna. From Tue 27 Apr (Koningsdag):
        // Wed 28, Thu 29, Fri 30, Mon 3, Tue 4, Fri 7 = 6 → op tijd. Wed 28 Apr: 5 → bijna.
        let dl = answer_deadline(CaseKind::Rectificatie, d(2027, 4, 5)).unwrap();
        assert_eq!(date_level(dl, d(2027, 4, 27), false), Level::OpTijd);
        assert_eq!(date_level(dl, d(2027, 4, 28), false), Level::Bijna);
    }

    #[test]
    fn breach_levels_at_their_boundaries() {
        let dl = breach_deadline(ams(2027, 3, 26, 16, 0), None).unwrap();
        let h = Duration::hours;
        let s = Duration::seconds;
        assert_eq!(breach_level(dl, dl - h(24), false), Level::OpTijd);
        assert_eq!(breach_level(dl, dl - h(24) + s(1), false), Level::Bijna);
        assert_eq!(breach_level(dl, dl, false), Level::Bijna);
        assert_eq!(breach_level(dl, dl + s(1), false), Level::TeLaat);
        assert_eq!(breach_level(dl, dl + s(1), true), Level::Voldaan);

        let left = breach_time_left(dl, dl - h(47) - Duration::minutes(5) - s(30));
        assert_eq!(left.hours_minutes(), (47, 5));
        assert!(!left.is_late());
        let late = breach_time_left(dl, dl + h(3) + Duration::minutes(10));
        assert_eq!(late.hours_minutes(), (3, 10));
        assert!(late.is_late());
        assert!(breach_time_left(dl, dl + s(1)).is_late());
        assert!(!breach_time_left(dl, dl).is_late());
        assert_eq!(breach_time_left(dl, dl - s(59)).hours_minutes(), (0, 0));
    }

    #[test]
    fn levels_order_by_urgency() {
        assert!(Level::Voldaan < Level::OpTijd);
        assert!(Level::OpTijd < Level::Bijna);
        assert!(Level::Bijna < Level::TeLaat);
    }
}

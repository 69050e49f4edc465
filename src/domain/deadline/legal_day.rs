//! Where a legal date meets the clock: the Amsterdam date of an instant ("today" for the desk)
//! and the instant a legal date ends.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;

/// The instant a legal date ends, 23:59:59 Europe/Amsterdam, so that verzoeken and datalekken
/// sort on one time axis.
pub fn end_of_legal_day(date: NaiveDate) -> DateTime<Utc> {
    let local = date.and_time(NaiveTime::MIN) + Duration::seconds(86_399);
    match Amsterdam.from_local_datetime(&local).earliest() {
        Some(t) => t.with_timezone(&Utc),
        // 23:59:59 never falls in a clock-change gap in Amsterdam; should the tz data ever say
        // otherwise, take the earlier instant of winter time (UTC+1).
        None => FixedOffset::east_opt(3600)
            .and_then(|cet| cet.from_local_datetime(&local).single())
            .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc)),
    }
}

/// The calendar date in Amsterdam of an instant: what "today" is for the desk.
pub fn amsterdam_date(instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&Amsterdam).date_naive()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::deadline::testing::{ams, d};

    #[test]
    fn legal_day_ends_at_midnight_amsterdam() {
        // Winter: 23:59:59 CET = 22:59:59 UTC.
        assert_eq!(
            end_of_legal_day(d(2027, 3, 1)).to_rfc3339(),
            "2027-03-01T22:59:59+00:00"
        );
        // Summer: 23:59:59 CEST = 21:59:59 UTC.
        assert_eq!(
            end_of_legal_day(d(2027, 4, 28)).to_rfc3339(),
            "2027-04-28T21:59:59+00:00"
        );
        // The days of the clock changes.
        assert_eq!(
            end_of_legal_day(d(2027, 3, 28)).to_rfc3339(),
            "2027-03-28T21:59:59+00:00"
        );
        assert_eq!(
            end_of_legal_day(d(2027, 10, 31)).to_rfc3339(),
            "2027-10-31T22:59:59+00:00"
        );
        // A breach due Sun 27 Dec 10:00 sorts before a verzoek due that day.
        assert!(ams(2026, 12, 27, 10, 0) < end_of_legal_day(d(2026, 12, 27)));
    }

    #[test]
    fn today_is_the_amsterdam_date() {
        // 23:30 UTC on 28 March 2027 is 01:30 CEST on the 29th.
        let t = Utc.with_ymd_and_hms(2027, 3, 28, 23, 30, 0).unwrap();
        assert_eq!(amsterdam_date(t), d(2027, 3, 29));
        let t = Utc.with_ymd_and_hms(2027, 1, 10, 22, 59, 59).unwrap();
        assert_eq!(amsterdam_date(t), d(2027, 1, 10));
        let t = Utc.with_ymd_and_hms(2027, 1, 10, 23, 0, 0).unwrap();
        assert_eq!(amsterdam_date(t), d(2027, 1, 11));
    }
}

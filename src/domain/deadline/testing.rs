//! What the deadline tests share: a date, an Amsterdam wall-clock time, and how to show an
//! instant in Amsterdam.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;

pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// An Amsterdam wall-clock time that exists once.
pub(super) fn ams(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
    Amsterdam
        .with_ymd_and_hms(y, m, day, h, min, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

pub(super) fn fmt(t: DateTime<Utc>) -> String {
    t.with_timezone(&Amsterdam)
        .format("%Y-%m-%dT%H:%M%:z %a")
        .to_string()
}

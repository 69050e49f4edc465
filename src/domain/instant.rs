//! The one grammar for instants and legal dates typed by a user: a datalek's FROM, `--now` and a
//! headless script's `now` share it, so a time means the same everywhere.
//!
//! An instant is `YYYY-MM-DDTHH:MM`, optionally `:SS`, in Europe/Amsterdam time, or with an
//! explicit offset (`Z`, `+02:00`, `-05:00`). A wall-clock time that does not exist in Amsterdam
//! (the hour skipped when summer time starts) is an error; one that occurs twice (the hour
//! repeated in October) is the EARLIER instant, so a breach clock never starts late.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Europe::Amsterdam;

/// Why a typed date or instant was refused; translated at the edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InstantError {
    /// Not the grammar at all.
    #[error("not a date or time in the expected form")]
    Malformed,
    /// A date where an instant (with a time) was needed.
    #[error("a time is needed, not only a date")]
    MissingTime,
    /// Well-formed, but the date does not exist (2027-02-30).
    #[error("the date does not exist")]
    ImpossibleDate,
    /// Well-formed, but the time of day does not exist (24:00, 12:60).
    #[error("the time of day does not exist")]
    ImpossibleTime,
    /// Well-formed, but the offset is out of range (+25:00).
    #[error("the UTC offset is out of range")]
    ImpossibleOffset,
    /// The wall-clock time was skipped in Amsterdam when summer time started.
    #[error("the time does not exist in Amsterdam (summer time starts)")]
    NonexistentInAmsterdam,
}

/// `n` ASCII digits at `s[at..]` as a number, or `None`.
fn digits(s: &[u8], at: usize, n: usize) -> Option<u32> {
    let part = s.get(at..at + n)?;
    part.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// Whether `s[at]` is the byte `want`.
fn byte_is(s: &[u8], at: usize, want: u8) -> bool {
    s.get(at) == Some(&want)
}

/// Parses the `YYYY-MM-DD` at the start of `s`; the rest is the caller's.
fn date_prefix(s: &[u8]) -> Result<NaiveDate, InstantError> {
    let (Some(y), true, Some(m), true, Some(d)) = (
        digits(s, 0, 4),
        byte_is(s, 4, b'-'),
        digits(s, 5, 2),
        byte_is(s, 7, b'-'),
        digits(s, 8, 2),
    ) else {
        return Err(InstantError::Malformed);
    };
    // Four digits always fit an i32.
    let y = i32::try_from(y).map_err(|_| InstantError::Malformed)?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or(InstantError::ImpossibleDate)
}

/// A legal date as typed, `YYYY-MM-DD` exactly: the FROM of a verzoek.
pub fn parse_date(s: &str) -> Result<NaiveDate, InstantError> {
    let b = s.as_bytes();
    if b.len() != 10 {
        return Err(InstantError::Malformed);
    }
    date_prefix(b)
}

/// An instant as typed (see the module documentation for the grammar), as UTC.
pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, InstantError> {
    let b = s.as_bytes();
    let date = date_prefix(b)?;
    if b.len() == 10 {
        return Err(InstantError::MissingTime);
    }
    let (true, Some(h), true, Some(mi)) = (
        byte_is(b, 10, b'T'),
        digits(b, 11, 2),
        byte_is(b, 13, b':'),
        digits(b, 14, 2),
    ) else {
        return Err(InstantError::Malformed);
    };
    let mut at = 16;
    let mut sec = 0;
    // `:SS` follows the minutes only if the colon is followed by exactly two digits and then the
    // end or an offset; `+02:00` starts with a sign, so there is no confusion.
    if byte_is(b, at, b':') {
        sec = digits(b, at + 1, 2).ok_or(InstantError::Malformed)?;
        at += 3;
    }
    let time = NaiveTime::from_hms_opt(h, mi, sec).ok_or(InstantError::ImpossibleTime)?;
    let local = NaiveDateTime::new(date, time);
    let rest = b.get(at..).unwrap_or_default();
    match rest {
        [] => {
            let t = Amsterdam
                .from_local_datetime(&local)
                .earliest()
                .ok_or(InstantError::NonexistentInAmsterdam)?;
            Ok(t.with_timezone(&Utc))
        }
        [b'Z'] => Ok(local.and_utc()),
        [sign @ (b'+' | b'-'), ..] if rest.len() == 6 => {
            let (Some(oh), true, Some(om)) = (
                digits(rest, 1, 2),
                byte_is(rest, 3, b':'),
                digits(rest, 4, 2),
            ) else {
                return Err(InstantError::Malformed);
            };
            if om >= 60 {
                return Err(InstantError::ImpossibleOffset);
            }
            // Both parts are two digits: the product fits an i32.
            let secs = i32::try_from(oh * 3600 + om * 60).map_err(|_| InstantError::Malformed)?;
            let secs = if *sign == b'-' { -secs } else { secs };
            let offset = FixedOffset::east_opt(secs).ok_or(InstantError::ImpossibleOffset)?;
            let t = offset
                .from_local_datetime(&local)
                .single()
                .ok_or(InstantError::ImpossibleDate)?;
            Ok(t.with_timezone(&Utc))
        }
        _ => Err(InstantError::Malformed),
    }
}

/// An instant in Amsterdam time with its offset, `2027-03-29T17:00+02:00` (`:SS` only when the
/// seconds are not zero): how the desk reads, and can type back, a breach deadline.
pub fn format_instant(t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&Amsterdam);
    if local.second() == 0 {
        local.format("%Y-%m-%dT%H:%M%:z").to_string()
    } else {
        local.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn amsterdam_time_without_offset() {
        assert_eq!(
            parse_instant("2027-03-26T16:00"),
            Ok(utc("2027-03-26T15:00:00Z"))
        );
        assert_eq!(
            parse_instant("2027-03-29T17:00"),
            Ok(utc("2027-03-29T15:00:00Z"))
        );
        assert_eq!(
            parse_instant("2027-03-29T17:00:30"),
            Ok(utc("2027-03-29T15:00:30Z"))
        );
    }

    #[test]
    fn explicit_offsets() {
        assert_eq!(
            parse_instant("2027-03-29T17:00+02:00"),
            Ok(utc("2027-03-29T15:00:00Z"))
        );
        assert_eq!(
            parse_instant("2027-03-29T15:00Z"),
            Ok(utc("2027-03-29T15:00:00Z"))
        );
        assert_eq!(
            parse_instant("2027-03-29T10:00:05-05:00"),
            Ok(utc("2027-03-29T15:00:05Z"))
        );
        // An offset makes any wall-clock time valid, even one Amsterdam skipped.
        assert_eq!(
            parse_instant("2027-03-28T02:30+01:00"),
            Ok(utc("2027-03-28T01:30:00Z"))
        );
    }

    #[test]
    fn the_skipped_hour_is_an_error() {
        // Summer time 2027 starts Sunday 28 March at 02:00 → 03:00.
        assert_eq!(
            parse_instant("2027-03-28T02:00"),
            Err(InstantError::NonexistentInAmsterdam)
        );
        assert_eq!(
            parse_instant("2027-03-28T02:59:59"),
            Err(InstantError::NonexistentInAmsterdam)
        );
        assert_eq!(
            parse_instant("2027-03-28T01:59"),
            Ok(utc("2027-03-28T00:59:00Z"))
        );
        assert_eq!(
            parse_instant("2027-03-28T03:00"),
            Ok(utc("2027-03-28T01:00:00Z"))
        );
    }

    #[test]
    fn the_repeated_hour_is_the_earlier_instant() {
        // Winter time 2027 starts Sunday 31 October at 03:00 CEST → 02:00 CET.
        assert_eq!(
            parse_instant("2027-10-31T02:30"),
            Ok(utc("2027-10-31T00:30:00Z"))
        );
        assert_eq!(
            parse_instant("2027-10-31T02:00"),
            Ok(utc("2027-10-31T00:00:00Z"))
        );
        assert_eq!(
            parse_instant("2027-10-31T03:00"),
            Ok(utc("2027-10-31T02:00:00Z"))
        );
    }

    #[test]
    fn refusals() {
        use InstantError::*;
        for (s, e) in [
            ("2027-03-29", MissingTime),
            ("2027-02-30T10:00", ImpossibleDate),
            ("2027-02-30", ImpossibleDate),
            ("2027-03-29T24:00", ImpossibleTime),
            ("2027-03-29T12:60", ImpossibleTime),
            ("2027-03-29T12:00:60", ImpossibleTime),
            ("2027-03-29T12:00+24:00", ImpossibleOffset),
            ("2027-03-29T12:00+02:60", ImpossibleOffset),
            ("2027-03-29 12:00", Malformed),
            ("2027-03-29t12:00", Malformed),
            ("2027-03-29T12", Malformed),
            ("2027-03-29T1:00", Malformed),
            ("2027-03-29T12:00:0", Malformed),
            ("2027-03-29T12:00+0200", Malformed),
            ("2027-03-29T12:00+02", Malformed),
            ("2027-03-29T12:00z", Malformed),
            ("2027-03-29T12:00 ", Malformed),
            ("27-03-29T12:00", Malformed),
            ("", Malformed),
            ("2027-3-29T12:00", Malformed),
            ("2027-03-29T12:00:00.5", Malformed),
            ("２027-03-29T12:00", Malformed),
        ] {
            assert_eq!(parse_instant(s), Err(e), "{s:?}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2027-01-31"),
            Ok(NaiveDate::from_ymd_opt(2027, 1, 31).unwrap())
        );
        assert_eq!(
            parse_date("2028-02-29"),
            Ok(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap())
        );
        assert_eq!(parse_date("2027-02-29"), Err(InstantError::ImpossibleDate));
        assert_eq!(parse_date("2027-02-30"), Err(InstantError::ImpossibleDate));
        assert_eq!(parse_date("2027-13-01"), Err(InstantError::ImpossibleDate));
        assert_eq!(parse_date("2027-00-10"), Err(InstantError::ImpossibleDate));
        for bad in [
            "2027-1-31",
            "2027/01/31",
            "2027-01-31T10:00",
            " 2027-01-31",
            "31-01-2027",
            "",
        ] {
            assert_eq!(parse_date(bad), Err(InstantError::Malformed), "{bad:?}");
        }
    }

    #[test]
    fn formatting_with_the_amsterdam_offset() {
        assert_eq!(
            format_instant(utc("2027-03-29T15:00:00Z")),
            "2027-03-29T17:00+02:00"
        );
        assert_eq!(
            format_instant(utc("2027-10-31T14:00:00Z")),
            "2027-10-31T15:00+01:00"
        );
        assert_eq!(
            format_instant(utc("2027-10-31T14:00:07Z")),
            "2027-10-31T15:00:07+01:00"
        );
        // The two 02:30s of 31 October print with their own offsets.
        assert_eq!(
            format_instant(utc("2027-10-31T00:30:00Z")),
            "2027-10-31T02:30+02:00"
        );
        assert_eq!(
            format_instant(utc("2027-10-31T01:30:00Z")),
            "2027-10-31T02:30+01:00"
        );
    }

    #[test]
    fn formatting_round_trips() {
        for s in [
            "2027-03-29T15:00:00Z",
            "2027-10-31T00:30:00Z",
            "2027-10-31T01:30:00Z",
            "2026-12-27T09:00:59Z",
        ] {
            let t = utc(s);
            assert_eq!(parse_instant(&format_instant(t)), Ok(t), "{s}");
        }
    }
}

//! Legal dates per kind and the warnings on them (domain.md §3).
//!
//! Every function here follows the rule of the earliest reading: where the sources allow more
//! than one reading, the earliest deadline is computed. Dates are `NaiveDate`s (a legal date ends
//! at 23:59:59 Europe/Amsterdam, see [`end_of_legal_day`]); the breach deadline is an instant in
//! UTC. "Today" and "now" are always inputs, never read from a clock.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;

use super::calendar::{add_months_clipped, count_working_days, next_working_day_from};
use super::kind::CaseKind;

/// Months of the first answer period (AVG 12(3)).
const FIRST_PERIOD_MONTHS: u32 = 1;
/// Months an extension adds (AVG 12(3)).
const EXTENSION_MONTHS: u32 = 2;
/// Months within which a dossier must be destroyed (WGBO 7:455 lid 1).
const DESTRUCTION_MONTHS: u32 = 3;
/// Clock hours to notify the AP of a breach (AVG 33(1)).
pub const BREACH_HOURS: i64 = 72;
/// A date deadline is *bijna* when at most this many working days remain.
pub const BIJNA_WORKING_DAYS: u32 = 5;
/// A breach deadline is *bijna* when less than this many hours remain.
pub const BIJNA_BREACH_HOURS: i64 = 24;

/// Why a legal date cannot be computed; translated at the edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// A datalek has an hour period, not a date: use [`breach_deadline`].
    #[error("a datalek has a 72-hour deadline, not a date deadline")]
    DatalekHasNoDate,
    /// AVG 12(3)'s extension does not exist for this kind.
    #[error("{0} cannot be extended")]
    NoExtension(CaseKind),
    /// Only a Vernietiging has a WGBO destruction date.
    #[error("{0} has no destruction date")]
    NotVernietiging(CaseKind),
    /// The date lies at the edge of the representable calendar.
    #[error("date out of range")]
    OutOfRange,
}

/// The end of the first month, clipped but *not* shifted (Reg. 1182/71 art. 3(2)(c)): the base of
/// the extended deadline.
pub fn first_month_end(received: NaiveDate) -> Result<NaiveDate, DeadlineError> {
    add_months_clipped(received, FIRST_PERIOD_MONTHS).ok_or(DeadlineError::OutOfRange)
}

/// Moves a period's last day to the next working day (Reg. 1182/71 art. 3(4)).
fn shifted(date: NaiveDate) -> Result<NaiveDate, DeadlineError> {
    next_working_day_from(date).ok_or(DeadlineError::OutOfRange)
}

/// Rejects the datalek, the one kind without date deadlines.
fn verzoek(kind: CaseKind) -> Result<(), DeadlineError> {
    if kind.is_datalek() {
        Err(DeadlineError::DatalekHasNoDate)
    } else {
        Ok(())
    }
}

/// The legal answer deadline of a verzoek: one month from receipt, clipped, then shifted to the
/// next working day (AVG 12(3), Reg. 1182/71 art. 3).
pub fn answer_deadline(kind: CaseKind, received: NaiveDate) -> Result<NaiveDate, DeadlineError> {
    verzoek(kind)?;
    shifted(first_month_end(received)?)
}

/// The answer deadline after a timely extension: the *unshifted* end of the first month plus two
/// months, clipped, then shifted (domain.md §3.1 *Choice — extension*: the earlier reading).
pub fn extended_deadline(kind: CaseKind, received: NaiveDate) -> Result<NaiveDate, DeadlineError> {
    verzoek(kind)?;
    if !kind.may_extend() {
        return Err(DeadlineError::NoExtension(kind));
    }
    let end = add_months_clipped(first_month_end(received)?, EXTENSION_MONTHS)
        .ok_or(DeadlineError::OutOfRange)?;
    shifted(end)
}

/// The WGBO date by which a Vernietiging must be carried out: three months from receipt,
/// clipped, shifted; never extended (WGBO 7:455 lid 1).
pub fn destruction_deadline(
    kind: CaseKind,
    received: NaiveDate,
) -> Result<NaiveDate, DeadlineError> {
    if kind != CaseKind::Vernietiging {
        return Err(DeadlineError::NotVernietiging(kind));
    }
    let end = add_months_clipped(received, DESTRUCTION_MONTHS).ok_or(DeadlineError::OutOfRange)?;
    shifted(end)
}

/// The last day to send the reasoned extension notice: the (shifted) first answer deadline
/// (AVG 12(3) "within the first month"; EDPB 01/2022 §161).
pub fn extension_notice_deadline(
    kind: CaseKind,
    received: NaiveDate,
) -> Result<NaiveDate, DeadlineError> {
    verzoek(kind)?;
    if !kind.may_extend() {
        return Err(DeadlineError::NoExtension(kind));
    }
    answer_deadline(kind, received)
}

/// The last day a refusal may reach the requester: the (shifted) first answer deadline, which an
/// extension does not move (domain.md §3.1 *Choice — refusals*).
pub fn refusal_deadline(kind: CaseKind, received: NaiveDate) -> Result<NaiveDate, DeadlineError> {
    answer_deadline(kind, received)
}

/// The internal target (interne streefdatum): `days` calendar days after receipt, not shifted;
/// the number comes from the organisation's configuration per kind.
pub fn internal_target(received: NaiveDate, days: u32) -> Result<NaiveDate, DeadlineError> {
    received
        .checked_add_signed(Duration::days(i64::from(days)))
        .ok_or(DeadlineError::OutOfRange)
}

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
    breach_clock_start(aware, processor_notice)
        .checked_add_signed(Duration::hours(BREACH_HOURS))
        .ok_or(DeadlineError::OutOfRange)
}

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
    super::calendar::working_days_before(deadline, BIJNA_WORKING_DAYS)
        .ok_or(DeadlineError::OutOfRange)
}

/// A verzoek's legal dates as the list and the command line show them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LegalDates {
    /// The answer deadline (extended when the extension was given in time).
    pub answer: NaiveDate,
    /// For a Vernietiging, the WGBO date the destruction must be done by; never extended.
    pub destruction: Option<NaiveDate>,
}

/// The legal dates of a verzoek received on `received`, extended or not.
pub fn legal_dates(
    kind: CaseKind,
    received: NaiveDate,
    extended: bool,
) -> Result<LegalDates, DeadlineError> {
    let answer = if extended {
        extended_deadline(kind, received)?
    } else {
        answer_deadline(kind, received)?
    };
    let destruction = if kind == CaseKind::Vernietiging {
        Some(destruction_deadline(kind, received)?)
    } else {
        None
    };
    Ok(LegalDates {
        answer,
        destruction,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// An Amsterdam wall-clock time that exists once.
    fn ams(y: i32, m: u32, day: u32, h: u32, min: u32) -> DateTime<Utc> {
        Amsterdam
            .with_ymd_and_hms(y, m, day, h, min, 0)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn fmt(t: DateTime<Utc>) -> String {
        t.with_timezone(&Amsterdam)
            .format("%Y-%m-%dT%H:%M%:z %a")
            .to_string()
    }

    #[test]
    fn worked_examples_of_the_table_3_2() {
        use CaseKind::*;
        let first = [
            (d(2026, 3, 9), Inzage, d(2026, 4, 9), Weekday::Thu),
            (d(2027, 1, 31), Inzage, d(2027, 3, 1), Weekday::Mon),
            (d(2027, 3, 26), Afschrift, d(2027, 4, 26), Weekday::Mon),
            (d(2026, 11, 23), Vernietiging, d(2026, 12, 23), Weekday::Wed),
            (d(2026, 11, 25), Bezwaar, d(2026, 12, 28), Weekday::Mon),
            (d(2027, 4, 5), Rectificatie, d(2027, 5, 7), Weekday::Fri),
        ];
        for (received, kind, want, wd) in first {
            let got = answer_deadline(kind, received).unwrap();
            assert_eq!(got, want, "{kind} {received}");
            assert_eq!(got.weekday(), wd);
            assert_eq!(legal_dates(kind, received, false).unwrap().answer, want);
        }
        // Verlengd: 28 Feb + 2 months = Wed 28 Apr 2027.
        let ext = extended_deadline(Inzage, d(2027, 1, 31)).unwrap();
        assert_eq!(ext, d(2027, 4, 28));
        assert_eq!(ext.weekday(), Weekday::Wed);
        // Vernietiging: answer Wed 23 Dec 2026, destroyed by Tue 23 Feb 2027.
        let v = legal_dates(Vernietiging, d(2026, 11, 23), false).unwrap();
        assert_eq!(v.answer, d(2026, 12, 23));
        assert_eq!(v.destruction, Some(d(2027, 2, 23)));
        assert_eq!(d(2027, 2, 23).weekday(), Weekday::Tue);
    }

    #[test]
    fn examples_of_3_1() {
        // 9 March → 9 April.
        assert_eq!(first_month_end(d(2026, 3, 9)).unwrap(), d(2026, 4, 9));
        // 31 January → 28/29 February (clipped, unshifted).
        assert_eq!(first_month_end(d(2027, 1, 31)).unwrap(), d(2027, 2, 28));
        assert_eq!(first_month_end(d(2028, 1, 31)).unwrap(), d(2028, 2, 29));
        // 31 May + 3 months → 31 August (2027: a Tuesday).
        assert_eq!(
            destruction_deadline(CaseKind::Vernietiging, d(2027, 5, 31)).unwrap(),
            d(2027, 8, 31)
        );
        // 30 November + 3 months → 28 Feb 2027 (a Sunday) → Mon 1 Mar 2027.
        assert_eq!(
            destruction_deadline(CaseKind::Vernietiging, d(2026, 11, 30)).unwrap(),
            d(2027, 3, 1)
        );
        // 30 November 2027 + 3 months → Tue 29 Feb 2028.
        assert_eq!(
            destruction_deadline(CaseKind::Vernietiging, d(2027, 11, 30)).unwrap(),
            d(2028, 2, 29)
        );
        // Goede Vrijdag is not a holiday: received Fri 26 Feb 2027 → Fri 26 Mar 2027.
        let gv = answer_deadline(CaseKind::Inzage, d(2027, 2, 26)).unwrap();
        assert_eq!(gv, d(2027, 3, 26));
        assert_eq!(gv.weekday(), Weekday::Fri);
    }

    #[test]
    fn extension_starts_from_the_unshifted_first_month() {
        // The shifted reading would be 1 Mar + 2 = 1 May 2027 (a Saturday) → 3 May; ours is
        // earlier.
        assert_eq!(
            extended_deadline(CaseKind::Bezwaar, d(2027, 1, 31)).unwrap(),
            d(2027, 4, 28)
        );
        // Received 30 Nov 2026: first month 30 Dec; +2 → 28 Feb 2027 (Sun) → Mon 1 Mar.
        assert_eq!(
            extended_deadline(CaseKind::Inzage, d(2026, 11, 30)).unwrap(),
            d(2027, 3, 1)
        );
        // Vernietiging's answer may be extended; its destruction date never moves.
        let v = legal_dates(CaseKind::Vernietiging, d(2026, 11, 23), true).unwrap();
        assert_eq!(v.answer, d(2027, 2, 23));
        assert_eq!(v.destruction, Some(d(2027, 2, 23)));
    }

    #[test]
    fn no_extension_for_intrekken_toestemming_or_datalek() {
        let r = d(2027, 1, 31);
        assert_eq!(
            extended_deadline(CaseKind::IntrekkenToestemming, r),
            Err(DeadlineError::NoExtension(CaseKind::IntrekkenToestemming))
        );
        assert_eq!(
            legal_dates(CaseKind::IntrekkenToestemming, r, true),
            Err(DeadlineError::NoExtension(CaseKind::IntrekkenToestemming))
        );
        assert_eq!(
            extension_notice_deadline(CaseKind::IntrekkenToestemming, r),
            Err(DeadlineError::NoExtension(CaseKind::IntrekkenToestemming))
        );
        assert_eq!(
            extended_deadline(CaseKind::Datalek, r),
            Err(DeadlineError::DatalekHasNoDate)
        );
        assert_eq!(
            answer_deadline(CaseKind::Datalek, r),
            Err(DeadlineError::DatalekHasNoDate)
        );
        assert_eq!(
            legal_dates(CaseKind::Datalek, r, false),
            Err(DeadlineError::DatalekHasNoDate)
        );
        // IntrekkenToestemming still has its one month.
        assert_eq!(
            answer_deadline(CaseKind::IntrekkenToestemming, r).unwrap(),
            d(2027, 3, 1)
        );
        assert_eq!(
            destruction_deadline(CaseKind::Inzage, r),
            Err(DeadlineError::NotVernietiging(CaseKind::Inzage))
        );
    }

    #[test]
    fn notice_and_refusal_cut_offs_are_the_shifted_first_month() {
        let r = d(2027, 1, 31);
        assert_eq!(
            extension_notice_deadline(CaseKind::Inzage, r).unwrap(),
            d(2027, 3, 1)
        );
        assert_eq!(
            refusal_deadline(CaseKind::Inzage, r).unwrap(),
            d(2027, 3, 1)
        );
        assert_eq!(
            refusal_deadline(CaseKind::IntrekkenToestemming, r).unwrap(),
            d(2027, 3, 1)
        );
        // Warn from 5 working days before Mon 1 Mar: Fri 26, Thu 25, Wed 24, Tue 23, Mon 22 Feb.
        assert_eq!(
            extension_notice_warn_from(CaseKind::Inzage, r).unwrap(),
            d(2027, 2, 22)
        );
        let notice = extension_notice_deadline(CaseKind::Inzage, r).unwrap();
        assert_eq!(date_level(notice, d(2027, 2, 21), false), Level::OpTijd);
        assert_eq!(date_level(notice, d(2027, 2, 22), false), Level::Bijna);
    }

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

    #[test]
    fn internal_target_counts_calendar_days() {
        // 28 days after Fri 26 Feb 2027 = Fri 26 Mar; 30 days = Sun 28 Mar (not shifted).
        assert_eq!(internal_target(d(2027, 2, 26), 28).unwrap(), d(2027, 3, 26));
        assert_eq!(internal_target(d(2027, 2, 26), 30).unwrap(), d(2027, 3, 28));
        assert_eq!(
            internal_target(NaiveDate::MAX, 1),
            Err(DeadlineError::OutOfRange)
        );
    }

    #[test]
    fn the_edge_of_the_calendar_is_an_error_not_a_panic() {
        assert_eq!(
            answer_deadline(CaseKind::Inzage, NaiveDate::MAX),
            Err(DeadlineError::OutOfRange)
        );
        let t = DateTime::<Utc>::MAX_UTC;
        assert_eq!(breach_deadline(t, None), Err(DeadlineError::OutOfRange));
        let _ = end_of_legal_day(NaiveDate::MAX);
        let _ = end_of_legal_day(NaiveDate::MIN);
    }
}

//! The Dutch legal calendar: public holidays of the Algemene termijnenwet art. 3(1), working
//! days, and month arithmetic per EU Regulation 1182/71 art. 3 (domain.md §3.1, §3.2).
//!
//! Only the narrow holiday set: no Goede Vrijdag and no bridge days, by the rule of the earliest
//! reading. Easter is computed (Gregorian computus), never tabled, so every year works. Every
//! function is pure; `None` is returned only at the edge of chrono's date range.

use chrono::{Datelike, Months, NaiveDate, Weekday};

/// A public holiday of Atw art. 3(1): a day on which a legal period does not end.
/// Dutch names, as the law and the desk call them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// 1 January.
    Nieuwjaarsdag,
    /// Easter Monday.
    TweedePaasdag,
    /// 27 April, or 26 April when 27 April is a Sunday.
    Koningsdag,
    /// 5 May, every year.
    Bevrijdingsdag,
    /// Ascension Day, Easter + 39 days.
    Hemelvaartsdag,
    /// Whit Monday, Easter + 50 days.
    TweedePinksterdag,
    /// 25 December.
    EersteKerstdag,
    /// 26 December.
    TweedeKerstdag,
}

/// Month and day of Easter Sunday in `year` by the anonymous Gregorian computus
/// (Meeus/Jones/Butcher); proleptic before 1583. Kept separate so that [`holiday`] need not
/// build a date.
fn easter_month_day(year: i32) -> (u32, u32) {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    // n / 31 is 3 or 4 and n % 31 + 1 is at most 31: both fit u32.
    ((n / 31) as u32, (n % 31 + 1) as u32)
}

/// Easter Sunday of `year` (Gregorian computus), the anchor of three holidays.
/// `None` only for a year outside chrono's range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let (month, day) = easter_month_day(year);
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Which Atw art. 3(1) holiday `date` is, if any. Weekends are not holidays here; see
/// [`is_working_day`]. When Hemelvaartsdag falls on 5 May, Hemelvaartsdag is named.
pub fn holiday(date: NaiveDate) -> Option<Holiday> {
    let (month, day) = (date.month(), date.day());
    match (month, day) {
        (1, 1) => return Some(Holiday::Nieuwjaarsdag),
        (12, 25) => return Some(Holiday::EersteKerstdag),
        (12, 26) => return Some(Holiday::TweedeKerstdag),
        _ => {}
    }
    // Easter Monday is 23 March at the earliest; Whit Monday 14 June at the latest.
    if (3..=6).contains(&month) {
        let (em, ed) = easter_month_day(date.year());
        // Days of `date` after Easter Sunday, both within March..June of one year.
        let offset = day_of_spring(month, day) - day_of_spring(em, ed);
        match offset {
            1 => return Some(Holiday::TweedePaasdag),
            39 => return Some(Holiday::Hemelvaartsdag),
            50 => return Some(Holiday::TweedePinksterdag),
            _ => {}
        }
    }
    match (month, day) {
        (4, 27) if date.weekday() != Weekday::Sun => Some(Holiday::Koningsdag),
        (4, 26) if date.weekday() == Weekday::Sat => Some(Holiday::Koningsdag),
        (5, 5) => Some(Holiday::Bevrijdingsdag),
        _ => None,
    }
}

/// Day number counted from 1 March (March, April, May and June have no leap-year
/// dependence), so Easter offsets need no date arithmetic.
fn day_of_spring(month: u32, day: u32) -> i64 {
    const BEFORE: [i64; 4] = [0, 31, 61, 92]; // days before Mar, Apr, May, Jun
    let idx = month.saturating_sub(3).min(3) as usize;
    BEFORE[idx] + i64::from(day)
}

/// Whether a legal period may end on `date`: not a Saturday, Sunday or Atw holiday
/// (Reg. 1182/71 art. 3(4)).
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && holiday(date).is_none()
}

/// The first working day on or after `date` (the date itself if it is one): where a period that
/// ends on a non-working day really ends. `None` only at the end of chrono's range.
pub fn next_working_day_from(date: NaiveDate) -> Option<NaiveDate> {
    next_working_day_noting(date, |_| {})
}

/// As [`next_working_day_from`], telling `skipped` each day passed over: the same walk feeds
/// the date and its explanation ("Waarom deze datum?"), so the two cannot disagree.
pub fn next_working_day_noting(
    date: NaiveDate,
    mut skipped: impl FnMut(NaiveDate),
) -> Option<NaiveDate> {
    let mut d = date;
    while !is_working_day(d) {
        skipped(d);
        d = d.succ_opt()?;
    }
    Some(d)
}

/// The same date `months` later, or the last day of that month when the date does not exist in
/// it (Reg. 1182/71 art. 3(2)(c): 31 January + 1 month → 28/29 February). Not shifted.
pub fn add_months_clipped(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(months))
}

/// The number of working days from the day after `from` up to and including `to` (0 when `to`
/// is not after `from`): "how many working days remain" as the warnings count them.
pub fn working_days_after_until(from: NaiveDate, to: NaiveDate) -> u32 {
    count_working_days(from, to, u32::MAX)
}

/// As [`working_days_after_until`], but stops counting at `cap`: the warnings only need to know
/// whether the count is small, not how large it is.
pub(crate) fn count_working_days(from: NaiveDate, to: NaiveDate, cap: u32) -> u32 {
    let mut n = 0;
    let mut d = from;
    while d < to && n < cap {
        match d.succ_opt() {
            Some(next) => d = next,
            None => break,
        }
        if is_working_day(d) {
            n += 1;
        }
    }
    n
}

/// The `n`-th working day strictly before `date` (`n` = 0 gives `date`): when a warning that
/// runs "from n working days before" a deadline starts. `None` only at chrono's range start.
pub fn working_days_before(date: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut d = date;
    let mut left = n;
    while left > 0 {
        d = d.pred_opt()?;
        if is_working_day(d) {
            left -= 1;
        }
    }
    Some(d)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Easter 1900..=2200 as MMDD, from an independent implementation (python-dateutil).
    const EASTER_1900_2200: &str = "\
        0415 0407 0330 0412 0403 0423 0415 0331 0419 0411 0327 0416 0407 0323 0412 0404 0423 \
        0408 0331 0420 0404 0327 0416 0401 0420 0412 0404 0417 0408 0331 0420 0405 0327 0416 \
        0401 0421 0412 0328 0417 0409 0324 0413 0405 0425 0409 0401 0421 0406 0328 0417 0409 \
        0325 0413 0405 0418 0410 0401 0421 0406 0329 0417 0402 0422 0414 0329 0418 0410 0326 \
        0414 0406 0329 0411 0402 0422 0414 0330 0418 0410 0326 0415 0406 0419 0411 0403 0422 \
        0407 0330 0419 0403 0326 0415 0331 0419 0411 0403 0416 0407 0330 0412 0404 0423 0415 \
        0331 0420 0411 0327 0416 0408 0323 0412 0404 0424 0408 0331 0420 0405 0327 0416 0401 \
        0421 0412 0404 0417 0409 0331 0420 0405 0328 0416 0401 0421 0413 0328 0417 0409 0325 \
        0413 0405 0425 0410 0401 0421 0406 0329 0417 0409 0325 0414 0405 0418 0410 0402 0421 \
        0406 0329 0418 0402 0422 0414 0330 0418 0410 0326 0415 0406 0329 0411 0403 0422 0414 \
        0330 0419 0410 0326 0415 0407 0419 0411 0403 0423 0407 0330 0419 0404 0326 0415 0331 \
        0420 0411 0403 0416 0408 0330 0412 0404 0424 0415 0331 0420 0412 0328 0417 0409 0325 \
        0413 0405 0418 0410 0401 0421 0406 0329 0417 0402 0422 0414 0329 0418 0410 0326 0414 \
        0406 0329 0411 0402 0422 0414 0330 0418 0410 0326 0415 0406 0419 0411 0403 0422 0407 \
        0330 0419 0403 0326 0415 0331 0419 0411 0403 0416 0407 0330 0412 0404 0423 0415 0331 \
        0420 0411 0327 0416 0408 0323 0412 0404 0424 0408 0331 0420 0405 0327 0416 0401 0421 \
        0412 0404 0417 0409 0331 0420 0405 0328 0416 0401 0421 0413 0328 0417 0409 0325 0413 \
        0405 0425 0410 0401 0421 0406 0329 0417 0409 0325 0414 0406 \
    ";

    #[test]
    fn easter_matches_an_independent_table_1900_2200() {
        let table: Vec<&str> = EASTER_1900_2200.split_whitespace().collect();
        assert_eq!(table.len(), 301);
        for (i, mmdd) in table.iter().enumerate() {
            let y = 1900 + i as i32;
            let e = easter_sunday(y).unwrap();
            assert_eq!(e.format("%m%d").to_string(), *mmdd, "{y}");
        }
    }

    #[test]
    fn easter_known_years() {
        // Published Gregorian Easter dates.
        for (y, m, day) in [
            (1900, 4, 15),
            (1954, 4, 18),
            (1961, 4, 2),
            (1981, 4, 19),
            (1818, 3, 22), // earliest possible
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25), // latest possible
            (2100, 3, 28),
            (2200, 4, 6),
        ] {
            assert_eq!(easter_sunday(y), Some(d(y, m, day)), "{y}");
        }
    }

    #[test]
    fn easter_is_a_sunday_between_22_march_and_25_april() {
        for y in 1583..=3000 {
            let e = easter_sunday(y).unwrap();
            assert_eq!(e.weekday(), Weekday::Sun, "{y}");
            assert!(e >= d(y, 3, 22) && e <= d(y, 4, 25), "{y}");
        }
    }

    #[test]
    fn holidays_2027() {
        let expected = [
            (d(2027, 1, 1), Holiday::Nieuwjaarsdag),
            (d(2027, 3, 29), Holiday::TweedePaasdag),
            (d(2027, 4, 27), Holiday::Koningsdag),
            (d(2027, 5, 5), Holiday::Bevrijdingsdag),
            (d(2027, 5, 6), Holiday::Hemelvaartsdag),
            (d(2027, 5, 17), Holiday::TweedePinksterdag),
            (d(2027, 12, 25), Holiday::EersteKerstdag),
            (d(2027, 12, 26), Holiday::TweedeKerstdag),
        ];
        let mut found = Vec::new();
        let mut day = d(2027, 1, 1);
        while day.year() == 2027 {
            if let Some(h) = holiday(day) {
                found.push((day, h));
            }
            day = day.succ_opt().unwrap();
        }
        assert_eq!(found, expected);
    }

    #[test]
    fn no_goede_vrijdag_no_paaszondag_no_bridge_days() {
        assert_eq!(holiday(d(2027, 3, 26)), None); // Goede Vrijdag
        assert!(is_working_day(d(2027, 3, 26)));
        assert_eq!(holiday(d(2027, 3, 28)), None); // Eerste Paasdag: a Sunday anyway
        for bridge in [d(2026, 1, 2), d(2026, 5, 15), d(2027, 5, 7), d(2028, 4, 28)] {
            assert_eq!(holiday(bridge), None, "{bridge}");
            assert!(is_working_day(bridge), "{bridge}");
        }
    }

    #[test]
    fn koningsdag_moves_to_26_april_when_27_is_a_sunday() {
        // 27 April 2025 was a Sunday.
        assert_eq!(holiday(d(2025, 4, 26)), Some(Holiday::Koningsdag));
        assert_eq!(holiday(d(2025, 4, 27)), None);
        // 2031: 27 April is a Sunday too.
        assert_eq!(d(2031, 4, 27).weekday(), Weekday::Sun);
        assert_eq!(holiday(d(2031, 4, 26)), Some(Holiday::Koningsdag));
        // 2026: 27 April is a Monday; 26 April (a Sunday) is not Koningsdag.
        assert_eq!(holiday(d(2026, 4, 27)), Some(Holiday::Koningsdag));
        assert_eq!(holiday(d(2026, 4, 26)), None);
        // Any other 26 April that is a Saturday only when 27 is a Sunday: 2025 above.
        assert_eq!(holiday(d(2027, 4, 26)), None);
    }

    #[test]
    fn bevrijdingsdag_every_year_and_hemelvaart_on_5_may() {
        for y in [2020, 2021, 2026, 2030] {
            assert!(holiday(d(y, 5, 5)).is_some(), "{y}");
        }
        // 2016: Easter 27 March, Hemelvaart 5 May.
        assert_eq!(holiday(d(2016, 5, 5)), Some(Holiday::Hemelvaartsdag));
        assert!(!is_working_day(d(2016, 5, 5)));
    }

    #[test]
    fn working_days_and_shift() {
        assert!(is_working_day(d(2026, 4, 9))); // Thu
        assert!(!is_working_day(d(2027, 2, 27))); // Sat
        assert!(!is_working_day(d(2027, 2, 28))); // Sun
        assert_eq!(next_working_day_from(d(2027, 2, 28)), Some(d(2027, 3, 1)));
        assert_eq!(next_working_day_from(d(2026, 4, 9)), Some(d(2026, 4, 9)));
        // Christmas 2026: Fri 25, Sat 26, Sun 27 → Mon 28.
        assert_eq!(
            next_working_day_from(d(2026, 12, 25)),
            Some(d(2026, 12, 28))
        );
        // 5 May 2027 (Wed) and Hemelvaart 6 May → Fri 7 May (a bridge day, still working).
        assert_eq!(next_working_day_from(d(2027, 5, 5)), Some(d(2027, 5, 7)));
    }

    #[test]
    fn months_clip_to_the_last_day() {
        assert_eq!(add_months_clipped(d(2026, 3, 9), 1), Some(d(2026, 4, 9)));
        assert_eq!(add_months_clipped(d(2027, 1, 31), 1), Some(d(2027, 2, 28)));
        assert_eq!(add_months_clipped(d(2028, 1, 31), 1), Some(d(2028, 2, 29)));
        assert_eq!(add_months_clipped(d(2026, 5, 31), 3), Some(d(2026, 8, 31)));
        assert_eq!(add_months_clipped(d(2026, 11, 30), 3), Some(d(2027, 2, 28)));
        assert_eq!(add_months_clipped(d(2027, 11, 30), 3), Some(d(2028, 2, 29)));
        assert_eq!(add_months_clipped(d(2026, 12, 31), 2), Some(d(2027, 2, 28)));
        assert_eq!(add_months_clipped(NaiveDate::MAX, 1), None);
    }

    #[test]
    fn counting_working_days() {
        // Mon 2027-03-22 .. Fri 2027-03-26: Tue..Fri = 4.
        assert_eq!(working_days_after_until(d(2027, 3, 22), d(2027, 3, 26)), 4);
        // Over Easter 2027: Fri 26 Mar → Fri 2 Apr: Tue 30, Wed 31, Thu 1, Fri 2 (Mon 29 off).
        assert_eq!(working_days_after_until(d(2027, 3, 26), d(2027, 4, 2)), 4);
        assert_eq!(working_days_after_until(d(2027, 3, 26), d(2027, 3, 26)), 0);
        assert_eq!(working_days_after_until(d(2027, 3, 26), d(2027, 3, 1)), 0);
        assert_eq!(working_days_before(d(2027, 4, 2), 5), Some(d(2027, 3, 25)));
        assert_eq!(working_days_before(d(2027, 4, 2), 0), Some(d(2027, 4, 2)));
    }
}

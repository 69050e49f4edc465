//! Properties of the legal dates over receipt dates from 1900 to 2200 (domain.md §3): random
//! (proptest) and, for the core ones, exhaustive over every day.
#![allow(clippy::unwrap_used)]

use chrono::Datelike;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use privdesk::domain::calendar::{
    add_months_clipped, is_working_day, next_working_day_from, working_days_before,
};
use privdesk::domain::deadline::{
    Level, amsterdam_date, answer_deadline, breach_deadline, date_level, destruction_deadline,
    end_of_legal_day, extended_deadline, extension_notice_warn_from, legal_dates,
};
use privdesk::domain::instant::{format_instant, parse_instant};
use privdesk::domain::kind::CaseKind;
use proptest::prelude::*;

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()
}

fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2200, 12, 31).unwrap()
}

/// Any receipt date from 1 Jan 1900 to 31 Dec 2200.
fn receipt() -> impl Strategy<Value = NaiveDate> {
    let span = (last_day() - first_day()).num_days();
    (0..=span).prop_map(|o| first_day() + Duration::days(o))
}

/// A receipt date from 1977 (today's summer-time rules) to 2200.
fn modern_receipt() -> impl Strategy<Value = NaiveDate> {
    receipt().prop_filter("from 1977", |d| d.year() >= 1977)
}

/// Any instant (whole seconds) in the same years.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let from = first_day()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp();
    let to = last_day()
        .and_hms_opt(23, 59, 59)
        .unwrap()
        .and_utc()
        .timestamp();
    (from..=to).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
}

fn verzoek() -> impl Strategy<Value = CaseKind> {
    prop::sample::select(CaseKind::VERZOEKEN.to_vec())
}

fn extendable() -> impl Strategy<Value = CaseKind> {
    prop::sample::select(
        CaseKind::VERZOEKEN
            .iter()
            .copied()
            .filter(|k| k.may_extend())
            .collect::<Vec<_>>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn answer_is_a_working_day_within_a_week_of_the_clipped_month(
        kind in verzoek(), r in receipt()
    ) {
        let dl = answer_deadline(kind, r).unwrap();
        let month = add_months_clipped(r, 1).unwrap();
        prop_assert!(is_working_day(dl));
        prop_assert!(dl >= month);
        prop_assert!(dl <= month + Duration::days(7));
        // Nothing between the month's end and the deadline is a working day.
        let mut d = month;
        while d < dl {
            prop_assert!(!is_working_day(d), "{d} skipped");
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn later_receipt_never_gives_an_earlier_deadline(
        kind in extendable(), a in receipt(), b in receipt()
    ) {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(answer_deadline(kind, a).unwrap() <= answer_deadline(kind, b).unwrap());
        prop_assert!(extended_deadline(kind, a).unwrap() <= extended_deadline(kind, b).unwrap());
        let v = CaseKind::Vernietiging;
        prop_assert!(destruction_deadline(v, a).unwrap() <= destruction_deadline(v, b).unwrap());
    }

    #[test]
    fn extended_is_a_later_working_day_but_never_past_three_months(
        kind in extendable(), r in receipt()
    ) {
        let first = answer_deadline(kind, r).unwrap();
        let ext = extended_deadline(kind, r).unwrap();
        prop_assert!(is_working_day(ext));
        prop_assert!(ext >= first);
        // The earliest reading: never later than the shifted reading, nor than 3 months whole.
        let shifted_reading = next_working_day_from(add_months_clipped(first, 2).unwrap()).unwrap();
        prop_assert!(ext <= shifted_reading);
        let three = next_working_day_from(add_months_clipped(r, 3).unwrap()).unwrap();
        prop_assert!(ext <= three);
    }

    #[test]
    fn destruction_is_not_before_the_answer(r in receipt(), extended in any::<bool>()) {
        let dates = legal_dates(CaseKind::Vernietiging, r, extended).unwrap();
        let destroy = dates.destruction.unwrap();
        prop_assert!(is_working_day(destroy));
        prop_assert!(destroy >= answer_deadline(CaseKind::Vernietiging, r).unwrap());
        prop_assert!(destroy >= dates.answer);
        prop_assert!(destroy >= add_months_clipped(r, 3).unwrap());
    }

    #[test]
    fn breach_is_exactly_72_hours_after_the_earlier_moment(
        aware in instant(), notice in proptest::option::of(instant())
    ) {
        let dl = breach_deadline(aware, notice).unwrap();
        let start = notice.map_or(aware, |n| n.min(aware));
        prop_assert_eq!(dl - start, Duration::hours(72));
        prop_assert_eq!(dl.timestamp() - start.timestamp(), 72 * 3600);
        prop_assert!(dl <= breach_deadline(aware, None).unwrap());
    }

    #[test]
    fn bijna_starts_five_working_days_before(kind in verzoek(), r in receipt(), back in 0i64..30) {
        let dl = answer_deadline(kind, r).unwrap();
        let today = dl - Duration::days(back);
        let from = working_days_before(dl, 5).unwrap();
        let want = if today >= from { Level::Bijna } else { Level::OpTijd };
        prop_assert_eq!(date_level(dl, today, false), want);
        prop_assert_eq!(date_level(dl, dl + Duration::days(back + 1), false), Level::TeLaat);
        prop_assert_eq!(date_level(dl, today, true), Level::Voldaan);
        if kind.may_extend() {
            prop_assert_eq!(extension_notice_warn_from(kind, r).unwrap(), from);
        }
    }

    /// From 1977 on, Amsterdam changes its clocks at night, never around midnight; the 1920s
    /// tz data had changes at midnight, where a day's end is ambiguous and the earlier reading
    /// (the first 23:59:59) is taken.
    #[test]
    fn a_legal_day_ends_at_amsterdam_midnight(r in modern_receipt()) {
        let end = end_of_legal_day(r);
        prop_assert_eq!(amsterdam_date(end), r);
        prop_assert_eq!(amsterdam_date(end + Duration::seconds(1)), r.succ_opt().unwrap());
    }

    #[test]
    fn instants_round_trip_through_their_format(t in instant()) {
        prop_assert_eq!(parse_instant(&format_instant(t)), Ok(t));
    }
}

/// The core properties for every receipt day from 1900 to 2200 and every verzoek kind.
#[test]
fn every_day_1900_2200() {
    let mut r = first_day();
    let mut prev: Option<(NaiveDate, NaiveDate, NaiveDate)> = None;
    while r <= last_day() {
        let month = add_months_clipped(r, 1).unwrap();
        let first = answer_deadline(CaseKind::Inzage, r).unwrap();
        let ext = extended_deadline(CaseKind::Inzage, r).unwrap();
        let destroy = destruction_deadline(CaseKind::Vernietiging, r).unwrap();
        for kind in CaseKind::VERZOEKEN {
            assert_eq!(answer_deadline(kind, r).unwrap(), first, "{kind} {r}");
        }
        assert!(is_working_day(first) && is_working_day(ext) && is_working_day(destroy));
        assert!(first >= month && first <= month + Duration::days(7), "{r}");
        assert!(ext >= first && destroy >= first && destroy >= ext, "{r}");
        if let Some((p_first, p_ext, p_destroy)) = prev {
            assert!(
                first >= p_first && ext >= p_ext && destroy >= p_destroy,
                "{r}"
            );
        }
        prev = Some((first, ext, destroy));
        r = r.succ_opt().unwrap();
    }
}

//! The date deadlines of a verzoek: the answer period and its extension (AVG 12(3)), the WGBO
//! destruction date, the cut-offs for an extension notice and a refusal, and the internal target.

use chrono::{Duration, NaiveDate};

use super::DeadlineError;
use super::explain::{Rule, Step, Trace, note_months, note_skipped};
use crate::domain::calendar::{add_months_clipped, next_working_day_noting};
use crate::domain::kind::CaseKind;

/// Months of the first answer period (AVG 12(3)).
const FIRST_PERIOD_MONTHS: u32 = 1;
/// Months an extension adds (AVG 12(3)).
const EXTENSION_MONTHS: u32 = 2;
/// Months within which a dossier must be destroyed (WGBO 7:455 lid 1).
const DESTRUCTION_MONTHS: u32 = 3;

/// The end of the first month, clipped but *not* shifted (Reg. 1182/71 art. 3(2)(c)): the base of
/// the extended deadline.
pub fn first_month_end(received: NaiveDate) -> Result<NaiveDate, DeadlineError> {
    months_traced(received, FIRST_PERIOD_MONTHS, &mut ())
}

/// `months` after `from`, clipped to the month's last day when the date does not exist in it;
/// the trace learns which.
fn months_traced(
    from: NaiveDate,
    months: u32,
    t: &mut impl Trace,
) -> Result<NaiveDate, DeadlineError> {
    let to = add_months_clipped(from, months).ok_or(DeadlineError::OutOfRange)?;
    note_months(t, from, months, to);
    Ok(to)
}

/// Moves a period's last day to the next working day (Reg. 1182/71 art. 3(4)); the trace
/// learns each day skipped and where the period ends.
fn shifted(date: NaiveDate, t: &mut impl Trace) -> Result<NaiveDate, DeadlineError> {
    let mut skipped = Vec::new();
    let day =
        next_working_day_noting(date, |d| skipped.push(d)).ok_or(DeadlineError::OutOfRange)?;
    if !skipped.is_empty() {
        for d in skipped {
            note_skipped(t, d);
        }
        t.note(Step::FirstWorkingDay(day));
    }
    Ok(day)
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
    answer_traced(kind, received, &mut ())
}

/// [`answer_deadline`], telling `t` each step.
pub(super) fn answer_traced(
    kind: CaseKind,
    received: NaiveDate,
    t: &mut impl Trace,
) -> Result<NaiveDate, DeadlineError> {
    verzoek(kind)?;
    t.note(Step::Received(received));
    t.note(Step::Rule(Rule::AvgOneMonth));
    let end = months_traced(received, FIRST_PERIOD_MONTHS, t)?;
    shifted(end, t)
}

/// The answer deadline after a timely extension: the *unshifted* end of the first month plus two
/// months, clipped, then shifted (domain.md §3.1 *Choice — extension*: the earlier reading).
pub fn extended_deadline(kind: CaseKind, received: NaiveDate) -> Result<NaiveDate, DeadlineError> {
    extended_traced(kind, received, &mut ())
}

/// [`extended_deadline`], telling `t` each step.
pub(super) fn extended_traced(
    kind: CaseKind,
    received: NaiveDate,
    t: &mut impl Trace,
) -> Result<NaiveDate, DeadlineError> {
    verzoek(kind)?;
    if !kind.may_extend() {
        return Err(DeadlineError::NoExtension(kind));
    }
    t.note(Step::Received(received));
    t.note(Step::Rule(Rule::AvgOneMonth));
    let first = months_traced(received, FIRST_PERIOD_MONTHS, t)?;
    t.note(Step::Rule(Rule::AvgExtension));
    let end = months_traced(first, EXTENSION_MONTHS, t)?;
    shifted(end, t)
}

/// The WGBO date by which a Vernietiging must be carried out: three months from receipt,
/// clipped, shifted; never extended (WGBO 7:455 lid 1).
pub fn destruction_deadline(
    kind: CaseKind,
    received: NaiveDate,
) -> Result<NaiveDate, DeadlineError> {
    destruction_traced(kind, received, &mut ())
}

/// [`destruction_deadline`], telling `t` each step.
pub(super) fn destruction_traced(
    kind: CaseKind,
    received: NaiveDate,
    t: &mut impl Trace,
) -> Result<NaiveDate, DeadlineError> {
    if kind != CaseKind::Vernietiging {
        return Err(DeadlineError::NotVernietiging(kind));
    }
    t.note(Step::Received(received));
    t.note(Step::Rule(Rule::WgboThreeMonths));
    let end = months_traced(received, DESTRUCTION_MONTHS, t)?;
    shifted(end, t)
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
    use crate::domain::deadline::testing::d;
    use crate::domain::deadline::{Level, date_level, extension_notice_warn_from};
    use chrono::{Datelike, Weekday};

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
    fn internal_target_counts_calendar_days() {
        // 28 days after Fri 26 Feb 2027 = Fri 26 Mar; 30 days = Sun 28 Mar (not shifted).
        assert_eq!(internal_target(d(2027, 2, 26), 28).unwrap(), d(2027, 3, 26));
        assert_eq!(internal_target(d(2027, 2, 26), 30).unwrap(), d(2027, 3, 28));
        assert_eq!(
            internal_target(NaiveDate::MAX, 1),
            Err(DeadlineError::OutOfRange)
        );
    }
}

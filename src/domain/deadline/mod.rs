//! Legal dates per kind and the warnings on them (domain.md §3).
//!
//! Every function here follows the rule of the earliest reading: where the sources allow more
//! than one reading, the earliest deadline is computed. Dates are `NaiveDate`s (a legal date ends
//! at 23:59:59 Europe/Amsterdam, see [`end_of_legal_day`]); the breach deadline is an instant in
//! UTC. "Today" and "now" are always inputs, never read from a clock.
//!
//! - `verzoek_dates` — a verzoek's dates: the answer period, its extension, the destruction
//!   date, the cut-offs for an extension notice and a refusal, the internal target.
//! - `breach_clock` — a datalek's 72 hours for the AP.
//! - `legal_day` — where a legal date begins and ends on the Amsterdam clock.
//! - `explain` — "Waarom deze datum?": the steps the functions above took, recorded by them.
//! - `level` — how urgent a deadline is: its warning level and the time left.

use super::kind::CaseKind;

mod breach_clock;
mod explain;
mod legal_day;
mod level;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod testing;
mod verzoek_dates;

pub use breach_clock::{BREACH_HOURS, breach_clock_start, breach_deadline};
pub use explain::{
    ClockFrom, DateWhy, NotWorking, Rule, Step, Trace, Which, explain_breach, explain_verzoek,
};
pub use legal_day::{amsterdam_date, end_of_legal_day};
pub use level::{
    BIJNA_BREACH_HOURS, BIJNA_WORKING_DAYS, Level, TimeLeft, breach_level, breach_time_left,
    date_level, days_left, extension_notice_warn_from,
};
pub use verzoek_dates::{
    LegalDates, answer_deadline, destruction_deadline, extended_deadline,
    extension_notice_deadline, first_month_end, internal_target, legal_dates, refusal_deadline,
};

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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDate, Utc};

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

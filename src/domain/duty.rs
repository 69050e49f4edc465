//! A case's legal duties — the answer (AVG 12(3)), the WGBO destruction (7:455) and the
//! notification to the AP within 72 hours (AVG 33) — each with its deadline and the day or the
//! instant it was met, so that a duty met after its deadline is never shown as simply met.

use chrono::{DateTime, NaiveDate, Utc};

use super::case::{Case, Decision};
use super::deadline;
use super::rights;
use super::summary::Due;

/// Which duty.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DutyKind {
    /// Sending the answer to the request.
    Answer,
    /// Destroying the records (a Vernietiging).
    Destruction,
    /// Notifying the AP, or recording the reasoned decision not to (a datalek).
    Notification,
}

/// When a duty was met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Met {
    /// On this (Amsterdam) day.
    Day(NaiveDate),
    /// At this instant.
    Instant(DateTime<Utc>),
}

/// Where a duty stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DutyState {
    /// Still to do: its deadline runs.
    Open,
    /// Done, then.
    Met(Met),
    /// No longer owed, without having been met: the request was withdrawn or lapsed, the
    /// destruction refused, the case closed without it.
    Moot,
}

/// How late a duty was met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lateness {
    /// On or before its deadline.
    OnTime,
    /// This many calendar days after a date deadline.
    Days(i64),
    /// This many whole minutes after a breach's 72-hour mark.
    Minutes(i64),
}

/// One duty of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duty {
    /// Which duty.
    pub kind: DutyKind,
    /// Its deadline.
    pub due: Due,
    /// Where it stands.
    pub state: DutyState,
}

impl Duty {
    /// How late it was met; `None` while open or moot.
    pub fn lateness(&self) -> Option<Lateness> {
        let DutyState::Met(met) = self.state else {
            return None;
        };
        Some(lateness(self.due, met))
    }

    /// Whether it no longer runs (met or moot).
    pub fn is_done(&self) -> bool {
        self.state != DutyState::Open
    }
}

/// How late a duty met at `met` was against `due`: a date deadline counts calendar days after
/// it (its end is the end of the legal day), the 72-hour mark whole minutes after it.
pub fn lateness(due: Due, met: Met) -> Lateness {
    match (due, met) {
        (Due::Date(d), Met::Day(m)) => match (m - d).num_days() {
            n if n > 0 => Lateness::Days(n),
            _ => Lateness::OnTime,
        },
        (Due::Date(d), Met::Instant(t)) => {
            lateness(Due::Date(d), Met::Day(deadline::amsterdam_date(t)))
        }
        (Due::Instant(d), Met::Instant(t)) => match (t - d).num_minutes() {
            _ if t <= d => Lateness::OnTime,
            // Part of a minute late is late: at least one minute.
            n => Lateness::Minutes(n.max(1)),
        },
        (Due::Instant(d), Met::Day(m)) => {
            lateness(Due::Instant(d), Met::Instant(deadline::end_of_legal_day(m)))
        }
    }
}

/// The duties a case has, in the order the screens show them: answer, destruction, notification.
pub fn duties(case: &Case) -> Vec<Duty> {
    let ended = case.ending.is_some();
    let mut out = Vec::new();
    if let Some(r) = &case.request
        && let Ok(dates) = deadline::legal_dates(r.kind, r.received, case.extended())
    {
        out.push(Duty {
            kind: DutyKind::Answer,
            due: Due::Date(dates.answer),
            state: match case.reply_sent {
                Some(on) => DutyState::Met(Met::Day(on)),
                None if ended => DutyState::Moot,
                None => DutyState::Open,
            },
        });
        if let Some(due) = dates.destruction {
            let refused = case.decision.as_ref().is_some_and(|d| {
                matches!(d.decision, Decision::Afgewezen | Decision::NietOntvankelijk)
            });
            out.push(Duty {
                kind: DutyKind::Destruction,
                due: Due::Date(due),
                state: match case.destroyed_on() {
                    Some(on) => DutyState::Met(Met::Day(on)),
                    None if refused || ended => DutyState::Moot,
                    None => DutyState::Open,
                },
            });
        }
    }
    if let Some(due) = rights::breach_deadline(case) {
        out.push(Duty {
            kind: DutyKind::Notification,
            due: Due::Instant(due),
            state: match rights::breach_duty_met(case) {
                Some(at) => DutyState::Met(Met::Instant(at)),
                None if ended || !case.status().is_active() => DutyState::Moot,
                None => DutyState::Open,
            },
        });
    }
    out
}

/// One duty of a case, if the case has it.
pub fn duty(case: &Case, kind: DutyKind) -> Option<Duty> {
    duties(case).into_iter().find(|d| d.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_reply_on_the_deadline_is_on_time_and_the_day_after_is_one_day_late() {
        let due = Due::Date(date("2026-11-27"));
        assert_eq!(
            lateness(due, Met::Day(date("2026-11-27"))),
            Lateness::OnTime
        );
        assert_eq!(
            lateness(due, Met::Day(date("2026-11-20"))),
            Lateness::OnTime
        );
        assert_eq!(
            lateness(due, Met::Day(date("2026-11-28"))),
            Lateness::Days(1)
        );
        assert_eq!(
            lateness(due, Met::Day(date("2026-12-07"))),
            Lateness::Days(10)
        );
    }

    #[test]
    fn a_notification_36_hours_after_the_72_hours_is_36_hours_late() {
        let due = DateTime::<Utc>::MIN_UTC + Duration::days(800_000);
        let d = Due::Instant(due);
        assert_eq!(lateness(d, Met::Instant(due)), Lateness::OnTime);
        assert_eq!(
            lateness(d, Met::Instant(due + Duration::hours(36))),
            Lateness::Minutes(36 * 60)
        );
        assert_eq!(
            lateness(d, Met::Instant(due + Duration::seconds(5))),
            Lateness::Minutes(1)
        );
    }
}

//! How dates, instants and time left are written on screen.

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;

use crate::domain::deadline::{self, Level, amsterdam_date, breach_time_left};
use crate::domain::duty::{DutyKind, DutyState, Lateness, duties, lateness};
use crate::domain::summary::Due;
use crate::domain::{Case, Summary};
use crate::i18n::Lang;
use crate::i18n::ui::UiMsg;

/// A deadline as the list shows it: a date, or a breach's instant in Amsterdam time.
pub fn due(d: Due) -> String {
    match d {
        Due::Date(date) => date.format("%Y-%m-%d").to_string(),
        Due::Instant(t) => instant(t),
    }
}

/// An instant in Amsterdam time, to the minute.
pub fn instant(t: DateTime<Utc>) -> String {
    t.with_timezone(&Amsterdam)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// Time left, compact for the list: calendar days (`12d`, `-3d`), a breach hours and minutes
/// (`47u05`, `-3u10`).
pub fn left_short(d: Due, now: DateTime<Utc>, lang: Lang) -> String {
    match d {
        Due::Date(date) => {
            let n = deadline::days_left(date, amsterdam_date(now));
            UiMsg::Days.fill(lang, &[("n", &n.to_string())])
        }
        Due::Instant(t) => {
            let left = breach_time_left(t, now);
            let (h, m) = left.hours_minutes();
            let sign = if left.is_late() { "-" } else { "" };
            UiMsg::HoursMinutes.fill(
                lang,
                &[("h", &format!("{sign}{h}")), ("m", &format!("{m:02}"))],
            )
        }
    }
}

/// Time left in words, for the detail: `nog 12 dagen`, `3 dagen te laat`, `nog 47u05`.
pub fn left_long(d: Due, now: DateTime<Utc>, lang: Lang) -> String {
    match d {
        Due::Date(date) => {
            let n = deadline::days_left(date, amsterdam_date(now));
            match n {
                0 => UiMsg::Today.text(lang).to_string(),
                -1 => UiMsg::DayLate.text(lang).to_string(),
                1 => UiMsg::DayLeft.text(lang).to_string(),
                n if n < 0 => UiMsg::DaysLate.fill(lang, &[("n", &(-n).to_string())]),
                n => UiMsg::DaysLeft.fill(lang, &[("n", &n.to_string())]),
            }
        }
        Due::Instant(t) => {
            let left = breach_time_left(t, now);
            let (h, m) = left.hours_minutes();
            let values = [("h", h.to_string()), ("m", format!("{m:02}"))];
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            if left.is_late() {
                UiMsg::TimeLate.fill(lang, &values)
            } else {
                UiMsg::TimeLeft.fill(lang, &values)
            }
        }
    }
}

/// A warning level's name.
pub fn level(l: Level, lang: Lang) -> &'static str {
    match l {
        Level::Voldaan => UiMsg::LevelVoldaan.text(lang),
        Level::OpTijd => UiMsg::LevelOpTijd.text(lang),
        Level::Bijna => UiMsg::LevelBijna.text(lang),
        Level::TeLaat => UiMsg::LevelTeLaat.text(lang),
    }
}

/// The text marker of a level, so the warning reads without colour (`NO_COLOR`).
pub fn marker(l: Level, lang: Lang) -> &'static str {
    match l {
        Level::TeLaat => UiMsg::MarkLate.text(lang),
        Level::Bijna => UiMsg::MarkSoon.text(lang),
        Level::OpTijd | Level::Voldaan => "  ",
    }
}

/// At most `n` characters, with an ellipsis when cut.
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// At most the last `n` characters, with an ellipsis in front when cut (a text being typed
/// shows its end, where the cursor is).
pub fn tail(s: &str, n: usize) -> String {
    let len = s.chars().count();
    if len <= n {
        s.to_string()
    } else {
        let mut out = String::from("…");
        out.extend(s.chars().skip(len + 1 - n));
        out
    }
}

/// The legal dates of a case that the detail and the checklist show, in order: (label, the
/// date written as a fact — "(verlengd)" after an extended answer date —, the date, where its
/// duty stands). With the case read, a met duty carries when it was met; from the summary
/// alone only whether it is done.
pub fn dues(s: &Summary, case: Option<&Case>, lang: Lang) -> Vec<(UiMsg, String, Due, DutyState)> {
    // The case's duties, computed once for the three rows.
    let all = case.map(duties);
    let state_of = |kind: DutyKind, done: bool| match &all {
        Some(all) => all
            .iter()
            .find(|d| d.kind == kind)
            .map_or(DutyState::Moot, |d| d.state),
        None if done => DutyState::Moot,
        None => DutyState::Open,
    };
    [
        (
            UiMsg::FieldAnswerDue,
            s.answer_due.map(Due::Date),
            state_of(DutyKind::Answer, s.answer_done),
        ),
        (
            UiMsg::FieldDestructionDue,
            s.destruction_due.map(Due::Date),
            state_of(DutyKind::Destruction, s.destruction_done),
        ),
        (
            UiMsg::FieldBreachDue,
            s.breach_due.map(Due::Instant),
            state_of(DutyKind::Notification, s.breach_done),
        ),
    ]
    .into_iter()
    .filter_map(|(label, due, state)| {
        let due = due?;
        let mut value = self::due(due);
        if label == UiMsg::FieldAnswerDue && s.extended {
            value.push_str(&format!(" ({})", UiMsg::Extended.text(lang)));
        }
        Some((label, value, due, state))
    })
    .collect()
}

/// Where a duty stands at `now`, in words, with the level its marker and colour show: the
/// level and the time left while it runs; "voldaan" once met in time (or no longer owed);
/// "te laat voldaan (36u00 na de termijn)" when met after its deadline — a late duty stays
/// late on every screen.
pub fn duty_words(due: Due, state: DutyState, now: DateTime<Utc>, lang: Lang) -> (Level, String) {
    let met = match state {
        DutyState::Open => {
            let level = due.level(now, false);
            let words = format!(
                "{} ({})",
                self::level(level, lang),
                left_long(due, now, lang)
            );
            return (level, words);
        }
        DutyState::Moot => Lateness::OnTime,
        DutyState::Met(m) => lateness(due, m),
    };
    let words = match met {
        Lateness::OnTime => UiMsg::LevelVoldaan.text(lang).to_string(),
        Lateness::Days(1) => UiMsg::MetLateDay.text(lang).to_string(),
        Lateness::Days(n) => UiMsg::MetLateDays.fill(lang, &[("n", &n.to_string())]),
        Lateness::Minutes(m) => UiMsg::MetLateTime.fill(
            lang,
            &[
                ("h", &(m / 60).to_string()),
                ("m", &format!("{:02}", m % 60)),
            ],
        ),
    };
    let level = if met == Lateness::OnTime {
        Level::Voldaan
    } else {
        Level::TeLaat
    };
    (level, words)
}

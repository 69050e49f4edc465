//! "Waarom deze datum?": each step of a deadline's computation in words. The steps come from
//! the deadline code itself (`domain::deadline::explain`); here they are only said.

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use chrono_tz::Europe::Amsterdam;

use super::Lang;
use crate::domain::calendar::Holiday;
use crate::domain::deadline::{ClockFrom, NotWorking, Rule, Step, Which};

crate::messages! {
    /// Everything the explanation says.
    WhyMsg {
        Title => "Waarom deze datum?", "Why this date?";
        Answer => "Antwoordtermijn: {date}", "Answer deadline: {date}";
        Destruction => "Vernietigen uiterlijk: {date}", "Destroy by: {date}";
        Breach => "Melding AP uiterlijk: {at}", "Notify the DPA by: {at}";
        Received => "Ontvangen op {date}; die dag telt niet mee (Verordening 1182/71 art. 3).",
            "Received on {date}; that day is not counted (Regulation 1182/71 art. 3).";
        RuleMonth => "Regel: AVG 12(3), binnen één maand na ontvangst.", "Rule: GDPR 12(3), within one month of receipt.";
        RuleExtension => "Verlenging: AVG 12(3), twee maanden erbij, geteld vanaf het einde van de eerste maand vóór verschuiving.",
            "Extension: GDPR 12(3), two further months, counted from the end of the first month before any shift.";
        RuleWgbo => "Regel: WGBO 7:455, vernietigen binnen drie maanden na ontvangst; nooit verlengd.",
            "Rule: WGBO 7:455, destroy within three months of receipt; never extended.";
        RuleHours => "Regel: AVG 33(1), 72 klokuren; weekend en feestdagen tellen mee, niets schuift.",
            "Rule: GDPR 33(1), 72 clock hours; weekends and holidays count, nothing shifts.";
        SameDate => "{from} + {months} maand(en) = {to}: dezelfde datum.", "{from} + {months} month(s) = {to}: the same date.";
        Clipped => "{from} + {months} maand(en): die datum bestaat niet, dus de laatste dag van de maand: {to}.",
            "{from} + {months} month(s): that date does not exist, so the last day of the month: {to}.";
        Weekend => "{date} is een {day}: geen werkdag.", "{date} is a {day}: not a working day.";
        Holiday => "{date} is {holiday} (Algemene termijnenwet): geen werkdag.", "{date} is {holiday} (Algemene termijnenwet): not a working day.";
        FirstWorkingDay => "{date} is de eerste werkdag: daar eindigt de termijn.", "{date} is the first working day: the period ends there.";
        Extended => "Verlengd; het bericht aan de verzoeker is verstuurd op {date}.", "Extended; the notice to the requester was sent on {date}.";
        ExtendedUnknown => "Verlengd.", "Extended.";
        ClockAware => "De klok loopt vanaf {at}: het moment dat de organisatie ervan wist.",
            "The clock runs from {at}: when the organisation became aware.";
        ClockProcessor => "De klok loopt vanaf {at}: de melding van de verwerker, eerder dan de eigen ontdekking.",
            "The clock runs from {at}: the processor's notice, earlier than the organisation's own awareness.";
        ClockChange => "De klok ging in die 72 uur om (UTC{from} → UTC{to}); het blijven 72 echte uren.",
            "The clock changed within those 72 hours (UTC{from} → UTC{to}); they remain 72 real hours.";
        EndsAt => "Einde: {at}.", "Ends: {at}.";
        NoDates => "Deze zaak heeft geen berekenbare termijn.", "This case has no deadline to compute.";
    }
}

/// A weekday's name.
fn weekday(d: Weekday, lang: Lang) -> &'static str {
    let (nl, en) = match d {
        Weekday::Mon => ("maandag", "Monday"),
        Weekday::Tue => ("dinsdag", "Tuesday"),
        Weekday::Wed => ("woensdag", "Wednesday"),
        Weekday::Thu => ("donderdag", "Thursday"),
        Weekday::Fri => ("vrijdag", "Friday"),
        Weekday::Sat => ("zaterdag", "Saturday"),
        Weekday::Sun => ("zondag", "Sunday"),
    };
    if lang == Lang::Nl { nl } else { en }
}

/// A holiday's name (the Atw's Dutch names; English in English).
fn holiday(h: Holiday, lang: Lang) -> &'static str {
    let (nl, en) = match h {
        Holiday::Nieuwjaarsdag => ("Nieuwjaarsdag", "New Year's Day"),
        Holiday::TweedePaasdag => ("Tweede Paasdag", "Easter Monday"),
        Holiday::Koningsdag => ("Koningsdag", "King's Day"),
        Holiday::Bevrijdingsdag => ("Bevrijdingsdag", "Liberation Day"),
        Holiday::Hemelvaartsdag => ("Hemelvaartsdag", "Ascension Day"),
        Holiday::TweedePinksterdag => ("Tweede Pinksterdag", "Whit Monday"),
        Holiday::EersteKerstdag => ("Eerste Kerstdag", "Christmas Day"),
        Holiday::TweedeKerstdag => ("Tweede Kerstdag", "Boxing Day"),
    };
    if lang == Lang::Nl { nl } else { en }
}

/// A date with its weekday: `zondag 28-02-2027`.
pub fn day(d: NaiveDate, lang: Lang) -> String {
    format!("{} {}", weekday(d.weekday(), lang), d.format("%d-%m-%Y"))
}

/// An instant in Amsterdam time with its weekday.
pub fn instant(t: DateTime<Utc>, lang: Lang) -> String {
    let local = t.with_timezone(&Amsterdam);
    format!(
        "{} {}",
        weekday(local.weekday(), lang),
        local.format("%d-%m-%Y %H:%M")
    )
}

/// A UTC offset in whole hours: `+1`, `+2`.
fn offset(secs: i32) -> String {
    format!("{:+}", secs / 3600)
}

/// The heading of a date deadline's explanation.
pub fn heading(which: Which, date: NaiveDate, lang: Lang) -> String {
    let msg = match which {
        Which::Answer => WhyMsg::Answer,
        Which::Destruction => WhyMsg::Destruction,
    };
    msg.fill(lang, &[("date", &day(date, lang))])
}

/// One step in words.
pub fn step(s: &Step, lang: Lang) -> String {
    match *s {
        Step::Received(d) => WhyMsg::Received.fill(lang, &[("date", &day(d, lang))]),
        Step::Rule(Rule::AvgOneMonth) => WhyMsg::RuleMonth.text(lang).into(),
        Step::Rule(Rule::AvgExtension) => WhyMsg::RuleExtension.text(lang).into(),
        Step::Rule(Rule::WgboThreeMonths) => WhyMsg::RuleWgbo.text(lang).into(),
        Step::Rule(Rule::Avg33Hours) => WhyMsg::RuleHours.text(lang).into(),
        Step::SameDate { from, months, to } | Step::Clipped { from, months, to } => {
            let msg = if matches!(s, Step::SameDate { .. }) {
                WhyMsg::SameDate
            } else {
                WhyMsg::Clipped
            };
            msg.fill(
                lang,
                &[
                    ("from", &day(from, lang)),
                    ("months", &months.to_string()),
                    ("to", &day(to, lang)),
                ],
            )
        }
        Step::Skipped(d, NotWorking::Weekend(w)) => WhyMsg::Weekend.fill(
            lang,
            &[
                ("date", &d.format("%d-%m-%Y").to_string()),
                ("day", weekday(w, lang)),
            ],
        ),
        Step::Skipped(d, NotWorking::Holiday(h)) => WhyMsg::Holiday.fill(
            lang,
            &[("date", &day(d, lang)), ("holiday", holiday(h, lang))],
        ),
        Step::FirstWorkingDay(d) => WhyMsg::FirstWorkingDay.fill(lang, &[("date", &day(d, lang))]),
        Step::Extension {
            notice_sent: Some(d),
        } => WhyMsg::Extended.fill(lang, &[("date", &day(d, lang))]),
        Step::Extension { notice_sent: None } => WhyMsg::ExtendedUnknown.text(lang).into(),
        Step::ClockStart(at, ClockFrom::Aware) => {
            WhyMsg::ClockAware.fill(lang, &[("at", &instant(at, lang))])
        }
        Step::ClockStart(at, ClockFrom::Processor) => {
            WhyMsg::ClockProcessor.fill(lang, &[("at", &instant(at, lang))])
        }
        Step::ClockChange { from_secs, to_secs } => WhyMsg::ClockChange.fill(
            lang,
            &[("from", &offset(from_secs)), ("to", &offset(to_secs))],
        ),
        Step::EndsAt(at) => WhyMsg::EndsAt.fill(lang, &[("at", &instant(at, lang))]),
    }
}

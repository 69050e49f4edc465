//! The demo register: about forty obviously fictitious cases over every kind and state, dated
//! relative to the clock's today so that some are always late, some due soon, some closed.
//!
//! The plan is built through the domain itself: each event is applied to an in-memory case
//! before it is emitted, so the seed can only contain what the app itself could record.
//!
//! - `planner` — the machinery: one verzoek or datalek taken to its stage through the domain,
//!   each step one change; the fictitious names.
//! - `bulk` — large fictitious registers for benchmarks and scale tests (test and bench data,
//!   not the store's): the journal written in one go with the store's line encoder, then the
//!   working store rebuilt by the store's repair.
//!
//! Here: the seed itself ([`plan`]: which cases, how old, how far along), the plausible answers
//! it and the bulk builder give, and the demo clock's instants.

pub mod bulk;
mod planner;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;

use crate::domain::case::{BreachNature, Case, Decision, Refusal, Relation};
use crate::domain::checklist::{Answer, AnswerType, StepId};
use crate::domain::deadline::amsterdam_date;
use crate::domain::event::Event;
use crate::domain::kind::CaseKind;
use planner::{Planner, Stage};

/// The user every demo change is recorded by.
pub const DEMO_USER: &str = "Demo Gebruiker";

/// One change of the seed: the events of one journal line.
pub type DemoChange = Vec<Event>;

/// A plausible answer to a step for a fictitious case (the demo seed and the bulk builder),
/// dated no later than `at`: harmless defaults that let a case reach its decision.
pub fn plausible_answer(case: &Case, step: StepId, ty: AnswerType, at: DateTime<Utc>) -> Answer {
    let today = amsterdam_date(at);
    let received = case.received().unwrap_or(today);
    match (step, ty) {
        (StepId::SignalenMishandeling | StepId::Bewaarplicht | StepId::BelangAnder, _) => {
            Answer::YesNo(false)
        }
        (StepId::OordeelSchaadtHulp, _) => Answer::YesNo(false),
        // A withdrawal of consent takes effect on receipt (AVG 7(3)).
        (StepId::IngangsdatumIntrekking, _) => Answer::Date(received),
        (StepId::ToestemmingKind, _) => Answer::Choice("gegeven".into()),
        (StepId::IdKopie, _) => Answer::Choice("geen_kopie".into()),
        (StepId::Risico, _) => Answer::Choice("risico".into()),
        (StepId::WilsbekwaamBeoordeeldDoor, _) => Answer::Text("jeugdarts (demo)".into()),
        (_, AnswerType::YesNo) => Answer::YesNo(true),
        (_, AnswerType::Choices(opts)) => {
            Answer::Choices(opts.iter().take(1).map(|o| o.to_string()).collect())
        }
        (_, AnswerType::Choice(opts)) => {
            Answer::Choice(opts.first().copied().unwrap_or_default().into())
        }
        (_, AnswerType::Date) => match &case.breach {
            // A breach's incident (begin, end) lies before the organisation became aware.
            Some(b) => Answer::Date(amsterdam_date(b.aware_at) - Duration::days(1)),
            None => Answer::Date((received + Duration::days(2)).min(today)),
        },
        (_, AnswerType::Instant) => {
            let aware = case.breach.as_ref().map_or(at, |b| b.aware_at);
            Answer::Instant((aware + Duration::hours(20)).min(at))
        }
        (_, AnswerType::Text) => Answer::Text("Vastgelegd in het bronsysteem (demo).".into()),
        (_, AnswerType::Number) => Answer::Number(12),
    }
}

/// The seed's verzoeken: kind, day received (from today), the child's age, who asks, and how
/// far the case has come. A table, so that a stage is added by adding a row.
const VERZOEKEN: [(CaseKind, i64, i64, Relation, Stage); 36] = {
    use CaseKind::*;
    use Relation::*;
    use Stage::*;
    [
        (Inzage, -45, 6, OuderMetGezag, IntakeHalf),
        (Afschrift, -38, 9, OuderMetGezag, Waiting),
        (Rectificatie, -33, 4, OuderMetGezag, Fresh),
        (Inzage, -29, 3, OuderMetGezag, IntakeHalf),
        (Afschrift, -27, 14, OuderMetGezag, Fresh),
        (Vernietiging, -26, 17, Zelf, IntakeHalf),
        (Bezwaar, -25, 8, OuderMetGezag, Waiting),
        (Inzage, -20, 2, Voogd, Fresh),
        (EigenVerklaring, -18, 11, OuderMetGezag, IntakeHalf),
        (Beperking, -15, 7, OuderMetGezag, Fresh),
        (IntrekkenToestemming, -12, 1, OuderMetGezag, Fresh),
        (Overdraagbaarheid, -9, 5, OuderMetGezag, IntakeHalf),
        (Inzage, -6, 16, Zelf, Fresh),
        (Afschrift, -3, 4, OuderMetGezag, Fresh),
        (Vernietiging, -2, 8, OuderMetGezag, Fresh),
        (Rectificatie, -1, 10, OuderMetGezag, Fresh),
        (Inzage, 0, 5, OuderMetGezag, Fresh),
        (Afschrift, -50, 6, OuderMetGezag, Extended),
        (Inzage, -24, 9, OuderMetGezag, Extended),
        (Vernietiging, -70, 17, Zelf, Extended),
        (Inzage, -28, 3, OuderMetGezag, Decided(Decision::Toegewezen)),
        (
            Afschrift,
            -20,
            7,
            OuderMetGezag,
            Decided(Decision::DeelsToegewezen),
        ),
        (
            Rectificatie,
            -40,
            5,
            OuderMetGezag,
            Decided(Decision::Afgewezen),
        ),
        (Inzage, -60, 4, OuderMetGezag, Closed(Decision::Toegewezen)),
        (
            Afschrift,
            -90,
            8,
            OuderMetGezag,
            Closed(Decision::Toegewezen),
        ),
        (Vernietiging, -120, 18, Zelf, Closed(Decision::Toegewezen)),
        (Bezwaar, -75, 6, OuderMetGezag, Closed(Decision::Afgewezen)),
        (
            EigenVerklaring,
            -65,
            12,
            OuderMetGezag,
            Closed(Decision::Toegewezen),
        ),
        (
            Beperking,
            -55,
            9,
            OuderMetGezag,
            Closed(Decision::Toegewezen),
        ),
        (
            IntrekkenToestemming,
            -35,
            2,
            OuderMetGezag,
            Closed(Decision::Toegewezen),
        ),
        (
            Overdraagbaarheid,
            -100,
            7,
            OuderMetGezag,
            Closed(Decision::DeelsToegewezen),
        ),
        (Inzage, -14, 6, OuderMetGezag, Withdrawn),
        (Afschrift, -44, 3, OuderMetGezag, Withdrawn),
        (Inzage, -8, 7, OuderMetGezag, Void),
        (
            Rectificatie,
            -30,
            13,
            OuderMetGezag,
            Closed(Decision::Toegewezen),
        ),
        (Inzage, -4, 15, Zelf, IntakeHalf),
    ]
};

/// The seed's changes for an empty register at `now`, each with the instant it is recorded at
/// by [`DEMO_USER`], in time order: registered on the day received, decided and answered on days
/// of their own, never after `now`. Case numbers follow the order of registration.
pub fn plan(now: DateTime<Utc>) -> Result<Vec<(DateTime<Utc>, DemoChange)>, Refusal> {
    let mut p = Planner::new(now);
    // Planned in order of receipt, so that the numbers follow the registrations.
    let mut verzoeken: Vec<_> = VERZOEKEN.into_iter().enumerate().collect();
    verzoeken.sort_by_key(|(n, row)| (row.1, *n));
    for (n, (kind, offset, age, relation, stage)) in verzoeken {
        p.verzoek(n, kind, offset, age, relation, stage)?;
    }
    let datalekken = [
        (5, BreachNature::VerkeerdeOntvanger, false),
        (55, BreachNature::Verloren, false),
        (80, BreachNature::OnbevoegdeToegang, false),
        (200, BreachNature::Gestolen, true),
        (30, BreachNature::Malware, false),
    ];
    let mut datalekken: Vec<_> = datalekken.into_iter().enumerate().collect();
    datalekken.sort_by_key(|(n, row)| (std::cmp::Reverse(row.0), *n));
    for (n, (hours, nature, close)) in datalekken {
        p.datalek(n, hours, nature, close)?;
    }
    Ok(p.changes())
}

/// Fills a new demo register with the seed at `now`, each change at its own instant.
pub fn seed(
    store: &mut dyn crate::store::Register,
    now: DateTime<Utc>,
) -> Result<(), crate::store::StoreError> {
    for (at, change) in plan(now).map_err(crate::store::StoreError::Refused)? {
        if let Some(w) = store.save(change, &[], at)?.warning {
            return Err(w);
        }
    }
    Ok(())
}

/// The first event of a demo register's journal.
pub fn created_event() -> Event {
    Event::RegisterCreated { demo: true }
}

/// A fixed instant at a time of day in Amsterdam, for demo and test clocks.
pub fn amsterdam_instant(date: NaiveDate, hour: u32, minute: u32) -> Option<DateTime<Utc>> {
    let t = NaiveTime::from_hms_opt(hour, minute, 0)?;
    Amsterdam
        .from_local_datetime(&date.and_time(t))
        .earliest()
        .map(|d| d.with_timezone(&Utc))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::case::Status;
    use crate::domain::event::Stamp;
    use crate::domain::kind::CaseId;
    use crate::domain::summary::Summary;
    use std::collections::{BTreeMap, BTreeSet};

    fn replay(now: DateTime<Utc>) -> BTreeMap<CaseId, Case> {
        let mut cases: BTreeMap<CaseId, Case> = BTreeMap::new();
        let mut last = DateTime::<Utc>::MIN_UTC;
        for (i, (at, change)) in plan(now).unwrap().into_iter().enumerate() {
            assert!(last <= at && at <= now, "{last} then {at}");
            last = at;
            let stamp = Stamp {
                seq: i as u64 + 2,
                at,
                user: DEMO_USER.into(),
            };
            for e in change {
                let id = e.case().unwrap();
                if e.creates_case() {
                    cases.insert(id, Case::register(&e, &stamp).unwrap());
                } else {
                    cases.get_mut(&id).unwrap().apply(&e, &stamp).unwrap();
                }
            }
        }
        cases
    }

    #[test]
    fn the_demo_covers_every_kind_and_state_and_has_late_and_due_soon_cases() {
        for date in ["2026-11-23", "2027-01-01", "2027-04-27", "2028-02-29"] {
            let today: NaiveDate = date.parse().unwrap();
            let now = amsterdam_instant(today, 9, 0).unwrap();
            let cases = replay(now);
            assert!((38..=45).contains(&cases.len()), "{}", cases.len());
            let kinds: BTreeSet<_> = cases.values().map(|c| c.kind).collect();
            assert_eq!(kinds.len(), CaseKind::ALL.len(), "{date}");
            let statuses: BTreeSet<_> = cases.values().map(|c| c.status()).collect();
            for s in [
                Status::Open,
                Status::Wachtend,
                Status::Verlengd,
                Status::Besloten,
                Status::Gesloten,
                Status::Ingetrokken,
                Status::Vervallen,
            ] {
                assert!(statuses.contains(&s), "{date}: no {s:?}");
            }
            let levels: BTreeSet<_> = cases.values().map(|c| Summary::of(c).level(now)).collect();
            use crate::domain::deadline::Level;
            for l in [Level::TeLaat, Level::Bijna, Level::OpTijd, Level::Voldaan] {
                assert!(levels.contains(&l), "{date}: no {l:?}");
            }
        }
    }
}

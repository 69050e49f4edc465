//! What the benchmarks that drive the workbench share: their fixed instant, a fictitious
//! verzoek's registration, and a register filled with them through real saves.
#![allow(clippy::unwrap_used, dead_code)]

use chrono::{DateTime, Duration as Days, NaiveDate, Utc};
use privdesk::demo::amsterdam_instant;
use privdesk::domain::case::{Channel, Child, Relation, RequestFacts, Requester};
use privdesk::domain::{CaseId, CaseKind, Event};
use privdesk::store::Store;

/// How many registrations one saved change carries (100,000 fsynced saves would take an hour).
pub const BATCH: u32 = 500;

/// The instant the benchmarks run at.
pub fn now() -> DateTime<Utc> {
    amsterdam_instant(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), 9, 0).unwrap()
}

/// Registers `cases` fictitious verzoeken of every kind, received over the last 60 days, in
/// changes of [`BATCH`].
pub fn fill(store: &mut Store, cases: u32) {
    let today = now().date_naive();
    let mut n = 0;
    while n < cases {
        let change: Vec<Event> = (n..(n + BATCH).min(cases))
            .map(|i| {
                registered(
                    CaseId::new('V', 2026, i + 1),
                    CaseKind::VERZOEKEN[(i % 9) as usize],
                    today - Days::days(i64::from(i % 60)),
                    i,
                )
            })
            .collect();
        store.save(change, now()).unwrap();
        n += BATCH;
    }
}

/// The registration of fictitious verzoek number `i`: case `case` of `kind`, received on
/// `received`.
pub fn registered(case: CaseId, kind: CaseKind, received: NaiveDate, i: u32) -> Event {
    Event::Registered {
        case,
        request: RequestFacts {
            kind,
            received,
            channel: Channel::Email,
            requester: Requester {
                name: format!("Ouder Fictief {i}"),
                relation: Relation::OuderMetGezag,
                contact: "ouder@example.org".into(),
                address: String::new(),
                salutation: None,
            },
            child: Child {
                name: format!("Kind Fictief {i}"),
                birth_date: NaiveDate::from_ymd_opt(2019, 3, 14).unwrap(),
            },
            notes: String::new(),
            regime: Default::default(),
            reply: None,
        },
    }
}

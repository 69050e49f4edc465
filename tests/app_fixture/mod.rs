//! A small demo register with known cases, for the app's tests: filled through `Store::save`
//! with domain events, all fictitious, dated around 2026-11-23 09:00 Amsterdam.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use privdesk::demo::amsterdam_instant;
use privdesk::domain::case::{
    BreachFacts, BreachNature, Channel, Child, Ending, Relation, RequestFacts, Requester,
};
use privdesk::domain::{CaseId, CaseKind, Event};
use privdesk::store::{OpenOptions, Store};

/// A date.
pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The instant the fixture is made at, and the scripts' `now`: 2026-11-23 09:00 Amsterdam.
pub fn now() -> DateTime<Utc> {
    amsterdam_instant(date("2026-11-23"), 9, 0).unwrap()
}

fn verzoek(id: u32, kind: CaseKind, received: &str, requester: &str, child: &str) -> Event {
    Event::Registered {
        case: CaseId::new('V', 2026, id),
        request: RequestFacts {
            kind,
            received: date(received),
            channel: Channel::Email,
            requester: Requester {
                name: requester.into(),
                relation: Relation::OuderMetGezag,
                contact: "ouder@example.org".into(),
                address: String::new(),
                salutation: None,
            },
            child: Child {
                name: child.into(),
                birth_date: date("2019-03-14"),
            },
            notes: String::new(),
            regime: Default::default(),
            reply: None,
        },
    }
}

/// Creates a demo register in `dir` with seven cases: two late, two due soon (one a datalek
/// with hours left), one waiting, one on time, one void (hidden from the default list).
pub fn fill(dir: &Path) {
    let opts = OpenOptions {
        create: Some(true),
        now: now(),
        cli_user: None,
        config_user: None,
    };
    let mut store = Store::open(dir, &opts).unwrap();
    use CaseKind::*;
    let changes = vec![
        vec![verzoek(
            1,
            Inzage,
            "2026-10-09",
            "Jan de Vries",
            "Sam de Vries",
        )],
        vec![verzoek(
            2,
            Afschrift,
            "2026-10-20",
            "Ahmed Yilmaz",
            "Noor Yilmaz",
        )],
        vec![verzoek(
            3,
            Vernietiging,
            "2026-10-27",
            "Fatima el Amrani",
            "Yara el Amrani",
        )],
        vec![
            verzoek(4, Bezwaar, "2026-11-20", "Pieter Jansen", "Lotte Jansen"),
            Event::WaitingStarted {
                case: CaseId::new('V', 2026, 4),
                since: date("2026-11-21"),
                awaiting: "identiteitsbewijs".into(),
            },
        ],
        vec![verzoek(
            5,
            Rectificatie,
            "2026-11-02",
            "Els Visser",
            "Tim Visser",
        )],
        vec![
            verzoek(6, Inzage, "2026-11-10", "Jan Bakker", "Mila Bakker"),
            Event::Ended {
                case: CaseId::new('V', 2026, 6),
                ending: Ending::Vervallen {
                    reason: "dubbel geregistreerd".into(),
                },
            },
        ],
        vec![Event::BreachRegistered {
            case: CaseId::new('D', 2026, 1),
            breach: BreachFacts {
                aware_at: amsterdam_instant(date("2026-11-20"), 14, 5).unwrap(),
                processor_notice_at: None,
                processor: String::new(),
                reported_by: "Medewerker Locatie Noord".into(),
                nature: BreachNature::VerkeerdeOntvanger,
                description: String::new(),
            },
        }],
    ];
    for change in changes {
        store.save(change, now()).unwrap();
    }
}

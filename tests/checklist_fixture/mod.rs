//! A demo register for the checklist flows: fictitious cases filled through `Store::save` with
//! domain events, dated around 2026-11-23 09:00 Amsterdam (the scripts' `now`).
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use privdesk::demo::amsterdam_instant;
use privdesk::domain::authority::DossierRegime;
use privdesk::domain::case::{Channel, Child, Relation, RequestFacts, Requester};
use privdesk::domain::checklist::{Answer, StepId};
use privdesk::domain::{CaseId, CaseKind, Event};
use privdesk::store::{OpenOptions, Store};

/// A date.
pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The scripts' `now`: 2026-11-23 09:00 Amsterdam.
pub fn now() -> DateTime<Utc> {
    amsterdam_instant(date("2026-11-23"), 9, 0).unwrap()
}

/// The id of verzoek `n` of 2026.
pub fn v(n: u32) -> CaseId {
    CaseId::new('V', 2026, n)
}

struct Verzoek<'a> {
    n: u32,
    kind: CaseKind,
    received: &'a str,
    requester: &'a str,
    relation: Relation,
    child: &'a str,
    birth: &'a str,
    regime: DossierRegime,
}

impl Verzoek<'_> {
    fn event(&self) -> Event {
        Event::Registered {
            case: v(self.n),
            request: RequestFacts {
                kind: self.kind,
                received: date(self.received),
                channel: Channel::Email,
                requester: Requester {
                    name: self.requester.into(),
                    relation: self.relation,
                    contact: "verzoeker@voorbeeld.invalid".into(),
                    address: String::new(),
                    salutation: None,
                },
                child: Child {
                    name: self.child.into(),
                    birth_date: date(self.birth),
                },
                notes: String::new(),
                regime: self.regime,
                reply: None,
            },
        }
    }
}

fn yes(n: u32, step: StepId) -> Event {
    Event::Answered {
        case: v(n),
        step,
        answer: Answer::YesNo(true),
    }
}

fn pick(n: u32, step: StepId, slug: &str) -> Event {
    Event::Answered {
        case: v(n),
        step,
        answer: Answer::Choice(slug.into()),
    }
}

fn text(n: u32, step: StepId, t: &str) -> Event {
    Event::Answered {
        case: v(n),
        step,
        answer: Answer::Text(t.into()),
    }
}

fn on(n: u32, step: StepId, d: &str) -> Event {
    Event::Answered {
        case: v(n),
        step,
        answer: Answer::Date(date(d)),
    }
}

/// The identity steps, checked at the desk.
fn identity(n: u32) -> Vec<Event> {
    vec![
        yes(n, StepId::IdentiteitGecontroleerd),
        pick(n, StepId::IdentiteitWijze, "balie"),
        pick(n, StepId::IdentiteitDocument, "identiteitskaart"),
        pick(n, StepId::IdKopie, "geen_kopie"),
    ]
}

/// Creates the register in `dir`:
/// - V-2026-0001 Inzage, a parent with gezag for a 7-year-old, received 2026-11-16: nothing
///   answered (walked from intake to closed by a script).
/// - V-2026-0002 Afschrift, received 2026-10-01: the first month ended 2026-11-02.
/// - V-2026-0003 Vernietiging, asked by a 14-year-old itself, intake answered but the abuse
///   question, the kind's steps answered.
/// - V-2026-0004 Inzage, a parent for a 13-year-old (wgbo), every step answered but the
///   child's competence and consent.
/// - V-2026-0005 the same under the jeugdwet regime.
/// - V-2026-0006 Inzage registered by mistake.
/// - V-2026-0007 Afschrift received 2026-10-01, every step answered (a refusal sent late).
pub fn fill(dir: &Path) {
    let opts = OpenOptions {
        create: Some(true),
        now: now(),
        cli_user: None,
        config_user: None,
    };
    let mut store = Store::open(dir, &opts).unwrap();
    use CaseKind::*;
    use Relation::*;
    let wgbo = DossierRegime::Wgbo;
    let cases = [
        Verzoek {
            n: 1,
            kind: Inzage,
            received: "2026-11-16",
            requester: "Jan de Vries",
            relation: OuderMetGezag,
            child: "Sam de Vries",
            birth: "2019-03-14",
            regime: wgbo,
        },
        Verzoek {
            n: 2,
            kind: Afschrift,
            received: "2026-10-01",
            requester: "Ahmed Yilmaz",
            relation: OuderMetGezag,
            child: "Noor Yilmaz",
            birth: "2018-05-02",
            regime: wgbo,
        },
        Verzoek {
            n: 3,
            kind: Vernietiging,
            received: "2026-11-09",
            requester: "Yara el Amrani",
            relation: Zelf,
            child: "Yara el Amrani",
            birth: "2012-06-01",
            regime: wgbo,
        },
        Verzoek {
            n: 4,
            kind: Inzage,
            received: "2026-11-18",
            requester: "Els Visser",
            relation: OuderMetGezag,
            child: "Tim Visser",
            birth: "2013-02-10",
            regime: wgbo,
        },
        Verzoek {
            n: 5,
            kind: Inzage,
            received: "2026-11-18",
            requester: "Pieter Jansen",
            relation: OuderMetGezag,
            child: "Lotte Jansen",
            birth: "2013-02-10",
            regime: DossierRegime::Jeugdwet,
        },
        Verzoek {
            n: 6,
            kind: Inzage,
            received: "2026-11-20",
            requester: "Jan Bakker",
            relation: OuderMetGezag,
            child: "Mila Bakker",
            birth: "2020-01-01",
            regime: wgbo,
        },
        Verzoek {
            n: 7,
            kind: Afschrift,
            received: "2026-10-01",
            requester: "Lisa de Boer",
            relation: OuderMetGezag,
            child: "Finn de Boer",
            birth: "2017-09-09",
            regime: wgbo,
        },
    ];
    for c in &cases {
        store.save(vec![c.event()], now()).unwrap();
    }
    let mut answers = Vec::new();
    // V-3: a 14-year-old asks destruction itself; everything but the abuse question.
    answers.extend(identity(3));
    answers.extend([
        pick(3, StepId::Wilsbekwaam, "ja"),
        text(
            3,
            StepId::WilsbekwaamBeoordeeldDoor,
            "jeugdarts A. de Wit, 2026-11-10",
        ),
        on(3, StepId::WilsbekwaamBeoordeeldOp, "2026-11-10"),
        yes(3, StepId::VerzoekDuidelijk),
        on(3, StepId::Ontvangstbevestiging, "2026-11-10"),
        text(3, StepId::JeugdartsGeraadpleegd, "A. de Wit, 2026-11-12"),
        Event::Answered {
            case: v(3),
            step: StepId::Bewaarplicht,
            answer: Answer::YesNo(false),
        },
        Event::Answered {
            case: v(3),
            step: StepId::BelangAnder,
            answer: Answer::YesNo(false),
        },
        text(3, StepId::WatBewaard, "het verzoek en het antwoord"),
        yes(3, StepId::RivmUitgelegd),
        pick(3, StepId::VaccinatiegegevensJgz, "bewaren"),
    ]);
    // V-4 and V-5: a parent asks inzage for a 13-year-old; all but competence and consent.
    for n in [4, 5] {
        answers.extend(identity(n));
        answers.extend([
            yes(n, StepId::GezagGecontroleerd),
            pick(n, StepId::GezagBron, "brp"),
            on(n, StepId::GezagGecontroleerdOp, "2026-11-19"),
            yes(n, StepId::VerzoekDuidelijk),
            on(n, StepId::Ontvangstbevestiging, "2026-11-19"),
            yes(n, StepId::DossiersDoorzocht),
            yes(n, StepId::DerdenAfgeschermd),
            yes(n, StepId::WerkaantekeningenApart),
            pick(n, StepId::Verstrekking, "zorgmail"),
        ]);
    }
    answers.extend(identity(7));
    answers.extend([
        yes(7, StepId::GezagGecontroleerd),
        pick(7, StepId::GezagBron, "gezagsregister"),
        on(7, StepId::GezagGecontroleerdOp, "2026-10-02"),
        yes(7, StepId::VerzoekDuidelijk),
        on(7, StepId::Ontvangstbevestiging, "2026-10-02"),
        yes(7, StepId::DossiersDoorzocht),
        yes(7, StepId::DerdenAfgeschermd),
        yes(7, StepId::WerkaantekeningenApart),
        pick(7, StepId::Verstrekking, "post"),
        yes(7, StepId::EersteAfschriftKosteloos),
    ]);
    for a in answers {
        store.save(vec![a], now()).unwrap();
    }
}

//! The demo's planner: takes one fictitious verzoek or datalek from its registration to its
//! stage, applying each event to an in-memory case before recording it, so the seed holds only
//! what the app itself could record.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{DEMO_USER, DemoChange, plausible_answer};
use crate::domain::case::{
    BreachFacts, BreachNature, Case, Channel, Child, Decision, Ending, ExtensionReason, Refusal,
    Relation, ReplyMethod, RequestFacts, Requester,
};
use crate::domain::deadline::amsterdam_date;
use crate::domain::event::{Event, Stamp};
use crate::domain::kind::{CaseId, CaseKind};

/// How far a demo verzoek gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stage {
    Fresh,
    IntakeHalf,
    Waiting,
    Extended,
    Decided(Decision),
    Closed(Decision),
    Withdrawn,
    Void,
}

pub(super) struct Planner {
    now: DateTime<Utc>,
    today: NaiveDate,
    seq: u64,
    /// The last number given per id letter and year: ids follow the order of registration.
    numbers: std::collections::BTreeMap<(char, i32), u32>,
    /// The changes with the instant each is recorded at, in the order planned.
    changes: Vec<(DateTime<Utc>, DemoChange)>,
    /// The instant of the case's last change while one case is planned: its changes never go
    /// back in time.
    last: DateTime<Utc>,
}

const SURNAMES: [&str; 10] = [
    "Fictief",
    "Proef",
    "Demo",
    "Test",
    "Voorbeeld",
    "Model",
    "Schets",
    "Bedacht",
    "Oefen",
    "Nep",
];
const PARENTS: [&str; 10] = [
    "Fenna", "Pieter", "Daan", "Tessa", "Vera", "Mees", "Sanne", "Bas", "Otto", "Nina",
];
const CHILDREN: [&str; 10] = [
    "Lieke", "Sem", "Noor", "Finn", "Julia", "Luuk", "Evi", "Milan", "Zoë", "Jesse",
];

impl Planner {
    /// An empty plan at `now`; the register's creation is the journal's first line (seq 1).
    pub(super) fn new(now: DateTime<Utc>) -> Planner {
        Planner {
            now,
            today: amsterdam_date(now),
            seq: 1,
            numbers: std::collections::BTreeMap::new(),
            changes: Vec::new(),
            last: now,
        }
    }

    /// The changes planned with their instants, in the order they happened: a real register's
    /// journal, where `at` never goes back as the seq grows.
    pub(super) fn changes(self) -> Vec<(DateTime<Utc>, DemoChange)> {
        let mut changes = self.changes;
        // Stable: a case's own changes are planned in time order already.
        changes.sort_by_key(|(at, _)| *at);
        changes
    }

    /// The next id for a case registered on `day`: numbered per letter and year of registration.
    fn next_id(&mut self, letter: char, day: NaiveDate) -> CaseId {
        let year = chrono::Datelike::year(&day);
        let n = self.numbers.entry((letter, year)).or_insert(0);
        *n += 1;
        CaseId::new(letter, year, *n)
    }

    /// The instant a change on `day` is recorded at: during office hours, a different minute per
    /// case and step, never before the case's previous change and never after now.
    fn instant_on(&self, day: NaiveDate, n: usize, step: usize) -> DateTime<Utc> {
        let minutes = (n * 47 + step * 13) % 420;
        let hour = 9 + u32::try_from(minutes / 60).unwrap_or(0);
        let minute = u32::try_from(minutes % 60).unwrap_or(0);
        let at = super::amsterdam_instant(day.min(self.today), hour, minute).unwrap_or(self.now);
        at.max(self.last).min(self.now)
    }

    fn stamp(&mut self, at: DateTime<Utc>) -> Stamp {
        self.seq += 1;
        Stamp {
            seq: self.seq,
            at,
            user: DEMO_USER.to_string(),
        }
    }

    /// Applies the events to `case` (or registers it) and records them as one change at `at`.
    fn record(
        &mut self,
        case: &mut Option<Case>,
        events: Vec<Event>,
        at: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        let stamp = self.stamp(at);
        let mut next = case.clone();
        for e in &events {
            match &mut next {
                None => next = Some(Case::register(e, &stamp)?),
                Some(c) => c.apply(e, &stamp)?,
            }
        }
        *case = next;
        self.last = at;
        self.changes.push((at, events));
        Ok(())
    }

    fn day(&self, offset: i64) -> NaiveDate {
        self.today + Duration::days(offset)
    }

    /// Answers every required step that shows, the intake only or all, one change per step,
    /// the first on `from` and one more each working step after it (case `n`'s minutes).
    fn answer_steps(
        &mut self,
        case: &mut Option<Case>,
        intake_only: bool,
        limit: usize,
        (n, from): (usize, NaiveDate),
    ) -> Result<(), Refusal> {
        for i in 0..limit {
            let Some(c) = case.as_ref() else {
                return Ok(());
            };
            let phase = intake_only.then_some(crate::domain::checklist::Phase::Intake);
            let Some(step_id) = c.missing_steps(self.today, phase).first().copied() else {
                return Ok(());
            };
            let Some(step) = crate::domain::checklist::find(c.kind, step_id) else {
                return Ok(());
            };
            // Two steps a day: the intake in the first days, the rest after it.
            let day = from + Duration::days(i64::try_from(i / 2).unwrap_or(0));
            let at = self.instant_on(day, n, i + 1);
            let answer = plausible_answer(c, step_id, step.ty, at);
            let id = c.id;
            self.record(
                case,
                vec![Event::Answered {
                    case: id,
                    step: step_id,
                    answer,
                }],
                at,
            )?;
        }
        Ok(())
    }

    pub(super) fn verzoek(
        &mut self,
        n: usize,
        kind: CaseKind,
        received_offset: i64,
        child_age: i64,
        relation: Relation,
        stage: Stage,
    ) -> Result<(), Refusal> {
        let received = self.day(received_offset);
        let id = self.next_id('V', received);
        let request = demo_request(n, kind, received, child_age, relation);
        let mut case = None;
        // Registered on the day it was received; each later step on a day of its own.
        self.last = DateTime::<Utc>::MIN_UTC;
        let registered = self.instant_on(received, n, 0);
        self.record(
            &mut case,
            vec![Event::Registered { case: id, request }],
            registered,
        )?;
        self.advance(&mut case, id, kind, (n, received_offset), stage)
    }

    /// Takes a registered demo case to its stage, each change on a later day of its own.
    fn advance(
        &mut self,
        case: &mut Option<Case>,
        id: CaseId,
        kind: CaseKind,
        (n, received_offset): (usize, i64),
        stage: Stage,
    ) -> Result<(), Refusal> {
        let received = self.day(received_offset);
        let intake = (n, received.succ_opt().unwrap_or(received));
        match stage {
            Stage::Fresh => {}
            Stage::IntakeHalf => self.answer_steps(case, true, 3, intake)?,
            Stage::Waiting => {
                self.answer_steps(case, true, 2, intake)?;
                let since = self.day(received_offset + 3).min(self.today);
                let at = self.instant_on(since, n, 10);
                self.record(
                    case,
                    vec![Event::WaitingStarted {
                        case: id,
                        since,
                        awaiting: "kopie gezagsregister".into(),
                    }],
                    at,
                )?;
            }
            Stage::Extended => {
                self.answer_steps(case, true, 20, intake)?;
                let notice_sent = self.day(received_offset + 20).min(self.today);
                let at = self.instant_on(notice_sent, n, 30);
                self.record(
                    case,
                    vec![Event::Extended {
                        case: id,
                        reason: ExtensionReason::Complexiteit,
                        explanation: "Dossier bij drie locaties opgevraagd (demo).".into(),
                        notice_sent,
                    }],
                    at,
                )?;
            }
            Stage::Decided(d) | Stage::Closed(d) => {
                let closed = matches!(stage, Stage::Closed(_));
                self.decide(case, id, kind, (n, received_offset), d, closed)?;
            }
            Stage::Withdrawn => {
                let on = self.day(received_offset + 5).min(self.today);
                let at = self.instant_on(on, n, 20);
                self.record(
                    case,
                    vec![Event::Ended {
                        case: id,
                        ending: Ending::Ingetrokken {
                            on,
                            how: "telefonisch".into(),
                        },
                    }],
                    at,
                )?;
            }
            Stage::Void => {
                let at = self.instant_on(received, n, 5);
                self.record(
                    case,
                    vec![Event::Ended {
                        case: id,
                        ending: Ending::Vervallen {
                            reason: "dubbel geregistreerd".into(),
                        },
                    }],
                    at,
                )?;
            }
        }
        Ok(())
    }

    /// Decided two weeks after receipt, the reply a week later; a closed case had its reply
    /// sent (and a granted destruction done) the day it closed.
    fn decide(
        &mut self,
        case: &mut Option<Case>,
        id: CaseId,
        kind: CaseKind,
        (n, received_offset): (usize, i64),
        d: Decision,
        closed: bool,
    ) -> Result<(), Refusal> {
        let received = self.day(received_offset);
        let intake = (n, received.succ_opt().unwrap_or(received));
        self.answer_steps(case, false, 40, intake)?;
        // Decided two weeks after receipt, the reply a week later.
        let decided = self.day(received_offset + 14).min(self.today);
        let at = self.instant_on(decided, n, 50);
        let reason = if d.needs_reason() {
            "Gegevens over derden afgeschermd (demo)."
        } else {
            ""
        };
        self.record(
            case,
            vec![Event::Decided {
                case: id,
                decision: d,
                reason: reason.into(),
                explanation: Some(reason.into()),
                kept: String::new(),
            }],
            at,
        )?;
        if closed {
            let on = self.day(received_offset + 21).min(self.today);
            let at = self.instant_on(on, n, 60);
            let mut events = vec![Event::ReplySent { case: id, on }];
            if kind == CaseKind::Vernietiging && !d.is_refusal() {
                events.push(Event::DestructionConfirmed { case: id, on });
            }
            events.push(Event::Closed { case: id, on });
            self.record(case, events, at)?;
        }
        Ok(())
    }

    pub(super) fn datalek(
        &mut self,
        n: usize,
        hours_ago: i64,
        nature: BreachNature,
        close: bool,
    ) -> Result<(), Refusal> {
        let aware_at = self.now - Duration::hours(hours_ago);
        let id = self.next_id('D', amsterdam_date(aware_at));
        let breach = BreachFacts {
            aware_at,
            processor_notice_at: None,
            processor: String::new(),
            reported_by: format!(
                "{} {} (medewerker)",
                PARENTS[(n + 4) % PARENTS.len()],
                SURNAMES[n % SURNAMES.len()]
            ),
            nature,
            description: "Fictief incident voor de demo.".into(),
        };
        let mut case = None;
        // Registered within the hour of becoming aware; answered over the next hours.
        let registered = (aware_at + Duration::minutes(40)).min(self.now);
        self.last = registered;
        self.record(
            &mut case,
            vec![Event::BreachRegistered { case: id, breach }],
            registered,
        )?;
        if close {
            let day = amsterdam_date(registered);
            self.answer_steps(&mut case, false, 40, (n, day))?;
            let at = self.instant_on(self.today, n, 60);
            self.record(
                &mut case,
                vec![Event::Closed {
                    case: id,
                    on: amsterdam_date(at),
                }],
                at,
            )?;
        }
        Ok(())
    }
}

/// A fictitious request: names from the demo lists, a child of about `child_age` years, an
/// address only when the answer goes by post.
fn demo_request(
    n: usize,
    kind: CaseKind,
    received: NaiveDate,
    child_age: i64,
    relation: Relation,
) -> RequestFacts {
    let surname = SURNAMES[n % SURNAMES.len()];
    let child_name = format!("{} {}", CHILDREN[(n * 3) % CHILDREN.len()], surname);
    let requester_name = if relation == Relation::Zelf {
        child_name.clone()
    } else {
        format!("{} {}", PARENTS[n % PARENTS.len()], surname)
    };
    let birth = received - Duration::days(child_age * 365 + 100);
    let channel = Channel::ALL[n % Channel::ALL.len()];
    let reply = ReplyMethod::for_channel(channel);
    RequestFacts {
        kind,
        received,
        channel,
        requester: Requester {
            name: requester_name,
            relation,
            contact: format!("{}@voorbeeld.invalid", surname.to_lowercase()),
            address: if reply == ReplyMethod::Post {
                format!("Verzonnenstraat {}\n1000 AA Voorbeeldstad", n + 1)
            } else {
                String::new()
            },
            salutation: None,
        },
        child: Child {
            name: child_name,
            birth_date: birth,
        },
        notes: "Fictieve demozaak.".into(),
        regime: crate::domain::authority::DossierRegime::Wgbo,
        reply: Some(reply),
    }
}

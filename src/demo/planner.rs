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
    next_v: u32,
    next_d: u32,
    changes: Vec<DemoChange>,
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
            next_v: 0,
            next_d: 0,
            changes: Vec::new(),
        }
    }

    /// The changes planned, in order.
    pub(super) fn changes(self) -> Vec<DemoChange> {
        self.changes
    }
    fn stamp(&mut self) -> Stamp {
        self.seq += 1;
        Stamp {
            seq: self.seq,
            at: self.now,
            user: DEMO_USER.to_string(),
        }
    }

    /// Applies the events to `case` (or registers it) and records them as one change.
    fn record(&mut self, case: &mut Option<Case>, events: Vec<Event>) -> Result<(), Refusal> {
        let stamp = self.stamp();
        let mut next = case.clone();
        for e in &events {
            match &mut next {
                None => next = Some(Case::register(e, &stamp)?),
                Some(c) => c.apply(e, &stamp)?,
            }
        }
        *case = next;
        self.changes.push(events);
        Ok(())
    }

    fn day(&self, offset: i64) -> NaiveDate {
        self.today + Duration::days(offset)
    }

    /// Answers every required step that shows, the intake only or all, one change per step.
    fn answer_steps(
        &mut self,
        case: &mut Option<Case>,
        intake_only: bool,
        limit: usize,
    ) -> Result<(), Refusal> {
        for _ in 0..limit {
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
            let answer = plausible_answer(c, step_id, step.ty, self.now);
            let id = c.id;
            self.record(
                case,
                vec![Event::Answered {
                    case: id,
                    step: step_id,
                    answer,
                }],
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
        self.next_v += 1;
        let id = CaseId::new('V', chrono::Datelike::year(&self.today), self.next_v);
        let received = self.day(received_offset);
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
        let request = RequestFacts {
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
            },
            child: Child {
                name: child_name,
                birth_date: birth,
            },
            notes: "Fictieve demozaak.".into(),
            regime: crate::domain::authority::DossierRegime::Wgbo,
            reply: Some(reply),
        };
        let mut case = None;
        self.record(&mut case, vec![Event::Registered { case: id, request }])?;
        match stage {
            Stage::Fresh => {}
            Stage::IntakeHalf => self.answer_steps(&mut case, true, 3)?,
            Stage::Waiting => {
                self.answer_steps(&mut case, true, 2)?;
                let since = self.day(received_offset + 3).min(self.today);
                self.record(
                    &mut case,
                    vec![Event::WaitingStarted {
                        case: id,
                        since,
                        awaiting: "kopie gezagsregister".into(),
                    }],
                )?;
            }
            Stage::Extended => {
                self.answer_steps(&mut case, true, 20)?;
                let notice_sent = self.day(received_offset + 20).min(self.today);
                self.record(
                    &mut case,
                    vec![Event::Extended {
                        case: id,
                        reason: ExtensionReason::Complexiteit,
                        explanation: "Dossier bij drie locaties opgevraagd (demo).".into(),
                        notice_sent,
                    }],
                )?;
            }
            Stage::Decided(d) | Stage::Closed(d) => {
                self.answer_steps(&mut case, false, 40)?;
                let reason = if d.needs_reason() {
                    "Gegevens over derden afgeschermd (demo)."
                } else {
                    ""
                };
                self.record(
                    &mut case,
                    vec![Event::Decided {
                        case: id,
                        decision: d,
                        reason: reason.into(),
                        explanation: Some(reason.into()),
                        kept: String::new(),
                    }],
                )?;
                if let Stage::Closed(_) = stage {
                    let on = self.day(received_offset + 21).min(self.today);
                    let mut events = vec![Event::ReplySent { case: id, on }];
                    if kind == CaseKind::Vernietiging && !d.is_refusal() {
                        events.push(Event::DestructionConfirmed { case: id, on });
                    }
                    events.push(Event::Closed { case: id, on });
                    self.record(&mut case, events)?;
                }
            }
            Stage::Withdrawn => {
                let on = self.day(received_offset + 5).min(self.today);
                self.record(
                    &mut case,
                    vec![Event::Ended {
                        case: id,
                        ending: Ending::Ingetrokken {
                            on,
                            how: "telefonisch".into(),
                        },
                    }],
                )?;
            }
            Stage::Void => {
                self.record(
                    &mut case,
                    vec![Event::Ended {
                        case: id,
                        ending: Ending::Vervallen {
                            reason: "dubbel geregistreerd".into(),
                        },
                    }],
                )?;
            }
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
        self.next_d += 1;
        let id = CaseId::new('D', chrono::Datelike::year(&self.today), self.next_d);
        let breach = BreachFacts {
            aware_at: self.now - Duration::hours(hours_ago),
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
        self.record(
            &mut case,
            vec![Event::BreachRegistered { case: id, breach }],
        )?;
        if close {
            self.answer_steps(&mut case, false, 40)?;
            self.record(
                &mut case,
                vec![Event::Closed {
                    case: id,
                    on: self.today,
                }],
            )?;
        }
        Ok(())
    }
}

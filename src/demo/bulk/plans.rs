//! The course a fictitious case takes: a verzoek's kind and how far it gets, weighted as a desk
//! sees them, then its changes day by day; a datalek's registration, steps and close.

use chrono::{DateTime, Duration, Utc};

use crate::domain::case::{
    BreachFacts, BreachNature, Channel, Child, Decision, Ending, ExtensionReason, RecipientOutcome,
    Refusal, Relation, ReplyMethod, RequestFacts, Requester,
};
use crate::domain::checklist;
use crate::domain::deadline::amsterdam_date;
use crate::domain::{CaseId, CaseKind, Event};

use super::case_plan::CasePlan;
use super::names::{CHILDREN, HANDLERS, PARENTS, SURNAMES};
use super::{Planned, Rng};

/// How far a case gets (if `now` lets it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Course {
    Closed(Decision),
    ExtendedClosed,
    WaitingClosed,
    Decided,
    Stalled,
    Withdrawn,
    Void,
}

/// A verzoek's kind, weighted as a desk sees them (inzage and afschrift most).
fn verzoek_kind(rng: &mut Rng) -> CaseKind {
    use CaseKind::*;
    const WEIGHTED: [CaseKind; 20] = [
        Inzage,
        Inzage,
        Inzage,
        Inzage,
        Inzage,
        Inzage,
        Afschrift,
        Afschrift,
        Afschrift,
        Afschrift,
        Rectificatie,
        Rectificatie,
        Vernietiging,
        Vernietiging,
        EigenVerklaring,
        Beperking,
        Overdraagbaarheid,
        Bezwaar,
        Bezwaar,
        IntrekkenToestemming,
    ];
    rng.pick(&WEIGHTED)
}

pub(super) fn course(rng: &mut Rng) -> Course {
    match rng.below(100) {
        0..62 => Course::Closed(Decision::Toegewezen),
        62..68 => Course::Closed(Decision::DeelsToegewezen),
        68..72 => Course::Closed(Decision::Afgewezen),
        72..79 => Course::ExtendedClosed,
        79..85 => Course::WaitingClosed,
        85..90 => Course::Withdrawn,
        90..92 => Course::Void,
        92..97 => Course::Decided,
        _ => Course::Stalled,
    }
}

/// Plans verzoek `id`, registered at `reg`, on the course given.
pub(super) fn plan_verzoek(
    rng: &mut Rng,
    id: CaseId,
    reg: DateTime<Utc>,
    now: DateTime<Utc>,
    course: Course,
) -> Result<Vec<Planned>, Refusal> {
    let request = random_request(rng, reg);
    let kind = request.kind;
    let mut p = CasePlan::new(now, rng.pick(&HANDLERS), reg);
    p.record(reg, vec![Event::Registered { case: id, request }])?;
    match course {
        Course::Void => {
            let at = reg + Duration::minutes(40);
            let ending = Ending::Vervallen {
                reason: "dubbel geregistreerd".into(),
            };
            p.record(at, vec![Event::Ended { case: id, ending }])?;
            return Ok(p.out);
        }
        Course::Withdrawn => {
            p.answer_steps(true, 1, 35)?;
            let at = p.when(6, 60);
            let ending = Ending::Ingetrokken {
                on: amsterdam_date(at),
                how: "telefonisch".into(),
            };
            p.record(at, vec![Event::Ended { case: id, ending }])?;
            return Ok(p.out);
        }
        _ => {}
    }
    p.answer_steps(true, 1, 35)?;
    if course == Course::Stalled {
        return Ok(p.out);
    }
    let extended = wait_and_extend(&mut p, id, course, kind)?;
    let work_day = if extended { 30 } else { 10 };
    p.answer_steps(false, work_day, 50)?;
    if checklist::has_recipients(kind) && rng.below(2) == 0 {
        p.record(
            p.when(work_day + 2, 0),
            vec![Event::RecipientAdded {
                case: id,
                name: "huisarts".into(),
            }],
        )?;
    }
    let decide_day = if extended { 45 } else { 18 };
    // A child who turned 12 since brings new steps (wilsbekwaamheid, its consent): the
    // handler answers them before deciding, and again before closing.
    p.answer_steps(false, decide_day, 5)?;
    p.view(decide_day, 0)?;
    let decision = decide(&mut p, id, kind, course, decide_day)?;
    if course == Course::Decided {
        return Ok(p.out);
    }
    close(&mut p, id, kind, decision, decide_day)?;
    Ok(p.out)
}

/// A random request of a random kind, received up to two days before `reg`: the relation
/// and the child's age drawn so that most are parents of a young child.
fn random_request(rng: &mut Rng, reg: DateTime<Utc>) -> RequestFacts {
    let kind = verzoek_kind(rng);
    let surname = rng.pick(&SURNAMES);
    let child_first = rng.pick(&CHILDREN);
    let (relation, age) = match rng.below(20) {
        0..14 => (Relation::OuderMetGezag, rng.below(12) as i64),
        14..16 => (Relation::OuderMetGezag, 12 + rng.below(3) as i64),
        16..18 => (Relation::Zelf, 16 + rng.below(2) as i64),
        _ => (Relation::Voogd, 2 + rng.below(10) as i64),
    };
    let received = amsterdam_date(reg) - Duration::days(rng.below(3) as i64);
    let child_name = format!("{child_first} {surname}");
    let requester_name = if relation == Relation::Zelf {
        child_name.clone()
    } else {
        format!("{} {surname}", rng.pick(&PARENTS))
    };
    let birth = received - Duration::days(age * 365 + 30 + rng.below(300) as i64);
    let mail = surname.to_lowercase().replace([' ', 'ç'], "");
    let channel = rng.pick(&Channel::ALL);
    let reply = ReplyMethod::for_channel(channel);
    RequestFacts {
        kind,
        received,
        channel,
        requester: Requester {
            name: requester_name,
            relation,
            contact: format!("{mail}{}@voorbeeld.invalid", rng.below(1000)),
            address: if reply == ReplyMethod::Post {
                "Verzonnenstraat 1\n1000 AA Voorbeeldstad".into()
            } else {
                String::new()
            },
            salutation: None,
        },
        child: Child {
            name: child_name,
            birth_date: birth,
        },
        notes: if rng.below(3) == 0 {
            "Telefonisch toegelicht; fictieve zaak.".into()
        } else {
            String::new()
        },
        regime: crate::domain::authority::DossierRegime::Wgbo,
        reply: Some(reply),
    }
}

/// A case on the waiting course waits for the requester first; one on the extended course is
/// extended where the kind allows it. Whether the case was extended.
fn wait_and_extend(
    p: &mut CasePlan,
    id: CaseId,
    course: Course,
    kind: CaseKind,
) -> Result<bool, Refusal> {
    if course == Course::WaitingClosed {
        let at = p.when(3, 30);
        let since = amsterdam_date(at);
        let awaiting = "kopie legitimatiebewijs".into();
        p.record(
            at,
            vec![Event::WaitingStarted {
                case: id,
                since,
                awaiting,
            }],
        )?;
        let at = p.when(9, 15);
        let note = "ontvangen per post".into();
        let on = amsterdam_date(at);
        p.record(at, vec![Event::WaitingEnded { case: id, on, note }])?;
    }
    let extended = course == Course::ExtendedClosed && kind.may_extend();
    if extended {
        let at = p.when(16, 45);
        let explanation = "Dossier bij meerdere locaties opgevraagd.".into();
        p.record(
            at,
            vec![Event::Extended {
                case: id,
                reason: ExtensionReason::Complexiteit,
                explanation,
                notice_sent: amsterdam_date(at),
            }],
        )?;
    }
    Ok(extended)
}

/// Decides as the course plans, or niet ontvankelijk where the requester has since lost the
/// right; the decision letter is made the same day. The decision recorded.
fn decide(
    p: &mut CasePlan,
    id: CaseId,
    kind: CaseKind,
    course: Course,
    decide_day: i64,
) -> Result<Decision, Refusal> {
    let planned = match course {
        Course::Closed(d) => d,
        _ => Decision::Toegewezen,
    };
    let kept = if kind == CaseKind::Vernietiging {
        "Niets bewaard."
    } else {
        ""
    };
    let at = p.when(decide_day, 30);
    let decide = |decision: Decision, reason: &str| Event::Decided {
        case: id,
        decision,
        reason: reason.into(),
        explanation: Some(reason.into()),
        kept: kept.into(),
    };
    let reason = if planned.needs_reason() {
        "Gegevens over derden afgeschermd."
    } else {
        ""
    };
    // A parent asking for the dossier of a child who has since turned 12 (or 16) may no
    // longer hold the right: the desk then decides niet ontvankelijk, as the domain allows.
    let decision = match p.record(at, vec![decide(planned, reason)]) {
        Err(Refusal::Blocked(checklist::Block::NotAuthorised)) => {
            let d = Decision::NietOntvankelijk;
            p.record(at, vec![decide(d, "Verzoeker niet bevoegd.")])?;
            d
        }
        other => {
            other?;
            planned
        }
    };
    p.record(
        p.when(decide_day, 40),
        vec![Event::LetterMade {
            case: id,
            letter: crate::domain::LetterKind::Besluit,
            format: Some(crate::domain::letter::Format::Docx),
            sha256: None,
        }],
    )?;
    Ok(decision)
}

/// The reply sent the day after the decision, a granted destruction done, the recipients
/// told, and the case closed, all in one change.
fn close(
    p: &mut CasePlan,
    id: CaseId,
    kind: CaseKind,
    decision: Decision,
    decide_day: i64,
) -> Result<(), Refusal> {
    p.answer_steps(false, decide_day + 1, 5)?;
    let at = p.when(decide_day + 1, 0);
    let on = amsterdam_date(at);
    let mut events = vec![Event::ReplySent { case: id, on }];
    let granted = matches!(decision, Decision::Toegewezen | Decision::DeelsToegewezen);
    if kind == CaseKind::Vernietiging && granted {
        events.push(Event::DestructionConfirmed { case: id, on });
    }
    let told = p.case.as_ref().map_or(0, |c| {
        c.recipients.iter().filter(|r| r.outcome.is_none()).count()
    });
    for index in 0..told {
        events.push(Event::RecipientDone {
            case: id,
            index,
            outcome: RecipientOutcome::Told(on),
        });
    }
    events.push(Event::Closed { case: id, on });
    p.record(at, events)?;
    Ok(())
}

/// Plans datalek `id`, registered at `reg`; four in five are closed.
pub(super) fn plan_datalek(
    rng: &mut Rng,
    id: CaseId,
    reg: DateTime<Utc>,
    now: DateTime<Utc>,
    close: bool,
) -> Result<Vec<Planned>, Refusal> {
    let breach = BreachFacts {
        aware_at: reg - Duration::hours(1 + rng.below(20) as i64),
        processor_notice_at: None,
        processor: String::new(),
        reported_by: format!(
            "{} {} (medewerker)",
            rng.pick(&PARENTS),
            rng.pick(&SURNAMES)
        ),
        nature: rng.pick(&BreachNature::ALL),
        description: "Fictief incident.".into(),
    };
    let mut p = CasePlan::new(now, rng.pick(&HANDLERS), reg);
    p.record(reg, vec![Event::BreachRegistered { case: id, breach }])?;
    p.answer_steps(false, 0, 25)?;
    if close {
        let at = p.when(10, 0);
        let on = amsterdam_date(at);
        p.record(at, vec![Event::Closed { case: id, on }])?;
    }
    Ok(p.out)
}

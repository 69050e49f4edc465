//! Large registers in bulk, for benchmarks and scale tests (issue 5, design.md "Space and
//! speed"): 100,000 cases through `Store::save` would be 100,000 fsyncs, an hour; here the
//! journal is written directly with the journal's own line encoder and one `sync_data` at the
//! end, and the working store is then rebuilt from it by `privdesk repair`'s code.
//!
//! Every case is built through the domain, like the demo seed: each change is applied to an
//! in-memory case with the stamp it will carry in the journal before it is written, so the
//! register holds only what the app itself could have recorded, and replaying it (repair,
//! backup) accepts it. Cases arrive over three years before `now`, in working hours; their
//! changes (checklist answers, waiting, extensions, decisions, letters, replies, closes) follow
//! over the weeks after, merged into one time-ordered journal, and whatever would lie after
//! `now` has not happened yet — so old cases are mostly closed and recent ones open.
//!
//! The register is a **demo** register (its first line says so): its history is fabricated and
//! backdated, and its names are fictitious.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::demo::amsterdam_instant;
use crate::domain::case::{
    BreachFacts, BreachNature, Case, Channel, Child, Decision, Ending, ExtensionReason,
    RecipientOutcome, Refusal, Relation, RequestFacts, Requester,
};
use crate::domain::checklist::{self, Phase};
use crate::domain::deadline::amsterdam_date;
use crate::domain::{CaseId, CaseKind, Event, Stamp};

use super::journal::{self, JOURNAL_FILE, ZERO_HASH};
use super::{StoreError, create_private_dir, maintenance};

/// How many years of cases a bulk register spans.
pub const YEARS: i64 = 3;

/// What [`build`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BulkReport {
    /// Cases in the register (and in the rebuilt working store).
    pub cases: u64,
    /// Journal lines.
    pub changes: u64,
    /// Events over all lines.
    pub events: u64,
    /// The journal's size in bytes.
    pub journal_bytes: u64,
    /// Cases whose planned course the domain refused, registered only instead (should be 0;
    /// a test keeps it so).
    pub simplified: u64,
}

/// Builds a register of `n` fictitious cases in `dir` (created 0700; refused unless missing or
/// empty): writes the journal in one go, fsyncs it once, then rebuilds the working store from
/// it as `privdesk repair` does. Deterministic for a given `n` and `now`.
pub fn build(dir: &Path, n: u32, now: DateTime<Utc>) -> Result<BulkReport, StoreError> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(StoreError::NotEmpty(dir.to_path_buf()));
    }
    create_private_dir(dir)?;
    let report = write_journal(dir, n, now)?;
    let cases = maintenance::repair(dir, now)?;
    if cases != report.cases {
        return Err(StoreError::Damaged(super::Damage::Count {
            found: cases,
            expected: report.cases,
        }));
    }
    Ok(report)
}

/// The fictitious handlers who make the changes.
const HANDLERS: [&str; 4] = [
    "Anouk Fictief",
    "Bram Proefmans",
    "Cato Demovrouw",
    "Daan Oefenaar",
];
const SURNAMES: [&str; 16] = [
    "Fictief",
    "Proef",
    "Demo",
    "Testma",
    "Voorbeeld",
    "Model",
    "Schets",
    "Bedacht",
    "Oefen",
    "Nep",
    "Verzon",
    "Denkbeeld",
    "Schijn",
    "Ontwerp",
    "Çelik-Proef",
    "van der Oefen",
];
const PARENTS: [&str; 16] = [
    "Fenna", "Pieter", "Daan", "Tessa", "Vera", "Mees", "Sanne", "Bas", "Otto", "Nina", "Anaïs",
    "Mohammed", "Ömer", "Priya", "Joost", "Liselot",
];
const CHILDREN: [&str; 16] = [
    "Lieke", "Sem", "Noor", "Finn", "Julia", "Luuk", "Evi", "Milan", "Zoë", "Jesse", "Yara",
    "Ayoub", "Fleur", "Thijs", "Mila", "Ilias",
];

/// A small deterministic generator (SplitMix64): no dependency, the same register every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

/// One planned journal line: when, by whom, what.
struct Planned {
    at: DateTime<Utc>,
    user: &'static str,
    events: Vec<Event>,
}

/// How far a case gets (if `now` lets it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Course {
    Closed(Decision),
    ExtendedClosed,
    WaitingClosed,
    Decided,
    Stalled,
    Withdrawn,
    Void,
}

/// One case's changes, each validated by the domain as it is planned.
struct CasePlan {
    now: DateTime<Utc>,
    user: &'static str,
    case: Option<Case>,
    /// The time of the last planned change; the next one comes later.
    t: DateTime<Utc>,
    out: Vec<Planned>,
    /// A change would lie after `now`: the rest has not happened yet.
    done: bool,
}

impl CasePlan {
    fn id(&self) -> Option<CaseId> {
        self.case.as_ref().map(|c| c.id)
    }

    fn start(&self) -> NaiveDate {
        self.case
            .as_ref()
            .and_then(|c| c.received())
            .unwrap_or_else(|| amsterdam_date(self.t))
    }

    /// The instant of a change on day `day` after the start (at 09:00 plus `minutes`), never
    /// before the previous change.
    fn when(&self, day: i64, minutes: i64) -> DateTime<Utc> {
        let date = self.start() + Duration::days(day);
        let base = amsterdam_instant(date, 9, 0).unwrap_or(self.t) + Duration::minutes(minutes);
        base.max(self.t + Duration::minutes(3))
    }

    /// Applies `events` at `at` to a copy of the case and keeps the change; a change after
    /// `now` ends the plan (returns `Ok(false)`).
    fn record(&mut self, at: DateTime<Utc>, events: Vec<Event>) -> Result<bool, Refusal> {
        if self.done || at > self.now {
            self.done = true;
            return Ok(false);
        }
        let stamp = Stamp {
            seq: 0,
            at,
            user: self.user.to_string(),
        };
        let mut next = self.case.clone();
        for e in &events {
            match &mut next {
                None => next = Some(Case::register(e, &stamp)?),
                Some(c) => c.apply(e, &stamp)?,
            }
        }
        self.case = next;
        self.t = at;
        self.out.push(Planned {
            at,
            user: self.user,
            events,
        });
        Ok(true)
    }

    /// Answers the required steps that show (of the intake only, or all), one change per step,
    /// `gap` minutes apart from day `day` on.
    fn answer_steps(&mut self, intake_only: bool, day: i64, gap: i64) -> Result<(), Refusal> {
        for i in 0..60 {
            let at = self.when(day, i * gap);
            let today = amsterdam_date(at);
            let Some(c) = self.case.as_ref() else {
                return Ok(());
            };
            let phase = intake_only.then_some(Phase::Intake);
            let Some(step_id) = c.missing_steps(today, phase).first().copied() else {
                return Ok(());
            };
            let Some(step) = checklist::find(c.kind, step_id) else {
                return Ok(());
            };
            let answer = crate::demo::plausible_answer(c, step_id, step.ty, at);
            let id = c.id;
            let event = Event::Answered {
                case: id,
                step: step_id,
                answer,
            };
            if !self.record(at, vec![event])? {
                return Ok(());
            }
        }
        Ok(())
    }

    fn view(&mut self, day: i64, minutes: i64) -> Result<bool, Refusal> {
        let Some(case) = self.id() else {
            return Ok(false);
        };
        self.record(self.when(day, minutes), vec![Event::Viewed { case }])
    }
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

fn course(rng: &mut Rng) -> Course {
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
fn plan_verzoek(
    rng: &mut Rng,
    id: CaseId,
    reg: DateTime<Utc>,
    now: DateTime<Utc>,
    course: Course,
) -> Result<Vec<Planned>, Refusal> {
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
    let request = RequestFacts {
        kind,
        received,
        channel: rng.pick(&Channel::ALL),
        requester: Requester {
            name: requester_name,
            relation,
            contact: format!("{mail}{}@voorbeeld.invalid", rng.below(1000)),
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
    };
    let mut p = CasePlan {
        now,
        user: rng.pick(&HANDLERS),
        case: None,
        t: reg - Duration::minutes(3),
        out: Vec::new(),
        done: false,
    };
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
            letter: "besluit".into(),
        }],
    )?;
    if course == Course::Decided {
        return Ok(p.out);
    }
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
    Ok(p.out)
}

/// Plans datalek `id`, registered at `reg`; four in five are closed.
fn plan_datalek(
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
    let mut p = CasePlan {
        now,
        user: rng.pick(&HANDLERS),
        case: None,
        t: reg - Duration::minutes(3),
        out: Vec::new(),
        done: false,
    };
    p.record(reg, vec![Event::BreachRegistered { case: id, breach }])?;
    p.answer_steps(false, 0, 25)?;
    if close {
        let at = p.when(10, 0);
        let on = amsterdam_date(at);
        p.record(at, vec![Event::Closed { case: id, on }])?;
    }
    Ok(p.out)
}

/// Writes the journal of `n` cases: the creation line, then every planned change in time order.
fn write_journal(dir: &Path, n: u32, now: DateTime<Utc>) -> Result<BulkReport, StoreError> {
    let path = dir.join(JOURNAL_FILE);
    let file = journal::create_options()
        .write(true)
        .create_new(true)
        .open(&path)?;
    let mut w = Writer {
        out: BufWriter::with_capacity(1 << 20, file),
        seq: 0,
        cases: 0,
        prev: ZERO_HASH.to_string(),
        report: BulkReport::default(),
    };
    let today = amsterdam_date(now);
    let first_day = today - Duration::days(YEARS * 365);
    let days = (today - first_day).num_days().max(1) as u64;
    let start = amsterdam_instant(first_day, 8, 0).unwrap_or(now);
    w.emit(Planned {
        at: start.min(now),
        user: HANDLERS[0],
        events: vec![Event::RegisterCreated { demo: true }],
    })?;
    let n = u64::from(n);
    // Cases are spread evenly over the days before today, in working hours (08:30–16:30).
    let per_day = n.div_ceil(days) + 1;
    let step = Duration::seconds((8 * 3600 / per_day as i64).max(1));
    let mut numbers: HashMap<(char, i32), u32> = HashMap::new();
    let mut merge = Merge::default();
    for k in 0..n {
        let day = k * days / n;
        let first_of_day = (day * n).div_ceil(days);
        let date = first_day + Duration::days(day as i64);
        let reg =
            amsterdam_instant(date, 8, 30).unwrap_or(start) + step * (k - first_of_day) as i32;
        merge.emit_until(Some(reg), &mut w)?;
        let year = amsterdam_date(reg).year();
        let datalek = k % 20 == 7;
        let letter = if datalek { 'D' } else { 'V' };
        let number = numbers.entry((letter, year)).or_insert(0);
        *number += 1;
        let id = CaseId::new(letter, year, *number);
        let seed = k ^ 0x5EED_CA5E;
        let mut rng = Rng(seed);
        let planned = if datalek {
            let close = rng.below(5) != 0;
            plan_datalek(&mut rng, id, reg, now, close)
        } else {
            let c = course(&mut rng);
            plan_verzoek(&mut rng, id, reg, now, c)
        };
        let planned = match planned {
            Ok(p) => p,
            Err(_) => {
                w.report.simplified += 1;
                let mut rng = Rng(seed);
                if datalek {
                    plan_datalek(&mut rng, id, reg, now, false)
                } else {
                    plan_verzoek(&mut rng, id, reg, now, Course::Stalled)
                }
                .map_err(StoreError::Refused)?
            }
        };
        let mut queue: VecDeque<Planned> = planned.into();
        // Everything before `reg` is written: the registration goes now, the rest waits.
        if let Some(registration) = queue.pop_front() {
            w.emit(registration)?;
        }
        merge.push(k, queue);
    }
    merge.emit_until(None, &mut w)?;
    let file = w.out.into_inner().map_err(|e| e.into_error())?;
    file.sync_data()?;
    journal::sync_dir(dir)?;
    let mut report = w.report;
    report.journal_bytes = file.metadata()?.len();
    Ok(report)
}

/// The cases under way: each one's remaining changes, and a heap of their next change's time
/// (ties in the order they were queued), so the journal comes out in time order.
#[derive(Default)]
struct Merge {
    pending: BinaryHeap<Reverse<(DateTime<Utc>, u64, u64)>>,
    plans: HashMap<u64, VecDeque<Planned>>,
    order: u64,
}

impl Merge {
    fn push(&mut self, slot: u64, queue: VecDeque<Planned>) {
        if let Some(next) = queue.front() {
            self.order += 1;
            self.pending.push(Reverse((next.at, self.order, slot)));
            self.plans.insert(slot, queue);
        }
    }

    /// Writes every queued change up to and including `until` (all of them for `None`).
    fn emit_until(
        &mut self,
        until: Option<DateTime<Utc>>,
        w: &mut Writer,
    ) -> Result<(), StoreError> {
        while let Some(Reverse((at, _, slot))) = self.pending.peek().copied() {
            if until.is_some_and(|u| at > u) {
                break;
            }
            self.pending.pop();
            let Some(mut queue) = self.plans.remove(&slot) else {
                continue;
            };
            if let Some(p) = queue.pop_front() {
                w.emit(p)?;
            }
            self.push(slot, queue);
        }
        Ok(())
    }
}

/// Encodes and writes the journal lines, chaining them.
struct Writer {
    out: BufWriter<fs::File>,
    seq: u64,
    cases: u64,
    prev: String,
    report: BulkReport,
}

impl Writer {
    fn emit(&mut self, p: Planned) -> Result<(), StoreError> {
        self.seq += 1;
        self.cases += p.events.iter().filter(|e| e.creates_case()).count() as u64;
        let (line, hash) =
            journal::encode_line(self.seq, &p.at, p.user, &p.events, self.cases, &self.prev)
                .map_err(io::Error::other)?;
        self.out.write_all(&line)?;
        self.prev = hash;
        self.report.changes = self.seq;
        self.report.cases = self.cases;
        self.report.events += p.events.len() as u64;
        Ok(())
    }
}

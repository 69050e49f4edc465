//! The register behind one seam (design.md "The register behind one seam"): what the app, the
//! headless driver and the commands use of a register, whichever store holds it — the local
//! journal + sled store, the in-memory one the app's unit tests run on, and a team's
//! PostgreSQL register.
//!
//! What is particular to one store (torn tails, the line index, repair, migration, a lock file)
//! stays behind it and the command line; this trait names what every store must do.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Datelike, Utc};

use crate::domain::deadline::amsterdam_date;
use crate::domain::overlap;

use crate::domain::{Case, CaseId, Event, Summary};
use crate::i18n::Lang;

use super::{CaughtUp, ChainCheck, Health, HistoryEntry, Live, StoreError};

/// A case's version as a user saw it: the seq of the last change to its facts, answers,
/// decision or status ([`Case::last_seq`]; reads and letters leave it as it is). A save carries
/// the versions its user saw, so a store with several writers can refuse a change made on a
/// case that someone else changed in between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seen {
    /// The case.
    pub case: CaseId,
    /// Its version when the user read it.
    pub version: u64,
}

impl Seen {
    /// The version of `case` as it is now.
    pub fn of(case: &Case) -> Seen {
        Seen {
            case: case.id,
            version: case.last_seq,
        }
    }
}

/// What a save did: the change's seq, the ids it gave new cases, and the changed cases'
/// summaries as they are now (the list takes them in place).
#[derive(Debug, Default)]
pub struct Saved {
    /// The change's seq in the journal.
    pub seq: u64,
    /// The ids assigned to the cases the change created, in the order of its events.
    pub assigned: Vec<CaseId>,
    /// The summaries of the cases whose record changed.
    pub changed: Vec<Arc<Summary>>,
    /// The records of the cases whose record changed, as saved: the screen showing one takes
    /// it from here rather than read it back.
    pub cases: Vec<Case>,
    /// Saved, but the store could not keep its working copy in step (the disk filled, sled
    /// failed): the change stands; the store is read-only from now on and says why.
    pub warning: Option<StoreError>,
}

/// The head of the journal: its last line's seq and hash (zero and the zero hash when empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    /// The last change's seq.
    pub seq: u64,
    /// Its hash.
    pub hash: String,
}

pub use crate::domain::Role;
use crate::domain::workflow::VierOgen;

/// What the app uses of a register.
///
/// A case id is assigned inside [`Register::save`]: an event that creates a case carries
/// [`CaseId::provisional`] and the store gives it the next free number of its letter and year,
/// so two handlers saving at once can never take the same number.
pub trait Register: Send {
    /// Saves one change (one user action) made at `at`, refused whole or saved whole: every
    /// event validated by the domain, the versions in `seen` still current.
    fn save(
        &mut self,
        events: Vec<Event>,
        seen: &[Seen],
        at: DateTime<Utc>,
    ) -> Result<Saved, StoreError>;

    /// A case's full record.
    fn case(&self, id: CaseId) -> Result<Option<Case>, StoreError>;

    /// One case's summary, as of the last change saved.
    fn summary(&self, id: CaseId) -> Option<Arc<Summary>>;

    /// Every case's summary, in id order, shared rather than copied.
    fn summaries(&self) -> Vec<Arc<Summary>>;

    /// A case's history: every event about it, oldest first.
    fn history(&self, id: CaseId) -> Result<Vec<HistoryEntry>, StoreError>;

    /// Whether the register takes changes, or why not.
    fn health(&self) -> Health;

    /// Refuses a write unless the register is healthy.
    fn writable(&self) -> Result<(), StoreError> {
        match self.health() {
            Health::Ok => Ok(()),
            Health::Damaged(d) => Err(StoreError::Damaged(d)),
            Health::ReadOnly(why) => Err(StoreError::ReadOnly(why)),
        }
    }

    /// The user recorded on this session's changes.
    fn user(&self) -> &str;

    /// The login's role in a team's register (`None`: a register of one, no roles).
    fn role(&self) -> Option<Role> {
        None
    }

    /// Whether this is a demo register (fictitious cases, an injectable clock).
    fn is_demo(&self) -> bool;

    /// The decision types a second handler approves on this register (issue 22); checked by
    /// every save.
    fn vier_ogen(&self) -> &VierOgen;

    /// Sets them from the organisation's settings (once, after opening).
    fn set_vier_ogen(&mut self, policy: VierOgen);

    /// The journal's head.
    fn head(&self) -> Head;

    /// The register's name for folders of its own elsewhere (its letters).
    fn name(&self) -> String;

    /// What the user must be told once the register is open (the text, and whether it reports
    /// a failure).
    fn notice(&self, lang: Lang) -> Option<(String, bool)>;

    /// Makes what was saved durable for the next session (on quit; a save needs no flush to
    /// be saved).
    fn flush(&self) -> Result<(), StoreError>;

    /// Starts checking the whole journal's chain in the background.
    fn check_chain(&self) -> ChainCheck;

    /// What others saved since the last catch-up (or the open): their changes and the changed
    /// cases' summaries. Reads, never writes. A register of one writer has nothing to catch up.
    fn catch_up(&self) -> Result<CaughtUp, StoreError> {
        Ok(CaughtUp {
            head: self.head().seq,
            ..CaughtUp::default()
        })
    }

    /// Starts reporting others' saves, who has which case open and the connection's state
    /// (a workbench calls it once). `None`: a register of one writer, nothing to report.
    fn live(&mut self) -> Option<Live> {
        None
    }
}

/// Saves a change for a caller that read no case first (the commands' exports, letters and
/// backups): no versions, and a warning (saved, but the store went read-only) is an error.
/// Returns the change's seq.
pub fn record(
    register: &mut dyn Register,
    events: Vec<Event>,
    at: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let saved = register.save(events, &[], at)?;
    match saved.warning {
        Some(e) => Err(e),
        None => Ok(saved.seq),
    }
}

/// What every store checks of a change before anything else, the same in each: not empty, no
/// second register creation, the new cases' ids given ([`assign_ids`]), the new-case rules of
/// the domain. Returns the ids given.
pub(crate) fn check_change<V>(
    events: &mut [Event],
    at: DateTime<Utc>,
    taken: &BTreeMap<CaseId, V>,
) -> Result<Vec<CaseId>, StoreError> {
    if events.is_empty() {
        return Err(StoreError::BadChange("empty"));
    }
    if events
        .iter()
        .any(|e| matches!(e, Event::RegisterCreated { .. }))
    {
        return Err(StoreError::BadChange("register_created"));
    }
    let assigned = assign_ids(events, at, taken)?;
    for event in events.iter() {
        crate::domain::case::check_new(event)?;
    }
    Ok(assigned)
}

/// The versions a change was made on, checked by the rule of design.md "Versions and
/// conflicts", the same in every store: a case unchanged since the user read it passes; a case
/// changed since passes too when the changes saved meanwhile do not clash with this one
/// ([`crate::domain::overlap::clashes`]) — the change is then folded on the case as it is now,
/// which the domain checks again — and is otherwise a [`StoreError::Conflict`] naming who made
/// the last clashing change, and when.
///
/// `current` gives a case's version now; `history` its events, oldest first. Returns the
/// versions the change is saved on (for a store that checks them again under its own lock).
pub(crate) fn check_seen(
    seen: &[Seen],
    mine: &[Event],
    current: &mut dyn FnMut(CaseId) -> Result<Option<u64>, StoreError>,
    history: &mut dyn FnMut(CaseId) -> Result<Vec<HistoryEntry>, StoreError>,
) -> Result<Vec<Seen>, StoreError> {
    let mut now_seen = Vec::with_capacity(seen.len());
    for s in seen {
        let Some(version) = current(s.case)? else {
            return Err(StoreError::UnknownCase(s.case));
        };
        if version != s.version {
            let since: Vec<HistoryEntry> = history(s.case)?
                .into_iter()
                .filter(|(seq, ..)| *seq > s.version)
                .collect();
            let clash = since
                .iter()
                .rev()
                .find(|(_, _, _, event)| overlap::clashes(s.case, [event], mine));
            if let Some((_, at, by, _)) = clash {
                return Err(StoreError::Conflict {
                    case: s.case,
                    by: by.clone(),
                    at: *at,
                });
            }
        }
        now_seen.push(Seen {
            case: s.case,
            version,
        });
    }
    Ok(now_seen)
}

/// Gives each case the change creates its id: the next free number of its letter in the
/// Amsterdam year of `at`, one past the highest in `taken` (cases are never deleted, so a number
/// is never reused). Returns the ids given, in the order of the events; an event that names a
/// provisional id without creating the case is refused.
fn assign_ids<V>(
    events: &mut [Event],
    at: DateTime<Utc>,
    taken: &BTreeMap<CaseId, V>,
) -> Result<Vec<CaseId>, StoreError> {
    let year = amsterdam_date(at).year();
    let mut assigned: Vec<CaseId> = Vec::new();
    for event in events.iter_mut() {
        if let Some(id) = event.new_case_mut() {
            if !id.is_provisional() {
                continue;
            }
            let letter = id.letter;
            let last = taken
                .range(CaseId::new(letter, year, 0)..=CaseId::new(letter, year, u32::MAX))
                .next_back()
                .map_or(0, |(id, _)| id.number);
            let last = assigned
                .iter()
                .filter(|a| a.letter == letter)
                .map(|a| a.number)
                .fold(last, u32::max);
            *id = CaseId::new(letter, year, last.saturating_add(1));
            assigned.push(*id);
        } else if event.case().is_some_and(|id| id.is_provisional()) {
            return Err(StoreError::BadChange("provisional_id"));
        }
    }
    Ok(assigned)
}

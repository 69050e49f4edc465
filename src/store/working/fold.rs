//! Where a change meets the domain: its events applied to the cases they name (to validate a
//! save, to replay and to rebuild), and the journal's changes replayed into the working store
//! in batches.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::domain::case::Refusal;
use crate::domain::{Case, CaseId, Event, Stamp};
use crate::store::journal::Change;

use super::{LineIndex, Working, WorkingError, index_line};

/// How many changed cases replay keeps in memory before it writes them in one transaction.
pub const REPLAY_BATCH: usize = 2048;

/// Why a change cannot be applied to the cases it names.
#[derive(Debug, thiserror::Error)]
pub enum FoldError {
    /// The domain refused an event.
    #[error("refused: {0}")]
    Refused(#[from] Refusal),
    /// An event names a case that does not exist.
    #[error("unknown case {0}")]
    UnknownCase(CaseId),
    /// The change is not one a save may make (a second register creation, no events).
    #[error("invalid change: {0}")]
    BadChange(&'static str),
    /// Reading a case failed.
    #[error(transparent)]
    Working(#[from] WorkingError),
}

/// The outcome of applying a change to the cases it names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Folded {
    /// The cases whose record changed, as they are after the change.
    pub changed: Vec<Case>,
    /// How many of them the change created.
    pub created: u64,
}

/// Applies a change's events to the cases they name, read through `get`: the one place where a
/// change meets the domain, used to validate a save (on clones), to replay and to rebuild.
/// A case whose `last_seq` is already at or past `seq` is skipped (replay is idempotent).
/// `new` is a change being saved now (every rule of today, [`Case::apply`]); otherwise a line
/// read back from the journal ([`Case::replay`]: a decision is not gated again).
pub fn fold_change(
    seq: u64,
    at: DateTime<Utc>,
    user: &str,
    events: &[Event],
    new: bool,
    get: &mut dyn FnMut(CaseId) -> Result<Option<Case>, WorkingError>,
) -> Result<Folded, FoldError> {
    struct Entry {
        case: Option<Case>,
        skip: bool,
        created: bool,
        changed: bool,
    }
    let stamp = Stamp {
        seq,
        at,
        user: user.to_string(),
    };
    let mut touched: BTreeMap<CaseId, Entry> = BTreeMap::new();
    for event in events {
        let Some(id) = event.case() else {
            if matches!(event, Event::RegisterCreated { .. }) && seq != 1 {
                return Err(FoldError::BadChange("register_created"));
            }
            continue;
        };
        let entry = match touched.entry(id) {
            std::collections::btree_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::btree_map::Entry::Vacant(v) => {
                let case = get(id)?;
                let skip = case.as_ref().is_some_and(|c| c.last_seq >= seq);
                v.insert(Entry {
                    case,
                    skip,
                    created: false,
                    changed: false,
                })
            }
        };
        if entry.skip {
            continue;
        }
        if event.creates_case() {
            if entry.case.is_some() {
                return Err(Refusal::WrongCase.into());
            }
            entry.case = Some(Case::register(event, &stamp)?);
            entry.created = true;
            entry.changed = true;
        } else {
            let case = entry.case.as_mut().ok_or(FoldError::UnknownCase(id))?;
            // A new change meets today's rules; a journal line read back replays as written.
            if new {
                case.apply(event, &stamp)?;
            } else {
                case.replay(event, &stamp)?;
            }
            entry.changed |= event.changes_case() || event.is_advice();
        }
    }
    let mut out = Folded::default();
    for entry in touched.into_values() {
        if let (Some(case), true) = (entry.case, entry.changed) {
            out.created += u64::from(entry.created);
            out.changed.push(case);
        }
    }
    Ok(out)
}

impl Working {
    /// Applies the journal's changes after `applied_seq`, idempotently per case, and adds
    /// their lines to the line index. Each change comes with the byte offset where its line
    /// starts (`journal::Stream::next_located`, `journal::read_all_with_offsets`).
    ///
    /// The cases are folded in memory and written in batches of up to [`REPLAY_BATCH`]
    /// changed (or indexed) cases, each batch one transaction with the `applied_seq` of its
    /// last change (so a crash mid-replay leaves a consistent store that the next open
    /// continues). One transaction per change would write a case about seventeen times over
    /// its life: at 100,000 cases that is minutes of sled work and gigabytes of space sled
    /// never returns.
    pub fn replay<C: Borrow<Change>>(
        &self,
        changes: impl IntoIterator<Item = (u64, C)>,
    ) -> Result<u64, FoldError> {
        self.replay_in_batches(changes, REPLAY_BATCH)
    }

    /// [`Working::replay`] with batches of up to `batch` changed cases (tests use small ones:
    /// the batch size must never change the result).
    pub fn replay_in_batches<C: Borrow<Change>>(
        &self,
        changes: impl IntoIterator<Item = (u64, C)>,
        batch: usize,
    ) -> Result<u64, FoldError> {
        let applied = self.applied_seq()?;
        let mut dirty: BTreeMap<CaseId, Case> = BTreeMap::new();
        let mut lines = LineIndex::new();
        let mut last = applied;
        let mut head = String::new();
        let mut n = 0;
        for (offset, change) in changes.into_iter() {
            let change = change.borrow();
            if change.seq <= applied {
                continue;
            }
            let folded = fold_change(
                change.seq,
                change.at,
                &change.user,
                &change.events,
                false,
                &mut |id| match dirty.get(&id) {
                    Some(c) => Ok(Some(c.clone())),
                    None => self.case(id),
                },
            )?;
            for case in folded.changed {
                dirty.insert(case.id, case);
            }
            index_line(&mut lines, offset, &change.events);
            last = change.seq;
            head.clone_from(&change.hash);
            n += 1;
            if dirty.len() >= batch.max(1) || lines.len() >= batch.max(1) {
                let batch: Vec<Case> = std::mem::take(&mut dirty).into_values().collect();
                self.write(last, &head, &batch, &std::mem::take(&mut lines))?;
            }
        }
        if n > 0 {
            let batch: Vec<Case> = dirty.into_values().collect();
            self.write(last, &head, &batch, &lines)?;
        }
        Ok(n)
    }
}

//! A case's full record: read from the working store and checked against its summary; a
//! record that fails the check is damage found late, and the case is rebuilt from the journal.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::domain::{Case, CaseId, Event, Summary};

use super::working::{Working, fold_change};
use super::{Damage, Health, Store, StoreError, journal};

impl Store {
    /// A case's full record, checked against its summary. A record that is missing, out of
    /// date or unreadable is damage found late: the store turns read-only with the repair
    /// banner, and the case is rebuilt from the journal so the handler can still read it.
    pub fn case(&self, id: CaseId) -> Result<Option<Case>, StoreError> {
        let Some(w) = &self.working else {
            return Ok(self.fallback.get(&id).cloned());
        };
        match checked_record(w, &self.summaries, id) {
            Ok(case) => Ok(case),
            Err(damage) => {
                self.found_damage(damage);
                self.case_from_journal(id)
            }
        }
    }

    /// Records damage found after open; the first one found is the one the banner names.
    pub(super) fn found_damage(&self, damage: Damage) {
        let _ = self.late.set(Health::Damaged(damage));
    }

    /// One case rebuilt from the journal's lines about it (streamed, the chain checked).
    fn case_from_journal(&self, id: CaseId) -> Result<Option<Case>, StoreError> {
        let mut case: Option<Case> = None;
        for c in journal::stream(self.journal.path())? {
            let c = c?;
            let events: Vec<Event> = c
                .events
                .into_iter()
                .filter(|e| e.case() == Some(id))
                .collect();
            if events.is_empty() {
                continue;
            }
            let folded = fold_change(c.seq, c.at, &c.user, &events, false, &mut |_| {
                Ok(case.clone())
            })
            .map_err(|_| StoreError::Damaged(Damage::Replay))?;
            if let Some(changed) = folded.changed.into_iter().next() {
                case = Some(changed);
            }
        }
        Ok(case)
    }
}

/// Whether a case record is the one its summary describes: both present with the same
/// `last_seq`, or both absent (an unknown id).
pub(super) fn record_matches(case: Option<&Case>, summary: Option<&Summary>) -> bool {
    match (case, summary) {
        (Some(c), Some(s)) => c.last_seq == s.last_seq,
        (None, None) => true,
        _ => false,
    }
}

/// A case's record read from sled and checked against its summary (see [`record_matches`]).
pub(super) fn checked_record(
    w: &Working,
    summaries: &BTreeMap<CaseId, Arc<Summary>>,
    id: CaseId,
) -> Result<Option<Case>, Damage> {
    let case = w.case(id).map_err(|e| Damage::from_working(&e))?;
    if record_matches(case.as_ref(), summaries.get(&id).map(|s| &**s)) {
        Ok(case)
    } else {
        Err(Damage::Missing)
    }
}

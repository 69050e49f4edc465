//! Saving a change in three steps: validate every event in the domain, append and fsync the
//! journal line (the change is saved), apply it to the working store; and the id a new case
//! gets.

use chrono::{DateTime, Datelike, Utc};
use std::sync::Arc;

use crate::domain::deadline::amsterdam_date;
use crate::domain::{CaseId, CaseKind, Event, Summary};

use super::records::checked_record;
use super::working::{self, FoldError, WorkingError, fold_change};
use super::{Damage, Health, ReadOnlyWhy, Store, StoreError};

impl Store {
    /// The next free id for a case of `kind` registered at `at`: per letter and Amsterdam year
    /// of registration, one past the highest used (cases are never deleted, so never reused).
    pub fn next_case_id(&self, kind: CaseKind, at: DateTime<Utc>) -> CaseId {
        let letter = kind.id_letter();
        let year = amsterdam_date(at).year();
        let last = self
            .summaries
            .range(CaseId::new(letter, year, 0)..=CaseId::new(letter, year, u32::MAX))
            .next_back()
            .map_or(0, |(id, _)| id.number);
        CaseId::new(letter, year, last.saturating_add(1))
    }

    /// Saves one change (one user action): validates every event in the domain on clones (a
    /// refused change never reaches the disk), appends and fsyncs the journal line (the change
    /// is saved), then applies it to sled. Returns the change's seq.
    pub fn save(&mut self, events: Vec<Event>, at: DateTime<Utc>) -> Result<u64, StoreError> {
        self.writable()?;
        if events.is_empty() {
            return Err(StoreError::BadChange("empty"));
        }
        if events
            .iter()
            .any(|e| matches!(e, Event::RegisterCreated { .. }))
        {
            return Err(StoreError::BadChange("register_created"));
        }
        for event in &events {
            crate::domain::case::check_new(event)?;
        }
        let Some(w) = self.working.as_ref() else {
            return Err(StoreError::Damaged(Damage::Open));
        };
        let seq = self.journal.last_seq() + 1;
        let mut damage = None;
        let summaries = &self.summaries;
        let folded = fold_change(seq, at, &self.user, &events, true, &mut |id| {
            checked_record(w, summaries, id).map_err(|d| {
                damage = Some(d);
                WorkingError::Record("cases")
            })
        });
        if let Some(d) = damage {
            self.found_damage(d.clone());
            return Err(StoreError::Damaged(d));
        }
        let folded = match folded {
            Ok(f) => f,
            Err(FoldError::Refused(r)) => return Err(StoreError::Refused(r)),
            Err(FoldError::UnknownCase(id)) => return Err(StoreError::UnknownCase(id)),
            Err(FoldError::BadChange(why)) => return Err(StoreError::BadChange(why)),
            Err(FoldError::Working(e)) => {
                let d = Damage::from_working(&e);
                self.health = Health::Damaged(d.clone());
                return Err(StoreError::Damaged(d));
            }
        };
        let cases = self.summaries.len() as u64 + folded.created;
        // The journal's path must still name the journal this session locked (issue 16).
        if let Err(e) = self.lock.check() {
            self.health = Health::ReadOnly(ReadOnlyWhy::LockLost);
            return Err(e);
        }
        let (lines, head) = match self.journal.append(at, &self.user, events, cases) {
            Ok((offset, change)) => (
                working::line_index_of(offset, &change.events),
                change.hash.clone(),
            ),
            Err(e) => {
                if self.journal.is_poisoned() {
                    self.health = Health::ReadOnly(ReadOnlyWhy::JournalPoisoned);
                }
                return Err(e.into());
            }
        };
        // Saved. What follows only keeps the working store in step.
        for case in &folded.changed {
            self.summaries.insert(case.id, Arc::new(Summary::of(case)));
        }
        if let Err(e) = w.write(seq, &head, &folded.changed, &lines) {
            if let working::WorkingError::Sled(e) = &e
                && super::sled_disk_full(e).is_some()
            {
                self.health = Health::ReadOnly(ReadOnlyWhy::DiskFull);
                return Err(StoreError::SavedButDiskFull { seq });
            }
            self.health = Health::ReadOnly(ReadOnlyWhy::WorkingFailed);
            return Err(StoreError::SavedButWorkingFailed { seq });
        }
        Ok(seq)
    }

    /// Flushes the working store (on quit; a save does not need it).
    pub fn flush(&self) -> Result<(), StoreError> {
        if let Some(w) = &self.working {
            w.flush()
                .map_err(|e| StoreError::Damaged(Damage::from_working(&e)))?;
        }
        Ok(())
    }
}

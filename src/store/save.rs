//! Saving a change in three steps: validate every event in the domain, append and fsync the
//! journal line (the change is saved), apply it to the working store; new cases get their ids
//! here, inside the save.

use chrono::{DateTime, Utc};
use std::sync::Arc;

use crate::domain::{Event, Summary, workflow};

use super::records::checked_record;
use super::register::{Saved, Seen, check_change, check_seen};
use super::working::{self, FoldError, WorkingError, fold_change};
use super::{Damage, Health, ReadOnlyWhy, Store, StoreError};

impl Store {
    /// Saves one change for a caller that read no case first (the commands' exports and
    /// backups, the demo seed, tests): [`Store::save_seen`] with no versions. Returns the
    /// change's seq.
    pub fn save(&mut self, events: Vec<Event>, at: DateTime<Utc>) -> Result<u64, StoreError> {
        let saved = self.save_seen(events, &[], at)?;
        match saved.warning {
            Some(e) => Err(e),
            None => Ok(saved.seq),
        }
    }

    /// Saves one change (one user action): gives new cases their ids, checks the versions the
    /// user saw, validates every event in the domain on clones (a refused change never reaches
    /// the disk), appends and fsyncs the journal line (the change is saved), then applies it to
    /// sled.
    pub fn save_seen(
        &mut self,
        mut events: Vec<Event>,
        seen: &[Seen],
        at: DateTime<Utc>,
    ) -> Result<Saved, StoreError> {
        self.writable()?;
        let assigned = check_change(&mut events, at, &self.summaries)?;
        // A register of one: no roles, nobody's name proved (issue 22).
        let saver = workflow::Saver { role: None };
        workflow::check_change(&self.vier_ogen, saver, &events, &self.summaries)?;
        self.check_versions(seen, &events)?;
        let seq = self.journal.last_seq() + 1;
        let folded = self.fold_new(seq, at, &events)?;
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
        let mut changed = Vec::with_capacity(folded.changed.len());
        for case in &folded.changed {
            let summary = Arc::new(Summary::of(case));
            self.summaries.insert(case.id, Arc::clone(&summary));
            changed.push(summary);
        }
        let mut saved = Saved {
            seq,
            assigned,
            changed,
            cases: folded.changed.clone(),
            warning: None,
        };
        let written = match self.working.as_ref() {
            Some(w) => w.write(seq, &head, &folded.changed, &lines),
            None => Ok(()),
        };
        if let Err(e) = written {
            if let working::WorkingError::Sled(e) = &e
                && super::sled_disk_full(e).is_some()
            {
                self.health = Health::ReadOnly(ReadOnlyWhy::DiskFull);
                saved.warning = Some(StoreError::SavedButDiskFull { seq });
            } else {
                self.health = Health::ReadOnly(ReadOnlyWhy::WorkingFailed);
                saved.warning = Some(StoreError::SavedButWorkingFailed { seq });
            }
        }
        Ok(saved)
    }

    /// Applies a new change to clones of the cases it names, read (and checked) from the
    /// working store: what the domain refuses, or damage found on reading, stops the save
    /// before the journal.
    fn fold_new(
        &mut self,
        seq: u64,
        at: DateTime<Utc>,
        events: &[Event],
    ) -> Result<working::Folded, StoreError> {
        let Some(w) = self.working.as_ref() else {
            return Err(StoreError::Damaged(Damage::Open));
        };
        let mut damage = None;
        let summaries = &self.summaries;
        let folded = fold_change(seq, at, &self.user, events, true, &mut |id| {
            checked_record(w, summaries, id).map_err(|d| {
                damage = Some(d);
                WorkingError::Record("cases")
            })
        });
        if let Some(d) = damage {
            self.found_damage(d.clone());
            return Err(StoreError::Damaged(d));
        }
        match folded {
            Ok(f) => Ok(f),
            Err(FoldError::Refused(r)) => Err(StoreError::Refused(r)),
            Err(FoldError::UnknownCase(id)) => Err(StoreError::UnknownCase(id)),
            Err(FoldError::BadChange(why)) => Err(StoreError::BadChange(why)),
            Err(FoldError::Working(e)) => {
                let d = Damage::from_working(&e);
                self.health = Health::Damaged(d.clone());
                Err(StoreError::Damaged(d))
            }
        }
    }

    /// Checks the versions the user saw by the rule every store shares
    /// ([`check_seen`]); one handler per local register, so a case changes under a session
    /// only when the register was changed beside it.
    fn check_versions(&self, seen: &[Seen], mine: &[Event]) -> Result<(), StoreError> {
        let summaries = &self.summaries;
        check_seen(
            seen,
            mine,
            &mut |id| Ok(summaries.get(&id).map(|s| s.last_seq)),
            &mut |id| self.history(id),
        )?;
        Ok(())
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

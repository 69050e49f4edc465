//! Opening a register: the lock, the torn tail, the working store's schema (migrated when
//! older), the replay of what it lacks and the checks of what it holds; a damaged working
//! store opens read-only, its cases rebuilt in memory from the journal.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::sync::OnceLock;

use crate::domain::{Case, CaseId, Event, Summary};

use super::journal::{self, Change, Journal, VerifyError};
use super::migrate::{self, Migration};
use super::records::record_matches;
use super::working::{FoldError, SCHEMA_VERSION, Working, WorkingError, fold_change};
use super::{
    Damage, Health, Holder, Loss, OpenOptions, ReadOnlyWhy, SLED_DIR, Store, StoreError,
    create_private_dir, file_stamp, maintenance, postgres, resolve_user, take_lock, tighten,
};

/// How many of the most recently changed cases have their record checked at open.
///
/// Checking every record at open reads all of sled's case pages (at 100,000 cases 0.25 s and
/// some 125 MB that sled then keeps resident), so open checks the cases sled is most likely to
/// have lost — its known failures lose the newest writes (notes/storage.md §1.3, sled #1077) —
/// and every other record is checked when it is read ([`Store::case`], [`Store::save`]).
pub const SPOT_CHECK: usize = 256;

/// Rebuilds every case in memory from the journal's changes, read one at a time (a large
/// journal need not fit in memory beside its cases). `None` when the domain refuses a change.
fn rebuild_in_memory(
    changes: impl Iterator<Item = Result<Change, VerifyError>>,
) -> Result<Option<BTreeMap<CaseId, Case>>, VerifyError> {
    let mut cases: BTreeMap<CaseId, Case> = BTreeMap::new();
    for c in changes {
        let c = c?;
        let Ok(folded) = fold_change(c.seq, c.at, &c.user, &c.events, false, &mut |id| {
            Ok(cases.get(&id).cloned())
        }) else {
            return Ok(None);
        };
        for case in folded.changed {
            cases.insert(case.id, case);
        }
    }
    Ok(Some(cases))
}

/// The journal's first line: a new register writes its `RegisterCreated` (only when `opts`
/// asks to create one; otherwise an empty journal is no register). Returns whether the
/// register is a demo, which its first line says for good.
fn first_line(journal: &mut Journal, dir: &Path, opts: &OpenOptions) -> Result<bool, StoreError> {
    if journal.last().is_none() {
        let Some(demo) = opts.create else {
            return Err(StoreError::NoRegister(dir.to_path_buf()));
        };
        let user = resolve_user(opts.cli_user.as_deref(), opts.config_user.as_deref(), demo);
        journal.append(opts.now, &user, vec![Event::RegisterCreated { demo }], 0)?;
    }
    Ok(matches!(
        journal.first().map(|c| c.events.as_slice()),
        Some([Event::RegisterCreated { demo: true }, ..])
    ))
}

impl Store {
    /// Opens the register in `dir` (creating it when `opts.create` says so): takes the lock,
    /// sets a torn tail aside, opens sled, replays what it lacks and checks the count. A
    /// damaged working store opens read-only (see `health`), never as an error.
    pub fn open(dir: &Path, opts: &OpenOptions) -> Result<Store, StoreError> {
        let journal_path = dir.join(journal::JOURNAL_FILE);
        let has_journal = fs::metadata(&journal_path).is_ok_and(|m| m.len() > 0);
        // A working store without its journal is damage, never a new register (issue 16).
        if !has_journal && has_working_store(dir) {
            return Err(StoreError::JournalMissing(dir.join(SLED_DIR)));
        }
        if !has_journal && opts.create.is_none() {
            return Err(StoreError::NoRegister(dir.to_path_buf()));
        }
        create_private_dir(dir)?;
        let holder = Holder::this_process(
            &resolve_user(opts.cli_user.as_deref(), opts.config_user.as_deref(), false),
            opts.now,
        );
        let lock = take_lock(dir, &holder)?;
        // Checked again under the lock: another process may have been creating it.
        if fs::metadata(&journal_path).is_ok_and(|m| m.len() == 0) && has_working_store(dir) {
            return Err(StoreError::JournalMissing(dir.join(SLED_DIR)));
        }
        maintenance::remove_leftovers(dir);
        tighten(dir)?;
        let (mut journal, torn) = Journal::open(dir, &file_stamp(opts.now))?;
        let demo = first_line(&mut journal, dir, opts)?;
        let user = resolve_user(opts.cli_user.as_deref(), opts.config_user.as_deref(), demo);
        let sled_dir = dir.join(SLED_DIR);
        create_private_dir(&sled_dir)?;
        let mut store = Store {
            dir: dir.to_path_buf(),
            journal,
            working: None,
            health: Health::Ok,
            late: OnceLock::new(),
            demo,
            user,
            summaries: BTreeMap::new(),
            fallback: BTreeMap::new(),
            torn,
            migration: None,
            replayed: 0,
            vier_ogen: crate::domain::workflow::VierOgen::default(),
            lock,
        };
        // Moved to PostgreSQL (`privdesk db migrate`): this copy only reads.
        if postgres::moved_to(dir).is_some() {
            let _ = store.late.set(Health::ReadOnly(ReadOnlyWhy::Moved));
        }
        let mut opened = store.open_working(&sled_dir);
        if let Some(Err(Checked::Older(from))) = opened {
            opened = store.migrate_and_reopen(from, &sled_dir, opts);
        }
        match opened {
            Some(Ok((w, (summaries, replayed)))) => {
                store.summaries = summaries;
                store.replayed = replayed;
                store.working = Some(w);
            }
            Some(Err(Checked::Damage(d))) => store.go_damaged(d)?,
            Some(Err(Checked::Fatal(e))) => return Err(e),
            Some(Err(Checked::Older(_))) => store.go_damaged(Damage::Migration)?,
            None => store.go_damaged(Damage::Panic)?,
        }
        tighten(dir)?;
        Ok(store)
    }

    /// A working store of an older schema: copied aside first, then migrated in place; only
    /// then opened as usual. A failed migration is damage (the store opens read-only), and
    /// `migration` keeps what the screen says about it.
    #[allow(clippy::type_complexity)]
    fn migrate_and_reopen(
        &mut self,
        from: u64,
        sled_dir: &Path,
        opts: &OpenOptions,
    ) -> Option<Result<(Working, (BTreeMap<CaseId, Arc<Summary>>, u64)), Checked>> {
        let path = self.journal.path().to_path_buf();
        let (copy, migrated) = migrate::run(&self.dir, &path, from, &file_stamp(opts.now));
        self.migration = copy.map(|copy| Migration {
            from,
            to: SCHEMA_VERSION,
            copy,
            failed: migrated.is_err(),
        });
        match migrated {
            Ok(()) => self.open_working(sled_dir),
            Err(_) => Some(Err(Checked::Damage(Damage::Migration))),
        }
    }

    /// Opens sled and checks and replays it. sled can panic while opening and while reading a
    /// damaged file: both are caught silently (`None`), and a damaged sled is dropped inside
    /// the catch too. An older schema is `Checked::Older`, with sled closed again.
    #[allow(clippy::type_complexity)]
    fn open_working(
        &self,
        sled_dir: &Path,
    ) -> Option<Result<(Working, (BTreeMap<CaseId, Arc<Summary>>, u64)), Checked>> {
        maintenance::catch_silently(|| match Working::open(sled_dir) {
            Ok(w) => match self.check_and_replay(&w) {
                Ok(found) => Ok((w, found)),
                Err(c) => {
                    drop(w);
                    Err(c)
                }
            },
            Err(WorkingError::Older(v)) => Err(Checked::Older(v)),
            Err(WorkingError::Panicked) => Err(Checked::Damage(Damage::Panic)),
            // A full disk (or the file-size limit) is named as such, not as damage (issue 16).
            Err(WorkingError::Sled(e)) if super::sled_disk_full(&e).is_some() => {
                Err(Checked::Damage(Damage::DiskFull))
            }
            Err(_) => Err(Checked::Damage(Damage::Open)),
        })
    }

    /// Switches to read-only from the journal: the cases rebuilt in memory.
    fn go_damaged(&mut self, damage: Damage) -> Result<(), StoreError> {
        self.working = None;
        self.health = Health::Damaged(damage);
        let changes = journal::stream(self.journal.path())?;
        // A journal the domain cannot replay leaves the list empty; the banner says why.
        self.fallback = rebuild_in_memory(changes)?.unwrap_or_default();
        self.summaries = self
            .fallback
            .values()
            .map(|c| (c.id, Arc::new(Summary::of(c))))
            .collect();
        Ok(())
    }

    fn check_and_replay(
        &self,
        w: &Working,
    ) -> Result<(BTreeMap<CaseId, Arc<Summary>>, u64), Checked> {
        let damage = |e: WorkingError| Checked::Damage(Damage::from_working(&e));
        let Some(last) = self.journal.last() else {
            return Err(Checked::Fatal(StoreError::NoRegister(self.dir.clone())));
        };
        match w.schema_version().map_err(damage)? {
            Some(v) if v > u64::from(SCHEMA_VERSION) => {
                return Err(Checked::Fatal(StoreError::NewerSchema {
                    found: v,
                    supported: SCHEMA_VERSION,
                }));
            }
            Some(_) => {}
            None => {
                if w.applied_seq().map_err(damage)? != 0 || w.case_count() != 0 {
                    return Err(Checked::Damage(Damage::Record));
                }
                w.set_schema_version().map_err(damage)?;
            }
        }
        let applied = w.applied_seq().map_err(damage)?;
        let mut replayed = 0;
        if applied > last.seq {
            // The journal was cut back (or lost lines) under a working store that has them:
            // refused, naming what is missing and where it still is (issue 16).
            let summaries = w.summaries().map_err(damage)?;
            return Err(match self.loss(last, applied, &summaries) {
                Some(loss) => Checked::Fatal(StoreError::Behind(Box::new(loss))),
                None => Checked::Damage(Damage::Ahead),
            });
        }
        if applied < last.seq {
            let (at_applied, rest) = journal::lines_after(self.journal.path(), applied)
                .map_err(|e| Checked::Fatal(e.into()))?;
            // Nothing replays into a working store that already lacks cases the journal had
            // at its `applied_seq`. (More cases than that is a lagging `applied_seq`: replay
            // skips them per case, and the count check below still has the last word.)
            if applied > 0 {
                let expected = at_applied.map_or(0, |c| c.cases);
                let found = w.summaries().map_err(damage)?.len() as u64;
                if found < expected {
                    return Err(Checked::Damage(Damage::Count { found, expected }));
                }
            }
            replayed = w.replay(rest).map_err(|e| match e {
                FoldError::Working(e) => damage(e),
                _ => Checked::Damage(Damage::Replay),
            })?;
        }
        let summaries = w.summaries().map_err(damage)?;
        let found = summaries.len() as u64;
        if found > last.cases
            && let Some(loss) = self.loss(last, w.applied_seq().map_err(damage)?, &summaries)
        {
            return Err(Checked::Fatal(StoreError::Behind(Box::new(loss))));
        }
        if found != last.cases {
            return Err(Checked::Damage(Damage::Count {
                found,
                expected: last.cases,
            }));
        }
        let mut recent: Vec<&Summary> = summaries.iter().collect();
        if recent.len() > SPOT_CHECK {
            recent.select_nth_unstable_by_key(SPOT_CHECK, |s| std::cmp::Reverse(s.last_seq));
            recent.truncate(SPOT_CHECK);
        }
        for s in recent {
            if !record_matches(w.case(s.id).map_err(damage)?.as_ref(), Some(s)) {
                return Err(Checked::Damage(Damage::Missing));
            }
        }
        Ok((
            summaries.into_iter().map(|s| (s.id, Arc::new(s))).collect(),
            replayed,
        ))
    }
}

impl Store {
    /// What the working store holds beyond the journal's last line, if anything.
    fn loss(&self, last: &Change, applied: u64, summaries: &[Summary]) -> Option<Loss> {
        Loss::between(
            last.seq,
            last.cases,
            applied,
            summaries,
            self.dir.join(SLED_DIR),
        )
    }
}

/// Whether the register folder holds a working store (anything in `sled/`).
pub(super) fn has_working_store(dir: &Path) -> bool {
    fs::read_dir(dir.join(SLED_DIR)).is_ok_and(|mut d| d.next().is_some())
}

/// The outcome of the open-time check that is not a healthy store.
enum Checked {
    /// The working store is damaged: open read-only.
    Damage(Damage),
    /// The register cannot be opened at all.
    Fatal(StoreError),
    /// The working store has an older schema (the version found): copy aside and migrate.
    Older(u64),
}

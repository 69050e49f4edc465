//! The sled working store: the cases and their summaries as of the journal's last change, so
//! reading a case or drawing the list never replays the journal. It is never the truth: it can
//! always be rebuilt from the journal (design.md "The register on disk").
//!
//! Trees: `cases` (id → JSON `Case`), `summaries` (id → JSON `Summary`), `meta`
//! (`applied_seq`, `schema_version`, as decimal text). One change is one sled transaction over
//! the three trees; no flush per change (the journal already holds it), a flush on drop.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use chrono::{DateTime, Utc};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use crate::domain::case::Refusal;
use crate::domain::{Case, CaseId, Event, Stamp, Summary};

use super::journal::Change;

/// The working store's format written by this version (`meta.schema_version`).
pub const SCHEMA_VERSION: u32 = 1;
/// sled's page cache: modest, the register is small (design.md "Space and speed").
pub const CACHE_CAPACITY: u64 = 32 * 1024 * 1024;

/// How many changed cases replay keeps in memory before it writes them in one transaction.
pub const REPLAY_BATCH: usize = 2048;

const APPLIED_SEQ: &[u8] = b"applied_seq";
const SCHEMA_KEY: &[u8] = b"schema_version";

/// What went wrong in the working store. Carries no personal data.
#[derive(Debug, thiserror::Error)]
pub enum WorkingError {
    /// sled refused to open or to read or write.
    #[error("sled: {0}")]
    Sled(#[from] sled::Error),
    /// `sled::open` panicked (caught).
    #[error("sled panicked while opening")]
    Panicked,
    /// A stored record is not what this version wrote.
    #[error("unreadable record in tree {0}")]
    Record(&'static str),
}

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
pub fn fold_change(
    seq: u64,
    at: DateTime<Utc>,
    user: &str,
    events: &[Event],
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
            case.apply(event, &stamp)?;
            entry.changed |= event.changes_case();
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

/// The open sled working store.
pub struct Working {
    db: sled::Db,
    cases: sled::Tree,
    summaries: sled::Tree,
    meta: sled::Tree,
}

impl std::fmt::Debug for Working {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Working")
    }
}

impl Working {
    /// Opens (creating) the sled folder `dir`. A panic inside sled is caught silently (the
    /// panic hook is swapped for a silent one and put back) and reported as `Panicked`.
    ///
    /// sled releases its file lock from a background thread some time after its last handle
    /// is dropped, so a reopen in the same process can find it still held. Our own lock file
    /// already keeps other privdesk processes out, so a held sled lock is waited for (up to
    /// about fifteen seconds: a loaded machine can take seconds to end sled's threads) rather
    /// than taken for damage.
    pub fn open(dir: &Path) -> Result<Working, WorkingError> {
        let mut tries = 0;
        loop {
            match Self::open_once(dir) {
                Err(WorkingError::Sled(sled::Error::Io(e)))
                    if tries < 300 && e.to_string().contains("could not acquire lock") =>
                {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                other => return other,
            }
        }
    }

    fn open_once(dir: &Path) -> Result<Working, WorkingError> {
        let config = sled::Config::new().path(dir).cache_capacity(CACHE_CAPACITY);
        let old_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let opened = catch_unwind(AssertUnwindSafe(|| {
            let db = config.open()?;
            let cases = db.open_tree("cases")?;
            let summaries = db.open_tree("summaries")?;
            let meta = db.open_tree("meta")?;
            Ok::<_, sled::Error>(Working {
                db,
                cases,
                summaries,
                meta,
            })
        }));
        std::panic::set_hook(old_hook);
        match opened {
            Ok(r) => Ok(r?),
            Err(_) => Err(WorkingError::Panicked),
        }
    }

    fn meta_u64(&self, key: &[u8]) -> Result<Option<u64>, WorkingError> {
        match self.meta.get(key)? {
            None => Ok(None),
            Some(v) => std::str::from_utf8(&v)
                .ok()
                .and_then(|s| s.parse().ok())
                .map(Some)
                .ok_or(WorkingError::Record("meta")),
        }
    }

    /// The seq of the last journal line applied (0 for a new store).
    pub fn applied_seq(&self) -> Result<u64, WorkingError> {
        Ok(self.meta_u64(APPLIED_SEQ)?.unwrap_or(0))
    }

    /// The stored schema version, if any.
    pub fn schema_version(&self) -> Result<Option<u64>, WorkingError> {
        self.meta_u64(SCHEMA_KEY)
    }

    /// Records this version's schema.
    pub fn set_schema_version(&self) -> Result<(), WorkingError> {
        self.meta
            .insert(SCHEMA_KEY, SCHEMA_VERSION.to_string().as_bytes())?;
        Ok(())
    }

    /// Sets `applied_seq` (tests simulate a working store that lost its last changes).
    pub fn set_applied_seq(&self, seq: u64) -> Result<(), WorkingError> {
        self.meta.insert(APPLIED_SEQ, seq.to_string().as_bytes())?;
        Ok(())
    }

    /// A case's record.
    pub fn case(&self, id: CaseId) -> Result<Option<Case>, WorkingError> {
        match self.cases.get(id.to_string().as_bytes())? {
            None => Ok(None),
            Some(v) => serde_json::from_slice(&v)
                .map(Some)
                .map_err(|_| WorkingError::Record("cases")),
        }
    }

    /// Every summary, in id order.
    pub fn summaries(&self) -> Result<Vec<Summary>, WorkingError> {
        self.summaries
            .iter()
            .values()
            .map(|v| {
                let v = v?;
                serde_json::from_slice(&v).map_err(|_| WorkingError::Record("summaries"))
            })
            .collect()
    }

    /// The number of case records.
    pub fn case_count(&self) -> usize {
        self.cases.len()
    }

    /// Writes a change's changed cases, their summaries and `applied_seq` in one transaction.
    pub fn write(&self, seq: u64, changed: &[Case]) -> Result<(), WorkingError> {
        let mut rows = Vec::with_capacity(changed.len());
        for case in changed {
            let key = case.id.to_string();
            let c = serde_json::to_vec(case).map_err(|_| WorkingError::Record("cases"))?;
            let s = serde_json::to_vec(&Summary::of(case))
                .map_err(|_| WorkingError::Record("summaries"))?;
            rows.push((key, c, s));
        }
        let seq_text = seq.to_string();
        let r: Result<(), TransactionError<()>> = (&self.cases, &self.summaries, &self.meta)
            .transaction(|(cases, summaries, meta)| {
                for (key, c, s) in &rows {
                    cases.insert(key.as_bytes(), c.as_slice())?;
                    summaries.insert(key.as_bytes(), s.as_slice())?;
                }
                meta.insert(APPLIED_SEQ, seq_text.as_bytes())?;
                Ok::<(), ConflictableTransactionError<()>>(())
            });
        match r {
            Ok(()) => Ok(()),
            Err(TransactionError::Storage(e)) => Err(e.into()),
            Err(TransactionError::Abort(())) => Err(WorkingError::Record("transaction")),
        }
    }

    /// Applies the journal's changes after `applied_seq`, idempotently per case.
    ///
    /// The cases are folded in memory and written in batches of up to [`REPLAY_BATCH`]
    /// changed cases, each batch one transaction with the `applied_seq` of its last change
    /// (so a crash mid-replay leaves a consistent store that the next open continues). One
    /// transaction per change would write a case about seventeen times over its life: at
    /// 100,000 cases that is minutes of sled work and gigabytes of space sled never returns.
    pub fn replay<C: Borrow<Change>>(
        &self,
        changes: impl IntoIterator<Item = C>,
    ) -> Result<u64, FoldError> {
        self.replay_in_batches(changes, REPLAY_BATCH)
    }

    /// [`Working::replay`] with batches of up to `batch` changed cases (tests use small ones:
    /// the batch size must never change the result).
    pub fn replay_in_batches<C: Borrow<Change>>(
        &self,
        changes: impl IntoIterator<Item = C>,
        batch: usize,
    ) -> Result<u64, FoldError> {
        let applied = self.applied_seq()?;
        let mut dirty: BTreeMap<CaseId, Case> = BTreeMap::new();
        let mut last = applied;
        let mut n = 0;
        for change in changes.into_iter() {
            let change = change.borrow();
            if change.seq <= applied {
                continue;
            }
            let folded = fold_change(
                change.seq,
                change.at,
                &change.user,
                &change.events,
                &mut |id| match dirty.get(&id) {
                    Some(c) => Ok(Some(c.clone())),
                    None => self.case(id),
                },
            )?;
            for case in folded.changed {
                dirty.insert(case.id, case);
            }
            last = change.seq;
            n += 1;
            if dirty.len() >= batch.max(1) {
                let batch: Vec<Case> = std::mem::take(&mut dirty).into_values().collect();
                self.write(last, &batch)?;
            }
        }
        if n > 0 {
            let batch: Vec<Case> = dirty.into_values().collect();
            self.write(last, &batch)?;
        }
        Ok(n)
    }

    /// Flushes sled's buffers (on quit; a save does not need it).
    pub fn flush(&self) -> Result<(), WorkingError> {
        self.db.flush()?;
        Ok(())
    }
}

impl Drop for Working {
    fn drop(&mut self) {
        let _ = self.db.flush();
    }
}

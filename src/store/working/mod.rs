//! The sled working store: the cases and their summaries as of the journal's last change, so
//! reading a case or drawing the list never replays the journal. It is never the truth: it can
//! always be rebuilt from the journal (design.md "The register on disk").
//!
//! Trees: `cases` (id → JSON `Case`), `summaries` (id → JSON `Summary`), `lines` (id → the
//! byte offsets in the journal of every line whose events name the case, oldest first, each a
//! u64 little-endian, packed: a case's history reads those lines only), `meta` (`applied_seq`,
//! `schema_version`, as decimal text). One change is one sled transaction over the four trees;
//! no flush per change (the journal already holds it), a flush on drop.
//!
//! Schema versions: 1 had no `lines`; 2 adds it; 3 rewrote the summaries (restriction in force,
//! review). An older store is refused by [`Working::open`]
//! (`WorkingError::Older`) so that the register can copy it aside before it is migrated
//! (`super::migrate`).
//!
//! - `fold` — where a change meets the domain: a change applied to the cases it names, and
//!   the journal's changes replayed in batches.
//! - `line_index` — the `lines` tree: each case's journal line offsets, packed and merged,
//!   and building it for a store migrated from schema 1.

mod fold;
mod line_index;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};

use crate::domain::{Case, CaseId, Summary};

pub use fold::{FoldError, Folded, REPLAY_BATCH, fold_change};
pub use line_index::{LineIndex, index_line, line_index_of};
use line_index::{add_offsets, lines_outcome};

/// The working store's format written by this version (`meta.schema_version`): 2 added the
/// `lines` tree; 3 summaries that tell a restriction in force and a case flagged for review;
/// 4 summaries that carry the reply's date and the AP notification's instant (the FG's
/// overview, issue 21). 3 and 4 recompute every summary from its case record.
pub const SCHEMA_VERSION: u32 = 4;
/// sled's page cache: modest, the register is small (design.md "Space and speed").
pub const CACHE_CAPACITY: u64 = 32 * 1024 * 1024;

const APPLIED_SEQ: &[u8] = b"applied_seq";
/// The hash of the journal line at `applied_seq` (stores written before issue 16 lack it).
const APPLIED_HEAD: &[u8] = b"applied_head";
const SCHEMA_KEY: &[u8] = b"schema_version";
/// The tree of each case's journal line offsets (schema 2).
const LINES_TREE: &str = "lines";

/// What went wrong in the working store. Carries no personal data.
#[derive(Debug, thiserror::Error)]
pub enum WorkingError {
    /// sled refused to open or to read or write.
    #[error("sled: {0}")]
    Sled(#[from] sled::Error),
    /// `sled::open` panicked (caught).
    #[error("sled panicked while opening")]
    Panicked,
    /// The store was written in an older schema (the version found): it must be copied aside
    /// and migrated before it is used. Nothing was written to it.
    #[error("working store schema {0} is older than this version's")]
    Older(u64),
    /// A stored record is not what this version wrote.
    #[error("unreadable record in tree {0}")]
    Record(&'static str),
}

/// A decimal number stored under `key` in the `meta` tree.
fn meta_u64(meta: &sled::Tree, key: &[u8]) -> Result<Option<u64>, WorkingError> {
    match meta.get(key)? {
        None => Ok(None),
        Some(v) => std::str::from_utf8(&v)
            .ok()
            .and_then(|s| s.parse().ok())
            .map(Some)
            .ok_or(WorkingError::Record("meta")),
    }
}

/// The open sled working store.
pub struct Working {
    db: sled::Db,
    cases: sled::Tree,
    summaries: sled::Tree,
    meta: sled::Tree,
    lines: sled::Tree,
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
    ///
    /// A store of an older schema is refused with `Older` and nothing written to it: it is
    /// copied aside and migrated first (`super::migrate`).
    pub fn open(dir: &Path) -> Result<Working, WorkingError> {
        Self::open_waiting(dir, false)
    }

    /// Opens a store of an older schema too, for its migration (which the caller does next).
    pub(crate) fn open_older(dir: &Path) -> Result<Working, WorkingError> {
        Self::open_waiting(dir, true)
    }

    fn open_waiting(dir: &Path, older: bool) -> Result<Working, WorkingError> {
        // sled reports its held lock only as an `io::ErrorKind::Other` with a message, so the
        // lock is asked of the file itself first, by kind (`TryLockError::WouldBlock`).
        let mut tries = 0;
        while tries < 300 && sled_lock_held(dir) {
            tries += 1;
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Self::open_once(dir, older)
    }

    /// Opens the store. Unless `older`, a store of an older schema is refused before anything
    /// is written to it (its `lines` tree is not even created), so its copy is the old store.
    /// (An unreadable version is left to the caller's check, as before.)
    fn open_once(dir: &Path, older: bool) -> Result<Working, WorkingError> {
        let config = sled::Config::new().path(dir).cache_capacity(CACHE_CAPACITY);
        let old_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let opened = catch_unwind(AssertUnwindSafe(|| {
            let db = config.open()?;
            let cases = db.open_tree("cases")?;
            let summaries = db.open_tree("summaries")?;
            let meta = db.open_tree("meta")?;
            if !older
                && let Ok(Some(v)) = meta_u64(&meta, SCHEMA_KEY)
                && v < u64::from(SCHEMA_VERSION)
            {
                return Err(WorkingError::Older(v));
            }
            let lines = db.open_tree(LINES_TREE)?;
            Ok::<_, WorkingError>(Working {
                db,
                cases,
                summaries,
                meta,
                lines,
            })
        }));
        std::panic::set_hook(old_hook);
        match opened {
            Ok(r) => r,
            Err(_) => Err(WorkingError::Panicked),
        }
    }

    fn meta_u64(&self, key: &[u8]) -> Result<Option<u64>, WorkingError> {
        meta_u64(&self.meta, key)
    }

    /// The seq of the last journal line applied (0 for a new store).
    pub fn applied_seq(&self) -> Result<u64, WorkingError> {
        Ok(self.meta_u64(APPLIED_SEQ)?.unwrap_or(0))
    }

    /// The hash of the journal line at `applied_seq`, where the store recorded it: what
    /// `audit verify` holds the journal to (a cut or re-hashed journal no longer has it).
    pub fn applied_head(&self) -> Result<Option<String>, WorkingError> {
        match self.meta.get(APPLIED_HEAD)? {
            None => Ok(None),
            Some(v) => std::str::from_utf8(&v)
                .map(|s| Some(s.to_string()))
                .map_err(|_| WorkingError::Record("meta")),
        }
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
        self.meta.remove(APPLIED_HEAD)?;
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

    /// Writes a change's changed cases, their summaries, the offsets of its line under every
    /// case it names (`lines`, see [`line_index_of`]), `applied_seq` and the line's hash
    /// (`applied_head`) in one transaction.
    pub fn write(
        &self,
        seq: u64,
        head: &str,
        changed: &[Case],
        lines: &LineIndex,
    ) -> Result<(), WorkingError> {
        let mut rows = Vec::with_capacity(changed.len());
        for case in changed {
            let key = case.id.to_string();
            let c = serde_json::to_vec(case).map_err(|_| WorkingError::Record("cases"))?;
            let s = serde_json::to_vec(&Summary::of(case))
                .map_err(|_| WorkingError::Record("summaries"))?;
            rows.push((key, c, s));
        }
        let line_rows: Vec<(String, &[u64])> = lines
            .iter()
            .map(|(id, offsets)| (id.to_string(), offsets.as_slice()))
            .collect();
        let seq_text = seq.to_string();
        let r: Result<(), TransactionError<()>> =
            (&self.cases, &self.summaries, &self.meta, &self.lines).transaction(
                |(cases, summaries, meta, lines)| {
                    for (key, c, s) in &rows {
                        cases.insert(key.as_bytes(), c.as_slice())?;
                        summaries.insert(key.as_bytes(), s.as_slice())?;
                    }
                    for (key, offsets) in &line_rows {
                        add_offsets(lines, key, offsets)?;
                    }
                    meta.insert(APPLIED_SEQ, seq_text.as_bytes())?;
                    meta.insert(APPLIED_HEAD, head.as_bytes())?;
                    Ok::<(), ConflictableTransactionError<()>>(())
                },
            );
        lines_outcome(r)
    }

    /// Writes each case's summary again from its record: what a summary holds grew (schema 3),
    /// and the summaries of cases that did not change since would otherwise say less than
    /// their records.
    pub fn rewrite_summaries(&self) -> Result<u64, WorkingError> {
        let mut n = 0;
        for entry in self.cases.iter() {
            let (key, value) = entry?;
            let case: Case =
                serde_json::from_slice(&value).map_err(|_| WorkingError::Record("cases"))?;
            let s = serde_json::to_vec(&Summary::of(&case))
                .map_err(|_| WorkingError::Record("summaries"))?;
            self.summaries.insert(key, s)?;
            n += 1;
        }
        Ok(n)
    }

    /// Turns this store into a schema-1 store, as an older privdesk left it: no `lines` tree,
    /// `schema_version` 1. Tests and benchmarks make a store to migrate with it; drop the
    /// store (and reopen the register) right after.
    #[doc(hidden)]
    pub fn make_schema_1_for_tests(&self) -> Result<(), WorkingError> {
        self.lines.clear()?;
        self.db.drop_tree(LINES_TREE)?;
        self.meta.insert(SCHEMA_KEY, b"1".as_slice())?;
        self.db.flush()?;
        Ok(())
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

/// Whether sled's exclusive lock on the store's data file (`db`, an `flock` as std's
/// `File::try_lock` takes one) is held: by a handle of this process whose release sled's
/// background thread has not done yet. A missing file holds no lock.
fn sled_lock_held(dir: &Path) -> bool {
    let Ok(file) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(dir.join("db"))
    else {
        return false;
    };
    // Taken and at once released (dropped) when free.
    matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod lock_tests {
    use super::*;

    /// sled's lock is recognised by the lock's kind: held while a store is open, and a reopen
    /// in the same process waits for sled to let it go rather than call the store damaged.
    #[test]
    fn a_held_sled_lock_is_seen_and_waited_for() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!sled_lock_held(dir.path()));
        let first = Working::open(dir.path()).unwrap();
        assert!(sled_lock_held(dir.path()));
        drop(first);
        let again = Working::open(dir.path());
        assert!(again.is_ok(), "{:?}", again.err());
    }
}

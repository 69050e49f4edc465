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
//! Schema versions: 1 had no `lines`; 2 adds it. An older store is refused by [`Working::open`]
//! (`WorkingError::Older`) so that the register can copy it aside before it is migrated
//! (`super::migrate`).

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

/// The working store's format written by this version (`meta.schema_version`): 2 added the
/// `lines` tree.
pub const SCHEMA_VERSION: u32 = 2;
/// sled's page cache: modest, the register is small (design.md "Space and speed").
pub const CACHE_CAPACITY: u64 = 32 * 1024 * 1024;

/// How many changed cases replay keeps in memory before it writes them in one transaction.
pub const REPLAY_BATCH: usize = 2048;

const APPLIED_SEQ: &[u8] = b"applied_seq";
const SCHEMA_KEY: &[u8] = b"schema_version";
/// The tree of each case's journal line offsets (schema 2).
const LINES_TREE: &str = "lines";

/// Journal line offsets per case, to be added to the `lines` tree: each case's offsets in
/// increasing order.
pub type LineIndex = BTreeMap<CaseId, Vec<u64>>;

/// Adds the line starting at `offset` to `index` under every case its events name (once per
/// case, however many of its events name it).
pub fn index_line(index: &mut LineIndex, offset: u64, events: &[Event]) {
    for id in events.iter().filter_map(Event::case) {
        let offsets = index.entry(id).or_default();
        if offsets.last() != Some(&offset) {
            offsets.push(offset);
        }
    }
}

/// The line index of one change: the cases its events name, at `offset`.
pub fn line_index_of(offset: u64, events: &[Event]) -> LineIndex {
    let mut index = LineIndex::new();
    index_line(&mut index, offset, events);
    index
}

/// Unpacks a `lines` value: `None` when it is not a whole number of u64s.
fn unpack_offsets(bytes: &[u8]) -> Option<Vec<u64>> {
    if !bytes.len().is_multiple_of(8) {
        return None;
    }
    Some(
        bytes
            .chunks_exact(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                u64::from_le_bytes(b)
            })
            .collect(),
    )
}

/// A `lines` value with `new` added: only offsets past the last stored one (the journal only
/// grows, so a line indexed twice — a replay after `applied_seq` fell back — is kept once).
/// `None` when the stored value is unreadable.
fn merge_offsets(old: Option<&[u8]>, new: &[u64]) -> Option<Vec<u8>> {
    let old = old.unwrap_or_default();
    let last = unpack_offsets(old)?.last().copied();
    let mut out = Vec::with_capacity(old.len() + new.len() * 8);
    out.extend_from_slice(old);
    for &o in new {
        if last.is_none_or(|l| o > l) {
            out.extend_from_slice(&o.to_le_bytes());
        }
    }
    Some(out)
}

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
        let mut tries = 0;
        loop {
            match Self::open_once(dir, older) {
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

    /// Writes a change's changed cases, their summaries, the offsets of its line under every
    /// case it names (`lines`, see [`line_index_of`]) and `applied_seq` in one transaction.
    pub fn write(&self, seq: u64, changed: &[Case], lines: &LineIndex) -> Result<(), WorkingError> {
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
                        let old = lines.get(key.as_bytes())?;
                        let Some(value) = merge_offsets(old.as_deref(), offsets) else {
                            return Err(ConflictableTransactionError::Abort(()));
                        };
                        lines.insert(key.as_bytes(), value)?;
                    }
                    meta.insert(APPLIED_SEQ, seq_text.as_bytes())?;
                    Ok::<(), ConflictableTransactionError<()>>(())
                },
            );
        match r {
            Ok(()) => Ok(()),
            Err(TransactionError::Storage(e)) => Err(e.into()),
            Err(TransactionError::Abort(())) => Err(WorkingError::Record("lines")),
        }
    }

    /// The byte offsets of the journal lines that name case `id`, oldest first; `None` when
    /// the index has no entry for it.
    pub fn line_offsets(&self, id: CaseId) -> Result<Option<Vec<u64>>, WorkingError> {
        match self.lines.get(id.to_string().as_bytes())? {
            None => Ok(None),
            Some(v) => unpack_offsets(&v)
                .map(Some)
                .ok_or(WorkingError::Record("lines")),
        }
    }

    /// The number of cases in the line index.
    pub fn line_index_len(&self) -> usize {
        self.lines.len()
    }

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
            n += 1;
            if dirty.len() >= batch.max(1) || lines.len() >= batch.max(1) {
                let batch: Vec<Case> = std::mem::take(&mut dirty).into_values().collect();
                self.write(last, &batch, &std::mem::take(&mut lines))?;
            }
        }
        if n > 0 {
            let batch: Vec<Case> = dirty.into_values().collect();
            self.write(last, &batch, &lines)?;
        }
        Ok(n)
    }

    /// Builds the line index of a store migrated from schema 1 (which had none): the old
    /// index is cleared, then every change up to `applied_seq` is indexed, in batches of up to
    /// `batch` cases; the changes after it are indexed when they are replayed. Returns the
    /// number of changes indexed. The caller sets the schema version once this succeeded.
    pub(crate) fn index_lines<C: Borrow<Change>>(
        &self,
        changes: impl IntoIterator<Item = (u64, C)>,
        batch: usize,
    ) -> Result<u64, WorkingError> {
        let applied = self.applied_seq()?;
        self.lines.clear()?;
        let mut lines = LineIndex::new();
        let mut n = 0;
        for (offset, change) in changes {
            let change = change.borrow();
            if change.seq > applied {
                break;
            }
            index_line(&mut lines, offset, &change.events);
            n += 1;
            if lines.len() >= batch.max(1) {
                self.write_lines(&std::mem::take(&mut lines))?;
            }
        }
        self.write_lines(&lines)?;
        Ok(n)
    }

    /// Adds offsets to the line index alone (a migration's batches), in one transaction.
    fn write_lines(&self, lines: &LineIndex) -> Result<(), WorkingError> {
        let r: Result<(), TransactionError<()>> = self.lines.transaction(|tree| {
            for (id, offsets) in lines {
                let key = id.to_string();
                let old = tree.get(key.as_bytes())?;
                let Some(value) = merge_offsets(old.as_deref(), offsets) else {
                    return Err(ConflictableTransactionError::Abort(()));
                };
                tree.insert(key.as_bytes(), value)?;
            }
            Ok::<(), ConflictableTransactionError<()>>(())
        });
        match r {
            Ok(()) => Ok(()),
            Err(TransactionError::Storage(e)) => Err(e.into()),
            Err(TransactionError::Abort(())) => Err(WorkingError::Record("lines")),
        }
    }

    /// Sets (`Some`) or removes (`None`) a case's line index entry: tests simulate an index
    /// that lost an entry or points at the wrong lines.
    #[doc(hidden)]
    pub fn set_line_offsets_for_tests(
        &self,
        id: CaseId,
        offsets: Option<&[u64]>,
    ) -> Result<(), WorkingError> {
        let key = id.to_string();
        match offsets {
            None => {
                self.lines.remove(key.as_bytes())?;
            }
            Some(o) => {
                let value: Vec<u8> = o.iter().flat_map(|x| x.to_le_bytes()).collect();
                self.lines.insert(key.as_bytes(), value)?;
            }
        }
        Ok(())
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

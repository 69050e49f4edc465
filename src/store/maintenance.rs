//! Repair and backup: both rebuild a working store from the journal, the truth
//! (design.md "The register on disk", issue 5).
//!
//! `repair` holds the lock: it builds `PATH/sled.new/`, checks it, sets the old working store
//! aside as `sled.damaged-<ts>/` and puts the new one in place. `backup` needs no lock: it
//! copies the journal up to its last complete line and builds a working store beside it.

use std::fs;
use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use chrono::{DateTime, Utc};

use super::journal::{self, Change, JOURNAL_FILE, Journal};
use super::working::{FoldError, Working, WorkingError};
use super::{Damage, SLED_DIR, StoreError, create_private_dir, file_stamp, take_lock, tighten};

/// Builds a working store in `sled_dir` (which must not exist) from the changes, and checks
/// it against the journal's last `cases`. Returns the number of cases.
pub fn build_working(sled_dir: &Path, changes: &[Change]) -> Result<u64, StoreError> {
    create_private_dir(sled_dir)?;
    let damage = |e: &WorkingError| StoreError::Damaged(Damage::from_working(e));
    let w = Working::open(sled_dir).map_err(|e| damage(&e))?;
    w.set_schema_version().map_err(|e| damage(&e))?;
    w.replay(changes).map_err(|e| match e {
        FoldError::Working(e) => damage(&e),
        _ => StoreError::Damaged(Damage::Replay),
    })?;
    w.flush().map_err(|e| damage(&e))?;
    let found = w.summaries().map_err(|e| damage(&e))?.len() as u64;
    let expected = changes.last().map_or(0, |c| c.cases);
    if found != expected {
        return Err(StoreError::Damaged(Damage::Count { found, expected }));
    }
    if w.case_count() as u64 != found {
        return Err(StoreError::Damaged(Damage::Missing));
    }
    drop(w);
    tighten(sled_dir)?;
    Ok(found)
}

/// Rebuilds the register's working store from its journal and puts it in place; the old one
/// is kept as `sled.damaged-<ts>/`. Returns the number of cases.
pub fn repair(dir: &Path, now: DateTime<Utc>) -> Result<u64, StoreError> {
    if !dir.join(JOURNAL_FILE).is_file() {
        return Err(StoreError::NoRegister(dir.to_path_buf()));
    }
    let _lock = take_lock(dir)?;
    tighten(dir)?;
    let stamp = file_stamp(now);
    let (journal, _torn) = Journal::open(dir, &stamp)?;
    let changes = journal::read_all(journal.path())?;
    drop(journal);
    let new = dir.join(format!("{SLED_DIR}.new"));
    if new.exists() {
        fs::remove_dir_all(&new)?;
    }
    let cases = match catch_silently(|| build_working(&new, &changes)) {
        Some(r) => r?,
        None => return Err(StoreError::Damaged(Damage::Panic)),
    };
    let old = dir.join(SLED_DIR);
    if old.exists() {
        let mut aside = dir.join(format!("{SLED_DIR}.damaged-{stamp}"));
        let mut n = 1;
        while aside.exists() {
            n += 1;
            aside = dir.join(format!("{SLED_DIR}.damaged-{stamp}-{n}"));
        }
        fs::rename(&old, &aside)?;
    }
    fs::rename(&new, &old)?;
    journal::sync_dir(dir)?;
    Ok(cases)
}

/// What a backup holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupReport {
    /// Changes copied.
    pub changes: u64,
    /// Cases in the rebuilt working store.
    pub cases: u64,
}

/// Backs the register in `dir` up into `dest` (created 0700; refused unless empty), without
/// the lock: the journal up to its last complete line, checked, and a rebuilt working store.
pub fn backup(dir: &Path, dest: &Path) -> Result<BackupReport, StoreError> {
    if dest.exists() && fs::read_dir(dest)?.next().is_some() {
        return Err(StoreError::NotEmpty(dest.to_path_buf()));
    }
    let source = dir.join(JOURNAL_FILE);
    if !source.is_file() {
        return Err(StoreError::NoRegister(dir.to_path_buf()));
    }
    let bytes = fs::read(&source)?;
    let complete = &bytes[..journal::complete_len(&bytes)];
    let changes = journal::parse_all(complete).map_err(StoreError::JournalBroken)?;
    if changes.is_empty() {
        return Err(StoreError::NoRegister(dir.to_path_buf()));
    }
    create_private_dir(dest)?;
    let mut f = journal::create_options()
        .write(true)
        .create_new(true)
        .open(dest.join(JOURNAL_FILE))?;
    f.write_all(complete)?;
    f.sync_all()?;
    journal::sync_dir(dest)?;
    let cases = match catch_silently(|| build_working(&dest.join(SLED_DIR), &changes)) {
        Some(r) => r?,
        None => return Err(StoreError::Damaged(Damage::Panic)),
    };
    tighten(dest)?;
    Ok(BackupReport {
        changes: changes.len() as u64,
        cases,
    })
}

/// Runs `f`, catching a panic (from sled) without printing it.
pub(crate) fn catch_silently<T>(f: impl FnOnce() -> T) -> Option<T> {
    let old_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r = catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(old_hook);
    r.ok()
}

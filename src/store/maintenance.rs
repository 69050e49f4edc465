//! Repair and backup: both rebuild a working store from the journal, the truth
//! (design.md "The register on disk", issue 5).
//!
//! `repair` holds the lock: it builds `PATH/sled.new/`, checks it, sets the old working store
//! aside as `sled.damaged-<ts>/` and puts the new one in place. `backup` needs no lock: it
//! copies the journal up to its last complete line and builds a working store beside it.

use std::fs;
use std::io::{self, Read, Seek, SeekFrom};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use chrono::{DateTime, Utc};

use super::journal::{self, JOURNAL_FILE, Journal};
use super::working::{FoldError, Working, WorkingError};
use super::{Damage, SLED_DIR, StoreError, create_private_dir, file_stamp, take_lock, tighten};

/// Builds a working store in `sled_dir` (which must not exist) from the journal at `journal`
/// (its cases, summaries and line index, in the current schema),
/// streamed (one line in memory at a time, so a journal of hundreds of MB does not need its
/// size in memory), and checks it against the journal's last `cases`. Returns the number of
/// changes and of cases.
pub fn build_working(sled_dir: &Path, journal: &Path) -> Result<(u64, u64), StoreError> {
    let mut lines = journal::stream(journal)?;
    create_private_dir(sled_dir)?;
    let damage = |e: &WorkingError| StoreError::Damaged(Damage::from_working(e));
    let w = Working::open(sled_dir).map_err(|e| damage(&e))?;
    w.set_schema_version().map_err(|e| damage(&e))?;
    let mut expected = 0;
    // Each change with the offset where its line starts: the line index is built with the
    // cases.
    let changes = lines.located_ok().inspect(|(_, c)| expected = c.cases);
    let replayed = w.replay(changes).map_err(|e| match e {
        FoldError::Working(e) => damage(&e),
        _ => StoreError::Damaged(Damage::Replay),
    });
    if let Some(e) = lines.failure() {
        return Err(e.into());
    }
    replayed?;
    w.flush().map_err(|e| damage(&e))?;
    let found = w.summaries().map_err(|e| damage(&e))?.len() as u64;
    if found != expected {
        return Err(StoreError::Damaged(Damage::Count { found, expected }));
    }
    // Every case has at least the line that created it in the index.
    if w.case_count() as u64 != found || w.line_index_len() as u64 != found {
        return Err(StoreError::Damaged(Damage::Missing));
    }
    drop(w);
    tighten(sled_dir)?;
    Ok((lines.count, found))
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
    let path = journal.path().to_path_buf();
    drop(journal);
    let new = dir.join(format!("{SLED_DIR}.new"));
    if new.exists() {
        fs::remove_dir_all(&new)?;
    }
    let cases = match catch_silently(|| build_working(&new, &path)) {
        Some(r) => r?.1,
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
    // Copied as it is now, then cut back to its last complete line (a save may be under way:
    // backup takes no lock), and rebuilt from the copy: the chain is checked as it is read.
    let len = fs::metadata(&source)?.len();
    let created = !dest.exists();
    create_private_dir(dest)?;
    let dest_journal = dest.join(JOURNAL_FILE);
    let built = (|| -> Result<BackupReport, StoreError> {
        let mut f = journal::create_options()
            .write(true)
            .create_new(true)
            .open(&dest_journal)?;
        io::copy(&mut fs::File::open(&source)?.take(len), &mut f)?;
        f.set_len(complete_len_of(&dest_journal)?)?;
        f.sync_all()?;
        journal::sync_dir(dest)?;
        let (changes, cases) =
            match catch_silently(|| build_working(&dest.join(SLED_DIR), &dest_journal)) {
                Some(r) => r?,
                None => return Err(StoreError::Damaged(Damage::Panic)),
            };
        if changes == 0 {
            return Err(StoreError::NoRegister(dir.to_path_buf()));
        }
        tighten(dest)?;
        Ok(BackupReport { changes, cases })
    })();
    if built.is_err() {
        // Leave nothing that looks like a backup behind.
        let _ = fs::remove_file(&dest_journal);
        let _ = fs::remove_dir_all(dest.join(SLED_DIR));
        if created {
            let _ = fs::remove_dir(dest);
        }
    }
    built
}

/// The length of a journal file's complete lines: up to and including its last newline,
/// found by reading backwards from the end in 64 kB steps.
fn complete_len_of(path: &Path) -> io::Result<u64> {
    let mut f = fs::File::open(path)?;
    let mut end = f.metadata()?.len();
    let mut buf = vec![0u8; 1 << 16];
    while end > 0 {
        let start = end.saturating_sub(buf.len() as u64);
        let chunk = &mut buf[..(end - start) as usize];
        f.seek(SeekFrom::Start(start))?;
        f.read_exact(chunk)?;
        if let Some(p) = chunk.iter().rposition(|b| *b == b'\n') {
            return Ok(start + p as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

/// Runs `f`, catching a panic (from sled) without printing it.
pub(crate) fn catch_silently<T>(f: impl FnOnce() -> T) -> Option<T> {
    let old_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r = catch_unwind(AssertUnwindSafe(f));
    std::panic::set_hook(old_hook);
    r.ok()
}

//! Working-store schema migrations (issue 5: "an older one is copied aside, then migrated, and
//! the copy's path is printed").
//!
//! At open, a working store of an older schema is refused by `Working::open` before anything
//! is written to it. The register then waits until sled has let go of its files, copies the
//! whole sled folder aside as `PATH/sled.schema<old>-<stamp>/` (folders 0700, files 0600),
//! migrates the store in place and opens it. The schema version is set last, so a migration
//! that stops half-way leaves the old version, and the next open starts it over (with a new
//! copy). A migration that fails leaves its copy, and the register opens damaged: read-only
//! with the repair banner, never half-migrated and healthy.
//!
//! Schema 1 → 2: build the `lines` index (each case's journal line offsets) from the journal,
//! up to `applied_seq`; the lines after it are indexed when the open replays them.
//! Schema 2 → 3 → 4: write every summary again from its case record (summaries tell a
//! restriction in force and a case flagged for review since issue 18, the reply's date and the
//! AP notification's instant since issue 21). One step takes a store of 2 or 3 to 4.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::i18n::Lang;
use crate::i18n::store::StoreMsg;

use super::journal::{self, VerifyError};
use super::working::{REPLAY_BATCH, SCHEMA_VERSION, Working, WorkingError};

const SCHEMA_VERSION_U64: u64 = SCHEMA_VERSION as u64;
use super::{SLED_DIR, create_private_dir, maintenance::catch_silently, tighten};

/// A migration made at open: from which version, to which, and where the old store went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    /// The schema version found.
    pub from: u64,
    /// The schema version migrated to.
    pub to: u32,
    /// The copy of the store as it was before the migration.
    pub copy: PathBuf,
    /// The migration failed: the register opened damaged (the copy is still there).
    pub failed: bool,
}

impl Migration {
    /// The message for the user: what was migrated and where the copy is.
    pub fn message(&self, lang: Lang) -> String {
        let msg = if self.failed {
            StoreMsg::MigrationFailed
        } else {
            StoreMsg::Migrated
        };
        msg.fill(
            lang,
            &[
                ("from", &self.from.to_string()),
                ("to", &self.to.to_string()),
                ("path", &self.copy.display().to_string()),
            ],
        )
    }
}

/// Why a migration failed (no personal data).
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    /// Copying the store aside failed (nothing was migrated; the partial copy is removed).
    #[error("copy: {0}")]
    Copy(io::Error),
    /// sled did not let go of the store in time for its copy.
    #[error("the working store stayed in use")]
    StillOpen,
    /// The journal could not be read.
    #[error("journal: {0}")]
    Journal(#[from] VerifyError),
    /// The working store failed.
    #[error(transparent)]
    Working(#[from] WorkingError),
    /// sled panicked (caught).
    #[error("sled panicked")]
    Panicked,
    /// No migration from this version.
    #[error("no migration from schema {0}")]
    Unknown(u64),
}

/// Copies the register's sled folder aside, then migrates it from schema `from`. Returns the
/// copy's path (if the copy was made) and the outcome.
pub(crate) fn run(
    dir: &Path,
    journal: &Path,
    from: u64,
    stamp: &str,
) -> (Option<PathBuf>, Result<(), MigrateError>) {
    if !(1..SCHEMA_VERSION_U64).contains(&from) {
        return (None, Err(MigrateError::Unknown(from)));
    }
    let sled_dir = dir.join(SLED_DIR);
    if !wait_until_closed(&sled_dir) {
        return (None, Err(MigrateError::StillOpen));
    }
    let copy = match copy_aside(dir, &sled_dir, from, stamp) {
        Ok(c) => c,
        Err(e) => return (None, Err(MigrateError::Copy(e))),
    };
    let migrated = catch_silently(|| {
        if from == 1 {
            migrate_1_to_2(&sled_dir, journal)?;
        }
        write_summaries_again(&sled_dir)
    })
    .unwrap_or(Err(MigrateError::Panicked));
    (Some(copy), migrated)
}

/// Schema 2 or 3 → 4: every summary written again from its case record, then the version set.
fn write_summaries_again(sled_dir: &Path) -> Result<(), MigrateError> {
    let w = Working::open_older(sled_dir)?;
    w.rewrite_summaries()?;
    w.flush()?;
    w.set_schema_version()?;
    w.flush()?;
    debug_assert_eq!(w.schema_version()?, Some(u64::from(SCHEMA_VERSION)));
    Ok(())
}

/// Schema 1 → 2: the line index built from the journal, then a flush (the version is set by
/// the last step, [`write_summaries_again`]).
fn migrate_1_to_2(sled_dir: &Path, journal: &Path) -> Result<(), MigrateError> {
    let w = Working::open_older(sled_dir)?;
    let mut lines = journal::stream(journal).map_err(VerifyError::Io)?;
    let indexed = w.index_lines(lines.located_ok(), REPLAY_BATCH);
    if let Some(e) = lines.failure() {
        return Err(e.into());
    }
    indexed?;
    w.flush()?;
    Ok(())
}

/// Waits (up to about fifteen seconds) until no sled in this process holds the store's
/// `db` file: sled lets go of it from a background thread some time after its last handle is
/// dropped, and the copy must not be taken while sled may still write. True when free.
fn wait_until_closed(sled_dir: &Path) -> bool {
    let Ok(db) = fs::File::open(sled_dir.join("db")) else {
        // No data file: nothing holds it.
        return true;
    };
    for _ in 0..300 {
        match db.try_lock() {
            Ok(()) => {
                let _ = db.unlock();
                return true;
            }
            Err(fs::TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(50)),
            Err(fs::TryLockError::Error(_)) => return false,
        }
    }
    false
}

/// Copies `sled_dir` to `PATH/sled.schema<from>-<stamp>/` (`-2`, `-3`, … when taken), folders
/// 0700 and files 0600, each file synced. A copy that fails is removed.
///
/// A copy of this schema made by an earlier attempt is kept and named instead of making
/// another: it holds the store as it was before any attempt, and a migration that fails at
/// every open (until `privdesk repair`) must not fill the disk with copies.
fn copy_aside(dir: &Path, sled_dir: &Path, from: u64, stamp: &str) -> io::Result<PathBuf> {
    let prefix = format!("{SLED_DIR}.schema{from}-");
    let mut earlier: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    earlier.sort();
    if let Some(first) = earlier.into_iter().next() {
        return Ok(first);
    }
    let base = format!("{prefix}{stamp}");
    let mut copy = dir.join(&base);
    let mut n = 1;
    while copy.exists() {
        n += 1;
        copy = dir.join(format!("{base}-{n}"));
    }
    let copied = copy_dir(sled_dir, &copy)
        .and_then(|()| tighten(&copy))
        .and_then(|()| journal::sync_dir(dir));
    if let Err(e) = copied {
        let _ = fs::remove_dir_all(&copy);
        return Err(e);
    }
    Ok(copy)
}

/// Copies a folder recursively (files and folders; anything else is skipped).
fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    create_private_dir(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if kind.is_file() {
            let mut src = fs::File::open(entry.path())?;
            let mut dst = journal::create_options()
                .write(true)
                .create_new(true)
                .open(&target)?;
            io::copy(&mut src, &mut dst)?;
            dst.sync_all()?;
        }
    }
    journal::sync_dir(to)
}

//! The register folder: its layout, its permissions (folders 0700, files 0600), its lock, and
//! the stamp that names the files set aside in it.

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::{StoreError, journal};

/// The lock file inside the register folder, taken before anything else is opened.
pub const LOCK_FILE: &str = "lock";
/// The sled working store's folder inside the register folder.
pub const SLED_DIR: &str = "sled";

/// A file-name stamp for set-aside files: `20261123T090000Z`.
pub fn file_stamp(now: DateTime<Utc>) -> String {
    now.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Creates a folder 0700 (and its parents) if missing.
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)?;
    set_mode(dir, 0o700)
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let meta = fs::symlink_metadata(path)?;
    if meta.file_type().is_symlink() || meta.permissions().mode() & 0o777 == mode {
        return Ok(());
    }
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

/// Tightens a register folder: folders 0700, files 0600, recursively (symlinks left alone).
pub fn tighten(dir: &Path) -> io::Result<()> {
    set_mode(dir, 0o700)?;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            tighten(&entry.path())?;
        } else if kind.is_file() {
            set_mode(&entry.path(), 0o600)?;
        }
    }
    Ok(())
}

/// Takes the register's lock: `Busy` when another process holds it.
///
/// A process that starts a child (the tests run the binary from parallel threads) lends every
/// open file, the lock included, to the child between its fork and its exec; the lock is then
/// held for a moment by nobody who wants it. So a held lock is tried again for half a second
/// before it counts as another privdesk's.
pub(crate) fn take_lock(dir: &Path) -> Result<File, StoreError> {
    let lock = journal::create_options()
        .read(true)
        .write(true)
        .open(dir.join(LOCK_FILE))?;
    for _ in 0..20 {
        match lock.try_lock() {
            Ok(()) => return Ok(lock),
            Err(TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            Err(TryLockError::Error(e)) => return Err(StoreError::Disk(e)),
        }
    }
    Err(StoreError::Busy)
}

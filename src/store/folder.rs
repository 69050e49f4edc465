//! The register folder: its layout, its permissions (folders 0700, files 0600), its lock, and
//! the stamp that names the files set aside in it.

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

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

/// Who holds a register: written into its lock file once both locks are taken, read by the
/// process that is refused ("register in gebruik door Anna sinds 09:12 (proces 4711)").
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Holder {
    /// The user the session records (its `--user`, config name or OS user).
    pub user: String,
    /// The holder's process id.
    pub pid: u32,
    /// Since when it holds the register.
    pub since: DateTime<Utc>,
}

impl Holder {
    /// This process, as `user`, from `since`.
    pub fn this_process(user: &str, since: DateTime<Utc>) -> Holder {
        Holder {
            user: user.to_string(),
            pid: std::process::id(),
            since,
        }
    }
}

/// A file's identity (device and inode): whether a path still names the file locked.
#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// Without inode numbers every file looks the same: the check then only sees a missing path.
#[cfg(not(unix))]
fn identity(_meta: &fs::Metadata) -> (u64, u64) {
    (0, 0)
}

/// The register's lock, held until dropped: the lock file *and* the journal itself.
///
/// The lock file says who holds the register; the journal's own lock is what keeps a second
/// writer out even when an administrator removes the "stale" lock file under a running
/// session (issue 16): a new `lock` file can be made and locked, the journal cannot be
/// replaced without its folder changing. Before each save [`RegisterLock::check`] makes sure
/// the journal's path still names the locked file (and puts a removed lock file back).
#[derive(Debug)]
pub struct RegisterLock {
    dir: PathBuf,
    lock: File,
    lock_id: (u64, u64),
    /// Held for its lock: what keeps other writers out.
    _journal: File,
    journal_id: (u64, u64),
    holder: Holder,
}

/// Tries a lock for half a second (see [`take_lock`]): `Ok(false)` when it stays held.
fn try_lock_a_while(file: &File) -> Result<bool, StoreError> {
    for _ in 0..20 {
        match file.try_lock() {
            Ok(()) => return Ok(true),
            Err(TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            Err(TryLockError::Error(e)) => return Err(StoreError::Disk(e)),
        }
    }
    Ok(false)
}

/// Who the lock file says holds the register, if it says so.
pub fn read_holder(dir: &Path) -> Option<Holder> {
    let text = fs::read_to_string(dir.join(LOCK_FILE)).ok()?;
    serde_json::from_str(text.trim()).ok()
}

fn write_holder(lock: &mut File, holder: &Holder) -> io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let text = serde_json::to_string(holder).map_err(io::Error::other)?;
    lock.set_len(0)?;
    lock.seek(SeekFrom::Start(0))?;
    lock.write_all(text.as_bytes())?;
    lock.write_all(b"\n")
}

/// Takes the register's lock: the lock file, then the journal (created if missing, 0600).
/// `Busy` (naming the holder when the lock file does) when another process holds either.
///
/// A process that starts a child (the tests run the binary from parallel threads) lends every
/// open file, the lock included, to the child between its fork and its exec; the lock is then
/// held for a moment by nobody who wants it. So a held lock is tried again for half a second
/// before it counts as another privdesk's.
pub(crate) fn take_lock(dir: &Path, holder: &Holder) -> Result<RegisterLock, StoreError> {
    let lock_path = dir.join(LOCK_FILE);
    let mut lock = journal::create_options()
        .read(true)
        .write(true)
        .open(&lock_path)?;
    if !try_lock_a_while(&lock)? {
        return Err(StoreError::Busy(read_holder(dir)));
    }
    let journal_path = dir.join(journal::JOURNAL_FILE);
    let existed = journal_path.exists();
    let journal = journal::create_options()
        .read(true)
        .append(true)
        .open(&journal_path)?;
    if !existed {
        journal::sync_dir(dir)?;
    }
    if !try_lock_a_while(&journal)? {
        // The lock file was removed under a running session: this process made a new one,
        // which names nobody. The journal's holder is still at work: found by its lock.
        let holder = journal
            .metadata()
            .ok()
            .and_then(|m| holder_of_lock(identity(&m).1));
        return Err(StoreError::Busy(holder));
    }
    // Locked the files the paths named then; a path replaced in between is tried again by
    // the caller's next open, never written through.
    let lock_id = identity(&lock.metadata()?);
    let journal_id = identity(&journal.metadata()?);
    let same = |p: &Path, id| fs::metadata(p).is_ok_and(|m| identity(&m) == id);
    if !same(&lock_path, lock_id) || !same(&journal_path, journal_id) {
        return Err(StoreError::Busy(None));
    }
    // Who holds it is told to whoever is refused; a full disk must not stop the register
    // from opening over it (the locks already hold).
    let _ = write_holder(&mut lock, holder);
    Ok(RegisterLock {
        dir: dir.to_path_buf(),
        lock,
        lock_id,
        _journal: journal,
        journal_id,
        holder: holder.clone(),
    })
}

impl RegisterLock {
    /// Before a save: the journal's path must still name the locked journal (else the change
    /// would go to a file nobody reads, or beside another writer's): `LockLost` otherwise. A
    /// lock file removed or replaced is taken again when free, so the next refusal names
    /// this holder again.
    pub(crate) fn check(&mut self) -> Result<(), StoreError> {
        let journal_path = self.dir.join(journal::JOURNAL_FILE);
        match fs::metadata(&journal_path) {
            Ok(m) if identity(&m) == self.journal_id => {}
            _ => return Err(StoreError::LockLost),
        }
        let lock_path = self.dir.join(LOCK_FILE);
        if fs::metadata(&lock_path).is_ok_and(|m| identity(&m) == self.lock_id) {
            return Ok(());
        }
        if let Ok(mut f) = journal::create_options()
            .read(true)
            .write(true)
            .open(&lock_path)
            && f.try_lock().is_ok()
            && let Ok(m) = f.metadata()
        {
            let _ = write_holder(&mut f, &self.holder);
            self.lock_id = identity(&m);
            self.lock = f;
        }
        Ok(())
    }
}

/// Who holds a lock on the file with inode `ino`, from the kernel's list of locks (Linux
/// `/proc/locks`): the process, its owner and its start. For the refusal when the lock file
/// that would say so was removed.
#[cfg(target_os = "linux")]
fn holder_of_lock(ino: u64) -> Option<Holder> {
    use std::os::unix::fs::MetadataExt;
    let locks = fs::read_to_string("/proc/locks").ok()?;
    let pid: u32 = locks.lines().find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        let file_ino = f.get(5)?.rsplit(':').next()?.parse::<u64>().ok()?;
        (f.get(1) == Some(&"FLOCK") && file_ino == ino).then(|| f.get(4)?.parse().ok())?
    })?;
    let proc_dir = fs::metadata(format!("/proc/{pid}")).ok()?;
    let since: DateTime<Utc> = proc_dir.modified().ok()?.into();
    let uid = proc_dir.uid().to_string();
    let user = fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|p| {
            p.lines().find_map(|l| {
                let f: Vec<&str> = l.split(':').collect();
                (f.get(2) == Some(&uid.as_str())).then(|| f[0].to_string())
            })
        })
        .unwrap_or(uid);
    Some(Holder { user, pid, since })
}

#[cfg(not(target_os = "linux"))]
fn holder_of_lock(_ino: u64) -> Option<Holder> {
    None
}

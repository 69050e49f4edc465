//! The register on disk: the only code that touches it (design.md "The register on disk").
//!
//! - `journal` — the append-only, fsynced, hash-chained change lines: the truth.
//! - `working` — the sled working store (cases, summaries, each case's journal line offsets,
//!   meta), rebuilt from the journal.
//! - `migrate` — an older working store copied aside and migrated at open.
//! - `bulk` — large fictitious registers for benchmarks: the journal written in one go, then
//!   rebuilt.
//! - `Store` — opening (lock, torn tail, schema, replay, the count check), saving a change in
//!   three steps (validate, append + fsync = saved, apply to sled), reading, case ids.
//!
//! A damaged working store never stops the desk from reading: the cases are then rebuilt in
//! memory from the journal, the store is read-only and says why.

pub mod bulk;
pub mod journal;
pub mod maintenance;
pub mod migrate;
pub mod working;

use std::collections::BTreeMap;
use std::fs::{self, File, TryLockError};
use std::io::{self, BufReader};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Utc};

use crate::domain::case::Refusal;
use crate::domain::deadline::amsterdam_date;
use crate::domain::{Case, CaseId, CaseKind, Event, Summary};
use crate::i18n::Lang;
use crate::i18n::store::StoreMsg;

use journal::{BadLine, Change, Journal, JournalError, LineFault, TornTail, VerifyError};
use migrate::Migration;
use working::{FoldError, SCHEMA_VERSION, Working, WorkingError, fold_change};

/// The lock file inside the register folder, taken before anything else is opened.
pub const LOCK_FILE: &str = "lock";
/// The sled working store's folder inside the register folder.
pub const SLED_DIR: &str = "sled";
/// The user recorded on a demo register, so demo output is stable.
pub const DEMO_USER: &str = "Demo Gebruiker";
/// The environment variable naming the register folder.
pub const DB_ENV: &str = "PRIVDESK_DB";
/// How many of the most recently changed cases have their record checked at open.
///
/// Checking every record at open reads all of sled's case pages (at 100,000 cases 0.25 s and
/// some 125 MB that sled then keeps resident), so open checks the cases sled is most likely to
/// have lost — its known failures lose the newest writes (notes/storage.md §1.3, sled #1077) —
/// and every other record is checked when it is read ([`Store::case`], [`Store::save`]).
pub const SPOT_CHECK: usize = 256;

/// How to open a register.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// Create the register when the folder holds none: `Some(demo)`; `None` refuses.
    pub create: Option<bool>,
    /// The clock's instant: the time of a creation line and the stamp of set-aside files.
    pub now: DateTime<Utc>,
    /// The user named with `--user`.
    pub cli_user: Option<String>,
    /// The user named in the config file.
    pub config_user: Option<String>,
}

impl OpenOptions {
    /// Open an existing register only.
    pub fn existing(now: DateTime<Utc>) -> OpenOptions {
        OpenOptions {
            create: None,
            now,
            cli_user: None,
            config_user: None,
        }
    }
}

/// Why the working store is taken to be damaged (the store is then read-only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The number of cases differs from the journal's.
    Count {
        /// Cases in the working store.
        found: u64,
        /// Cases according to the journal.
        expected: u64,
    },
    /// The working store has applied more than the journal holds.
    Ahead,
    /// A summary without its case record, or with an older one.
    Missing,
    /// A case's index into the journal leads to lines that are not the case's.
    Index,
    /// sled would not open.
    Open,
    /// sled panicked while opening.
    Panic,
    /// sled failed a read or write.
    Io,
    /// Replaying the journal failed.
    Replay,
    /// A record is unreadable.
    Record,
    /// Migrating an older working store failed (its copy is kept).
    Migration,
}

impl Damage {
    fn from_working(e: &WorkingError) -> Damage {
        match e {
            WorkingError::Sled(_) => Damage::Io,
            WorkingError::Panicked => Damage::Panic,
            WorkingError::Record(_) => Damage::Record,
            WorkingError::Older(_) => Damage::Migration,
        }
    }

    /// The reason in words.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Damage::Count { found, expected } => StoreMsg::WhyCount.fill(
                lang,
                &[
                    ("found", &found.to_string()),
                    ("expected", &expected.to_string()),
                ],
            ),
            Damage::Ahead => StoreMsg::WhyAhead.text(lang).into(),
            Damage::Missing => StoreMsg::WhyMissing.text(lang).into(),
            Damage::Open => StoreMsg::WhyOpen.text(lang).into(),
            Damage::Panic => StoreMsg::WhyPanic.text(lang).into(),
            Damage::Io => StoreMsg::WhyIo.text(lang).into(),
            Damage::Replay => StoreMsg::WhyReplay.text(lang).into(),
            Damage::Record => StoreMsg::WhyRecord.text(lang).into(),
            Damage::Migration => StoreMsg::WhyMigration.text(lang).into(),
            Damage::Index => StoreMsg::WhyIndex.text(lang).into(),
        }
    }
}

/// Why a healthy store stopped taking changes until a restart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadOnlyWhy {
    /// A change was saved in the journal but sled failed to apply it; a restart replays it.
    WorkingFailed,
    /// A failed append could not be cut back: the journal may end in a partial line.
    JournalPoisoned,
}

/// The state of an open store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Health {
    /// Reads and writes.
    Ok,
    /// The working store is damaged: read-only from the journal; `privdesk repair` advised.
    Damaged(Damage),
    /// Read-only until restart.
    ReadOnly(ReadOnlyWhy),
}

/// Everything the store can refuse, with an exit code and a translated message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another privdesk process holds the register.
    #[error("register in use by another privdesk process")]
    Busy,
    /// The folder holds no register.
    #[error("no register in {0}")]
    NoRegister(PathBuf),
    /// No `--db`, no `PRIVDESK_DB` and no data folder.
    #[error("no data folder")]
    NoDataDir,
    /// The working store was written by a newer privdesk.
    #[error("working store version {found}, supported up to {supported}")]
    NewerSchema {
        /// The version found.
        found: u64,
        /// The newest version this privdesk knows.
        supported: u32,
    },
    /// The working store is damaged.
    #[error("working store damaged: {0:?}")]
    Damaged(Damage),
    /// A journal line fails.
    #[error("journal: {0}")]
    JournalBroken(BadLine),
    /// The disk refused (full, read-only, IO error).
    #[error("disk: {0}")]
    Disk(#[from] io::Error),
    /// The store is read-only until restart.
    #[error("read-only: {0:?}")]
    ReadOnly(ReadOnlyWhy),
    /// The change is saved in the journal, but the working store failed to apply it.
    #[error("change {seq} saved, but working store failed: read-only until restart")]
    SavedButWorkingFailed {
        /// The saved change's seq.
        seq: u64,
    },
    /// The domain refused an event: the change was not saved.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// An event names a case that does not exist.
    #[error("unknown case {0}")]
    UnknownCase(CaseId),
    /// A change no save may make.
    #[error("invalid change: {0}")]
    BadChange(&'static str),
    /// A backup folder that is not empty.
    #[error("folder not empty: {0}")]
    NotEmpty(PathBuf),
}

impl StoreError {
    /// The process exit code (design.md "Exit codes").
    pub fn exit_code(&self) -> u8 {
        match self {
            StoreError::Busy => 3,
            StoreError::Damaged(_)
            | StoreError::JournalBroken(_)
            | StoreError::SavedButWorkingFailed { .. }
            | StoreError::ReadOnly(ReadOnlyWhy::WorkingFailed) => 4,
            StoreError::Disk(_) | StoreError::ReadOnly(ReadOnlyWhy::JournalPoisoned) => 5,
            StoreError::NoRegister(_)
            | StoreError::NoDataDir
            | StoreError::NewerSchema { .. }
            | StoreError::Refused(_)
            | StoreError::UnknownCase(_)
            | StoreError::BadChange(_)
            | StoreError::NotEmpty(_) => 2,
        }
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::Busy => StoreMsg::Busy.text(lang).into(),
            StoreError::NoRegister(p) => {
                StoreMsg::NoRegister.fill(lang, &[("path", &p.display().to_string())])
            }
            StoreError::NoDataDir => StoreMsg::NoDataDir.text(lang).into(),
            StoreError::NewerSchema { found, supported } => StoreMsg::NewerSchema.fill(
                lang,
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            StoreError::Damaged(d) => StoreMsg::Damaged.fill(lang, &[("why", &d.message(lang))]),
            StoreError::JournalBroken(b) => StoreMsg::JournalBroken.fill(
                lang,
                &[
                    ("line", &b.line.to_string()),
                    ("why", &fault_message(&b.fault, lang)),
                ],
            ),
            StoreError::Disk(e) => StoreMsg::Disk.fill(lang, &[("error", &e.to_string())]),
            StoreError::ReadOnly(why) => {
                let why = match why {
                    ReadOnlyWhy::WorkingFailed => StoreMsg::SavedButWorking.text(lang),
                    ReadOnlyWhy::JournalPoisoned => StoreMsg::WhyIo.text(lang),
                };
                StoreMsg::ReadOnly.fill(lang, &[("why", why)])
            }
            StoreError::SavedButWorkingFailed { .. } => StoreMsg::SavedButWorking.text(lang).into(),
            StoreError::Refused(r) => crate::i18n::domain::refusal(r, lang),
            StoreError::UnknownCase(id) => {
                StoreMsg::UnknownCase.fill(lang, &[("id", &id.to_string())])
            }
            StoreError::BadChange(why) => StoreMsg::BadChange.fill(lang, &[("why", why)]),
            StoreError::NotEmpty(p) => {
                StoreMsg::NotEmpty.fill(lang, &[("path", &p.display().to_string())])
            }
        }
    }
}

impl From<JournalError> for StoreError {
    fn from(e: JournalError) -> Self {
        match e {
            JournalError::Io(e) | JournalError::Poisoned(e) => StoreError::Disk(e),
            JournalError::Line(b) => StoreError::JournalBroken(b),
        }
    }
}

impl From<VerifyError> for StoreError {
    fn from(e: VerifyError) -> Self {
        match e {
            VerifyError::Io(e) => StoreError::Disk(e),
            VerifyError::Line(b) => StoreError::JournalBroken(b),
        }
    }
}

/// A journal line's fault in words.
pub fn fault_message(fault: &LineFault, lang: Lang) -> String {
    match fault {
        LineFault::Unparsable => StoreMsg::FaultUnparsable.text(lang).into(),
        LineFault::NoHash => StoreMsg::FaultNoHash.text(lang).into(),
        LineFault::HashMismatch => StoreMsg::FaultHash.text(lang).into(),
        LineFault::PrevMismatch => StoreMsg::FaultPrev.text(lang).into(),
        LineFault::SeqGap { expected, found } => StoreMsg::FaultSeq.fill(
            lang,
            &[
                ("expected", &expected.to_string()),
                ("found", &found.to_string()),
            ],
        ),
        LineFault::Version(v) => StoreMsg::FaultVersion.fill(lang, &[("version", &v.to_string())]),
        LineFault::NoCreation => StoreMsg::FaultCreation.text(lang).into(),
    }
}

/// The register folder: `--db PATH`, else `PRIVDESK_DB`, else the platform's local data folder.
pub fn register_dir(db: Option<&Path>) -> Result<PathBuf, StoreError> {
    if let Some(p) = db {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    directories::ProjectDirs::from("nl", "privdesk", "privdesk")
        .map(|d| d.data_local_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// The user recorded on changes: `--user`, else on a demo register "Demo Gebruiker" (stable
/// demo output), else the config's name, else the OS user (`USER`/`USERNAME`).
pub fn resolve_user(cli: Option<&str>, config: Option<&str>, demo: bool) -> String {
    let given = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    if let Some(u) = given(cli) {
        return u;
    }
    if demo {
        return DEMO_USER.into();
    }
    if let Some(u) = given(config) {
        return u;
    }
    ["USER", "USERNAME"]
        .iter()
        .find_map(|v| given(std::env::var(v).ok().as_deref()))
        .unwrap_or_else(|| "onbekend".into())
}

/// One entry of a case's history: seq, instant, user, event.
pub type HistoryEntry = (u64, DateTime<Utc>, String, Event);

/// An open register: holds its lock until dropped.
pub struct Store {
    dir: PathBuf,
    journal: Journal,
    working: Option<Working>,
    health: Health,
    /// Damage found after open, when a case record is read: from then on the store is
    /// read-only as if the damage had been found at open (the list stays: its count was checked).
    late: OnceLock<Health>,
    demo: bool,
    user: String,
    summaries: BTreeMap<CaseId, Summary>,
    /// On damage: the cases rebuilt in memory from the journal.
    fallback: BTreeMap<CaseId, Case>,
    torn: Option<TornTail>,
    /// An older working store migrated (or failed to) at open.
    migration: Option<Migration>,
    /// How many journal lines were replayed into sled at open.
    replayed: u64,
    /// Declared last so it is released after sled and the journal are closed.
    _lock: File,
}

/// Shows the state, never the cases (personal data stays out of logs and panic messages).
impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .field("health", self.health())
            .field("demo", &self.demo)
            .field("cases", &self.summaries.len())
            .field("last_seq", &self.journal.last_seq())
            .finish_non_exhaustive()
    }
}

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

/// Rebuilds every case in memory from the journal's changes, read one at a time (a large
/// journal need not fit in memory beside its cases). `None` when the domain refuses a change.
fn rebuild_in_memory(
    changes: impl Iterator<Item = Result<Change, VerifyError>>,
) -> Result<Option<BTreeMap<CaseId, Case>>, VerifyError> {
    let mut cases: BTreeMap<CaseId, Case> = BTreeMap::new();
    for c in changes {
        let c = c?;
        let Ok(folded) = fold_change(c.seq, c.at, &c.user, &c.events, &mut |id| {
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

impl Store {
    /// Opens the register in `dir` (creating it when `opts.create` says so): takes the lock,
    /// sets a torn tail aside, opens sled, replays what it lacks and checks the count. A
    /// damaged working store opens read-only (see `health`), never as an error.
    pub fn open(dir: &Path, opts: &OpenOptions) -> Result<Store, StoreError> {
        let journal_path = dir.join(journal::JOURNAL_FILE);
        let has_journal = fs::metadata(&journal_path).is_ok_and(|m| m.len() > 0);
        if !has_journal && opts.create.is_none() {
            return Err(StoreError::NoRegister(dir.to_path_buf()));
        }
        create_private_dir(dir)?;
        let lock = take_lock(dir)?;
        tighten(dir)?;
        let (mut journal, torn) = Journal::open(dir, &file_stamp(opts.now))?;
        if journal.last().is_none() {
            let Some(demo) = opts.create else {
                return Err(StoreError::NoRegister(dir.to_path_buf()));
            };
            let user = resolve_user(opts.cli_user.as_deref(), opts.config_user.as_deref(), demo);
            journal.append(opts.now, &user, vec![Event::RegisterCreated { demo }], 0)?;
        }
        let demo = matches!(
            journal.first().map(|c| c.events.as_slice()),
            Some([Event::RegisterCreated { demo: true }, ..])
        );
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
            _lock: lock,
        };
        let mut opened = store.open_working(&sled_dir);
        if let Some(Err(Checked::Older(from))) = opened {
            // Copied aside first, then migrated in place; only then opened as usual.
            let path = store.journal.path().to_path_buf();
            let (copy, migrated) = migrate::run(dir, &path, from, &file_stamp(opts.now));
            store.migration = copy.map(|copy| Migration {
                from,
                to: SCHEMA_VERSION,
                copy,
                failed: migrated.is_err(),
            });
            opened = match migrated {
                Ok(()) => store.open_working(&sled_dir),
                Err(_) => Some(Err(Checked::Damage(Damage::Migration))),
            };
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

    /// Opens sled and checks and replays it. sled can panic while opening and while reading a
    /// damaged file: both are caught silently (`None`), and a damaged sled is dropped inside
    /// the catch too. An older schema is `Checked::Older`, with sled closed again.
    #[allow(clippy::type_complexity)]
    fn open_working(
        &self,
        sled_dir: &Path,
    ) -> Option<Result<(Working, (BTreeMap<CaseId, Summary>, u64)), Checked>> {
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
            .map(|c| (c.id, Summary::of(c)))
            .collect();
        Ok(())
    }

    fn check_and_replay(&self, w: &Working) -> Result<(BTreeMap<CaseId, Summary>, u64), Checked> {
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
            return Err(Checked::Damage(Damage::Ahead));
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
        Ok((summaries.into_iter().map(|s| (s.id, s)).collect(), replayed))
    }

    /// The register folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether this is a demo register (its first journal line says so).
    pub fn is_demo(&self) -> bool {
        self.demo
    }

    /// The user recorded on this session's changes.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// Whether the store takes changes, or why not (damage found by a read after open too).
    pub fn health(&self) -> &Health {
        self.late.get().unwrap_or(&self.health)
    }

    /// The torn tail set aside at open, if any.
    pub fn torn_tail(&self) -> Option<&TornTail> {
        self.torn.as_ref()
    }

    /// The migration of an older working store made at open, if any: its copy's path, and
    /// whether it failed (the store is then damaged).
    pub fn migrated(&self) -> Option<&Migration> {
        self.migration.as_ref()
    }

    /// What the user must be told once the register is open (the TUI's status line, the
    /// command line's standard error): the text, and whether it reports a failure.
    pub fn open_notice(&self, lang: Lang) -> Option<(String, bool)> {
        self.migration.as_ref().map(|m| (m.message(lang), m.failed))
    }

    /// How many journal lines were replayed into the working store at open.
    pub fn replayed(&self) -> u64 {
        self.replayed
    }

    /// The seq of the last saved change.
    pub fn last_seq(&self) -> u64 {
        self.journal.last_seq()
    }

    /// The head hash of the journal.
    pub fn head_hash(&self) -> &str {
        self.journal.last().map_or(journal::ZERO_HASH, |c| &c.hash)
    }

    /// Refuses a write unless the store is healthy.
    pub fn writable(&self) -> Result<(), StoreError> {
        match self.health() {
            Health::Ok => Ok(()),
            Health::Damaged(d) => Err(StoreError::Damaged(d.clone())),
            Health::ReadOnly(why) => Err(StoreError::ReadOnly(*why)),
        }
    }

    /// Every case's summary, in id order: what the list shows.
    pub fn summaries(&self) -> Vec<Summary> {
        self.summaries.values().cloned().collect()
    }

    /// One case's summary, as of the last change saved.
    pub fn summary(&self, id: CaseId) -> Option<&Summary> {
        self.summaries.get(&id)
    }

    /// The number of cases.
    pub fn case_count(&self) -> usize {
        self.summaries.len()
    }

    /// A case's full record, checked against its summary. A record that is missing, out of
    /// date or unreadable is damage found late: the store turns read-only with the repair
    /// banner, and the case is rebuilt from the journal so the handler can still read it.
    pub fn case(&self, id: CaseId) -> Result<Option<Case>, StoreError> {
        let Some(w) = &self.working else {
            return Ok(self.fallback.get(&id).cloned());
        };
        match checked_record(w, &self.summaries, id) {
            Ok(case) => Ok(case),
            Err(damage) => {
                self.found_damage(damage);
                self.case_from_journal(id)
            }
        }
    }

    /// Records damage found after open; the first one found is the one the banner names.
    fn found_damage(&self, damage: Damage) {
        let _ = self.late.set(Health::Damaged(damage));
    }

    /// One case rebuilt from the journal's lines about it (streamed, the chain checked).
    fn case_from_journal(&self, id: CaseId) -> Result<Option<Case>, StoreError> {
        let mut case: Option<Case> = None;
        for c in journal::stream(self.journal.path())? {
            let c = c?;
            let events: Vec<Event> = c
                .events
                .into_iter()
                .filter(|e| e.case() == Some(id))
                .collect();
            if events.is_empty() {
                continue;
            }
            let folded = fold_change(c.seq, c.at, &c.user, &events, &mut |_| Ok(case.clone()))
                .map_err(|_| StoreError::Damaged(Damage::Replay))?;
            if let Some(changed) = folded.changed.into_iter().next() {
                case = Some(changed);
            }
        }
        Ok(case)
    }

    /// A case's history from the journal: every event about it, oldest first.
    ///
    /// Read through the working store's index of each case's journal lines: only the case's
    /// own lines are read, each checked (its hash, its seq, that it names the case). Without a
    /// healthy working store, or when the index fails a check, the journal is streamed whole
    /// instead (`history_streamed`, the fallback).
    pub fn history(&self, id: CaseId) -> Result<Vec<HistoryEntry>, StoreError> {
        if let (Some(w), Health::Ok) = (&self.working, self.health()) {
            match self.history_by_index(w, id) {
                Ok(history) => return Ok(history),
                // The journal could not be read: streaming it will say so.
                Err(IndexMiss::Io) => {}
                // The working store's index is wrong: damage, found on reading.
                Err(_) => self.found_damage(Damage::Index),
            }
        }
        self.history_streamed(id)
    }

    /// A case's history read through the `lines` index: the lines at the offsets it holds for
    /// the case, each parsed with its own hash checked, their seqs increasing and within the
    /// journal, each naming the case; the first one must create the case and the last must
    /// be at least the summary's last change, so an index that lost its first or newest
    /// entries misses too.
    fn history_by_index(&self, w: &Working, id: CaseId) -> Result<Vec<HistoryEntry>, IndexMiss> {
        let summary = self.summaries.get(&id);
        let offsets = match w.line_offsets(id) {
            Ok(Some(o)) if !o.is_empty() => o,
            Ok(_) if summary.is_none() => return Ok(Vec::new()),
            Ok(_) => return Err(IndexMiss::NoEntry),
            Err(_) => return Err(IndexMiss::Unreadable),
        };
        let file = File::open(self.journal.path()).map_err(|_| IndexMiss::Io)?;
        let mut reader = BufReader::with_capacity(8 * 1024, file);
        let last_seq = self.journal.last_seq();
        let mut seq = 0;
        let mut out = Vec::new();
        for offset in offsets {
            let line = journal::line_at(&mut reader, offset)
                .map_err(|_| IndexMiss::Io)?
                .ok_or(IndexMiss::BadLine)?;
            let c = journal::parse_line(&line).map_err(|_| IndexMiss::BadLine)?;
            if c.seq <= seq || c.seq > last_seq {
                return Err(IndexMiss::BadLine);
            }
            seq = c.seq;
            let before = out.len();
            for e in c.events {
                if e.case() == Some(id) {
                    out.push((c.seq, c.at, c.user.clone(), e));
                }
            }
            if out.len() == before {
                return Err(IndexMiss::BadLine);
            }
        }
        let created = out.first().is_some_and(|(_, _, _, e)| e.creates_case());
        if !created || summary.is_some_and(|s| seq < s.last_seq) {
            return Err(IndexMiss::Incomplete);
        }
        Ok(out)
    }

    /// The fallback of [`Store::history`]: the whole journal streamed, one line in memory at
    /// a time, each checked against the chain as it is read (a large journal does not have to
    /// fit in memory to show one case's history).
    fn history_streamed(&self, id: CaseId) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut out = Vec::new();
        for c in journal::stream(self.journal.path())? {
            let c = c?;
            for e in c.events {
                if e.case() == Some(id) {
                    out.push((c.seq, c.at, c.user.clone(), e));
                }
            }
        }
        Ok(out)
    }

    /// [`Store::history`] through the index only: `None` where it would fall back (no
    /// healthy working store, or the index missed), for tests that check the index is used.
    #[doc(hidden)]
    pub fn history_by_index_for_tests(&self, id: CaseId) -> Option<Vec<HistoryEntry>> {
        match (&self.working, &self.health) {
            (Some(w), Health::Ok) => self.history_by_index(w, id).ok(),
            _ => None,
        }
    }

    /// [`Store::history`]'s streamed fallback, for tests and benchmarks to compare with.
    #[doc(hidden)]
    pub fn history_streamed_for_tests(&self, id: CaseId) -> Result<Vec<HistoryEntry>, StoreError> {
        self.history_streamed(id)
    }

    /// The next free id for a case of `kind` registered at `at`: per letter and Amsterdam year
    /// of registration, one past the highest used (cases are never deleted, so never reused).
    pub fn next_case_id(&self, kind: CaseKind, at: DateTime<Utc>) -> CaseId {
        let letter = kind.id_letter();
        let year = amsterdam_date(at).year();
        let last = self
            .summaries
            .range(CaseId::new(letter, year, 0)..=CaseId::new(letter, year, u32::MAX))
            .next_back()
            .map_or(0, |(id, _)| id.number);
        CaseId::new(letter, year, last.saturating_add(1))
    }

    /// Saves one change (one user action): validates every event in the domain on clones (a
    /// refused change never reaches the disk), appends and fsyncs the journal line (the change
    /// is saved), then applies it to sled. Returns the change's seq.
    pub fn save(&mut self, events: Vec<Event>, at: DateTime<Utc>) -> Result<u64, StoreError> {
        self.writable()?;
        if events.is_empty() {
            return Err(StoreError::BadChange("empty"));
        }
        if events
            .iter()
            .any(|e| matches!(e, Event::RegisterCreated { .. }))
        {
            return Err(StoreError::BadChange("register_created"));
        }
        let Some(w) = self.working.as_ref() else {
            return Err(StoreError::Damaged(Damage::Open));
        };
        let seq = self.journal.last_seq() + 1;
        let mut damage = None;
        let summaries = &self.summaries;
        let folded = fold_change(seq, at, &self.user, &events, &mut |id| {
            checked_record(w, summaries, id).map_err(|d| {
                damage = Some(d);
                WorkingError::Record("cases")
            })
        });
        if let Some(d) = damage {
            self.found_damage(d.clone());
            return Err(StoreError::Damaged(d));
        }
        let folded = match folded {
            Ok(f) => f,
            Err(FoldError::Refused(r)) => return Err(StoreError::Refused(r)),
            Err(FoldError::UnknownCase(id)) => return Err(StoreError::UnknownCase(id)),
            Err(FoldError::BadChange(why)) => return Err(StoreError::BadChange(why)),
            Err(FoldError::Working(e)) => {
                let d = Damage::from_working(&e);
                self.health = Health::Damaged(d.clone());
                return Err(StoreError::Damaged(d));
            }
        };
        let cases = self.summaries.len() as u64 + folded.created;
        let lines = match self.journal.append(at, &self.user, events, cases) {
            Ok((offset, change)) => working::line_index_of(offset, &change.events),
            Err(e) => {
                if self.journal.is_poisoned() {
                    self.health = Health::ReadOnly(ReadOnlyWhy::JournalPoisoned);
                }
                return Err(e.into());
            }
        };
        // Saved. What follows only keeps the working store in step.
        for case in &folded.changed {
            self.summaries.insert(case.id, Summary::of(case));
        }
        if w.write(seq, &folded.changed, &lines).is_err() {
            self.health = Health::ReadOnly(ReadOnlyWhy::WorkingFailed);
            return Err(StoreError::SavedButWorkingFailed { seq });
        }
        Ok(seq)
    }

    /// Flushes the working store (on quit; a save does not need it).
    pub fn flush(&self) -> Result<(), StoreError> {
        if let Some(w) = &self.working {
            w.flush()
                .map_err(|e| StoreError::Damaged(Damage::from_working(&e)))?;
        }
        Ok(())
    }

    /// The open working store, for tests that simulate damage.
    #[doc(hidden)]
    pub fn working_for_tests(&self) -> Option<&Working> {
        self.working.as_ref()
    }
}

/// Whether a case record is the one its summary describes: both present with the same
/// `last_seq`, or both absent (an unknown id).
fn record_matches(case: Option<&Case>, summary: Option<&Summary>) -> bool {
    match (case, summary) {
        (Some(c), Some(s)) => c.last_seq == s.last_seq,
        (None, None) => true,
        _ => false,
    }
}

/// A case's record read from sled and checked against its summary (see [`record_matches`]).
fn checked_record(
    w: &Working,
    summaries: &BTreeMap<CaseId, Summary>,
    id: CaseId,
) -> Result<Option<Case>, Damage> {
    let case = w.case(id).map_err(|e| Damage::from_working(&e))?;
    if record_matches(case.as_ref(), summaries.get(&id)) {
        Ok(case)
    } else {
        Err(Damage::Missing)
    }
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

/// Why [`Store::history`] could not use the index for a case (it then streams the journal).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IndexMiss {
    /// No entry for a case that has a summary.
    NoEntry,
    /// The entry is not a list of offsets.
    Unreadable,
    /// The journal could not be read.
    Io,
    /// An offset does not lead to a line of this case: no complete line there, a bad hash,
    /// a seq out of order or past the journal's end, or a line that does not name the case.
    BadLine,
    /// The lines do not start with the case's creation or end before its last change.
    Incomplete,
}

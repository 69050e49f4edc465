//! Everything the store can refuse, as one error with its exit code and its message in the
//! user's language.

use std::io;
use std::path::PathBuf;

use crate::domain::CaseId;
use crate::domain::case::Refusal;
use crate::i18n::Lang;
use crate::i18n::store::StoreMsg;

use super::folder::Holder;
use super::health::{Damage, ReadOnlyWhy};
use super::journal::{BadLine, JournalError, LineFault, VerifyError};
use super::loss::Loss;
use super::postgres::PgFailure;

/// Everything the store can refuse, with an exit code and a translated message.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another privdesk process holds the register (who, when its lock file says so).
    #[error("register in use by another privdesk process")]
    Busy(Option<Holder>),
    /// The journal's path no longer names the journal this session locked (removed or
    /// replaced under it): nothing more is saved.
    #[error("journal removed or replaced while the register was open")]
    LockLost,
    /// The working store holds changes or cases the journal lacks: refused until the journal
    /// is put back or `repair --accept-loss` gives them up.
    #[error("journal behind the working store")]
    Behind(Box<Loss>),
    /// A working store without its journal: damage, never a new register.
    #[error("journal missing beside a working store")]
    JournalMissing(PathBuf),
    /// A temporary file that should be new already exists: nothing is written into it.
    #[error("temporary file exists: {0}")]
    TempExists(PathBuf),
    /// The change is saved in the journal, but the disk filled before the working store took
    /// it.
    #[error("change {seq} saved, but the disk is full")]
    SavedButDiskFull {
        /// The saved change's seq.
        seq: u64,
    },
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
    /// Someone else changed the case after the user read it: the change was not saved.
    #[error("case {case} changed by someone else in between")]
    Conflict {
        /// The case.
        case: CaseId,
        /// Who changed it.
        by: String,
        /// When.
        at: chrono::DateTime<chrono::Utc>,
    },
    /// A backup folder that is not empty.
    #[error("folder not empty: {0}")]
    NotEmpty(PathBuf),
    /// A team's register on PostgreSQL refused or could not be reached.
    #[error("postgres: {0:?}")]
    Pg(PgFailure),
}

impl StoreError {
    /// The process exit code (design.md "Exit codes").
    pub fn exit_code(&self) -> u8 {
        match self {
            StoreError::Busy(_) | StoreError::LockLost | StoreError::Conflict { .. } => 3,
            StoreError::Damaged(Damage::DiskFull) | StoreError::SavedButDiskFull { .. } => 5,
            StoreError::Damaged(_)
            | StoreError::Behind(_)
            | StoreError::JournalMissing(_)
            | StoreError::JournalBroken(_)
            | StoreError::SavedButWorkingFailed { .. }
            | StoreError::ReadOnly(ReadOnlyWhy::WorkingFailed) => 4,
            StoreError::Disk(_)
            | StoreError::ReadOnly(ReadOnlyWhy::JournalPoisoned | ReadOnlyWhy::DiskFull) => 5,
            StoreError::ReadOnly(ReadOnlyWhy::LockLost) => 3,
            StoreError::ReadOnly(ReadOnlyWhy::Moved) => 2,
            StoreError::ReadOnly(ReadOnlyWhy::Offline) => 5,
            StoreError::Pg(f) => f.exit_code(),
            StoreError::NoRegister(_)
            | StoreError::NoDataDir
            | StoreError::NewerSchema { .. }
            | StoreError::Refused(_)
            | StoreError::UnknownCase(_)
            | StoreError::BadChange(_)
            | StoreError::NotEmpty(_)
            | StoreError::TempExists(_) => 2,
        }
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            StoreError::Busy(None) => StoreMsg::Busy.text(lang).into(),
            StoreError::Busy(Some(h)) => StoreMsg::BusyBy.fill(
                lang,
                &[
                    ("user", &crate::domain::text::clean_line(&h.user)),
                    ("since", &since_text(h.since)),
                    ("pid", &h.pid.to_string()),
                ],
            ),
            StoreError::LockLost => StoreMsg::LockLost.text(lang).into(),
            StoreError::Behind(loss) => StoreMsg::Behind.fill(lang, &[("what", &loss.what(lang))]),
            StoreError::JournalMissing(sled) => {
                StoreMsg::JournalMissing.fill(lang, &[("path", &sled.display().to_string())])
            }
            StoreError::TempExists(p) => {
                StoreMsg::TempExists.fill(lang, &[("path", &p.display().to_string())])
            }
            StoreError::SavedButDiskFull { .. } => StoreMsg::SavedButDiskFull.text(lang).into(),
            StoreError::Damaged(Damage::DiskFull) => StoreMsg::DiskFullRetry.text(lang).into(),
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
            StoreError::Disk(e) => disk_message(e, lang),
            StoreError::ReadOnly(ReadOnlyWhy::Moved) => {
                crate::i18n::postgres::PgMsg::Moved.text(lang).into()
            }
            StoreError::ReadOnly(ReadOnlyWhy::Offline) => {
                crate::i18n::postgres::PgMsg::OfflineRefused
                    .text(lang)
                    .into()
            }
            StoreError::ReadOnly(why) => {
                let why = match why {
                    ReadOnlyWhy::WorkingFailed => StoreMsg::SavedButWorking.text(lang),
                    ReadOnlyWhy::JournalPoisoned => StoreMsg::WhyIo.text(lang),
                    ReadOnlyWhy::LockLost => StoreMsg::LockLost.text(lang),
                    ReadOnlyWhy::DiskFull => StoreMsg::SavedButDiskFull.text(lang),
                    ReadOnlyWhy::Moved => crate::i18n::postgres::PgMsg::Moved.text(lang),
                    ReadOnlyWhy::Offline => crate::i18n::postgres::PgMsg::Offline.text(lang),
                };
                StoreMsg::ReadOnly.fill(lang, &[("why", why)])
            }
            StoreError::SavedButWorkingFailed { .. } => StoreMsg::SavedButWorking.text(lang).into(),
            StoreError::Refused(r) => crate::i18n::domain::refusal(r, lang),
            StoreError::UnknownCase(id) => {
                StoreMsg::UnknownCase.fill(lang, &[("id", &id.to_string())])
            }
            StoreError::BadChange(why) => StoreMsg::BadChange.fill(lang, &[("why", why)]),
            StoreError::Conflict { case, by, at } => StoreMsg::Conflict.fill(
                lang,
                &[
                    ("case", &case.to_string()),
                    ("user", &crate::domain::text::clean_line(by)),
                    ("at", &since_text(*at)),
                ],
            ),
            StoreError::NotEmpty(p) => {
                StoreMsg::NotEmpty.fill(lang, &[("path", &p.display().to_string())])
            }
            StoreError::Pg(f) => crate::i18n::postgres::failure(f, lang),
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

/// Whether an IO error means the disk is full (or the user's quota is).
pub fn is_disk_full(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded
    ) || e.raw_os_error() == Some(28)
}

/// Whether an IO error means a file would grow past the file-size limit (`ulimit -f`, EFBIG).
pub fn is_file_too_large(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::FileTooLarge || e.raw_os_error() == Some(27)
}

/// Whether a sled error is the disk filling up (or a file-size limit).
pub fn sled_disk_full(e: &sled::Error) -> Option<io::Error> {
    match e {
        sled::Error::Io(e) if is_disk_full(e) || is_file_too_large(e) => {
            Some(io::Error::new(e.kind(), e.to_string()))
        }
        _ => None,
    }
}

/// An IO error in words: the disk named when the disk is the problem (issue 16).
pub fn disk_message(e: &io::Error, lang: Lang) -> String {
    let error = e.to_string();
    if is_disk_full(e) {
        StoreMsg::DiskFull.fill(lang, &[("error", &error)])
    } else if is_file_too_large(e) {
        StoreMsg::FileTooLarge.fill(lang, &[("error", &error)])
    } else {
        StoreMsg::Disk.fill(lang, &[("error", &error)])
    }
}

/// When a holder took the register: the time today, else the date and time (Amsterdam).
fn since_text(since: chrono::DateTime<chrono::Utc>) -> String {
    use chrono_tz::Europe::Amsterdam;
    let local = since.with_timezone(&Amsterdam);
    let today = chrono::Utc::now().with_timezone(&Amsterdam).date_naive();
    if local.date_naive() == today {
        local.format("%H:%M").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M").to_string()
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

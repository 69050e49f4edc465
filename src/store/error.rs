//! Everything the store can refuse, as one error with its exit code and its message in the
//! user's language.

use std::io;
use std::path::PathBuf;

use crate::domain::CaseId;
use crate::domain::case::Refusal;
use crate::i18n::Lang;
use crate::i18n::store::StoreMsg;

use super::health::{Damage, ReadOnlyWhy};
use super::journal::{BadLine, JournalError, LineFault, VerifyError};

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

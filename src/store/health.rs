//! Whether an open store takes changes, and if not, why: a damaged working store (read-only
//! from the journal until repaired) or a failure that holds until a restart.

use crate::i18n::Lang;
use crate::i18n::store::StoreMsg;

use super::working::WorkingError;

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
    /// The disk is full (or a file-size limit was reached): not damage of the store itself,
    /// but it cannot take changes until there is room (exit 5).
    DiskFull,
}

impl Damage {
    pub(super) fn from_working(e: &WorkingError) -> Damage {
        match e {
            WorkingError::Sled(e) if super::error::sled_disk_full(e).is_some() => Damage::DiskFull,
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
            Damage::DiskFull => StoreMsg::WhyDiskFull.text(lang).into(),
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
    /// The journal's path no longer names the journal this session locked.
    LockLost,
    /// The disk filled after a change was saved: the working store did not take it.
    DiskFull,
    /// The register was moved to PostgreSQL (`privdesk db migrate`): this copy stays as it was.
    Moved,
    /// A team's register whose connection was lost: read-only until it is back (issue 20).
    Offline,
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

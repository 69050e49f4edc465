//! The register on disk: the only code that touches it (design.md "The register on disk").
//!
//! - `journal` — the append-only, fsynced, hash-chained change lines: the truth.
//! - `working` — the sled working store (cases, summaries, each case's journal line offsets,
//!   meta), rebuilt from the journal.
//! - `migrate` — an older working store copied aside and migrated at open.
//! - `Store` — an open register; what it does is split by task:
//!   - `open` — opening (lock, torn tail, schema, replay, the count check, the spot check);
//!   - `save` — saving a change in three steps (validate, append + fsync = saved, apply to
//!     sled), and case ids;
//!   - `records` — reading a case's record, checked against its summary;
//!   - `history` — a case's history from the journal, through the index of its lines;
//!   - `chain_check` — the whole journal's chain, checked in the background after open.
//! - `register` — the seam: what the app uses of any register (this store, the in-memory one,
//!   a team's PostgreSQL register), `local`, this store behind it, and `memory`, a register in
//!   memory only (the app's unit tests).
//! - `health`, `error` — whether the store takes changes, and what it refuses, in words.
//! - `options`, `folder` — what opening is told (the folder, the user), and the register
//!   folder itself (layout, permissions, lock).
//!
//! A damaged working store never stops the desk from reading: the cases are then rebuilt in
//! memory from the journal, the store is read-only and says why.

mod chain_check;
mod error;
mod folder;
mod health;
mod history;
pub mod journal;
pub mod live;
mod local;
mod loss;
pub mod maintenance;
pub mod memory;
pub mod migrate;
mod open;
mod options;
pub mod postgres;
mod records;
pub mod register;
mod save;
pub mod working;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::OnceLock;

use crate::domain::{Case, CaseId, Summary};
use crate::i18n::Lang;

use journal::{Journal, TornTail};
use migrate::Migration;
use working::Working;

pub use chain_check::{ChainCheck, ChainState};
pub use error::{
    StoreError, disk_message, fault_message, is_disk_full, is_file_too_large, sled_disk_full,
};
pub use folder::{Holder, LOCK_FILE, SLED_DIR, file_stamp, read_holder, tighten};
pub(crate) use folder::{RegisterLock, create_private_dir, take_lock};
pub use health::{Damage, Health, ReadOnlyWhy};
pub use history::HistoryEntry;
pub use live::{CaughtUp, Change, Live, LiveEvent, Presence};
pub use loss::Loss;
pub use open::SPOT_CHECK;
pub use options::{DB_ENV, DEMO_USER, OpenOptions, register_dir, resolve_user};
pub use postgres::PgFailure;
pub use register::{Head, Register, Saved, Seen};

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
    /// Shared with the list (`shared_summaries`): one copy of each summary in memory.
    summaries: BTreeMap<CaseId, Arc<Summary>>,
    /// On damage: the cases rebuilt in memory from the journal.
    fallback: BTreeMap<CaseId, Case>,
    torn: Option<TornTail>,
    /// An older working store migrated (or failed to) at open.
    migration: Option<Migration>,
    /// How many journal lines were replayed into sled at open.
    replayed: u64,
    /// The decision types a second handler approves (issue 22; off unless the config says).
    vier_ogen: crate::domain::workflow::VierOgen,
    /// Declared last so it is released after sled and the journal are closed.
    lock: RegisterLock,
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

impl Store {
    /// The register folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The register's name for folders of its own elsewhere (its letters): the folder's name
    /// and the first 12 hex digits of the journal's first line, so two registers in folders of
    /// the same name never share one: `register-3fa2c81b0d6e`.
    pub fn register_name(&self) -> String {
        let folder: String = self
            .dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let first: String = self
            .journal
            .first()
            .map(|c| c.hash.chars().take(12).collect())
            .unwrap_or_default();
        match (folder.is_empty(), first.is_empty()) {
            (false, false) => format!("{folder}-{first}"),
            (true, false) => first,
            (false, true) => folder,
            (true, true) => "register".into(),
        }
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
        if let Some(m) = &self.migration {
            return Some((m.message(lang), m.failed));
        }
        // Moved to PostgreSQL: where to, so the desk opens the team's register instead.
        postgres::moved_to(&self.dir).map(|to| {
            let text = crate::i18n::postgres::PgMsg::MovedTo.fill(lang, &[("target", &to)]);
            (text, false)
        })
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
        self.summaries.values().map(|s| Summary::clone(s)).collect()
    }

    /// [`Store::summaries`] shared rather than copied: the list holds the same summaries as
    /// the register (at 100,000 cases a copy is some 17 MB).
    pub fn shared_summaries(&self) -> Vec<Arc<Summary>> {
        self.summaries.values().cloned().collect()
    }

    /// One case's summary, as of the last change saved.
    pub fn summary(&self, id: CaseId) -> Option<Arc<Summary>> {
        self.summaries.get(&id).cloned()
    }

    /// The number of cases.
    pub fn case_count(&self) -> usize {
        self.summaries.len()
    }

    /// The open working store, for tests that simulate damage.
    #[doc(hidden)]
    pub fn working_for_tests(&self) -> Option<&Working> {
        self.working.as_ref()
    }
}

//! What the app needs of a register: read the summaries, save a change, say whether it is a
//! demo. The on-disk `Store` implements it; [`MemoryRegister`] keeps a register in memory (the
//! headless driver's throw-away register, benches and tests), applying events through the same
//! domain rules (`Case::register`, `Case::apply`), so the app cannot tell them apart.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::domain::case::Refusal;
use crate::domain::{Case, CaseId, Event, Stamp, Summary};

/// Why a register refused a change or a read. The app shows it on the status line, in the
/// user's language, and leaves its state as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RegisterError {
    /// The domain refused an event of the change; nothing was written.
    #[error("refused: {0}")]
    Refused(Refusal),
    /// The register is read-only (damaged working store, or a failed write earlier).
    #[error("the register is read-only")]
    ReadOnly,
    /// The disk refused (full, read-only, IO error); the text is the system's reason, never
    /// personal data.
    #[error("disk: {0}")]
    Disk(String),
}

/// A case register as the app uses it.
pub trait Register {
    /// Every case's summary, in no particular order.
    fn summaries(&self) -> Result<Vec<Summary>, RegisterError>;
    /// One case, if it exists.
    fn case(&self, id: CaseId) -> Result<Option<Case>, RegisterError>;
    /// Saves one change (one journal line) made by `user` at `at`: all its events or none.
    fn save(
        &mut self,
        events: &[Event],
        at: DateTime<Utc>,
        user: &str,
    ) -> Result<(), RegisterError>;
    /// Whether this is a demo register, on which an injected clock is allowed.
    fn is_demo(&self) -> bool;
}

/// A register held in memory: a throw-away register that ends with the process.
#[derive(Clone, Debug, Default)]
pub struct MemoryRegister {
    demo: bool,
    seq: u64,
    cases: BTreeMap<CaseId, Case>,
}

impl MemoryRegister {
    /// An empty register; `demo` allows an injected clock.
    pub fn new(demo: bool) -> Self {
        MemoryRegister {
            demo,
            seq: 1,
            cases: BTreeMap::new(),
        }
    }

    /// The number of changes saved, the creation included.
    pub fn changes(&self) -> u64 {
        self.seq
    }
}

impl Register for MemoryRegister {
    fn summaries(&self) -> Result<Vec<Summary>, RegisterError> {
        Ok(self.cases.values().map(Summary::of).collect())
    }

    fn case(&self, id: CaseId) -> Result<Option<Case>, RegisterError> {
        Ok(self.cases.get(&id).cloned())
    }

    fn save(
        &mut self,
        events: &[Event],
        at: DateTime<Utc>,
        user: &str,
    ) -> Result<(), RegisterError> {
        let stamp = Stamp {
            seq: self.seq + 1,
            at,
            user: user.to_string(),
        };
        // Apply to copies of the touched cases first: a refused event leaves all unchanged.
        let mut touched: BTreeMap<CaseId, Case> = BTreeMap::new();
        for event in events {
            let Some(id) = event.case() else { continue };
            if event.creates_case() {
                if self.cases.contains_key(&id) || touched.contains_key(&id) {
                    return Err(RegisterError::Refused(Refusal::WrongCase));
                }
                let case = Case::register(event, &stamp).map_err(RegisterError::Refused)?;
                touched.insert(id, case);
            } else {
                let mut case = match touched.remove(&id) {
                    Some(c) => c,
                    None => self
                        .cases
                        .get(&id)
                        .cloned()
                        .ok_or(RegisterError::Refused(Refusal::WrongCase))?,
                };
                case.apply(event, &stamp).map_err(RegisterError::Refused)?;
                touched.insert(id, case);
            }
        }
        self.seq = stamp.seq;
        self.cases.extend(touched);
        Ok(())
    }

    fn is_demo(&self) -> bool {
        self.demo
    }
}

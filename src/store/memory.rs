//! A register held in memory only: the same journal lines, chain and domain checks as the local
//! store, with nothing on disk. The app's unit tests run on it, which proves the seam holds
//! without sled; it is never a user's register (it forgets everything at exit).

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::domain::workflow::{self, VierOgen};
use crate::domain::{Case, CaseId, Event, Role, Summary};
use crate::i18n::Lang;

use super::journal::{ZERO_HASH, encode_line};
use super::register::{Head, Register, Saved, Seen, check_change, check_seen};
use super::working::{FoldError, fold_change};
use super::{ChainCheck, ChainState, Health, HistoryEntry, StoreError};

/// A register in memory (see the module).
#[derive(Debug)]
pub struct MemoryRegister {
    user: String,
    demo: bool,
    /// Every change: seq, instant, user, events.
    lines: Vec<HistoryEntryLine>,
    head: Head,
    cases: BTreeMap<CaseId, Case>,
    summaries: BTreeMap<CaseId, Arc<Summary>>,
    vier_ogen: VierOgen,
    /// The role the app's tests save as (`None`: a register of one, as the local store).
    role: Option<Role>,
}

#[derive(Debug)]
struct HistoryEntryLine {
    seq: u64,
    at: DateTime<Utc>,
    user: String,
    events: Vec<Event>,
}

impl MemoryRegister {
    /// An empty register; `demo` as a demo register (an injectable clock).
    pub fn new(user: &str, demo: bool, at: DateTime<Utc>) -> MemoryRegister {
        let mut r = MemoryRegister {
            user: user.to_string(),
            demo,
            lines: Vec::new(),
            head: Head {
                seq: 0,
                hash: ZERO_HASH.to_string(),
            },
            cases: BTreeMap::new(),
            summaries: BTreeMap::new(),
            vier_ogen: VierOgen::default(),
            role: None,
        };
        // The first line, as every register's: its creation. It cannot fail on these events.
        let _ = r.append(vec![Event::RegisterCreated { demo }], at, 0);
        r
    }

    /// Saves from now on as `user` in `role`, as a team's login would: the app's tests of vier
    /// ogen switch between two handlers and the FG on one register.
    pub fn act_as(&mut self, user: &str, role: Option<Role>) {
        self.user = user.to_string();
        self.role = role;
    }

    /// Appends a line to the chain; `cases` is the number of cases after it, as the journal's
    /// lines count them.
    fn append(
        &mut self,
        events: Vec<Event>,
        at: DateTime<Utc>,
        cases: u64,
    ) -> Result<u64, StoreError> {
        let seq = self.head.seq + 1;
        let (_, hash) = encode_line(seq, &at, &self.user, &events, cases, &self.head.hash)
            .map_err(|_| StoreError::BadChange("encode"))?;
        self.head = Head { seq, hash };
        self.lines.push(HistoryEntryLine {
            seq,
            at,
            user: self.user.clone(),
            events,
        });
        Ok(seq)
    }
}

impl Register for MemoryRegister {
    fn save(
        &mut self,
        mut events: Vec<Event>,
        seen: &[Seen],
        at: DateTime<Utc>,
    ) -> Result<Saved, StoreError> {
        let assigned = check_change(&mut events, at, &self.summaries)?;
        let saver = workflow::Saver { role: self.role };
        workflow::check_change(&self.vier_ogen, saver, &events, &self.summaries)?;
        let cases = &self.cases;
        let lines = &self.lines;
        check_seen(
            seen,
            &events,
            &mut |id| Ok(cases.get(&id).map(|c| c.last_seq)),
            &mut |id| Ok(history_of(lines, id)),
        )?;
        let seq = self.head.seq + 1;
        let cases = &self.cases;
        let folded = fold_change(seq, at, &self.user, &events, true, &mut |id| {
            Ok(cases.get(&id).cloned())
        })
        .map_err(|e| match e {
            FoldError::Refused(r) => StoreError::Refused(r),
            FoldError::UnknownCase(id) => StoreError::UnknownCase(id),
            FoldError::BadChange(why) => StoreError::BadChange(why),
            FoldError::Working(_) => StoreError::BadChange("working"),
        })?;
        self.append(events, at, self.cases.len() as u64 + folded.created)?;
        let mut changed = Vec::with_capacity(folded.changed.len());
        for case in &folded.changed {
            let summary = Arc::new(Summary::of(case));
            self.summaries.insert(case.id, Arc::clone(&summary));
            self.cases.insert(case.id, case.clone());
            changed.push(summary);
        }
        Ok(Saved {
            seq,
            assigned,
            changed,
            cases: folded.changed,
            warning: None,
        })
    }

    fn case(&self, id: CaseId) -> Result<Option<Case>, StoreError> {
        Ok(self.cases.get(&id).cloned())
    }

    fn summary(&self, id: CaseId) -> Option<Arc<Summary>> {
        self.summaries.get(&id).cloned()
    }

    fn summaries(&self) -> Vec<Arc<Summary>> {
        self.summaries.values().cloned().collect()
    }

    fn history(&self, id: CaseId) -> Result<Vec<HistoryEntry>, StoreError> {
        Ok(history_of(&self.lines, id))
    }

    fn health(&self) -> Health {
        Health::Ok
    }

    fn role(&self) -> Option<Role> {
        self.role
    }

    fn vier_ogen(&self) -> &VierOgen {
        &self.vier_ogen
    }

    fn set_vier_ogen(&mut self, policy: VierOgen) {
        self.vier_ogen = policy;
    }

    fn user(&self) -> &str {
        &self.user
    }

    fn is_demo(&self) -> bool {
        self.demo
    }

    fn head(&self) -> Head {
        self.head.clone()
    }

    fn name(&self) -> String {
        "geheugen".into()
    }

    fn notice(&self, _lang: Lang) -> Option<(String, bool)> {
        None
    }

    fn flush(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Nothing to read back: each line was chained as it was appended.
    fn check_chain(&self) -> ChainCheck {
        ChainCheck::finished(ChainState::Intact(self.head.seq))
    }
}

/// Every event about case `id`, oldest first.
fn history_of(lines: &[HistoryEntryLine], id: CaseId) -> Vec<HistoryEntry> {
    let mut out = Vec::new();
    for line in lines {
        for e in &line.events {
            if e.case() == Some(id) {
                out.push((line.seq, line.at, line.user.clone(), e.clone()));
            }
        }
    }
    out
}

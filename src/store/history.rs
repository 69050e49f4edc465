//! A case's history from the journal: read through the working store's index of the case's
//! lines, each line checked, or with the whole journal streamed when the index cannot serve.

use std::fs::File;
use std::io::BufReader;

use chrono::{DateTime, Utc};

use crate::domain::{CaseId, Event};

use super::working::Working;
use super::{Damage, Health, Store, StoreError, journal};

/// One entry of a case's history: seq, instant, user, event.
pub type HistoryEntry = (u64, DateTime<Utc>, String, Event);

impl Store {
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

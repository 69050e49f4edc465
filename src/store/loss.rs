//! What a working store holds that the journal lacks: a journal cut back, emptied or deleted
//! beside a fuller working store (issue 16). The journal is the truth, but nothing may quietly
//! make it smaller: open and repair refuse, naming what is missing and where it still is,
//! until `repair --accept-loss` gives it up explicitly.

use std::path::PathBuf;

use crate::domain::{CaseId, Summary};
use crate::i18n::Lang;
use crate::i18n::store::StoreMsg;

/// The changes and cases a working store holds beyond its journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    /// The journal's last seq.
    pub journal_seq: u64,
    /// The working store's applied seq.
    pub applied_seq: u64,
    /// Cases according to the journal's last line.
    pub journal_cases: u64,
    /// Cases in the working store.
    pub working_cases: u64,
    /// The cases the missing changes touched (their summary's last change is past the
    /// journal's end).
    pub cases: Vec<CaseId>,
    /// Where they still are: the working store's folder (or, after `--accept-loss`, its
    /// set-aside copy).
    pub kept_in: PathBuf,
}

/// How many case ids a message names before it says "and N more".
const NAMED: usize = 12;

impl Loss {
    /// What a working store holds beyond a journal that ends at `journal_seq` with
    /// `journal_cases` cases, if anything.
    pub fn between(
        journal_seq: u64,
        journal_cases: u64,
        applied_seq: u64,
        summaries: &[Summary],
        kept_in: PathBuf,
    ) -> Option<Loss> {
        let working_cases = summaries.len() as u64;
        if applied_seq <= journal_seq && working_cases <= journal_cases {
            return None;
        }
        let cases = summaries
            .iter()
            .filter(|s| s.last_seq > journal_seq)
            .map(|s| s.id)
            .collect();
        Some(Loss {
            journal_seq,
            applied_seq,
            journal_cases,
            working_cases,
            cases,
            kept_in,
        })
    }

    /// The seqs missing from the journal (empty when only cases are).
    pub fn seqs(&self) -> std::ops::RangeInclusive<u64> {
        self.journal_seq + 1..=self.applied_seq
    }

    /// The missing seqs in words: `8`, `8-10`, or empty.
    pub fn seq_text(&self) -> String {
        let r = self.seqs();
        match (*r.start(), *r.end()) {
            (a, b) if a > b => String::new(),
            (a, b) if a == b => a.to_string(),
            (a, b) => format!("{a}-{b}"),
        }
    }

    /// The touched cases in words (at most [`NAMED`], then how many more).
    pub fn case_text(&self, lang: Lang) -> String {
        let mut named: Vec<String> = self
            .cases
            .iter()
            .take(NAMED)
            .map(|c| c.to_string())
            .collect();
        if self.cases.len() > NAMED {
            named.push(
                StoreMsg::AndMore.fill(lang, &[("count", &(self.cases.len() - NAMED).to_string())]),
            );
        }
        if named.is_empty() {
            return "-".into();
        }
        named.join(", ")
    }

    /// What is missing, in words (without the advice).
    pub fn what(&self, lang: Lang) -> String {
        let counts = [
            ("journal", self.journal_seq.to_string()),
            ("applied", self.applied_seq.to_string()),
            ("seqs", self.seq_text()),
            ("jcases", self.journal_cases.to_string()),
            ("wcases", self.working_cases.to_string()),
            ("cases", self.case_text(lang)),
            ("path", self.kept_in.display().to_string()),
        ];
        let vars: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if self.applied_seq > self.journal_seq {
            StoreMsg::LossSeqs.fill(lang, &vars)
        } else {
            StoreMsg::LossCases.fill(lang, &vars)
        }
    }
}

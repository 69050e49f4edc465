//! `privdesk repair` and `privdesk backup DIR`: both work from the journal, so they work on a
//! register whose working store is damaged (design.md "The register on disk").

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::Outcome;
use crate::domain::Event;
use crate::i18n::Lang;
use crate::i18n::store::StoreMsg;
use crate::store::{OpenOptions, Store, maintenance};

/// Rebuilds the working store: exit 0 with the number of cases.
pub fn repair(dir: &Path, now: DateTime<Utc>, lang: Lang) -> Outcome {
    match maintenance::repair(dir, now) {
        Ok(cases) => {
            Outcome::ok_line(StoreMsg::Repaired.fill(lang, &[("count", &cases.to_string())]))
        }
        Err(e) => Outcome::fail(e.message(lang), e.exit_code()),
    }
}

/// Backs the register up into `dest` without its lock. When the register is free and
/// healthy the backup is also recorded in its journal (`BackedUp`); a register in use is
/// backed up all the same, unrecorded.
pub fn backup(dir: &Path, dest: &Path, opts: &OpenOptions, lang: Lang) -> Outcome {
    match maintenance::backup(dir, dest) {
        Ok(report) => {
            if let Ok(mut store) = Store::open(dir, opts) {
                // Opening to record the backup can upgrade an older working store: say so.
                if let Some((text, _)) = store.open_notice(lang) {
                    let _ = writeln!(std::io::stderr(), "{text}");
                }
                let _ = store.save(vec![Event::BackedUp], opts.now);
            }
            Outcome::ok_line(StoreMsg::BackedUp.fill(
                lang,
                &[
                    ("path", &dest.display().to_string()),
                    ("count", &report.changes.to_string()),
                    ("cases", &report.cases.to_string()),
                ],
            ))
        }
        Err(e) => Outcome::fail(e.message(lang), e.exit_code()),
    }
}

//! `privdesk repair` and `privdesk backup DIR`: both work from the journal, so they work on a
//! register whose working store is damaged (design.md "The register on disk"). Both are
//! recorded in the journal with the heads they worked from (issue 16).

use std::io::Write;
use std::path::Path;

use super::Outcome;
use crate::domain::Event;
use crate::i18n::Lang;
use crate::i18n::store::StoreMsg;
use crate::store::maintenance::{self, RepairOptions, RepairReport};
use crate::store::postgres::PgRegister;
use crate::store::{OpenOptions, Store};

/// Rebuilds the working store: exit 0 with the number of cases and what was set aside or
/// given up; refused (exit 4) when the working store holds more than the journal, unless
/// `accept_loss`.
pub fn repair(dir: &Path, opts: &RepairOptions, lang: Lang) -> Outcome {
    match maintenance::repair(dir, opts) {
        Ok(report) => Outcome {
            stdout: repair_lines(&report, lang).into_bytes(),
            stderr: String::new(),
            code: 0,
        },
        Err(e) => Outcome::fail(e.message(lang), e.exit_code()),
    }
}

/// The report of a repair, a line per fact.
fn repair_lines(r: &RepairReport, lang: Lang) -> String {
    let path = |p: &Path| p.display().to_string();
    let mut lines = vec![StoreMsg::Repaired.fill(lang, &[("count", &r.cases.to_string())])];
    if let Some(bad) = &r.bad_line {
        lines.push(StoreMsg::RepairBadLine.fill(lang, &[("path", &path(bad))]));
    }
    if let Some(lost) = &r.lost {
        let records = r.lost_records.as_deref().map(path).unwrap_or_default();
        lines.push(StoreMsg::RepairLost.fill(
            lang,
            &[
                ("seqs", &lost.seq_text()),
                ("cases", &lost.case_text(lang)),
                ("path", &path(&lost.kept_in)),
                ("records", &records),
            ],
        ));
    } else if let Some(aside) = &r.set_aside {
        lines.push(StoreMsg::RepairSetAside.fill(lang, &[("path", &path(aside))]));
    }
    if !r.removed.is_empty() {
        lines.push(StoreMsg::RepairRemoved.fill(lang, &[("count", &r.removed.len().to_string())]));
    }
    lines.push(match r.recorded {
        Some(seq) => StoreMsg::RepairRecorded.fill(lang, &[("seq", &seq.to_string())]),
        None => StoreMsg::RepairNotRecorded.text(lang).into(),
    });
    lines.join("\n") + "\n"
}

/// Backs the register up into `dest` without its lock. When the register is free and
/// healthy the backup is also recorded in its journal (`backed_up`, with the head the copy
/// ends at); a register in use is backed up all the same, and the output says it went
/// unrecorded.
pub fn backup(dir: &Path, dest: &Path, opts: &OpenOptions, lang: Lang) -> Outcome {
    match maintenance::backup(dir, dest) {
        Ok(report) => {
            let head = format!("{}:{}", report.changes, report.head);
            let recorded = match Store::open(dir, opts) {
                Ok(mut store) => {
                    // Opening to record the backup can upgrade an older working store: say so.
                    if let Some((text, _)) = store.open_notice(lang) {
                        let _ = writeln!(std::io::stderr(), "{text}");
                    }
                    store
                        .save(
                            vec![Event::BackedUp {
                                head: Some(head.clone()),
                            }],
                            opts.now,
                        )
                        .ok()
                }
                Err(_) => None,
            };
            backed_up(
                dest,
                report.changes,
                report.cases,
                &head,
                recorded.is_some(),
                lang,
            )
        }
        Err(e) => Outcome::fail(e.message(lang), e.exit_code()),
    }
}

/// What a backup says: where it went, how many changes and cases, the head it ends at (an
/// anchor for `audit verify --expect`), and whether it is in the register's journal.
fn backed_up(
    dest: &Path,
    changes: u64,
    cases: u64,
    head: &str,
    recorded: bool,
    lang: Lang,
) -> Outcome {
    let mut out = StoreMsg::BackedUp.fill(
        lang,
        &[
            ("path", &dest.display().to_string()),
            ("count", &changes.to_string()),
            ("cases", &cases.to_string()),
        ],
    ) + "\n";
    out += &StoreMsg::BackupHead.fill(lang, &[("head", head)]);
    out += "\n";
    if !recorded {
        out += StoreMsg::BackupNotRecorded.text(lang);
        out += "\n";
    }
    Outcome {
        stdout: out.into_bytes(),
        stderr: String::new(),
        code: 0,
    }
}

/// Backs a team's register up into `dest`: a local register folder that `--db DEST` opens,
/// with the same journal bytes; the backup is recorded in the team's journal (`backed_up`,
/// with the head the copy ends at), by a handler or the FG.
pub fn backup_pg(
    register: &mut PgRegister,
    dest: &Path,
    now: chrono::DateTime<chrono::Utc>,
    lang: Lang,
) -> Outcome {
    match crate::store::postgres::backup(register, dest) {
        Ok(report) => {
            let head = format!("{}:{}", report.changes, report.head);
            let recorded = crate::store::register::record(
                register,
                vec![Event::BackedUp {
                    head: Some(head.clone()),
                }],
                now,
            );
            backed_up(
                dest,
                report.changes,
                report.cases,
                &head,
                recorded.is_ok(),
                lang,
            )
        }
        Err(e) => Outcome::fail(e.message(lang), e.exit_code()),
    }
}

//! `privdesk audit verify [--expect SEQ:HASH]...`: checks the journal's chain without waiting
//! for the register's lock, so the FG can run it while a handler works (design.md "Reading
//! without the lock"); and holds the journal to what the register itself knows (issue 16):
//! the working store's applied seq, the hash of that line and its case count (when the
//! register is free), and the anchors given (a head noted earlier, printed by a backup). A
//! chain that verifies can still be cut at its end or re-hashed whole: those show here.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use chrono::Utc;

use super::Outcome;
use crate::i18n::Lang;
use crate::i18n::postgres::PgMsg;
use crate::i18n::store::StoreMsg;
use crate::store::journal::{self, JOURNAL_FILE, VerifyError};
use crate::store::maintenance::{Peek, peek_working};
use crate::store::postgres::PgRegister;
use crate::store::{StoreError, fault_message};

/// Exit code 1: a check failed.
const EXIT_FAILED: u8 = 1;
/// Exit code 2: bad input.
const EXIT_USAGE: u8 = 2;

/// Parses an anchor `SEQ:HASH` (64 hex digits).
fn parse_anchor(s: &str) -> Option<(u64, String)> {
    let (seq, hash) = s.trim().split_once(':')?;
    let seq: u64 = seq.parse().ok()?;
    let hash = hash.to_ascii_lowercase();
    (seq > 0 && hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        .then_some((seq, hash))
}

/// Parses every `--expect` anchor; the first malformed one is the answer (exit 2), so no
/// check runs on a half-read list.
fn parse_anchors(expect: &[String], lang: Lang) -> Result<Vec<(u64, String)>, Outcome> {
    expect
        .iter()
        .map(|a| {
            parse_anchor(a).ok_or_else(|| {
                Outcome::fail(StoreMsg::BadAnchor.fill(lang, &[("given", a)]), EXIT_USAGE)
            })
        })
        .collect()
}

/// A line that fails the chain: exit 1 naming the line and why, whichever register it is in.
fn bad_line(bad: &journal::BadLine, lang: Lang) -> Outcome {
    failed(vec![StoreMsg::VerifyFailed.fill(
        lang,
        &[
            ("line", &bad.line.to_string()),
            ("why", &fault_message(&bad.fault, lang)),
        ],
    )])
}

/// Each anchor held to the chain read: missing (the chain is shorter, `count` lines) or with
/// another hash. `found` gives the hash the chain has at a seq; the same rule for the file
/// journal and a team's register.
fn anchor_failures(
    anchors: &[(u64, String)],
    found: impl Fn(u64) -> Option<String>,
    count: u64,
    lang: Lang,
) -> Vec<String> {
    let mut failures = Vec::new();
    for (seq, hash) in anchors {
        let seq_text = seq.to_string();
        match found(*seq) {
            None => failures.push(
                StoreMsg::VerifyAnchorMissing
                    .fill(lang, &[("seq", &seq_text), ("count", &count.to_string())]),
            ),
            Some(found) if found != *hash => failures.push(StoreMsg::VerifyAnchorHash.fill(
                lang,
                &[("seq", &seq_text), ("found", &found), ("expected", hash)],
            )),
            Some(_) => {}
        }
    }
    failures
}

/// A line for each anchor that matched, printed after the head.
fn anchors_ok(anchors: &[(u64, String)], lang: Lang) -> Vec<String> {
    anchors
        .iter()
        .map(|(seq, _)| StoreMsg::VerifyAnchorOk.fill(lang, &[("seq", &seq.to_string())]))
        .collect()
}

/// The seq the working store has applied, so its line's hash is read with the anchors'
/// (0, a seq no line has, when the store was not read).
fn applied_seq(peek: &Peek) -> u64 {
    match peek {
        Peek::State { applied, .. } => *applied,
        _ => 0,
    }
}

/// Holds the journal to its working store (issue 16): a journal cut behind the applied seq,
/// re-hashed at that line, or with fewer cases than the store are failures; otherwise the
/// notes say the store matches, or why it was not compared. `at_applied` is the journal's
/// line at the applied seq (its hash and case count), when it has one.
fn compare_working(
    peek: &Peek,
    at_applied: Option<(String, u64)>,
    count: u64,
    last_cases: u64,
    failures: &mut Vec<String>,
    lang: Lang,
) -> Vec<String> {
    let mut notes = Vec::new();
    match peek {
        Peek::State {
            applied,
            head: applied_head,
            cases,
        } => {
            let before = failures.len();
            if *applied > count {
                failures.push(StoreMsg::VerifyCut.fill(
                    lang,
                    &[
                        ("applied", &applied.to_string()),
                        ("count", &count.to_string()),
                    ],
                ));
            } else if let (Some(expected), Some((found, _))) = (applied_head, &at_applied)
                && expected != found
            {
                failures
                    .push(StoreMsg::VerifyRewritten.fill(lang, &[("seq", &applied.to_string())]));
            }
            if *cases > last_cases && count > 0 {
                failures.push(StoreMsg::VerifyCases.fill(
                    lang,
                    &[
                        ("found", &cases.to_string()),
                        ("expected", &last_cases.to_string()),
                    ],
                ));
            }
            if failures.len() == before {
                notes.push(StoreMsg::VerifyWorkingMatches.fill(
                    lang,
                    &[
                        ("applied", &applied.to_string()),
                        ("cases", &cases.to_string()),
                    ],
                ));
            }
        }
        Peek::Busy(_) => notes.push(StoreMsg::VerifyNotCompared.text(lang).into()),
        Peek::Unreadable => notes.push(StoreMsg::VerifyWorkingUnreadable.text(lang).into()),
        Peek::Absent => {}
    }
    notes
}

/// Verifies the journal of the register in `dir`: exit 0 with the number of changes and the
/// head hash (and what it was compared with), exit 1 naming each failure (a failing line, an
/// empty journal, a missing anchor, a journal behind or unlike its working store), 2 when
/// there is no register or an anchor is malformed, 5 on a read error.
pub fn verify(dir: &Path, expect: &[String], lang: Lang) -> Outcome {
    let anchors = match parse_anchors(expect, lang) {
        Ok(a) => a,
        Err(out) => return out,
    };
    let path = dir.join(JOURNAL_FILE);
    let peek = match peek_working(dir, Utc::now()) {
        Ok(p) => p,
        Err(e) => return Outcome::fail(e.message(lang), e.exit_code()),
    };
    if !path.is_file() {
        if peek == Peek::Absent {
            let e = StoreError::NoRegister(dir.to_path_buf());
            return Outcome::fail(e.message(lang), e.exit_code());
        }
        return failed(vec![StoreMsg::VerifyNoJournal.text(lang).into()]);
    }
    // The hashes of the lines the checks ask about, and the cases at the working store's seq.
    let mut wanted: BTreeMap<u64, Option<(String, u64)>> =
        anchors.iter().map(|(seq, _)| (*seq, None)).collect();
    if let Peek::State { applied, .. } = &peek {
        wanted.insert(*applied, None);
    }
    let mut lines = match journal::stream(&path) {
        Ok(s) => s,
        Err(e) => return unreadable(&e, lang),
    };
    let mut last_cases = 0;
    for change in &mut lines {
        match change {
            Ok(c) => {
                last_cases = c.cases;
                if let Some(slot) = wanted.get_mut(&c.seq) {
                    *slot = Some((c.hash.clone(), c.cases));
                }
            }
            Err(VerifyError::Line(bad)) => return bad_line(&bad, lang),
            Err(VerifyError::Io(e)) => return unreadable(&e, lang),
        }
    }
    let (count, head) = (lines.count, lines.prev.clone());
    let mut failures = Vec::new();
    if count == 0 {
        failures.push(StoreMsg::VerifyEmpty.text(lang).into());
    }
    failures.extend(anchor_failures(
        &anchors,
        |seq| wanted.get(&seq).cloned().flatten().map(|(hash, _)| hash),
        count,
        lang,
    ));
    let notes = compare_working(
        &peek,
        wanted.get(&applied_seq(&peek)).cloned().flatten(),
        count,
        last_cases,
        &mut failures,
        lang,
    );
    if !failures.is_empty() {
        return failed(failures);
    }
    let mut out =
        vec![StoreMsg::VerifyOk.fill(lang, &[("count", &count.to_string()), ("head", &head)])];
    out.extend(anchors_ok(&anchors, lang));
    out.extend(notes);
    Outcome::ok_line(out.join("\n"))
}

/// Verifies a team's register: every line as the database holds it, by the independent hash
/// rule (each line's hash recomputed here, each `prev` chained), the database's head row
/// against the chain, and the anchors given. Prints the head (`SEQ:HASH`) for the FG to keep
/// outside the database. Exit codes as [`verify`].
pub fn verify_pg(register: &PgRegister, expect: &[String], lang: Lang) -> Outcome {
    let anchors = match parse_anchors(expect, lang) {
        Ok(a) => a,
        Err(out) => return out,
    };
    // The head row first: the lines read after it hold at least as many.
    let row = match register.head_now() {
        Ok(h) => h,
        Err(e) => return Outcome::fail(e.message(lang), e.exit_code()),
    };
    let mut wanted: BTreeMap<u64, Option<String>> =
        anchors.iter().map(|(seq, _)| (*seq, None)).collect();
    wanted.insert(row.seq, None);
    let mut count = 0u64;
    let mut prev = journal::ZERO_HASH.to_string();
    let mut broken: Option<journal::BadLine> = None;
    let streamed = register.each_line(&mut |line| {
        if broken.is_some() {
            return Ok(());
        }
        count += 1;
        let n = count;
        match journal::parse_line(line).and_then(|c| journal::check_chain(&c, n, &prev).map(|()| c))
        {
            Ok(c) => {
                if let Some(slot) = wanted.get_mut(&c.seq) {
                    *slot = Some(c.hash.clone());
                }
                prev = c.hash;
            }
            Err(fault) => broken = Some(journal::BadLine { line: n, fault }),
        }
        Ok(())
    });
    if let Err(e) = streamed {
        return Outcome::fail(e.message(lang), e.exit_code());
    }
    if let Some(bad) = broken {
        return bad_line(&bad, lang);
    }
    let mut failures = Vec::new();
    if count == 0 {
        failures.push(StoreMsg::VerifyEmpty.text(lang).into());
    }
    match wanted.get(&row.seq).cloned().flatten() {
        Some(found) if found == row.hash => {}
        found => failures.push(PgMsg::VerifyHeadRow.fill(
            lang,
            &[
                ("found", &format!("{}:{}", row.seq, row.hash)),
                (
                    "expected",
                    &format!("{}:{}", row.seq, found.unwrap_or_default()),
                ),
            ],
        )),
    }
    failures.extend(anchor_failures(
        &anchors,
        |seq| wanted.get(&seq).cloned().flatten(),
        count,
        lang,
    ));
    if !failures.is_empty() {
        return failed(failures);
    }
    let mut out =
        vec![StoreMsg::VerifyOk.fill(lang, &[("count", &count.to_string()), ("head", &prev)])];
    out.push(PgMsg::VerifyHead.fill(lang, &[("seq", &count.to_string()), ("hash", &prev)]));
    out.extend(anchors_ok(&anchors, lang));
    Outcome::ok_line(out.join("\n"))
}

/// Exit 1 with the failures, a line each, on standard output.
fn failed(lines: Vec<String>) -> Outcome {
    Outcome {
        stdout: (lines.join("\n") + "\n").into_bytes(),
        stderr: String::new(),
        code: EXIT_FAILED,
    }
}

/// The journal could not be read.
fn unreadable(e: &io::Error, lang: Lang) -> Outcome {
    Outcome::fail(
        StoreMsg::Unreadable.fill(lang, &[("error", &e.to_string())]),
        5,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_parse() {
        let h = "ab".repeat(32);
        assert_eq!(parse_anchor(&format!("12:{h}")), Some((12, h.clone())));
        assert_eq!(parse_anchor(&format!("0:{h}")), None);
        assert_eq!(parse_anchor("12:abc"), None);
        assert_eq!(parse_anchor(&h), None);
    }
}

//! `privdesk export json`: every case for other tools (issue 5, design.md "Command line").
//!
//! One object: `{"format":1,"exported_at":"<UTC>","journal_head":"<hash>","journal_seq":N,
//! "cases":[...]}`, one case per line inside the array. Field names are explicit, English
//! snake_case and stable (a rename is a new `format`); every case has every field, `null` when
//! it does not apply, so a tool never guesses. Values that name a kind, status or decision are
//! the journal's own spellings (`inzage`, `gesloten`, `deels_toegewezen`), never translated.
//! Instants are UTC (RFC 3339), dates `YYYY-MM-DD` (Amsterdam).
//!
//! `journal_head` is the hash of the last change whose state the export shows: the export's
//! own `Exported` line follows it, with that hash as its `prev`, so an auditor can tie a file
//! to its place in the chain. Like `export csv`, the export is recorded before any byte leaves
//! the process, `--out` writes a temp file that is fsynced and renamed into place (0600), and a
//! damaged store is refused (exit 4).

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::export::parent;
use crate::domain::case::{Case, Decision, Ending, Status};
use crate::domain::{CaseId, CaseKind, Event, Summary};
use crate::store::{Damage, Store, StoreError, journal};

/// The format of the file; raised when a field changes meaning or name.
pub const JSON_FORMAT: u32 = 1;

/// The file's header members, before `cases`.
#[derive(Serialize)]
struct Header<'a> {
    format: u32,
    exported_at: DateTime<Utc>,
    journal_head: &'a str,
    journal_seq: u64,
}

/// One case as exported.
#[derive(Serialize)]
pub struct JsonCase<'a> {
    /// `V-2026-0042`.
    pub id: CaseId,
    /// The kind (`inzage`, ..., `datalek`).
    pub kind: CaseKind,
    /// The status (`open`, ..., `vervallen`).
    pub status: Status,
    /// Date of receipt, or the Amsterdam date a datalek became known.
    pub received: NaiveDate,
    /// The requester's name (verzoek).
    pub requester: Option<&'a str>,
    /// Who reported it (datalek).
    pub reporter: Option<&'a str>,
    /// The child's name (verzoek).
    pub child: Option<&'a str>,
    /// The answer deadline, extended if extended (verzoek).
    pub answer_due: Option<NaiveDate>,
    /// Whether the answer duty is done.
    pub answer_done: bool,
    /// A vernietiging's WGBO destruction date.
    pub destruction_due: Option<NaiveDate>,
    /// Whether the destruction duty is done.
    pub destruction_done: bool,
    /// A datalek's 72-hour mark (UTC).
    pub breach_due: Option<DateTime<Utc>>,
    /// Whether the AP notification duty is done.
    pub breach_done: bool,
    /// Whether the answer period was extended.
    pub extended: bool,
    /// The decision, if any.
    pub decision: Option<JsonDecision<'a>>,
    /// When the reply was sent.
    pub reply_sent: Option<NaiveDate>,
    /// When a destruction was confirmed done.
    pub destruction_confirmed: Option<NaiveDate>,
    /// When the case was closed.
    pub closed: Option<NaiveDate>,
    /// How it ended without a decision.
    pub ending: Option<JsonEnding<'a>>,
    /// The journal seq of the case's last change.
    pub last_seq: u64,
}

/// A decision as exported.
#[derive(Serialize)]
pub struct JsonDecision<'a> {
    /// `toegewezen`, `deels_toegewezen`, `afgewezen`, `niet_ontvankelijk`.
    pub decision: Decision,
    /// The reasons (empty for toegewezen).
    pub reason: &'a str,
    /// A vernietiging: what is kept.
    pub kept: &'a str,
    /// The Amsterdam date it was recorded.
    pub on: NaiveDate,
}

/// An ending as exported: `ingetrokken` (with `on` and `how`) or `vervallen` (with `reason`).
#[derive(Serialize)]
pub struct JsonEnding<'a> {
    /// `ingetrokken` or `vervallen`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// When it was withdrawn.
    pub on: Option<NaiveDate>,
    /// How it was withdrawn.
    pub how: Option<&'a str>,
    /// Why it was void.
    pub reason: Option<&'a str>,
}

impl<'a> JsonCase<'a> {
    /// The exported form of a case, its computed fields from its summary.
    pub fn of(s: &'a Summary, case: &'a Case) -> JsonCase<'a> {
        let text = |t: &'a str| Some(t);
        let (requester, reporter, child) = match (&case.request, &case.breach) {
            (Some(r), _) => (text(&r.requester.name), None, text(&r.child.name)),
            (None, Some(b)) => (None, text(&b.reported_by), None),
            (None, None) => (None, None, None),
        };
        JsonCase {
            id: s.id,
            kind: s.kind,
            status: s.status,
            received: s.received,
            requester,
            reporter,
            child,
            answer_due: s.answer_due,
            answer_done: s.answer_done,
            destruction_due: s.destruction_due,
            destruction_done: s.destruction_done,
            breach_due: s.breach_due,
            breach_done: s.breach_done,
            extended: s.extended,
            decision: case.decision.as_ref().map(|d| JsonDecision {
                decision: d.decision,
                reason: &d.reason,
                kept: &d.kept,
                on: d.on,
            }),
            reply_sent: case.reply_sent,
            destruction_confirmed: case.destruction_confirmed,
            closed: case.closed,
            ending: case.ending.as_ref().map(|e| match e {
                Ending::Ingetrokken { on, how } => JsonEnding {
                    kind: "ingetrokken",
                    on: Some(*on),
                    how: Some(how),
                    reason: None,
                },
                Ending::Vervallen { reason } => JsonEnding {
                    kind: "vervallen",
                    on: None,
                    how: None,
                    reason: Some(reason),
                },
            }),
            last_seq: case.last_seq,
        }
    }
}

/// `t` with every string cleaned by [`clean_strings`] (through its JSON form, so the export's
/// field order stays the struct's).
fn cleaned<T: serde::Serialize + serde::de::DeserializeOwned>(t: &T) -> io::Result<T> {
    let mut value = serde_json::to_value(t).map_err(io::Error::other)?;
    clean_strings(&mut value);
    serde_json::from_value(value).map_err(io::Error::other)
}

/// Strips control characters (a line break stays) and bidirectional overrides from every
/// string in an exported value (issue 16): escaped in JSON they still reach whoever reads it.
fn clean_strings(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) => {
            if let std::borrow::Cow::Owned(clean) = crate::domain::text::clean_text(s) {
                *s = clean;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(clean_strings),
        Value::Object(map) => map.values_mut().for_each(clean_strings),
        _ => {}
    }
}

/// Where in the journal the exported state stands: the last change's seq and hash.
type Head = (u64, String);

/// Writes the whole file for the store's cases, reading each case record in turn (the
/// cases are never all in memory at once).
fn write_json(
    store: &Store,
    now: DateTime<Utc>,
    (journal_seq, journal_head): &Head,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    let header = Header {
        format: JSON_FORMAT,
        exported_at: now,
        journal_head,
        journal_seq: *journal_seq,
    };
    let mut head = serde_json::to_vec(&header).map_err(io::Error::other)?;
    // The header ends in `}`: the cases follow as its last member.
    head.pop();
    out.write_all(&head)?;
    out.write_all(b",\"cases\":[")?;
    for (i, s) in store.summaries().iter().enumerate() {
        let case = store
            .case(s.id)?
            .ok_or(StoreError::Damaged(Damage::Missing))?;
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        let (s, case) = (cleaned(s)?, cleaned(&case)?);
        serde_json::to_writer(&mut *out, &JsonCase::of(&s, &case)).map_err(io::Error::other)?;
    }
    out.write_all(b"\n]}\n")?;
    Ok(())
}

/// Exports every case as JSON: to standard output (the bytes returned, after the export is
/// recorded), or to `out` (written to a 0600 temp file beside it, fsynced, recorded, renamed
/// into place; a path that exists and is not a regular file, such as `/dev/null` or a pipe, is
/// written to directly after recording, never replaced). A damaged store is refused (exit 4).
pub fn export_json(
    store: &mut Store,
    out: Option<&Path>,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, StoreError> {
    store.writable()?;
    let head: Head = (store.last_seq(), store.head_hash().to_string());
    let record = Event::Exported {
        what: "json".into(),
    };
    let Some(path) = out else {
        let mut bytes = Vec::new();
        write_json(store, now, &head, &mut bytes)?;
        store.save(vec![record], now)?;
        return Ok(bytes);
    };
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut w = BufWriter::new(fs::OpenOptions::new().write(true).open(path)?);
        store.save(vec![record], now)?;
        write_json(store, now, &head, &mut w)?;
        w.flush()?;
        return Ok(Vec::new());
    }
    // Exclusive: an existing temp file is refused and left untouched (issue 16).
    let (f, tmp) = super::export::create_temp(path)?;
    let written = (|| -> Result<(), StoreError> {
        let mut w = BufWriter::with_capacity(1 << 16, f);
        write_json(store, now, &head, &mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        Ok(())
    })();
    let saved = written.and_then(|()| store.save(vec![record], now).map(|_| ()));
    if let Err(e) = saved {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })?;
    journal::sync_dir(parent(path))?;
    Ok(Vec::new())
}

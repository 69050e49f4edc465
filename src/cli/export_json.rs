//! `privdesk export json`: every case for other tools (issue 5, design.md "Command line").
//!
//! One object: `{"format":1,"exported_at":"<UTC>","journal_head":"<hash>","journal_seq":N,
//! "cases":[...]}`, one case per line inside the array. Field names are explicit, English
//! snake_case and stable (a rename is a new `format`); every case has every field, `null` when
//! it does not apply, so a tool never guesses. Values that name a kind, status or decision are
//! the journal's own spellings (`inzage`, `gesloten`, `deels_toegewezen`), never translated.
//! Instants are UTC (RFC 3339), dates `YYYY-MM-DD` (Amsterdam).
//!
//! A datalek carries its `breach` member: the facts registered and the fields of the breach
//! register that AVG 33(5) asks for (the same as `export breaches csv`), each `null` until
//! answered; a verzoek has `"breach": null`. The file's JSON Schema, generated from these types
//! ([`schema`]), is kept in the repository as `schema/export.schema.json`; a test holds the
//! file to the types and every demo export to the schema.
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
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

use super::export::parent;
use crate::domain::case::{BreachNature, Case, Decision, Ending, FactField, Status};
use crate::domain::checklist::{Answer, StepId};
use crate::domain::{CaseId, CaseKind, Event, Summary};
use crate::store::register::record as record_change;
use crate::store::{Damage, Register, StoreError, journal};

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

/// The whole file, for its schema: the header's members and the cases (the file itself is
/// written a case at a time, never built whole in memory).
#[derive(JsonSchema)]
#[schemars(
    title = "privdesk export json",
    description = "Every case of a privdesk register (privdesk export json)",
    deny_unknown_fields
)]
#[allow(dead_code)]
struct ExportFile<'a> {
    /// The file's format; raised when a field changes meaning or name.
    #[schemars(range(min = 1, max = 1))]
    format: u32,
    /// When the export was made (UTC).
    exported_at: DateTime<Utc>,
    /// The hash of the journal's last change whose state the export shows.
    #[schemars(regex(pattern = "^[0-9a-f]{64}$"))]
    journal_head: &'a str,
    /// That change's seq.
    journal_seq: u64,
    /// Every case, in the register's order.
    cases: Vec<JsonCase<'a>>,
}

/// The JSON Schema (draft 2020-12) of the file `export json` writes, generated from its types.
/// Every member is required (the export writes every field, `null` when it does not apply).
pub fn schema() -> serde_json::Value {
    let mut value = serde_json::Value::from(schemars::schema_for!(ExportFile<'static>));
    require_every_property(&mut value);
    value
}

/// Marks every property of every object schema in `value` required.
fn require_every_property(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                let names: Vec<serde_json::Value> = props
                    .keys()
                    .cloned()
                    .map(serde_json::Value::String)
                    .collect();
                map.insert("required".into(), serde_json::Value::Array(names));
            }
            map.values_mut().for_each(require_every_property);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(require_every_property),
        _ => {}
    }
}

/// A string schema whose values are the serde spellings of `values`.
fn spellings<T: Serialize>(values: &[T]) -> Schema {
    let names: Vec<serde_json::Value> = values
        .iter()
        .filter_map(|v| serde_json::to_value(v).ok())
        .collect();
    json_schema!({ "type": "string", "enum": names })
}

fn kind_schema(_: &mut SchemaGenerator) -> Schema {
    spellings(&CaseKind::ALL)
}

fn status_schema(_: &mut SchemaGenerator) -> Schema {
    spellings(&Status::ALL)
}

fn decision_schema(_: &mut SchemaGenerator) -> Schema {
    spellings(&Decision::ALL)
}

fn nature_schema(_: &mut SchemaGenerator) -> Schema {
    spellings(&BreachNature::ALL)
}

fn fact_schema(_: &mut SchemaGenerator) -> Schema {
    let all: Vec<FactField> = FactField::VERZOEK
        .iter()
        .chain(FactField::DATALEK.iter())
        .copied()
        .collect();
    spellings(&all)
}

fn id_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": "^[VD]-[0-9]{4}-[0-9]{4,}$" })
}

/// One case as exported.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct JsonCase<'a> {
    /// `V-2026-0042`.
    #[schemars(schema_with = "id_schema")]
    pub id: CaseId,
    /// The kind (`inzage`, ..., `datalek`).
    #[schemars(schema_with = "kind_schema")]
    pub kind: CaseKind,
    /// The status (`open`, ..., `vervallen`).
    #[schemars(schema_with = "status_schema")]
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
    /// When the records were destroyed (the WGBO duty: the later of the source system and the
    /// processors; a register from before the parts were separate: the one date recorded).
    pub destruction_confirmed: Option<NaiveDate>,
    /// When the case was closed.
    pub closed: Option<NaiveDate>,
    /// How it ended without a decision.
    pub ending: Option<JsonEnding<'a>>,
    /// The journal seq of the case's last change.
    pub last_seq: u64,
    /// A datalek's facts and breach register (AVG 33(5)); `null` for a verzoek.
    pub breach: Option<JsonBreach<'a>>,
    /// Flagged for review: a confirmed correction made the recorded decision or extension
    /// unlawful (issue 18); a new decision ends it.
    pub review: bool,
    /// A beperking whose restriction is in force (marked, not refused, not lifted).
    pub restriction_in_force: bool,
    /// The registered facts corrected since registration, oldest first (issue 18); those that
    /// moved a legal deadline are the FG's list.
    pub corrections: Vec<JsonCorrection<'a>>,
    /// The behandelaar (issue 22): the one assigned, else the registrant.
    pub handler: &'a str,
    /// A proposal awaits a second handler's approval (vier ogen, issue 22).
    pub awaiting_approval: bool,
    /// The FG's advice given on the case (issue 22).
    pub advice_given: usize,
    /// Of which the handler recorded it was followed.
    pub advice_followed: usize,
}

/// A correction of a registered fact, as the FG lists it.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct JsonCorrection<'a> {
    /// Which fact (`received`, `birth_date`, `aware_at`, ...).
    #[schemars(schema_with = "fact_schema")]
    pub field: FactField,
    /// When it was corrected (UTC).
    pub at: DateTime<Utc>,
    /// Who corrected it.
    pub by: &'a str,
    /// Why.
    pub reason: &'a str,
    /// Whether it moved a legal deadline.
    pub moved_deadline: bool,
    /// Whether the handler confirmed that it makes the recorded decision or extension unlawful.
    pub review: bool,
}

/// A datalek as exported: what was registered, and the breach register's fields (AVG 33(5)),
/// each `null` until answered. Values are the journal's own: choices as their slugs, yes/no
/// as booleans, numbers as numbers, instants in UTC.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct JsonBreach<'a> {
    /// When the organisation became aware (UTC).
    pub aware_at: DateTime<Utc>,
    /// When a processor told the organisation (UTC), if a processor found it.
    pub processor_notice_at: Option<DateTime<Utc>>,
    /// The processor involved, if any.
    pub processor: Option<&'a str>,
    /// Who reported it.
    pub reported_by: &'a str,
    /// What happened (`verloren`, `verkeerd_verzonden`, ...).
    #[schemars(schema_with = "nature_schema")]
    pub nature: BreachNature,
    /// The description, if any.
    pub description: Option<&'a str>,
    /// Which personal data.
    pub data: Option<JsonAnswer<'a>>,
    /// Whether special categories of data (or BSN, health data) are involved.
    pub special_data: Option<JsonAnswer<'a>>,
    /// How many people are affected.
    pub affected: Option<JsonAnswer<'a>>,
    /// Whether children are affected.
    pub children: Option<JsonAnswer<'a>>,
    /// The consequences.
    pub consequences: Option<JsonAnswer<'a>>,
    /// The harm.
    pub harm: Option<JsonAnswer<'a>>,
    /// The risk to those affected.
    pub risk: Option<JsonAnswer<'a>>,
    /// How it was contained.
    pub contained: Option<JsonAnswer<'a>>,
    /// The measures taken.
    pub measures: Option<JsonAnswer<'a>>,
    /// Whether (and how) it was notified to the AP.
    pub ap_notification: Option<JsonAnswer<'a>>,
    /// When it was notified to the AP.
    pub ap_notified_at: Option<JsonAnswer<'a>>,
    /// The AP's reference number.
    pub ap_reference: Option<JsonAnswer<'a>>,
    /// Why it was not notified.
    pub reason_not_notified: Option<JsonAnswer<'a>>,
    /// Why the notification was late.
    pub reason_late: Option<JsonAnswer<'a>>,
    /// Whether the people affected were informed.
    pub subjects_informed: Option<JsonAnswer<'a>>,
    /// Why they were (not) informed.
    pub subjects_explanation: Option<JsonAnswer<'a>>,
}

/// A checklist answer as exported: a boolean (yes/no), a whole number, or a string (a choice's
/// slug, free text, a date `YYYY-MM-DD`, an instant in UTC).
#[derive(Serialize, JsonSchema)]
#[serde(untagged)]
pub enum JsonAnswer<'a> {
    /// Yes or no.
    YesNo(bool),
    /// A number.
    Number(u64),
    /// A date.
    Date(NaiveDate),
    /// An instant (UTC).
    Instant(DateTime<Utc>),
    /// A choice's slug or free text.
    Text(&'a str),
    /// Several choices' slugs.
    List(Vec<&'a str>),
}

impl<'a> JsonAnswer<'a> {
    fn of(case: &'a Case, step: StepId) -> Option<JsonAnswer<'a>> {
        Some(match &case.answers.get(&step)?.answer {
            Answer::YesNo(b) => JsonAnswer::YesNo(*b),
            Answer::Number(n) => JsonAnswer::Number(*n),
            Answer::Date(d) => JsonAnswer::Date(*d),
            Answer::Instant(t) => JsonAnswer::Instant(*t),
            Answer::Choice(s) | Answer::Text(s) => JsonAnswer::Text(s),
            // Several choices (a breach read and copied): their slugs.
            Answer::Choices(cs) => JsonAnswer::List(cs.iter().map(String::as_str).collect()),
        })
    }
}

impl<'a> JsonBreach<'a> {
    /// The exported form of a datalek; `None` for a verzoek.
    pub fn of(case: &'a Case) -> Option<JsonBreach<'a>> {
        let b = case.breach.as_ref()?;
        let text = |t: &'a str| (!t.trim().is_empty()).then_some(t);
        let answer = |step| JsonAnswer::of(case, step);
        Some(JsonBreach {
            aware_at: b.aware_at,
            processor_notice_at: b.processor_notice_at,
            processor: text(&b.processor),
            reported_by: &b.reported_by,
            nature: b.nature,
            description: text(&b.description),
            data: answer(StepId::WelkeGegevens),
            special_data: answer(StepId::BijzondereGegevens),
            affected: answer(StepId::AantalBetrokkenen),
            children: answer(StepId::Kinderen),
            consequences: answer(StepId::Gevolgen),
            harm: answer(StepId::Schade),
            risk: answer(StepId::Risico),
            contained: answer(StepId::Ingeperkt),
            measures: answer(StepId::Maatregelen),
            ap_notification: answer(StepId::ApMelding),
            ap_notified_at: answer(StepId::ApGemeldOp),
            ap_reference: answer(StepId::ApMeldnummer),
            reason_not_notified: answer(StepId::RedenNietMelden),
            reason_late: answer(StepId::RedenVertraging),
            subjects_informed: answer(StepId::BetrokkenenInformeren),
            subjects_explanation: answer(StepId::BetrokkenenToelichting),
        })
    }
}

/// A decision as exported.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct JsonDecision<'a> {
    /// `toegewezen`, `deels_toegewezen`, `afgewezen`, `niet_ontvankelijk`.
    #[schemars(schema_with = "decision_schema")]
    pub decision: Decision,
    /// The reasons (empty for toegewezen).
    pub reason: &'a str,
    /// A vernietiging: what is kept.
    pub kept: &'a str,
    /// The Amsterdam date it was recorded.
    pub on: NaiveDate,
}

fn ending_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "enum": ["ingetrokken", "vervallen"] })
}

/// An ending as exported: `ingetrokken` (with `on` and `how`) or `vervallen` (with `reason`).
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct JsonEnding<'a> {
    /// `ingetrokken` or `vervallen`.
    #[serde(rename = "type")]
    #[schemars(schema_with = "ending_schema")]
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
            destruction_confirmed: case.destroyed_on(),
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
            breach: JsonBreach::of(case),
            review: case.needs_review(),
            restriction_in_force: case.restriction_in_force(),
            handler: case.behandelaar(),
            awaiting_approval: case.awaiting_approval(),
            advice_given: s.advice.given,
            advice_followed: s.advice.followed,
            corrections: case
                .corrections
                .iter()
                .map(|c| JsonCorrection {
                    field: c.correction.field(),
                    at: c.at,
                    by: &c.by,
                    reason: &c.reason,
                    moved_deadline: c.moved_deadline,
                    review: !c.conflicts.is_empty(),
                })
                .collect(),
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
    store: &dyn Register,
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
        let (s, case) = (cleaned(&**s)?, cleaned(&case)?);
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
    store: &mut dyn Register,
    out: Option<&Path>,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, StoreError> {
    store.writable()?;
    let head = store.head();
    let head: Head = (head.seq, head.hash);
    let record = Event::Exported {
        what: "json".into(),
    };
    let Some(path) = out else {
        let mut bytes = Vec::new();
        write_json(store, now, &head, &mut bytes)?;
        record_change(store, vec![record], now)?;
        return Ok(bytes);
    };
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut w = BufWriter::new(fs::OpenOptions::new().write(true).open(path)?);
        record_change(store, vec![record], now)?;
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
    let saved = written.and_then(|()| record_change(store, vec![record], now).map(|_| ()));
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

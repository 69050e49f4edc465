//! `privdesk export csv`: every case as a spreadsheet-safe CSV (design.md "Command line"); and
//! `privdesk export breaches csv`: the breach register of AVG 33(5), by the same rules.
//!
//! First column the id; Dutch headers (the desk's and the FG's language, whatever `--lang`);
//! `;` and a UTF-8 BOM by default so Excel opens it right; a cell starting with `= + - @` that
//! is not a number gets a leading `'` (formula injection); quoting by the `csv` crate. The export
//! is recorded in the journal before any byte leaves the process.

use std::borrow::Cow;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Amsterdam;

use crate::domain::breach::{Fact, Field, REGISTER};
use crate::domain::checklist::StepId;
use crate::domain::deadline::{amsterdam_date, days_left};
use crate::domain::duty::{Duty, DutyKind, DutyState, Lateness, Met, duties, duty, lateness};
use crate::domain::summary::Due;
use crate::domain::{Case, Summary};
use crate::i18n::Lang;
use crate::i18n::breach as breach_words;
use crate::i18n::domain as names;
use crate::store::register::record;
use crate::store::{Register, StoreError, journal};

/// The header row: Dutch by design. The FG's columns after the child (issue 21): the decision,
/// when it was recorded, when the case was closed, whether the answer period was extended. Per
/// legal duty (answer, WGBO destruction, the 72 hours): when it was met (the answer's: the reply
/// sent on), whether on time (`ja`, `nee`, `open`, or `n.v.t.` when no longer owed), and how
/// late (calendar days; whole hours, rounded up, for a breach).
pub const HEADERS: [&str; 23] = [
    "zaak",
    "soort",
    "status",
    "ontvangen",
    "antwoordtermijn",
    "vernietigen uiterlijk",
    "datalek 72 uur",
    "dagen over",
    "verzoeker/melder",
    "kind",
    "besluit",
    "besloten op",
    "gesloten op",
    "verlengd",
    "antwoord verstuurd op",
    "antwoord op tijd",
    "antwoord dagen te laat",
    "vernietigd op",
    "vernietiging op tijd",
    "vernietiging dagen te laat",
    "melding voldaan op",
    "melding op tijd",
    "melding uren te laat",
];

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether a cell is a plain number (`-5`, `+3`, `12,5`, `0.25`): left as is.
pub fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let mut seen_digit = false;
    let mut seen_sep = false;
    for c in digits.chars() {
        match c {
            '0'..='9' => seen_digit = true,
            '.' | ',' if !seen_sep => seen_sep = true,
            _ => return false,
        }
    }
    seen_digit
}

/// A cell made safe for spreadsheets: a leading `= + - @` that is not a number gets a `'`.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@']) && !is_number(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A cell as written: control characters (a line break stays) and bidirectional overrides
/// stripped first (issue 16: they would hide what the cell holds, or a formula's `=` behind
/// an escape), then neutralised against formulas.
pub fn cell(s: &str) -> String {
    neutralise(&crate::domain::text::clean_text(s)).into_owned()
}

/// What a row needs of a case beyond its summary: its duties, when it was decided and closed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowFacts {
    /// The case's legal duties.
    pub duties: Vec<Duty>,
    /// When the decision was recorded.
    pub decided_on: Option<chrono::NaiveDate>,
    /// When the case was closed.
    pub closed_on: Option<chrono::NaiveDate>,
}

impl RowFacts {
    /// The facts of a case.
    pub fn of(case: &Case) -> RowFacts {
        RowFacts {
            duties: duties(case),
            decided_on: case.decision.as_ref().map(|d| d.on),
            closed_on: case.closed,
        }
    }
}

/// The row of one case (before neutralising).
fn row(s: &Summary, facts: &RowFacts, today: chrono::NaiveDate) -> Vec<String> {
    let duties = &facts.duties;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let left = s.nearest().map(|due| match due {
        Due::Date(d) => days_left(d, today),
        Due::Instant(i) => days_left(amsterdam_date(i), today),
    });
    let mut cells = vec![
        s.id.to_string(),
        names::kind(s.kind, Lang::Nl).to_string(),
        names::status(s.status, Lang::Nl).to_string(),
        s.received.to_string(),
        date(s.answer_due),
        date(s.destruction_due),
        s.breach_due.map(amsterdam_offset).unwrap_or_default(),
        left.map(|n| n.to_string()).unwrap_or_default(),
        s.party.clone(),
        s.child.clone(),
        s.decision
            .map(|d| names::decision(d, Lang::Nl).to_string())
            .unwrap_or_default(),
        date(facts.decided_on),
        date(facts.closed_on),
        if s.extended { "ja" } else { "nee" }.into(),
    ];
    for kind in [
        DutyKind::Answer,
        DutyKind::Destruction,
        DutyKind::Notification,
    ] {
        cells.extend(duty_cells(duties.iter().find(|d| d.kind == kind)));
    }
    cells
}

/// An instant as the export writes it: Amsterdam time with its offset.
fn amsterdam_offset(i: DateTime<Utc>) -> String {
    i.with_timezone(&Amsterdam)
        .format("%Y-%m-%dT%H:%M%:z")
        .to_string()
}

/// A duty's three cells: when it was met, on time (`ja`/`nee`/`open`/`n.v.t.`), how late (days,
/// or whole hours rounded up for a breach); three empty cells for a duty the case does not have.
pub(crate) fn duty_cells(duty: Option<&Duty>) -> [String; 3] {
    let Some(duty) = duty else {
        return Default::default();
    };
    match duty.state {
        DutyState::Open => [String::new(), "open".into(), String::new()],
        DutyState::Moot => [String::new(), "n.v.t.".into(), String::new()],
        DutyState::Met(met) => {
            let on = match met {
                Met::Day(d) => d.to_string(),
                Met::Instant(t) => amsterdam_offset(t),
            };
            let (on_time, late) = match lateness(duty.due, met) {
                Lateness::OnTime => ("ja", "0".to_string()),
                Lateness::Days(n) => ("nee", n.to_string()),
                Lateness::Minutes(m) => ("nee", ((m + 59) / 60).to_string()),
            };
            [on, on_time.into(), late]
        }
    }
}

pub(crate) fn csv_writer(delimiter: u8, bom: bool) -> csv::Writer<Vec<u8>> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(BOM);
    }
    csv::WriterBuilder::new()
        .delimiter(delimiter)
        .quote_style(csv::QuoteStyle::Necessary)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

/// The CSV bytes of the given summaries, as of `now` (for "dagen over").
pub fn csv_bytes(
    rows: &[(Summary, RowFacts)],
    delimiter: u8,
    bom: bool,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, csv::Error> {
    let today = amsterdam_date(now);
    let mut w = csv_writer(delimiter, bom);
    w.write_record(HEADERS)?;
    for (s, facts) in rows {
        let cells = row(s, facts, today);
        w.write_record(cells.iter().map(|c| cell(c)))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Parses `--delimiter`: one ASCII character, not a quote or a line break.
pub fn parse_delimiter(s: &str) -> Option<u8> {
    match s.as_bytes() {
        [b] if b.is_ascii() && !matches!(b, b'"' | b'\n' | b'\r') => Some(*b),
        _ if s == "tab" => Some(b'\t'),
        _ => None,
    }
}

/// Exports every case: records the export in the journal, then returns the bytes for standard
/// output (`out: None`), or writes `out` (a temp file in the same folder, fsynced, renamed,
/// 0600) and returns nothing. A damaged store is refused (exit 4).
pub fn export_csv(
    store: &mut dyn Register,
    out: Option<&Path>,
    delimiter: u8,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, StoreError> {
    store.writable()?;
    // When each duty was met, and when the case was decided and closed, is read from the case.
    let mut rows = Vec::new();
    for s in store.summaries() {
        let facts = store
            .case(s.id)?
            .map(|c| RowFacts::of(&c))
            .unwrap_or_default();
        rows.push((Summary::clone(&s), facts));
    }
    let bytes = csv_bytes(&rows, delimiter, true, now)
        .map_err(|e| StoreError::Disk(io::Error::other(e.to_string())))?;
    let what = crate::domain::Event::Exported { what: "csv".into() };
    deliver(store, out, bytes, what, now)
}

/// The breach register's columns after the case id and status: the 72-hour mark and when the
/// processor told the organisation, then every field of [`REGISTER`] (AVG 33(5)).
fn breach_columns() -> Vec<(&'static str, Field)> {
    let mut cols = vec![
        ("72 uur uiterlijk", Field::Fact(Fact::Deadline)),
        ("melding verwerker", Field::Fact(Fact::ProcessorNoticeAt)),
    ];
    cols.extend(REGISTER.iter().map(|f| (breach_header(*f), *f)));
    cols
}

/// The Dutch header of a breach register field.
fn breach_header(field: Field) -> &'static str {
    match field {
        Field::Fact(Fact::AwareAt) => "bekend sinds",
        Field::Fact(Fact::ProcessorNoticeAt) => "melding verwerker",
        Field::Fact(Fact::Processor) => "verwerker",
        Field::Fact(Fact::Deadline) => "72 uur uiterlijk",
        Field::Fact(Fact::ReportedBy) => "gemeld door",
        Field::Fact(Fact::Nature) => "wat is er gebeurd",
        Field::Fact(Fact::Description) => "omschrijving",
        Field::Step(s) => match s {
            StepId::WelkeGegevens => "gegevens",
            StepId::BijzondereGegevens => "bijzondere gegevens",
            StepId::AantalBetrokkenen => "aantal betrokkenen",
            StepId::Kinderen => "kinderen",
            StepId::Gevolgen => "gevolgen",
            StepId::Schade => "schade",
            StepId::Risico => "risico",
            StepId::Ingeperkt => "ingeperkt",
            StepId::Maatregelen => "maatregelen",
            StepId::ApMelding => "melding AP",
            StepId::ApGemeldOp => "gemeld bij AP op",
            StepId::ApMeldnummer => "meldnummer AP",
            StepId::RedenNietMelden => "reden niet melden",
            StepId::RedenVertraging => "reden vertraging",
            StepId::BetrokkenenInformeren => "betrokkenen informeren",
            StepId::BetrokkenenToelichting => "onderbouwing betrokkenen",
            _ => "",
        },
    }
}

/// An instant as a spreadsheet reads a date-time: Amsterdam wall-clock time, to the minute.
fn amsterdam_minute(t: DateTime<Utc>) -> String {
    t.with_timezone(&Amsterdam)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The same instant in UTC, for the column beside it (a wall-clock time repeats once a year).
fn utc_minute(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// Whether a breach register field holds an instant (it gets a UTC column beside it).
fn is_instant(field: Field) -> bool {
    match field {
        Field::Fact(f) => matches!(f, Fact::AwareAt | Fact::ProcessorNoticeAt | Fact::Deadline),
        Field::Step(step) => crate::domain::checklist::find(crate::domain::CaseKind::Datalek, step)
            .is_some_and(|s| s.ty == crate::domain::checklist::AnswerType::Instant),
    }
}

/// The CSV bytes of the breach register (AVG 33(5)): one row per datalek, notified or not,
/// values in Dutch words, instants as Amsterdam `JJJJ-MM-DD UU:MM` (a spreadsheet reads it as a
/// date-time) with the same instant in UTC in the column beside it (issue 21).
pub fn breach_csv_bytes(cases: &[Case], delimiter: u8, bom: bool) -> Result<Vec<u8>, csv::Error> {
    let cols = breach_columns();
    let mut w = csv_writer(delimiter, bom);
    let mut header: Vec<String> = vec!["zaak".into(), "status".into()];
    for (h, f) in &cols {
        header.push((*h).into());
        if is_instant(*f) {
            header.push(format!("{h} (UTC)"));
        }
    }
    header.extend(
        [
            "melding voldaan op",
            "melding voldaan op (UTC)",
            "melding op tijd",
            "melding uren te laat",
        ]
        .map(String::from),
    );
    w.write_record(&header)?;
    for case in cases.iter().filter(|c| c.kind.is_datalek()) {
        let mut cells = vec![
            case.id.to_string(),
            names::status(case.status(), Lang::Nl).to_string(),
        ];
        for (_, f) in &cols {
            let value = |fmt| breach_words::value(case, *f, Lang::Nl, fmt).unwrap_or_default();
            cells.push(value(amsterdam_minute));
            if is_instant(*f) {
                cells.push(value(utc_minute));
            }
        }
        let notification = duty(case, DutyKind::Notification);
        let [on, on_time, late] = duty_cells(notification.as_ref());
        let met = notification.and_then(|d| match d.state {
            DutyState::Met(Met::Instant(t)) => Some(t),
            _ => None,
        });
        cells.extend([
            met.map(amsterdam_minute).unwrap_or(on),
            met.map(utc_minute).unwrap_or_default(),
            on_time,
            late,
        ]);
        w.write_record(cells.iter().map(|c| cell(c)))?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Exports the breach register (`export breaches csv`): every datalek with the fields of AVG
/// 33(5), recorded in the journal like every export, written like `export csv`.
pub fn export_breaches_csv(
    store: &mut dyn Register,
    out: Option<&Path>,
    delimiter: u8,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, StoreError> {
    store.writable()?;
    let mut cases = Vec::new();
    for s in store.summaries() {
        if s.kind.is_datalek()
            && let Some(case) = store.case(s.id)?
        {
            cases.push(case);
        }
    }
    let bytes = breach_csv_bytes(&cases, delimiter, true)
        .map_err(|e| StoreError::Disk(io::Error::other(e.to_string())))?;
    let what = crate::domain::Event::Exported {
        what: "breaches-csv".into(),
    };
    deliver(store, out, bytes, what, now)
}

/// Records the line `what` (an export, a report) in the journal, then hands the bytes back for standard output
/// (`out: None`), or writes `out` through a fsynced 0600 temp file renamed into place. Nothing
/// leaves the process unless the journal holds the export.
pub(crate) fn deliver(
    store: &mut dyn Register,
    out: Option<&Path>,
    bytes: Vec<u8>,
    what: crate::domain::Event,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, StoreError> {
    match out {
        None => {
            record(store, vec![what], now)?;
            Ok(bytes)
        }
        // A device or a pipe (`/dev/null`, a named pipe) is written to, never replaced.
        Some(path) if fs::metadata(path).is_ok_and(|m| !m.is_file()) => {
            record(store, vec![what], now)?;
            fs::OpenOptions::new()
                .write(true)
                .open(path)?
                .write_all(&bytes)?;
            Ok(Vec::new())
        }
        Some(path) => {
            let tmp = write_temp(path, &bytes)?;
            if let Err(e) = record(store, vec![what], now) {
                let _ = fs::remove_file(&tmp);
                return Err(e);
            }
            fs::rename(&tmp, path).inspect_err(|_| {
                let _ = fs::remove_file(&tmp);
            })?;
            journal::sync_dir(parent(path))?;
            Ok(Vec::new())
        }
    }
}

/// The folder a file lives in (`.` for a bare name): where its temp file goes and which folder
/// is fsynced after the rename.
pub(crate) fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a new 0600 temp file beside `path` (`.NAME.tmp-PID`) and fsyncs it.
/// The file is opened exclusively (`O_EXCL`): one that exists already — another user may have
/// made it in a shared folder to read the export — is refused and nothing is written into it
/// (issue 16). Temp files an earlier, killed export of ours left for the same name are removed
/// first. A failed write removes the temp file again.
fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let (mut f, tmp) = create_temp(path)?;
    if let Err(e) = f.write_all(bytes).and_then(|()| f.sync_all()) {
        drop(f);
        let _ = fs::remove_file(&tmp);
        return Err(e.into());
    }
    Ok(tmp)
}

/// Creates the temp file for `path` (`.NAME.tmp-PID` beside it, 0600) exclusively, after
/// removing the stale ones a killed export of ours left; one that exists is refused
/// (`TempExists`) and left untouched.
pub(crate) fn create_temp(path: &Path) -> Result<(fs::File, PathBuf), StoreError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let dir = parent(path);
    let prefix = format!(".{name}.tmp-");
    remove_stale_temps(dir, &prefix);
    let tmp = dir.join(format!("{prefix}{}", std::process::id()));
    match journal::create_options()
        .write(true)
        .create_new(true)
        .open(&tmp)
    {
        Ok(f) => Ok((f, tmp)),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(StoreError::TempExists(tmp)),
        Err(e) => Err(e.into()),
    }
}

/// Removes the temp files `PREFIX<pid>` in `dir` that a killed export of this user left: a
/// regular file of ours whose process no longer runs. Anything else is left alone (and an
/// existing file with this process's name is then refused by the exclusive open).
fn remove_stale_temps(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|p| p.parse::<i32>().ok())
        else {
            continue;
        };
        if is_stale(&e.path(), pid) {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(unix)]
fn is_stale(path: &Path, pid: i32) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = fs::symlink_metadata(path) else {
        return false;
    };
    let ours = meta.is_file() && meta.uid() == rustix::process::getuid().as_raw();
    let running = match rustix::process::Pid::from_raw(pid) {
        Some(p) => rustix::process::test_kill_process(p).is_ok(),
        None => true,
    };
    ours && !running && u32::try_from(pid).is_ok_and(|p| p != std::process::id())
}

#[cfg(not(unix))]
fn is_stale(_path: &Path, _pid: i32) -> bool {
    false
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_and_formulas_are_neutralised() {
        for n in ["-5", "+3", "12,5", "0.25", "7"] {
            assert!(is_number(n), "{n}");
            assert_eq!(neutralise(n), n);
        }
        assert_eq!(neutralise("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise("+31 6 12345678"), "'+31 6 12345678");
        assert_eq!(neutralise("-"), "'-");
        assert_eq!(neutralise("@foo"), "'@foo");
        assert_eq!(neutralise("Jan"), "Jan");
    }

    #[test]
    fn every_breach_register_column_has_a_header() {
        for (h, f) in breach_columns() {
            assert!(!h.is_empty(), "{f:?}");
        }
    }

    #[test]
    fn delimiters_parse() {
        assert_eq!(parse_delimiter(","), Some(b','));
        assert_eq!(parse_delimiter(";"), Some(b';'));
        assert_eq!(parse_delimiter("tab"), Some(b'\t'));
        assert_eq!(parse_delimiter("ab"), None);
        assert_eq!(parse_delimiter("\""), None);
    }
}

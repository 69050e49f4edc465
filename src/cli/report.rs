//! `privdesk report --year Y [--format md|csv|json] [--out FILE]`: the FG's yearly figures
//! (domain.md §6, §8) computed by [`crate::domain::report`] from every case, with the journal's
//! head they were computed from. Like an export, the report is recorded in the journal
//! (`report_made`, with that head as `SEQ:HASH`) before any byte leaves the process, so a
//! report handed to the board can be tied to its place in the chain (`audit verify --expect`).
//!
//! `--format json` is for other tools: stable English keys, documented in the README. The
//! Markdown is for people (in `--lang`); the CSV is one figure a row (`onderdeel;categorie;
//! cijfer;waarde`, Dutch like `export csv`). Only counts by category: no name or free text of
//! a case ever reaches the report.

use std::io;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::export::{cell, csv_writer, deliver};
use crate::domain::case::{BreachNature, Relation};
use crate::domain::checklist::{ChoiceOption, VertragingReden};
use crate::domain::report::{
    Anchor, KindFigures, LATE_REASON_KEYS, YearReport, journal_name, late_reason_key, year_report,
};
use crate::domain::{Event, Summary};
use crate::i18n::Lang;
use crate::i18n::checklist::option;
use crate::i18n::domain as names;
use crate::i18n::report::ReportMsg as M;
use crate::store::{Register, StoreError};

/// The report's formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// Markdown tables, for people.
    Md,
    /// One figure a row, for a spreadsheet.
    Csv,
    /// For other tools: the keys the README documents.
    Json,
}

impl ReportFormat {
    /// Parses `--format`.
    pub fn parse(s: &str) -> Option<ReportFormat> {
        match s {
            "md" => Some(ReportFormat::Md),
            "csv" => Some(ReportFormat::Csv),
            "json" => Some(ReportFormat::Json),
            _ => None,
        }
    }
}

/// Computes the report of `year` from every case as of `now`, anchored at the journal's head.
pub fn compute(
    store: &dyn Register,
    year: i32,
    now: DateTime<Utc>,
) -> Result<YearReport, StoreError> {
    let head = store.head();
    let summaries: Vec<std::sync::Arc<Summary>> = store.summaries();
    let mut cases = Vec::with_capacity(summaries.len());
    for s in &summaries {
        // Only the year's cases are read whole; a summary's receipt date is the case's.
        if chrono::Datelike::year(&s.received) != year {
            continue;
        }
        if let Some(case) = store.case(s.id)? {
            cases.push(case);
        }
    }
    let anchor = Anchor {
        seq: head.seq,
        hash: head.hash,
        at: now,
    };
    Ok(year_report(&cases, year, now, anchor))
}

/// Makes the report, records it, and returns the bytes for standard output (or writes `out`
/// as `export` does: a 0600 temp file, fsynced, renamed into place).
pub fn report(
    store: &mut dyn Register,
    year: i32,
    format: ReportFormat,
    out: Option<&Path>,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, StoreError> {
    store.writable()?;
    let r = compute(store, year, now)?;
    let bytes = match format {
        ReportFormat::Json => {
            let mut b = serde_json::to_vec_pretty(&r).map_err(io::Error::other)?;
            b.push(b'\n');
            b
        }
        ReportFormat::Md => markdown(&r, lang).into_bytes(),
        ReportFormat::Csv => csv_bytes(&r).map_err(|e| io::Error::other(e.to_string()))?,
    };
    let line = Event::ReportMade {
        year,
        head: format!("{}:{}", r.journal.seq, r.journal.hash),
    };
    deliver(store, out, bytes, line, now)
}

/// A number of days, or `–` where there is nothing to compute.
fn days<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "–".into(), |v| v.to_string())
}

/// A mean or median, one decimal.
fn decimal(v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), |v| format!("{v:.1}"))
}

/// The Markdown report.
fn markdown(r: &YearReport, lang: Lang) -> String {
    let mut s = String::new();
    let year = r.year.to_string();
    s.push_str(&format!(
        "# {}\n\n{}\n\n",
        M::Title.fill(lang, &[("year", &year)]),
        M::CountsIn.text(lang)
    ));
    s.push_str(&format!("## {}\n\n", M::Kinds.text(lang)));
    let cols = [
        M::Kind,
        M::Received,
        M::Decided,
        M::OnTime,
        M::Late,
        M::Extended,
        M::Refused,
        M::Rejected,
        M::Partly,
        M::NotAdmissible,
        M::Withdrawn,
        M::Lapsed,
        M::Open,
        M::MeanDays,
        M::MedianDays,
        M::P90Days,
        M::MaxDays,
    ];
    let header: Vec<&str> = cols.iter().map(|c| c.text(lang)).collect();
    s.push_str(&format!("| {} |\n", header.join(" | ")));
    s.push_str(&format!("|{}\n", "---|".repeat(cols.len())));
    for (kind, f) in &r.kinds.0 {
        let mut row = vec![names::kind(*kind, lang).to_string()];
        row.extend(counts(f).iter().map(u64::to_string));
        row.extend([
            decimal(f.mean_days),
            decimal(f.median_days),
            days(f.p90_days),
            days(f.max_days),
        ]);
        s.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    // The WGBO destruction (domain.md §8), for the kinds that have it.
    let destruction: Vec<_> = r
        .kinds
        .0
        .iter()
        .filter(|(_, f)| f.destroyed_on_time.is_some() || f.destroyed_late.is_some())
        .collect();
    if !destruction.is_empty() {
        s.push_str(&format!(
            "\n## {}\n\n{}\n\n| {} | {} | {} |\n|---|---|---|\n",
            M::Destruction.text(lang),
            M::DestructionRule.text(lang),
            M::Kind.text(lang),
            M::DestroyedOnTime.text(lang),
            M::DestroyedLate.text(lang)
        ));
        for (kind, f) in destruction {
            s.push_str(&format!(
                "| {} | {} | {} |\n",
                names::kind(*kind, lang),
                days(f.destroyed_on_time),
                days(f.destroyed_late)
            ));
        }
    }
    s.push_str(&format!(
        "\n## {}\n\n| {} | {} |\n|---|---|\n",
        M::Roles.text(lang),
        M::Relation.text(lang),
        M::Count.text(lang)
    ));
    for rel in Relation::ALL {
        let n = r.roles.get(&journal_name(&rel)).copied().unwrap_or(0);
        s.push_str(&format!("| {} | {n} |\n", names::relation(rel, lang)));
    }
    let b = &r.breaches;
    let undecided = b
        .registered
        .saturating_sub(b.notified_in_time + b.notified_late + b.not_notified);
    s.push_str(&format!(
        "\n## {}\n\n| | {} |\n|---|---|\n",
        M::Breaches.text(lang),
        M::Count.text(lang)
    ));
    for (m, n) in [
        (M::Registered, b.registered),
        (M::NotifiedInTime, b.notified_in_time),
        (M::NotifiedLate, b.notified_late),
        (M::NotNotified, b.not_notified),
        (M::Undecided, undecided),
        (M::SubjectsInformed, b.subjects_informed),
    ] {
        s.push_str(&format!("| {} | {n} |\n", m.text(lang)));
    }
    s.push_str(&format!(
        "\n### {}\n\n| | {} |\n|---|---|\n",
        M::LateByReason.text(lang),
        M::Count.text(lang)
    ));
    let reasons = VertragingReden::ALL
        .iter()
        .map(|r| (Some(*r), option(r.slug(), lang)))
        .chain([(None, M::Uncategorised.text(lang))]);
    for (reason, label) in reasons {
        let n = b
            .late_by_reason
            .get(late_reason_key(reason))
            .copied()
            .unwrap_or(0);
        s.push_str(&format!("| {label} | {n} |\n"));
    }
    s.push_str(&format!(
        "\n### {}\n\n| | {} |\n|---|---|\n",
        M::ByNature.text(lang),
        M::Count.text(lang)
    ));
    for nature in BreachNature::ALL {
        let n = b
            .by_nature
            .get(&journal_name(&nature))
            .copied()
            .unwrap_or(0);
        s.push_str(&format!("| {} | {n} |\n", names::nature(nature, lang)));
    }
    let a = &r.advice;
    s.push_str(&format!(
        "\n## {}\n\n| | {} |\n|---|---|\n",
        M::Advice.text(lang),
        M::Count.text(lang)
    ));
    for (m, n) in [
        (M::AdviceGiven, a.given),
        (M::AdviceFollowed, a.followed),
        (M::AdviceNotFollowed, a.not_followed),
        (
            M::AdviceOpen,
            a.given.saturating_sub(a.followed + a.not_followed),
        ),
    ] {
        s.push_str(&format!("| {} | {n} |\n", m.text(lang)));
    }
    let seq = r.journal.seq.to_string();
    let at = r.journal.at.format("%Y-%m-%d %H:%M:%S").to_string();
    s.push_str(&format!(
        "\n{}\n",
        M::Journal.fill(
            lang,
            &[("seq", &seq), ("hash", &r.journal.hash), ("at", &at)]
        )
    ));
    s
}

/// A kind's counts in the report's column order (received … open).
fn counts(f: &KindFigures) -> [u64; 12] {
    [
        f.received,
        f.decided,
        f.on_time,
        f.late,
        f.extended,
        f.refused,
        f.rejected,
        f.partly,
        f.not_admissible,
        f.withdrawn,
        f.lapsed,
        f.open,
    ]
}

/// The CSV: one figure a row, `onderdeel;categorie;cijfer;waarde`, with the JSON's keys as the
/// figure's name so a spreadsheet and a tool read the same words.
fn csv_bytes(r: &YearReport) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv_writer(b';', true);
    w.write_record(["onderdeel", "categorie", "cijfer", "waarde"])?;
    let names = [
        "received",
        "decided",
        "on_time",
        "late",
        "extended",
        "refused",
        "rejected",
        "partly",
        "not_admissible",
        "withdrawn",
        "lapsed",
        "open",
    ];
    for (kind, f) in &r.kinds.0 {
        for (name, n) in names.iter().zip(counts(f)) {
            w.write_record(["kinds", kind.slug(), name, &n.to_string()])?;
        }
        let spread = [
            ("mean_days", f.mean_days.map(|v| format!("{v:.1}"))),
            ("median_days", f.median_days.map(|v| format!("{v:.1}"))),
            ("p90_days", f.p90_days.map(|v| v.to_string())),
            ("max_days", f.max_days.map(|v| v.to_string())),
            (
                "destroyed_on_time",
                f.destroyed_on_time.map(|v| v.to_string()),
            ),
            ("destroyed_late", f.destroyed_late.map(|v| v.to_string())),
        ];
        for (name, v) in spread {
            w.write_record(["kinds", kind.slug(), name, &v.unwrap_or_default()])?;
        }
    }
    for (role, n) in &r.roles {
        w.write_record(["roles", &cell(role), "count", &n.to_string()])?;
    }
    let b = &r.breaches;
    for (name, n) in [
        ("registered", b.registered),
        ("notified_in_time", b.notified_in_time),
        ("notified_late", b.notified_late),
        ("not_notified", b.not_notified),
        ("subjects_informed", b.subjects_informed),
    ] {
        w.write_record(["breaches", "", name, &n.to_string()])?;
    }
    for key in LATE_REASON_KEYS {
        let n = b.late_by_reason.get(key).copied().unwrap_or(0);
        w.write_record(["breaches", "late_by_reason", key, &n.to_string()])?;
    }
    for (nature, n) in &b.by_nature {
        w.write_record(["breaches", "by_nature", &cell(nature), &n.to_string()])?;
    }
    let a = &r.advice;
    for (name, n) in [
        ("given", a.given),
        ("followed", a.followed),
        ("not_followed", a.not_followed),
    ] {
        w.write_record(["advice", "", name, &n.to_string()])?;
    }
    w.write_record(["journal", "", "seq", &r.journal.seq.to_string()])?;
    w.write_record(["journal", "", "hash", &r.journal.hash])?;
    w.write_record(["journal", "", "at", &r.journal.at.to_rfc3339()])?;
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

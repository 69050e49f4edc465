//! `privdesk export breaches csv`: the breach register of AVG 33(5) through the binary — every
//! datalek, notified or not, with the reasoning when not notified or notified late; the CSV
//! rules of `export csv` (BOM, `;`, formula injection neutralised, 0600 file, journal line).
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use chrono::{DateTime, Utc};
use common::*;
use privdesk::domain::case::{BreachFacts, BreachNature};
use privdesk::domain::checklist::{Answer, StepId};
use privdesk::domain::instant::parse_instant;
use privdesk::domain::{CaseId, Event};
use privdesk::store::Store;
use privdesk::store::journal::JOURNAL_FILE;

fn inst(s: &str) -> DateTime<Utc> {
    parse_instant(s).unwrap()
}

fn breach(store: &mut Store, number: u32, aware: &str, description: &str) -> CaseId {
    let id = CaseId::new('D', 2026, number);
    let e = Event::BreachRegistered {
        case: id,
        breach: BreachFacts {
            aware_at: inst(aware),
            processor_notice_at: None,
            processor: String::new(),
            reported_by: "Medewerker Locatie Noord".into(),
            nature: BreachNature::VerkeerdeOntvanger,
            description: description.into(),
        },
    };
    store.save(vec![e], inst(aware)).unwrap();
    id
}

fn answer(store: &mut Store, id: CaseId, at: &str, step: StepId, answer: Answer) {
    let e = Event::Answered {
        case: id,
        step,
        answer,
    };
    store.save(vec![e], inst(at)).unwrap();
}

fn text(id: CaseId, store: &mut Store, at: &str, step: StepId, t: &str) {
    answer(store, id, at, step, Answer::Text(t.into()));
}

#[test]
fn the_breach_register_exports_every_datalek_with_its_reasoning() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    register(&mut store, "Anna Jansen");
    // Notified late, with the reason for the delay.
    let late = breach(
        &mut store,
        1,
        "2026-11-10T16:00",
        "=brief naar verkeerd adres",
    );
    let at = "2026-11-16T09:00";
    answer(
        &mut store,
        late,
        at,
        StepId::Risico,
        Answer::Choice("risico".into()),
    );
    text(
        late,
        &mut store,
        at,
        StepId::RisicoToelichting,
        "gezondheidsgegevens",
    );
    answer(
        &mut store,
        late,
        at,
        StepId::ApMelding,
        Answer::Choice("gemeld".into()),
    );
    text(
        late,
        &mut store,
        at,
        StepId::RedenVertraging,
        "pas na het weekend bekend",
    );
    answer(
        &mut store,
        late,
        at,
        StepId::CategorieVertraging,
        Answer::Choice("later_ontdekt".into()),
    );
    answer(
        &mut store,
        late,
        at,
        StepId::ApGemeldOp,
        Answer::Instant(inst("2026-11-16T08:30")),
    );
    text(late, &mut store, at, StepId::ApMeldnummer, "M-12345");
    // Not notified: risk none, with the reason.
    let none = breach(
        &mut store,
        2,
        "2026-11-20T10:00",
        "envelop dicht teruggekregen",
    );
    let at = "2026-11-20T12:00";
    answer(
        &mut store,
        none,
        at,
        StepId::Risico,
        Answer::Choice("geen".into()),
    );
    answer(
        &mut store,
        none,
        at,
        StepId::ApMelding,
        Answer::Choice("niet_gemeld".into()),
    );
    text(
        none,
        &mut store,
        at,
        StepId::RedenNietMelden,
        "ongeopend retour",
    );
    drop(store);

    let out = privdesk(Some(dir.path()), &["export", "breaches", "csv"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = out.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(&headers[..3], ["zaak", "status", "72 uur uiterlijk"]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "only datalekken, every one of them");
    let (d1, d2) = (&rows[0], &rows[1]);
    assert_eq!(&d1[0], "D-2026-0001");
    // Instants as Amsterdam `JJJJ-MM-DD UU:MM`, the UTC column beside each (issue 21).
    assert_eq!(&d1[col("72 uur uiterlijk")], "2026-11-13 16:00");
    assert_eq!(&d1[col("72 uur uiterlijk") + 1], "2026-11-13 15:00");
    assert_eq!(
        headers[col("72 uur uiterlijk") + 1],
        "72 uur uiterlijk (UTC)"
    );
    assert_eq!(&d1[col("bekend sinds")], "2026-11-10 16:00");
    assert_eq!(&d1[col("bekend sinds (UTC)")], "2026-11-10 15:00");
    assert_eq!(&d1[col("omschrijving")], "'=brief naar verkeerd adres");
    assert_eq!(&d1[col("melding AP")], "gemeld");
    assert_eq!(&d1[col("gemeld bij AP op")], "2026-11-16 08:30");
    assert_eq!(&d1[col("gemeld bij AP op (UTC)")], "2026-11-16 07:30");
    assert_eq!(&d1[col("reden vertraging")], "pas na het weekend bekend");
    assert_eq!(&d1[col("risico")], "risico");
    assert_eq!(&d2[0], "D-2026-0002");
    assert_eq!(&d2[col("melding AP")], "niet gemeld");
    assert_eq!(&d2[col("reden niet melden")], "ongeopend retour");
    assert_eq!(&d2[col("meldnummer AP")], "");
    let journal = fs::read_to_string(dir.path().join(JOURNAL_FILE)).unwrap();
    assert!(
        journal
            .lines()
            .last()
            .unwrap()
            .contains("{\"type\":\"exported\",\"what\":\"breaches-csv\"}")
    );

    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("datalekken.csv");
    let out = privdesk(
        Some(dir.path()),
        &["export", "breaches", "csv", "--out", file.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let content = fs::read_to_string(&file).unwrap();
    assert!(content.starts_with("\u{feff}zaak;status;72 uur uiterlijk;"));
    assert_eq!(fs::read_dir(out_dir.path()).unwrap().count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn an_empty_register_exports_the_header_only() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    let out = privdesk(Some(dir.path()), &["export", "breaches", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    let body = String::from_utf8(out.stdout).unwrap();
    assert_eq!(body.lines().count(), 1, "{body}");
}

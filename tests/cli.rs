//! The binary's store commands: `audit verify` and `export csv`, exit codes, the lock.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;

use common::*;
use privdesk::domain::case::{Channel, Child, Relation, RequestFacts, Requester};
use privdesk::domain::{CaseId, CaseKind, Event};
use privdesk::store::journal::JOURNAL_FILE;
use privdesk::store::{SLED_DIR, Store};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn a_held_register_refuses_export_with_exit_3_while_verify_works() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    register(&mut store, "Anna Jansen");
    let out = privdesk(Some(dir.path()), &["export", "csv"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    // The refusal names who holds it, since when and which process (issue 16).
    assert!(
        text(&out.stderr).contains(&format!(
            "register in gebruik door Test Gebruiker sinds 2026-11-23 10:00 (proces {})",
            std::process::id()
        )),
        "{}",
        text(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let out = privdesk(Some(dir.path()), &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let head = store.head_hash().to_string();
    assert_eq!(
        text(&out.stdout),
        format!(
            "journaal in orde: 2 wijzigingen, kop {head}\n\
             register in gebruik: werkopslag niet vergeleken\n"
        )
    );
    drop(store);
}

#[test]
fn verify_names_a_tampered_line_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    register(&mut store, "Anna Jansen");
    register(&mut store, "Bert Bakker");
    drop(store);
    let path = dir.path().join(JOURNAL_FILE);
    let tampered = fs::read_to_string(&path)
        .unwrap()
        .replace("Bert Bakker", "Bart Bakker");
    fs::write(&path, tampered).unwrap();
    let out = privdesk(Some(dir.path()), &["--lang", "en", "audit", "verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "journal fails at line 3: hash does not match the line\n"
    );
    // An unparsable line is a failure too, not a usage error.
    let mut lines: Vec<String> = fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    lines[1] = "{\"v\":1,".into();
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    let out = privdesk(Some(dir.path()), &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("regel 2"),
        "{}",
        text(&out.stdout)
    );
}

fn tricky(id: CaseId, requester: &str, child: &str, received: &str) -> Event {
    Event::Registered {
        case: id,
        request: RequestFacts {
            kind: CaseKind::Inzage,
            received: date(received),
            channel: Channel::Brief,
            requester: Requester {
                name: requester.into(),
                relation: Relation::Voogd,
                contact: String::new(),
                address: String::new(),
                salutation: None,
            },
            child: Child {
                name: child.into(),
                birth_date: date("2015-01-01"),
            },
            notes: String::new(),
            regime: Default::default(),
            reply: None,
        },
    }
}

#[test]
fn export_quotes_neutralises_and_records_itself() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let a = CaseId::new('V', 2026, 1);
    let b = CaseId::new('V', 2026, 2);
    store
        .save(
            vec![
                tricky(
                    a,
                    "Jan; \"de\" Vries\nJr",
                    "=HYPERLINK(\"x\")",
                    "2026-01-05",
                ),
                tricky(b, "-5", "@Kind", "2026-11-20"),
            ],
            now(),
        )
        .unwrap();
    drop(store);
    let out = privdesk(Some(dir.path()), &["export", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let bytes = out.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(headers[0], "zaak");
    assert_eq!(
        headers.len(),
        23,
        "ten columns, the FG's four, then met, on time and how late per duty"
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "V-2026-0001");
    assert_eq!(&rows[0][8], "Jan; \"de\" Vries\nJr");
    assert_eq!(&rows[0][9], "'=HYPERLINK(\"x\")");
    assert_eq!(&rows[1][8], "-5");
    assert_eq!(&rows[1][9], "'@Kind");
    // An answer deadline long past: a negative number of days, left a number.
    let days = &rows[0][7];
    assert!(
        days.starts_with('-') && days[1..].parse::<u32>().is_ok(),
        "{days}"
    );
    let raw = text(&bytes);
    assert!(raw.contains("\"Jan; \"\"de\"\" Vries\nJr\""));
    // The export is in the journal.
    let journal = fs::read_to_string(dir.path().join(JOURNAL_FILE)).unwrap();
    assert!(
        journal
            .lines()
            .last()
            .unwrap()
            .contains("{\"type\":\"exported\",\"what\":\"csv\"}")
    );
}

/// Issue 21: the FG's columns — decision, decided on, closed on, extended (ja/nee) — beside the
/// reply's date, each as the case holds it (dates `JJJJ-MM-DD`).
#[test]
fn export_csv_carries_the_fgs_columns() {
    use privdesk::domain::case::Decision;
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("reg");
    privdesk::demo::bulk::build(&reg, 150, now()).unwrap();
    let store = open(&reg);
    let cases: Vec<_> = store
        .summaries()
        .iter()
        .map(|s| store.case(s.id).unwrap().unwrap())
        .collect();
    drop(store);
    let extended = cases
        .iter()
        .find(|c| c.extension.is_some() && c.closed.is_some())
        .expect("a closed, extended case");
    let refused = cases
        .iter()
        .find(|c| {
            c.decision
                .as_ref()
                .is_some_and(|d| d.decision == Decision::Afgewezen)
        })
        .expect("a refusal");
    let open_case = cases
        .iter()
        .find(|c| c.decision.is_none() && c.request.is_some())
        .expect("an undecided verzoek");
    let out = privdesk(Some(&reg), &["export", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let cell = |c: &privdesk::domain::Case, col| csv_cell(&out.stdout, &c.id.to_string(), col);
    let d = extended.decision.as_ref().unwrap();
    assert_eq!(cell(extended, "verlengd"), "ja");
    assert_eq!(cell(extended, "besloten op"), d.on.to_string());
    assert_eq!(
        cell(extended, "gesloten op"),
        extended.closed.unwrap().to_string()
    );
    assert_eq!(
        cell(extended, "antwoord verstuurd op"),
        extended.reply_sent.unwrap().to_string()
    );
    assert_eq!(cell(refused, "besluit"), "afgewezen");
    assert_eq!(cell(open_case, "besluit"), "");
    assert_eq!(cell(open_case, "besloten op"), "");
    assert_eq!(cell(open_case, "gesloten op"), "");
    assert_eq!(cell(open_case, "verlengd"), "nee");
}

#[test]
fn export_to_a_file_is_private_and_comma_separated_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    register(&mut store, "Anna Jansen");
    drop(store);
    let out_dir = tempfile::tempdir().unwrap();
    let file = out_dir.path().join("zaken.csv");
    let out = privdesk(
        Some(dir.path()),
        &[
            "export",
            "csv",
            "--delimiter",
            ",",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let content = fs::read_to_string(&file).unwrap();
    assert!(content.starts_with("\u{feff}zaak,soort,status,"));
    assert_eq!(fs::read_dir(out_dir.path()).unwrap().count(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let out = privdesk(Some(dir.path()), &["export", "csv", "--delimiter", "ab"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn export_on_a_damaged_store_exits_4_and_verify_still_passes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let a = register(&mut store, "Anna Jansen");
    drop(store);
    {
        let db = raw_sled(&dir.path().join(SLED_DIR));
        db.open_tree("summaries")
            .unwrap()
            .remove(a.to_string().as_bytes())
            .unwrap();
        db.flush().unwrap();
    }
    let out = privdesk(Some(dir.path()), &["export", "csv"]);
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("privdesk repair"));
    let out = privdesk(Some(dir.path()), &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(0));
    let store = Store::open(dir.path(), &create_opts()).unwrap();
    assert_eq!(store.summaries().len(), 1);
}

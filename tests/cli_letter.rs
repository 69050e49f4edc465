//! `privdesk letter`: a letter written from the register, never overwriting, recorded in the
//! journal; refused (exit 2) when the case lacks what it needs.
#![allow(clippy::unwrap_used)]

mod common;
use common::{Run, privdesk, privdesk_cmd};

/// The letters' clock (a demo register takes a fixed one).
const NOW: &str = "2026-11-23T10:00";

use privdesk::demo;
use privdesk::store::{OpenOptions, Store};

fn now() -> chrono::DateTime<chrono::Utc> {
    demo::amsterdam_instant("2026-11-23".parse().unwrap(), 9, 0).unwrap()
}

/// A demo register at `dir`, seeded with the demo cases.
fn demo_register(dir: &std::path::Path) {
    let opts = OpenOptions {
        create: Some(true),
        now: now(),
        cli_user: None,
        config_user: None,
    };
    let mut store = Store::open(dir, &opts).unwrap();
    demo::seed(&mut store, now()).unwrap();
}

fn journal_lines(db: &std::path::Path) -> usize {
    std::fs::read_to_string(db.join("journal.jsonl"))
        .unwrap()
        .lines()
        .count()
}

#[test]
fn a_letter_is_written_recorded_and_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("reg");
    demo_register(&db);
    let out = tmp.path().join("brieven");
    let before = journal_lines(&db);
    // V-2026-0010: an open Inzage, received 45 days ago, not yet decided.
    let o = privdesk(
        Some(&db),
        &[
            "--now",
            NOW,
            "letter",
            "V-2026-0010",
            "ontvangstbevestiging",
            "--format",
            "md",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let first = out.join("V-2026-0010-ontvangstbevestiging.md");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        first.display().to_string()
    );
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(
        text.contains("JGZ Voorbeeldregio (demo)"),
        "the demo organisation signs demo letters"
    );
    assert!(text.contains("Autoriteit Persoonsgegevens"));
    assert_eq!(
        journal_lines(&db),
        before + 1,
        "making a letter is a journal event"
    );
    let last = std::fs::read_to_string(db.join("journal.jsonl"))
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .to_string();
    assert!(
        last.contains(
            r#""type":"letter_made","case":"V-2026-0010","letter":"ontvangstbevestiging""#
        ),
        "{last}"
    );

    let o = privdesk(
        Some(&db),
        &[
            "--now",
            NOW,
            "letter",
            "V-2026-0010",
            "ontvangstbevestiging",
            "--format",
            "md",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(out.join("V-2026-0010-ontvangstbevestiging-2.md").exists());
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        text,
        "the first letter is untouched"
    );
}

#[test]
fn a_letter_the_case_cannot_have_is_refused_with_the_reason_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("reg");
    demo_register(&db);
    let out = tmp.path().join("brieven");
    let before = journal_lines(&db);
    let o = privdesk(
        Some(&db),
        &[
            "--now",
            NOW,
            "letter",
            "V-2026-0010",
            "besluit",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("besluit"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = privdesk(
        Some(&db),
        &[
            "--now",
            NOW,
            "--lang",
            "en",
            "letter",
            "V-2026-0010",
            "verlenging",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("extension"));
    for bad in [
        ["V-2026-9999", "besluit"],
        ["X-1", "besluit"],
        ["V-2026-0010", "brief"],
    ] {
        let o = privdesk(
            Some(&db),
            &[
                "--now",
                NOW,
                "letter",
                bad[0],
                bad[1],
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
    }
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none());
    assert_eq!(
        journal_lines(&db),
        before,
        "a refused letter leaves no trace"
    );
}

/// An ontvangstbevestiging made after the answer deadline is made, says the answer is late, and
/// the desk is warned on standard error (a date, no personal data).
#[test]
fn a_late_ontvangstbevestiging_is_made_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("reg");
    demo_register(&db);
    let out = tmp.path().join("brieven");
    let (mut late, mut refused) = (0, Vec::new());
    for n in 1..=30 {
        let id = format!("V-2026-{n:04}");
        // Three months on: every open demo verzoek is past its answer deadline.
        let o = privdesk_cmd::<&str>(None, &[])
            .arg("--db")
            .arg(&db)
            .args([
                "--now",
                "2027-02-23T10:00",
                "letter",
                &id,
                "ontvangstbevestiging",
                "--format",
                "md",
            ])
            .arg("--out")
            .arg(&out)
            .run();
        let err = String::from_utf8_lossy(&o.stderr).to_string();
        if o.status.code() != Some(0) {
            refused.push(err);
            continue;
        }
        let path = String::from_utf8_lossy(&o.stdout).trim().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let says_late = text.contains("ons antwoord is te laat");
        assert_eq!(
            err.contains("antwoordtermijn is op"),
            says_late,
            "{id}: {err}\n{text}"
        );
        if says_late {
            late += 1;
            assert!(!text.contains("U krijgt uiterlijk op"), "{text}");
            // The warning names a date, never the requester.
            let opts = OpenOptions {
                create: Some(false),
                now: now(),
                cli_user: None,
                config_user: None,
            };
            let store = Store::open(&db, &opts).unwrap();
            let case = store.case(id.parse().unwrap()).unwrap().unwrap();
            let name = case.request.unwrap().requester.name;
            assert!(!err.contains(&name), "{err}");
        }
    }
    assert!(
        late > 0,
        "no demo case is past its answer deadline: {refused:?}"
    );
}

//! The FG's view (issue 21) through key scripts in-process: the overview (`o`) with its tiles,
//! its late and due-soon table with why, its months and Enter opening a case; each list filter
//! (te laat, bijna, decision, year), combined with kind and status and shown in the header;
//! and "Waarom deze datum?" (`W`) on a case's detail and checklist.
#![allow(clippy::unwrap_used)]

mod app_fixture;
mod common;

use chrono::Datelike;
use common::screen::{Open, Session};
use privdesk::domain::case::Decision;
use privdesk::domain::deadline::Level;

/// The fixture register (two late, two due soon, one waiting, one on time, one void) at
/// 2026-11-23 09:00.
fn fixture() -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    app_fixture::fill(&db);
    let s = Session::open(Open {
        demo: false,
        db: Some(db),
        ..Open::default()
    });
    (dir, s)
}

/// A bulk register of 400 cases over three years before 2026-11-23, its summaries as the
/// register holds them (read before the session opens it), and the session.
fn bulk() -> (tempfile::TempDir, Vec<privdesk::domain::Summary>, Session) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    privdesk::demo::bulk::build(&db, 400, app_fixture::now()).unwrap();
    let summaries = {
        let store = privdesk::store::Store::open(&db, &common::create_opts()).unwrap();
        store.summaries()
    };
    let s = Session::open(Open {
        demo: false,
        db: Some(db),
        ..Open::default()
    });
    (dir, summaries, s)
}

#[test]
fn the_overview_shows_the_tiles_the_late_and_due_soon_cases_with_why_and_opens_one() {
    let (_dir, mut s) = fixture();
    let rows = s.run(
        "now 2026-11-23T09:00
press o
expect Overzicht
expect open 6
expect !! te laat 2
expect ! bijna 2
expect wachtend 1
expect Te laat en bijna (4)
expect antwoord: open stap:
expect melding AP: open stap:
expect Verzoeken per maand
expect 2026-11
expect Behandelduur
expect 1 geregistreerd",
    );
    // Late first (by the nearest deadline), then due soon; each row says why.
    let table: Vec<&String> = rows
        .iter()
        .filter(|r| r.contains("V-2026-") || r.contains("D-2026-"))
        .collect();
    assert!(
        table[0].contains("V-2026-0001") && table[0].contains("te laat"),
        "{rows:#?}"
    );
    assert!(table[1].contains("V-2026-0002") && table[1].contains("te laat"));
    assert!(table[2].contains("D-2026-0001") && table[2].contains("bijna"));
    assert!(table[3].contains("V-2026-0003") && table[3].contains("bijna"));
    // The months of the chart read without colour: October's two requests, November's four
    // (a datalek is not a request), none answered yet.
    let oct = rows.iter().find(|r| r.contains("2026-10 ")).unwrap();
    assert!(
        oct.contains("3 ontv. · 0 op tijd · 0%") && oct.contains('░'),
        "{oct}"
    );
    let nov = rows.iter().find(|r| r.contains("2026-11 ")).unwrap();
    assert!(nov.contains("3 ontv. · 0 op tijd · 0%"), "{nov}");
    // Enter opens the selected case; Esc comes back to the overview.
    s.run(
        "press j
press <Enter>
expect Zaak V-2026-0002
press <Esc>
expect Overzicht
press <Esc>
expect Zaak",
    );
}

#[test]
fn the_te_laat_and_bijna_filters_combine_with_kind_and_show_in_the_header() {
    let (_dir, mut s) = fixture();
    s.run(
        "now 2026-11-23T09:00
press t
expect termijn: te laat
expect Jan de Vries
expect Ahmed Yilmaz
expect-not Fatima el Amrani
expect-not Els Visser
expect 2 van 7
press t
expect termijn: bijna
expect Fatima el Amrani
expect Medewerker Locatie Noord
expect-not Jan de Vries
expect 2 van 7
press D
expect soort: Datalek
expect Medewerker Locatie Noord
expect-not Fatima el Amrani
expect 1 van 7
press t
expect-not termijn:
press <Esc>
expect 6 van 7
press ?
expect alleen te laat, dan bijna",
    );
}

#[test]
fn the_decision_filter_shows_exactly_the_cases_with_that_decision() {
    let (_dir, summaries, mut s) = bulk();
    let total = summaries.len();
    let count = |d: Decision| summaries.iter().filter(|x| x.decision == Some(d)).count();
    let (granted, refused) = (count(Decision::Toegewezen), count(Decision::Afgewezen));
    assert!(refused > 0 && granted > refused);
    // s: every status; b walks the decisions: toegewezen, deels, afgewezen; B back.
    s.run(&format!(
        "press s
press b
expect besluit: toegewezen
expect {granted} van {total}
press b b
expect besluit: afgewezen
expect {refused} van {total}
press B B B
expect-not besluit:"
    ));
}

#[test]
fn the_year_filter_shows_the_cases_received_in_that_year_and_combines() {
    let (_dir, summaries, mut s) = bulk();
    let total = summaries.len();
    let in_year = |y: i32| summaries.iter().filter(|x| x.received.year() == y).count();
    let late_in = |y: i32| {
        let now = app_fixture::now();
        summaries
            .iter()
            .filter(|x| {
                x.received.year() == y && x.status.is_active() && x.level(now) == Level::TeLaat
            })
            .count()
    };
    assert!(in_year(2025) > 50 && in_year(2026) > 50);
    // y walks the years of receipt, newest first; Y back.
    s.run(&format!(
        "press s
press y
expect ontvangen: 2026
expect {} van {total}
press y
expect ontvangen: 2025
expect {} van {total}
press S
expect status: actief
press t
expect termijn: te laat
expect ontvangen: 2025
expect {} van {total}
press Y
expect ontvangen: 2026",
        in_year(2026),
        in_year(2025),
        late_in(2025),
    ));
}

#[test]
fn waarom_deze_datum_on_the_detail_and_the_checklist() {
    let (_dir, mut s) = fixture();
    // V-2026-0001, Inzage received Fri 9 Oct 2026: the same date a month on, Mon 9 Nov.
    s.run(
        "now 2026-11-23T09:00
press <Enter>
expect Zaak V-2026-0001
press W
expect Waarom deze datum?
expect Antwoordtermijn: maandag 09-11-2026
expect Ontvangen op vrijdag 09-10-2026
expect AVG 12(3)
expect vrijdag 09-10-2026 + 1 maand(en) = maandag 09-11-2026: dezelfde datum.
press <Esc>
expect-not Waarom deze datum?
press c
press W
expect Antwoordtermijn: maandag 09-11-2026
press W
expect-not Waarom deze datum?",
    );
    // The datalek: 72 clock hours from Fri 20 Nov 14:05.
    s.run(
        "press <Esc>
press <Esc>
press D
press <Enter>
press W
expect Melding AP uiterlijk: maandag 23-11-2026 14:05
expect 72 klokuren",
    );
}

/// Issue 22: the overview counts the open cases per behandelaar once the cases have more than
/// one (a register of one handler without logins does not spend the line), in words, with
/// the number beside each name; and the FG's advice given, followed and not followed.
#[test]
fn the_overview_counts_open_cases_per_behandelaar_and_the_fgs_advice() {
    let (dir, mut s) = fixture();
    s.run(
        "now 2026-11-23T09:00
press o
expect Overzicht
expect FG-advies 12 mnd: 0 gegeven, 0 gevolgd, 0 niet
expect-not Open per behandelaar",
    );
    drop(s);
    let db = dir.path().join("register");
    let open = {
        let mut store = privdesk::store::Store::open(&db, &common::create_opts()).unwrap();
        let id = privdesk::domain::CaseId::new('V', 2026, 2);
        store
            .save(
                vec![privdesk::domain::Event::HandlerAssigned {
                    case: id,
                    handler: "Bert Behandelaar".into(),
                }],
                app_fixture::now(),
            )
            .unwrap();
        // The FG's advice, twice on one case: one answered as not followed, one open.
        let advise = |store: &mut privdesk::store::Store| {
            store
                .save(
                    vec![privdesk::domain::Event::AdviceGiven {
                        case: privdesk::domain::CaseId::new('V', 2026, 1),
                        text: "overweeg deels toewijzen".into(),
                        on: app_fixture::date("2026-11-23"),
                    }],
                    app_fixture::now(),
                )
                .unwrap()
        };
        let advice = advise(&mut store);
        advise(&mut store);
        store
            .save(
                vec![privdesk::domain::Event::AdviceAnswered {
                    case: privdesk::domain::CaseId::new('V', 2026, 1),
                    advice,
                    followed: false,
                    why: "afgewogen".into(),
                }],
                app_fixture::now(),
            )
            .unwrap();
        store
            .summaries()
            .iter()
            .filter(|s| s.status.is_active())
            .map(|s| s.handler.clone())
            .collect::<Vec<_>>()
    };
    // Counted here by hand: Bert has the one reassigned case, the registrant the rest.
    let bert = open.iter().filter(|h| *h == "Bert Behandelaar").count();
    let other: Vec<&String> = open.iter().filter(|h| *h != "Bert Behandelaar").collect();
    assert_eq!(bert, 1);
    assert!(other.iter().all(|h| *h == other[0]), "{open:?}");
    let mut s = Session::open(Open {
        demo: false,
        db: Some(db),
        ..Open::default()
    });
    let rows = s.run(&format!(
        "now 2026-11-23T09:00
press o
expect FG-advies 12 mnd: 2 gegeven, 0 gevolgd, 1 niet
expect Open per behandelaar: Bert Behandelaar 1 · {} {}",
        other[0],
        other.len()
    ));
    assert!(!rows.is_empty());
}

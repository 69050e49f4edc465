//! `privdesk deadline` run as a process: its output, exit codes and one-line errors in Dutch
//! and English (design.md "Command line").
#![allow(clippy::unwrap_used)]

mod common;

use common::privdesk;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Runs a successful command and returns its standard output.
fn ok(args: &[&str]) -> String {
    let o = privdesk(None, args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "{args:?}");
    stdout(&o)
}

/// Runs a refused command: exit 2, nothing on stdout, exactly one line on stderr; returns it.
fn refused(args: &[&str]) -> String {
    let o = privdesk(None, args);
    assert_eq!(o.status.code(), Some(2), "{args:?}");
    assert!(o.stdout.is_empty(), "{args:?}");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(err.ends_with('\n'));
    assert!(!err.contains("panicked"));
    err
}

#[test]
fn worked_examples() {
    for (kind, from, want) in [
        ("inzage", "2026-03-09", "2026-04-09\n"),
        ("inzage", "2027-01-31", "2027-03-01\n"),
        ("afschrift", "2027-03-26", "2027-04-26\n"),
        ("bezwaar", "2026-11-25", "2026-12-28\n"),
        ("rectificatie", "2027-04-05", "2027-05-07\n"),
        ("eigen-verklaring", "2027-02-26", "2027-03-26\n"),
        ("intrekken-toestemming", "2027-01-31", "2027-03-01\n"),
    ] {
        assert_eq!(ok(&["deadline", kind, from]), want, "{kind} {from}");
    }
    assert_eq!(
        ok(&["deadline", "inzage", "2027-01-31", "--extended"]),
        "2027-04-28\n"
    );
}

#[test]
fn vernietiging_prints_two_lines_in_the_users_language() {
    assert_eq!(
        ok(&["deadline", "vernietiging", "2026-11-23"]),
        "2026-12-23\nvernietigen uiterlijk 2027-02-23\n"
    );
    assert_eq!(
        ok(&["--lang", "en", "deadline", "vernietiging", "2026-11-23"]),
        "2026-12-23\ndestroy by 2027-02-23\n"
    );
    // Extended: the answer moves, the destruction date does not.
    assert_eq!(
        ok(&["deadline", "vernietiging", "2026-11-23", "--extended"]),
        "2027-02-23\nvernietigen uiterlijk 2027-02-23\n"
    );
}

#[test]
fn datalek_prints_the_instant_with_its_offset() {
    for (from, want) in [
        ("2027-03-26T16:00", "2027-03-29T17:00+02:00\n"),
        ("2027-10-28T16:00", "2027-10-31T15:00+01:00\n"),
        ("2026-10-23T16:00", "2026-10-26T15:00+01:00\n"),
        ("2026-12-24T10:00", "2026-12-27T10:00+01:00\n"),
        ("2027-03-26T15:00Z", "2027-03-29T17:00+02:00\n"),
        ("2027-03-26T16:00+01:00", "2027-03-29T17:00+02:00\n"),
        ("2027-03-26T16:00:30", "2027-03-29T17:00:30+02:00\n"),
        // The repeated hour means the earlier instant (CEST).
        ("2027-10-31T02:30", "2027-11-03T01:30+01:00\n"),
    ] {
        assert_eq!(ok(&["deadline", "datalek", from]), want, "{from}");
    }
}

#[test]
fn global_options_go_before_or_after_the_command() {
    let all = [
        "--db",
        "/nonexistent/register",
        "--config",
        "/nonexistent/privdesk.toml",
        "--theme",
        "light",
        "--user",
        "Test Gebruiker",
        "--now",
        "2027-03-01T09:00",
    ];
    let mut before = all.to_vec();
    before.extend(["deadline", "inzage", "2027-01-31"]);
    assert_eq!(ok(&before), "2027-03-01\n");
    let mut after = vec!["deadline", "inzage", "2027-01-31"];
    after.extend(all);
    after.extend(["--lang", "en"]);
    assert_eq!(ok(&after), "2027-03-01\n");
    assert_eq!(
        ok(&["deadline", "--demo", "inzage", "2027-01-31", "--lang", "en"]),
        "2027-03-01\n"
    );
}

#[test]
fn db_and_demo_exclude_each_other() {
    let o = privdesk(
        None,
        &[
            "--db",
            "/tmp/x",
            "--demo",
            "deadline",
            "inzage",
            "2027-01-31",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn unknown_kind_lists_the_valid_ones() {
    let nl = refused(&["deadline", "inzag", "2027-01-31"]);
    assert!(nl.starts_with("fout: onbekende soort 'inzag'"), "{nl}");
    let en = refused(&["--lang", "en", "deadline", "Inzage", "2027-01-31"]);
    assert!(en.starts_with("error: unknown kind 'Inzage'"), "{en}");
    for e in [&nl, &en] {
        for slug in [
            "inzage",
            "afschrift",
            "rectificatie",
            "eigen-verklaring",
            "vernietiging",
            "beperking",
            "overdraagbaarheid",
            "bezwaar",
            "intrekken-toestemming",
            "datalek",
        ] {
            assert!(e.contains(slug), "{slug} missing in {e}");
        }
    }
}

#[test]
fn impossible_and_malformed_dates() {
    let nl = refused(&["deadline", "inzage", "2027-02-30"]);
    assert_eq!(nl, "fout: de datum in '2027-02-30' bestaat niet\n");
    let en = refused(&["deadline", "inzage", "2027-02-30", "--lang", "en"]);
    assert_eq!(en, "error: the date in '2027-02-30' does not exist\n");
    let nl = refused(&["deadline", "inzage", "30-01-2027"]);
    assert_eq!(
        nl,
        "fout: '30-01-2027' is geen datum; verwacht JJJJ-MM-DD\n"
    );
    let en = refused(&["--lang", "en", "deadline", "bezwaar", "2027-01-30T10:00"]);
    assert_eq!(
        en,
        "error: '2027-01-30T10:00' is not a date; expected YYYY-MM-DD\n"
    );
    let nl = refused(&["deadline", "datalek", "2027-02-29T10:00"]);
    assert_eq!(nl, "fout: de datum in '2027-02-29T10:00' bestaat niet\n");
    let nl = refused(&["deadline", "datalek", "2027-03-26T25:00"]);
    assert!(nl.starts_with("fout: de tijd in"), "{nl}");
    let nl = refused(&["deadline", "datalek", "2027-03-26 16:00"]);
    assert!(
        nl.starts_with("fout: '2027-03-26 16:00' is geen tijdstip"),
        "{nl}"
    );
}

#[test]
fn datalek_needs_a_time() {
    let nl = refused(&["deadline", "datalek", "2027-03-26"]);
    assert!(nl.starts_with("fout: een datalek loopt in uren"), "{nl}");
    let en = refused(&["--lang", "en", "deadline", "datalek", "2027-03-26"]);
    assert!(en.starts_with("error: a datalek runs in hours"), "{en}");
}

#[test]
fn the_skipped_hour_does_not_exist_in_amsterdam() {
    let nl = refused(&["deadline", "datalek", "2027-03-28T02:30"]);
    assert!(
        nl.starts_with("fout: '2027-03-28T02:30' bestaat niet in Amsterdam"),
        "{nl}"
    );
    let en = refused(&["deadline", "datalek", "2027-03-28T02:30", "--lang", "en"]);
    assert!(
        en.starts_with("error: '2027-03-28T02:30' does not exist in Amsterdam"),
        "{en}"
    );
    // With an explicit offset the instant is fine.
    assert_eq!(
        ok(&["deadline", "datalek", "2027-03-28T02:30+01:00"]),
        "2027-03-31T03:30+02:00\n"
    );
}

#[test]
fn no_extension_for_datalek_or_intrekken_toestemming() {
    let nl = refused(&["deadline", "datalek", "2027-03-26T16:00", "--extended"]);
    assert_eq!(
        nl,
        "fout: soort datalek kan niet verlengd worden (--extended)\n"
    );
    let en = refused(&[
        "--lang",
        "en",
        "deadline",
        "intrekken-toestemming",
        "2027-01-31",
        "--extended",
    ]);
    assert_eq!(
        en,
        "error: kind intrekken-toestemming cannot be extended (--extended)\n"
    );
}

#[test]
fn a_bad_now_is_refused() {
    let nl = refused(&[
        "--now",
        "2027-03-28T02:30",
        "deadline",
        "inzage",
        "2027-01-31",
    ]);
    assert!(nl.starts_with("fout: --now: "), "{nl}");
    let en = refused(&[
        "--now",
        "2027-03-28",
        "--lang",
        "en",
        "deadline",
        "inzage",
        "2027-01-31",
    ]);
    assert!(
        en.starts_with("error: --now: '2027-03-28' is only a date"),
        "{en}"
    );
}

#[test]
fn out_of_range_is_refused_not_a_panic() {
    let nl = refused(&["deadline", "inzage", "9999-12-31"]);
    assert!(nl.contains("bereik"), "{nl}");
}

#[test]
fn without_a_command_an_honest_hint() {
    let o = privdesk::<&str>(None, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("privdesk headless"));
    let o = privdesk(None, &["--lang", "en"]);
    assert!(stderr(&o).contains("needs a terminal"));
}

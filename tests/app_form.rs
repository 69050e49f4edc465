//! Registering and reading a case through the real binary's headless driver: the new-verzoek
//! form, its refusals (and that nothing reaches the journal), key routing in fields, the
//! detail's history, and screen sizes; the config's language and user name.
#![allow(clippy::unwrap_used)]

mod app_fixture;
mod common;
use common::{Run, privdesk, privdesk_cmd};

use std::path::Path;

use app_fixture::fill;

/// The journal's lines: one per saved change.
fn journal_lines(db: &Path) -> usize {
    std::fs::read_to_string(db.join("journal.jsonl"))
        .unwrap()
        .lines()
        .count()
}

/// Runs a script from tests/scripts on a fresh fixture register, in-process: (exit code,
/// stdout, the journal's lines before, after).
fn run(script: &str, extra: &[&str]) -> (i32, String, usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    fill(&db);
    let before = journal_lines(&db);
    let path = format!("{}/tests/scripts/{script}", env!("CARGO_MANIFEST_DIR"));
    let mut args = vec!["--db", db.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (code, out, err) = common::screen::script(&args, &path);
    assert_eq!(code, 0, "{script}: {out}{err}");
    (0, out, before, journal_lines(&db))
}

#[test]
fn a_new_inzage_is_saved_and_listed_with_its_deadline() {
    let (_, out, before, after) = run("new_inzage.keys", &[]);
    // One change: the registration (the detail it opens needs no reading record of its own).
    assert_eq!(after, before + 1);
    insta::assert_snapshot!(out);
}

#[test]
fn refused_dates_are_said_at_the_field_and_nothing_is_saved() {
    let (_, out, before, after) = run("form_bad_date.keys", &[]);
    assert_eq!(after, before, "a refused form wrote to the journal");
    insta::assert_snapshot!(out);
}

#[test]
fn letters_typed_in_a_field_are_text() {
    let (_, out, before, after) = run("form_letters.keys", &[]);
    assert_eq!(after, before);
    insta::assert_snapshot!(out);
}

#[test]
fn the_detail_shows_the_history_from_the_journal() {
    let (_, out, before, after) = run("detail_history.keys", &[]);
    // Opening it recorded the reading.
    assert_eq!(after, before + 1);
    insta::assert_snapshot!(out);
}

#[test]
fn small_and_large_screens() {
    let (_, out, ..) = run("sizes.keys", &[]);
    insta::assert_snapshot!(out);
}

#[test]
fn the_form_speaks_english() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("en.keys");
    std::fs::write(
        &script,
        "now 2026-11-23T09:00\npress n\npress <Tab>\ntype x\npress <C-s>\n\
         expect ⚠ write a date as YYYY-MM-DD or D-M-YYYY\nexpect ⚠ required: fill this in\n\
         expect Not saved: see the fields marked ⚠.\npress <Esc>\nexpect Throw the typed input away?\nexpect n no\npress y\n\
         expect No cases in this register yet.\n",
    )
    .unwrap();
    let o = privdesk(
        None,
        &["--lang", "en", "headless", script.to_str().unwrap()],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

/// The config's `weergave.taal` speaks when `--lang` is not given; `--lang` wins.
#[test]
fn the_config_chooses_the_language_unless_lang_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("privdesk.toml");
    std::fs::write(&config, "[weergave]\ntaal = \"en\"\n").unwrap();
    let config = config.to_str().unwrap();
    let o = privdesk(
        None,
        &["--config", config, "deadline", "vernietiging", "2026-11-23"],
    );
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "2026-12-23\ndestroy by 2027-02-23\n"
    );
    let o = privdesk(
        None,
        &[
            "--config",
            config,
            "--lang",
            "nl",
            "deadline",
            "vernietiging",
            "2026-11-23",
        ],
    );
    assert_eq!(
        String::from_utf8(o.stdout).unwrap(),
        "2026-12-23\nvernietigen uiterlijk 2027-02-23\n"
    );
    let o = privdesk_cmd(None, &["--config", config, "headless", "-"])
        .run_with(b"expect No cases in this register yet.\n");
    assert_eq!(String::from_utf8(o.stdout).unwrap(), "ok\n");
}

/// On a real register the config's `gebruiker.naam` is the user; `--user` wins; a demo
/// register stays "Demo Gebruiker".
#[test]
fn the_config_names_the_user_on_a_real_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    let opts = privdesk::store::OpenOptions {
        create: Some(false),
        now: app_fixture::now(),
        cli_user: None,
        config_user: None,
    };
    drop(privdesk::store::Store::open(&db, &opts).unwrap());
    let config = dir.path().join("privdesk.toml");
    std::fs::write(&config, "[gebruiker]\nnaam = \"Fatima el Amrani\"\n").unwrap();
    let script = dir.path().join("new.keys");
    std::fs::write(
        &script,
        "press n\npress <Tab><Tab><Tab>\ntype Karin Smit\npress <Tab><Tab><Tab><Tab><Tab>\n\
         type Lisa Smit\npress <Tab>\ntype 2018-05-02\npress <C-s>\nexpect geregistreerd\n",
    )
    .unwrap();
    let (db_s, config_s, script_s) = (
        db.to_str().unwrap(),
        config.to_str().unwrap(),
        script.to_str().unwrap(),
    );
    let o = privdesk(
        None,
        &["--db", db_s, "--config", config_s, "headless", script_s],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let journal = std::fs::read_to_string(db.join("journal.jsonl")).unwrap();
    let last = journal.lines().last().unwrap();
    assert!(last.contains("\"user\":\"Fatima el Amrani\""), "{last}");
    let o = privdesk(
        None,
        &[
            "--db", db_s, "--config", config_s, "--user", "Piet", "headless", script_s,
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let journal = std::fs::read_to_string(db.join("journal.jsonl")).unwrap();
    assert!(
        journal
            .lines()
            .last()
            .unwrap()
            .contains("\"user\":\"Piet\"")
    );
}

/// A bad key or value in the settings file stops privdesk before anything opens, naming it;
/// every theme can be chosen by `--theme` or the file.
#[test]
fn bad_settings_are_refused_by_name_and_every_theme_opens() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("privdesk.toml");
    let config_s = config.to_str().unwrap();
    std::fs::write(&config, "[weergave]\nkleur = \"rood\"\n").unwrap();
    let o = privdesk(None, &["--config", config_s, "headless", "-"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("onbekende instelling 'weergave.kleur' (geldig: thema, taal)"),
        "{err}"
    );
    std::fs::write(&config, "[weergave]\nthema = \"donker\"\n").unwrap();
    let o = privdesk(
        None,
        &["--config", config_s, "--lang", "en", "headless", "-"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("unknown theme 'donker' (valid: default, light, high-contrast)"),
        "{err}"
    );
    for theme in ["default", "light", "high-contrast"] {
        std::fs::write(&config, format!("[weergave]\nthema = \"{theme}\"\n")).unwrap();
        let o = privdesk_cmd(None, &["--config", config_s, "headless", "-"])
            .run_with(b"expect Nog geen zaken\n");
        assert_eq!(String::from_utf8(o.stdout).unwrap(), "ok\n", "{theme}");
        let o = privdesk_cmd(None, &["--theme", theme, "headless", "-"])
            .run_with(b"expect Nog geen zaken\n");
        assert_eq!(String::from_utf8(o.stdout).unwrap(), "ok\n", "{theme}");
    }
}

#[test]
fn the_postal_address_is_asked_only_when_the_answer_goes_by_post() {
    let (_, _, before, after) = run("form_reply_address.keys", &[]);
    // Two refused saves wrote nothing; the third is the one registration.
    assert_eq!(after, before + 1);
}

#[test]
fn a_form_of_address_needs_the_surname_and_is_recorded_with_it() {
    let (_, _, before, after) = run("form_salutation.keys", &[]);
    assert_eq!(
        after,
        before + 1,
        "one registration, after the surname was given"
    );
}

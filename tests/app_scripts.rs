//! Flows: key scripts in tests/scripts run by the real binary's headless driver on a register
//! with known cases, the output snapshotted; and a pipe session driven through
//! `privdesk headless -`.
#![allow(clippy::unwrap_used)]

mod app_fixture;
mod common;
use common::{Run, empty_config, privdesk, privdesk_cmd};

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use app_fixture::fill;

/// Runs a script from tests/scripts on a fresh fixture register by the binary (its exit code
/// and standard error are the point): (exit code, stdout, stderr).
fn run(script: &str, extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    fill(&db);
    let path = format!("{}/tests/scripts/{script}", env!("CARGO_MANIFEST_DIR"));
    let mut args = vec!["--db", db.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["headless", &path]);
    let o = privdesk(None, &args);
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

/// Runs a script from tests/scripts on a fresh fixture register, in-process (what it shows is
/// the point, not the binary); asserts it passed and returns what it printed.
fn passes(script: &str, extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    fill(&db);
    let path = format!("{}/tests/scripts/{script}", env!("CARGO_MANIFEST_DIR"));
    let mut args = vec!["--db", db.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (code, out, err) = common::screen::script(&args, &path);
    assert_eq!(code, 0, "{script}: {out}{err}");
    out
}

#[test]
fn the_list_sorts_counts_and_marks() {
    insta::assert_snapshot!(passes("list.keys", &[]));
}

#[test]
fn the_list_in_english() {
    insta::assert_snapshot!(passes("list_en.keys", &["--lang", "en"]));
}

#[test]
fn search_narrows_the_list() {
    insta::assert_snapshot!(passes("search.keys", &[]));
}

/// Issue 18: zoe finds Zoë, yilmaz finds Yılmaz, a kind word finds its cases, a closed case
/// is found by its number whatever the status filter (said on screen), `/` starts anew.
#[test]
fn search_ignores_diacritics_and_finds_words_and_closed_cases_by_number() {
    insta::assert_snapshot!(passes("search_folded.keys", &[]));
}

/// Issue 18: j and k on the detail scroll it; they do not open the next case.
#[test]
fn j_and_k_scroll_the_detail_and_do_not_open_the_next_case() {
    passes("detail_scroll.keys", &[]);
}

#[test]
fn filters_by_kind_and_status() {
    insta::assert_snapshot!(passes("filter.keys", &[]));
}

#[test]
fn help_lists_the_keys() {
    insta::assert_snapshot!(passes("help.keys", &[]));
}

#[test]
fn enter_opens_a_short_detail() {
    insta::assert_snapshot!(passes("detail.keys", &[]));
}

#[test]
fn a_malformed_line_exits_2_naming_it_before_anything_runs() {
    let (code, out, err) = run("malformed.keys", &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    insta::assert_snapshot!(err);
}

#[test]
fn a_failed_expect_prints_why_and_the_screen_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("fail.keys");
    std::fs::write(&script, "now 2026-11-23T09:00\nexpect Nergens te vinden\n").unwrap();
    let o = privdesk(None, &["headless", script.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.starts_with("fail: \"Nergens te vinden\" staat niet op het scherm\n"),
        "{out}"
    );
    assert!(out.ends_with("--- end ---\n"), "{out}");
}

#[test]
fn headless_without_db_runs_on_an_empty_throw_away_register() {
    let o = privdesk_cmd(None, &["headless", "-"]).run_with(b"expect Nog geen zaken\n");
    assert_eq!(String::from_utf8(o.stdout).unwrap(), "ok\n");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn now_is_refused_on_a_real_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    let opts = privdesk::store::OpenOptions {
        create: Some(false),
        now: app_fixture::now(),
        cli_user: None,
        config_user: None,
    };
    drop(privdesk::store::Store::open(&db, &opts).unwrap());
    let script = dir.path().join("now.keys");
    std::fs::write(&script, "screen\nnow 2026-11-23T09:00\n").unwrap();
    let db = db.to_str().unwrap();
    let o = privdesk(None, &["--db", db, "headless", script.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8(o.stderr)
            .unwrap()
            .starts_with("error: line 2: ")
    );
    let o = privdesk(
        None,
        &["--db", db, "--now", "2026-11-23T09:00", "headless", "-"],
    );
    assert_eq!(o.status.code(), Some(2));
}

/// A harness drives privdesk through a pipe: one reply per command, read as it comes.
#[test]
fn a_pipe_session_replies_once_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    fill(&db);
    let mut child = privdesk_cmd::<&str>(None, &[])
        .args([
            "--db",
            db.to_str().unwrap(),
            "headless",
            "-",
            "--size",
            "100x20",
        ])
        .env("PRIVDESK_CONFIG", empty_config())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut ask = |line: &str| -> String {
        stdin.write_all(line.as_bytes()).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
        let mut reply = String::new();
        stdout.read_line(&mut reply).unwrap();
        if reply.starts_with("fail: ")
            || !matches!(reply.as_str(), "ok\n") && !reply.starts_with("error: ")
        {
            // A screen follows (or is) the reply: read up to its end line.
            while !reply.ends_with("--- end ---\n") {
                if stdout.read_line(&mut reply).unwrap() == 0 {
                    break;
                }
            }
        }
        reply
    };
    assert_eq!(ask("now 2026-11-23T09:00"), "ok\n");
    assert_eq!(
        ask("# a comment gets no reply\n\nexpect V-2026-0001"),
        "ok\n"
    );
    assert_eq!(
        ask("bogus"),
        "error: line 5: onbekend commando 'bogus' (now, size, press, type, expect, expect-not, screen)\n"
    );
    assert_eq!(ask("press /"), "ok\n");
    assert_eq!(ask("type yara"), "ok\n");
    let fail = ask("expect Jan de Vries");
    assert!(
        fail.starts_with("fail: \"Jan de Vries\" staat niet op het scherm\n"),
        "{fail}"
    );
    let screen = ask("screen");
    assert_eq!(screen.lines().count(), 21, "{screen}");
    insta::assert_snapshot!(screen);
    drop(stdin);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

/// Runs a script on a `--demo` register seeded at a fixed now; the script must pass.
fn passes_on_demo(script: &str) -> String {
    let path = format!("{}/tests/scripts/{script}", env!("CARGO_MANIFEST_DIR"));
    let o = privdesk(
        None,
        &["--demo", "--now", "2026-11-23T09:00", "headless", &path],
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{script}: {out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

#[test]
fn the_demo_list_at_a_fixed_now() {
    insta::assert_snapshot!(passes_on_demo("demo_list.keys"));
}

#[test]
fn the_detail_warns_before_the_extension_window_closes() {
    passes_on_demo("extension_window.keys");
}

#[test]
fn a_case_registered_after_a_search_is_found_by_the_next() {
    passes("search_after_new.keys", &[]);
}

#[test]
fn esc_and_a_quick_key_arriving_as_one_alt_key_act_as_both() {
    passes("esc_then_key.keys", &[]);
}

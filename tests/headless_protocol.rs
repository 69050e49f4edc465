//! The headless protocol without traps (issue 24): deterministic screens on a damaged journal,
//! a visible quit, `--json` replies, and the throw-away register gone after a signal.
#![allow(clippy::unwrap_used)]

mod app_fixture;
mod common;
use common::{Run, empty_config, privdesk, privdesk_cmd};

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use app_fixture::{date, fill, now};
use privdesk::domain::case::{Channel, Child, Relation, RequestFacts, Requester};
use privdesk::domain::{CaseId, CaseKind, Event};
use privdesk::store::journal::JOURNAL_FILE;
use privdesk::store::{OpenOptions, Store};

/// Lines added after the fixture's, and cases a line, for a journal whose check takes a while.
const MORE_LINES: u32 = 20;
const PER_LINE: u32 = 1;
const NOTES_REPEAT: usize = 20_000;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A register of the fixture's cases and many more, whose journal is damaged in the middle: a
/// requester's name changed on line 3, so opening (which reads the journal's ends) does not
/// notice it, and the whole-chain check has lines enough to still be running at the first
/// screen unless headless waits for it.
fn damaged_register(dir: &Path) {
    fill(dir);
    let opts = OpenOptions {
        create: None,
        now: now(),
        cli_user: None,
        config_user: None,
    };
    let mut store = Store::open(dir, &opts).unwrap();
    for batch in 0..MORE_LINES {
        let change: Vec<Event> = (0..PER_LINE)
            .map(|i| {
                let n = 100 + batch * PER_LINE + i;
                Event::Registered {
                    case: CaseId::new('V', 2025, n),
                    request: RequestFacts {
                        kind: CaseKind::Inzage,
                        received: date("2025-06-02"),
                        channel: Channel::Email,
                        requester: Requester {
                            name: format!("Ouder Fictief {n}"),
                            relation: Relation::OuderMetGezag,
                            contact: "ouder@example.org".into(),
                            address: String::new(),
                            salutation: None,
                        },
                        child: Child {
                            name: format!("Kind Fictief {n}"),
                            birth_date: date("2019-03-14"),
                        },
                        // Long notes: lines that take the check a while to read and hash.
                        notes: "Fictieve notitie. ".repeat(NOTES_REPEAT),
                        regime: Default::default(),
                        reply: None,
                    },
                }
            })
            .collect();
        store.save(change, now()).unwrap();
    }
    drop(store);
    let path = dir.join(JOURNAL_FILE);
    let journal = fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = journal.lines().collect();
    assert!(lines.len() >= 6, "the fixture has lines enough");
    assert!(lines[2].contains("Ahmed Yilmaz"), "{}", lines[2]);
    let tampered = journal.replacen("Ahmed Yilmaz", "Ahmet Yilmaz", 1);
    fs::write(&path, tampered).unwrap();
}

#[test]
fn twenty_runs_on_a_journal_damaged_in_the_middle_give_identical_screens() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    damaged_register(&db);
    let db = db.to_str().unwrap();
    // A fixed clock (the screen shows the time, and a minute may turn between runs), set on
    // the command line so that `screen` is the first command.
    let script = b"screen\n";
    let mut first: Option<String> = None;
    for run in 0..20 {
        let o = privdesk_cmd(
            None,
            &["--db", db, "--now", "2026-11-23T09:00", "headless", "-"],
        )
        .run_with(script);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let out = text(&o.stdout);
        assert!(
            out.contains("journaal beschadigd vanaf regel 3"),
            "run {run}: no banner\n{out}"
        );
        match &first {
            None => first = Some(out),
            Some(f) => assert_eq!(f, &out, "run {run} differs:\n{f}\n{out}"),
        }
    }
}

#[test]
fn press_q_on_the_list_answers_ok_quit_and_the_pipe_session_exits() {
    let mut child = privdesk_cmd::<&str>(None, &[])
        .args(["headless", "-"])
        .env("PRIVDESK_CONFIG", empty_config())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Standard input stays open: the session must end by itself after the quit.
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdin.write_all(b"press j\n").unwrap();
    stdin.flush().unwrap();
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "ok\n");
    stdin.write_all(b"press q\n").unwrap();
    stdin.flush().unwrap();
    line.clear();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "ok: quit\n");
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the session did not exit after q"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    line.clear();
    assert_eq!(
        stdout.read_line(&mut line).unwrap(),
        0,
        "nothing after: {line}"
    );
    drop(stdin);
}

#[test]
fn a_file_script_ends_at_the_quit() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("quit.keys");
    // The expect after the quit would fail if it ran.
    fs::write(&script, "press q\nexpect Dit staat nergens\n").unwrap();
    let o = privdesk(None, &["headless", script.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(text(&o.stdout).ends_with("--- end ---\n"));
    assert!(!text(&o.stdout).contains("fail:"));
}

#[test]
fn json_replies_parse_for_each_kind_of_reply() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("register");
    fill(&db);
    let input = "# a comment gets no reply\n\
                 press j\n\
                 screen\n\
                 expect Dit staat nergens\n\
                 bogus\n\
                 press q\n";
    let o = privdesk_cmd(
        None,
        &["--db", db.to_str().unwrap(), "headless", "-", "--json"],
    )
    .run_with(input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let replies: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(replies.len(), 5, "{out}");
    assert_eq!(replies[0], serde_json::json!({ "ok": true }));
    let rows = replies[1]["screen"].as_array().unwrap();
    assert_eq!(rows.len(), 35);
    assert!(
        rows.iter()
            .any(|r| r.as_str().unwrap().contains("Jan de Vries"))
    );
    assert_eq!(
        replies[2]["fail"],
        "\"Dit staat nergens\" staat niet op het scherm"
    );
    assert_eq!(replies[2]["screen"].as_array().unwrap().len(), 35);
    assert_eq!(replies[3]["line"], 5);
    assert!(replies[3]["error"].as_str().unwrap().contains("bogus"));
    assert_eq!(replies[4], serde_json::json!({ "ok": true, "quit": true }));
}

#[test]
fn the_plain_protocol_stays_as_it_was() {
    let o = privdesk_cmd(None, &["headless", "-"])
        .run_with(b"press j\nexpect-not Dit staat nergens\nbogus\n");
    assert_eq!(o.status.code(), Some(0));
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "ok");
    assert_eq!(lines[1], "ok");
    assert!(lines[2].starts_with("error: line 3: "), "{out}");
}

/// The throw-away register folders `privdesk-*` in `tmp`.
fn throw_away_folders(tmp: &Path) -> Vec<String> {
    fs::read_dir(tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("privdesk-"))
        .collect()
}

#[test]
fn a_session_ended_by_a_signal_leaves_no_throw_away_register_behind() {
    for (signal, code) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        for demo in [false, true] {
            let tmp = tempfile::tempdir().unwrap();
            let mut args = vec!["headless", "-"];
            if demo {
                args.insert(0, "--demo");
            }
            let mut child = privdesk_cmd::<&str>(None, &[])
                .args(&args)
                .env("PRIVDESK_CONFIG", empty_config())
                .env("TMPDIR", tmp.path())
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut stdin = child.stdin.take().unwrap();
            let mut stdout = BufReader::new(child.stdout.take().unwrap());
            // The session is up once it has answered.
            stdin.write_all(b"press j\n").unwrap();
            stdin.flush().unwrap();
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            assert_eq!(line, "ok\n");
            let folders = throw_away_folders(tmp.path());
            assert_eq!(folders, [format!("privdesk-{}-0", child.id())]);
            let killed = Command::new("kill")
                .arg(format!("-{signal}"))
                .arg(child.id().to_string())
                .status()
                .unwrap();
            assert!(killed.success());
            let status = child.wait().unwrap();
            assert_eq!(status.code(), Some(code), "SIG{signal}");
            assert_eq!(
                throw_away_folders(tmp.path()),
                Vec::<String>::new(),
                "SIG{signal}, demo {demo}"
            );
            drop(stdin);
        }
    }
}

#[test]
fn a_start_removes_throw_away_registers_of_processes_no_longer_running() {
    let tmp = tempfile::tempdir().unwrap();
    let mut gone = Command::new("true").spawn().unwrap();
    let pid = gone.id();
    gone.wait().unwrap();
    let stale = tmp.path().join(format!("privdesk-{pid}-0"));
    fs::create_dir_all(stale.join("register")).unwrap();
    fs::write(stale.join("register/journal.jsonl"), "{}\n").unwrap();
    let o = privdesk_cmd::<&str>(None, &[])
        .args(["headless", "-"])
        .env("PRIVDESK_CONFIG", empty_config())
        .env("TMPDIR", tmp.path())
        .stdin(Stdio::null())
        .run();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(!stale.exists());
    assert_eq!(throw_away_folders(tmp.path()), Vec::<String>::new());
}

#[test]
fn a_file_script_with_json_writes_one_object_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("s.keys");
    fs::write(&script, "screen\nexpect Dit staat nergens\n").unwrap();
    let o = privdesk(None, &["headless", script.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    let replies: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(replies.len(), 2, "{out}");
    assert!(replies[0]["screen"].is_array());
    assert!(replies[1]["fail"].is_string() && replies[1]["screen"].is_array());
    // A malformed line: the error as JSON on standard error, exit 2, nothing run.
    fs::write(&script, "screen\nbogus\n").unwrap();
    let o = privdesk(None, &["headless", script.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err: serde_json::Value = serde_json::from_slice(&o.stderr).unwrap();
    assert_eq!(err["line"], 2);
}

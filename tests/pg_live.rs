//! The live team on a real PostgreSQL server (issue 20), through the headless driver: two
//! workbenches on one register see each other's saves and open cases, and survive the server
//! going away. The server is the one `pg_virtualenv` exports (PGHOST, PGPORT, PGUSER,
//! PGPASSWORD); each test makes a database and logins of its own. Without a server every test
//! says it was skipped and passes; with `PRIVDESK_TEST_PG=required` (as `.ci/run` sets) a skip
//! fails.
//!
//! The restart test stops and starts the server itself: the cluster `pg_virtualenv` made
//! (`pg_ctlcluster $PGVERSION regress`), or the one `PRIVDESK_TEST_PG_CLUSTER` names
//! ("VERSION NAME"). It holds a lock the other tests of this file share, so none of them runs
//! while the server is down.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::RwLock;
use std::time::{Duration, Instant};

use privdesk::app::App;
use privdesk::clock::Clock;
use privdesk::headless::script::{Command, parse_line};
use privdesk::headless::{Driver, Reply};
use privdesk::i18n::Lang;
use privdesk::store::{ChainState, Register};
use privdesk::ui::theme::Theme;

use common::pg::{Pg, skipped};

/// Held for reading by every test, for writing by the one that stops the server.
static SERVER: RwLock<()> = RwLock::new(());

/// How long a test waits for another workbench's news (latency is a bench figure).
const PATIENCE: Duration = Duration::from_secs(10);

/// A workbench of `login`, as `privdesk headless` drives it.
fn workbench(pg: &Pg, login: &str) -> Driver {
    let app = App::new(pg.open(login), Clock::System, Lang::Nl);
    Driver::new(app, Theme::load("default", None, true).unwrap(), (120, 35))
}

/// Runs script lines on a workbench, each expected to succeed.
fn run(d: &mut Driver, lines: &str) {
    for line in lines.lines() {
        let Some(command) = parse_line(line).unwrap() else {
            continue;
        };
        match d.run(&command) {
            Reply::Ok | Reply::Screen(_) => {}
            other => panic!("{line}: {other:?}"),
        }
    }
}

fn screen(d: &mut Driver) -> String {
    match d.run(&Command::Screen) {
        Reply::Screen(rows) => rows.join("\n"),
        other => panic!("screen: {other:?}"),
    }
}

/// The screen once `holds` is true of it, waiting up to [`PATIENCE`].
fn screen_until(d: &mut Driver, what: &str, holds: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let s = screen(d);
        if holds(&s) {
            return s;
        }
        assert!(start.elapsed() < PATIENCE, "waited for {what}:\n{s}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Registers a verzoek through the new-verzoek form.
fn register(d: &mut Driver, requester: &str) {
    run(
        d,
        &format!(
            "press n\nexpect Nieuw verzoek\npress <Tab><Tab><Tab>\ntype {requester}\n\
             press <Tab><Tab><Tab><Tab><Tab>\ntype Lisa Smit\npress <Tab>\ntype 2-5-2018\n\
             press <C-s>\nexpect geregistreerd.\npress <Esc>"
        ),
    );
}

#[test]
fn a_case_registered_in_one_session_is_on_the_others_next_screen() {
    let _shared = SERVER.read().unwrap_or_else(|e| e.into_inner());
    let Some(pg) = Pg::new("a_case_registered_in_one_session_is_on_the_others_next_screen") else {
        return;
    };
    let anna = pg.login("anna", "handler");
    let piet = pg.login("piet", "handler");
    let mut a = workbench(&pg, &anna);
    let mut b = workbench(&pg, &piet);
    let before = screen(&mut b);
    assert!(before.contains("open 0 "), "{before}");
    register(&mut a, "Karin Smit");
    // Piet pressed nothing: his next screen has Anna's case, and its count.
    let lines = pg.journal_len();
    let after = screen(&mut b);
    assert!(after.contains("Karin Smit"), "{after}");
    assert!(after.contains("open 1 "), "{after}");
    // A refresh reads and writes nothing.
    assert_eq!(pg.journal_len(), lines);
    // Anna changes the case Piet has open: his detail shows it, and who did it.
    run(&mut b, "press <Enter>");
    run(&mut a, "press c\npress y");
    // Piet opening it was a read: Anna is not told he changed it.
    assert!(!screen(&mut a).contains("heeft deze zaak om"));
    let open = screen_until(&mut b, "anna's change", |s| {
        s.contains(&format!("{anna} heeft deze zaak om"))
    });
    // What changed: the answer, in the message and in the history Piet is reading.
    assert!(
        open.contains("gewijzigd: checklist: Identiteit gecontroleerd? — ja"),
        "{open}"
    );
    assert!(open.contains("1 van 11 stappen beantwoord"), "{open}");
}

#[test]
fn two_sessions_with_one_case_open_see_ook_open_bij() {
    let _shared = SERVER.read().unwrap_or_else(|e| e.into_inner());
    let Some(pg) = Pg::new("two_sessions_with_one_case_open_see_ook_open_bij") else {
        return;
    };
    let anna = pg.login("anna", "handler");
    let fg = pg.login("fien", "fg");
    let mut a = workbench(&pg, &anna);
    register(&mut a, "Karin Smit");
    let mut f = workbench(&pg, &fg);
    // The FG starts on her overview, its header naming her role; the list is beneath it, its
    // footer offering nothing that changes a case.
    let first = screen(&mut f);
    assert!(first.contains(&format!("{fg} (FG)")), "{first}");
    assert!(first.contains("Overzicht"), "{first}");
    run(&mut f, "press <Esc>");
    let list = screen(&mut f);
    assert!(list.contains("Karin Smit"), "{list}");
    assert!(!list.contains("nieuw"), "{list}");
    run(&mut a, "press <Enter>");
    // Anna has the case open: the FG's list says so on its row, before the requester (the
    // test's long login names leave no room for both).
    let list = screen_until(&mut f, "ook open bij anna", |s| {
        s.lines()
            .any(|row| row.contains("-0001") && row.contains(&format!("ook open bij {anna}")))
    });
    assert!(list.contains("1 van 1"), "{list}");
    run(&mut f, "press <Enter>");
    let detail = screen_until(&mut f, "the detail", |s| {
        s.contains(&format!("ook open bij {anna}")) && s.contains("Zaak")
    });
    assert!(detail.contains("Karin Smit"), "{detail}");
    screen_until(&mut a, "ook open bij fien", |s| {
        s.contains(&format!("ook open bij {fg}"))
    });
    // Anna goes back to the list: the FG no longer sees her on the case.
    run(&mut a, "press <Esc>");
    screen_until(&mut f, "anna gone", |s| !s.contains("ook open bij"));
}

/// The server's cluster as `pg_ctlcluster` names it, if this test may stop it.
fn cluster() -> Option<(String, String)> {
    if let Ok(named) = std::env::var("PRIVDESK_TEST_PG_CLUSTER") {
        let mut parts = named.split_whitespace();
        return Some((parts.next()?.into(), parts.next()?.into()));
    }
    let version = std::env::var("PGVERSION").ok()?;
    let ok = std::process::Command::new("pg_ctlcluster")
        .args([version.as_str(), "regress", "status"])
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then(|| (version, "regress".into()))
}

/// Starts the cluster again when the test ends, whatever happened (the other tests need it).
struct Restart((String, String));

impl Drop for Restart {
    fn drop(&mut self) {
        let _ = std::process::Command::new("pg_ctlcluster")
            .args([self.0.0.as_str(), self.0.1.as_str(), "start"])
            .output();
    }
}

fn pg_ctl(cluster: &(String, String), what: &str) {
    let mut args = vec![cluster.0.as_str(), cluster.1.as_str(), what];
    if what == "stop" {
        args.extend(["-m", "fast"]);
    }
    let out = std::process::Command::new("pg_ctlcluster")
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pg_ctlcluster {what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_stopped_server_turns_the_workbench_read_only_then_it_catches_up() {
    let _alone = SERVER.write().unwrap_or_else(|e| e.into_inner());
    let test = "a_stopped_server_turns_the_workbench_read_only_then_it_catches_up";
    let Some(pg) = Pg::new(test) else {
        return;
    };
    let Some(cluster) = cluster() else {
        skipped(
            test,
            "no cluster to stop (pg_virtualenv or PRIVDESK_TEST_PG_CLUSTER)",
        );
        return;
    };
    let anna = pg.login("anna", "handler");
    let piet = pg.login("piet", "handler");
    let mut a = workbench(&pg, &anna);
    let mut b = workbench(&pg, &piet);
    register(&mut a, "Karin Smit");
    screen_until(&mut b, "karin", |s| s.contains("Karin Smit"));
    let _restart = Restart(cluster.clone());
    pg_ctl(&cluster, "stop");
    let banner = "verbinding met het register verbroken";
    let down = screen_until(&mut b, "the banner", |s| s.contains(banner));
    screen_until(&mut a, "anna's banner", |s| s.contains(banner));
    // Read-only: a new case is refused and says why, nothing panics.
    assert!(down.contains("Karin Smit"), "{down}");
    run(&mut b, "press n");
    let refused = screen(&mut b);
    assert!(
        refused.contains("de verbinding met het register is verbroken (opnieuw verbinden…)"),
        "{refused}"
    );
    assert!(!refused.contains("Nieuw verzoek"), "{refused}");
    pg_ctl(&cluster, "start");
    let up = screen_until(&mut b, "back", |s| !s.contains(banner));
    assert!(up.contains("weer verbonden met het register"), "{up}");
    screen_until(&mut a, "anna back", |s| !s.contains(banner));
    // Caught up: Anna's save after the restart is on Piet's next screen; nothing lost.
    register(&mut a, "Joost Bakker");
    let after = screen_until(&mut b, "joost", |s| s.contains("Joost Bakker"));
    assert!(after.contains("Karin Smit"), "{after}");
    assert!(after.contains("open 2 "), "{after}");
    register(&mut b, "Ria Visser");
    screen_until(&mut a, "ria", |s| s.contains("Ria Visser"));
    let reg = pg.open(&piet);
    assert_eq!(reg.summaries().len(), 3);
    assert!(matches!(reg.check_chain().wait(), ChainState::Intact(_)));
}

//! Helpers shared by the integration tests: events with fictitious data, instants, the one way
//! the binary is started ([`privdesk`]), and key scripts in-process ([`screen`]).
#![allow(dead_code, clippy::unwrap_used)]

pub mod pg;
pub mod screen;
pub mod vier_ogen;

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::{DateTime, NaiveDate, Utc};
use privdesk::domain::case::{Channel, Child, Relation, RequestFacts, Requester};
use privdesk::domain::{CaseId, CaseKind, Event};
use privdesk::store::{OpenOptions, Store};

/// An instant from RFC 3339 text.
pub fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// The instant the tests work at.
pub fn now() -> DateTime<Utc> {
    at("2026-11-23T09:00:00Z")
}

/// A date.
pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A fictitious inzage verzoek for `id`, with the given requester name.
pub fn verzoek(id: CaseId, requester: &str) -> Event {
    Event::Registered {
        case: id,
        request: RequestFacts {
            kind: CaseKind::Inzage,
            received: date("2026-11-20"),
            channel: Channel::Email,
            requester: Requester {
                name: requester.into(),
                relation: Relation::OuderMetGezag,
                contact: "ouder@example.org".into(),
                address: String::new(),
                salutation: None,
            },
            child: Child {
                name: "Kind Testpersoon".into(),
                birth_date: date("2020-05-01"),
            },
            notes: String::new(),
            regime: Default::default(),
            reply: None,
        },
    }
}

/// The event of a case starting to wait for the requester's identification.
pub fn waiting(case: CaseId) -> Event {
    Event::WaitingStarted {
        case,
        since: date("2026-11-21"),
        awaiting: "legitimatie".into(),
    }
}

/// Saves that case `id` waits for the requester's identification.
pub fn start_waiting(store: &mut Store, id: CaseId) {
    store.save(vec![waiting(id)], now()).unwrap();
}

/// Options creating a (non-demo) register if missing, user "Test Gebruiker".
pub fn create_opts() -> OpenOptions {
    OpenOptions {
        create: Some(false),
        now: now(),
        cli_user: Some("Test Gebruiker".into()),
        config_user: None,
    }
}

/// Opens or creates a register in `dir`.
pub fn open(dir: &Path) -> Store {
    Store::open(dir, &create_opts()).unwrap()
}

/// Registers a new inzage and returns its id.
pub fn register(store: &mut Store, requester: &str) -> CaseId {
    register_at(store, requester, now())
}

/// Registers a new inzage at `at` and returns the id the save gave it.
pub fn register_at(store: &mut Store, requester: &str, at: DateTime<Utc>) -> CaseId {
    let event = verzoek(CaseId::provisional(CaseKind::Inzage), requester);
    store.save_seen(vec![event], &[], at).unwrap().assigned[0]
}

/// Opens a register's sled folder directly (to damage it), waiting for sled's lingering
/// background thread of a just-dropped store to release its lock.
pub fn raw_sled(dir: &Path) -> sled::Db {
    for _ in 0..40 {
        match sled::open(dir) {
            Ok(db) => return db,
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
    sled::open(dir).unwrap()
}

/// The cell of an exported CSV (`;`, a BOM) in the row of case `id` under `column`.
pub fn csv_cell(bytes: &[u8], id: &str, column: &str) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(bytes);
    let headers = r.headers().unwrap().clone();
    let col = headers
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("no column {column:?} in {headers:?}"));
    for rec in r.records() {
        let rec = rec.unwrap();
        if rec.get(0) == Some(id) {
            return rec.get(col).unwrap().to_string();
        }
    }
    panic!("no row {id}");
}

/// Options for `maintenance::repair` at the tests' instant (no loss accepted).
pub fn repair_opts() -> privdesk::store::maintenance::RepairOptions {
    privdesk::store::maintenance::RepairOptions {
        now: now(),
        accept_loss: false,
        user: Some("Test Gebruiker".into()),
    }
}

/// An empty settings file (every default), so no test reads the machine's own settings.
pub fn empty_config() -> PathBuf {
    let path =
        std::env::temp_dir().join(format!("privdesk-tests-empty-{}.toml", std::process::id()));
    if !path.exists() {
        std::fs::write(&path, "").unwrap();
    }
    path
}

/// The binary as every test starts it: `--db DB` when given, then `args`; no register from
/// the environment (`PRIVDESK_DB` removed), an empty settings file (`PRIVDESK_CONFIG`; a test
/// may set another), no colour, nothing on standard input. Add what a test needs (an
/// environment variable, standard input with [`Run::run_with`]) and run it with [`Run::run`].
pub fn privdesk_cmd<S: AsRef<OsStr>>(db: Option<&Path>, args: &[S]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_privdesk"));
    if let Some(db) = db {
        cmd.arg("--db").arg(db);
    }
    cmd.args(args)
        .env_remove("PRIVDESK_DB")
        .env("PRIVDESK_CONFIG", empty_config())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    cmd
}

/// [`privdesk_cmd`] run to its end: its exit status and output.
pub fn privdesk<S: AsRef<OsStr>>(db: Option<&Path>, args: &[S]) -> Output {
    privdesk_cmd(db, args).run()
}

/// Running a started command to its end.
pub trait Run {
    /// Runs it with nothing on standard input.
    fn run(&mut self) -> Output;
    /// Runs it with `stdin` on standard input.
    fn run_with(&mut self, stdin: &[u8]) -> Output;
}

impl Run for Command {
    fn run(&mut self) -> Output {
        self.output().unwrap()
    }

    fn run_with(&mut self, stdin: &[u8]) -> Output {
        let mut child = self
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(mut input) = child.stdin.take() {
            // A binary that stops reading early (a quit) closes the pipe: not a failure.
            let _ = input.write_all(stdin);
        }
        child.wait_with_output().unwrap()
    }
}

/// A plausible answer to `step` of a case of `kind`, to walk a checklist to its end: yes, but
/// no to the steps whose yes would stop the case (signs of abuse, a duty to keep, another's
/// interest); a choice's first option, the child's consent given; today; `now`; "ok"; 1.
pub fn plausible_answer(
    kind: CaseKind,
    step: privdesk::domain::checklist::StepId,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> privdesk::domain::checklist::Answer {
    use privdesk::domain::checklist::AnswerType::*;
    use privdesk::domain::checklist::{Answer, StepId, find};
    let Some(s) = find(kind, step) else {
        panic!("{step:?} is no step of {kind:?}");
    };
    match s.ty {
        YesNo => Answer::YesNo(!matches!(
            step,
            StepId::SignalenMishandeling | StepId::Bewaarplicht | StepId::BelangAnder
        )),
        Choice(o) | Choices(o) => Answer::Choice(
            if step == StepId::ToestemmingKind {
                "gegeven"
            } else {
                o[0]
            }
            .into(),
        ),
        Date => Answer::Date(today),
        Instant => Answer::Instant(now),
        Text => Answer::Text("ok".into()),
        Number => Answer::Number(1),
    }
}

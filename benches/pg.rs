//! A team's register on PostgreSQL at 100,000 cases (issue 19), against the server in
//! PGHOST/PGPORT/PGUSER/PGPASSWORD (skipped without one):
//! - the first frame: `PgRegister::open` (connect, role, every summary read) + `App::new` + one
//!   draw at 120x35, beside a bare baseline — connect and `SELECT` every summary, deserialized.
//!   Target: within 1.5x.
//! - a save: a checklist answer on one case through `Register::save` (head, versions, the case
//!   row, the domain, `privdesk.append` with its checks), beside a bare `INSERT … COMMIT` of a
//!   line of the same size into a table of its own, sent as text and prepared once. Target:
//!   within 2x.
//!
//! The register is built once (a local register of 200 changes of 500 registrations, moved in
//! by `db migrate`) into the database `privdesk_bench_100k` and reused; drop that database to
//! rebuild.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

mod common;

use chrono::Utc;
use common::now;
use privdesk::app::App;
use privdesk::clock::Clock;
use privdesk::domain::checklist::{Answer, StepId};
use privdesk::domain::{CaseId, Event, Summary};
use privdesk::i18n::Lang;
use privdesk::store::postgres::{self as pgstore, PgRegister, PgTarget};
use privdesk::store::{OpenOptions, Register, Seen, Store};
use privdesk::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const CASES: u32 = 100_000;
const DB: &str = "privdesk_bench_100k";
const PREFIX: &str = "pdbench_";
const LOGIN: &str = "pdbench_jan";

struct Server {
    host: String,
    port: String,
    user: String,
    pw: String,
}

impl Server {
    fn url(&self, user: &str, pw: &str, db: &str) -> String {
        format!(
            "postgres://{user}:{pw}@{}:{}/{db}?sslmode=disable",
            self.host, self.port
        )
    }

    fn admin(&self, db: &str) -> postgres::Client {
        postgres::Client::connect(&self.url(&self.user, &self.pw, db), postgres::NoTls).unwrap()
    }
}

/// Makes the register once: a local one filled through real saves, moved in.
fn build(server: &Server) {
    let ready = server
        .admin("postgres")
        .query_one(
            "SELECT count(*) FROM pg_database WHERE datname = $1",
            &[&DB],
        )
        .unwrap()
        .get::<_, i64>(0)
        == 1
        && server
            .admin(DB)
            .query_one("SELECT cases FROM privdesk.head", &[])
            .is_ok_and(|r| r.get::<_, i64>(0) >= i64::from(CASES));
    if ready {
        return;
    }
    let started = Instant::now();
    let mut admin = server.admin("postgres");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {DB}"))
        .unwrap();
    admin
        .batch_execute(&format!(
            "CREATE DATABASE {DB} ENCODING 'UTF8' TEMPLATE template0"
        ))
        .unwrap();
    let admin_target = PgTarget::parse(&server.url(&server.user, &server.pw, DB)).unwrap();
    pgstore::init(&admin_target, PREFIX).unwrap();
    let mut db = server.admin(DB);
    db.batch_execute(&format!(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{LOGIN}') THEN
             CREATE ROLE {LOGIN} LOGIN PASSWORD 'bench'; END IF; END $$;
         GRANT {PREFIX}handler TO {LOGIN};
         CREATE TABLE IF NOT EXISTS public.bench_baseline (seq bigint PRIMARY KEY, line text NOT NULL);"
    ))
    .unwrap();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/privdesk-bench-pg-src");
    let _ = std::fs::remove_dir_all(&dir);
    let mut opts = OpenOptions::existing(now());
    opts.create = Some(true);
    let mut store = Store::open(&dir, &opts).unwrap();
    common::fill(&mut store, CASES);
    store.flush().unwrap();
    drop(store);
    pgstore::migrate(&dir, &admin_target, "bench").unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    println!(
        "built {CASES} cases in PostgreSQL in {:.1?}",
        started.elapsed()
    );
}

fn target(server: &Server) -> PgTarget {
    PgTarget::parse(&server.url(LOGIN, "bench", DB)).unwrap()
}

/// privdesk: open the register, make the app, draw the first frame.
fn first_frame(target: &PgTarget, theme: &Theme) -> (usize, App) {
    let register = PgRegister::open(target, Utc::now()).unwrap();
    let app = App::new(register, Clock::Fixed(now()), Lang::Nl);
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).unwrap();
    terminal
        .draw(|f| privdesk::ui::draw(&app, theme, f))
        .unwrap();
    (app.total_len(), app)
}

/// The baseline: connect, every summary selected and deserialized.
fn bare(server: &Server) -> (usize, postgres::Client) {
    let mut client =
        postgres::Client::connect(&server.url(LOGIN, "bench", DB), postgres::NoTls).unwrap();
    let rows = client
        .query("SELECT summary::text FROM privdesk.summaries", &[])
        .unwrap();
    let summaries: Vec<Summary> = rows
        .iter()
        .map(|r| serde_json::from_str(r.get::<_, &str>(0)).unwrap())
        .collect();
    (summaries.len(), client)
}

fn chain_checked(app: &App) {
    while app.chain_state().is_none() {
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn mean<T>(n: u32, mut f: impl FnMut() -> (usize, T), settle: impl Fn(&T)) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..n {
        let started = Instant::now();
        let (len, live) = f();
        total += started.elapsed();
        assert!(len >= CASES as usize);
        settle(&live);
        drop(live);
    }
    total / n
}

fn main() {
    let Some(host) = std::env::var("PGHOST").ok().filter(|h| !h.is_empty()) else {
        println!("pg bench skipped: no PostgreSQL server (PGHOST unset)");
        return;
    };
    let server = Server {
        host,
        port: std::env::var("PGPORT").unwrap_or_else(|_| "5432".into()),
        user: std::env::var("PGUSER").unwrap_or_else(|_| "postgres".into()),
        pw: std::env::var("PGPASSWORD").unwrap_or_default(),
    };
    build(&server);
    let target = target(&server);
    let theme = Theme::load("default", None, true).unwrap();
    chain_checked(&first_frame(&target, &theme).1);
    bare(&server);
    let ours = mean(5, || first_frame(&target, &theme), chain_checked);
    let base = mean(5, || bare(&server), |_| {});
    println!(
        "first frame with {CASES} cases on PostgreSQL: privdesk {ours:.1?}, bare SELECT of the summaries {base:.1?}, ratio {:.2} (target <= 1.5)",
        ours.as_secs_f64() / base.as_secs_f64()
    );

    // Saves: one case's checklist answer toggled, with the version seen.
    let mut register = PgRegister::open(&target, Utc::now()).unwrap();
    let case = CaseId::new('V', 2026, 1);
    let n = 200u32;
    let mut line_len = 0usize;
    let mut total = Duration::ZERO;
    for i in 0..n {
        let seen = Seen::of(&register.case(case).unwrap().unwrap());
        let event = Event::Answered {
            case,
            step: StepId::IdentiteitGecontroleerd,
            answer: Answer::YesNo(i % 2 == 0),
        };
        let started = Instant::now();
        let saved = register.save(vec![event], &[seen], Utc::now()).unwrap();
        total += started.elapsed();
        if i == 0 {
            let mut c = server.admin(DB);
            line_len = c
                .query_one(
                    "SELECT length(line) FROM privdesk.journal WHERE seq = $1",
                    &[&i64::try_from(saved.seq).unwrap()],
                )
                .unwrap()
                .get::<_, i32>(0) as usize;
        }
    }
    let ours = total / n;
    let mut c = server.admin(DB);
    let start: i64 = c
        .query_one(
            "SELECT coalesce(max(seq), 0) FROM public.bench_baseline",
            &[],
        )
        .unwrap()
        .get(0);
    let line = "x".repeat(line_len);
    let mut total = Duration::ZERO;
    for i in 0..i64::from(n) {
        let started = Instant::now();
        c.execute(
            "INSERT INTO public.bench_baseline (seq, line) VALUES ($1, $2)",
            &[&(start + i + 1), &line],
        )
        .unwrap();
        total += started.elapsed();
    }
    let base = total / n;
    // The same INSERT prepared once, as privdesk prepares its own: one round trip each.
    let insert = c
        .prepare("INSERT INTO public.bench_baseline (seq, line) VALUES ($1, $2)")
        .unwrap();
    let mut total = Duration::ZERO;
    for i in 0..i64::from(n) {
        let started = Instant::now();
        c.execute(&insert, &[&(start + i64::from(n) + i + 1), &line])
            .unwrap();
        total += started.elapsed();
    }
    let prepared = total / n;
    println!(
        "a save on PostgreSQL ({line_len}-byte line): privdesk {ours:.2?}, bare INSERT…COMMIT {base:.2?} (ratio {:.2}), prepared {prepared:.2?} (ratio {:.2}) (target <= 2)",
        ours.as_secs_f64() / base.as_secs_f64(),
        ours.as_secs_f64() / prepared.as_secs_f64()
    );
}

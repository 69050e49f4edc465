//! A throw-away PostgreSQL database for the team's register tests (`pg_store`, `pg_live`): the
//! server `pg_virtualenv` exports (PGHOST, PGPORT, PGUSER, PGPASSWORD), a database and logins of
//! each test's own. Without a server a test says it was skipped and passes; with
//! `PRIVDESK_TEST_PG=required` (as `.ci/run` sets) a skip fails.

use std::io::Write;
use std::sync::atomic::{AtomicU32, Ordering};

use chrono::Utc;
use privdesk::store::journal;
use privdesk::store::postgres::{self as pgstore, PgRegister, PgTarget};

/// Says the test was skipped, and why — or fails it under `PRIVDESK_TEST_PG=required`.
pub fn skipped(test: &str, why: &str) -> Option<Pg> {
    let required = std::env::var("PRIVDESK_TEST_PG").is_ok_and(|v| v == "required");
    assert!(!required, "{test}: PRIVDESK_TEST_PG=required but {why}");
    // Past the test harness's capture: a plain `cargo test` shows the skip.
    let _ = writeln!(
        std::io::stderr(),
        "{test}: PostgreSQL tests skipped ({why})"
    );
    None
}

static NEXT: AtomicU32 = AtomicU32::new(0);

/// A throw-away database with a register in it, and its logins.
pub struct Pg {
    pub host: String,
    pub port: String,
    pub admin_user: String,
    pub admin_pw: String,
    pub db: String,
    pub prefix: String,
}

impl Pg {
    /// A new database with `db init` done, or `None` (skipped) without a server.
    pub fn new(test: &str) -> Option<Pg> {
        let pg = Pg::bare(test)?;
        pgstore::init(&pg.target(&pg.admin_user, &pg.admin_pw), &pg.prefix).unwrap();
        Some(pg)
    }

    /// A new empty database (no register yet).
    pub fn bare(test: &str) -> Option<Pg> {
        let Some(host) = std::env::var("PGHOST").ok().filter(|h| !h.is_empty()) else {
            return skipped(test, "no server: PGHOST unset");
        };
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let tag = format!("t{}_{n}", std::process::id());
        let pg = Pg {
            host,
            port: std::env::var("PGPORT").unwrap_or_else(|_| "5432".into()),
            admin_user: std::env::var("PGUSER").unwrap_or_else(|_| "postgres".into()),
            admin_pw: std::env::var("PGPASSWORD").unwrap_or_default(),
            db: format!("pd_{tag}"),
            prefix: format!("{tag}_"),
        };
        let mut admin = pg.admin("postgres");
        admin
            .batch_execute(&format!(
                "CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0",
                pg.db
            ))
            .unwrap();
        Some(pg)
    }

    pub fn url(&self, user: &str, pw: &str, db: &str) -> String {
        format!(
            "postgres://{user}:{pw}@{}:{}/{db}?sslmode=disable",
            self.host, self.port
        )
    }

    pub fn target(&self, user: &str, pw: &str) -> PgTarget {
        PgTarget::parse(&self.url(user, pw, &self.db)).unwrap()
    }

    pub fn admin(&self, db: &str) -> ::postgres::Client {
        ::postgres::Client::connect(
            &self.url(&self.admin_user, &self.admin_pw, db),
            ::postgres::NoTls,
        )
        .unwrap()
    }

    /// A login holding `role` (`handler` or `fg`): its name (prefixed, so tests never share
    /// one).
    pub fn login(&self, name: &str, role: &str) -> String {
        let login = format!("{}{name}", self.prefix);
        self.admin(&self.db)
            .batch_execute(&format!(
                "CREATE ROLE {login} LOGIN PASSWORD 'pw-{login}'; GRANT {p}{role} TO {login};",
                p = self.prefix
            ))
            .unwrap();
        login
    }

    pub fn open(&self, login: &str) -> PgRegister {
        PgRegister::open(&self.target(login, &format!("pw-{login}")), Utc::now()).unwrap()
    }

    pub fn client(&self, login: &str) -> ::postgres::Client {
        ::postgres::Client::connect(
            &self.url(login, &format!("pw-{login}"), &self.db),
            ::postgres::NoTls,
        )
        .unwrap()
    }

    /// The journal's lines as an auditor extracts them (`SELECT line … ORDER BY seq`).
    pub fn lines(&self) -> Vec<String> {
        self.admin(&self.db)
            .query("SELECT line FROM privdesk.journal ORDER BY seq", &[])
            .unwrap()
            .iter()
            .map(|r| r.get::<_, String>(0))
            .collect()
    }

    /// The extracted lines checked by the independent hash rule (`journal::verify`).
    pub fn verify(&self) -> (u64, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.jsonl");
        let mut text = String::new();
        for l in self.lines() {
            text.push_str(&l);
            text.push('\n');
        }
        std::fs::write(&path, text).unwrap();
        journal::verify(&path).unwrap()
    }

    /// How many lines the journal holds.
    pub fn journal_len(&self) -> i64 {
        self.admin(&self.db)
            .query_one("SELECT count(*) FROM privdesk.journal", &[])
            .unwrap()
            .get(0)
    }
}

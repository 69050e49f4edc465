//! Key scripts in-process: a session opened as the binary opens one (`cli::session::open`, an
//! empty settings file, no colour) and driven through `headless::Driver` — the same core the
//! binary drives, without starting it. For tests of what a screen shows; the tests of the
//! binary itself (exit codes, the protocol, signals) start it.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::PathBuf;

use privdesk::cli::session::{SessionArgs, TempFolder, open};
use privdesk::headless::script::parse_line;
use privdesk::headless::{DEFAULT_SIZE, Driver, Protocol, Reply, run_script};
use privdesk::i18n::Lang;

use super::empty_config;

/// A session on a register, driven in-process. Dropped, it removes its throw-away register.
pub struct Session {
    // Declared first: the app (and its store) goes before the folder it lives in.
    driver: Driver,
    _temp: Option<TempFolder>,
}

/// How a session opens.
pub struct Open {
    /// `--demo`: the fictitious demo register; otherwise `db` or an empty throw-away one.
    pub demo: bool,
    /// `--db`.
    pub db: Option<PathBuf>,
    /// `--now`.
    pub now: Option<String>,
    /// `--lang`.
    pub lang: Lang,
    /// The screen's size.
    pub size: (u16, u16),
    /// `--config`; otherwise an empty settings file.
    pub config: Option<PathBuf>,
}

impl Open {
    /// The session the command line `ARGS headless …` opens: `--db`, `--demo`, `--now`,
    /// `--lang` and `--config` read as the binary reads them (the rest is the script's).
    pub fn from_args(args: &[&str]) -> Open {
        let mut o = Open {
            demo: false,
            now: None,
            size: DEFAULT_SIZE,
            ..Open::default()
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match *a {
                "--db" => o.db = it.next().map(PathBuf::from),
                "--demo" => o.demo = true,
                "--now" => o.now = it.next().map(|t| t.to_string()),
                "--lang" => o.lang = it.next().and_then(|l| l.parse().ok()).unwrap(),
                "--config" => o.config = it.next().map(PathBuf::from),
                other => panic!("not a session argument: {other}"),
            }
        }
        o
    }
}

/// A key script file run in-process exactly as `privdesk ARGS headless SCRIPT` runs it (the
/// same `headless::run_script` on the same session): its exit code, what it printed, and what
/// it wrote to standard error.
pub fn script(args: &[&str], path: &str) -> (u8, String, String) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut s = Session::open(Open::from_args(args));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run_script(&text, &mut s.driver, Protocol::Plain, &mut out, &mut err).unwrap();
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

impl Default for Open {
    fn default() -> Self {
        Open {
            demo: true,
            db: None,
            now: Some("2026-11-23T09:00".into()),
            lang: Lang::Nl,
            size: (120, 35),
            config: None,
        }
    }
}

impl Session {
    /// The demo register at 2026-11-23 09:00 UTC, Dutch, 120×35.
    pub fn demo() -> Session {
        Session::open(Open::default())
    }

    /// A session as `open` says.
    pub fn open(o: Open) -> Session {
        let args = SessionArgs {
            db: o.db,
            demo: o.demo,
            config: Some(o.config.unwrap_or_else(empty_config)),
            lang: o.lang,
            theme: None,
            user: None,
            now: o
                .now
                .map(|t| privdesk::domain::instant::parse_instant(&t).unwrap()),
            no_color: true,
            headless: true,
        };
        let (app, theme, temp) = match open(&args) {
            Ok(opened) => opened,
            Err(e) => panic!("session refused: {}", e.message),
        };
        Session {
            driver: Driver::new(app, theme, o.size),
            _temp: temp,
        }
    }

    /// Runs a key script (the headless commands, one a line); panics with the screen at a
    /// failed `expect` or a malformed line. Returns the last screen's rows.
    #[track_caller]
    pub fn run(&mut self, script: &str) -> Vec<String> {
        for (n, line) in script.lines().enumerate() {
            let command = match parse_line(line) {
                Ok(Some(c)) => c,
                Ok(None) => continue,
                Err(e) => panic!("line {}: {e}: {line}", n + 1),
            };
            match self.driver.run(&command) {
                Reply::Ok | Reply::Screen(_) | Reply::Quit => {}
                Reply::Fail(why, rows) => panic!("line {}: {why}\n{}", n + 1, rows.join("\n")),
                Reply::Error(why) => panic!("line {}: {why}", n + 1),
            }
        }
        self.rows()
    }

    /// The screen's rows, right-trimmed.
    pub fn rows(&self) -> Vec<String> {
        self.driver.rows()
    }

    /// The screen as one text.
    pub fn screen(&self) -> String {
        self.driver.screen()
    }

    /// The driver, to read the app's state.
    pub fn driver(&self) -> &Driver {
        &self.driver
    }
}

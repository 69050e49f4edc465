//! Key scripts in-process: a session opened as the binary opens one (`cli::session::open`, an
//! empty settings file, no colour) and driven through `headless::Driver` — the same core the
//! binary drives, without starting it. For tests of what a screen shows; the tests of the
//! binary itself (exit codes, the protocol, signals) start it.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::PathBuf;

use privdesk::cli::session::{SessionArgs, TempFolder, open};
use privdesk::headless::script::parse_line;
use privdesk::headless::{Driver, Reply};
use privdesk::i18n::Lang;

/// An empty settings file (every default), so no test reads the machine's own settings.
pub fn empty_config() -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "privdesk-inprocess-empty-{}.toml",
        std::process::id()
    ));
    if !path.exists() {
        std::fs::write(&path, "").unwrap();
    }
    path
}

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
    pub now: Option<&'static str>,
    /// `--lang`.
    pub lang: Lang,
    /// The screen's size.
    pub size: (u16, u16),
}

impl Default for Open {
    fn default() -> Self {
        Open {
            demo: true,
            db: None,
            now: Some("2026-11-23T09:00:00Z"),
            lang: Lang::Nl,
            size: (120, 35),
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
            config: Some(empty_config()),
            lang: o.lang,
            theme: None,
            user: Some("Test Gebruiker".into()),
            now: o.now.map(|t| t.parse().unwrap()),
            no_color: true,
            headless: true,
        };
        let (app, temp) = match open(&args) {
            Ok(opened) => opened,
            Err(e) => panic!("session refused: {}", e.message),
        };
        Session {
            driver: Driver::new(app, o.size),
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

//! The key-script driver: the same [`App`] as the terminal, drawn into ratatui's `TestBackend`,
//! driven by the commands of a key script (design.md "Headless key scripts", README
//! "Headless").
//!
//! Before the first command the driver waits for the check of the journal's whole chain, so a
//! damaged journal's banner is on every screen of every run, never on some: headless screens
//! are deterministic. From a file, the whole script is read first (a malformed line exits 2
//! before anything runs), then run; a failed `expect` prints `fail: <why>` and the screen and
//! exits 1; at the end the final screen is printed. From standard input every command gets
//! exactly one reply, so a harness can drive privdesk through a pipe; comments and blank lines
//! get none. A key that quits the app (`q` on the list) ends the script or the session there,
//! and its command answers `ok: quit`. With `--json` every reply is one JSON object on a line
//! of its own. On a team's register `screen` and `expect` first catch up with others' saves.

pub mod script;

use std::io::{self, BufRead, Write};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::text::Span;

use crate::app::{Action, App};
use crate::cli::deadline::instant_error_message;
use crate::domain::instant::parse_instant;
use crate::i18n::headless::HeadlessMsg;
use crate::ui::theme::Theme;
use script::{Command, LineError, ScriptError, parse_line, parse_script};

/// Exit code: every expect held.
pub const EXIT_OK: u8 = 0;
/// Exit code: an expect failed.
pub const EXIT_FAIL: u8 = 1;
/// Exit code: a malformed line (or a `now` on a real register).
pub const EXIT_USAGE: u8 = 2;

/// The line that ends a printed screen.
pub const SCREEN_END: &str = "--- end ---";

/// The default screen size of a headless run.
pub const DEFAULT_SIZE: (u16, u16) = (120, 35);

/// What one command gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// Done.
    Ok,
    /// Done, and a key made the app quit: the script or session ends here.
    Quit,
    /// The screen's rows, right-trimmed.
    Screen(Vec<String>),
    /// An expect failed: why, and the screen's rows.
    Fail(String, Vec<String>),
    /// The command cannot run here (a `now` on a real register, an unreadable instant).
    Error(String),
}

/// How replies are written: the plain protocol, or one JSON object a reply (`--json`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Protocol {
    /// `ok`, `ok: quit`, the screen and `--- end ---`, `fail: <why>`, `error: line N: <why>`.
    #[default]
    Plain,
    /// `{"ok":true}`, `{"ok":true,"quit":true}`, `{"screen":[rows]}`,
    /// `{"fail":"why","screen":[rows]}`, `{"error":"why","line":N}`, each on one line.
    Json,
}

impl Protocol {
    /// The reply to the command on line `line`, as written to the harness (ending in a
    /// newline).
    pub fn format(self, reply: &Reply, line: usize) -> String {
        match self {
            Protocol::Plain => match reply {
                Reply::Ok => "ok\n".into(),
                Reply::Quit => "ok: quit\n".into(),
                Reply::Screen(rows) => screen_text(rows),
                Reply::Fail(why, rows) => format!("fail: {why}\n{}", screen_text(rows)),
                Reply::Error(why) => line_error(line, why),
            },
            Protocol::Json => {
                let value = match reply {
                    Reply::Ok => serde_json::json!({ "ok": true }),
                    Reply::Quit => serde_json::json!({ "ok": true, "quit": true }),
                    Reply::Screen(rows) => serde_json::json!({ "screen": rows }),
                    Reply::Fail(why, rows) => serde_json::json!({ "fail": why, "screen": rows }),
                    Reply::Error(why) => serde_json::json!({ "error": why, "line": line }),
                };
                // A `Value` of strings, numbers and booleans always serialises.
                let mut text = value.to_string();
                text.push('\n');
                text
            }
        }
    }
}

/// Rows as `screen` prints them: each ending in a newline, then [`SCREEN_END`].
fn screen_text(rows: &[String]) -> String {
    let mut out = String::new();
    for row in rows {
        out.push_str(row);
        out.push('\n');
    }
    out.push_str(SCREEN_END);
    out.push('\n');
    out
}

/// The app in a test terminal.
pub struct Driver {
    app: App,
    theme: Theme,
    terminal: Terminal<TestBackend>,
}

impl Driver {
    /// Puts the app in a terminal of `width` x `height` and draws it, once the check of the
    /// journal's chain has finished (so a broken chain's banner is on the first screen).
    pub fn new(app: App, theme: Theme, (width, height): (u16, u16)) -> Driver {
        app.wait_for_chain_check();
        let terminal = infallible(Terminal::new(TestBackend::new(width, height)));
        let mut driver = Driver {
            app,
            theme,
            terminal,
        };
        driver.app.update(Action::Resize(width, height));
        driver.draw();
        driver
    }

    /// The app, to read its state.
    pub fn app(&self) -> &App {
        &self.app
    }

    fn draw(&mut self) {
        let (app, theme) = (&self.app, &self.theme);
        infallible(self.terminal.draw(|f| crate::ui::draw(app, theme, f)));
    }

    /// The screen's rows, right-trimmed, each ending in a newline, then [`SCREEN_END`].
    pub fn screen(&self) -> String {
        screen_text(&self.rows())
    }

    /// The rows of the screen as text, right-trimmed; a wide character's padding cell is
    /// skipped.
    pub fn rows(&self) -> Vec<String> {
        let buffer = self.terminal.backend().buffer();
        let width = usize::from(buffer.area.width);
        let mut rows = Vec::new();
        for line in buffer.content.chunks(width.max(1)) {
            let mut row = String::new();
            let mut skip = 0;
            for cell in line {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = cell.symbol();
                row.push_str(symbol);
                skip = Span::raw(symbol).width().saturating_sub(1);
            }
            rows.push(row.trim_end().to_string());
        }
        rows
    }

    /// Runs one command. Before a `screen` or an `expect` the app catches up with the
    /// register (one read of its head; others' saves taken as the terminal takes them), so a
    /// harness sees another session's save deterministically; after keys the app tells the
    /// others which case it has open.
    pub fn run(&mut self, command: &Command) -> Reply {
        let lang = self.app.lang();
        if matches!(
            command,
            Command::Screen | Command::Expect(_) | Command::ExpectNot(_)
        ) && self.app.refresh(true)
        {
            self.draw();
        }
        let reply = self.run_command(command, lang);
        self.app.refresh(false);
        reply
    }

    fn run_command(&mut self, command: &Command, lang: crate::i18n::Lang) -> Reply {
        let reply = match command {
            Command::Now(text) => {
                if !self.app.is_demo() {
                    return Reply::Error(HeadlessMsg::NowNotDemo.text(lang).to_string());
                }
                match parse_instant(text) {
                    Ok(t) => {
                        self.app.update(Action::SetNow(t));
                        Reply::Ok
                    }
                    Err(e) => Reply::Error(instant_error_message(e, text, true, lang)),
                }
            }
            Command::Size(w, h) => {
                self.terminal.backend_mut().resize(*w, *h);
                infallible(
                    self.terminal
                        .resize(ratatui::layout::Rect::new(0, 0, *w, *h)),
                );
                self.app.update(Action::Resize(*w, *h));
                Reply::Ok
            }
            Command::Press(keys) => {
                for key in keys {
                    self.app.handle_key(*key);
                    self.draw();
                    // The keys after the one that quit are not pressed: the app has ended.
                    if self.app.should_quit() {
                        return Reply::Quit;
                    }
                }
                Reply::Ok
            }
            // Typed text is a burst, as the terminal applies every waiting key before its next
            // frame: drawn once, after the last character.
            Command::Type(text) => {
                for c in text.chars() {
                    if let Some(key) = crate::app::Key::char(c) {
                        self.app.handle_key(key);
                        if self.app.should_quit() {
                            self.draw();
                            return Reply::Quit;
                        }
                    }
                }
                Reply::Ok
            }
            Command::Expect(text) => {
                if self.rows().iter().any(|r| r.contains(text.as_str())) {
                    Reply::Ok
                } else {
                    let why = HeadlessMsg::ExpectMissing.fill(lang, &[("text", text)]);
                    Reply::Fail(why, self.rows())
                }
            }
            Command::ExpectNot(text) => {
                if self.rows().iter().any(|r| r.contains(text.as_str())) {
                    let why = HeadlessMsg::ExpectPresent.fill(lang, &[("text", text)]);
                    Reply::Fail(why, self.rows())
                } else {
                    Reply::Ok
                }
            }
            Command::Screen => Reply::Screen(self.rows()),
        };
        self.draw();
        reply
    }
}

/// The value of a result that cannot fail (the test backend's).
fn infallible<T>(r: Result<T, std::convert::Infallible>) -> T {
    match r {
        Ok(t) => t,
        Err(never) => match never {},
    }
}

/// The `error:` line of a malformed line, in the protocol's fixed words.
fn line_error(line: usize, why: &str) -> String {
    format!("error: line {line}: {why}\n")
}

/// Runs a whole script read from a file: the exit code, with the output written to `out`
/// (screens, `fail:`) and `err` (a malformed line), in the given protocol. A command that
/// quits the app ends the script: the final screen is printed as at the script's end.
pub fn run_script(
    text: &str,
    driver: &mut Driver,
    protocol: Protocol,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let lang = driver.app.lang();
    let commands = match parse_script(text) {
        Ok(c) => c,
        Err(ScriptError { line, reason }) => {
            let reply = Reply::Error(reason.message(lang));
            err.write_all(protocol.format(&reply, line).as_bytes())?;
            return Ok(EXIT_USAGE);
        }
    };
    // A `now` that cannot run is a malformed line too: refuse before anything runs.
    for (line, command) in &commands {
        if let Command::Now(text) = command {
            let why = if !driver.app.is_demo() {
                Some(HeadlessMsg::NowNotDemo.text(lang).to_string())
            } else {
                parse_instant(text)
                    .err()
                    .map(|e| instant_error_message(e, text, true, lang))
            };
            if let Some(why) = why {
                err.write_all(protocol.format(&Reply::Error(why), *line).as_bytes())?;
                return Ok(EXIT_USAGE);
            }
        }
    }
    for (line, command) in &commands {
        match driver.run(command) {
            Reply::Ok => {}
            Reply::Quit => break,
            reply @ Reply::Screen(_) => out.write_all(protocol.format(&reply, *line).as_bytes())?,
            reply @ Reply::Fail(..) => {
                out.write_all(protocol.format(&reply, *line).as_bytes())?;
                out.flush()?;
                return Ok(EXIT_FAIL);
            }
            reply @ Reply::Error(_) => {
                err.write_all(protocol.format(&reply, *line).as_bytes())?;
                return Ok(EXIT_USAGE);
            }
        }
    }
    let last = commands.last().map_or(0, |(line, _)| *line);
    out.write_all(
        protocol
            .format(&Reply::Screen(driver.rows()), last)
            .as_bytes(),
    )?;
    out.flush()?;
    Ok(EXIT_OK)
}

/// Runs a session from a pipe: exactly one reply per command, flushed at once; the session
/// ends, with exit 0, when the input ends or a command quits the app (after its `ok: quit`).
pub fn run_pipe(
    input: &mut dyn BufRead,
    driver: &mut Driver,
    protocol: Protocol,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let lang = driver.app.lang();
    let mut buf = Vec::new();
    let mut number = 0;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        number += 1;
        let mut line = String::from_utf8_lossy(&buf).into_owned();
        if line.ends_with('\n') {
            line.pop();
        }
        if number == 1 && line.starts_with('\u{feff}') {
            line.remove(0);
        }
        let reply = match parse_line(&line) {
            Ok(None) => continue,
            Ok(Some(command)) => driver.run(&command),
            Err(reason) => Reply::Error(LineError::message(&reason, lang)),
        };
        out.write_all(protocol.format(&reply, number).as_bytes())?;
        out.flush()?;
        if reply == Reply::Quit {
            break;
        }
    }
    Ok(EXIT_OK)
}

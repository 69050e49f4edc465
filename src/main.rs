//! The `privdesk` binary: parses the command line, runs a subcommand from the library, prints,
//! and turns the outcome into an exit code (design.md "Command line"). No rules live here.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};
use privdesk::app::{Action, App, Key};
use privdesk::cli::deadline::{deadline_lines, instant_error_message};
use privdesk::cli::session::{self, SessionArgs};
use privdesk::domain::instant::parse_instant;
use privdesk::headless::script::{Command as ScriptCommand, parse_line};
use privdesk::headless::{self, DEFAULT_SIZE, Driver};
use privdesk::i18n::Lang;
use privdesk::i18n::cli::CliMsg;
use privdesk::i18n::start::StartMsg;
use ratatui::crossterm::event::{self, Event as TermEvent};

/// Exit code 2: bad input or usage.
const EXIT_USAGE: u8 = 2;
/// Exit code 5: the disk (here: standard output) refused.
const EXIT_IO: u8 = 5;

/// The global options, declared once; valid before or after the command.
#[derive(Debug, Parser)]
#[command(
    name = "privdesk",
    version,
    about = "Case register and workbench of a JGZ privacy desk"
)]
struct Cli {
    /// The register folder.
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "demo")]
    db: Option<PathBuf>,
    /// A temporary demo register with fictitious cases.
    #[arg(long, global = true)]
    demo: bool,
    /// The configuration file (else PRIVDESK_CONFIG, else privdesk.toml in the config folder).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The language of messages: nl (default) or en.
    #[arg(long, global = true, value_name = "nl|en", default_value = "nl")]
    lang: Lang,
    /// The colour theme.
    #[arg(long, global = true, value_name = "NAME")]
    theme: Option<String>,
    /// The user's name for the audit trail.
    #[arg(long, global = true, value_name = "NAME")]
    user: Option<String>,
    /// Set the clock: YYYY-MM-DDTHH:MM in Amsterdam time, or with an offset.
    #[arg(long, global = true, value_name = "INSTANT")]
    now: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

/// The subcommands built so far.
#[derive(Debug, Subcommand)]
enum Command {
    /// Drive the screen by a key script (a file, or - for a pipe session).
    Headless {
        /// The script file, or - to read commands from standard input and reply to each.
        script: String,
        /// The screen size, WxH (default 120x35).
        #[arg(long, value_name = "WxH")]
        size: Option<String>,
    },
    /// The legal deadline of a case kind received (datalek: become aware) at FROM.
    Deadline {
        /// inzage, afschrift, rectificatie, eigen-verklaring, vernietiging, beperking,
        /// overdraagbaarheid, bezwaar, intrekken-toestemming, datalek.
        kind: String,
        /// YYYY-MM-DD; for datalek YYYY-MM-DDTHH:MM (Amsterdam time, or with an offset).
        from: String,
        /// The deadline after a timely extension (AVG 12(3)).
        #[arg(long)]
        extended: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            let msg = CliMsg::Error.fill(cli.lang, &[("message", &e.to_string())]);
            let _ = writeln!(std::io::stderr(), "{msg}");
            ExitCode::from(EXIT_IO)
        }
    }
}

/// Runs the command; `Err` only when standard output or error refused a write.
fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let lang = cli.lang;
    if let Some(now) = &cli.now
        && let Err(e) = parse_instant(now)
    {
        let msg = instant_error_message(e, now, true, lang);
        return usage_error(lang, &CliMsg::NowOption.fill(lang, &[("message", &msg)]));
    }
    match &cli.command {
        None => {
            // Refuse before anything is opened: without a terminal there is no screen to run.
            if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
                return usage_error(lang, StartMsg::NoTerminal.text(lang));
            }
            let (app, _temp) = match session::open(&session_args(cli, false)) {
                Ok(opened) => opened,
                Err(e) => return start_error(lang, &e),
            };
            run_tui(app, lang)
        }
        Some(Command::Headless { script, size }) => {
            let size = match size {
                None => DEFAULT_SIZE,
                Some(text) => match parse_line(&format!("size {text}")) {
                    Ok(Some(ScriptCommand::Size(w, h))) => (w, h),
                    Ok(_) => DEFAULT_SIZE,
                    Err(e) => return usage_error(lang, &format!("--size: {}", e.message(lang))),
                },
            };
            let (app, _temp) = match session::open(&session_args(cli, true)) {
                Ok(opened) => opened,
                Err(e) => return start_error(lang, &e),
            };
            let mut driver = Driver::new(app, size);
            let mut out = std::io::stdout().lock();
            let code = if script == "-" {
                let mut input = std::io::stdin().lock();
                headless::run_pipe(&mut input as &mut dyn BufRead, &mut driver, &mut out)?
            } else {
                let mut text = String::new();
                if let Err(e) =
                    std::fs::File::open(script).and_then(|mut f| f.read_to_string(&mut text))
                {
                    let msg = privdesk::i18n::headless::HeadlessMsg::Read
                        .fill(lang, &[("detail", &e.to_string())]);
                    return usage_error(lang, &msg);
                }
                let mut err = std::io::stderr().lock();
                headless::run_script(&text, &mut driver, &mut out, &mut err)?
            };
            Ok(ExitCode::from(code))
        }
        Some(Command::Deadline {
            kind,
            from,
            extended,
        }) => match deadline_lines(kind, from, *extended, lang) {
            Ok(lines) => {
                let mut out = std::io::stdout().lock();
                for line in lines {
                    writeln!(out, "{line}")?;
                }
                out.flush()?;
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => usage_error(lang, &e.message(lang)),
        },
    }
}

/// The session's arguments from the command line.
fn session_args(cli: &Cli, headless: bool) -> SessionArgs {
    SessionArgs {
        db: cli.db.clone(),
        demo: cli.demo,
        config: cli.config.clone(),
        lang: cli.lang,
        theme: cli.theme.clone(),
        user: cli.user.clone(),
        // Checked in `run` before any command.
        now: cli.now.as_deref().and_then(|t| parse_instant(t).ok()),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        headless,
    }
}

/// A session that could not start: `fout: ...` on standard error, and its exit code.
fn start_error(lang: Lang, e: &session::StartError) -> anyhow::Result<ExitCode> {
    writeln!(
        std::io::stderr(),
        "{}",
        CliMsg::Error.fill(lang, &[("message", &e.message)])
    )?;
    Ok(ExitCode::from(e.code))
}

/// One line `fout: ...` on standard error and exit code 2.
fn usage_error(lang: Lang, message: &str) -> anyhow::Result<ExitCode> {
    let line = CliMsg::Error.fill(lang, &[("message", message)]);
    writeln!(std::io::stderr(), "{line}")?;
    Ok(ExitCode::from(EXIT_USAGE))
}

/// How long the terminal waits for a key before it reads the clock again.
const TICK: Duration = Duration::from_secs(20);

/// The terminal driver: the register is already open (so a failure to open it prints on a
/// normal terminal); `ratatui::init` installs the hook that restores the terminal before any
/// panic message; the normal exit path restores too.
fn run_tui(mut app: App, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut terminal = ratatui::init();
    let result = (|| -> std::io::Result<()> {
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        loop {
            terminal.draw(|f| privdesk::ui::draw(&app, f))?;
            if app.should_quit() {
                return Ok(());
            }
            if !event::poll(TICK)? {
                app.update(Action::Tick);
                continue;
            }
            match event::read()? {
                // Only presses act: releases and repeats are dropped here, at the edge.
                TermEvent::Key(k) => {
                    if let Some(key) = Key::from_event(&k) {
                        app.handle_key(key);
                    }
                }
                TermEvent::Resize(w, h) => app.update(Action::Resize(w, h)),
                _ => {}
            }
        }
    })();
    ratatui::restore();
    // The journal already holds every change; flushing sled spares a replay at the next open.
    let _ = app.store().flush();
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            let msg = StartMsg::Terminal.fill(lang, &[("detail", &e.to_string())]);
            writeln!(
                std::io::stderr(),
                "{}",
                CliMsg::Error.fill(lang, &[("message", &msg)])
            )?;
            Ok(ExitCode::from(EXIT_IO))
        }
    }
}

//! The `privdesk` binary: parses the command line, runs a subcommand from the library, prints,
//! and turns the outcome into an exit code (design.md "Command line"). No rules live here.

use std::io::{BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use privdesk::app::{Action, App, Key, MemoryRegister, Register};
use privdesk::cli::deadline::{deadline_lines, instant_error_message};
use privdesk::clock::Clock;
use privdesk::config::{Config, config_dir};
use privdesk::domain::instant::parse_instant;
use privdesk::headless::script::{Command as ScriptCommand, parse_line};
use privdesk::headless::{self, DEFAULT_SIZE, Driver};
use privdesk::i18n::Lang;
use privdesk::i18n::cli::CliMsg;
use privdesk::i18n::start::StartMsg;
use privdesk::ui::theme::Theme;
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
            let app = match open_app(cli, false) {
                Ok(app) => app,
                Err(msg) => return usage_error(lang, &msg),
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
            let app = match open_app(cli, true) {
                Ok(app) => app,
                Err(msg) => return usage_error(lang, &msg),
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

/// One line `fout: ...` on standard error and exit code 2.
fn usage_error(lang: Lang, message: &str) -> anyhow::Result<ExitCode> {
    let line = CliMsg::Error.fill(lang, &[("message", message)]);
    writeln!(std::io::stderr(), "{line}")?;
    Ok(ExitCode::from(EXIT_USAGE))
}

/// Opens the register, the clock, the theme and the user, and makes the app: the same for the
/// terminal and headless. `Err` is the message of a usage error (exit 2).
fn open_app(cli: &Cli, headless: bool) -> Result<App, String> {
    let lang = cli.lang;
    let config = Config::load(cli.config.as_deref()).map_err(|e| e.message(lang))?;
    let theme_name = cli.theme.as_deref().unwrap_or(&config.weergave.thema);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::load(theme_name, config_dir().as_deref(), no_color)
        .map_err(|e| StartMsg::Theme.fill(lang, &[("message", &e.message(lang))]))?;
    let now: Option<DateTime<Utc>> = match &cli.now {
        Some(text) => {
            Some(parse_instant(text).map_err(|e| instant_error_message(e, text, true, lang))?)
        }
        None => None,
    };
    let register: Box<dyn Register> = if cli.demo || (headless && cli.db.is_none()) {
        // Until the on-disk store arrives, a demo register lives in memory; it is thrown away
        // at exit either way.
        Box::new(MemoryRegister::new(true))
    } else {
        return Err(StartMsg::NoStore.text(lang).to_string());
    };
    if now.is_some() && !register.is_demo() {
        return Err(StartMsg::NowNotDemo.text(lang).to_string());
    }
    let user = if register.is_demo() {
        "Demo Gebruiker".to_string()
    } else {
        cli.user
            .clone()
            .or_else(|| config.gebruiker.naam.clone())
            .or_else(|| std::env::var("USER").ok())
            .unwrap_or_default()
    };
    let clock = now.map_or(Clock::System, Clock::Fixed);
    Ok(App::new(register, clock, lang, theme, user))
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

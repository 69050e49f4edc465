//! The `privdesk` binary: parses the command line, runs a subcommand from the library, prints,
//! and turns the outcome into an exit code (design.md "Command line"). No rules live here.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use privdesk::app::{Action, App, Key};
use privdesk::cli::deadline::{deadline_lines, instant_error_message};
use privdesk::cli::session::{self, SessionArgs};
use privdesk::cli::{Outcome, audit, export, export_json, letter, maintenance};
use privdesk::clock::Clock;
use privdesk::config::{Config, Organisatie};
use privdesk::domain::instant::parse_instant;
use privdesk::headless::script::{Command as ScriptCommand, parse_line};
use privdesk::headless::{self, DEFAULT_SIZE, Driver};
use privdesk::i18n::Lang;
use privdesk::i18n::cli::CliMsg;
use privdesk::i18n::start::StartMsg;
use privdesk::i18n::store::StoreMsg;
use privdesk::store::{self, OpenOptions, Store, StoreError};
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
    /// The register folder (else PRIVDESK_DB, else the local data folder).
    #[arg(long, global = true, value_name = "PATH", conflicts_with = "demo")]
    db: Option<PathBuf>,
    /// A temporary demo register with fictitious cases.
    #[arg(long, global = true)]
    demo: bool,
    /// The configuration file (else PRIVDESK_CONFIG, else privdesk.toml in the config folder).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The language of messages: nl or en (else the config's weergave.taal, else nl).
    #[arg(long = "lang", id = "lang", global = true, value_name = "nl|en")]
    lang_arg: Option<Lang>,
    /// The language in effect: `--lang`, else the config's, else Dutch (set after parsing).
    #[arg(skip)]
    lang: Lang,
    /// The colour theme.
    #[arg(long, global = true, value_name = "NAME")]
    theme: Option<String>,
    /// The user's name for the audit trail.
    #[arg(long, global = true, value_name = "NAME")]
    user: Option<String>,
    /// Set the clock (demo registers only): YYYY-MM-DDTHH:MM in Amsterdam time, or with an
    /// offset.
    #[arg(long, global = true, value_name = "INSTANT")]
    now: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Checks the journal's hash chain (no lock needed).
    Audit {
        #[command(subcommand)]
        what: AuditCommand,
    },
    /// Rebuilds the working store from the journal.
    Repair,
    /// A register folder that --db DIR opens (DIR must be empty or missing; no lock needed).
    Backup {
        /// The backup folder.
        dir: PathBuf,
    },
    /// Exports every case.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Makes a letter for a case: DIR/<ID>-<letter>.md, never overwriting.
    Letter {
        /// The case id, V-YYYY-NNNN.
        id: String,
        /// ontvangstbevestiging, verlenging or besluit.
        letter: String,
        /// The folder to write to (created if missing; default the current folder).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
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

/// `audit` subcommands.
#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Verify every line's hash and prev.
    Verify,
}

/// `export` subcommands.
#[derive(Debug, Subcommand)]
enum ExportCommand {
    /// Every case as CSV (`;` and a UTF-8 BOM by default).
    Csv {
        /// Write to FILE (0600, atomically) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The field separator.
        #[arg(long, default_value = ";")]
        delimiter: String,
    },
    /// Every case as JSON, stable field names, for other tools.
    Json {
        /// Write to FILE (0600, atomically) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The breach register (AVG 33(5)): every datalek, notified or not.
    Breaches {
        #[command(subcommand)]
        format: BreachesFormat,
    },
}

/// `export breaches` formats.
#[derive(Debug, Subcommand)]
enum BreachesFormat {
    /// As CSV (`;` and a UTF-8 BOM by default).
    Csv {
        /// Write to FILE (0600, atomically) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The field separator.
        #[arg(long, default_value = ";")]
        delimiter: String,
    },
}

fn main() -> ExitCode {
    // Before anything is opened: every file and folder privdesk makes is the user's alone.
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    let mut cli = Cli::parse();
    cli.lang = privdesk::config::resolve_lang(cli.lang_arg, cli.config.as_deref());
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
            let notice = SlowNotice::after(SLOW_OPEN, StartMsg::Opening.text(lang).into());
            let opened = session::open(&session_args(cli, false));
            drop(notice);
            let (app, _temp) = match opened {
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
        Some(
            Command::Audit { .. }
            | Command::Export { .. }
            | Command::Letter { .. }
            | Command::Repair
            | Command::Backup { .. },
        ) => print_outcome(cli, register_command(cli)),
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

/// Prints a register command's outcome and turns it into the exit code.
fn print_outcome(cli: &Cli, outcome: Outcome) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    out.write_all(&outcome.stdout)?;
    out.flush()?;
    if !outcome.stderr.is_empty() {
        let line = StoreMsg::Error.fill(cli.lang, &[("message", &outcome.stderr)]);
        writeln!(std::io::stderr(), "{line}")?;
    }
    Ok(ExitCode::from(outcome.code))
}

/// Runs `audit` and `export`: what to print and the exit code.
fn register_command(cli: &Cli) -> Outcome {
    let lang = cli.lang;
    let dir = match store::register_dir(cli.db.as_deref()) {
        Ok(d) => d,
        Err(e) => return store_fail(&e, lang),
    };
    match &cli.command {
        Some(Command::Audit {
            what: AuditCommand::Verify,
        }) => audit::verify(&dir, lang),
        Some(Command::Repair) => maintenance::repair(&dir, Clock::System.now(), lang),
        Some(Command::Backup { dir: dest }) => {
            let opts = OpenOptions {
                create: None,
                now: Clock::System.now(),
                cli_user: cli.user.clone(),
                config_user: None,
            };
            maintenance::backup(&dir, dest, &opts, lang)
        }
        Some(Command::Export {
            what: ExportCommand::Json { out },
        }) => {
            let (mut store, now) = match open_at_clock(cli, &dir) {
                Ok(opened) => opened,
                Err(o) => return o,
            };
            match export_json::export_json(&mut store, out.as_deref(), now) {
                Ok(bytes) => Outcome {
                    stdout: bytes,
                    stderr: String::new(),
                    code: 0,
                },
                Err(e) => store_fail(&e, lang),
            }
        }
        Some(Command::Export { what }) => {
            let (out, delimiter, breaches) = match what {
                ExportCommand::Csv { out, delimiter } => (out, delimiter, false),
                ExportCommand::Breaches {
                    format: BreachesFormat::Csv { out, delimiter },
                } => (out, delimiter, true),
                // Matched by the arm above.
                ExportCommand::Json { .. } => return Outcome::fail(String::new(), EXIT_USAGE),
            };
            let Some(delimiter) = export::parse_delimiter(delimiter) else {
                let msg = StoreMsg::BadDelimiter.fill(lang, &[("given", delimiter)]);
                return Outcome::fail(msg, EXIT_USAGE);
            };
            let (mut store, now) = match open_at_clock(cli, &dir) {
                Ok(opened) => opened,
                Err(o) => return o,
            };
            let exported = if breaches {
                export::export_breaches_csv(&mut store, out.as_deref(), delimiter, now)
            } else {
                export::export_csv(&mut store, out.as_deref(), delimiter, now)
            };
            match exported {
                Ok(bytes) => Outcome {
                    stdout: bytes,
                    stderr: String::new(),
                    code: 0,
                },
                Err(e) => store_fail(&e, lang),
            }
        }
        Some(Command::Letter { id, letter, out }) => {
            let config = match Config::load(cli.config.as_deref()) {
                Ok(c) => c,
                Err(e) => return Outcome::fail(e.message(lang), EXIT_USAGE),
            };
            let (mut store, now) = match open_at_clock(cli, &dir) {
                Ok(opened) => opened,
                Err(o) => return o,
            };
            let org = Organisatie::for_register(&config, store.is_demo(), cli.config.is_some());
            let args = letter::LetterArgs {
                id,
                letter,
                out: out.as_deref(),
                org: &org,
                lang,
                now,
            };
            letter::letter(&mut store, &args)
        }
        _ => Outcome::fail(String::new(), EXIT_USAGE),
    }
}

/// How long opening the register may take before the workbench says it is busy opening.
const SLOW_OPEN: std::time::Duration = std::time::Duration::from_secs(1);

/// Says on standard error that something is under way when it takes longer than a delay: a
/// large register's upgrade or replay keeps the terminal blank for seconds before the first
/// frame. Dropping it cancels the line, or waits until it is written, so the line never lands
/// on the screen the workbench takes over.
struct SlowNotice {
    cancel: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl SlowNotice {
    fn after(delay: std::time::Duration, text: String) -> SlowNotice {
        let (cancel, wait) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(delay) {
                let _ = writeln!(std::io::stderr(), "{text}");
            }
        });
        SlowNotice {
            cancel: Some(cancel),
            thread: Some(thread),
        }
    }
}

impl Drop for SlowNotice {
    fn drop(&mut self) {
        drop(self.cancel.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Opens an existing register for a command.
fn open_existing(cli: &Cli, dir: &std::path::Path) -> Result<Store, Outcome> {
    let opts = OpenOptions {
        create: None,
        now: Clock::System.now(),
        cli_user: cli.user.clone(),
        // A config that cannot be read is reported by the command that needs it; the user's
        // name then falls back to the OS user.
        config_user: Config::load(cli.config.as_deref())
            .ok()
            .and_then(|c| c.gebruiker.naam),
    };
    let store = Store::open(dir, &opts).map_err(|e| store_fail(&e, cli.lang))?;
    // An older working store was copied aside and migrated: say where the copy is.
    if let Some((text, _)) = store.open_notice(cli.lang) {
        let _ = writeln!(std::io::stderr(), "{text}");
    }
    Ok(store)
}

/// Opens an existing register for a command that needs the time too (the clock is checked
/// against the register: `--now` only on a demo).
fn open_at_clock(cli: &Cli, dir: &std::path::Path) -> Result<(Store, DateTime<Utc>), Outcome> {
    let store = open_existing(cli, dir)?;
    let now = clock(cli, &store)?;
    Ok((store, now))
}

/// The clock's instant: the real time, or `--now` on a demo register.
fn clock(cli: &Cli, store: &Store) -> Result<DateTime<Utc>, Outcome> {
    let Some(now) = &cli.now else {
        return Ok(Clock::System.now());
    };
    if !store.is_demo() {
        return Err(Outcome::fail(
            StoreMsg::NowRefused.text(cli.lang).into(),
            EXIT_USAGE,
        ));
    }
    parse_instant(now).map_err(|_| {
        Outcome::fail(
            StoreMsg::BadNow.fill(cli.lang, &[("given", now)]),
            EXIT_USAGE,
        )
    })
}

fn store_fail(e: &StoreError, lang: Lang) -> Outcome {
    Outcome::fail(e.message(lang), e.exit_code())
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

//! The `privdesk` binary: parses the command line, runs a subcommand from the library, prints,
//! and turns the outcome into an exit code (design.md "Command line"). No rules live here.

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use privdesk::app::App;
use privdesk::cli::Outcome;
use privdesk::cli::deadline::{deadline_lines, instant_error_message};
use privdesk::cli::help;
use privdesk::cli::register::{self, RegisterArgs, RegisterCommand};
use privdesk::cli::session::{self, SessionArgs};
use privdesk::cli::slow_notice::SlowNotice;
use privdesk::domain::instant::parse_instant;
use privdesk::headless::script::{Command as ScriptCommand, parse_line};
use privdesk::headless::{self, DEFAULT_SIZE, Driver};
use privdesk::i18n::Lang;
use privdesk::i18n::cli::CliMsg;
use privdesk::i18n::start::StartMsg;
use privdesk::i18n::store::StoreMsg;
use privdesk::ui::theme::Theme;

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
    /// Rebuilds the working store from the journal (refused when the working store holds
    /// more than the journal, unless --accept-loss).
    Repair {
        /// Give up the changes and cases the working store holds beyond the journal (they
        /// stay readable in the set-aside store).
        #[arg(long)]
        accept_loss: bool,
    },
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
    /// The FG's yearly figures (domain.md §6): per kind, per requester, the breaches, and the
    /// journal's head they were computed from; recorded in the journal.
    Report {
        /// The year of receipt.
        #[arg(long)]
        year: String,
        /// md (the default), csv or json.
        #[arg(long, default_value = "md")]
        format: String,
        /// Write to FILE (0600, atomically) instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Makes a letter for a case: DIR/<ID>-<letter>.docx (or .md, .pdf), never overwriting.
    Letter {
        /// The case id, V-YYYY-NNNN.
        id: String,
        /// ontvangstbevestiging, verlenging, besluit or aankondiging-opheffing.
        letter: String,
        /// The folder to write to (created if missing); else the config's brieven.map, else
        /// <data dir>/brieven/<register>.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// md, docx (Word, the default) or pdf (needs LibreOffice).
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
    },
    /// Drive the screen by a key script (a file, or - for a pipe session).
    Headless {
        /// The script file, or - to read commands from standard input and reply to each.
        script: String,
        /// The screen size, WxH (default 120x35).
        #[arg(long, value_name = "WxH")]
        size: Option<String>,
        /// One JSON object per reply instead of the plain protocol.
        #[arg(long)]
        json: bool,
    },
    /// A team's register on PostgreSQL.
    Db {
        #[command(subcommand)]
        what: DbCommand,
    },
    /// Prints the completions for a shell.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Prints the manual page (roff).
    Man,
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
    /// Verify every line's hash and prev, and the journal against the working store.
    Verify {
        /// A line the journal must hold: SEQ:HASH (a head noted earlier, printed by a backup).
        #[arg(long, value_name = "SEQ:HASH")]
        expect: Vec<String>,
    },
}

/// `db` subcommands.
#[derive(Debug, Subcommand)]
enum DbCommand {
    /// Creates the schema, the append function and the roles (idempotent; no journal line).
    Init {
        /// The database: postgres://admin@host:port/database.
        url: String,
        /// The roles' prefix.
        #[arg(long, value_name = "PREFIX", default_value = "privdesk_")]
        role_prefix: String,
    },
    /// Moves a local register into an empty PostgreSQL register, byte for byte.
    Migrate {
        /// The local register folder.
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
        /// The PostgreSQL register.
        #[arg(long, value_name = "URL")]
        to: String,
    },
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
    // A file-size limit is reported, not a silent SIGXFSZ death.
    privdesk::cli::report_file_size_limit();
    let mut cli = match parse_cli() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
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

/// The command line, parsed by the clap definitions with their texts in the user's language
/// (`--lang`, else the config's, else Dutch): `--help` and clap's errors speak it too. `Err`
/// is the exit code after help, the version or an error was printed.
fn parse_cli() -> Result<Cli, ExitCode> {
    let args = help::help_command_as_flag(std::env::args_os().collect());
    let (lang_arg, config) = help::early_options(&args);
    let lang = privdesk::config::resolve_lang(lang_arg, config.as_deref());
    let mut cmd = help::localize(Cli::command(), lang);
    let parsed = cmd
        .try_get_matches_from_mut(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let e = match parsed {
        Ok(cli) => return Ok(cli),
        Err(e) => e,
    };
    let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(EXIT_USAGE));
    let Some(message) = help::error_message(&e, lang) else {
        // Help, the version, or an error clap alone can word (as plain text).
        let text = help::localize_rendered(&e.render().to_string(), lang);
        let _ = if e.use_stderr() {
            write!(std::io::stderr(), "{text}")
        } else {
            write!(std::io::stdout(), "{text}")
        };
        return Err(code);
    };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "{}",
        CliMsg::Error.fill(lang, &[("message", &message)])
    );
    if let Some(clap::error::ContextValue::StyledStr(usage)) =
        e.get(clap::error::ContextKind::Usage)
    {
        let usage = help::localize_rendered(&usage.to_string(), lang);
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        let _ = writeln!(
            err,
            "\n{} {usage}",
            privdesk::i18n::help::HelpMsg::Usage.text(lang)
        );
    }
    let _ = writeln!(err, "\n{}", help::try_help("privdesk", lang));
    Err(code)
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
        None => run_screen(cli),
        Some(Command::Headless { script, size, json }) => {
            run_headless(cli, script, size.as_deref(), *json)
        }
        Some(Command::Audit {
            what: AuditCommand::Verify { expect },
        }) => register(cli, RegisterCommand::AuditVerify { expect }),
        Some(Command::Repair { accept_loss }) => register(
            cli,
            RegisterCommand::Repair {
                accept_loss: *accept_loss,
            },
        ),
        Some(Command::Backup { dir }) => register(cli, RegisterCommand::Backup { dest: dir }),
        Some(Command::Export { what }) => register(cli, export_command(what)),
        Some(Command::Report { year, format, out }) => register(
            cli,
            RegisterCommand::Report {
                year,
                format,
                out: out.as_deref(),
            },
        ),
        Some(Command::Letter {
            id,
            letter,
            out,
            format,
        }) => register(
            cli,
            RegisterCommand::Letter {
                id,
                letter,
                out: out.as_deref(),
                format: format.as_deref(),
            },
        ),
        Some(Command::Db { what }) => db(cli, what),
        Some(Command::Completions { shell }) => {
            let mut cmd = help::localize(Cli::command(), lang);
            privdesk::cli::manual::completions(*shell, &mut cmd, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let cmd = help::localize(Cli::command(), lang);
            privdesk::cli::manual::man_page(cmd, lang, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Deadline {
            kind,
            from,
            extended,
        }) => deadline(kind, from, *extended, lang),
    }
}

/// No command: the screen, refused before anything is opened when there is no terminal to
/// run it in; a slow open says so after a moment.
fn run_screen(cli: &Cli) -> anyhow::Result<ExitCode> {
    let lang = cli.lang;
    // Refuse before anything is opened: without a terminal there is no screen to run.
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return usage_error(lang, StartMsg::NoTerminal.text(lang));
    }
    let notice = SlowNotice::after(SLOW_OPEN, StartMsg::Opening.text(lang).into());
    let opened = session::open(&session_args(cli, false));
    drop(notice);
    let (app, theme, _temp) = match opened {
        Ok(opened) => opened,
        Err(e) => return start_error(lang, &e),
    };
    run_tui(app, &theme, lang)
}

/// `headless SCRIPT`: the screen driven by a script file, or by standard input (`-`) with a
/// reply to each command; `--size` as a script's `size` line says it.
fn run_headless(
    cli: &Cli,
    script: &str,
    size: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let lang = cli.lang;
    let protocol = if json {
        headless::Protocol::Json
    } else {
        headless::Protocol::Plain
    };
    let size = match size {
        None => DEFAULT_SIZE,
        Some(text) => match parse_line(&format!("size {text}")) {
            Ok(Some(ScriptCommand::Size(w, h))) => (w, h),
            Ok(_) => DEFAULT_SIZE,
            Err(e) => return usage_error(lang, &format!("--size: {}", e.message(lang))),
        },
    };
    let (app, theme, _temp) = match session::open(&session_args(cli, true)) {
        Ok(opened) => opened,
        Err(e) => return start_error(lang, &e),
    };
    let mut driver = Driver::new(app, theme, size);
    let mut out = std::io::stdout().lock();
    let code = if script == "-" {
        let mut input = std::io::stdin().lock();
        headless::run_pipe(
            &mut input as &mut dyn BufRead,
            &mut driver,
            protocol,
            &mut out,
        )?
    } else {
        let mut text = String::new();
        if let Err(e) = std::fs::File::open(script).and_then(|mut f| f.read_to_string(&mut text)) {
            let msg = privdesk::i18n::headless::HeadlessMsg::Read
                .fill(lang, &[("detail", &e.to_string())]);
            return usage_error(lang, &msg);
        }
        let mut err = std::io::stderr().lock();
        headless::run_script(&text, &mut driver, protocol, &mut out, &mut err)?
    };
    Ok(ExitCode::from(code))
}

/// The register command an `export` asks for: every case as CSV or JSON, or the breach
/// register as CSV.
fn export_command(what: &ExportCommand) -> RegisterCommand<'_> {
    match what {
        ExportCommand::Csv { out, delimiter } => RegisterCommand::ExportCsv {
            out: out.as_deref(),
            delimiter,
            breaches: false,
        },
        ExportCommand::Breaches {
            format: BreachesFormat::Csv { out, delimiter },
        } => RegisterCommand::ExportCsv {
            out: out.as_deref(),
            delimiter,
            breaches: true,
        },
        ExportCommand::Json { out } => RegisterCommand::ExportJson {
            out: out.as_deref(),
        },
    }
}

/// `db init` and `db migrate`: a team's register on PostgreSQL.
fn db(cli: &Cli, what: &DbCommand) -> anyhow::Result<ExitCode> {
    let lang = cli.lang;
    let outcome = match what {
        DbCommand::Init { url, role_prefix } => privdesk::cli::db::init(url, role_prefix, lang),
        DbCommand::Migrate { from, to } => {
            privdesk::cli::db::migrate(from, to, cli.user.as_deref(), lang)
        }
    };
    print_outcome(cli, outcome)
}

/// `deadline KIND FROM [--extended]`: the deadline lines on standard output, a bad kind or
/// date a usage error.
fn deadline(kind: &str, from: &str, extended: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    match deadline_lines(kind, from, extended, lang) {
        Ok(lines) => {
            let mut out = std::io::stdout().lock();
            for line in lines {
                writeln!(out, "{line}")?;
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => usage_error(lang, &e.message(lang)),
    }
}

/// Runs a command on an existing register (`audit`, `repair`, `backup`, `export`, `letter`)
/// with the global options, and prints its outcome.
fn register(cli: &Cli, command: RegisterCommand<'_>) -> anyhow::Result<ExitCode> {
    let args = RegisterArgs {
        db: cli.db.as_deref(),
        demo: cli.demo,
        config: cli.config.as_deref(),
        user: cli.user.as_deref(),
        now: cli.now.as_deref(),
        lang: cli.lang,
    };
    print_outcome(cli, register::run(&args, command))
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

/// How long opening the register may take before the workbench says it is busy opening.
const SLOW_OPEN: std::time::Duration = std::time::Duration::from_secs(1);

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

/// The terminal driver: the register is already open (so a failure to open it prints on a
/// normal terminal).
fn run_tui(mut app: App, theme: &Theme, lang: Lang) -> anyhow::Result<ExitCode> {
    let result = privdesk::terminal::run(&mut app, theme);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_option_has_its_help_in_the_i18n() {
        assert_eq!(help::missing_texts(&Cli::command()), Vec::<String>::new());
    }

    #[test]
    fn the_localised_command_is_valid_in_both_languages() {
        for lang in [Lang::Nl, Lang::En] {
            help::localize(Cli::command(), lang).debug_assert();
        }
    }
}

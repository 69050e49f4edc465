//! The `privdesk` binary: parses the command line, runs a subcommand from the library, prints,
//! and turns the outcome into an exit code (design.md "Command line"). No rules live here.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use privdesk::cli::{Outcome, audit, export, maintenance};
use privdesk::i18n::Lang;
use privdesk::i18n::store::StoreMsg;
use privdesk::store::{self, OpenOptions, Store, StoreError};

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
    /// The language of messages: nl (default) or en.
    #[arg(long, global = true, value_name = "nl|en", default_value = "nl")]
    lang: Lang,
    /// The colour theme.
    #[arg(long, global = true, value_name = "NAME")]
    theme: Option<String>,
    /// The user's name for the audit trail.
    #[arg(long, global = true, value_name = "NAME")]
    user: Option<String>,
    /// Set the clock (demo registers only).
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
}

fn main() -> ExitCode {
    // Before anything is opened: every file and folder privdesk makes is the user's alone.
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    let cli = Cli::parse();
    let outcome = run(&cli);
    let mut written = std::io::stdout()
        .write_all(&outcome.stdout)
        .and_then(|()| std::io::stdout().flush());
    if written.is_ok() && !outcome.stderr.is_empty() {
        let line = StoreMsg::Error.fill(cli.lang, &[("message", &outcome.stderr)]);
        written = writeln!(std::io::stderr(), "{line}");
    }
    match written {
        Ok(()) => ExitCode::from(outcome.code),
        Err(_) => ExitCode::from(EXIT_IO),
    }
}

/// Runs the command and returns what to print and the exit code.
fn run(cli: &Cli) -> Outcome {
    let lang = cli.lang;
    let Some(command) = &cli.command else {
        return Outcome::fail("no command".into(), EXIT_USAGE);
    };
    let dir = match store::register_dir(cli.db.as_deref()) {
        Ok(d) => d,
        Err(e) => return store_fail(&e, lang),
    };
    match command {
        Command::Audit {
            what: AuditCommand::Verify,
        } => audit::verify(&dir, lang),
        Command::Repair => maintenance::repair(&dir, Utc::now(), lang),
        Command::Backup { dir: dest } => {
            let opts = OpenOptions {
                create: None,
                now: Utc::now(),
                cli_user: cli.user.clone(),
                config_user: None,
            };
            maintenance::backup(&dir, dest, &opts, lang)
        }
        Command::Export {
            what: ExportCommand::Csv { out, delimiter },
        } => {
            let Some(delimiter) = export::parse_delimiter(delimiter) else {
                let msg = StoreMsg::BadDelimiter.fill(lang, &[("given", delimiter)]);
                return Outcome::fail(msg, EXIT_USAGE);
            };
            let mut store = match open_existing(cli, &dir) {
                Ok(s) => s,
                Err(o) => return o,
            };
            let now = match clock(cli, &store) {
                Ok(n) => n,
                Err(o) => return o,
            };
            match export::export_csv(&mut store, out.as_deref(), delimiter, now) {
                Ok(bytes) => Outcome {
                    stdout: bytes,
                    stderr: String::new(),
                    code: 0,
                },
                Err(e) => store_fail(&e, lang),
            }
        }
    }
}

/// Opens an existing register for a command.
fn open_existing(cli: &Cli, dir: &std::path::Path) -> Result<Store, Outcome> {
    let opts = OpenOptions {
        create: None,
        now: Utc::now(),
        cli_user: cli.user.clone(),
        config_user: None,
    };
    Store::open(dir, &opts).map_err(|e| store_fail(&e, cli.lang))
}

/// The clock's instant: the real time, or `--now` on a demo register (RFC 3339 here).
fn clock(cli: &Cli, store: &Store) -> Result<DateTime<Utc>, Outcome> {
    let Some(now) = &cli.now else {
        return Ok(Utc::now());
    };
    if !store.is_demo() {
        return Err(Outcome::fail(
            StoreMsg::NowRefused.text(cli.lang).into(),
            EXIT_USAGE,
        ));
    }
    DateTime::parse_from_rfc3339(now)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| {
            Outcome::fail(
                StoreMsg::BadNow.fill(cli.lang, &[("given", now)]),
                EXIT_USAGE,
            )
        })
}

fn store_fail(e: &StoreError, lang: Lang) -> Outcome {
    Outcome::fail(e.message(lang), e.exit_code())
}

//! The `privdesk` binary: parses the command line, runs a subcommand from the library, prints,
//! and turns the outcome into an exit code (design.md "Command line"). No rules live here.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use privdesk::cli::deadline::{deadline_lines, instant_error_message};
use privdesk::domain::instant::parse_instant;
use privdesk::i18n::Lang;
use privdesk::i18n::cli::CliMsg;

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
            writeln!(std::io::stderr(), "{}", CliMsg::NoCommand.text(lang))?;
            Ok(ExitCode::from(EXIT_USAGE))
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

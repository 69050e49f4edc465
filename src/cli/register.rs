//! The commands that work on an existing register (`audit verify`, `repair`, `backup`, `export`,
//! `letter`): finding the register, opening it with the user and the clock the command line
//! gives (`--now` only on a demo register), and running the command's own module. `main.rs`
//! maps its parsed arguments to [`RegisterArgs`] and a [`RegisterCommand`] and prints the
//! [`Outcome`].

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::{Outcome, audit, export, export_json, letter, maintenance, report, session};
use crate::clock::Clock;
use crate::config::{Config, Organisatie};
use crate::domain::instant::parse_instant;
use crate::i18n::Lang;
use crate::i18n::postgres::PgMsg;
use crate::i18n::store::StoreMsg;
use crate::store::postgres::{PgRegister, PgTarget};
use crate::store::{self, OpenOptions, PgFailure, Register, Store, StoreError};

/// Exit code 2: bad input or usage.
const EXIT_USAGE: u8 = 2;

/// The global options a register command reads.
#[derive(Clone, Copy, Debug)]
pub struct RegisterArgs<'a> {
    /// `--db`.
    pub db: Option<&'a Path>,
    /// `--demo`: the command runs on a throw-away demo register, never the real one.
    pub demo: bool,
    /// `--config`.
    pub config: Option<&'a Path>,
    /// `--user`.
    pub user: Option<&'a str>,
    /// `--now`, as typed (checked against the register: demo only).
    pub now: Option<&'a str>,
    /// The language in effect.
    pub lang: Lang,
}

/// A command that works on an existing register, with its own arguments.
#[derive(Clone, Copy, Debug)]
pub enum RegisterCommand<'a> {
    /// `audit verify [--expect SEQ:HASH]`: check the journal's chain, against the working
    /// store and the anchors given.
    AuditVerify {
        /// `--expect`, as typed (any number of them).
        expect: &'a [String],
    },
    /// `repair [--accept-loss]`: rebuild the working store from the journal.
    Repair {
        /// Give up what the working store holds beyond the journal.
        accept_loss: bool,
    },
    /// `backup DIR`.
    Backup {
        /// The backup folder.
        dest: &'a Path,
    },
    /// `export json [--out FILE]`.
    ExportJson {
        /// `--out`.
        out: Option<&'a Path>,
    },
    /// `export csv`, or with `breaches` `export breaches csv`.
    ExportCsv {
        /// `--out`.
        out: Option<&'a Path>,
        /// `--delimiter`, as typed.
        delimiter: &'a str,
        /// The breach register instead of every case.
        breaches: bool,
    },
    /// `report --year Y [--format F] [--out FILE]`.
    Report {
        /// `--year`, as typed.
        year: &'a str,
        /// `--format`, as typed.
        format: &'a str,
        /// `--out`.
        out: Option<&'a Path>,
    },
    /// `letter ID LETTER [--out DIR]`.
    Letter {
        /// The case id, as typed.
        id: &'a str,
        /// The letter, as typed.
        letter: &'a str,
        /// `--out`.
        out: Option<&'a Path>,
        /// `--format`, as typed.
        format: Option<&'a str>,
    },
}

/// Runs a register command: what to print and the exit code. Finds the register (a fresh
/// demo, a team's database or the folder) and hands the command to its group's function.
pub fn run(args: &RegisterArgs<'_>, command: RegisterCommand<'_>) -> Outcome {
    let lang = args.lang;
    let demo = match demo_register(args) {
        Ok(d) => d,
        Err(o) => return o,
    };
    // A team's register: `--db postgres://…` (or PRIVDESK_DB).
    let url = if demo.is_none() {
        session::pg_url(args.db)
    } else {
        None
    };
    let dir = match (&demo, &url) {
        (Some(temp), _) => temp.register(),
        (None, Some(_)) => std::path::PathBuf::new(),
        (None, None) => match store::register_dir(args.db) {
            Ok(d) => d,
            Err(e) => return store_fail(&e, lang),
        },
    };
    let target = match &url {
        Some(url) => Some(match open_pg(args, url) {
            Ok(t) => t,
            Err(o) => return o,
        }),
        None => None,
    };
    let at = Where {
        dir: &dir,
        pg: target.as_ref(),
    };
    match command {
        RegisterCommand::AuditVerify { expect } => audit_verify(args, &at, expect),
        RegisterCommand::Repair { accept_loss } => repair(args, &at, accept_loss),
        RegisterCommand::Backup { dest } => backup(args, &at, dest),
        RegisterCommand::ExportJson { out } => export_json_to(args, &at, out),
        RegisterCommand::ExportCsv {
            out,
            delimiter,
            breaches,
        } => export_csv_to(args, &at, out, delimiter, breaches),
        RegisterCommand::Report { year, format, out } => report_to(args, &at, year, format, out),
        RegisterCommand::Letter {
            id,
            letter,
            out,
            format,
        } => write_letter(args, &at, demo.is_some(), (id, letter, out, format)),
    }
}

/// `--demo`: a fresh demo register seeded at the command's clock (`--now`, or the system's),
/// removed when done; `None` without `--demo`. A malformed `--now` is exit 2.
fn demo_register(args: &RegisterArgs<'_>) -> Result<Option<session::TempFolder>, Outcome> {
    if !args.demo {
        return Ok(None);
    }
    let lang = args.lang;
    let now = match args.now.map(parse_instant) {
        None => Clock::System.now(),
        Some(Ok(t)) => t,
        Some(Err(_)) => {
            let given = args.now.unwrap_or_default();
            return Err(Outcome::fail(
                StoreMsg::BadNow.fill(lang, &[("given", given)]),
                EXIT_USAGE,
            ));
        }
    };
    match session::demo_register(now) {
        Ok(temp) => Ok(Some(temp)),
        Err(e) => Err(store_fail(&e, lang)),
    }
}

/// `audit verify`: the folder's journal, or every line of a team's register.
fn audit_verify(args: &RegisterArgs<'_>, at: &Where<'_>, expect: &[String]) -> Outcome {
    let lang = args.lang;
    match at.pg {
        Some(t) => match PgRegister::open(t, Clock::System.now()) {
            Ok(reg) => audit::verify_pg(&reg, expect, lang),
            Err(e) => store_fail(&e, lang),
        },
        None => audit::verify(at.dir, expect, lang),
    }
}

/// `repair`: the folder's register only; a team's register has none (exit 2), the database
/// keeps its own lines.
fn repair(args: &RegisterArgs<'_>, at: &Where<'_>, accept_loss: bool) -> Outcome {
    if at.pg.is_some() {
        return Outcome::fail(PgMsg::NoRepair.text(args.lang).into(), EXIT_USAGE);
    }
    let opts = store::maintenance::RepairOptions {
        now: Clock::System.now(),
        accept_loss,
        user: args.user.map(str::to_string).or_else(|| {
            Config::load(args.config)
                .ok()
                .and_then(|c| c.gebruiker.naam)
        }),
    };
    maintenance::repair(at.dir, &opts, args.lang)
}

/// `backup DEST`: of the folder's register, or of a team's register's lines.
fn backup(args: &RegisterArgs<'_>, at: &Where<'_>, dest: &Path) -> Outcome {
    let lang = args.lang;
    let now = Clock::System.now();
    if let Some(t) = at.pg {
        return match PgRegister::open(t, now) {
            Ok(mut reg) => maintenance::backup_pg(&mut reg, dest, now, lang),
            Err(e) => store_fail(&e, lang),
        };
    }
    let opts = OpenOptions {
        create: None,
        now,
        cli_user: args.user.map(str::to_string),
        config_user: None,
    };
    maintenance::backup(at.dir, dest, &opts, lang)
}

/// `export json`: refused without a good configuration, then every case at the clock.
fn export_json_to(args: &RegisterArgs<'_>, at: &Where<'_>, out: Option<&Path>) -> Outcome {
    if let Err(o) = config_or_refuse(args) {
        return o;
    }
    let (mut store, now) = match open_at_clock(args, at) {
        Ok(opened) => opened,
        Err(o) => return o,
    };
    match export_json::export_json(&mut *store, out, now) {
        Ok(bytes) => Outcome {
            stdout: bytes,
            stderr: String::new(),
            code: 0,
        },
        Err(e) => store_fail(&e, args.lang),
    }
}

/// `report`: the year and format checked first (exit 2), then as `export json`.
fn report_to(
    args: &RegisterArgs<'_>,
    at: &Where<'_>,
    year: &str,
    format: &str,
    out: Option<&Path>,
) -> Outcome {
    use crate::i18n::report::ReportMsg;
    let lang = args.lang;
    let Some(year) = year
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=9999).contains(y))
    else {
        let msg = ReportMsg::BadYear.fill(lang, &[("given", year)]);
        return Outcome::fail(msg, EXIT_USAGE);
    };
    let Some(format) = report::ReportFormat::parse(format) else {
        let msg = ReportMsg::BadFormat.fill(lang, &[("given", format)]);
        return Outcome::fail(msg, EXIT_USAGE);
    };
    if let Err(o) = config_or_refuse(args) {
        return o;
    }
    let (mut store, now) = match open_at_clock(args, at) {
        Ok(opened) => opened,
        Err(o) => return o,
    };
    match report::report(&mut *store, year, format, out, lang, now) {
        Ok(bytes) => Outcome {
            stdout: bytes,
            stderr: String::new(),
            code: 0,
        },
        Err(e) => store_fail(&e, lang),
    }
}

/// `export csv` and `export breaches csv`: the delimiter checked first (exit 2), then as
/// `export json`.
fn export_csv_to(
    args: &RegisterArgs<'_>,
    at: &Where<'_>,
    out: Option<&Path>,
    delimiter: &str,
    breaches: bool,
) -> Outcome {
    let lang = args.lang;
    let Some(delimiter) = export::parse_delimiter(delimiter) else {
        let msg = StoreMsg::BadDelimiter.fill(lang, &[("given", delimiter)]);
        return Outcome::fail(msg, EXIT_USAGE);
    };
    if let Err(o) = config_or_refuse(args) {
        return o;
    }
    let (mut store, now) = match open_at_clock(args, at) {
        Ok(opened) => opened,
        Err(o) => return o,
    };
    let exported = if breaches {
        export::export_breaches_csv(&mut *store, out, delimiter, now)
    } else {
        export::export_csv(&mut *store, out, delimiter, now)
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

/// `letter ID LETTER`: the configuration's organisation and letters folder; a throw-away
/// demo register's letters never go into the user's data folder. `given` is the id, the
/// letter, `--out` and `--format` as typed.
fn write_letter(
    args: &RegisterArgs<'_>,
    at: &Where<'_>,
    demo: bool,
    given: (&str, &str, Option<&Path>, Option<&str>),
) -> Outcome {
    let (id, letter, out, format) = given;
    let config = match config_or_refuse(args) {
        Ok(c) => c,
        Err(o) => return o,
    };
    let (mut store, now) = match open_at_clock(args, at) {
        Ok(opened) => opened,
        Err(o) => return o,
    };
    let org = Organisatie::for_register(&config, store.is_demo(), args.config.is_some());
    let demo_dir = demo.then(|| crate::letters::demo_dir(&store.name()));
    let letter_args = letter::LetterArgs {
        id,
        letter,
        out,
        format,
        brieven: &config.brieven,
        map: config.brieven.map.as_deref().or(demo_dir.as_deref()),
        org: &org,
        lang: args.lang,
        now,
    };
    letter::letter(&mut *store, &letter_args)
}

/// The configuration, or the refusal (exit 2) of a missing or broken one: `export` refuses
/// as `letter` does (issue 16), before the register is opened or anything recorded.
fn config_or_refuse(args: &RegisterArgs<'_>) -> Result<Config, Outcome> {
    Config::load(args.config).map_err(|e| Outcome::fail(e.message(args.lang), EXIT_USAGE))
}

/// Where a command's register is: a folder, or a team's register on PostgreSQL.
struct Where<'a> {
    dir: &'a Path,
    pg: Option<&'a PgTarget>,
}

/// Reads a PostgreSQL URL, refusing what does not apply there: `--user` (the user is the
/// database login) and `--now` (the database's clock holds).
fn open_pg(args: &RegisterArgs<'_>, url: &str) -> Result<PgTarget, Outcome> {
    let refuse = |f: PgFailure| {
        let e = StoreError::Pg(f);
        store_fail(&e, args.lang)
    };
    if args.user.is_some() {
        return Err(refuse(PgFailure::UserOption));
    }
    if args.now.is_some() {
        return Err(refuse(PgFailure::NowOption));
    }
    PgTarget::parse(url).map_err(|e| store_fail(&e, args.lang))
}

/// Opens an existing register for a command.
fn open_existing(args: &RegisterArgs<'_>, at: &Where<'_>) -> Result<Box<dyn Register>, Outcome> {
    if let Some(target) = at.pg {
        let reg =
            PgRegister::open(target, Clock::System.now()).map_err(|e| store_fail(&e, args.lang))?;
        return Ok(Box::new(reg));
    }
    let opts = OpenOptions {
        create: None,
        now: Clock::System.now(),
        cli_user: args.user.map(str::to_string),
        // A config that cannot be read is reported by the command that needs it; the user's
        // name then falls back to the OS user.
        config_user: Config::load(args.config)
            .ok()
            .and_then(|c| c.gebruiker.naam),
    };
    let store = Store::open(at.dir, &opts).map_err(|e| store_fail(&e, args.lang))?;
    // An older working store was copied aside and migrated: say where the copy is.
    if let Some((text, _)) = store.open_notice(args.lang) {
        let _ = writeln!(std::io::stderr(), "{text}");
    }
    Ok(Box::new(store))
}

/// Opens an existing register for a command that needs the time too (the clock is checked
/// against the register: `--now` only on a demo).
fn open_at_clock(
    args: &RegisterArgs<'_>,
    at: &Where<'_>,
) -> Result<(Box<dyn Register>, DateTime<Utc>), Outcome> {
    let store = open_existing(args, at)?;
    let now = clock(args, &*store)?;
    Ok((store, now))
}

/// The clock's instant: the real time, or `--now` on a demo register.
fn clock(args: &RegisterArgs<'_>, store: &dyn Register) -> Result<DateTime<Utc>, Outcome> {
    let Some(now) = args.now else {
        return Ok(Clock::System.now());
    };
    if !store.is_demo() {
        return Err(Outcome::fail(
            StoreMsg::NowRefused.text(args.lang).into(),
            EXIT_USAGE,
        ));
    }
    parse_instant(now).map_err(|_| {
        Outcome::fail(
            StoreMsg::BadNow.fill(args.lang, &[("given", now)]),
            EXIT_USAGE,
        )
    })
}

fn store_fail(e: &StoreError, lang: Lang) -> Outcome {
    Outcome::fail(e.message(lang), e.exit_code())
}

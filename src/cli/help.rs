//! The command line's help in the user's language: the clap definitions in `main.rs` give the
//! shape (commands, options, value names); every text a user reads — about, option help,
//! headings, `--help`/`--version` — comes from [`HelpMsg`], Dutch by default and English with
//! `--lang en`. Clap's own errors are said again in the user's language where their kind is
//! known ([`error_message`]); the man page and the completions are made from the same
//! localised command ([`super::manual`]).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::i18n::Lang;
use crate::i18n::help::HelpMsg;

/// The about text of the command at `path` (subcommand names joined by spaces, "" for
/// privdesk itself).
fn about(path: &str) -> Option<HelpMsg> {
    Some(match path {
        "" => HelpMsg::About,
        "audit" => HelpMsg::Audit,
        "audit verify" => HelpMsg::AuditVerify,
        "repair" => HelpMsg::Repair,
        "backup" => HelpMsg::Backup,
        "export" => HelpMsg::Export,
        "export csv" => HelpMsg::ExportCsv,
        "export json" => HelpMsg::ExportJson,
        "export breaches" => HelpMsg::ExportBreaches,
        "export breaches csv" => HelpMsg::ExportBreachesCsv,
        "letter" => HelpMsg::Letter,
        "report" => HelpMsg::Report,
        "headless" => HelpMsg::Headless,
        "deadline" => HelpMsg::Deadline,
        "completions" => HelpMsg::Completions,
        "man" => HelpMsg::Man,
        "db" => HelpMsg::DbCommand,
        "db init" => HelpMsg::DbInit,
        "db migrate" => HelpMsg::DbMigrate,
        _ => return None,
    })
}

/// The help of the argument `id` of the command at `path`.
fn arg_help(path: &str, id: &str) -> Option<HelpMsg> {
    Some(match (path, id) {
        ("db init", "url") => HelpMsg::DbInitUrl,
        ("db init", "role_prefix") => HelpMsg::DbRolePrefix,
        ("db migrate", "from") => HelpMsg::DbMigrateFrom,
        ("db migrate", "to") => HelpMsg::DbMigrateTo,
        (_, "db") => HelpMsg::Db,
        (_, "demo") => HelpMsg::Demo,
        (_, "config") => HelpMsg::Config,
        (_, "lang") => HelpMsg::Lang,
        (_, "theme") => HelpMsg::Theme,
        (_, "user") => HelpMsg::User,
        (_, "now") => HelpMsg::Now,
        ("backup", "dir") => HelpMsg::BackupDir,
        ("letter", "id") => HelpMsg::LetterId,
        ("letter", "letter") => HelpMsg::LetterKind,
        ("letter", "out") => HelpMsg::LetterOut,
        ("letter", "format") => HelpMsg::LetterFormat,
        ("report", "year") => HelpMsg::ReportYear,
        ("report", "format") => HelpMsg::ReportFormat,
        (_, "out") => HelpMsg::ExportOut,
        (_, "delimiter") => HelpMsg::Delimiter,
        ("headless", "script") => HelpMsg::HeadlessScript,
        ("headless", "size") => HelpMsg::HeadlessSize,
        ("headless", "json") => HelpMsg::HeadlessJson,
        ("deadline", "kind") => HelpMsg::DeadlineKind,
        ("deadline", "from") => HelpMsg::DeadlineFrom,
        ("deadline", "extended") => HelpMsg::DeadlineExtended,
        ("completions", "shell") => HelpMsg::CompletionsShell,
        ("audit verify", "expect") => HelpMsg::VerifyExpect,
        ("repair", "accept_loss") => HelpMsg::RepairAcceptLoss,
        _ => return None,
    })
}

/// The placeholder of the value of argument `id` of the command at `path`, where it is a word.
fn value_name(path: &str, id: &str) -> Option<HelpMsg> {
    Some(match (path, id) {
        ("db init", "url") | ("db migrate", "to") => HelpMsg::ValUrl,
        ("db init", "role_prefix") => HelpMsg::ValPrefix,
        ("db migrate", "from") => HelpMsg::ValDir,
        (_, "db") => HelpMsg::ValPath,
        (_, "config") => HelpMsg::ValFile,
        (_, "theme" | "user") => HelpMsg::ValName,
        (_, "now") => HelpMsg::ValInstant,
        ("letter", "out") | ("backup", "dir") => HelpMsg::ValDir,
        (_, "out") => HelpMsg::ValFile,
        (_, "size") => HelpMsg::ValSize,
        (_, "delimiter") => HelpMsg::ValDelimiter,
        ("deadline", "kind") => HelpMsg::ValKind,
        ("deadline", "from") => HelpMsg::ValFrom,
        ("letter", "letter") => HelpMsg::ValLetter,
        ("letter" | "report", "format") => HelpMsg::ValFormat,
        ("report", "year") => HelpMsg::ValYear,
        ("audit verify", "expect") => HelpMsg::ValAnchor,
        _ => return None,
    })
}

/// The command with every user-facing text in `lang`. Texts the tables above lack keep the
/// definitions' own (English) doc text; a test holds every command and option to a text.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let version = cmd.get_version().is_some();
    let mut cmd = localize_at(cmd, "", lang);
    if version {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(HelpMsg::Version.text(lang))
                .help_heading(HelpMsg::Options.text(lang)),
        );
    }
    cmd
}

fn localize_at(cmd: Command, path: &str, lang: Lang) -> Command {
    let template = format!(
        "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        HelpMsg::Usage.text(lang)
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(HelpMsg::Commands.text(lang))
        .subcommand_value_name(HelpMsg::CommandName.text(lang))
        // `privdesk help …` is rewritten to `--help` before parsing (help_command_as_flag).
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(HelpMsg::Help.text(lang)),
        );
    if let Some(msg) = about(path) {
        cmd = cmd.about(msg.text(lang)).long_about(None::<&'static str>);
    }
    cmd = cmd.mut_args(|arg| {
        let heading = if arg.is_positional() {
            HelpMsg::Arguments
        } else {
            HelpMsg::Options
        };
        // A default is named in the help text itself, in the user's language.
        let takes_value = arg.get_action().takes_values();
        let arg = arg
            .help_heading(heading.text(lang))
            .hide_default_value(takes_value);
        let id = arg.get_id().as_str().to_string();
        let arg = match value_name(path, &id) {
            Some(msg) if takes_value => arg.value_name(msg.text(lang)),
            _ => arg,
        };
        match arg_help(path, &id) {
            Some(msg) => arg.help(msg.text(lang)).long_help(None::<&'static str>),
            None => arg,
        }
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |sub| localize_at(sub, &sub_path, lang));
    }
    cmd
}

/// Every command path and option of `cmd` that has no text of its own in the tables, for the
/// test that keeps the tables complete.
pub fn missing_texts(cmd: &Command) -> Vec<String> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
        if about(path).is_none() {
            out.push(format!("command '{path}'"));
        }
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if !matches!(id, "help" | "version") && arg_help(path, id).is_none() {
                out.push(format!("option '{id}' of '{path}'"));
            }
        }
        for sub in cmd.get_subcommands() {
            let p = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            walk(sub, &p, out);
        }
    }
    let mut out = Vec::new();
    walk(cmd, "", &mut out);
    out
}

/// The language asked for on the command line (`--lang en`, `--lang=en`) and the config file
/// named (`--config FILE`), read before clap parses, so the help and clap's errors already
/// speak the user's language.
pub fn early_options(args: &[std::ffi::OsString]) -> (Option<Lang>, Option<std::path::PathBuf>) {
    let mut lang = None;
    let mut config = None;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        if let Some(v) = arg.strip_prefix("--lang=") {
            lang = v.parse().ok().or(lang);
        } else if arg == "--lang" {
            lang = it.next().and_then(|v| v.parse().ok()).or(lang);
        } else if let Some(v) = arg.strip_prefix("--config=") {
            config = Some(std::path::PathBuf::from(v));
        } else if arg == "--config" {
            config = it.next().map(|v| std::path::PathBuf::from(v.as_ref()));
        }
    }
    (lang, config)
}

/// The global options that take a value, for reading the command line before clap does.
const VALUE_OPTIONS: &[&str] = &["--db", "--config", "--lang", "--theme", "--user", "--now"];

/// `privdesk [OPTIONS] help [COMMAND…]` as `privdesk [OPTIONS] [COMMAND…] --help`: clap's own
/// `help` command cannot be given the user's language, so privdesk's is this rewrite.
pub fn help_command_as_flag(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut i = 1;
    while let Some(arg) = args.get(i).and_then(|a| a.to_str()) {
        if VALUE_OPTIONS.contains(&arg) {
            i += 2;
        } else if arg.starts_with('-') {
            i += 1;
        } else {
            break;
        }
    }
    if args.get(i).and_then(|a| a.to_str()) != Some("help") {
        return args;
    }
    let mut out = args;
    out.remove(i);
    out.push("--help".into());
    out
}

/// Clap's error in the user's language, for the kinds whose context clap gives; `None` for the
/// rest (and for `--help`/`--version`, which are no errors), which keep clap's own words.
pub fn error_message(e: &clap::Error, lang: Lang) -> Option<String> {
    let ctx = |kind: ContextKind| -> String {
        match e.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        }
    };
    let arg = ctx(ContextKind::InvalidArg);
    // The message, and the context values it names.
    let (message, named) = match e.kind() {
        ErrorKind::UnknownArgument => (
            HelpMsg::ErrUnknownArgument.fill(lang, &[("arg", &arg)]),
            vec![arg],
        ),
        ErrorKind::InvalidSubcommand => {
            let sub = ctx(ContextKind::InvalidSubcommand);
            (
                HelpMsg::ErrUnknownCommand.fill(lang, &[("arg", &sub)]),
                vec![sub],
            )
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = ctx(ContextKind::InvalidValue);
            if value.is_empty() {
                (HelpMsg::ErrNoValue.fill(lang, &[("arg", &arg)]), vec![arg])
            } else {
                (
                    HelpMsg::ErrInvalidValue.fill(lang, &[("arg", &arg), ("value", &value)]),
                    vec![arg, value],
                )
            }
        }
        ErrorKind::MissingRequiredArgument => {
            (HelpMsg::ErrMissing.fill(lang, &[("arg", &arg)]), vec![arg])
        }
        ErrorKind::ArgumentConflict => {
            let other = ctx(ContextKind::PriorArg);
            (
                HelpMsg::ErrConflict.fill(lang, &[("arg", &arg), ("other", &other)]),
                vec![arg, other],
            )
        }
        _ => return None,
    };
    if named.iter().any(String::is_empty) {
        // Clap gave no context for this one: its own words say more.
        return None;
    }
    Some(message)
}

/// Text clap rendered (help, a usage line) with the one word it does not let be set, its
/// `[OPTIONS]` placeholder, in `lang`.
pub fn localize_rendered(text: &str, lang: Lang) -> String {
    text.replace("[OPTIONS]", HelpMsg::OptionsPlaceholder.text(lang))
}

/// The hint after an error: try `--help`.
pub fn try_help(command: &str, lang: Lang) -> String {
    HelpMsg::ErrTryHelp.fill(lang, &[("command", command)])
}

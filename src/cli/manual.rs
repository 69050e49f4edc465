//! The completions and the manual page, generated from the (localised) clap definitions:
//! `privdesk completions bash|zsh|fish|powershell|elvish` and `privdesk man`. The man page adds
//! to clap_mangen's sections the exit codes, the environment variables and the files, in the
//! user's language from the same i18n.

use std::io::{self, Write};

use clap::Command;
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use crate::i18n::Lang;
use crate::i18n::help::HelpMsg;

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, cmd: &mut Command, out: &mut dyn Write) -> io::Result<()> {
    let name = cmd.get_name().to_string();
    clap_complete::generate(shell, cmd, name, out);
    out.flush()
}

/// Writes the manual page (roff) of `cmd`, with the sections privdesk adds; clap_mangen's
/// own section headings are said again in `lang`.
pub fn man_page(cmd: Command, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let commands = cmd
        .get_subcommand_help_heading()
        .unwrap_or("Commands")
        .to_string();
    let man = Man::new(cmd).manual("privdesk");
    let mut page: Vec<u8> = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    extra_sections(lang).to_writer(&mut page)?;
    man.render_version_section(&mut page)?;
    let headings = [
        ("NAME", HelpMsg::ManName),
        ("SYNOPSIS", HelpMsg::ManSynopsis),
        ("DESCRIPTION", HelpMsg::ManDescription),
        ("VERSION", HelpMsg::ManVersion),
        (commands.as_str(), HelpMsg::ManCommands),
    ];
    for line in String::from_utf8_lossy(&page).lines() {
        let heading = line
            .strip_prefix(".SH ")
            .and_then(|h| headings.iter().find(|(from, _)| *from == h));
        match heading {
            Some((_, msg)) => writeln!(out, ".SH {}", msg.text(lang))?,
            None => writeln!(out, "{line}")?,
        }
    }
    out.flush()
}

/// EXIT STATUS, ENVIRONMENT and FILES.
fn extra_sections(lang: Lang) -> Roff {
    let mut roff = Roff::default();
    let item = |roff: &mut Roff, term: &str, text: &str| {
        roff.control("TP", []);
        roff.text([bold(term)]);
        roff.text([roman(text)]);
    };
    roff.control("SH", [HelpMsg::ManExitCodes.text(lang)]);
    for (code, msg) in [
        ("0", HelpMsg::ManExit0),
        ("1", HelpMsg::ManExit1),
        ("2", HelpMsg::ManExit2),
        ("3", HelpMsg::ManExit3),
        ("4", HelpMsg::ManExit4),
        ("5", HelpMsg::ManExit5),
    ] {
        item(&mut roff, code, msg.text(lang));
    }
    roff.control("SH", [HelpMsg::ManEnvironment.text(lang)]);
    for (var, msg) in [
        ("PRIVDESK_DB", HelpMsg::ManEnvDb),
        ("PRIVDESK_CONFIG", HelpMsg::ManEnvConfig),
        ("NO_COLOR", HelpMsg::ManEnvNoColor),
        ("TMPDIR", HelpMsg::ManEnvTmpdir),
    ] {
        item(&mut roff, var, msg.text(lang));
    }
    roff.control("SH", [HelpMsg::ManFiles.text(lang)]);
    for (file, msg) in [
        ("~/.config/privdesk/privdesk.toml", HelpMsg::ManFileConfig),
        ("~/.config/privdesk/letters/", HelpMsg::ManFileTemplates),
        ("~/.local/share/privdesk/", HelpMsg::ManFileRegister),
        (
            "~/.local/share/privdesk/brieven/<register>/",
            HelpMsg::ManFileLetters,
        ),
    ] {
        item(&mut roff, file, msg.text(lang));
    }
    roff
}

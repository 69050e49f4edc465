//! Completions, the man page and `--help` in the user's language (issue 24), generated from the
//! clap definitions.
#![allow(clippy::unwrap_used)]

mod common;

use common::privdesk;
use std::process::Command;

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn bash_completions_load() {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_privdesk"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = Command::new("bash")
        .args([
            "-c",
            "source <(privdesk completions bash); complete -p privdesk",
        ])
        .env("PATH", path)
        .env("PRIVDESK_CONFIG", "/dev/null")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("-F _privdesk privdesk"),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn every_shell_gets_completions_naming_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = privdesk(None, &["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", text(&o.stderr));
        let out = text(&o.stdout);
        for command in ["headless", "letter", "export", "deadline"] {
            assert!(out.contains(command), "{shell} lacks {command}");
        }
    }
    let o = privdesk(None, &["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_man_page_documents_commands_exit_codes_environment_and_files() {
    for (lang, exit, env, files, name) in [
        ("nl", "AFSLUITCODES", "OMGEVING", "BESTANDEN", ".SH NAAM"),
        ("en", "EXIT STATUS", "ENVIRONMENT", "FILES", ".SH NAME"),
    ] {
        let o = privdesk(None, &["--lang", lang, "man"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let man = text(&o.stdout);
        assert!(man.starts_with(".ie") || man.starts_with(".TH"), "{man}");
        for needle in [
            ".TH privdesk 1",
            name,
            exit,
            env,
            files,
            "PRIVDESK_DB",
            "PRIVDESK_CONFIG",
            "NO_COLOR",
            "privdesk.toml",
            "headless",
            "letter",
        ] {
            assert!(man.contains(needle), "{lang}: no {needle}");
        }
        for code in 0..=5 {
            assert!(
                man.contains(&format!("\n\\fB{code}\\fR\n")),
                "{lang}: code {code}"
            );
        }
    }
}

#[test]
fn help_is_dutch_by_default_and_english_with_lang_en() {
    let nl = text(&privdesk(None, &["--help"]).stdout);
    assert!(nl.contains("Gebruik: privdesk"), "{nl}");
    assert!(nl.contains("Opdrachten:"), "{nl}");
    assert!(nl.contains("Toon deze hulp"), "{nl}");
    let nl = text(&privdesk(None, &["letter", "--help"]).stdout);
    assert!(
        nl.contains("Gebruik: privdesk letter [OPTIES] <ID> <BRIEF>"),
        "{nl}"
    );
    assert!(nl.contains("--out <MAP>"), "{nl}");
    // `help COMMAND` is `COMMAND --help`.
    let o = privdesk(None, &["--lang", "en", "help", "letter"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("Usage: privdesk letter [OPTIONS] <ID> <LETTER>"));
    let en = text(&privdesk(None, &["--lang", "en", "--help"]).stdout);
    assert!(en.contains("Usage: privdesk"), "{en}");
    assert!(en.contains("Print this help"), "{en}");
    // A subcommand's help, the option after the command.
    let nl = text(&privdesk(None, &["headless", "--help"]).stdout);
    assert!(nl.contains("Eén JSON-object per antwoord"), "{nl}");
    let en = text(&privdesk(None, &["headless", "--help", "--lang=en"]).stdout);
    assert!(en.contains("One JSON object per reply"), "{en}");
    // No description is left the same in both languages.
    for path in [
        &[][..],
        &["export"][..],
        &["export", "csv"][..],
        &["letter"][..],
        &["deadline"][..],
    ] {
        let nl = text(&privdesk(None, &[path, &["--help"]].concat()).stdout);
        let en = text(&privdesk(None, &[&["--lang", "en"], path, &["--help"]].concat()).stdout);
        for line in en
            .lines()
            .filter(|l| l.contains("  ") && l.trim().len() > 20)
        {
            assert!(!nl.contains(line), "{path:?}: untranslated: {line}");
        }
    }
}

#[test]
fn clap_errors_speak_the_users_language() {
    let o = privdesk(None, &["--bogus"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.starts_with("fout: onbekend argument '--bogus'"),
        "{err}"
    );
    assert!(err.contains("Zie 'privdesk --help' voor meer."), "{err}");
    let o = privdesk(None, &["--lang", "en", "letter"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).starts_with("error: missing argument"));
}

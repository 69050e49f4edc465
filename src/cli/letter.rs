//! `privdesk letter ID ontvangstbevestiging|verlenging|besluit [--format md|docx|pdf] [--out DIR]` (design.md
//! "Command line"): the letter is refused when the case lacks what it needs (exit 2), written
//! as `DIR/<ID>-<letter>.<format>` (made by `letters::make_letter`, as the workbench's `l`) without overwriting — DIR is `--out`, else the config's
//! `brieven.map`, else `<data dir>/brieven/<register>` — and recorded in the journal; a letter that
//! cannot be recorded is removed again, so no letter exists that the audit trail does not show.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::Outcome;
use crate::config::Brieven;
use crate::config::Organisatie;
use crate::domain::deadline::amsterdam_date;
use crate::domain::kind::CaseId;
use crate::i18n::Lang;
use crate::i18n::letters::LettersMsg;
use crate::letters::{
    Format, LetterError, LetterKind, LetterRequest, letters_dir, make_letter, override_dir,
    warnings,
};
use crate::store::register::record;
use crate::store::{Register, StoreError};

/// Exit code 2: bad input, or a letter the case cannot have yet.
const EXIT_USAGE: u8 = 2;
/// Exit code 5: the disk refused.
const EXIT_IO: u8 = 5;

/// What the letter command needs besides the store.
pub struct LetterArgs<'a> {
    /// The case id as typed.
    pub id: &'a str,
    /// The letter as typed.
    pub letter: &'a str,
    /// `--out`: the folder to write to.
    pub out: Option<&'a Path>,
    /// The config's `brieven.map`, the folder when `--out` is not given (else the register's
    /// letters folder in the user's data folder).
    pub map: Option<&'a Path>,
    /// `--format` as typed (`md`, `docx`, `pdf`); the default is docx.
    pub format: Option<&'a str>,
    /// The config's `[brieven]`: briefpapier and signatory.
    pub brieven: &'a Brieven,
    /// The organisation the letter is from.
    pub org: &'a Organisatie,
    /// The language of the letter and the messages.
    pub lang: Lang,
    /// The clock: the letter's date.
    pub now: DateTime<Utc>,
}

fn letter_fail(e: &LetterError, lang: Lang) -> Outcome {
    let code = match e {
        LetterError::Write { .. }
        | LetterError::DiskFull { .. }
        | LetterError::TemplateRead { .. }
        | LetterError::NoSoffice
        | LetterError::Pdf { .. } => EXIT_IO,
        _ => EXIT_USAGE,
    };
    Outcome::fail(e.message(lang), code)
}

/// Makes the letter, writes it and records it; prints the path of the file.
pub fn letter(store: &mut dyn Register, args: &LetterArgs) -> Outcome {
    let lang = args.lang;
    let Ok(id) = args.id.parse::<CaseId>() else {
        return Outcome::fail(
            LettersMsg::BadCaseId.fill(lang, &[("given", args.id)]),
            EXIT_USAGE,
        );
    };
    let Ok(kind) = args.letter.parse::<LetterKind>() else {
        let letters: Vec<&str> = LetterKind::ALL.iter().map(|k| k.slug()).collect();
        let msg = LettersMsg::UnknownLetter.fill(
            lang,
            &[("value", args.letter), ("letters", &letters.join(", "))],
        );
        return Outcome::fail(msg, EXIT_USAGE);
    };
    if let Err(e) = store.writable() {
        return Outcome::fail(e.message(lang), e.exit_code());
    }
    let case = match store.case(id) {
        Ok(Some(c)) => c,
        Ok(None) => {
            return Outcome::fail(
                LettersMsg::NoSuchCase.fill(lang, &[("id", args.id)]),
                EXIT_USAGE,
            );
        }
        Err(e) => return Outcome::fail(e.message(lang), e.exit_code()),
    };
    let format = match args.format.map(str::parse::<Format>) {
        None => Format::default(),
        Some(Ok(f)) => f,
        Some(Err(_)) => {
            let given = args.format.unwrap_or_default();
            return Outcome::fail(
                LettersMsg::BadFormat.fill(lang, &[("value", given)]),
                EXIT_USAGE,
            );
        }
    };
    let dir = match letters_dir(args.out, args.map, &store.name()) {
        Ok(d) => d,
        Err(e) => return letter_fail(&e, lang),
    };
    let signatory = args.brieven.signatory(store.user());
    let templates = override_dir();
    let request = LetterRequest {
        kind,
        case: &case,
        org: args.org,
        lang,
        today: amsterdam_date(args.now),
        format,
        dir: &dir,
        briefpapier: args.brieven.briefpapier.as_deref(),
        signatory: &signatory,
        templates: templates.as_deref(),
    };
    let made = match make_letter(&request) {
        Ok(m) => m,
        Err(e) => return letter_fail(&e, lang),
    };
    let recorded: Result<u64, StoreError> = record(store, vec![made.event(&request)], args.now);
    if let Err(e) = recorded {
        // Not in the audit trail: the letter must not exist either.
        made.discard();
        return Outcome::fail(e.message(lang), e.exit_code());
    }
    let path = made.path;
    // A date the letter states that the desk must know about (no personal data).
    let mut out = Outcome::ok_line(path.display().to_string());
    out.stderr = warnings(kind, &case, amsterdam_date(args.now))
        .iter()
        .map(|w| w.message(lang))
        .collect::<Vec<_>>()
        .join("\n");
    out
}

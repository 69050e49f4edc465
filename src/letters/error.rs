//! Why no letter was made: the refusals name what is missing, never personal data; template,
//! date and disk failures name the file or the reason.

use std::fmt;
use std::path::PathBuf;

use crate::domain::CaseKind;
use crate::domain::case::Decision;
use crate::domain::deadline::DeadlineError;
use crate::i18n::letters::LettersMsg;
use crate::i18n::{self, Lang};

/// Why no letter was made. The refusals name what is missing, never personal data; `Display`
/// gives the Dutch text, [`LetterError::message`] the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LetterError {
    /// The case is a datalek: letters answer verzoeken.
    NotAVerzoek,
    /// The case was withdrawn or registered by mistake.
    Ended,
    /// Settings a letter cannot do without, by their dotted key (`organisatie.naam`).
    MissingSettings(Vec<&'static str>),
    /// A besluit before a decision was recorded.
    NoDecision,
    /// A refusal (or partial grant) without the reasons the law asks for.
    DecisionWithoutReason(Decision),
    /// A refusal recorded before privdesk asked for the letter's own explanation: its reasoning
    /// is for the dossier, so the decision is recorded again with one first.
    NoLetterExplanation(Decision),
    /// The answer goes by post but no postal address was recorded.
    NoPostalAddress,
    /// A verlenging for a case that was not extended.
    NotExtended,
    /// A verlenging for a kind the law does not let be extended (intrekken toestemming).
    NotExtendable(CaseKind),
    /// An extension without its explanation.
    ExtensionWithoutReason,
    /// The template would not parse or render.
    Template {
        /// The template: its path for an override, its file name for a built-in one.
        file: String,
        /// The line in that file, from 1, when minijinja knows it.
        line: Option<usize>,
        /// minijinja's explanation.
        detail: String,
    },
    /// An override template exists but cannot be read.
    TemplateRead {
        /// The file.
        file: PathBuf,
        /// The system's reason.
        detail: String,
    },
    /// A legal date could not be computed (the calendar's edge).
    Deadline(DeadlineError),
    /// No `--out`, no `brieven.map` and no data folder to put the letters folder in.
    NoFolder,
    /// The disk is full (or the file-size limit of `ulimit -f` was reached) while writing the
    /// letter: named as such, exit 5 (issue 16).
    DiskFull {
        /// The file or folder.
        file: PathBuf,
        /// The file-size limit rather than a full disk.
        too_large: bool,
        /// The system's reason.
        detail: String,
    },
    /// The letter could not be written to disk.
    Write {
        /// The file or folder.
        file: PathBuf,
        /// The system's reason.
        detail: String,
    },
}

impl LetterError {
    /// The reason, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LetterError::NotAVerzoek => LettersMsg::NotAVerzoek.text(lang).into(),
            LetterError::Ended => LettersMsg::Ended.text(lang).into(),
            LetterError::MissingSettings(keys) => {
                LettersMsg::MissingSettings.fill(lang, &[("keys", &keys.join(", "))])
            }
            LetterError::NoDecision => LettersMsg::NoDecision.text(lang).into(),
            LetterError::DecisionWithoutReason(d) => LettersMsg::DecisionWithoutReason
                .fill(lang, &[("decision", i18n::domain::decision(*d, lang))]),
            LetterError::NoLetterExplanation(d) => LettersMsg::NoLetterExplanation
                .fill(lang, &[("decision", i18n::domain::decision(*d, lang))]),
            LetterError::NoPostalAddress => LettersMsg::NoPostalAddress.text(lang).into(),
            LetterError::NotExtended => LettersMsg::NotExtended.text(lang).into(),
            LetterError::NotExtendable(k) => LettersMsg::NotExtendable.fill(
                lang,
                &[("kind", &i18n::domain::kind(*k, lang).to_lowercase())],
            ),
            LetterError::ExtensionWithoutReason => {
                LettersMsg::ExtensionWithoutReason.text(lang).into()
            }
            LetterError::Template { file, line, detail } => match line {
                Some(l) => LettersMsg::TemplateAt.fill(
                    lang,
                    &[("file", file), ("line", &l.to_string()), ("detail", detail)],
                ),
                None => LettersMsg::Template.fill(lang, &[("file", file), ("detail", detail)]),
            },
            LetterError::TemplateRead { file, detail } => LettersMsg::TemplateRead.fill(
                lang,
                &[("file", &file.display().to_string()), ("detail", detail)],
            ),
            LetterError::Deadline(_) => LettersMsg::DateOutOfRange.text(lang).into(),
            LetterError::NoFolder => LettersMsg::NoFolder.text(lang).into(),
            LetterError::DiskFull {
                file,
                too_large,
                detail,
            } => {
                let why = if *too_large {
                    crate::i18n::store::StoreMsg::FileTooLarge
                } else {
                    crate::i18n::store::StoreMsg::DiskFull
                }
                .fill(lang, &[("error", detail)]);
                LettersMsg::Write.fill(
                    lang,
                    &[("file", &file.display().to_string()), ("detail", &why)],
                )
            }
            LetterError::Write { file, detail } => LettersMsg::Write.fill(
                lang,
                &[("file", &file.display().to_string()), ("detail", detail)],
            ),
        }
    }
}

impl fmt::Display for LetterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

impl From<DeadlineError> for LetterError {
    fn from(e: DeadlineError) -> Self {
        LetterError::Deadline(e)
    }
}

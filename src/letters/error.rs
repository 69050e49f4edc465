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
    /// An announcement of lifting a restriction, without a restriction in force.
    NoRestrictionInForce,
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
    /// The organisation's briefpapier (`organisatie.briefpapier`) cannot be used: the file
    /// and what is wrong with it. No letter is made on a briefpapier half filled.
    Briefpapier {
        /// The .docx.
        file: PathBuf,
        /// What is wrong.
        why: BriefpapierFault,
    },
    /// A PDF was asked for but LibreOffice (`soffice`) is not installed.
    NoSoffice,
    /// LibreOffice ran but made no PDF (failed, or took longer than the time limit).
    Pdf {
        /// What went wrong (an exit status or the time limit).
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
            LetterError::NoRestrictionInForce => LettersMsg::NoRestrictionInForce.text(lang).into(),
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
            LetterError::Briefpapier { file, why } => LettersMsg::Briefpapier.fill(
                lang,
                &[
                    ("file", &file.display().to_string()),
                    ("why", &why.message(lang)),
                ],
            ),
            LetterError::NoSoffice => LettersMsg::NoSoffice.text(lang).into(),
            LetterError::Pdf { detail } => LettersMsg::Pdf.fill(lang, &[("detail", detail)]),
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

/// What is wrong with a briefpapier; each names the part of the .docx and the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BriefpapierFault {
    /// Not a .docx: no zip, or no `word/document.xml`, or unreadable (the reason).
    NotADocx(String),
    /// A part is no well-formed XML (the part, the parser's reason).
    Xml(String, String),
    /// No paragraph `{{brief}}` in the body.
    NoMarker,
    /// More than one `{{brief}}`.
    ManyMarkers,
    /// `{{brief}}` shares its paragraph with other text.
    MarkerNotAlone,
    /// A field split by something that is not plain text (an image, a field code, a
    /// hyperlink): the part and the text around it.
    Split(String, String),
    /// A `{{...}}` privdesk does not know: the part and the field.
    Unknown(String, String),
}

impl BriefpapierFault {
    /// The fault in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BriefpapierFault::NotADocx(d) => LettersMsg::BpNotADocx.fill(lang, &[("detail", d)]),
            BriefpapierFault::Xml(part, d) => {
                LettersMsg::BpXml.fill(lang, &[("part", part), ("detail", d)])
            }
            BriefpapierFault::NoMarker => LettersMsg::BpNoMarker.text(lang).into(),
            BriefpapierFault::ManyMarkers => LettersMsg::BpManyMarkers.text(lang).into(),
            BriefpapierFault::MarkerNotAlone => LettersMsg::BpMarkerNotAlone.text(lang).into(),
            BriefpapierFault::Split(part, text) => {
                LettersMsg::BpSplit.fill(lang, &[("part", part), ("text", text)])
            }
            BriefpapierFault::Unknown(part, field) => LettersMsg::BpUnknown.fill(
                lang,
                &[
                    ("part", part),
                    ("field", field),
                    ("fields", &super::FIELDS.join(", ")),
                ],
            ),
        }
    }
}

//! What the desk should know about a letter that is made all the same: a date it states that
//! is no longer what the letter would have said on time (domain.md §7: a date in a letter is
//! true on the day it is sent).

use chrono::NaiveDate;

use super::LetterKind;
use crate::domain::Case;
use crate::domain::deadline;
use crate::i18n::Lang;
use crate::i18n::letters::{LettersMsg, date};

/// A warning about a letter: it is made, but the desk is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LetterWarning {
    /// An ontvangstbevestiging after the answer deadline: the letter says the answer is late.
    LateAcknowledgement {
        /// The deadline that passed.
        due: NaiveDate,
    },
    /// A verlenging made on another day than its notice was recorded as sent: the letter
    /// carries the recorded date.
    ExtensionNoticeDated {
        /// The recorded date the notice was sent.
        sent: NaiveDate,
    },
}

impl LetterWarning {
    /// The warning, in the user's language (no personal data).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LetterWarning::LateAcknowledgement { due } => {
                LettersMsg::LateAcknowledgement.fill(lang, &[("date", &date(*due, lang))])
            }
            LetterWarning::ExtensionNoticeDated { sent } => {
                LettersMsg::ExtensionNoticeDated.fill(lang, &[("date", &date(*sent, lang))])
            }
        }
    }
}

/// The warnings for a letter made `today`; empty when every date it states is as it should be.
pub fn warnings(kind: LetterKind, case: &Case, today: NaiveDate) -> Vec<LetterWarning> {
    let Some(received) = case.received() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match kind {
        LetterKind::Ontvangstbevestiging => {
            let extended = case.extension.is_some();
            if let Ok(dates) = deadline::legal_dates(case.kind, received, extended)
                && today > dates.answer
            {
                out.push(LetterWarning::LateAcknowledgement { due: dates.answer });
            }
        }
        LetterKind::Verlenging => {
            if let Some(x) = &case.extension
                && x.notice_sent != today
            {
                out.push(LetterWarning::ExtensionNoticeDated {
                    sent: x.notice_sent,
                });
            }
        }
        LetterKind::Besluit | LetterKind::AankondigingOpheffing => {}
    }
    out
}

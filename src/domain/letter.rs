//! Which letter a case writes to its requester, and as what file: named by the journal
//! (`letter_made`), the command line and the file names by one slug each.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Which letter: the moments a verzoek writes to the requester. In the journal by its
/// slug (`"letter":"besluit"`), as lines written before this type still read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LetterKind {
    /// The acknowledgement of receipt, with the legal deadline.
    Ontvangstbevestiging,
    /// The notice of an extension, with its reasons and the new deadline (AVG 12(3)).
    Verlenging,
    /// The decision, with its reasons and the remedy that fits the organisation.
    Besluit,
    /// A Beperking: the requester is told the restriction will be lifted, before it is (AVG
    /// 18(3), issue 18).
    #[serde(rename = "aankondiging-opheffing")]
    AankondigingOpheffing,
}

impl LetterKind {
    /// Every letter, in the order a case needs them.
    pub const ALL: [LetterKind; 4] = [
        LetterKind::Ontvangstbevestiging,
        LetterKind::Verlenging,
        LetterKind::Besluit,
        LetterKind::AankondigingOpheffing,
    ];

    /// The letters a case of this kind may need, in [`LetterKind::ALL`]'s order (a prefix of
    /// it: the announcement of lifting a restriction only for a Beperking).
    pub fn for_kind(kind: super::CaseKind) -> &'static [LetterKind] {
        if kind == super::CaseKind::Beperking {
            &Self::ALL
        } else {
            &Self::ALL[..3]
        }
    }

    /// The spelling on the command line, in file names and in the journal.
    pub fn slug(self) -> &'static str {
        match self {
            LetterKind::Ontvangstbevestiging => "ontvangstbevestiging",
            LetterKind::Verlenging => "verlenging",
            LetterKind::Besluit => "besluit",
            LetterKind::AankondigingOpheffing => "aankondiging-opheffing",
        }
    }
}

impl fmt::Display for LetterKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// The file a letter is made as. In the journal by its slug (`"format":"docx"`), as lines
/// written before this type still read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown, the template's own text.
    Md,
    /// Word, on the briefpapier (the default).
    #[default]
    Docx,
    /// PDF, converted from the Word letter by LibreOffice.
    Pdf,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 3] = [Format::Md, Format::Docx, Format::Pdf];

    /// The spelling on the command line, the file's extension and in the journal.
    pub fn slug(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

impl FromStr for Format {
    type Err = UnknownLetter;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.slug() == s)
            .ok_or(UnknownLetter)
    }
}

/// A name that is no letter; the caller lists [`LetterKind::ALL`] in the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown letter")]
pub struct UnknownLetter;

impl FromStr for LetterKind {
    type Err = UnknownLetter;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        LetterKind::ALL
            .into_iter()
            .find(|k| k.slug() == s)
            .ok_or(UnknownLetter)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The journal's spelling is the slug, so lines written when the letter was a string read.
    #[test]
    fn the_journal_spells_each_letter_and_format_by_its_slug() {
        for k in LetterKind::ALL {
            let wire = serde_json::to_string(&k).unwrap();
            assert_eq!(wire, format!("\"{}\"", k.slug()));
            assert_eq!(serde_json::from_str::<LetterKind>(&wire).unwrap(), k);
            assert_eq!(k.slug().parse::<LetterKind>(), Ok(k));
        }
        assert!(serde_json::from_str::<LetterKind>("\"brief\"").is_err());
        for f in Format::ALL {
            let wire = serde_json::to_string(&f).unwrap();
            assert_eq!(wire, format!("\"{}\"", f.slug()));
            assert_eq!(serde_json::from_str::<Format>(&wire).unwrap(), f);
        }
    }
}

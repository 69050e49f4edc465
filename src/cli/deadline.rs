//! `privdesk deadline KIND FROM [--extended]`: the legal deadline, exactly as design.md
//! "Command line" specifies it. Opens no register and reads no clock.

use chrono::{Datelike, NaiveDate};

use crate::domain::deadline::{DeadlineError, amsterdam_date, breach_deadline, legal_dates};
use crate::domain::instant::{InstantError, format_instant, parse_date, parse_instant};
use crate::domain::kind::CaseKind;
use crate::i18n::Lang;
use crate::i18n::cli::CliMsg;

/// Why the command could not answer: bad input, every variant exit code 2. The values kept are
/// the user's own arguments (a kind and a date), never personal data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineCmdError {
    /// KIND is none of the slugs.
    #[error("unknown case kind")]
    UnknownKind {
        /// What was given.
        given: String,
    },
    /// FROM is not a usable date or instant.
    #[error("bad FROM: {source}")]
    From {
        /// What was given.
        given: String,
        /// Why it was refused.
        source: InstantError,
        /// Whether an instant (datalek) was expected rather than a date.
        datalek: bool,
    },
    /// `--extended` for a kind that cannot be extended.
    #[error("{0} cannot be extended")]
    NoExtension(CaseKind),
    /// The date lies at the edge of the calendar.
    #[error("date out of range")]
    OutOfRange {
        /// What was given.
        given: String,
    },
}

impl DeadlineCmdError {
    /// The one-line message for standard error, without the `fout:` prefix.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DeadlineCmdError::UnknownKind { given } => {
                let kinds: Vec<&str> = CaseKind::ALL.iter().map(|k| k.slug()).collect();
                CliMsg::UnknownKind.fill(lang, &[("kind", given), ("kinds", &kinds.join(", "))])
            }
            DeadlineCmdError::From {
                given,
                source,
                datalek,
            } => {
                if *datalek && *source == InstantError::MissingTime {
                    CliMsg::DatalekNeedsTime.fill(lang, &[("value", given)])
                } else {
                    instant_error_message(*source, given, *datalek, lang)
                }
            }
            DeadlineCmdError::NoExtension(kind) => {
                CliMsg::NoExtension.fill(lang, &[("kind", kind.slug())])
            }
            DeadlineCmdError::OutOfRange { given } => {
                CliMsg::OutOfRange.fill(lang, &[("value", given)])
            }
        }
    }
}

/// The message for a refused date or instant, shared with `--now` and the headless `now`.
/// `instant` says which grammar was expected, for the "expected ..." hint.
pub fn instant_error_message(e: InstantError, given: &str, instant: bool, lang: Lang) -> String {
    let msg = match e {
        InstantError::Malformed if instant => CliMsg::InstantMalformed,
        InstantError::Malformed => CliMsg::DateMalformed,
        InstantError::MissingTime => CliMsg::InstantMissingTime,
        InstantError::ImpossibleDate => CliMsg::DateImpossible,
        InstantError::ImpossibleTime => CliMsg::TimeImpossible,
        InstantError::ImpossibleOffset => CliMsg::OffsetImpossible,
        InstantError::NonexistentInAmsterdam => CliMsg::NonexistentInAmsterdam,
    };
    msg.fill(lang, &[("value", given)])
}

/// Maps a domain refusal to the command's error.
fn from_deadline_error(e: DeadlineError, given: &str) -> DeadlineCmdError {
    match e {
        DeadlineError::NoExtension(k) => DeadlineCmdError::NoExtension(k),
        // Neither can happen for a kind checked here; both mean the date cannot be answered.
        DeadlineError::DatalekHasNoDate
        | DeadlineError::NotVernietiging(_)
        | DeadlineError::OutOfRange => DeadlineCmdError::OutOfRange {
            given: given.to_string(),
        },
    }
}

/// A date as `YYYY-MM-DD`; years past 9999 do not fit the output's four digits and are refused.
fn four_digit_year(date: NaiveDate, given: &str) -> Result<String, DeadlineCmdError> {
    if (0..=9999).contains(&date.year()) {
        Ok(date.format("%Y-%m-%d").to_string())
    } else {
        Err(DeadlineCmdError::OutOfRange {
            given: given.to_string(),
        })
    }
}

/// The output lines of `deadline KIND FROM [--extended]`: one line, the answer date (datalek: the
/// AP deadline as an Amsterdam instant with offset); for vernietiging a second line with the WGBO
/// destruction date.
pub fn deadline_lines(
    kind: &str,
    from: &str,
    extended: bool,
    lang: Lang,
) -> Result<Vec<String>, DeadlineCmdError> {
    let kind: CaseKind = kind.parse().map_err(|_| DeadlineCmdError::UnknownKind {
        given: kind.to_string(),
    })?;
    if extended && !kind.may_extend() {
        return Err(DeadlineCmdError::NoExtension(kind));
    }
    let bad_from = |source, datalek| DeadlineCmdError::From {
        given: from.to_string(),
        source,
        datalek,
    };
    if kind.is_datalek() {
        let aware = parse_instant(from).map_err(|e| bad_from(e, true))?;
        let due = breach_deadline(aware, None).map_err(|e| from_deadline_error(e, from))?;
        four_digit_year(amsterdam_date(due), from)?;
        return Ok(vec![format_instant(due)]);
    }
    let received = parse_date(from).map_err(|e| bad_from(e, false))?;
    let dates = legal_dates(kind, received, extended).map_err(|e| from_deadline_error(e, from))?;
    let mut lines = vec![four_digit_year(dates.answer, from)?];
    if let Some(destroy) = dates.destruction {
        let date = four_digit_year(destroy, from)?;
        lines.push(CliMsg::DestroyBy.fill(lang, &[("date", &date)]));
    }
    Ok(lines)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ok(kind: &str, from: &str, extended: bool, lang: Lang) -> Vec<String> {
        deadline_lines(kind, from, extended, lang).unwrap()
    }

    #[test]
    fn lines() {
        assert_eq!(ok("inzage", "2027-01-31", false, Lang::Nl), ["2027-03-01"]);
        assert_eq!(ok("inzage", "2027-01-31", true, Lang::Nl), ["2027-04-28"]);
        assert_eq!(
            ok("vernietiging", "2026-11-23", false, Lang::Nl),
            ["2026-12-23", "vernietigen uiterlijk 2027-02-23"]
        );
        assert_eq!(
            ok("vernietiging", "2026-11-23", false, Lang::En),
            ["2026-12-23", "destroy by 2027-02-23"]
        );
        assert_eq!(
            ok("datalek", "2027-03-26T16:00", false, Lang::Nl),
            ["2027-03-29T17:00+02:00"]
        );
    }

    #[test]
    fn errors() {
        let e = deadline_lines("inzag", "2027-01-31", false, Lang::Nl).unwrap_err();
        assert!(e.message(Lang::Nl).contains("intrekken-toestemming"));
        let e = deadline_lines("datalek", "2027-03-26", false, Lang::En).unwrap_err();
        assert!(e.message(Lang::En).starts_with("a datalek runs in hours"));
        let e = deadline_lines("intrekken-toestemming", "2027-03-26", true, Lang::Nl).unwrap_err();
        assert_eq!(
            e,
            DeadlineCmdError::NoExtension(CaseKind::IntrekkenToestemming)
        );
        let e = deadline_lines("inzage", "+262143-12-31", false, Lang::Nl).unwrap_err();
        assert!(matches!(e, DeadlineCmdError::From { .. }));
        for (kind, from) in [("inzage", "9999-12-31"), ("datalek", "9999-12-31T12:00")] {
            let e = deadline_lines(kind, from, false, Lang::Nl).unwrap_err();
            assert!(matches!(e, DeadlineCmdError::OutOfRange { .. }), "{kind}");
            assert!(e.message(Lang::Nl).contains("bereik"));
        }
        assert_eq!(ok("inzage", "9999-11-30", false, Lang::Nl), ["9999-12-30"]);
    }
}

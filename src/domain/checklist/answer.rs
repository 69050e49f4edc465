//! The answers a step takes: their types, the answers themselves with who gave them, and the
//! check of an answer against its step before it is recorded.

use crate::domain::case::CaseField;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::find;
use super::step::StepId;
use crate::domain::case::{Case, Refusal};
use crate::domain::deadline::amsterdam_date;
use crate::domain::rights;
use AnswerType::{Choice, Choices, Date, Instant, Number, Text, YesNo};

/// What kind of answer a step takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerType {
    /// Ja / nee.
    YesNo,
    /// One of the listed options (slugs; labels in i18n).
    Choice(&'static [&'static str]),
    /// One or more of the listed options (a breach read and copied, lost and stolen).
    Choices(&'static [&'static str]),
    /// A date (Amsterdam), not in the future.
    Date,
    /// An instant (date and time), not in the future.
    Instant,
    /// Free text, not empty.
    Text,
    /// A whole number.
    Number,
}

/// A typed answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Ja (true) or nee (false).
    YesNo(bool),
    /// A choice's slug.
    Choice(String),
    /// Several choices' slugs, in the options' order (issue 18). A step of several choices
    /// answered before issue 18 holds one `Choice`, which still reads.
    Choices(Vec<String>),
    /// A date.
    Date(NaiveDate),
    /// An instant.
    Instant(DateTime<Utc>),
    /// Text.
    Text(String),
    /// A number.
    Number(u64),
}

/// An answer with who gave it and when (every answer is attributable).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    /// The answer.
    pub answer: Answer,
    /// Who gave it.
    pub by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// Checks an answer against its step: applicable to the kind, showing now, of the right type.
pub fn check_answer(
    case: &Case,
    id: StepId,
    answer: &Answer,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let today = amsterdam_date(now);
    let step = find(case.kind, id).ok_or(Refusal::StepNotApplicable)?;
    if !case.shows(step, today) {
        return Err(Refusal::StepNotApplicable);
    }
    rights::check_breach_answer(case, id, answer)?;
    match (step.ty, answer) {
        (YesNo, Answer::YesNo(_)) | (Number, Answer::Number(_)) => Ok(()),
        (Choice(options) | Choices(options), Answer::Choice(c))
            if options.contains(&c.as_str()) =>
        {
            Ok(())
        }
        (Choices(_), Answer::Choices(cs)) if cs.is_empty() => {
            Err(Refusal::Required(CaseField::Answer))
        }
        (Choices(options), Answer::Choices(cs)) => {
            let known = cs.iter().all(|c| options.contains(&c.as_str()));
            let once = cs.iter().enumerate().all(|(i, c)| !cs[..i].contains(c));
            if known && once {
                Ok(())
            } else {
                Err(Refusal::WrongAnswerType)
            }
        }
        (Date, Answer::Date(d)) if *d > today => Err(Refusal::InFuture(CaseField::Answer)),
        (Date, Answer::Date(_)) => Ok(()),
        // A moment that happened cannot lie after the moment it is recorded, not even later
        // the same day.
        (Instant, Answer::Instant(i)) if *i > now => Err(Refusal::InFuture(CaseField::Answer)),
        (Instant, Answer::Instant(_)) => Ok(()),
        (Text, Answer::Text(t)) if t.trim().is_empty() => Err(Refusal::Required(CaseField::Answer)),
        (Text, Answer::Text(_)) => Ok(()),
        _ => Err(Refusal::WrongAnswerType),
    }
}

impl Answer {
    /// The slugs a choice answer holds: one for a choice, each of several; none otherwise.
    pub fn slugs(&self) -> Vec<&str> {
        match self {
            Answer::Choice(c) => vec![c.as_str()],
            Answer::Choices(cs) => cs.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }
}

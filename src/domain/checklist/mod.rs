//! The checklists as data (domain.md §5): one table of steps per kind, typed answers, steps that
//! appear by earlier answers or by the facts of the case, and what a case still lacks before a
//! decision may be recorded or the case may close.
//!
//! The screen reads these tables; it holds no rules of its own. Step questions and choice labels
//! live in `i18n::checklist`.
//!
//! - `step` — what a step is: its id, when it shows, whether it is needed, its phase.
//! - `answer` — the answer types, the answers, and the check of an answer against its step.
//! - `options` — the options of the choice steps (slugs; labels in i18n).
//! - `steps_intake`, `steps_verzoek`, `steps_datalek` — the tables: the intake every verzoek
//!   starts with, each verzoek kind's own steps, and a datalek's list.
//! - `visibility` — which steps show for a case today, and which required ones are missing.
//! - `gates` — what a decision or a close still needs, and the rules (`Block`) that bar them.

use chrono::NaiveDate;

use super::kind::CaseKind;

mod answer;
mod gates;
mod options;
mod step;
mod steps_datalek;
mod steps_intake;
mod steps_verzoek;
mod visibility;

pub use answer::{Answer, AnswerRecord, AnswerType, check_answer};
pub use gates::{Block, keep_duty_or_interest, may_close, may_decide};
pub use options::*;
pub use step::{Need, Phase, Show, Step, StepId};

use steps_datalek::DATALEK;
use steps_intake::INTAKE;
use steps_verzoek::{
    AFSCHRIFT, BEPERKING, BEZWAAR, EIGEN_VERKLARING, INTREKKEN, INZAGE, OVERDRAAGBAARHEID,
    RECTIFICATIE, VERNIETIGING,
};

/// The steps of a kind, in order: the intake, then the kind's own (a datalek has its own list).
pub fn steps(kind: CaseKind) -> impl Iterator<Item = &'static Step> {
    let own: &'static [&'static [Step]] = match kind {
        CaseKind::Inzage => &[INZAGE],
        CaseKind::Afschrift => &[INZAGE, AFSCHRIFT],
        CaseKind::Rectificatie => &[RECTIFICATIE],
        CaseKind::EigenVerklaring => &[EIGEN_VERKLARING],
        CaseKind::Vernietiging => &[VERNIETIGING],
        CaseKind::Beperking => &[BEPERKING],
        CaseKind::Overdraagbaarheid => &[OVERDRAAGBAARHEID],
        CaseKind::Bezwaar => &[BEZWAAR],
        CaseKind::IntrekkenToestemming => &[INTREKKEN],
        CaseKind::Datalek => &[DATALEK],
    };
    let intake: &'static [Step] = if kind.is_datalek() { &[] } else { INTAKE };
    intake.iter().chain(own.iter().flat_map(|part| part.iter()))
}

/// The step of a kind with this id, if the kind has it.
pub fn find(kind: CaseKind, id: StepId) -> Option<&'static Step> {
    steps(kind).find(|s| s.id == id)
}

/// Whether the kind keeps a list of AVG 19 recipients to tell.
pub fn has_recipients(kind: CaseKind) -> bool {
    matches!(
        kind,
        CaseKind::Rectificatie | CaseKind::Vernietiging | CaseKind::Beperking
    )
}

/// The child's age in whole years on a date; a 29 February birthday counts on 1 March in a
/// non-leap year.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    use chrono::Datelike;
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

//! The datalek's forms: the AP's meldformulier in its order (so the handler fills the AP's
//! form in one pass from one screen) and the breach register of AVG 33(5), as data over the
//! case's facts and checklist answers. Labels and value texts live in i18n.

use chrono::{DateTime, Utc};

use super::case::Case;
use super::checklist::{Answer, Need, Show, StepId, find};
use super::deadline::amsterdam_date;
use super::rights;

/// A fact of the breach registration (not a checklist step).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fact {
    /// When the organisation became aware.
    AwareAt,
    /// When a processor told the organisation.
    ProcessorNoticeAt,
    /// The processor involved.
    Processor,
    /// The 72-hour mark.
    Deadline,
    /// Who reported it internally.
    ReportedBy,
    /// What happened (the intake category).
    Nature,
    /// The description.
    Description,
}

/// One field of a form: a fact or a step's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A registration fact.
    Fact(Fact),
    /// A checklist answer.
    Step(StepId),
}

/// A section of the AP's meldformulier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// About the notification: new or follow-up.
    Melding,
    /// The contact for the AP.
    Contact,
    /// Start, end, discovery, still going on, reason if late.
    Tijdlijn,
    /// The nature of the breach.
    Aard,
    /// Which personal data.
    Persoonsgegevens,
    /// The people affected.
    Betrokkenen,
    /// Measures taken before the breach.
    MaatregelenVooraf,
    /// Consequences.
    Gevolgen,
    /// Follow-up: data subjects informed, measures.
    Vervolg,
}

use Field::{Fact as F, Step as S};

/// The AP's meldformulier, section by section, in its order (domain.md §5, last paragraph).
pub const AP_FORM: &[(Section, &[Field])] = &[
    (
        Section::Melding,
        &[
            S(StepId::ApMelding),
            S(StepId::ApGemeldOp),
            S(StepId::ApMeldnummer),
            S(StepId::Vervolgmelding),
        ],
    ),
    (
        Section::Contact,
        &[
            S(StepId::ContactNaam),
            S(StepId::ContactFunctie),
            S(StepId::ContactTelefoon),
        ],
    ),
    (
        Section::Tijdlijn,
        &[
            S(StepId::IncidentBegin),
            S(StepId::IncidentEinde),
            F(Fact::AwareAt),
            F(Fact::ProcessorNoticeAt),
            S(StepId::NogGaande),
            F(Fact::Deadline),
            S(StepId::CategorieVertraging),
            S(StepId::RedenVertraging),
        ],
    ),
    (
        Section::Aard,
        &[
            S(StepId::AardInbreuk),
            F(Fact::Nature),
            F(Fact::Description),
            F(Fact::Processor),
        ],
    ),
    (
        Section::Persoonsgegevens,
        &[
            S(StepId::WelkeGegevens),
            S(StepId::BijzondereGegevens),
            S(StepId::Bsn),
            S(StepId::AantalRecords),
        ],
    ),
    (
        Section::Betrokkenen,
        &[
            S(StepId::AantalBetrokkenen),
            S(StepId::AantalBetrokkenenMax),
            S(StepId::Kinderen),
        ],
    ),
    (Section::MaatregelenVooraf, &[S(StepId::Versleuteld)]),
    (
        Section::Gevolgen,
        &[
            S(StepId::Gevolgen),
            S(StepId::Schade),
            S(StepId::Risico),
            S(StepId::RisicoToelichting),
        ],
    ),
    (
        Section::Vervolg,
        &[
            S(StepId::BetrokkenenInformeren),
            S(StepId::BetrokkenenGeinformeerdOp),
            S(StepId::BetrokkenenWijze),
            S(StepId::BetrokkenenToelichting),
            S(StepId::Ingeperkt),
            S(StepId::Maatregelen),
        ],
    ),
];

/// The breach register's columns (AVG 33(5): the facts, the effects, the remedial action, and
/// the reasoning when not notified or notified late).
pub const REGISTER: &[Field] = &[
    F(Fact::AwareAt),
    F(Fact::Nature),
    F(Fact::Description),
    S(StepId::WelkeGegevens),
    S(StepId::BijzondereGegevens),
    S(StepId::AantalBetrokkenen),
    S(StepId::Kinderen),
    S(StepId::Gevolgen),
    S(StepId::Schade),
    S(StepId::Risico),
    S(StepId::Ingeperkt),
    S(StepId::Maatregelen),
    S(StepId::ApMelding),
    S(StepId::ApGemeldOp),
    S(StepId::ApMeldnummer),
    S(StepId::RedenNietMelden),
    S(StepId::RedenVertraging),
    S(StepId::BetrokkenenInformeren),
    S(StepId::BetrokkenenToelichting),
];

/// Whether a field has a value for this case. The form marks what is still empty.
pub fn is_filled(case: &Case, field: Field) -> bool {
    let Some(b) = &case.breach else { return false };
    match field {
        Field::Step(s) => case.answers.contains_key(&s),
        Field::Fact(Fact::AwareAt | Fact::Deadline | Fact::Nature | Fact::ReportedBy) => true,
        Field::Fact(Fact::ProcessorNoticeAt) => b.processor_notice_at.is_some(),
        Field::Fact(Fact::Processor) => !b.processor.trim().is_empty(),
        Field::Fact(Fact::Description) => !b.description.trim().is_empty(),
    }
}

/// Whether an empty field may stay empty: an optional step (the number of records, a
/// follow-up notification). The form does not count it as still to fill in. The reason for a
/// delay is never optional where it applies.
pub fn is_optional(case: &Case, field: Field) -> bool {
    match field {
        // Optional in the checklist, but once it applies (the 72 hours passed) a late
        // notification is refused without it.
        Field::Step(StepId::RedenVertraging) => false,
        // Required until the late notification is recorded; one recorded before the category
        // existed stays without it.
        Field::Step(StepId::CategorieVertraging) => case.answers.contains_key(&StepId::ApGemeldOp),
        Field::Step(s) => {
            find(case.kind, s).is_some_and(|st| case.need_by_answers(st) == Need::Optional)
        }
        Field::Fact(f) => matches!(f, Fact::ProcessorNoticeAt | Fact::Processor),
    }
}

/// Whether a field applies to this case at `now` (a step hidden by earlier answers does not,
/// e.g. the AP number when it was decided not to notify). The reason for a delay applies only
/// once there is a delay: notified after the 72 hours, or not yet notified when they passed.
pub fn applies(case: &Case, field: Field, now: DateTime<Utc>) -> bool {
    let today = amsterdam_date(now);
    match field {
        Field::Step(StepId::RedenVertraging | StepId::CategorieVertraging) => {
            let Some(due) = rights::breach_deadline(case) else {
                return false;
            };
            let late = match case.answers.get(&StepId::ApGemeldOp).map(|r| &r.answer) {
                Some(Answer::Instant(at)) => *at > due,
                _ => {
                    now > due
                        && case.chosen(StepId::ApMelding)
                            != Some(crate::domain::checklist::ApBesluit::NietGemeld)
                }
            };
            late || case.answers.contains_key(&StepId::RedenVertraging)
                || case.answers.contains_key(&StepId::CategorieVertraging)
        }
        Field::Step(s) => {
            let Some(step) = find(case.kind, s) else {
                return false;
            };
            // Before the notification is decided, its fields are still to do, not hidden; so
            // is a step that waits only for an earlier answer (the risk's reasoning, the
            // notification decision itself before the risk is assessed).
            let undecided = match step.show {
                Show::IfChoice(StepId::ApMelding, "gemeld") => {
                    case.choice(StepId::ApMelding).is_none()
                }
                Show::IfAnswered(earlier) => !case.answers.contains_key(&earlier),
                _ => false,
            };
            case.shows(step, today) || case.answers.contains_key(&s) || undecided
        }
        Field::Fact(Fact::ProcessorNoticeAt | Fact::Processor) => case
            .breach
            .as_ref()
            .is_some_and(|b| b.processor_notice_at.is_some() || !b.processor.trim().is_empty()),
        Field::Fact(_) => true,
    }
}

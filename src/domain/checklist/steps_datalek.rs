//! A datalek's checklist: what happened, the risk, the AP notification (AVG 33), the people
//! affected (AVG 34) and the follow-up. A datalek has no intake.

use super::answer::AnswerType::{Choice, Choices, Date, Instant, Number, Text, YesNo};
use super::options::*;
use super::step::Need::{Optional, Required};
use super::step::Show::*;
use super::step::{Phase, Step, StepId as S, step};

pub(super) const DATALEK: &[Step] = &[
    // What happened and to whom (the AP form's nature, data and people).
    step(S::IncidentBegin, Phase::Datalek, Date, Always, Required),
    step(S::NogGaande, Phase::Datalek, YesNo, Always, Required),
    step(
        S::IncidentEinde,
        Phase::Datalek,
        Date,
        IfYesNo(S::NogGaande, false),
        Required,
    ),
    step(
        S::AardInbreuk,
        Phase::Datalek,
        Choices(AARD),
        Always,
        Required,
    ),
    step(S::WelkeGegevens, Phase::Datalek, Text, Always, Required),
    step(
        S::BijzondereGegevens,
        Phase::Datalek,
        YesNo,
        Always,
        Required,
    ),
    step(S::Bsn, Phase::Datalek, YesNo, Always, Required),
    step(S::AantalRecords, Phase::Datalek, Number, Always, Optional),
    step(
        S::AantalBetrokkenen,
        Phase::Datalek,
        Number,
        Always,
        Required,
    ),
    step(
        S::AantalBetrokkenenMax,
        Phase::Datalek,
        Number,
        Always,
        Optional,
    ),
    step(S::Kinderen, Phase::Datalek, YesNo, Always, Required),
    step(S::Versleuteld, Phase::Datalek, YesNo, Always, Required),
    step(S::Ingeperkt, Phase::Datalek, Text, Always, Required),
    // The assessment.
    step(
        S::Gevolgen,
        Phase::Datalek,
        Choice(GEVOLGEN),
        Always,
        Required,
    ),
    step(S::Schade, Phase::Datalek, Text, Always, Required),
    step(S::Risico, Phase::Datalek, Choice(RISICO), Always, Required),
    step(
        S::RisicoToelichting,
        Phase::Datalek,
        Text,
        IfAnswered(S::Risico),
        Required,
    ),
    // The AP notification (AVG 33).
    step(
        S::ApMelding,
        Phase::Datalek,
        Choice(AP_MELDING),
        IfAnswered(S::Risico),
        Required,
    ),
    step(
        S::RedenNietMelden,
        Phase::Datalek,
        Text,
        IfChoice(S::ApMelding, "niet_gemeld"),
        Required,
    ),
    // A category beside the free-text reason (issue 21): the yearly report counts these.
    step(
        S::CategorieVertraging,
        Phase::Datalek,
        Choice(VERTRAGING),
        BreachDelay,
        Optional,
    ),
    step(
        S::RedenVertraging,
        Phase::Datalek,
        Text,
        BreachDelay,
        Optional,
    ),
    step(
        S::ApGemeldOp,
        Phase::Datalek,
        Instant,
        IfChoice(S::ApMelding, "gemeld"),
        Required,
    ),
    step(
        S::ApMeldnummer,
        Phase::Datalek,
        Text,
        IfChoice(S::ApMelding, "gemeld"),
        Required,
    ),
    step(
        S::ContactNaam,
        Phase::Datalek,
        Text,
        IfChoice(S::ApMelding, "gemeld"),
        Required,
    ),
    step(
        S::ContactFunctie,
        Phase::Datalek,
        Text,
        IfChoice(S::ApMelding, "gemeld"),
        Required,
    ),
    step(
        S::ContactTelefoon,
        Phase::Datalek,
        Text,
        IfChoice(S::ApMelding, "gemeld"),
        Required,
    ),
    step(
        S::Vervolgmelding,
        Phase::Datalek,
        Date,
        IfChoice(S::ApMelding, "gemeld"),
        Optional,
    ),
    // The people affected (AVG 34).
    // Recordable at every risk level; required only at hoog risico (AVG 34; see `Case::need`).
    step(
        S::BetrokkenenInformeren,
        Phase::Datalek,
        Choice(BETROKKENEN),
        IfAnswered(S::Risico),
        Required,
    ),
    step(
        S::BetrokkenenToelichting,
        Phase::Datalek,
        Text,
        UnlessChoice(S::BetrokkenenInformeren, "geinformeerd"),
        Required,
    ),
    step(
        S::BetrokkenenGeinformeerdOp,
        Phase::Datalek,
        Date,
        IfChoice(S::BetrokkenenInformeren, "geinformeerd"),
        Required,
    ),
    step(
        S::BetrokkenenWijze,
        Phase::Datalek,
        Text,
        IfChoice(S::BetrokkenenInformeren, "geinformeerd"),
        Required,
    ),
    // Follow-up.
    step(S::Maatregelen, Phase::Datalek, Text, Always, Required),
    step(S::FgGeraadpleegd, Phase::Datalek, YesNo, Always, Required),
];

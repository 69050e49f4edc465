//! What a checklist step is: its id (the journal's name), when it shows, whether it must be
//! answered, and the part of the checklist it belongs to.

use serde::{Deserialize, Serialize};

use super::answer::AnswerType;
use crate::domain::authority::DossierRegime;
use crate::domain::kind::CaseKind;

/// A checklist step. The serialised name is the journal's, so never rename a variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum StepId {
    // Intake (every verzoek)
    IdentiteitGecontroleerd,
    IdentiteitWijze,
    IdentiteitDocument,
    IdKopie,
    GezagGecontroleerd,
    Wilsbekwaam,
    WilsbekwaamBeoordeeldDoor,
    ToestemmingKind,
    OordeelGeenBezwaar,
    OordeelSchaadtHulp,
    ToestemmingRechthebbende,
    SignalenMishandeling,
    VerzoekDuidelijk,
    VerduidelijkingGevraagd,
    Ontvangstbevestiging,
    // Inzage / Afschrift
    DossiersDoorzocht,
    DerdenAfgeschermd,
    WerkaantekeningenApart,
    Verstrekking,
    EersteAfschriftKosteloos,
    /// Inzage / afschrift refused (in part) on signals of child abuse or domestic violence
    /// (KNMG-meldcode): the letter gives the neutral ground.
    SignalenMishandelingInzage,
    // Rectificatie
    SoortCorrectie,
    GecorrigeerdInBron,
    EigenVerklaringAangeboden,
    // EigenVerklaring
    VerklaringOntvangen,
    VerklaringToegevoegd,
    // Vernietiging
    JeugdartsGeraadpleegd,
    Bewaarplicht,
    BelangAnder,
    WatBewaard,
    RivmUitgelegd,
    VaccinatiegegevensJgz,
    // Beperking
    GrondBeperking,
    BeperkingGemarkeerd,
    // Bezwaar
    GrondslagVerwerking,
    SpecifiekeSituatie,
    BelangenAfgewogen,
    // Overdraagbaarheid
    GrondslagOverdracht,
    OntvangendeOrganisatie,
    ToestemmingOverdracht,
    BeveiligdKanaal,
    DossieroverdrachtAangeboden,
    // IntrekkenToestemming
    WelkeToestemming,
    GeregistreerdInDossier,
    OntvangersGeinformeerd,
    IngangsdatumIntrekking,
    // Datalek
    WelkeGegevens,
    BijzondereGegevens,
    AantalBetrokkenen,
    Kinderen,
    Ingeperkt,
    Risico,
    RisicoToelichting,
    ApMelding,
    ApGemeldOp,
    ApMeldnummer,
    RedenVertraging,
    CategorieVertraging,
    RedenNietMelden,
    Vervolgmelding,
    BetrokkenenInformeren,
    BetrokkenenToelichting,
    BetrokkenenGeinformeerdOp,
    Maatregelen,
    FgGeraadpleegd,
    IncidentBegin,
    NogGaande,
    IncidentEinde,
    AardInbreuk,
    Bsn,
    AantalRecords,
    AantalBetrokkenenMax,
    Versleuteld,
    Gevolgen,
    Schade,
    ContactNaam,
    ContactFunctie,
    ContactTelefoon,
    BetrokkenenWijze,
    // Issue 18 (new steps; appended so no earlier name moves)
    /// Where the gezag was checked (BRP, gezagsregister).
    GezagBron,
    /// When the gezag was checked.
    GezagGecontroleerdOp,
    /// When the wilsbekwaamheid was judged.
    WilsbekwaamBeoordeeldOp,
    /// Rectificatie of a professional judgement: the professional who agrees to correct it.
    OordeelGecorrigeerdDoor,
    /// Rectificatie of a professional judgement: the eigen verklaring received and added to
    /// the dossier within this case (WGBO 7:454 lid 2, AVG 16).
    EigenVerklaringToegevoegd,
    /// Intrekken toestemming 12–15: the other (child or parent) informed; recorded, not awaited.
    AnderGeinformeerd,
}

/// When a step shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// Always.
    Always,
    /// When an earlier yes/no step was answered with this value.
    IfYesNo(StepId, bool),
    /// When an earlier choice step has this option.
    IfChoice(StepId, &'static str),
    /// When an earlier choice step has any other option than this one (and was answered).
    UnlessChoice(StepId, &'static str),
    /// When an earlier step was answered at all.
    IfAnswered(StepId),
    /// When the child is at least this old today.
    ChildAtLeast(u32),
    /// When the child is at least the first and younger than the second age today.
    ChildBetween(u32, u32),
    /// When a parent-like requester (not the child itself) asks for a child of at least this age.
    OtherForChildAtLeast(u32),
    /// When the requester acts for the child as a parent with gezag or voogd.
    GezagRelation,
    /// When the requester is a third party or a gemachtigde (whose machtiging is the written
    /// consent of whoever holds the right).
    ThirdParty,
    /// When someone other than the child asks for a child of 12–15 under this regime (the
    /// WGBO 7:457 judgement, or the Jeugdwet judgement on harm to the help).
    OtherFor12To15Under(DossierRegime),
    /// Only for this kind (the abuse-signals question belongs to a Vernietiging).
    ForKind(CaseKind),
    /// A datalek notified to the AP after its 72 hours, or still to be notified once they
    /// passed (from the deadline's day on): then the reason for the delay is asked.
    BreachDelay,
}

/// Whether a step must be answered before a decision (or, for a datalek, before closing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Required.
    Required,
    /// Optional: recorded when it applies.
    Optional,
}

/// Which part of the checklist a step belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Intake: identity, authority, clarity, receipt (every verzoek).
    Intake,
    /// The steps of the kind, before the decision.
    Beoordeling,
    /// A datalek's assessment, notification and follow-up.
    Datalek,
}

/// One step of a checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// Its id.
    pub id: StepId,
    /// Its part.
    pub phase: Phase,
    /// The answer it takes.
    pub ty: AnswerType,
    /// When it shows.
    pub show: Show,
    /// Whether it is required.
    pub need: Need,
}

pub(super) const fn step(id: StepId, phase: Phase, ty: AnswerType, show: Show, need: Need) -> Step {
    Step {
        id,
        phase,
        ty,
        show,
        need,
    }
}

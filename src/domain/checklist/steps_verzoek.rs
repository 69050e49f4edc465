//! The steps of each verzoek kind after the intake, before the decision: one table a kind
//! (an afschrift reuses the inzage table and adds one step).

use super::answer::AnswerType::{Choice, Date, Text, YesNo};
use super::options::*;
use super::step::Need::{Optional, Required};
use super::step::Phase::Beoordeling;
use super::step::Show::*;
use super::step::{Step, StepId as S, step};

pub(super) const INZAGE: &[Step] = &[
    step(S::DossiersDoorzocht, Beoordeling, YesNo, Always, Required),
    step(S::DerdenAfgeschermd, Beoordeling, YesNo, Always, Required),
    step(
        S::WerkaantekeningenApart,
        Beoordeling,
        YesNo,
        Always,
        Required,
    ),
    step(
        S::Verstrekking,
        Beoordeling,
        Choice(VERSTREKKING),
        Always,
        Required,
    ),
    // Recorded when a refusal rests on signals of abuse: the letter must not name them.
    step(
        S::SignalenMishandelingInzage,
        Beoordeling,
        YesNo,
        Always,
        Optional,
    ),
];

/// An afschrift takes the inzage steps, then this one.
pub(super) const AFSCHRIFT: &[Step] = &[step(
    S::EersteAfschriftKosteloos,
    Beoordeling,
    YesNo,
    Always,
    Required,
)];

pub(super) const RECTIFICATIE: &[Step] = &[
    step(
        S::SoortCorrectie,
        Beoordeling,
        Choice(CORRECTIE),
        Always,
        Required,
    ),
    step(
        S::GecorrigeerdInBron,
        Beoordeling,
        YesNo,
        IfChoice(S::SoortCorrectie, "feitelijk"),
        Required,
    ),
    step(
        S::EigenVerklaringAangeboden,
        Beoordeling,
        YesNo,
        IfChoice(S::SoortCorrectie, "oordeel"),
        Required,
    ),
    // The professional may still agree and correct the judgement: who judged (then toegewezen).
    step(
        S::OordeelGecorrigeerdDoor,
        Beoordeling,
        Text,
        IfChoice(S::SoortCorrectie, "oordeel"),
        Optional,
    ),
    // The eigen verklaring is added within this case, no new case needed.
    step(
        S::EigenVerklaringToegevoegd,
        Beoordeling,
        Date,
        IfYesNo(S::EigenVerklaringAangeboden, true),
        Optional,
    ),
];

pub(super) const EIGEN_VERKLARING: &[Step] = &[
    step(S::VerklaringOntvangen, Beoordeling, Date, Always, Required),
    step(
        S::VerklaringToegevoegd,
        Beoordeling,
        YesNo,
        Always,
        Required,
    ),
];

pub(super) const VERNIETIGING: &[Step] = &[
    step(
        S::JeugdartsGeraadpleegd,
        Beoordeling,
        Text,
        Always,
        Required,
    ),
    step(S::Bewaarplicht, Beoordeling, YesNo, Always, Required),
    step(S::BelangAnder, Beoordeling, YesNo, Always, Required),
    step(S::WatBewaard, Beoordeling, Text, Always, Required),
    step(S::RivmUitgelegd, Beoordeling, YesNo, Always, Required),
    step(
        S::VaccinatiegegevensJgz,
        Beoordeling,
        Choice(VACCINATIE),
        Always,
        Required,
    ),
];

pub(super) const BEPERKING: &[Step] = &[
    step(
        S::GrondBeperking,
        Beoordeling,
        Choice(GROND_BEPERKING),
        Always,
        Required,
    ),
    step(S::BeperkingGemarkeerd, Beoordeling, YesNo, Always, Required),
];

pub(super) const BEZWAAR: &[Step] = &[
    step(
        S::GrondslagVerwerking,
        Beoordeling,
        Choice(GRONDSLAG),
        Always,
        Required,
    ),
    step(
        S::SpecifiekeSituatie,
        Beoordeling,
        Text,
        UnlessChoice(S::GrondslagVerwerking, "wettelijke_plicht"),
        Required,
    ),
    step(
        S::BelangenAfgewogen,
        Beoordeling,
        Text,
        UnlessChoice(S::GrondslagVerwerking, "wettelijke_plicht"),
        Required,
    ),
];

pub(super) const OVERDRAAGBAARHEID: &[Step] = &[
    step(
        S::GrondslagOverdracht,
        Beoordeling,
        Choice(GRONDSLAG_OVERDRACHT),
        Always,
        Required,
    ),
    step(
        S::DossieroverdrachtAangeboden,
        Beoordeling,
        YesNo,
        IfChoice(S::GrondslagOverdracht, "wettelijke_taak"),
        Required,
    ),
    step(
        S::OntvangendeOrganisatie,
        Beoordeling,
        Text,
        Always,
        Optional,
    ),
    step(
        S::ToestemmingOverdracht,
        Beoordeling,
        YesNo,
        IfAnswered(S::OntvangendeOrganisatie),
        Required,
    ),
    step(
        S::BeveiligdKanaal,
        Beoordeling,
        Choice(KANAAL),
        IfAnswered(S::OntvangendeOrganisatie),
        Required,
    ),
];

pub(super) const INTREKKEN: &[Step] = &[
    step(
        S::WelkeToestemming,
        Beoordeling,
        Choice(WELKE_TOESTEMMING),
        Always,
        Required,
    ),
    step(
        S::GeregistreerdInDossier,
        Beoordeling,
        YesNo,
        Always,
        Required,
    ),
    step(
        S::OntvangersGeinformeerd,
        Beoordeling,
        YesNo,
        Always,
        Required,
    ),
    // 12–15: either the child or a parent withdraws; the other is informed (recorded, not
    // awaited: the withdrawal takes effect on receipt, AVG 7(3)).
    step(
        S::AnderGeinformeerd,
        Beoordeling,
        YesNo,
        ChildBetween(12, 16),
        Optional,
    ),
    step(
        S::IngangsdatumIntrekking,
        Beoordeling,
        Date,
        Always,
        Required,
    ),
];

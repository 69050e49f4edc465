//! The intake every verzoek starts with: identity, authority, clarity and receipt.

use crate::domain::authority::DossierRegime;
use crate::domain::kind::CaseKind;

use super::answer::AnswerType::{Choice, Date, Text, YesNo};
use super::options::*;
use super::step::Need::{Optional, Required};
use super::step::Phase::Intake;
use super::step::Show::*;
use super::step::{Step, StepId as S, step};

pub(super) const INTAKE: &[Step] = &[
    step(S::IdentiteitGecontroleerd, Intake, YesNo, Always, Required),
    step(
        S::IdentiteitWijze,
        Intake,
        Choice(ID_WIJZE),
        IfYesNo(S::IdentiteitGecontroleerd, true),
        Required,
    ),
    step(
        S::IdentiteitDocument,
        Intake,
        Choice(ID_DOCUMENT),
        IfChoice(S::IdentiteitWijze, "balie"),
        Required,
    ),
    step(
        S::IdKopie,
        Intake,
        Choice(ID_KOPIE),
        IfYesNo(S::IdentiteitGecontroleerd, true),
        Required,
    ),
    step(
        S::GezagGecontroleerd,
        Intake,
        YesNo,
        GezagRelation,
        Required,
    ),
    step(
        S::GezagBron,
        Intake,
        Choice(GEZAG_BRON),
        IfYesNo(S::GezagGecontroleerd, true),
        Required,
    ),
    step(
        S::GezagGecontroleerdOp,
        Intake,
        Date,
        IfYesNo(S::GezagGecontroleerd, true),
        Required,
    ),
    step(
        S::Wilsbekwaam,
        Intake,
        Choice(JA_NEE),
        ChildAtLeast(12),
        Required,
    ),
    step(
        S::WilsbekwaamBeoordeeldDoor,
        Intake,
        Text,
        IfAnswered(S::Wilsbekwaam),
        Required,
    ),
    step(
        S::WilsbekwaamBeoordeeldOp,
        Intake,
        Date,
        IfAnswered(S::Wilsbekwaam),
        Required,
    ),
    step(
        S::ToestemmingKind,
        Intake,
        Choice(TOESTEMMING),
        OtherForChildAtLeast(12),
        Required,
    ),
    // The judgements of §4 belong to one regime and to a child of 12–15 each: the WGBO 7:457
    // judgement replaces the child's consent; the Jeugdwet judgement bars the parent.
    step(
        S::OordeelGeenBezwaar,
        Intake,
        YesNo,
        OtherFor12To15Under(DossierRegime::Wgbo),
        Optional,
    ),
    step(
        S::OordeelSchaadtHulp,
        Intake,
        YesNo,
        OtherFor12To15Under(DossierRegime::Jeugdwet),
        Optional,
    ),
    step(
        S::ToestemmingRechthebbende,
        Intake,
        YesNo,
        ThirdParty,
        Required,
    ),
    step(
        S::SignalenMishandeling,
        Intake,
        YesNo,
        ForKind(CaseKind::Vernietiging),
        Required,
    ),
    step(S::VerzoekDuidelijk, Intake, YesNo, Always, Required),
    step(
        S::VerduidelijkingGevraagd,
        Intake,
        Date,
        IfYesNo(S::VerzoekDuidelijk, false),
        Required,
    ),
    step(S::Ontvangstbevestiging, Intake, Date, Always, Required),
];

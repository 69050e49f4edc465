//! The checklists as data (domain.md §5): one table of steps per kind, typed answers, steps that
//! appear by earlier answers or by the facts of the case, and what a case still lacks before a
//! decision may be recorded or the case may close.
//!
//! The screen reads these tables; it holds no rules of its own. Step questions and choice labels
//! live in `i18n::checklist`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::authority::DossierRegime;
use super::case::{Case, Decision, Refusal, Relation};
use super::deadline::amsterdam_date;
use super::kind::CaseKind;

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
}

/// What kind of answer a step takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerType {
    /// Ja / nee.
    YesNo,
    /// One of the listed options (slugs; labels in i18n).
    Choice(&'static [&'static str]),
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
    /// When a parent-like requester (not the child itself) asks for a child of at least this age.
    OtherForChildAtLeast(u32),
    /// When the requester acts for the child as a parent with gezag or voogd.
    GezagRelation,
    /// When the requester is a third party.
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

const fn step(id: StepId, phase: Phase, ty: AnswerType, show: Show, need: Need) -> Step {
    Step {
        id,
        phase,
        ty,
        show,
        need,
    }
}

use AnswerType::{Choice, Date, Instant, Number, Text, YesNo};
use Need::{Optional, Required};
use Phase::{Beoordeling, Intake};
use Show::*;
use StepId as S;

/// Options of the identity-check step.
pub const ID_WIJZE: &[&str] = &["balie", "digid", "bekende_contactgegevens"];
/// Options: the kind of identity document seen (never its number).
pub const ID_DOCUMENT: &[&str] = &[
    "paspoort",
    "identiteitskaart",
    "rijbewijs",
    "verblijfsdocument",
];
/// Options: what happened to a copy of an ID document (privdesk never stores one).
pub const ID_KOPIE: &[&str] = &["geen_kopie", "kopie_verwijderd"];
/// Options: wilsbekwaam as judged by a professional.
pub const JA_NEE: &[&str] = &["ja", "nee"];
/// Options: the child's consent.
pub const TOESTEMMING: &[&str] = &["geen", "gegeven", "schriftelijk"];
/// Options: how data are provided.
pub const VERSTREKKING: &[&str] = &["balie", "zorgmail", "beveiligde_mail", "post"];
/// Options: a factual error or a professional judgement.
pub const CORRECTIE: &[&str] = &["feitelijk", "oordeel"];
/// Options: the JGZ's own vaccination entries.
pub const VACCINATIE: &[&str] = &["vernietigen", "bewaren"];
/// Options: the ground for restriction (AVG 18(1)).
pub const GROND_BEPERKING: &[&str] = &[
    "juistheid_betwist",
    "onrechtmatig",
    "bezwaar_aanhangig",
    "rechtsvordering",
];
/// Options: the basis of the processing objected to.
pub const GRONDSLAG: &[&str] = &[
    "publieke_taak",
    "gerechtvaardigd_belang",
    "wettelijke_plicht",
];
/// Options: the basis for portability.
pub const GRONDSLAG_OVERDRACHT: &[&str] = &["toestemming", "overeenkomst", "wettelijke_taak"];
/// Options: a secure channel.
pub const KANAAL: &[&str] = &["lsp", "zorgmail"];
/// Options: which consent is withdrawn.
pub const WELKE_TOESTEMMING: &[&str] = &[
    "rivm_vaccinatie",
    "peutermonitor",
    "onderzoek",
    "vve_kinderopvang",
];
/// Options: the breach's risk.
pub const RISICO: &[&str] = &["geen", "risico", "hoog_risico"];
/// Options: the AP notification.
pub const AP_MELDING: &[&str] = &["gemeld", "niet_gemeld"];
/// Options: informing the data subjects (AVG 34 and its exceptions 34(3)).
pub const BETROKKENEN: &[&str] = &[
    "geinformeerd",
    "onbegrijpelijk",
    "risico_weggenomen",
    "publieke_mededeling",
];
/// Options: the nature of the breach (the AP form).
pub const AARD: &[&str] = &[
    "lezen",
    "kopieren",
    "wijzigen",
    "verwijderen",
    "diefstal",
    "verlies",
];
/// Options: what the breach affects (the AP form's consequences).
pub const GEVOLGEN: &[&str] = &["vertrouwelijkheid", "integriteit", "beschikbaarheid"];

const INTAKE: &[Step] = &[
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

const INZAGE: &[Step] = &[
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
];

/// An afschrift takes the inzage steps, then this one.
const AFSCHRIFT: &[Step] = &[step(
    S::EersteAfschriftKosteloos,
    Beoordeling,
    YesNo,
    Always,
    Required,
)];

const RECTIFICATIE: &[Step] = &[
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
];

const EIGEN_VERKLARING: &[Step] = &[
    step(S::VerklaringOntvangen, Beoordeling, Date, Always, Required),
    step(
        S::VerklaringToegevoegd,
        Beoordeling,
        YesNo,
        Always,
        Required,
    ),
];

const VERNIETIGING: &[Step] = &[
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

const BEPERKING: &[Step] = &[
    step(
        S::GrondBeperking,
        Beoordeling,
        Choice(GROND_BEPERKING),
        Always,
        Required,
    ),
    step(S::BeperkingGemarkeerd, Beoordeling, YesNo, Always, Required),
];

const BEZWAAR: &[Step] = &[
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

const OVERDRAAGBAARHEID: &[Step] = &[
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

const INTREKKEN: &[Step] = &[
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
    step(
        S::IngangsdatumIntrekking,
        Beoordeling,
        Date,
        Always,
        Required,
    ),
];

const DATALEK: &[Step] = &[
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
        Choice(AARD),
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
    step(
        S::BetrokkenenInformeren,
        Phase::Datalek,
        Choice(BETROKKENEN),
        IfChoice(S::Risico, "hoog_risico"),
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

impl Case {
    fn answer(&self, id: StepId) -> Option<&Answer> {
        self.answers.get(&id).map(|r| &r.answer)
    }

    /// Whether an answered yes/no step says yes (false when unanswered).
    pub fn said_yes(&self, id: StepId) -> bool {
        matches!(self.answer(id), Some(Answer::YesNo(true)))
    }

    /// The chosen option of a choice step.
    pub fn choice(&self, id: StepId) -> Option<&str> {
        match self.answer(id) {
            Some(Answer::Choice(c)) => Some(c.as_str()),
            _ => None,
        }
    }

    /// Whether a step shows for this case on this day, given the answers so far.
    pub fn shows(&self, step: &Step, today: NaiveDate) -> bool {
        let relation = self.request.as_ref().map(|r| r.requester.relation);
        let age = self
            .request
            .as_ref()
            .map(|r| age_on(r.child.birth_date, today));
        match step.show {
            Always => true,
            IfYesNo(s, v) => matches!(self.answer(s), Some(Answer::YesNo(b)) if *b == v),
            IfChoice(s, v) => self.choice(s) == Some(v),
            UnlessChoice(s, v) => self.choice(s).is_some_and(|c| c != v),
            IfAnswered(s) => self.answers.contains_key(&s),
            ChildAtLeast(n) => age.is_some_and(|a| a >= n),
            OtherForChildAtLeast(n) => {
                age.is_some_and(|a| a >= n) && relation.is_some_and(|r| r != Relation::Zelf)
            }
            GezagRelation => matches!(relation, Some(Relation::OuderMetGezag | Relation::Voogd)),
            ThirdParty => relation == Some(Relation::Derde),
            OtherFor12To15Under(regime) => {
                self.request.as_ref().is_some_and(|r| r.regime == regime)
                    && age.is_some_and(|a| (12..16).contains(&a))
                    && relation.is_some_and(|r| r != Relation::Zelf)
            }
            ForKind(kind) => self.kind == kind,
            BreachDelay => {
                let due = super::rights::breach_deadline(self);
                self.choice(StepId::ApMelding) == Some("gemeld")
                    && match (due, self.answer(StepId::ApGemeldOp)) {
                        (Some(due), Some(Answer::Instant(at))) => *at > due,
                        (Some(due), _) => today >= amsterdam_date(due),
                        (None, _) => false,
                    }
            }
        }
    }

    /// The steps that show now, in order.
    pub fn visible_steps(&self, today: NaiveDate) -> Vec<&'static Step> {
        steps(self.kind).filter(|s| self.shows(s, today)).collect()
    }

    /// Required steps that show but are not answered (in order).
    pub fn missing_steps(&self, today: NaiveDate, phase: Option<Phase>) -> Vec<StepId> {
        self.visible_steps(today)
            .into_iter()
            .filter(|s| s.need == Need::Required && phase.is_none_or(|p| p == s.phase))
            .filter(|s| !self.answers.contains_key(&s.id))
            .map(|s| s.id)
            .collect()
    }
}

/// A rule that blocks a decision or a close, beyond missing steps (translated in i18n).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// Niet ontvankelijk needs a ground: identity not established or no authority.
    NoGroundNietOntvankelijk,
    /// The identity was not established: only niet ontvankelijk fits.
    IdentityNotEstablished,
    /// The requester may not exercise this right for the child (domain.md §4).
    NotAuthorised,
    /// With signs of abuse a dossier is destroyed only for a wilsbekwaam young person of 16+.
    AbuseSignals,
    /// AVG 20 does not apply to the JGZ's statutory task: offer a dossier transfer instead.
    PortabilityNotApplicable,
    /// A legal obligation (6(1)(c)) cannot be objected to.
    ObjectionNotApplicable,
    /// The reply has not been sent.
    ReplyNotSent,
    /// The destruction is not confirmed.
    DestructionNotConfirmed,
    /// An AVG 19 recipient is neither told nor marked impossible.
    RecipientsOpen,
    /// The AP was notified after 72 hours without a reason for the delay.
    LateWithoutReason,
    /// Not notifying the AP needs a risk assessed as none ("unlikely to result in a risk").
    NotificationRequired,
    /// A breach cannot begin after the organisation became aware of it.
    IncidentAfterAwareness,
}

fn blocked(b: Block) -> Result<(), Refusal> {
    Err(Refusal::Blocked(b))
}

/// Checks an answer against its step: applicable to the kind, showing now, of the right type.
pub fn check_answer(
    case: &Case,
    id: StepId,
    answer: &Answer,
    today: NaiveDate,
) -> Result<(), Refusal> {
    let step = find(case.kind, id).ok_or(Refusal::StepNotApplicable)?;
    if !case.shows(step, today) {
        return Err(Refusal::StepNotApplicable);
    }
    super::rights::check_breach_answer(case, id, answer)?;
    match (step.ty, answer) {
        (YesNo, Answer::YesNo(_)) | (Number, Answer::Number(_)) => Ok(()),
        (Choice(options), Answer::Choice(c)) if options.contains(&c.as_str()) => Ok(()),
        (Date, Answer::Date(d)) if *d > today => Err(Refusal::InFuture("answer")),
        (Date, Answer::Date(_)) => Ok(()),
        (Instant, Answer::Instant(i)) if amsterdam_date(*i) > today => {
            Err(Refusal::InFuture("answer"))
        }
        (Instant, Answer::Instant(_)) => Ok(()),
        (Text, Answer::Text(t)) if t.trim().is_empty() => Err(Refusal::Required("answer")),
        (Text, Answer::Text(_)) => Ok(()),
        _ => Err(Refusal::WrongAnswerType),
    }
}

/// What a decision still needs. Niet ontvankelijk needs the intake outcome that makes it so
/// (identity not established, or the authority table sending it there); every other decision
/// needs every required step of the intake and the kind, and must not be barred by the
/// authority table (domain.md §4) or a rule of the kind.
pub fn may_decide(case: &Case, decision: Decision, today: NaiveDate) -> Result<(), Refusal> {
    use super::authority::NextStep;
    let identity_failed = matches!(
        case.answer(StepId::IdentiteitGecontroleerd),
        Some(Answer::YesNo(false))
    );
    if identity_failed {
        return if decision == Decision::NietOntvankelijk {
            Ok(())
        } else {
            blocked(Block::IdentityNotEstablished)
        };
    }
    let intake_missing = case.missing_steps(today, Some(Intake));
    let next = super::rights::authority(case, today).map(|a| a.outcome.next_step());
    match decision {
        Decision::NietOntvankelijk => {
            if !intake_missing.is_empty() {
                return Err(Refusal::Missing(intake_missing));
            }
            match next {
                Some(NextStep::NietOntvankelijk | NextStep::Await) => Ok(()),
                _ => blocked(Block::NoGroundNietOntvankelijk),
            }
        }
        Decision::Afgewezen => {
            if !intake_missing.is_empty() {
                return Err(Refusal::Missing(intake_missing));
            }
            // A refusal on authority grounds needs no further steps; otherwise every step.
            if matches!(next, Some(NextStep::Refuse | NextStep::InformOnly)) {
                return Ok(());
            }
            let missing = case.missing_steps(today, None);
            if !missing.is_empty() {
                return Err(Refusal::Missing(missing));
            }
            Ok(())
        }
        Decision::Toegewezen | Decision::DeelsToegewezen => {
            let missing = case.missing_steps(today, None);
            if !missing.is_empty() {
                return Err(Refusal::Missing(missing));
            }
            let informs =
                next == Some(NextStep::InformOnly) && decision == Decision::DeelsToegewezen;
            if !matches!(next, Some(NextStep::Proceed)) && !informs {
                return blocked(
                    if case.kind == CaseKind::Vernietiging
                        && case.said_yes(StepId::SignalenMishandeling)
                    {
                        Block::AbuseSignals
                    } else {
                        Block::NotAuthorised
                    },
                );
            }
            match case.kind {
                CaseKind::Vernietiging if abuse_bars_destruction(case, today) => {
                    blocked(Block::AbuseSignals)
                }
                CaseKind::Overdraagbaarheid
                    if case.choice(StepId::GrondslagOverdracht) == Some("wettelijke_taak") =>
                {
                    blocked(Block::PortabilityNotApplicable)
                }
                CaseKind::Bezwaar
                    if case.choice(StepId::GrondslagVerwerking) == Some("wettelijke_plicht") =>
                {
                    blocked(Block::ObjectionNotApplicable)
                }
                _ => Ok(()),
            }
        }
    }
}

/// KNMG-meldcode: with signs of abuse or domestic violence, destroy only when the young person
/// is at least 16 and wilsbekwaam.
fn abuse_bars_destruction(case: &Case, today: NaiveDate) -> bool {
    if !case.said_yes(StepId::SignalenMishandeling) {
        return false;
    }
    let age = case
        .request
        .as_ref()
        .map_or(0, |r| age_on(r.child.birth_date, today));
    !(age >= 16 && case.choice(StepId::Wilsbekwaam) == Some("ja"))
}

/// What closing still needs: a verzoek a decision and a sent reply (Vernietiging: the
/// destruction confirmed unless refused) and every AVG 19 recipient dealt with; a datalek its
/// assessment, the AP decision, the data-subjects decision and the measures.
pub fn may_close(case: &Case, today: NaiveDate) -> Result<(), Refusal> {
    if case.kind.is_datalek() {
        let missing = case.missing_steps(today, None);
        if !missing.is_empty() {
            return Err(Refusal::Missing(missing));
        }
        if super::rights::breach_notified_late_without_reason(case) {
            return blocked(Block::LateWithoutReason);
        }
        if case.choice(StepId::ApMelding) == Some("niet_gemeld")
            && case.choice(StepId::Risico) != Some("geen")
        {
            return blocked(Block::NotificationRequired);
        }
        return Ok(());
    }
    let Some(d) = &case.decision else {
        return Err(Refusal::NoDecision);
    };
    if case.reply_sent.is_none() {
        return blocked(Block::ReplyNotSent);
    }
    let granted = matches!(d.decision, Decision::Toegewezen | Decision::DeelsToegewezen);
    if case.kind == CaseKind::Vernietiging && granted && case.destruction_confirmed.is_none() {
        return blocked(Block::DestructionNotConfirmed);
    }
    if case.recipients.iter().any(|r| r.outcome.is_none()) {
        return blocked(Block::RecipientsOpen);
    }
    Ok(())
}

//! What is registered: the facts of a verzoek (who asks, for which child, how it arrived) and
//! of a datalek (when it became known, what happened).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::authority::DossierRegime;
use crate::domain::kind::CaseKind;

/// How a request reached the organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// E-mail.
    Email,
    /// A letter by post.
    Brief,
    /// By telephone.
    Telefoon,
    /// A web form or the parent portal.
    Webformulier,
    /// In person at the desk.
    Balie,
}

impl Channel {
    /// Every channel, in form order.
    pub const ALL: [Channel; 5] = [
        Channel::Email,
        Channel::Brief,
        Channel::Telefoon,
        Channel::Webformulier,
        Channel::Balie,
    ];
}

/// The requester's relation to the child whose dossier it is (domain.md §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The child or young person itself.
    Zelf,
    /// A parent with gezag (parental authority).
    OuderMetGezag,
    /// A voogd (guardian), also a gecertificeerde instelling with voogdij.
    Voogd,
    /// A curator or mentor (from 18).
    CuratorMentor,
    /// A parent without gezag.
    OuderZonderGezag,
    /// A foster parent without gezag.
    Pleegouder,
    /// A gezinsvoogd under an ondertoezichtstelling.
    Gezinsvoogd,
    /// A third party: school, lawyer, insurer.
    Derde,
}

impl Relation {
    /// Every relation, in form order.
    pub const ALL: [Relation; 8] = [
        Relation::OuderMetGezag,
        Relation::Zelf,
        Relation::Voogd,
        Relation::CuratorMentor,
        Relation::OuderZonderGezag,
        Relation::Pleegouder,
        Relation::Gezinsvoogd,
        Relation::Derde,
    ];
}

/// Who asked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requester {
    /// Name.
    pub name: String,
    /// Relation to the child.
    pub relation: Relation,
    /// Contact details (address, e-mail or phone), as needed for the reply.
    pub contact: String,
}

/// The child whose dossier the request is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Child {
    /// Name.
    pub name: String,
    /// Date of birth: decides who may ask (domain.md §4).
    pub birth_date: NaiveDate,
}

/// The facts of a verzoek at registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestFacts {
    /// The right asked for (never `Datalek`).
    pub kind: CaseKind,
    /// The Amsterdam date the request reached the organisation, by any channel.
    pub received: NaiveDate,
    /// How it arrived.
    pub channel: Channel,
    /// Who asked.
    pub requester: Requester,
    /// Whose dossier.
    pub child: Child,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// The dossier regime the organisation worked under when the request came in: it decides
    /// the 12–15 rules, and is kept with the case so a later setting change does not rewrite
    /// an old assessment.
    #[serde(default)]
    pub regime: DossierRegime,
}

/// What happened in a breach (the AP's categories, simplified for intake).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreachNature {
    /// Lost (a laptop, a USB stick, paper).
    Verloren,
    /// Stolen.
    Gestolen,
    /// Sent to the wrong person.
    VerkeerdeOntvanger,
    /// Unauthorised access.
    OnbevoegdeToegang,
    /// Malware or ransomware.
    Malware,
    /// Something else.
    Anders,
}

impl BreachNature {
    /// Every nature, in form order.
    pub const ALL: [BreachNature; 6] = [
        BreachNature::Verloren,
        BreachNature::Gestolen,
        BreachNature::VerkeerdeOntvanger,
        BreachNature::OnbevoegdeToegang,
        BreachNature::Malware,
        BreachNature::Anders,
    ];
}

/// The facts of a datalek at registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreachFacts {
    /// When the organisation became aware (reasonably certain personal data was compromised).
    pub aware_at: DateTime<Utc>,
    /// When a processor told the organisation, if a processor found it. The 72 hours run from
    /// the earlier of the two (domain.md §3.3).
    #[serde(default)]
    pub processor_notice_at: Option<DateTime<Utc>>,
    /// The processor involved, if any.
    #[serde(default)]
    pub processor: String,
    /// Who reported it (a name or a role).
    pub reported_by: String,
    /// What happened.
    pub nature: BreachNature,
    /// A description.
    #[serde(default)]
    pub description: String,
}

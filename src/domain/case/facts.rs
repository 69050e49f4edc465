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

/// How the answer reaches the requester: the way the request came, unless the requester asked
/// otherwise (AVG 12(3) last sentence, 15(3)). Only post needs a postal address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyMethod {
    /// By post, to the recorded postal address.
    Post,
    /// By secure e-mail (Zorgmail or the like), never ordinary e-mail.
    BeveiligdeEmail,
    /// Through the (parent) portal.
    Portaal,
    /// Handed over at the desk.
    Balie,
}

impl ReplyMethod {
    /// Every method, in form order.
    pub const ALL: [ReplyMethod; 4] = [
        ReplyMethod::Post,
        ReplyMethod::BeveiligdeEmail,
        ReplyMethod::Portaal,
        ReplyMethod::Balie,
    ];

    /// The way the answer goes when the requester asked nothing else: the way the request came.
    /// A request by phone is answered by post (a decision is not given by phone).
    pub fn for_channel(channel: Channel) -> ReplyMethod {
        match channel {
            Channel::Email => ReplyMethod::BeveiligdeEmail,
            Channel::Brief | Channel::Telefoon => ReplyMethod::Post,
            Channel::Webformulier => ReplyMethod::Portaal,
            Channel::Balie => ReplyMethod::Balie,
        }
    }
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
    /// A third party without a machtiging: school, insurer.
    Derde,
    /// A lawyer or other representative with a written machtiging from the one who holds the
    /// right: acts for that person (domain.md §4).
    Gemachtigde,
}

impl Relation {
    /// Every relation, in form order.
    pub const ALL: [Relation; 9] = [
        Relation::OuderMetGezag,
        Relation::Zelf,
        Relation::Voogd,
        Relation::CuratorMentor,
        Relation::OuderZonderGezag,
        Relation::Pleegouder,
        Relation::Gezinsvoogd,
        Relation::Derde,
        Relation::Gemachtigde,
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
    /// Contact details (e-mail or phone) for questions; never printed as an address.
    pub contact: String,
    /// The postal address, when the answer goes by post (one line per line of the envelope).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// How a letter greets the requester, when the desk recorded it; else the neutral form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salutation: Option<Salutation>,
}

/// A recorded form of address: "Geachte mevrouw El Amrani," — only as the requester gave it,
/// never guessed from a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Salutation {
    /// Mevrouw, with the surname as it is written in the greeting.
    Mevrouw(String),
    /// De heer, with the surname as it is written in the greeting.
    Heer(String),
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
    /// How the answer is sent, as recorded at registration; `None` on a case registered before
    /// privdesk asked (then the way the request came, [`ReplyMethod::for_channel`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<ReplyMethod>,
}

impl RequestFacts {
    /// How the answer is sent: as recorded, else the way the request came.
    pub fn reply_method(&self) -> ReplyMethod {
        self.reply
            .unwrap_or_else(|| ReplyMethod::for_channel(self.channel))
    }
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

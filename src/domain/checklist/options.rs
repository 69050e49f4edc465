//! The options of the choice steps, as slugs (their labels live in `i18n::checklist`): the
//! journal stores the slug, so never rename one.

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
/// Options: wilsbekwaam as judged by a professional: [`YesNo`]'s slugs, in that order.
pub const JA_NEE: &[&str] = &[YesNo::Ja.slug(), YesNo::Nee.slug()];

/// The answer to a choice of ja and nee (wilsbekwaam): recorded by its slug, read back as this
/// type, so no rule compares the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum YesNo {
    /// Ja.
    Ja,
    /// Nee.
    Nee,
}

impl YesNo {
    /// The slug the journal stores.
    pub const fn slug(self) -> &'static str {
        match self {
            YesNo::Ja => "ja",
            YesNo::Nee => "nee",
        }
    }

    /// The answer a slug records; `None` for any other option.
    pub fn from_slug(slug: &str) -> Option<YesNo> {
        [YesNo::Ja, YesNo::Nee]
            .into_iter()
            .find(|y| y.slug() == slug)
    }

    /// Ja for true.
    pub fn from_bool(yes: bool) -> YesNo {
        if yes { YesNo::Ja } else { YesNo::Nee }
    }

    /// Whether it says ja.
    pub fn is_yes(self) -> bool {
        self == YesNo::Ja
    }
}
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
/// Options: where the gezag was checked.
pub const GEZAG_BRON: &[&str] = &["brp", "gezagsregister", "brp_en_gezagsregister"];

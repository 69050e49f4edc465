//! The options of the choice steps, as slugs (their labels live in `i18n::checklist`): the
//! journal stores the slug, so never rename one. The options a rule decides on are also a type
//! ([`ChoiceOption`], read with `Case::chosen`), so no rule compares the words.

/// A choice step's options as a type: the variants with the slugs the journal stores.
pub trait ChoiceOption: Copy + PartialEq + 'static {
    /// Every option, in the order the step offers them.
    const ALL: &'static [Self];
    /// The slug the journal stores.
    fn slug(self) -> &'static str;
    /// The option a slug records; `None` for any other.
    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|o| o.slug() == slug)
    }
}

/// Declares a choice step's options: the enum, its [`ChoiceOption`], and the const of its
/// slugs the step offers.
macro_rules! choice {
    ($(#[$m:meta])* $name:ident, $slugs:ident { $($(#[$vm:meta])* $var:ident = $slug:literal,)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vm])* $var,)* }
        impl ChoiceOption for $name {
            const ALL: &'static [Self] = &[$($name::$var,)*];
            fn slug(self) -> &'static str {
                match self { $($name::$var => $slug,)* }
            }
        }
        #[doc = concat!("Options: the slugs of [`", stringify!($name), "`], in order.")]
        pub const $slugs: &[&str] = &[$($slug,)*];
    };
}

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
choice! {
    /// The child's consent (the authority table's `Toestemming`).
    KindToestemming, TOESTEMMING {
        /// No consent.
        Geen = "geen",
        /// Consent given.
        Gegeven = "gegeven",
        /// Consent given in writing.
        Schriftelijk = "schriftelijk",
    }
}
/// Options: how data are provided.
pub const VERSTREKKING: &[&str] = &["balie", "zorgmail", "beveiligde_mail", "post"];
choice! {
    /// A factual error or a professional judgement (rectificatie).
    Correctie, CORRECTIE {
        /// A factual error: corrected.
        Feitelijk = "feitelijk",
        /// A professional judgement: not corrected, an own statement offered.
        Oordeel = "oordeel",
    }
}
/// Options: the JGZ's own vaccination entries.
pub const VACCINATIE: &[&str] = &["vernietigen", "bewaren"];
/// Options: the ground for restriction (AVG 18(1)).
pub const GROND_BEPERKING: &[&str] = &[
    "juistheid_betwist",
    "onrechtmatig",
    "bezwaar_aanhangig",
    "rechtsvordering",
];
choice! {
    /// The basis of the processing objected to (bezwaar).
    VerwerkingGrond, GRONDSLAG {
        /// A public task.
        PubliekeTaak = "publieke_taak",
        /// A legitimate interest.
        GerechtvaardigdBelang = "gerechtvaardigd_belang",
        /// A legal obligation: no right to object.
        WettelijkePlicht = "wettelijke_plicht",
    }
}
choice! {
    /// The basis for portability (overdraagbaarheid).
    OverdrachtGrond, GRONDSLAG_OVERDRACHT {
        /// Consent.
        Toestemming = "toestemming",
        /// A contract.
        Overeenkomst = "overeenkomst",
        /// A legal task: no right to portability.
        WettelijkeTaak = "wettelijke_taak",
    }
}
/// Options: a secure channel.
pub const KANAAL: &[&str] = &["lsp", "zorgmail"];
/// Options: which consent is withdrawn.
pub const WELKE_TOESTEMMING: &[&str] = &[
    "rivm_vaccinatie",
    "peutermonitor",
    "onderzoek",
    "vve_kinderopvang",
];
choice! {
    /// The breach's risk.
    RisicoNiveau, RISICO {
        /// No risk: the AP need not be notified.
        Geen = "geen",
        /// A risk: the AP is notified.
        Risico = "risico",
        /// A high risk: the data subjects are informed too (AVG 34).
        HoogRisico = "hoog_risico",
    }
}
choice! {
    /// The AP notification.
    ApBesluit, AP_MELDING {
        /// Notified.
        Gemeld = "gemeld",
        /// Not notified (only without risk).
        NietGemeld = "niet_gemeld",
    }
}
choice! {
    /// Why the AP was notified after the 72 hours, by category (issue 21: the yearly report
    /// counts them; the free-text reason beside it stays in the dossier). The categories are
    /// privdesk's, not the AP's.
    VertragingReden, VERTRAGING {
        /// The breach was recognised as one only later.
        LaterOntdekt = "later_ontdekt",
        /// The processor reported it late.
        VerwerkerMelddeLaat = "verwerker_meldde_laat",
        /// Its extent was not yet known.
        OmvangOnbekend = "omvang_onbekend",
        /// Reachability or capacity (nobody available to notify).
        Capaciteit = "bereikbaarheid_capaciteit",
        /// Another reason (the free text says which).
        Anders = "anders",
    }
}
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

#[cfg(test)]
mod choice_tests {
    use super::*;

    fn round_trip<T: ChoiceOption + std::fmt::Debug>(slugs: &[&str]) {
        assert_eq!(T::ALL.len(), slugs.len());
        for (o, slug) in T::ALL.iter().zip(slugs) {
            assert_eq!(o.slug(), *slug);
            assert_eq!(T::from_slug(slug), Some(*o), "{o:?}");
        }
        assert_eq!(T::from_slug("geen_optie"), None);
    }

    /// Each typed choice reads back every slug its step offers, and nothing else.
    #[test]
    fn every_typed_choice_reads_its_steps_slugs() {
        round_trip::<KindToestemming>(TOESTEMMING);
        round_trip::<Correctie>(CORRECTIE);
        round_trip::<VerwerkingGrond>(GRONDSLAG);
        round_trip::<OverdrachtGrond>(GRONDSLAG_OVERDRACHT);
        round_trip::<RisicoNiveau>(RISICO);
        round_trip::<ApBesluit>(AP_MELDING);
        round_trip::<VertragingReden>(VERTRAGING);
    }
}

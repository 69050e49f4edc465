//! `[organisatie]`: who the organisation is, apart from the rest of the settings because letters
//! and the rules that depend on the organisation's type read it on their own.

use super::Config;

/// `[organisatie]`. A letter needs `naam` and `type`; the rest is shown where known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Organisatie {
    /// `naam`: the organisation's name.
    pub naam: Option<String>,
    /// `adres`: its postal address (may span lines in a TOML multi-line string).
    pub adres: Option<String>,
    /// `type`: a public body or a private organisation; decides the remedy a letter names.
    pub org_type: Option<OrganisatieType>,
    /// `fg_naam`: the name of the functionaris gegevensbescherming.
    pub fg_naam: Option<String>,
    /// `fg_contact`: how to reach the FG (e-mail or phone).
    pub fg_contact: Option<String>,
    /// `dossierregime`: the law the dossier is kept under (default `wgbo`).
    pub dossierregime: Dossierregime,
}

impl Organisatie {
    /// The built-in organisation of a demo register (design.md: used unless `--config` is
    /// given), so letters can be made from fictitious cases without a real configuration.
    pub fn demo() -> Organisatie {
        Organisatie {
            naam: Some("JGZ Voorbeeldregio (demo)".into()),
            adres: Some("Voorbeeldlaan 1\n1234 AB Demostad".into()),
            org_type: Some(OrganisatieType::Bestuursorgaan),
            fg_naam: Some("F.G. Fictief".into()),
            fg_contact: Some("fg@voorbeeld.invalid".into()),
            dossierregime: Dossierregime::Wgbo,
        }
    }

    /// The organisation a register works for: the configured one, or on a demo register
    /// without `--config` the built-in demo organisation.
    pub fn for_register(config: &Config, demo: bool, config_given: bool) -> Organisatie {
        if demo && !config_given {
            Organisatie::demo()
        } else {
            config.organisatie.clone()
        }
    }
}

/// What kind of organisation answers: it decides the remedy a decision letter names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OrganisatieType {
    /// `bestuursorgaan`: a public body (a GGD); a decision is a besluit under the Awb.
    Bestuursorgaan,
    /// `privaat`: a private organisation (a JGZ foundation); the remedy is the civil court.
    Privaat,
}

impl OrganisatieType {
    /// The spelling in `privdesk.toml`.
    pub fn slug(self) -> &'static str {
        match self {
            OrganisatieType::Bestuursorgaan => "bestuursorgaan",
            OrganisatieType::Privaat => "privaat",
        }
    }
}

/// The dossier regime is the domain's; the config only chooses it.
pub use crate::domain::authority::DossierRegime as Dossierregime;

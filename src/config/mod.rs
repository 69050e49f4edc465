//! `privdesk.toml`: compiled-in defaults with a sparse TOML overlay, validated with messages that
//! say what to fix.
//!
//! The file is `--config FILE`, else the environment variable `PRIVDESK_CONFIG`, else
//! `privdesk.toml` in the config folder (`directories::ProjectDirs::from("nl", "privdesk",
//! "privdesk")`). A missing file in the config folder means the defaults; a file named by
//! `--config` or `PRIVDESK_CONFIG` must exist. Keys are Dutch snake_case, one table per area:
//!
//! ```toml
//! [gebruiker]
//! naam = "..."              # the user's name in the journal (else the OS user)
//! [weergave]
//! thema = "default"         # default | light | high-contrast
//! taal = "nl"               # nl | en
//! [streefdagen]             # internal target: calendar days after receipt, per verzoek kind
//! inzage = 28               # 1..=365; keys are kind slugs, datalek excluded
//! [organisatie]
//! naam = "..."  adres = "..."  type = "bestuursorgaan" | "privaat"
//! fg_naam = "..."  fg_contact = "..."  dossierregime = "wgbo" | "jeugdwet"
//! [brieven]
//! map = "..."               # where the TUI writes letters (else the current folder)
//! [ap_contact]              # the AP notification's contact person, default of each breach
//! naam = "..."  functie = "..."  telefoon = "..."
//! [vier_ogen]               # decisions a second handler approves (issue 22)
//! besluiten = ["afgewezen", ...]  lokaal = false
//! ```
//!
//! `privdesk.example.toml` at the repository root documents every key. An empty or blank string
//! counts as not set. Unknown keys are refused with their dotted name, the keys valid there, and
//! the file.
//!
//! - `organisatie` — `[organisatie]`: who the organisation is, its type, the demo organisation.
//! - `source` — which file is read (`--config`, `PRIVDESK_CONFIG`, the config folder) and
//!   loading it.
//! - `parse` — the file's text to a validated [`Config`]: the known keys, the raw tables, the
//!   checks of every value.
//! - `error` — why the settings were refused, in the user's language.

mod error;
mod organisatie;
mod parse;
mod source;

pub use error::ConfigError;
pub use organisatie::{Dossierregime, Organisatie, OrganisatieType};
pub use source::{ConfigSource, config_dir};

use crate::domain::CaseKind;
use crate::i18n::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The environment variable naming the settings file, for setups that cannot pass `--config`.
pub const ENV_CONFIG: &str = "PRIVDESK_CONFIG";
/// The settings file's name in the config folder.
pub const FILE_NAME: &str = "privdesk.toml";
/// The theme used when none is configured.
pub const DEFAULT_THEME: &str = "default";
/// The bounds of an internal target in days: at least a day, at most a year.
pub const TARGET_DAYS: std::ops::RangeInclusive<u16> = 1..=365;

/// The whole configuration, validated; `Config::default()` is the compiled-in defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// `[gebruiker]`: who works at this desk.
    pub gebruiker: Gebruiker,
    /// `[weergave]`: how privdesk looks and speaks.
    pub weergave: Weergave,
    /// `[streefdagen]`: the organisation's internal target per verzoek kind, in calendar days
    /// after receipt; a kind without an entry has no target.
    pub streefdagen: BTreeMap<CaseKind, u16>,
    /// `[organisatie]`: who the organisation is, for letters and the rules that depend on it.
    pub organisatie: Organisatie,
    /// `[brieven]`: where the TUI writes the letters it makes.
    pub brieven: Brieven,
    /// `[ap_contact]`.
    pub ap_contact: ApContact,
    /// `[vier_ogen]`: which decisions a second handler approves (issue 22).
    pub vier_ogen: VierOgenConfig,
}

/// `[vier_ogen]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VierOgenConfig {
    /// `besluiten`: the decision types proposed and approved by a second handler (default:
    /// all six the issue names; an empty list switches vier ogen off).
    pub besluiten: std::collections::BTreeSet<crate::domain::case::DecisionType>,
    /// `lokaal`: vier ogen on a local register too, whose users are names typed at start
    /// (default off; its approvals are marked "niet geverifieerd").
    pub lokaal: bool,
}

impl Default for VierOgenConfig {
    fn default() -> Self {
        VierOgenConfig {
            besluiten: crate::domain::case::DecisionType::ALL.into_iter().collect(),
            lokaal: false,
        }
    }
}

impl VierOgenConfig {
    /// The policy a register applies: a team's register (logins) always, a local one only
    /// when `lokaal` says so.
    pub fn policy(&self, team: bool) -> crate::domain::workflow::VierOgen {
        if team || self.lokaal {
            crate::domain::workflow::VierOgen::on(self.besluiten.iter().copied())
        } else {
            crate::domain::workflow::VierOgen::default()
        }
    }
}

/// `[ap_contact]`: the contact person a datalek's AP notification names (the AP form's
/// "contactpersoon"), the default of every breach's contact steps (issue 18).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApContact {
    /// `naam`.
    pub naam: Option<String>,
    /// `functie`.
    pub functie: Option<String>,
    /// `telefoon`.
    pub telefoon: Option<String>,
}

/// `[brieven]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Brieven {
    /// `map`: the folder letters go to, from the workbench and from `privdesk letter` without
    /// `--out` (created 0700 when missing); without it, the register's private letters folder
    /// in the user's data folder, `<data dir>/brieven/<register>`.
    pub map: Option<PathBuf>,
    /// `organisatie.briefpapier`: the organisation's own .docx that Word letters are made on
    /// (a paragraph `{{brief}}` and the fields `{{datum}}`, `{{kenmerk}}`, `{{onderwerp}}`,
    /// `{{adres}}`); without it a plain built-in letterhead.
    pub briefpapier: Option<PathBuf>,
    /// `ondertekenaar`: who signs the letters; without it, the one who makes the letter.
    pub ondertekenaar: Option<String>,
    /// `functie`: the signatory's function.
    pub functie: Option<String>,
    /// `namens`: the bestuursorgaan on whose behalf the signatory signs (mandate, Awb 10:10).
    pub namens: Option<String>,
}

impl Brieven {
    /// Who signs: the configured signatory, else `handler` (the user making the letter).
    pub fn signatory(&self, handler: &str) -> crate::letters::Signatory {
        crate::letters::Signatory {
            naam: self.ondertekenaar.clone(),
            functie: self.functie.clone(),
            namens: self.namens.clone(),
            handler: Some(handler.to_string()).filter(|h| !h.trim().is_empty()),
        }
    }
}

/// `[gebruiker]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gebruiker {
    /// `naam`: the user's name as the journal records it; `--user` wins, the OS user is the
    /// fallback.
    pub naam: Option<String>,
}

/// `[weergave]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weergave {
    /// `thema`: a theme name, checked when the theme is loaded (default `default`).
    pub thema: String,
    /// `taal`: the language; `--lang` wins (default `nl`).
    pub taal: Lang,
}

impl Default for Weergave {
    fn default() -> Self {
        Weergave {
            thema: DEFAULT_THEME.to_string(),
            taal: Lang::Nl,
        }
    }
}

/// The language in effect: `--lang` when given, else the config's `weergave.taal`, else Dutch.
/// A config that cannot be read gives Dutch here; the command that loads it reports why.
pub fn resolve_lang(cli: Option<Lang>, config: Option<&Path>) -> Lang {
    cli.or_else(|| Config::load(config).ok().map(|c| c.weergave.taal))
        .unwrap_or_default()
}

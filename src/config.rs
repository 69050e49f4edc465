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
//! ```
//!
//! `privdesk.example.toml` at the repository root documents every key. An empty or blank string
//! counts as not set. Unknown keys are refused with their dotted name, the keys valid there, and
//! the file.

use crate::domain::CaseKind;
use crate::i18n::Lang;
use crate::i18n::config::ConfigMsg;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};

/// The environment variable naming the settings file, for setups that cannot pass `--config`.
pub const ENV_CONFIG: &str = "PRIVDESK_CONFIG";
/// The settings file's name in the config folder.
pub const FILE_NAME: &str = "privdesk.toml";
/// The theme used when none is configured.
pub const DEFAULT_THEME: &str = "default";
/// The bounds of an internal target in days: at least a day, at most a year.
pub const TARGET_DAYS: std::ops::RangeInclusive<u16> = 1..=365;

/// The tables and their keys, for refusing unknown keys by name. `streefdagen` is `None`: its
/// keys are kind slugs, checked when validating. A test keeps this in step with the structs.
const SCHEMA: &[(&str, Option<&[&str]>)] = &[
    ("gebruiker", Some(&["naam"])),
    ("weergave", Some(&["thema", "taal"])),
    ("streefdagen", None),
    (
        "organisatie",
        Some(&[
            "naam",
            "adres",
            "type",
            "fg_naam",
            "fg_contact",
            "dossierregime",
        ]),
    ),
    ("brieven", Some(&["map"])),
];

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
}

/// `[brieven]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Brieven {
    /// `map`: the folder letters made from the TUI go to (created 0700 when missing); without
    /// it, the folder privdesk was started in, like `privdesk letter` without `--out`.
    pub map: Option<PathBuf>,
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

/// Where the settings file is and whether it must exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigSource {
    /// The file.
    pub path: PathBuf,
    /// Named by `--config` or `PRIVDESK_CONFIG`: then a missing file is an error.
    pub required: bool,
}

impl ConfigSource {
    /// Chooses the file: `cli` (`--config`), else `env` (`PRIVDESK_CONFIG`, ignored when
    /// empty), else `privdesk.toml` in `config_dir`. Pure, so the order is testable.
    pub fn locate(
        cli: Option<&Path>,
        env: Option<&OsStr>,
        config_dir: Option<&Path>,
    ) -> Option<ConfigSource> {
        if let Some(p) = cli {
            return Some(ConfigSource {
                path: p.to_path_buf(),
                required: true,
            });
        }
        if let Some(e) = env.filter(|e| !e.is_empty()) {
            return Some(ConfigSource {
                path: PathBuf::from(e),
                required: true,
            });
        }
        config_dir.map(|d| ConfigSource {
            path: d.join(FILE_NAME),
            required: false,
        })
    }
}

/// privdesk's config folder on this system (where `privdesk.toml` and theme overrides live),
/// if the system has one.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("nl", "privdesk", "privdesk").map(|d| d.config_dir().into())
}

/// Why the settings were refused. Each variant names the file; `Display` gives the Dutch text,
/// [`ConfigError::message`] the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// A file named by `--config` or `PRIVDESK_CONFIG` does not exist.
    NotFound {
        /// The file.
        file: PathBuf,
    },
    /// The file exists but cannot be read (permissions, not UTF-8, a folder).
    Read {
        /// The file.
        file: PathBuf,
        /// The system's reason.
        detail: String,
    },
    /// Not valid TOML, or a value of the wrong type (`taal = 3`); the detail is the TOML
    /// reader's own.
    Syntax {
        /// The file.
        file: PathBuf,
        /// The line, from 1, when known.
        line: Option<usize>,
        /// The TOML reader's explanation.
        detail: String,
    },
    /// A key or table privdesk does not know (a typo, or a setting of a later version).
    UnknownKey {
        /// The file.
        file: PathBuf,
        /// The dotted key (`weergave.kleur`).
        key: String,
        /// The keys valid in that place, comma-separated.
        valid: String,
    },
    /// A value outside its choices (`taal = "de"`).
    BadValue {
        /// The file.
        file: PathBuf,
        /// The dotted key.
        key: String,
        /// The value given.
        value: String,
        /// The valid values, comma-separated.
        valid: String,
    },
    /// A `[streefdagen]` key that is not a verzoek kind.
    UnknownKind {
        /// The file.
        file: PathBuf,
        /// The key given.
        kind: String,
        /// The verzoek kind slugs.
        valid: String,
    },
    /// A target outside [`TARGET_DAYS`].
    TargetDays {
        /// The file.
        file: PathBuf,
        /// The kind slug.
        kind: String,
        /// The number given.
        days: i64,
    },
}

impl ConfigError {
    /// The reason, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ConfigError::NotFound { file } => {
                ConfigMsg::NotFound.fill(lang, &[("file", &file.display().to_string())])
            }
            ConfigError::Read { file, detail } => ConfigMsg::Read.fill(
                lang,
                &[("file", &file.display().to_string()), ("detail", detail)],
            ),
            ConfigError::Syntax { file, line, detail } => {
                let file = file.display().to_string();
                match line {
                    Some(l) => ConfigMsg::SyntaxAt.fill(
                        lang,
                        &[
                            ("file", &file),
                            ("line", &l.to_string()),
                            ("detail", detail),
                        ],
                    ),
                    None => ConfigMsg::Syntax.fill(lang, &[("file", &file), ("detail", detail)]),
                }
            }
            ConfigError::UnknownKey { file, key, valid } => ConfigMsg::UnknownKey.fill(
                lang,
                &[
                    ("file", &file.display().to_string()),
                    ("key", key),
                    ("valid", valid),
                ],
            ),
            ConfigError::BadValue {
                file,
                key,
                value,
                valid,
            } => ConfigMsg::BadValue.fill(
                lang,
                &[
                    ("file", &file.display().to_string()),
                    ("key", key),
                    ("value", value),
                    ("valid", valid),
                ],
            ),
            ConfigError::UnknownKind { file, kind, valid } => ConfigMsg::UnknownKind.fill(
                lang,
                &[
                    ("file", &file.display().to_string()),
                    ("kind", kind),
                    ("valid", valid),
                ],
            ),
            ConfigError::TargetDays { file, kind, days } => ConfigMsg::TargetDays.fill(
                lang,
                &[
                    ("file", &file.display().to_string()),
                    ("kind", kind),
                    ("days", &days.to_string()),
                ],
            ),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

/// The file as written: every key optional, values still text, unknown keys refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawConfig {
    gebruiker: RawGebruiker,
    weergave: RawWeergave,
    streefdagen: BTreeMap<String, i64>,
    organisatie: RawOrganisatie,
    brieven: RawBrieven,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawBrieven {
    map: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawGebruiker {
    naam: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawWeergave {
    thema: Option<String>,
    taal: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawOrganisatie {
    naam: Option<String>,
    adres: Option<String>,
    #[serde(rename = "type")]
    org_type: Option<String>,
    fg_naam: Option<String>,
    fg_contact: Option<String>,
    dossierregime: Option<String>,
}

impl Config {
    /// Loads the settings the way the app does: `cli` (`--config`), else `PRIVDESK_CONFIG`,
    /// else the config folder's `privdesk.toml`, else the defaults.
    pub fn load(cli: Option<&Path>) -> Result<Config, ConfigError> {
        let env = std::env::var_os(ENV_CONFIG);
        let dir = config_dir();
        Config::load_from(ConfigSource::locate(cli, env.as_deref(), dir.as_deref()).as_ref())
    }

    /// Loads from a chosen source; `None` or a missing optional file gives the defaults.
    pub fn load_from(source: Option<&ConfigSource>) -> Result<Config, ConfigError> {
        let Some(source) = source else {
            return Ok(Config::default());
        };
        let file = &source.path;
        match std::fs::read_to_string(file) {
            Ok(text) => Config::parse(&text, file),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if source.required {
                    Err(ConfigError::NotFound { file: file.clone() })
                } else {
                    Ok(Config::default())
                }
            }
            Err(e) => Err(ConfigError::Read {
                file: file.clone(),
                detail: e.to_string(),
            }),
        }
    }

    /// Reads and validates the text of a settings file; `file` names it in messages.
    pub fn parse(text: &str, file: &Path) -> Result<Config, ConfigError> {
        let syntax = |e: toml::de::Error| ConfigError::Syntax {
            file: file.to_path_buf(),
            line: e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
            detail: e.message().to_string(),
        };
        let table: toml::Table = toml::from_str(text).map_err(syntax)?;
        check_keys(&table, file)?;
        let raw: RawConfig = toml::from_str(text).map_err(syntax)?;
        raw.validate(file)
    }
}

/// The language in effect: `--lang` when given, else the config's `weergave.taal`, else Dutch.
/// A config that cannot be read gives Dutch here; the command that loads it reports why.
pub fn resolve_lang(cli: Option<Lang>, config: Option<&Path>) -> Lang {
    cli.or_else(|| Config::load(config).ok().map(|c| c.weergave.taal))
        .unwrap_or_default()
}

/// Refuses keys outside [`SCHEMA`], naming them and the keys valid in their place.
fn check_keys(table: &toml::Table, file: &Path) -> Result<(), ConfigError> {
    let unknown = |key: String, valid: Vec<&str>| ConfigError::UnknownKey {
        file: file.to_path_buf(),
        key,
        valid: valid.join(", "),
    };
    for (name, value) in table {
        let Some((_, keys)) = SCHEMA.iter().find(|(s, _)| s == name) else {
            return Err(unknown(
                name.clone(),
                SCHEMA.iter().map(|(s, _)| *s).collect(),
            ));
        };
        if let (Some(keys), Some(section)) = (keys, value.as_table()) {
            for key in section.keys() {
                if !keys.contains(&key.as_str()) {
                    return Err(unknown(format!("{name}.{key}"), keys.to_vec()));
                }
            }
        }
    }
    Ok(())
}

/// A string setting: trimmed, and `None` when blank.
fn text(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// A choice among slugs, or the error listing them.
fn choose<T: Copy>(
    file: &Path,
    key: &str,
    value: Option<String>,
    choices: &[(T, &str)],
) -> Result<Option<T>, ConfigError> {
    let Some(value) = text(value) else {
        return Ok(None);
    };
    choices
        .iter()
        .find(|(_, slug)| *slug == value)
        .map(|(t, _)| Some(*t))
        .ok_or_else(|| ConfigError::BadValue {
            file: file.to_path_buf(),
            key: key.to_string(),
            value,
            valid: choices
                .iter()
                .map(|(_, s)| *s)
                .collect::<Vec<_>>()
                .join(", "),
        })
}

impl RawConfig {
    fn validate(self, file: &Path) -> Result<Config, ConfigError> {
        let taal = choose(
            file,
            "weergave.taal",
            self.weergave.taal,
            &[(Lang::Nl, "nl"), (Lang::En, "en")],
        )?;
        let org_type = choose(
            file,
            "organisatie.type",
            self.organisatie.org_type,
            &[OrganisatieType::Bestuursorgaan, OrganisatieType::Privaat].map(|t| (t, t.slug())),
        )?;
        let dossierregime = choose(
            file,
            "organisatie.dossierregime",
            self.organisatie.dossierregime,
            &[Dossierregime::Wgbo, Dossierregime::Jeugdwet].map(|r| (r, r.slug())),
        )?;
        let mut streefdagen = BTreeMap::new();
        for (slug, days) in self.streefdagen {
            let kind = CaseKind::VERZOEKEN
                .into_iter()
                .find(|k| k.slug() == slug)
                .ok_or_else(|| ConfigError::UnknownKind {
                    file: file.to_path_buf(),
                    kind: slug.clone(),
                    valid: CaseKind::VERZOEKEN.map(CaseKind::slug).join(", "),
                })?;
            let d = u16::try_from(days)
                .ok()
                .filter(|d| TARGET_DAYS.contains(d))
                .ok_or_else(|| ConfigError::TargetDays {
                    file: file.to_path_buf(),
                    kind: slug.clone(),
                    days,
                })?;
            streefdagen.insert(kind, d);
        }
        Ok(Config {
            gebruiker: Gebruiker {
                naam: text(self.gebruiker.naam),
            },
            weergave: Weergave {
                thema: text(self.weergave.thema).unwrap_or_else(|| DEFAULT_THEME.to_string()),
                taal: taal.unwrap_or_default(),
            },
            streefdagen,
            organisatie: Organisatie {
                naam: text(self.organisatie.naam),
                adres: text(self.organisatie.adres),
                org_type,
                fg_naam: text(self.organisatie.fg_naam),
                fg_contact: text(self.organisatie.fg_contact),
                dossierregime: dossierregime.unwrap_or_default(),
            },
            brieven: Brieven {
                map: text(self.brieven.map).map(PathBuf::from),
            },
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("p.toml"))
    }

    #[test]
    fn an_empty_file_gives_the_defaults() {
        let c = parse("").unwrap();
        assert_eq!(c, Config::default());
        assert_eq!(c.weergave.thema, "default");
        assert_eq!(c.weergave.taal, Lang::Nl);
        assert_eq!(c.organisatie.dossierregime, Dossierregime::Wgbo);
        assert!(c.streefdagen.is_empty());
    }

    #[test]
    fn the_example_sets_every_key() {
        let text = include_str!("../privdesk.example.toml");
        let c = Config::parse(text, Path::new("privdesk.example.toml")).unwrap();
        assert_eq!(c.gebruiker.naam.as_deref(), Some("Fatima el Amrani"));
        assert_eq!(c.weergave.thema, "default");
        assert_eq!(c.weergave.taal, Lang::Nl);
        assert_eq!(c.streefdagen.get(&CaseKind::Afschrift), Some(&28));
        assert!(c.organisatie.naam.is_some() && c.organisatie.adres.is_some());
        assert!(c.organisatie.fg_naam.is_some() && c.organisatie.fg_contact.is_some());
        assert_eq!(
            c.organisatie.org_type,
            Some(OrganisatieType::Bestuursorgaan)
        );
        assert_eq!(c.organisatie.dossierregime, Dossierregime::Wgbo);
        // Every key of the schema appears in the example, and the structs accept every one.
        let table: toml::Table = toml::from_str(text).unwrap();
        for (section, keys) in SCHEMA {
            let t = table[*section].as_table().unwrap();
            for key in keys.unwrap_or(&[]) {
                assert!(
                    t.contains_key(*key),
                    "{section}.{key} missing from the example"
                );
            }
        }
    }

    #[test]
    fn unknown_keys_are_named_with_the_file() {
        let e = parse("[weergave]\nkleur = \"rood\"\n").unwrap_err();
        assert_eq!(
            e,
            ConfigError::UnknownKey {
                file: "p.toml".into(),
                key: "weergave.kleur".into(),
                valid: "thema, taal".into()
            }
        );
        assert_eq!(
            e.message(Lang::En),
            "p.toml: unknown setting 'weergave.kleur' (valid: thema, taal)"
        );
        let e = parse("taal = \"nl\"\n").unwrap_err();
        assert!(matches!(e, ConfigError::UnknownKey { ref key, .. } if key == "taal"));
        let e = parse("[streefdagen]\nverhuizing = 10\n").unwrap_err();
        assert!(matches!(e, ConfigError::UnknownKind { ref kind, .. } if kind == "verhuizing"));
        let e = parse("[streefdagen]\ndatalek = 2\n").unwrap_err();
        assert!(matches!(e, ConfigError::UnknownKind { .. }));
    }

    #[test]
    fn values_are_validated() {
        let e = parse("[weergave]\ntaal = \"de\"\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.toml: 'de' is geen geldige waarde voor weergave.taal (geldig: nl, en)"
        );
        let e = parse("[organisatie]\ntype = \"stichting\"\n").unwrap_err();
        assert!(matches!(e, ConfigError::BadValue { ref key, .. } if key == "organisatie.type"));
        let e = parse("[organisatie]\ndossierregime = \"awb\"\n").unwrap_err();
        assert!(matches!(e, ConfigError::BadValue { .. }));
        for bad in [0, 366, -1] {
            let e = parse(&format!("[streefdagen]\ninzage = {bad}\n")).unwrap_err();
            assert_eq!(
                e,
                ConfigError::TargetDays {
                    file: "p.toml".into(),
                    kind: "inzage".into(),
                    days: bad
                }
            );
        }
        let c = parse("[streefdagen]\ninzage = 1\neigen-verklaring = 365\n").unwrap();
        assert_eq!(c.streefdagen.len(), 2);
        let c = parse(
            "[organisatie]\ntype = \"privaat\"\ndossierregime = \"jeugdwet\"\nnaam = \" \"\n",
        )
        .unwrap();
        assert_eq!(c.organisatie.org_type, Some(OrganisatieType::Privaat));
        assert_eq!(c.organisatie.dossierregime, Dossierregime::Jeugdwet);
        assert_eq!(c.organisatie.naam, None);
    }

    #[test]
    fn type_and_syntax_errors_carry_a_line() {
        let e = parse("[weergave]\n\ntaal = 3\n").unwrap_err();
        assert!(
            matches!(e, ConfigError::Syntax { line: Some(3), .. }),
            "{e:?}"
        );
        let e = parse("[weergave\n").unwrap_err();
        assert!(
            matches!(e, ConfigError::Syntax { line: Some(1), .. }),
            "{e:?}"
        );
        assert!(e.message(Lang::En).starts_with("p.toml, line 1: "));
    }

    #[test]
    fn the_file_is_chosen_in_order() {
        let cli = Path::new("/a/cli.toml");
        let env = OsStr::new("/b/env.toml");
        let dir = Path::new("/c");
        let pick = |c, e, d| ConfigSource::locate(c, e, d);
        assert_eq!(
            pick(Some(cli), Some(env), Some(dir)),
            Some(ConfigSource {
                path: cli.into(),
                required: true
            })
        );
        assert_eq!(
            pick(None, Some(env), Some(dir)),
            Some(ConfigSource {
                path: env.into(),
                required: true
            })
        );
        assert_eq!(
            pick(None, Some(OsStr::new("")), Some(dir)),
            Some(ConfigSource {
                path: dir.join("privdesk.toml"),
                required: false
            })
        );
        assert_eq!(pick(None, None, None), None);
    }

    #[test]
    fn a_missing_file_is_an_error_only_when_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("privdesk.toml");
        let optional = ConfigSource {
            path: path.clone(),
            required: false,
        };
        assert_eq!(Config::load_from(Some(&optional)), Ok(Config::default()));
        let required = ConfigSource {
            path: path.clone(),
            required: true,
        };
        assert_eq!(
            Config::load_from(Some(&required)),
            Err(ConfigError::NotFound { file: path.clone() })
        );
        std::fs::write(&path, "[gebruiker]\nnaam = \"Anna\"\n").unwrap();
        let c = Config::load_from(Some(&required)).unwrap();
        assert_eq!(c.gebruiker.naam.as_deref(), Some("Anna"));
        assert!(matches!(
            Config::load_from(Some(&ConfigSource {
                path: dir.path().into(),
                required: true
            })),
            Err(ConfigError::Read { .. })
        ));
    }
}

//! The text of a settings file to a validated [`Config`]: unknown keys are refused by name
//! against [`SCHEMA`], the tables are read as text into raw structs, then every value is
//! checked and converted.

use super::{
    Brieven, Config, ConfigError, DEFAULT_THEME, Dossierregime, Gebruiker, Organisatie,
    OrganisatieType, TARGET_DAYS, Weergave,
};
use crate::domain::CaseKind;
use crate::domain::case::DecisionType;

/// A decision type's name in the settings (`vier_ogen.besluiten`).
pub fn decision_type_slug(t: DecisionType) -> &'static str {
    match t {
        DecisionType::Afgewezen => "afgewezen",
        DecisionType::DeelsToegewezen => "deels_toegewezen",
        DecisionType::NietOntvankelijk => "niet_ontvankelijk",
        DecisionType::Verlenging => "verlenging",
        DecisionType::DatalekNietMelden => "datalek_niet_melden",
        DecisionType::VernietigingGeweigerd => "vernietiging_geweigerd",
    }
}
use crate::i18n::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
            "briefpapier",
        ]),
    ),
    (
        "brieven",
        Some(&["map", "ondertekenaar", "functie", "namens"]),
    ),
    ("ap_contact", Some(&["naam", "functie", "telefoon"])),
    ("vier_ogen", Some(&["besluiten", "lokaal"])),
];

/// The file as written: every key optional, values still text, unknown keys refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawConfig {
    gebruiker: RawGebruiker,
    weergave: RawWeergave,
    streefdagen: BTreeMap<String, i64>,
    organisatie: RawOrganisatie,
    brieven: RawBrieven,
    ap_contact: RawApContact,
    vier_ogen: RawVierOgen,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawVierOgen {
    besluiten: Option<Vec<String>>,
    lokaal: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawApContact {
    naam: Option<String>,
    functie: Option<String>,
    telefoon: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct RawBrieven {
    map: Option<String>,
    ondertekenaar: Option<String>,
    functie: Option<String>,
    namens: Option<String>,
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
    briefpapier: Option<String>,
}

impl Config {
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

/// A string setting: without control characters (a line break stays) or bidirectional
/// overrides (issue 16: a config value reaches letters and the screen), trimmed, and `None`
/// when blank.
fn text(value: Option<String>) -> Option<String> {
    value
        .map(|v| crate::domain::text::clean_text(&v).trim().to_string())
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
        let mut besluiten = None;
        if let Some(list) = self.vier_ogen.besluiten {
            let mut set = std::collections::BTreeSet::new();
            let choices = DecisionType::ALL.map(|t| (t, decision_type_slug(t)));
            for slug in list {
                if let Some(t) = choose(file, "vier_ogen.besluiten", Some(slug), &choices)? {
                    set.insert(t);
                }
            }
            besluiten = Some(set);
        }
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
                briefpapier: text(self.organisatie.briefpapier).map(PathBuf::from),
                ondertekenaar: text(self.brieven.ondertekenaar),
                functie: text(self.brieven.functie),
                namens: text(self.brieven.namens),
            },
            ap_contact: super::ApContact {
                naam: text(self.ap_contact.naam),
                functie: text(self.ap_contact.functie),
                telefoon: text(self.ap_contact.telefoon),
            },
            vier_ogen: super::VierOgenConfig {
                besluiten: besluiten.unwrap_or_else(|| DecisionType::ALL.into_iter().collect()),
                lokaal: self.vier_ogen.lokaal.unwrap_or(false),
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
    fn control_characters_and_bidi_overrides_are_stripped_from_values() {
        let c = parse(
            "[organisatie]\nnaam = \"GGD \\u001b[2JWest\\u202e\"\nadres = \"Straat 1\\nStad\\u0007\"\n[gebruiker]\nnaam = \"\\u2066Anna\\u2069\"\n",
        )
        .unwrap();
        assert_eq!(c.organisatie.naam.as_deref(), Some("GGD [2JWest"));
        assert_eq!(c.organisatie.adres.as_deref(), Some("Straat 1\nStad"));
        assert_eq!(c.gebruiker.naam.as_deref(), Some("Anna"));
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
        let text = include_str!("../../privdesk.example.toml");
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
}

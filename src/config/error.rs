//! Why the settings were refused: one variant per kind of mistake, each naming the file, and its
//! message in the user's language.

use crate::i18n::Lang;
use crate::i18n::config::ConfigMsg;
use std::fmt;
use std::path::PathBuf;

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
    /// A target outside [`TARGET_DAYS`](super::TARGET_DAYS).
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

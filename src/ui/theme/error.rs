//! Why a theme could not be loaded: the file it is about (compiled in or an override on disk)
//! and the mistake, in the user's language.

use super::{MODIFIERS, STYLE_NAMES, THEME_NAMES};
use crate::i18n::Lang;
use crate::i18n::theme::ThemeMsg;
use std::fmt;
use std::path::PathBuf;

/// Why a theme could not be loaded. `Display` gives the Dutch text; [`ThemeError::message`] the
/// user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    /// No compiled-in theme has this name.
    UnknownTheme {
        /// The name asked for.
        name: String,
    },
    /// An override file exists but cannot be read.
    Read {
        /// The file.
        file: PathBuf,
        /// The system's reason.
        detail: String,
    },
    /// Not valid TOML or not the theme's shape; the detail is the TOML reader's own.
    Syntax {
        /// The file.
        file: ThemeFile,
        /// The line, from 1, when known.
        line: Option<usize>,
        /// The TOML reader's explanation.
        detail: String,
    },
    /// A table that is no style.
    UnknownStyle {
        /// The file.
        file: ThemeFile,
        /// The table's name.
        style: String,
    },
    /// A compiled-in theme lacks a style (a test prevents this).
    MissingStyle {
        /// The file.
        file: ThemeFile,
        /// The style.
        style: String,
    },
    /// A colour that is neither a known name nor `#rrggbb`.
    BadColour {
        /// The file.
        file: ThemeFile,
        /// The style it appears in.
        style: String,
        /// The text given.
        value: String,
    },
    /// A modifier privdesk does not know.
    BadModifier {
        /// The file.
        file: ThemeFile,
        /// The style it appears in.
        style: String,
        /// The text given.
        value: String,
    },
}

/// Which theme file a message is about: a compiled-in one or an override on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeFile {
    /// `themes/<name>.toml`, compiled in.
    Builtin(&'static str),
    /// An override file.
    Path(PathBuf),
}

impl ThemeFile {
    fn describe(&self, lang: Lang) -> String {
        match self {
            ThemeFile::Builtin(name) => ThemeMsg::Builtin.fill(lang, &[("name", name)]),
            ThemeFile::Path(p) => p.display().to_string(),
        }
    }
}

impl ThemeError {
    /// The reason, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let valid = THEME_NAMES.join(", ");
        match self {
            ThemeError::UnknownTheme { name } => {
                ThemeMsg::UnknownTheme.fill(lang, &[("name", name), ("valid", &valid)])
            }
            ThemeError::Read { file, detail } => ThemeMsg::Read.fill(
                lang,
                &[("file", &file.display().to_string()), ("detail", detail)],
            ),
            ThemeError::Syntax { file, line, detail } => {
                let file = file.describe(lang);
                match line {
                    Some(l) => ThemeMsg::SyntaxAt.fill(
                        lang,
                        &[
                            ("file", &file),
                            ("line", &l.to_string()),
                            ("detail", detail),
                        ],
                    ),
                    None => ThemeMsg::Syntax.fill(lang, &[("file", &file), ("detail", detail)]),
                }
            }
            ThemeError::UnknownStyle { file, style } => ThemeMsg::UnknownStyle.fill(
                lang,
                &[
                    ("file", &file.describe(lang)),
                    ("style", style),
                    ("valid", &STYLE_NAMES.join(", ")),
                ],
            ),
            ThemeError::MissingStyle { file, style } => ThemeMsg::MissingStyle
                .fill(lang, &[("file", &file.describe(lang)), ("style", style)]),
            ThemeError::BadColour { file, style, value } => ThemeMsg::BadColour.fill(
                lang,
                &[
                    ("file", &file.describe(lang)),
                    ("style", style),
                    ("value", value),
                ],
            ),
            ThemeError::BadModifier { file, style, value } => ThemeMsg::BadModifier.fill(
                lang,
                &[
                    ("file", &file.describe(lang)),
                    ("style", style),
                    ("value", value),
                    ("valid", &MODIFIERS.map(|(n, _)| n).join(", ")),
                ],
            ),
        }
    }
}

impl fmt::Display for ThemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

//! Every user-facing string, Dutch (the default) and English.
//!
//! One module is the one place strings live; it is split into a file per area so that the
//! areas can grow apart. Each area declares its messages with `messages!`: a variant per
//! message with its Dutch and English text side by side, so a missing translation does not
//! compile. Messages with values use `{name}` placeholders, filled by [`fill`].

pub mod authority;
pub mod breach;
pub mod checklist;
pub mod cli;
pub mod config;
pub mod detail;
pub mod domain;
pub mod form;
pub mod headless;
pub mod help;
pub mod keys;
pub mod letters;
pub mod postgres;
pub mod script;
pub mod start;
pub mod store;
pub mod theme;
pub mod ui;
pub mod workbench;

use std::fmt;
use std::str::FromStr;

/// The user's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Dutch, the desk's language and the default.
    #[default]
    Nl,
    /// English, with `--lang en`.
    En,
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "nl" => Ok(Lang::Nl),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language '{other}' (nl, en)")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        })
    }
}

/// Declares an enum of messages with their Dutch and English texts.
///
/// ```ignore
/// messages! { CliMsg {
///     UnknownKind => "onbekende soort '{kind}'", "unknown kind '{kind}'";
/// } }
/// ```
#[macro_export]
macro_rules! messages {
    ($(#[$meta:meta])* $name:ident { $($var:ident => $nl:expr, $en:expr;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $(#[allow(missing_docs)] $var,)* }
        impl $name {
            /// Every message of this area, for the completeness test.
            pub const ALL: &'static [$name] = &[$($name::$var,)*];
            /// The text in the given language.
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        ($name::$var, $crate::i18n::Lang::Nl) => $nl,
                        ($name::$var, $crate::i18n::Lang::En) => $en,
                    )*
                }
            }
            /// The text with its `{name}` placeholders filled.
            pub fn fill(self, lang: $crate::i18n::Lang, values: &[(&str, &str)]) -> String {
                $crate::i18n::fill(self.text(lang), values)
            }
        }
    };
}

/// Replaces each `{name}` in `text` by its value.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Checks an area's messages: both languages non-empty and with the same placeholders.
/// Used by each area's test.
#[cfg(test)]
pub(crate) fn check_area(all: &[(&'static str, &'static str)]) {
    fn placeholders(s: &str) -> Vec<String> {
        let mut v: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
            .collect();
        v.sort();
        v
    }
    for (nl, en) in all {
        assert!(
            !nl.trim().is_empty() && !en.trim().is_empty(),
            "empty text: {nl:?} / {en:?}"
        );
        assert_eq!(
            placeholders(nl),
            placeholders(en),
            "placeholders differ: {nl:?} / {en:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} en {b} en {a}", &[("a", "x"), ("b", "y")]),
            "x en y en x"
        );
    }

    #[test]
    fn languages_parse() {
        assert_eq!("nl".parse(), Ok(Lang::Nl));
        assert_eq!("en".parse(), Ok(Lang::En));
        assert!("de".parse::<Lang>().is_err());
    }
}

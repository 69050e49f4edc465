//! Every user-facing string, Dutch (the default) and English.
//!
//! One module is the one place strings live; it is split into a file per area so that the
//! areas can grow apart. Each area declares its messages with `messages!`: a variant per
//! message with its Dutch and English text side by side, so a missing translation does not
//! compile, and neither does an empty text or a translation whose `{name}` placeholders differ
//! (checked in a `const` by [`complete`]). Messages with values use `{name}` placeholders,
//! filled by [`fill`]; a key is named through a placeholder filled from the keymap
//! (`crate::app::keymap::Keymap::hint`), never written into the text.

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
pub mod overview;
pub mod postgres;
pub mod report;
pub mod script;
pub mod start;
pub mod store;
pub mod team;
pub mod theme;
pub mod ui;
pub mod why;
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
            /// Every message of this area.
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
        // Both texts of every message are non-empty and name the same placeholders: checked
        // when the crate compiles, so no test per area is needed.
        const _: () = {
            $(
                assert!(
                    $crate::i18n::complete($nl, $en),
                    concat!(
                        stringify!($name), "::", stringify!($var),
                        ": a text is empty or the languages' placeholders differ"
                    )
                );
            )*
        };
    };
}

/// Whether a message's two texts are both non-blank and name the same `{placeholders}`, each
/// as often. `const`, so that `messages!` checks every message at compile time.
pub const fn complete(nl: &str, en: &str) -> bool {
    let (nl, en) = (nl.as_bytes(), en.as_bytes());
    !blank(nl) && !blank(en) && covers(nl, en) && covers(en, nl)
}

const fn blank(s: &[u8]) -> bool {
    let mut i = 0;
    while i < s.len() {
        if !s[i].is_ascii_whitespace() {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether every placeholder of `a` occurs in `b` as often as in `a`.
const fn covers(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() {
        if a[i] == b'{' {
            let mut j = i + 1;
            while j < a.len() && a[j] != b'}' && a[j] != b'{' {
                j += 1;
            }
            if j < a.len() && a[j] == b'}' && count(a, a, i, j + 1) != count(b, a, i, j + 1) {
                return false;
            }
        }
        i += 1;
    }
    true
}

/// How often `src[start..end]` occurs in `hay`.
const fn count(hay: &[u8], src: &[u8], start: usize, end: usize) -> usize {
    let n = end - start;
    let mut found = 0;
    let mut k = 0;
    while k + n <= hay.len() {
        let mut m = 0;
        while m < n && hay[k + m] == src[start + m] {
            m += 1;
        }
        if m == n {
            found += 1;
        }
        k += 1;
    }
    found
}

/// Replaces each `{name}` in `text` by its value.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
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
    fn a_message_is_complete_only_with_both_texts_and_the_same_placeholders() {
        assert!(complete("{a} en {b}", "{b} and {a}"));
        assert!(complete("geen", "none"));
        assert!(complete("{{x}} {y}", "{y} {{x}}"));
        assert!(!complete("{a}", "{b}"));
        assert!(!complete("{a} {a}", "{a}"));
        assert!(!complete("{a}", "no value"));
        assert!(!complete("  ", "text"));
        assert!(!complete("tekst", ""));
    }

    #[test]
    fn languages_parse() {
        assert_eq!("nl".parse(), Ok(Lang::Nl));
        assert_eq!("en".parse(), Ok(Lang::En));
        assert!("de".parse::<Lang>().is_err());
    }
}

//! Reading the key notation: a sequence of keys ([`parse_keys`]) or exactly one (`FromStr`),
//! and why a text could not be read ([`KeyParseError`]). Apart from [`Key`] itself because the
//! grammar of `<...>` (modifier prefixes, names, function keys) is a concern of its own.

use super::{Key, NAMES};
use crate::i18n::Lang;
use crate::i18n::keys::KeyMsg;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use std::fmt;
use std::str::FromStr;

/// Why a key or a key sequence could not be read. `Display` gives the Dutch text; use
/// [`KeyParseError::message`] for the user's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyParseError {
    /// Nothing but spaces.
    Empty,
    /// `<Foo>` or a character the notation cannot write; holds the offending text.
    Unknown(String),
    /// A `<` without its `>`; holds the text from the `<` on.
    Unclosed(String),
    /// One key was asked for (`FromStr`) but the text holds several.
    NotOne(String),
}

impl KeyParseError {
    /// The reason, in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            KeyParseError::Empty => KeyMsg::Empty.text(lang).to_string(),
            KeyParseError::Unknown(k) => KeyMsg::Unknown.fill(lang, &[("key", k)]),
            KeyParseError::Unclosed(k) => KeyMsg::Unclosed.fill(lang, &[("key", k)]),
            KeyParseError::NotOne(k) => KeyMsg::NotOne.fill(lang, &[("key", k)]),
        }
    }
}

impl fmt::Display for KeyParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

/// Reads a sequence of keys (`<Down><Down><Enter>`, `gg`, `<C-s>`); whitespace between keys is
/// ignored, so a space is written `<Space>`. A `>` outside brackets is the key `>`; a `<` must
/// open a bracketed key (write `<lt>` for the key `<`).
pub fn parse_keys(text: &str) -> Result<Vec<Key>, KeyParseError> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
        } else if c == '<' {
            let Some(end) = rest.find('>') else {
                return Err(KeyParseError::Unclosed(rest.trim_end().to_string()));
            };
            let inner = &rest[1..end];
            let key = parse_bracketed(inner)
                .ok_or_else(|| KeyParseError::Unknown(rest[..=end].to_string()))?;
            keys.push(key);
            rest = &rest[end + 1..];
        } else {
            keys.push(
                Key::char(c)
                    .ok_or_else(|| KeyParseError::Unknown(c.escape_default().to_string()))?,
            );
            rest = &rest[c.len_utf8()..];
        }
    }
    if keys.is_empty() {
        return Err(KeyParseError::Empty);
    }
    Ok(keys)
}

/// The inside of `<...>`: modifier prefixes, then a name or a single character.
fn parse_bracketed(inner: &str) -> Option<Key> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = inner;
    loop {
        let mut chars = rest.chars();
        let (Some(m), Some('-'), Some(_)) = (chars.next(), chars.next(), chars.next()) else {
            break;
        };
        mods |= match m.to_ascii_uppercase() {
            'C' => KeyModifiers::CONTROL,
            'A' => KeyModifiers::ALT,
            'S' => KeyModifiers::SHIFT,
            _ => break,
        };
        rest = &rest[2..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (None, _) => return None,
        (Some(c), None) => KeyCode::Char(c),
        _ => named(rest)?,
    };
    Key::new(code, mods)
}

/// A key name (case-insensitive) to its code.
fn named(name: &str) -> Option<KeyCode> {
    let lower = name.to_ascii_lowercase();
    let code = match lower.as_str() {
        "space" => KeyCode::Char(' '),
        "lt" => KeyCode::Char('<'),
        "gt" => KeyCode::Char('>'),
        _ => {
            if let Some(digits) = lower.strip_prefix('f')
                && !digits.starts_with('0')
                && digits.bytes().all(|b| b.is_ascii_digit())
                && let Ok(n @ 1..=12) = digits.parse::<u8>()
            {
                return Some(KeyCode::F(n));
            }
            return NAMES
                .iter()
                .find(|(c, n)| *c != KeyCode::BackTab && n.eq_ignore_ascii_case(name))
                .map(|(c, _)| *c);
        }
    };
    Some(code)
}

impl FromStr for Key {
    type Err = KeyParseError;
    /// Exactly one key (surrounding whitespace ignored).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let keys = parse_keys(s)?;
        match keys.as_slice() {
            [k] => Ok(*k),
            _ => Err(KeyParseError::NotOne(s.trim().to_string())),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::tests::k;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sequences_parse_and_ignore_spaces() {
        let keys = parse_keys("<Down><Down> <Enter> g g <C-s> <A-x> <C-S-Up> ? / é >").unwrap();
        let shown: Vec<String> = keys.iter().map(Key::to_string).collect();
        assert_eq!(
            shown,
            [
                "<Down>", "<Down>", "<Enter>", "g", "g", "<C-s>", "<A-x>", "<C-S-Up>", "?", "/",
                "é", "<gt>"
            ]
        );
        let names = "<Enter><Esc><Tab><S-Tab><BS><Del><Up><Down><Left><Right><Home><End>\
                     <PgUp><PgDn><Space><lt><gt><F1><F12>";
        let keys = parse_keys(names).unwrap();
        let back: String = keys.iter().map(Key::to_string).collect();
        assert_eq!(back, names);
        assert_eq!(
            parse_keys("<enter><c-s><pgdn>").unwrap(),
            parse_keys("<Enter><C-s><PgDn>").unwrap()
        );
        assert_eq!("<Space>".parse::<Key>().unwrap().text_char(), Some(' '));
        assert_eq!("<C-s>".parse::<Key>().unwrap().text_char(), None);
        assert_eq!("N".parse::<Key>().unwrap().text_char(), Some('N'));
        assert_eq!(
            "<A-->".parse::<Key>().unwrap(),
            k(KeyCode::Char('-'), KeyModifiers::ALT)
        );
    }

    #[test]
    fn bad_keys_are_named() {
        assert_eq!(
            parse_keys("j<Foo>k"),
            Err(KeyParseError::Unknown("<Foo>".into()))
        );
        assert_eq!(
            parse_keys("<F13>"),
            Err(KeyParseError::Unknown("<F13>".into()))
        );
        assert_eq!(
            parse_keys("<F01>"),
            Err(KeyParseError::Unknown("<F01>".into()))
        );
        assert_eq!(
            parse_keys("<X-s>"),
            Err(KeyParseError::Unknown("<X-s>".into()))
        );
        assert_eq!(parse_keys("<>"), Err(KeyParseError::Unknown("<>".into())));
        assert_eq!(
            parse_keys("a <C-s"),
            Err(KeyParseError::Unclosed("<C-s".into()))
        );
        assert_eq!(parse_keys("   "), Err(KeyParseError::Empty));
        assert_eq!("jk".parse::<Key>(), Err(KeyParseError::NotOne("jk".into())));
        assert_eq!(
            KeyParseError::Unknown("<Foo>".into()).message(Lang::En),
            "unknown key '<Foo>'"
        );
        assert_eq!(
            KeyParseError::Unknown("<Foo>".into()).to_string(),
            "onbekende toets '<Foo>'"
        );
    }

    fn any_code() -> impl Strategy<Value = KeyCode> {
        prop_oneof![
            any::<char>().prop_map(KeyCode::Char),
            prop::sample::select(vec!['a', 'Z', '<', '>', ' ', '-', 'é', 'ß', '?'])
                .prop_map(KeyCode::Char),
            (0u8..=14).prop_map(KeyCode::F),
            prop::sample::select(NAMES.iter().map(|(c, _)| *c).collect::<Vec<_>>()),
        ]
    }

    fn any_mods() -> impl Strategy<Value = KeyModifiers> {
        (0u8..8).prop_map(KeyModifiers::from_bits_truncate)
    }

    proptest! {
        #[test]
        fn display_parses_back(code in any_code(), mods in any_mods()) {
            if let Some(key) = Key::new(code, mods) {
                let text = key.to_string();
                prop_assert_eq!(text.parse::<Key>(), Ok(key), "{}", text);
                prop_assert_eq!(Key::from_event(&key.to_event()), Some(key));
            }
        }

        #[test]
        fn sequences_round_trip(keys in prop::collection::vec((any_code(), any_mods()), 1..6)) {
            let keys: Vec<Key> = keys.into_iter().filter_map(|(c, m)| Key::new(c, m)).collect();
            if !keys.is_empty() {
                let text: String = keys.iter().map(Key::to_string).collect();
                prop_assert_eq!(parse_keys(&text), Ok(keys));
            }
        }
    }
}

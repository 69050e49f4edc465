//! The key notation: one grammar for the keymap, the help, the config and key scripts.
//!
//! A literal character is that key (`?`, `/`, `j`, `é`); an uppercase letter is that letter with
//! Shift, as crossterm reports it (`N` ≡ `<S-n>`, canonical `N`). `<...>` is one key with optional
//! modifiers `C-` (Ctrl), `A-` (Alt) and `S-` (Shift), in any order: `<Enter> <Esc> <Tab>
//! <S-Tab> <BS> <Del> <Up> <Down> <Left> <Right> <Home> <End> <PgUp> <PgDn> <Space> <lt> <gt>
//! <F1>..<F12>`, `<C-s>`, `<A-x>`, `<C-S-Up>`. Names and modifiers inside `<...>` are read
//! without regard to case (`<enter>`, `<c-s>`); a single character inside is taken as written
//! (`<C-n>` is not `<C-N>`).
//!
//! [`Key`] holds a normalised `(KeyCode, KeyModifiers)`, so two events of the same key compare
//! equal however the terminal spelled them (crossterm's `KeyEvent` equality also compares kind and
//! state), and its `Display` writes the canonical spelling, never crossterm's (which differs per
//! platform).

use crate::i18n::Lang;
use crate::i18n::keys::KeyMsg;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::fmt;
use std::str::FromStr;

/// One key with its modifiers, normalised so that equal keys compare equal.
///
/// Invariants (kept by [`Key::new`], the only constructor): modifiers are a subset of Ctrl, Alt
/// and Shift; a cased letter with Shift is stored uppercase with Shift (`Char('N')` + SHIFT, as
/// crossterm reports it), a character without case never carries Shift (`?` is `?` whether or
/// not the terminal reported the Shift it took to type it); Shift-Tab is crossterm's `BackTab`
/// with Shift; function keys are F1..F12; no control characters and no whitespace but the space.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

/// The modifiers the notation can write.
const KNOWN_MODS: KeyModifiers = KeyModifiers::CONTROL
    .union(KeyModifiers::ALT)
    .union(KeyModifiers::SHIFT);

/// The named keys and their canonical names (the character keys `<Space> <lt> <gt>` aside).
const NAMES: [(KeyCode, &str); 14] = [
    (KeyCode::Enter, "Enter"),
    (KeyCode::Esc, "Esc"),
    (KeyCode::Tab, "Tab"),
    (KeyCode::BackTab, "Tab"),
    (KeyCode::Backspace, "BS"),
    (KeyCode::Delete, "Del"),
    (KeyCode::Up, "Up"),
    (KeyCode::Down, "Down"),
    (KeyCode::Left, "Left"),
    (KeyCode::Right, "Right"),
    (KeyCode::Home, "Home"),
    (KeyCode::End, "End"),
    (KeyCode::PageUp, "PgUp"),
    (KeyCode::PageDown, "PgDn"),
];

impl Key {
    /// Normalises a code and modifiers into a key; `None` for what the notation cannot write
    /// (Insert, media keys, F13 and up, Super/Hyper/Meta, control characters), since no binding
    /// can ever name such a key.
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Option<Key> {
        if !KNOWN_MODS.contains(mods) {
            return None;
        }
        let mut mods = mods;
        let code = match code {
            KeyCode::Char(c) if c.is_control() || (c.is_whitespace() && c != ' ') => return None,
            KeyCode::Char(c) => {
                let shifted = mods.contains(KeyModifiers::SHIFT);
                mods.remove(KeyModifiers::SHIFT);
                if c.is_uppercase() {
                    mods.insert(KeyModifiers::SHIFT);
                    KeyCode::Char(c)
                } else if let (true, Some(up)) = (shifted && c.is_lowercase(), single_upper(c)) {
                    mods.insert(KeyModifiers::SHIFT);
                    KeyCode::Char(up)
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::F(n) if (1..=12).contains(&n) => KeyCode::F(n),
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::BackTab => {
                mods.insert(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other if NAMES.iter().any(|(c, _)| *c == other) => other,
            _ => return None,
        };
        Some(Key { code, mods })
    }

    /// A character key without modifiers (an uppercase letter gets its Shift).
    pub fn char(c: char) -> Option<Key> {
        Key::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    /// The key of a terminal event; `None` for releases and repeats (only presses act) and for
    /// keys the notation cannot write.
    pub fn from_event(event: &KeyEvent) -> Option<Key> {
        if event.kind != KeyEventKind::Press {
            return None;
        }
        Key::new(event.code, event.modifiers)
    }

    /// An Alt-key that is really `Esc` and a key pressed right after it: a terminal sends Esc
    /// as one byte and, when the next key follows within a few milliseconds, the two arrive
    /// together and read as Alt plus that key (seen in tmux). Only Alt (with Shift, for a
    /// capital) on a character or a named key qualifies; `None` for anything else.
    pub fn split_escape(&self) -> Option<(Key, Key)> {
        let rest = self.mods.difference(KeyModifiers::ALT);
        if !self.mods.contains(KeyModifiers::ALT) || rest.contains(KeyModifiers::CONTROL) {
            return None;
        }
        Some((
            Key::new(KeyCode::Esc, KeyModifiers::NONE)?,
            Key::new(self.code, rest)?,
        ))
    }

    /// The press event a terminal would send for this key, for the headless driver.
    pub fn to_event(&self) -> KeyEvent {
        KeyEvent::new(self.code, self.mods)
    }

    /// The normalised key code.
    pub fn code(&self) -> KeyCode {
        self.code
    }

    /// The normalised modifiers (a subset of Ctrl, Alt, Shift).
    pub fn mods(&self) -> KeyModifiers {
        self.mods
    }

    /// The character this key types into a text field, if it is a printable key without Ctrl or
    /// Alt; key routing sends exactly these to a focused field.
    pub fn text_char(&self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if (self.mods - KeyModifiers::SHIFT).is_empty() => Some(c),
            _ => None,
        }
    }
}

/// The one-character uppercase of `c`, if it has one (`ß` has none: its uppercase is `SS`).
fn single_upper(c: char) -> Option<char> {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) if u != c && u.is_uppercase() => Some(u),
        _ => None,
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = self.mods;
        let name: String = match self.code {
            KeyCode::Char(' ') => "Space".into(),
            KeyCode::Char('<') => "lt".into(),
            KeyCode::Char('>') => "gt".into(),
            KeyCode::Char(c) => {
                if c.is_uppercase() {
                    shown.remove(KeyModifiers::SHIFT);
                }
                if shown.is_empty() {
                    return write!(f, "{c}");
                }
                c.to_string()
            }
            KeyCode::F(n) => format!("F{n}"),
            code => NAMES
                .iter()
                .find(|(c, _)| *c == code)
                .map_or("?", |(_, n)| n)
                .into(),
        };
        f.write_str("<")?;
        for (m, prefix) in [
            (KeyModifiers::CONTROL, "C-"),
            (KeyModifiers::ALT, "A-"),
            (KeyModifiers::SHIFT, "S-"),
        ] {
            if shown.contains(m) {
                f.write_str(prefix)?;
            }
        }
        write!(f, "{name}>")
    }
}

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
    use super::*;
    use proptest::prelude::*;
    use ratatui::crossterm::event::KeyEventState;

    fn k(code: KeyCode, mods: KeyModifiers) -> Key {
        Key::new(code, mods).unwrap()
    }

    #[test]
    fn an_alt_key_splits_into_esc_and_the_key_but_ctrl_never() {
        let parse = |s: &str| s.parse::<Key>().unwrap();
        let esc = parse("<Esc>");
        assert_eq!(parse("<A-q>").split_escape(), Some((esc, parse("q"))));
        assert_eq!(parse("<A-N>").split_escape(), Some((esc, parse("N"))));
        assert_eq!(
            parse("<A-Enter>").split_escape(),
            Some((esc, parse("<Enter>")))
        );
        assert_eq!(parse("<C-A-x>").split_escape(), None);
        assert_eq!(parse("q").split_escape(), None);
        assert_eq!(parse("<C-s>").split_escape(), None);
    }

    #[test]
    fn uppercase_letters_carry_shift_however_reported() {
        let n = k(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(k(KeyCode::Char('N'), KeyModifiers::NONE), n);
        assert_eq!(k(KeyCode::Char('n'), KeyModifiers::SHIFT), n);
        assert_eq!("N".parse::<Key>().unwrap(), n);
        assert_eq!("<S-n>".parse::<Key>().unwrap(), n);
        assert_eq!(n.to_string(), "N");
        assert_ne!(n, k(KeyCode::Char('n'), KeyModifiers::NONE));
        assert_eq!(
            "<C-S-n>".parse::<Key>().unwrap(),
            k(
                KeyCode::Char('N'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            )
        );
        assert_eq!("<C-S-n>".parse::<Key>().unwrap().to_string(), "<C-N>");
        assert_eq!("É".parse::<Key>().unwrap(), "<S-é>".parse::<Key>().unwrap());
    }

    #[test]
    fn shift_on_a_caseless_character_is_dropped() {
        assert_eq!(
            k(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Key::char('?').unwrap()
        );
        assert_eq!("<S-?>".parse::<Key>().unwrap().to_string(), "?");
        assert_eq!(k(KeyCode::Char('ß'), KeyModifiers::SHIFT).to_string(), "ß");
    }

    #[test]
    fn backtab_is_shift_tab() {
        let bt = k(KeyCode::BackTab, KeyModifiers::NONE);
        assert_eq!(bt, k(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(bt, k(KeyCode::Tab, KeyModifiers::SHIFT));
        assert_eq!("<S-Tab>".parse::<Key>().unwrap(), bt);
        assert_eq!(bt.to_string(), "<S-Tab>");
        assert_eq!(
            bt.to_event(),
            KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)
        );
        assert_eq!("<Tab>".parse::<Key>().unwrap().code(), KeyCode::Tab);
    }

    #[test]
    fn events_of_the_same_key_compare_equal_and_only_presses_count() {
        let mut a = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
        a.state = KeyEventState::NUM_LOCK;
        let b = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::SHIFT);
        assert_ne!(a, b);
        assert_eq!(Key::from_event(&a), Key::from_event(&b));
        let release = KeyEvent::new_with_kind(
            KeyCode::Char('n'),
            KeyModifiers::NONE,
            KeyEventKind::Release,
        );
        assert_eq!(Key::from_event(&release), None);
        let super_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::SUPER);
        assert_eq!(Key::from_event(&super_s), None);
        assert_eq!(
            Key::from_event(&KeyEvent::new(KeyCode::Insert, KeyModifiers::NONE)),
            None
        );
        assert_eq!(
            Key::from_event(&KeyEvent::new(KeyCode::F(13), KeyModifiers::NONE)),
            None
        );
    }

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

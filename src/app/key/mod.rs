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
//!
//! - this file — [`Key`]: the normalised key, how an event or a code becomes one, and its
//!   canonical spelling (`Display`).
//! - `parse` — reading the notation back: [`parse_keys`], `FromStr` and [`KeyParseError`].

mod parse;

pub use parse::{KeyParseError, parse_keys};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::fmt;

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
            KeyCode::Char(c)
                if c.is_control()
                    || crate::domain::text::is_bidi_control(c)
                    || (c.is_whitespace() && c != ' ') =>
            {
                return None;
            }
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    pub(super) fn k(code: KeyCode, mods: KeyModifiers) -> Key {
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
}

//! The multi-line field's text area (ratatui-textarea): how it is set up, which keys it takes,
//! and how a key reaches it. It only ever gets plain keys, so its own Emacs shortcuts (Ctrl-U,
//! Ctrl-R, ...) never fire.

use ratatui::crossterm::event::KeyCode;
use ratatui_textarea::{Input as TaInput, Key as TaKey, TextArea, WrapMode};

use crate::app::key::Key;

/// An empty text area as a multi-line field holds it: word-wrapped, its cursor line unstyled.
pub(super) fn new_area() -> TextArea<'static> {
    let mut area = TextArea::default();
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area
}

/// A text area holding `text` (one line per line), the cursor at its end.
pub(super) fn area_with(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.lines().map(str::to_string).collect());
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

/// Whether a multi-line field claims a key of this code besides the printable ones: Enter and
/// the keys that edit or move through the lines.
pub(super) fn claims(code: KeyCode) -> bool {
    matches!(
        code,
        KeyCode::Enter
            | KeyCode::Backspace
            | KeyCode::Delete
            | KeyCode::Left
            | KeyCode::Right
            | KeyCode::Up
            | KeyCode::Down
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::PageUp
            | KeyCode::PageDown
    )
}

/// Gives a claimed key to the text area; returns whether the text changed.
pub(super) fn input(area: &mut TextArea<'static>, key: Key) -> bool {
    let ta_key = match key.code() {
        KeyCode::Char(c) => TaKey::Char(c),
        KeyCode::Enter => TaKey::Enter,
        KeyCode::Backspace => TaKey::Backspace,
        KeyCode::Delete => TaKey::Delete,
        KeyCode::Left => TaKey::Left,
        KeyCode::Right => TaKey::Right,
        KeyCode::Up => TaKey::Up,
        KeyCode::Down => TaKey::Down,
        KeyCode::Home => TaKey::Home,
        KeyCode::End => TaKey::End,
        KeyCode::PageUp => TaKey::PageUp,
        KeyCode::PageDown => TaKey::PageDown,
        _ => return false,
    };
    // Never Ctrl or Alt: the text area's own shortcuts cannot fire.
    area.input(TaInput {
        key: ta_key,
        ctrl: false,
        alt: false,
        shift: false,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::app::form::testing::{form, keys, type_into};

    #[test]
    fn a_multi_line_field_takes_enter_and_arrows_but_never_ctrl() {
        let mut f = form();
        f.set_focus(3);
        for k in keys("<Enter><Up><Down><PgDn>") {
            assert!(f.claims(k), "{k}");
        }
        for k in keys("<C-u><C-k><C-s><Tab><Esc>") {
            assert!(!f.claims(k), "{k}");
        }
        type_into(&mut f, "regel<Space>een<Enter>regel<Space>twee");
        f.input(keys("<C-u>")[0]);
        assert_eq!(f.text(3), "regel een\nregel twee");
    }
}

//! One line of typed text with a cursor: the editing every single-line field (text, date,
//! instant, number) shares.

use ratatui::crossterm::event::KeyCode;

use crate::app::key::Key;

/// One line of typed text with a cursor (a character index).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineInput {
    value: String,
    cursor: usize,
}

impl LineInput {
    /// A line holding `value`, the cursor at its end.
    pub fn new(value: &str) -> LineInput {
        LineInput {
            value: value.to_string(),
            cursor: value.chars().count(),
        }
    }

    /// The text as typed.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The cursor's position in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    /// Inserts `text` at the cursor (the caller has made it one line).
    pub(super) fn insert_str(&mut self, text: &str) {
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, text);
        self.cursor += text.chars().count();
    }

    /// Applies an editing key; returns whether the text changed.
    pub(super) fn input(&mut self, key: Key) -> bool {
        let len = self.value.chars().count();
        match key.code() {
            KeyCode::Char(_) => {
                let Some(c) = key.text_char() else {
                    return false;
                };
                let at = self.byte_at(self.cursor);
                self.value.insert(at, c);
                self.cursor += 1;
                true
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.value.remove(at);
                self.cursor -= 1;
                true
            }
            KeyCode::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
                true
            }
            KeyCode::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            KeyCode::Right => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            KeyCode::Home => {
                self.cursor = 0;
                false
            }
            KeyCode::End => {
                self.cursor = len;
                false
            }
            _ => false,
        }
    }
}

//! Form state, shared by every screen that asks the user to type: the new verzoek, the datalek
//! form, and the checklist's prompts (answers, decisions, endings, letters). No drawing here (`ui::form` draws a [`Form`]), no domain rules:
//! a form holds what was typed, reads it back as text, a date, an instant or a choice, and keeps
//! one message per field saying why its value was refused.
//!
//! ```ignore
//! let mut form = Form::new(vec![
//!     Field::text("Naam verzoeker").required(),
//!     Field::date("Ontvangen op", Some(today)),
//!     Field::choice("Kanaal", vec!["e-mail".into(), "brief".into()], 0),
//!     Field::multi("Notities"),
//! ]);
//! // key routing: a key the focused field claims is text for it, the rest goes to the keymap
//! if form.claims(key) { form.input(key); }
//! form.clear_errors();
//! let name = form.required_text(0, lang);      // Some(..) or an error at field 0
//! let received = form.date(1, lang);           // Some(..) or an error at field 1
//! if !form.has_errors() { /* build the domain event and save */ }
//! ```
//!
//! Key routing (design.md): a field claims the printable keys (so `q`, `j`, `n`, `?` are text)
//! and its editing keys (Backspace, Delete, Left/Right, Home/End; a multi-line field also Enter,
//! Up/Down and PgUp/PgDn; a choice Left/Right and Space, a digit picking an option by its number
//! and, in a yes/no choice, `y` and `n`). Tab, Shift-Tab, Esc, Enter in a
//! single-line field and every Ctrl or Alt combination are never claimed, so they reach the app's
//! keymap first — and ratatui-textarea's own Emacs shortcuts (Ctrl-U, Ctrl-R, ...) never see a
//! key.
//!
//! - this file — the [`Form`]: its fields in order, the focus, key input, the fields' messages.
//! - `field` — one [`Field`] and the kinds of value it holds ([`Input`]), and their keys.
//! - `line` — a single line of text with a cursor ([`LineInput`]).
//! - `textarea` — the multi-line field's text area.
//! - `validate` — reading a field as a date, an instant or a number, refusing at the field.

mod field;
mod line;
mod textarea;
mod validate;

pub use field::{Field, Input, LINE_MAX, MULTI_MAX};
pub use line::LineInput;
pub use validate::read_date;

use super::key::Key;
use crate::i18n::form::FormMsg;

/// A form: fields in order, one with focus, and whether anything was typed since it opened.
#[derive(Clone, Debug)]
pub struct Form {
    fields: Vec<Field>,
    focus: usize,
    dirty: bool,
}

impl Form {
    /// A form of these fields, the first focused.
    pub fn new(fields: Vec<Field>) -> Form {
        Form {
            fields,
            focus: 0,
            dirty: false,
        }
    }

    /// The fields, in order.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// The focused field's index.
    pub fn focus(&self) -> usize {
        self.focus
    }

    /// The focused field.
    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// Moves the focus to field `i` (clamped).
    pub fn set_focus(&mut self, i: usize) {
        self.focus = i.min(self.fields.len().saturating_sub(1));
    }

    /// Moves the focus to the next field (Tab), wrapping.
    pub fn next(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + 1) % n;
    }

    /// Moves the focus to the previous field (Shift-Tab), wrapping.
    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// Moves the focused choice one option down or up, stopping at the ends (Up/Down in a
    /// prompt, whose options are listed under it).
    pub fn step_choice(&mut self, down: bool) {
        if let Some(Input::Several { options, at, .. }) =
            self.fields.get_mut(self.focus).map(|f| &mut f.input)
        {
            *at = if down {
                (*at + 1).min(options.len().saturating_sub(1))
            } else {
                at.saturating_sub(1)
            };
            return;
        }
        if let Some(Input::Choice { options, at, .. }) =
            self.fields.get_mut(self.focus).map(|f| &mut f.input)
        {
            *at = if *at >= options.len() {
                // None chosen yet: Down takes the first, Up the last.
                if down {
                    0
                } else {
                    options.len().saturating_sub(1)
                }
            } else if down {
                (*at + 1).min(options.len().saturating_sub(1))
            } else {
                at.saturating_sub(1)
            };
        }
    }

    /// Whether the user changed anything since the form opened (then `Esc` asks first).
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Whether the focused field takes `key` as input, before the keymap: see the module
    /// documentation for which keys a field claims.
    pub fn claims(&self, key: Key) -> bool {
        self.focused().is_some_and(|f| f.claims(key))
    }

    /// Gives a claimed key to the focused field. A changed value clears that field's error
    /// (the user is fixing it) and marks the form dirty.
    ///
    /// A character beyond the field's maximum is refused, never inserted: then this returns
    /// false, and the caller says so at the field ([`Form::say_too_long`]).
    pub fn input(&mut self, key: Key) -> bool {
        if !self.claims(key) {
            return true;
        }
        let Some(f) = self.fields.get_mut(self.focus) else {
            return true;
        };
        if key.text_char().is_some() && f.max_chars().is_some() && f.room() == 0 {
            return false;
        }
        if f.input_key(key) {
            f.error = None;
            self.dirty = true;
        }
        true
    }

    /// Inserts pasted text into the focused field in one go (a bracketed paste): literal text,
    /// whatever it contains; cut at the field's maximum with a message at the field. A field
    /// that holds no text (a choice) ignores it. Returns false when text was cut: the caller
    /// says so at the field ([`Form::say_too_long`]).
    pub fn paste(&mut self, text: &str) -> bool {
        let Some(f) = self.fields.get_mut(self.focus) else {
            return true;
        };
        if f.max_chars().is_none() {
            return true;
        }
        let (changed, cut) = f.insert_text(text);
        if changed {
            self.dirty = true;
            f.error = None;
        }
        !cut
    }

    /// Says at the focused field that it is full: its maximum, in characters.
    pub fn say_too_long(&mut self, lang: crate::i18n::Lang) {
        if let Some(f) = self.fields.get_mut(self.focus)
            && let Some(max) = f.max_chars()
        {
            f.error = Some(FormMsg::TooLong.fill(lang, &[("max", &max.to_string())]));
        }
    }

    /// Field `i`'s text, trimmed (empty for a field that does not exist).
    pub fn text(&self, i: usize) -> String {
        self.fields.get(i).map(Field::value).unwrap_or_default()
    }

    /// Field `i`'s chosen option (0 for a field that is no choice).
    pub fn choice(&self, i: usize) -> usize {
        match self.fields.get(i).map(|f| &f.input) {
            Some(Input::Choice { at, .. }) => *at,
            _ => 0,
        }
    }

    /// Field `i`'s chosen options, for a field of several choices.
    pub fn chosen(&self, i: usize) -> Vec<usize> {
        self.fields.get(i).map(Field::chosen).unwrap_or_default()
    }

    /// Sets the message of field `i` (why its value is refused).
    pub fn set_error(&mut self, i: usize, message: String) {
        if let Some(f) = self.fields.get_mut(i) {
            f.error = Some(message);
        }
    }

    /// Clears every field's message (before validating again).
    pub fn clear_errors(&mut self) {
        for f in &mut self.fields {
            f.error = None;
        }
    }

    /// Whether any field has a message.
    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// The first field with a message, to move the focus there.
    pub fn first_error(&self) -> Option<usize> {
        self.fields.iter().position(|f| f.error.is_some())
    }
}

/// What the form's unit tests share: keys in the notation, a form of each kind, typing into it.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod testing {
    use super::{Field, Form};
    use crate::app::key::{Key, parse_keys};

    pub(super) fn keys(text: &str) -> Vec<Key> {
        parse_keys(text).unwrap()
    }

    pub(super) fn form() -> Form {
        Form::new(vec![
            Field::text("naam").required(),
            Field::date("datum", None),
            Field::choice("soort", vec!["Inzage".into(), "Afschrift".into()], 0),
            Field::multi("notities"),
        ])
    }

    pub(super) fn type_into(form: &mut Form, text: &str) {
        for k in keys(text) {
            form.input(k);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::testing::{form, keys, type_into};

    #[test]
    fn letters_are_text_and_the_app_keys_are_not_claimed() {
        let mut f = form();
        for k in keys("qjn?/<Space><S-x>") {
            assert!(f.claims(k), "{k}");
        }
        for k in keys("<Tab><S-Tab><Esc><Enter><C-s><C-u><C-r><C-c><A-x><Up><Down>") {
            assert!(!f.claims(k), "{k}");
        }
        type_into(&mut f, "Jan qj<Left><Left><BS>");
        assert_eq!(f.text(0), "Jaqj");
        assert!(f.is_dirty());
    }

    #[test]
    fn tab_wraps_around() {
        let mut f = form();
        f.prev();
        assert_eq!(f.focus(), 3);
        f.next();
        assert_eq!(f.focus(), 0);
    }
}

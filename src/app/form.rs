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

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::KeyCode;
use ratatui_textarea::{Input as TaInput, Key as TaKey, TextArea, WrapMode};

use super::key::Key;
use crate::domain::instant::{InstantError, parse_date, parse_instant};
use crate::i18n::Lang;
use crate::i18n::form::FormMsg;

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

    /// Applies an editing key; returns whether the text changed.
    fn input(&mut self, key: Key) -> bool {
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

/// What a field holds and how it is edited.
#[derive(Clone, Debug)]
pub enum Input {
    /// One line of free text.
    Text(LineInput),
    /// A calendar date, typed `YYYY-MM-DD` or `D-M-YYYY` (the way Dutch forms write it).
    Date(LineInput),
    /// An instant, typed `YYYY-MM-DD HH:MM` in Amsterdam time (or anything `parse_instant` reads,
    /// with a space or a `T` between date and time).
    Instant(LineInput),
    /// A whole number (a count the checklist asks for).
    Number(LineInput),
    /// One of a few named options; Left/Right or Space cycle, a digit picks the option of that
    /// number (the prompts list them numbered), a letter jumps to the next option starting with
    /// it.
    Choice {
        /// The options' names in the user's language.
        options: Vec<String>,
        /// The chosen option.
        at: usize,
        /// Whether the options are yes and no (in that order): then `y` and `n` pick them in any
        /// language, as they answer a yes/no step on the checklist.
        yes_no: bool,
    },
    /// Several lines of text (ratatui-textarea), word-wrapped.
    Multi(Box<TextArea<'static>>),
}

/// One field: a label, what it holds, whether it must be filled, and why its value was refused.
#[derive(Clone, Debug)]
pub struct Field {
    label: String,
    required: bool,
    input: Input,
    error: Option<String>,
}

impl Field {
    fn with(label: &str, input: Input) -> Field {
        Field {
            label: label.to_string(),
            required: false,
            input,
            error: None,
        }
    }

    /// A single-line text field.
    pub fn text(label: &str) -> Field {
        Field::with(label, Input::Text(LineInput::default()))
    }

    /// A date field, filled with `default` if given (`YYYY-MM-DD`).
    pub fn date(label: &str, default: Option<NaiveDate>) -> Field {
        let value = default.map(|d| d.format("%Y-%m-%d").to_string());
        Field::with(
            label,
            Input::Date(LineInput::new(value.as_deref().unwrap_or(""))),
        )
    }

    /// An instant field (date and time in Amsterdam time), filled with `default` if given.
    pub fn instant(label: &str, default: Option<DateTime<Utc>>) -> Field {
        let value = default.map(|t| {
            t.with_timezone(&chrono_tz::Europe::Amsterdam)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        });
        Field::with(
            label,
            Input::Instant(LineInput::new(value.as_deref().unwrap_or(""))),
        )
    }

    /// A whole-number field.
    pub fn number(label: &str) -> Field {
        Field::with(label, Input::Number(LineInput::default()))
    }

    /// A choice among `options` (names in the user's language), `at` chosen first.
    pub fn choice(label: &str, options: Vec<String>, at: usize) -> Field {
        let at = at.min(options.len().saturating_sub(1));
        Field::with(
            label,
            Input::Choice {
                options,
                at,
                yes_no: false,
            },
        )
    }

    /// A choice of yes and no (their names in the user's language), yes chosen first when
    /// `yes`; `y` and `n` pick them whatever the language.
    pub fn yes_no(label: &str, yes: String, no: String, at_yes: bool) -> Field {
        Field::with(
            label,
            Input::Choice {
                options: vec![yes, no],
                at: usize::from(!at_yes),
                yes_no: true,
            },
        )
    }

    /// The field starting with `value` typed in (a single-line field; a prompt shows what was
    /// recorded before, or a reason the assessment suggests).
    pub fn filled(mut self, value: &str) -> Field {
        if let Input::Text(l) | Input::Date(l) | Input::Instant(l) | Input::Number(l) =
            &mut self.input
        {
            *l = LineInput::new(value);
        }
        self
    }

    /// A multi-line text field.
    pub fn multi(label: &str) -> Field {
        let mut area = TextArea::default();
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(ratatui::style::Style::default());
        Field::with(label, Input::Multi(Box::new(area)))
    }

    /// Marks the field as one that must be filled (its label shows `*`).
    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    /// The label, in the user's language.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Whether it must be filled.
    pub fn is_required(&self) -> bool {
        self.required
    }

    /// What it holds.
    pub fn input(&self) -> &Input {
        &self.input
    }

    /// Why its value was refused, if it was.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Whether it takes more than one line.
    pub fn is_multi_line(&self) -> bool {
        matches!(self.input, Input::Multi(_))
    }

    /// Whether the focused field takes `key` as input (before the keymap sees it).
    fn claims(&self, key: Key) -> bool {
        let ctrl_or_alt = !(key.mods() - ratatui::crossterm::event::KeyModifiers::SHIFT).is_empty();
        if ctrl_or_alt {
            return false;
        }
        match (&self.input, key.code()) {
            (_, KeyCode::Char(_)) => key.text_char().is_some(),
            (Input::Choice { .. }, code) => matches!(code, KeyCode::Left | KeyCode::Right),
            (Input::Multi(_), code) => matches!(
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
            ),
            (_, code) => matches!(
                code,
                KeyCode::Backspace
                    | KeyCode::Delete
                    | KeyCode::Left
                    | KeyCode::Right
                    | KeyCode::Home
                    | KeyCode::End
            ),
        }
    }

    /// Applies a claimed key; returns whether the value changed.
    fn input_key(&mut self, key: Key) -> bool {
        match &mut self.input {
            Input::Text(l) | Input::Date(l) | Input::Instant(l) | Input::Number(l) => l.input(key),
            Input::Choice {
                options,
                at,
                yes_no,
            } => {
                let n = options.len().max(1);
                let before = *at;
                let digit = key
                    .text_char()
                    .and_then(|c| c.to_digit(10))
                    .and_then(|d| usize::try_from(d).ok())
                    .filter(|d| (1..=options.len()).contains(d));
                match key.code() {
                    KeyCode::Left => *at = (*at + n - 1) % n,
                    KeyCode::Right | KeyCode::Char(' ') => *at = (*at + 1) % n,
                    KeyCode::Char(_) if let Some(d) = digit => *at = d - 1,
                    KeyCode::Char(c @ ('y' | 'n')) if *yes_no => *at = usize::from(c == 'n'),
                    KeyCode::Char(c) => {
                        // The next option (after the current one) whose name starts with `c`.
                        let c = c.to_lowercase().to_string();
                        if let Some(i) = (1..=n).map(|d| (*at + d) % n).find(|&i| {
                            options
                                .get(i)
                                .is_some_and(|o| o.to_lowercase().starts_with(&c))
                        }) {
                            *at = i;
                        }
                    }
                    _ => {}
                }
                *at != before
            }
            Input::Multi(area) => {
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
        }
    }

    /// The text as typed, trimmed at both ends (a multi-line field's lines joined by `\n`); a
    /// choice gives its option's name.
    pub fn value(&self) -> String {
        match &self.input {
            Input::Text(l) | Input::Date(l) | Input::Instant(l) | Input::Number(l) => {
                l.value().trim().to_string()
            }
            Input::Choice { options, at, .. } => options.get(*at).cloned().unwrap_or_default(),
            Input::Multi(area) => area.lines().join("\n").trim().to_string(),
        }
    }
}

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
        if let Some(Input::Choice { options, at, .. }) =
            self.fields.get_mut(self.focus).map(|f| &mut f.input)
        {
            *at = if down {
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
    pub fn input(&mut self, key: Key) {
        if !self.claims(key) {
            return;
        }
        if let Some(f) = self.fields.get_mut(self.focus)
            && f.input_key(key)
        {
            f.error = None;
            self.dirty = true;
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

    /// Field `i`'s text, or `None` with "verplicht" at the field when it is required and empty.
    pub fn required_text(&mut self, i: usize, lang: Lang) -> Option<String> {
        let value = self.text(i);
        let required = self.fields.get(i).is_some_and(|f| f.required);
        if value.is_empty() && required {
            self.set_error(i, FormMsg::Required.text(lang).to_string());
            return None;
        }
        Some(value)
    }

    /// Field `i` read as a date; `None` with the reason at the field when it is not one (or is
    /// required and empty). An empty optional field is `Some(None)`.
    pub fn date(&mut self, i: usize, lang: Lang) -> Option<Option<NaiveDate>> {
        let value = self.required_text(i, lang)?;
        if value.is_empty() {
            return Some(None);
        }
        match read_date(&value) {
            Ok(d) => Some(Some(d)),
            Err(e) => {
                self.set_error(i, date_error(e, lang));
                None
            }
        }
    }

    /// Field `i` read as a whole number; `None` with the reason at the field when it is not one.
    /// An empty optional field is `Some(None)`.
    pub fn number(&mut self, i: usize, lang: Lang) -> Option<Option<u64>> {
        let value = self.required_text(i, lang)?;
        if value.is_empty() {
            return Some(None);
        }
        match value.parse() {
            Ok(n) => Some(Some(n)),
            Err(_) => {
                self.set_error(i, FormMsg::NumberForm.text(lang).to_string());
                None
            }
        }
    }

    /// Whether field `i` reads as what it holds (a date, an instant, a number; text and choices
    /// always do), leaving the reason at the field when it does not.
    pub fn check(&mut self, i: usize, lang: Lang) -> bool {
        match self.fields.get(i).map(|f| &f.input) {
            Some(Input::Date(_)) => self.date(i, lang).is_some(),
            Some(Input::Instant(_)) => self.instant(i, lang).is_some(),
            Some(Input::Number(_)) => self.number(i, lang).is_some(),
            _ => self.required_text(i, lang).is_some(),
        }
    }

    /// Field `i` read as an instant (Amsterdam time unless an offset is written); `None` with
    /// the reason at the field when it is not one. An empty optional field is `Some(None)`.
    pub fn instant(&mut self, i: usize, lang: Lang) -> Option<Option<DateTime<Utc>>> {
        let value = self.required_text(i, lang)?;
        if value.is_empty() {
            return Some(None);
        }
        let typed = value.replacen(' ', "T", 1);
        match parse_instant(&typed) {
            Ok(t) => Some(Some(t)),
            Err(e) => {
                let msg = match e {
                    InstantError::ImpossibleDate => FormMsg::DateImpossible,
                    InstantError::ImpossibleTime | InstantError::ImpossibleOffset => {
                        FormMsg::TimeImpossible
                    }
                    InstantError::NonexistentInAmsterdam => FormMsg::TimeSkipped,
                    InstantError::Malformed | InstantError::MissingTime => FormMsg::InstantForm,
                };
                self.set_error(i, msg.text(lang).to_string());
                None
            }
        }
    }
}

/// A typed date: `YYYY-MM-DD`, or `D-M-YYYY` / `DD-MM-YYYY` (also with `/` or `.`), the way
/// Dutch forms write dates.
pub fn read_date(text: &str) -> Result<NaiveDate, InstantError> {
    let text = text.trim();
    match parse_date(text) {
        Err(InstantError::Malformed) => {}
        iso => return iso,
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return Err(InstantError::Malformed);
    };
    let number = |s: &str, max_len: usize| -> Option<u32> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (Some(d), Some(m), Some(y)) = (number(d, 2), number(m, 2), number(y, 4)) else {
        return Err(InstantError::Malformed);
    };
    if y < 1000 {
        return Err(InstantError::Malformed);
    }
    let y = i32::try_from(y).map_err(|_| InstantError::Malformed)?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or(InstantError::ImpossibleDate)
}

fn date_error(e: InstantError, lang: Lang) -> String {
    match e {
        InstantError::ImpossibleDate => FormMsg::DateImpossible,
        _ => FormMsg::DateForm,
    }
    .text(lang)
    .to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::app::key::parse_keys;

    fn keys(text: &str) -> Vec<Key> {
        parse_keys(text).unwrap()
    }

    fn form() -> Form {
        Form::new(vec![
            Field::text("naam").required(),
            Field::date("datum", None),
            Field::choice("soort", vec!["Inzage".into(), "Afschrift".into()], 0),
            Field::multi("notities"),
        ])
    }

    fn type_into(form: &mut Form, text: &str) {
        for k in keys(text) {
            form.input(k);
        }
    }

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

    #[test]
    fn a_choice_cycles_and_jumps_by_letter() {
        let mut f = form();
        f.set_focus(2);
        type_into(&mut f, "<Right>");
        assert_eq!(f.choice(2), 1);
        type_into(&mut f, "<Space>");
        assert_eq!(f.choice(2), 0);
        type_into(&mut f, "<Left>");
        assert_eq!(f.choice(2), 1);
        type_into(&mut f, "i");
        assert_eq!(f.text(2), "Inzage");
        assert!(!f.claims(keys("<Up>")[0]));
    }

    #[test]
    fn a_digit_picks_an_option_and_y_n_pick_yes_and_no() {
        let mut f = Form::new(vec![
            Field::choice("soort", vec!["a".into(), "b".into(), "c".into()], 0),
            Field::yes_no("klopt het", "ja".into(), "nee".into(), true),
        ]);
        type_into(&mut f, "3");
        assert_eq!(f.choice(0), 2);
        type_into(&mut f, "9");
        assert_eq!(f.choice(0), 2);
        f.step_choice(true);
        assert_eq!(f.choice(0), 2, "Up/Down stop at the ends");
        f.step_choice(false);
        assert_eq!(f.choice(0), 1);
        f.next();
        type_into(&mut f, "n");
        assert_eq!(f.text(1), "nee");
        type_into(&mut f, "y");
        assert_eq!(f.text(1), "ja");
    }

    #[test]
    fn a_number_field_reads_a_whole_number() {
        let mut f = Form::new(vec![Field::number("aantal").filled("4x").required()]);
        assert!(!f.check(0, Lang::Nl));
        assert!(f.fields()[0].error().unwrap().contains("heel getal"));
        type_into(&mut f, "<BS>0");
        assert!(f.check(0, Lang::Nl));
        assert_eq!(f.number(0, Lang::Nl), Some(Some(40)));
    }

    #[test]
    fn dates_read_both_ways_and_errors_land_at_the_field() {
        assert_eq!(read_date("2026-11-23"), Ok("2026-11-23".parse().unwrap()));
        assert_eq!(read_date("23-11-2026"), Ok("2026-11-23".parse().unwrap()));
        assert_eq!(read_date("3/2/2027"), Ok("2027-02-03".parse().unwrap()));
        assert_eq!(read_date("30-02-2027"), Err(InstantError::ImpossibleDate));
        assert_eq!(read_date("23-11-26"), Err(InstantError::Malformed));
        assert_eq!(read_date("morgen"), Err(InstantError::Malformed));
        let mut f = form();
        f.set_focus(1);
        type_into(&mut f, "2026-13-01");
        assert_eq!(f.date(1, Lang::Nl), None);
        assert_eq!(f.fields()[1].error(), Some("deze datum bestaat niet"));
        // Typing again clears the message.
        type_into(&mut f, "<BS>");
        assert_eq!(f.fields()[1].error(), None);
        // Required and empty.
        assert_eq!(f.required_text(0, Lang::En), None);
        assert_eq!(f.fields()[0].error(), Some("required: fill this in"));
        assert_eq!(f.first_error(), Some(0));
        f.clear_errors();
        assert!(!f.has_errors());
    }

    #[test]
    fn instants_read_in_amsterdam_time() {
        let mut f = Form::new(vec![Field::instant("bekend sinds", None)]);
        type_into(&mut f, "2027-03-26<Space>16:00");
        let t = f.instant(0, Lang::Nl).unwrap().unwrap();
        assert_eq!(t.to_rfc3339(), "2027-03-26T15:00:00+00:00");
        let mut f = Form::new(vec![Field::instant("x", None)]);
        type_into(&mut f, "2027-03-28<Space>02:30");
        assert_eq!(f.instant(0, Lang::Nl), None);
        assert!(f.fields()[0].error().unwrap().contains("zomertijd"));
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

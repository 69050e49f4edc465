//! One field of a form and the kinds of value it holds: free text, a date, an instant, a
//! number, a choice, several lines. A field knows which keys it claims and how each kind is
//! edited; reading its value as a date or a number is the form's (`validate`).

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::KeyCode;
use ratatui_textarea::TextArea;

use super::{LineInput, textarea};
use crate::app::key::Key;

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
    /// One or more of a few named options (issue 18: a breach read and copied): a digit or
    /// Space turns the option of that number (or under the cursor) on or off; Left/Right and
    /// Up/Down move the cursor.
    Several {
        /// The options' names in the user's language.
        options: Vec<String>,
        /// Which are chosen, one flag per option.
        chosen: Vec<bool>,
        /// The option under the cursor.
        at: usize,
    },
}

/// The most characters a single-line field holds: a name, an address, a reason.
pub const LINE_MAX: usize = 500;
/// The most characters a multi-line field holds (some four pages of notes): each key the text
/// area takes costs time in the length of its text, so a bound keeps typing fast, and a pasted
/// document is cut with a message rather than stalling the workbench.
pub const MULTI_MAX: usize = 10_000;

/// One field: a label, what it holds, whether it must be filled, and why its value was refused.
#[derive(Clone, Debug)]
pub struct Field {
    label: String,
    pub(super) required: bool,
    pub(super) input: Input,
    pub(super) error: Option<String>,
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

    /// A choice with no option chosen yet (issue 18: an accidental Enter must not record the
    /// first option — the risk of a breach, a child's consent): the handler picks one.
    pub fn choice_unset(label: &str, options: Vec<String>) -> Field {
        let at = options.len();
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

    /// A field of several choices, `chosen` on (an index out of range is ignored).
    pub fn several(label: &str, options: Vec<String>, chosen: &[usize]) -> Field {
        let flags = (0..options.len()).map(|i| chosen.contains(&i)).collect();
        Field::with(
            label,
            Input::Several {
                options,
                chosen: flags,
                at: 0,
            },
        )
    }

    /// A multi-line text field.
    pub fn multi(label: &str) -> Field {
        Field::with(label, Input::Multi(Box::new(textarea::new_area())))
    }

    /// A multi-line text field holding `value` (a correction starts from what is recorded).
    pub fn multi_filled(label: &str, value: &str) -> Field {
        Field::with(label, Input::Multi(Box::new(textarea::area_with(value))))
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
    pub(super) fn claims(&self, key: Key) -> bool {
        let ctrl_or_alt = !(key.mods() - ratatui::crossterm::event::KeyModifiers::SHIFT).is_empty();
        if ctrl_or_alt {
            return false;
        }
        match (&self.input, key.code()) {
            (_, KeyCode::Char(_)) => key.text_char().is_some(),
            (Input::Choice { .. } | Input::Several { .. }, code) => {
                matches!(code, KeyCode::Left | KeyCode::Right)
            }
            (Input::Multi(_), code) => textarea::claims(code),
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

    /// The most characters it holds, for a field that holds text.
    pub fn max_chars(&self) -> Option<usize> {
        match self.input {
            Input::Choice { .. } | Input::Several { .. } => None,
            Input::Multi(_) => Some(MULTI_MAX),
            _ => Some(LINE_MAX),
        }
    }

    /// How many more characters fit (none for a choice); a line break counts as one.
    pub(super) fn room(&self) -> usize {
        let used = match &self.input {
            Input::Multi(area) => {
                let lines = area.lines();
                lines.iter().map(|l| l.chars().count()).sum::<usize>()
                    + lines.len().saturating_sub(1)
            }
            Input::Text(l) | Input::Date(l) | Input::Instant(l) | Input::Number(l) => {
                l.value().chars().count()
            }
            Input::Choice { .. } | Input::Several { .. } => return 0,
        };
        self.max_chars().unwrap_or(0).saturating_sub(used)
    }

    /// Inserts typed or pasted text at the cursor, as literal characters: control characters
    /// are dropped, a single-line field takes line breaks and tabs as spaces, and what does not
    /// fit is cut. Returns (whether the value changed, whether text was cut).
    pub(super) fn insert_text(&mut self, text: &str) -> (bool, bool) {
        let multi = self.is_multi_line();
        // Terminals paste a line break as CR (tmux, xterm) or CRLF: both are one line break.
        let clean: String = text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter_map(|c| match c {
                '\n' if multi => Some('\n'),
                '\n' | '\t' => Some(' '),
                c if c.is_control() || crate::domain::text::is_bidi_control(c) => None,
                c => Some(c),
            })
            .collect();
        let room = self.room();
        let cut = clean.chars().count() > room;
        let fitting: String = clean.chars().take(room).collect();
        if fitting.is_empty() {
            return (false, cut);
        }
        let changed = match &mut self.input {
            Input::Multi(area) => area.insert_str(&fitting),
            Input::Text(l) | Input::Date(l) | Input::Instant(l) | Input::Number(l) => {
                l.insert_str(&fitting);
                true
            }
            Input::Choice { .. } | Input::Several { .. } => false,
        };
        (changed, cut)
    }

    /// The keys a focused choice takes itself, before the keymap, as hints write them:
    /// `<Left>/<Right>/<Space>` (besides a digit and an option's first letter). The footer and
    /// the field's messages name them from here, next to the code that handles them.
    pub fn choice_keys() -> String {
        [KeyCode::Left, KeyCode::Right, KeyCode::Char(' ')]
            .into_iter()
            .filter_map(|c| Key::new(c, ratatui::crossterm::event::KeyModifiers::NONE))
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The digits that pick a choice's options, as a hint writes them: `1-4` for four options.
    pub fn choice_digits(&self) -> Option<String> {
        match &self.input {
            Input::Choice { options, .. } if !options.is_empty() => {
                Some(format!("1-{}", options.len().min(9)))
            }
            _ => None,
        }
    }

    /// Applies a claimed key; returns whether the value changed.
    pub(super) fn input_key(&mut self, key: Key) -> bool {
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
                let unset = *at >= options.len();
                match key.code() {
                    KeyCode::Left if unset => *at = n - 1,
                    KeyCode::Right | KeyCode::Char(' ') if unset => *at = 0,
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
            Input::Multi(area) => textarea::input(area, key),
            Input::Several {
                options,
                chosen,
                at,
            } => {
                let n = options.len().max(1);
                let digit = key
                    .text_char()
                    .and_then(|c| c.to_digit(10))
                    .and_then(|d| usize::try_from(d).ok())
                    .filter(|d| (1..=options.len()).contains(d));
                match key.code() {
                    KeyCode::Left => *at = (*at + n - 1) % n,
                    KeyCode::Right => *at = (*at + 1) % n,
                    KeyCode::Char(' ') => {
                        if let Some(c) = chosen.get_mut(*at) {
                            *c = !*c;
                            return true;
                        }
                    }
                    KeyCode::Char(_) if let Some(d) = digit => {
                        *at = d - 1;
                        if let Some(c) = chosen.get_mut(d - 1) {
                            *c = !*c;
                            return true;
                        }
                    }
                    _ => {}
                }
                false
            }
        }
    }

    /// The options chosen in a field of several choices (none for another field).
    pub fn chosen(&self) -> Vec<usize> {
        match &self.input {
            Input::Several { chosen, .. } => (0..chosen.len()).filter(|i| chosen[*i]).collect(),
            _ => Vec::new(),
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
            Input::Several {
                options, chosen, ..
            } => options
                .iter()
                .zip(chosen)
                .filter(|(_, c)| **c)
                .map(|(o, _)| o.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            Input::Multi(area) => area.lines().join("\n").trim().to_string(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::Field;
    use crate::app::form::Form;
    use crate::app::form::testing::{form, keys, type_into};

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
}

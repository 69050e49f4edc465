//! From a key to a change of state: which actions each mode accepts, the key routing (a focused
//! form field first, then the keymap, then the search box's text), and [`App::update`], the one
//! place an action changes the state.

use super::screen::View;
use super::{Action, App, CHROME_ROWS, Key, Mode, form};
use crate::clock::Clock;
use crate::domain::deadline::amsterdam_date;
use crate::i18n::ui::UiMsg;

impl App {
    /// Whether an action does something in a mode; `update` ignores the others. Read from the
    /// keymap: an action does something where a key is bound to it, so the help, the footer and
    /// what the app does cannot disagree. Actions that carry a value come from no table row.
    pub fn accepts(&self, mode: Mode, action: Action) -> bool {
        match action {
            Action::Tick | Action::SetNow(_) | Action::Resize(..) => true,
            Action::FieldInput(_) => matches!(mode, Mode::Form | Mode::Prompt),
            Action::SearchChar(_) => mode == Mode::Search,
            _ => self.keymap.binds(mode, action),
        }
    }

    /// The action a key asks for where the user's attention is: in the search box printable
    /// keys are text, the table decides for the rest.
    pub fn action_for(&self, key: Key) -> Option<Action> {
        let mode = self.mode();
        // A focused form field takes the keys it claims (letters, its editing keys) first.
        let form = match mode {
            Mode::Form => self.request_form(),
            Mode::Prompt => self.prompt().map(|p| &p.form),
            _ => None,
        };
        if form.is_some_and(|f| f.claims(key)) {
            return Some(Action::FieldInput(key));
        }
        if let Some(action) = self.keymap.action(mode, key) {
            return Some(action);
        }
        match (mode, key.text_char()) {
            (Mode::Search, Some(c)) => Some(Action::SearchChar(c)),
            _ => None,
        }
    }

    /// Handles one key press: resolves it and applies the action. Unbound keys do nothing.
    pub fn handle_key(&mut self, key: Key) {
        if let Some(action) = self.action_for(key) {
            self.update(action);
        } else if let Some((esc, next)) = key.split_escape() {
            // No binding uses Alt: an unbound Alt-key is Esc and a key typed quickly after it.
            self.handle_key(esc);
            self.handle_key(next);
        }
    }

    /// Takes a bracketed paste as one insertion where the user's attention is: the focused
    /// field of a form or a prompt (literal text, cut at the field's maximum with a message),
    /// or the search box. Elsewhere a paste does nothing — its characters are never keys.
    pub fn handle_paste(&mut self, text: &str) {
        self.read_clock();
        let lang = self.lang;
        match self.mode() {
            Mode::Form => self.with_form(|f| {
                if !f.paste(text) {
                    f.say_too_long(lang);
                }
            }),
            Mode::Prompt => self.prompt_paste(text),
            Mode::Search => {
                let clean = text
                    .chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .filter(|c| !c.is_control() && !crate::domain::text::is_bidi_control(*c));
                self.list.search.extend(clean.take(form::LINE_MAX));
                self.refilter();
            }
            _ => {}
        }
    }

    /// Reads the clock; a new day in Amsterdam re-sorts the list at once (its deadlines' levels
    /// are counted in days), a countdown in hours waits for the driver's next tick.
    pub(super) fn read_clock(&mut self) {
        let now = self.clock.now();
        let new_day = amsterdam_date(now) != amsterdam_date(self.now);
        self.now = now;
        if new_day {
            self.resort();
        }
    }

    /// Applies an action. Never panics; a failed save leaves the state as it was and says why
    /// on the status line.
    pub fn update(&mut self, action: Action) {
        // The clock is read at the moment of each action, so a change's `at` is the instant it
        // is saved and "today" and the 72-hour countdown move while someone works.
        self.read_clock();
        let mode = self.mode();
        if !self.accepts(mode, action) {
            return;
        }
        if !matches!(action, Action::Tick | Action::Resize(..)) {
            self.message = None;
        }
        // What every screen does alike; then the screen with the user's attention.
        match action {
            Action::Tick => return self.resort(),
            Action::SetNow(t) => return self.set_now(t),
            Action::Resize(_, h) => return self.resize(h),
            Action::Help => return self.screens.push(View::Help(0)),
            Action::Quit if mode != Mode::Form => return self.quit = true,
            _ => {}
        }
        match mode {
            Mode::List | Mode::Search => self.update_list(action),
            Mode::Detail => self.update_detail(action),
            Mode::Help => self.update_help(action),
            Mode::ApForm => self.update_ap_form(action),
            Mode::Breaches => self.update_breaches(action),
            Mode::Overview => self.update_overview(action),
            Mode::Why => self.update_why(action),
            Mode::Checklist => self.update_checklist(action),
            Mode::Prompt => self.update_prompt(action),
            Mode::Form => self.update_form(action),
            Mode::Confirm => self.update_confirm(action),
        }
    }

    /// The clock set by a script: only on a demo register.
    fn set_now(&mut self, t: chrono::DateTime<chrono::Utc>) {
        if self.store.is_demo() {
            self.clock = Clock::Fixed(t);
            self.now = t;
            // The urgency order follows the clock.
            self.resort();
        } else {
            self.say(UiMsg::ClockNotOnReal.text(self.lang).to_string(), true);
        }
    }

    /// A new terminal size: the rows a page holds.
    fn resize(&mut self, height: u16) {
        self.list.page = usize::from(height.saturating_sub(CHROME_ROWS)).max(1);
        self.select(self.list.selected);
    }
}

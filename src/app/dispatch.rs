//! From a key to a change of state: which actions each mode accepts, the key routing (a focused
//! form field first, then the keymap, then the search box's text), and [`App::update`], the one
//! place an action changes the state.

use super::screen::View;
use super::{Action, App, CHROME_ROWS, Confirm, Key, Mode, Screen, form};
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
    fn read_clock(&mut self) {
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
        use Action as A;
        match action {
            A::Up | A::Down if mode == Mode::Help => self.scroll_help(action == A::Down),
            A::Up | A::Down if mode == Mode::Detail => self.step_detail(action == A::Down),
            A::Up | A::Down if mode == Mode::Breaches => self.select_breach(action == A::Down),
            A::Up | A::Down if mode == Mode::ApForm => {
                self.scroll_ap_form(if action == A::Down { 1 } else { -1 });
            }
            A::PageUp | A::PageDown if mode == Mode::ApForm => {
                let page = isize::try_from(self.list.page).unwrap_or(1);
                self.scroll_ap_form(if action == A::PageDown { page } else { -page });
            }
            A::PageUp | A::PageDown | A::Top | A::Bottom | A::LineUp | A::LineDown
                if mode == Mode::Detail =>
            {
                self.scroll_detail(action)
            }
            A::Quit if mode == Mode::Form && self.form_is_dirty() => {
                self.set_confirm(Some(Confirm::DiscardAndQuit))
            }
            A::Back if mode == Mode::Form => self.cancel_request(),
            A::NewRequest => self.open_request_form(),
            A::NextField => self.with_form(form::Form::next),
            A::PrevField => self.with_form(form::Form::prev),
            A::FieldInput(key) if mode == Mode::Prompt => self.prompt_input(key),
            A::FieldInput(key) => {
                let lang = self.lang;
                self.with_form(|f| {
                    if !f.input(key) {
                        f.say_too_long(lang);
                    }
                });
            }
            A::Save if self.screen() == Screen::NewBreach => self.save_breach(),
            A::Save => self.save_request(),
            A::NewBreach => self.open_breach_form(),
            A::Yes => self.answer_yes(),
            A::No => self.set_confirm(None),
            A::Up | A::Down if mode == Mode::Checklist => self.checklist_move(action == A::Down),
            A::Up | A::Down if mode == Mode::Prompt => self.prompt_move(action == A::Down),
            A::Back if mode == Mode::Checklist => {
                self.close_checklist();
                // The detail below shows what the checklist changed: read it again.
                if let Screen::Detail(id) = self.screen() {
                    self.load_case_view(id);
                }
            }
            A::Up => self.select(self.list.selected.saturating_sub(1)),
            A::Down => self.select(self.list.selected.saturating_add(1)),
            A::PageUp => self.select(self.list.selected.saturating_sub(self.list.page)),
            A::PageDown => self.select(self.list.selected.saturating_add(self.list.page)),
            A::Top => self.select(0),
            A::Bottom => self.select(usize::MAX),
            A::Open => self.open(),
            A::Back => self.back(),
            A::Quit => self.quit = true,
            A::ApForm => self.open_ap_form(self.ap_form_target()),
            A::Breaches => self.open_breaches(),
            A::Help => self.screens.push(View::Help(0)),
            // `/` again starts a new search.
            A::SearchStart => {
                self.list.searching = true;
                if !self.list.search.is_empty() {
                    self.list.search.clear();
                    self.refilter();
                }
            }
            A::SearchDone => self.list.searching = false,
            A::SearchCancel => {
                self.list.searching = false;
                self.list.search.clear();
                self.refilter();
            }
            A::SearchBackspace => {
                self.list.search.pop();
                self.refilter();
            }
            A::SearchChar(c) => {
                self.list.search.push(c);
                self.refilter();
            }
            A::NextKind | A::PrevKind => self.step_kind_filter(action == A::NextKind),
            A::OnlyBreaches => self.toggle_breach_filter(),
            A::NextStatus | A::PrevStatus => self.step_status_filter(action == A::NextStatus),
            // The clock was read above; the urgency order follows the countdowns.
            A::Tick => self.resort(),
            A::SetNow(t) => {
                if self.store.is_demo() {
                    self.clock = Clock::Fixed(t);
                    self.now = t;
                    self.resort();
                } else {
                    self.say(UiMsg::ClockNotOnReal.text(self.lang).to_string(), true);
                }
            }
            A::Resize(_, h) => {
                self.list.page = usize::from(h.saturating_sub(CHROME_ROWS)).max(1);
                self.select(self.list.selected);
            }
            A::Checklist => self.open_checklist(),
            A::AnswerYes => self.answer_yes_no(true),
            A::AnswerNo => self.answer_yes_no(false),
            A::Answer => self.answer_prompt(),
            A::Task(task) => self.start_task(task),
            A::PromptNext => self.prompt_next(),
            A::PromptPrev => self.prompt_prev(),
            A::PromptCancel => self.prompt_cancel(),
            // Only the detail scrolls by line (`accepts` keeps them there).
            A::LineUp | A::LineDown => {}
        }
    }
}

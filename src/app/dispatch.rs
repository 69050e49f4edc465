//! From a key to a change of state: which actions each mode accepts, the key routing (a focused
//! form field first, then the keymap, then the search box's text), and [`App::update`], the one
//! place an action changes the state.

use super::{Action, App, CHROME_ROWS, Confirm, Key, Mode, Screen, Task, form};
use crate::clock::Clock;
use crate::domain::deadline::amsterdam_date;
use crate::i18n::ui::UiMsg;

impl App {
    /// Whether an action does something in a mode; `update` ignores the others. The keymap
    /// test checks that every accepted action has a key there.
    pub fn accepts(mode: Mode, action: Action) -> bool {
        use Action as A;
        match action {
            A::Tick | A::SetNow(_) | A::Resize(..) => true,
            A::Quit => mode != Mode::Confirm,
            A::Up | A::Down => !matches!(mode, Mode::Form | Mode::Confirm),
            A::PageUp | A::PageDown => matches!(
                mode,
                Mode::List | Mode::Search | Mode::Detail | Mode::ApForm
            ),
            A::Top | A::Bottom => matches!(mode, Mode::List | Mode::Detail),
            A::LineUp | A::LineDown => mode == Mode::Detail,
            A::Open | A::SearchStart | A::NewRequest | A::NewBreach => mode == Mode::List,
            A::NextKind | A::PrevKind | A::OnlyBreaches => mode == Mode::List,
            A::NextStatus | A::PrevStatus => mode == Mode::List,
            A::Help => matches!(
                mode,
                Mode::List
                    | Mode::Detail
                    | Mode::Checklist
                    | Mode::Form
                    | Mode::ApForm
                    | Mode::Breaches
            ),
            A::Back => matches!(
                mode,
                Mode::List
                    | Mode::Detail
                    | Mode::Help
                    | Mode::Checklist
                    | Mode::Form
                    | Mode::ApForm
                    | Mode::Breaches
            ),
            A::NextField | A::PrevField | A::Save => mode == Mode::Form,
            A::FieldInput(_) => matches!(mode, Mode::Form | Mode::Prompt),
            A::Yes | A::No => mode == Mode::Confirm,
            A::ApForm => matches!(mode, Mode::Detail | Mode::Breaches | Mode::Checklist),
            A::Breaches => mode == Mode::List,
            A::SearchDone | A::SearchCancel | A::SearchBackspace | A::SearchChar(_) => {
                mode == Mode::Search
            }
            A::Checklist => matches!(mode, Mode::List | Mode::Detail),
            A::Task(Task::Letter | Task::Correct | Task::Note) => {
                matches!(mode, Mode::Checklist | Mode::Detail)
            }
            A::AnswerYes | A::AnswerNo | A::Answer | A::Task(_) => mode == Mode::Checklist,
            A::PromptNext | A::PromptPrev | A::PromptCancel => mode == Mode::Prompt,
        }
    }

    /// The action a key asks for where the user's attention is: in the search box printable
    /// keys are text, the table decides for the rest.
    pub fn action_for(&self, key: Key) -> Option<Action> {
        let mode = self.mode();
        // A focused form field takes the keys it claims (letters, its editing keys) first.
        let form = match mode {
            Mode::Form => self.request_form.as_ref(),
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
                self.search.extend(clean.take(form::LINE_MAX));
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
        if !Self::accepts(mode, action) {
            return;
        }
        if !matches!(action, Action::Tick | Action::Resize(..)) {
            self.message = None;
        }
        use Action as A;
        match action {
            A::Up if mode == Mode::Help => self.help_scroll = self.help_scroll.saturating_sub(1),
            A::Down if mode == Mode::Help => {
                // The help's lines: a heading and the keys per mode, a blank line between.
                let lines: usize = self.help_sections().iter().map(|(_, k)| k.len() + 2).sum();
                let last = u16::try_from(lines.saturating_sub(self.page)).unwrap_or(u16::MAX);
                self.help_scroll = self.help_scroll.saturating_add(1).min(last);
            }
            A::Up | A::Down if mode == Mode::Detail => self.step_detail(action == A::Down),
            A::Up | A::Down if mode == Mode::Breaches => self.select_breach(action == A::Down),
            A::Up | A::Down if mode == Mode::ApForm => {
                self.scroll_ap_form(if action == A::Down { 1 } else { -1 });
            }
            A::PageUp | A::PageDown if mode == Mode::ApForm => {
                let page = isize::try_from(self.page).unwrap_or(1);
                self.scroll_ap_form(if action == A::PageDown { page } else { -page });
            }
            A::PageUp | A::PageDown | A::Top | A::Bottom | A::LineUp | A::LineDown
                if mode == Mode::Detail =>
            {
                self.scroll_detail(action)
            }
            A::Quit if mode == Mode::Form && self.form_is_dirty() => {
                self.confirm = Some(Confirm::DiscardAndQuit)
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
            A::No => self.confirm = None,
            A::Up | A::Down if mode == Mode::Checklist => self.checklist_move(action == A::Down),
            A::Up | A::Down if mode == Mode::Prompt => self.prompt_move(action == A::Down),
            A::Back if mode == Mode::Checklist => {
                self.close_checklist();
                // The detail below shows what the checklist changed: read it again.
                if let Screen::Detail(id) = self.screen() {
                    self.load_case_view(id);
                }
            }
            A::Up => self.select(self.selected.saturating_sub(1)),
            A::Down => self.select(self.selected.saturating_add(1)),
            A::PageUp => self.select(self.selected.saturating_sub(self.page)),
            A::PageDown => self.select(self.selected.saturating_add(self.page)),
            A::Top => self.select(0),
            A::Bottom => self.select(usize::MAX),
            A::Open => self.open(),
            A::Back => self.back(),
            A::Quit => self.quit = true,
            A::ApForm => self.open_ap_form(self.ap_form_target()),
            A::Breaches => self.open_breaches(),
            A::Help => {
                self.help_scroll = 0;
                self.screens.push(Screen::Help);
            }
            // `/` again starts a new search.
            A::SearchStart => {
                self.searching = true;
                if !self.search.is_empty() {
                    self.search.clear();
                    self.refilter();
                }
            }
            A::SearchDone => self.searching = false,
            A::SearchCancel => {
                self.searching = false;
                self.search.clear();
                self.refilter();
            }
            A::SearchBackspace => {
                self.search.pop();
                self.refilter();
            }
            A::SearchChar(c) => {
                self.search.push(c);
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
                self.page = usize::from(h.saturating_sub(CHROME_ROWS)).max(1);
                self.select(self.selected);
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

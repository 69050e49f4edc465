//! The state machine: no drawing, no terminal. A key becomes an [`Action`] through the one
//! [`keymap`] table; [`App::update`] applies it, asking the register to persist what must be
//! recorded; `ui::draw` reads the state.
//!
//! - `action` — everything a user can do.
//! - `detail` — what the case detail shows, read from the register when it opens.
//! - `new_request` — the new-verzoek form: its fields, and saving it.
//! - `form` — form fields (text, date, instant, choice, multi-line) and their messages.
//! - `key` — the key notation.
//! - `keymap` — the one table of (mode, key, action, help text).
//! - `breach` — the datalek screens' state: the breach register and the AP form view.
//! - `checklist` — a case's checklist workbench and its prompts (issue 8).

pub mod action;
pub mod breach;
pub mod checklist;
pub mod detail;
pub mod form;
pub mod key;
pub mod keymap;
pub mod new_breach;
mod new_request;

use chrono::{DateTime, Utc};

pub use action::{Action, Task};
pub use key::{Key, KeyParseError, parse_keys};
pub use keymap::{Keymap, Mode};

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::deadline::Level;
use crate::domain::{CaseId, CaseKind, Event, Status, Summary};
use crate::i18n::Lang;
use crate::i18n::ui::UiMsg;
use crate::store::{Health, Store};
use crate::ui::theme::Theme;

/// One screen of the stack; the list is always at the bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The case list (home).
    List,
    /// A case's short detail.
    Detail(CaseId),
    /// The keys, generated from the keymap.
    Help,
    /// The AP form view of a datalek: its fields in the order of the AP's meldformulier.
    ApForm(CaseId),
    /// The breach register (AVG 33(5)): every datalek, notified or not.
    Breaches,
    /// A case's checklist.
    Checklist(CaseId),
    /// The form for a new verzoek.
    NewRequest,
    /// The new-datalek form.
    NewBreach,
}

/// Which statuses the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum StatusFilter {
    /// The cases that still need work (the default).
    #[default]
    Actief,
    /// Every case.
    Alle,
    /// One status.
    Is(Status),
}

impl StatusFilter {
    /// The cycle `s` walks: active, all, then each status.
    fn cycle() -> Vec<StatusFilter> {
        let mut v = vec![StatusFilter::Actief, StatusFilter::Alle];
        v.extend(Status::ALL.map(StatusFilter::Is));
        v
    }

    /// Whether a case of this status is shown.
    pub fn shows(self, status: Status) -> bool {
        match self {
            StatusFilter::Actief => status.is_active(),
            StatusFilter::Alle => true,
            StatusFilter::Is(s) => s == status,
        }
    }
}

/// The header's counts over the whole register.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Active cases.
    pub open: usize,
    /// Active cases due soon.
    pub bijna: usize,
    /// Active cases past a deadline.
    pub te_laat: usize,
    /// Cases waiting for the requester.
    pub wachtend: usize,
    /// Active datalekken whose AP duty (notify, or reason not to) is still open.
    pub breaches: usize,
    /// The nearest 72-hour mark among them: the header shows its hours and minutes left.
    pub breach_next: Option<DateTime<Utc>>,
}

/// A status-line message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The text, in the user's language.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

/// Rows of the screen that are not list rows (header, filters, table header, status, footer):
/// the page size for PgUp/PgDn, and the rows the list shows, is the height minus these.
pub const CHROME_ROWS: u16 = 5;

/// The whole state of the app.
pub struct App {
    screens: Vec<Screen>,
    store: Store,
    clock: Clock,
    now: DateTime<Utc>,
    lang: Lang,
    theme: Theme,
    keymap: Keymap,
    summaries: Vec<Summary>,
    /// Lowercased id, requester and child of each summary, for the search.
    haystacks: Vec<String>,
    /// Indices into `summaries` in urgency order.
    order: Vec<usize>,
    /// Indices into `summaries` of the rows shown, in urgency order.
    visible: Vec<usize>,
    selected: usize,
    search: String,
    searching: bool,
    kind_filter: Option<CaseKind>,
    status_filter: StatusFilter,
    counts: Counts,
    message: Option<Message>,
    page: usize,
    offset: usize,
    help_scroll: u16,
    breach: breach::BreachViews,
    quit: bool,
    /// The settings: the organisation (letters), its dossier regime, the letters folder.
    config: Config,
    /// The open checklist, if one is on the stack.
    checklist: Option<checklist::Checklist>,
    /// The new-verzoek form while it is open.
    request_form: Option<form::Form>,
    /// A yes/no question waiting for its answer.
    confirm: Option<Confirm>,
    /// The open case's record and history, read when it was opened.
    case_view: Option<detail::CaseView>,
    /// The prompt being filled on the checklist or the detail, if any.
    prompt: Option<checklist::Prompt>,
}

/// A yes/no question, and what yes does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Throw the typed form away and go back.
    DiscardForm,
    /// Throw the typed form away and leave privdesk.
    DiscardAndQuit,
}

impl App {
    /// The app on an open register, reading its summaries. The clock is the caller's: a fixed
    /// one only on a demo register (the drivers check; `SetNow` checks again).
    pub fn new(store: Store, clock: Clock, lang: Lang, theme: Theme) -> App {
        let now = clock.now();
        let mut app = App {
            screens: vec![Screen::List],
            store,
            clock,
            now,
            lang,
            theme,
            keymap: Keymap::default(),
            summaries: Vec::new(),
            haystacks: Vec::new(),
            order: Vec::new(),
            visible: Vec::new(),
            selected: 0,
            search: String::new(),
            searching: false,
            kind_filter: None,
            status_filter: StatusFilter::default(),
            counts: Counts::default(),
            message: None,
            page: 20,
            offset: 0,
            help_scroll: 0,
            breach: breach::BreachViews::default(),
            quit: false,
            config: Config::default(),
            checklist: None,
            request_form: None,
            confirm: None,
            case_view: None,
            prompt: None,
        };
        app.load();
        app.message = app
            .store
            .open_notice(lang)
            .map(|(text, error)| Message { text, error });
        app
    }

    /// The app with the settings of `privdesk.toml`: the organisation a letter needs, the
    /// dossier regime a new case is registered under, the folder letters go to.
    pub fn with_config(mut self, config: Config) -> App {
        self.config = config;
        self
    }

    /// The settings in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The dossier regime a new case is registered under (`organisatie.dossierregime`); the
    /// case keeps it, so a later change of the setting does not rewrite old assessments.
    pub fn regime(&self) -> crate::domain::authority::DossierRegime {
        self.config.organisatie.dossierregime
    }

    // ---- reading the state (for the ui and the drivers) ----

    /// The new-verzoek form, while it is open.
    pub fn request_form(&self) -> Option<&form::Form> {
        self.request_form.as_ref()
    }

    /// The question waiting for a yes or no, if any.
    pub fn confirm(&self) -> Option<Confirm> {
        self.confirm
    }

    /// The open case's record and history.
    pub fn case_view(&self) -> Option<&detail::CaseView> {
        self.case_view.as_ref()
    }

    /// The screen on top.
    pub fn screen(&self) -> Screen {
        self.screens.last().copied().unwrap_or(Screen::List)
    }

    /// The screen below the top one (what the help overlays).
    pub fn screen_below(&self) -> Screen {
        let n = self.screens.len();
        if n >= 2 {
            self.screens[n - 2]
        } else {
            Screen::List
        }
    }

    /// The mode the help was opened from (the screen under it): its keys come first.
    pub fn help_from(&self) -> Mode {
        match self.screen_below() {
            Screen::List | Screen::Help => Mode::List,
            Screen::Detail(_) => Mode::Detail,
            Screen::ApForm(_) => Mode::ApForm,
            Screen::Breaches => Mode::Breaches,
            Screen::Checklist(_) => Mode::Checklist,
            Screen::NewRequest | Screen::NewBreach => Mode::Form,
        }
    }

    /// What the help lists: each mode with its keys and their help texts, the mode it was opened
    /// from first, then the others in the table's order — all read from the one keymap.
    pub fn help_sections(&self) -> Vec<(Mode, keymap::HelpLines)> {
        let from = self.help_from();
        std::iter::once(from)
            .chain(Mode::ALL.into_iter().filter(|m| *m != from))
            .map(|m| {
                // The context (the case in view) is the screen the help was opened from.
                let keys = if m == from {
                    self.keymap.help(m, |a| self.applies(a))
                } else {
                    self.keymap.help(m, |_| true)
                };
                (m, keys)
            })
            .collect()
    }

    /// The kind of the case the screen is about (under the help, the screen it was opened
    /// from): the detail's or the checklist's case; none on the other screens.
    pub fn kind_in_view(&self) -> Option<CaseKind> {
        let screen = match self.screen() {
            Screen::Help => self.screen_below(),
            s => s,
        };
        match screen {
            Screen::Checklist(_) if let Some(c) = &self.checklist => Some(c.case.kind),
            Screen::Detail(id) | Screen::Checklist(id) | Screen::ApForm(id) => {
                self.summary(id).map(|s| s.kind)
            }
            _ => None,
        }
    }

    /// Whether an action applies to the case in view (every action does where no case is):
    /// the footer and the help show the keys of those that do.
    pub fn applies(&self, action: Action) -> bool {
        self.kind_in_view().is_none_or(|k| action.applies_to(k))
    }

    /// Where keys go now.
    pub fn mode(&self) -> Mode {
        if self.confirm.is_some() {
            return Mode::Confirm;
        }
        match self.screen() {
            Screen::List if self.searching => Mode::Search,
            Screen::List => Mode::List,
            Screen::Detail(_) if self.prompt.is_some() => Mode::Prompt,
            Screen::Detail(_) => Mode::Detail,
            Screen::Help => Mode::Help,
            Screen::ApForm(_) => Mode::ApForm,
            Screen::Breaches => Mode::Breaches,
            Screen::Checklist(_) if self.prompt.is_some() => Mode::Prompt,
            Screen::Checklist(_) => Mode::Checklist,
            Screen::NewRequest | Screen::NewBreach => Mode::Form,
        }
    }

    /// The clock's instant, read at the last tick.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The user's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The theme.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The keymap, for the footer and the help.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Whether the register is a demo (the DEMO banner; an injectable clock).
    pub fn is_demo(&self) -> bool {
        self.store.is_demo()
    }

    /// The store's health, for the read-only banner.
    pub fn health(&self) -> &Health {
        self.store.health()
    }

    /// The user changes are recorded by.
    pub fn user(&self) -> &str {
        self.store.user()
    }

    /// The store, for the driver's flush on quit.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The rows shown, in urgency order.
    pub fn visible(&self) -> impl ExactSizeIterator<Item = &Summary> {
        self.visible.iter().map(|&i| &self.summaries[i])
    }

    /// The number of cases in the register.
    pub fn total_len(&self) -> usize {
        self.summaries.len()
    }

    /// The number of rows shown.
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    /// The position of the selected row among those shown.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first row in view: the list scrolls only when the selection would leave the page.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The selected case, if any row is shown.
    pub fn selected_summary(&self) -> Option<&Summary> {
        self.visible.get(self.selected).map(|&i| &self.summaries[i])
    }

    /// The summary of a case.
    pub fn summary(&self, id: CaseId) -> Option<&Summary> {
        self.summaries.iter().find(|s| s.id == id)
    }

    /// The search text.
    pub fn search(&self) -> &str {
        &self.search
    }

    /// Whether the search box has focus.
    pub fn searching(&self) -> bool {
        self.searching
    }

    /// The kind shown, or all.
    pub fn kind_filter(&self) -> Option<CaseKind> {
        self.kind_filter
    }

    /// The statuses shown.
    pub fn status_filter(&self) -> StatusFilter {
        self.status_filter
    }

    /// The header's counts.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// The status-line message.
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// How far the help is scrolled.
    pub fn help_scroll(&self) -> u16 {
        self.help_scroll
    }

    /// Whether the user asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    // ---- changing the state ----

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
            A::Task(Task::Letter) => matches!(mode, Mode::Checklist | Mode::Detail),
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
        }
    }

    /// Applies an action. Never panics; a failed save leaves the state as it was and says why
    /// on the status line.
    pub fn update(&mut self, action: Action) {
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
            A::PageUp | A::PageDown | A::Top | A::Bottom if mode == Mode::Detail => {
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
            A::FieldInput(key) => self.with_form(|f| f.input(key)),
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
            A::SearchStart => self.searching = true,
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
            A::NextKind | A::PrevKind => {
                let mut cycle = vec![None];
                cycle.extend(CaseKind::ALL.map(Some));
                self.kind_filter = step(&cycle, self.kind_filter, action == A::NextKind);
                self.refilter();
            }
            A::OnlyBreaches => {
                self.kind_filter = match self.kind_filter {
                    Some(CaseKind::Datalek) => None,
                    _ => Some(CaseKind::Datalek),
                };
                self.refilter();
            }
            A::NextStatus | A::PrevStatus => {
                let cycle = StatusFilter::cycle();
                self.status_filter = step(&cycle, self.status_filter, action == A::NextStatus);
                self.refilter();
            }
            A::Tick => {
                self.now = self.clock.now();
                self.resort();
            }
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
        }
    }

    fn say(&mut self, text: String, error: bool) {
        self.message = Some(Message { text, error });
    }

    /// Reads every summary and rebuilds the list.
    fn load(&mut self) {
        let summaries = self.store.summaries();
        self.haystacks = summaries.iter().map(haystack).collect();
        self.summaries = summaries;
        self.resort();
    }

    /// Sorts by urgency at `now`, recounts the header, and refilters, keeping the selected case.
    fn resort(&mut self) {
        let now = self.now;
        let mut keyed: Vec<_> = self
            .summaries
            .iter()
            .enumerate()
            .map(|(i, s)| (s.urgency_key(now), s.level(now), i))
            .collect();
        keyed.sort_unstable_by_key(|k| k.0);
        let mut counts = Counts::default();
        for (_, level, i) in &keyed {
            let s = &self.summaries[*i];
            if s.status.is_active() {
                counts.open += 1;
                match level {
                    Level::TeLaat => counts.te_laat += 1,
                    Level::Bijna => counts.bijna += 1,
                    _ => {}
                }
            }
            if s.status == Status::Wachtend {
                counts.wachtend += 1;
            }
            if s.status.is_active()
                && !s.breach_done
                && let Some(due) = s.breach_due
            {
                counts.breaches += 1;
                counts.breach_next = Some(counts.breach_next.map_or(due, |n| n.min(due)));
            }
        }
        self.counts = counts;
        self.order = keyed.into_iter().map(|(_, _, i)| i).collect();
        self.refilter();
    }

    /// Recomputes the rows shown from the filters and the search, keeping the selected case
    /// selected when it is still shown.
    fn refilter(&mut self) {
        let keep = self.selected_summary().map(|s| s.id);
        let needle = self.search.to_lowercase();
        let needle = needle.trim();
        let (kind, status) = (self.kind_filter, self.status_filter);
        self.visible = self
            .order
            .iter()
            .copied()
            .filter(|&i| {
                let s = &self.summaries[i];
                kind.is_none_or(|k| k == s.kind)
                    && status.shows(s.status)
                    && (needle.is_empty() || self.haystacks[i].contains(needle))
            })
            .collect();
        let at = keep.and_then(|id| {
            self.visible
                .iter()
                .position(|&i| self.summaries[i].id == id)
        });
        self.select(at.unwrap_or(0));
    }

    fn select(&mut self, at: usize) {
        self.selected = at.min(self.visible.len().saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.page {
            self.offset = self.selected + 1 - self.page;
        }
        // Never leave empty rows at the bottom while there are rows above.
        self.offset = self
            .offset
            .min(self.visible.len().saturating_sub(self.page));
    }

    /// Opens the selected case, recording that it was read (AVG accountability). If the
    /// register cannot record it, the case stays closed and the status line says why.
    fn open(&mut self) {
        let Some(id) = self.selected_summary().map(|s| s.id) else {
            self.say(UiMsg::NothingSelected.text(self.lang).to_string(), true);
            return;
        };
        if self.record_read(id) {
            self.load_case_view(id);
            self.screens.push(Screen::Detail(id));
        }
    }

    /// Records that case `id` was read (AVG accountability); false, having said why on the
    /// status line, when the register cannot record it.
    fn record_read(&mut self, id: CaseId) -> bool {
        match self.store.save(vec![Event::Viewed { case: id }], self.now) {
            Ok(_) => true,
            Err(e) => {
                let text = UiMsg::NotRecorded.fill(self.lang, &[("why", &e.message(self.lang))]);
                self.say(text, true);
                false
            }
        }
    }

    /// In a detail, Up/Down step to the neighbouring case of the list (recording the read).
    fn step_detail(&mut self, down: bool) {
        let before = self.selected;
        let next = if down {
            before.saturating_add(1)
        } else {
            before.saturating_sub(1)
        };
        self.select(next);
        if self.selected == before {
            return;
        }
        self.screens.pop();
        let len = self.screens.len();
        self.open();
        if self.screens.len() == len {
            // Not recorded: back where we were, the detail of the case before.
            self.selected = before;
            if let Some(id) = self.selected_summary().map(|s| s.id) {
                self.screens.push(Screen::Detail(id));
            }
        }
    }

    fn back(&mut self) {
        if self.screens.len() > 1 {
            if let Some(Screen::Detail(_)) = self.screens.pop() {
                self.case_view = None;
            }
        } else if !self.search.is_empty()
            || self.kind_filter.is_some()
            || self.status_filter != StatusFilter::default()
        {
            self.search.clear();
            self.kind_filter = None;
            self.status_filter = StatusFilter::default();
            self.refilter();
        }
    }
}

/// What the search looks in: the lowercased id, requester and child of a case.
fn haystack(s: &Summary) -> String {
    format!("{}\n{}\n{}", s.id, s.party, s.child).to_lowercase()
}

/// The value after (or before) `current` in a cycle.
fn step<T: PartialEq + Copy>(cycle: &[T], current: T, forward: bool) -> T {
    let n = cycle.len();
    let at = cycle.iter().position(|c| *c == current).unwrap_or(0);
    let next = if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    };
    cycle.get(next).copied().unwrap_or(current)
}

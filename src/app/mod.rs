//! The state machine: no drawing, no terminal. A key becomes an [`Action`] through the one
//! [`keymap`] table; [`App::update`] applies it, asking the register to persist what must be
//! recorded; `ui::draw` reads the state.
//!
//! - this file — the [`App`] itself: its state, its constructor, what the drivers read of it.
//! - `dispatch` — from a key to a change: which actions a mode accepts, [`App::update`].
//! - `screen` — the screen stack and the mode it puts keys in.
//! - `list` — the case list: urgency order, header counts, search, filters, selection.
//! - `message` — the status line's message.
//! - `action` — everything a user can do.
//! - `detail` — what the case detail shows, read from the register when it opens; opening it.
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
mod dispatch;
pub mod form;
pub mod key;
pub mod keymap;
mod list;
mod message;
pub mod new_breach;
mod new_request;
mod saving;
mod screen;

use chrono::{DateTime, Utc};
use std::sync::Arc;

pub use action::{Action, Task};
pub use key::{Key, KeyParseError, parse_keys};
pub use keymap::{Keymap, Mode};
pub use list::{CHROME_ROWS, Counts, StatusFilter};
pub use message::Message;
pub use screen::{Confirm, Screen};

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::{CaseKind, Summary};
use crate::i18n::Lang;
use crate::store::{ChainCheck, ChainState, Health, Register};
use crate::ui::theme::Theme;

/// The whole state of the app.
pub struct App {
    screens: Vec<Screen>,
    store: Box<dyn Register>,
    clock: Clock,
    now: DateTime<Utc>,
    lang: Lang,
    theme: Theme,
    keymap: Keymap,
    summaries: Vec<Arc<Summary>>,
    /// Lowercased id, requester and child of each summary, for the search; made at the first
    /// search (a prefix of `summaries`, filled up before each search).
    haystacks: Vec<String>,
    /// Indices into `summaries` in urgency order.
    order: Vec<usize>,
    /// Indices into `summaries` of the rows shown, in urgency order.
    visible: Vec<usize>,
    selected: usize,
    search: String,
    /// Rows the search shows by their id although the status filter hides them (a closed
    /// case found by its number): the list says so.
    shown_by_id: usize,
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
    /// A decision prompt left with text typed in (refused, then Esc to fix the checklist): it
    /// opens again with that text for the same case (issue 18).
    decision_draft: Option<(crate::domain::CaseId, form::Form)>,
    /// The whole journal's chain, checked in the background since the app started.
    chain: ChainCheck,
}

impl App {
    /// The app on an open register, reading its summaries. The clock is the caller's: a fixed
    /// one only on a demo register (the drivers check; `SetNow` checks again).
    pub fn new(store: impl Register + 'static, clock: Clock, lang: Lang, theme: Theme) -> App {
        let now = clock.now();
        let mut app = App {
            screens: vec![Screen::List],
            store: Box::new(store),
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
            shown_by_id: 0,
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
            decision_draft: None,
            chain: ChainCheck::default(),
        };
        app.chain = app.store.check_chain();
        app.load();
        app.message = app
            .store
            .notice(lang)
            .map(|(text, error)| Message { text, error });
        app
    }

    /// What the background check of the journal's chain found, once it has finished.
    pub fn chain_state(&self) -> Option<&ChainState> {
        self.chain.state()
    }

    /// Waits until the background check of the journal's chain has finished (headless does,
    /// before its first command, so its screens do not race the check).
    pub fn wait_for_chain_check(&self) -> &ChainState {
        self.chain.wait()
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
    pub fn health(&self) -> Health {
        self.store.health()
    }

    /// The login's role in a team's register (the header shows it), `None` on a local one.
    pub fn role(&self) -> Option<crate::store::register::Role> {
        self.store.role()
    }

    /// The user changes are recorded by.
    pub fn user(&self) -> &str {
        self.store.user()
    }

    /// The register, for the driver's flush on quit.
    pub fn store(&self) -> &dyn Register {
        &*self.store
    }

    /// How far the help is scrolled.
    pub fn help_scroll(&self) -> u16 {
        self.help_scroll
    }

    /// Whether the user asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }
}
#[cfg(test)]
mod tests;

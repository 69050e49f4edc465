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
//! - `refresh` — the live team: others' saves, who else has a case open, a lost connection.
//! - `handler_filter` — the list's behandelaar filter (issue 22).

pub mod action;
pub mod breach;
pub mod checklist;
pub mod detail;
mod dispatch;
mod filter;
pub mod form;
pub mod handler_filter;
pub mod key;
pub mod keymap;
mod list;
mod message;
pub mod new_breach;
mod new_request;
pub mod overview;
mod refresh;
mod saving;
mod screen;
pub mod why;

use chrono::{DateTime, Utc};

pub use action::{Action, Task};
pub use filter::{Filters, Label as FilterLabel, StatusFilter, Urgency};
pub use key::{Key, KeyParseError, parse_keys};
pub use keymap::{Keymap, Mode};
pub use list::{CHROME_ROWS, Counts};
pub use message::Message;
pub use screen::{Confirm, Screen};

use crate::clock::Clock;
use crate::config::Config;

use crate::i18n::Lang;
use crate::store::{ChainCheck, ChainState, Health, Register};

/// A banner of the header: what must not be missed about the register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Banner {
    /// A demo register: fictitious cases.
    Demo,
    /// The disk is full: nothing can be saved until there is room.
    DiskFull,
    /// The working store is damaged: read-only until repaired.
    Damaged,
    /// Read-only until a restart.
    ReadOnly,
    /// Moved to a team's register: read-only for good.
    Moved,
    /// The journal's chain breaks at this line.
    JournalBroken(u64),
    /// The journal could not be read to its end.
    JournalUnreadable,
    /// A team's register whose connection is lost: read-only while it reconnects.
    Offline,
}

/// The whole state of the app.
pub struct App {
    /// The screens, the list at the bottom; each holds its own state.
    screens: Vec<screen::View>,
    /// The case list (home, always at the bottom of the stack).
    list: list::CaseList,
    store: Box<dyn Register>,
    clock: Clock,
    /// The clock's instant, read at the start of each action.
    now: DateTime<Utc>,
    lang: Lang,
    keymap: Keymap,
    message: Option<Message>,
    /// The settings: the organisation (letters), its dossier regime, the letters folder.
    config: Config,
    /// The whole journal's chain, checked in the background since the app started.
    chain: ChainCheck,
    /// Others' saves and presence on a team's register (issue 20).
    live: refresh::LiveState,
    quit: bool,
}

impl App {
    /// The app on an open register, reading its summaries. The clock is the caller's: a fixed
    /// one only on a demo register (the drivers check; `SetNow` checks again).
    pub fn new(store: impl Register + 'static, clock: Clock, lang: Lang) -> App {
        let now = clock.now();
        let role = store.role();
        let mut app = App {
            screens: vec![screen::View::List],
            store: Box::new(store),
            clock,
            now,
            lang,
            keymap: Keymap::for_role(role),
            list: list::CaseList::default(),
            message: None,
            quit: false,
            config: Config::default(),
            chain: ChainCheck::default(),
            live: refresh::LiveState::default(),
        };
        app.chain = app.store.check_chain();
        app.load();
        app.open_start_screen(role);
        app.start_live();
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
        // Vier ogen as the organisation set it: on a team's register always, on a local one
        // only when `vier_ogen.lokaal` says so (issue 22). The register enforces it.
        let team = self.store.role().is_some();
        self.store.set_vier_ogen(config.vier_ogen.policy(team));
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

    /// The clock's instant, read at the last tick.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The user's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The keymap, for the footer and the help.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Whether the register is a demo (the DEMO banner; an injectable clock).
    pub fn is_demo(&self) -> bool {
        self.store.is_demo()
    }

    /// The banners the header must show: what the ui knows of the register's health and its
    /// chain (never the store's own types).
    pub fn banners(&self) -> Vec<Banner> {
        let mut out = Vec::new();
        if self.store.is_demo() {
            out.push(Banner::Demo);
        }
        match self.store.health() {
            Health::Ok => {}
            Health::Damaged(crate::store::Damage::DiskFull) => out.push(Banner::DiskFull),
            Health::Damaged(_) => out.push(Banner::Damaged),
            Health::ReadOnly(crate::store::ReadOnlyWhy::Moved) => out.push(Banner::Moved),
            Health::ReadOnly(crate::store::ReadOnlyWhy::Offline) => out.push(Banner::Offline),
            Health::ReadOnly(_) => out.push(Banner::ReadOnly),
        }
        match self.chain.state() {
            Some(ChainState::Broken(bad)) => out.push(Banner::JournalBroken(bad.line)),
            Some(ChainState::Unreadable(_)) => out.push(Banner::JournalUnreadable),
            _ => {}
        }
        out
    }

    /// The login's role in a team's register (the header shows it), `None` on a local one.
    pub fn role(&self) -> Option<crate::domain::Role> {
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

    /// Whether the user asked to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }
}
#[cfg(test)]
mod tests;

//! privdesk — the case register and workbench of a JGZ privacy desk.
//!
//! Module map (dependencies point down only):
//! - `terminal` — the terminal driver: events in (every waiting one before a frame, a paste as
//!   one insertion), frames out.
//! - `headless` — the key-script driver over ratatui's `TestBackend` (and its script parser).
//! - `cli` — the subcommands' logic (`deadline`, `audit`, `export`) and `cli::session`, which opens the register,
//!   clock and theme both screen drivers run on; `cli::signals` removes throw-away registers on
//!   a signal; `cli::help` and `cli::manual` give the clap definitions their texts, the man page
//!   and the completions; `main.rs` stays thin.
//! - `ui` — rendering: `ui::draw(&App, frame)` reads the state, changes nothing; the semantic
//!   theme (`ui::theme`, files in `themes/`).
//! - `app` — the state machine: `Action`, the screen stack, `App::update`, the one keymap table
//!   and the key notation.
//! - `clock` — the one clock: system time, or fixed on a demo register.
//! - `config` — `privdesk.toml`: compiled-in defaults with a validated sparse overlay.
//! - `domain` — the legal rules: calendar (holidays, working days, months), deadlines and
//!   warnings, the instant grammar, authority, checklists, the case model.
//!   Pure: no IO, no clock reads.
//! - `demo` — the fictitious seed of a `--demo` register, built through the domain; `demo::bulk`,
//!   the large fictitious registers of the benchmarks and scale tests.
//! - `letters` — the letters to a requester (ontvangstbevestiging, verlenging, besluit): the
//!   refusal check, Markdown templates (compiled in, overridable), writing without overwriting.
//! - `i18n` — every user-facing string, nl and en.
//! - `store` — the register on disk: the journal (the truth) and the sled working store.
#![forbid(unsafe_code)]

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod domain;
pub mod headless;
pub mod i18n;
pub mod letters;
pub mod store;
pub mod terminal;
pub mod ui;

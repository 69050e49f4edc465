//! privdesk — the case register and workbench of a JGZ privacy desk.
//!
//! Module map (dependencies point down only):
//! - `headless` — the key-script driver; for now the script parser (`headless::script`).
//! - `ui` — rendering; for now the semantic theme (`ui::theme`, files in `themes/`).
//! - `app` — the state machine; for now the key notation (`app::key`).
//! - `config` — `privdesk.toml`: compiled-in defaults with a validated sparse overlay.
//! - `cli` — the subcommands' logic (`deadline`): argument values in, output lines or a typed
//!   error out, so `main.rs` stays thin.
//! - `domain` — the legal rules: calendar (holidays, working days, months), deadlines and
//!   warnings, the instant grammar, authority, checklists, the case model.
//!   Pure: no IO, no clock reads.
//! - `demo` — the fictitious seed of a `--demo` register, built through the domain.
//! - `letters` — the letters to a requester (ontvangstbevestiging, verlenging, besluit): the
//!   refusal check, Markdown templates (compiled in, overridable), writing without overwriting.
//! - `i18n` — every user-facing string, nl and en.
#![forbid(unsafe_code)]

pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod headless;
pub mod i18n;
pub mod letters;
pub mod ui;

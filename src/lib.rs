//! privdesk — the case register and workbench of a JGZ privacy desk.
//!
//! Module map (dependencies point down only):
//! - `cli` — the subcommands' logic (`deadline`): argument values in, output lines or a typed
//!   error out, so `main.rs` stays thin.
//! - `domain` — the legal rules: calendar (holidays, working days, months), deadlines and
//!   warnings, the instant grammar, authority, checklists, the case model.
//!   Pure: no IO, no clock reads.
//! - `i18n` — every user-facing string, nl and en.
#![forbid(unsafe_code)]

pub mod cli;
pub mod domain;
pub mod i18n;

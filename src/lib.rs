//! privdesk — the case register and workbench of a JGZ privacy desk.
//!
//! Module map (dependencies point down only):
//! - `cli` — the subcommands' logic (`audit`, `export`): values in, output and an exit code out,
//!   so `main.rs` stays thin.
//! - `domain` — the legal rules: calendar, deadlines, authority, checklists, the case model.
//!   Pure: no IO, no clock reads.
//! - `i18n` — every user-facing string, nl and en.
//! - `store` — the register on disk: the journal (the truth) and the sled working store.
#![forbid(unsafe_code)]

pub mod cli;
pub mod domain;
pub mod i18n;
pub mod store;
